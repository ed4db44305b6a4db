"""``detect: space-in-number`` -- a space inside a grouped number: "43, 000", "43 ,000".

Why: a space next to the thousands comma splits one number into two, for readers and
for every tool that reads the text. Only a group starting with 0 is reported, since no
number is written with a leading zero: "In 2015, 200 people" is two numbers.

Flagged: Some 43, 000 people live there.
Fine:    In 2015, 200 people and in 2016, 300 people, 1, 2 and 3.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding
from .._detectors import detector

_SPACE_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*)(, | ,)(0\d\d(?:,\d{3})*)(?![\w,.%])")


@detector("space-in-number")
def space_in_number(rule, doc, locale, english):
    for m in _SPACE_NUM.finditer(doc.prose):
        fixed = m.group(1) + "," + m.group(3)
        yield Finding(m.start(), m.end(), {"text": m.group(), "suggestions": f"'{fixed}'"}, suggestions=[fixed])
