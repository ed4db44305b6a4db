"""``detect: total`` -- an explicit total that is not the sum of its listed parts.

Why: "a total of 10 people: 3 men, 4 women and 2 children" adds up to 9, so a figure is
wrong. A list after an exhaustive cue (":", "—", "made up of", "comprising", "split
into") must add up to the total exactly when the total is explicit ("a total of", "in
all", or the cue itself says so); a list after a partial cue ("including", "of whom")
may be smaller, never larger. A total after its list ("3 men, 4 women and 2 children, a
total of 10") must match too. Parts must be of the total's kind and unit, in the same
sentence, unhedged.

Flagged: A total of 10 people were hurt: 3 men, 4 women and 2 children.
Fine:    A total of 9 people were hurt: 3 men, 4 women and 2 children.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding, Related
from .._detectors import detector
from ...text import LazyPattern
from ._common import COUNTLIKE, compatible, fmt, same_sentence


_TOTAL_BEFORE = LazyPattern(r"\b(?:a\s+total\s+of|totall?ing|in\s+all|altogether|total\s+of|total:)\s*$", re.I)
_TOTAL_AFTER_LIST = LazyPattern(r"(?:\s+[a-z][\w-]*){0,2}\s*,\s*(?:a\s+total\s+of|totall?ing|for\s+a\s+total\s+of|making|or)\s+$", re.I)
_EXHAUSTIVE_CUE = LazyPattern(r"^[^.;!?\d]{0,40}?(?::|—|–|\s-\s|\bmade\s+up\s+of|\bcomprising|\bconsisting\s+of|\bsplit\s+(?:into|between)|"
                             r"\bbroken\s+down\s+into|\bdivided\s+(?:into|between))\s*$", re.I)
_PARTIAL_CUE = LazyPattern(r"^[^.;!?\d]{0,40}?(?:,|\(|—|–)?\s*(?:including|among\s+them|of\s+whom|of\s+which)\s*$", re.I)
_LIST_SEP = LazyPattern(r"^[^.;:!?\d()]{0,40}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+plus\s+)$", re.I)


@detector("total")
def total(rule, doc, qs):
    prose = doc.prose
    n = len(qs)
    for i, t in enumerate(qs):
        if not t.is_quantity or t.kind not in COUNTLIKE + ("money",) or t.range_role:
            continue
        explicit = bool(_TOTAL_BEFORE.search(prose, max(0, t.start - 30), t.start))
        if i + 1 >= n:
            continue
        nxt = qs[i + 1]
        gap_start = t.end
        gap = prose[gap_start:nxt.start]
        exhaustive = _EXHAUSTIVE_CUE.match(gap)
        partial = None if exhaustive else _PARTIAL_CUE.match(gap)
        if not exhaustive and not partial:
            continue
        explicit = explicit or bool(re.search(r"\b(?:in\s+total|in\s+all|altogether)\b", gap, re.I))
        if exhaustive and not explicit and ":" not in gap and "—" not in gap and "–" not in gap and " - " not in gap:
            explicit = True  # "made up of", "comprising", "split into" say the list is complete
        parts = [nxt]
        k = i + 1
        while k + 1 < n:
            sep = prose[qs[k].end:qs[k + 1].start]
            if not _LIST_SEP.match(sep) or not qs[k + 1].is_quantity:
                break
            parts.append(qs[k + 1])
            k += 1
        if len(parts) < 2 or not all(compatible(p, t) for p in parts):
            continue
        if any(p.hedge or p.range_role or p.partitive for p in parts) or t.hedge:
            continue
        if not same_sentence(doc, t.start, parts[-1].start):
            continue
        # the list ends the clause: "3 men and 4 women." not "3 men and 4 women in 2015 and 2016"
        total = sum(p.value for p in parts)
        if partial and total > t.value * (1 + 1e-9):
            why = f"the parts listed add up to {fmt(total)}, more than the total of {fmt(t.value)}"
        elif exhaustive and explicit and abs(total - t.value) > 1e-9 * max(1, t.value):
            why = f"the parts add up to {fmt(total)}, not {fmt(t.value)}"
        else:
            continue
        yield Finding(t.start, parts[-1].end, {"text": prose[t.start:parts[-1].end], "total": t.raw, "why": why},
                      related=[Related(p.start, p.end, "part") for p in parts])
    yield from _total_after_list(doc, qs)


def _total_after_list(doc, qs):
    """"3 men, 4 women and 2 children, a total of 10": the total after its list."""
    prose = doc.prose
    for i, t in enumerate(qs):
        if i < 2 or not t.is_quantity or t.kind not in COUNTLIKE + ("money",) or t.hedge or t.range_role:
            continue
        if not _TOTAL_AFTER_LIST.match(prose, qs[i - 1].end, t.start):
            continue
        parts = [qs[i - 1]]
        k = i - 1
        while k >= 1:
            sep = prose[qs[k - 1].end:qs[k].start]
            if not _LIST_SEP.match(sep) or not qs[k - 1].is_quantity:
                break
            parts.insert(0, qs[k - 1])
            k -= 1
        if len(parts) < 2 or not all(compatible(p, t) for p in parts):
            continue
        if any(p.hedge or p.range_role or p.partitive for p in parts):
            continue
        if not same_sentence(doc, parts[0].start, t.start):
            continue
        total = sum(p.value for p in parts)
        if abs(total - t.value) > 1e-9 * max(1, t.value):
            yield Finding(parts[0].start, t.end, {"text": prose[parts[0].start:t.end], "total": t.raw,
                                                  "why": f"the parts add up to {fmt(total)}, not {fmt(t.value)}"},
                          related=[Related(p.start, p.end, "part") for p in parts])

