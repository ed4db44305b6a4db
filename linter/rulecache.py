"""Rule packs and config files, validated once and kept as plain data in the cache folder.

Why: reading YAML (PyYAML) and validating it (pydantic) costs more at every start than
linting an article does -- about 250 ms for the built-in pack and 90 ms for a one-line
``.factlint.yaml`` -- and a commit hook or an editor starts factlint many times a day with
the same files. So the first run validates them and stores what they validated to: each
rule's fields and the word lists, a config's settings, as JSON in the cache folder (see
:mod:`linter.cachedir` for the folder and the key: the files' bytes and factlint's code).
Later runs rebuild the same objects from that data with plain constructors
(:meth:`linter.schema.Declared.from_valid`), importing neither PyYAML nor pydantic, and run
each rule's ``prepare()`` (its regexes are compiled by ``re`` in every process: nothing
compiled is stored).

The data is plain: None, booleans, numbers, strings, lists and string-keyed objects; a few
tagged objects stand for what JSON lacks (``{"$date": "2024-01-31"}``, ``{"$tuple": [...]}``,
a mapping with non-string keys, and ``{"$dc": "linter.kinds.base:Example", "fields": {...}}``
for a dataclass or declared class of factlint's own, rebuilt by calling it -- never anything
outside the ``linter`` package). Anything else (a value a rule kind computes at validation)
makes the object uncacheable: it is then read from its file each time, as before.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import importlib
from pathlib import Path

from . import cachedir

FORMAT = 1  # bump when the stored layout changes


class Uncacheable(TypeError):
    """A value the plain-data format cannot hold."""


# --------------------------------------------------------------------------- rule sets


def load(dirs: list[str], builtin: bool):
    """``load_rules(dirs, builtin=builtin)``, rebuilt from the cache when the packs are unchanged."""
    from .ruleset import builtin_rules_dir

    packs = ([str(builtin_rules_dir())] if builtin else []) + [str(d) for d in dirs]
    where = cachedir.folder()
    entry_key = cachedir.key("rules", str(FORMAT), *[f"{d}\0{cachedir.pack_fingerprint(d)}" for d in packs])
    data = cachedir.read("rules", entry_key, where) if where is not None else None
    if data is not None:
        try:
            return rules_from_plain(data)
        except Exception:  # malformed or written for other classes: read the packs again
            pass
    from .ruleset import load_rules

    ruleset = load_rules(dirs, builtin=builtin)
    if where is not None:
        try:
            plain = rules_to_plain(ruleset)
        except Uncacheable:
            return ruleset
        if cachedir.write("rules", entry_key, plain, where):
            cachedir.forget_old_caches(where)
    return ruleset


def rules_to_plain(ruleset) -> dict:
    return {"wordlists": to_plain(ruleset.wordlists),
            "rules": [{"kind": r.kind, "source": r.source, "fields": to_plain(r.fields())} for r in ruleset.rules]}


def rules_from_plain(data: dict):
    """The rule set, as the loader built it: each rule from its validated fields, then prepared."""
    from .kinds import rule_classes
    from .ruleset import RuleSet

    classes = rule_classes()
    wordlists = from_plain(data["wordlists"])
    rules = []
    for item in data["rules"]:
        rule = classes[item["kind"]].from_valid(from_plain(item["fields"]))
        rule.source = item["source"]
        rule.prepare(wordlists)
        rules.append(rule)
    return RuleSet(rules, wordlists)


# --------------------------------------------------------------------------- config files


def load_config(cls, file: Path, raw: bytes, validate):
    """The config ``file`` whose bytes are ``raw``, as a ``cls`` (a declared class): its fields
    from ``validate()`` (which reads and validates the file: PyYAML, pydantic) on the first
    run, from the cache after."""
    where = cachedir.folder()
    entry_key = cachedir.key("config", str(FORMAT), file.name, raw)
    data = cachedir.read("config", entry_key, where) if where is not None else None
    if isinstance(data, dict):
        try:
            return cls.from_valid(from_plain(data))
        except Exception:  # malformed: validate the file again
            pass
    fields = validate()
    if where is not None:
        try:
            cachedir.write("config", entry_key, to_plain(fields), where)
        except Uncacheable:
            pass
    return cls.from_valid(fields)


# --------------------------------------------------------------------------- plain data


def to_plain(value):
    """``value`` as JSON-able data (see the module docstring); raises :class:`Uncacheable`."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [to_plain(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: to_plain(v) for k, v in value.items()}
        return {"$items": [[to_plain(k), to_plain(v)] for k, v in value.items()]}
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return {"$date": value.isoformat()}
    cls = type(value)
    if cls.__module__.split(".")[0] == "linter":
        from .schema import Declared

        if dataclasses.is_dataclass(value) and all(f.init for f in dataclasses.fields(value)):
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        elif isinstance(value, Declared):
            fields = value.fields()
        else:
            raise Uncacheable(f"cannot keep a {cls.__name__} as plain data")
        return {"$dc": f"{cls.__module__}:{cls.__qualname__}", "fields": to_plain(fields)}
    raise Uncacheable(f"cannot keep a {cls.__name__} as plain data")


def from_plain(data):
    """The value :func:`to_plain` made ``data`` from."""
    if isinstance(data, list):
        return [from_plain(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "$tuple" in data:
        return tuple(from_plain(v) for v in data["$tuple"])
    if "$items" in data:
        return {from_plain(k): from_plain(v) for k, v in data["$items"]}
    if "$date" in data:
        return _dt.date.fromisoformat(data["$date"])
    if "$dc" in data:
        cls, fields = _class(data["$dc"]), from_plain(data["fields"])
        from_valid = getattr(cls, "from_valid", None)  # a declared class: validated when it was stored
        return from_valid(fields) if from_valid is not None else cls(**fields)
    return {k: from_plain(v) for k, v in data.items()}


def _class(name: str) -> type:
    module, _, qualname = name.partition(":")
    if module.split(".")[0] != "linter":
        raise ValueError(f"not a factlint class: {name}")
    obj = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    if not isinstance(obj, type):
        raise ValueError(f"not a class: {name}")
    return obj

