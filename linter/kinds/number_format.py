"""``number-format``: numerals that cannot be right as written.

One kind, several ``detect`` values, each reading the shared quantities
(``doc.facts.quantities``) and, where the question is about characters rather than
values, a bounded regex over ``doc.prose``:

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

import re
from typing import ClassVar, Literal


from ..diagnostics import Finding
from .base import RuleBase

_LETTER_NUM = re.compile(
    r"(?<![\w.,])(?=[\dOlI]*\d)(?=[\dOlI,]*[OlI])(?:[\dOlI]{1,3}(?:,[\dOlI]{3})+|\d[\dO]*O[\dO]*\d?)(?![\w])"
)
_SPACE_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*)(, | ,)(0\d\d(?:,\d{3})*)(?![\w,.%])")
_RATE_BEFORE = re.compile(r"\b(?P<rate>turnout|unemployment\s+rate|jobless\s+rate|literacy\s+rate|approval\s+rating|"
                          r"vote\s+share|market\s+share|share\s+of\s+the\s+vote)\s+(?:was|is|of|at|stood\s+at|reached|hit)\s+$", re.I)
_OF_POPULATION = re.compile(r"\s+of\s+(?:the\s+|all\s+|those\s+|these\s+|its\s+|their\s+)?(?P<w>[A-Za-z][\w-]*)", re.I)


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
        method = getattr(self, "_" + self.detect.replace("-", "_"))
        yield from method(doc, locale, english)

    # -- grouping -----------------------------------------------------------
    def _grouping(self, doc, locale, english):
        if not english:
            return
        indian_ok = locale.replace("_", "-") in ("en-in", "en-pk", "en-bd", "en-np")
        for q in doc.facts.quantities:
            if q.kind == "phone":
                continue
            if q.form == "malformed" or (q.form == "indian" and not indian_ok):
                tok = q.numeral
                groups = tok.split(".")[0].split(",")
                if len(groups) >= 3 and all(len(g) <= 2 for g in groups):
                    continue  # a list without spaces ("rooms 1,2,3"), not one number
                prose = doc.prose
                if re.search(r"\d[-–]$", prose[max(0, q.num_start - 2):q.num_start]) and \
                        re.match(r"[-–]\d", prose[q.num_end:q.num_end + 2]):
                    continue  # tennis sets "6-4,6-3", not a grouped number
                suggestions = grouping_suggestions(tok, decimal_hint=q.unit == "percent" or q.scale != 1.0)
                yield Finding(q.num_start, q.num_end, {"text": tok, "suggestions": " or ".join(f"'{s}'" for s in suggestions)},
                              suggestions=suggestions)

    # -- foreign separators ---------------------------------------------------
    def _foreign_separator(self, doc, locale, english):
        if not english:
            return
        for q in doc.facts.quantities:
            tok = q.numeral
            if q.form == "foreign":
                pass  # "2.500.000", "1.234,56"
            elif q.form == "decimal" and re.fullmatch(r"\d{1,3}\.\d{3}", tok) and q.scale == 1.0 and (
                (q.kind == "count" and q.noun in self._words and not q.partitive)
                or (q.kind == "money" and q.unit == "EUR")
            ):
                pass
            else:
                continue
            fixed = tok.replace(".", ",") if "," not in tok else tok.replace(".", "\0").replace(",", ".").replace("\0", ",")
            yield Finding(q.num_start, q.num_end, {"text": tok, "suggestions": f"'{fixed}'"}, suggestions=[fixed])

    # -- characters -------------------------------------------------------------
    def _letter_in_number(self, doc, locale, english):
        for m in _LETTER_NUM.finditer(doc.prose):
            tok = m.group()
            if not any(c.isdigit() for c in tok):
                continue
            fixed = tok.translate(str.maketrans({"O": "0", "l": "1", "I": "1"}))
            yield Finding(m.start(), m.end(), {"text": tok, "suggestions": f"'{fixed}'"}, suggestions=[fixed])

    def _space_in_number(self, doc, locale, english):
        for m in _SPACE_NUM.finditer(doc.prose):
            fixed = m.group(1) + "," + m.group(3)
            yield Finding(m.start(), m.end(), {"text": m.group(), "suggestions": f"'{fixed}'"}, suggestions=[fixed])

    # -- impossible values -----------------------------------------------------
    def _share_over_100(self, doc, locale, english):
        prose = doc.prose
        for q in doc.facts.quantities:
            if q.kind != "percent" or q.low <= 100 or q.negative:
                continue
            before = prose[max(0, q.start - 40):q.start].lower()
            m = _OF_POPULATION.match(prose, q.end, min(len(prose), q.end + 60))
            if m and m.group("w").lower() in self._words:
                whole = m.group("w")
                if re.search(r"\b(?:by|rose|up|increase|increased|grew|jumped|more|than|over|above|to)\s+$", before):
                    continue
            else:
                # "turnout was 105%", "an unemployment rate of 120%": a rate that is a share by definition
                r = _RATE_BEFORE.search(before)
                if not r:
                    continue
                whole = r.group("rate")
            yield Finding(q.start, q.end, {"text": q.raw, "value": _fmt(q.value), "whole": whole})

    def _negative_count(self, doc, locale, english):
        for q in doc.facts.quantities:
            if q.negative and q.kind == "count" and q.noun and not q.partitive:
                yield Finding(q.start, q.end, {"text": q.raw, "noun": q.noun})


def _ord_len(prose: str, pos: int) -> int:
    m = re.match(r"st|nd|rd|th", prose[pos:pos + 2])
    return 2 if m else 0


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,}"


def grouping_suggestions(tok: str, decimal_hint: bool = False) -> list[str]:
    """Likely intended numbers for a malformed token, most likely first.

    "9,00" -> ["9,000", "900"]: a digit dropped from a group, or a stray comma.
    "1,0000" -> ["10,000", "1,000"]: a comma one place off, or a digit doubled.
    "12,34,567" -> ["1,234,567"]. With ``decimal_hint`` ("1,5%", "2,5 million") the
    decimal-comma reading ("1.5") comes first.
    """
    whole, _, frac = tok.partition(".")
    groups = whole.split(",")
    digits = "".join(groups)
    regrouped = f"{int(digits):,}" + (("." + frac) if frac else "")
    out: list[str] = []
    if decimal_hint and len(groups) == 2 and len(groups[1]) in (1, 2) and not frac:
        out.append(groups[0] + "." + groups[1])
    short = any(len(g) < 3 for g in groups[1:])
    long_ = any(len(g) > 3 for g in groups[1:])
    if short and not long_ and all(len(g) == 3 for g in groups[1:-1]) and len(groups[0]) <= 3:
        padded = ",".join(groups[:-1] + [groups[-1].ljust(3, "0")])
        out += [padded + (("." + frac) if frac else ""), regrouped]
    elif long_:
        out.append(regrouped)
        trimmed = [g[:3] if i and len(g) > 3 else g for i, g in enumerate(groups)]
        if len(trimmed[0]) <= 3 and all(len(g) == 3 for g in trimmed[1:]):
            out.append(",".join(trimmed) + (("." + frac) if frac else ""))
    else:
        out.append(regrouped)
        if len(groups[0]) > 3 and all(len(g) == 3 for g in groups[1:]):
            out.append(",".join([groups[0][:-1]] + groups[1:]) + (("." + frac) if frac else ""))  # "5000,000"
    seen = []
    for s in out:
        if s != tok and s not in seen:
            seen.append(s)
    return seen
