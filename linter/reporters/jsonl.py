"""``--format jsonl``: one JSON object per finding per line (the version-1 diagnostic object
of ``--format json``), no envelope and no summary, so output can be streamed, concatenated
across runs and read with ``jq -c`` or line by line. A clean run prints nothing."""

from __future__ import annotations

import json


def report(results, out, run) -> None:
    for r in results:
        for d in r.diagnostics:
            line = json.dumps(d.to_dict(), ensure_ascii=False, separators=(",", ":"))
            # U+2028/2029 are valid in JSON strings but are line breaks to splitlines() readers
            out.write(line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n")
