"""``--format gitlab``: a GitLab Code Quality report (a JSON array of CodeClimate-style issues).

GitLab needs ``description``, ``check_name``, ``fingerprint``, ``severity`` and ``location.path``
with a line. The fingerprint must be unique in the report (GitLab collapses duplicates) and
stable across runs (the merge-request widget diffs base and head by fingerprint): we use the
diagnostic's fingerprint (path, rule, normalised text, occurrence; no line numbers) and re-hash
with a salt in the unlikely case of a collision. The description starts with the rule id,
because GitLab does not show ``check_name``. No BOM, as GitLab requires.
"""

from __future__ import annotations

import hashlib
import json

from . import project_root, repo_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
CATEGORIES = {"style": "Style", "duplication": "Duplication"}


def document(results, run) -> list[dict]:
    root = project_root()
    seen: set[str] = set()
    issues = []
    for r in results:
        for d in r.diagnostics:
            fingerprint = d.fingerprint or hashlib.sha256(f"{d.path}\0{d.rule}\0{d.text}".encode()).hexdigest()[:32]
            salt = 0
            while fingerprint in seen:
                salt += 1
                fingerprint = hashlib.sha256(f"{fingerprint}\0{salt}".encode()).hexdigest()[:32]
            seen.add(fingerprint)
            issues.append({
                "type": "issue",
                "engine_name": "factlint",
                "check_name": d.rule,
                "description": f"{d.rule}: {d.message}",
                "categories": [CATEGORIES.get(d.category, "Bug Risk")],
                "severity": SEVERITIES[d.severity],
                "fingerprint": fingerprint,
                "location": {
                    "path": repo_path(d.path, root) or d.path,
                    "positions": {
                        "begin": {"line": d.line, "column": d.column},
                        "end": {"line": max(d.end_line, d.line), "column": d.end_column},
                    },
                },
            })
    return issues


def report(results, out, run) -> None:
    json.dump(document(results, run), out, ensure_ascii=False, indent=2)
    out.write("\n")
