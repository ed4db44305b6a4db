"""``detect: change`` -- a stated change that does not match its endpoints: "up 20% from 100 to 150".

Why: a change stated next to its endpoints can be recomputed, and when it disagrees one
of the three figures is wrong. The change is a figure before the pair ("up 20% from 100
to 150", "rose by 30 from 100 to 150") or right after it ("..., an increase of 20%",
"(up 20%)", "a 20% increase"). A percentage is compared with the relative change, a
count or amount with the difference, "points" with the difference of two percentages;
slack: ``tolerance`` and the rounding of the figures as written ("from 1.2 million to 1.5
million, up 25%"); "from 10% to 12%, up 2%" (points written as percent) is accepted.

Flagged: Output was up 20% from 100 to 150.
Fine:    Output was up 50% from 100 to 150, and sales rose 25% from 1.2 million to 1.5 million.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding, Related
from .._detectors import detector
from ...text import LazyPattern
from ._common import COUNTLIKE, compatible, fmt, pairs


_CHANGE_AFTER = LazyPattern(r"^\s*[,(]\s*(?:an?\s+)?(?:(?:increase|rise|drop|fall|decline|decrease|jump|gain|cut)\s+of\s+|(?:up|down)\s+)$", re.I)
_AFTER_DATE = LazyPattern(r"^\s+(?:in|on|by|last)\b[^,;.()]{0,25}?(?=\s*[,(])", re.I)
_CHANGE_AFTER2 = LazyPattern(r"\s+(?:increase|rise|drop|fall|decline|decrease|jump|gain|cut|growth|reduction)\b", re.I)


@detector("change")
def change(rule, doc, qs):
    prose = doc.prose
    index = {q.start: k for k, q in enumerate(qs)}
    for a, b, vm, direction, span in pairs(doc, qs):
        if not compatible(a, b) or a.value == 0 or a.hedge or b.hedge:
            continue
        ia, ib = index[a.start], index[b.start]
        stated = None
        lo_i, hi_i = min(ia, ib), max(ia, ib)
        # "up 20% from 100 to 150", "rose by 30 from 100 to 150": VERB [by] C from A to B
        k = lo_i - 1
        if k >= 0 and qs[k].is_quantity and span[0] <= qs[k].start and re.fullmatch(r"\s+(?:from|to)\s+", prose[qs[k].end:qs[lo_i].start]):
            stated = qs[k]
        # "from 100 to 150, an increase of 20%" / "(up 20%)" / "a 20% increase"
        nxt = hi_i + 1
        while nxt < len(qs) and not qs[nxt].is_quantity and qs[nxt].start - qs[hi_i].end < 30:
            nxt += 1
        if stated is None and nxt < len(qs):
            c = qs[nxt]
            gap = _AFTER_DATE.sub("", prose[qs[hi_i].end:c.start], count=1)
            if len(gap) < 40 and (_CHANGE_AFTER.match(gap) or (re.fullmatch(r"\s*[,(]\s*(?:an?|or)?\s*", gap)
                                                              and _CHANGE_AFTER2.match(prose, c.end))):
                stated = c
        if stated is None or stated.hedge or stated.range_role:
            continue
        actual_abs = b.value - a.value
        points = stated.kind == "percentage-point" or (
            stated.kind in COUNTLIKE and re.match(r"\s+(?:points?|pts)\b", prose[stated.num_end:stated.num_end + 10]))
        pp_tol = _step(stated) + _step(a) + _step(b) + 1e-9
        if points and a.kind == "percent":
            ok = abs(abs(actual_abs) - abs(stated.value)) <= pp_tol
            want = f"{abs(actual_abs):g} points"
        elif stated.kind == "percent":
            actual_pct = actual_abs / abs(a.value) * 100
            ok = abs(abs(actual_pct) - abs(stated.value)) <= max(1.0, abs(actual_pct) * rule.tolerance) + _rounding(a, b, actual_pct)
            if a.kind == "percent":  # "from 10% to 12%, up 2%": points are often written as percent
                ok = ok or abs(abs(actual_abs) - abs(stated.value)) <= pp_tol
            want = f"{abs(actual_pct):.1f}%"
        elif compatible(stated, a) and stated.kind in COUNTLIKE + ("money",):
            ok = abs(abs(actual_abs) - abs(stated.value)) <= max(abs(actual_abs) * 0.02, pp_tol)
            want = fmt(abs(actual_abs))
        else:
            continue
        if ok:
            continue
        yield Finding(stated.start, stated.end, {"text": stated.raw, "a": a.raw, "b": b.raw, "actual": want},
                      related=[Related(a.num_start, a.num_end, "from"), Related(b.num_start, b.num_end, "to")])


def _step(q) -> float:
    """Half the last written unit of a figure ("1.2 million" -> 50,000; "150" -> 0.5)."""
    frac = q.numeral.partition(".")[2]
    digits = sum(c.isdigit() for c in frac)
    return 10 ** (-digits) * q.scale / 2 if not q.words else 0.5


def _rounding(a, b, pct) -> float:
    """Slack, in percent, for endpoints given to few digits ("from 1.2 to 1.5 million, up 25%")."""
    if a.value == 0:
        return 0.0
    return (_step(a) + _step(b)) / abs(a.value) * 100 * (1 + abs(pct) / 100)

