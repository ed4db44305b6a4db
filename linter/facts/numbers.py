"""Quantity extraction: every numeral in the prose, typed, with its value and interval.

``extract_quantities(doc)`` returns one :class:`Quantity` per number expression, in
document order, read from ``doc.prose`` (so offsets equal ``doc.text``). It is a few
regex passes plus constant work per match (a bounded look at the characters around
each numeral), so it is linear in the document and fast on megabytes of text.

What is and is not a quantity
-----------------------------
Every numeral is returned, and ``kind`` says what it is. Checks that want amounts
filter with :attr:`Quantity.is_quantity` (kinds in :data:`QUANTITY_KINDS`):

=================== ==========================================================
count               a number of things, usually with a counted ``noun``
money               a currency symbol/word ("$1.13bn", "£600m", "7.5bn euros")
percent             "20%", "20 percent", "20 per cent", "20pc"
percentage-point    "3 percentage points"
measure             a number with a unit (km, tonnes, years, hours ...)
number              a bare number we could not type further
fraction            "two-thirds", "a quarter", "half"
------------------- ----------------------------------------------------------
year                "in 2017", "the 1990s", "2016-17"
date                the day of a date ("Sept. 30", "30 September")
time                "10:30", "9am", "10.30 p.m."
score               "won 3-1"
phone               "(202) 555-0100", "+44 20 7946 0958"
ordinal             "21st", "3rd"
id                  "No. 5", "page 12", "#3", "Article 5" ("number 10")
model               a name that contains a number: "Boeing 747", "Kurdistan 24",
                    "COVID-19", "G20", "F-16", "4G"
other               "24/7", "1.2.3", anything else
=================== ==========================================================

``form`` records how the numeral is written, which the number-format rules read:
``plain`` (``43000``), ``grouped`` (``43,000``), ``decimal`` (``3.5``),
``malformed`` (``9,00``, ``1,0000``, ``12,34,567`` -- irregular comma groups;
``indian`` when it is valid lakh grouping ``1,00,000``), ``foreign`` (``1.000``,
``2.500.000``: dots as thousands separators), ``words`` (``nine thousand``).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass, field

from ..text import LazyPattern, finditer_at, occurrences
from .calendar_words import MONTHS, WEEKDAY_NAMES

QUANTITY_KINDS = frozenset({"count", "money", "percent", "percentage-point", "measure", "number", "fraction"})
NOT_QUANTITY_KINDS = frozenset({"year", "date", "time", "score", "phone", "ordinal", "id", "model", "other"})

INF = math.inf


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number expression. Offsets are code points into ``doc.text``.

    ``start``/``end`` cover the whole expression (hedge, currency, numeral, scale,
    unit); ``num_start``/``num_end`` only the numeral as written. ``value`` is the
    resolved value (scale applied, "two-thirds" = 0.667); ``low``/``high`` the
    interval after the hedge ("over 400" = (400, inf), "about 400" = (360, 440)).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    low: float
    high: float
    kind: str
    raw: str
    unit: str | None = None          # "percent", "percentage-point", "USD", "GBP", "EUR", "km", ...
    scale: float = 1.0               # 1e6 for "million"/"m", 1e9 for "bn"/"billion" ...
    noun: str | None = None          # counted noun, lowercased ("people", "fighters")
    partitive: bool = False          # "10,400 of its citizens": noun after "of"
    hedge: str | None = None         # "over", "about", "more than" ... lowercased
    form: str = "plain"              # plain grouped decimal malformed indian foreign words
    negative: bool = False
    sig: int = 0                     # significant digits of the numeral as written
    range_role: str | None = None    # "low" / "high" when part of "12 to 87", "between 10 and 12"
    partner: int = -1                # index (in the returned list) of the other end of a range
    words: bool = False              # written in words ("nine thousand", "a dozen")

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITY_KINDS

    @property
    def numeral(self) -> str:
        return self.raw[self.num_start - self.start : self.num_end - self.start]


# ---------------------------------------------------------------------------
# Lexicon

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
    "trn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
_WORD_SCALES = ("thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores", "mln", "bln", "bn", "mn", "tn")
_ATTACHED_SCALES = ("bn", "m", "mn", "k", "b", "tn", "trn", "mln", "bln")

CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD",
    "S$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "R$": "BRL",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "AUD": "AUD", "CAD": "CAD", "JPY": "JPY", "CNY": "CNY", "INR": "INR",
    "CHF": "CHF",
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupees": "INR", "rupee": "INR",
    "roubles": "RUB", "rubles": "RUB", "francs": "CHF", "pesos": "MXN", "shekels": "ILS", "lira": "TRY",
    "euro cents": "cent", "cents": "cent", "pence": "penny", "dinars": "DINAR", "riyals": "SAR", "dirhams": "AED", "won": None,  # "won" is usually the verb
}
CURRENCY_WORDS = {k: v for k, v in CURRENCY_WORDS.items() if v}

UNITS = {
    # unit word -> (normalised unit, kind)
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "mile", "mile": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "m": "m", "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "cm": "cm", "mm": "mm",
    "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "grams": "g", "tonnes": "t", "tons": "t", "tonne": "t", "metric tons": "t", "metric tonnes": "t",
    "pounds-weight": "lb", "lbs": "lb", "lb": "lb", "ounces": "oz",
    "litres": "l", "liters": "l", "gallons": "gal", "barrels": "bbl",
    "acres": "acre", "hectares": "ha", "sq": "sq",
    "degrees": "deg", "mph": "mph", "kph": "kph", "km/h": "kph", "mw": "MW", "gw": "GW", "kwh": "kWh",
    "years": "year", "year": "year", "months": "month", "month": "month", "weeks": "week", "week": "week",
    "days": "day", "day": "day", "hours": "hour", "hour": "hour", "minutes": "minute", "minute": "minute",
    "seconds": "second", "second": "second", "decades": "decade", "centuries": "century",
}

HEDGES = {
    # hedge -> interval type: "approx" +-10%, "above" (v, inf), "atleast" [v, inf),
    # "below" (.., v), "atmost" (.., v], "near" (0.9v, v]
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx", "c.": "approx", "close to": "near",
    "nearly": "near", "almost": "near", "just under": "near", "just shy of": "near", "getting on for": "near",
    "over": "above", "more than": "above", "upwards of": "above", "upward of": "above", "in excess of": "above",
    "just over": "above", "well over": "above", "above": "above", "north of": "above", "greater than": "above",
    "at least": "atleast", "no fewer than": "atleast", "no less than": "atleast", "a minimum of": "atleast",
    "under": "below", "less than": "below", "fewer than": "below", "below": "below", "well under": "below",
    "at most": "atmost", "up to": "atmost", "as many as": "atmost", "as much as": "atmost", "no more than": "atmost",
    "a maximum of": "atmost",
}
_HEDGE_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES), key=len, reverse=True))
    + r")\s+$",
    re.I,
)

_MONTH_ALT = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
# the full weekday names, lower case (not their abbreviations: "Sat 20" may be a model)
_WEEKDAY_NAMES_LOWER = frozenset(name.lower() for name in WEEKDAY_NAMES)

# words that can stand before a number without naming a model ("The 12", "In 2017", "Over 400")
FUNCTION_WORDS = frozenset("""
a an the and or but nor of in on at by to from for with without into onto over under about around some nearly
almost more than less fewer up down only just all its their his her our my your these those this that top
since after before until till during between among another last next first past every each per as plus minus
times roughly approximately exactly another least most than when while where if then so also even still
both either neither no not some were was is are be been being had has have will would could should may might
must can did do does said says told say estimated total totalling totaling about another almost
here there now again just what which who whom whose why how nearly some around through across against
within beyond above below near towards toward via vs versus like unlike other others many much few
approximately circa cost costs costing worth earned earns paid pay pays rose fell grew jumped dropped
""".split())

ID_WORDS = frozenset("""
no no. nos number page pages chapter section article articles room flight route line gate platform level
category grade phase stage episode season round game match vol volume act clause paragraph
item question lot unit apartment suite bus channel highway interstate district ward precinct zone tier
version model type class rule resolution bill verse psalm exit pier terminal block building floor row
seat hole lane road street avenue studio track tracks door box code
""".split())

ORDINAL_SUFFIX = ("st", "nd", "rd", "th")

# words after a numeral that are not a counted noun
NOT_NOUNS = frozenset("""
a an the and or but nor of in on at by to from for with into over under about per as than that which who
whom whose this these those it its is are was were be been has have had will would could should may might
must can did do does said says told percent cent per-cent points point times more less fewer others other
year years old month months week weeks day days hour hours minute minutes second seconds am pm a.m p.m
gmt utc bst est edt pst et when while after before since until if so not also still just only yet
while out up down off back across through each apiece apart away ago later earlier including plus minus
against versus vs last next this throughout every ago earlier later apiece
""".split())
ADJECTIVES = frozenset("""
new more other additional extra further foreign local young old armed unarmed suspected alleged
confirmed registered eligible full-time part-time senior junior former current british american
iraqi syrian kurdish chinese russian european african asian indian australian french german
small large big major minor separate different individual innocent wounded injured dead missing
displaced civilian military private public total
""".split())

_UNITS_WORDS = {"thousand", "hundred", "million", "billion", "trillion"}
# number words below twenty -> their value (twenty and up: _TENS_WORDS)
_WORDS_UNDER_TWENTY = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}
def _cased(words) -> str:
    """An alternation of words in lower, Capitalised and UPPER case: a case-sensitive regex
    with explicit variants runs about twice as fast as re.IGNORECASE on megabytes of text."""
    variants = {v for w in words for v in (w, w.capitalize(), w.upper())}
    # longest first; ties alphabetical, so the pattern is the same text in every process
    # (a set's order changes with string hashing) and the pattern stays the same from run to run
    return "|".join(sorted(variants, key=lambda v: (-len(v), v)))


_NUMBER_WORD = _cased([*_WORDS_UNDER_TWENTY, *_TENS_WORDS, "hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens"])
_WORDS_RE = re.compile(
    r"(?<![\w-])(?:(?P<art>[Aa]n?|AN?)\s+)?(?P<words>(?:" + _NUMBER_WORD + r")(?:(?:[\s-]+|\s+(?:and|AND)\s+)(?:" + _NUMBER_WORD + r"))*)"
    r"(?:-(?P<frac>" + _cased(_FRACTION_WORDS) + r"))?(?![\w-])"
)
_FRACTION_RE = re.compile(
    r"(?<![\w-])(?P<num>" + _cased(["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    + r")[\s-]+(?P<den>" + _cased(["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths",
                                    "eighth", "eighths", "tenth", "tenths"]) + r")(?![\w-])"
    r"|(?<![\w-])(?P<half>[Hh]alf|HALF)\s+(?=of\b|a\s+(?:million|billion|dozen)\b)"
)

# The numeral: digits with comma/dot separators. Validated afterwards.
# r"(?<![\w.,:/])\d+(?:[,.]\d+)*" with the look-behind moved after the first digit (it
# then looks at that digit and the character before): the same matches, but a pattern
# that starts with \d lets re skip to the digits instead of trying every position
_NUMERAL = re.compile(r"\d(?<![\w.,:/]\d)\d*(?:[,.]\d+)*")
_MAX_NUMERAL = 64  # characters; longer digit runs are not quantities (and overflow int/float)
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}(?![\w])")
# where a phone number can start: "+", "(" or a digit after a non-word character, with
# nine more of the characters a phone number is made of (the shortest is ten: "20 555 0100")
_PHONE_START = re.compile(r"[\d+(](?<!\w\d)(?=[\d\s.()+-]{9})")
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>US|AU|A|C|CA|NZ|HK|S|R)?(?P<dollar>\$)|(?P<sym>[£€¥₹])|(?<![A-Za-z])(?P<iso>USD|EUR|GBP|AUD|CAD|JPY|CNY|INR|CHF|Rs\.?)\s?)\s?$"
)
_NEG_BEFORE = re.compile(r"(?:^|[\s(])(?P<sign>[-−])$|(?:^|\s)(?P<word>minus)\s+$", re.I)
_SUFFIX = re.compile(r"[A-Za-z]+")
_PERCENT_AFTER = re.compile(r"\s?%|[\s-]+(?:percent|per\s+cent|per-cent)\b|pc\b|\s+pct\b", re.I)
_PP_AFTER = re.compile(r"\s?(?:%|percent|per\s+cent)?\s*[\s-]percentage[\s-]points?\b|\s?(?:pp|ppts?)\b", re.I)
_SCALE_AFTER = re.compile(r"[\s-]+(thousand|million|billion|trillion|lakhs?|crores?|bn|mn|mln|bln|tn)\b|\s?(m|k|b)\b(?![.'’]\w)", re.I)
_CURWORD_AFTER = re.compile(r"\s+(?:(?:US|U\.S\.|Hong\s+Kong|Australian|Canadian|Singapore)\s+)?(" + "|".join(w.replace(" ", r"\s+") for w in sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")\b", re.I)
_UNIT_AFTER = re.compile(r"[\s-]+(" + "|".join(sorted((re.escape(u).replace(r"\ ", r"\s+") for u in UNITS), key=len, reverse=True)) + r")(?![\w])", re.I)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_OF_AFTER = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|these|those|them|whom|which|all|your|my)\b)?\s*([A-Za-z][A-Za-z'’-]*)?", re.I)
_PREV_WORD = LazyPattern(r"([A-Za-z][\w.&'’-]*)\s+$")
_PREV_TOKEN = re.compile(r"(\S+)\s*$")
_MONTH_BEFORE = re.compile(r"\b" + _MONTH_ALT + r"\.?\s+(?:the\s+)?$", re.I)
_MONTH_AFTER = LazyPattern(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_ALT + r"\b", re.I)
_TIME_AFTER = re.compile(r"(?:[:.]\d\d)?\s?(?:a\.?m\b\.?|p\.?m\b\.?|GMT|BST|UTC|EST|EDT|PST|PDT|CET|hrs\b|h\b|o'clock)", re.I)
_COLON_AFTER = re.compile(r":\d\d")
_SCORE_CONTEXT = LazyPattern(r"\b(?:won|win|wins|winning|beat|beats|beaten|lost|lose|loses|losing|defeat|defeated|defeats|draw|drew|drawn|victory|triumph|thrashing|lead|led|leads|trail|trailed|score|scored|scoreline|aggregate|sets?|vote|voted|ruling|decision|majority|split)\b", re.I)
_CHANGE_BEFORE = LazyPattern(r"\b(?:by|up|down|rose|fell|increased|decreased|grew|dropped|jumped|gained|lost|climbed|"
                            r"declined|cut|raised|lowered|added|shed)\s+$", re.I)
_FROM_BEFORE = LazyPattern(r"\b(from|between)\s+$", re.I)


def _sig_digits(digits: str) -> int:
    """Significant digits of a plain digit string ("43000" -> 2, "0.05" -> 1, "10400" -> 3)."""
    if "." in digits:
        whole, frac = digits.split(".", 1)
        s = (whole.lstrip("0") + frac)
        s = s.lstrip("0")
        return max(1, len(s)) if whole.lstrip("0") else max(1, len(frac.lstrip("0")))
    s = digits.lstrip("0").rstrip("0")
    return max(1, len(s))


def classify_numeral(tok: str) -> tuple[str, float]:
    """The written form and best-guess value of a digit token ("9,00" -> malformed, 900.0)."""
    if "," not in tok and "." not in tok:
        return "plain", float(tok)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", tok):
        return "grouped", float(tok.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", tok):
        return "decimal", float(tok)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}\.\d{3},\d+", tok):
        return "foreign", float(tok.replace(".", "").replace(",", "."))
    if "," in tok and "." not in tok and re.fullmatch(r"\d{1,2}(?:,\d{2})*,\d{3}", tok):
        return "indian", float(tok.replace(",", ""))
    if "," in tok:
        head = tok.split(".", 1)
        try:
            return "malformed", float(head[0].replace(",", "") + ("." + head[1].replace(",", "") if len(head) > 1 else ""))
        except ValueError:
            return "other", float("nan")
    return "other", float("nan")


def parse_number_words(words: str) -> float | None:
    """"nine thousand" -> 9000, "two hundred and fifty" -> 250, "a dozen" -> 12, "dozens" -> 24."""
    total = 0.0
    current = 0.0
    seen = False
    parts = re.split(r"[\s-]+", words.lower())
    if len(parts) > 16:
        return None
    for w in parts:
        if not w or w == "and":
            continue
        if w in _WORDS_UNDER_TWENTY:
            current += _WORDS_UNDER_TWENTY[w]
        elif w in _TENS_WORDS:
            current += _TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("dozen",):
            current = (current or 1) * 12
        elif w == "dozens":
            current = (current or 1) * 24
        elif w in ("thousand", "million", "billion", "trillion"):
            scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}[w]
            total += (current or 1) * scale
            current = 0
        else:
            return None
        seen = True
    value = total + current
    if not seen or value > 1e16:
        return None  # "hundred hundred hundred ..." is not a number anyone writes
    return value


def format_grouped(value: int, sep: str = ",") -> str:
    """43000 -> "43,000" (the formatting the property tests round-trip through)."""
    return f"{value:,}".replace(",", sep)


# ---------------------------------------------------------------------------
# Extraction


@dataclass(slots=True, eq=False)
class _Draft:
    """One numeral on its way to a :class:`Quantity`, filled in by :func:`_describe`."""

    # made by the scanners (extract_from_text, _scan_words)
    num_start: int                   # where the numeral as written starts (code point in the prose)
    num_end: int                     # where it ends
    value: float                     # its value; _describe applies sign and scale, _link_ranges a partner's scale
    form: str                        # plain grouped decimal malformed indian foreign other words (classify_numeral)
    kind: str | None                 # "phone", "fraction", "number" (words) or None (a numeral) until _describe types it
    tok: str = ""                    # the digit token as written ("43,000"); "" for phones and words
    # set by _describe and the helpers it calls
    sig: int = 0                     # significant digits as written (_written_sig)
    start: int = -1                  # the whole expression's span: hedge, currency, sign, numeral,
    end: int = -1                    # scale, unit (-1 until _describe sets them)
    unit: str | None = None          # "percent", "percentage-point", "USD", "km", ... (Quantity.unit)
    scale: float = 1.0               # 1e6 for "million"/"m", ...; _describe_numeral multiplies it into value
    noun: str | None = None          # counted noun, lowercased
    partitive: bool = False          # the noun came after "of" ("10,400 of its citizens")
    hedge: str | None = None         # "over", "about", ... lowercased (_hedge)
    negative: bool = False           # a minus sign or "minus" before the numeral
    # set by _link_ranges
    range_role: str | None = None    # "low" / "high" in "12 to 87", "between 10 and 12"
    partner_d: _Draft | None = field(default=None, repr=False)  # the other end of that range


def _interval(value: float, hedge: str | None) -> tuple[float, float]:
    if not hedge:
        return value, value
    t = HEDGES.get(" ".join(hedge.lower().split()), "approx")
    lo_bound = 0.0 if value >= 0 else -INF
    if t == "approx":
        d = abs(value) * 0.1
        return value - d, value + d
    if t == "near":
        return value - abs(value) * 0.1, value
    if t in ("above", "atleast"):
        return value, INF
    return lo_bound, value  # below / atmost


def _noun_after(prose: str, pos: int, limit: int) -> tuple[str | None, bool, int]:
    """The counted noun after ``pos``: (noun, partitive, end). Skips up to two adjectives."""
    stop = min(limit, pos + 80)
    m = _OF_AFTER.match(prose, pos, stop)
    if m and m.group(1):
        w = m.group(1).lower().strip("'’")
        if w.endswith(("'s", "’s")):
            return None, False, pos  # "8 of Trump's 22 nominees": the whole comes later
        if w not in NOT_NOUNS and w not in _WORDS_UNDER_TWENTY and w not in _TENS_WORDS and w not in _UNITS_WORDS:
            return w, True, m.end(1)
        return None, False, pos
    cur = pos
    for _ in range(3):
        m = _WORD_AFTER.match(prose, cur, stop)
        if not m:
            return None, False, pos
        w = m.group(1).lower().rstrip("'’").removesuffix("'s").removesuffix("’s")
        if w in NOT_NOUNS:
            return None, False, pos
        if m.group(1)[0].isupper() and w not in ADJECTIVES:
            # proper names stop the noun, except peoples ("1,306 Palestinians", "Iraqis", "Kurds")
            if not (w.endswith("s") and len(w) > 3 and m.group(1)[1:].islower()):
                return None, False, pos
            return w, False, m.end(1)
        if w in ADJECTIVES or (w.endswith("ly") and len(w) > 4):
            cur = m.end()  # "43,000 new cases", "120,000 mostly young men"
            continue
        if w in VERB_WORDS or (w.endswith(("ed", "ing")) and not w.endswith(("eed", "red")) and w not in COUNT_NOUN_HINT):
            return None, False, pos  # "1,500 died", "$85 billion according to"
        if not w.endswith("s"):
            # "40 delivery companies", "22 electric buses": a plural right after names the thing counted
            m2 = _WORD_AFTER.match(prose, m.end(), stop)
            if m2 and m2.group(1).islower() and m2.group(1).endswith("s") and m2.group(1) not in NOT_NOUNS \
                    and not m2.group(1).endswith(("ss", "us", "is")):
                return m2.group(1), False, m2.end(1)
        return w, False, m.end(1)
    return None, False, pos


VERB_WORDS = frozenset("""
came went died fled took made got saw left lost won ran fell rose grew say remain remains live lives
work works attend attended die survive survived according including include includes compared
gave give gives become became came come comes get gets go goes went see seen seem seems
""".split())


# What every match of _WORDS_RE / _FRACTION_RE contains, lower-cased ("dozens" contains
# "dozen", "thirds" "third"): the regexes are tried only around these (see _word_matches).
_NUMBER_WORDS = {*_WORDS_UNDER_TWENTY, *_TENS_WORDS, "hundred", "thousand", "million", "billion", "trillion", "dozen"}
# (a word that starts with another, "sixteen" with "six", is found where that one is)
_WORD_NUMBERS = tuple(sorted(w for w in _NUMBER_WORDS if not any(v != w and w.startswith(v) for v in _NUMBER_WORDS)))
_DENOMINATORS = ("half", "third", "quarter", "fifth", "sixth", "eighth", "tenth")


def _word_matches(prose: str) -> tuple[list, list]:
    """``_FRACTION_RE`` and ``_WORDS_RE`` matches, as their finditer would find them.

    Both start with a look-behind and try dozens of words at every position of the text
    (about 150 ms/MB together); a match needs a number word, found here with ``str.find``
    in the lower-cased text, so they are tried only where one can start: at a number
    word, at an article before one ("a dozen"), at a numerator before a denominator."""
    low = prose.lower()
    if len(low) != len(prose):  # lower() changed the length ("İ"): offsets would not match
        return list(_FRACTION_RE.finditer(prose)), list(_WORDS_RE.finditer(prose))
    fraction_starts = set()
    for p in occurrences(low, _DENOMINATORS):
        fraction_starts.add(p)  # "half of"
        j = p
        while j > 0 and (prose[j - 1].isspace() or prose[j - 1] == "-"):
            j -= 1
        if j < p:  # a numerator ("a", "an", "one" ... "three") ends at j
            fraction_starts.update(range(max(0, j - 5), j))
    word_starts = set()
    for p in occurrences(low, _WORD_NUMBERS):
        word_starts.add(p)
        j = p
        while j > 0 and prose[j - 1].isspace():
            j -= 1
        if j < p:  # an article ("a", "an") may start the match
            word_starts.update(range(max(0, j - 2), j))
    return (finditer_at(_FRACTION_RE, prose, sorted(fraction_starts)),
            finditer_at(_WORDS_RE, prose, sorted(word_starts)))


def _scan_words(prose: str) -> list[_Draft]:
    """Numbers written in words and fractions ("nine thousand", "a dozen", "two-thirds")."""
    out = []
    taken_until = -1
    fraction_matches, word_matches = _word_matches(prose)
    for m in fraction_matches:
        if m.group("half"):
            out.append(_Draft(num_start=m.start("half"), num_end=m.end("half"), value=0.5, form="words", kind="fraction"))
            continue
        num = m.group("num").lower()
        n = 1 if num in ("a", "an", "one") else _WORDS_UNDER_TWENTY[num]
        den = _FRACTION_WORDS[m.group("den").lower()]
        out.append(_Draft(num_start=m.start(), num_end=m.end(), value=n / den, form="words", kind="fraction"))
    fractions = [(d.num_start, d.num_end) for d in out]
    fi = 0
    for m in word_matches:
        s, e = m.start(), m.end()
        while fi < len(fractions) and fractions[fi][1] <= s:
            fi += 1
        if fi < len(fractions) and fractions[fi][0] < e:
            continue
        words = m.group("words")
        low = words.lower()
        art = m.group("art")
        if m.group("frac"):
            continue  # "two-thirds" already taken by the fraction pass
        if low in ("one", "dozens"):
            continue  # "one" alone is mostly a pronoun ("one of the", "no one"); "dozens" is vague
        if art and low.split()[0] not in ("dozen", "hundred", "thousand", "million", "billion", "trillion"):
            s = m.start("words")
        value = parse_number_words(words)
        if value is None:
            continue
        if s <= taken_until:
            continue
        taken_until = e
        out.append(_Draft(num_start=s, num_end=e, value=value, form="words", kind="number"))
    out.sort(key=lambda d: d.num_start)
    return out


# A bare four-digit figure can be a year ("around 2030", "the 2040 target") only from
# FIRST_YEAR to YEARS_AHEAD years after the reference date (the document's date, else the
# run's today): news looks decades ahead (net zero by 2050 or 2060, population in 2100),
# while a hedged precise count with no noun after it ("about 2041") is rare. A fixed
# 1900-2035 took "around 2036" for a count (N120) and would have taken "around 2030" for
# one in an article from 2015.
FIRST_YEAR = 1900
YEARS_AHEAD = 50


def plausible_years(reference: _dt.date | None) -> tuple[int, int]:
    """The first and last year a bare four-digit figure may be, for a document dated (or
    read on) ``reference``; None: today, for tools and tests that have no run."""
    return FIRST_YEAR, (reference or _dt.date.today()).year + YEARS_AHEAD


def extract_quantities(doc, reference: _dt.date | None = None) -> list[Quantity]:
    """Every number expression in ``doc.prose``, typed, in document order (see module doc).
    ``reference``: the date years are judged against (:func:`plausible_years`)."""
    return extract_from_text(doc.prose, reference)


def extract_from_text(prose: str, reference: _dt.date | None = None) -> list[Quantity]:
    """The same as :func:`extract_quantities`, on a prose string (used by tests and tools)."""
    years = plausible_years(reference)
    phones = [(m.start(), m.end()) for m in finditer_at(_PHONE, prose, (c.start() for c in _PHONE_START.finditer(prose)))
              if sum(c.isdigit() for c in m.group()) >= 9]
    pi = 0
    raw: list[_Draft] = []
    for m in _NUMERAL.finditer(prose):
        s, e = m.span()
        if e - s > _MAX_NUMERAL:
            continue  # a digit run that long is noise or an identifier, and int() refuses > 4300 digits
        tok = m.group()
        # a trailing separator belongs to the sentence ("in 2017.") -- regex already stops there
        while pi < len(phones) and phones[pi][1] <= s:
            pi += 1
        if pi < len(phones) and phones[pi][0] <= s < phones[pi][1]:
            raw.append(_Draft(num_start=s, num_end=e, value=float(re.sub(r"\D", "", tok) or 0), form="plain", kind="phone"))
            continue
        form, value = classify_numeral(tok)
        raw.append(_Draft(num_start=s, num_end=e, value=value, form=form, kind=None, tok=tok))
    words = _scan_words(prose)
    if words:
        raw = _merge_sorted(raw, words)
    items = []
    for d in raw:
        if items and d.form == "words" and d.num_start < items[-1].end:
            continue  # "million" in "$5 million" is part of the numeral before it
        items.append(_describe(prose, d, years))
    _link_ranges(prose, items)
    out = []
    index_of = {id(d): i for i, d in enumerate(items)}
    for d in items:
        partner = index_of.get(id(d.partner_d), -1) if d.partner_d is not None else -1
        low, high = _interval(d.value, d.hedge)
        s, e = d.start, d.end
        out.append(Quantity(
            start=s, end=e, num_start=d.num_start, num_end=d.num_end, value=d.value, low=low, high=high,
            kind=d.kind, raw=prose[s:e], unit=d.unit, scale=d.scale, noun=d.noun,
            partitive=d.partitive, hedge=d.hedge, form=d.form,
            negative=d.negative, sig=d.sig, range_role=d.range_role,
            partner=partner, words=d.form == "words",
        ))
    return out


def _merge_sorted(a: list[_Draft], b: list[_Draft]) -> list[_Draft]:
    """Numerals ``a`` and word numbers ``b`` (each sorted) in one list by ``num_start``; a word
    number that starts inside the numeral before it is dropped."""
    out = []
    i = j = 0
    while i < len(a) or j < len(b):
        if j >= len(b) or (i < len(a) and a[i].num_start <= b[j].num_start):
            out.append(a[i])
            i += 1
        else:
            # skip word numbers overlapping a numeral ("2 million" is handled by the numeral)
            if out and out[-1].num_end > b[j].num_start:
                j += 1
                continue
            out.append(b[j])
            j += 1
    return out


def _describe(prose: str, d: _Draft, years: tuple[int, int]) -> _Draft:
    """Fill in kind, unit, scale, hedge, noun and the expression span around one numeral:
    phones are already typed; number words, a numeral glued to letters and a plain
    numeral each have their own reading (``years``: :func:`plausible_years`)."""
    d.sig = _written_sig(d)
    d.start, d.end = d.num_start, d.num_end
    if d.kind == "phone":
        return d
    before = prose[max(0, d.num_start - 40):d.num_start]
    if d.form == "words":
        _describe_words(prose, d, before)
    elif not _describe_glued(prose, d, before):
        _describe_numeral(prose, d, before, years)
    return d


def _written_sig(d: _Draft) -> int:
    """Significant digits as written: counted in the digit token; for words and phones,
    in the value when it is a whole number of at least 1, else 2 ("a half")."""
    tok, value = d.tok, d.value
    if tok and d.form in ("plain", "grouped", "decimal", "malformed", "indian"):
        return _sig_digits(re.sub(r"[^\d.]", "", tok))
    return _sig_digits(str(int(value))) if value == value and value >= 1 and value == int(value) else 2


def _describe_words(prose: str, d: _Draft, before: str) -> None:
    """Number words and fractions ("nine thousand", "two-thirds"). A fraction only takes the
    noun of an "of" after it ("two-thirds of voters"); other words take a percent or
    currency word after them, else a unit (a measure), else a counted noun (a count)."""
    ne = d.num_end
    n = len(prose)
    if d.kind == "fraction":
        m = _OF_AFTER.match(prose, ne, min(n, ne + 60))
        if m and m.group(1):
            d.noun = m.group(1).lower()
            d.partitive = True
        _hedge(prose, d, before)
        return
    pos = ne
    m = _PERCENT_AFTER.match(prose, pos, min(n, pos + 20))
    if m:
        d.unit, d.kind, pos = "percent", "percent", m.end()
    else:
        m = _CURWORD_AFTER.match(prose, pos, min(n, pos + 30))
        if m:
            d.unit, d.kind, pos = CURRENCY_WORDS[" ".join(m.group(1).lower().split())], "money", m.end()
    d.end = pos
    if d.kind == "number":
        m = _UNIT_AFTER.match(prose, pos, min(n, pos + 20))
        if m:
            d.unit, d.kind = UNITS[" ".join(m.group(1).lower().split())], "measure"
            d.end = m.end()
        else:
            noun, part, _ = _noun_after(prose, pos, n)
            if noun:
                d.noun, d.partitive, d.kind = noun, part, "count"
    _hedge(prose, d, before)


def _describe_glued(prose: str, d: _Draft, before: str) -> bool:
    """A numeral joined to what is around it. True when that settles its kind: a model
    ("F-16", "COVID-19", "4G"), an ordinal or a date's day ("21st", "3rd of May"), a decade
    ("1990s"), a time ("9am", "10:30", "10.30 p.m.", "1800 GMT") or "24/7" (other). False
    when the numeral reads on as an amount; then a scale, percent or unit glued to it
    ("5m", "20pc", "5km") is already on ``d`` (``scale``/``unit``, ``end`` after it)."""
    ns, ne = d.num_start, d.num_end
    n = len(prose)
    lim = min(n, ne + 60)
    tok = d.tok
    # glued to a word on the left ("COVID-19", "F-16", "MH17") or right ("4G", "3D")
    if ns >= 2 and prose[ns - 1] == "-" and (prose[ns - 2].isalpha()):
        d.kind = "model"
        return True
    suffix = _SUFFIX.match(prose, ne, lim)
    if suffix:
        sfx = suffix.group().lower()
        if sfx in ORDINAL_SUFFIX and d.form == "plain":
            mm = _MONTH_AFTER.match(prose, ne, lim)
            d.kind, d.end = ("date" if mm or _MONTH_BEFORE.search(before[-14:]) else "ordinal"), suffix.end()
            return True
        if sfx == "s" and d.form == "plain" and len(tok) in (2, 4):
            d.kind, d.end = "year", suffix.end()
            return True
        if sfx in _ATTACHED_SCALES:
            d.scale, d.end = SCALES[sfx], suffix.end()
        elif sfx in ("am", "pm", "hrs", "h", "gmt"):
            d.kind, d.end = "time", suffix.end()
            return True
        elif sfx in ("pc", "pct"):
            d.unit, d.end = "percent", suffix.end()
        elif sfx in UNITS:
            d.unit, d.end = UNITS[sfx], suffix.end()
        else:
            d.kind, d.end = "model", suffix.end()
            return True
    if ne < n and prose[ne] == "/" and ne + 1 < n and prose[ne + 1].isdigit():
        d.kind, d.end = "other", ne
        return True
    if _COLON_AFTER.match(prose, ne, lim):
        d.kind, d.end = "time", ne + 3
        return True
    if d.form == "decimal" and tok.count(".") == 1:
        mt = re.match(r"\s?(?:a\.?m\b\.?|p\.?m\b\.?)", prose[ne:lim], re.I)
        if mt and len(tok.split(".")[1]) == 2 and float(tok.split(".")[0]) <= 12:
            d.kind, d.end = "time", ne + mt.end()
            return True
    if d.scale == 1.0 and d.unit is None:
        mt = _TIME_AFTER.match(prose, ne, lim)
        if mt and d.form == "plain" and d.value <= 24 and not mt.group().strip().lower().startswith("h"):
            d.kind, d.end = "time", mt.end()
            return True
    return False


def _describe_numeral(prose: str, d: _Draft, before: str, years: tuple[int, int]) -> None:
    """A numeral read as an amount: a currency before it ("$", "US$", "EUR"), a minus sign,
    then after it a scale, percentage points or percent, a currency word or a unit; these
    make its kind (money, percent, measure). Then the counted noun (for money only a noun
    that is not a currency; for a share only "of ..."), the hedge, and for a numeral still
    untyped the kind its context gives (:func:`_context_kind`: year, date, id, count ...)."""
    ns = d.num_start
    _currency_and_sign_before(prose, d, before)
    _unit_after(prose, d)
    d.value *= d.scale
    unit = d.unit
    kind = None
    if unit == "percent":
        kind = "percent"
    elif unit == "percentage-point":
        kind = "percentage-point"
    elif unit in CURRENCY_SYMBOLS.values() or unit in CURRENCY_WORDS.values():
        kind = "money"
    elif unit is not None:
        kind = "measure"
    noun, part = None, False
    if kind in (None, "money"):
        noun, part, _ = _noun_after(prose, d.end, len(prose))
        if noun in CURRENCY_WORDS:
            noun = None
    elif kind in ("percent", "percentage-point"):
        noun, part, _ = _noun_after(prose, d.end, len(prose))
        if not part:
            noun = None  # only "20% of voters" names what the share is of
    d.noun, d.partitive = noun, part
    _hedge(prose, d, prose[max(0, d.start - 40):d.start])
    if kind is None:
        kind = _context_kind(prose, d, d.tok, before, years)
    if kind in NOT_QUANTITY_KINDS and d.hedge:
        d.start, d.hedge = ns, None  # "around 2030": the hedge is not part of a year
    d.kind = kind


def _currency_and_sign_before(prose: str, d: _Draft, before: str) -> None:
    """A currency symbol or code right before the numeral ("$", "US$", "£", "EUR ") sets
    ``unit``; a minus sign ("-5", not the hyphen of "10 -15") or "minus" makes it negative.
    Both move ``start`` back."""
    ns = d.num_start
    start = d.start
    near = before[-6:]
    cm = _CURRENCY_BEFORE.search(near)
    if cm:
        sym = (cm.group("code") or "") + "$" if cm.group("dollar") else (cm.group("sym") or cm.group("iso"))
        d.unit = CURRENCY_SYMBOLS.get(sym.strip(), CURRENCY_SYMBOLS.get(sym.strip().rstrip("."), "USD"))
        start = ns - len(near) + cm.start()
        if prose[start].isspace():
            start += 1
    neg = _NEG_BEFORE.search(prose[max(0, start - 8):start])
    if neg and neg.group("sign"):
        # "-5" but not a hyphen range ("10 -15"): the character before the sign is not a digit
        j = start - 2
        while j >= 0 and prose[j] == " ":
            j -= 1
        if j < 0 or not prose[j].isdigit():
            d.negative = True
            d.value = -d.value
            start -= 1
    d.start = start


def _unit_after(prose: str, d: _Draft) -> None:
    """What follows the numeral (or its glued suffix): a scale word ("5 million", "$5m";
    a bare "m" only after a currency, else it is metres), then, if nothing set the unit
    yet, percentage points, percent, a currency word ("7.5bn euros") or a unit word
    ("5 km"), in that order. Sets ``scale``/``unit`` and moves ``end`` past them."""
    lim = min(len(prose), d.num_end + 60)
    unit, scale, pos = d.unit, d.scale, d.end
    if unit is None or unit in CURRENCY_SYMBOLS.values():
        m = _SCALE_AFTER.match(prose, pos, lim)
        if m and scale == 1.0:
            w = (m.group(1) or m.group(2)).lower()
            if m.group(2) and unit is None:
                m = None  # "5 m" without currency is metres, not millions
            if m:
                scale = SCALES[w]
                pos = m.end()
    if unit is None:
        m = _PP_AFTER.match(prose, pos, lim)
        if m:
            unit, pos = "percentage-point", m.end()
        else:
            m = _PERCENT_AFTER.match(prose, pos, lim)
            if m:
                unit, pos = "percent", m.end()
    if unit is None:
        m = _CURWORD_AFTER.match(prose, pos, lim)
        if m:
            unit, pos = CURRENCY_WORDS[" ".join(m.group(1).lower().split())], m.end()
    if unit is None:
        m = _UNIT_AFTER.match(prose, pos, lim)
        if m:
            unit, pos = UNITS[" ".join(m.group(1).lower().split())], m.end()
    d.unit, d.scale, d.end = unit, scale, pos


def _hedge(prose: str, d: _Draft, before: str) -> None:
    """A hedge right before the expression ("about", "more than", "up to"): sets ``hedge``
    and moves ``start`` back to it; not "for some", nor "from under 10" (a range's end)."""
    before = before[-26:]
    m = _HEDGE_RE.search(before)
    if m:
        hedge = " ".join(m.group(1).lower().split())
        if hedge == "some" and re.search(r"\b(?:for|in|at|of)\s+some\s+$", before, re.I):
            return
        if hedge in ("under", "over", "below", "above") and re.search(r"\b(?:from|to|by)\s+\w+\s+$", before, re.I):
            return
        d.hedge = hedge
        d.start = d.start - len(before) + m.start()


def _context_kind(prose: str, d: _Draft, tok: str, before: str, years: tuple[int, int]) -> str:
    """Year, date, id, model, score or count/number for a bare numeral (``years``: the
    window of plausible years, :func:`plausible_years`)."""
    first_year, last_year = years
    ns, ne = d.num_start, d.num_end
    form = d.form
    value = d.value
    lim = min(len(prose), ne + 40)
    if form == "plain" and len(tok) <= 2 and 1 <= value <= 31:
        if _MONTH_BEFORE.search(before[-14:]) or _MONTH_AFTER.match(prose, ne, lim):
            return "date"
    if form == "plain" and len(tok) <= 4 and re.match(r"\s*(?:BC|BCE|AD|CE)\b", prose[ne:lim]):
        return "year"  # "239 BC"
    if form == "plain" and len(tok) == 4 and 1000 <= value <= 2100:
        # "in 2017", "the 2016 election", "September 2026", "around 2030" are years;
        # "2000 people", "including 1306 Palestinians", "1853 aircraft" are counts
        noun = d.noun
        if not noun:
            if d.hedge and not first_year <= value <= last_year:
                return "number"  # "about 1500"
            return "year"
        if d.hedge and not (first_year <= value <= last_year and not noun.endswith("s")):
            return "count"  # "about 2000 people"
        if noun not in COUNT_NOUN_HINT:
            if _MONTH_BEFORE.search(before[-14:]) or _YEAR_BEFORE.search(before[-14:]):
                return "year"
            if first_year <= value <= last_year and (not noun.endswith("s") or noun in YEAR_NOUNS):
                return "year"
    # score: "3-1" with a sporting/voting context nearby
    if form == "plain" and ne + 1 < len(prose) and prose[ne] in "-–" and prose[ne + 1].isdigit():
        window = prose[max(0, ns - 60):min(len(prose), ne + 40)]
        if _SCORE_CONTEXT.search(window):
            return "score"
    if ns >= 1 and prose[ns - 1] in "-–" and ns >= 2 and prose[ns - 2].isdigit():
        window = prose[max(0, ns - 60):min(len(prose), ne + 40)]
        if _SCORE_CONTEXT.search(window) and value < 200:
            return "score"
        if len(tok) in (2, 4) and re.match(r"(?:1[89]|20)\d\d$", prose[max(0, ns - 5):ns - 1]):
            return "year"  # "2016-17", "1999-2000"
    if before.endswith("#"):
        return "id"
    pm = _PREV_WORD.search(before[-30:])
    if pm:
        w = pm.group(1)
        wl = w.lower().rstrip(".")
        if wl in ID_WORDS or w.lower() in ID_WORDS:
            return "id"
        if w[0].isupper() and not w.endswith((".", "'s", "’s")) and "\n" not in pm.group() and wl not in FUNCTION_WORDS and wl not in MONTHS and wl not in _WEEKDAY_NAMES_LOWER \
                and not d.hedge and wl not in HEDGES:
            # a capitalised name right before the number: "Boeing 747", "Kurdistan 24", "Article 5",
            # unless it starts the sentence ("Police 20 ..." is rare; "Nearly 40" is a hedge)
            ws = before.rfind(w)
            prev_char = before[:ws].rstrip()[-1:] if ws > 0 else ""
            if prev_char not in (".", "!", "?", "\"", "“", "") or len(w) > 1 and w[1:].islower() is False:
                return "model"
            if prev_char and prev_char in ".!?\"“" and d.noun:
                return "count"
            if not d.noun:
                return "model"
    if d.noun:
        return "count"
    return "number"


_YEAR_BEFORE = LazyPattern(r"\b(?:in|since|until|till|by|from|of|during|before|after|circa|between|and|to|the|early|late|"
                          r"mid|its|his|her|their|this|that|fiscal|financial|year|season|for)\s+$|['’]s\s+$", re.I)
YEAR_NOUNS = frozenset("elections games olympics championships finals talks accords budgets results figures accounts "
                       "levels prices rates estimates forecasts".split())

# nouns that make a four-digit number a count, not a year ("2000 people")
COUNT_NOUN_HINT = frozenset("""
people persons men women children kids workers employees staff jobs troops soldiers fighters militants
civilians refugees migrants students patients cases deaths homes houses households families residents
voters members police officers protesters demonstrators prisoners detainees inmates visitors tourists
passengers votes signatures units vehicles cars flights barrels tonnes acres hectares miles kilometres
km feet metres meters dollars euros pounds shares copies items sites schools hospitals beds doctors nurses
teachers animals cattle sheep birds trees words pages
""".split())


def _link_ranges(prose: str, items: list[_Draft]) -> None:
    """Pair "12 to 87", "between 10 and 12", "10-12", "5 or 6": share unit/scale/noun, mark roles."""
    for a, b in zip(items, items[1:]):
        if a.kind not in QUANTITY_KINDS or b.kind not in QUANTITY_KINDS or a.range_role:
            continue
        gap = prose[a.end:b.start]
        if len(gap) > 8:
            continue
        gl = gap.strip().lower()
        before = prose[max(0, a.start - 12):a.start]
        fm = _FROM_BEFORE.search(before)
        if gl == "to" and _CHANGE_BEFORE.search(before):
            continue  # "rose by 3 to 12", "up 5% to 20%": a change and a level, not a range
        if gl in ("-", "–", "—", "to", "or") or (gl == "and" and fm and fm.group(1).lower() == "between"):
            a.range_role, b.range_role = "low", "high"
            a.partner_d, b.partner_d = b, a
            # "12 to 87 countries", "10 to 12 percent", "1 to 2 million"
            if a.unit is None and b.unit:
                a.unit = b.unit
                if a.kind in ("number", "count"):
                    a.kind = b.kind
            if a.scale == 1.0 and b.scale != 1.0 and a.form != "words":
                a.scale = b.scale
                a.value = a.value * b.scale
            if not a.noun and b.noun:
                a.noun = b.noun
                if a.kind == "number":
                    a.kind = "count"
