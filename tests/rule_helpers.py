"""Helpers the per-kind test files share (duplication, quotation, consistency): lint a
snippet with only the rules under test, and find the exact span a finding must cover."""

from __future__ import annotations

from conftest import SEEDS

import linter
from linter.config import Config

SEED = SEEDS / "000_5ae41dc0945392ff.txt"


def lint(text: str, select: list[str], path: str = "t.txt"):
    """Diagnostics of ``text`` with only the ``select``ed rules on (no config file read)."""
    return linter.lint_text(text, path=path, config=Config(select=select))


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Start and end offsets of the ``nth`` (0-based) occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)
