"""``arithmetic``: figures in one sentence that cannot all be true together.

``detect`` values, each reading ``doc.facts.quantities`` (values already resolved
for scale, hedges turned into intervals, ranges paired), each its own module in this
package named after the value (``part-whole`` is ``part_whole.py``):

``part-whole``      a part larger than its whole: "12 of the 8 members", "12 out of 8",
                    "43,000 people, including 90,000 fighters"
``direction``       a verb whose direction the values contradict: "fell from 12 to 87",
                    "grew from 87 to 12", "rose to 10%, up from 17%", and multiplier
                    verbs that do not fit: "doubled from 40 to 60", "halved from 10 to 8"
``change``          a stated change that does not match its endpoints: "up 20% from
                    100 to 150", "rose by 30 from 100 to 150"
``shares-sum``      shares of one whole adding past 100% in one sentence:
                    "60% of voters backed A and 55% of voters backed B" (the shares
                    must name the same whole)
``total``           an explicit total that is not the sum of its listed parts:
                    "a total of 10 people: 3 men and 4 women"; "8 people, including
                    5 men and 6 women" (a partial list may be smaller, never larger)

Hedges count: "some 43,000 people, including 45,000 fighters" is allowed as long as
the intervals overlap. Everything is per sentence, so the work is linear.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from .._detectors import detectors
from ..base import RuleBase


class Rule(RuleBase):
    """Report figures that do not add up; see the module docstring for ``detect``."""

    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {
        "part-whole": ("part", "whole", "text"), "direction": ("verb", "a", "b", "text", "why"),
        "change": ("text", "a", "b", "actual"), "shares-sum": ("text", "noun", "total"),
        "total": ("text", "total", "why"),
    }

    detect: Literal["part-whole", "direction", "change", "shares-sum", "total"]
    """Which check: part-whole, direction, change, shares-sum or total (see `factlint explain M101` ... `M105`)."""
    tolerance: float = 0.05
    """Relative slack for rounding, for multiplier verbs ("doubled") and stated changes."""

    def check(self, doc, ctx):
        qs = doc.facts.quantities
        if not qs:
            return
        yield from DETECTORS[self.detect](self, doc, qs)


DETECTORS = detectors(__name__)  # detect value -> function, one module each
