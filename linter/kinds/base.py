"""The fields every rule has, whatever its kind, and the embedded-example model.

A rule kind is one module in ``linter/kinds/``; its name, with ``-`` for ``_``, is the
kind (``number_format.py`` holds ``kind: number-format``). It defines a class ``Rule``
subclassing :class:`RuleBase` that declares its own fields as annotations (see
:mod:`linter.schema`: plain classes, validated by pydantic only when a rule file is read)
and a ``check(doc, ctx)`` method yielding :class:`~linter.diagnostics.Finding`. The kind
registry discovers it; nothing else needs to change to add a kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, ClassVar, Iterable, Literal

from ..diagnostics import Finding
from ..document import SCOPES
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

_MARKER = re.compile(r"<(marker|related)>(.*?)</\1>", re.S)


@dataclass
class Example:
    """An embedded test. ``<marker>…</marker>`` marks where the rule must fire; an
    example without markers must not fire. ``<related>…</related>`` marks the other
    side of a contradiction or duplicate."""

    __pydantic_config__ = {"extra": "forbid"}

    text: str
    suggestions: list[str] | None = None
    message: str | None = None  # a substring the first diagnostic's message must contain
    date: str | None = None  # document date, YYYY-MM-DD
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
        """("Flagged"|"Fine", one-line description) as `explain` and SARIF help show it."""
        plain, marks, _ = self.parse()
        if not marks:
            return "Fine", plain
        spans = ", ".join(repr(plain[s:e]) for s, e in marks)
        extra = f" (suggests {', '.join(self.suggestions)})" if self.suggestions else ""
        return "Flagged", f"{plain} -> {spans}{extra}"


@dataclass
class ScopeFilter:
    __pydantic_config__ = {"extra": "forbid"}

    include: list[Scope] = field(default_factory=list)
    exclude: list[Scope] = field(default_factory=list)


class Context:
    """What a check may read besides the document: the config and the word lists."""

    def __init__(self, config=None, wordlists: dict[str, list[str]] | None = None):
        self.config = config
        self.wordlists = wordlists or {}


class RuleBase(Declared):
    """Fields shared by all rule kinds (see README, "Writing a rule")."""

    id: Annotated[str, Field(pattern=r"^[A-Z]{1,3}\d{3}$")]
    name: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    kind: str  # the module's name; linter.kinds makes it a Literal for validation
    category: Category
    severity: Severity
    message: str
    description: str
    link: str | None = None
    enabled: bool = True
    scope: ScopeFilter = ScopeFilter()
    examples: Annotated[list[Example], Field(min_length=2)]

    source = ""  # the rule file, set by the loader (not a field)

    # the word lists a rule of this kind may name, for validation at load time
    wordlist_fields: ClassVar[tuple[str, ...]] = ()

    def validate(self) -> None:
        if not any(e.fires for e in self.examples):
            raise InvalidField("examples", "needs at least one example that fires (with <marker>…</marker>)")
        if all(e.fires for e in self.examples):
            raise InvalidField("examples", "needs at least one example that must not fire (no marker)")

    # -- interface for kinds ------------------------------------------------
    def prepare(self, wordlists: dict[str, list[str]]) -> None:
        """Compile what the rule needs once (regexes, word sets). Called by the loader."""

    def check(self, doc, ctx) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def format_message(self, values: dict) -> str:
        return fill_template(self.message, values)


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_]\w*)\}")


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
