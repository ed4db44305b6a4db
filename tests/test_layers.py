"""The import contract: factlint's modules form one-way layers (README, "Development").

    text helpers (text, timing, scopes, frontmatter)
      -> document                    structure only; its date is handed in
      -> facts (linter/facts/)       built and attached by the engine
      -> rule kinds (linter/kinds/)
      -> engine
      -> reporters, CLI, language server

Read from the source with ``ast`` (nothing is imported, no dependency needed). Every
``import`` counts, at module level and inside functions alike: a function-level import
is still a dependency, only a later one, and a lazy import that points upward is how the
old cycle (document -> facts.dates -> document) hid. Imports under ``if TYPE_CHECKING:``
do not count (they never run). Importing a submodule also runs its package's
``__init__``; that implicit edge is not counted (a package importing its own submodules
lazily, as ``facts/__init__`` does, is not a cycle).

The few function-level imports that close a cycle on purpose are listed in
``ALLOWED`` with the reason; anything else fails the test.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "linter"

# (importer, imported): function-level imports allowed to close a cycle, each with why.
ALLOWED: dict[tuple[str, str], str] = {
    ("linter.formats", "linter.formats.docx"):
        "load_document picks the reader a file needs when it needs it (python-docx and the "
        "HTML parser load only for those files); the readers take FormatError from the package",
    ("linter.formats", "linter.formats.html"): "as for docx",
}

TEXT = ("linter.text", "linter.timing", "linter.scopes", "linter.frontmatter")
DOCUMENT = ("linter.document",)
FACTS = ("linter.facts",)
KINDS = ("linter.kinds",)
ENGINE = ("linter.engine",)
TOP = ("linter.cli", "linter.reporters", "linter.lsp")

# What each layer must never import (a prefix names a module and everything under it).
FORBIDDEN = {
    "text helpers": (TEXT, ("linter.document", *FACTS, *KINDS, *ENGINE, *TOP, "linter.ruleset", "linter.formats")),
    "document": (DOCUMENT, (*FACTS, *KINDS, *ENGINE, *TOP, "linter.ruleset", "linter.formats")),
    "facts": (FACTS, (*KINDS, *ENGINE, *TOP, "linter.ruleset", "linter.rulecache", "linter.config",
                      "linter.formats", "yaml")),
    "rule kinds": (KINDS, (*ENGINE, *TOP)),
    "engine": (ENGINE, TOP),
}


# ---------------------------------------------------------------------------
# The checker


def _modules(root: pathlib.Path) -> dict[str, tuple[pathlib.Path, bool]]:
    """Dotted name -> (file, is a package) for every module under ``root``."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts.pop()
        out[".".join(parts)] = (path, package)
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_graph(root: pathlib.Path) -> dict[str, set[tuple[str, bool]]]:
    """For each module under ``root``: the modules it imports, as (name, at module level).
    Names inside the package are resolved to a module of it (``from . import x`` is the
    submodule ``x`` when there is one); others are kept as written (``yaml``)."""
    modules = _modules(root)
    graph: dict[str, set[tuple[str, bool]]] = {}
    for name, (path, package) in modules.items():
        here = name.split(".") if package else name.split(".")[:-1]
        edges: set[tuple[str, bool]] = set()

        def visit(node: ast.AST, top: bool) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.If) and _type_checking(child):
                    for stmt in child.orelse:
                        visit_stmt(stmt, top)
                    continue
                visit_stmt(child, top)

        def visit_stmt(child: ast.AST, top: bool) -> None:
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                top = False
            if isinstance(child, ast.Import):
                for alias in child.names:
                    edges.add((alias.name, top))
            elif isinstance(child, ast.ImportFrom):
                base = here[: len(here) - child.level + 1] if child.level else []
                target = ".".join(base + ([child.module] if child.module else []))
                for alias in child.names:
                    sub = f"{target}.{alias.name}"
                    edges.add((sub if sub in modules else target, top))
            else:
                visit(child, top)

        visit(ast.parse(path.read_text(encoding="utf-8"), str(path)), True)
        graph[name] = {(t, top) for t, top in edges if t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in graph:
                continue
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(found)


def _within(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def layer_violations(graph: dict[str, set[tuple[str, bool]]]) -> list[str]:
    out = []
    for layer, (members, forbidden) in FORBIDDEN.items():
        for module, edges in sorted(graph.items()):
            if not _within(module, members):
                continue
            for target, top in sorted(edges):
                if _within(target, forbidden):
                    where = "module level" if top else "in a function"
                    out.append(f"{layer}: {module} imports {target} ({where})")
    return out


def contract_graph(root: pathlib.Path) -> dict[str, set[str]]:
    """The edges that count for cycles: every import but the allowed ones."""
    return {m: {t for t, _ in edges if (m, t) not in ALLOWED} for m, edges in import_graph(root).items()}


# ---------------------------------------------------------------------------
# The contract


def test_no_import_cycle_among_factlint_modules():
    assert cycles(contract_graph(PACKAGE)) == []


def test_layers_import_only_downwards():
    assert layer_violations(import_graph(PACKAGE)) == []


def test_every_allowed_exception_is_still_needed():
    graph = import_graph(PACKAGE)
    for (importer, imported), reason in ALLOWED.items():
        assert reason
        assert (imported, False) in graph.get(importer, ()), f"{importer} -> {imported} is gone: drop it from ALLOWED"


def test_the_layer_groups_name_real_modules():
    names = set(import_graph(PACKAGE))
    for members, _ in FORBIDDEN.values():
        for prefix in members:
            assert any(_within(n, (prefix,)) for n in names), prefix


# ---------------------------------------------------------------------------
# The checker checked, on small synthetic packages


def _package(tmp_path: pathlib.Path, files: dict[str, str]) -> pathlib.Path:
    root = tmp_path / "linter"
    for rel, body in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return root


def test_the_checker_finds_a_module_level_cycle(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "",
        "document.py": "from .facts import Facts\n",
        "facts/__init__.py": "from ..document import Document\n",
        "engine.py": "from . import document\n",
    })
    assert cycles(contract_graph(root)) == [["linter.document", "linter.facts"]]


def test_the_checker_finds_a_cycle_through_a_function_level_import(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "",
        "document.py": "def date(doc):\n    from .facts.dates import infer\n    return infer(doc)\n",
        "facts/__init__.py": "",
        "facts/dates.py": "from ..document import per_document\n",
    })
    assert cycles(contract_graph(root)) == [["linter.document", "linter.facts.dates"]]
    assert layer_violations(import_graph(root)) == [
        "document: linter.document imports linter.facts.dates (in a function)"]


def test_the_checker_ignores_type_checking_imports_and_reports_upward_ones(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "",
        "document.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .facts import Facts\n",
        "facts/__init__.py": "from ..document import Document\nimport yaml\nfrom ..kinds import base\n",
        "kinds/__init__.py": "",
        "kinds/base.py": "from ..engine import lint\n",
        "engine.py": "from .kinds import base\n",
    })
    assert cycles(contract_graph(root)) == [["linter.engine", "linter.kinds.base"]]
    assert layer_violations(import_graph(root)) == [
        "facts: linter.facts imports linter.kinds.base (module level)",
        "facts: linter.facts imports yaml (module level)",
        "rule kinds: linter.kinds.base imports linter.engine (module level)",
    ]


@pytest.mark.parametrize("line, target", [
    ("from . import document", "linter.document"),
    ("from .document import Document", "linter.document"),
    ("import linter.document", "linter.document"),
    ("from .facts import dates", "linter.facts.dates"),
    ("from .facts.dates import infer", "linter.facts.dates"),
    ("from .facts import Facts", "linter.facts"),
])
def test_the_checker_resolves_each_form_of_import(tmp_path, line, target):
    root = _package(tmp_path, {
        "__init__.py": "", "document.py": "", "facts/__init__.py": "", "facts/dates.py": "",
        "engine.py": line + "\n",
    })
    assert import_graph(root)["linter.engine"] == {(target, True)}
