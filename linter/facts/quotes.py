"""Who said what: reporting cues, their speakers, and each direct quote's attribution.

News style wants every quotation to have a speaker. Rule-based quote attribution in
news (the Gender Gap Tracker, Muzny et al.'s sieves) works by looking for a reporting
verb and its subject near the quote; that is what this module does, without a parser:

* :func:`find_cues` finds every reporting cue in the prose -- a reporting verb
  ("said", "told", "argued"), a cue phrase ("according to", "in a statement", "chimed
  in") or a headline colon ("Blinken: “…”") -- and the noun phrase that is its speaker,
  looked for before the verb ("Blinken said", "a senior official had also said") and
  after it ("…,” said Blinken"). Text inside long quotes is blanked first, so a verb a
  speaker uses inside a quote is not a cue; a short quoted word ("they “reaffirmed”")
  still is. A form after a determiner, a possessive or a plural quantifier is a noun
  ("his remarks", "some states"); one after "is"/"was" with no "by" is a passive that
  names no speaker ("the data is closely observed").
* :func:`attribute_quotes` gives each quote (``doc.quotes``) one :class:`Attribution`,
  trying, in order: a speaker label or signature (:mod:`linter.facts.signatures`); a
  cue in the quote's own sentence(s); a lead-in ending in a colon; a title or scare
  quote that needs no speaker; the sentence before or just after
  (:mod:`linter.facts.continuity`); a repeat of words already quoted from a speaker;
  a headline naming the speaker of the whole piece; the one person who says every
  first-person quote of a profile. What is left has ``how == "none"``: a quote with no
  speaker.

The word lists (reporting verbs, stance verbs, cue phrases, title cues, speaker nouns)
are handed in as a :class:`Lexicon` -- by the engine, from the run's rule packs -- never
read here.

Everything is linear in the document: cues are found in one token pass and looked
up by bisection; a quote only looks at its own and neighbouring sentences.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import ABBREVIATIONS, Quote, Span, blank_spans, per_document
from ..text import words_pattern
from . import signatures
from .continuity import Continuity, speaker_key
from .speakers import is_speaker

# A quote of at most this many words that does not read as a full sentence is a
# fragment or scare quote (they “reaffirmed”; for “as long as needed”): it needs no
# speaker of its own, and a reporting verb inside it still counts as a cue.
FRAGMENT_WORDS = 4

# How far (in characters) from a quote or a word a cue in the same sentence may be.
_REACH = 400

# How a quote got its attribution (``Attribution.how``).
HOW_SAME_SENTENCE = "same-sentence"
HOW_PREVIOUS = "previous-sentence"
HOW_NEXT = "next-sentence"
HOW_CONTINUATION = "continuation"
HOW_LEAD_IN = "lead-in"
HOW_ECHO = "echo"
HOW_TITLE = "title"
HOW_FRAGMENT = "fragment"
HOW_PARTIAL = "partial"
HOW_SIGNATURE = "signature"
HOW_HEADLINE = "headline"
HOW_SOLE = "sole-speaker"
HOW_NONE = "none"
# a quote attributed in one of these ways can be continued by the next one, and echoed
_SPOKEN = frozenset((HOW_SAME_SENTENCE, HOW_PREVIOUS, HOW_NEXT, HOW_CONTINUATION, HOW_LEAD_IN, HOW_SIGNATURE))


# ---------------------------------------------------------------------------
# Word lists


@dataclass(frozen=True)
class Lexicon:
    """The word lists attribution reads, as tuples (hashable, so results can be cached).
    Built by the engine from the run's word lists (:func:`lexicon_for`); a list the run
    does not have is empty."""

    verbs: tuple[str, ...]
    cues: tuple[str, ...]
    titles: tuple[str, ...]
    stance: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()  # nouns for people and bodies that speak ("spokesman", "residents")

    NAMES = ("reporting-verbs", "attribution-cues", "title-cues", "stance-verbs", "speaker-nouns")

    @classmethod
    def from_wordlists(cls, wordlists: dict) -> "Lexicon":
        get = lambda name: tuple(str(w) for w in wordlists.get(name, ()))  # noqa: E731
        return cls(get("reporting-verbs"), get("attribution-cues"), get("title-cues"), get("stance-verbs"),
                   get("speaker-nouns"))


@dataclass(frozen=True)
class _Compiled:
    verbs: frozenset  # lower-case single-word forms (speech + stance)
    speech: frozenset
    cues: dict  # first word (lower case) -> phrases as word tuples, longest first
    title_before: re.Pattern
    # the same phrases by their first two words (a one-word phrase last, as the fallback;
    # alone under (word, None)), so a common first word ("in", "the") costs one probe,
    # not a comparison per phrase
    cue_pairs: dict
    words: frozenset  # verbs and first words of phrases: the tokens worth a closer look
    speakers: frozenset  # speaker nouns, lower case


@lru_cache(maxsize=8)
def _compiled(lex: Lexicon) -> _Compiled:
    # no title cues: a pattern that never matches (an empty alternation would match everywhere)
    titles = words_pattern(lex.titles) if any(t.strip() for t in lex.titles) else r"(?!x)x"
    cues: dict[str, list[tuple[str, ...]]] = {}
    for phrase in set(lex.cues):
        words = tuple(phrase.lower().split())
        if words:
            cues.setdefault(words[0], []).append(words)
    for v in cues.values():
        v.sort(key=len, reverse=True)
    pairs: dict[tuple[str, str | None], list[tuple[str, ...]]] = {}
    for first, phrases in cues.items():
        for words in phrases:
            if len(words) > 1:
                pairs.setdefault((first, words[1]), []).append(words)
        singles = [w for w in phrases if len(w) == 1]
        if singles:
            for key in [k for k in pairs if k[0] == first]:
                pairs[key] += singles
            pairs[(first, None)] = singles
    # Verbs and phrases are looked up token by token (a dict probe per word), not with one
    # big regex alternation, which Python's re tries alternative by alternative.
    verbs = frozenset(w.lower() for w in lex.verbs + lex.stance if w.strip())
    return _Compiled(
        verbs=verbs,
        speech=frozenset(w.lower() for w in lex.verbs),
        cues=cues,
        # a title cue right before the opening mark: 'a briefing entitled, “…”'
        title_before=re.compile(titles + r"(?:\s+(?:is|was|were|are|reads|read))?[\s,:]*$", re.I),
        cue_pairs=pairs,
        words=verbs | frozenset(cues),
        speakers=frozenset(w.lower() for w in lex.speakers),
    )


def _names_before(prev: str, lex: "_Compiled") -> bool:
    """Is ``prev`` a subject that makes a noun-like form a verb ("Viguerie notes"), or a
    closing quote mark before an inversion ("…,” states the report")?"""
    low = prev.lower()
    return (prev[:1].isupper() and low not in _DETERMINERS) or low in ("he", "she", "it", "which", "who", "that") \
        or low in lex.speakers or prev in ("”", '"')


def _bare(tok: str) -> str:
    """A token for word-list lookup: lower case, without a sentence-final full stop."""
    return (tok[:-1] if tok.endswith(".") else tok).lower()


# ---------------------------------------------------------------------------
# Cues and speakers


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue: a verb, a cue phrase or a headline colon, with its speaker if found."""

    start: int
    end: int
    kind: str  # "verb" | "phrase" | "colon" | "dash"
    speaker: Span | None = None
    speech: bool = True  # a speech verb or phrase, not a stance verb ("believes", "called")
    passive: bool = False  # "was told", "is closely observed": names no speaker


@dataclass(frozen=True, slots=True)
class Attribution:
    """A direct quote and who said it. ``how`` says how the attribution was found
    (one of the ``HOW_*`` values); ``speaker`` and ``cue`` are spans when found."""

    quote: Quote
    speaker: Span | None
    cue: Span | None
    how: str

    @property
    def needs_speaker(self) -> bool:
        return self.how not in (HOW_TITLE, HOW_FRAGMENT, HOW_PARTIAL)

    @property
    def spoken(self) -> bool:
        """Attributed to a speaker in the text around it (not a title, echo or guess)."""
        return self.how in _SPOKEN

    @property
    def unattributed(self) -> bool:
        return self.how == HOW_NONE


_TOKEN = re.compile(r"[^\W_][\w.'’&-]*|[^\s\w]")
_DETERMINERS = frozenset("the a an his her its their our my your whose this these those no any every each such".split())
_NP_DETERMINERS = frozenset("the a an his her its their our my your this these those".split())
_PRONOUNS = frozenset("he she they we i you it who one which".split())
_SKIP = frozenset(
    """has have had also later previously then once again further repeatedly recently would will could
    may might did does do not n't is was were are been be just already still even only now publicly
    privately earlier initially separately today yesterday reportedly quickly simply finally both all
    has've often always never""".split()
)
_STOP = frozenset(
    """that which and but or nor when if as because while after before since than to of for in on at by
    with from about into onto what where how why so though although whether unless until over under
    there here it's is was were are be been being however yet meanwhile instead""".split()
)
_FORWARD_STOP = _STOP | _SKIP | frozenset("most more very too".split())
_QUANTIFIERS = frozenset("one two three four five six seven eight nine ten several some many few most other others both".split())
_PASSIVE = frozenset("was were is are been being be".split())
# before a plural noun: "some states", "many calls", "two reports" are not verbs
_PLURAL_QUANTIFIERS = frozenset(
    "some many few most several all both other various numerous these those two three four five six seven "
    "eight nine ten dozens hundreds thousands".split())
# capitalised mid-sentence, these are still the verb ("Hillary Clinton Said", "Murphy … Tweeted")
_TITLE_VERBS = frozenset("said says told tells wrote writes sang sings".split())
_BASE_FORMS = frozenset("say tell claim argue insist contend warn believe think read add explain note ask reply "
                        "respond comment announce declare write tweet".split())
_REFUSALS = frozenset("declined decline declines refused refuse refuses wouldn't won't would will not never "
                      "failed unable reluctant hesitant".split())
# forms that are mostly nouns ("the notes", "the states", "reports") but verbs right after a
# name, a pronoun, "which" or a speaking noun: "Viguerie notes", "the report, which notes",
# "the ad states"
_NAME_VERBS = frozenset("notes states reports comments recalls forecasts".split())
# cue phrases that do not follow their speaker ("in a statement", "according to …", "the letter read")
_PHRASE_NO_SUBJECT = ("in ", "according", "as quoted", "quoted as", "the ", "that ", "a ", "his ", "her ", "their ", "its ")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:][\"”’)]*)\s*$")
# an epigraph or pull quote signed with a dash: “…” -- Bertrand Russell
_DASH_SPEAKER = re.compile(r"[”\"»]\s*(?:--|—|–|―)\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
_POSSESSIVE_VIEW = re.compile(r"\b[Ii]n\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})['’]s?\s+(?:own\s+)?(?:view|words|opinion|telling)\b")
_CLOSE_QUOTE_COMMA = re.compile(r"[,?!…—–-]\s*[”\"»]\s*$|[”\"»]\s*[,—–-]?\s*$")
_COLON_SPEAKER = re.compile(r"(?:^|(?<=[.!?]\s))([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*:\s*(?=[“\"«„‘'])")


def _is_word(tok: str) -> bool:
    return tok[:1].isalnum()


def _np_backward(tokens: list[re.Match], i: int, depth: int = 0) -> Span | None:
    """The noun phrase ending at token ``i`` (walking left), or None."""
    if depth > 2:
        return None
    while i >= 0 and _is_word(tokens[i].group()) and (
        (tokens[i].group().lower() in _SKIP and not tokens[i].group()[:1].isupper())  # ("May replied": a name)
        or (tokens[i].group().endswith("ly") and tokens[i].group().islower())
    ):
        i -= 1
    if i < 0:
        return None
    tok = tokens[i].group()
    if tok in ("“", '"', "‘") and i > 0:
        return _np_backward(tokens, i - 1, depth + 1)  # they “reaffirmed”
    if tok == ",":
        # an appositive: "Smith, a spokesman for the ministry, said" /
        # "Hussein, in his own remarks to the conference, underscored"
        j = i - 1
        while j >= 0 and tokens[j].group() not in ",.;:!?“”\"()" and i - j <= 24:
            j -= 1
        if j >= 1 and tokens[j].group() == "," and i - j >= 2:
            k = j - 1
            if tokens[k].group() == ")":  # "Sen. Ted Cruz (R-Tex.), a Republican candidate …, tweeted"
                while k > 0 and tokens[k].group() != "(" and j - k <= 8:
                    k -= 1
                k -= 1
            sp = _np_backward(tokens, k, depth + 1) if k >= 0 else None
            if sp is not None:
                return sp
        return None
    if not _is_word(tok):
        return None
    low = tok.lower()
    if low in _PRONOUNS:
        return Span(tokens[i].start(), _end(tokens[i]))
    if low in _STOP or low in _DETERMINERS:
        return None
    j = i
    while j >= 0 and i - j < 7:
        t = tokens[j].group()
        if not _is_word(t) or (j < i and _ends_sentence(t)):
            j += 1
            break
        tl = t.lower()
        if tl in _NP_DETERMINERS:
            break
        if tl in _STOP or (tl in _SKIP and not t[:1].isupper()):
            j += 1
            break
        if j == 0:
            break
        j -= 1
    j = max(j, 0)
    if j > i:
        return None
    return Span(tokens[j].start(), _end(tokens[i]))


def _subject_of_infinitive(tokens: list[re.Match], to: int) -> Span | None:
    """The subject of "Trump was quick to add", "he was prompted to say": back over at
    most two words before "to" and any auxiliaries, to the noun phrase."""
    k = to - 1
    for _ in range(2):
        if k >= 0 and tokens[k].group().islower() and tokens[k].group() not in _SKIP and _is_word(tokens[k].group()):
            k -= 1
    if k == to - 1:
        return None
    while k >= 0 and tokens[k].group().lower() in _SKIP:
        k -= 1
    return _np_backward(tokens, k) if k >= 0 else None


def _ends_sentence(tok: str) -> bool:
    """'Monday.' ends a sentence; 'U.S.', 'Dr.' and 'J.' do not."""
    return tok.endswith(".") and "." not in tok[:-1] and len(tok) > 2 and tok[:-1].lower() not in ABBREVIATIONS


def _end(tok: re.Match) -> int:
    """A token's end, without a sentence-final full stop ('officials.')."""
    return tok.end() - 1 if _ends_sentence(tok.group()) else tok.end()


def _np_forward(tokens: list[re.Match], i: int) -> Span | None:
    """The noun phrase starting at token ``i`` (walking right): 'said Blinken', 'said the official'."""
    n = len(tokens)
    after_by = False
    while i < n and tokens[i].group().lower() in ("also", "by"):
        after_by = after_by or tokens[i].group().lower() == "by"
        i += 1
    if i >= n or not _is_word(tokens[i].group()):
        return None
    first = tokens[i].group()
    low = first.lower()
    if low in _PRONOUNS and low not in ("it", "which", "one"):
        return Span(tokens[i].start(), tokens[i].end())
    if not (first[:1].isupper() or low in _NP_DETERMINERS or low in _QUANTIFIERS or first[:1].isdigit()):
        return None
    j = i
    while j + 1 < n and j - i < 6 and not _ends_sentence(tokens[j].group()):
        t = tokens[j + 1].group()
        if not _is_word(t) or (t.lower() in _FORWARD_STOP and not t[:1].isupper()) or (t.endswith("ly") and t.islower()):
            break
        j += 1
    if not after_by and j + 1 < n and _is_word(tokens[j + 1].group()) and not _ends_sentence(tokens[j].group()):
        return None  # "underscored the importance of ...": an object, not an inverted subject
    return Span(tokens[i].start(), _end(tokens[j]))


@per_document
def _long_quotes(doc) -> list[Quote]:
    """Quotes of more than ``FRAGMENT_WORDS`` words: someone's speech, not the writer's
    text, so a verb inside is no cue (``masked_text``) and a cue does not reach across
    one (``Governance``)."""
    return [q for q in doc.quotes if len(doc.prose[q.inner_start:q.inner_end].split()) > FRAGMENT_WORDS]


@per_document
def masked_text(doc) -> str:
    """``doc.prose`` with the words inside long quotes blanked (marks kept), so cues
    and speakers are looked for in the writer's text only; a two-character mark (NYT's
    ``''``) reads as one straight mark and a space, so "…,'' said Mr. Jebens" looks to
    the cue patterns like "…," said". Once per document: cue finding and quote
    attribution both read it."""
    masked = blank_spans(doc.prose, [(q.inner_start, q.inner_end) for q in _long_quotes(doc)])
    doubled = [q for q in doc.quotes if len(q.open_mark) == 2 or len(q.close_mark) == 2]
    if not doubled:
        return masked
    chars = []
    pos = 0
    for q in doubled:
        if len(q.open_mark) == 2:
            chars += [masked[pos:q.start], ' "']
            pos = q.start + 2
        if len(q.close_mark) == 2:
            chars += [masked[pos:q.end - 2], '" ']
            pos = q.end
    chars.append(masked[pos:])
    return "".join(chars)


def _phrases(tokens: list[re.Match], words: list[str], bares: list[str], lex: _Compiled,
             firsts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each word-list phrase in the token stream, longest match first.

    ``words`` are the tokens' texts and ``bares`` their :func:`_bare` forms, computed once
    per paragraph; ``firsts`` the (ascending) indices of the tokens that can start a phrase.
    Only the phrases that go on with the next token's word are compared."""
    out = []
    n = len(tokens)
    pairs = lex.cue_pairs
    nxt = 0  # tokens before this belong to the last phrase found
    for i in firsts:
        if i < nxt:
            continue
        options = pairs.get((bares[i], bares[i + 1])) if i + 1 < n else None
        if options is None:  # only a one-word phrase can match here
            options = pairs.get((bares[i], None), ())
        for phrase in options:
            k = len(phrase)
            if i + k <= n and (k == 1 or tuple(bares[i + 1:i + k]) == phrase[1:]) \
                    and (k == 1 or not words[i + k - 2].endswith(".") or phrase[k - 2].endswith(".")):
                out.append((tokens[i].start(), tokens[i + k - 1].start() + len(bares[i + k - 1])))
                nxt = i + k
                break
    return out


def find_cues(doc, lexicon: Lexicon) -> list[Cue]:
    """Every reporting cue in the document's prose (outside long quotes), in order."""
    lex = _compiled(lexicon)
    text = masked_text(doc)
    cues: list[Cue] = []
    group, start = re.Match.group, re.Match.start
    for block in doc.blocks:
        bs, be = block.start, block.end
        segment = text[bs:be]
        if not segment.strip():
            continue
        tokens = list(_TOKEN.finditer(segment))
        starts = list(map(start, tokens))
        # each token's text and word-list form, once (a list comprehension, not a call per token)
        words = list(map(group, tokens))
        bares = [(w[:-1] if w[-1] == "." else w).lower() for w in words]
        # one pass over the paragraph's tokens for the verbs and phrase starts
        hits = [i for i, b in enumerate(bares) if b in lex.words or b in _NAME_VERBS]
        for ti in [i for i in hits if bares[i] in lex.verbs or (bares[i] in _NAME_VERBS and i > 0 and _names_before(
                words[i - 1], lex))]:
            tm = tokens[ti]
            verb = bares[ti]
            if len(verb) != len(words[ti]) - words[ti].endswith("."):
                continue
            vstart, vend = tm.start(), tm.start() + len(verb)
            written = segment[vstart:vend]
            prev = words[ti - 1] if ti > 0 else ""
            prev_low = prev.lower()
            if prev_low in _DETERMINERS or prev.endswith(("'s", "’s")):
                continue  # a noun: "his remarks", "an estimated 500", "Iraq's claims"
            if (prev_low in _PLURAL_QUANTIFIERS or prev[:1].isdigit()) and verb.endswith(("s", "ing")):
                continue  # a plural noun: "some states", "many calls", "some warning signs"
            if verb in ("warning", "warnings") and ti >= 2 and words[ti - 2].lower() in ("a", "an"):
                continue  # a noun after an adjective: "an official warning", "a stern warning"
            if not written.islower():
                # lower case only -- "United States" is not "states" -- except a speech verb in a
                # sentence-initial inversion ("Explains Amanda Mahlman, “…”"), before a quote
                # ("Hillary Clinton Said “…”") or in the past tense after a name or comma
                # ("Murphy, the head of the PAC, Tweeted")
                if not (written[:1].isupper() and written[1:].islower()) or verb not in lex.speech or not (
                        _SENTENCE_START.search(segment, max(0, vstart - 8), vstart)
                        or segment[vend:vend + 3].lstrip(" ,:")[:1] in ('"', "“", "«", "„")
                        or ((verb.endswith("ed") or verb in _TITLE_VERBS) and (prev[:1].isupper() or prev == ","))):
                    continue
            if verb in _BASE_FORMS and (prev_low == "not" or (
                    prev_low == "to" and ti >= 2 and words[ti - 2].lower() in _REFUSALS)):
                continue  # "declined to say", "did not say" (not "was quick to add", "prompted to say")
            last = ti
            before = segment[max(0, vstart - 6):vstart]
            k, be = ti - 1, False
            while k >= 0 and (words[k].lower() in _SKIP or (words[k].endswith("ly") and words[k].islower())):
                be = be or words[k].lower() in _PASSIVE
                k -= 1
            by_agent = be and last + 1 < len(tokens) and words[last + 1] == "by"
            # "was told", "is closely observed", "has been asked" (not "are warning", "is saying")
            passive = be and not by_agent and not verb.endswith(("ing", "s"))
            if passive:
                speaker = None
            elif prev_low == "to" and not _CLOSE_QUOTE_COMMA.search(before):
                speaker = _subject_of_infinitive(tokens, ti - 1)
            elif _CLOSE_QUOTE_COMMA.search(before) or by_agent or (
                    prev == "," and last + 1 < len(tokens) and words[last + 1][:1].isupper()):
                # "…,” said Blinken"; "affirmed by U.S. officials"; "…, says Chen Qin, an embroiderer"
                speaker = _np_forward(tokens, last + 1) or _np_backward(tokens, ti - 1)
            else:
                speaker = _np_backward(tokens, ti - 1) or _np_forward(tokens, last + 1)
            if speaker is not None:
                speaker = Span(bs + speaker.start, bs + speaker.end)
            cues.append(Cue(bs + vstart, bs + vend, "verb", speaker, verb in lex.speech or verb in _NAME_VERBS, passive))
        for m in _phrases(tokens, words, bares, lex, [i for i in hits if bares[i] in lex.cues]):
            ti = bisect.bisect_left(starts, m[1])
            speaker = None
            phrase = segment[m[0]:m[1]].lower()
            if not phrase.startswith(_PHRASE_NO_SUBJECT):
                # "Murphy chimed in", "as the Post's Dana Milbank puts it", "“…,” shot back Trump"
                first = bisect.bisect_left(starts, m[0])
                if _CLOSE_QUOTE_COMMA.search(segment[max(0, m[0] - 6):m[0]]):
                    sp = _np_forward(tokens, ti) or _np_backward(tokens, first - 1)
                else:
                    sp = _np_backward(tokens, first - 1) or _np_forward(tokens, ti)
                speaker = Span(bs + sp.start, bs + sp.end) if sp else None
            elif phrase.startswith(("according to", "in the words of", "as quoted by", "in the view of",
                                    "in the opinion of", "the quote from", "that quote from")):
                sp = _np_forward(tokens, ti)
                if sp is None and ti < len(tokens) and _is_word(tokens[ti].group()):
                    # "according to official data", "according to analysts and economists"
                    k = ti
                    while k + 1 < len(tokens) and k - ti < 3 and _is_word(tokens[k + 1].group()) \
                            and tokens[k + 1].group().lower() not in _FORWARD_STOP and not _ends_sentence(tokens[k].group()):
                        k += 1
                    sp = Span(tokens[ti].start(), _end(tokens[k]))
                speaker = Span(bs + sp.start, bs + sp.end) if sp else None
            cues.append(Cue(bs + m[0], bs + m[1], "phrase", speaker))
        # (each needs a dash or a colon: most paragraphs have neither, and _COLON_SPEAKER,
        # which starts with a look-behind, would be tried at every position)
        dashed = "—" in segment or "–" in segment or "--" in segment
        for m in _DASH_SPEAKER.finditer(segment) if dashed else ():
            cues.append(Cue(bs + m.start() + 1, bs + m.start(1), "dash", Span(bs + m.start(1), bs + m.end(1))))
        for m in _POSSESSIVE_VIEW.finditer(segment) if ("view" in segment or "words" in segment) else ():
            # "in Bolton's view", "in Trump's words"
            cues.append(Cue(bs + m.start(), bs + m.end(), "phrase", Span(bs + m.start(1), bs + m.end(1))))
        for m in _COLON_SPEAKER.finditer(segment) if ":" in segment else ():
            colon = segment.index(":", m.end(1))
            cues.append(Cue(bs + colon, bs + colon + 1, "colon", Span(bs + m.start(1), bs + m.end(1))))
    cues.sort(key=lambda c: (c.start, c.end))
    return cues


# ---------------------------------------------------------------------------
# Quotes


# words a title in Title Case leaves lower case ("Plan for the Task Force")
_TITLE_SMALL_WORDS = frozenset("a an the and or of for in on at to by with from as vs via is but nor".split())


def _title_case(inner: str) -> bool:
    """'Transition Plan for Combined Joint Task Force' reads as a title, not speech."""
    words = re.findall(r"[^\W\d_][\w'’-]*", re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", inner))
    if len(words) < 2 or len(words) > 14:
        return False
    big = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    if len(big) < 2:
        return False
    return sum(1 for w in big if w[:1].isupper()) >= 0.85 * len(big) and words[0][:1].isupper()


def _sentence_like(inner: str) -> bool:
    s = inner.strip()
    return bool(s) and s[:1].isupper() and s[-1:] in ".!?…"


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


class _Index:
    """Cues by position, for 'any cue in [start, end)?' in O(log n)."""

    def __init__(self, cues: list[Cue]):
        self.cues = cues
        self.starts = [c.start for c in cues]

    def any_between(self, start: int, end: int) -> bool:
        return bisect.bisect_left(self.starts, end) > bisect.bisect_left(self.starts, start)

    def between(self, start: int, end: int) -> list[Cue]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return self.cues[i:j]


def _through(q: Quote, c: Cue | None, how: str) -> Attribution:
    """``q`` attributed through cue ``c`` (its speaker, if found, and its span); no cue
    (a lead-in paragraph ending in a colon without one) leaves both empty."""
    if c is None:
        return Attribution(q, None, None, how)
    return Attribution(q, c.speaker, Span(c.start, c.end), how)


def _nearest(cues: list[Cue], start: int, end: int) -> Cue:
    def distance(c: Cue) -> tuple[int, int]:
        d = start - c.end if c.end <= start else (c.start - end if c.start >= end else 0)
        return (0 if c.speaker else 1, max(d, 0))

    return min(cues, key=distance)


_MENTIONED = re.compile(r"[^\S\n]+(?:is|was|has become|became|remains)\s+(?:a|an|the|now a|still a)\s")
_LIST_JOIN = re.compile(r"\s*(?:,|;|,?\s*(?:and|or))\s*")
_CLAUSE_OPENERS = frozenset("but and then so as when while yet or also still now later finally".split())
_SUBJECT_WORD = re.compile(r"[\w.'’-]+")


def _clause_subject(doc, masked: str, start: int, end: int, nouns: frozenset) -> Span | None:
    """The subject of the clause that leads into a quote with a comma or dash, if it can
    speak and a verb follows it: "Trump issued a statement," -> "Trump"; "But he wanted to
    know," -> "he"; "In Sen. Sessions' column on Aug. 10," -> None (no subject)."""
    text = masked[start:end].rstrip(" ,—–-")
    cut = max(text.rfind(","), text.rfind(";"), text.rfind("("), text.rfind(")"))
    words = list(_SUBJECT_WORD.finditer(text, cut + 1))
    while words and words[0].group().lower() in _CLAUSE_OPENERS:
        words.pop(0)
    if len(words) < 2:
        return None
    first = words[0].group()
    if first.lower() in ("he", "she", "they", "i", "we"):
        n = 1
    else:
        n = 0
        while n < len(words) and n < 6 and (words[n].group()[:1].isupper()
                                            or (n == 0 and words[n].group().lower() in ("the", "a", "an", "his", "her"))):
            n += 1
        if n < len(words) and n >= 1 and words[0].group().lower() in ("the", "a", "an", "his", "her") \
                and words[n].group().islower() and n + 1 < len(words) and words[n + 1].group().islower():
            n += 1  # "the host asked"
        if n == 0 or (n == 1 and words[0].group().lower() in ("the", "a", "an", "his", "her")):
            return None
    if n >= len(words) or not words[n].group().islower():
        return None  # no verb after the subject
    sub = Span(start + words[0].start(), start + words[n - 1].end())
    return sub if is_speaker(doc, sub.start, sub.end, nouns) else None


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|myself)\b")


def attribute_quotes(doc, lexicon: Lexicon, cues: list[Cue] | None = None) -> list[Attribution]:
    """One :class:`Attribution` per quote in ``doc.quotes``, in document order."""
    lex = _compiled(lexicon)
    text = doc.prose
    masked = masked_text(doc)
    if cues is None:
        cues = find_cues(doc, lexicon)
    index = _Index(cues)
    sentences = doc.sentences
    out: list[Attribution] = []

    def make(q, c, how, like=None, speaker=None):
        if like is not None:
            return Attribution(q, like.speaker, like.cue, how)
        if speaker is not None:
            return Attribution(q, speaker, None, how)
        return _through(q, c, how)

    chain = Continuity(doc, index, lex.speakers, make)
    recent: list[tuple[str, Attribution]] = []  # recently attributed quote texts (for echoes)

    for q in doc.quotes:
        bi = doc.block_at(q.start)
        block = doc.blocks[bi] if bi is not None else None
        inner = text[q.inner_start:q.inner_end]
        s0 = doc.sentence_at(q.start)
        s1 = doc.sentence_at(max(q.start, q.end - 1))
        if s0 is not None and s1 is not None:
            region = (sentences[s0].start, sentences[s1].end)
        else:
            s0 = s1 = None
            region = (q.start, q.end)
        found: Attribution | None = None

        # 1. a speaker label inside the quote (“WALLACE: …”) or a signature after it
        #    (“…” ― Bertrand Russell; “…” [AP]; a paragraph "- President Obama")
        label = signatures.transcript_label(doc, q)
        if label is None and block is not None:
            label = signatures.signature_after(doc, q, block.end)
            if label is None and not text[q.end:block.end].strip(" \t.,;:!?\"”’'"):
                label = signatures.signature_paragraph(doc, bi + 1)
        if label is not None:
            found = Attribution(q, label, None, HOW_SIGNATURE)

        # 2. a cue in the quote's own sentence(s) (within a bounded reach, so one endless
        #    "sentence" full of quotes stays linear)
        region = (max(region[0], q.start - _REACH), min(region[1], q.end + _REACH))
        # (a passive without an agent names nobody: "two women were dismissed ... “…”")
        here = [c for c in index.between(*region) if not c.passive] if found is None else ()
        if here:
            found = _through(q, _nearest(here, q.start, q.end), HOW_SAME_SENTENCE)

        # 3. a lead-in ending in a colon right before the quote, in the same sentence
        #    ("The statement from his family read: “…”")
        #    or a comma or dash after a clause whose subject can speak ("Clinton cracked, “…”",
        #    "Immediately after the attacks, Trump issued a statement, “…”")
        if found is None and s0 is not None:
            lead_start = max(sentences[s0].start, q.start - 200)
            lead_text = masked[lead_start:q.start].rstrip()
            if lead_text.endswith(":") and len(lead_text.split()) >= 2:
                found = Attribution(q, None, None, HOW_LEAD_IN)
            elif lead_text.endswith((",", "—", "–", "--")) and inner.lstrip(" .…[")[:1].isupper():
                subject = _clause_subject(doc, masked, lead_start, lead_start + len(lead_text), lex.speakers)
                if subject is not None:
                    found = Attribution(q, subject, None, HOW_LEAD_IN)

        # 4. a title or a short scare quote needs no speaker; nor does a quote that is mentioned
        #    rather than said (“All options are on the table” is a normal diplomatic statement)
        if found is None and _MENTIONED.match(text, q.end) and q.closed:
            found = Attribution(q, None, None, HOW_TITLE)
        if found is None:
            lead = masked[max(region[0], q.start - 40):q.start]
            if lex.title_before.search(lead) or _title_case(inner) or (
                    out and out[-1].how == HOW_TITLE and s0 is not None and out[-1].quote.start >= sentences[s0].start
                    and _LIST_JOIN.fullmatch(text, out[-1].quote.end, q.start)):
                found = Attribution(q, None, None, HOW_TITLE)  # (or the next of a list of titles)
            elif len(inner.split()) <= 2 or (len(inner.split()) <= FRAGMENT_WORDS and not _sentence_like(inner)):
                found = Attribution(q, None, None, HOW_FRAGMENT)

        # 5. the sentence before (the same speaker's quote, a person with a speech or stance
        #    verb, a lead-in), or the sentence just after: see facts.continuity
        if found is None and s0 is not None:
            found = chain.previous(q, s0) or chain.following(q, s1)

        # 6. words already quoted from a speaker ('for “as long as needed”?')
        if found is None:
            key = _norm(inner)
            if key:
                for prev_key, p in reversed(recent):
                    if key in prev_key:
                        found = Attribution(q, p.speaker, p.cue, HOW_ECHO)
                        break

        if found is None:
            # 7. a lower-case phrase woven into the writer's sentence ('a rule that redefined
            #    “waters of the United States”'): usually document language or a term
            before = masked[max(sentences[s0].start, q.start - 200):q.start] if s0 is not None else ""
            partial = re.match(r"\s*(?:\.\.\.|…)?\s*[a-z]", inner) is not None and re.search(r"\w", before)
            found = Attribution(q, None, None, HOW_PARTIAL if partial else HOW_NONE)
        out.append(found)
        if found.how in _SPOKEN:
            chain.record(s1, found)
            recent.append((_norm(inner), found))
            if len(recent) > 100:
                del recent[0]

    # 8. a quote left open at the end of its paragraph runs on into the next one
    #    (“First paragraph … / “Second paragraph,” she said.): it shares that attribution.
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        if a.how == HOW_NONE and not a.quote.closed and b.how not in (HOW_NONE, HOW_TITLE, HOW_FRAGMENT):
            bb = doc.block_at(b.quote.start)
            if bb is not None and not text[doc.blocks[bb].start:b.quote.start].strip():
                out[k] = Attribution(a.quote, b.speaker, b.cue, HOW_CONTINUATION)

    if any(a.how == HOW_NONE for a in out):
        _whole_piece_speakers(doc, out)
    return out


def _whole_piece_speakers(doc, out: list[Attribution]) -> None:
    """Speakers named once for the whole piece: a headline that presents it as someone's
    words ("David Blunkett in quotes"), or a profile in which one person says every
    first-person quote that is attributed -- the rest of its first-person quotes are theirs."""
    headline = signatures.headline_speaker(doc)
    sole = None
    if headline is None:
        # (a pronoun speaker -- "she added" -- names no one new, so only named speakers count)
        keys: dict[str, Attribution] = {}
        n = 0
        for a in out:
            if a.spoken and _FIRST_PERSON.search(doc.prose, a.quote.inner_start, a.quote.inner_end):
                n += 1
                key = speaker_key(doc, a.speaker)
                if key is not None:
                    keys.setdefault(key, a)
        if len(keys) == 1 and n >= 2:
            sole = next(iter(keys.values()))
    for k, a in enumerate(out):
        if a.how != HOW_NONE:
            continue
        if headline is not None:
            out[k] = Attribution(a.quote, headline, None, HOW_HEADLINE)
        elif sole is not None and _FIRST_PERSON.search(doc.prose, a.quote.inner_start, a.quote.inner_end):
            out[k] = Attribution(a.quote, sole.speaker, sole.cue, HOW_SOLE)


# ---------------------------------------------------------------------------
# Access for checks (with the built-in lists, or a pack's extended lists)


_LEXICONS: dict[int, tuple[dict, Lexicon | None]] = {}


def lexicon_for(wordlists: dict) -> Lexicon | None:
    """The lists a run's word lists give (built once per word-list dict); None if it names none
    of them (the engine then hands the facts the built-in lists)."""
    hit = _LEXICONS.get(id(wordlists))
    if hit is None or hit[0] is not wordlists:
        lex = Lexicon.from_wordlists(wordlists) if any(n in wordlists for n in Lexicon.NAMES) else None
        if len(_LEXICONS) > 8:
            _LEXICONS.clear()
        hit = _LEXICONS[id(wordlists)] = (wordlists, lex)
    return hit[1]


def _custom(doc, ctx) -> Lexicon | None:
    """``ctx``'s lists when they differ from those ``doc.facts`` was given (the engine gives it
    the run's own, so this is only for a check called outside a run)."""
    lex = lexicon_for(getattr(ctx, "wordlists", None) or {})
    if lex is None:
        return None
    return None if lex == doc.facts.lexicon else lex


def cues_for(doc, ctx=None) -> list[Cue]:
    """The document's reporting cues, with the word lists of ``ctx`` (cached per document)."""
    lex = _custom(doc, ctx)
    return doc.facts.cues if lex is None else _custom_cues(doc, lex)


def attributions_for(doc, ctx=None) -> list[Attribution]:
    """The document's quote attributions, with the word lists of ``ctx`` (cached per document)."""
    lex = _custom(doc, ctx)
    return doc.facts.attributions if lex is None else _custom_attributions(doc, lex)


@per_document
def _custom_cues(doc, lex: Lexicon) -> list[Cue]:
    return find_cues(doc, lex)


@per_document
def _custom_attributions(doc, lex: Lexicon) -> list[Attribution]:
    return attribute_quotes(doc, lex, _custom_cues(doc, lex))


# ---------------------------------------------------------------------------
# Is a claim in the writer's voice?

_SCOPE_BREAK = re.compile(r"[—–;()]|\s-\s")


class Governance:
    """Answers "does a reporting cue govern this span?" for checks of unattributed
    wording: the cue is in the same sentence, and no direct quote (which the cue
    would introduce instead) and no dash, semicolon or bracket stands between them.

    "Blinken said the withdrawal was premature" and "The withdrawal was premature,
    critics said" are attributed; in "“…,” Blinken said, “…”—leaving out Obama's
    premature withdrawal" the cue belongs to the quote and the dash starts the
    writer's own comment.
    """

    def __init__(self, doc, cues: list[Cue]):
        self.doc = doc
        self.text = doc.prose
        self.index = _Index(cues)
        self.quote_starts = [q.start for q in _long_quotes(doc)]

    def _clear(self, a: int, b: int) -> bool:
        if b <= a:
            return True
        if bisect.bisect_left(self.quote_starts, b) > bisect.bisect_left(self.quote_starts, a):
            return False
        return _SCOPE_BREAK.search(self.text, a, b) is None

    def cue_for(self, start: int, end: int) -> Cue | None:
        """The cue that governs ``[start, end)``, or None when it is the writer's voice."""
        si = self.doc.sentence_at(start)
        if si is None:
            return None
        s = self.doc.sentences[si]
        for c in self.index.between(max(s.start, start - _REACH), min(s.end, end + _REACH)):
            if c.end <= start and self._clear(c.end, start):
                return c
            if c.start >= end and self._clear(end, c.start):
                return c
            if c.start < end and c.end > start:
                return c
        return None

    def paraphrased_before(self, si: int) -> bool:
        """Does the sentence before ``si`` (same paragraph) report what someone said or
        thinks, with no direct quote after its cue, so that sentence ``si`` -- with no quote
        of its own -- may go on paraphrasing them ("Sanders attacked the deal on Monday. It
        was a disastrous betrayal of workers.")?"""
        sentences = self.doc.sentences
        if si <= 0 or sentences[si - 1].block != sentences[si].block:
            return False
        here, prev = sentences[si], sentences[si - 1]
        if self.doc.quotes_in(here.start, here.end):
            return False
        for c in reversed(self.index.between(prev.start, prev.end)):
            if c.speaker is None or c.passive or c.kind not in ("verb", "phrase"):
                continue
            after = self.doc.quotes_in(c.end, prev.end)
            return not any(len(self.text[q.inner_start:q.inner_end].split()) > FRAGMENT_WORDS for q in after)
        return False

    def sentence_has_cue(self, si: int) -> bool:
        s = self.doc.sentences[si]
        return self.index.any_between(s.start, s.end)
