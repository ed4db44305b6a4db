"""``detect: unclosed`` -- a quotation mark never closed in its paragraph, or a curly closing mark with nothing open.

Why: a quote that is never closed leaves the reader unsure where the speaker's words
end and the writer's begin; a closing mark with nothing open is the other half of the
same slip. Let go: a quote running on into the next paragraph when that paragraph
opens with a quotation mark (the convention), or across a paragraph break the text has
lost (“A. “B); straight double marks, which may be inch marks or scraping remnants; and
the marks of a nested quote (``nested`` reports those).

Flagged: Blinken said we will stay in Iraq” and left the room.
Fine:    “We will stay in Iraq,” Blinken said.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding
from .._detectors import detector
from ._common import nested_marks


@detector("unclosed")
def unclosed(rule, doc):
    nested = nested_marks(doc)
    used: set[int] = set()
    blocks = doc.blocks
    for q in doc.quotes:
        used.add(q.start)
        if q.closed:
            used.add(q.end - 1)
            continue
        if q.start in nested or q.open_mark in ('"', "''"):
            continue  # a straight mark may be an inch mark or a scraping remnant: too ambiguous
        if doc.prose[q.start : q.end].rstrip().endswith((".", "!", "?", "…")) and doc.quote_at(q.end) is not None:
            continue  # “A. “B: the run-on convention across a paragraph break the text has lost
        bi = doc.block_at(q.start)
        if bi is not None and bi + 1 < len(blocks):
            nxt = doc.prose[blocks[bi + 1].start : blocks[bi + 1].start + 1]
            if nxt and nxt in "“„«\"":
                continue  # a quote running on into the next paragraph
        yield Finding(q.start, q.start + 1, {"mark": q.open_mark},
                      message=f"Quotation mark {q.open_mark} is never closed in this paragraph")
    # a curly closing mark with nothing open
    for m in re.finditer("”", doc.prose):
        i = m.start()
        if i in used or i in nested:
            continue
        yield Finding(i, i + 1, {"mark": "”"}, message="Closing quotation mark ” with no opening mark before it")
