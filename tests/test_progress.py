"""The progress bar: on a terminal's stderr for long runs, never when piped."""

import os
import pty
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    for i in range(200):
        (root / f"a{i:03}.txt").write_text(f"Story {i}. The ministers met on Monday and agreed a plan.\n")
    return root


def _run(archive, stderr_tty: bool):
    cmd = [sys.executable, "-m", "linter", str(archive), "--no-cache", "--format", "json", "--jobs", "1"]
    if not stderr_tty:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        return proc.stdout, proc.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    out = proc.communicate(timeout=300)[0]
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return out, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal(archive):
    out, err = _run(archive, stderr_tty=True)
    assert "200/200 files" in err
    assert "[" + "#" * 30 + "]" in err
    assert out.lstrip().startswith("{") and "files" not in out.split('"summary"')[0]


def test_no_progress_bar_when_piped(archive):
    out, err = _run(archive, stderr_tty=False)
    assert err == ""
    assert '"files": 200' in out
