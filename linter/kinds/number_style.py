"""``number-style``: how figures are written, not whether they are right (``info``).

``detect`` values:

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


from ..diagnostics import Finding
from .base import RuleBase


def is_round(numeral: str) -> bool:
    """True for figures people round ("10,400", "150", "1,250"), False for "432", "1,234"."""
    digits = numeral.replace(",", "")
    if not digits.isdigit():
        return True
    stripped = digits.lstrip("0")
    trailing = len(stripped) - len(stripped.rstrip("0"))
    sig = stripped.rstrip("0")
    if len(sig) <= 2 or trailing >= 2:
        return True
    return len(sig) == 3 and sig[-1] == "5"


def _round2(n: int, grouped: bool) -> str:
    """432 -> "430", 1234 -> "1,200": two significant digits, in the figure's own style."""
    digits = len(str(n))
    r = round(n, -(digits - 2)) if digits > 2 else n
    return f"{r:,}" if grouped else str(r)


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
        if self.detect == "hedge-precision":
            yield from self._hedge_precision(doc)
        else:
            configured = getattr(getattr(ctx, "config", None), "spell_out_below", None)
            yield from self._numeral_style(doc, configured or self.spell_out_below)

    def _hedge_precision(self, doc):
        for q in doc.facts.quantities:
            if not q.hedge or q.words or not q.is_quantity or q.scale != 1.0:
                continue
            if q.hedge not in self._words or q.form not in ("plain", "grouped"):
                continue
            if q.kind == "percent" or q.range_role:
                continue
            if is_round(q.numeral):
                continue
            hedge_text = q.raw[: q.num_start - q.start]
            rounded = _round2(int(q.numeral.replace(",", "")), "," in q.numeral or q.value >= 10000)
            yield Finding(q.start, q.end, {"text": q.raw, "hedge": q.hedge, "numeral": q.numeral},
                          suggestions=[q.raw[q.num_start - q.start:], hedge_text + rounded])

    def _numeral_style(self, doc, below: int):
        prose = doc.prose
        words, figures = [], []
        for q in doc.facts.quantities:
            if q.kind != "count" or q.partitive or q.range_role or q.hedge:
                continue
            if not (1 <= q.value < below) or q.value != int(q.value):
                continue
            if q.words:
                words.append(q)
            elif q.form == "plain":
                # a figure that starts a sentence is spelled out by every style guide anyway
                i = q.start - 1
                while i >= 0 and prose[i] in " \t":
                    i -= 1
                if i < 0 or prose[i] in ".!?\n":
                    continue
                figures.append(q)
        if not words or not figures:
            return
        minority, style = (figures, "figures") if len(figures) <= len(words) else (words, "words")
        other = "words" if style == "figures" else "figures"
        for q in minority:
            yield Finding(q.num_start, q.num_end, {"text": q.numeral, "style": style, "other": other,
                                                   "count": str(len(words) if other == "words" else len(figures))})
