"""Every CI format, validated the way its consumer reads it: SARIF against the OASIS 2.1.0
schema, GitLab and reviewdog against schemas written from their documentation, JUnit with
junitparser (what the publish-unit-test-result action reads), GitHub workflow commands with a
parser that follows the runner's, Checkstyle and JUnit XML with an XML parser. Positions are
checked exactly on text with an emoji and an accented letter before the span, and escaping
with a message that carries % : , [ ] < > & " and a newline."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, SEEDS

from linter import __version__
from linter.diagnostics import Diagnostic, Related, assign_fingerprints
from linter.engine import FileResult
from linter.reporters import RunInfo, formats, get

DATA = Path(__file__).parent / "data"
RULES = DATA / "format-rules"
SEED = SEEDS / "000_5ae41dc0945392ff.txt"
# "zork" sits after an emoji (1 code point, 2 UTF-16 units, 4 UTF-8 bytes) and "é" (2 bytes).
TEXT = "Intro line.\n😀 é zork and 9,00 men.\nPlain zork.\n"
FORMATS = ("sarif", "github", "gitlab", "rdjson", "junit", "checkstyle", "jsonl", "json", "text")


def schema(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture
def article(tmp_path, monkeypatch):
    """A file in a fresh folder (not a git work tree), linted from that folder."""
    for var in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "story, draft.md"
    path.write_text(TEXT, encoding="utf-8")
    return "docs/story, draft.md"


def lint(run_cli, fmt: str, *paths: str, extra=()):
    code, out, err = run_cli(*paths, "--isolated", "--no-builtin-rules", "--rules", str(RULES),
                             "--format", fmt, *extra)
    assert code == 1, err
    return out


def test_every_format_is_offered():
    assert set(FORMATS) <= set(formats())


# ---------------------------------------------------------------------------
# SARIF


def test_sarif_validates_and_positions_are_code_points(run_cli, article):
    out = lint(run_cli, "sarif", article)
    data = json.loads(out)
    jsonschema.Draft4Validator(schema("sarif-schema-2.1.0.json")).validate(data)
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"].endswith("/")
    driver = run["tool"]["driver"]
    assert driver["name"] == "factlint" and driver["version"] == __version__
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {"T101", "T102"}
    for r in driver["rules"]:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
    assert rules["T101"]["shortDescription"]["text"] == "Test rule for the reporter tests."
    assert "Flagged: A zork here. -> 'zork' (suggests zorq)" in rules["T101"]["help"]["text"]
    assert rules["T102"]["defaultConfiguration"]["level"] == "error"

    results = run["results"]
    first = results[0]
    assert driver["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "T101"
    loc = first["locations"][0]["physicalLocation"]
    # repo-relative, percent-encoded URI with a base id
    assert loc["artifactLocation"] == {"uri": "docs/story%2C%20draft.md", "uriBaseId": "SRCROOT"}
    assert loc["region"] == {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 9,
                             "snippet": {"text": "zork"}}
    assert first["message"]["text"] == 'Odd [zork]: 100% <sure> & "quoted", see\nnext line'
    # the same fingerprint as the JSON output
    json_out = json.loads(lint(run_cli, "json", article))
    assert [r["partialFingerprints"]["factlintFingerprint/v1"] for r in results] == \
        [d["fingerprint"] for d in json_out["diagnostics"]]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"T101": "warning", "T102": "error"}


def test_sarif_related_locations_and_fixes_validate():
    d = Diagnostic("a.md", 10, 14, 2, 3, 2, 7, "info", "C101", "conflict", "contradiction", "msg", "2024",
                   suggestions=["2025"], related=[Related(0, 4, "first stated here", "a.md", 1, 1, 1, 5)],
                   fix="2025")
    assign_fingerprints([d])
    buf = io.StringIO()
    get("sarif").report([FileResult("a.md", [d])], buf, RunInfo("1.0", {}))
    data = json.loads(buf.getvalue())
    jsonschema.Draft4Validator(schema("sarif-schema-2.1.0.json")).validate(data)
    res = data["runs"][0]["results"][0]
    assert res["level"] == "note"
    assert res["relatedLocations"] == [{
        "id": 1, "message": {"text": "first stated here"},
        "physicalLocation": {"artifactLocation": {"uri": "a.md", "uriBaseId": "SRCROOT"},
                             "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 5}}}]
    replacement = res["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"] == {"text": "2025"}
    assert replacement["deletedRegion"] == {"startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 7}


def test_seed_sarif_validates(run_cli, monkeypatch):
    """The seed article with the built-in rules, from the repository root."""
    for var in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(ROOT)
    code, out, err = run_cli("seeds/000_5ae41dc0945392ff.txt", "--isolated", "--format", "sarif")
    assert code in (0, 1), err
    data = json.loads(out)
    jsonschema.Draft4Validator(schema("sarif-schema-2.1.0.json")).validate(data)
    code, out, _ = run_cli("seeds/000_5ae41dc0945392ff.txt", "--isolated", "--format", "json")
    diags = json.loads(out)["diagnostics"]
    results = data["runs"][0]["results"]
    assert len(results) == len(diags)
    for r, d in zip(results, diags):
        region = r["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == \
            (d["line"], d["column"], d["end_line"], d["end_column"])
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/000_5ae41dc0945392ff.txt"
        assert len(r.get("relatedLocations", [])) == len(d["related"])


# ---------------------------------------------------------------------------
# GitHub workflow commands


def parse_workflow_command(line: str) -> tuple[str, dict, str]:
    """Parse ``::cmd k=v,k=v::data`` the way the Actions runner does (ActionCommand.TryParseV2):
    the first ``::`` after the properties ends them, properties split on ``,`` then on the first
    ``=``, and values and data are unescaped."""
    assert line.startswith("::")
    end = line.index("::", 2)
    head, data = line[2:end], line[end + 2 :]
    command, _, props_text = head.partition(" ")
    props = {}
    for pair in filter(None, props_text.split(",")):
        key, _, value = pair.partition("=")
        props[key] = (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
                      .replace("%2C", ",").replace("%25", "%"))
    data = data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    return command, props, data


def test_github_commands_escape_and_parse(run_cli, article):
    out = lint(run_cli, "github", article)
    lines = out.splitlines()
    commands = [parse_workflow_command(line) for line in lines if line.startswith("::")]
    assert len(commands) == 3
    assert not any("\n" in line or "\r" in line for line in lines)
    cmd, props, data = commands[0]
    assert cmd == "warning"
    assert props == {"file": "docs/story, draft.md", "line": "2", "endLine": "2", "col": "5", "endColumn": "9",
                     "title": "factlint T101 (odd-word)"}
    assert data == 'Odd [zork]: 100% <sure> & "quoted", see\nnext line\nSuggestion: zorq'
    assert "file=docs/story%2C draft.md" in lines[0]
    assert "100%25" in lines[0] and "see%0Anext line" in lines[0]
    assert commands[1][0] == "error" and commands[1][1]["col"] == "14"
    assert lines[-1].startswith("factlint: 3 findings")


def test_github_multiline_range_omits_columns_and_info_is_notice():
    d = Diagnostic("x.md", 0, 9, 1, 3, 2, 4, "info", "R101", "dup", "duplication", "50%\r\ndone", "x")
    line = get("github").format_line(d)
    cmd, props, data = parse_workflow_command(line)
    assert cmd == "notice"
    assert "col" not in props and "endColumn" not in props
    assert props["line"] == "1" and props["endLine"] == "2"
    assert data == "50%\r\ndone"
    assert "50%25%0D%0Adone" in line


# ---------------------------------------------------------------------------
# GitLab Code Quality


def test_gitlab_validates_with_unique_fingerprints(run_cli, article):
    data = json.loads(lint(run_cli, "gitlab", article))
    jsonschema.Draft7Validator(schema("gitlab-codequality.schema.json")).validate(data)
    assert len({i["fingerprint"] for i in data}) == len(data) == 3
    first = data[0]
    assert first["check_name"] == "T101" and first["description"].startswith("T101: Odd [zork]")
    assert first["severity"] == "minor" and data[1]["severity"] == "major"
    assert first["location"] == {"path": "docs/story, draft.md",
                                 "positions": {"begin": {"line": 2, "column": 5}, "end": {"line": 2, "column": 9}}}


def test_gitlab_fingerprint_collisions_are_salted():
    a = Diagnostic("a.md", 0, 1, 1, 1, 1, 2, "error", "N101", "n", "number", "m", "x", fingerprint="same")
    b = Diagnostic("a.md", 5, 6, 2, 1, 2, 2, "warning", "N101", "n", "number", "m", "x", fingerprint="same")
    data = get("gitlab").document([FileResult("a.md", [a, b])], RunInfo("1"))
    assert len({i["fingerprint"] for i in data}) == 2
    jsonschema.Draft7Validator(schema("gitlab-codequality.schema.json")).validate(data)


def test_gitlab_output_has_no_bom(run_cli, article):
    assert not lint(run_cli, "gitlab", article).startswith("\ufeff")


# ---------------------------------------------------------------------------
# reviewdog rdjson


def test_rdjson_validates_with_utf8_byte_columns(run_cli, article):
    data = json.loads(lint(run_cli, "rdjson", article))
    jsonschema.Draft7Validator(schema("rdjson.schema.json")).validate(data)
    first, second, third = data["diagnostics"]
    # "😀 é zork": 4 bytes + space + 2 bytes + space = 8 bytes before "zork" -> column 9
    assert first["location"]["range"] == {"start": {"line": 2, "column": 9}, "end": {"line": 2, "column": 13}}
    assert first["suggestions"] == [{"range": first["location"]["range"], "text": "zorq"}]
    assert first["severity"] == "WARNING" and first["code"] == {"value": "T101"}
    assert second["severity"] == "ERROR"
    assert second["location"]["range"]["start"] == {"line": 2, "column": 18}
    assert third["location"]["range"]["start"] == {"line": 3, "column": 7}  # ASCII line: unchanged
    # the byte columns slice the UTF-8 source exactly
    raw = TEXT.encode("utf-8").split(b"\n")[1]
    s, e = first["location"]["range"]["start"]["column"], first["location"]["range"]["end"]["column"]
    assert raw[s - 1 : e - 1] == b"zork"


def test_rdjson_without_kept_text_rereads_the_file(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("é zork\n", encoding="utf-8")
    d = Diagnostic(str(path), 2, 6, 1, 3, 1, 7, "warning", "T101", "odd-word", "style", "m", "zork")
    data = get("rdjson").document([FileResult(str(path), [d])], RunInfo("1"))
    assert data["diagnostics"][0]["location"]["range"]["start"]["column"] == 4


# ---------------------------------------------------------------------------
# JUnit and Checkstyle XML


def test_junit_parses_with_junitparser(run_cli, article, tmp_path):
    junitparser = pytest.importorskip("junitparser")
    out = lint(run_cli, "junit", article, "--fail-on", "error")
    ET.fromstring(out.encode("utf-8"))
    report = tmp_path / "junit.xml"
    report.write_text(out, encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(report))
    suites = list(xml)
    assert len(suites) == 1 and suites[0].name == "docs/story, draft.md"
    cases = list(suites[0])
    # two findings of T101 in one file: the names differ (they were both "org.factlint.T101")
    assert [c.name for c in cases] == ["org.factlint.T101 (2:5)", "org.factlint.T102 (2:14)", "org.factlint.T101 (3:7)"]
    # --fail-on error: only the error fails; warnings pass with the finding in system-out
    failed = [c for c in cases if not c.is_passed]
    assert [c.name for c in failed] == ["org.factlint.T102 (2:14)"]
    assert failed[0].result[0].message == "Bad number 9,00"
    assert 'Odd [zork]: 100% <sure> & "quoted", see\nnext line' in cases[0].system_out
    assert suites[0].tests == 3 and suites[0].failures == 1


def test_junit_names_are_unique_within_a_file():
    same = [Diagnostic("a.md", 0, 4, 1, 1, 1, 5, "warning", "T101", "odd-word", "style", "m", "zork"),
            Diagnostic("a.md", 0, 9, 1, 1, 1, 10, "warning", "T101", "odd-word", "style", "m", "zork zork"),
            Diagnostic("a.md", 20, 24, 2, 3, 2, 7, "warning", "T101", "odd-word", "style", "m", "zork")]
    root = get("junit").build([FileResult("a.md", same)], RunInfo("1"))
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == ["org.factlint.T101 (1:1)", "org.factlint.T101 (1:1) #2", "org.factlint.T101 (2:3)"]


def test_github_summary_line_is_singular_for_one():
    d = Diagnostic("a.md", 0, 4, 1, 1, 1, 5, "error", "T101", "odd-word", "style", "m", "zork")
    buf = io.StringIO()
    get("github").report([FileResult("a.md", [d])], buf, RunInfo("1"))
    assert buf.getvalue().splitlines()[-1] == "factlint: 1 finding in 1 file (1 error, 0 warnings, 0 infos)"


def test_junit_clean_file_is_one_passing_case():
    junitparser = pytest.importorskip("junitparser")
    buf = io.StringIO()
    get("junit").report([FileResult("clean.md", [])], buf, RunInfo("1"))
    xml = junitparser.JUnitXml.fromstring(buf.getvalue().encode("utf-8"))
    (suite,) = list(xml)
    (case,) = list(suite)
    assert case.is_passed and case.name == "clean.md"


def test_checkstyle_parses_and_escapes(run_cli, article):
    out = lint(run_cli, "checkstyle", article)
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "checkstyle" and root.get("version") == "4.3"
    (file,) = root.findall("file")
    assert file.get("name") == "docs/story, draft.md"
    errors = file.findall("error")
    assert [(e.get("line"), e.get("column"), e.get("severity"), e.get("source")) for e in errors] == [
        ("2", "5", "warning", "factlint.rules.T101"), ("2", "14", "error", "factlint.rules.T102"),
        ("3", "7", "warning", "factlint.rules.T101")]
    assert errors[0].get("message") == 'Odd [zork]: 100% <sure> & "quoted", see\nnext line (T101)'
    assert "&lt;sure&gt; &amp; &quot;quoted&quot;" in out


def test_xml_formats_drop_control_characters():
    d = Diagnostic("a\x01.md", 0, 1, 1, 1, 1, 2, "error", "N101", "n", "number", "bad\x0bchar\x00", "x")
    for fmt in ("junit", "checkstyle"):
        buf = io.StringIO()
        get(fmt).report([FileResult("a\x01.md", [d])], buf, RunInfo("1"))
        root = ET.fromstring(buf.getvalue().encode("utf-8"))
        assert "badchar" in ET.tostring(root, encoding="unicode")


# ---------------------------------------------------------------------------
# JSON Lines and -o


def test_jsonl_is_the_json_diagnostics_one_per_line(run_cli, article):
    lines = lint(run_cli, "jsonl", article).splitlines()
    assert [json.loads(line) for line in lines] == json.loads(lint(run_cli, "json", article))["diagnostics"]
    assert json.loads(lines[0])["column"] == 5 and json.loads(lines[0])["end_column"] == 9


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "text"])
def test_output_file(run_cli, article, fmt):
    code, out, err = run_cli(article, "--isolated", "--no-builtin-rules", "--rules", str(RULES),
                             "--format", fmt, "-o", "report.out")
    assert code == 1 and out == ""
    written = Path("report.out").read_text(encoding="utf-8")
    assert written == lint(run_cli, fmt, article)
    assert re.search(r"zork|T101", written)


def test_clean_run_in_every_format(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ok.md").write_text("Nothing odd here.\n", encoding="utf-8")
    for fmt in FORMATS:
        code, out, err = run_cli("ok.md", "--isolated", "--no-builtin-rules", "--rules", str(RULES), "--format", fmt)
        assert code == 0, (fmt, err)
        if fmt == "sarif":
            jsonschema.Draft4Validator(schema("sarif-schema-2.1.0.json")).validate(json.loads(out))
        elif fmt == "gitlab":
            assert json.loads(out) == []
        elif fmt == "rdjson":
            jsonschema.Draft7Validator(schema("rdjson.schema.json")).validate(json.loads(out))
        elif fmt == "jsonl":
            assert out == ""


def test_text_excerpt_shows_the_reported_line_after_a_form_feed():
    # str.splitlines breaks at a form feed; the line numbers count newlines only
    text = "Intro line\x0cwith a form feed.\nThe army had 9,00 fighters.\n"
    d = Diagnostic("t.txt", 42, 46, 2, 14, 2, 18, "error", "N101", "malformed-digit-grouping", "number",
                   "bad", "9,00")
    buf = io.StringIO()
    get("text").report([FileResult("t.txt", [d], text)], buf, RunInfo("1", excerpt=True))
    lines = buf.getvalue().splitlines()
    assert lines[1] == "    2 | The army had 9,00 fighters."
    assert lines[2] == "      |              ^^^^"
