"""Configuration: a plain class with declared fields (validated by pydantic when a file
is first read, see linter.schema; what it validated to is kept in the cache folder, see
linter.rulecache, so later runs import neither PyYAML nor pydantic), discovered upward
from the working folder.

Sources, lowest to highest precedence: built-in defaults, the discovered file
(``.factlint.yaml`` / ``.factlint.yml``, else ``[tool.factlint]`` in ``pyproject.toml``,
the closest folder wins), ``--config FILE``, then command-line flags.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from .schema import Declared, validate

if TYPE_CHECKING:  # resolved by linter.schema when a config file is validated
    from pydantic import Field

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml")
DEFAULT_EXTENSIONS = [".txt", ".md", ".markdown"]


class ConfigError(Exception):
    """A config file or option is invalid; the message names the file and key."""


def _kebab(name: str) -> str:
    return name.replace("_", "-")


_KEYS = {"extra": "forbid", "alias_generator": _kebab, "populate_by_name": True}  # pydantic model config


@dataclass
class PathOverride:
    """Settings for the files one ``per-path`` glob matches: rules ignored there, severities changed."""

    __pydantic_config__ = _KEYS

    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Literal["error", "warning", "info", "off"]] = field(default_factory=dict)


class Config(Declared):
    """Everything a run can be configured with. Keys are kebab-case in files.

    ``Config(**values)`` takes typed values (as a dataclass does); :func:`load_config`
    validates a file's keys and types."""

    schema_config = _KEYS

    select: list[str] | None = None
    extend_select: list[str] = []
    ignore: list[str] = []
    severity: dict[str, Literal["error", "warning", "info", "off"]] = {}
    per_path: dict[str, PathOverride] = {}
    rules: list[str] = []
    builtin_rules: bool = True
    fail_on: Literal["error", "warning", "info"] = "warning"
    date: _dt.date | None = None
    # what kind of pieces these are (facts.genre): outside news, judgement words are the point
    genre: Literal["news", "opinion", "letters", "review", "comments", "interview", "match-report"] | None = None
    locale: str = "en"
    # house style for numbers: counts below this are spelled out (N121); None = the rule's own value
    spell_out_below: Annotated[int | None, Field(ge=1)] = None
    extensions: list[str] = list(DEFAULT_EXTENSIONS)
    exclude: list[str] = []
    force_exclude: bool = False  # apply `exclude` to files named explicitly too
    max_file_size: int = 25 * 1024 * 1024
    allow_external_rules: bool = False  # let `rules:` in a config file point outside its folder
    report_unused_suppressions: bool = True

    source = ""  # where the config came from (not a key users set)

    def validate(self) -> None:
        self.extensions = [e if e.startswith(".") else "." + e for e in self.extensions]

    def to_json(self) -> str:
        """The effective settings as canonical JSON (part of the result cache's key)."""
        values = {k: ({g: asdict(o) for g, o in v.items()} if k == "per_path" else v) for k, v in self.fields().items()}
        return json.dumps(values, sort_keys=True, default=str)

    def overrides_for(self, path: str) -> PathOverride | None:
        """The merged per-path override whose glob matches ``path`` (posix form)."""
        posix = path.replace(os.sep, "/")
        hits = [o for glob, o in self.per_path.items() if fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(posix, "*/" + glob)]
        if not hits:
            return None
        merged = PathOverride()
        for o in hits:
            merged.ignore += o.ignore
            merged.severity.update(o.severity)
        return merged

    def is_excluded(self, path: str) -> bool:
        posix = path.replace(os.sep, "/")
        return any(fnmatch.fnmatch(posix, g) or fnmatch.fnmatch(posix, "*/" + g) for g in self.exclude)


def discover(start: str | os.PathLike = ".") -> Path | None:
    """The closest config file at or above ``start``."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load_config(path: str | os.PathLike | None = None, *, discover_from: str | os.PathLike | None = ".") -> Config:
    """Load ``path`` or the discovered config; defaults when there is none."""
    file = Path(path) if path else (discover(discover_from) if discover_from is not None else None)
    if file is None:
        return Config()
    if not file.is_file():
        raise ConfigError(f"{file}: config file not found")
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read config: {exc}") from None

    def validated() -> dict:
        data, node = _read(file, raw)
        from pydantic import ValidationError  # only when there is a file to validate

        try:
            return validate(Config, _unquoted_off(data)).fields()
        except ValidationError as exc:
            raise ConfigError(_explain(file, node, exc)) from None

    from . import rulecache

    config = rulecache.load_config(Config, file, raw, validated)  # validated once, then kept as plain data
    config.source = str(file)
    base = file.resolve().parent
    config.rules = [_rules_dir(file, base, r, config.allow_external_rules) for r in config.rules]
    return config


def _rules_dir(file: Path, base: Path, entry: str, allow_external: bool) -> str:
    """A ``rules:`` entry resolved against the config file's folder (the project).

    A config file comes with the repository being linted, so it may not send the linter
    outside that folder (``..``, an absolute path, a symlink) unless it also says
    ``allow-external-rules: true``; ``--rules`` on the command line is always allowed.
    """
    resolved = (base / entry).resolve()
    if not allow_external and resolved != base and base not in resolved.parents:
        raise ConfigError(f"{file}: rules: '{entry}' resolves to {resolved}, outside the project folder {base}; "
                          f"pass it with --rules or set allow-external-rules: true")
    return str(resolved)


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "factlint" in _read_toml(pyproject).get("tool", {})
    except ConfigError:
        return False


def _read_toml(file: Path, raw: bytes | None = None) -> dict:
    import tomllib

    try:
        return tomllib.loads(raw.decode("utf-8") if raw is not None else file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read config: {exc}") from None


def _read(file: Path, raw: bytes) -> tuple[dict, object]:
    """The keys of the config ``file`` whose bytes are ``raw`` and, for YAML, its node tree
    (for line numbers; None for TOML)."""
    node = None
    if file.name == "pyproject.toml" or file.suffix == ".toml":
        data = _read_toml(file, raw)
        if file.name == "pyproject.toml":
            data = data.get("tool", {}).get("factlint", {})
    else:
        from . import yamlfile

        try:
            data, node = yamlfile.load(raw.decode("utf-8-sig"), file)
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{file}: cannot read config: {exc}") from None
        except yamlfile.YamlError as exc:
            raise ConfigError(str(exc)) from None
    if data is None:
        return {}, node
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: the config must be a mapping of keys")
    return data, node


def _unquoted_off(data: dict) -> dict:
    """``severity: {N120: off}``: YAML 1.1 reads an unquoted ``off`` as false. In a severity
    table false can only mean "off", so it is taken as such (``"off"`` quoted is the same)."""
    def fix(table):
        return {k: "off" if v is False else v for k, v in table.items()} if isinstance(table, dict) else table

    data = dict(data)
    if "severity" in data:
        data["severity"] = fix(data["severity"])
    if isinstance(data.get("per-path"), dict):
        data["per-path"] = {glob: dict(o, severity=fix(o["severity"])) if isinstance(o, dict) and "severity" in o else o
                            for glob, o in data["per-path"].items()}
    return data


def _explain(file: Path, node, exc) -> str:
    """One line per problem of a ``pydantic.ValidationError``: ``file:line: key: message``."""
    from .yamlfile import line_of

    out = []
    for err in exc.errors():
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        key = ".".join(str(p) for p in loc)
        where = f"{file}:{line_of(node, loc)}" if node is not None else str(file)
        msg = "unknown key" if err["type"] in ("extra_forbidden", "unexpected_keyword_argument") else err["msg"]
        out.append(f"{where}: {key}: {msg}")
    return "\n".join(out)


STARTER = """\
# factlint configuration (README, "Configuration"). Rules are named by id (N101), prefix (N),
# category (number) or name (malformed-digit-grouping); `factlint rules` lists them all.
# select: [ALL]                # replace the default rule set (ALL: every rule, off ones too)
extend-select: []              # e.g. extend-select: [A104]
ignore: []                     # e.g. ignore: [S102, style]
fail-on: warning               # lowest severity that makes the exit code 1
# date: 2024-09-30             # document date (else front matter, else inferred from the text)
# genre: opinion               # news (default), opinion, letters, review, comments, interview, match-report
locale: en                     # number formats: en, en-IN (lakh grouping), de, fr, ...
severity: {}                   # e.g. severity: {R101: warning, A103: "off"}
per-path: {}                   # e.g. per-path: {"archive/**": {ignore: [attribution]}}
rules: []                      # e.g. rules: [house-rules]
exclude: []                    # e.g. exclude: ["drafts/**"]
extensions: [.txt, .md, .markdown]
max-file-size: 26214400        # bytes; larger files are reported (F001) and skipped
"""
