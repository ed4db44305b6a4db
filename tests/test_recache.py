"""Compiled regular expressions kept between CLI runs (linter/recache.py): what is put
back into re's cache must equal what re compiles, and the patterns must be the same text
in every process, or the table can never be used."""

import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(sys.implementation.name != "cpython", reason="uses CPython's re internals")


def run(code: str, cache, **env) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "FACTLINT_RULE_CACHE": str(cache), **env}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=full_env, cwd=ROOT, timeout=120)


CLI = """
import sys
from linter.cli import main
sys.exit(main(["--no-cache", "--format", "json", "--isolated", sys.argv[-1] if len(sys.argv) > 1 else "{seeds}"]))
"""


def test_second_run_same_report_and_patterns_equal_to_res_own(tmp_path):
    cache = tmp_path / "cache"
    first = run(CLI.format(seeds=SEEDS), cache)
    (table,) = cache.glob("re-*.marshal")
    second = run(CLI.format(seeds=SEEDS), cache)
    assert first.returncode == second.returncode == 1, first.stderr + second.stderr
    assert first.stdout == second.stdout and '"N101"' in first.stdout
    check = run("""
        import re
        from re import _compiler
        from linter import recache
        n = recache.warm()
        bad = [k for k in recache._loaded if re._cache[k] != _compiler.compile(k[1], k[2])]
        print(n, len(bad))
    """, cache)
    loaded, bad = map(int, check.stdout.split())
    assert loaded > 100 and bad == 0, check.stderr


def test_patterns_are_the_same_text_in_every_process(tmp_path):
    """A pattern built from a set's iteration order differs with string hashing; such a
    pattern is never found in the table (this caught one in facts/numbers.py)."""
    code = """
        import re
        import linter.engine, linter.kinds
        linter.kinds.rule_classes()
        print(sorted(repr(k[1:]) for k in re._cache if k[0] is str))
    """
    a = run(code, "off", PYTHONHASHSEED="1")
    b = run(code, "off", PYTHONHASHSEED="2")
    assert a.returncode == 0 and a.stdout == b.stdout, a.stderr


def test_a_corrupt_or_foreign_table_is_ignored(tmp_path):
    cache = tmp_path / "cache"
    run(CLI.format(seeds=SEEDS), cache)
    (table,) = cache.glob("re-*.marshal")
    table.write_bytes(b"\x00garbage")
    again = run(CLI.format(seeds=SEEDS), cache)
    assert again.returncode == 1 and '"N101"' in again.stdout and "Traceback" not in again.stderr
    if hasattr(os, "getuid"):
        table.chmod(0o666)  # writable by others: not read
        check = run("from linter import recache; print(recache.warm())", cache)
        assert check.stdout.strip() == "0"


def test_off_means_no_table(tmp_path):
    home = tmp_path / "home"
    result = run(CLI.format(seeds=SEEDS), "off", HOME=str(home), XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert result.returncode == 1 and not home.exists() and not (tmp_path / "xdg").exists()


def test_library_use_leaves_res_cache_alone():
    """Only the command line warms re's cache; `import linter` and lint_text do not."""
    code = """
        import re
        before = len(re._cache)
        import linter
        linter.lint_text("The mission ends in 2026.", path="a.txt")
        from linter import recache
        print(len(recache._loaded))
    """
    out = run(code, "off")
    assert out.stdout.strip() == "0", out.stderr


def test_patterns_made_for_one_document_are_not_kept(tmp_path):
    """K105 builds a pattern from each document's acronyms; the table must not fill with them."""
    cache = tmp_path / "cache"
    docs = []
    for i, (name, acr) in enumerate([("North Atlantic Treaty Organization", "NATO"), ("World Health Organization", "WHO"),
                                     ("International Monetary Fund", "IMF")]):
        doc = tmp_path / f"d{i}.txt"
        doc.write_text(f"The {acr} met. The {name} ({acr}) said so on Monday.\n", encoding="utf-8")
        docs.append(doc)
    sizes = []
    for doc in docs:
        run(CLI.format(seeds=doc), cache)
        run(CLI.format(seeds=doc), cache)  # the second run records what the cached rule set compiles
        (table,) = cache.glob("re-*.marshal")
        count = run(f"import marshal; print(len(marshal.load(open({str(table)!r}, 'rb'))))", "off")
        sizes.append(int(count.stdout))
    assert sizes[0] > 100 and sizes[0] == sizes[1] == sizes[2]
