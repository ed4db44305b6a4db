"""What several consistency detectors share: which blocks to skip (shouted headlines, the
rule's ``ignore_blocks``), the one finding for a set of competing forms, and the acronym
definitions found in a document (``acronym-redefined`` and ``acronym-before-definition``)."""

from __future__ import annotations

import re

from ...diagnostics import Finding, Related
from ...document import per_document


def skipped_block(rule, doc, offset: int) -> bool:
    bi = doc.block_at(offset)
    if bi is None:
        return True
    b = doc.blocks[bi]
    return b.kind in rule.ignore_blocks or shouting(doc, bi)


_ASCII_UPPER = bytes(range(65, 91))
_ASCII_LOWER = bytes(range(97, 123))


@per_document
def shouting(doc, bi: int) -> bool:
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


def pair_finding(doc, found: dict[str, list[tuple[int, int]]]) -> Finding:
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
def definitions(doc):
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
