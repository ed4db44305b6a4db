"""Shared helpers for kinds that compile user regexes and word lists.

User patterns run through the ``regex`` module with a time budget, so a rule with
catastrophic backtracking is reported and skipped instead of hanging a CI job.
"""

from __future__ import annotations

import regex

REGEX_TIMEOUT = 2.0  # seconds per rule per document


class RuleTimeout(Exception):
    """A rule's regex ran past its time budget on one document."""


def words_pattern(words: list[str]) -> str:
    """An alternation of literal words/phrases, longest first, on word boundaries.

    Spaces in a phrase match any run of whitespace (a phrase may wrap a line).
    """
    # a "wrong: right" entry of a substitution list contributes its wrong form (was AttributeError)
    flat = [str(k) for w in words for k in (w if isinstance(w, dict) else (w,))]
    alts = sorted({w.strip() for w in flat if w.strip()}, key=lambda w: (-len(w), w))
    parts = [r"\s+".join(regex.escape(p) for p in w.split()) for w in alts]
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


def compile_user(pattern: str, ignore_case: bool = False) -> regex.Pattern:
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(pattern, flags)


def finditer(compiled: regex.Pattern, text: str):
    try:
        yield from compiled.finditer(text, timeout=REGEX_TIMEOUT)
    except TimeoutError as exc:
        raise RuleTimeout(str(exc)) from None
