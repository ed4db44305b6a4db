"""Baselines: --write-baseline records today's findings, --baseline fails only on new ones,
entries survive lines inserted above them and runs from other folders, unused entries are
reported and --prune-baseline drops them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

RULES = Path(__file__).parent / "data" / "format-rules"
STORY = "Intro.\n😀 A zork here and 9,00 there.\nAnother zork.\n"
OTHER = "One more zork.\n"


@pytest.fixture
def archive(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "articles" / "other.md").write_text(OTHER, encoding="utf-8")
    return tmp_path


def lint(run_cli, *args):
    return run_cli(*args, "--isolated", "--no-builtin-rules", "--rules", str(RULES))


def diags(run_cli, *args) -> tuple[int, list[dict], str]:
    code, out, err = lint(run_cli, *args, "--format", "json")
    return code, json.loads(out)["diagnostics"], err


def test_write_then_check_is_clean(run_cli, archive):
    code, out, err = lint(run_cli, "articles", "--write-baseline", "baseline.json")
    assert code == 0 and "wrote 4 findings to baseline baseline.json" in err
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["findings"]) == 4
    assert {f["path"] for f in data["findings"]} == {"articles/story.md", "articles/other.md"}
    assert all("line" not in f and "column" not in f for f in data["findings"])  # no positions
    code, found, err = diags(run_cli, "articles", "--baseline", "baseline.json")
    assert code == 0 and found == [] and "4 known findings hidden" in err


def test_entries_survive_inserted_lines_and_new_findings_fail(run_cli, archive):
    _, before, _ = diags(run_cli, "articles/story.md")
    lint(run_cli, "articles", "--write-baseline", "baseline.json")
    story = Path("articles/story.md")
    story.write_text("A new first paragraph.\n\nAnd a second one.\n\n" + STORY, encoding="utf-8")
    code, after, _ = diags(run_cli, "articles/story.md")
    # positions moved four lines down; fingerprints did not change
    assert [d["line"] for d in after] == [d["line"] + 4 for d in before]
    assert [d["fingerprint"] for d in after] == [d["fingerprint"] for d in before]
    code, found, err = diags(run_cli, "articles", "--baseline", "baseline.json")
    assert code == 0 and found == []
    # a new finding above the old ones: only it is reported
    story.write_text("Fresh zork on top.\n" + story.read_text(encoding="utf-8"), encoding="utf-8")
    code, found, err = diags(run_cli, "articles", "--baseline", "baseline.json")
    assert code == 1
    assert [(d["path"], d["line"], d["column"], d["rule"]) for d in found] == [("articles/story.md", 1, 7, "T101")]
    code, out, _ = lint(run_cli, "articles", "--baseline", "baseline.json", "--format", "json")
    assert json.loads(out)["summary"]["warnings"] == 1


def test_baseline_matches_from_another_folder_and_path_spelling(run_cli, archive, monkeypatch):
    lint(run_cli, "articles", "--write-baseline", "baseline.json")
    code, found, _ = diags(run_cli, "./articles/", "--baseline", "./baseline.json")
    assert code == 0 and found == []
    monkeypatch.chdir(archive / "articles")
    code, found, _ = diags(run_cli, "story.md", "--baseline", "../baseline.json")
    assert code == 0 and found == []


def test_unused_entries_reported_and_pruned(run_cli, archive):
    lint(run_cli, "articles", "--write-baseline", "baseline.json")
    Path("articles/story.md").write_text(STORY.replace("9,00", "9,000"), encoding="utf-8")
    code, found, err = diags(run_cli, "articles", "--baseline", "baseline.json")
    assert code == 0 and found == []
    assert "1 baseline entry no longer matches" in err and "articles/story.md: T102 '9,00'" in err
    assert len(json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]) == 4  # untouched
    code, _, err = lint(run_cli, "articles", "--baseline", "baseline.json", "--prune-baseline")
    assert code == 0 and "pruned 1 unused entry" in err
    left = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert len(left) == 3 and "T102" not in {f["rule"] for f in left}
    code, _, err = lint(run_cli, "articles", "--baseline", "baseline.json")
    assert code == 0 and "no longer match" not in err


def test_partial_runs_keep_other_files_entries(run_cli, archive):
    lint(run_cli, "articles", "--write-baseline", "baseline.json")
    # linting one file (a pre-commit run) says nothing about the other file's entries
    code, _, err = lint(run_cli, "articles/story.md", "--baseline", "baseline.json", "--prune-baseline")
    assert code == 0 and "pruned" not in err and "no longer match" not in err
    assert len(json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]) == 4
    # rewriting from a partial run keeps the other file's entries
    Path("articles/story.md").write_text("Clean now.\n", encoding="utf-8")
    lint(run_cli, "articles/story.md", "--write-baseline", "baseline.json")
    paths = [f["path"] for f in json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]]
    assert paths == ["articles/other.md"]
    # a deleted file's entries are unused
    Path("articles/other.md").unlink()
    Path("articles/new.md").write_text("Fine.\n", encoding="utf-8")
    code, _, err = lint(run_cli, "articles", "--baseline", "baseline.json")
    assert "1 baseline entry no longer matches" in err


def test_duplicates_are_counted_by_occurrence(run_cli, archive):
    """Two identical findings are two entries; fixing one leaves one unused entry, not a new finding."""
    Path("articles/other.md").write_text("zork and zork.\n", encoding="utf-8")
    lint(run_cli, "articles/other.md", "--write-baseline", "baseline.json")
    Path("articles/other.md").write_text("zork and zark.\n", encoding="utf-8")
    code, found, err = diags(run_cli, "articles/other.md", "--baseline", "baseline.json")
    assert code == 0 and found == [] and "1 baseline entry no longer matches" in err
    Path("articles/other.md").write_text("zork, zork and zork.\n", encoding="utf-8")
    code, found, err = diags(run_cli, "articles/other.md", "--baseline", "baseline.json")
    assert code == 1 and [d["column"] for d in found] == [16]


@pytest.mark.parametrize("content, message", [
    (None, "baseline file not found"),
    ("{not json", "invalid JSON in baseline"),
    ('{"version": 9, "findings": []}', "unsupported baseline version"),
    ('{"version": 1, "findings": [{"path": 1}]}', "findings[0]"),
    ("[]", "not a factlint baseline"),
])
def test_bad_baseline_is_a_usage_error(run_cli, archive, content, message):
    if content is not None:
        Path("baseline.json").write_text(content, encoding="utf-8")
    code, out, err = lint(run_cli, "articles", "--baseline", "baseline.json")
    assert code == 2 and out == "" and message in err


def test_prune_needs_a_baseline(run_cli, archive):
    code, out, err = lint(run_cli, "articles", "--prune-baseline")
    assert code == 2 and "--prune-baseline needs --baseline" in err


def test_editing_around_a_known_finding_keeps_it_known(run_cli, archive):
    """The line changed (so its context hash did) but the flagged text did not: still matched."""
    lint(run_cli, "articles", "--write-baseline", "baseline.json")
    Path("articles/story.md").write_text(STORY.replace("A zork here", "Now a zork over here"), encoding="utf-8")
    code, found, err = diags(run_cli, "articles", "--baseline", "baseline.json")
    assert code == 0 and found == [] and "no longer match" not in err


def test_baseline_written_from_json_api_results_without_text(tmp_path):
    """The module works on results without kept text (re-reading the file for line contexts)."""
    from linter.baseline import apply, snapshot
    from linter.config import Config
    from linter.engine import lint_paths

    (tmp_path / "a.md").write_text("A zork.\nB zork.\n", encoding="utf-8")
    config = Config(rules=[str(RULES)], builtin_rules=False)
    results = list(lint_paths([str(tmp_path / "a.md")], config=config))
    entries = snapshot(results, tmp_path)
    assert [e.path for e in entries] == ["a.md", "a.md"] and all(e.context for e in entries)
    (tmp_path / "a.md").write_text("C zork.\nA zork.\nB zork.\n", encoding="utf-8")
    results = list(lint_paths([str(tmp_path / "a.md")], config=config))
    outcome = apply(results, entries, tmp_path)
    assert outcome.suppressed == 2 and [d.line for d in results[0].diagnostics] == [1]
