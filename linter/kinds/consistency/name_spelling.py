"""``detect: name-spelling`` -- a name spelled two ways in one document: "Romanowski" and "Romanowsky".

Why: a misspelt name is the error readers and the people named notice first, and no
spell checker knows names. Capitalised words of at least ``min_length`` letters, seen
somewhere other than a sentence start, are compared when one edit apart (a letter
changed, added, dropped, or two neighbours swapped: :func:`one_edit_apart`), blocked by
their one-deletion variants so there is no quadratic pair loop.
Guards against different real names: the rarer form must be rare (at most 2 uses, and
at most half as many as the other), the first letters must agree, neither may be an
inflection of the other (Syria/Syrian), short words must be a transposition, a name
also written in lower case is a word, and two forms preceded (or followed) by different
capitalised words are two people (Alison Carter, Mark Carver). Look-alikes that are
different names are the ``distinct`` word list.

Flagged: The ambassador, Alina Romanowski, met Barzani. Romanowski said talks went well. Barzani thanked Romanowsky.
Fine:    Alison Carter met Mark Carver. Carter said so. Carter left. Carver stayed.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .._detectors import detector
from ._common import pair_finding, shouting


_CAPWORD = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:[A-Z][a-z]+)?)(?:['’]s)?(?![\w-])")
_LOWERWORD = re.compile(r"(?<![\w-])[a-z]{3,}(?![\w-])")
_PREV_CAP = re.compile(r"([A-Z][a-z]+\.?)[ \t]+$")
_NEXT_CAP = re.compile(r"[ \t]+([A-Z][a-z]+)")
_TITLES = frozenset("""Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. President Minister Secretary Senator Sen.
    Rep. Gov. Governor General Gen. Ambassador Chancellor Premier Judge Justice Officer Chief Coach
    Captain Capt. Lt. Sgt. Col. Colonel Pope King Queen Prince Princess Lord Lady Sir Saint St.
    The In On At For And But Of By From With As""".split())


@detector("name-spelling")
def name_spelling(rule, doc):
    prose = doc.prose
    occ: dict[str, list[tuple[int, int]]] = defaultdict(list)
    match_ends: dict[str, list[int]] = defaultdict(list)  # with a possessive 's
    mid: set[str] = set()  # capitalised somewhere other than a sentence start
    sentence_starts = {s.start for s in doc.sentences}
    for bi, block in enumerate(doc.blocks):  # per block, not a block lookup per word
        if block.kind in rule.ignore_blocks:
            continue
        looked = False  # whether the block is shouted, asked at its first name
        for m in _CAPWORD.finditer(prose, block.start, block.end):
            name = m.group(1)
            if len(name) < rule.min_length:
                continue
            if not looked:
                if shouting(doc, bi):
                    break
                looked = True
            start = m.start()
            occ[name].append((start, start + len(name)))
            match_ends[name].append(m.end())
            if name not in mid and start not in sentence_starts and not _after_opening(prose, start, sentence_starts):
                mid.add(name)
    names = [n for n in occ if n in mid and n not in rule.ignore and n not in rule._distinct]
    if not any(len(set(g)) > 1 for g in _near_groups(names)):
        return  # most articles: no two names one edit apart, so no need for what follows
    lower = set(_LOWERWORD.findall(prose))  # a name also written in lower case is a word
    groups = _near_groups([n for n in names if n.lower() not in lower])
    # the words around a name are needed only for candidate pairs: found for their names alone
    before: dict[str, set[str]] = {}  # capitalised words just before
    after: dict[str, set[str]] = {}  # and just after
    for n in {n for g in groups for n in g}:
        before[n] = {p.group(1) for (s, _) in occ[n]
                     if (p := _PREV_CAP.search(prose, max(0, s - 40), s)) and p.group(1) not in _TITLES}
        after[n] = {x.group(1) for e in match_ends[n] if (x := _NEXT_CAP.match(prose, e))}
    seen: set[frozenset] = set()
    for group in groups:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                pair = frozenset((a, b))
                if a == b or pair in seen:
                    continue
                seen.add(pair)
                if pair in rule._distinct or _different_names(a, b, occ, before, after):
                    continue
                yield pair_finding(doc, {a: occ[a], b: occ[b]})


def _after_opening(prose: str, i: int, sentence_starts: set[int]) -> bool:
    """True when only quotes or brackets separate ``i`` from a sentence start."""
    j = i
    while j > 0 and prose[j - 1] in "\"'“‘([":
        j -= 1
        if j in sentence_starts:
            return True
    return False


def _near_groups(names: list[str]) -> list[list[str]]:
    """Names one deletion apart, grouped by the deleted form (at most 8 per group)."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for n in names:
        for i in range(len(n)):
            buckets[n[:i] + n[i + 1 :]].append(n)
        buckets[n].append(n)
    return [g for g in buckets.values() if 2 <= len(g) <= 8]


def _different_names(a: str, b: str, occ, before, after) -> bool:
    """Guards against reporting two real names as one misspelt one."""
    if a[0] != b[0] or a.startswith(b) or b.startswith(a):
        return True  # Gambia/Zambia; Syria/Syrian; Hussein/Husseini
    if a[:-1] == b[:-1] and {a[-1], b[-1]} != {"i", "y"}:
        return True  # Germany/Germans, Sweden/Swedes, Evgenia/Evgeniy: endings, not spellings
    if a.lower() != b.lower() and min(len(a), len(b)) <= 5 and not _transposed(a, b):
        return True  # David/Davis, Paris/Parks: short words one letter apart are often both real
    if not one_edit_apart(a, b):
        return True
    na, nb = len(occ[a]), len(occ[b])
    minor, major = (a, b) if (na, occ[b][0][0]) <= (nb, occ[a][0][0]) else (b, a)
    if len(occ[minor]) > 2 or len(occ[minor]) * 2 > len(occ[major]):
        return True  # two well-used forms: two people (Jonson and Johnson)
    firsts_minor, firsts_major = before[minor], before[major]
    if firsts_minor and firsts_major and not (firsts_minor & firsts_major):
        return True  # Alison Carter and Mark Carver
    if after[minor] and after[major] and not (after[minor] & after[major]):
        return True  # Prime Minister and Nobel Prize Committee: parts of different names
    return False


def one_edit_apart(a: str, b: str) -> bool:
    """At most one edit between ``a`` and ``b``: a letter changed, added or dropped, or two
    neighbours swapped (an optimal-string-alignment distance of at most 1). A linear test:
    rapidfuzz's OSA gives the same answer (tests/test_consistency.py checks it on random
    strings), but importing rapidfuzz costs ~6 ms of a one-article run."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < la and i < lb and a[i] == b[i]:
        i += 1  # the first difference: the one edit is here
    if la > lb:
        return a[i + 1:] == b[i:]
    if lb > la:
        return b[i + 1:] == a[i:]
    return a[i + 1:] == b[i + 1:] or (i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])


def _transposed(a: str, b: str) -> bool:
    """Two adjacent letters swapped (Fuyao/Fuayo)."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]

