"""``impossible-date``: a date that does not exist ("November 31", "February 29, 2023")
or a day range that runs backwards ("January 10 – 1, 2016").

Such dates are typos for a neighbouring day or month; the calendar settles it
without any guessing. A date without a year allows February 29.
"""

from __future__ import annotations

from typing import ClassVar

from ..diagnostics import Finding
from ..facts.calendar_words import MONTH_NAMES
from .base import RuleBase


class Rule(RuleBase):
    """Report dates the calendar does not have. Placeholders: ``{date}``, ``{reason}``."""

    placeholders: ClassVar[tuple[str, ...]] = ("date", "reason")


    def check(self, doc, ctx):
        from ..facts.dates import valid_day

        for t in doc.facts.times:
            if t.kind != "date" or t.valid or t.month is None or t.day is None:
                continue
            year = t.year if t.year_given else None
            if not valid_day(year, t.month, t.day) or (t.day2 is not None and not valid_day(year, t.month, t.day2)):
                bad = t.day if not valid_day(year, t.month, t.day) else t.day2
                name = MONTH_NAMES[t.month - 1]  # not calendar.month_name: that follows the locale
                reason = f"{name} has no day {bad}" + (f" in {year}" if year and t.month == 2 else "")
            else:
                reason = f"the range runs backwards ({t.day} to {t.day2})"
            yield Finding(t.start, t.end, {"date": doc.text[t.start:t.end], "reason": reason})
