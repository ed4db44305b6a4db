"""The command line: output format, exit codes, selection, bad input."""

import json

import jsonschema
import pytest

from conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "output-v1.schema.json").read_text())


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = tmp_path / "story.txt"
    p.write_text("Ministers met in the the capital.\nIt ended,, he said.\n", encoding="utf-8")
    return p


def test_text_output_format_and_exit_code(run_cli, article):
    code, out, err = run_cli("story.txt", "--select", "S")
    assert code == 1
    assert out.splitlines() == [
        "story.txt:1:18: warning: 'the' is repeated [S101 repeated-word]",
        "story.txt:2:9: info: Doubled punctuation ',,' [S102 doubled-punctuation]",
        "Found 2 problems in 1 file (0 errors, 1 warning, 1 info).",
    ]
    assert err == ""


def test_json_output_matches_the_contract(run_cli, article):
    code, out, _ = run_cli("story.txt", "--select", "S", "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert code == 1
    assert data["summary"] == {"files": 1, "errors": 0, "warnings": 1, "infos": 1}
    d = data["diagnostics"][0]
    assert (d["path"], d["line"], d["column"], d["end_line"], d["end_column"]) == ("story.txt", 1, 18, 1, 25)
    assert (d["rule"], d["name"], d["category"], d["text"], d["suggestions"]) == (
        "S101", "repeated-word", "style", "the the", ["the"])


def test_clean_file_exits_zero(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.md").write_text("All is well.\n")
    code, out, _ = run_cli("ok.md", "--select", "S")
    assert code == 0
    assert out == "No problems found in 1 file.\n"


def test_fail_on_and_exit_zero(run_cli, article):
    assert run_cli("story.txt", "--select", "S", "--fail-on", "error")[0] == 0
    assert run_cli("story.txt", "--select", "S", "--exit-zero")[0] == 0


def test_select_ignore_by_id_prefix_category_and_name(run_cli, article):
    def rules(*args):
        out = run_cli("story.txt", "--format", "json", *args)[1]
        return [d["rule"] for d in json.loads(out)["diagnostics"]]

    assert rules("--select", "S101") == ["S101"]
    assert rules("--select", "style", "--ignore", "doubled-punctuation") == ["S101"]
    assert rules("--select", "S", "--ignore", "S1") == []


def test_stdin_with_filename(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("-", "--stdin-filename", "piped.md", "--select", "S101", stdin="a a\n")
    assert out.startswith("piped.md:1:1: warning:")
    assert code == 1


def test_folders_are_recursive_and_ordered(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("the the\n")
    (tmp_path / "a.txt").write_text("the the\n")
    (tmp_path / "skip.py").write_text("the the\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text("the the\n")
    out = run_cli(".", "--select", "S101")[1]
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["./a.txt", "./b/z.md"]


# -- bad input: exit 2, a message on stderr, nothing on stdout, never a traceback


def _assert_usage_error(result, fragment):
    code, out, err = result
    assert code == 2
    assert out == ""
    assert err.startswith("factlint: error: ")
    assert fragment in err
    assert "Traceback" not in err


def test_missing_path(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _assert_usage_error(run_cli("nope.txt"), "nope.txt: no such file or folder")


def test_unknown_rule_id(run_cli, article):
    _assert_usage_error(run_cli("story.txt", "--select", "Z999"), "unknown rule id, prefix, name or category: 'Z999'")


def test_bad_date(run_cli, article):
    _assert_usage_error(run_cli("story.txt", "--date", "30/09/2024"), "--date: expected YYYY-MM-DD")


def test_unknown_format(run_cli, article):
    _assert_usage_error(run_cli("story.txt", "--format", "xml"), "invalid choice")


def test_bad_config_key(run_cli, article, tmp_path):
    (tmp_path / ".factlint.yaml").write_text("selekt: [S]\n")
    _assert_usage_error(run_cli("story.txt"), ".factlint.yaml:1: selekt: unknown key")


def test_broken_config_yaml(run_cli, article, tmp_path):
    (tmp_path / ".factlint.yaml").write_text("select: [S\n")
    _assert_usage_error(run_cli("story.txt"), ".factlint.yaml:2:1: invalid YAML")


def test_broken_rule_yaml_names_file_and_line(run_cli, article, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "bad.yaml").write_text("id: X101\nname: bad\nkind: pattern\n  pattern: [\n")
    _assert_usage_error(run_cli("story.txt", "--rules", str(pack)), "bad.yaml:4")


def test_invalid_rule_field_names_file_line_and_field(run_cli, article, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "bad.yaml").write_text(
        "id: X101\nname: bad\nkind: pattern\ncategory: style\nseverity: fatal\nmessage: m\n"
        "description: d\npattern: x\nexamples:\n  - text: <marker>x</marker>\n  - text: y\n"
    )
    _assert_usage_error(run_cli("story.txt", "--rules", str(pack)), "bad.yaml:5: severity:")


def test_undecodable_file_is_a_diagnostic_and_the_run_goes_on(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(b"caf\xc3\xa9 \xff the the\n")  # UTF-8 with a bad byte (cp1252 alone is read)
    (tmp_path / "b.txt").write_text("the the\n")
    code, out, err = run_cli("a.txt", "b.txt", "--select", "S101")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == ("a.txt:1:1: error: not valid UTF-8: byte 0xff at line 1, offset 6 in a file that is "
                        "otherwise UTF-8 (a damaged file, or text pasted from another encoding) [F001 unreadable-file]")
    assert lines[1].startswith("b.txt:1:1: warning:")
    assert "Traceback" not in err


def test_no_paths_is_a_usage_error(run_cli):
    _assert_usage_error(run_cli("check"), "no paths given")


# -- other commands


def test_rules_lists_every_rule(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "NAME", "KIND", "CATEGORY", "SEVERITY", "DEFAULT"]
    assert any(line.startswith("S101  repeated-word") for line in out.splitlines())


def test_explain_known_and_unknown(run_cli):
    code, out, _ = run_cli("explain", "S101")
    assert code == 0 and out.startswith("# repeated-word (S101)")
    assert "## Examples" in out
    assert run_cli("explain", "repeated-word")[0] == 0
    _assert_usage_error(run_cli("explain", "Z999"), "unknown rule id 'Z999'")


def test_explain_says_which_examples_hold_for_a_document_date(run_cli):
    """The same gloss is wrong in 2016 and right in 2008: an example's date is shown."""
    out = run_cli("explain", "C104")[1]
    assert ("Flagged (dated 2016-06-01): The club paid $100 million (70 million euros) for the striker. "
            "-> '70 million euros'") in out.splitlines()
    assert "Fine (dated 2008-06-01): The club paid $100 million (70 million euros) for the striker." in out.splitlines()


def test_init_writes_a_config_that_loads(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("init")[0] == 0
    assert (tmp_path / ".factlint.yaml").is_file()
    (tmp_path / "a.txt").write_text("fine.\n")
    assert run_cli("a.txt")[0] == 0
    _assert_usage_error(run_cli("init"), "already exists")


def test_test_rules_passes_and_fails(run_cli, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = (
        "id: X101\nname: no-utilize\nkind: pattern\ncategory: style\nseverity: info\n"
        "message: Use 'use'\ndescription: Plain words.\nwords: [utilize]\nsuggest: [use]\n"
        "examples:\n  - text: We <marker>utilize</marker> it.\n    suggestions: [use]\n  - text: We use it.\n"
    )
    (pack / "r.yaml").write_text(rule)
    code, out, _ = run_cli("test-rules", str(pack))
    assert (code, out.strip()) == (0, "2 passed, 0 failed (1 rule)")
    (pack / "r.yaml").write_text(rule.replace("We use it.", "We utilize them."))
    code, out, _ = run_cli("test-rules", str(pack))
    assert code == 1
    assert "FAIL X101 no-utilize: example 2" in out


def test_version(run_cli):
    with pytest.raises(SystemExit) as exc:
        run_cli("--version")
    assert exc.value.code == 0


def test_text_output_never_passes_control_characters_to_the_terminal(tmp_path, monkeypatch):
    from linter.reporters import RunInfo
    from linter.reporters.text import report
    import io

    import linter
    from linter.engine import FileResult

    text = "\x1b[2J the the\u2028 end\n"
    diags = linter.lint_text(text, path="evil\nname.txt", config=linter.Config(select=["S101"]))
    out = io.StringIO()
    report([FileResult("evil\nname.txt", diags, text)], out, RunInfo("x", excerpt=True))
    lines = out.getvalue().splitlines()
    assert "\x1b" not in out.getvalue() and "\u2028" not in out.getvalue()
    assert lines[0] == "evil\ufffdname.txt:1:6: warning: 'the' is repeated [S101 repeated-word]"
    assert lines[1].endswith("| \ufffd[2J the the\ufffd end")
    assert lines[2].endswith("|      ^^^^^^^")


def test_jsonl_escapes_unicode_line_separators(tmp_path):
    import io
    import json

    import linter
    from linter.engine import FileResult
    from linter.reporters import RunInfo
    from linter.reporters.jsonl import report

    diags = linter.lint_text("x the\u2028the y", config=linter.Config(select=["S101"]))
    out = io.StringIO()
    report([FileResult("a.txt", diags)], out, RunInfo("x"))
    assert len(out.getvalue().splitlines()) == 1
    assert json.loads(out.getvalue())["text"] == "the\u2028the"
