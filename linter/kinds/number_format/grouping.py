"""``detect: grouping`` -- thousands groups of the wrong size: "9,00", "1,0000", "12,34,567".

Why: thousands separators come every three digits. A group of two or four digits means
a digit was dropped or doubled, or a comma slipped, and the reader cannot tell which
number was meant. The suggestions are the likely intended numbers
(:func:`grouping_suggestions`), never an automatic fix: only the writer knows whether
"9,00" was "9,000" or "900". Lakh grouping ("12,34,567") is accepted when ``locale`` is
en-IN (or en-PK, en-BD, en-NP); a list without spaces ("rooms 1,2,3"), tennis sets
("6-4,6-3") and phone numbers are not numbers; the check is off for other languages.

Flagged: They contain some 43,000 people, including 9,00 fighters.
Fine:    They contain some 43,000 people, including 9,000 fighters.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding
from .._detectors import detector


@detector("grouping")
def grouping(rule, doc, locale, english):
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
