"""Text helpers: plain functions on strings, the lowest layer of factlint.

They know nothing of documents, facts or rules, and import nothing from the package, so
the document model, the facts and the rule kinds can all use them (see README,
"Development": the layers).
"""

from __future__ import annotations

import re


# common English prepositions: where a noun phrase's head ends ("contributions | to the
# Initiative") and what cannot start a name (claims' holders, C101's subject heads)
PREPOSITIONS = frozenset("of in for at from on to into by with against over under about between among".split())


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use, for a module's patterns that many
    documents never reach (a short article without "from 12 to 87" never needs the
    arithmetic kind's 21 patterns: 7 ms of start-up; ``re`` compiles ~0.1 ms per pattern
    and a one-article run is mostly start-up). After the first use the compiled pattern's
    methods are plain attributes of this object, so calls cost nothing extra. Not an
    ``re.Pattern``: give helpers that test for one (``kinds._regex.finditer``) a real one."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
                "pattern", "flags", "groups", "groupindex")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)

    def __getattr__(self, name: str):  # reached only until the first compile
        compiled = re.compile(*self._args)
        for attr in self._METHODS:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)


def finditer_at(pattern, text: str, starts) -> list:
    """``list(pattern.finditer(text))``, trying ``pattern`` only at ``starts`` (ascending).

    Exact when ``starts`` holds every position where a match can start (and the pattern
    never matches the empty string): like finditer, this takes the leftmost match and goes
    on after its end. A regex that begins with a look-behind or a long alternation is tried
    by re and regex at every position of the text; the callers find the few places a
    match can start with a cheaper pass (a character class, ``str.find``)."""
    out = []
    end = 0
    match = pattern.match
    for pos in starts:
        if pos >= end:
            m = match(text, pos)
            if m:
                out.append(m)
                end = m.end()
    return out


def occurrences(text: str, words) -> list[int]:
    """Every position where one of ``words`` occurs in ``text`` (unsorted; overlaps kept):
    ``str.find`` runs in C, far faster than a regex alternation of the words."""
    found = []
    for w in words:
        i = text.find(w)
        while i != -1:
            found.append(i)
            i = text.find(w, i + 1)
    return found


def words_pattern(words: list[str]) -> str:
    """An alternation of literal words/phrases, longest first, on word boundaries.

    Spaces in a phrase match any run of whitespace (a phrase may wrap a line).
    """
    # a "wrong: right" entry of a substitution list contributes its wrong form (was AttributeError)
    flat = [str(k) for w in words for k in (w if isinstance(w, dict) else (w,))]
    alts = {w.strip() for w in flat if w.strip()}
    body = _trie(alts)
    if body is None:  # case variants of one letter at one node: the plain alternation
        ordered = sorted(alts, key=lambda w: (-len(w), w))
        body = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)
    return r"(?<![\w-])(?:" + body + r")(?![\w-])"


def _trie(words: set[str]) -> str | None:
    """The words as a prefix tree ("cut(?:s|ting)?" rather than "cutting|cuts|cut").

    Why: Python's ``re`` and ``regex`` try an alternation branch by branch at every
    position, so a 100-word list cost ~300 ms/MB; the tree shares prefixes and fails
    after the first letter almost everywhere (1.8x faster with ``regex``, 3.6x with ``re``).
    Same matches as the longest-first alternation: at each node the longer
    continuations are tried before ending there, and two words can only both match at
    one position when one is a prefix of the other -- unless two branches of a node are
    one letter in two cases ("B", "b a"), which an ignore-case match would confuse:
    then None (the caller keeps the alternation).
    """
    root: dict = {}
    for w in sorted(words):
        node = root
        for i, part in enumerate(w.split()):
            if i:
                node = node.setdefault(r"\s+", {})
            for ch in part:
                node = node.setdefault(ch, {})
        node[""] = {}

    # Both walks go down a chain of one-branch nodes ("t-t-i-n-g") in a loop: most nodes are
    # such links, and the tree is built at every start (2.7 ms -> 1.2 ms for the default rules).
    def collide(node: dict) -> bool:
        while len(node) == 1:  # one branch cannot collide with itself
            node = next(iter(node.values()))
        seen: set[str] = set()
        for ch in node:
            if ch and ch != r"\s+":
                keys = {ch, ch.lower()[:1], ch.upper()[:1], ch.casefold()[:1]}
                if keys & seen:
                    return True
                seen |= keys
        return any(collide(child) for child in node.values())

    if collide(root):
        return None

    def atom(a: str) -> str:
        return a if a == r"\s+" or a.isalnum() else re.escape(a)

    def emit(node: dict) -> str:
        chain = []
        while len(node) == 1 and "" not in node:
            (a, node), = node.items()
            chain.append(atom(a))
        atoms = sorted(a for a in node if a)
        if not atoms:
            return "".join(chain)
        branches = [atom(a) + emit(node[a]) for a in atoms]  # two or more, or one that may end here
        return "".join(chain) + "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root)
