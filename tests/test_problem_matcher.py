"""The problem matchers in docs/ (VS Code ``tasks.json`` and the GitHub Actions matcher) are
tested against real text output: a Windows-style path (drive letter, backslashes, via
``--stdin-filename``), a path with spaces and brackets, and messages that themselves contain
``[brackets]``, colons and commas. The regexes are written for JavaScript; the constructs used
(lazy quantifiers, classes, non-capturing groups, anchors) behave the same in Python's ``re``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT

DOCS = ROOT / "docs"
RULES = Path(__file__).parent / "data" / "format-rules"
TEXT = "😀 é zork and 9,00 men.\nA blorp [sic] here, zork.\n"


def vscode_patterns() -> list[dict]:
    tasks = json.loads((DOCS / "vscode-tasks.json").read_text(encoding="utf-8"))["tasks"]
    return [t["problemMatcher"]["pattern"] for t in tasks]


def github_pattern() -> dict:
    (matcher,) = json.loads((DOCS / "factlint-problem-matcher.json").read_text(encoding="utf-8"))["problemMatcher"]
    (pattern,) = matcher["pattern"]
    return pattern


def match_all(pattern: dict, output: str) -> list[dict]:
    rx = re.compile(pattern["regexp"])
    found = []
    for line in output.splitlines():
        m = rx.match(line)
        if m:
            found.append({k: m.group(pattern[k]) for k in ("file", "line", "column", "severity", "message", "code")})
    return found


def cli(run_cli, *args, stdin=None):
    # T101's message has a newline, which no one-line text format can carry: left out here
    code, out, err = run_cli(*args, "--isolated", "--no-builtin-rules", "--rules", str(RULES), "--color", "never",
                             "--fail-on", "info", "--ignore", "T101", stdin=stdin)
    assert code == 1, err
    return out


def expected(run_cli, *args, stdin=None) -> list[dict]:
    out = cli(run_cli, *args, "--format", "json", stdin=stdin)
    return [{"file": d["path"], "line": str(d["line"]), "column": str(d["column"]), "severity": d["severity"],
             "message": d["message"], "code": d["rule"]} for d in json.loads(out)["diagnostics"]]


@pytest.mark.parametrize("index", [0, 1])
def test_vscode_matcher_on_windows_style_path(run_cli, index):
    pattern = vscode_patterns()[index]
    name = r"C:\x\y.md"
    out = cli(run_cli, "-", "--stdin-filename", name, stdin=TEXT)
    got = match_all(pattern, out)
    assert got == expected(run_cli, "-", "--stdin-filename", name, stdin=TEXT)
    assert got[0] == {"file": name, "line": "1", "column": "14", "severity": "error",
                      "message": "Bad number 9,00", "code": "T102"}
    bracket = next(g for g in got if g["code"] == "T103")
    assert bracket == {"file": name, "line": "2", "column": "3", "severity": "info",
                       "message": "Check [blorp] against [the source]: a, b", "code": "T103"}


def test_vscode_matcher_on_path_with_spaces_and_brackets(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "my docs"
    folder.mkdir()
    (folder / "[draft] story.md").write_text(TEXT, encoding="utf-8")
    path = "my docs/[draft] story.md"
    out = cli(run_cli, path)
    got = match_all(vscode_patterns()[0], out)
    assert [g["file"] for g in got] == [path] * 2
    assert [(g["line"], g["column"], g["code"]) for g in got] == \
        [(e["line"], e["column"], e["code"]) for e in expected(run_cli, path)]
    # nothing else in the output is taken for a problem (summary line)
    assert not re.match(vscode_patterns()[0]["regexp"], out.splitlines()[-1])


def test_vscode_matcher_on_synthetic_lines():
    rx = re.compile(vscode_patterns()[0]["regexp"])
    m = rx.match(r"D:\news\2024\q3 [final].md:12:41: error: Total [sic] is 1,250: check [N101 malformed-digit-grouping]")
    assert m.groups() == (r"D:\news\2024\q3 [final].md", "12", "41", "error", "Total [sic] is 1,250: check", "N101")
    assert rx.match("      story.md:3:10: note: first stated here") is None
    assert rx.match("Found 3 problems in 1 file (1 error, 2 warnings, 0 infos).") is None


def test_github_matcher_skips_info(run_cli):
    out = cli(run_cli, "-", "--stdin-filename", "docs/a.md", stdin=TEXT)
    got = match_all(github_pattern(), out)
    assert {g["severity"] for g in got} == {"error"}  # GitHub knows no "info": those lines are left out
    assert [g["code"] for g in got] == [e["code"] for e in expected(run_cli, "-", "--stdin-filename", "docs/a.md", stdin=TEXT)
                                        if e["severity"] != "info"]
