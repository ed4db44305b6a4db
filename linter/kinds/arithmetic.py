"""``arithmetic``: figures in one sentence that cannot all be true together.

``detect`` values, each reading ``doc.facts.quantities`` (values already resolved
for scale, hedges turned into intervals, ranges paired):

``part-whole``      a part larger than its whole: "12 of the 8 members", "12 out of 8",
                    "43,000 people, including 90,000 fighters"
``direction``       a verb whose direction the values contradict: "fell from 12 to 87",
                    "grew from 87 to 12", "rose to 10%, up from 17%", and multiplier
                    verbs that do not fit: "doubled from 40 to 60", "halved from 10 to 8"
``change``          a stated change that does not match its endpoints: "up 20% from
                    100 to 150", "rose by 30 from 100 to 150"
``shares-sum``      shares of one whole adding past 100% in one sentence:
                    "60% of voters backed A and 55% of voters backed B" (the shares
                    must name the same whole)
``total``           an explicit total that is not the sum of its listed parts:
                    "a total of 10 people: 3 men and 4 women"; "8 people, including
                    5 men and 6 women" (a partial list may be smaller, never larger)

Hedges count: "some 43,000 people, including 45,000 fighters" is allowed as long as
the intervals overlap. Everything is per sentence, so the work is linear.
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from ..diagnostics import Finding, Related
from ._regex import LazyPattern
from .base import RuleBase

_COUNTLIKE = ("count", "number")

_OF_GAP = LazyPattern(r"\s+(?P<out>out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|my\s+|your\s+|all\s+|these\s+|those\s+|a\s+total\s+of\s+|[A-Za-z]+['’]s\s+)?$", re.I)
_INCL_CUE = LazyPattern(r"(?:,|\(|—|–|-)\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them|incl\.)\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)
_COMMA_BEFORE = LazyPattern(r"(?:,|—|–|\()\s*$")
_OF_THEM = LazyPattern(r"\s+of\s+(?:them|whom|which)\b", re.I)
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
_RANKING = LazyPattern(r"\b(?:rank|ranks|ranked|ranking|rankings|placed|position|positions|spot|seed|seeded|No\.|"
                      r"chart|charts|standings|league\s+table|grade|odds|minute|minutes|age|aged|ages)\b", re.I)
_MULT = {"doubled": 2.0, "doubling": 2.0, "double": 2.0, "doubles": 2.0, "halve": 0.5, "halves": 0.5, "halving": 0.5, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_CHANGE_AFTER = LazyPattern(r"^\s*[,(]\s*(?:an?\s+)?(?:(?:increase|rise|drop|fall|decline|decrease|jump|gain|cut)\s+of\s+|(?:up|down)\s+)$", re.I)
_AFTER_DATE = LazyPattern(r"^\s+(?:in|on|by|last)\b[^,;.()]{0,25}?(?=\s*[,(])", re.I)
_CHANGE_AFTER2 = LazyPattern(r"\s+(?:increase|rise|drop|fall|decline|decrease|jump|gain|cut|growth|reduction)\b", re.I)
_TOTAL_BEFORE = LazyPattern(r"\b(?:a\s+total\s+of|totall?ing|in\s+all|altogether|total\s+of|total:)\s*$", re.I)
_TOTAL_AFTER_LIST = LazyPattern(r"(?:\s+[a-z][\w-]*){0,2}\s*,\s*(?:a\s+total\s+of|totall?ing|for\s+a\s+total\s+of|making|or)\s+$", re.I)
_EXHAUSTIVE_CUE = LazyPattern(r"^[^.;!?\d]{0,40}?(?::|—|–|\s-\s|\bmade\s+up\s+of|\bcomprising|\bconsisting\s+of|\bsplit\s+(?:into|between)|"
                             r"\bbroken\s+down\s+into|\bdivided\s+(?:into|between))\s*$", re.I)
_PARTIAL_CUE = LazyPattern(r"^[^.;!?\d]{0,40}?(?:,|\(|—|–)?\s*(?:including|among\s+them|of\s+whom|of\s+which)\s*$", re.I)
_WHOLE_PHRASE = LazyPattern(r"\s+of\s+((?:the\s+|all\s+|its\s+|their\s+)?[\w'’-]+(?:\s+(?!(?:were|was|are|is|and|or|but|in|on|at|for|to|from|by|with|who|that|which|said|say|says|have|had|has|backed|voted|support|supported|oppose|opposed|want|wanted|think|thought|believe|believed)\b)[\w'’-]+){0,2})", re.I)
_LIST_SEP = LazyPattern(r"^[^.;:!?\d()]{0,40}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+plus\s+)$", re.I)


def _fmt(v: float) -> str:
    if abs(v) >= 1e9 and v % 1e7 == 0:
        return f"{v / 1e9:g} billion"
    if abs(v) >= 1e6 and v % 1e4 == 0:
        return f"{v / 1e6:g} million"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


class Rule(RuleBase):
    """Report figures that do not add up; see the module docstring for ``detect``."""

    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {
        "part-whole": ("part", "whole", "text"), "direction": ("verb", "a", "b", "text", "why"),
        "change": ("text", "a", "b", "actual"), "shares-sum": ("text", "noun", "total"),
        "total": ("text", "total", "why"),
    }

    detect: Literal["part-whole", "direction", "change", "shares-sum", "total"]
    """Which check: part-whole, direction, change, shares-sum or total (see `factlint explain M101` ... `M105`)."""
    tolerance: float = 0.05
    """Relative slack for rounding, for multiplier verbs ("doubled") and stated changes."""

    def check(self, doc, ctx):
        qs = doc.facts.quantities
        if not qs:
            return
        yield from getattr(self, "_" + self.detect.replace("-", "_"))(doc, qs)

    # -- helpers -------------------------------------------------------------
    @staticmethod
    def _same_sentence(doc, a: int, b: int) -> bool:
        i = doc.sentence_at(a)
        return i is not None and i == doc.sentence_at(b)

    @staticmethod
    def _compatible(a, b) -> bool:
        if a.kind in _COUNTLIKE and b.kind in _COUNTLIKE:
            return a.unit == b.unit
        return a.kind == b.kind and a.unit == b.unit

    # -- part > whole ------------------------------------------------------------
    def _part_whole(self, doc, qs):
        prose = doc.prose
        for i, a in enumerate(qs):
            if not a.is_quantity:
                continue
            # "12 of the 8 members", "12 out of 8"
            if i + 1 < len(qs):
                b = qs[i + 1]
                gap = prose[a.end:b.start]
                if (len(gap) <= 30 and b.is_quantity and _OF_GAP.fullmatch(gap) and a.kind in _COUNTLIKE
                        and b.kind in _COUNTLIKE and a.unit is None and b.unit is None and not a.range_role
                        and not b.range_role and _least(a) > _most(b) and b.value >= 1 and b.kind != "fraction"):
                    yield Finding(a.start, b.end, {"part": a.raw, "whole": b.raw, "text": prose[a.start:b.end]},
                                  related=[Related(b.num_start, b.num_end, "the whole")])
            # "43,000 people, including 90,000 fighters"
            if i == 0 or a.kind not in _COUNTLIKE + ("money", "measure") or a.words and a.value < 3:
                continue
            cue = _INCL_CUE.search(prose, max(0, a.start - 40), a.start)
            if not cue:
                cue = _COMMA_BEFORE.search(prose, max(0, a.start - 4), a.start)
                if not (cue and _OF_THEM.match(prose, a.end, min(len(prose), a.end + 20))):
                    continue
            whole = self._whole_before(doc, qs, i, cue.start())
            if whole is None or not self._compatible(a, whole) or whole.range_role:
                continue
            if not (_least(a) > _most(whole) and whole.value >= 2):
                continue
            others = self._other_wholes(doc, qs, i, whole)
            if a.noun and a.noun != whole.noun and any(o.noun == a.noun for o in others):
                continue  # "2,300 people in 14 countries, including 900 people in Britain"
            if not a.noun and any(self._compatible(a, o) and _least(a) <= _most(o) for o in others):
                continue  # "2,300 people in 14 countries, including 900 in Britain": which whole?
            yield Finding(a.start, a.end, {"part": a.raw, "whole": whole.raw, "text": a.raw},
                          related=[Related(whole.start, whole.end, "the whole")])

    def _other_wholes(self, doc, qs, i, whole):
        """Up to two more quantities just before the chosen whole, in the same sentence."""
        out = []
        j = next((k for k in range(i - 1, max(-1, i - 8), -1) if qs[k] is whole), 0) - 1
        while j >= 0 and len(out) < 2 and whole.start - qs[j].end <= 60:
            if qs[j].is_quantity and self._same_sentence(doc, qs[j].start, whole.start):
                out.append(qs[j])
            j -= 1
        return out

    def _whole_before(self, doc, qs, i, cue_start):
        """The nearest quantity before a cue, in the same sentence, within 120 characters."""
        j = i - 1
        while j >= 0 and qs[j].end > cue_start:
            j -= 1
        if j < 0:
            return None
        w = qs[j]
        if not w.is_quantity or cue_start - w.end > 120 or not self._same_sentence(doc, w.start, qs[i].start):
            return None
        if w.partitive:
            return None  # "5 of the 20 people, including ..." -- the whole is not w
        return w

    # -- from ... to ----------------------------------------------------------------
    def _pairs(self, doc, qs):
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
                    if qs[j].is_quantity and self._compatible(a, qs[j]):
                        b = qs[j]
                        break
                    j -= 1
                if b is None or not self._same_sentence(doc, b.start, a.start):
                    continue
                if j >= 1 and _OF_GAP.fullmatch(prose[qs[j - 1].end:b.start]) and self._compatible(a, qs[j - 1]):
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
                    if vm and self._same_sentence(doc, b.start, a.start):
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
            if not vm or not self._same_sentence(doc, a.start, b.start):
                continue
            direction = "up" if vm.group("up") else "down"
            vs = vm.start("up") if vm.group("up") else vm.start("down")
            yield a, b, vm, direction, (a.start - len(head) + vs, b.end)

    def _direction(self, doc, qs):
        prose = doc.prose
        for a, b, vm, direction, span in self._pairs(doc, qs):
            if not self._compatible(a, b):
                continue
            sentence = doc.sentence_at(a.start)
            if sentence is not None and a.unit is None:  # a percentage or an amount is not a rank or an age
                s = doc.sentences[sentence]
                if _RANKING.search(prose, s.start, s.end):
                    continue
            verb = (vm.group("up") or vm.group("down")).lower() if vm else direction
            mult = _MULT.get(verb)
            if direction == "up" and b.high < a.low or direction == "down" and b.low > a.high:
                want = "rise" if direction == "up" else "fall"
                yield Finding(span[0], span[1], {"verb": verb, "a": a.raw, "b": b.raw, "text": prose[span[0]:span[1]],
                                                 "why": f"'{verb}' says a {want}, but {_fmt(a.value)} to {_fmt(b.value)} is a "
                                                        f"{'fall' if want == 'rise' else 'rise'}"},
                              related=[Related(a.num_start, a.num_end, "from"), Related(b.num_start, b.num_end, "to")])
            elif mult and a.value > 0 and not a.hedge and not b.hedge:
                ratio = b.value / a.value
                mid = vm.group("mid").lower() if vm else ""
                if re.search(r"\b(?:more\s+than|nearly|almost|roughly|about|around|over|some|close\s+to|at\s+least)\s*$", prose[max(0, span[0] - 20):span[0]].lower() + " ") or \
                        re.search(r"\b(?:more\s+than|nearly|almost|roughly|about|around|over|close\s+to)\b", mid):
                    continue
                if abs(ratio - mult) > mult * max(self.tolerance, 0.1):
                    yield Finding(span[0], span[1], {"verb": verb, "a": a.raw, "b": b.raw, "text": prose[span[0]:span[1]],
                                                     "why": f"'{verb}' means x{mult:g}, but {_fmt(a.value)} to {_fmt(b.value)} "
                                                            f"is x{ratio:.2g}"},
                                  related=[Related(a.num_start, a.num_end, "from"), Related(b.num_start, b.num_end, "to")])

    # -- stated change vs endpoints --------------------------------------------------
    def _change(self, doc, qs):
        prose = doc.prose
        index = {q.start: k for k, q in enumerate(qs)}
        for a, b, vm, direction, span in self._pairs(doc, qs):
            if not self._compatible(a, b) or a.value == 0 or a.hedge or b.hedge:
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
                stated.kind in _COUNTLIKE and re.match(r"\s+(?:points?|pts)\b", prose[stated.num_end:stated.num_end + 10]))
            pp_tol = _step(stated) + _step(a) + _step(b) + 1e-9
            if points and a.kind == "percent":
                ok = abs(abs(actual_abs) - abs(stated.value)) <= pp_tol
                want = f"{abs(actual_abs):g} points"
            elif stated.kind == "percent":
                actual_pct = actual_abs / abs(a.value) * 100
                ok = abs(abs(actual_pct) - abs(stated.value)) <= max(1.0, abs(actual_pct) * self.tolerance) + _rounding(a, b, actual_pct)
                if a.kind == "percent":  # "from 10% to 12%, up 2%": points are often written as percent
                    ok = ok or abs(abs(actual_abs) - abs(stated.value)) <= pp_tol
                want = f"{abs(actual_pct):.1f}%"
            elif self._compatible(stated, a) and stated.kind in _COUNTLIKE + ("money",):
                ok = abs(abs(actual_abs) - abs(stated.value)) <= max(abs(actual_abs) * 0.02, pp_tol)
                want = _fmt(abs(actual_abs))
            else:
                continue
            if ok:
                continue
            yield Finding(stated.start, stated.end, {"text": stated.raw, "a": a.raw, "b": b.raw, "actual": want},
                          related=[Related(a.num_start, a.num_end, "from"), Related(b.num_start, b.num_end, "to")])

    # -- shares of one whole ---------------------------------------------------------
    def _shares_sum(self, doc, qs):
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

    # -- explicit totals --------------------------------------------------------------
    def _total(self, doc, qs):
        prose = doc.prose
        n = len(qs)
        for i, t in enumerate(qs):
            if not t.is_quantity or t.kind not in _COUNTLIKE + ("money",) or t.range_role:
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
            if len(parts) < 2 or not all(self._compatible(p, t) for p in parts):
                continue
            if any(p.hedge or p.range_role or p.partitive for p in parts) or t.hedge:
                continue
            if not self._same_sentence(doc, t.start, parts[-1].start):
                continue
            # the list ends the clause: "3 men and 4 women." not "3 men and 4 women in 2015 and 2016"
            total = sum(p.value for p in parts)
            if partial and total > t.value * (1 + 1e-9):
                why = f"the parts listed add up to {_fmt(total)}, more than the total of {_fmt(t.value)}"
            elif exhaustive and explicit and abs(total - t.value) > 1e-9 * max(1, t.value):
                why = f"the parts add up to {_fmt(total)}, not {_fmt(t.value)}"
            else:
                continue
            yield Finding(t.start, parts[-1].end, {"text": prose[t.start:parts[-1].end], "total": t.raw, "why": why},
                          related=[Related(p.start, p.end, "part") for p in parts])
        yield from self._total_after_list(doc, qs)

    def _total_after_list(self, doc, qs):
        """"3 men, 4 women and 2 children, a total of 10": the total after its list."""
        prose = doc.prose
        for i, t in enumerate(qs):
            if i < 2 or not t.is_quantity or t.kind not in _COUNTLIKE + ("money",) or t.hedge or t.range_role:
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
            if len(parts) < 2 or not all(self._compatible(p, t) for p in parts):
                continue
            if any(p.hedge or p.range_role or p.partitive for p in parts):
                continue
            if not self._same_sentence(doc, parts[0].start, t.start):
                continue
            total = sum(p.value for p in parts)
            if abs(total - t.value) > 1e-9 * max(1, t.value):
                yield Finding(parts[0].start, t.end, {"text": prose[parts[0].start:t.end], "total": t.raw,
                                                      "why": f"the parts add up to {_fmt(total)}, not {_fmt(t.value)}"},
                              related=[Related(p.start, p.end, "part") for p in parts])


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
    from ..facts.numbers import HEDGES

    return HEDGES.get(" ".join(hedge.lower().split()), "approx")


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
