"""A content-hash cache of lint results, so an unchanged file costs almost nothing.

A result is stored under a key that hashes everything that can change it:

- the file's decoded text and the path it is shown as (diagnostics carry the path,
  per-path overrides and Markdown and HTML detection depend on it); for a Word document,
  the text its reader made and the structure it read besides (styles, date);
- the rules: the bytes of every rule and word-list file of the built-in pack and of
  each ``--rules`` pack, and the selected rule ids;
- the effective configuration (``Config.to_json()``: select, ignore, severity,
  per-path overrides, ``--date``, ...);
- the code: factlint's version and the bytes of every module of the ``linter``
  package, so a changed check (or a development checkout) never reads stale results.

The cache therefore never changes results; it only skips work. Each entry is one
small JSON file written atomically (temp file + rename), so concurrent runs and
``--jobs`` workers cannot corrupt each other; an entry that cannot be read or parsed
is ignored (and overwritten). JSON rather than pickle, so a tampered cache folder
cannot run code.

Location: ``--cache-dir``, else ``$FACTLINT_CACHE_DIR``, else ``.factlint_cache/`` in
the working folder (it holds a ``.gitignore`` and a ``CACHEDIR.TAG``). ``--no-cache``, or
``FACTLINT_NO_CACHE=1`` in the environment (as ruff's ``RUFF_NO_CACHE``), turns it off; an
explicit ``--cache-dir`` wins over the environment. (The test suite sets
``FACTLINT_NO_CACHE``: tests monkeypatch code that the key cannot see. The code itself
never asks whether it runs under a test.)
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from .cachedir import write_atomic
from .diagnostics import Diagnostic, Related

FORMAT = 1  # bump when the entry layout changes
DEFAULT_DIR = ".factlint_cache"


def default_dir(explicit: str | None = None) -> str | None:
    """The cache folder to use: ``explicit`` (``--cache-dir``), else None when
    ``FACTLINT_NO_CACHE`` is set, else ``$FACTLINT_CACHE_DIR`` or ``.factlint_cache``."""
    if explicit:
        return explicit
    if os.environ.get("FACTLINT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no", "off"):
        return None
    return os.environ.get("FACTLINT_CACHE_DIR") or DEFAULT_DIR


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of factlint's version and the source of every module in the package."""
    from . import __version__

    h = hashlib.sha256(f"factlint {__version__} cache {FORMAT}\0".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        try:
            h.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def tree_fingerprint(folder: str | os.PathLike) -> str:
    """Hash of the bytes of every rule/word-list file (``*.yaml``/``*.yml``) under ``folder``.

    Memoised per process on the files' names, sizes and mtimes, so a long-lived
    process (the language server) sees an edited pack and a CLI run hashes once.
    """
    root = str(folder)
    sig = []
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                full = os.path.join(dirpath, name)
                try:
                    st = os.stat(full)
                    sig.append((os.path.relpath(full, root), st.st_size, st.st_mtime_ns))
                except OSError:
                    sig.append((os.path.relpath(full, root), -1, -1))
    return _hash_tree(root, tuple(sig))


@lru_cache(maxsize=16)
def _hash_tree(root: str, sig: tuple) -> str:
    h = hashlib.sha256()
    for rel, _, _ in sig:
        try:
            data = Path(root, rel).read_bytes()
        except OSError:
            data = b"?"
        h.update(rel.encode() + b"\0" + data + b"\0")
    return h.hexdigest()


def run_fingerprint(config, rules) -> str:
    """Hash of the code, the rule packs, the effective config and the selected rules."""
    from .ruleset import builtin_rules_dir

    h = hashlib.sha256(code_fingerprint().encode())
    dirs = ([str(builtin_rules_dir())] if config.builtin_rules else []) + list(config.rules)
    for d in dirs:
        h.update(b"\0rules\0" + str(d).encode() + b"\0" + tree_fingerprint(d).encode())
    h.update(b"\0config\0" + config.to_json().encode())
    h.update(b"\0selected\0" + ",".join(r.id for r in rules).encode())
    return h.hexdigest()


class ResultCache:
    """Lint results on disk, keyed by :meth:`key`. Every failure is a silent miss."""

    def __init__(self, folder: str | os.PathLike, run_key: str):
        self.folder = Path(folder)
        self.run_key = run_key
        self.hits = 0
        self.misses = 0
        self._ready = False

    def key(self, text: str, shown_path: str) -> str:
        h = hashlib.sha256(self.run_key.encode())
        h.update(b"\0path\0" + shown_path.encode("utf-8", "surrogatepass"))
        h.update(b"\0text\0" + text.encode("utf-8", "surrogatepass"))
        structure = getattr(text, "structure", None)  # a Word document's styles and date (formats/docx.py)
        if structure:
            h.update(b"\0structure\0" + structure.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / f"v{FORMAT}" / key[:2] / f"{key[2:]}.json"

    def get(self, key: str):
        """``(diagnostics, document_date, date_source)`` or None."""
        try:
            raw = json.loads(self._entry(key).read_text(encoding="utf-8"))
            if raw.get("key") != key:
                raise ValueError("key mismatch")
            diagnostics = [_diagnostic(d) for d in raw["diagnostics"]]
            result = (diagnostics, raw.get("document_date"), str(raw.get("date_source", "")))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, diagnostics: list[Diagnostic], document_date: str | None, date_source: str) -> None:
        entry = self._entry(key)
        try:
            self._prepare()
            entry.parent.mkdir(parents=True, exist_ok=True)
            body = json.dumps({"key": key, "document_date": document_date, "date_source": date_source,
                               "diagnostics": [_plain(d) for d in diagnostics]}, ensure_ascii=False)
            write_atomic(entry, body.encode("utf-8"))
        except (OSError, ValueError, TypeError):
            pass  # a read-only or full disk only costs speed

    def _prepare(self) -> None:
        """Create the folder with a .gitignore and a CACHEDIR.TAG (once)."""
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, body in ((".gitignore", "# created by factlint\n*\n"),
                           ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                            "# This file is a cache directory tag created by factlint.\n")):
            marker = self.folder / name
            if not marker.exists():
                try:
                    marker.write_text(body, encoding="utf-8")
                except OSError:
                    pass
        self._ready = True


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


def open_cache(config, rules, folder: str | None) -> ResultCache | None:
    """A cache for this run, or None when ``folder`` is None."""
    if folder is None:
        return None
    return ResultCache(folder, run_fingerprint(config, rules))
