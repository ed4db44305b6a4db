"""``factlint lsp``: a language server on stdio (pygls 2; ``pip install 'factlint[lsp]'``).

What an editor gets:

- diagnostics when a document is opened or saved, and after edits once typing pauses
  (debounced, ``DEBOUNCE_SECONDS``), each with ``code`` (the rule id), ``source`` ("factlint"),
  ``codeDescription`` (the rule's link, else its YAML file) and related locations;
- positions as LSP wants them: 0-based lines and characters in the negotiated encoding
  (UTF-16 unless the client offers UTF-8/UTF-32), computed here from our code-point offsets
  with LSP's own line breaks (CRLF, CR, LF) rather than pygls' ``str.splitlines``, which also
  breaks on U+2028 and friends and would shift every line after one;
- quick fixes: one code action per suggestion (the rule's safe fix is marked preferred);
- HTML documents (languageId ``html``, or a .html/.htm path) read as pages: prose from their
  block elements, diagnostics at the page's source positions (see linter/formats/html.py);
- configuration per workspace folder: each document uses the ``.factlint.yaml`` (or
  ``[tool.factlint]``) closest to it, found upward from its folder, re-read when it changes;
  its path relative to its workspace folder is what ``per-path`` globs see.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import os
import re
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from . import __version__
from .config import Config, ConfigError, discover, load_config
from .engine import META_RULES, SelectionError, lint_text, rules_for
from .formats import FormatError, is_html
from .reporters import fix_texts
from .ruleset import RuleSetError

DEBOUNCE_SECONDS = 0.3
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_BREAK = re.compile(r"\r\n|\r|\n")
log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# Positions


class PositionMap:
    """Code-point offsets of one text -> LSP positions (0-based line, character in ``encoding``)."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16):
        self.text = text
        self.encoding = getattr(encoding, "value", encoding)  # "utf-8" | "utf-16" | "utf-32"
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def _units(self, s: str) -> int:
        if self.encoding == "utf-8":
            return len(s.encode("utf-8", "surrogatepass"))
        if self.encoding == "utf-32":
            return len(s)
        return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        # an offset inside a CRLF pair belongs to the end of its line
        return types.Position(line=line, character=self._units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))


# ---------------------------------------------------------------------------
# Configuration per workspace folder


class Configs:
    """The config for a document: discovered upward from its folder, cached by file and mtime."""

    def __init__(self):
        self._cache: dict[str, tuple[float, Config]] = {}

    def for_path(self, path: str | None) -> Config:
        if not path:
            return Config()
        file = discover(os.path.dirname(path) or ".")
        if file is None:
            return Config()
        key = str(file)
        try:
            mtime = file.stat().st_mtime
        except OSError:
            return Config()
        cached = self._cache.get(key)
        if cached and cached[0] == mtime:
            return cached[1]
        config = load_config(file)
        self._cache[key] = (mtime, config)
        return config

    def clear(self) -> None:
        self._cache.clear()


# ---------------------------------------------------------------------------
# Server


class FactlintServer(LanguageServer):
    def __init__(self):
        super().__init__("factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.configs = Configs()
        self.pending: dict[str, asyncio.Task] = {}
        try:
            self.debounce = max(0.0, float(os.environ.get("FACTLINT_LSP_DEBOUNCE", DEBOUNCE_SECONDS)))
        except ValueError:
            self.debounce = DEBOUNCE_SECONDS

    # -- helpers --------------------------------------------------------------
    def folder_of(self, path: str | None) -> str | None:
        """The innermost workspace folder containing ``path`` (or the root path)."""
        if not path:
            return None
        roots = [to_fs_path(f.uri) for f in self.workspace.folders.values()]
        if self.workspace.root_path:
            roots.append(self.workspace.root_path)
        best = None
        for root in filter(None, roots):
            root = os.path.abspath(root)
            if os.path.abspath(path).startswith(root.rstrip(os.sep) + os.sep):
                if best is None or len(root) > len(best):
                    best = root
        return best

    def lint(self, uri: str) -> list[types.Diagnostic]:
        doc = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        config = self.configs.for_path(path)
        shown = self._shown(path) if path else None
        if shown and config.is_excluded(shown):
            return []
        source = doc.source
        shift = 1 if source.startswith("\ufeff") else 0  # the document model drops a BOM
        ruleset = rules_for(config)
        name = shown or doc.filename or "untitled"
        html = doc.language_id == "html" or is_html(name)
        diagnostics = lint_text(source, path=name, config=config, ruleset=ruleset, syntax="html" if html else None)
        positions = PositionMap(source, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        rules = {r.id: r for r in ruleset.rules}
        return [self.to_lsp(d, positions, shift, uri, rules, markup=html) for d in diagnostics]

    def _shown(self, path: str) -> str:
        folder = self.folder_of(path)
        return Path(os.path.relpath(path, folder)).as_posix() if folder else path

    @staticmethod
    def to_lsp(d, positions: PositionMap, shift: int, uri: str, rules: dict, markup: bool = False) -> types.Diagnostic:
        """The LSP diagnostic. In HTML (``markup``) a quick fix is offered only where the
        page holds the flagged words verbatim and the replacement has no ``<`` or ``&``:
        replacing a span with a tag or entity inside would drop it."""
        rule = rules.get(d.rule) or META_RULES.get(d.rule)
        href = getattr(rule, "link", None)
        if not href and getattr(rule, "source", ""):
            href = from_fs_path(os.path.abspath(rule.source))
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=positions.range(r.start + shift, r.end + shift)),
                message=r.message)
            for r in d.related
        ]
        fixes = fix_texts(d)
        if markup:
            verbatim = positions.text[d.start + shift : d.end + shift] == d.text
            fixes = [f for f in fixes if verbatim and "<" not in f and "&" not in f]
        return types.Diagnostic(
            range=positions.range(d.start + shift, d.end + shift),
            severity=SEVERITY[d.severity],
            code=d.rule,
            code_description=types.CodeDescription(href=href) if href else None,
            source="factlint",
            message=f"{d.message} [{d.name}]",
            related_information=related or None,
            data={"fixes": fixes, "preferred": d.fix, "fingerprint": d.fingerprint, "name": d.name},
        )

    def publish(self, uri: str) -> None:
        doc = self.workspace.get_text_document(uri)
        try:
            diagnostics = self.lint(uri)
        except (ConfigError, RuleSetError, SelectionError, FormatError) as exc:  # a broken config or page: say so
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                             message=f"factlint: {exc}"))
            diagnostics = []
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=diagnostics))

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds unless another edit comes first."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()

        async def later():
            try:
                await asyncio.sleep(delay)
            except asyncio.CancelledError:
                return
            self.pending.pop(uri, None)
            self.publish(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())


server = FactlintServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams):
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams):
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams):
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams):
    task = ls.pending.pop(params.text_document.uri, None)
    if task is not None:
        task.cancel()
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched(ls: FactlintServer, params: types.DidChangeWatchedFilesParams):
    """A config or rule file changed: forget cached configs and re-lint the open documents."""
    ls.configs.clear()
    for uri in list(ls.workspace.text_documents):
        ls.publish(uri)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: FactlintServer, params: types.CodeActionParams):
    actions = []
    for diag in params.context.diagnostics:
        if diag.source != "factlint" or not isinstance(diag.data, dict):
            continue
        preferred = diag.data.get("preferred")
        for text in diag.data.get("fixes") or []:
            if not isinstance(text, str):
                continue
            actions.append(types.CodeAction(
                title=f"Replace with '{text}' ({diag.code})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                is_preferred=text == preferred or None,
                edit=types.WorkspaceEdit(changes={
                    params.text_document.uri: [types.TextEdit(range=diag.range, new_text=text)],
                }),
            ))
    return actions


def serve() -> None:
    """Run on stdio until the client sends ``exit``."""
    logging.basicConfig(level=logging.WARNING)
    server.start_io()
