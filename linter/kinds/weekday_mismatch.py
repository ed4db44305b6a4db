"""``weekday-mismatch``: a weekday written with a date it does not fall on.

"Monday, 30 September 2023" (a Saturday) is a slip that readers catch and spell
checkers do not. The date comes from the time-expression facts; a date without a
year is judged against the document date (the occurrence nearest to it), and not
at all when the document date is unknown, so nothing is guessed. Such a date is
left alone, too, when its weekday fits the year of the last full date before it
("on 11 April last year ... On Thursday, 14 April"; "on 3 July 2015 ... on Saturday,
4 July"): a reader takes the story's year, not the article's. A bare year ("a
crisis in 2011") sets no story year: it is background more often than not. Numeric
dates that read both ways ("10/09/2014") are skipped.
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
        story_years: range | None = None  # the year of the last full date before ``t``
        for i, t in enumerate(times):
            own = _own_years(t, times[i + 1] if i + 1 < len(times) else None)
            if self._wrong(t, own, story_years):
                yield self._finding(doc, t, _in_year(t, own) if own and not t.year_given else t.low)
            if own and t.kind == "date" and t.granularity == "day":
                story_years = own

    def _wrong(self, t, own: range | None, story_years: range | None) -> bool:
        if t.kind != "date" or t.weekday is None or not t.valid or t.ambiguous or t.low is None:
            return False
        if t.low.weekday() == t.weekday:
            return False
        if t.year_given:
            return True
        if not self.without_year:
            return False
        return not _fits_a_year(t, own or story_years)

    def _finding(self, doc, t, day: _dt.date) -> Finding:
        actual = day.weekday()
        ws, we = t.weekday_span
        written = doc.text[ws:we]
        fixed_wd = _like(WEEKDAY_NAMES[actual], written)
        suggestion = doc.text[t.start:ws] + fixed_wd + doc.text[we:t.end]
        # a range ("Tuesday, March 29-30"): the weekday names its first day
        return Finding(t.start, t.end, {
            "date": doc.text[t.start:t.end], "written": written, "actual": WEEKDAY_NAMES[actual],
            "resolved": day.isoformat(),
        }, suggestions=[suggestion])


def _own_years(t, after) -> range | None:
    """The year a date is given in the text: written with it ("3 July 2015"), or counted
    from the document date right after it ("11 April last year")."""
    if t.year_given and t.low is not None and t.high is not None:
        return range(t.low.year, t.high.year + 1)
    if after is not None and after.kind == "relative" and after.granularity == "year" \
            and after.start - t.end <= 2 and after.low is not None:
        return range(after.low.year, after.high.year + 1)
    return None


def _date_in(t, year: int) -> _dt.date | None:
    """The yearless date ``t`` in ``year``; None when it has no day there (29 February of a
    common year) or no month and day."""
    try:
        return _dt.date(year, t.month, t.day)
    except (TypeError, ValueError):
        return None


def _in_year(t, years: range) -> _dt.date:
    """The yearless date in the first of ``years`` ("14 April last year"), else as resolved."""
    return _date_in(t, years.start) or t.low


def _fits_a_year(t, years: range | None) -> bool:
    """Whether the yearless date falls on its written weekday in one of ``years``."""
    return any((day := _date_in(t, y)) is not None and day.weekday() == t.weekday for y in years or ())


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
