"""``unsourced-claim``: a statistic or a causal claim with no source in sight.

"Unemployment fell 3 percent because of the new policy." Figures and causes are the
claims readers most often want a source for (Full Fact and ClaimBuster both rank
statistics and causal claims as the most check-worthy). A sentence in a paragraph
whose text matches the ``statistic`` or ``causal`` pattern, outside quotes, with no
reporting cue in it, in the sentence before or in the sentence after (same paragraph),
is reported at the matching words. Whether a claim *needs* a source is an editor's
call, so this is advice, and off by default: see the measured rate in the README.
"""

from __future__ import annotations

from typing import ClassVar

from ..diagnostics import Finding
from ..facts.quotes import Governance, cues_for
from ._regex import UserRegex, check_user_regexes, compile_user, finditer
from .base import RuleBase


class Rule(RuleBase):
    """Report statistics (``statistic`` regex) and causal claims (``causal`` regex) in
    sentences with no reporting cue within one sentence. The message may use
    ``{match}`` and ``{what}`` ("statistic" or "causal claim")."""

    placeholders: ClassVar[tuple[str, ...]] = ("match", "what")

    statistic: str | None = None
    """Regex for statistics ("fell 3 percent", "one in five")."""
    causal: str | None = None
    """Regex for causal claims ("because of", "led to")."""
    window: int = 1
    """Sentences before and after (same paragraph) that may carry the source."""

    _patterns: list[tuple[str, UserRegex]] = ()

    def validate(self) -> None:
        super().validate()
        if not (self.statistic or self.causal):
            raise ValueError("give 'statistic' and/or 'causal' (a regex)")
        for name in ("statistic", "causal"):
            check_user_regexes(name, [getattr(self, name)], ignore_case=True)

    def prepare(self, wordlists):
        self._patterns = [(what, compile_user(p, True)) for what, p in
                          (("statistic", self.statistic), ("causal claim", self.causal)) if p]

    def check(self, doc, ctx):
        text = doc.prose
        hits = []
        for what, pattern in self._patterns:
            for m in finditer(pattern, text):
                if m.start() < m.end() and doc.quote_at(m.start()) is None:
                    hits.append((m.start(), m.end(), what))
        if not hits:
            return
        hits.sort()
        governance = Governance(doc, cues_for(doc, ctx))
        sentences = doc.sentences
        reported: set[int] = set()
        for start, end, what in hits:
            si = doc.sentence_at(start)
            if si is None or si in reported:
                continue
            s = sentences[si]
            block = doc.blocks[s.block]
            if block.kind != "paragraph":
                continue
            if doc.quotes_in(s.start, s.end):
                continue  # a sentence with a quote has a source to look for (A101)
            near = range(max(0, si - self.window), min(len(sentences), si + self.window + 1))
            if any(sentences[k].block == s.block and governance.sentence_has_cue(k) for k in near):
                continue
            reported.add(si)
            yield Finding(start, end, {"match": " ".join(text[start:end].split()), "what": what})
