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


# --------------------------------------------------------------------------- the one writer


def test_one_writer_never_leaves_a_temporary_file(tmp_path, monkeypatch):
    from linter.outfile import ChangedOnDisk, write_atomic

    target = tmp_path / "out.txt"
    write_atomic(target, b"one")
    assert target.read_bytes() == b"one"

    def broken_replace(*a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"two")
    monkeypatch.undo()

    def interrupted_write(*a):
        raise KeyboardInterrupt

    with pytest.raises(ChangedOnDisk):  # the --fix check: not written when the file changed meanwhile
        write_atomic(target, b"three", expected=b"something else")
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", interrupted_write)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"four")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert target.read_bytes() == b"one"
    write_atomic(target, b"five", expected=b"one")
    assert target.read_bytes() == b"five"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    with pytest.raises(OSError):
        write_atomic(tmp_path / "missing" / "x.txt", b"x")


def test_one_writer_writes_through_a_symlink(tmp_path, umask):
    from linter.outfile import write_atomic

    real = tmp_path / "real.txt"
    real.write_text("old")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_text() == "new" and mode(real) == 0o640
    write_atomic(tmp_path / "fresh.txt", b"x", durable=False)
    assert mode(tmp_path / "fresh.txt") == 0o644
