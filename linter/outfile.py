"""Writing a file the user asked for (a ``-o`` report, a baseline): atomically, with the
permissions any other tool would give it.

Atomic: the content goes to a temporary file in the same folder, which then replaces the
target with ``os.replace``, so a reader (or a crash) never sees half a report. Permissions:
``tempfile.mkstemp`` creates its file 0600, so every report and baseline came out readable
by its owner only, whatever the umask (a CI artefact or a committed baseline that the team
could not read). Here the temporary file is created with mode 0666 and the kernel applies
the umask, as for ``open(path, "w")``; a file that already exists keeps its mode.
"""

from __future__ import annotations

import os
import secrets
import stat


def write_atomic(path: str | os.PathLike, data: bytes, *, prefix: str = ".factlint-") -> None:
    """Replace ``path``'s content with ``data``; raises ``OSError`` (no temporary file left)."""
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        keep = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        keep = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f"{prefix}{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - 100 collisions of 48 random bits
        raise FileExistsError(f"no free temporary name in {folder}")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if keep is not None:
            os.chmod(tmp, keep)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
