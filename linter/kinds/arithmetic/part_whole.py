"""``detect: part-whole`` -- a part larger than its whole: "12 of the 8 members", "43,000 people, including 90,000 fighters".

Why: a part cannot exceed the whole it belongs to, so one of the two figures is a typo
(a digit added, two figures swapped). Two forms: "A of (the) B" / "A out of B" with A > B,
and a part after an inclusion cue ("including", "among them", "of whom", ", ... of them")
larger than the nearest figure before the cue in the same sentence, of the same kind and
unit. Hedges count: "some 43,000 people, including 45,000 fighters" is fine ("about"
still caps a whole; "over"/"at least" open it); with two candidate wholes close before
the cue ("2,300 people in 14 countries, including 900 in Britain") nothing is said.

Flagged: They contain some 43,000 people, including 90,000 fighters.
Fine:    They contain some 43,000 people, including 9,000 fighters; 3 of the 8 members and 5 out of 8 judges agreed.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding, Related
from .._detectors import detector
from ...text import LazyPattern
from ._common import COUNTLIKE, OF_GAP, compatible, same_sentence


_INCL_CUE = LazyPattern(r"(?:,|\(|—|–|-)\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them|incl\.)\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)
_COMMA_BEFORE = LazyPattern(r"(?:,|—|–|\()\s*$")
_OF_THEM = LazyPattern(r"\s+of\s+(?:them|whom|which)\b", re.I)
# one side of a ratio: "6 in 10 of the 3 in 10 voters" is a share of a share, not 10 of 3
_RATIO_BEFORE = LazyPattern(r"\d\s+(?:in|out\s+of)\s+$")
_RATIO_AFTER = LazyPattern(r"\s+(?:in|out\s+of)\s+\d")


@detector("part-whole")
def part_whole(rule, doc, qs):
    prose = doc.prose
    for i, a in enumerate(qs):
        if not a.is_quantity:
            continue
        # "12 of the 8 members", "12 out of 8"
        if i + 1 < len(qs):
            b = qs[i + 1]
            gap = prose[a.end:b.start]
            if (len(gap) <= 30 and b.is_quantity and OF_GAP.fullmatch(gap) and a.kind in COUNTLIKE
                    and b.kind in COUNTLIKE and a.unit is None and b.unit is None and not a.range_role
                    and not b.range_role and _least(a) > _most(b) and b.value >= 1 and b.kind != "fraction"
                    and not _RATIO_BEFORE.search(prose, max(0, a.start - 16), a.start)
                    and not _RATIO_AFTER.match(prose, b.end)):
                yield Finding(a.start, b.end, {"part": a.raw, "whole": b.raw, "text": prose[a.start:b.end]},
                              related=[Related(b.num_start, b.num_end, "the whole")])
        # "43,000 people, including 90,000 fighters"
        if i == 0 or a.kind not in COUNTLIKE + ("money", "measure") or a.words and a.value < 3:
            continue
        cue = _INCL_CUE.search(prose, max(0, a.start - 40), a.start)
        if not cue:
            cue = _COMMA_BEFORE.search(prose, max(0, a.start - 4), a.start)
            if not (cue and _OF_THEM.match(prose, a.end, min(len(prose), a.end + 20))):
                continue
        whole = _whole_before(doc, qs, i, cue.start())
        if whole is None or not compatible(a, whole) or whole.range_role:
            continue
        if not (_least(a) > _most(whole) and whole.value >= 2):
            continue
        others = _other_wholes(doc, qs, i, whole)
        if a.noun and a.noun != whole.noun and any(o.noun == a.noun for o in others):
            continue  # "2,300 people in 14 countries, including 900 people in Britain"
        if not a.noun and any(compatible(a, o) and _least(a) <= _most(o) for o in others):
            continue  # "2,300 people in 14 countries, including 900 in Britain": which whole?
        yield Finding(a.start, a.end, {"part": a.raw, "whole": whole.raw, "text": a.raw},
                      related=[Related(whole.start, whole.end, "the whole")])


def _other_wholes(doc, qs, i, whole):
    """Up to two more quantities just before the chosen whole, in the same sentence."""
    out = []
    j = next((k for k in range(i - 1, max(-1, i - 8), -1) if qs[k] is whole), 0) - 1
    while j >= 0 and len(out) < 2 and whole.start - qs[j].end <= 60:
        if qs[j].is_quantity and same_sentence(doc, qs[j].start, whole.start):
            out.append(qs[j])
        j -= 1
    return out


def _whole_before(doc, qs, i, cue_start):
    """The nearest quantity before a cue, in the same sentence, within 120 characters."""
    j = i - 1
    while j >= 0 and qs[j].end > cue_start:
        j -= 1
    if j < 0:
        return None
    w = qs[j]
    if not w.is_quantity or cue_start - w.end > 120 or not same_sentence(doc, w.start, qs[i].start):
        return None
    if w.partitive:
        return None  # "5 of the 20 people, including ..." -- the whole is not w
    return w


def _most(whole) -> float:
    """The largest value a whole can have. "over/at least 40" is open-ended; "about 40" is still
    40 for a part: "about 40 strikes, including 42 on one day" cannot be right."""
    return whole.high if whole.hedge and _hedge_type(whole.hedge) in ("above", "atleast") else whole.value


def _least(part) -> float:
    """The smallest value a part can have ("including up to 50" may be 10)."""
    if part.hedge and _hedge_type(part.hedge) in ("below", "atmost", "near"):
        return part.low
    return part.value


def _hedge_type(hedge: str) -> str:
    from ...facts.numbers import HEDGES

    return HEDGES.get(" ".join(hedge.lower().split()), "approx")

