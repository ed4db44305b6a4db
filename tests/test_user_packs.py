"""A newsroom's own rule pack and config, the way a new user writes them: `test-rules`, `explain`
and `rules` see what `check` sees, and every mistake in a pack or config is an error (exit 2, one
line naming the file and the line) instead of something let through or a traceback."""

from __future__ import annotations

import re
import textwrap

import pytest

from linter import RuleSetError, load_rules


def rule(rule_id="X101", name="kyiv", **fields) -> str:
    """A substitution rule file (fields override the defaults)."""
    values = {
        "kind": "substitution", "category": "consistency", "severity": "warning",
        "message": "\"Write '{replacement}', not '{match}'\"", "description": "Kyiv.",
        "wordlist": "house-spellings", "ignore_case": "true",
    } | fields
    body = "".join(f"{k}: {v}\n" for k, v in values.items() if v is not None)
    return (f"id: {rule_id}\nname: {name}\n{body}examples:\n"
            "  - text: \"Talks in <marker>Kiev</marker> ended.\"\n    suggestions: [Kyiv]\n"
            "  - text: \"Talks in Kyiv ended.\"\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with .factlint.yaml naming its pack `house/`, which extends the
    built-in house-spellings list and has one rule using it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house" / "wordlists").mkdir(parents=True)
    (tmp_path / "house" / "wordlists" / "hs.yaml").write_text("name: house-spellings\nwords: ['Kiev: Kyiv']\n")
    (tmp_path / "house" / "kyiv.yaml").write_text(rule())
    (tmp_path / ".factlint.yaml").write_text("rules: [house]\n")
    return tmp_path


def test_test_rules_runs_a_pack_that_uses_a_builtin_word_list(run_cli, tmp_path, monkeypatch):
    """Was exit 2 ("unknown word list") although `check` runs the same rule."""
    monkeypatch.chdir(tmp_path)
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "w.yaml").write_text(rule(wordlist="house-spellings", message="\"'{match}' -> '{replacement}'\"")
                                 .replace("Kiev", "Teheran").replace("Kyiv", "Tehran"))
    code, out, err = run_cli("test-rules", str(pack))
    assert (code, out, err) == (0, "2 passed, 0 failed (1 rule)\n", "")


def test_explain_rules_and_test_rules_read_the_project_config(run_cli, project):
    """`explain X101` said "unknown rule" for an id `check` had just printed."""
    (project / "a.txt").write_text("Talks in Kiev ended.\n")
    code, out, _ = run_cli("a.txt")
    assert code == 1 and "[X101 kyiv]" in out
    code, out, err = run_cli("explain", "X101")
    assert code == 0 and out.startswith("# kyiv (X101)") and err == ""
    assert "X101" in run_cli("rules")[1]
    code, out, _ = run_cli("test-rules")
    assert code == 0  # every rule in use is tested: the built-in ones and X101
    assert int(out.rsplit("(", 1)[1].split()[0]) == len(load_rules().rules) + 1
    assert run_cli("test-rules", "house")[1] == "2 passed, 0 failed (1 rule)\n"
    # --isolated and --config work as for check
    assert run_cli("explain", "X101", "--isolated")[0] == 2
    (project / "other.yaml").write_text("ignore: [S101]\n")
    assert run_cli("explain", "X101", "--config", "other.yaml")[0] == 2


@pytest.mark.parametrize("file_text, error", [
    (rule("K101", "my-house-spelling"), r"kyiv\.yaml:1: id: 'K101' is already the id of .*house-spelling\.yaml:1"),
    (rule("X101", "house-spelling"), r"kyiv\.yaml:2: name: 'house-spelling' is already the name of .*house-spelling\.yaml:2"),
    (rule(message="\"Write '{replacement}', not '{wrong}'\""),
     r"kyiv\.yaml:6: message: unknown placeholder \{wrong\}: a substitution rule fills \{match\}, \{replacement\}"),
    (rule(wordlist="house-spelings"), r"kyiv\.yaml:8: unknown word list 'house-spelings'"),
])
def test_pack_mistakes_are_load_errors_with_file_and_line(run_cli, project, file_text, error):
    (project / "house" / "kyiv.yaml").write_text(file_text)
    (project / "a.txt").write_text("Talks in Kiev ended.\n")
    for args in (["test-rules", "house"], ["check", "a.txt"], ["explain", "X101"], ["rules"]):
        code, out, err = run_cli(*args)
        assert (code, out) == (2, ""), args
        assert err.count("\n") == 1, err
        assert re.search(error, err), err


def test_duplicate_names_within_one_pack(tmp_path):
    (tmp_path / "a.yaml").write_text(rule("X101", "kyiv"))
    (tmp_path / "b.yaml").write_text(rule("X102", "kyiv"))
    with pytest.raises(RuleSetError, match=r"b\.yaml:2: name: 'kyiv' is already the name of .*a\.yaml:2"):
        load_rules([tmp_path])


def test_word_list_entry_without_colon_stops_the_load_and_fix_never_deletes(run_cli, project):
    """"Kiev" instead of "Kiev: Kyiv": --fix used to write "talks in  ended"."""
    (project / "house" / "wordlists" / "hs.yaml").write_text("name: house-spellings\nwords:\n  - Kiev\n")
    story = project / "a.txt"
    story.write_text("Talks in Kiev ended.\n")
    code, out, err = run_cli("check", "--fix", "a.txt")
    assert (code, out) == (2, "")
    assert "hs.yaml:3: words.0: 'Kiev' is not 'wrong: right'" in err and "used by" in err
    assert story.read_text() == "Talks in Kiev ended.\n"


def test_empty_pack_is_an_error_not_zero_rules(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "a.txt").write_text("Fine.\n")
    for args in (["test-rules", "empty"], ["check", "--rules", "empty", "a.txt"]):
        code, out, err = run_cli(*args)
        assert (code, out) == (2, "")
        assert err.startswith("factlint: error: ") and err.endswith("/empty: no rule files (*.yaml) in this rule pack\n")
    (tmp_path / "lists" / "wordlists").mkdir(parents=True)  # word lists only: fine for check, nothing to test
    (tmp_path / "lists" / "wordlists" / "hs.yaml").write_text("name: house-spellings\nwords: ['Kiev: Kyiv']\n")
    assert run_cli("check", "--rules", "lists", "a.txt")[0] == 0
    assert run_cli("test-rules", "lists")[:2] == (2, "")


@pytest.mark.parametrize("date, error", [
    ('"2024-13-01"', r"kyiv\.yaml:\d+: examples\.0\.date: Input should be a valid date"),
    ("2024-13-01", r"kyiv\.yaml:\d+: '2024-13-01' is not a date \(month must be in 1\.\.12\)"),
])
def test_impossible_example_date_is_exit_2_and_one_line(run_cli, project, date, error):
    """Was a ValueError traceback, exit 1 (read by CI as "findings")."""
    text = rule().replace("suggestions: [Kyiv]\n", f"suggestions: [Kyiv]\n    date: {date}\n", 1)
    (project / "house" / "kyiv.yaml").write_text(text)
    code, out, err = run_cli("test-rules", "house")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert re.search(error, err), err


def test_example_date_unquoted_or_quoted_is_a_date(project):
    text = rule().replace("suggestions: [Kyiv]\n", "suggestions: [Kyiv]\n    date: 2024-09-30\n", 1)
    (project / "house" / "kyiv.yaml").write_text(text)
    x101 = next(r for r in load_rules([project / "house"]).rules if r.id == "X101")
    assert str(x101.examples[0].date) == "2024-09-30"


@pytest.mark.parametrize("config, error", [
    ("date: 2024-13-01\n", ".factlint.yaml:1: '2024-13-01' is not a date (month must be in 1..12)"),
    ("fail-on: error\ndate: 2024-02-30\n", ".factlint.yaml:2: '2024-02-30' is not a date (day is out of range for month)"),
    ("per-path:\n  'a/*': {date: 2024-02-30}\n", ".factlint.yaml:2: '2024-02-30' is not a date"),
])
def test_impossible_date_in_config_is_exit_2_and_one_line(run_cli, tmp_path, monkeypatch, config, error):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".factlint.yaml").write_text(config)
    (tmp_path / "a.txt").write_text("Fine.\n")
    code, out, err = run_cli("a.txt")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert error in err


def test_unquoted_off_in_a_severity_table_means_off(run_cli, tmp_path, monkeypatch):
    """YAML reads `off` as false; in a severity table that can only mean "off"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".factlint.yaml").write_text("severity: {S101: off}\nper-path: {'x/*': {severity: {S102: off}}}\n")
    (tmp_path / "a.txt").write_text("It was the the end.\n")
    assert run_cli("a.txt", "--select", "S")[0] == 0
    (tmp_path / ".factlint.yaml").write_text("severity: {S101: on}\n")
    code, _, err = run_cli("a.txt")
    assert code == 2 and ".factlint.yaml:1: severity.S101: Input should be 'error', 'warning', 'info' or 'off'" in err


def test_fix_keeps_the_case_of_the_text(run_cli, project):
    """ignore_case: "KIEV" -> "KYIV" (was "Kyiv"), "kiev" -> the list's "Kyiv"."""
    story = project / "a.md"
    story.write_text("# TALKS IN KIEV\n\nTalks in Kiev ended; kiev.\n")
    code, _, err = run_cli("check", "--fix", "--select", "X101", "a.md")
    assert code == 0, err
    assert story.read_text() == "# TALKS IN KYIV\n\nTalks in Kyiv ended; Kyiv.\n"


def test_fix_that_would_create_another_rules_finding_is_not_applied(run_cli, tmp_path, monkeypatch):
    """K101 fixing two of three "Gadhafi" (the third is suppressed) made K103/K106 report
    "Gadhafi" vs "Gaddafi" and suggest undoing the fix. Such fixes are left to the editor."""
    monkeypatch.chdir(tmp_path)
    text = textwrap.dedent("""\
        Gadhafi ruled Libya for decades.

        <!-- factlint-disable-next-line K101 -- the banner as printed -->
        The banner read: "Gadhafi must go".

        Later, Gadhafi fled the capital. Teheran said nothing.
        """)
    story = tmp_path / "g.md"
    story.write_text(text)
    code, out, err = run_cli("check", "--isolated", "--fix", "g.md")
    assert story.read_text() == text.replace("Teheran", "Tehran")  # the harmless fix is applied
    assert "g.md: 2 fixes not applied: they would create K103, K106 findings" in err
    assert code == 1 and out.count("[K101 house-spelling]") == 2 and "K106" not in out


def test_explain_kind_lists_the_fields_from_the_schema(run_cli):
    code, out, err = run_cli("explain", "--kind", "value-conflict")
    assert code == 0 and err == ""
    assert out.startswith("# kind: value-conflict\n")
    assert "min_anchors       integer, default 1\n" in out
    assert "Message placeholders: {this}, {other}, {other_line}, {fact}" in out
    code, out, _ = run_cli("explain", "--kind", "number-format")
    assert "detect    one of: grouping, foreign-separator, letter-in-number, space-in-number, share-over-100, " \
           "negative-count, required" in out
    code, out, _ = run_cli("explain", "--kind")
    assert code == 0 and out.splitlines()[0].startswith("arithmetic ")
    assert len([line for line in out.splitlines() if line and not line.startswith("factlint")]) == 18
    code, out, err = run_cli("explain", "--kind", "nope")
    assert (code, out) == (2, "") and "unknown rule kind 'nope' (known kinds: arithmetic, attribution" in err


def test_a_pack_named_in_the_config_and_on_the_command_line_loads_once(run_cli, project):
    (project / "a.txt").write_text("Talks in Kiev ended.\n")
    code, out, err = run_cli("a.txt", "--rules", "house", "--select", "X101")
    assert code == 1 and out.count("[X101 kyiv]") == 1, err
    assert run_cli("test-rules", "house", "--rules", "house")[1] == "2 passed, 0 failed (1 rule)\n"


def test_the_builtin_pack_named_as_a_pack_loads_once(run_cli):
    from linter.ruleset import builtin_rules_dir
    builtin = builtin_rules_dir()
    assert [r.id for r in load_rules([builtin, f"{builtin}/."]).rules] == [r.id for r in load_rules().rules]
    code, out, err = run_cli("test-rules", str(builtin))
    assert code == 0 and re.fullmatch(r"\d+ passed, 0 failed \(\d+ rules\)\n", out), err
