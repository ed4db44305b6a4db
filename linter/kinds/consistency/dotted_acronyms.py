"""``detect: dotted-acronyms`` -- one abbreviation written with and without full stops: "US" and "U.S.", "DC" and "D.C.".

Why: a house style writes an abbreviation one way; both in one article look careless,
and a reader may wonder whether they are two things. Dotted forms ("U.S.", "D.C.") are
collected first, then the same letters undotted ("US") where a dotted form exists; the
rule's ``ignore`` forms (AM, PM, ...) and skipped blocks (``ignore_blocks``, shouted
headlines) are left out. Reported once per abbreviation, at the first use of the rarer
form, with the prevailing form suggested.

Flagged: U.S. officials met Iraqi ministers. The US embassy said talks went well. U.S. troops stay.
Fine:    The PM met U.S. officials at 9 P.M. on Monday.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .._detectors import detector
from ._common import pair_finding, skipped_block


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}(?!\w)")
_UNDOTTED = re.compile(r"(?<![\w.&$-])[A-Z]{2,4}(?![\w&$-]|\.[A-Za-z])")


@detector("dotted-acronyms")
def dotted_acronyms(rule, doc):
    forms: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    ignore = {i.replace(".", "") for i in rule.ignore}
    for m in _DOTTED.finditer(doc.prose):
        key = m.group().replace(".", "")
        if key not in ignore and not skipped_block(rule, doc, m.start()):
            forms[key][m.group()].append(m.span())
    for m in _UNDOTTED.finditer(doc.prose):
        key = m.group()
        if key in forms and not skipped_block(rule, doc, m.start()):
            forms[key][key].append(m.span())
    for key in sorted(forms, key=lambda k: min(s for v in forms[k].values() for s, _ in v)):
        if len(forms[key]) >= 2:
            yield pair_finding(doc, forms[key])

