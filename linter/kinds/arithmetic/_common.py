"""What several arithmetic detectors share: the figures' units, the sentence test, and the
"VERB ... from A to B" pairs that ``direction`` and ``change`` both read."""

from __future__ import annotations

import re

from ...text import LazyPattern

COUNTLIKE = ("count", "number")

OF_GAP = LazyPattern(r"\s+(?P<out>out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|my\s+|your\s+|all\s+|these\s+|those\s+|a\s+total\s+of\s+|[A-Za-z]+['’]s\s+)?$", re.I)
_UP = (r"up|rose|risen|rise|rises|rising|increased|increase|increases|increasing|grew|grow|grows|grown|growing|"
       r"jumped|jump|jumps|climbed|climb|climbs|soared|soar|surged|surge|swelled|swollen|expanded|gained|"
       r"boosted|raised|widened|leapt|leaped|spiked|rocketed|skyrocketed|ballooned|mushroomed|growth|hike|gain|"
       r"doubled|doubling|doubles|double|tripled|trebled|quadrupled")
_DOWN = (r"down|fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|declining|"
         r"decreased|decrease|decreases|decreasing|plunged|plunge|plummeted|slumped|slump|shrank|shrunk|"
         r"shrink|shrinks|shrinking|tumbled|dipped|sank|sunk|slid|slipped|halved|cut|cuts|reduced|lowered|"
         r"narrowed|eased|contracted|slashed|trimmed|lost|reduction|loss|halve|halves|halving|slowed|slowing|slows")
_VERB = LazyPattern(r"(?:^|.*[^\w])(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\b(?P<mid>(?:[^.;:!?\n]|\.(?=\d)){0,45}?)\bfrom\s+$", re.I | re.S)
_VERB_TO = LazyPattern(r"(?:^|.*[^\w])(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\b(?P<mid>(?:[^.;:!?\n]|\.(?=\d)){0,45}?)\bto\s+$", re.I | re.S)
_FROM_GAP = LazyPattern(r"(?:\s+(?:in|on|at|during|last|this)\b[^.;:!?\n\d]{0,20}?)?\s+from\s+", re.I)
_RATE_OF_CHANGE = LazyPattern(r"\b(?:(?P<up>" + _UP + ")|(?P<down>" + _DOWN + r"))\b[^.;,]{0,30}$", re.I)
_NEGATIVE_AFTER = LazyPattern(r"\s+(?:contraction|decline|drop|fall|decrease|loss|deficit)\b", re.I)
_UPDOWN_FROM = LazyPattern(r",?\s*\(?(?P<dir>up|down)\s+from\s+$", re.I)
_TO_GAP = LazyPattern(r"(?:\s+[a-z][\w-]*)?\s*(?:(?:in|on|at|last|a\s+year|the\s+previous|during|by)\b[^.;:!?\n]{0,30}?)?\s+to\s+"
                     r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|over\s+|just\s+)?$", re.I)


def fmt(v: float) -> str:
    if abs(v) >= 1e9 and v % 1e7 == 0:
        return f"{v / 1e9:g} billion"
    if abs(v) >= 1e6 and v % 1e4 == 0:
        return f"{v / 1e6:g} million"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


def same_sentence(doc, a: int, b: int) -> bool:
    i = doc.sentence_at(a)
    return i is not None and i == doc.sentence_at(b)


def compatible(a, b) -> bool:
    if a.kind in COUNTLIKE and b.kind in COUNTLIKE:
        return a.unit == b.unit
    return a.kind == b.kind and a.unit == b.unit


def pairs(doc, qs):
    """(a, b, verb_match_or_None, direction 'up'/'down', span) for "VERB ... from A to B" and
    "B, up/down from A" in one sentence."""
    prose = doc.prose
    n = len(qs)
    for i, a in enumerate(qs):
        if not a.is_quantity:
            continue
        head = prose[max(0, a.start - 110):a.start]
        if not re.search(r"\bfrom\s+$", head, re.I):
            continue
        ud = _UPDOWN_FROM.search(head)
        if ud:
            # "rose to 17%, up from 10%": B is the nearest comparable quantity before
            b = None
            j = i - 1
            while j >= 0 and i - j <= 4 and a.start - qs[j].end <= 100:
                if qs[j].is_quantity and compatible(a, qs[j]):
                    b = qs[j]
                    break
                j -= 1
            if b is None or not same_sentence(doc, b.start, a.start):
                continue
            if j >= 1 and OF_GAP.fullmatch(prose[qs[j - 1].end:b.start]) and compatible(a, qs[j - 1]):
                b = qs[j - 1]  # "won 33 of the 150 seats, down from 41": the part changed, not the whole
            lead = prose[max(0, b.start - 50):b.start]
            rc = _RATE_OF_CHANGE.search(lead)
            if rc and rc.group("down") and not re.search(r"\bto\s+(?:an?\s+)?(?:[a-z]+\s+)?$", lead):
                continue  # "shrank 1.2%, down from 0.8% growth": a fall written as a positive figure
            if _NEGATIVE_AFTER.match(prose, a.end, min(len(prose), a.end + 20)):
                continue  # "..., up from a 0.5% contraction"
            yield a, b, None, ud.group("dir").lower(), (b.start, a.end)
            continue
        # "VERB ... to B from A" (news style: "fell to $10 from $10.50")
        if i >= 1 and qs[i - 1].is_quantity and _FROM_GAP.fullmatch(prose, qs[i - 1].end, a.start):
            b = qs[i - 1]
            lead = prose[max(0, b.start - 110):b.start]
            if re.search(r"\bto\s+$", lead):
                vm = _VERB_TO.search(lead)
                if vm and same_sentence(doc, b.start, a.start):
                    vs = vm.start("up") if vm.group("up") else vm.start("down")
                    yield a, b, vm, "up" if vm.group("up") else "down", (b.start - len(lead) + vs, a.end)
                    continue
        # "VERB ... from A (in 2015) to B"
        j = i + 1
        while j < n and not qs[j].is_quantity and qs[j].start - a.end < 40:
            j += 1
        if j >= n:
            continue
        b = qs[j]
        if not _TO_GAP.fullmatch(prose, a.end, b.start) and not (a.partner == j and a.range_role == "low"):
            continue
        vm = _VERB.search(head)
        if not vm or not same_sentence(doc, a.start, b.start):
            continue
        direction = "up" if vm.group("up") else "down"
        vs = vm.start("up") if vm.group("up") else vm.start("down")
        yield a, b, vm, direction, (a.start - len(head) + vs, b.end)
