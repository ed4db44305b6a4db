"""``opinion``: evaluative words in the writer's own voice.

"Obama's premature and unnecessary withdrawal" is a judgement. In a news article a
judgement belongs to a named source: inside a quote, or governed by a reporting cue
in the same sentence ("critics said the withdrawal was premature") or paraphrased from
the sentence before ("Sanders attacked the deal. He called it a disastrous betrayal."
-- see :class:`linter.facts.quotes.Governance`). An evaluative word from the lexicon
outside quotes and not so governed is reported; the words close together in one
sentence make one finding that names them all. Not reported either:

* words in a genre where judgement is the point -- opinion, letters, reviews, reader
  comments, match reports, Q&As (:mod:`linter.facts.genre`): quiet there, or ``info``
  with ``outside_news: info``;
* a word in a title of a work, a run of capitalised words in running text ("the
  film Senseless Acts");
* a hypothetical: a modal right before it ("it would be premature to", "could prove
  embarrassing") or an "if" clause;
* factual and legal uses listed as ``exceptions`` ("premature birth", "unnecessary
  suffering", "reckless driving").
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from ..text import LazyPattern
from ..diagnostics import Finding
from ..facts.quotes import Governance, cues_for
from ._regex import UserRegex, check_user_regexes, compile_user, compile_words, finditer
from .base import RuleBase
from .pattern import SpanSet


class Rule(RuleBase):
    """Report evaluative words (``wordlist`` or ``words``) outside quotes with no cue
    governing them. ``exceptions`` are regexes for factual uses ("premature birth");
    a word inside one is skipped. The message may use ``{words}`` (quoted, comma
    separated)."""

    placeholders: ClassVar[tuple[str, ...]] = ("words",)

    wordlist: str | None = "evaluative-words"
    """Word list of judgement words."""
    words: list[str] = []
    """Judgement words given inline (instead of `wordlist`)."""
    exceptions: list[str] = []
    """Regexes for factual uses ("premature birth"); a word inside a match is skipped."""
    merge_within: int = 40
    """Words this close (in characters) in one sentence make one finding."""
    outside_news: Literal["off", "info"] = "off"
    """In opinion, letters, reviews, Q&As (the document's genre): stay quiet ("off") or report as info."""

    _compiled: re.Pattern | None = None
    _exceptions: list[UserRegex] = ()

    def validate(self) -> None:
        super().validate()
        check_user_regexes("exceptions", self.exceptions, ignore_case=True)

    def wordlists_used(self) -> list[str]:
        return [] if self.words or not self.wordlist else [self.wordlist]

    def prepare(self, wordlists):
        words = self.words or wordlists.get(self.wordlist or "", [])
        self._compiled = compile_words([str(w) for w in words], ignore_case=True)
        self._exceptions = [compile_user(p, ignore_case=True) for p in self.exceptions]

    def check(self, doc, ctx):
        text = doc.prose
        hits = [m for m in finditer(self._compiled, text) if doc.quote_at(m.start()) is None]
        if not hits:
            return
        genre = doc.facts.genre
        excepted = SpanSet(m.span() for ex in self._exceptions for m in finditer(ex, text))
        governance = Governance(doc, cues_for(doc, ctx))
        lowered = None if self.outside_news == "off" else "info"
        group: list = []
        group_sentence, group_news = None, True
        for m in hits:
            start, end = m.span()
            news = genre.is_news_at(start)
            if not news and lowered is None:
                continue  # judgement is the point of an op-ed, a review, a letter
            if excepted.overlaps(start, end) or governance.cue_for(start, end) is not None:
                continue
            if _single_quoted(text, start, end):
                continue  # 'reckless' in single quotes: someone's word, quoted British style
            si = doc.sentence_at(start)
            if si is None:
                continue
            if _in_title(doc, text, start, end, si) or _hypothetical(text, doc.sentences[si].start, start):
                continue
            if governance.paraphrased_before(si):
                continue  # "He attacked the deal. It was a disastrous betrayal, he said" -- or without "he said"
            if group and (si != group_sentence or start - group[-1].end() > self.merge_within
                          or end - group[0].start() > 3 * self.merge_within or news != group_news):
                yield _finding(group, None if group_news else lowered)
                group = []
            group.append(m)
            group_sentence, group_news = si, news
        if group:
            yield _finding(group, None if group_news else lowered)


def _single_quoted(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 1):start]
    after = text[end:end + 2].lstrip(".,;:!?")[:1] if text[end:end + 1] in ".,;:!?" else text[end:end + 1]
    return before in ("'", "‘") and after in ("'", "’")


_TITLE_WORD = LazyPattern(r"[A-Z][\w'’-]*")
_MODAL_BEFORE = LazyPattern(r"\b(?:would|could|might|may|should)(?:\s+(?:not|never|also|have|be|been|prove|seem|look|sound|appear|become|turn\s+out|well|even|be\s+seen\s+as|be\s+considered))*\s+(?:\w+\s+){0,2}$", re.I)
_IF_CLAUSE = LazyPattern(r"(?:^|[,;]\s*)(?:if|unless|were)\b[^,;]*,?\s*(?:\w+\s+){0,6}$", re.I)


def _in_title(doc, text: str, start: int, end: int, si: int) -> bool:
    """A capitalised word inside a run of capitalised words in running text: the title of
    a work ("his book Reckless Disregard", "the film Senseless Acts"). Headings are
    Title Case throughout, so there the word is the paper's."""
    if not text[start:start + 1].isupper() or start == doc.sentences[si].start:
        return False
    b = doc.block_at(start)
    if b is None or doc.blocks[b].kind == "heading":
        return False
    before = text[max(0, start - 30):start].split()
    after = text[end:end + 30].split()
    return bool((before and _TITLE_WORD.fullmatch(before[-1].strip("“‘\"'"))) or
                (after and _TITLE_WORD.fullmatch(after[0].strip(",.;:”’\"'"))))


def _hypothetical(text: str, sentence_start: int, start: int) -> bool:
    """A word under a modal or in a conditional: "it would be premature to", "could prove
    embarrassing", "if he loses, it would be a disastrous night"."""
    lead = text[max(sentence_start, start - 80):start]
    return _MODAL_BEFORE.search(lead) is not None or _IF_CLAUSE.search(text[max(sentence_start, start - 160):start]) is not None


def _finding(group, severity: str | None = None) -> Finding:
    words = []
    for m in group:
        w = " ".join(m.group().split())
        if w.lower() not in (x.lower() for x in words):
            words.append(w)
    shown = ", ".join(f"'{w}'" for w in words)
    return Finding(group[0].start(), group[-1].end(), {"words": shown}, severity=severity)
