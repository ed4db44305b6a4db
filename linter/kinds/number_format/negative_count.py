"""``detect: negative-count`` -- a negative number of things: "-5 people".

Why: a minus sign before a count is usually a stray hyphen from a range or a list, and
a count of things cannot be below zero. Only counts that name what they count and are
not partitive are reported: temperatures and changes ("-5C", "fell by 5") are not counts.

Flagged: The boat carried -5 people.
Fine:    It was -5C overnight and 5-10 people came; turnout fell by 5 people.
"""

from __future__ import annotations

from ...diagnostics import Finding
from .._detectors import detector


@detector("negative-count")
def negative_count(rule, doc, locale, english):
    for q in doc.facts.quantities:
        if q.negative and q.kind == "count" and q.noun and not q.partitive:
            yield Finding(q.start, q.end, {"text": q.raw, "noun": q.noun})
