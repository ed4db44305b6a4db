"""The result cache: hits skip linting, anything that can change a result changes the key,
corrupt entries are ignored, and a cached run prints exactly what an uncached one does."""

import json
from pathlib import Path

import pytest

from linter import cache as cache_mod
from linter import parallel

ARTICLE = (
    "The council met on Monday. The the budget was approved!! by a vote of 7 to 2.\n\n"
    "Officials said the plan would cost $4 million.\n"
)

RULE = """\
id: X901
name: banana-word
kind: pattern
category: style
severity: warning
message: "Found '{match}'"
description: test rule
words: [banana]
examples:
  - text: "a <marker>banana</marker> here"
  - text: "an apple here"
"""


@pytest.fixture
def files(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (docs / "b.txt").write_text("A banana and a banana. " + ARTICLE, encoding="utf-8")
    return docs


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("results/*/*.json"))


def test_second_run_hits_and_prints_the_same(run_cli, files, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    first = run_cli("--cache-dir", str(cache_dir), "--format", "json", str(files))
    assert len(entries(cache_dir)) == 2
    assert (cache_dir / "CACHEDIR.TAG").is_file() and (cache_dir / ".gitignore").read_text().strip().endswith("*")

    def boom(*a, **k):
        raise AssertionError("linted although cached")

    monkeypatch.setattr(parallel, "lint_source", boom)
    second = run_cli("--cache-dir", str(cache_dir), "--format", "json", str(files))
    assert second == first
    # the text reporter (which may show excerpts) gets the same from a hit
    monkeypatch.undo()
    plain = run_cli("--no-cache", str(files))
    monkeypatch.setattr(parallel, "lint_source", boom)
    assert run_cli("--cache-dir", str(cache_dir), str(files)) == plain


def test_no_cache_writes_nothing(run_cli, files, tmp_path, monkeypatch):
    monkeypatch.delenv("FACTLINT_NO_CACHE")
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "envcache"))
    run_cli("--no-cache", str(files))
    assert not entries(tmp_path / "envcache")  # (the compiled rules may be there: not results)
    run_cli(str(files))  # the environment variable picks the folder
    assert len(entries(tmp_path / "envcache")) == 2
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")  # and FACTLINT_NO_CACHE turns it off again
    (files / "c.txt").write_text("A third file.\n")
    run_cli(str(files))
    assert len(entries(tmp_path / "envcache")) == 2


def test_on_by_default_in_the_users_cache_folder_whatever_runs_it(monkeypatch, tmp_path):
    """The default does not depend on running under pytest (PYTEST_CURRENT_TEST is set here)."""
    from linter import cachedir

    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("FACTLINT_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cachedir.location() == tmp_path / "xdg" / "factlint" and cachedir.results_enabled()
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cachedir.location() == tmp_path / "home" / ".cache" / "factlint"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "env"))
    assert cachedir.location() == tmp_path / "env"
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    assert not cachedir.results_enabled()
    assert cachedir.results_enabled("elsewhere")  # --cache-dir wins over the environment
    monkeypatch.setenv("FACTLINT_NO_CACHE", "0")
    assert cachedir.results_enabled()


def test_edited_file_is_linted_again(run_cli, files, tmp_path):
    cache_dir = tmp_path / "cache"
    run_cli("--cache-dir", str(cache_dir), "--format", "json", str(files))
    (files / "a.txt").write_text(ARTICLE.replace("The the", "The"), encoding="utf-8")
    code, out, _ = run_cli("--cache-dir", str(cache_dir), "--format", "json", str(files))
    fresh = run_cli("--no-cache", "--format", "json", str(files))
    assert (code, out) == fresh[:2]
    assert len(entries(cache_dir)) == 3


def test_rules_and_config_are_part_of_the_key(run_cli, files, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "banana.yaml").write_text(RULE, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    args = ["--cache-dir", str(cache_dir), "--format", "json", "--rules", str(pack), str(files)]
    _, out, _ = run_cli(*args)
    assert sum(d["rule"] == "X901" for d in json.loads(out)["diagnostics"]) == 2
    # an edited user rule changes the results: the cache must not serve the old ones
    (pack / "banana.yaml").write_text(RULE.replace("words: [banana]", "words: [apple, council]"), encoding="utf-8")
    _, out, _ = run_cli(*args)
    found = [d["text"] for d in json.loads(out)["diagnostics"] if d["rule"] == "X901"]
    assert found == ["council", "council"]
    # so does the selection
    _, out, _ = run_cli(*args[:-1], "--select", "X901", str(files))
    assert {d["rule"] for d in json.loads(out)["diagnostics"]} == {"X901"}
    # and the document date
    _, out1, _ = run_cli(*args[:-1], "--date", "2024-01-01", "-v", str(files))
    assert out1 == run_cli("--no-cache", "--format", "json", "--rules", str(pack), "--date", "2024-01-01",
                           str(files))[1]


@pytest.mark.parametrize("damage", [
    "", "{not json", '{"key": "x", "diagnostics": []}', "[1, 2, 3]", "null",
    '{"key": "KEY", "diagnostics": [{"path": 3}]}',
    '{"key": "KEY", "diagnostics": [{"bogus": 1}]}',
])
def test_corrupt_entries_are_ignored_and_replaced(run_cli, files, tmp_path, damage):
    cache_dir = tmp_path / "cache"
    expected = run_cli("--no-cache", "--format", "json", str(files))
    run_cli("--cache-dir", str(cache_dir), "--format", "json", str(files))
    for entry in entries(cache_dir):
        key = entry.parent.name + entry.stem
        entry.write_bytes(damage.replace("KEY", key).encode())
    assert run_cli("--cache-dir", str(cache_dir), "--format", "json", str(files)) == expected
    # the damaged entries were rewritten and now hit
    assert all(json.loads(e.read_text())["key"] for e in entries(cache_dir))
    assert run_cli("--cache-dir", str(cache_dir), "--format", "json", str(files)) == expected


def test_unwritable_cache_folder_only_costs_speed(run_cli, files, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    expected = run_cli("--no-cache", str(files))
    assert run_cli("--cache-dir", str(blocker / "sub"), str(files)) == expected


def test_timing_skips_the_cache(run_cli, files, tmp_path):
    cache_dir = tmp_path / "cache"
    code, out, err = run_cli("--cache-dir", str(cache_dir), "--timing", str(files))
    assert not entries(cache_dir)
    assert "time per rule" in err


def test_round_trip_keeps_every_field(tmp_path):
    import linter

    text = "The the cat sat.\n\nIt cost 9,00 dollars!!\n"
    diags = linter.lint_text(text, path="x.txt")
    assert diags
    store = cache_mod.ResultCache(tmp_path, "run")
    key = store.key(text, "x.txt")
    store.put(key, diags, "2024-01-02", "front matter")
    got, date, source = store.get(key)
    assert got == diags and (date, source) == ("2024-01-02", "front matter")
    assert store.key(text, "y.txt") != key and store.key(text + " ", "x.txt") != key


def test_code_fingerprint_follows_each_modules_size_and_mtime(tmp_path):
    """An edited module (new size, or same size and a new modification time, as a checkout
    of another branch gives) is another key; bytecode folders and other files are not."""
    import os

    from linter.cachedir import source_fingerprint

    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "a.py").write_text("x = 1\n")
    (pkg / "sub" / "b.py").write_text("y = 2\n")
    os.utime(pkg / "a.py", ns=(1_000_000_000, 1_000_000_000))
    first = source_fingerprint(str(pkg), "factlint 1")
    assert source_fingerprint(str(pkg), "factlint 1") == first
    assert source_fingerprint(str(pkg), "factlint 2") != first
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "a.cpython-311.py").write_text("ignored")
    (pkg / "notes.txt").write_text("ignored")
    assert source_fingerprint(str(pkg), "factlint 1") == first
    (pkg / "a.py").write_text("x = 3\n")  # same size
    os.utime(pkg / "a.py", ns=(2_000_000_000, 2_000_000_000))
    second = source_fingerprint(str(pkg), "factlint 1")
    assert second != first
    (pkg / "sub" / "b.py").write_text("y = 22\n")
    assert source_fingerprint(str(pkg), "factlint 1") != second
