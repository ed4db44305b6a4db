"""``pattern``: a regex or a word list, with exceptions, scope and suggestions.

The general-purpose kind, like Vale's ``existence`` and LanguageTool's pattern
rules: a match is a finding unless an exception pattern overlaps it.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import ClassVar, Literal

from ..diagnostics import Finding
from ..document import per_document
from ._regex import UserRegex, check_user_regexes, compile_user, compile_words, finditer
from .base import InvalidField, RuleBase, fill_template, template_names


class Rule(RuleBase):
    """Report every match of ``pattern`` (or of any word in ``words``/``wordlist``).

    The message may use ``{match}`` and the pattern's named groups; ``suggest`` holds
    templates for replacement suggestions in the same form.
    """

    placeholders: ClassVar[tuple[str, ...]] = ("match",)  # and the pattern's named groups

    pattern: str | None = None
    """A regular expression (the `regex` module's syntax); give one of `pattern`, `words`, `wordlist`."""
    words: list[str] = []
    """Words or phrases given inline, matched as whole words."""
    wordlist: str | None = None
    """A word list by name, matched as whole words."""
    ignore_case: bool = False
    """Match regardless of case."""
    exceptions: list[str] = []
    """Regexes: a match overlapping one of them is not a finding."""
    suggest: list[str] = []
    """Suggestion templates, with the same placeholders as the message (`{match}`, named groups)."""
    engine: Literal["regex", "re"] = "regex"
    """`regex` (with a 2 s time budget per file) or Python's `re` (about 3x faster on some patterns, no budget: only for patterns tested on long inputs)."""

    _compiled: UserRegex | re.Pattern | None = None
    _exceptions: list[UserRegex] = ()

    def validate(self) -> None:
        given = [x for x in (self.pattern, self.words or None, self.wordlist) if x]
        if len(given) != 1:
            raise ValueError("give exactly one of 'pattern', 'words' or 'wordlist'")
        check_user_regexes("pattern", [self.pattern], self.ignore_case, self.engine)
        check_user_regexes("exceptions", self.exceptions, self.ignore_case, self.engine)
        super().validate()  # the message's placeholders: needs the pattern's groups, so after it compiles
        for i, template in enumerate(self.suggest):
            unknown = [n for n in template_names(template) if n not in self.message_values()]
            if unknown:
                raise InvalidField("suggest", f"suggest.{i}: unknown placeholder {{{unknown[0]}}} (this rule fills "
                                              f"{', '.join('{' + n + '}' for n in sorted(self.message_values()))})")

    def message_values(self) -> set[str]:
        """``{match}`` and the named groups of the pattern."""
        names = set(self.placeholders)
        if self.pattern:
            compiled = compile_user(self.pattern, self.ignore_case, self.engine).compiled
            names.update(compiled.groupindex)
        return names

    def wordlists_used(self) -> list[str]:
        return [self.wordlist] if self.wordlist else []

    def prepare(self, wordlists):
        if self.pattern:
            self._compiled = compile_user(self.pattern, self.ignore_case, self.engine)
        else:
            self._compiled = compile_words(self.words or wordlists[self.wordlist], self.ignore_case)
        self._exceptions = [compile_user(p, self.ignore_case, self.engine) for p in self.exceptions]

    def check(self, doc, ctx):
        for start, end, values in _hits(doc, self._compiled, tuple(self._exceptions)):
            suggestions = [fill_template(s, values, missing="") for s in self.suggest]
            yield Finding(start, end, dict(values), suggestions=suggestions)


@per_document
def _hits(doc, compiled, exceptions: tuple) -> list[tuple[int, int, dict]]:
    """(start, end, values) of each match no exception overlaps: once per document for all
    the rules that share the pattern and exceptions (S101 and S103 differ only in scope,
    which the engine applies to the findings)."""
    text = doc.prose
    out = []
    excepted = None  # found on the first match only: most documents have none
    for m in finditer(compiled, text):
        start, end = m.span()
        if start == end:
            continue
        if excepted is None:
            excepted = SpanSet(x.span() for ex in exceptions for x in finditer(ex, text))
        if excepted.overlaps(start, end):
            continue
        values = {k: v for k, v in m.groupdict().items() if v is not None}
        values["match"] = m.group()
        out.append((start, end, values))
    return out


class SpanSet:
    """Sorted spans answering "does anything overlap [start, end)?" in O(log n)."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end = list(accumulate((e for _, e in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start
