"""Safe loading and running: runaway user regexes are bounded, YAML never constructs Python
objects, a rule cannot run code or blow up memory through its templates, config paths stay
inside the project, and a lint run never opens a socket."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import linter
from linter import Config, lint_text, load_rules
from conftest import invoke_cli

ROOT = Path(__file__).resolve().parent.parent


def write_rule(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def pattern_rule(rule_id: str, pattern: str, message: str = "found {match}", extra: str = "") -> str:
    return textwrap.dedent(f"""\
        id: {rule_id}
        name: user-rule-{rule_id.lower()}
        kind: pattern
        category: style
        severity: warning
        message: {message!r}
        description: A user rule.
        pattern: {pattern!r}
        {extra}
        examples:
          - text: "<marker>aaa</marker>"
          - text: "b"
        """)


def run(*args, stdin: bytes | None = None):
    code, out, _, err = invoke_cli(*args, stdin=stdin)
    return code, out, err


# ---------------------------------------------------------------------------
# Runaway user regexes


CATASTROPHIC = "(a|aa)+$"  # exponential backtracking on "aaaa...b" even in the `regex` module


@pytest.fixture
def short_budget(monkeypatch):
    import linter.kinds._regex as rx

    monkeypatch.setattr(rx, "REGEX_TIMEOUT", 0.25)
    return 0.25


def test_catastrophic_regex_is_bounded_and_reported(tmp_path, short_budget):
    pack = tmp_path / "pack"
    write_rule(pack, "runaway.yaml", pattern_rule("U001", CATASTROPHIC))
    write_rule(pack, "fine.yaml", pattern_rule("U002", "b+"))
    text = "a" * 60 + "b the the\n"
    config = Config(rules=[str(pack)], select=["U001", "U002", "S101"])
    started = time.monotonic()
    diags = lint_text(text, path="story.txt", config=config)
    took = time.monotonic() - started
    assert took < 5, took
    by_rule = {d.rule: d for d in diags}
    f003 = by_rule["F003"]
    assert f003.path == "story.txt" and f003.severity == "error"
    assert "rule U001" in f003.message and str(pack / "runaway.yaml") in f003.message
    assert "U002" in by_rule and "S101" in by_rule  # the other rules still ran
    assert "U001" not in by_rule


def test_classic_nested_quantifier_is_bounded(tmp_path, short_budget):
    """`(a+)+$` is the textbook case; the `regex` module handles it, either way it is bounded."""
    pack = tmp_path / "pack"
    write_rule(pack, "nested.yaml", pattern_rule("U003", "(a+)+$"))
    started = time.monotonic()
    diags = lint_text("a" * 5000 + "b", config=Config(rules=[str(pack)], select=["U003"]))
    assert time.monotonic() - started < 5
    assert {d.rule for d in diags} <= {"F003"}


def test_catastrophic_exception_and_substitution_regex(tmp_path, short_budget):
    pack = tmp_path / "pack"
    write_rule(pack, "exc.yaml", pattern_rule("U004", "b", extra=f"exceptions: [{CATASTROPHIC!r}]"))
    write_rule(pack, "sub.yaml", textwrap.dedent(f"""\
        id: U005
        name: runaway-substitution
        kind: substitution
        category: style
        severity: warning
        message: "use {{replacement}}"
        description: d
        regex: true
        swap: {{{CATASTROPHIC!r}: "x"}}
        examples:
          - text: "<marker>aaa</marker>"
          - text: "b"
        """))
    diags = lint_text("a" * 60 + "b", config=Config(rules=[str(pack)], select=["U004", "U005"]))
    assert sorted(d.message.split()[1] for d in diags if d.rule == "F003") == ["U004", "U005"]


def test_catastrophic_regex_via_cli_real_budget(tmp_path):
    """End to end with the real per-rule budget: the run ends, exit 1, F003 names the rule."""
    pack = tmp_path / "pack"
    write_rule(pack, "runaway.yaml", pattern_rule("U001", CATASTROPHIC))
    story = tmp_path / "story.txt"
    story.write_text("a" * 60 + "b\n" + "They met the the minister.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "linter", "--isolated", "--rules", str(pack), "--select", "U001,S101",
                           str(story)], capture_output=True, text=True, timeout=60, env=env)
    took = time.monotonic() - started
    assert proc.returncode == 1, proc.stderr
    assert "F003" in proc.stdout and "rule U001" in proc.stdout and "S101" in proc.stdout
    assert took < 30, took


# ---------------------------------------------------------------------------
# YAML: safe loading only


EXPLOIT = "!!python/object/apply:os.system ['echo pwned > {marker}']"


def test_python_tag_in_rule_is_a_clear_error(tmp_path):
    marker = tmp_path / "pwned"
    pack = tmp_path / "pack"
    write_rule(pack, "evil.yaml", pattern_rule("U010", "x").replace("description: A user rule.",
                                                                    "description: " + EXPLOIT.format(marker=marker)))
    story = tmp_path / "s.txt"
    story.write_text("x\n", encoding="utf-8")
    code, out, err = run("--isolated", "--rules", str(pack), str(story))
    assert code == 2 and out == ""
    assert "evil.yaml:" in err and "invalid YAML" in err
    assert not marker.exists()


def test_python_tag_in_config_is_a_clear_error(tmp_path):
    marker = tmp_path / "pwned"
    config = tmp_path / ".factlint.yaml"
    config.write_text("fail-on: " + EXPLOIT.format(marker=marker) + "\n", encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text("x\n", encoding="utf-8")
    code, out, err = run("--config", str(config), str(story))
    assert code == 2 and out == ""
    assert ".factlint.yaml" in err and "invalid YAML" in err
    assert not marker.exists()


def test_python_tag_in_wordlist_is_a_clear_error(tmp_path):
    marker = tmp_path / "pwned"
    pack = tmp_path / "pack"
    write_rule(pack / "wordlists", "evil.yaml", "name: evil\nwords: [" + EXPLOIT.format(marker=marker) + "]\n")
    code, out, err = run("--isolated", "--rules", str(pack), str(ROOT / "README.md"))
    assert code == 2 and "evil.yaml" in err
    assert not marker.exists()


def test_python_tag_in_front_matter_is_ignored(tmp_path):
    marker = tmp_path / "pwned"
    text = "---\ndate: " + EXPLOIT.format(marker=marker) + "\n---\nThe the end.\n"
    diags = lint_text(text, path="story.md")
    assert any(d.rule == "S101" for d in diags)
    assert not marker.exists()


def test_yaml_alias_bomb_in_config_does_not_hang(tmp_path):
    """A 'billion laughs' document is built with shared references; validation must not expand it."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
              for i in range(1, 9)]
    lines += ["ignore: *a8"]
    config = tmp_path / ".factlint.yaml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    code, out, err = run("--config", str(config), str(ROOT / "README.md"))
    assert code == 2 and time.monotonic() - started < 10


def test_only_safe_yaml_loaders_in_the_code():
    """No unsafe loader anywhere in the package (static check)."""
    unsafe = re.compile(r"yaml\.(?:unsafe_load|full_load|load_all)\(|Loader\s*=\s*yaml\.(?:Loader|FullLoader|UnsafeLoader)\b"
                        r"|yaml\.load\((?![^)]*Loader\s*=\s*(?:Loader|yaml\.C?SafeLoader))")
    offenders = []
    for path in (ROOT / "linter").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if unsafe.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []


# ---------------------------------------------------------------------------
# Rules cannot run code or exhaust memory through templates


@pytest.mark.parametrize("template", [
    "{match.__class__.__mro__}", "{match.__init__.__globals__}", "{match[0]}", "{match[x]}", "{0}", "{match!r:>99}",
    "{match:>999999999999}", "{match:{match}}", "{", "}", "{}",
])
def test_message_templates_are_data_not_code(tmp_path, template):
    """Only {name} placeholders are filled; attribute access, indexing, conversions and
    format specs (a width of 10^12 would allocate terabytes) are left as written."""
    pack = tmp_path / "pack"
    write_rule(pack, "t.yaml", pattern_rule("U020", "a+", message=template, extra=f"suggest: [{template!r}]"))
    diags = lint_text("aaa", config=Config(rules=[str(pack)], select=["U020"]))
    assert len(diags) == 1
    for shown in (diags[0].message, *diags[0].suggestions):
        assert "class" not in shown.replace("__class__", "") and "function" not in shown
        assert len(shown) < 100


def test_plain_placeholders_still_work(tmp_path):
    pack = tmp_path / "pack"
    write_rule(pack, "t.yaml", pattern_rule("U021", "(?P<first>a)a+", message="{first} in {match} {{literal}}",
                                            extra="suggest: ['{first}!']"))
    (d,) = lint_text("aaa", config=Config(rules=[str(pack)], select=["U021"]))
    assert d.message == "a in aaa {literal}"
    assert d.suggestions == ["a!"]


@pytest.mark.parametrize("message, extra, error", [
    ("{first} in {missing}", "", r"t\.yaml:6: message: unknown placeholder \{missing\}: a pattern rule fills \{first\}, \{match\}"),
    ("{match}", "suggest: ['{nope}']", r"t\.yaml:\d+: suggest: suggest\.0: unknown placeholder \{nope\}"),
])
def test_unknown_placeholder_is_a_load_error(tmp_path, message, extra, error):
    """Was printed literally in every finding ("Write '{wrong}'"); now the pack does not load."""
    pack = tmp_path / "pack"
    write_rule(pack, "t.yaml", pattern_rule("U023", "(?P<first>a)a+", message=message, extra=extra))
    with pytest.raises(linter.RuleSetError, match=error):
        load_rules([pack], builtin=False)


def test_rule_kinds_are_closed():
    """A rule file picks one of the kinds shipped in linter/kinds; it cannot name a module."""
    from linter.kinds import rule_classes

    kinds = set(rule_classes())
    assert "pattern" in kinds and "substitution" in kinds
    for cls in rule_classes().values():
        assert cls.__module__.startswith("linter.kinds.")


def test_unknown_kind_is_refused(tmp_path):
    pack = tmp_path / "pack"
    write_rule(pack, "k.yaml", pattern_rule("U022", "a").replace("kind: pattern", "kind: os.system"))
    with pytest.raises(linter.RuleSetError, match="unknown or missing rule kind"):
        load_rules([pack], builtin=False)


# ---------------------------------------------------------------------------
# Paths from config stay in the project


def test_config_rules_resolved_relative_to_config_file(tmp_path, monkeypatch):
    project = tmp_path / "project"
    write_rule(project / "house", "r.yaml", pattern_rule("U030", "zzz"))
    (project / ".factlint.yaml").write_text("rules: [house]\nextend-select: [U030]\n", encoding="utf-8")
    (project / "s.txt").write_text("zzz\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = run("--config", str(project / ".factlint.yaml"), str(project / "s.txt"))
    assert code == 1 and "U030" in out, err


@pytest.mark.parametrize("entry", ["../outside", "{outside}", "house/../../outside"])
def test_config_rules_outside_the_project_are_refused(tmp_path, entry):
    project = tmp_path / "project"
    project.mkdir()
    outside = tmp_path / "outside"
    write_rule(outside, "r.yaml", pattern_rule("U031", "zzz"))
    (project / ".factlint.yaml").write_text(f"rules: [{entry.format(outside=outside)!r}]\n", encoding="utf-8")
    (project / "s.txt").write_text("zzz\n", encoding="utf-8")
    code, out, err = run("--config", str(project / ".factlint.yaml"), str(project / "s.txt"))
    assert code == 2 and out == ""
    assert "outside the project" in err and "allow-external-rules" in err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_config_rules_symlinked_outside_are_refused(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    outside = tmp_path / "outside"
    write_rule(outside, "r.yaml", pattern_rule("U032", "zzz"))
    os.symlink(outside, project / "linked")
    (project / ".factlint.yaml").write_text("rules: [linked]\n", encoding="utf-8")
    (project / "s.txt").write_text("zzz\n", encoding="utf-8")
    code, out, err = run("--config", str(project / ".factlint.yaml"), str(project / "s.txt"))
    assert code == 2 and "outside the project" in err


def test_outside_rules_allowed_when_the_user_says_so(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    outside = tmp_path / "outside"
    write_rule(outside, "r.yaml", pattern_rule("U033", "zzz"))
    (project / "s.txt").write_text("zzz\n", encoding="utf-8")
    (project / ".factlint.yaml").write_text("rules: [../outside]\nallow-external-rules: true\nextend-select: [U033]\n",
                                            encoding="utf-8")
    code, out, err = run("--config", str(project / ".factlint.yaml"), str(project / "s.txt"))
    assert code == 1 and "U033" in out, err
    # --rules on the command line is the user saying so, too
    code, out, err = run("--isolated", "--rules", str(outside), "--extend-select", "U033", str(project / "s.txt"))
    assert code == 1 and "U033" in out, err


# ---------------------------------------------------------------------------
# No network at run time


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access during a lint run: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    return attempts


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_no_socket_during_a_cli_run(no_network, tmp_path, fmt):
    from linter.reporters import formats

    if fmt not in formats():
        pytest.skip(f"no {fmt} reporter yet")
    story = tmp_path / "story.md"
    story.write_text("---\ndate: 2024-09-30\n---\nSee https://example.com and www.example.org.\n"
                     "They met the the minister, 9,00 fighters said on Monday, Sept. 31.\n", encoding="utf-8")
    code, out, err = run("--isolated", "--select", "ALL", "--format", fmt, str(story), str(ROOT / "seeds"))
    assert code in (0, 1)
    assert no_network == []


def test_no_socket_during_api_calls(no_network):
    list(linter.lint_paths([str(ROOT / "seeds")], config=Config(select=["ALL"])))
    lint_text("Visit http://example.com, the the end.", config=Config(select=["ALL"]))
    assert no_network == []
