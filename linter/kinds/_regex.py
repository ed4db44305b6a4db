"""Shared helpers for kinds that compile user regexes and word lists.

User patterns run through the ``regex`` module with a time budget, so a rule with
catastrophic backtracking is reported and skipped instead of hanging a CI job; they are
compiled on first use (:class:`UserRegex`). Word lists compile with ``re`` (see
:func:`compile_words`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..schema import InvalidField
from ..text import words_pattern  # noqa: F401 (defined with the other text helpers; kinds import it from here)

REGEX_TIMEOUT = 2.0  # seconds per rule per document


class RuleTimeout(Exception):
    """A rule's regex ran past its time budget on one document."""


def compile_words(words: list, ignore_case: bool = False) -> re.Pattern:
    """A word list as one compiled pattern (:func:`words_pattern`), with ``re``.

    A tree of literals cannot backtrack catastrophically, so it needs no time budget, and
    ``re`` compiles these 3-8x faster than ``regex`` (1.5 ms vs 4.2 ms for the 965-character
    evaluative-words tree, 1.2 vs 9.4 ms for weasel-phrases) -- start-up time -- and matches
    them faster too (see :func:`_trie`).
    """
    return re.compile(words_pattern(words), re.IGNORECASE if ignore_case else 0)


class UserRegex:
    """A rule's own regex: with the ``regex`` module (run with a time budget), or with
    ``re`` when the rule says ``engine: re`` (about 3x faster, no time budget).

    Compiled on first use and pickled as its source, so the cached rule set loads without
    compiling (or importing ``regex`` for) patterns a run never reaches: a rule that is
    off, an exception list consulted only after a match.
    """

    __slots__ = ("pattern", "ignore_case", "engine", "_compiled")

    def __init__(self, pattern: str, ignore_case: bool = False, engine: str = "regex"):
        self.pattern, self.ignore_case, self.engine = pattern, ignore_case, engine
        self._compiled = None

    @property
    def compiled(self):
        if self._compiled is None:
            if self.engine == "re":
                self._compiled = re.compile(self.pattern, re.IGNORECASE if self.ignore_case else 0)
            else:
                import regex

                self._compiled = regex.compile(self.pattern, regex.V0 | (regex.IGNORECASE if self.ignore_case else 0))
        return self._compiled

    def __getstate__(self):
        return self.pattern, self.ignore_case, self.engine

    def __setstate__(self, state):
        self.pattern, self.ignore_case, self.engine = state
        self._compiled = None


@lru_cache(maxsize=4096)  # bounded: a language server reloading edited packs for hours
def compile_user(pattern: str, ignore_case: bool = False, engine: str = "regex") -> UserRegex:
    """One :class:`UserRegex` per pattern, flags and engine: rules that write the same
    regex (S101 and S103) share it, and with it one scan of each document (see
    ``pattern._hits``)."""
    return UserRegex(pattern, ignore_case, engine)


def check_user_regexes(field: str, patterns, ignore_case: bool = False, engine: str = "regex") -> None:
    """Compile a rule's regexes at load time, so a bad one is a load error that names
    the field (the loader adds file and line), never a traceback in the middle of a run."""
    import regex

    for p in patterns:
        if not p:
            continue
        try:
            compile_user(p, ignore_case, engine).compiled
        except (regex.error, re.error) as exc:
            raise InvalidField(field, f"invalid regex in '{field}': {exc}") from None


def finditer(pattern: UserRegex | re.Pattern, text: str):
    """``pattern.finditer(text)``; a user regex with the ``regex`` module runs with the time budget."""
    compiled = pattern.compiled if isinstance(pattern, UserRegex) else pattern
    if isinstance(compiled, re.Pattern):
        yield from compiled.finditer(text)
        return
    try:
        yield from compiled.finditer(text, timeout=REGEX_TIMEOUT)
    except TimeoutError as exc:
        raise RuleTimeout(str(exc)) from None
