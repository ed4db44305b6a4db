"""``consistency``: one document using two forms of the same thing.

One kind, several detectors (``detect:``), each linear in the document:

* ``dotted-acronyms`` -- "US" and "U.S.", "DC" and "D.C." in one article.
* ``variants`` -- two forms from one group of a word list ("percent | per cent").
* ``name-spelling`` -- a name spelled two ways ("Romanowski" / "Romanowsky"):
  capitalised words one edit apart (rapidfuzz OSA distance), blocked by their
  one-deletion variants so no quadratic pair loop. Guards against different real
  names: the rarer form must be rare, the first letters must agree, neither may
  be an inflection of the other (Syria/Syrian), and two forms preceded by
  different first names are two people.
* ``acronym-redefined`` -- an acronym defined twice with different expansions.
* ``acronym-before-definition`` -- an acronym used in the body before the
  sentence that defines it.

A form pair is reported once, at the first use of the rarer form, with the first
use of the prevailing form as ``related``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Annotated, ClassVar, Literal, TYPE_CHECKING


from ..diagnostics import Finding, Related
from ..document import BLOCK_KINDS, per_document
from ._regex import words_pattern
from .base import RuleBase

if TYPE_CHECKING:  # resolved by linter.schema when a rule file is validated
    from pydantic import Field

Detect = Literal["dotted-acronyms", "variants", "name-spelling", "acronym-redefined", "acronym-before-definition"]


class Rule(RuleBase):
    """A form-consistency check; ``detect`` chooses which (see the module doc).

    Messages may use ``{match}`` (the form reported), ``{other}`` (the prevailing
    form), ``{count}`` and ``{other_count}`` (uses of each), ``{line}`` (of the
    related place) and, for acronyms, ``{acronym}``, ``{expansion}`` and
    ``{other_expansion}``.
    """

    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {
        **dict.fromkeys(("dotted-acronyms", "variants", "name-spelling"),
                        ("match", "other", "others", "count", "other_count", "line")),
        "acronym-redefined": ("acronym", "match", "expansion", "other_expansion", "line"),
        "acronym-before-definition": ("acronym", "match", "line"),
    }

    detect: Detect
    """Which check: dotted-acronyms, variants, name-spelling, acronym-redefined or acronym-before-definition."""
    wordlist: str | None = None
    """For `variants`: the word list of groups, entries "form | form | ..."."""
    ignore: list[str] = []
    """Forms never reported (e.g. PM, AM)."""
    ignore_blocks: list[Literal[BLOCK_KINDS]] = ["heading", "read-more"]  # type: ignore[valid-type]
    """Block kinds not looked at (headlines in capitals, read-more lines)."""
    min_length: Annotated[int, Field(ge=3)] = 5
    """For `name-spelling`: the shortest name compared, in letters."""
    distinct: str | None = None
    """For `name-spelling`: word list of look-alikes that are different names ("Hunan | Henan")."""

    _groups: list[list[str]] = ()
    _distinct: set = frozenset()
    _variant_forms: dict = {}
    _variant_re: re.Pattern | None = None

    def wordlists_used(self) -> list[str]:
        return [w for w in (self.wordlist, self.distinct) if w]

    def prepare(self, wordlists):
        self._distinct = set()
        for entry in wordlists.get(self.distinct, []) if self.distinct else []:
            forms = [f.strip() for f in str(entry).split("|") if f.strip()]
            if len(forms) == 1:
                self._distinct.add(forms[0])  # a word that is never a misspelling of a look-alike
            for i, a in enumerate(forms):
                for b in forms[i + 1 :]:
                    self._distinct.add(frozenset((a, b)))
        self._groups = []
        if self.wordlist:
            for entry in wordlists[self.wordlist]:
                forms = [f.strip() for f in str(entry).split("|") if f.strip()]
                if len(forms) >= 2:
                    self._groups.append(forms)
        # one pass over the text for all groups: a single alternation, longest forms first
        self._variant_forms = {" ".join(f.lower().split()): (gi, f) for gi, g in enumerate(self._groups) for f in g}
        if self._variant_forms:
            self._variant_re = re.compile(words_pattern(list(self._variant_forms)), re.I)

    def check(self, doc, ctx):
        if self.detect == "dotted-acronyms":
            yield from self._dotted(doc)
        elif self.detect == "variants":
            yield from self._variants(doc)
        elif self.detect == "name-spelling":
            yield from self._names(doc)
        elif self.detect == "acronym-redefined":
            yield from _redefined(doc)
        else:
            yield from self._before_definition(doc)

    # -- helpers ----------------------------------------------------------
    def _skipped_block(self, doc, offset: int) -> bool:
        bi = doc.block_at(offset)
        if bi is None:
            return True
        b = doc.blocks[bi]
        return b.kind in self.ignore_blocks or _shouting(doc, bi)

    # -- US / U.S. ---------------------------------------------------------
    def _dotted(self, doc):
        forms: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        ignore = {i.replace(".", "") for i in self.ignore}
        for m in _DOTTED.finditer(doc.prose):
            key = m.group().replace(".", "")
            if key not in ignore and not self._skipped_block(doc, m.start()):
                forms[key][m.group()].append(m.span())
        for m in _UNDOTTED.finditer(doc.prose):
            key = m.group()
            if key in forms and not self._skipped_block(doc, m.start()):
                forms[key][key].append(m.span())
        for key in sorted(forms, key=lambda k: min(s for v in forms[k].values() for s, _ in v)):
            if len(forms[key]) >= 2:
                yield _pair_finding(doc, forms[key])

    # -- per cent / percent ------------------------------------------------
    def _variants(self, doc):
        if self._variant_re is None:
            return
        found: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        for m in self._variant_re.finditer(doc.prose):
            hit = self._variant_forms.get(" ".join(m.group().lower().split()))
            if hit and not self._skipped_block(doc, m.start()):
                found[hit[0]][hit[1]].append(m.span())
        for gi in sorted(found):
            if len(found[gi]) >= 2:
                yield _pair_finding(doc, found[gi])

    # -- Romanowski / Romanowsky -------------------------------------------
    def _names(self, doc):
        prose = doc.prose
        occ: dict[str, list[tuple[int, int]]] = defaultdict(list)
        match_ends: dict[str, list[int]] = defaultdict(list)  # with a possessive 's
        mid: set[str] = set()  # capitalised somewhere other than a sentence start
        sentence_starts = {s.start for s in doc.sentences}
        for bi, block in enumerate(doc.blocks):  # per block, not a block lookup per word
            if block.kind in self.ignore_blocks:
                continue
            looked = False  # whether the block is shouted, asked at its first name
            for m in _CAPWORD.finditer(prose, block.start, block.end):
                name = m.group(1)
                if len(name) < self.min_length:
                    continue
                if not looked:
                    if _shouting(doc, bi):
                        break
                    looked = True
                start = m.start()
                occ[name].append((start, start + len(name)))
                match_ends[name].append(m.end())
                if name not in mid and start not in sentence_starts and not _after_opening(prose, start, sentence_starts):
                    mid.add(name)
        names = [n for n in occ if n in mid and n not in self.ignore and n not in self._distinct]
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
                    if pair in self._distinct or _different_names(a, b, occ, before, after):
                        continue
                    yield _pair_finding(doc, {a: occ[a], b: occ[b]})

    # -- acronyms ----------------------------------------------------------
    def _before_definition(self, doc):
        defs = _definitions(doc)
        first_def: dict[str, tuple[int, int, int]] = {}
        for acr, exp, a_span, e_span, s_start in defs:
            first_def.setdefault(acr, (a_span[0], a_span[1], s_start))
        if not first_def:
            return
        pattern = re.compile(words_pattern(list(first_def)))  # this document's acronyms
        reported = set()
        for m in pattern.finditer(doc.prose):
            acr = m.group()
            d_start, d_end, s_start = first_def[acr]
            if acr in reported or m.start() >= s_start or acr in self.ignore:
                continue
            if self._skipped_block(doc, m.start()):
                continue
            bi = doc.block_at(m.start())
            if bi is not None and doc.blocks[bi].kind == "caption":
                continue  # captions are written apart from the story, often first
            reported.add(acr)
            yield Finding(m.start(), m.end(), {"acronym": acr, "match": acr, "line": doc.line_of(d_start)},
                          related=[Related(d_start, d_end, "defined here")])


# ---------------------------------------------------------------------------

_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}(?!\w)")
_UNDOTTED = re.compile(r"(?<![\w.&$-])[A-Z]{2,4}(?![\w&$-]|\.[A-Za-z])")
_CAPWORD = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:[A-Z][a-z]+)?)(?:['’]s)?(?![\w-])")
_LOWERWORD = re.compile(r"(?<![\w-])[a-z]{3,}(?![\w-])")
_PREV_CAP = re.compile(r"([A-Z][a-z]+\.?)[ \t]+$")
_NEXT_CAP = re.compile(r"[ \t]+([A-Z][a-z]+)")
_TITLES = frozenset("""Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. President Minister Secretary Senator Sen.
    Rep. Gov. Governor General Gen. Ambassador Chancellor Premier Judge Justice Officer Chief Coach
    Captain Capt. Lt. Sgt. Col. Colonel Pope King Queen Prince Princess Lord Lady Sir Saint St.
    The In On At For And But Of By From With As""".split())


_ASCII_UPPER = bytes(range(65, 91))
_ASCII_LOWER = bytes(range(97, 123))


@per_document
def _shouting(doc, bi: int) -> bool:
    """An all-capitals block (a shouted headline) says nothing about a house form.

    Letters are counted in C: by deleting bytes for an ASCII block (most of them), else
    with ``map`` over the string methods (a generator per character cost 120 ms/MB)."""
    b = doc.blocks[bi]
    block = doc.prose[b.start : b.end]
    if block.isascii():
        raw = block.encode("ascii")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        letters = upper + len(raw) - len(raw.translate(None, _ASCII_LOWER))
    else:
        upper, letters = sum(map(str.isupper, block)), sum(map(str.isalpha, block))
    return bool(letters) and upper / letters > 0.5


def _after_opening(prose: str, i: int, sentence_starts: set[int]) -> bool:
    """True when only quotes or brackets separate ``i`` from a sentence start."""
    j = i
    while j > 0 and prose[j - 1] in "\"'“‘([":
        j -= 1
        if j in sentence_starts:
            return True
    return False


def _pair_finding(doc, found: dict[str, list[tuple[int, int]]]) -> Finding:
    """One finding for a set of competing forms: at the first use of the rarest form
    (ties: the form used later), related to the first use of the most used form."""
    ranked = sorted(found, key=lambda f: (len(found[f]), -found[f][0][0]))
    minor, major = ranked[0], ranked[-1]
    (ms, me), (js, je) = found[minor][0], found[major][0]
    others = ", ".join(f"'{f}'" for f in ranked[1:])
    return Finding(
        ms, me,
        {"match": doc.text[ms:me], "other": major, "others": others, "count": len(found[minor]),
         "other_count": len(found[major]), "line": doc.line_of(js)},
        suggestions=[major],
        related=[Related(js, je, f"'{major}' used here ({len(found[major])}×)")],
    )


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
    from rapidfuzz.distance import OSA  # here: few articles have a candidate pair

    if OSA.distance(a, b) > 1:
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


def _transposed(a: str, b: str) -> bool:
    """Two adjacent letters swapped (Fuyao/Fuayo)."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


# -- acronym definitions -------------------------------------------------------

_SMALL = "of|and|for|the|on|in|to|de|du|des|la|le|al|el|&|an|a|at|against"
_SMALL_WORDS = frozenset(_SMALL.split("|"))
_EXP_WORD = rf"(?:[A-Z][\w'’.-]*|(?:{_SMALL}))"
_DEF_AFTER = re.compile(rf"(?P<exp>{_EXP_WORD}(?:[ \t]+{_EXP_WORD}){{0,10}})[ \t]+\((?P<acr>[A-Z][A-Za-z&-]*[A-Z])s?\.?\)")
_DEF_BEFORE = re.compile(r"(?<![\w-])(?P<acr>[A-Z][A-Z&-]*[A-Z])[ \t]+\((?P<exp>[A-Z][^()\n]{3,90})\)")


def _initials(word: str) -> list[str]:
    """The letters a word can give an acronym: the first of each hyphen part, plus inner capitals."""
    out = []
    for part in re.split(r"[-’']", word):
        if not part:
            continue
        out.append(part[0].upper())
        out.extend(c for c in part[1:] if c.isupper())
    return out


def _matches(acr: str, words: list[str]) -> bool:
    """Acronym letters are an in-order subsequence of the words' initials, starting with
    the first word's; small words may be skipped, capitalised words may not be skipped
    more than once."""
    letters = [c for c in acr if c.isalpha() and c.isupper()]
    if not letters or not words or _initials(words[0])[:1] != letters[:1]:
        return False
    i = 0
    skipped = 0
    for w in words:
        inits = _initials(w)
        used = False
        for c in inits:
            if i < len(letters) and c == letters[i]:
                i += 1
                used = True
            elif used:
                break
        if not used and w[:1].isupper():
            skipped += 1
    return i == len(letters) and skipped <= 1


@per_document
def _definitions(doc):
    """(acronym, normalised expansion, acronym span, expansion span, sentence start) in order."""
    prose = doc.prose
    out = []
    for m in _defs_after(prose):
        acr = m.group("acr")
        words = m.group("exp").split()
        base = m.start("exp")
        # the shortest tail of the words that spells the acronym
        for k in range(len(words) - 1, -1, -1):
            if words[k].lower() in _SMALL_WORDS:
                continue
            if _matches(acr, words[k:]):
                offs = [mm.start() for mm in re.finditer(r"\S+", m.group("exp"))]
                e_start = base + offs[k]
                out.append((acr, _norm_exp(words[k:]), (m.start("acr"), m.end("acr")), (e_start, m.end("exp")),
                            _sentence_start(doc, e_start)))
                break
    for m in _DEF_BEFORE.finditer(prose):
        acr, words = m.group("acr"), m.group("exp").split()
        if _matches(acr, words):
            out.append((acr, _norm_exp(words), (m.start("acr"), m.end("acr")), (m.start("exp"), m.end("exp")),
                        _sentence_start(doc, m.start())))
    out.sort(key=lambda d: d[2])
    return out


# how every _DEF_AFTER match ends (after a space or tab); not "[ \t]+\(": that would rescan a
# long run of blanks (a masked code block) from each of its positions, quadratically
_ACR_PAREN = re.compile(r"(?<=[ \t])\((?:[A-Z][A-Za-z&-]*[A-Z])s?\.?\)")
_WORD_CHARS = frozenset("'’.-")  # with str.isalnum/_: what an expansion word is made of


def _defs_after(prose: str):
    """``_DEF_AFTER.finditer(prose)``, tried only in front of each "(ACRONYM)": the pattern
    tried at every word cost 200 ms/MB. A match is at most 11 words, each a run of word
    characters, separated by spaces or tabs and ending at the "(": so it starts no earlier
    than the 11th such run back, and not before the previous match or "(...)"."""
    last = prev = 0
    for p in _ACR_PAREN.finditer(prose):
        lo = _words_back(prose, p.start(), max(last, prev), 11)
        prev = p.end()
        m = _DEF_AFTER.search(prose, lo, p.end())
        if m:
            last = m.end()
            yield m


def _words_back(prose: str, end: int, floor: int, count: int) -> int:
    """Where the ``count`` runs of word characters (separated by spaces or tabs) before
    ``end`` start, stopping at ``floor`` or at any other character."""
    i = end
    for _ in range(count):
        while i > floor and prose[i - 1] in " \t":
            i -= 1
        j = i
        while j > floor and (prose[j - 1].isalnum() or prose[j - 1] == "_" or prose[j - 1] in _WORD_CHARS):
            j -= 1
        if j == i:  # neither a blank nor a word character: nothing further back can belong
            break
        i = j
    return i


def _sentence_start(doc, offset: int) -> int:
    si = doc.sentence_at(offset)
    return doc.sentences[si].start if si is not None else offset


def _norm_exp(words: list[str]) -> str:
    text = " ".join(words).lower().replace("’", "'").replace("-", " ")
    return " ".join(w for w in re.findall(r"[\w&']+", text) if w != "the")


def _redefined(doc):
    first: dict[str, tuple] = {}
    reported = set()
    for acr, exp, a_span, e_span, _ in _definitions(doc):
        if acr not in first:
            first[acr] = (exp, a_span, e_span)
            continue
        exp0, a0, e0 = first[acr]
        if exp == exp0 or acr in reported:
            continue
        reported.add(acr)
        text = doc.text
        yield Finding(e_span[0], a_span[1] + 1 if text[a_span[1]:a_span[1] + 1] == ")" else a_span[1],
                      {"acronym": acr, "match": acr, "expansion": text[e_span[0]:e_span[1]],
                       "other_expansion": text[e0[0]:e0[1]], "line": doc.line_of(e0[0])},
                      related=[Related(e0[0], a0[1], "first defined here")])
