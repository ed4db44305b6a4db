"""``--format json``: the version-1 contract (README, "Output")."""

from __future__ import annotations

import json

from . import summary_counts


def document(results, run) -> dict:
    return {
        "version": 1,
        "tool": {"name": "factlint", "version": run.version},
        "summary": summary_counts(results),
        "diagnostics": [d.to_dict() for r in results for d in r.diagnostics],
    }


def report(results, out, run) -> None:
    json.dump(document(results, run), out, ensure_ascii=False, indent=2)
    out.write("\n")
