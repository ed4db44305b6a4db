"""factlint's one cache folder and its one key scheme.

What is cached (each entry one small JSON file, never a pickle: a tampered entry cannot
run code), its key, and what it saves:

====================  ==========================================================  =================================
entry                 key: sha256 of ...                                          saves
====================  ==========================================================  =================================
``rules/KEY.json``    the rule packs in use (folder, and every rule and word-list  reading YAML, pydantic validation
                      file's name and bytes: :func:`pack_fingerprint`)              (~250 ms on a first run)
``config/KEY.json``   the config file's name and bytes                            PyYAML, pydantic (~90 ms)
``results/KE/Y.json`` the rule packs, the effective config, the selected rules,   linting an unchanged file
                      the file's text and shown path (:mod:`linter.cache`)
====================  ==========================================================  =================================

Every key starts from :func:`key`, which hashes the entry's kind, factlint's version and the
name, size and modification time of every module of the ``linter`` package
(:func:`code_fingerprint`, as Python's own ``__pycache__`` does: a development checkout never
reads an entry written by other code), then the inputs above. So an entry
is right by construction, nothing ever has to be invalidated, and an entry that is missing,
unreadable or malformed is simply computed again and rewritten.

Where: ``--cache-dir DIR``, else ``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``,
else ``~/.cache/factlint``: the user's own folder, never the checkout being linted (a pull
request cannot plant entries). It is created private (0700) and used only while it is owned
by the user and writable by nobody else; otherwise nothing is cached. It carries a
``CACHEDIR.TAG`` and a ``.gitignore``. Clear it by deleting the folder (or a kind's subfolder).

Switches: ``--no-cache`` or ``FACTLINT_NO_CACHE=1`` turn off the results (neither read nor
written); the compiled rules and config are still used (they hold no findings, only what the
rule and config files compile to, like ``__pycache__``). ``FACTLINT_RULE_CACHE`` (the folder
of the pickled rule set and the regex table, both retired in issue 19) is no longer read;
the command line says so. Results used to live in ``.factlint_cache/`` in the working folder.

Low-level: imports nothing heavy, so the command line can find the folder before anything
else is loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from functools import lru_cache
from pathlib import Path

_explicit: str | None = None  # --cache-dir of the running command (see choose())


def choose(explicit: str | None) -> None:
    """Use ``explicit`` (the command line's ``--cache-dir``) as the folder for this process."""
    global _explicit
    _explicit = explicit or None


def results_enabled(explicit: str | None = None) -> bool:
    """Are lint results cached? Not with ``FACTLINT_NO_CACHE`` set, unless ``--cache-dir``
    names a folder explicitly (it wins over the environment)."""
    if explicit or _explicit:
        return True
    return os.environ.get("FACTLINT_NO_CACHE", "").strip().lower() in ("", "0", "false", "no", "off")


def location() -> Path:
    """Where the cache folder is (whether or not it exists or may be used)."""
    chosen = _explicit or os.environ.get("FACTLINT_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factlint"


def folder() -> Path | None:
    """The cache folder, created if need be; None when it cannot be made or is not private."""
    where = location()
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not is_private(os.stat(where)):
            return None
    except OSError:
        return None
    _tag(where)
    return where


def is_private(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (POSIX; elsewhere, trusted)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _tag(where: Path) -> None:
    """A ``CACHEDIR.TAG`` (backup tools skip the folder) and a ``.gitignore`` (a ``--cache-dir``
    inside a repository is never committed)."""
    for name, body in (("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                        "# This file is a cache directory tag created by factlint.\n"),
                       (".gitignore", "# created by factlint\n*\n")):
        marker = where / name
        if not marker.exists():
            try:
                marker.write_text(body, encoding="utf-8")
            except OSError:
                pass


# --------------------------------------------------------------------------- keys


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of factlint's version and the name, size and modification time (ns) of every
    module of the package: what ``__pycache__`` trusts to tell edited source, and a stat
    per file instead of reading and hashing 0.7 MB of source at every start (2 ms)."""
    from . import __version__

    return source_fingerprint(os.path.dirname(os.path.abspath(__file__)), f"factlint {__version__}")


def source_fingerprint(package: str, version: str) -> str:
    """:func:`code_fingerprint` of the package folder ``package`` at ``version``."""
    h = hashlib.sha256(f"{version}\0".encode())
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(n for n in names if n.endswith(".py")):
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
                sig = b"%d\0%d" % (st.st_size, st.st_mtime_ns)
            except OSError:
                sig = os.urandom(8)  # matches nothing: computed again
            h.update(os.path.relpath(path, package).encode("utf-8", "surrogatepass") + b"\0" + sig + b"\0")
    return h.hexdigest()


def key(kind: str, *parts: str | bytes) -> str:
    """The key of an entry of ``kind``: its inputs hashed after the code's fingerprint."""
    h = hashlib.sha256(f"{kind}\0{code_fingerprint()}".encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(b"\0%d\0" % len(data) + data)
    return h.hexdigest()


def pack_files(pack: str | os.PathLike) -> list[Path]:
    """The YAML files of a rule pack (rules and word lists), in load order: what
    ``sorted(Path(pack).rglob("*.y*ml"))`` gives, by ``os.walk`` (4x faster; every start)."""
    found = []
    for folder, subfolders, names in os.walk(pack):
        found += [Path(folder, n) for n in names if n.endswith((".yaml", ".yml"))]
    return sorted(found)


def pack_fingerprint(pack: str | os.PathLike) -> str:
    """Hash of a rule pack's content: each YAML file's name (relative to the pack) and bytes.

    The one fingerprint of a pack: it keys the compiled rules, the results, and the rule set
    a long-lived process (the language server) keeps. Memoised on the files' names, sizes and
    modification times, so one run hashes each pack once and an edited pack is hashed again.
    A file that cannot be read gets a fingerprint that matches nothing, so loading reports it.
    """
    root = Path(pack)
    sig = []
    for path in pack_files(root):
        try:
            st = os.stat(path)
            sig.append((str(path.relative_to(root)), st.st_size, st.st_mtime_ns))
        except OSError:
            sig.append((str(path.relative_to(root)), -1, os.urandom(8).hex()))
    return _hash_pack(str(root), tuple(sig))


@lru_cache(maxsize=32)
def _hash_pack(root: str, sig: tuple) -> str:
    h = hashlib.sha256()
    for rel, size, _ in sig:
        try:
            data = Path(root, rel).read_bytes() if size >= 0 else os.urandom(16)
        except OSError:
            data = os.urandom(16)
        h.update(rel.encode("utf-8", "surrogatepass") + b"\0%d\0" % len(data) + data)
    return h.hexdigest()


# --------------------------------------------------------------------------- entries


def entry_path(where: Path, kind: str, entry_key: str) -> Path:
    if kind == "results":  # many entries: spread over 256 subfolders
        return where / kind / entry_key[:2] / f"{entry_key[2:]}.json"
    return where / kind / f"{entry_key}.json"


def read(kind: str, entry_key: str, where: Path | None = None):
    """The JSON value stored under ``entry_key``, or None (missing, unreadable, malformed, or
    stored under another key)."""
    where = where or folder()
    if where is None:
        return None
    try:
        with open(entry_path(where, kind, entry_key), "rb") as fh:
            raw = json.loads(fh.read())
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("key") != entry_key:
        return None
    return raw.get("value")


def write(kind: str, entry_key: str, value, where: Path | None = None) -> bool:
    """Store ``value`` (plain JSON data) under ``entry_key``; False when the disk refuses
    (a read-only or full disk only costs speed). Written atomically, no temporary file left."""
    from .outfile import write_atomic

    where = where or folder()
    if where is None:
        return False
    path = entry_path(where, kind, entry_key)
    try:
        body = json.dumps({"key": entry_key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, body.encode("utf-8", "surrogatepass"), durable=False, prefix=".tmp-")
        return True
    except (OSError, ValueError, TypeError):
        return False


def forget_old_caches(where: Path) -> None:
    """Remove what earlier versions left in this folder (pickled rule sets, the regex table)."""
    try:
        for old in [*where.glob("rules-*.pickle"), *where.glob("re-*.marshal")]:
            old.unlink()
    except OSError:
        pass
