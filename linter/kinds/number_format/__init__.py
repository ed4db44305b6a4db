"""``number-format``: numerals that cannot be right as written.

One kind, several ``detect`` values, each reading the shared quantities
(``doc.facts.quantities``) and, where the question is about characters rather than
values, a bounded regex over ``doc.prose``. Each is its own module in this package,
named after the value (``foreign-separator`` is ``foreign_separator.py``):

``grouping``           irregular thousands groups: "9,00", "1,0000", "12,34,567"
                       (lakh grouping is accepted when ``locale`` is en-IN)
``foreign-separator``  dots as thousands separators in English: "1.000 people",
                       "2.500.000"
``letter-in-number``   a letter typed for a digit: "4O,000", "1l,500"
``space-in-number``    a space inside a grouped number: "43, 000", "43 ,000"
``share-over-100``     a share above 100% of a population: "150% of respondents"
                       (not a change: "rose 150%" is fine)
``negative-count``     a negative number of things: "-5 people"

Days a month does not have ("31 February") are the date family's D102.

Suggestions are the likely intended numbers, never an automatic fix: only the
writer knows whether "9,00" was "9,000" or "900".
"""

from __future__ import annotations

from typing import ClassVar, Literal

from .._detectors import detectors
from ..base import RuleBase


class Rule(RuleBase):
    """Report malformed or impossible numerals; see the module docstring for ``detect``."""

    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {
        **dict.fromkeys(("grouping", "foreign-separator", "letter-in-number", "space-in-number"),
                        ("text", "suggestions")),
        "share-over-100": ("text", "value", "whole"), "negative-count": ("text", "noun"),
    }

    detect: Literal["grouping", "foreign-separator", "letter-in-number", "space-in-number", "share-over-100",
                   "negative-count"]
    """Which check: grouping, foreign-separator, letter-in-number, space-in-number, share-over-100 or negative-count."""
    wordlist: str | None = None
    """Counted nouns (foreign-separator) or population nouns (share-over-100)."""

    _words: frozenset = frozenset()

    def wordlists_used(self) -> list[str]:
        return [self.wordlist] if self.wordlist else []

    def prepare(self, wordlists):
        if self.wordlist:
            self._words = frozenset(str(w).lower() for w in wordlists.get(self.wordlist, []))

    def check(self, doc, ctx):
        locale = (getattr(getattr(ctx, "config", None), "locale", None) or "en").lower()
        english = locale.split("-")[0].split("_")[0] == "en"
        yield from DETECTORS[self.detect](self, doc, locale, english)


DETECTORS = detectors(__name__)  # detect value -> function, one module each
