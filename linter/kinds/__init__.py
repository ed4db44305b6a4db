"""Rule kinds, discovered from the modules of this package.

Each module (except ``base``) defines exactly one ``RuleBase`` subclass named
``Rule`` whose ``kind`` field is a ``Literal``. The discriminated union that
validates rule files is built from them, so a new kind is one new file here.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from typing import Annotated, Union

from pydantic import Field, TypeAdapter

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
        kind = cls.model_fields["kind"].annotation.__args__[0]
        classes[kind] = cls
    return classes


@lru_cache(maxsize=1)
def rule_adapter() -> TypeAdapter:
    classes = tuple(rule_classes().values())
    if len(classes) == 1:
        return TypeAdapter(classes[0])
    union = Annotated[Union[classes], Field(discriminator="kind")]  # type: ignore[valid-type]
    return TypeAdapter(union)
