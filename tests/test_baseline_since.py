"""``--since REV``: only findings on lines added or changed since a git revision (working tree
included; untracked files count as wholly new), and a cross-reference finding stays when
either of its sides is on a changed line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from linter.baseline import changed_lines, keep_changed
from linter.diagnostics import Diagnostic, Related
from linter.engine import FileResult

RULES = Path(__file__).parent / "data" / "format-rules"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not available")


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True,
                   capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    git("init", "-q", ".", cwd=tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("Line one.\nA zork here.\nB text.\nC text.\n", encoding="utf-8")
    (tmp_path / "docs" / "b é.md").write_text("Old zork.\n", encoding="utf-8")
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "init", cwd=tmp_path)
    monkeypatch.chdir(tmp_path / "docs")  # run from a subfolder of the work tree
    return tmp_path


def test_since_reports_only_changed_and_new_lines(run_cli, repo):
    (repo / "docs" / "a.md").write_text("Line one.\nA zork here.\nB zork text.\nC text.\n", encoding="utf-8")
    (repo / "docs" / "new.md").write_text("New zork.\n", encoding="utf-8")
    code, out, err = run_cli(".", "--isolated", "--no-builtin-rules", "--rules", str(RULES), "--format", "json",
                             "--since", "HEAD")
    assert code == 1, err
    found = [(d["path"], d["line"]) for d in json.loads(out)["diagnostics"]]
    assert found == [("./a.md", 3), ("./new.md", 1)]
    # without --since, the old findings are there too
    code, out, _ = run_cli(".", "--isolated", "--no-builtin-rules", "--rules", str(RULES), "--format", "json")
    assert len(json.loads(out)["diagnostics"]) == 4


def test_since_committed_changes_and_non_ascii_paths(repo):
    (repo / "docs" / "b é.md").write_text("Old zork.\nAnother zork.\n", encoding="utf-8")
    git("commit", "-q", "-am", "more", cwd=repo)
    top, changed = changed_lines("HEAD~1")
    assert top == repo.resolve()
    assert changed == {"docs/b é.md": {2}}


def test_cross_reference_kept_when_either_side_changed(repo):
    (repo / "docs" / "a.md").write_text("Line one.\nA zork here.\nB text.\nC changed.\n", encoding="utf-8")
    related_on_changed = Diagnostic("a.md", 0, 1, 2, 1, 2, 2, "warning", "C101", "c", "contradiction", "m", "A",
                                    related=[Related(0, 1, "other side", "a.md", 4, 1, 4, 2)])
    neither = Diagnostic("a.md", 0, 1, 1, 1, 1, 2, "warning", "C101", "c", "contradiction", "m", "L",
                         related=[Related(0, 1, "other side", "a.md", 3, 1, 3, 2)])
    own_line = Diagnostic("a.md", 0, 1, 4, 1, 4, 2, "warning", "S101", "s", "style", "m", "C")
    results = [FileResult("a.md", [related_on_changed, neither, own_line])]
    assert keep_changed(results, "HEAD") == 1
    assert results[0].diagnostics == [related_on_changed, own_line]


def test_since_counts_lines_as_git_does_in_a_file_with_lone_crs(run_cli, repo):
    """factlint ends a line at a lone CR (old Mac files); git only at LF. Git line 1 of c.md is
    factlint's lines 1-2 (unchanged), git line 2 its lines 3-4, where the new zork is."""
    (repo / "docs" / "c.md").write_bytes(b"A zork.\rB.\nC.\rD.\n")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "cr", cwd=repo)
    (repo / "docs" / "c.md").write_bytes(b"A zork.\rB.\nC.\rD zork.\n")
    code, out, err = run_cli("c.md", "--isolated", "--no-builtin-rules", "--rules", str(RULES), "--format", "json",
                             "--since", "HEAD")
    assert code == 1, err
    assert [d["line"] for d in json.loads(out)["diagnostics"]] == [4]


def test_since_unknown_revision_is_a_usage_error(run_cli, repo):
    code, out, err = run_cli(".", "--isolated", "--since", "no-such-rev")
    assert code == 2 and out == "" and "unknown git revision 'no-such-rev'" in err


def test_since_outside_git_is_a_usage_error(run_cli, tmp_path, monkeypatch):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.md").write_text("Fine.\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, out, err = run_cli("a.md", "--isolated", "--since", "HEAD")
    assert code == 2 and "--since" in err
