"""``detect: hedge-precision`` -- a hedge on a figure given to the last unit: "over 432", "about 1,234".

Why: "over 432" hedges a number stated to the last unit. If the count is known, say it
("432"); if it is an estimate, round it ("over 400"); the suggestions are both. Round
figures are fine to hedge (:func:`is_round`: "some 43,000", "over 10,400", "about
1,250"), and so are percentages, ranges, decimals and scaled amounts ("2.5 million").
Only the hedges of the rule's word list count: bounds ("at least 432", "up to 432") are
not hedges.

Flagged: the Kyrgyz Republic has repatriated over 432 of its citizens.
Fine:    At least 432 people died; about 1,250 were hurt and up to 117 are missing.
"""

from __future__ import annotations

from ...diagnostics import Finding
from .._detectors import detector


def is_round(numeral: str) -> bool:
    """True for figures people round ("10,400", "150", "1,250"), False for "432", "1,234"."""
    digits = numeral.replace(",", "")
    if not digits.isdigit():
        return True
    stripped = digits.lstrip("0")
    trailing = len(stripped) - len(stripped.rstrip("0"))
    sig = stripped.rstrip("0")
    if len(sig) <= 2 or trailing >= 2:
        return True
    return len(sig) == 3 and sig[-1] == "5"


def _round2(n: int, grouped: bool) -> str:
    """432 -> "430", 1234 -> "1,200": two significant digits, in the figure's own style."""
    digits = len(str(n))
    r = round(n, -(digits - 2)) if digits > 2 else n
    return f"{r:,}" if grouped else str(r)


@detector("hedge-precision")
def hedge_precision(rule, doc, ctx):
    for q in doc.facts.quantities:
        if not q.hedge or q.words or not q.is_quantity or q.scale != 1.0:
            continue
        if q.hedge not in rule._words or q.form not in ("plain", "grouped"):
            continue
        if q.kind == "percent" or q.range_role:
            continue
        if is_round(q.numeral):
            continue
        hedge_text = q.raw[: q.num_start - q.start]
        rounded = _round2(int(q.numeral.replace(",", "")), "," in q.numeral or q.value >= 10000)
        yield Finding(q.start, q.end, {"text": q.raw, "hedge": q.hedge, "numeral": q.numeral},
                      suggestions=[q.raw[q.num_start - q.start:], hedge_text + rounded])
