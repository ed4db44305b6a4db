"""The suite runs the same on any checkout: no test reads a path outside the repository (a test
that did skipped wherever that path was missing, e.g. the peers' date cases under a shared
folder), and no production code changes what it does because pytest is running."""

import re

from conftest import ROOT

TESTS = sorted((ROOT / "tests").glob("*.py"))
OUTSIDE = re.compile(r"""["'](?:/work/|/home/|/root/|~/)|\.\./shared\b""")


def test_no_test_reads_a_path_outside_the_repository():
    offenders = []
    for path in TESTS:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if OUTSIDE.search(line):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert not offenders, "ship the data under tests/data instead:\n" + "\n".join(offenders)


def test_peer_date_cases_ship_with_the_tests():
    bench = ROOT / "tests" / "data" / "benchmarks"
    assert (bench / "languagetool-date-rules" / "examples.jsonl").is_file()
    assert (bench / "textlint-date-weekday-mismatch" / "cases.jsonl").is_file()
    assert "License" in (bench / "README.md").read_text(encoding="utf-8")


def test_production_code_does_not_look_for_pytest():
    offenders = []
    for path in sorted((ROOT / "linter").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"pytest", line, re.I):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
