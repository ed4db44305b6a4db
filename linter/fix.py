"""``--fix``: apply the safe replacements rules attach to findings, then report what is left.

Only findings that carry ``Diagnostic.fix`` are applied (today: ``substitution`` rules,
house spellings whose right form is unambiguous). Suggestions are never applied.

What makes it safe to run on an article in a CMS export or a pre-commit hook:

* **Nothing outside a fixed span changes.** The file is decoded strictly as UTF-8; the
  edits replace ``text[start:end]`` only, and everything else (BOM, CRLF or LF line
  endings, NUL bytes, trailing whitespace) is written back byte for byte. A file that is
  not valid UTF-8 is never touched.
* **Overlapping fixes are resolved deterministically**: by start offset, then the longer
  span, then rule id, then replacement text; a fix overlapping one already taken waits for
  the next pass. At most :data:`MAX_PASSES` passes run (a fix may reveal another), and a
  pass that brings back an earlier text stops the loop (two rules undoing each other).
* **Atomic writes** (:func:`linter.outfile.write_atomic`, factlint's one writer): the new
  content goes to a temporary file in the same folder (same permission bits), is flushed to disk, and replaces the original with ``os.replace``; a
  crash leaves either the old file or the new one, never half of each. A symlink is
  followed and its target replaced; the link stays a link. (A hard link is not: the
  fixed file is a new inode, as with most editors.)
* **No lost edits**: right before the replace, the file is read again and compared with
  the bytes that were linted; if anyone changed it meanwhile, it is left alone and the run
  says so.
* **HTML and Word.** In HTML a fix is applied only where the page's source holds the
  flagged words verbatim (no tag or entity inside the span, which the replacement would
  drop) and the fix has no ``<`` or ``&``; a Word document is never rewritten (its
  findings are reported, and the run says the fixes are to be made in Word).
* **stdin** (``-``) is never written anywhere but stdout: the fixed text goes to stdout
  and the report to stderr (or ``--output``).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field

from .config import Config
from .diagnostics import Diagnostic
from .engine import FileResult, _read_capped, _TooBig, lint_file, lint_source, unreadable
from .outfile import ChangedOnDisk, write_atomic
from .formats import FormatError, is_docx
from .formats.docx import read_docx

MAX_PASSES = 4
BOM = b"\xef\xbb\xbf"


# the file changed on disk between reading and writing (linter.outfile.ChangedOnDisk): not written
CHANGED = "changed on disk while factlint was fixing it; not fixed (run again)"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (code-point offsets)."""

    start: int
    end: int
    replacement: str
    rule: str = ""
    fingerprint: str = ""  # of the finding it fixes


@dataclass
class FixOutcome:
    result: FileResult  # the findings that remain after fixing (what gets reported)
    fixed: int = 0  # edits applied, over all passes
    edits: list[list[Edit]] = field(default_factory=list)  # per pass, offsets into that pass's text
    output: bytes | None = None  # the fixed bytes of stdin
    error: str | None = None  # why a file was not written


# ---------------------------------------------------------------------------
# Choosing and applying edits (pure functions on text)


def choose_edits(diagnostics: list[Diagnostic], refused: frozenset[str] = frozenset()) -> list[Edit]:
    """The fixes to apply in one pass: non-overlapping, in a deterministic order; none of
    the findings whose fingerprint is in ``refused``."""
    candidates = sorted(
        (d for d in diagnostics if d.fix is not None and d.start <= d.end and d.fix != d.text
         and d.fingerprint not in refused),
        key=lambda d: (d.start, -(d.end - d.start), d.rule, d.fix),
    )
    chosen: list[Edit] = []
    last_end = -1
    for d in candidates:
        if chosen and (d.start < last_end or (d.start == d.end == chosen[-1].start == chosen[-1].end)):
            continue  # overlaps a fix already taken (or a second insertion at the same point)
        chosen.append(Edit(d.start, d.end, keep_line_breaks(d.text, d.fix), d.rule, d.fingerprint))
        last_end = max(last_end, d.end)
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with each edit's span replaced; edits must be sorted and not overlap."""
    out: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos or e.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit {e}")
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


_SPACE_RUN = re.compile(r"\s+")


def keep_line_breaks(original: str, replacement: str) -> str:
    """Keep the original whitespace between words when a fixed phrase wrapped a line.

    A phrase rule matches across a line break ("per\\r\\ncent"); writing the replacement's
    single space would join the lines (and drop a CR). When the word counts agree, the
    original separators are reused, so line endings survive the fix.
    """
    if "\n" not in original and "\r" not in original:
        return replacement
    seps = _SPACE_RUN.findall(original.strip())
    words = replacement.split(" ")
    if len(original.split()) != len(words) or len(seps) != len(words) - 1 or "" in words:
        return replacement
    lead = original[: len(original) - len(original.lstrip())]
    trail = original[len(original.rstrip()) :]
    return lead + "".join(w + s for w, s in zip(words, seps + [""])) + trail


# ---------------------------------------------------------------------------
# Fixing one file or stdin


def shifted(edits: list[Edit]) -> list[tuple[int, int, Edit]]:
    """Where each edit's replacement lies in the text after all of ``edits`` are applied."""
    out, delta = [], 0
    for e in edits:
        start = e.start + delta
        out.append((start, start + len(e.replacement), e))
        delta += len(e.replacement) - (e.end - e.start)
    return out


def created_by(edits: list[Edit], before: FileResult, after: FileResult) -> dict[str, set[str]]:
    """Fingerprints of the edits that gave another rule a finding it did not have before
    (one whose span or related span touches the replaced text): "Gadhafi" fixed to the house
    spelling "Gaddafi" next to a "Gadhafi" a suppression kept makes K106 report the two
    forms and suggest undoing the fix. Such a fix is not safe to apply.

    Returns ``{fingerprint of the edit's finding: ids of the rules it gave a finding}``."""
    old = {d.fingerprint for d in before.diagnostics}
    placed = shifted(edits)
    bad: dict[str, set[str]] = {}
    for d in after.diagnostics:
        if d.fingerprint in old:
            continue
        spans = [(d.start, d.end)] + [(r.start, r.end) for r in d.related if r.path in ("", None, d.path)]
        for start, end, e in placed:
            if e.rule != d.rule and any(s < end and start < t or s == t == start for s, t in spans):
                bad.setdefault(e.fingerprint, set()).add(d.rule)
    return bad


def fix_text(text: str, lint, max_passes: int = MAX_PASSES,
             refused: dict[str, set[str]] | None = None) -> tuple[str, list[list[Edit]], FileResult]:
    """Run up to ``max_passes`` of lint -> choose -> apply; returns the fixed text, the
    edits of each pass and the final lint result (of the fixed text). An edit that would
    create another rule's finding is left out (its finding stays reported) and recorded in
    ``refused`` (see :func:`created_by`)."""
    passes: list[list[Edit]] = []
    seen = {hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()}
    result, body = lint(text)
    refused = {} if refused is None else refused
    for _ in range(max_passes):
        while True:
            edits = choose_edits(result.diagnostics, frozenset(refused))
            if not edits:
                break
            new_body = apply_edits(body, edits)
            new_text = text[: len(text) - len(body)] + new_body  # keep a leading U+FEFF the document dropped
            new_result, new_lint_body = lint(new_text)
            bad = created_by(edits, result, new_result)
            if not bad:
                break
            refused.update(bad)  # try the pass again without them
        if not edits:
            break
        digest = hashlib.sha256(new_text.encode("utf-8", "surrogatepass")).digest()
        passes.append(edits)
        text, result, body = new_text, new_result, new_lint_body
        if digest in seen:
            break  # fixes undoing each other: stop where we are
        seen.add(digest)
    return text, passes, result


def fix_file(path: str, config: Config, ruleset, rules, *, display_path: str | None = None,
             stdin_bytes: bytes | None = None, keep_text: bool = False,
             max_passes: int = MAX_PASSES) -> FixOutcome:
    """Fix ``path`` in place (or ``stdin_bytes`` when path is ``-``) and lint the result."""
    shown = display_path or path
    is_stdin = path == "-"
    if is_docx(shown):  # a zip written by Word: linted from its text, never rewritten
        if is_stdin:
            try:
                text = read_docx(stdin_bytes or b"", config.max_file_size)
            except FormatError as exc:
                return FixOutcome(unreadable(shown, str(exc), config), output=stdin_bytes)
            result = lint_source(text, shown, config, ruleset, rules, keep_text=keep_text)
        else:
            result = lint_file(path, config, ruleset, rules, display_path=shown, keep_text=keep_text)
        fixable = any(d.fix is not None for d in result.diagnostics)
        return FixOutcome(result, output=stdin_bytes if is_stdin else None,
                          error="Word documents are not rewritten by --fix; make the fixes in Word" if fixable else None)
    if is_stdin:
        raw = stdin_bytes or b""
        if len(raw) > config.max_file_size:
            return FixOutcome(lint_file("-", config, ruleset, rules, display_path=shown, stdin_text=""),
                              output=raw, error=f"stdin is over the {config.max_file_size:,}-byte limit; not fixed")
    else:
        try:
            raw = _read_capped(path, config.max_file_size)
        except (OSError, _TooBig):
            return FixOutcome(lint_file(path, config, ruleset, rules, display_path=shown, keep_text=keep_text))
    bom = raw.startswith(BOM)
    try:
        text = raw[len(BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        if is_stdin:
            text = raw.decode("utf-8-sig", errors="replace")
            result = lint_file("-", config, ruleset, rules, display_path=shown, stdin_text=text, keep_text=keep_text)
            return FixOutcome(result, output=raw, error="stdin is not valid UTF-8; not fixed")
        result = lint_file(path, config, ruleset, rules, display_path=shown, keep_text=keep_text)
        outcome = FixOutcome(result)
        if any(d.fix is not None for d in result.diagnostics):  # linted in another encoding (linter/encoding.py)
            outcome.error = "not UTF-8, so not fixed (--fix writes UTF-8 files only): convert it to UTF-8 first"
        return outcome

    def lint(t: str):
        res = lint_source(t, shown, config, ruleset, rules, keep_text=keep_text)
        return res, t[1:] if t.startswith("\ufeff") else t  # offsets are relative to the text without it

    refused: dict[str, set[str]] = {}
    fixed_text, passes, result = fix_text(text, lint, max_passes, refused)
    count = sum(len(p) for p in passes)
    outcome = FixOutcome(result, count, passes)
    if refused:
        created = ", ".join(sorted(set().union(*refused.values())))
        n = len(refused)
        outcome.error = (f"{n} fix{'es' if n != 1 else ''} not applied: {'they' if n != 1 else 'it'} would "
                         f"create {created} finding{'s' if n != 1 else ''}; decide by hand")
    if not passes:
        if is_stdin:
            outcome.output = raw
        return outcome
    new_raw = (BOM if bom else b"") + fixed_text.encode("utf-8")
    if is_stdin:
        outcome.output = new_raw
        return outcome
    try:
        write_atomic(path, new_raw, expected=raw)  # not if the file changed since it was read
    except ChangedOnDisk:
        outcome.error = CHANGED
        outcome.fixed = 0
        outcome.result = lint_file(path, config, ruleset, rules, display_path=shown, keep_text=keep_text)
    except OSError as exc:
        outcome.error = f"cannot write the fixed file: {exc.strerror or exc}; not fixed"
        outcome.fixed = 0
        outcome.result = lint_source(text, shown, config, ruleset, rules, keep_text=keep_text)
    return outcome


def fix_paths(files, config: Config, ruleset, rules, *, stdin_bytes: bytes | None = None, keep_text: bool = False,
              display=lambda p: p, err=None) -> tuple[list[FileResult], bytes | None]:
    """Fix each file in turn; the results are what remains. Returns (results, fixed stdin or None).

    Problems (a file changed meanwhile, cannot be written) and a one-line summary go to ``err``.
    """
    results: list[FileResult] = []
    stdin_output = None
    total = touched = 0
    for path in files:
        outcome = fix_file(path, config, ruleset, rules, display_path=display(path), stdin_bytes=stdin_bytes,
                           keep_text=keep_text)
        results.append(outcome.result)
        if path == "-":
            stdin_output = outcome.output if outcome.output is not None else (stdin_bytes or b"")
        if outcome.error and err is not None:
            err.write(f"factlint: {display(path)}: {outcome.error}\n")
        if outcome.fixed:
            total += outcome.fixed
            touched += 1
    if err is not None:
        err.write(f"factlint: fixed {total} problem{'' if total == 1 else 's'} in {touched} "
                  f"file{'' if touched == 1 else 's'}\n")
    return results, stdin_output
