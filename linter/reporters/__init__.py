"""Reporters: one module per ``--format``, each with ``report(results, out, run)``.

``results`` is the list of :class:`~linter.engine.FileResult`; ``run`` is a
:class:`RunInfo` with what a format may need besides the diagnostics (rule
metadata, colour, the tool version). A new format is one new module here.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


@dataclass
class RunInfo:
    version: str
    rules: dict = field(default_factory=dict)  # id -> rule (RuleBase or MetaRule)
    color: bool = False
    excerpt: bool = False
    fail_on: str = "warning"


def formats() -> list[str]:
    return sorted(
        i.name.replace("_", "-").removesuffix("-") for i in pkgutil.iter_modules(__path__) if not i.name.startswith("_")
    )


def get(name: str):
    module = name.replace("-", "_")
    if module == "json":
        module = "json_"
    return importlib.import_module(f"{__name__}.{module}")


# Which formats need the source text of each file (for excerpts or a proof view).
NEEDS_SOURCE = {"text", "html", "rdjson"}  # rdjson: UTF-8 byte columns


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 file"``, ``"2 files"``, ``"3 entries"`` (``many`` for an irregular plural)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def summary_counts(results) -> dict:
    counts = {"files": len(results), "errors": 0, "warnings": 0, "infos": 0}
    for r in results:
        for d in r.diagnostics:
            counts[d.severity + "s"] += 1
    return counts


def source_text(result) -> str | None:
    """A file's text for formats and baselines that need it: the copy the CLI kept
    (``FileResult.text``), else the file re-read; None for stdin or an unreadable file.
    Without a BOM, as the document model reads it, so lines and columns line up."""
    text = result.text
    if text is None:
        if result.path in ("", "-"):
            return None
        from ..encoding import decode

        try:
            text = decode(Path(result.path).read_bytes())[0]  # as the linter decoded it
        except (OSError, ValueError):
            return None
        if text is None:
            return None
    return text.removeprefix("\ufeff")


def fix_texts(d) -> list[str]:
    """The replacements to offer for a diagnostic: its safe fix first, then the other
    suggestions (the fix is usually one of them too; it is offered once)."""
    return ([d.fix] if d.fix is not None else []) + [s for s in d.suggestions if s != d.fix]


def project_root() -> Path:
    """The folder paths are reported relative to (sarif, github, gitlab): the CI workspace,
    the git work tree, or cwd."""
    for var in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        value = os.environ.get(var)
        if value and os.path.isdir(value):
            return Path(value).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def repo_path(path: str, root: Path | None = None) -> str | None:
    """``path`` relative to the project root in POSIX form, or None when it lies outside it
    (or is stdin)."""
    if path in ("", "-"):
        return None
    return _repo_path(os.path.abspath(path), root or project_root())  # cwd-independent cache key


@lru_cache(maxsize=4096)  # one filesystem look-up per file, not per finding
def _repo_path(path: str, root: Path) -> str | None:
    try:
        rel = Path(path).resolve().relative_to(root)
    except (ValueError, OSError):
        return None
    return rel.as_posix()
