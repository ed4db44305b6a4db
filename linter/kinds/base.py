"""The fields every rule has, whatever its kind, and the embedded-example model.

A rule kind is one module in ``linter/kinds/``; its name, with ``-`` for ``_``, is the
kind (``number_format.py`` holds ``kind: number-format``). It defines a class ``Rule``
subclassing :class:`RuleBase` that declares its own fields as annotations (see
:mod:`linter.schema`: plain classes, validated by pydantic only when a rule file is read)
and a ``check(doc, ctx)`` method yielding :class:`~linter.diagnostics.Finding`. The kind
registry discovers it; nothing else needs to change to add a kind. A kind with several
checks chosen by ``detect:`` is a package with one module per check
(:mod:`linter.kinds._detectors`).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, ClassVar, Iterable, Literal

from ..text import LazyPattern
from ..diagnostics import Finding
from ..scopes import SCOPES
from ..schema import Declared, InvalidField

if TYPE_CHECKING:  # resolved by linter.schema when a rule file is validated
    from pydantic import Field

CATEGORIES = (
    "number", "arithmetic", "contradiction", "date", "attribution",
    "quotation", "duplication", "consistency", "style",
)
Category = Literal[
    "number", "arithmetic", "contradiction", "date", "attribution",
    "quotation", "duplication", "consistency", "style",
]
Severity = Literal["error", "warning", "info"]
Scope = Literal[SCOPES]  # type: ignore[valid-type]

_MARKER = LazyPattern(r"<(marker|related)>(.*?)</\1>", re.S)


@dataclass
class Example:
    """An embedded test. ``<marker>…</marker>`` marks where the rule must fire; an
    example without markers must not fire. ``<related>…</related>`` marks the other
    side of a contradiction or duplicate."""

    __pydantic_config__ = {"extra": "forbid"}

    text: str
    suggestions: list[str] | None = None
    message: str | None = None  # a substring the first diagnostic's message must contain
    date: _dt.date | None = None  # document date, YYYY-MM-DD (a bad one is a load error, not a traceback)
    markdown: bool = False

    def parse(self) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
        """The plain text plus the marked and related spans (offsets into the plain text)."""
        plain: list[str] = []
        marks: list[tuple[int, int]] = []
        related: list[tuple[int, int]] = []
        pos = 0
        length = 0
        for m in _MARKER.finditer(self.text):
            before = self.text[pos : m.start()]
            plain.append(before)
            length += len(before)
            (marks if m.group(1) == "marker" else related).append((length, length + len(m.group(2))))
            plain.append(m.group(2))
            length += len(m.group(2))
            pos = m.end()
        plain.append(self.text[pos:])
        return "".join(plain), marks, related

    @property
    def fires(self) -> bool:
        return "<marker>" in self.text

    def summary(self) -> tuple[str, str]:
        """("Flagged"|"Fine", one-line description) as `explain` and SARIF help show it; an
        example with a document date says so ("Flagged (dated 2016-06-01)"): the same text
        may be fine in another year."""
        plain, marks, _ = self.parse()
        dated = f" (dated {self.date.isoformat()})" if self.date else ""
        if not marks:
            return "Fine" + dated, plain
        spans = ", ".join(repr(plain[s:e]) for s, e in marks)
        extra = f" (suggests {', '.join(self.suggestions)})" if self.suggestions else ""
        return "Flagged" + dated, f"{plain} -> {spans}{extra}"


@dataclass
class ScopeFilter:
    """The parts of a document a rule runs in (``scope: {include: [...], exclude: [...]}``)."""

    __pydantic_config__ = {"extra": "forbid"}

    include: list[Scope] = field(default_factory=list)
    exclude: list[Scope] = field(default_factory=list)


class WordListEntryError(ValueError):
    """An entry of a word list that a rule cannot use (raised by ``prepare``); the loader
    turns it into an error at the entry's file and line."""

    def __init__(self, wordlist: str, index: int, message: str):
        super().__init__(message)
        self.wordlist = wordlist
        self.index = index


class Context:
    """What a check may read besides the document: the config and the word lists."""

    def __init__(self, config=None, wordlists: dict[str, list[str]] | None = None):
        self.config = config
        self.wordlists = wordlists or {}


class RuleBase(Declared):
    """Fields shared by all rule kinds (see README, "Writing a rule")."""

    id: Annotated[str, Field(pattern=r"^[A-Z]{1,3}\d{3}$")]
    """Stable code: family letter(s) and three digits (X101), unique in the rule set."""
    name: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    """kebab-case name, unique in the rule set; usable wherever an id is."""
    kind: str  # the module's name; linter.kinds makes it a Literal for validation
    """The check this rule parameterises (`factlint explain --kind` lists them)."""
    category: Category
    """The family the rule belongs to; `--select`/`--ignore` take a category too."""
    severity: Severity
    """The default severity; the config's `severity:` overrides it."""
    message: str
    """The finding's message; `{name}` placeholders are filled from the finding (`{{`/`}}` for braces)."""
    description: str
    """Why it matters, shown by `factlint explain ID`."""
    link: str | None = None
    """A page that explains the rule further."""
    enabled: bool = True
    """false: off by default, runs only when selected by id or name (or ALL)."""
    scope: ScopeFilter = ScopeFilter()
    """{include: [...], exclude: [...]}: block kinds (heading, paragraph, caption, read-more, list-item, blockquote) and quote/prose."""
    examples: Annotated[list[Example], Field(min_length=2)]
    """Embedded tests: `text` with <marker>…</marker> where it must fire (at least one) and without (at least one); optional `suggestions`, `message`, `date`, `markdown`."""

    source = ""  # the rule file, set by the loader (not a field)

    # the word lists a rule of this kind may name, for validation at load time
    wordlist_fields: ClassVar[tuple[str, ...]] = ()
    # the {names} a message may use: what this kind's findings carry (a dict: by ``detect``)
    placeholders: ClassVar[tuple[str, ...] | dict[str, tuple[str, ...]]] = ()

    def validate(self) -> None:
        if not any(e.fires for e in self.examples):
            raise InvalidField("examples", "needs at least one example that fires (with <marker>…</marker>)")
        if all(e.fires for e in self.examples):
            raise InvalidField("examples", "needs at least one example that must not fire (no marker)")
        unknown = [n for n in template_names(self.message) if n not in self.message_values()]
        if unknown:
            known = ", ".join("{" + n + "}" for n in sorted(self.message_values())) or "none"
            raise InvalidField("message", f"unknown placeholder {{{unknown[0]}}}: a {self.kind} rule "
                                          f"fills {known} (write {{{{ and }}}} for literal braces)")

    def message_values(self) -> set[str]:
        """The placeholder names this rule's findings fill (see ``placeholders``)."""
        names = self.placeholders
        if isinstance(names, dict):
            names = names.get(getattr(self, "detect", ""), ())
        return set(names)

    # -- interface for kinds ------------------------------------------------
    def prepare(self, wordlists: dict[str, list[str]]) -> None:
        """Compile what the rule needs once (regexes, word sets). Called by the loader."""

    def check(self, doc, ctx) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def format_message(self, values: dict) -> str:
        return fill_template(self.message, values)


_PLACEHOLDER = LazyPattern(r"\{\{|\}\}|\{([A-Za-z_]\w*)\}")


def template_names(template: str) -> list[str]:
    """The ``{name}`` placeholders of a message or suggestion template, in order."""
    return [m.group(1) for m in _PLACEHOLDER.finditer(template) if m.group(1)]


def fill_template(template: str, values: dict, missing: str | None = None) -> str:
    """Fill ``{name}`` placeholders (``{{``/``}}`` are literal braces); leave anything else as written.

    Not ``str.format``: a rule file is data, and format syntax is not. ``{match.__class__}``
    would walk attributes, ``{match[x]}`` raised TypeError mid-lint, and ``{match:>999999999999}``
    asks for a terabyte. An unknown name stays ``{name}`` (or becomes ``missing`` if given).
    """

    def fill(m: re.Match) -> str:
        name = m.group(1)
        if name is None:
            return m.group()[0]
        if name in values:
            return str(values[name])
        return "{" + name + "}" if missing is None else missing

    return _PLACEHOLDER.sub(fill, template)
