"""The user's cache folder for compiled artefacts (the rule set, regular expressions).

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
