"""``currency-conversion``: a converted amount that implies a rate no market ever had (or
not in the article's year), or a different rate from the article's other conversions.

News glosses a foreign amount in the reader's currency: "$125m (£52m)". The gloss is
typed by hand, so a slipped digit goes unseen: "$125m (£52m)" implies 2.40 dollars to
the pound, which the pound has never fetched since the 1980s, and it clashes with
"$250 (£133)" (1.88) two paragraphs on. A reader cannot see which figure is wrong, an
editor with a calculator can, in five seconds.

A conversion is two money figures in different currencies, the second in brackets
right after the first ("$680 million (642 million euros)", "€5bn (about $5.3bn)").
Each figure's written precision, and a hedge inside the brackets ("(about $330)"),
widen the implied rate to an interval, so honest rounding never fires (a hedge before
the amount covers the gloss too: "around $257m (239m euros)" converts the round figure):

* **band**: the rate lies outside the range the pair has traded in (a word list,
  ``currency-rate-bands``: ``"GBP/USD: 1.00-2.20"``, one pound in dollars, from the
  historical lows and highs since 1985, widened a little);
* **year**: in an article with a date, the rate lies more than ``year_margin`` outside
  the range the pair traded in that year and the year before (a word list,
  ``currency-rate-years``: ``"GBP/USD 2016: 1.214-1.487"``, from the ECB's daily rates) --
  a gloss is converted at the rate of the day, and a slipped digit moves it far more;
* **internal**: two conversions of one pair in one article whose rates differ by more
  than ``tolerance`` beyond rounding; a conversion that agrees with any earlier one is
  not reported, and each report names the conversion it disagrees with.

"$" alone is read as US dollars, so "$80m ($US56m)" (Australian and US dollars) is one
currency and never compared; and a bare "$" is held to the US dollar's bands only when
the article names no other dollar ("US$", "A$", "Canadian dollars"...), since
Australian and Canadian news write their own dollar as "$".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, ClassVar

from ..text import LazyPattern
from ..diagnostics import Finding, Related
from .base import RuleBase, WordListEntryError

if TYPE_CHECKING:  # resolved by linter.schema when a rule file is validated
    from pydantic import Field

_DIGIT = re.compile(r"\d")
_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*[);]")
_OTHER_DOLLAR = LazyPattern(r"(?:US\$|\$US|\bUSD\b|\b(?:A|AU|C|CA|NZ|HK|S|NT|Z)\$|\bU\.?S\.? dollars?\b|"
                           r"\b(?:Australian|Canadian|New Zealand|Hong Kong|Singapore|Taiwan|Zimbabwe)\s+dollars?\b)")
_BARE_DOLLAR = LazyPattern(r"(?<![A-Za-z$])\$(?!\s?US)")
_BAND = re.compile(r"^\s*(?P<a>[A-Z]{3})\s*/\s*(?P<b>[A-Z]{3})\s*:\s*(?P<low>[\d.]+)\s*-\s*(?P<high>[\d.]+)\s*$")
_YEAR_BAND = re.compile(r"^\s*(?P<a>[A-Z]{3})\s*/\s*(?P<b>[A-Z]{3})\s+(?P<year>\d{4})\s*:\s*(?P<low>[\d.]+)\s*-\s*(?P<high>[\d.]+)\s*$")


@dataclass(frozen=True)
class Conversion:
    """``first (second)``: the amounts, their currencies and the rate interval, as
    units of ``quote`` per one ``base`` (the pair in alphabetical order)."""

    first: object
    second: object
    base: str
    quote: str
    low: float
    high: float
    value: float  # the rate as written
    end: int  # after the closing bracket, or after the gloss when a ";" follows it

    @property
    def start(self) -> int:
        return self.first.start


def written_interval(q, hedge_margin: float) -> tuple[float, float]:
    """The values a figure can stand for as written: half a unit of its last written
    digit either way ("$5.3bn": 5.25-5.35bn; "600 billion": 599.5-600.5bn), and
    ``hedge_margin`` more either way when hedged ("about", "more than", "nearly")."""
    digits = q.numeral.replace(",", "").replace("\u202f", "").replace(" ", "")
    if not q.words and re.fullmatch(r"\d+(?:\.\d+)?", digits):
        # trailing zeros count as written ("600 billion" is 599.5-600.5bn): a writer who
        # rounds 603 to 600 is well inside ``tolerance``, and the bands are wide
        place = 10.0 ** -len(digits.split(".")[1]) if "." in digits else 1.0
        number = float(digits)
        half = 0.5 * place
        low, high = (number - half) * q.scale, (number + half) * q.scale
    else:
        low, high = q.value * 0.95, q.value * 1.05
    if q.hedge:
        low, high = low * (1 - hedge_margin), high * (1 + hedge_margin)
    return max(low, 1e-12), high


class Rule(RuleBase):
    """Report a currency conversion whose implied rate is impossible or disagrees with the
    article's other conversions of the same pair.

    Message placeholders: ``{this}`` (the conversion as written), ``{rate}`` (what it
    implies: "1 GBP = 2.40 USD"), ``{why}`` (the band it leaves, or the other conversion
    and its rate).
    """

    placeholders: ClassVar[tuple[str, ...]] = ("this", "rate", "why")

    bands: str = "currency-rate-bands"
    """Word list of rate bands, ``"GBP/USD: 1.00-2.20"``: one unit of the first currency is worth that range of the second."""
    tolerance: Annotated[float, Field(ge=0, le=1)] = 0.15
    """How far two conversions of one pair may differ beyond rounding (0.15: 15%) before they clash."""
    hedge_margin: Annotated[float, Field(ge=0, le=1)] = 0.05
    """How far a hedged gloss ("(about $330)") may be from the exact conversion; a hedge before the amount covers both figures."""
    years: str | None = "currency-rate-years"
    """Word list of each pair's range in each year, ``"GBP/USD 2016: 1.214-1.487"``; null: no check against the article's year."""
    year_margin: Annotated[float, Field(ge=0, le=1)] = 0.10
    """How far beyond the range of the article's year and the year before a gloss's rate may be (0.10: 10%)."""

    _bands: dict = {}
    _years: dict = {}

    def wordlists_used(self) -> list[str]:
        return [self.bands] + ([self.years] if self.years else [])

    def prepare(self, wordlists):
        # kept as units of the alphabetically second currency per one of the first; a band
        # also keeps the orientation the list writes it in (``flip``: the list names the
        # second first), for messages
        self._bands = {}
        for m, (pair, low, high, flip) in _range_entries(
                wordlists, self.bands, _BAND, strict=True,
                shape="'ABC/XYZ: low-high' (one ABC in XYZ, low below high), e.g. 'GBP/USD: 1.00-2.20'"):
            self._bands[pair] = (low, high, f"{m['low']}-{m['high']} {m['b']} to the {m['a']}", flip)
        self._years = {}
        for m, (pair, low, high, _) in _range_entries(
                wordlists, self.years, _YEAR_BAND, strict=False,
                shape="'ABC/XYZ YYYY: low-high' (one ABC in XYZ that year, low not above high), "
                      "e.g. 'GBP/USD 2016: 1.214-1.487'"):
            self._years[pair, int(m["year"])] = (low, high)

    def conversions(self, doc) -> list[Conversion]:
        """Every ``amount (amount)`` pair of money figures in two currencies, in order."""
        money = [q for q in doc.facts.quantities
                 if q.kind == "money" and q.unit and len(q.unit) == 3 and q.unit.isupper() and q.value > 0
                 and _DIGIT.search(q.numeral)]  # glosses are written in digits; "million euros" alone is a misreading
        out = []
        prose = doc.prose
        for a, b in zip(money, money[1:]):
            if a.unit == b.unit or a.range_role or b.range_role:
                continue
            gap = _OPEN.fullmatch(prose, a.end, b.start)
            close = _CLOSE.match(prose, b.end)
            if not gap or not close:
                continue
            end = close.end() if close.group().endswith(")") else b.end
            # a hedge before the amount covers the gloss too ("around $257m (239m euros)"
            # converts the round figure); a hedge inside the brackets is the converter's
            a_low, a_high = written_interval(a, 0.0)
            b_low, b_high = written_interval(b, self.hedge_margin)
            if a.unit < b.unit:  # rate = units of b per one a
                base, quote, low, high, rate = a.unit, b.unit, b_low / a_high, b_high / a_low, b.value / a.value
            else:
                base, quote, low, high, rate = b.unit, a.unit, a_low / b_high, a_high / b_low, a.value / b.value
            out.append(Conversion(a, b, base, quote, low, high, rate, end))
        return out

    def check(self, doc, ctx):
        earlier: dict[tuple[str, str], list[Conversion]] = {}
        local_dollar = None
        for c in self.conversions(doc):
            text = doc.text[c.start:c.end]
            band = self._bands.get((c.base, c.quote))
            if band and "USD" in (c.base, c.quote):
                usd = c.first if c.first.unit == "USD" else c.second
                if _BARE_DOLLAR.search(usd.raw):
                    if local_dollar is None:
                        local_dollar = bool(_OTHER_DOLLAR.search(doc.prose))
                    if local_dollar:
                        band = None  # "$" may be the article's own dollar
            if band and (c.high < band[0] or c.low > band[1]):
                yield Finding(c.second.start, c.second.end, {
                    "this": text, "rate": _rate_text(c, band[3]),
                    "why": f"outside the {band[2]} it has traded at ({self.bands})",
                })
                continue  # an impossible rate is not a reference for the others
            year = self._year_range(c, doc.date) if band else None
            if year and (c.high * (1 + self.year_margin) < year[0] or c.low > year[1] * (1 + self.year_margin)):
                low, high = (1 / year[1], 1 / year[0]) if band[3] else year[:2]
                a, b = (c.quote, c.base) if band[3] else (c.base, c.quote)
                yield Finding(c.second.start, c.second.end, {
                    "this": text, "rate": _rate_text(c, band[3]),
                    "why": f"far from the {_fmt(low)}-{_fmt(high)} {b} to the {a} of {year[2]} ({self.years})",
                })
                continue  # a wrong rate is not a reference for the others
            before = earlier.setdefault((c.base, c.quote), [])
            clashes = [o for o in before if not self._agree(c, o)]
            if before and len(clashes) == len(before):
                other = clashes[-1]
                flip = band[3] if band else c.value < 1
                yield Finding(c.second.start, c.second.end, {
                    "this": text, "rate": _rate_text(c, flip),
                    "why": f"but '{doc.text[other.start:other.end]}' on line {doc.line_of(other.start)} "
                           f"implies {_fmt(1 / other.value if flip else other.value)}",
                }, related=[Related(other.second.start, other.second.end, "converted at another rate here")])
            before.append(c)

    def _year_range(self, c: Conversion, date) -> tuple[float, float, str] | None:
        """The pair's range over the article's year and the year before, with those years
        written out ("2015-2016"); None without a date or without either year listed."""
        if date is None:
            return None
        found = [(y, self._years[(c.base, c.quote), y]) for y in (date.year - 1, date.year)
                 if ((c.base, c.quote), y) in self._years]
        if not found:
            return None
        span = f"{found[0][0]}-{found[-1][0]}" if len(found) > 1 else str(found[0][0])
        return min(r[0] for _, r in found), max(r[1] for _, r in found), span

    def _agree(self, a: Conversion, b: Conversion) -> bool:
        slack = 1 + self.tolerance
        return a.low <= b.high * slack and b.low <= a.high * slack


def _range_entries(wordlists, name: str | None, pattern: re.Pattern, strict: bool, shape: str):
    """(match, (pair, low, high, flip)) of each entry of the word list ``name`` (none when
    ``name`` is None): ``pattern`` names groups ``a``, ``b``, ``low``, ``high``; the pair
    comes back in alphabetical order with its range turned to match (``flip``). A low that
    is not positive, above the high (or equal to it when ``strict``), or not a number is a
    load error that shows ``shape``."""
    for i, entry in enumerate(wordlists.get(name, []) if name else []):
        if isinstance(entry, dict) and len(entry) == 1:  # YAML read "GBP/USD: 1.00-2.20" unquoted
            [(pair, band)] = entry.items()
            entry = f"{pair}: {band}"
        m = pattern.match(str(entry))
        try:
            low, high = (float(m["low"]), float(m["high"])) if m else (0.0, 0.0)
        except ValueError:  # "1.2.3"
            low = high = 0.0
        if low <= 0 or (low >= high if strict else low > high):
            raise WordListEntryError(name, i, f"'{entry}' is not {shape}")
        a, b = m["a"], m["b"]
        yield m, (((a, b), low, high, False) if a < b else ((b, a), 1 / high, 1 / low, True))


def _rate_text(c: Conversion, flip: bool) -> str:
    """The rate as "1 GBP = 2.40 USD"; ``flip`` gives it per one ``quote`` instead."""
    if flip:
        return f"1 {c.quote} = {_fmt(1 / c.value)} {c.base}"
    return f"1 {c.base} = {_fmt(c.value)} {c.quote}"


def _fmt(x: float) -> str:
    """A rate to three significant figures: 2.40, 0.0171, 147."""
    if x >= 100:
        return f"{x:.0f}"
    digits = max(0, 2 - int(f"{x:e}".split("e")[1]))
    return f"{x:.{digits}f}"
