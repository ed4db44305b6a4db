"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=story.md,line=3,endLine=3,col=5,endColumn=9,title=factlint N101 (malformed-digit-grouping)::message

Escaping follows ``actions/toolkit`` (``escapeData`` / ``escapeProperty``): ``%`` first, then
CR and LF in the message; property values also escape ``:`` and ``,`` (a path or title with a
comma would otherwise end the property early). ``col``/``endColumn`` are only sent for a
single-line range, because GitHub rejects them on multi-line ones. ``info`` becomes ``notice``.
Paths are made relative to the workspace, since GitHub drops annotations on files outside it.

GitHub shows at most 10 annotations of each level per step, so a summary line follows for
the log; use ``--format sarif`` with code scanning (or reviewdog) for large reports.
"""

from __future__ import annotations

from . import plural, project_root, repo_path, summary_counts

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_line(d, root=None) -> str:
    path = repo_path(d.path, root) or d.path
    props = [("file", path), ("line", str(d.line)), ("endLine", str(max(d.end_line, d.line)))]
    if d.end_line == d.line:
        props += [("col", str(d.column)), ("endColumn", str(max(d.end_column, d.column)))]
    props.append(("title", f"factlint {d.rule} ({d.name})"))
    message = d.message
    if d.suggestions:
        message += "\nSuggestion: " + " / ".join(d.suggestions)
    for rel in d.related:
        message += f"\n{rel.path or d.path}:{rel.line}:{rel.column}: {rel.message}"
    prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[d.severity]} {prop_text}::{escape_data(message)}"


def report(results, out, run) -> None:
    root = project_root()
    for r in results:
        for d in r.diagnostics:
            out.write(format_line(d, root) + "\n")
    c = summary_counts(results)
    total = c["errors"] + c["warnings"] + c["infos"]
    out.write(f"factlint: {plural(total, 'finding')} in {plural(c['files'], 'file')} "
              f"({plural(c['errors'], 'error')}, {plural(c['warnings'], 'warning')}, {plural(c['infos'], 'info')})\n")
