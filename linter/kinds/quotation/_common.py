"""What several quotation detectors share: the nested quotes of a document (``unclosed``
lets their marks go, ``nested`` reports them)."""

from __future__ import annotations

import re

from ...document import per_document


@per_document
def nested_marks(doc) -> dict[int, tuple[int, int]]:
    """Curly double quotes nested in curly double quotes, per block: the inner quote's
    open and close offsets, keyed by all four marks. Only the unambiguous pattern
    “ … “ … ” … ” (outer closed after the inner) counts."""
    found: dict[int, tuple[int, int]] = {}
    prose = doc.prose
    for b in doc.blocks:
        marks = [(m.start(), m.group()) for m in re.finditer("[“”]", prose[b.start : b.end])]
        for k in range(len(marks) - 3):
            (a, ma), (bb, mb), (c, mc), (d, md) = marks[k : k + 4]
            if (ma, mb, mc, md) == ("“", "“", "”", "”"):
                inner = (b.start + bb, b.start + c)
                for at in (a, bb, c, d):  # the outer marks too: they are not unpaired
                    found[b.start + at] = inner
    return found
