"""``detect: shares-sum`` -- shares of one whole adding past 100% in one sentence.

Why: "60% of voters backed Smith and 55% of voters backed Jones" cannot both be true
when the groups do not overlap, and usually one figure is mistyped. Shares are
percentages and fractions "of" a whole, grouped per sentence by the whole's words
(word for word: "of voters", "of US adults"); hedged shares, ranges and negatives are
not counted, and half a point of rounding per share is allowed.

Flagged: In the poll 60% of voters backed Smith and 55% of voters backed Jones.
Fine:    Some 60% of voters backed Smith and 55% of members backed Jones.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding, Related
from .._detectors import detector
from ...text import LazyPattern


_WHOLE_PHRASE = LazyPattern(r"\s+of\s+((?:the\s+|all\s+|its\s+|their\s+)?[\w'’-]+(?:\s+(?!(?:were|was|are|is|and|or|but|in|on|at|for|to|from|by|with|who|that|which|said|say|says|have|had|has|backed|voted|support|supported|oppose|opposed|want|wanted|think|thought|believe|believed)\b)[\w'’-]+){0,2})", re.I)


@detector("shares-sum")
def shares_sum(rule, doc, qs):
    by_sentence: dict[tuple[int, str], list] = {}
    for q in qs:
        if q.kind in ("percent", "fraction") and q.partitive and q.noun and not q.range_role and not q.negative \
                and not q.hedge:
            s = doc.sentence_at(q.start)
            m = _WHOLE_PHRASE.match(doc.prose, q.end, min(len(doc.prose), q.end + 80))
            if s is None or not m:
                continue
            # the same whole, word for word ("of voters", "of US adults"), not just the same first word
            by_sentence.setdefault((s, " ".join(m.group(1).lower().split())), []).append(q)
    for (_, noun), group in by_sentence.items():
        if len(group) < 2:
            continue
        shares = [(q.low if q.kind == "percent" else q.value * 100) for q in group]
        if any(v > 100 for v in shares):
            continue
        total = sum(shares)
        if total > 100.5 + 0.5 * len(group):
            last = group[-1]
            yield Finding(last.start, last.end, {"text": last.raw, "noun": noun, "total": f"{total:.0f}%"},
                          related=[Related(q.start, q.end, "share of the same whole") for q in group[:-1]])

