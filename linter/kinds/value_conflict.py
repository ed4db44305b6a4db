"""``value-conflict``: one fact stated twice with values that cannot both hold.

"Fosters bought 18.8% of Southcorp" ... later "Fosters bought the 26.3% stake": one of
the two figures is wrong. Each figure becomes a claim frame (``doc.facts.claims``, see
:mod:`linter.facts.claims`): the measured thing, its holder and target, level or
change, period, forecast or actual, segment, unit and bound. Two claims are the same
fact only when

* they measure the same thing in the same unit (the blocking key: only claims with
  one key are ever compared, and each with the last ``window`` of its key, so the
  cost is linear in the document);
* every slot both fill agrees: holder, target, period, change, forecast, segments;
  a mismatch in any of them means two facts ("Madonna earned $54.9m" / "Simon and
  Garfunkel earn $24.9m");
* at least ``min_anchors`` of holder, target and period are filled in both and agree
  (a reference such as "the stake" or "the figure" takes them from the claim it
  refers to), so two figures that merely measure the same kind of thing are not
  taken for one fact.

They conflict when their intervals (bound and written precision) do not overlap, or
when one bound is restated with another value ("at least 35" / "at least 36"). A
later claim that agrees with any earlier claim of the same fact is not reported, and
each report pairs the later figure with the earlier claim that shares most slots.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..diagnostics import Finding, Related
from ..facts.claims import Vocabulary
from .base import RuleBase

_DIGITS = re.compile(r"\d")


def typo_like(a: str, b: str) -> bool:
    """Digit strings that differ by one substituted digit or two swapped neighbours, and
    share at least one non-zero digit in place (so the likeness is evidence)."""
    if len(a) != len(b) or a == b or len(a) < 2:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 2:  # "76" / "67": the same digits, two neighbours swapped
        return diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return len(diff) == 1 and any(a[i] == b[i] != "0" for i in range(len(a)))


class Rule(RuleBase):
    """Report a figure whose value contradicts the same fact stated earlier.

    Message placeholders: ``{this}``, ``{other}``, ``{other_line}``, ``{fact}`` (what
    both claims are about, in words: "Fosters' stake in Southcorp").
    """

    placeholders: ClassVar[tuple[str, ...]] = ("this", "other", "other_line", "fact")

    kinds: list[str] = ["count", "money", "percent", "percentage-point", "measure"]
    """Quantity kinds compared (count, money, percent, percentage-point, measure, number)."""
    measures: str = "claim-measures"
    """Word list of measured things and their synonyms ("stake", "death toll: dead, killed"), optionally limited to kinds of figure."""
    references: str = "claim-references"
    """Word list of words that refer back to an earlier claim ("the figure", "the deal")."""
    forecast_words: str = "claim-forecast-words"
    """Word list of words that make a figure a forecast rather than an actual ("expected", "forecast")."""
    segments: str = "claim-segments"
    """Word list of words naming a part of a whole or of a period ("first quarter", "total")."""
    changes: str = "claim-changes"
    """Word list of verbs of change, each with its direction (level, rise, fall, from)."""
    bounds: str = "claim-bounds"
    """Word list of bound words before a figure ("up to", "at least", "more than")."""
    stopwords: str = "value-conflict-stopwords"
    """Word list of words left out of the clause words that are compared."""
    min_shared_words: int = 2
    """Clause words two claims must share to count as one more agreeing slot."""
    min_anchors: int = 1
    """Slots among holder, target and period (or shared clause words) filled in both claims and agreeing."""
    window: int = 30
    """Earlier mentions of the same key compared with each new one."""

    _vocab: Vocabulary | None = None

    def wordlists_used(self) -> list[str]:
        return [self.measures, self.references, self.forecast_words, self.segments, self.changes, self.bounds,
                self.stopwords]

    def prepare(self, wordlists):
        self._vocab = Vocabulary.from_lists(
            measures=wordlists.get(self.measures, []), references=wordlists.get(self.references, []),
            forecast=wordlists.get(self.forecast_words, []), segments=wordlists.get(self.segments, []),
            changes=wordlists.get(self.changes, []), bounds=wordlists.get(self.bounds, []),
            stopwords=wordlists.get(self.stopwords, []))

    def check(self, doc, ctx):
        for later, earlier in self.conflicts(doc):
            yield Finding(later.start, later.end, {
                "this": doc.text[later.start:later.end], "other": doc.text[earlier.start:earlier.end],
                "other_line": doc.line_of(earlier.start), "fact": describe(later, earlier),
            }, related=[Related(earlier.start, earlier.end, "first stated here")])

    def conflicts(self, doc):
        """(later, earlier) claim pairs that state one fact with values that cannot both hold."""
        blocks: dict[tuple, list] = {}
        for c in doc.facts.claims(self._vocab, tuple(self.kinds)):
            if not c.measures:
                continue
            same, seen = [], set()
            for m in sorted(c.measures):  # a claim is filed under each thing its wording can measure
                earlier = blocks.setdefault((m, c.kind, c.unit), [])
                for o in earlier[-self.window:]:
                    if id(o) not in seen and o.sentence != c.sentence and clash(c, o) is None:
                        seen.add(id(o))
                        same.append(o)
                earlier.append(c)
            if not same or any(not values_conflict(c, o) for o in same):
                continue  # nothing to contradict, or it agrees with one statement of the fact
            score = lambda o: anchors(c, o) + (len(c.context & o.context) >= self.min_shared_words)  # noqa: E731
            # the statement it departs from: most shared slots, then most shared words, then the first
            best = max(same, key=lambda o: (score(o), len(c.context & o.context), -o.start))
            # a thing named only by its counted noun ("people", "cities") is a weak key:
            # it takes one more shared slot than a listed measure ("stake", "death toll")
            need = self.min_anchors + (1 if all(":" in m for m in c.measures) else 0)
            if score(best) >= need:
                yield c, best


def clash(a, b) -> str | None:
    """The first slot filled in both claims that disagrees, or None."""
    if a.holder and b.holder and not (a.holder_key & b.holder_key):
        return "holder"
    if a.target and b.target and not (a.target_key & b.target_key):
        return "target"
    if a.holder and b.target and a.holder_key == b.target_key and not (a.target and a.target_key == b.target_key):
        return "holder"  # "Southcorp's stake in Fosters" is not "Fosters' stake in Southcorp"
    if a.change != b.change:
        return "change"
    if a.forecast != b.forecast:
        return "forecast"
    if a.segments != b.segments:
        return "segment"
    if a.period and b.period and not _same_period(a.period, b.period):
        return "period"
    return None


def _same_period(p, q) -> bool:
    if p[0] == "text" or q[0] == "text":
        return p == q
    return p[0] <= q[1] and q[0] <= p[1]


def anchors(a, b) -> int:
    """How many of holder, target and period both claims fill (they agree: see clash)."""
    return bool(a.holder and b.holder) + bool(a.target and b.target) + bool(a.period and b.period)


def values_conflict(a, b) -> bool:
    if a.bound and a.bound == b.bound:
        return a.value != b.value  # one bound restated: "at least 35" ... "at least 36"
    if a.low == a.high or b.low == b.high:
        return not (a.low <= b.high and b.low <= a.high)
    # rounding intervals are half-open: "$4bn" (3.5-4.5) and "$5bn" (4.5-5.5) only touch
    return not (a.low < b.high and b.low < a.high)


def describe(a, b) -> str:
    """What both claims are about, in words an editor can check: "Fosters' stake in Southcorp"."""
    holder = a.holder or b.holder
    target, prep = (a.target, a.target_prep) if a.target else (b.target, b.target_prep)
    shared = sorted(a.measures & b.measures)
    measure = a.measure if a.measure in shared else (shared[0] if shared else a.measure or "")
    if measure.startswith("count:"):
        measure = (a.unit + "s") if a.unit and not a.unit.endswith("s") else (a.unit or measure[6:])
    elif a.kind == "count" and a.unit and a.unit not in measure:
        measure = f"{measure} ({a.unit}s)"
    if holder:
        h = holder.replace("’", "'")
        if h.endswith("'s"):
            h = h[:-2]
        text = f"{h}' {measure}" if h.endswith("s") else f"{h}'s {measure}"
    else:
        text = f"the {measure}"
    if target:
        text += f" {'in' if prep == 'of' and measure == 'stake' else prep or 'of'} {target}"
    period = a.period_text or b.period_text
    if period and (a.period and b.period):
        text += f" {period}" if period.split()[0].lower() in ("in", "on", "during", "last", "this", "next") else f" ({period})"
    if a.forecast:
        text += ", as a forecast"
    return text
