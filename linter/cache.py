"""Lint results kept in the cache folder, so an unchanged file costs almost nothing.

The folder, the key scheme and the switches are :mod:`linter.cachedir`'s (one place for
every cache). A result is stored under a key that hashes everything that can change it:

- the file's decoded text and the path it is shown as (diagnostics carry the path,
  per-path overrides and Markdown and HTML detection depend on it); for a Word document,
  the text its reader made and the structure it read besides (styles, date);
- the rules: every rule pack in use (:func:`linter.cachedir.pack_fingerprint`) and the
  selected rule ids;
- the effective configuration (``Config.to_json()``: select, ignore, severity,
  per-path overrides, ``--date``, ...);
- the code (:func:`linter.cachedir.key`: factlint's version and every module's bytes).

The cache therefore never changes results; it only skips work. An entry that cannot be
read or parsed is ignored (and overwritten). ``--no-cache`` or ``FACTLINT_NO_CACHE=1``
turn it off (the test suite sets it: tests monkeypatch code that the key cannot see; the
code itself never asks whether it runs under a test).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import cachedir
from .diagnostics import Diagnostic, Related


def run_fingerprint(config, rules) -> str:
    """Hash of the code, the rule packs, the effective config and the selected rules."""
    from .ruleset import builtin_rules_dir

    dirs = ([str(builtin_rules_dir())] if config.builtin_rules else []) + list(config.rules)
    packs = [f"{d}\0{cachedir.pack_fingerprint(d)}" for d in dirs]
    return cachedir.key("results", *packs, config.to_json(), ",".join(r.id for r in rules))


class ResultCache:
    """Lint results on disk, keyed by :meth:`key`. Every failure is a silent miss."""

    def __init__(self, folder: str | os.PathLike, run_key: str):
        self.folder = Path(folder)
        self.run_key = run_key
        self.hits = 0
        self.misses = 0

    def key(self, text: str, shown_path: str) -> str:
        h = hashlib.sha256(self.run_key.encode())
        h.update(b"\0path\0" + shown_path.encode("utf-8", "surrogatepass"))
        h.update(b"\0text\0" + text.encode("utf-8", "surrogatepass"))
        structure = getattr(text, "structure", None)  # a Word document's styles and date (formats/docx.py)
        if structure:
            h.update(b"\0structure\0" + structure.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def get(self, key: str):
        """``(diagnostics, document_date, date_source)`` or None."""
        raw = cachedir.read("results", key, self.folder)
        try:
            diagnostics = [_diagnostic(d) for d in raw["diagnostics"]]
            result = (diagnostics, raw.get("document_date"), str(raw.get("date_source", "")))
        except (ValueError, TypeError, KeyError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, diagnostics: list[Diagnostic], document_date: str | None, date_source: str) -> None:
        cachedir.write("results", key, {"document_date": document_date, "date_source": date_source,
                                        "diagnostics": [_plain(d) for d in diagnostics]}, self.folder)


def _plain(d: Diagnostic) -> dict:
    return {
        "path": d.path, "start": d.start, "end": d.end, "line": d.line, "column": d.column,
        "end_line": d.end_line, "end_column": d.end_column, "severity": d.severity, "rule": d.rule,
        "name": d.name, "category": d.category, "message": d.message, "text": d.text,
        "suggestions": list(d.suggestions), "fingerprint": d.fingerprint, "fix": d.fix,
        "related": [{"start": r.start, "end": r.end, "message": r.message, "path": r.path, "line": r.line,
                     "column": r.column, "end_line": r.end_line, "end_column": r.end_column} for r in d.related],
    }


def _diagnostic(raw: dict) -> Diagnostic:
    fields = dict(raw)
    fields["related"] = [Related(**r) for r in fields.get("related", [])]
    d = Diagnostic(**fields)
    if not all(isinstance(v, int) for v in (d.start, d.end, d.line, d.column, d.end_line, d.end_column)):
        raise TypeError("bad position")
    if not all(isinstance(v, str) for v in (d.path, d.severity, d.rule, d.name, d.message, d.text)):
        raise TypeError("bad field")
    return d


def open_cache(config, rules) -> ResultCache | None:
    """A cache for this run, or None when results are not cached (``--no-cache``,
    ``FACTLINT_NO_CACHE``) or the cache folder cannot be used."""
    if not cachedir.results_enabled():
        return None
    where = cachedir.folder()
    return ResultCache(where, run_fingerprint(config, rules)) if where is not None else None
