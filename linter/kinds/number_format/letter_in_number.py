"""``detect: letter-in-number`` -- a letter typed for a digit: "4O,000", "1l,500".

Why: a capital O for a zero or a lower-case l (or capital I) for a one looks right on
screen but is not a number: search, screen readers and data exports all get it wrong.
Reported: a grouped number with O, l or I among its digits ("4O,000", "1l,500"), and
digits with a capital O among them ("1O0"); "3D", "MiG-29" and "OO7" are words. The
suggestion is the number with the letters read as digits.

Flagged: Some 4O,000 people fled.
Fine:    Some 40,000 people fled in 3D and 4G, and the MiG-29 flew over OO7.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding
from .._detectors import detector

_LETTER_NUM = re.compile(
    r"(?<![\w.,])(?=[\dOlI]*\d)(?=[\dOlI,]*[OlI])(?:[\dOlI]{1,3}(?:,[\dOlI]{3})+|\d[\dO]*O[\dO]*\d?)(?![\w])"
)


@detector("letter-in-number")
def letter_in_number(rule, doc, locale, english):
    for m in _LETTER_NUM.finditer(doc.prose):
        tok = m.group()
        if not any(c.isdigit() for c in tok):
            continue
        fixed = tok.translate(str.maketrans({"O": "0", "l": "1", "I": "1"}))
        yield Finding(m.start(), m.end(), {"text": tok, "suggestions": f"'{fixed}'"}, suggestions=[fixed])
