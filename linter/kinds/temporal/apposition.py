"""``compare: apposition`` -- a relative time glossed by an explicit one that does not match it.

Why: "last year (2015)" in a 2017 article says two different years; one of them is
wrong. A relative time resolved against the document date, followed within a few
characters by an explicit time in brackets, after a comma or a dash ("last year
(2015)", "last year, in 2015", "yesterday (February 3)"), must overlap it; a gloss
without a year is compared by month and day. Counts are approximate ("ten years ago"
allows a year either way) and a day either way is fine for "yesterday" (a story filed
late or dated by its print edition). Without a document date nothing is resolved and
nothing is said.

Flagged (dated 2017-03-01): Exports fell last year (2015), the ministry said.
Fine (dated 2017-03-01):    Exports fell last year (2016), the ministry said.
"""

from __future__ import annotations

import datetime as _dt

from ...text import LazyPattern
from .._detectors import detector
from ._common import finding


# "last year (2015)", "last year, 2015,", "this month, in March", "last year — in 2015"
_GAP = LazyPattern(r"\s*(?:\(|,|[—–])\s*(?:(?:in|on)\s+)?")


@detector("apposition")
def apposition(rule, doc):
    times = doc.facts.times
    prose = doc.prose
    for rel, exp in zip(times, times[1:]):
        if rel.kind != "relative" or not rel.resolved or exp.kind in ("relative", "offset", "weekday", "extension"):
            continue
        gap = prose[rel.end:exp.start]
        if len(gap) > 10 or not _GAP.fullmatch(gap):
            continue
        if gap.strip().startswith("(") and prose[exp.end:exp.end + 1] != ")":
            continue
        try:
            if _gloss_agrees(rel, exp):
                continue
        except (ValueError, OverflowError):  # at the edge of the calendar: say nothing
            continue
        yield finding(doc, exp, [rel], "date")


def _gloss_agrees(rel, exp) -> bool:
    """Whether an explicit gloss fits its relative time (month/day only when it has no year)."""
    slack = {"day": 1, "week": 7, "month": 31, "year": 366}.get(rel.granularity, 0) if rel.delta else 0
    if rel.granularity == "day":
        # a story filed late at night or dated by its print edition: a day either way is fine
        slack = max(slack, 1)
    if slack:
        # "ten years ago, in November 2006" in a February 2017 article: counts are approximate
        rel = type(rel)(rel.start, rel.end, rel.text, rel.kind, rel.granularity,
                        rel.low - _dt.timedelta(days=slack), rel.high + _dt.timedelta(days=slack))
    if exp.year_given:
        if not exp.resolved:
            return True
        return exp.low <= rel.high and rel.low <= exp.high
    if exp.month is None:
        return True
    # no year written: compare the month (and day) with every day the relative time covers
    span = (rel.high - rel.low).days
    if span > 62:
        return True
    d = rel.low
    while d <= rel.high:
        if d.month == exp.month and (exp.day is None or d.day == exp.day or
                                     (exp.day2 is not None and exp.day <= d.day <= exp.day2)):
            return True
        d += _dt.timedelta(days=1)
    return False

