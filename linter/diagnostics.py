"""Diagnostics: what a check found, where, and what to do about it.

A check yields :class:`Finding` objects (offsets only); the engine turns them into
:class:`Diagnostic` objects with line/column positions, the rule's metadata and a
fingerprint. Both are plain dataclasses, so they pickle across process pools.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(slots=True)
class Related:
    """The other place a finding points at ("first stated here"), located like the finding itself."""

    start: int
    end: int
    message: str
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
        }


@dataclass(slots=True)
class Finding:
    """A raw result from a check: a span, the values for the message template, fixes."""

    start: int
    end: int
    values: dict = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    fix: str | None = None  # a safe replacement applied by --fix (substitutions only)
    message: str | None = None  # overrides the rule's template when set
    severity: str | None = None  # a lower severity for this finding (a genre where the rule only advises)


@dataclass(slots=True)
class Diagnostic:
    """One finding as reporters see it: the rule, the message and the exact span, as offsets and as
    line:column."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    severity: str
    rule: str
    name: str
    category: str
    message: str
    text: str
    suggestions: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    fingerprint: str = ""
    fix: str | None = None

    def sort_key(self):
        return (self.path, self.start, self.end, self.rule, self.message)

    def to_dict(self) -> dict:
        """The version-1 JSON contract (see README, "Output")."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "severity": self.severity,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "message": self.message,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "related": [r.to_dict() for r in self.related],
            "fingerprint": self.fingerprint,
        }


def normalized_text(text: str) -> str:
    """The flagged text as fingerprints and baselines compare it: spacing and case folded."""
    return " ".join(text.split()).lower()


def assign_fingerprints(diagnostics: list[Diagnostic]) -> None:
    """Stable ids that survive lines inserted above: path, rule, text and occurrence number.

    Positions are deliberately left out, so a baseline keeps matching after edits
    elsewhere in the article.
    """
    seen: dict[tuple, int] = {}
    for d in diagnostics:
        key = (d.path, d.rule, normalized_text(d.text))
        n = seen.get(key, 0)
        seen[key] = n + 1
        raw = "\0".join((key[0].replace("\\", "/"), key[1], key[2], str(n)))
        d.fingerprint = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]
