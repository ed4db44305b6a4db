"""``detect: direction`` -- a verb whose direction the values contradict: "fell from 12 to 87", "doubled from 40 to 60".

Why: when the verb says a fall and the figures rise (or the reverse), one of the figures
is wrong or swapped, and the sentence states two incompatible things. Pairs are found in
one sentence as "VERB ... from A to B", "VERB to B from A" and "B, up/down from A"
(:func:`_common.pairs`). Multiplier verbs ("doubled", "halved", "tripled") must fit the
ratio within ``tolerance`` (at least 10%) unless hedged ("nearly doubled"). Ranks, ages
and minutes are left alone: "fell from 3 to 10 in the rankings" is a fall.

Flagged: Sales fell from 12 to 87 units.
Fine:    The Coalition grew from 12 to 87 countries; membership doubled from 40 to 80.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding, Related
from .._detectors import detector
from ...text import LazyPattern
from ._common import compatible, fmt, pairs


_RANKING = LazyPattern(r"\b(?:rank|ranks|ranked|ranking|rankings|placed|position|positions|spot|seed|seeded|No\.|"
                      r"chart|charts|standings|league\s+table|grade|odds|minute|minutes|age|aged|ages)\b", re.I)
_MULT = {"doubled": 2.0, "doubling": 2.0, "double": 2.0, "doubles": 2.0, "halve": 0.5, "halves": 0.5, "halving": 0.5, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}


@detector("direction")
def direction(rule, doc, qs):
    prose = doc.prose
    for a, b, vm, direction, span in pairs(doc, qs):
        if not compatible(a, b):
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
                                             "why": f"'{verb}' says a {want}, but {fmt(a.value)} to {fmt(b.value)} is a "
                                                    f"{'fall' if want == 'rise' else 'rise'}"},
                          related=[Related(a.num_start, a.num_end, "from"), Related(b.num_start, b.num_end, "to")])
        elif mult and a.value > 0 and not a.hedge and not b.hedge:
            ratio = b.value / a.value
            mid = vm.group("mid").lower() if vm else ""
            if re.search(r"\b(?:more\s+than|nearly|almost|roughly|about|around|over|some|close\s+to|at\s+least)\s*$", prose[max(0, span[0] - 20):span[0]].lower() + " ") or \
                    re.search(r"\b(?:more\s+than|nearly|almost|roughly|about|around|over|close\s+to)\b", mid):
                continue
            if abs(ratio - mult) > mult * max(rule.tolerance, 0.1):
                yield Finding(span[0], span[1], {"verb": verb, "a": a.raw, "b": b.raw, "text": prose[span[0]:span[1]],
                                                 "why": f"'{verb}' means x{mult:g}, but {fmt(a.value)} to {fmt(b.value)} "
                                                        f"is x{ratio:.2g}"},
                              related=[Related(a.num_start, a.num_end, "from"), Related(b.num_start, b.num_end, "to")])

