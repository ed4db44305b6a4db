"""``value-conflict``: the same quantity stated twice with values that cannot both hold.

"The Coalition's profit rose 76%" ... "the 67% rise in profit": one of the two is a
typo. Quantities come from ``doc.facts.quantities``. Two mentions are the same
quantity when they have

* the same key: kind, unit and counted noun ("people", "fighters"; for a percentage
  or an amount of money without a noun, the next content word: "20 percent stake");
* a matching context: the content words around them in their sentences (subject,
  verb, place) agree, scored with rapidfuzz's token-set ratio over the word lists;
* no distinguishing time: two sentences dated differently ("in 2015" / "in 2016")
  state two facts, not one.

Their values conflict when their intervals do not overlap, after the hedge ("some
43,000" is 38,700-47,300) and the rounding the written precision implies ("5
million" covers 4.5-5.5 million). A pair whose numerals differ like a typo (one digit
changed, two digits swapped) needs less context agreement than any other pair,
because that is how these slips happen.

Candidates are indexed by key and each mention is compared only with the last
``window`` mentions of its key, so the cost is linear in the document.
"""

from __future__ import annotations

import bisect
import re
from typing import ClassVar

from ..diagnostics import Finding, Related
from .base import RuleBase

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_DIGITS = re.compile(r"\d")


def _numeral_digits(q) -> str:
    return "".join(_DIGITS.findall(q.numeral))


def typo_like(a: str, b: str) -> bool:
    """Digit strings that differ by one substituted digit or two swapped neighbours, and
    share at least one non-zero digit in place (so the likeness is evidence)."""
    if len(a) != len(b) or a == b or len(a) < 2:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 2:  # "76" / "67": the same digits, two neighbours swapped
        return diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    # one digit changed; "100,000" / "400,000" or "0.1" / "0.7" share nothing but zeros
    return len(diff) == 1 and any(a[i] == b[i] != "0" for i in range(len(a)))


def _rounding(q) -> tuple[float, float]:
    """The interval a value covers given how precisely it is written and hedged."""
    lo, hi = q.low, q.high
    if q.hedge or q.words:
        return lo, hi
    digits = _numeral_digits(q)
    if not digits:
        return lo, hi
    if "." in q.numeral:
        decimals = len(q.numeral.split(".")[-1])
        half = 0.5 * 10 ** (-decimals) * (q.scale or 1)
        if q.kind == "percent" or q.scale == 1:
            half = 0.5 * 10 ** (-decimals)
        return lo - half, hi + half
    trailing = len(digits) - len(digits.rstrip("0"))
    # A restated figure is restated the same way: "1,500" and "1,800" conflict, and a round
    # figure is read to one digit past its last non-zero one ("200 million" is 195-205 million;
    # measured on the eval corpus, wider rounding hid real slips and saved no false alarms).
    if trailing < 2:
        if (q.scale or 1) > 1:
            half = 0.5 * q.scale
            return lo - half, hi + half
        return lo, hi
    half = 0.5 * 10 ** (trailing - 1) * (q.scale or 1)
    return lo - half, hi + half


class Rule(RuleBase):
    """Report a quantity whose value contradicts the same quantity stated earlier.

    Message placeholders: ``{this}``, ``{other}``, ``{other_line}``.
    """

    placeholders: ClassVar[tuple[str, ...]] = ("this", "other", "other_line")

    kinds: list[str] = ["count", "money", "percent", "measure"]
    """Quantity kinds compared (count, money, percent, percentage-point, measure, number)."""
    skip_units: list[str] = ["year", "month", "week", "day", "hour", "minute", "second"]
    """Units never compared (durations and ages change within a story)."""
    stopwords: str = "value-conflict-stopwords"
    """Word list of words left out of the contexts that are compared."""
    context_words: int = 7
    """Content words taken on each side of a quantity, within its sentence."""
    min_context: float = 95.0
    """Token-set ratio (0-100) the two contexts must reach, for any pair."""
    min_context_typo: float = 40.0
    """The same, for a pair whose numerals differ like a typo (one digit changed, two swapped)."""
    min_shared: int = 1
    """Content words the two contexts must share."""
    require_typo: bool = False
    """Report only pairs whose numerals differ like a typo."""
    window: int = 30
    """Earlier mentions of the same key compared with each new one."""

    _stop: frozenset = frozenset()

    def wordlists_used(self) -> list[str]:
        return [self.stopwords]

    def prepare(self, wordlists):
        self._stop = frozenset(str(w).lower() for w in wordlists.get(self.stopwords, []))

    def _context(self, prose: str, start: int, end: int, s_start: int, s_end: int) -> list[str]:
        left = [w.lower().replace("’", "'").removesuffix("'s") for w in _WORD.findall(prose, max(s_start, start - 90), start)]
        right = [w.lower().replace("’", "'").removesuffix("'s") for w in _WORD.findall(prose, end, min(s_end, end + 70))]
        keep = lambda ws: [w for w in ws if len(w) > 2 and w not in self._stop]  # noqa: E731
        return keep(left)[-self.context_words:] + keep(right)[: self.context_words]

    def _key(self, q, prose: str) -> tuple | None:
        if q.kind not in self.kinds or q.range_role or q.negative:
            return None
        if q.unit and q.unit.lower() in self.skip_units:
            return None
        noun = q.noun
        if noun is None:
            if q.kind == "count":
                return None  # a bare number: nothing says what it counts
            noun = ""  # a percentage, amount or measure: the unit and the context must tell
        if re.search(r"\b(?:per|every|each|in|out of)\s+$", prose[max(0, q.start - 8):q.start]):
            return None  # a denominator ("4.5 murders per 100,000 people")
        return (q.kind, (q.unit or "").lower(), noun.lower().rstrip("s"))

    def check(self, doc, ctx):
        for q, o, score, typo in self.candidates(doc):
            need = self.min_context_typo if typo else self.min_context
            if score < need or (self.require_typo and not typo):
                continue
            yield Finding(q.start, q.end, {
                "this": doc.text[q.start:q.end], "other": doc.text[o.start:o.end],
                "other_line": doc.line_of(o.start),
            }, related=[Related(o.start, o.end, "first stated here")])

    def candidates(self, doc):
        """(later, earlier, context score, typo-like) for each later mention's best earlier match."""
        prose = doc.prose
        times = [t for t in doc.facts.times if t.resolved and t.kind != "weekday"]
        time_starts = [t.start for t in times]
        index: dict[tuple, list] = {}
        for q in doc.facts.quantities:
            key = self._key(q, prose)
            if key is None:
                continue
            si = doc.sentence_at(q.start)
            if si is None:
                continue
            sent = doc.sentences[si]
            entry = (q, si, self._context(prose, q.start, q.end, sent.start, sent.end),
                     _times_in(times, time_starts, sent.start, sent.end), _rounding(q))
            earlier = index.setdefault(key, [])
            best = None
            for other in earlier[-self.window:]:
                scored = self._score(entry, other)
                if scored is not None and (best is None or scored[0] > best[0]):
                    best = (*scored, other)
            earlier.append(entry)
            if best is not None:
                yield q, best[2][0], best[0], best[1]

    def _score(self, a, b) -> tuple[float, bool] | None:
        qa, sa, ca, ta, (alo, ahi) = a
        qb, sb, cb, tb, (blo, bhi) = b
        if sa == sb:
            return None  # two values in one sentence are compared on purpose ("from 12 to 87 countries")
        if qa.hedge and qb.hedge and _side(qa.hedge) == _side(qb.hedge):
            # the same hedge twice ("more than 20 airstrikes" ... "more than 22 airstrikes"):
            # one statement restated, so the figures themselves must agree
            if qa.value == qb.value:
                return None
        elif alo <= bhi and blo <= ahi:
            return None
        if ta and tb and not any(x.low <= y.high and y.low <= x.high for x in ta for y in tb):
            return None  # dated differently: two facts
        if len(set(ca) & set(cb)) < self.min_shared:
            return None
        typo = (typo_like(_numeral_digits(qa), _numeral_digits(qb)) and qa.scale == qb.scale
                 and _shape(qa.numeral) == _shape(qb.numeral))
        from rapidfuzz import fuzz  # here: most articles never get this far (8 ms of start-up saved)

        return fuzz.token_set_ratio(" ".join(ca), " ".join(cb)), typo


def _side(hedge: str) -> str:
    from ..facts.numbers import HEDGES

    if not hedge:
        return ""
    return HEDGES.get(" ".join(hedge.lower().split()), "approx")


def _shape(numeral: str) -> str:
    """"9.9" and "96" differ in shape; "1,500" and "1,800" do not."""
    return _DIGITS.sub("9", numeral)


def _times_in(times, starts, s: int, e: int) -> list:
    i = bisect.bisect_left(starts, s)
    out = []
    while i < len(times) and times[i].start < e:
        out.append(times[i])
        i += 1
    return out
