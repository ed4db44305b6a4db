"""``opinion``: evaluative words in the writer's own voice.

"Obama's premature and unnecessary withdrawal" is a judgement. In a news article a
judgement belongs to a named source: inside a quote, or governed by a reporting cue
in the same sentence ("critics said the withdrawal was premature"). An evaluative
word from the lexicon outside quotes, with no cue governing it (see
:class:`linter.facts.quotes.Governance`), is reported; the words close together in
one sentence make one finding that names them all.
"""

from __future__ import annotations

import re
from typing import ClassVar

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
        excepted = SpanSet(m.span() for ex in self._exceptions for m in finditer(ex, text))
        governance = Governance(doc, cues_for(doc, ctx))
        group: list = []
        group_sentence = None
        for m in hits:
            start, end = m.span()
            if excepted.overlaps(start, end) or governance.cue_for(start, end) is not None:
                continue
            if _single_quoted(text, start, end):
                continue  # 'reckless' in single quotes: someone's word, quoted British style
            si = doc.sentence_at(start)
            if si is None:
                continue
            if group and (si != group_sentence or start - group[-1].end() > self.merge_within
                          or end - group[0].start() > 3 * self.merge_within):
                yield _finding(group)
                group = []
            group.append(m)
            group_sentence = si
        if group:
            yield _finding(group)


def _single_quoted(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 1):start]
    after = text[end:end + 2].lstrip(".,;:!?")[:1] if text[end:end + 1] in ".,;:!?" else text[end:end + 1]
    return before in ("'", "‘") and after in ("'", "’")


def _finding(group) -> Finding:
    words = []
    for m in group:
        w = " ".join(m.group().split())
        if w.lower() not in (x.lower() for x in words):
            words.append(w)
    shown = ", ".join(f"'{w}'" for w in words)
    return Finding(group[0].start(), group[-1].end(), {"words": shown})
