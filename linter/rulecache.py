"""The loaded rule set, kept compiled between runs (as Python keeps ``__pycache__``).

Why: reading the rule packs (YAML), validating them (pydantic) and compiling their word
lists costs more at every start than linting an article does, and a commit hook or an
editor starts factlint many times a day with the same rules. So the validated, prepared
rule set is pickled in the user's cache folder, under a key made of everything it was
built from: factlint's version and code (path, size and modification time of each
module), the Python version, and every file of every rule pack (path, size, modification
time). Any change gives a new key; a missing, unreadable or foreign entry just means the
packs are loaded as usual. This is not the result cache (``--no-cache``): it holds no
findings, only what the rule files compile to.

Trust: loading a pickle runs code, so an entry is read only from a folder and a file the
current user owns and nobody else can write to. The folder is ``$FACTLINT_RULE_CACHE``,
else ``$XDG_CACHE_HOME/factlint``, else ``~/.cache/factlint``; ``FACTLINT_RULE_CACHE=off``
turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from . import __version__
from .cachedir import cache_folder, read_private, write_atomic
from .ruleset import RuleSet, builtin_rules_dir, load_rules, pack_files

KEEP = 16  # entries kept (one per combination of rule packs in use), newest first
_PACKAGE = Path(__file__).resolve().parent


def load(dirs: list[str], builtin: bool) -> RuleSet:
    """``load_rules(dirs, builtin=builtin)``, from the cache when nothing changed."""
    folder = cache_folder()
    if folder is None:
        return load_rules(dirs, builtin=builtin)
    entry = folder / f"rules-{_key(dirs, builtin)}.pickle"
    ruleset = _read(entry)
    if ruleset is None:
        ruleset = load_rules(dirs, builtin=builtin)
        _write(folder, entry, ruleset)
    return ruleset


def _key(dirs: list[str], builtin: bool) -> str:
    h = hashlib.sha256(f"{__version__}\0{sys.version}\0{builtin}\0".encode())
    code = sorted(_PACKAGE.rglob("*.py"))
    packs = [builtin_rules_dir()] if builtin else []
    packs += [Path(d) for d in dirs]
    for path in code + [f for pack in packs if pack.is_dir() for f in [pack, *pack_files(pack)]]:
        try:
            st = os.stat(path)
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        except OSError:  # a broken link: loading reports it, so never take this key from the cache
            h.update(f"{path}\0unreadable\0{os.urandom(8).hex()}\n".encode())
    return h.hexdigest()[:32]


def _read(entry: Path) -> RuleSet | None:
    data = read_private(entry)
    try:
        ruleset = pickle.loads(data) if data is not None else None
    except Exception:  # truncated, or pickled by code that has since changed
        return None
    return ruleset if isinstance(ruleset, RuleSet) else None


def _write(folder: Path, entry: Path, ruleset: RuleSet) -> None:
    """Best effort: a read-only home or a full disk only costs the next run its speed."""
    try:
        data = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):  # a rule kind holding something unpicklable
        return
    if not write_atomic(entry, data):
        return
    try:
        entries = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink()
    except OSError:
        pass
