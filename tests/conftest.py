import atexit
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# the cache folder (compiled rules of the tests' throwaway packs, config files) is one of the
# suite's own, not ~/.cache/factlint (linter/cachedir.py)
os.environ.pop("FACTLINT_RULE_CACHE", None)  # retired: the CLI would warn about it
if "FACTLINT_CACHE_DIR" not in os.environ:
    os.environ["FACTLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="factlint-cache-")
    atexit.register(shutil.rmtree, os.environ["FACTLINT_CACHE_DIR"], True)
# no result cache unless a test asks for one (--cache-dir, or it unsets this): tests monkeypatch
# checks, which the cache key cannot see
os.environ["FACTLINT_NO_CACHE"] = "1"


def invoke_cli(*args, stdin: bytes | str | None = None):
    """Run the CLI in-process: (exit code, stdout text, stdout bytes, stderr).

    stdout has a ``buffer`` (``--fix -`` writes bytes there); ``stdin`` is fed through
    ``sys.stdin.buffer`` as the CLI reads it. A traceback on stderr fails the test.
    """
    from linter.cli import main

    class _Out(io.StringIO):
        def __init__(self):
            super().__init__()
            self.buffer = io.BytesIO()

    class _In:
        buffer = io.BytesIO(stdin.encode("utf-8") if isinstance(stdin, str) else stdin or b"")

    out, err = _Out(), io.StringIO()
    old = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    if stdin is not None:
        sys.stdin = _In()
    try:
        code = main(list(args))
    finally:
        sys.stdout, sys.stderr, sys.stdin = old
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), out.buffer.getvalue(), err.getvalue()


@pytest.fixture
def run_cli():
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""

    def run(*args, stdin: str | None = None):
        code, out, _, err = invoke_cli(*args, stdin=stdin)
        return code, out, err

    return run
