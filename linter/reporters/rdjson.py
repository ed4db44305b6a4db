"""``--format rdjson``: reviewdog's Diagnostic Format (one ``DiagnosticResult``).

    factlint check --format rdjson docs/ | reviewdog -f=rdjson -reporter=github-pr-review

reviewdog counts columns in **UTF-8 bytes** (``a𐐀b``: ``b`` is at column 6), unlike our
code-point columns, so each position is converted from the source line: this format is in
``reporters.NEEDS_SOURCE`` and the CLI keeps each file's text for it. Without the text (the
Python API), the file is re-read; failing that, code-point columns are given unchanged.
Ranges are end-exclusive, as ours are. Suggestions (the safe fix first) become reviewdog
suggestions over the flagged span.
"""

from __future__ import annotations

import json

from ..document import LineIndex
from . import fix_texts, source_text

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "factlint", "url": "https://pypi.org/project/factlint/"}


class ByteColumns:
    """Converts 1-based code-point columns to 1-based UTF-8 byte columns for one text."""

    def __init__(self, text: str | None):
        self.text = text
        self.index = LineIndex(self.text) if self.text is not None else None

    def column(self, line: int, column: int) -> int:
        if self.index is None or not (1 <= line <= len(self.index.starts)):
            return column
        start, end = self.index.line_span(line)
        prefix = self.text[start : min(end, start + max(0, column - 1))]
        return len(prefix.encode("utf-8", "surrogatepass")) + 1 + max(0, column - 1 - len(prefix))


def _range(cols: ByteColumns, line, column, end_line, end_column) -> dict:
    return {"start": {"line": line, "column": cols.column(line, column)},
            "end": {"line": max(end_line, line), "column": cols.column(end_line, end_column)}}


def diagnostic(d, cols: ByteColumns, run=None) -> dict:
    rng = _range(cols, d.line, d.column, d.end_line, d.end_column)
    out = {
        "message": d.message,
        "location": {"path": d.path, "range": rng},
        "severity": SEVERITIES[d.severity],
        "source": SOURCE,
        "code": {"value": d.rule},
    }
    link = getattr((run.rules if run else {}).get(d.rule), "link", None)
    if link:
        out["code"]["url"] = link
    fixes = fix_texts(d)
    if fixes:
        out["suggestions"] = [{"range": rng, "text": s} for s in fixes]
    if d.related:
        out["related_locations"] = [
            {"message": rel.message,
             "location": {"path": rel.path or d.path,
                          "range": _range(cols, rel.line, rel.column, rel.end_line, rel.end_column)}}
            for rel in d.related if (rel.path or d.path) == d.path
        ]
    return out


def document(results, run) -> dict:
    diagnostics = []
    for r in results:
        if not r.diagnostics:
            continue
        cols = ByteColumns(source_text(r))
        diagnostics.extend(diagnostic(d, cols, run) for d in r.diagnostics)
    return {"source": SOURCE, "diagnostics": diagnostics}


def report(results, out, run) -> None:
    json.dump(document(results, run), out, ensure_ascii=False, indent=2)
    out.write("\n")
