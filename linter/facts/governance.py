"""Is a claim in the writer's voice? Whether a reporting cue governs a span of text.

For the checks of unattributed wording (opinion, unsourced claims): "Blinken said the
withdrawal was premature" is attributed; "The withdrawal was premature" alone is the
writer's own. Reads the cues of :mod:`linter.facts.cues`.
"""

from __future__ import annotations

import bisect

from ..text import LazyPattern
from .cues import _REACH, FRAGMENT_WORDS, Cue, _Index, _long_quotes

_SCOPE_BREAK = LazyPattern(r"[—–;()]|\s-\s")


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
