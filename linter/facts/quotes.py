"""Who said what: reporting cues, their speakers, and each direct quote's attribution.

News style wants every quotation to have a speaker. Rule-based quote attribution in
news (the Gender Gap Tracker, Muzny et al.'s sieves) works by looking for a reporting
verb and its subject near the quote; that is what this module does, without a parser:

* :func:`~linter.facts.cues.find_cues` (:mod:`linter.facts.cues`) finds every reporting
  cue in the prose and its speaker.
* :func:`attribute_quotes` gives each quote (``doc.quotes``) one :class:`Attribution`,
  trying, in order: a speaker label or signature (:mod:`linter.facts.signatures`); a
  cue in the quote's own sentence(s); a lead-in ending in a colon; a title or scare
  quote that needs no speaker; the sentence before or just after
  (:mod:`linter.facts.continuity`); a repeat of words already quoted from a speaker;
  a headline naming the speaker of the whole piece; the one person who says every
  first-person quote of a profile. What is left has ``how == "none"``: a quote with no
  speaker.

The word lists (reporting verbs, stance verbs, cue phrases, title cues, speaker nouns)
are handed in as a :class:`~linter.facts.lexicon.Lexicon` -- by the engine, from the run's
rule packs -- never read here. Whether a claim is in the writer's voice (``Governance``)
is :mod:`linter.facts.governance`. The names of those modules stay importable from here.

Everything is linear in the document: cues are found in one token pass and looked
up by bisection; a quote only looks at its own and neighbouring sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import LazyPattern
from ..document import Quote, Span, per_document
from . import signatures
from .continuity import Continuity, speaker_key
from .cues import (  # noqa: F401 (importable from here, as before the split)
    _REACH, FRAGMENT_WORDS, Cue, _bare, _Index, _long_quotes, _phrases, _TOKEN, find_cues, masked_text,
)
from .governance import Governance  # noqa: F401
from .lexicon import Lexicon, _compiled, lexicon_for  # noqa: F401
from .speakers import is_speaker

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
# searched within a range of the text, never on a slice of it: a slice to the end of the
# paragraph at each quote is quadratic in a document that is one long paragraph
_TRAILING_ONLY = re.compile(r"[ \t.,;:!?\"”’']*")
_NON_SPACE = re.compile(r"\S")
_LIST_JOIN = LazyPattern(r"\s*(?:,|;|,?\s*(?:and|or))\s*")
_CLAUSE_OPENERS = frozenset("but and then so as when while yet or also still now later finally".split())
_SUBJECT_WORD = LazyPattern(r"[\w.'’-]+")


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


_FIRST_PERSON = LazyPattern(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|myself)\b")


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
            if label is None and _TRAILING_ONLY.fullmatch(text, q.end, block.end):
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
            if bb is not None and _NON_SPACE.search(text, doc.blocks[bb].start, b.quote.start) is None:
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
