"""Detectors: the checks a rule picks by name, one module each.

A rule kind with several checks (``detect:`` in its rule files; ``compare:`` for
``temporal``) is a package, ``linter/kinds/<kind>/``. Its ``__init__`` holds the ``Rule``
class: the fields a rule file sets, the word lists it compiles, the placeholders its
messages may use, and ``check()``, which calls the detector registered under the rule's
``detect`` value. Each detector is one module named after that value with ``_`` for
``-`` -- ``detect: foreign-separator`` of ``kind: number-format`` is
``linter/kinds/number_format/foreign_separator.py`` -- whose docstring says what it finds
and why, with an example that is flagged and one that is fine, and whose one function is
registered with ``@detector("foreign-separator")``. Helpers that several detectors of a
kind share live in the package's ``_common.py`` (private modules are not detectors).

The table is looked up by name when a rule checks a document, so a rule object holds
only its name and pickles as before (the rule cache, the worker pool).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Callable

_REGISTRY: dict[str, dict[str, Callable]] = {}  # kind package -> detect value -> function


def detector(name: str):
    """Register the decorated function as its kind's detector ``name`` (the ``detect:``
    value a rule file writes). The kind is the package the function's module is in."""

    def register(fn: Callable) -> Callable:
        table = _REGISTRY.setdefault(fn.__module__.rpartition(".")[0], {})
        if table.get(name, fn) is not fn:
            raise ValueError(f"two detectors named {name!r} in {fn.__module__.rpartition('.')[0]}")
        table[name] = fn
        return fn

    return register


def detectors(package: str) -> dict[str, Callable]:
    """``{detect value: function}`` of the kind package ``package`` (its ``__name__``),
    importing every detector module in it (not ``_``-prefixed helpers)."""
    for info in pkgutil.iter_modules(sys.modules[package].__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{package}.{info.name}")
    return _REGISTRY.setdefault(package, {})


def detector_of(rule) -> Callable | None:
    """The function that runs ``rule``'s check, or None for a kind without detectors."""
    field = "detect" if hasattr(rule, "detect") else "compare" if hasattr(rule, "compare") else None
    package = sys.modules.get(type(rule).__module__)
    if field is None or package is None or not hasattr(package, "__path__"):
        return None
    return detectors(package.__name__).get(getattr(rule, field))


def code_of(rule) -> str:
    """Where ``rule``'s check is written, as a path from the repository root
    (``linter/kinds/number_format/grouping.py``): its detector's module, else its kind's."""
    fn = detector_of(rule)
    return source_path(fn.__module__ if fn is not None else type(rule).__module__)


def source_path(module: str) -> str:
    """The file of an imported module, from the folder that holds the ``linter`` package."""
    root = Path(sys.modules["linter"].__file__).resolve().parent.parent
    path = Path(sys.modules[module].__file__).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def summary(fn: Callable) -> str:
    """What a detector finds: the first paragraph of its module's docstring, on one line,
    without the opening "``detect: name`` --"."""
    doc = sys.modules[fn.__module__].__doc__ or ""
    first = " ".join(doc.strip().split("\n\n")[0].split()).split(" -- ", 1)[-1]
    return first[:1].upper() + first[1:]
