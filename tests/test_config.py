"""Config discovery, precedence, per-path overrides and severity overrides."""

import datetime as dt
import json

import pytest

from linter.config import Config, ConfigError, discover, load_config


def test_discovery_walks_upward_and_prefers_factlint_yaml(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\nignore = ['S102']\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert discover(sub) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / ".factlint.yaml").write_text("ignore: [S101]\n")
    assert discover(sub) == tmp_path / "a" / ".factlint.yaml"
    assert load_config(discover_from=sub).ignore == ["S101"]


def test_pyproject_without_tool_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert discover(tmp_path) is None or discover(tmp_path).parent != tmp_path


def test_kebab_case_keys_and_rule_dirs_relative_to_the_config(tmp_path):
    (tmp_path / ".factlint.yaml").write_text(
        "fail-on: error\nextend-select: [S101]\nrules: [my-rules]\ndate: 2024-09-30\n"
        "per-path: {'archive/*': {ignore: [S]}}\nseverity: {S101: info}\n"
    )
    c = load_config(tmp_path / ".factlint.yaml")
    assert c.fail_on == "error"
    assert c.rules == [str((tmp_path / "my-rules").resolve())]
    assert c.date == dt.date(2024, 9, 30)
    assert c.overrides_for("archive/x.md").ignore == ["S"]
    assert c.overrides_for("news/x.md") is None


def test_bad_values_name_the_file_and_key(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("fail-on: sometimes\n")
    with pytest.raises(ConfigError, match=r"\.factlint\.yaml:1: fail-on: "):
        load_config(tmp_path / ".factlint.yaml")


def test_cli_flags_override_the_config(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".factlint.yaml").write_text("select: [S101]\nfail-on: error\nseverity: {S101: error}\n")
    (tmp_path / "a.txt").write_text("the the,, x\n")
    code, out, _ = run_cli("a.txt", "--format", "json")
    data = json.loads(out)
    assert [(d["rule"], d["severity"]) for d in data["diagnostics"]] == [("S101", "error")]
    assert code == 1
    code, out, _ = run_cli("a.txt", "--format", "json", "--select", "S102", "--fail-on", "info")
    assert [d["rule"] for d in json.loads(out)["diagnostics"]] == ["S102"]
    assert code == 1
    code, out, _ = run_cli("a.txt", "--format", "json", "--isolated", "--select", "S")
    assert [d["severity"] for d in json.loads(out)["diagnostics"]] == ["warning", "info"]


def test_severity_off_and_per_path_ignore(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text("the the\n")
    (tmp_path / "new.txt").write_text("the the,,\n")
    (tmp_path / ".factlint.yaml").write_text(
        "select: [S]\nseverity: {S102: 'off'}\nper-path: {'archive/*': {ignore: [S101]}}\n")
    out = run_cli(".", "--format", "json")[1]
    assert [(d["path"], d["rule"]) for d in json.loads(out)["diagnostics"]] == [("./new.txt", "S101")]


def test_explicit_config_flag(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "strict.yaml").write_text("select: [S102]\n")
    (tmp_path / "a.txt").write_text("the the,, x\n")
    out = run_cli("a.txt", "--config", "strict.yaml", "--format", "json")[1]
    assert [d["rule"] for d in json.loads(out)["diagnostics"]] == ["S102"]
    code, out, err = run_cli("a.txt", "--config", "missing.yaml")
    assert code == 2 and "missing.yaml: config file not found" in err


def test_config_object_defaults():
    c = Config()
    assert c.fail_on == "warning" and c.select is None and ".md" in c.extensions


def test_exclude_applies_to_explicit_files_only_with_force_exclude(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.md").write_text("the the\n")
    (tmp_path / ".factlint.yaml").write_text("select: [S101]\nexclude: ['drafts/*']\n")
    code, _, err = run_cli(".")  # nothing left to lint in the folder: a usage error, not "0 files"
    assert code == 2 and "no files to lint in .: no file ending in .txt, .md, .markdown that the config " \
                         "does not exclude" in err
    (tmp_path / "ok.md").write_text("Fine.\n")
    assert run_cli(".")[0] == 0
    assert run_cli("drafts/d.md")[0] == 1
    code, out, _ = run_cli("drafts/d.md", "--force-exclude")
    assert (code, out) == (0, "No problems found in 0 files.\n")
