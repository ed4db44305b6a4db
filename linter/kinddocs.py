"""The reference of rule kinds, generated from the schema that validates rule files.

Each field's type, bounds, allowed values and default come from the pydantic model built
from the kind's declared fields (:func:`linter.schema.model_for`), so the reference cannot
drift from what a rule file may say; its meaning is the docstring written under the field
in the kind's module (the attribute-docstring convention). ``factlint explain --kind NAME``
prints one kind; README's "Rule kinds and their fields" is :func:`markdown_reference`,
checked by the test suite.
"""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
from dataclasses import dataclass
from functools import lru_cache

from .kinds import rule_classes
from .kinds.base import RuleBase


@dataclass(frozen=True)
class FieldDoc:
    name: str  # as written in a rule file
    type: str
    default: str  # "required" when the field has none
    doc: str


class UnknownKind(ValueError):
    pass


@lru_cache(maxsize=None)
def attribute_docs(cls: type) -> dict[str, str]:
    """``{field: docstring}`` for the string literals written right under annotated fields
    of ``cls`` and its bases (empty where the source cannot be read)."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass is object:
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError, SyntaxError):
            continue
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for field, after in zip(body, body[1:]):
            if (isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
                    and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)):
                docs[field.target.id] = " ".join(after.value.value.split())
    return docs


def kind_class(kind: str) -> type[RuleBase]:
    classes = rule_classes()
    if kind not in classes:
        raise UnknownKind(f"unknown rule kind '{kind}' (known kinds: {', '.join(sorted(classes))})")
    return classes[kind]


def fields_of(kind: str, *, common: bool = False) -> list[FieldDoc]:
    """The fields of ``kind`` as its schema has them: its own (``common=False``) or the
    ones every rule has (``common=True``), in declaration order."""
    from .schema import model_for

    cls = kind_class(kind)
    schema = model_for(cls, kind).model_json_schema()
    defs = schema.get("$defs", {})
    shared = set(RuleBase.field_names())
    docs = attribute_docs(cls)
    out = []
    for name in cls.field_names():
        if (name in shared) != common:
            continue
        prop = schema["properties"][name]
        default = "required" if name in schema.get("required", []) else _value(prop.get("default"))
        kind_type = "a kind name (below)" if name == "kind" else _type(prop, defs)  # (a constant per kind)
        out.append(FieldDoc(name, kind_type, default, docs.get(name, "")))
    return out


def summary(kind: str) -> str:
    """The first paragraph of the kind's module docstring, on one line."""
    module = inspect.getmodule(kind_class(kind))
    doc = " ".join((inspect.getdoc(module) or "").split("\n\n")[0].split())
    doc = doc.removeprefix(f"``{kind}``:").strip()
    return (doc[:1].upper() + doc[1:]).replace("``", "`")


def placeholders(kind: str) -> str:
    """The ``{names}`` a message of this kind may use, as text."""
    names = kind_class(kind).placeholders
    if isinstance(names, dict):
        groups: dict[tuple, list[str]] = {}
        for detect, values in names.items():
            groups.setdefault(tuple(values), []).append(detect)
        return "; ".join(f"{', '.join(detect)}: {_braces(values)}" for values, detect in groups.items())
    text = _braces(names) or "none"
    return text + (" and the pattern's named groups" if kind == "pattern" else "")


def describe_kind(kind: str) -> str:
    """``factlint explain --kind KIND``: what the kind checks, its fields, its placeholders."""
    own = fields_of(kind)
    lines = [f"# kind: {kind}", "", summary(kind), "", "## Fields", ""]
    if own:
        width = max(len(f.name) for f in own)
        for f in own:
            default = "required" if f.default == "required" else f"default {f.default}"
            lines.append(f"{f.name.ljust(width)}  {f.type}, {default}")
            lines.extend(textwrap.wrap(f.doc, 88, initial_indent=" " * (width + 2),
                                       subsequent_indent=" " * (width + 2)))
    else:
        lines.append("(none besides the common ones)")
    lines += detector_lines(kind)
    lines += ["", f"Message placeholders: {placeholders(kind)}", "",
              "Common fields (every kind): " + ", ".join(f.name for f in fields_of(kind, common=True)),
              "(see README, \"Rule kinds and their fields\")"]
    return "\n".join(lines) + "\n"


def detector_lines(kind: str) -> list[str]:
    """For a kind whose rules pick a check by name: each name, its module and what it finds."""
    from .kinds._detectors import detectors, source_path, summary

    cls = kind_class(kind)
    field = next((f for f in ("detect", "compare") if f in cls.field_names()), None)
    found = detectors(cls.__module__) if field and hasattr(inspect.getmodule(cls), "__path__") else {}
    if not found:
        return []
    width = max(len(name) for name in found)
    lines = ["", f"## Detectors ({field}:), one module each", ""]
    for name in sorted(found):
        lines.append(f"{name.ljust(width)}  {source_path(found[name].__module__)}")
        lines.extend(textwrap.wrap(summary(found[name]), 88, initial_indent=" " * (width + 2),
                                   subsequent_indent=" " * (width + 2)))
    return lines


def list_kinds() -> str:
    """``factlint explain --kind``: every kind with its one-line summary."""
    kinds = sorted(rule_classes())
    width = max(len(k) for k in kinds)
    rows = [f"{k.ljust(width)}  {summary(k)}" for k in kinds]
    return "\n".join(rows + ["", "factlint explain --kind KIND lists a kind's fields."]) + "\n"


def markdown_reference() -> str:
    """README's generated section: the common fields, then each kind's fields."""
    out = ["Fields every rule has:", "", "| field | type | default | meaning |", "|---|---|---|---|"]
    out += [_row(f) for f in fields_of("pattern", common=True)]
    for kind in sorted(rule_classes()):
        out += ["", f"**`{kind}`** — {summary(kind)} Placeholders: {placeholders(kind)}.", ""]
        own = fields_of(kind)
        if own:
            out += ["| field | type | default | meaning |", "|---|---|---|---|"] + [_row(f) for f in own]
        else:
            out.append("No fields besides the common ones.")
    return "\n".join(out)


def _row(f: FieldDoc) -> str:
    cells = (f"`{f.name}`", f.type, f.default if f.default == "required" else f"`{f.default}`", f.doc)
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _braces(names) -> str:
    return ", ".join("{" + n + "}" for n in names)


def _value(value) -> str:
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


def _type(prop: dict, defs: dict) -> str:
    """A JSON Schema property as a short phrase: "integer >= 1", "one of: a, b", "list of text"."""
    if "$ref" in prop:
        target = defs.get(prop["$ref"].rsplit("/", 1)[-1], {})
        return "mapping" if target.get("type") == "object" else _type(target, defs)
    if "enum" in prop:
        return "one of: " + ", ".join(str(v) for v in prop["enum"])
    if "const" in prop:
        return str(prop["const"])
    if "anyOf" in prop:
        kinds = [_type(p, defs) for p in prop["anyOf"] if p.get("type") != "null"]
        nullable = any(p.get("type") == "null" for p in prop["anyOf"])
        return " or ".join(kinds) + (" or null" if nullable else "")
    kind = prop.get("type")
    words = {"string": "text", "integer": "integer", "number": "number", "boolean": "true/false"}
    if kind == "array":
        inner = prop.get("items", {})
        text = f"list of {_type(inner, defs)}" if inner else "list"
        if "minItems" in prop:
            text += f" (at least {prop['minItems']})"
        return text
    if kind == "object":
        values = prop.get("additionalProperties")
        return f"mapping of text to {_type(values, defs)}" if isinstance(values, dict) else "mapping"
    text = words.get(kind, kind or "any")
    bounds = [(key, sign) for key, sign in (("minimum", ">="), ("exclusiveMinimum", ">"), ("maximum", "<="),
                                             ("exclusiveMaximum", "<")) if key in prop]
    if bounds:
        text += " (" + ", ".join(f"{sign} {prop[key]:g}" if isinstance(prop[key], float) else f"{sign} {prop[key]}"
                                 for key, sign in bounds) + ")"
    if "pattern" in prop:
        text += f" matching `{prop['pattern']}`"
    return text
