"""``detect: share-over-100`` -- a share above 100% of a population: "150% of respondents".

Why: a part of a group of people cannot be more than all of it, and neither can a rate
that is a share by definition ("turnout was 105%", "an unemployment rate of 120%"). The
whole is a noun of the rule's word list right after "of" ("of respondents", "of the
vote"), or one of those rates right before the figure. A change ("rose 150%", "up 150%
of voters") or a ratio ("150% of GDP"; "an unemployment rate of 150% of the national
average") can exceed 100% and is not reported.

Flagged: 150% of respondents said they were worried.
Fine:    Sales rose 150% and debt reached 120% of GDP; 15% of respondents agreed.
"""

from __future__ import annotations

import re

from ...text import LazyPattern
from ...diagnostics import Finding
from .._detectors import detector

_RATE_BEFORE = LazyPattern(r"\b(?P<rate>turnout|unemployment\s+rate|jobless\s+rate|literacy\s+rate|approval\s+rating|"
                          r"vote\s+share|market\s+share|share\s+of\s+the\s+vote)\s+(?:was|is|of|at|stood\s+at|reached|hit)\s+$", re.I)
_OF_POPULATION = LazyPattern(r"\s+of\s+(?:the\s+|all\s+|those\s+|these\s+|its\s+|their\s+)?(?P<w>[A-Za-z][\w-]*)", re.I)


@detector("share-over-100")
def share_over_100(rule, doc, locale, english):
    prose = doc.prose
    for q in doc.facts.quantities:
        if q.kind != "percent" or q.low <= 100 or q.negative:
            continue
        before = prose[max(0, q.start - 40):q.start].lower()
        m = _OF_POPULATION.match(prose, q.end, min(len(prose), q.end + 60))
        if m and m.group("w").lower() in rule._words:
            whole = m.group("w")
            if re.search(r"\b(?:by|rose|up|increase|increased|grew|jumped|more|than|over|above|to)\s+$", before):
                continue
        else:
            if m:
                continue  # a ratio to something that is not a population: "120% of GDP", "150% of the national average"
            # "turnout was 105%", "an unemployment rate of 120%": a rate that is a share by definition
            r = _RATE_BEFORE.search(before)
            if not r:
                continue
            whole = r.group("rate")
        yield Finding(q.start, q.end, {"text": q.raw, "value": _fmt(q.value), "whole": whole})


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,}"
