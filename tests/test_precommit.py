"""The pre-commit hooks in ``.pre-commit-hooks.yaml``: the manifest is valid for pre-commit, the
hook's file filter picks the prose files a commit stages, and its entry run on them fails on
findings and passes on clean text — both run directly and through a real ``pre-commit run``
on staged files in a throwaway git repository (a local hook, so nothing is downloaded)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
BAD = "The minister met in the the capital on Monday.\n"
GOOD = "The minister met in the capital on Monday.\n"


def hooks() -> dict:
    return {h["id"]: h for h in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}


@pytest.fixture
def shim(tmp_path, monkeypatch):
    """A ``factlint`` executable on PATH that runs this checkout (as ``pip install`` would)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "factlint"
    script.write_text(f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(ROOT))} exec {shlex.quote(sys.executable)} -m linter \"$@\"\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return script


@pytest.fixture
def repo(tmp_path):
    work = tmp_path / "repo"
    work.mkdir()
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    (work / "story.md").write_text(BAD, encoding="utf-8")
    (work / "notes.txt").write_text(GOOD, encoding="utf-8")
    (work / "script.py").write_text(f"# {BAD}", encoding="utf-8")  # not prose: not passed to the hook
    return work


def test_manifest_is_valid_for_pre_commit():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    loaded = {h["id"]: h for h in clientlib.load_manifest(str(MANIFEST))}
    assert set(loaded) == {"factlint", "factlint-baseline"}
    for hook in loaded.values():
        assert hook["language"] == "python"
        assert hook["entry"].startswith("factlint check")
        assert hook["pass_filenames"] is True


def selected(hook: dict, paths: list[str]) -> list[str]:
    """The files pre-commit would pass to ``hook`` (files/exclude regexes and types_or tags)."""
    identify = pytest.importorskip("identify.identify")
    files = re.compile(hook.get("files", ""))
    exclude = re.compile(hook.get("exclude", "^$"))
    wanted = set(hook.get("types_or", []))
    return [p for p in paths if files.search(p) and not exclude.search(p)
            and (not wanted or wanted & identify.tags_from_filename(p))]


def test_hook_entry_on_staged_like_files(repo, shim):
    hook = hooks()["factlint"]
    staged = selected(hook, [str(p.relative_to(repo)) for p in sorted(repo.iterdir()) if p.is_file()])
    assert staged == ["notes.txt", "story.md"]
    cmd = shlex.split(hook["entry"]) + staged
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "story.md:1:21: warning: 'the' is repeated [S101 repeated-word]" in proc.stdout
    assert "notes.txt" not in proc.stdout.replace("2 files", "")

    (repo / "story.md").write_text(GOOD, encoding="utf-8")
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_baseline_hook_fails_only_on_new_findings(repo, shim):
    hook = hooks()["factlint-baseline"]
    subprocess.run(["factlint", "check", "story.md", "--write-baseline", ".factlint-baseline.json"],
                   cwd=repo, check=True, capture_output=True, timeout=120)
    cmd = shlex.split(hook["entry"]) + ["story.md", "notes.txt"]
    assert subprocess.run(cmd, cwd=repo, capture_output=True, timeout=120).returncode == 0
    (repo / "notes.txt").write_text(BAD, encoding="utf-8")
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "notes.txt:1:21" in proc.stdout and "story.md:" not in proc.stdout


def test_real_pre_commit_run_on_staged_files(repo, shim, tmp_path):
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git not available")
    # README's snippet, as written: a local hook running factlint from the environment
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### pre-commit\n", 1)[1]
    snippet = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    assert "repo: local" in snippet
    (repo / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    env.pop("PRE_COMMIT", None)

    def run():
        return subprocess.run([sys.executable, "-m", "pre_commit", "run"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=120)

    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    proc = run()
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"^factlint\.+Failed$", proc.stdout, re.M), proc.stdout
    assert "story.md:1:21: warning: 'the' is repeated [S101 repeated-word]" in proc.stdout

    (repo / "story.md").write_text(GOOD, encoding="utf-8")
    subprocess.run(["git", "add", "story.md"], cwd=repo, check=True)
    proc = run()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"^factlint\.+Passed$", proc.stdout, re.M), proc.stdout
