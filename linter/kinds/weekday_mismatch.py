"""``weekday-mismatch``: a weekday written with a date it does not fall on.

"Monday, 30 September 2023" (a Saturday) is a slip that readers catch and spell
checkers do not. The date comes from the time-expression facts; a date without a
year is judged against the document date (the occurrence nearest to it), and not
at all when the document date is unknown, so nothing is guessed. Numeric dates
that read both ways ("10/09/2014") are skipped.
"""

from __future__ import annotations

from typing import ClassVar

from ..diagnostics import Finding
from ..facts.dates import WEEKDAY_NAMES
from .base import RuleBase


class Rule(RuleBase):
    """Report a date whose written weekday differs from the calendar's.

    Message placeholders: ``{date}`` (the text), ``{written}`` (the weekday written),
    ``{actual}`` (the weekday the date falls on), ``{resolved}`` (the date, ISO).
    ``without_year``: also judge dates without a year against the document date.
    """

    placeholders: ClassVar[tuple[str, ...]] = ("date", "written", "actual", "resolved")

    without_year: bool = True
    """Also judge dates without a year, against the year the document date puts them in."""

    def check(self, doc, ctx):
        for t in doc.facts.times:
            if t.kind != "date" or t.weekday is None or not t.valid or t.ambiguous or t.low is None:
                continue
            if not t.year_given and not self.without_year:
                continue
            actual = t.low.weekday()
            if actual == t.weekday:
                continue
            ws, we = t.weekday_span
            written = doc.text[ws:we]
            fixed_wd = _like(WEEKDAY_NAMES[actual], written)
            suggestion = doc.text[t.start:ws] + fixed_wd + doc.text[we:t.end]
            # a range ("Tuesday, March 29-30"): the weekday names its first day
            yield Finding(t.start, t.end, {
                "date": doc.text[t.start:t.end], "written": written, "actual": WEEKDAY_NAMES[actual],
                "resolved": t.low.isoformat(),
            }, suggestions=[suggestion])


def _like(name: str, written: str) -> str:
    """The weekday in the written form's length: "Tuesday", "Tue", "Tues" or "Tu"."""
    bare = written.rstrip(".")
    if len(bare) >= 6:
        return name
    if len(bare) == 2:
        return name[:2]
    if len(bare) == 4 and name[:3] in ("Tue", "Thu"):
        return name[:4] + written[len(bare):]
    return name[:3] + written[len(bare):]
