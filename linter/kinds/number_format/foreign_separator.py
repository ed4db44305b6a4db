"""``detect: foreign-separator`` -- dots as thousands separators in English: "1.000 people", "2.500.000".

Why: in English a dot is the decimal point, so "1.000 people" reads as one person to
three decimal places. Copy translated or pasted from German, Spanish or Italian keeps the
dot. Reported: numbers the number parser calls foreign ("2.500.000", "1.234,56"), and a
single dotted group ("1.000") counting a noun of the rule's word list or giving a euro
amount. The suggestion swaps dots and commas. Off for a non-English ``locale``.

Flagged: About 1.000 people marched.
Fine:    The race was 1.500 kilometres long and the rate 1.125 percent.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding
from .._detectors import detector


@detector("foreign-separator")
def foreign_separator(rule, doc, locale, english):
    if not english:
        return
    for q in doc.facts.quantities:
        tok = q.numeral
        if q.form == "foreign":
            pass  # "2.500.000", "1.234,56"
        elif q.form == "decimal" and re.fullmatch(r"\d{1,3}\.\d{3}", tok) and q.scale == 1.0 and (
            (q.kind == "count" and q.noun in rule._words and not q.partitive)
            or (q.kind == "money" and q.unit == "EUR")
        ):
            pass
        else:
            continue
        fixed = tok.replace(".", ",") if "," not in tok else tok.replace(".", "\0").replace(",", ".").replace("\0", ",")
        yield Finding(q.num_start, q.num_end, {"text": tok, "suggestions": f"'{fixed}'"}, suggestions=[fixed])
