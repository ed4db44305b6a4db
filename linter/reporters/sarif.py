"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

Choices that matter to consumers:

- ``columnKind`` is ``unicodeCodePoints``: our columns count code points (Python ``str``
  indices), the same as the text and JSON output, so no conversion happens here.
- URIs are relative to the project root (``$GITHUB_WORKSPACE``, ``$CI_PROJECT_DIR``, else the
  enclosing git work tree, else the working folder) with ``uriBaseId: "SRCROOT"`` and the root
  given in ``originalUriBaseIds``; GitHub wants repo-relative paths, and a relative URI keeps
  the file byte-identical across machines.
- ``partialFingerprints["factlintFingerprint/v1"]`` is the diagnostic's fingerprint (path, rule,
  normalised text, occurrence: no positions), so alerts survive lines inserted above them.
- Each rule referenced by a result is described once in ``tool.driver.rules`` with the short
  and full description and the help text that ``factlint explain`` prints.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from . import project_root, repo_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/factlint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "factlintFingerprint/v1"
_LIMIT = 1024  # the schema's recommendation (GitHub's limit) for description texts


def artifact_location(path: str, root: Path) -> dict:
    rel = repo_path(path, root)
    if rel is not None:
        return {"uri": quote(rel, safe="/"), "uriBaseId": "SRCROOT"}
    if path in ("", "-"):
        return {"uri": "stdin"}
    return {"uri": Path(os.path.abspath(path)).as_uri()}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": max(1, line), "startColumn": max(1, column),
            "endLine": max(1, end_line, line), "endColumn": max(1, end_column)}


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    for i, ch in enumerate(flat):
        if ch in ".!?" and (i + 1 == len(flat) or flat[i + 1] == " "):
            return flat[: i + 1]
    return flat


def _clip(text: str) -> str:
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


def help_text(rule) -> tuple[str, str]:
    """Plain-text and Markdown help, the substance of ``factlint explain ID``."""
    description = " ".join((getattr(rule, "description", "") or "").split())
    lines, md = [description], [description, ""]
    examples = getattr(rule, "examples", None) or []
    if examples:
        lines.append("Examples:")
        md += ["**Examples**", ""]
        for ex in examples:
            verdict, text = ex.summary()
            lines.append(f"{verdict}: {text}")
            md.append(f"- {verdict}: {text}")
    link = getattr(rule, "link", None)
    if link:
        lines.append(f"More: {link}")
        md += ["", f"More: <{link}>"]
    return "\n".join(lines), "\n".join(md).strip()


def rule_descriptor(rule_id: str, rule, fallback_name: str, fallback_severity: str) -> dict:
    description = " ".join((getattr(rule, "description", "") or "").split()) or rule_id
    text, markdown = help_text(rule) if rule is not None else (description, description)
    category = getattr(rule, "category", "") or ""
    severity = getattr(rule, "severity", fallback_severity)
    out = {
        "id": rule_id,
        "name": getattr(rule, "name", fallback_name) or fallback_name,
        "shortDescription": {"text": _clip(_first_sentence(description))},
        "fullDescription": {"text": _clip(description)},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning"),
                                 "enabled": bool(getattr(rule, "enabled", True))},
        "properties": {"tags": [category] if category else [],
                       "problem.severity": {"info": "recommendation"}.get(severity, severity)},
    }
    link = getattr(rule, "link", None)
    if link:
        out["helpUri"] = link
    return out


def document(results, run) -> dict:
    root = project_root()
    rule_index: dict[str, int] = {}
    rules: list[dict] = []
    sarif_results: list[dict] = []
    for r in results:
        for d in r.diagnostics:
            if d.rule not in rule_index:
                rule_index[d.rule] = len(rules)
                rules.append(rule_descriptor(d.rule, run.rules.get(d.rule), d.name, d.severity))
            location = artifact_location(d.path, root)
            res = {
                "ruleId": d.rule,
                "ruleIndex": rule_index[d.rule],
                "level": LEVELS[d.severity],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": location,
                    "region": {**_region(d.line, d.column, d.end_line, d.end_column),
                               **({"snippet": {"text": d.text}} if d.text else {})},
                }}],
                "partialFingerprints": {FINGERPRINT_KEY: d.fingerprint},
                "properties": {"name": d.name, "category": d.category},
            }
            if d.suggestions:
                res["properties"]["suggestions"] = list(d.suggestions)
            if d.related:
                res["relatedLocations"] = [
                    {"id": i + 1,
                     "physicalLocation": {
                         "artifactLocation": artifact_location(rel.path or d.path, root),
                         "region": _region(rel.line, rel.column, rel.end_line, rel.end_column)},
                     "message": {"text": rel.message}}
                    for i, rel in enumerate(d.related)
                ]
            if d.fix is not None:
                res["fixes"] = [{
                    "description": {"text": f"Replace with '{d.fix}'"},
                    "artifactChanges": [{
                        "artifactLocation": location,
                        "replacements": [{
                            "deletedRegion": _region(d.line, d.column, d.end_line, d.end_column),
                            "insertedContent": {"text": d.fix},
                        }],
                    }],
                }]
            sarif_results.append(res)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint",
                "version": run.version,
                "semanticVersion": run.version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "automationDetails": {"id": "factlint/"},
            "originalUriBaseIds": {"SRCROOT": {"uri": root.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def report(results, out, run) -> None:
    json.dump(document(results, run), out, ensure_ascii=False, indent=2)
    out.write("\n")
