"""Declared fields: plain classes for rules and the configuration, validated by pydantic
only when a file has to be read.

Why: rule files and configs are written by people, so they are validated with pydantic
(types, bounds, unknown keys, errors that name the field). But factlint is started
hundreds of times a day by editors and commit hooks, and importing pydantic and building
its models costs about 130 ms -- more than linting an article. So the classes themselves
are plain Python: a field is a class annotation (a string, under postponed evaluation of
annotations) and its default is the class attribute; a bound is written
``Annotated[int, Field(ge=1)]`` with pydantic's ``Field``, a name that is resolved only
here, when the annotations are evaluated to build the validator. :func:`validate` builds
a pydantic model from a class's annotations (once per class), validates the data and puts
the values on a plain instance. What a rule or config file validated to is kept as plain
data (:mod:`linter.rulecache`) and rebuilt with :meth:`Declared.from_valid`, so a run whose
files are unchanged never imports pydantic.

Kept (issue 19 weighed removing it) because it is the simplest way to keep pydantic out of
that fast path: pydantic models or pydantic dataclasses import pydantic with the class, and
stdlib dataclasses validated through a ``TypeAdapter`` cannot resolve ``Field`` bounds that
are imported only for type checking, nor share mutable defaults safely without a
``default_factory`` on every list field. The class system is this one module: fields from
annotations, ``validate()``, ``replace()``, ``from_valid()``, equality and repr.

Names starting with ``_``, ``ClassVar`` annotations and unannotated class attributes are
not fields. ``validate()`` on an instance runs the checks that span fields (raise
``ValueError``, or :class:`InvalidField` to name the field).
"""

from __future__ import annotations

import copy
import sys
from typing import Any, ClassVar, TypeVar

D = TypeVar("D", bound="Declared")

_FIELDS: dict[type, tuple[str, ...]] = {}


class InvalidField(ValueError):
    """A value that passed the type checks but not a rule's own checks; names the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Declared:
    """A plain object whose fields are its class annotations (see the module docstring)."""

    # the pydantic model config the validator is built with (a plain dict: ConfigDict is a TypedDict)
    schema_config: ClassVar[dict] = {"extra": "forbid"}

    def __init__(self, **values: Any):
        fields = self.field_names()
        unknown = set(values).difference(fields)
        if unknown:
            raise TypeError(f"{type(self).__name__}: unknown field(s): {', '.join(sorted(unknown))}")
        cls = type(self)
        for name in fields:
            if name in values:
                value = values[name]
            elif hasattr(cls, name):
                value = copy.deepcopy(getattr(cls, name))  # a list default is not shared between instances
            else:
                raise TypeError(f"{cls.__name__}: missing field '{name}'")
            setattr(self, name, value)
        self.validate()

    def validate(self) -> None:
        """Checks (and normalisations) that span fields, after the types are validated."""

    @classmethod
    def from_valid(cls: type[D], values: dict[str, Any]) -> D:
        """An instance from field values that were validated before (the plain-data cache,
        :mod:`linter.rulecache`): every field given, ``validate()`` not run again (it may
        compile a user's regexes just to check them)."""
        missing = set(cls.field_names()).difference(values)
        if missing:
            raise TypeError(f"{cls.__name__}: missing field(s): {', '.join(sorted(missing))}")
        new = cls.__new__(cls)
        new.__dict__.update(values)
        return new

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        names = _FIELDS.get(cls)
        if names is None:
            seen: dict[str, None] = {}
            for klass in reversed(cls.__mro__):
                for name, annotation in vars(klass).get("__annotations__", {}).items():
                    if not name.startswith("_") and not str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                        seen[name] = None
            names = _FIELDS[cls] = tuple(seen)
        return names

    def replace(self: D, **changes: Any) -> D:
        """A copy with some fields changed (not validated again: the caller's values are typed)."""
        unknown = set(changes).difference(self.field_names())
        if unknown:
            raise TypeError(f"{type(self).__name__}: unknown field(s): {', '.join(sorted(unknown))}")
        new = copy.copy(self)
        new.__dict__.update(changes)
        return new

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.field_names()}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.fields() == other.fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dataclass with eq

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.fields().items())})"


# --------------------------------------------------------------------------- validation (pydantic)


def validate(cls: type[D], data: Any) -> D:
    """``data`` validated against ``cls``'s fields, as a ``cls`` instance.

    Raises ``pydantic.ValidationError`` for a wrong type or key, ``ValueError`` (maybe an
    :class:`InvalidField`) from the instance's own ``validate()``."""
    return cls(**dict(model_for(cls).model_validate(data)))


_MODELS: dict[tuple[type, str | None], Any] = {}


def model_for(cls: type[Declared], kind: str | None = None):
    """The pydantic model of ``cls``'s declared fields (built once). With ``kind``, the
    ``kind`` field is that literal, so models can form a discriminated union."""
    key = (cls, kind)
    if key not in _MODELS:
        from typing import Literal

        from pydantic import ConfigDict, Field, create_model

        fields: dict[str, Any] = {}
        for name, annotation in _annotations(cls, {"Field": Field}).items():
            fields[name] = (annotation, getattr(cls, name, ...))
        if kind is not None:
            fields["kind"] = (Literal[kind], ...)
        _MODELS[key] = create_model(cls.__name__, __config__=ConfigDict(**cls.schema_config),  # type: ignore[call-overload]
                                    __module__=cls.__module__, **fields)
    return _MODELS[key]


def _annotations(cls: type[Declared], names: dict[str, Any]) -> dict[str, Any]:
    """The field annotations of ``cls`` and its bases, evaluated in each one's module with
    ``names`` added (only fields: a private attribute's annotation may name anything)."""
    wanted = set(cls.field_names())
    out: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        module_names = vars(sys.modules[klass.__module__])
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            if name in wanted:
                out[name] = eval(annotation, module_names, names) if isinstance(annotation, str) else annotation
    return out


def union_validator(classes: dict[str, type[Declared]]):
    """A validator for a mapping whose ``kind`` picks one of ``classes``: returns
    ``(validate(data) -> instance, ValidationError)``."""
    from typing import Annotated, Union

    from pydantic import Field, TypeAdapter, ValidationError

    models = {kind: model_for(cls, kind) for kind, cls in classes.items()}
    runtime = {model: classes[kind] for kind, model in models.items()}
    members = tuple(models.values())
    adapter = TypeAdapter(members[0] if len(members) == 1 else
                          Annotated[Union[members], Field(discriminator="kind")])  # type: ignore[valid-type]

    def validate_one(data: Any) -> Declared:
        model = adapter.validate_python(data)
        return runtime[type(model)](**dict(model))

    return validate_one, ValidationError
