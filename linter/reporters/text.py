"""``--format text``: ``path:line:col: severity: message [ID name]`` and a summary line
(before it, once, a note that a Word document's positions are paragraph:character).

On a terminal, each line is followed by the source line with carets under the span.
"""

from __future__ import annotations

from ..document import LineIndex
from ..formats import is_docx
from . import plural, summary_counts

# said once, before the summary, when a Word document has findings
DOCX_NOTE = ("Note: in .docx files line:column is paragraph:character "
             "(paragraphs counted from the start of the document, empty ones and table cells included).")

# Control characters from the article or a file name would drive the terminal (escape
# sequences) or break a finding over two lines: each becomes one U+FFFD, so carets
# under the excerpt stay aligned.
_CONTROLS = {c: "\ufffd" for c in [*range(0, 9), *range(10, 32), 127, *range(0x80, 0xA0), 0x2028, 0x2029]}

# A source line longer than this (a minified HTML page) is shown as the span and CONTEXT
# characters either side of it.
LONG_LINE = 1000
CONTEXT = 100

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def format_line(d, color: bool = False) -> str:
    sev = f"{_COLORS[d.severity]}{d.severity}{_RESET}" if color else d.severity
    loc = f"{d.path.translate(_CONTROLS)}:{d.line}:{d.column}"
    if color:
        loc = f"{_BOLD}{loc}{_RESET}"
    message = " ".join(d.message.split()).translate(_CONTROLS)  # one finding, one line (problem matchers)
    return f"{loc}: {sev}: {message} [{d.rule} {d.name}]"


def _excerpt(text: str, lines: LineIndex, d, color: bool) -> list[str]:
    """The finding's source line with carets under the span. Lines are found with the
    diagnostics' own line index (built once per file): ``str.splitlines`` also breaks at
    form feeds and U+2028, and then showed another line than the one reported."""
    if not (0 < d.line <= len(lines.starts)):
        return []
    start, end = lines.line_span(d.line)
    src = text[start:end].rstrip("\r").translate(_CONTROLS)
    width = (d.end_column - d.column) if d.end_line == d.line else len(src) - d.column + 1
    column = d.column
    if len(src) > LONG_LINE:  # a minified page is one line: show the span with some context
        lo = max(0, column - 1 - CONTEXT)
        hi = min(len(src), column - 1 + min(width, LONG_LINE) + CONTEXT)
        head, tail = ("…" if lo else ""), ("…" if hi < len(src) else "")
        src = head + src[lo:hi] + tail
        width = min(width, hi - (column - 1))
        column = column - lo + len(head)
    caret = " " * (column - 1) + "^" * max(1, width)
    gutter = f"{d.line:>5} | "
    if color:
        caret = f"{_COLORS[d.severity]}{caret}{_RESET}"
    return [gutter + src, " " * (len(gutter) - 2) + "| " + caret]


def report(results, out, run) -> None:
    for r in results:
        lines = LineIndex(r.text) if run.excerpt and r.text is not None and r.diagnostics else None
        for d in r.diagnostics:
            out.write(format_line(d, run.color) + "\n")
            if lines is not None:
                for extra in _excerpt(r.text, lines, d, run.color):
                    out.write(extra + "\n")
            for rel in d.related if run.excerpt else ():
                out.write(f"      {rel.path}:{rel.line}:{rel.column}: note: {rel.message}\n")
    if any(r.diagnostics and is_docx(r.path) for r in results):
        out.write(DOCX_NOTE + "\n")
    c = summary_counts(results)
    total = c["errors"] + c["warnings"] + c["infos"]
    files = plural(c["files"], "file")
    if total == 0:
        out.write(f"No problems found in {files}.\n")
    else:
        out.write(f"Found {plural(total, 'problem')} in {files} ({plural(c['errors'], 'error')}, "
                  f"{plural(c['warnings'], 'warning')}, {plural(c['infos'], 'info')}).\n")
