"""Baselines: adopt factlint on an existing archive and fail only on new findings.

    factlint check articles/ --write-baseline .factlint-baseline.json   # once; commit the file
    factlint check articles/ --baseline .factlint-baseline.json         # in CI: only new findings
    factlint check articles/ --baseline .factlint-baseline.json --prune-baseline

Entries never hold a line or column, so they keep matching when lines are inserted or removed
elsewhere in an article. Each entry has the diagnostic fingerprint
(:func:`linter.diagnostics.assign_fingerprints`: path, rule, whitespace-normalised lower-cased
text and occurrence number) as its id, plus a hash of the text of the line(s) it sits on.
A finding matches an entry of the same file and rule with the same flagged text, first where
the line is unchanged too, then (for a line edited around the flagged text) by order of
occurrence. The line context is what tells a *new* "9,00" above an old one apart from it: the
old one keeps its entry, the new one is reported. Paths are stored relative to the baseline
file's folder in POSIX form, so the same baseline matches whether factlint runs from the
repository root, a subfolder, on Windows or with ``./`` in front of the paths.

Entries for files linted in this run that matched nothing are *unused* (the finding was fixed,
or the text changed so it should be looked at again): they are reported on stderr and
``--prune-baseline`` drops them. Entries for files not linted in this run (a pre-commit run on
staged files only) are neither used nor unused and are kept; entries for files that no longer
exist are unused.

The file is JSON with sorted entries so that it diffs cleanly::

    {"version": 1, "tool": "factlint",
     "findings": [{"path": "articles/q3.md", "rule": "N101", "fingerprint": "…",
                   "context": "…", "text": "9,00", "message": "…"}]}
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import ConfigError
from .diagnostics import assign_fingerprints, normalized_text
from .reporters import plural, source_text

VERSION = 1


class BaselineError(ConfigError):
    """The baseline file cannot be read or is not a factlint baseline (exit code 2, like a bad config)."""


@dataclass
class Entry:
    path: str
    rule: str
    fingerprint: str
    text: str = ""
    message: str = ""
    context: str = ""  # hash of the whitespace-normalised line(s) the finding sits on

    def to_dict(self) -> dict:
        return {"path": self.path, "rule": self.rule, "fingerprint": self.fingerprint,
                "context": self.context, "text": self.text, "message": self.message}

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule, normalized_text(self.text))


@dataclass
class Outcome:
    """What applying a baseline did: findings kept (new), suppressed, and unused entries."""

    suppressed: int = 0
    new: int = 0
    unused: list[Entry] = field(default_factory=list)


def _rel(path: str, base: Path) -> str:
    if path in ("", "-"):
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


def _contexts(diagnostics, text: str | None) -> list[str]:
    if text is None:
        return [""] * len(diagnostics)
    lines = re.split(r"\r\n?|\n", text)  # the lines the diagnostics count (LF, CRLF or a lone CR)
    out = []
    for d in diagnostics:
        window = " ".join(lines[max(0, d.line - 1) : max(d.line, d.end_line)])
        out.append(hashlib.sha256(normalized_text(window).encode("utf-8")).hexdigest()[:16])
    return out


def entries_for(diagnostics, base: Path, text: str | None = None) -> list[Entry]:
    """Baseline entries for one file's diagnostics (in document order, as the engine sorts them)."""
    shadow = [replace(d, path=_rel(d.path, base), related=[]) for d in diagnostics]
    assign_fingerprints(shadow)
    return [Entry(s.path, s.rule, s.fingerprint, s.text, s.message, c)
            for s, c in zip(shadow, _contexts(diagnostics, text))]


def match(current: list[Entry], known: list[Entry]) -> list[int | None]:
    """For each current entry, the index of the known entry it matches (or None): same rule and
    flagged text on an unchanged line first, then same rule and text in order of occurrence."""
    matched: list[int | None] = [None] * len(current)
    exact: dict[tuple, deque] = defaultdict(deque)
    for i, e in enumerate(known):
        exact[(*e.key, e.context)].append(i)
    for j, c in enumerate(current):
        queue = exact.get((*c.key, c.context))
        if queue and c.context:
            matched[j] = queue.popleft()
    used = {m for m in matched if m is not None}
    loose: dict[tuple, deque] = defaultdict(deque)
    for i, e in enumerate(known):
        if i not in used:
            loose[e.key].append(i)
    for j, c in enumerate(current):
        if matched[j] is None and loose.get(c.key):
            matched[j] = loose[c.key].popleft()
    return matched


def load(path: str | os.PathLike) -> list[Entry]:
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{file}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{file}:{exc.lineno}: invalid JSON in baseline: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{file}: not a factlint baseline (expected an object with a 'findings' list)")
    if data.get("version") != VERSION:
        raise BaselineError(f"{file}: unsupported baseline version {data.get('version')!r} (expected {VERSION})")
    out = []
    for i, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("path", "rule", "fingerprint")):
            raise BaselineError(f"{file}: findings[{i}]: needs string 'path', 'rule' and 'fingerprint'")
        out.append(Entry(item["path"], item["rule"], item["fingerprint"], str(item.get("text", "")),
                         str(item.get("message", "")), str(item.get("context", ""))))
    return out


def dump(entries: list[Entry]) -> str:
    ordered = sorted(entries, key=lambda e: (e.path, e.rule, e.fingerprint))
    return json.dumps({"version": VERSION, "tool": "factlint", "findings": [e.to_dict() for e in ordered]},
                      ensure_ascii=False, indent=2) + "\n"


def apply(results, entries: list[Entry], base: Path) -> Outcome:
    """Drop the diagnostics the baseline knows (in place) and find its unused entries."""
    by_path: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        by_path[e.path].append(i)
    used: set[int] = set()
    linted: set[str] = set()
    outcome = Outcome()
    for r in results:
        rel = _rel(r.path, base)
        linted.add(rel)
        pool = by_path.get(rel, [])
        current = entries_for(r.diagnostics, base, source_text(r)) if r.diagnostics else []
        matched = match(current, [entries[i] for i in pool])
        keep = []
        for d, m in zip(r.diagnostics, matched):
            if m is None:
                keep.append(d)
            else:
                used.add(pool[m])
                outcome.suppressed += 1
        outcome.new += len(keep)
        r.diagnostics = keep
    for i, e in enumerate(entries):
        if i in used:
            continue
        if e.path in linted or (e.path not in ("", "-") and not (base / e.path).exists()):
            outcome.unused.append(e)
    return outcome


def snapshot(results, base: Path, previous: list[Entry] | None = None) -> list[Entry]:
    """The entries for every current finding, plus ``previous`` entries of files not linted now
    (so writing a baseline from a partial run does not forget the rest of the archive)."""
    linted = {_rel(r.path, base) for r in results}
    entries = [e for r in results if r.diagnostics for e in entries_for(r.diagnostics, base, source_text(r))]
    entries += [e for e in previous or [] if e.path not in linted and (base / e.path).exists()]
    return entries


def write(path: str | os.PathLike, entries: list[Entry]) -> None:
    """Write atomically (a crash never leaves a half-written baseline behind), with the
    permissions the umask gives a new file (see linter/outfile.py)."""
    from .outfile import write_atomic

    target = Path(path)
    try:
        write_atomic(target, dump(entries).encode("utf-8"), prefix=".factlint-baseline-")
    except OSError as exc:
        raise BaselineError(f"{target}: cannot write baseline: {exc.strerror or exc}") from None


def run_cli(results, *, baseline: str | None, write_baseline: str | None, prune: bool, err,
            since: str | None = None) -> None:
    """The ``check`` command's baseline step (``--baseline``, ``--write-baseline``,
    ``--prune-baseline``, ``--since``): filters ``results`` in place and reports on ``err``."""
    if since:
        keep_changed(results, since)
    if prune and not baseline:
        raise BaselineError("--prune-baseline needs --baseline FILE")
    if write_baseline:
        base = Path(write_baseline).resolve().parent
        previous = load(write_baseline) if Path(write_baseline).is_file() else []
        entries = snapshot(results, base, previous)
        write(write_baseline, entries)
        err.write(f"factlint: wrote {plural(len(entries), 'finding')} to baseline {write_baseline}\n")
        apply(results, entries, base)
        return
    if not baseline:
        return
    base = Path(baseline).resolve().parent
    entries = load(baseline)
    outcome = apply(results, entries, base)
    if outcome.suppressed:
        err.write(f"factlint: {plural(outcome.suppressed, 'known finding')} hidden by baseline {baseline}\n")
    if outcome.unused:
        if prune:
            gone = {id(e) for e in outcome.unused}
            write(baseline, [e for e in entries if id(e) not in gone])
            err.write(f"factlint: pruned {plural(len(gone), 'unused entry', 'unused entries')} "
                      f"from baseline {baseline}\n")
        else:
            n = len(outcome.unused)
            err.write(f"factlint: {n} baseline entr{'ies no longer match' if n != 1 else 'y no longer matches'} "
                      f"(fixed or edited); drop {'them' if n != 1 else 'it'} with --prune-baseline:\n")
            for e in outcome.unused[:20]:
                err.write(f"  {e.path}: {e.rule} {e.text!r}\n")
            if n > 20:
                err.write(f"  ... and {n - 20} more\n")


# ---------------------------------------------------------------------------
# Changed lines against a git revision (``--since REV``), for pull requests


def _git(args: list[str], cwd: str) -> str:
    import subprocess

    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BaselineError(f"--since: cannot run git: {exc}") from None
    if proc.returncode != 0:
        raise BaselineError(f"--since: git {' '.join(args[:2])}: {proc.stderr.strip() or 'failed'}")
    return proc.stdout


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def changed_lines(rev: str, cwd: str = ".") -> tuple[Path, dict[str, set[int] | None]]:
    """The git top level and, per repo-relative POSIX path, the set of lines added or changed
    since ``rev`` (working tree included); ``None`` means every line (an untracked file)."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd)
    except BaselineError:
        raise BaselineError(f"--since: unknown git revision '{rev}'") from None
    diff = _git(["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--unified=0", "--no-renames", rev, "--"], str(top))
    changed: dict[str, set[int] | None] = {}
    current: set[int] | None = None
    for line in diff.split("\n"):  # git's lines end at LF only; a lone CR is inside a line
        if line.startswith("+++ "):
            name = line[4:].rstrip("\t")  # git ends names containing spaces with a tab
            if name == "/dev/null":
                current = None
                continue
            name = name[2:] if name.startswith("b/") else name
            if name.startswith('"'):
                name = name.strip('"').encode("latin-1", "backslashreplace").decode("unicode_escape").encode(
                    "latin-1").decode("utf-8", "replace")
            current = changed.setdefault(name, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], str(top)).split("\0"):
        if name:
            changed[name] = None
    return top, changed


def _git_line_numbers(path: str) -> list[int] | None:
    """For a file with a lone CR (old Mac line ends), git's line number of each of factlint's
    lines (factlint ends a line at CR, LF or CRLF, as editors do; git only at LF); None for
    every other file, whose numbers agree."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if b"\r" not in data or b"\x00" in data or not re.search(rb"\r(?!\n)", data):
        return None  # no lone CR; or UTF-16, which git does not diff as text
    from .document import LineIndex
    text = data.decode("latin-1")  # one character per byte: the breaks stay where they are
    lf_before = 0
    out, last = [], 0
    for start in LineIndex(text).starts:
        lf_before += text.count("\n", last, start)
        last = start
        out.append(lf_before + 1)
    return out


def keep_changed(results, rev: str) -> int:
    """Drop findings not on a changed line (in place); a finding with a related location (the
    other side of a contradiction or duplicate) stays when either side is on a changed line.
    Returns how many were dropped."""
    top, changed = changed_lines(rev)
    git_line_of: dict[str, list[int] | None] = {}

    def touched(path: str, line: int, end_line: int) -> bool:
        rel = _rel(path, top) if path not in ("", "-") else path
        if rel not in changed:
            return False
        lines = changed[rel]
        if lines is None:
            return True
        if path not in git_line_of:
            git_line_of[path] = _git_line_numbers(path)
        to_git = git_line_of[path]
        if to_git is not None:  # a file with lone CRs: git counts only its LFs
            line, end_line = (to_git[min(n, len(to_git)) - 1] for n in (line, end_line))
        return any(n in lines for n in range(line, max(line, end_line) + 1))

    dropped = 0
    for r in results:
        keep = [d for d in r.diagnostics
                if touched(d.path, d.line, d.end_line)
                or any(touched(rel.path or d.path, rel.line, rel.end_line) for rel in d.related)]
        dropped += len(r.diagnostics) - len(keep)
        r.diagnostics = keep
    return dropped
