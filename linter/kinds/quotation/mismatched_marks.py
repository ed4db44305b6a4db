"""``detect: mismatched-marks`` -- a quote opened with a straight mark and closed with a curly one, or the reverse.

Why: mixed marks on one quote usually mean two drafts or two sources were pasted
together, and the words between the marks deserve a second look too. Matching pairs are
fine: “…”, "…", „…”, «…», ‘…’, '…' and NYT's ''…''. The suggestion rewrites the quote in
the document's prevailing style (curly or straight).

Flagged: He said “we will stay" and left. "Yes," she said. "No," he said.
Fine:    He said "we will stay" and left.
"""

from __future__ import annotations

from ...diagnostics import Finding
from .._detectors import detector


def _style(doc) -> str:
    """The document's prevailing double-quote style: "curly" or "straight"."""
    curly = sum(doc.prose.count(c) for c in "“”")
    return "curly" if curly >= doc.prose.count('"') else "straight"


@detector("mismatched-marks")
def mismatched_marks(rule, doc):
    style = None
    for q in doc.quotes:
        if not q.closed:
            continue
        o, c = q.open_mark, q.close_mark
        if (o == c and o in ('"', "''", "'")) or (o in "“„" and c == "”") or (o == "«" and c == "»") \
                or (o == "‘" and c == "’"):
            continue  # a matching pair (English, German or French typography; NYT's ''…'')
        style = style or _style(doc)
        inner = doc.text[q.inner_start : q.inner_end]
        fixed = f"“{inner}”" if style == "curly" else f'"{inner}"'
        yield Finding(q.start, q.end, {"open": o, "close": c, "match": doc.text[q.start : q.end]},
                      suggestions=[fixed])
