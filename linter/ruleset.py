"""Loading rule packs: YAML rule files and word lists, validated, with errors that point
at the file, line and field.

A rule pack is a folder: every ``*.yaml`` file in it (recursively) is one rule, except
files under a ``wordlists/`` folder, which are word lists::

    name: reporting-verbs
    description: Verbs that attribute speech.
    words: [said, says, told, ...]

A user pack's word list with the name of a built-in one extends it, unless it says
``replace: true``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlfile
from .cachedir import pack_files  # the same files the cache keys on
from .kinds import rule_validator
from .kinds.base import RuleBase, WordListEntryError
from .yamlfile import line_of


class RuleSetError(Exception):
    """A rule pack could not be loaded; the message names file, line and field."""


def builtin_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


@dataclass
class RuleSet:
    """The loaded rules, in load order, and the word lists they may name."""

    rules: list[RuleBase] = field(default_factory=list)
    wordlists: dict[str, list] = field(default_factory=dict)

    def by_id(self) -> dict[str, RuleBase]:
        return {r.id: r for r in self.rules}


def load_rules(extra_dirs: list[str | os.PathLike] | None = None, *, builtin: bool = True) -> RuleSet:
    """Load the built-in pack (unless ``builtin=False``) and any extra packs, in order.

    Everything a person can get wrong in a pack is an error here, naming the file and line:
    a bad field, an id or name another rule already has (a built-in one included), an unknown
    word list or ``{placeholder}``, a word-list entry the rule cannot use, a folder with
    neither rules nor word lists."""
    dirs = ([builtin_rules_dir()] if builtin else []) + [Path(d) for d in extra_dirs or []]
    # a folder named twice (the built-in pack passed as a pack, "rules" and "./rules") loads once
    first: dict[Path, Path] = {}
    for d in dirs:
        first.setdefault(d.resolve() if d.is_dir() else d, d)
    dirs = list(first.values())
    raw_rules: list[tuple[Path, dict, object]] = []  # (file, data, YAML node for line numbers)
    wordlists: dict[str, list] = {}
    origins: dict[str, list[tuple[Path, int, int]]] = {}  # where each word-list entry was written: file, line, index
    for d in dirs:
        if not d.is_dir():
            raise RuleSetError(f"{d}: rules folder not found")
        files = pack_files(d)
        if not files:
            raise RuleSetError(f"{d}: no rule files (*.yaml) in this rule pack")
        for path in files:
            data, node = _read_yaml(path)
            if "wordlists" in path.relative_to(d).parts[:-1]:
                _add_wordlist(wordlists, origins, path, data, node)
            else:
                raw_rules.append((path, data, node))
    rules: list[RuleBase] = []
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    validate_rule, ValidationError = rule_validator() if raw_rules else (None, None)
    for path, data, node in raw_rules:
        if not isinstance(data, dict):
            raise RuleSetError(f"{path}:1: a rule file must be a mapping of fields")
        try:
            rule = validate_rule(data)
        except ValidationError as exc:
            raise RuleSetError(_explain(path, node, data, exc)) from None
        except ValueError as exc:  # the kind's own checks (a bad regex, two sources given)
            name = getattr(exc, "field", None)
            line = line_of(node, [name]) if name else 1
            raise RuleSetError(f"{path}:{line}: {name or '(rule)'}: {exc}") from None
        rule.source = str(path)
        for key, seen in (("id", ids), ("name", names)):
            value = getattr(rule, key)
            if value in seen:
                raise RuleSetError(f"{path}:{line_of(node, [key])}: {key}: '{value}' is already the {key} of "
                                   f"{seen[value]}; give this rule its own {key}")
            seen[value] = _where(path, node, key)
        for name in getattr(rule, "wordlists_used", lambda: [])():
            if name not in wordlists:
                known = ", ".join(sorted(wordlists)) or "none"
                raise RuleSetError(f"{path}:{_wordlist_line(node, name)}: unknown word list '{name}' (known: {known})")
        try:
            rule.prepare(wordlists)
        except WordListEntryError as exc:
            file, line, index = origins[exc.wordlist][exc.index]
            raise RuleSetError(f"{file}:{line}: words.{index}: {exc} (word list '{exc.wordlist}', "
                               f"used by {rule.id} in {path})") from None
        rules.append(rule)
    rules.sort(key=lambda r: r.id)
    return RuleSet(rules, wordlists)


def _where(path: Path, node, key: str) -> str:
    """``file:line`` of a rule's field, for messages about another rule."""
    return f"{path}:{line_of(node, [key])}"


def _wordlist_line(node, name: str) -> int:
    """The line of the field that names word list ``name`` (any field: wordlist, nouns, ...)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(v, yaml.ScalarNode) and v.value == name:
                return k.start_mark.line + 1
    return 1


def _read_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleSetError(f"{path}: cannot read rule file: {exc}") from None
    try:
        return yamlfile.load(text, path)
    except yamlfile.YamlError as exc:
        raise RuleSetError(str(exc)) from None


def _add_wordlist(wordlists: dict, origins: dict, path: Path, data, node) -> None:
    if not isinstance(data, dict) or "name" not in data or not isinstance(data.get("words"), list):
        raise RuleSetError(f"{path}:1: a word list needs 'name' and a 'words' list")
    unknown = set(data) - {"name", "description", "words", "replace"}
    if unknown:
        key = sorted(unknown)[0]
        raise RuleSetError(f"{path}:{line_of(node, [key])}: unknown word-list field(s): {', '.join(sorted(unknown))}")
    name = str(data["name"])
    words = [_word_entry(path, node, i, w) for i, w in enumerate(data["words"])]
    where = [(path, line_of(node, ["words", i]), i) for i in range(len(words))]
    if data.get("replace") or name not in wordlists:
        wordlists[name], origins[name] = words, where
    else:
        for word, origin in zip(words, where):
            if word not in wordlists[name]:
                wordlists[name] = wordlists[name] + [word]
                origins[name] = origins[name] + [origin]


def _word_entry(path: Path, node, index: int, entry):
    """A word-list entry: a string (a number is taken as its digits) or, for substitution
    lists, a one-level ``wrong: right`` mapping of strings. Anything else (a nested list,
    null, true) is an error here rather than a traceback in a check."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, (int, float)) and not isinstance(entry, bool):
        return str(entry)
    if isinstance(entry, dict) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                       for kv in entry.items() for v in kv):
        return {str(k): str(v) for k, v in entry.items()}
    line = line_of(node, ["words", index])
    raise RuleSetError(f"{path}:{line}: words.{index}: a word-list entry must be a string "
                       f"(or 'wrong: right' for substitutions), got {type(entry).__name__}")


def _explain(path: Path, node, data: dict, exc) -> str:
    """One line per problem of a ``pydantic.ValidationError``: ``file:line: field: message``."""
    lines = []
    kinds = None
    for err in exc.errors():
        loc = list(err["loc"])
        if err["type"] == "union_tag_invalid" or err["type"] == "union_tag_not_found":
            from .kinds import rule_classes

            kinds = ", ".join(sorted(rule_classes()))
            line = line_of(node, ["kind"]) if err["type"] == "union_tag_invalid" else 1
            lines.append(f"{path}:{line}: kind: unknown or missing rule kind (known kinds: {kinds})")
            continue
        if loc and loc[0] == data.get("kind"):
            loc = loc[1:]  # drop the discriminator tag pydantic puts first
        line = line_of(node, loc)
        field_path = ".".join(str(p) for p in loc) or "(rule)"
        msg = err["msg"]
        if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):  # a model field, a dataclass field
            msg = "unknown field"
        lines.append(f"{path}:{line}: {field_path}: {msg}")
    return "\n".join(lines)
