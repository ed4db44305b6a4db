"""Rule kinds, discovered from the modules of this package.

Each module (except ``base`` and ``_``-prefixed helpers) defines one ``RuleBase``
subclass named ``Rule``; the module's name, with ``-`` for ``_``, is its kind. The
discriminated union that validates rule files is built from them (with pydantic, only
when a rule file is validated), so a new kind is one new file here. A kind whose rules
pick a check by name (``detect:``) is a package instead: ``Rule`` in its ``__init__``,
one module per check (see :mod:`linter.kinds._detectors`).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from .base import RuleBase


@lru_cache(maxsize=1)
def rule_classes() -> dict[str, type[RuleBase]]:
    classes: dict[str, type[RuleBase]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        cls = getattr(module, "Rule", None)
        if cls is None:
            continue
        classes[info.name.replace("_", "-")] = cls
    return classes


@lru_cache(maxsize=1)
def rule_validator():
    """``(validate(data) -> rule, ValidationError)`` for a rule file's mapping."""
    from ..schema import union_validator

    return union_validator(rule_classes())
