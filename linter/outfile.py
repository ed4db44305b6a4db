"""The one way factlint replaces a file: reports (``-o``), baselines, ``--fix`` and the
cache folder's entries all go through :func:`write_atomic`.

Atomic: the content goes to a temporary file in the target's folder, which then replaces
the target with ``os.replace``, so a reader (or a crash) never sees half a file. Whatever
fails -- the write, the disk, an interrupt -- the temporary file is removed before the
error goes on: nothing is left behind.

Permissions: the temporary file is created with mode 0666 and the kernel applies the umask,
as for ``open(path, "w")`` (``tempfile.mkstemp`` made every report 0600 whatever the umask);
a file that already exists keeps its mode (and, when root rewrites a user's file, its owner).

``expected`` (``--fix``): the bytes the caller read and edited. The file is compared with
them at the last moment before the replace and is not overwritten if it changed meanwhile
(:class:`ChangedOnDisk`).

A low-level module: it imports nothing from factlint, so anything may use it.
"""

from __future__ import annotations

import os
import secrets
import stat


class ChangedOnDisk(Exception):
    """The target no longer holds the ``expected`` bytes: someone wrote it meanwhile."""


def write_atomic(path: str | os.PathLike, data: bytes, *, expected: bytes | None = None,
                 durable: bool = True, prefix: str = ".factlint-") -> None:
    """Replace ``path``'s content with ``data``. A symbolic link is written through (its
    target is replaced). ``durable``: flush to disk before the rename (a cache entry need
    not). Raises ``OSError`` or :class:`ChangedOnDisk`; never leaves a temporary file."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        info = os.stat(target)
    except FileNotFoundError:
        if expected is not None:
            raise ChangedOnDisk("removed while factlint was working on it") from None
        info = None
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
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if info is not None:
            _keep_mode_and_owner(tmp, info)
        if expected is not None and not _holds(target, expected):
            raise ChangedOnDisk("changed on disk while factlint was working on it")
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _keep_mode_and_owner(tmp: str, info: os.stat_result) -> None:
    try:
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
    except OSError:  # a file system without modes (FAT, some mounts): the content matters more
        pass
    getuid = getattr(os, "getuid", None)
    if getuid is not None and (info.st_uid, info.st_gid) != (getuid(), os.getgid()):
        try:
            os.chown(tmp, info.st_uid, info.st_gid)  # root fixing a user's file keeps the owner
        except OSError:
            pass


def _holds(path: str, expected: bytes) -> bool:
    """Does ``path`` hold exactly ``expected``? (reads at most one byte more)"""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(expected) + 1) == expected
    except OSError:
        return False
