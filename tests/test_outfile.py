"""Reports written with -o and baselines get the permissions any other tool would give them:
0666 minus the umask for a new file, the old mode for a file that exists (they were 0600,
tempfile.mkstemp's mode, whatever the umask)."""

import os
import stat

import pytest


@pytest.fixture
def umask():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("They met in the the capital.\n")
    return tmp_path


def test_report_respects_the_umask(run_cli, story, umask):
    assert run_cli("story.txt", "-o", "report.json", "--format", "json")[0] == 1
    assert mode(story / "report.json") == 0o644
    os.umask(0o002)
    assert run_cli("story.txt", "-o", "report.txt")[0] == 1
    assert mode(story / "report.txt") == 0o664
    os.chmod(story / "report.txt", 0o600)  # an existing report keeps its mode
    run_cli("story.txt", "-o", "report.txt")
    assert mode(story / "report.txt") == 0o600
    assert [p.name for p in story.iterdir() if p.name.startswith(".factlint-")] == []


def test_baseline_respects_the_umask(run_cli, story, umask):
    assert run_cli("story.txt", "--write-baseline", "base.json")[0] == 0
    assert mode(story / "base.json") == 0o644
    os.chmod(story / "base.json", 0o640)
    (story / "story.txt").write_text("Fine now.\n")
    assert run_cli("story.txt", "--baseline", "base.json", "--prune-baseline")[0] == 0
    assert mode(story / "base.json") == 0o640
