"""What both temporal detectors share: how a time resolved, for messages, and the finding
on the later of two times that contradict each other."""

from __future__ import annotations

from ...diagnostics import Finding, Related


def value_of(t) -> str:
    """How a time resolved, for messages: "2024", "September 2025", "2024-09-23 to 2024-09-29"."""
    if t.low and t.high and t.low.year == t.high.year and t.granularity == "year":
        return str(t.low.year)
    return t.describe()


def finding(doc, t, others, event: str) -> Finding:
    """The finding on the later time ``t``; every earlier conflicting time is related."""
    first = others[0]
    values = {
        "this": doc.text[t.start:t.end], "this_value": value_of(t),
        "other": doc.text[first.start:first.end], "other_value": value_of(first),
        "other_line": doc.line_of(first.start), "event": event,
    }
    return Finding(t.start, t.end, values, related=[Related(o.start, o.end, "first stated here") for o in others])
