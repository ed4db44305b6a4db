"""Reporting cues and their speakers: "said", "according to", a headline colon.

:func:`find_cues` finds every reporting cue in the prose -- a reporting verb ("said",
"told", "argued"), a cue phrase ("according to", "in a statement", "chimed in") or a
headline colon ("Blinken: “…”") -- and the noun phrase that is its speaker, looked for
before the verb ("Blinken said", "a senior official had also said") and after it ("…,”
said Blinken"). Text inside long quotes is blanked first (:func:`masked_text`), so a verb a
speaker uses inside a quote is not a cue; a short quoted word ("they “reaffirmed”") still
is. A form after a determiner, a possessive or a plural quantifier is a noun ("his
remarks", "some states"); one after "is"/"was" with no "by" is a passive that names no
speaker ("the data is closely observed").

The cues are what quote attribution (:mod:`linter.facts.quotes`) and the writer's-voice
test (:mod:`linter.facts.governance`) read. One token pass, looked up by bisection.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..text import LazyPattern
from ..document import ABBREVIATIONS, Quote, Span, blank_spans, per_document
from .lexicon import Lexicon, _Compiled, _compiled

# A quote of at most this many words that does not read as a full sentence is a
# fragment or scare quote (they “reaffirmed”; for “as long as needed”): it needs no
# speaker of its own, and a reporting verb inside it still counts as a cue.
FRAGMENT_WORDS = 4

# How far (in characters) from a quote or a word a cue in the same sentence may be.
_REACH = 400


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
_SENTENCE_START = LazyPattern(r"(?:\A|[.!?:][\"”’)]*)\s*$")
# an epigraph or pull quote signed with a dash: “…” -- Bertrand Russell
_DASH_SPEAKER = LazyPattern(r"[”\"»]\s*(?:--|—|–|―)\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
_POSSESSIVE_VIEW = LazyPattern(r"\b[Ii]n\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})['’]s?\s+(?:own\s+)?(?:view|words|opinion|telling)\b")
_CLOSE_QUOTE_COMMA = re.compile(r"[,?!…—–-]\s*[”\"»]\s*$|[”\"»]\s*[,—–-]?\s*$")
_COLON_SPEAKER = LazyPattern(r"(?:^|(?<=[.!?]\s))([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*:\s*(?=[“\"«„‘'])")


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
