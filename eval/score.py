"""Scoring: does a diagnostic cover an injected error, and how well?

Diagnostics are plain dicts (picklable, no linter import needed)::

    {"rule": "N101", "name": "...", "category": "number", "severity": "error",
     "start": 10, "end": 15, "message": "...", "related": [(3, 8), ...], "default": True}

Match levels, best first: ``exact`` (same span), ``half`` (intersection over
union >= 0.5), ``any`` (at least one shared character). For a two-sided error
(a contradiction, a duplicate) every side must be covered by the diagnostic's
span or one of its ``related`` spans, and the pair's level is the weaker side's.
For a one-sided error with several spans ("12 of the 8": part and whole), the
best of the spans and of their hull counts.
"""

from __future__ import annotations

from typing import Iterable

LEVELS = ("exact", "half", "any")  # best first
_RANK = {None: 0, "any": 1, "half": 2, "exact": 3}

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_level(d: Span, g: Span) -> str | None:
    if d == g:
        return "exact"
    inter = overlap(d, g)
    if inter <= 0:
        return None
    union = max(a[1] for a in (d, g)) - min(a[0] for a in (d, g))
    return "half" if inter / union >= 0.5 else "any"


def _best(levels: Iterable[str | None]) -> str | None:
    return max(levels, key=lambda lv: _RANK[lv], default=None)


def diag_spans(diag: dict) -> list[Span]:
    return [(diag["start"], diag["end"])] + [tuple(r) for r in diag.get("related", ())]


def match_level(diag: dict, spans: list[Span], two_sided: bool) -> str | None:
    """How well one diagnostic covers the injected span(s), category aside."""
    ds = diag_spans(diag)
    if two_sided:
        per_side = [_best(span_level(d, g) for d in ds) for g in spans]
        return min(per_side, key=lambda lv: _RANK[lv]) if per_side else None
    targets = list(spans)
    if len(spans) > 1:
        targets.append((min(s for s, _ in spans), max(e for _, e in spans)))
    return _best(span_level(d, g) for d in ds for g in targets)


def touches(diag: dict, spans: list[Span]) -> bool:
    """The diagnostic (or one of its related spans) shares a character with an injected span."""
    return any(overlap(d, g) > 0 for d in diag_spans(diag) for g in spans)


def best_hit(diags: list[dict], spans: list[Span], category: str, two_sided: bool) -> str | None:
    """Best match level among diagnostics of the expected category (None = miss)."""
    return _best(match_level(d, spans, two_sided) for d in diags if d["category"] == category)


def is_preexisting(diag: dict, clean_keys: set, to_original) -> bool:
    """Was this diagnostic of the injected copy already raised on the clean original?
    ``to_original`` maps a copy offset to the original (None inside an edit)."""
    start = to_original(diag["start"])
    end = to_original(diag["end"] - 1) if diag["end"] > diag["start"] else start
    if start is None or end is None:
        return False
    return (diag["rule"], start, end + (1 if diag["end"] > diag["start"] else 0)) in clean_keys


def clean_key_set(diags: list[dict]) -> set:
    return {(d["rule"], d["start"], d["end"]) for d in diags}


def score_copy(clean: list[dict], copy: list[dict], spans: list[Span], category: str,
               two_sided: bool, to_original) -> dict:
    """Everything one injected copy contributes to recall and precision."""
    keys = clean_key_set(clean)
    new = [d for d in copy if not is_preexisting(d, keys, to_original)]
    return {
        "level": best_hit(copy, spans, category, two_sided),
        # categories that flagged the injected span at all (for the confusion table)
        "flagged_as": sorted({d["category"] for d in copy if touches(d, spans)}),
        # new diagnostics: true when they touch the injected error
        "new": [{"rule": d["rule"], "category": d["category"], "severity": d["severity"],
                 "default": d.get("default", True), "true": touches(d, spans)} for d in new],
    }


def recall_table(rows: list[dict]) -> dict:
    """rows: {"type", "level"} -> per type {n, any, half, exact} as rates."""
    out: dict[str, dict] = {}
    for r in rows:
        t = out.setdefault(r["type"], {"n": 0, "exact": 0, "half": 0, "any": 0})
        t["n"] += 1
        rank = _RANK[r["level"]]
        for lv in LEVELS:
            if rank >= _RANK[lv]:
                t[lv] += 1
    for t in out.values():
        for lv in LEVELS:
            t[f"recall_{lv}"] = round(t[lv] / t["n"], 3) if t["n"] else None
        t["ci95_any"] = wilson(t["any"], t["n"])
    return out


def wilson(k: int, n: int, z: float = 1.96) -> list[float] | None:
    """95% Wilson score interval of a proportion k/n."""
    if not n:
        return None
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return [round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3)]


def precision_table(new_diags: Iterable[dict]) -> dict:
    """new_diags: {"category", "true"} -> per category {tp, fp, precision}."""
    out: dict[str, dict] = {}
    for d in new_diags:
        c = out.setdefault(d["category"], {"tp": 0, "fp": 0})
        c["tp" if d["true"] else "fp"] += 1
    for c in out.values():
        tot = c["tp"] + c["fp"]
        c["precision"] = round(c["tp"] / tot, 3) if tot else None
        c["ci95"] = wilson(c["tp"], tot)
    return out


def per_thousand(count: int, words: int) -> float:
    return round(1000 * count / words, 3) if words else 0.0
