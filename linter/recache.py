"""Compiled regular expressions kept between runs of the command line.

Why: the checks are regular expressions (about 135 in a run), and Python's ``re`` compiles
each with a parser written in Python: 35 ms of every start, a third of a one-article run,
spent again at each save in an editor or commit hook. What ``re`` compiles a pattern to
(the code list it hands to ``_sre.compile``) depends only on the pattern, its flags and
the interpreter, so it can be kept like ``__pycache__``.

How: ``re`` keeps compiled patterns in a per-process dict. At the end of a run the command
line records each pattern compiled in it, with its code, after checking that the pattern
rebuilt from that code equals (``==`` compares the code) the one ``re`` compiled; at the
next start :func:`warm` puts the patterns back into ``re``'s dict, built straight from the
code, so ``re.compile`` finds them there. The file sits in the rule cache's folder (private
to the user, see :mod:`linter.rulecache`), keyed by the interpreter's exact version and
``re``'s format number. This uses ``re``'s private parts; anything unexpected (another
Python, a changed internal) means nothing is loaded or saved and every pattern compiles
as usual. Only the command line and the language server use it: a program that imports
``linter`` keeps its own ``re`` cache untouched.
"""

from __future__ import annotations

import array
import hashlib
import marshal
import re
import sys

from .cachedir import cache_folder, read_private, write_atomic

MAX_ENTRIES = 2000
_CODE = "I"  # SRE code units are 32-bit; kept as bytes (a list of ints loads 40x slower)
_loaded: set = set()  # keys put into re's cache by warm()
_known: set = set()  # (pattern, flags) in the table


def _table_path():
    if sys.implementation.name != "cpython" or array.array(_CODE).itemsize != 4:
        return None
    folder = cache_folder()
    if folder is None:
        return None
    try:
        magic = re._constants.MAGIC  # type: ignore[attr-defined]
    except AttributeError:
        return None
    tag = hashlib.sha256(f"{sys.version}\0{magic}\0{sys.implementation.cache_tag}".encode()).hexdigest()[:20]
    return folder / f"re-{tag}.marshal"


def _cache() -> dict | None:
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else None


def _read(path) -> list:
    """The table: (key flags, pattern, flags, code bytes, groups, groupindex, indexgroup) each."""
    data = read_private(path)
    return marshal.loads(data) if data is not None else []


def warm() -> int:
    """Put the recorded patterns into ``re``'s cache; how many (0 when there is no table)."""
    cache, path = _cache(), _table_path()
    if cache is None or path is None:
        return 0
    try:
        import _sre

        for key_flags, pattern, flags, code, groups, groupindex, indexgroup in _read(path):
            _known.add((pattern, key_flags))
            key = (str, pattern, key_flags)
            if key not in cache:
                cache[key] = _sre.compile(pattern, flags, array.array(_CODE, code).tolist(), groups, groupindex,
                                          indexgroup)
                _loaded.add(key)
    except Exception:  # missing, truncated, or written by an interpreter that differs after all
        return 0
    return len(_loaded)


def save() -> int:
    """Record the patterns compiled in this run that the table lacks; how many were added."""
    cache, path = _cache(), _table_path()
    if cache is None or path is None:
        return 0
    new = [k for k in list(cache) if k[0] is str and k not in _loaded and (k[1], k[2]) not in _known
           and not k[2] & re.DEBUG]
    if not new:
        return 0
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        entries = _read(path)
        known = {(e[1], e[0]) for e in entries}
        added = 0
        for _, pattern, key_flags in new:
            if (pattern, key_flags) in known:
                continue
            flags, code, groups, groupindex, indexgroup = _code_of(_parser, _compiler, pattern, key_flags)
            if _sre.compile(pattern, flags, code, groups, groupindex, indexgroup) == cache[(str, pattern, key_flags)]:
                entries.append((key_flags, pattern, flags, array.array(_CODE, code).tobytes(), groups, groupindex,
                                indexgroup))  # rebuilt from this code, the pattern equals re's own: safe
                added += 1
        if not added:
            return 0
        data = marshal.dumps(entries[-MAX_ENTRIES:])
    except Exception:
        return 0
    return added if write_atomic(path, data) else 0


def compile_one_off(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile`` for a pattern made for one document (from its own words), which then
    leaves ``re``'s cache: the table keeps what every run compiles, and would otherwise fill
    with patterns no later run asks for."""
    compiled = re.compile(pattern, flags)
    for name in ("_cache", "_cache2"):  # _cache2: Python 3.12+
        cache = getattr(re, name, None)
        if isinstance(cache, dict):
            cache.pop((str, pattern, int(flags)), None)
    return compiled


def _code_of(_parser, _compiler, pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` besides the pattern (same steps)."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # plain ints: the opcodes are an int subclass, which marshal and array take badly
    return int(flags | p.state.flags), [int(c) for c in code], int(p.state.groups - 1), groupindex, tuple(indexgroup)
