"""Time expressions: absolute and relative, resolved to date intervals.

``extract_times(doc)`` returns every time expression in the prose, in document
order, as :class:`TimeExpr` with an inclusive interval ``[low, high]`` when it can
be resolved, and ``low = high = None`` when it cannot. Nothing is guessed: a date
without a year is resolved only against a document date; "two years later" only
against an earlier explicit year in the same or the previous paragraph; "a few
years ago" never.

``infer_document_date(doc)`` finds the document date when none was given: a
dateline at the top, or a full date in the text ("September 30, 2024") that a bare
weekday named in the text ("met Monday") agrees with. Why so strict: a wrong
document date turns every "later this year" into a false contradiction, so we
infer only when two independent signals agree.

Everything here is a handful of compiled regexes run once over the prose, so the
cost is linear in the document length.
"""

from __future__ import annotations

import datetime as _dt
import re

from dataclasses import dataclass

from ..document import per_document, runs_around
from ..text import finditer_at, occurrences
from .calendar_words import MONTHS, WEEKDAY_NAMES, WEEKDAY_WORDS  # noqa: F401 (WEEKDAY_NAMES: imported from here by the weekday check)

# ---------------------------------------------------------------------------
# Vocabulary

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WD_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Abbreviations are read only right before a date ("Mon, 7 Oct"); two-letter ones need a comma.
_WD_ANY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
           r"Mon\.?|Tues\.?|Tue\.?|Wed\.?|Thurs\.?|Thur\.?|Thu\.?|Fri\.?|Sat\.?|(?<!\b[Tt]he\s)Sun\.?|"
           r"(?:Mo|Tu|Th|Fr|Sa|Su)(?=,))")
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "a couple of": 2,
}
_NUM = r"(?:\d{1,3}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|" \
       r"a hundred|a few|several|many|some)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|centuries|century)"

# ---------------------------------------------------------------------------
# The fact


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression. ``low``/``high`` are inclusive; None when unresolved.

    kind: "date" (a day), "month", "year", "weekday" (a bare weekday), "relative"
    (against the document date), "offset" ("two years later", against an earlier
    date in the text), "extension" ("a year longer"), "span" ("for three years").
    """

    start: int
    end: int
    text: str
    kind: str
    granularity: str  # day | week | month | season | year | decade | unknown
    low: _dt.date | None = None
    high: _dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day2: int | None = None  # the end of a day range ("January 10 – 17")
    weekday: int | None = None  # a weekday named with the date (0 = Monday)
    weekday_span: tuple[int, int] | None = None
    year_given: bool = False  # the year is written (not taken from the document date)
    ambiguous: bool = False  # a numeric date that could be D/M or M/D
    valid: bool = True  # False for an impossible date ("November 31")
    hedge: str = ""  # the preposition or hedge before it: by, until, at least, since, ...
    anchor: tuple[int, int] | None = None  # for offsets: the expression it counts from
    delta: tuple[int, str] | None = None  # for offsets/extensions: (amount, unit)

    @property
    def resolved(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def relative(self) -> bool:
        return self.kind in ("relative", "offset", "weekday")

    def describe(self) -> str:
        """A short human rendering of the resolved interval ("2024", "September 2025")."""
        if not self.resolved:
            return "unresolved"
        lo, hi = self.low, self.high
        if lo == hi:
            return f"{lo:%B} {lo.day}, {lo.year}"
        if lo.year == hi.year and lo.month == 1 and lo.day == 1 and hi.month == 12 and hi.day == 31:
            return str(lo.year)
        if (lo.year, lo.month) == (hi.year, hi.month) and lo.day == 1 and hi.day == _month_len(hi.year, hi.month):
            return f"{lo:%B} {lo.year}"
        return f"{lo.isoformat()} to {hi.isoformat()}"


# ---------------------------------------------------------------------------
# Calendar helpers


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_len(year: int, month: int) -> int:
    """Days in ``month`` of ``year`` (Gregorian), without importing ``calendar`` (and ``locale``)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]


def month_interval(year: int, month: int) -> tuple[_dt.date, _dt.date]:
    return _dt.date(year, month, 1), _dt.date(year, month, _month_len(year, month))


def year_interval(year: int) -> tuple[_dt.date, _dt.date]:
    return _dt.date(year, 1, 1), _dt.date(year, 12, 31)


def add_months(d: _dt.date, n: int) -> _dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return _dt.date(y, m, min(d.day, _month_len(y, m)))


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether ``day`` exists in ``month`` (of ``year``; without a year, Feb 29 is allowed)."""
    if day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else _month_len(2000, month))
    return day <= _month_len(year, month)


def nearest_year(month: int, day: int, ref: _dt.date) -> int | None:
    """The year in ref.year-1 .. ref.year+1 that puts month/day closest to ``ref``."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = _safe_date(y, month, day)
        if d is not None and (best is None or abs((d - ref).days) < abs((best - ref).days)):
            best = d
    return best.year if best else None


def _month_num(tok: str) -> int:
    return MONTHS[tok.rstrip(".").lower()]


def _weekday_num(tok: str) -> int:
    return WEEKDAY_WORDS[tok.rstrip(".").lower()]


def parse_number(tok: str) -> int | None:
    tok = " ".join(tok.lower().split())
    if tok.isdigit():
        return int(tok)
    if tok == "a hundred":
        return 100
    return NUMBER_WORDS.get(tok)


# ---------------------------------------------------------------------------
# Patterns (tried in this order at each position; the first that matches wins)

_HEDGE = (r"(?P<hedge>(?:until|till|through|by|before|after|since|from|not before|not until|no later than|"
          r"as early as|as late as|at least|at the latest|at the earliest|around|about|in|on|during|"
          r"until at least|by the end of|the end of|end of|early|late|mid-|mid)\s+)?")


def _after(words: str, extra: str = "") -> str:
    r""""Just after one of these words and a space", as one fixed-width look-behind per word:
    ``re`` accepts only fixed-width look-behinds, and compiles _FULL in 5 ms where ``regex``
    (which allowed ``(?<=\b(?:in|since)\s)``) took 18 ms plus 10 ms to import, at every start."""
    return "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in words.split("|")) + extra + ")"


_FULL = re.compile(
    # Monday, September 30, 2024 / Sept. 30 / January 10 – 17, 2016
    r"(?:(?P<wd1>" + _WD_ANY + r")\.?,?\s+|(?P<wd1p>" + _WD_FULL + r")\s+\()?"
    r"(?P<mon1>" + _MONTH + r")\s+(?P<day1>\d{1,2})" + _ORD + r"(?![\d:%,.]\d)"
    r"(?:\s*[–—-]\s*(?P<day1b>\d{1,2})" + _ORD + r"(?!\d))?"
    r"(?:(?:,\s*|\s+)(?P<year1>" + _YEAR + r")(?![\d%]))?"
    r"(?(wd1p)\)|(?:,\s+(?:a|which\s+was\s+a)\s+(?P<wd1s>" + _WD_FULL + r")(?![\w-]))?)"
    r"|"
    # Monday, 30 September 2024 / 7th of October
    r"(?:(?P<wd2>" + _WD_ANY + r")\.?,?\s+|(?P<wd2p>" + _WD_FULL + r")\s+\()?"
    r"(?<![\d.,])(?P<day2>\d{1,2})" + _ORD + r"(?:\s*[–—-]\s*(?P<day2b>\d{1,2})" + _ORD + r")?"
    r"\s+(?:of\s+)?(?P<mon2>" + _MONTH + r")(?![a-z])"
    r"(?:,?\s+(?P<year2>" + _YEAR + r")(?![\d%]))?"
    r"(?(wd2p)\)|(?:,\s+(?:a|which\s+was\s+a)\s+(?P<wd2s>" + _WD_FULL + r")(?![\w-]))?)"
    r"|"
    # January, 10 – 1, 2016 (a comma after the month only with a day range and a year)
    r"(?P<mon3>" + _MONTH + r"),\s+(?P<day3>\d{1,2})\s*[–—-]\s*(?P<day3b>\d{1,2}),\s*(?P<year3>" + _YEAR + r")"
    r"|"
    # Monday, 2014-10-31 / 2016-12-29(Thursday)
    r"(?:(?P<wd4>" + _WD_ANY + r")\.?,?\s+)?(?<![\d-])(?P<year4>" + _YEAR + r")-(?P<mon4>\d\d)-(?P<day4>\d\d)(?![\d-])"
    r"(?:\s*\((?P<wd4b>" + _WD_ANY + r")\.?\))?"
    r"|"
    # numeric dates: only with a weekday, before ("Monday, 31/10/2014") or after ("4/23(Fri)")
    r"(?P<wd5>" + _WD_ANY + r")\.?,?\s+(?<![\d/])(?P<a5>\d{1,2})/(?P<b5>\d{1,2})(?:/(?P<year5>\d{4}))?(?![\d/])"
    r"|"
    r"(?<![\d/])(?P<a6>\d{1,2})/(?P<b6>\d{1,2})(?:/(?P<year6>\d{4}))?\s*\((?P<wd6>" + _WD_ANY + r")\.?\)"
    r"|"
    # September 2025 / Sept. 2025
    r"(?P<mon7>" + _MONTH + r"),?\s+(?P<year7>" + _YEAR + r")(?![\d%])"
    r"|"
    # a month alone after a preposition: "in July", "since March"
    + _after(r"in|In|since|Since|until|Until|by|By|from|From|through|early|late|mid-|of|last|next|this|Last|Next|This",
             r"|(?<=\()") +
    r"(?P<mon8>" + _MONTH + r")(?![\w])"
    r"|"
    # a year after a preposition: "in 2017", "since 2014", "mid-2025"
    + _after(r"in|In|since|Since|until|Until|by|By|from|From|through|to|before|Before|after|After|during|During|"
             r"early|late|mid-|of|and|between|Between|year") + r"(?P<year9>" + _YEAR + r")(?![\d%,.]\d|\s*(?:%|percent|per cent))"
    r"|"
    r"(?<=\bmid-)(?P<year10>" + _YEAR + r")(?!\d)"
    r"|"
    r"(?<=\()(?P<year11>" + _YEAR + r")(?=\))"
)

# Matched against an ASCII-lower-cased copy of the prose (same length, so same offsets):
# case-insensitive matching and a look-ahead on the words these expressions can start
# with make the scan about six times faster on large documents.
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def _ascii_lower(text: str) -> str:
    """``text.translate(_ASCII_LOWER)``, through UTF-8: ``bytes.lower`` changes only A-Z, and
    UTF-8 writes every other character with bytes >= 0x80. ``translate`` looks each
    character up in the table once a text has one that is not ASCII (60 ms/MB)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
_FULL_NAMES = [name for name, _ in sorted(_FULL.groupindex.items(), key=lambda kv: kv[1])]
assert _FULL.groups == len(_FULL_NAMES), "every group in _FULL must be named (see _groups)"

_REL_START = (r"(?=\b(?:today|tonight|yesterday|tomorrow|this|last|next|the|later|earlier|early|late|end|start|"
              r"beginning|middle|first|second|in|within|\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|"
              r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
              r"forty|fifty|sixty|some|several|many)\b)")
_REL = re.compile(
    _REL_START + r"\b(?:"
    r"(?P<day>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)"
    r"|(?:(?P<mod>later|earlier|early|late|(?:the )?end of|(?:the )?start of|(?:the )?beginning of|(?:the )?middle of|"
    r"(?:the )?first half of|(?:the )?second half of)\s+)?"
    r"(?P<rel>this|last|next|the coming|the past|the previous|the following)\s+(?P<unit>week|month|year|decade|quarter|"
    r"spring|summer|autumn|fall|winter|weekend)(?![\w-])"
    r"|(?P<n>" + _NUM + r")\s+(?P<unit2>" + _UNIT + r")\s+(?P<dir>ago|earlier|later|from now|before|after)(?![\w-])"
    r"|(?P<in>in|within)\s+(?:the next\s+)?(?P<n3>" + _NUM + r")\s+(?P<unit3>" + _UNIT + r")(?![\w-])"
    r"|(?P<n4>" + _NUM + r")\s+(?P<unit4>" + _UNIT + r")\s+longer(?![\w-])"
    r")"
)
_BARE_WEEKDAY = re.compile(r"(?<![\w-])(?P<wd>" + _WD_FULL + r")(?![\w-])")
_HEDGE_BEFORE = re.compile(
    r"(?i)(?:^|[\s“”\"(—–-])(until at least|not before|not until|no later than|as early as|as late as|"
    r"by the end of|at least|until|till|through|by|before|after|since|from|beyond|around|about|in|on|during)\s*[“\"]?\s*$")

_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


# ---------------------------------------------------------------------------
# Extraction


def _hedge_before(prose: str, start: int) -> str:
    m = _HEDGE_BEFORE.search(prose, max(0, start - 24), start)
    return m.group(1).lower() if m else ""


def _groups(m) -> dict:
    """``m.groupdict()`` for a ``_FULL`` match, built from ``groups()`` (35x faster with ``regex``, which it once used)."""
    return dict(zip(_FULL_NAMES, m.groups()))


def _full_date(m: re.Match, ref: _dt.date | None, prose: str) -> TimeExpr | None:
    g = _groups(m)
    start, end = m.span()
    text = m.group()
    names = ("wd1", "wd1p", "wd1s", "wd2", "wd2p", "wd2s", "wd4", "wd4b", "wd5", "wd6")
    wd_tok = next((g[n] for n in names if g[n]), None)
    wd_span = None
    for name in names:
        if g[name]:
            wd_span = m.span(name)
            break
    weekday = _weekday_num(wd_tok) if wd_tok else None
    ambiguous = False
    if g["mon1"] or g["mon2"] or g["mon3"]:
        mon = _month_num(g["mon1"] or g["mon2"] or g["mon3"])
        day = int(g["day1"] or g["day2"] or g["day3"])
        day2s = g["day1b"] or g["day2b"] or g["day3b"]
        day2 = int(day2s) if day2s else None
        ys = g["year1"] or g["year2"] or g["year3"]
        if day > 31 or day == 0:
            return None
        if day2 is not None and day2 > 31:
            return None
    elif g["year4"]:
        ys, mon, day, day2 = g["year4"], int(g["mon4"]), int(g["day4"]), None
        if not (1 <= mon <= 12 and 1 <= day <= 31):
            return None
    else:
        a, b = int(g["a5"] or g["a6"]), int(g["b5"] or g["b6"])
        ys = g["year5"] or g["year6"]
        day2 = None
        if a > 12 and b <= 12:
            day, mon = a, b
        elif b > 12 and a <= 12:
            mon, day = a, b
        elif a <= 12 and b <= 12:
            mon, day, ambiguous = a, b, a != b
        else:
            return None
        if day > 31 or day == 0:
            return None
    year = int(ys) if ys else None
    year_given = year is not None
    valid = valid_day(year, mon, day) and (day2 is None or valid_day(year, mon, day2))
    if day2 is not None and day2 < day:
        valid = False
    low = high = None
    if valid and not ambiguous:
        if year is None and ref is not None:
            year = nearest_year(mon, day, ref)
        if year is not None:
            low = _safe_date(year, mon, day)
            high = _safe_date(year, mon, day2) if day2 else low
            if low is None or high is None:
                low = high = None
    return TimeExpr(start, end, text, "date", "day", low, high, year, mon, day, day2, weekday, wd_span,
                    year_given, ambiguous, valid, _hedge_before(prose, start))


def _month_year(m: re.Match, ref, prose) -> TimeExpr:
    g = _groups(m)
    start, end = m.span()
    if g["mon7"]:
        mon, year = _month_num(g["mon7"]), int(g["year7"])
        lo, hi = month_interval(year, mon)
        return TimeExpr(start, end, m.group(), "month", "month", lo, hi, year, mon, year_given=True,
                        hedge=_hedge_before(prose, start))
    if g["mon8"]:
        mon = _month_num(g["mon8"])
        before = prose[max(0, start - 6):start].lower()
        year = None
        lo = hi = None
        kind = "month"
        if ref is not None and re.search(r"\b(last|next|this)\s$", before):
            word = re.search(r"\b(last|next|this)\s$", before).group(1)
            # "last March": the most recent March before the document date; "next March" the coming one
            if word == "last":
                year = ref.year if mon < ref.month else ref.year - 1
            elif word == "next":
                year = ref.year if mon > ref.month else ref.year + 1
            else:
                year = ref.year
            lo, hi = month_interval(year, mon)
            kind = "relative"
        return TimeExpr(start, end, m.group(), kind, "month", lo, hi, year, mon, hedge=_hedge_before(prose, start))
    ys = g["year9"] or g["year10"] or g["year11"]
    year = int(ys)
    lo, hi = year_interval(year)
    return TimeExpr(start, end, m.group(), "year", "year", lo, hi, year, year_given=True,
                    hedge=_hedge_before(prose, start))


def _unit_norm(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u.rstrip("s")


def _shift(ref: _dt.date, n: int, unit: str) -> tuple[_dt.date, _dt.date, str]:
    """The interval ``n`` units from ``ref`` (negative = past), at the unit's granularity."""
    if unit == "day":
        d = ref + _dt.timedelta(days=n)
        return d, d, "day"
    if unit == "week":
        d = ref + _dt.timedelta(weeks=n)
        return d - _dt.timedelta(days=3), d + _dt.timedelta(days=3), "week"
    if unit == "month":
        d = add_months(ref, n)
        lo, hi = month_interval(d.year, d.month)
        return lo, hi, "month"
    if unit == "year":
        lo, hi = year_interval(ref.year + n)
        return lo, hi, "year"
    span = 10 if unit == "decade" else 100
    y = ref.year + n * span
    return _dt.date(max(1, y - span // 2), 1, 1), _dt.date(min(9999, y + span // 2), 12, 31), unit


def _relative(m: re.Match, ref: _dt.date | None, prose: str, anchor: TimeExpr | None) -> TimeExpr | None:
    g = m.groupdict()  # matched on the lower-cased copy: take the text from the prose
    start, end = m.span()
    text = prose[start:end]
    hedge = _hedge_before(prose, start)
    if g["day"]:
        word = g["day"].lower()
        off = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
        if ref is None:
            return TimeExpr(start, end, text, "relative", "day", hedge=hedge)
        d = ref + _dt.timedelta(days=off)
        return TimeExpr(start, end, text, "relative", "day", d, d, d.year, d.month, d.day, hedge=hedge)
    if g["rel"]:
        rel = g["rel"].lower()
        unit = g["unit"].lower()
        mod = (g["mod"] or "").lower().replace("the ", "")
        if rel in ("the following", "the previous"):
            # counted from the last explicit date, not from the document date
            if anchor is None or not anchor.resolved or unit not in ("week", "month", "year"):
                return TimeExpr(start, end, text, "offset", unit, hedge=hedge)
            lo, hi, gran = _shift(anchor.low, 1 if rel == "the following" else -1, unit)
            return TimeExpr(start, end, text, "offset", gran, lo, hi, delta=(1, unit), hedge=hedge,
                            anchor=(anchor.start, anchor.end))
        if ref is None:
            return TimeExpr(start, end, text, "relative", unit, hedge=hedge)
        if rel == "the past":
            if unit not in ("week", "month", "year", "decade", "quarter"):
                return TimeExpr(start, end, text, "relative", unit, hedge=hedge)
            back = {"week": 7, "month": 31, "quarter": 92, "year": 366, "decade": 3653}[unit]
            return TimeExpr(start, end, text, "relative", unit, ref - _dt.timedelta(days=back), ref, hedge=hedge)
        step = {"this": 0, "last": -1, "next": 1, "the coming": 1, "the following": 1}[rel]
        if unit == "weekend":
            # the Saturday-Sunday around the step'th week
            sat = ref + _dt.timedelta(days=(5 - ref.weekday()) % 7 + 7 * step - (7 if step < 0 and ref.weekday() >= 5 else 0))
            lo, hi = sat, sat + _dt.timedelta(days=1)
        elif unit == "week":
            monday = ref - _dt.timedelta(days=ref.weekday()) + _dt.timedelta(weeks=step)
            lo, hi = monday, monday + _dt.timedelta(days=6)
        elif unit == "month":
            d = add_months(ref, step)
            lo, hi = month_interval(d.year, d.month)
        elif unit == "quarter":
            q0 = (ref.month - 1) // 3 * 3 + 1
            d = add_months(_dt.date(ref.year, q0, 1), 3 * step)
            lo, hi = d, add_months(d, 3) - _dt.timedelta(days=1)
        elif unit == "year":
            lo, hi = year_interval(ref.year + step)
        elif unit == "decade":
            lo, hi = _dt.date(ref.year // 10 * 10 + 10 * step, 1, 1), _dt.date(ref.year // 10 * 10 + 10 * step + 9, 12, 31)
        else:  # a season: its months around the document date, never guessed finer
            first, last = _SEASONS[unit]
            y = ref.year + step
            if unit == "winter":
                lo, hi = _dt.date(y - (1 if ref.month <= 2 and step == 0 else 0), 12, 1), None
                lo = _dt.date(lo.year, 12, 1)
                hi = _dt.date(lo.year + 1, 2, _month_len(lo.year + 1, 2))
            else:
                lo, hi = _dt.date(y, first, 1), _dt.date(y, last, _month_len(y, last))
        if step == 0 and mod in ("later", "late", "end of", "second half of"):
            lo = max(lo, ref) if mod == "later" else lo
            if mod != "later" and unit == "year":
                lo = _dt.date(lo.year, 7, 1)
            lo = max(lo, ref) if lo <= ref <= hi else lo
        elif step == 0 and mod in ("earlier", "early", "start of", "beginning of", "first half of"):
            if mod == "earlier":
                hi = min(hi, ref)
            elif unit == "year":
                hi = _dt.date(hi.year, 6, 30)
        return TimeExpr(start, end, text, "relative", unit, lo, hi, hedge=hedge)
    if g["n"]:
        n = parse_number(g["n"])
        unit = _unit_norm(g["unit2"])
        direction = g["dir"].lower()
        if direction in ("before", "after"):
            # "three years after the withdrawal": counted from what follows, unresolved
            return TimeExpr(start, end, text, "offset", unit, delta=(n or 0, unit), hedge=hedge)
        if n is None:
            return TimeExpr(start, end, text, "relative" if direction in ("ago", "from now") else "offset", unit,
                            hedge=hedge)
        if direction in ("ago", "from now"):
            if ref is None:
                return TimeExpr(start, end, text, "relative", unit, delta=(n, unit), hedge=hedge)
            lo, hi, gran = _shift(ref, -n if direction == "ago" else n, unit)
            return TimeExpr(start, end, text, "relative", gran, lo, hi, delta=(n, unit), hedge=hedge)
        # "two years later": counted from the last explicit date before it
        if anchor is None or not anchor.resolved:
            return TimeExpr(start, end, text, "offset", unit, delta=(n, unit), hedge=hedge)
        sign = 1 if direction == "later" else -1
        base = anchor.low
        lo, hi, gran = _shift(base, sign * n, unit)
        if anchor.granularity == "day" and unit in ("day", "week"):
            lo2, hi2, _ = _shift(anchor.high, sign * n, unit)
            lo, hi = min(lo, lo2), max(hi, hi2)
        return TimeExpr(start, end, text, "offset", gran, lo, hi, delta=(n, unit), hedge=hedge,
                        anchor=(anchor.start, anchor.end))
    if g["n3"]:
        n = parse_number(g["n3"])
        unit = _unit_norm(g["unit3"])
        if n is None or ref is None:
            return TimeExpr(start, end, text, "relative", unit, hedge=hedge)
        lo, hi, gran = _shift(ref, n, unit)
        if g["in"].lower() == "within":
            lo = ref
        return TimeExpr(start, end, text, "relative", gran, lo, hi, delta=(n, unit), hedge=hedge)
    if g["n4"]:
        n = parse_number(g["n4"])
        unit = _unit_norm(g["unit4"])
        return TimeExpr(start, end, text, "extension", unit, delta=(n or 0, unit), hedge=hedge)
    return None


def _weekday_expr(m: re.Match, ref: _dt.date | None, prose: str) -> TimeExpr:
    """A bare weekday ("met Monday"): within six days of the document date, either side."""
    start, end = m.span("wd")
    wd = _weekday_num(m.group("wd"))
    before = prose[max(0, start - 6):start].lower()
    lo = hi = None
    if ref is not None:
        if re.search(r"\blast\s$", before):
            back = (ref.weekday() - wd) % 7 or 7
            lo = hi = ref - _dt.timedelta(days=back)
        elif re.search(r"\bnext\s$", before):
            fwd = (wd - ref.weekday()) % 7 or 7
            lo = hi = ref + _dt.timedelta(days=fwd)
        else:
            back = (ref.weekday() - wd) % 7
            fwd = (wd - ref.weekday()) % 7
            lo, hi = ref - _dt.timedelta(days=back), ref + _dt.timedelta(days=fwd)
    return TimeExpr(start, end, m.group("wd"), "weekday", "day", lo, hi, weekday=wd,
                    weekday_span=(start, end), hedge=_hedge_before(prose, start))


def _safely(fn, *args):
    """Resolve one expression; one that falls off the calendar (year 0, year 10000 from an
    extreme document date) is dropped rather than guessed or allowed to crash the run."""
    try:
        return fn(*args)
    except (ValueError, OverflowError):
        return None


# Where a _FULL match can start: the first letters of a month or weekday name ("Mo," for
# the two-letter weekdays), or a digit after a non-digit (every branch that starts with a
# digit looks behind for one) that starts a year (1[89]\d\d|20\d\d), a day before a month
# or a day range ("30 September", "7th of", "10-12") or a numeric date ("4/23").
# Letters and suffixes are not paired, so this finds a few more places than needed, never
# fewer; it starts with a character class, so re skips to those characters in C.
_FULL_START = re.compile(r"[\dADFJMNOSTW](?:"
                         r"(?<=\d)(?<!\d\d)(?:(?<=[12])(?=\d\d\d)|(?=\d?(?:st|nd|rd|th)?(?:\s*[–—-]|\s+(?:of\s+)?[ADFJMNOS])|\d?/))"
                         r"|an|eb|ar|ay|pr|un|ul|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at|o,|u,|h,|r,|a,)")
_WEEKDAY_START = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")


def _matches_at(pattern, starts: re.Pattern, text: str) -> list:
    """``list(pattern.finditer(text))``, trying ``pattern`` only where ``starts`` matches.

    Exact when every match of ``pattern`` starts where ``starts`` matches and none starts
    inside what ``starts`` consumes (here: lower-case letters and commas). A regex that
    begins with a look-behind or an alternation of groups is tried by re and regex at every
    position of a text; this tries it at a few per line."""
    return finditer_at(pattern, text, (c.start() for c in starts.finditer(text)))


def _full_matches(prose: str) -> list:
    return _matches_at(_FULL, _FULL_START, prose)


class _Matches:
    """The regex matches of one prose string, which do not depend on the reference date:
    the document-date inference and ``doc.facts.times`` both read them (see ``_doc_matches``)."""

    __slots__ = ("prose", "full", "weekdays", "_relative")

    def __init__(self, prose: str):
        self.prose = prose
        self.full = _full_matches(prose)
        self.weekdays = _matches_at(_BARE_WEEKDAY, _WEEKDAY_START, prose)
        self._relative = None

    @property
    def relative(self) -> list:
        if self._relative is None:
            self._relative = _relative_matches(_ascii_lower(self.prose))
        return self._relative


# Every _REL match contains one of these words ("today", "weekend" and "centuries" too) and
# no character outside [\w\s-]. So _REL is run only over the runs of such characters that
# hold one (a run ends at a character a match can neither contain nor be followed by
# differently than by the end of the text), not tried at every position of the text.
_REL_ANCHORS = ("day", "night", "tomorrow", "morning", "afternoon", "evening", "week", "month", "year", "decade",
                "quarter", "spring", "summer", "autumn", "fall", "winter", "centur")
_NOT_REL = re.compile(r"[^\w\s-]")


def _relative_matches(lowered: str) -> list:
    """``list(_REL.finditer(lowered))``."""
    out = []
    for start, end in runs_around(lowered, occurrences(lowered, _REL_ANCHORS), _NOT_REL):
        out.extend(_REL.finditer(lowered, start, end))
    return out


@per_document
def _doc_matches(doc) -> _Matches:
    return _Matches(doc.prose)


def _scan(prose: str, ref: _dt.date | None, blocks=None, relative: bool = True,
          matches: _Matches | None = None) -> list[TimeExpr]:
    matches = matches or _Matches(prose)
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for m in matches.full:
        g = _groups(m)
        if any(g[k] for k in ("mon1", "mon2", "mon3", "year4", "a5", "a6")):
            t = _safely(_full_date, m, ref, prose)
        else:
            t = _safely(_month_year, m, ref, prose)
        if t is not None:
            out.append(t)
            taken.append((t.start, t.end))
    taken_starts = sorted(taken)
    import bisect

    def overlaps(s: int, e: int) -> bool:
        i = bisect.bisect_right(taken_starts, (e, -1))
        return i > 0 and taken_starts[i - 1][1] > s

    rel_matches = [m for m in matches.relative if not overlaps(*m.span())] if relative else []
    wd_matches = [m for m in matches.weekdays if not overlaps(*m.span("wd"))]
    # relative expressions need the last explicit date before them: merge in order
    out.sort(key=lambda t: t.start)
    absolute = [t for t in out if t.year_given and t.resolved]
    abs_starts = [t.start for t in absolute]
    block_starts = [b.start for b in blocks] if blocks else []
    for m in rel_matches:
        anchor = None
        i = bisect.bisect_left(abs_starts, m.start()) - 1
        if i >= 0:
            cand = absolute[i]
            # only from the same or the previous paragraph
            if not block_starts or bisect.bisect_right(block_starts, m.start()) - bisect.bisect_right(block_starts, cand.start) <= 1:
                anchor = cand
        t = _safely(_relative, m, ref, prose, anchor)
        if t is not None:
            out.append(t)
    for m in wd_matches:
        t = _safely(_weekday_expr, m, ref, prose)
        if t is not None:
            out.append(t)
    out.sort(key=lambda t: (t.start, -t.end))
    # drop expressions nested in an earlier, longer one
    result: list[TimeExpr] = []
    last_end = -1
    for t in out:
        if t.start < last_end:
            continue
        result.append(t)
        last_end = t.end
    return result


def extract_times(doc) -> list[TimeExpr]:
    """All time expressions in ``doc.prose``, resolved against ``doc.date`` when known."""
    return _scan(doc.prose, doc.date, doc.blocks, matches=_doc_matches(doc))


def parse_times(text: str, ref: _dt.date | None = None) -> list[TimeExpr]:
    """Time expressions of a bare string (for tests and callers without a Document)."""
    return _scan(text, ref)


# ---------------------------------------------------------------------------
# Document date inference

_DATELINE_WINDOW = 600


def infer_document_date(doc) -> tuple[_dt.date, str] | None:
    """The document date from the text, with a description of where it was found.

    1. A dateline: a full date (with its year) on one of the first lines, alone or
       with a place name / "Published" / "Updated" label ("WASHINGTON, Sept. 30, 2024 —").
    2. Otherwise a full date anywhere in the text that a bare weekday in the text
       names ("met Monday" and "September 30, 2024", a Monday). Of several such dates
       the latest wins (news reports the past; the latest date is nearest publication).
    Nothing is inferred from a single unconfirmed date.
    """
    prose = doc.prose
    times = _scan(prose, None, relative=False, matches=_doc_matches(doc))
    full = [t for t in times if t.kind == "date" and t.year_given and t.resolved and t.low == t.high]
    if not full:
        return None
    index = doc.index
    for t in full:
        if t.start > _DATELINE_WINDOW:
            break
        line_no = index.position(t.start)[0]
        if line_no > 6:
            break
        ls, le = index.line_span(line_no)
        line = prose[ls:le]
        before = prose[ls:t.start].strip()
        after = prose[t.end:le].strip()
        if t.weekday is not None and t.low.weekday() != t.weekday:
            continue
        label_ok = (not before or re.fullmatch(r"(?:(?:published|updated|posted|date|dated)\s*(?:on)?:?|"
                                                r"[A-Z][A-Z .,'’()-]{1,60}[,:]?|[A-Z][\w .,'’-]{0,40}\|)", before, re.I))
        tail_ok = (not after or re.match(r"(?:[-—–:|(]|\d{1,2}[:.]\d\d|at\s+\d)", after))
        if label_ok and tail_ok and len(line.split()) <= 14 or (label_ok and after[:1] in ("—", "–", "-", "(")):
            return t.low, f"dateline '{t.text}' (line {doc.line_of(t.start)})"
    weekdays = [t for t in times if t.kind == "weekday"]
    named = {t.weekday for t in weekdays}
    supported = [t for t in full if t.low.weekday() in named and (t.weekday is None or t.weekday == t.low.weekday())]
    if not supported:
        return None
    best = max(supported, key=lambda t: (t.low, -t.start))
    wd = next(w for w in weekdays if w.weekday == best.low.weekday())
    return best.low, (f"inferred from '{best.text}' (line {doc.line_of(best.start)}), "
                      f"consistent with '{wd.text}' (line {doc.line_of(wd.start)})")


def document_date(doc) -> tuple[_dt.date, str] | None:
    """The date of a document that was given none and whose metadata gave no ISO one, with
    where it was found: a date its front matter writes out ("date: 5 December 2026"), else
    one inferred from its text (:func:`infer_document_date`). The engine calls it when it
    attaches the facts (the document model does not read dates: it sits below the facts)."""
    written = doc.front_matter.get("date") if doc.front_matter else None
    if isinstance(written, str):
        full = [t for t in parse_times(written) if t.kind == "date" and t.year_given and t.resolved and t.low == t.high]
        if len(full) == 1:
            return full[0].low, "front matter"
    return infer_document_date(doc)
