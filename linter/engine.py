"""The engine: document -> facts -> checks -> diagnostics -> suppressions/severity.

Pure per document: :func:`lint_text` takes text and a config and returns a list of
picklable :class:`Diagnostic`; nothing global is mutated, so it maps onto a process
pool or a distributed map unchanged.

The engine is where the layers meet (README, "Development"): it builds the document
(``formats.load_document``), attaches its facts with what the run hands them
(:func:`attach_facts`: the date read from the text when none was given, the attribution
word lists of the rule packs, the genre setting, the run's reference date), runs the
rule kinds' checks and turns their findings into diagnostics.
"""

from __future__ import annotations

import datetime as _dt
import errno
import os
import stat
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from . import suppress
from .config import Config
from .diagnostics import SEVERITY_RANK, Diagnostic, Finding, Related, assign_fingerprints
from .document import Document
from .facts import Facts
from .facts.dates import document_date
from .facts.lexicon import Lexicon, lexicon_for
from .formats import FormatError, is_docx, load_document
from .kinds._regex import RuleTimeout
from .kinds.base import CATEGORIES, Context, RuleBase
from .ruleset import RuleSet
from .timing import Timing


class SelectionError(Exception):
    """A --select/--ignore/severity entry names no rule, prefix or category."""


@dataclass(frozen=True)
class MetaRule:
    """A diagnostic factlint itself emits (not from a YAML rule)."""

    id: str
    name: str
    severity: str
    category: str
    description: str


META_RULES = {
    m.id: m
    for m in (
        MetaRule("F001", "unreadable-file", "error", "meta",
                 "The file could not be read or decoded (not UTF-8, no byte-order mark, no text encoding "
                 "detected), or is over the size limit; it was not linted."),
        MetaRule("F002", "unused-suppression", "warning", "meta",
                 "A factlint-disable comment that suppresses nothing: remove it so it cannot hide a future finding."),
        MetaRule("F003", "rule-timeout", "error", "meta",
                 "A rule's regular expression ran past its time budget on this file (catastrophic backtracking?). "
                 "The rule was skipped for this file; the other rules ran."),
    )
}


# ---------------------------------------------------------------------------
# Rule selection


def _matches(selector: str, rule) -> bool:
    if selector == "ALL":
        return True
    return (
        rule.id == selector
        or rule.name == selector
        or rule.category == selector
        or (selector[:1].isupper() and rule.id.startswith(selector))
    )


def _exact(selector: str, rule) -> bool:
    return selector in (rule.id, rule.name, "ALL")


def select_rules(ruleset: RuleSet, config: Config) -> list[RuleBase]:
    """The rules to run: ``select`` (or the on-by-default set) + ``extend-select`` - ``ignore``.

    A rule that is off by default runs only when named by id or name (or ``ALL``).
    """
    every = list(ruleset.rules) + list(META_RULES.values())
    for selector in [*(config.select or []), *config.extend_select, *config.ignore, *config.severity]:
        if not any(_matches(selector, r) for r in every) and selector not in CATEGORIES:
            raise SelectionError(f"unknown rule id, prefix, name or category: '{selector}'")

    def chosen(rule, selectors) -> bool:
        return any(_exact(s, rule) or (getattr(rule, "enabled", True) and _matches(s, rule)) for s in selectors)

    active = []
    for rule in ruleset.rules:
        on = chosen(rule, config.select) if config.select is not None else rule.enabled
        on = on or chosen(rule, config.extend_select)
        if on and not any(_matches(s, rule) for s in config.ignore):
            if config.severity.get(rule.id) != "off" and config.severity.get(rule.name) != "off":
                active.append(rule)
    return active


def meta_enabled(rule_id: str, config: Config) -> bool:
    meta = META_RULES[rule_id]
    return not any(_matches(s, meta) for s in config.ignore) and config.severity.get(rule_id) != "off"


@lru_cache(maxsize=8)
def _cached_rules(dirs: tuple[str, ...], builtin: bool, fingerprints: tuple[str, ...]) -> RuleSet:
    from . import rulecache

    return rulecache.load(list(dirs), builtin)


def rules_for(config: Config) -> RuleSet:
    """The rule set a config asks for: loaded once per process, again when a user's rule
    file changes (keyed on each pack's content: :func:`linter.cachedir.pack_fingerprint`)."""
    from .cachedir import pack_fingerprint

    return _cached_rules(tuple(config.rules), config.builtin_rules, tuple(pack_fingerprint(d) for d in config.rules))


# ---------------------------------------------------------------------------
# Linting one document


def _severity(rule_id: str, name: str, default: str, config: Config, override) -> str:
    for table in (override.severity if override else {}, config.severity):
        for key in (rule_id, name):
            if key in table and table[key] != "off":
                return table[key]
    return default


@lru_cache(maxsize=1)
def builtin_wordlists() -> dict:
    """The built-in pack's word lists (loaded, and cached compiled, like the rules)."""
    return rules_for(Config()).wordlists


def builtin_lexicon():
    """The attribution word lists of the built-in pack, for facts used outside a run."""
    return lexicon_for(builtin_wordlists())


def _run_lexicon(wordlists: dict):
    """The attribution lists for a run: its own, with any it lacks (a run with
    ``--no-builtin-rules``) taken from the built-in pack, so quotes are still read."""
    if all(name in wordlists for name in Lexicon.NAMES):
        return lexicon_for(wordlists)
    return Lexicon.from_wordlists({**builtin_wordlists(), **wordlists})


def attach_facts(doc: Document, wordlists: dict | None = None, genre: str | None = None) -> Facts:
    """Complete ``doc`` for the checks, as a run does: its date, when none was given and its
    metadata states none, read from its text (``facts.dates.document_date``: a dateline, a
    date its front matter writes out, a date a weekday confirms); then its facts
    (``doc.facts``), with the attribution word lists of ``wordlists`` (a rule set's; None:
    the built-in pack's), the configured ``genre`` and today's date as the run's reference.
    :func:`lint_document` calls it; call it to read ``doc.facts`` outside a run. Calling it
    again keeps the facts already extracted and hands in the new lists and genre."""
    lexicon = builtin_lexicon() if wordlists is None else _run_lexicon(wordlists)
    if doc.facts is None:
        if doc.date is None:
            found = document_date(doc)
            if found is not None:
                doc.date, doc.date_source = found
        doc.facts = Facts(doc, lexicon, genre, reference_date=_dt.date.today())
    else:
        doc.facts.lexicon, doc.facts.genre_setting = lexicon, genre
    return doc.facts


def lint_document(doc: Document, config: Config, rules: list[RuleBase], ruleset: RuleSet | None = None,
                  timing: Timing | None = None) -> list[Diagnostic]:
    ctx = Context(config, ruleset.wordlists if ruleset else {})
    if timing is None:
        attach_facts(doc, ctx.wordlists, config.genre)
    else:  # reading the date from the text was part of building the document
        with timing.measure("document.parse"):
            attach_facts(doc, ctx.wordlists, config.genre)
    override = config.overrides_for(doc.path)
    ignored = override.ignore if override else []
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        if any(_matches(s, rule) for s in ignored):
            continue
        severity = _severity(rule.id, rule.name, rule.severity, config, override)
        try:
            if timing is None:
                findings = list(rule.check(doc, ctx))
            else:
                doc._timing = timing
                with timing.measure(rule.id):
                    findings = list(rule.check(doc, ctx))
        except RuleTimeout:
            if meta_enabled("F003", config):
                diagnostics.append(_meta(doc, "F003", 0, 0,
                                         f"rule {rule.id} ({rule.source or 'built-in'}) timed out on this file and was skipped"))
            findings = []
        for f in findings:
            if _in_scope(doc, rule, f):
                lowered = f.severity if f.severity and SEVERITY_RANK[f.severity] < SEVERITY_RANK[severity] else severity
                diagnostics.append(_to_diagnostic(doc, rule, f, lowered))
    directives = suppress.parse_directives(doc)
    if directives:
        diagnostics = suppress.apply(doc, diagnostics, directives)
        if config.report_unused_suppressions and meta_enabled("F002", config):
            active = {r.id for r in rules}
            for d in directives:
                if not d.used and (not d.ids or any(any(a == i or a.startswith(i) for a in active) for i in d.ids)):
                    what = ", ".join(d.ids) if d.ids else "any rule"
                    diagnostics.append(_meta(doc, "F002", d.start, d.end, f"suppression of {what} suppresses nothing"))
    diagnostics = _dedupe(sorted(diagnostics, key=Diagnostic.sort_key))
    assign_fingerprints(diagnostics)
    return diagnostics


def _in_scope(doc: Document, rule: RuleBase, f: Finding) -> bool:
    scope = rule.scope
    if scope.include and not any(doc.in_scope(f.start, s) for s in scope.include):
        return False
    return not any(doc.in_scope(f.start, s) for s in scope.exclude)


def _to_diagnostic(doc: Document, rule: RuleBase, f: Finding, severity: str) -> Diagnostic:
    """A finding (text offsets) as a diagnostic: offsets, lines and columns in the source
    (the same as the text's but for a format read through linter/formats), the flagged text
    as the rule saw it."""
    start, end = doc.source_span(f.start, f.end)
    line, col = doc.source_index.position(start)
    end_line, end_col = doc.source_index.position(end)
    related = []
    for r in f.related:
        rs, re_ = doc.source_span(r.start, r.end)
        rl, rc = doc.source_index.position(rs)
        rel, rec = doc.source_index.position(re_)
        related.append(Related(rs, re_, r.message, doc.path, rl, rc, rel, rec))
    message = f.message if f.message is not None else rule.format_message(f.values)
    return Diagnostic(
        path=doc.path, start=start, end=end, line=line, column=col, end_line=end_line, end_column=end_col,
        severity=severity, rule=rule.id, name=rule.name, category=rule.category, message=message,
        text=doc.text[f.start : f.end], suggestions=list(f.suggestions), related=related,
        fix=doc.source_fix(f.start, f.end, f.fix),
    )


def _meta(doc: Document, rule_id: str, start: int, end: int, message: str) -> Diagnostic:
    """A diagnostic of factlint's own at source offsets (a suppression comment)."""
    m = META_RULES[rule_id]
    line, col = doc.source_index.position(start)
    end_line, end_col = doc.source_index.position(end)
    return Diagnostic(doc.path, start, end, line, col, end_line, end_col, m.severity, m.id, m.name,
                      m.category, message, doc.source[start:end])


def _dedupe(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen = set()
    for d in diagnostics:
        key = (d.start, d.end, d.rule, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def lint_text(text: str, *, path: str | None = None, config: Config | None = None,
              markdown: bool | None = None, ruleset: RuleSet | None = None,
              syntax: str | None = None) -> list[Diagnostic]:
    """Lint one document given as text. Markdown and HTML are inferred from ``path``'s
    suffix (``syntax="html"`` says it; markup HTML's parser cannot read raises FormatError)."""
    config = config or Config()
    ruleset = ruleset or rules_for(config)
    rules = select_rules(ruleset, config)
    doc = load_document(text, path or "-", markdown=markdown, syntax=syntax, date=config.date,
                        date_source="--date/config" if config.date else "")
    return lint_document(doc, config, rules, ruleset)


# ---------------------------------------------------------------------------
# Files


@dataclass
class FileResult:
    """What linting one file gave: its diagnostics, and the text and date a reporter may need."""

    path: str
    diagnostics: list[Diagnostic]
    text: str | None = None  # kept only when a reporter needs the source
    document_date: str | None = None
    date_source: str = ""


class PathError(Exception):
    """A path given on the command line does not exist."""


def collect_files(paths: Iterable[str], config: Config) -> list[str]:
    """Files to lint, in a deterministic order: folders recursively by extension,
    explicit files whatever their extension (and despite ``exclude``, unless
    ``force-exclude`` is set, as pre-commit needs); hidden folders skipped."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        if os.path.isdir(p):
            found = []
            # a subfolder that cannot be listed becomes an F001 for that folder, not a silent skip
            for root, dirs, files in os.walk(p, onerror=lambda exc: exc.filename and found.append(exc.filename)):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
                for name in files:
                    full = os.path.join(root, name)
                    if os.path.splitext(name)[1].lower() in config.extensions and not config.is_excluded(full):
                        found.append(full)
            out.extend(sorted(found))
        elif os.path.exists(p):  # a file, or a FIFO/device named explicitly (read without blocking)
            if not (config.force_exclude and config.is_excluded(p)):
                out.append(p)
        elif os.path.lexists(p):
            raise PathError(f"{p}: broken symbolic link or symbolic link loop")
        else:
            raise PathError(f"{p}: no such file or folder")
    seen = set()
    return [p for p in out if not (p in seen or seen.add(p))]


class _TooBig(Exception):
    pass


def _read_capped(path: str, limit: int) -> bytes:
    """The bytes of ``path``, never more than ``limit`` and never blocking on a special file.

    Opened non-blocking, so a FIFO without a writer (say one found while walking a folder)
    reads as empty instead of hanging the run; then read blocking, at most ``limit + 1``
    bytes, so /dev/zero or a file that grows while read is refused, not swallowed."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise _TooBig(info.st_size)
        try:
            os.set_blocking(fd, True)
        except (AttributeError, OSError):
            pass
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, max(info.st_size + 1, 1 << 16)))  # a file in one read
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise _TooBig(0)
    return b"".join(chunks)


def read_source(path: str, config: Config, stdin_text: str | None = None) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason the file cannot be linted)."""
    if path == "-" and stdin_text is not None:
        return stdin_text, None
    limit = config.max_file_size
    over = f"over the {limit:,}-byte limit (max-file-size)"
    try:
        data = _read_capped(path, limit)
    except _TooBig as exc:
        return None, f"file is {exc.args[0]:,} bytes, {over}" if exc.args[0] else f"file is {over}"
    except OSError as exc:
        what = "folder" if os.path.isdir(path) else "file"
        return None, f"cannot read {what}: {exc.strerror or exc}"
    if is_docx(path):  # a zip: the reader makes its text (linter/formats/docx.py)
        from .formats.docx import read_docx

        try:
            return read_docx(data, limit), None
        except FormatError as exc:
            return None, str(exc)
    from .encoding import decode  # UTF-8, a BOM's encoding, or a detected one (see linter/encoding.py)

    text, _, error = decode(data)
    return text, error


def printable_path(path: str) -> str:
    """``path`` as it can be shown: a file name that is not valid UTF-8 reaches Python with
    lone surrogates (``bad\udcffname.txt``), which no report can encode (was a traceback in
    the fingerprints and every reporter); its bad bytes are shown as U+FFFD instead."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        try:
            return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:
            return path.encode("utf-8", "replace").decode("utf-8")


def lint_file(path: str, config: Config, ruleset: RuleSet, rules: list[RuleBase], *,
              display_path: str | None = None, stdin_text: str | None = None, keep_text: bool = False,
              timing: Timing | None = None) -> FileResult:
    shown = display_path or printable_path(path)
    text, error = read_source(path, config, stdin_text)
    if text is None:
        return unreadable(shown, error, config)
    return lint_source(text, shown, config, ruleset, rules, keep_text=keep_text, timing=timing)


def unreadable(shown: str, reason: str, config: Config) -> FileResult:
    """The result for a file that could not be read: one F001 (unless it is ignored)."""
    diag = Diagnostic(shown, 0, 0, 1, 1, 1, 1, "error", "F001", "unreadable-file", "meta", reason, "")
    assign_fingerprints([diag])
    return FileResult(shown, [diag] if meta_enabled("F001", config) else [])


def lint_source(text: str, shown: str, config: Config, ruleset: RuleSet, rules: list[RuleBase], *,
                keep_text: bool = False, timing: Timing | None = None) -> FileResult:
    """Lint an already-read file's text (the step ``--jobs`` workers and the cache share).
    HTML (by ``shown``'s suffix) that cannot be read as a page with prose is an F001."""
    started = time.process_time()
    try:
        doc = load_document(text, shown, date=config.date, date_source="--date/config" if config.date else "",
                            require_prose=True)
    except FormatError as exc:
        return unreadable(shown, str(exc), config)
    if timing is not None:
        timing.add("document.parse", time.process_time() - started)
    diagnostics = lint_document(doc, config, rules, ruleset, timing)
    return FileResult(shown, diagnostics, text if keep_text else None,
                      doc.date.isoformat() if doc.date else None, doc.date_source)


def lint_paths(paths: Iterable[str], *, config: Config | None = None, keep_text: bool = False) -> Iterator[FileResult]:
    """Lint files and folders one document at a time (only one document's facts in memory)."""
    config = config or Config()
    ruleset = rules_for(config)
    rules = select_rules(ruleset, config)
    for path in collect_files(paths, config):
        yield lint_file(path, config, ruleset, rules, keep_text=keep_text)


def fails(diagnostics: Iterable[Diagnostic], fail_on: str) -> bool:
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[d.severity] >= threshold for d in diagnostics)
