"""The ``factlint`` command line.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage, config or rule
error (message on stderr, nothing half-written on stdout).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from datetime import date

from . import __version__


SUBCOMMANDS = ("check", "rules", "explain", "test-rules", "init", "lsp")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 too, but say it our way
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    from .reporters import formats

    parser = _Parser(prog="factlint", description="Fact-check and consistency linter for prose.")
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files, folders (recursive) or stdin (-)")
    check.add_argument("paths", nargs="*", default=[], metavar="PATH")
    check.add_argument("--format", default=os.environ.get("FACTLINT_OUTPUT_FORMAT", "text"), choices=formats())
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--fix", action="store_true",
                       help="apply safe fixes (substitution rules) in place, then report what remains; "
                            "with - the fixed text goes to stdout and the report to stderr")
    check.add_argument("--select", action="append", metavar="ID", help="rules to run: id, prefix, category, name or ALL")
    check.add_argument("--extend-select", action="append", metavar="ID", help="add rules to the selection")
    check.add_argument("--ignore", action="append", metavar="ID", help="rules not to run")
    check.add_argument("--rules", action="append", metavar="DIR", help="extra rule pack (repeatable)")
    check.add_argument("--no-builtin-rules", action="store_true", help="run only the rules from --rules")
    check.add_argument("--config", metavar="FILE", help="config file (else .factlint.yaml or [tool.factlint], found upward)")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply the config's exclude globs to files named explicitly (for pre-commit)")
    check.add_argument("--isolated", action="store_true", help="ignore all config files")
    check.add_argument("--date", metavar="YYYY-MM-DD", help="the document date, for relative dates")
    check.add_argument("--stdin-filename", metavar="NAME", help="path to show (and infer Markdown from) for stdin")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE", help="record all current findings in FILE and exit 0")
    check.add_argument("--prune-baseline", action="store_true", help="drop entries of --baseline FILE that no longer match")
    check.add_argument("--since", metavar="REV", help="report only findings on lines changed since git revision REV")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--verbose", "-v", action="store_true", help="also print each file's document date and its source")
    check.add_argument("--timing", action="store_true", help="print the time spent per rule to stderr (skips the cache)")
    check.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                       help="worker processes over files (default: the number of cores; 1 = serial)")
    check.add_argument("--no-cache", action="store_true", help="do not read or write cached lint results")
    check.add_argument("--cache-dir", metavar="DIR",
                       help="cache folder: results, compiled rules and config "
                            "(default: $FACTLINT_CACHE_DIR, else ~/.cache/factlint)")

    rules = sub.add_parser("rules", help="list all rules (the built-in ones and the config's packs)")
    ex = sub.add_parser("explain", help="explain a rule, or the fields of a rule kind (--kind)")
    ex.add_argument("rule_id", nargs="?", metavar="ID")
    ex.add_argument("--kind", nargs="?", const="", metavar="KIND",
                    help="the fields of a rule kind, from its schema (no KIND: list the kinds)")
    tr = sub.add_parser("test-rules", help="run the embedded examples of a rule pack")
    tr.add_argument("dirs", nargs="*", metavar="DIR")
    tr.add_argument("--verbose", "-v", action="store_true")
    for p in (rules, ex, tr):  # the rule set is the one `check` would use
        p.add_argument("--rules", action="append", metavar="DIR", help="extra rule pack (repeatable)")
        p.add_argument("--config", metavar="FILE", help="config file (else .factlint.yaml or [tool.factlint], found upward)")
        p.add_argument("--isolated", action="store_true", help="ignore all config files")
    init = sub.add_parser("init", help="write a starter .factlint.yaml")
    init.add_argument("--force", action="store_true")
    sub.add_parser("lsp", help="run the language server on stdio (needs factlint[lsp])")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "check")
    if argv[:1] == ["--version"]:
        build_parser().parse_args(argv)  # prints the version and exits, before the pipeline is imported
    from .config import ConfigError
    from .engine import PathError, SelectionError
    from .ruleset import RuleSetError

    try:
        args = build_parser().parse_args(argv)
        _choose_cache_folder(args)
        return COMMANDS[args.command](args)
    except (UsageError, ConfigError, RuleSetError, SelectionError, PathError) as exc:
        sys.stderr.write(f"factlint: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("factlint: interrupted\n")
        return 130
    except BrokenPipeError:
        return 1
    finally:
        from . import cachedir

        cachedir.choose(None)  # --cache-dir was this command's


def _choose_cache_folder(args) -> None:
    """``--cache-dir`` for every cache of this run (linter/cachedir.py); a word about the
    retired ``FACTLINT_RULE_CACHE``."""
    from . import cachedir

    cachedir.choose(getattr(args, "cache_dir", None))
    if os.environ.get("FACTLINT_RULE_CACHE"):
        sys.stderr.write("factlint: warning: FACTLINT_RULE_CACHE is no longer used (compiled rules now live in the "
                         f"one cache folder, {cachedir.location()}: set FACTLINT_CACHE_DIR or --cache-dir)\n")


# ---------------------------------------------------------------------------
# check


def _config_from_args(args) -> Config:
    from .config import Config, load_config

    config = Config() if args.isolated else load_config(args.config)
    updates = {}
    if args.select:
        updates["select"] = _split(args.select)
    if args.extend_select:
        updates["extend_select"] = config.extend_select + _split(args.extend_select)
    if args.ignore:
        updates["ignore"] = config.ignore + _split(args.ignore)
    if args.rules:
        # a pack named twice (in the config and with --rules) is loaded once
        updates["rules"] = list(dict.fromkeys(config.rules + [os.path.realpath(d) for d in args.rules]))
    if args.force_exclude:
        updates["force_exclude"] = True
    if args.no_builtin_rules:
        updates["builtin_rules"] = False
    if args.fail_on:
        updates["fail_on"] = args.fail_on
    if args.date:
        try:
            updates["date"] = date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date: expected YYYY-MM-DD, got '{args.date}'") from None
    return config.replace(**updates)


def _decode_stdin(data: bytes) -> str:
    """stdin as files are decoded (UTF-8, a BOM's encoding, a detected one); what cannot be
    decoded is linted with U+FFFD for the bad bytes, as before."""
    from .encoding import decode

    text = decode(data)[0]
    return text if text is not None else data.decode("utf-8-sig", errors="replace")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of jobs, got '{value}'")
    return n


def _split(values: list[str]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def cmd_check(args) -> int:
    from . import reporters
    from .engine import META_RULES, Timing, collect_files, fails, rules_for, select_rules

    if not args.paths:
        raise UsageError("no paths given (use - for stdin)")
    config = _config_from_args(args)
    ruleset = rules_for(config)
    rules = select_rules(ruleset, config)
    files = collect_files(args.paths, config)
    if not files:
        _nothing_to_lint(args.paths, config)
    _check_readers(files, args.stdin_filename)
    stdin_bytes = sys.stdin.buffer.read(config.max_file_size + 1) if "-" in files else None
    if stdin_bytes is not None and len(stdin_bytes) > config.max_file_size:
        raise UsageError(f"stdin is over the {config.max_file_size:,}-byte limit (max-file-size)")
    stdin_text = _stdin_text(stdin_bytes, args.stdin_filename, config) if stdin_bytes is not None else None
    out_tty = args.output is None and sys.stdout.isatty()
    color = args.color == "always" or (args.color == "auto" and out_tty and "NO_COLOR" not in os.environ)
    keep_text = args.format in reporters.NEEDS_SOURCE and (out_tty or args.format != "text")
    timing = Timing() if args.timing else None

    from .cache import open_cache
    from .parallel import default_jobs, lint_many

    from .engine import printable_path

    display = lambda p: printable_path(args.stdin_filename if p == "-" and args.stdin_filename else p)  # noqa: E731
    fixed_stdin = None
    if args.fix:  # sequential and uncached: it writes files (see linter/fix.py)
        from .fix import fix_paths

        results, fixed_stdin = fix_paths(files, config, ruleset, rules, stdin_bytes=stdin_bytes, keep_text=keep_text,
                                         display=display, err=sys.stderr)
    else:
        from .progress import Progress

        cache = None if args.no_cache or timing else open_cache(config, rules)
        bar = Progress(len(files))
        try:
            results = lint_many(files, config, ruleset, rules, jobs=args.jobs or default_jobs(), cache=cache,
                                stdin_text=stdin_text, keep_text=keep_text, timing=timing, display=display,
                                progress=bar.advance)
        finally:
            bar.close()
    for result in results:
        if args.verbose:
            sys.stderr.write(f"{result.path}: document date "
                             f"{result.document_date or 'unknown'}"
                             f"{' (' + result.date_source + ')' if result.date_source else ''}\n")

    if args.baseline or args.write_baseline or args.prune_baseline or args.since:
        from .baseline import run_cli as _apply_baseline

        _apply_baseline(results, baseline=args.baseline, write_baseline=args.write_baseline,
                        prune=args.prune_baseline, err=sys.stderr, since=args.since)

    rule_info = {r.id: r for r in ruleset.rules} | dict(META_RULES)
    run = reporters.RunInfo(__version__, rule_info, color=color, excerpt=out_tty and args.format == "text",
                            fail_on=config.fail_on)
    buffer = io.StringIO()
    reporters.get(args.format).report(results, buffer, run)
    if args.output:
        _write_report(args.output, buffer.getvalue())
    elif fixed_stdin is not None:  # --fix -: stdout carries the fixed text, the report goes to stderr
        sys.stderr.write(buffer.getvalue())
    else:
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
    if fixed_stdin is not None:
        out = getattr(sys.stdout, "buffer", None)
        if out is not None:
            sys.stdout.flush()
            out.write(fixed_stdin)
            out.flush()
        else:
            sys.stdout.write(fixed_stdin.decode("utf-8", "surrogateescape"))
    if timing:
        _print_timing(timing, {r.id: r for r in ruleset.rules})
    if _unreadable_documents(results):
        return 2
    if args.exit_zero:
        return 0
    return 1 if fails((d for r in results for d in r.diagnostics), config.fail_on) else 0


def _nothing_to_lint(paths: list[str], config) -> None:
    """Folders that hold no file to lint are a usage error (exit 2), as ruff treats no input:
    "0 files", exit 0, passed a CI gate pointed at the wrong folder. Files named explicitly
    and left out by the config's ``exclude`` (``--force-exclude``, as pre-commit runs it) are
    a normal, empty run."""
    folders = [p for p in paths if os.path.isdir(p)]
    if folders:
        raise UsageError(f"no files to lint in {', '.join(folders)}: no file ending in {', '.join(config.extensions)}"
                         f"{' that the config does not exclude' if config.exclude else ''} (name a file to lint it "
                         f"whatever its extension, or set `extensions` in the config)")


def _check_readers(files: list[str], stdin_filename: str | None) -> None:
    """Word documents need the docx extra: without it, say so before linting anything."""
    from .formats import is_docx
    from .formats.docx import EXTRA, available

    names = [(stdin_filename or "-") if f == "-" else f for f in files]
    if any(is_docx(n) for n in names) and not available():
        raise UsageError(EXTRA)


def _stdin_text(stdin_bytes: bytes, stdin_filename: str | None, config) -> str:
    """stdin as text: decoded, or for ``--stdin-filename x.docx`` the Word document's text."""
    from .formats import FormatError, is_docx

    if stdin_filename and is_docx(stdin_filename):
        from .formats.docx import read_docx

        try:
            return read_docx(stdin_bytes, config.max_file_size)
        except FormatError as exc:
            raise UsageError(f"stdin ({stdin_filename}): {exc}") from None
    return _decode_stdin(stdin_bytes)


def _unreadable_documents(results) -> bool:
    """An HTML page or Word document that could not be read as one ends the run with exit 2
    (after the report, which has its F001, and the other files): the article was not checked
    at all, and a gate must not take that for a finding it could fix. One line each on stderr."""
    from .formats import is_document_format

    bad = [(r.path, d.message) for r in results if is_document_format(r.path)
           for d in r.diagnostics if d.rule == "F001"]
    for path, message in bad:
        sys.stderr.write(f"factlint: error: {path}: {message}\n")
    return bool(bad)


def _write_report(path: str, content: str) -> None:
    from .outfile import write_atomic  # factlint's one writer: atomic, umask, no temporary file left

    try:
        write_atomic(path, content.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write report: {exc.strerror or exc}") from None


def _print_timing(timing: Timing, rules: dict) -> None:
    by_kind: dict[str, float] = {}
    for rid, secs in timing.per_rule.items():
        kind = getattr(rules.get(rid), "kind", None) or (rid.split(".")[0] if "." in rid else "meta")
        by_kind[kind] = by_kind.get(kind, 0.0) + secs
    err = sys.stderr
    err.write("time per rule kind:\n")
    for kind, secs in sorted(by_kind.items(), key=lambda kv: -kv[1]):
        err.write(f"  {secs * 1000:10.1f} ms  {kind}\n")
    err.write("time per rule:\n")
    for rid, secs in sorted(timing.per_rule.items(), key=lambda kv: -kv[1]):
        name = getattr(rules.get(rid), "name", "")
        err.write(f"  {secs * 1000:10.1f} ms  {rid} {name}\n")


# ---------------------------------------------------------------------------
# rules / explain / test-rules / init / lsp


def _ruleset_for(args, extra: list[str] = ()):
    """The rule set ``check`` would load with the same config: the built-in pack (unless the
    config turns it off), the config's ``rules:``, ``--rules`` and ``extra`` folders."""
    from .config import Config, load_config
    from .engine import rules_for

    config = Config() if args.isolated else load_config(args.config)
    dirs = list(dict.fromkeys(config.rules + [os.path.realpath(d) for d in [*(args.rules or []), *extra]]))
    return rules_for(config.replace(rules=dirs))


def cmd_rules(args) -> int:
    from .engine import META_RULES

    ruleset = _ruleset_for(args)
    rows = [(r.id, r.name, r.kind, r.category, r.severity, "on" if r.enabled else "off") for r in ruleset.rules]
    rows += [(m.id, m.name, "-", m.category, m.severity, "on") for m in META_RULES.values()]
    header = ("ID", "NAME", "KIND", "CATEGORY", "SEVERITY", "DEFAULT")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        sys.stdout.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
    return 0


def cmd_explain(args) -> int:
    if args.kind is not None:
        from .kinddocs import UnknownKind, describe_kind, list_kinds

        try:
            sys.stdout.write(describe_kind(args.kind) if args.kind else list_kinds())
        except UnknownKind as exc:
            raise UsageError(str(exc)) from None
        return 0
    if not args.rule_id:
        raise UsageError("explain: give a rule id or name, or --kind")
    from .engine import META_RULES

    ruleset = _ruleset_for(args)
    rule_id = args.rule_id
    rule = next((r for r in ruleset.rules if rule_id in (r.id, r.name)), None)
    if rule is None:
        meta = next((m for m in META_RULES.values() if rule_id in (m.id, m.name)), None)
        if meta is None:
            raise UsageError(f"unknown rule id '{rule_id}' (see `factlint rules`)")
        sys.stdout.write(f"# {meta.name} ({meta.id})\n\nSeverity: {meta.severity}. Category: {meta.category}.\n\n"
                         f"{meta.description}\n")
        return 0
    out = [f"# {rule.name} ({rule.id})", "",
           f"Kind: {rule.kind}. Category: {rule.category}. Severity: {rule.severity}. "
           f"{'On' if rule.enabled else 'Off'} by default.", "", "## What it does and why", "",
           rule.description.strip(), ""]
    if rule.link:
        out += [f"More: {rule.link}", ""]
    out += ["## Examples", ""]
    for ex in rule.examples:
        verdict, text = ex.summary()
        out.append(f"{verdict + ':':8} {text}")
    if rule.source:
        out += ["", f"Defined in {rule.source}"]
    from .kinds._detectors import code_of  # the detector's module (linter/kinds/<kind>/<detect>.py)

    out.append(f"Code: {code_of(rule)}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def cmd_test_rules(args) -> int:
    from .examples import run_examples

    dirs = args.dirs
    for d in dirs:
        if not os.path.isdir(d):
            raise UsageError(f"{d}: no such folder")
    # loaded as `check` loads them (built-in word lists and rule ids included), then only the
    # rules of the named packs are tested (all rules in use when none is named)
    ruleset = _ruleset_for(args, dirs)
    own = [os.path.realpath(d) for d in dirs]
    rules = [r for r in ruleset.rules
             if not dirs or any(os.path.realpath(r.source).startswith(o + os.sep) for o in own)]
    if dirs and not rules:
        raise UsageError(f"{', '.join(dirs)}: no rules to test (only word lists)")
    failures = 0
    count = 0
    for rule in rules:
        for problem in run_examples(rule, ruleset):
            failures += 1
            sys.stdout.write(f"FAIL {rule.id} {rule.name}: {problem}\n")
        count += len(rule.examples)
        if args.verbose:
            sys.stdout.write(f"ok   {rule.id} {rule.name} ({len(rule.examples)} examples)\n")
    sys.stdout.write(f"{count - failures} passed, {failures} failed ({len(rules)} rule{'' if len(rules) == 1 else 's'})\n")
    return 1 if failures else 0


def cmd_init(args) -> int:
    from .config import STARTER

    target = ".factlint.yaml"
    if os.path.exists(target) and not args.force:
        raise UsageError(f"{target} already exists (use --force to overwrite)")
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(STARTER)
    sys.stdout.write(f"wrote {target}\n")
    return 0


def cmd_lsp(args) -> int:
    try:
        from .lsp import serve
    except ImportError as exc:
        raise UsageError(f"the language server needs pygls: pip install 'factlint[lsp]' ({exc})") from None
    serve()
    return 0


COMMANDS = {
    "check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "test-rules": cmd_test_rules,
    "init": cmd_init, "lsp": cmd_lsp,
}
