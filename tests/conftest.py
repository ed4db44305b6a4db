import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from linter.cli import main

    def run(*args, stdin: str | None = None, monkeypatch=None):
        if stdin is not None:
            import io

            class _In:
                buffer = io.BytesIO(stdin.encode("utf-8"))

            old = sys.stdin
            sys.stdin = _In()
            try:
                code = main(list(args))
            finally:
                sys.stdin = old
        else:
            code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
