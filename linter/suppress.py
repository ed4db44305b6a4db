"""Inline suppressions, written as HTML comments in Markdown, plain text and HTML alike::

    <!-- factlint-disable N101, A201 -- reason -->   ... <!-- factlint-enable N101, A201 -->
    <!-- factlint-disable-next-line N101 -->
    <!-- factlint-disable -->                         (every rule, to the end or an enable)

A directive that suppresses nothing is itself reported (F002, like ruff's RUF100).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"^factlint-(disable-next-line|disable-line|disable|enable)\b\s*(.*)$", re.S)


@dataclass
class Directive:
    """A ``factlint-disable…``/``enable`` comment: where it is, what it turns off, and whether it was
    needed (F002)."""

    start: int
    end: int
    action: str
    ids: list[str]  # empty = every rule
    lo: int = 0  # suppressed offset range [lo, hi)
    hi: int = 0
    used: bool = False
    closed_by: list["Directive"] = field(default_factory=list)


def parse_directives(doc) -> list[Directive]:
    """The directives of ``doc.comments``. Comments, lines and the ranges they cover are in the
    source (the file as written: for HTML the page, not its prose), as diagnostics are."""
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    source, index = doc.source, doc.source_index
    for start, end, body in doc.comments:
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        action, rest = m.group(1), m.group(2).split("--", 1)[0]
        ids = [t for t in re.split(r"[\s,]+", rest.strip()) if t]
        d = Directive(start, end, action, ids)
        line = index.position(start)[0]
        if action == "disable-next-line":
            nxt = line + 1
            n_lines = len(index.starts)
            while nxt <= n_lines:
                s, e = index.line_span(nxt)
                if source[s:e].strip():
                    break
                nxt += 1
            d.lo, d.hi = index.line_span(min(nxt, n_lines)) if nxt <= n_lines else (len(source), len(source))
        elif action == "disable-line":
            d.lo, d.hi = index.line_span(line)
        elif action == "disable":
            d.lo, d.hi = end, len(source)
            open_ranges.append(d)
        else:  # enable: closes matching open ranges (closed ones leave the list)
            still_open = []
            for o in open_ranges:
                if not ids or set(o.ids) & set(ids) or not o.ids:
                    o.hi = start
                else:
                    still_open.append(o)
            open_ranges = still_open
            continue
        directives.append(d)
    return directives


def _keys(rule: str) -> list[str]:
    """The directive ids that can cover ``rule``: every rule (""), the id, its letter prefixes."""
    letters = len(rule) - len(rule.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return ["", rule, *(rule[:k] for k in range(1, letters + 1))]


def apply(doc, diagnostics, directives):
    """Drop suppressed diagnostics; mark the directives that were used.

    One sweep in offset order: a directive joins a heap per id it names once the
    sweep reaches its range and leaves it when the range ends, so the cost is
    O((diagnostics + directives) log directives) even with thousands of directives.
    """
    import heapq

    pending = sorted(directives, key=lambda d: d.lo)
    active: dict[str, list] = {}
    nxt = 0
    kept = []
    for diag in sorted(diagnostics, key=lambda x: x.start):
        while nxt < len(pending) and pending[nxt].lo <= diag.start:
            d = pending[nxt]
            for key in d.ids or [""]:
                heapq.heappush(active.setdefault(key, []), (max(d.hi, d.lo + 1), nxt, d))
            nxt += 1
        hit = None
        for key in _keys(diag.rule):
            heap = active.get(key)
            while heap and heap[0][0] <= diag.start:
                heapq.heappop(heap)
            if heap:
                hit = heap[0][2]
                break
        if hit is None:
            kept.append(diag)
        else:
            hit.used = True
    return kept
