"""``detect: nested`` -- double quotation marks inside a double quote: “He told me “no” three times.”

Why: a quotation inside a quotation takes single marks (“He told me ‘no’”); double marks
inside double marks make the reader lose track of who says what, and often mean the
outer quote was closed in the wrong place. Only the unambiguous curly pattern
“ … “ … ” … ” in one block counts; the suggestion is the inner quote in single marks.

Flagged: “He told me “no” three times,” she said.
Fine:    “He told me ‘no’ three times,” she said. “Fine,” he said.
"""

from __future__ import annotations

from ...diagnostics import Finding
from .._detectors import detector
from ._common import nested_marks


@detector("nested")
def nested(rule, doc):
    seen = set()
    for start, end in nested_marks(doc).values():
        if start in seen:
            continue
        seen.add(start)
        inner = doc.text[start + 1 : end]
        yield Finding(start, end + 1, {"match": doc.text[start : end + 1]}, suggestions=[f"‘{inner}’"])
