"""``number-style``: how figures are written, not whether they are right (``info``).

``detect`` values, each its own module in this package (``hedge-precision`` is
``hedge_precision.py``):

``hedge-precision``  a hedge on a figure given to the last unit ("over 432",
                     "about 1,234"). Round figures are fine to hedge. A figure is
                     *round* when, after dropping its trailing zeros, it has at most
                     two significant digits ("10,400" has "104": three, but ends in
                     two zeros, so round), or ends in two or more zeros, or has three
                     significant digits ending in 5 ("1,250", "175"). Decimals and
                     scaled amounts ("2.5 million") are left alone.
``numeral-style``    small counts written both as words and as figures in one
                     document ("nine people" ... "7 people"): the minority style is
                     reported. ``spell_out_below`` (default 10, AP style; the config key
                     ``spell-out-below`` overrides it) sets what "small" means.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from .._detectors import detectors
from ..base import RuleBase


class Rule(RuleBase):
    """Report numbers whose writing style is off; see the module docstring for ``detect``."""

    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {
        "hedge-precision": ("text", "hedge", "numeral"), "numeral-style": ("text", "style", "other", "count"),
    }

    detect: Literal["hedge-precision", "numeral-style"]
    """Which check: hedge-precision or numeral-style."""
    wordlist: str | None = None
    """For `hedge-precision`: hedges that mean "approximately" ("over", "about")."""
    spell_out_below: int = 10
    """For `numeral-style`: counts below this are small (spelt out in house style); the config key `spell-out-below` overrides it."""

    _words: frozenset = frozenset()

    def wordlists_used(self) -> list[str]:
        return [self.wordlist] if self.wordlist else []

    def prepare(self, wordlists):
        if self.wordlist:
            self._words = frozenset(" ".join(str(w).lower().split()) for w in wordlists.get(self.wordlist, []))

    def check(self, doc, ctx):
        yield from DETECTORS[self.detect](self, doc, ctx)


DETECTORS = detectors(__name__)  # detect value -> function, one module each
