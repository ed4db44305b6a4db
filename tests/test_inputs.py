"""Inputs a newsroom has: a folder with nothing lintable, old Mac line endings, files saved
as UTF-16 or Windows-1252, Markdown front matter in YAML or TOML."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_folder_with_no_lintable_file_is_exit_2(run_cli, here):
    """Was "No problems found in 0 files.", exit 0: a CI gate pointed at the wrong folder passed."""
    (here / "docs" / "img").mkdir(parents=True)
    (here / "docs" / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (here / "docs" / "img" / "chart.png").write_bytes(b"\x89PNG\r\n")
    code, out, err = run_cli("docs")
    assert (code, out) == (2, "")
    assert err == ("factlint: error: no files to lint in docs: no file ending in .txt, .md, .markdown "
                   "(name a file to lint it whatever its extension, or set `extensions` in the config)\n")
    (here / "empty").mkdir()
    assert run_cli("empty")[0] == 2
    (here / "docs" / "story.md").write_text("Fine.\n")  # one lintable file is enough
    assert run_cli("docs") == (0, "No problems found in 1 file.\n", "")


def test_explicit_files_all_excluded_is_a_clean_empty_run(run_cli, here):
    """pre-commit passes staged files with --force-exclude; all excluded is not an error."""
    (here / ".factlint.yaml").write_text("exclude: ['drafts/*']\n")
    (here / "drafts").mkdir()
    (here / "drafts" / "d.md").write_text("the the\n")
    assert run_cli("drafts/d.md", "--force-exclude") == (0, "No problems found in 0 files.\n", "")


def test_cr_only_line_endings_give_the_same_lines_as_lf(run_cli, here):
    """A CR-only file (old Mac, some CMS exports) put every finding on line 1."""
    from conftest import SEEDS

    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    for name, text in (("lf.txt", seed), ("cr.txt", seed.replace("\n", "\r")), ("crlf.txt", seed.replace("\n", "\r\n"))):
        (here / name).write_bytes(text.encode("utf-8"))
    found = {}
    for name in ("lf.txt", "cr.txt", "crlf.txt"):
        out = run_cli(name, "--isolated", "--format", "json")[1]
        found[name] = [(d["line"], d["column"], d["end_line"], d["end_column"], d["rule"], d["message"])
                       for d in json.loads(out)["diagnostics"]]
    assert len(found["lf.txt"]) >= 10 and max(d[0] for d in found["lf.txt"]) > 50
    assert found["cr.txt"] == found["lf.txt"] == found["crlf.txt"]


def test_line_index_counts_cr_lf_and_crlf():
    from linter.document import LineIndex

    index = LineIndex("a\rb\r\nc\nd")
    assert [index.position(o) for o in (0, 2, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert index.line_span(1) == (0, 1) and index.line_span(2) == (2, 4)  # a CRLF line keeps its CR, as before
