"""``substitution``: house spellings, a wrong -> right map whose right form is a safe fix.

Like Vale's ``substitution``: each key is a word or phrase (or a regex when
``regex: true``), each value the form to use. ``--fix`` applies these and nothing else.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..diagnostics import Finding
from ._regex import UserRegex, compile_user, compile_words, finditer
from .base import InvalidField, RuleBase, WordListEntryError


class Rule(RuleBase):
    """Report each ``swap`` key found in the text; suggest (and fix to) its value.

    The message may use ``{match}`` (the text found) and ``{replacement}``.
    """

    placeholders: ClassVar[tuple[str, ...]] = ("match", "replacement")

    swap: dict[str, str] = {}
    """Map of wrong form to right form; the right form is the suggestion and the fix `--fix` applies."""
    wordlist: str | None = None
    """A word list of "wrong: right" entries (instead of `swap`)."""
    ignore_case: bool = False
    """Match regardless of case; the fix takes the case of the text ("KIEV" -> "KYIV")."""
    regex: bool = False
    """`swap` keys are regexes and values may use their groups (`\\1`, `\\g<name>`)."""

    _compiled: re.Pattern | None = None
    _lookup: dict[str, str] = {}
    _patterns: list[tuple[UserRegex, str]] = ()

    def validate(self) -> None:
        super().validate()
        if bool(self.swap) == bool(self.wordlist):
            raise ValueError("give exactly one of 'swap' or 'wordlist'")
        for wrong, right in self.swap.items():
            if not wrong.strip() or not right.strip():
                raise InvalidField("swap", f"'{wrong}: {right}': both the wrong and the right form are needed "
                                           f"(an empty right form would delete the text with --fix)")
        if self.regex and self.wordlist:
            raise ValueError("'regex: true' needs an inline 'swap' map")
        if self.regex:  # a bad key or group reference is a load error, not a traceback mid-lint
            import regex as _re

            for key, template in self.swap.items():
                try:
                    compiled = compile_user(key, self.ignore_case).compiled
                except _re.error as exc:
                    raise ValueError(f"invalid regex in 'swap' key {key!r}: {exc}") from None
                for ref in _re.finditer(r"\\g<([^>]*)>|\\(\d{1,2})", template):
                    name = ref.group(1) if ref.group(1) is not None else ref.group(2)
                    if not (int(name) <= compiled.groups if name.isdigit() else name in compiled.groupindex):
                        raise ValueError(f"swap value {template!r} refers to group {name!r}, "
                                         f"which {key!r} does not have")

    def wordlists_used(self) -> list[str]:
        return [self.wordlist] if self.wordlist else []

    def prepare(self, wordlists):
        pairs = self.swap or _pairs(self.wordlist, wordlists[self.wordlist])
        if self.regex:
            self._patterns = [(compile_user(k, self.ignore_case), v) for k, v in pairs.items()]
            return
        self._lookup = {_key(k, self.ignore_case): v for k, v in pairs.items()}
        self._compiled = compile_words(list(pairs), self.ignore_case)

    def check(self, doc, ctx):
        text = doc.prose
        if self.regex:
            import regex as _re  # the keys are user regexes, compiled with it

            for pattern, template in self._patterns:
                for m in finditer(pattern, text):
                    if m.start() == m.end():
                        continue
                    try:
                        right = m.expand(template)
                    except (_re.error, IndexError, ValueError):
                        continue  # a replacement template the regex module refuses: no finding, no crash
                    if right != m.group():
                        yield _finding(m.start(), m.end(), m.group(), right)
            return
        for m in finditer(self._compiled, text):
            right = self._lookup.get(_key(m.group(), self.ignore_case))
            if right is not None and self.ignore_case:
                right = match_case(m.group(), right)
            if right is not None and right != m.group():
                yield _finding(m.start(), m.end(), m.group(), right)


def _finding(start: int, end: int, wrong: str, right: str) -> Finding:
    return Finding(start, end, {"match": wrong, "replacement": right}, suggestions=[right], fix=right)


def _key(phrase: str, ignore_case: bool) -> str:
    phrase = " ".join(phrase.split())
    return phrase.lower() if ignore_case else phrase


def match_case(found: str, right: str) -> str:
    """``right`` written in the case of ``found``, for a rule that matches ignoring case:
    "KIEV" -> "KYIV", "Cease-fire" -> "Ceasefire" (a capital at a sentence start stays);
    otherwise ``right`` as the list writes it ("kiev" -> "Kyiv")."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return right.upper()
    if letters and found.lstrip()[:1].isupper() and right[:1].islower():
        return right[:1].upper() + right[1:]
    return right


def _pairs(name: str, entries) -> dict[str, str]:
    """A substitution word list holds 'wrong: right' strings or one-key mappings. An entry
    without both sides ("Kiev" for "Kiev: Kyiv") is an error: --fix would delete the word."""
    pairs: dict[str, str] = {}
    for i, entry in enumerate(entries):
        items = entry.items() if isinstance(entry, dict) else [str(entry).partition(":")[::2]]
        for wrong, right in items:
            wrong, right = str(wrong).strip(), str(right).strip()
            if not wrong or not right:
                shown = entry if isinstance(entry, str) else f"{wrong}: {right}"
                raise WordListEntryError(name, i, f"'{shown}' is not 'wrong: right' (a substitution rule needs "
                                                  f"both forms; without the right one --fix would delete the word)")
            pairs[wrong] = right
    return pairs
