"""The user's cache folder for compiled artefacts (the rule set, regular expressions), and
the two ways every cache file is read and written.

Kept apart from :mod:`linter.rulecache` so that :mod:`linter.recache` can find the folder
before anything that compiles a regex is imported.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def cache_folder() -> Path | None:
    """The cache folder, created if need be; None when off or not safe to use."""
    setting = os.environ.get("FACTLINT_RULE_CACHE", "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    if setting:
        folder = Path(setting).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "factlint"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder if is_private(os.stat(folder)) else None
    except OSError:
        return None


def is_private(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (POSIX; elsewhere, trusted)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def read_private(path: str | os.PathLike) -> bytes | None:
    """A cache file's bytes; None when it is missing, unreadable or writable by others
    (what is read from the compiled caches is loaded as code: a pickle)."""
    try:
        with open(path, "rb") as fh:
            return fh.read() if is_private(os.fstat(fh.fileno())) else None
    except OSError:
        return None


def write_atomic(path: str | os.PathLike, data: bytes) -> bool:
    """``data`` to ``path`` through a temporary file and a rename, so that a concurrent run
    never reads half a file; False, with no temporary file left, when the disk refuses
    (a read-only or full disk only costs speed)."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".tmp-", suffix=".part")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            return False
        raise
