"""``weekday-mismatch``: a weekday written with a date it does not fall on.

"Monday, 30 September 2023" (a Saturday) is a slip that readers catch and spell
checkers do not. The date comes from the time-expression facts; a date without a
year is judged against the document date (the occurrence nearest to it), and not
at all when the document date is unknown, so nothing is guessed. Such a date is
left alone, too, when its weekday fits the year the text last named ("In 2015 ...
on Friday, 3 July"; "on 11 April last year ... On Thursday, 14 April"): a reader
takes the story's year, not the article's. Numeric dates that read both ways
("10/09/2014") are skipped.
"""

from __future__ import annotations

import datetime as _dt

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
        times = doc.facts.times
        story_years: range | None = None  # the years the text named last, before ``t``
        for i, t in enumerate(times):
            if self._wrong(t, times[i + 1] if i + 1 < len(times) else None, story_years):
                yield self._finding(doc, t)
            story_years = _years_named(t) or story_years

    def _wrong(self, t, after, story_years: range | None) -> bool:
        if t.kind != "date" or t.weekday is None or not t.valid or t.ambiguous or t.low is None:
            return False
        if t.low.weekday() == t.weekday:
            return False
        if t.year_given:
            return True
        if not self.without_year:
            return False
        named = _years_named(after) if after is not None and after.start - t.end <= 2 else None  # "14 April last year"
        return not _fits_a_year(t, named or story_years)

    def _finding(self, doc, t) -> Finding:
        actual = t.low.weekday()
        ws, we = t.weekday_span
        written = doc.text[ws:we]
        fixed_wd = _like(WEEKDAY_NAMES[actual], written)
        suggestion = doc.text[t.start:ws] + fixed_wd + doc.text[we:t.end]
        # a range ("Tuesday, March 29-30"): the weekday names its first day
        return Finding(t.start, t.end, {
            "date": doc.text[t.start:t.end], "written": written, "actual": WEEKDAY_NAMES[actual],
            "resolved": t.low.isoformat(),
        }, suggestions=[suggestion])


def _years_named(t) -> range | None:
    """The years a time expression names in the text: a written year ("2015", "3 July
    2015") or a year counted from the document date ("last year")."""
    if t.low is None or t.high is None or t.granularity == "unknown":
        return None
    if t.year_given or (t.kind == "relative" and t.granularity in ("year", "month", "season")):
        return range(t.low.year, t.high.year + 1) if t.high.year - t.low.year <= 2 else None
    return None


def _fits_a_year(t, years: range | None) -> bool:
    """Whether the yearless date falls on its written weekday in one of ``years``."""
    for y in years or ():
        try:
            if _dt.date(y, t.month, t.day).weekday() == t.weekday:
                return True
        except (TypeError, ValueError):  # no month/day, or 29 February of a common year
            pass
    return False


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
