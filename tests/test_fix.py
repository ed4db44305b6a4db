"""``--fix``: atomic, byte-exact outside the fixed spans, deterministic, refuses stale files."""

from __future__ import annotations

import os
import stat
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import linter.fix as fixmod
from linter import Config
from conftest import invoke_cli
from linter.engine import rules_for, select_rules
from linter.fix import Edit, apply_edits, choose_edits, fix_file, keep_line_breaks

SWAPS = {"colour": "color", "per cent": "percent", "judgement": "judgment", "Eyjafjallajökull": "the volcano"}


def _sub_rule(rule_id: str, swap: dict, name: str) -> str:
    items = ", ".join(f"{k!r}: {v!r}" for k, v in swap.items())
    first = next(iter(swap))
    return textwrap.dedent(f"""\
        id: {rule_id}
        name: {name}
        kind: substitution
        category: style
        severity: warning
        message: "use '{{replacement}}'"
        description: House spelling.
        swap: {{{items}}}
        examples:
          - text: "<marker>{first}</marker>"
          - text: "nothing here"
        """)


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack")
    (folder / "house.yaml").write_text(_sub_rule("U100", SWAPS, "house-spelling-test"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def setup(pack):
    config = Config(rules=[str(pack)], builtin_rules=False, report_unused_suppressions=False)
    ruleset = rules_for(config)
    return config, ruleset, select_rules(ruleset, config)


def run(*args, stdin: bytes | None = None):
    return invoke_cli(*args, stdin=stdin)


# ---------------------------------------------------------------------------
# Pure functions


def test_apply_edits():
    assert apply_edits("a colour b", [Edit(2, 8, "color")]) == "a color b"
    assert apply_edits("abc", []) == "abc"
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


def test_keep_line_breaks():
    assert keep_line_breaks("per\r\ncent", "per-cent") == "per-cent"
    assert keep_line_breaks("Prime\r\nminister", "prime minister") == "prime\r\nminister"
    assert keep_line_breaks("a  b", "c d") == "c d"  # no line break: replacement as written
    assert keep_line_breaks("x\ny z", "one two") == "one two"  # word counts differ


def _diag(start, end, text, fix, rule="U1"):
    from linter.diagnostics import Diagnostic

    return Diagnostic("p", start, end, 1, start + 1, 1, end + 1, "warning", rule, "n", "style", "m", text, fix=fix)


def test_overlapping_fixes_are_resolved_deterministically():
    diags = [
        _diag(0, 6, "colour", "color", "U2"),
        _diag(0, 13, "colour scheme", "colour-scheme", "U9"),  # same start, longer: wins
        _diag(7, 13, "scheme", "plan", "U1"),  # overlaps the winner: next pass
        _diag(20, 25, "grey!", "gray!", "U5"),
        _diag(20, 25, "grey!", "GRAY!", "U3"),  # same span: lower rule id wins
        _diag(30, 30, "", "x", "U7"),
        _diag(30, 30, "", "y", "U8"),  # second insertion at one point: next pass
        _diag(40, 44, "same", "same", "U4"),  # no-op: ignored
    ]
    expected = [Edit(0, 13, "colour-scheme", "U9"), Edit(20, 25, "GRAY!", "U3"), Edit(30, 30, "x", "U7")]
    assert choose_edits(diags) == expected
    assert choose_edits(list(reversed(diags))) == expected


# ---------------------------------------------------------------------------
# The byte-identity property

pieces = st.one_of(
    st.sampled_from(list(SWAPS) + ["Colour", "per\ncent", "per\r\ncent", "colours", "colour-blind", "xcolour"]),
    st.sampled_from([" ", "\n", "\r\n", "\r", "\x00", "\t", ". ", "\u2028", "“", "”", "é", "\U0001F600"]),
    st.text(max_size=8),
)


@settings(max_examples=int(os.environ.get("FACTLINT_FUZZ_EXAMPLES", "150")), deadline=None, database=None,
          derandomize="FACTLINT_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(parts=st.lists(pieces, max_size=40), bom=st.booleans(), crlf=st.booleans(), suffix=st.sampled_from([".txt", ".md"]))
def test_fix_changes_only_fixed_spans(setup, tmp_path_factory, parts, bom, crlf, suffix):
    config, ruleset, rules = setup
    body = "".join(parts)
    if crlf:
        body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    raw = (b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8", "surrogatepass")
    if any("\ud800" <= c <= "\udfff" for c in body):
        return  # not encodable as UTF-8; such files are never read as text
    path = tmp_path_factory.mktemp("fix") / ("story" + suffix)
    path.write_bytes(raw)
    outcome = fix_file(str(path), config, ruleset, rules, max_passes=1)
    new = path.read_bytes()
    if not outcome.edits:
        assert new == raw and outcome.fixed == 0
        return
    (edits,) = outcome.edits
    event("fixed")
    text = raw.decode("utf-8-sig")
    lead = 1 if text.startswith("\ufeff") else 0
    doc_text = text[lead:]
    # edits are sorted, disjoint, inside the document, and each replaces what the rule matched
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start
    assert all(0 <= e.start <= e.end <= len(doc_text) for e in edits)
    # every byte outside the fixed spans is unchanged, in order; BOM kept
    expected = (b"\xef\xbb\xbf" if bom else b"") + text[:lead].encode("utf-8")
    pos = 0
    for e in edits:
        expected += doc_text[pos : e.start].encode("utf-8") + e.replacement.encode("utf-8")
        pos = e.end
    expected += doc_text[pos:].encode("utf-8")
    assert new == expected
    assert new.startswith(b"\xef\xbb\xbf") == bom
    # line endings outside the spans: as many CRLF as before, minus those inside fixed spans
    removed = sum(doc_text[e.start : e.end].count("\r\n") - e.replacement.count("\r\n") for e in edits)
    assert new.count(b"\r\n") == raw.count(b"\r\n") - removed
    assert outcome.fixed == len(edits)


# ---------------------------------------------------------------------------
# Files on disk


def test_fix_keeps_bom_crlf_and_mode(pack, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xef\xbb\xbfThe colour\r\nof judgement.\r\nSame\x00bytes\r\n")
    story.chmod(0o640)
    code, out, _, err = run("--isolated", "--rules", str(pack), "--select", "U100", "--fix", str(story))
    assert story.read_bytes() == b"\xef\xbb\xbfThe color\r\nof judgment.\r\nSame\x00bytes\r\n"
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert code == 0 and "No problems found" in out
    assert "fixed 2 problems in 1 file" in err
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]  # no temp file left behind


def test_fix_reports_what_remains_and_exit_code(pack, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("The colour of the the sea.\n", encoding="utf-8")
    code, out, _, err = run("--isolated", "--rules", str(pack), "--select", "U100,S101", "--fix", str(story))
    assert story.read_text(encoding="utf-8") == "The color of the the sea.\n"
    assert code == 1 and "S101" in out and "U100" not in out


def test_fix_follows_symlink_and_keeps_it(pack, tmp_path):
    if not hasattr(os, "symlink"):
        pytest.skip("needs symlinks")
    real = tmp_path / "real.txt"
    real.write_text("colour\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    os.symlink(real.name, link)
    run("--isolated", "--rules", str(pack), "--select", "U100", "--fix", str(link))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "color\n"


def test_fix_leaves_undecodable_file_alone(pack, tmp_path):
    story = tmp_path / "damaged.txt"
    story.write_bytes(b"colour caf\xc3\xa9 \xff\n")  # UTF-8 with a bad byte: not decoded at all
    code, out, _, err = run("--isolated", "--rules", str(pack), "--select", "U100", "--fix", str(story))
    assert story.read_bytes() == b"colour caf\xc3\xa9 \xff\n"
    assert code == 1 and "F001" in out


def test_fix_leaves_a_cp1252_file_alone(pack, tmp_path):
    """A Windows-1252 file is linted (linter/encoding.py) but --fix writes UTF-8 files only."""
    story = tmp_path / "latin1.txt"
    story.write_bytes(b"colour caf\xe9\n")
    code, out, _, err = run("--isolated", "--rules", str(pack), "--select", "U100", "--fix", str(story))
    assert story.read_bytes() == b"colour caf\xe9\n"
    assert code == 1 and "[U100 house-spelling-test]" in out and "not UTF-8, so not fixed" in err


def test_fix_refuses_a_file_changed_while_fixing(setup, tmp_path, monkeypatch):
    config, ruleset, rules = setup
    story = tmp_path / "story.txt"
    story.write_text("colour\n", encoding="utf-8")
    real_lint = fixmod.lint_source

    def lint_and_meddle(text, *a, **kw):
        result = real_lint(text, *a, **kw)
        story.write_text("someone else's edit: colour\n", encoding="utf-8")  # an editor saves meanwhile
        return result

    monkeypatch.setattr(fixmod, "lint_source", lint_and_meddle)
    outcome = fix_file(str(story), config, ruleset, rules)
    assert story.read_text(encoding="utf-8") == "someone else's edit: colour\n"
    assert outcome.fixed == 0 and "changed on disk" in outcome.error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_fix_write_failure_leaves_original(setup, tmp_path, monkeypatch):
    config, ruleset, rules = setup
    story = tmp_path / "story.txt"
    story.write_text("colour\n", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixmod.os, "replace", broken_replace)
    outcome = fix_file(str(story), config, ruleset, rules)
    assert story.read_text(encoding="utf-8") == "colour\n"
    assert outcome.fixed == 0 and "No space left on device" in outcome.error
    assert [d.rule for d in outcome.result.diagnostics] == ["U100"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_fix_uses_atomic_replace(setup, tmp_path, monkeypatch):
    config, ruleset, rules = setup
    story = tmp_path / "story.txt"
    story.write_text("colour\n", encoding="utf-8")
    calls = []
    real_replace = os.replace

    def spy(src, dst):
        calls.append((os.path.dirname(src), os.path.basename(dst), Path(dst).read_text(encoding="utf-8")))
        return real_replace(src, dst)

    monkeypatch.setattr(fixmod.os, "replace", spy)
    fix_file(str(story), config, ruleset, rules)
    # the new content was complete in a temp file in the same folder before the rename
    assert calls == [(str(tmp_path), "story.txt", "colour\n")]
    assert story.read_text(encoding="utf-8") == "color\n"


def test_fix_cycle_stops(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "a.yaml").write_text(_sub_rule("U201", {"grey": "gray"}, "one-way"), encoding="utf-8")
    (pack / "b.yaml").write_text(_sub_rule("U202", {"gray": "grey"}, "other-way"), encoding="utf-8")
    config = Config(rules=[str(pack)], builtin_rules=False)
    ruleset = rules_for(config)
    story = tmp_path / "s.txt"
    story.write_text("grey\n", encoding="utf-8")
    outcome = fix_file(str(story), config, ruleset, select_rules(ruleset, config))
    assert len(outcome.edits) <= fixmod.MAX_PASSES
    assert story.read_text(encoding="utf-8") in ("grey\n", "gray\n")


# ---------------------------------------------------------------------------
# stdin


def test_fix_stdin_writes_fixed_text_to_stdout(pack):
    code, out, raw_out, err = run("--isolated", "--rules", str(pack), "--select", "U100", "--fix", "-",
                                  stdin=b"\xef\xbb\xbfcolour\r\nper cent\r\n")
    assert raw_out == b"\xef\xbb\xbfcolor\r\npercent\r\n"
    assert out == ""  # the report went to stderr
    assert "No problems found" in err and code == 0


def test_fix_stdin_undecodable_is_passed_through(pack):
    code, out, raw_out, err = run("--isolated", "--rules", str(pack), "--select", "U100", "--fix", "-",
                                  stdin=b"colour caf\xe9\n")
    assert raw_out == b"colour caf\xe9\n"
    assert "not valid UTF-8; not fixed" in err


def test_fix_stdin_json_report_to_file(pack, tmp_path):
    report = tmp_path / "report.json"
    code, out, raw_out, err = run("--isolated", "--rules", str(pack), "--select", "U100,S101", "--fix", "--format", "json",
                                  "-o", str(report), "-", stdin=b"the the colour\n")
    import json

    assert raw_out == b"the the color\n"
    assert [d["rule"] for d in json.loads(report.read_text(encoding="utf-8"))["diagnostics"]] == ["S101"]
    assert code == 1


def test_fix_never_touches_code_urls_or_comments(pack, tmp_path):
    """Fixes come from prose only: code, inline code, URLs and comments keep 'colour'."""
    story = tmp_path / "story.md"
    source = ("The colour.\n\n```\ncolour = 1\n```\n\nSee `colour` and https://example.com/colour\n"
              "<!-- colour -->\n    colour in an indented block\n")
    story.write_text(source, encoding="utf-8")
    run("--isolated", "--rules", str(pack), "--select", "U100", "--fix", str(story))
    assert story.read_text(encoding="utf-8") == source.replace("The colour.", "The color.", 1)


@settings(max_examples=int(os.environ.get("FACTLINT_FUZZ_EXAMPLES", "60")), deadline=None, database=None,
          derandomize="FACTLINT_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(st.sampled_from(["Hizbollah", "Teheran", "Pesh\r\nMerga", "Pesh Merga", "Qur'an",
                                                 "Moslems", "Irbil.", "“Koran”", "`Koran`", "<!-- Arbil -->",
                                                 "the the", "9,00", "\r\n", "\n\n", " ", "# ", "> "]),
                                st.text(max_size=6)), max_size=30),
       suffix=st.sampled_from([".txt", ".md"]))
def test_fix_with_all_builtin_rules(tmp_path_factory, parts, suffix):
    """The built-in rule set (K101 house spellings carries fixes) on fuzzed text: every
    pass's edits are disjoint and the file equals the original with exactly those edits."""
    text = "".join(parts)
    if any("\ud800" <= c <= "\udfff" for c in text):
        return
    config = Config(select=["ALL"])
    ruleset = rules_for(config)
    path = tmp_path_factory.mktemp("fixall") / ("story" + suffix)
    raw = text.encode("utf-8")
    path.write_bytes(raw)
    outcome = fix_file(str(path), config, ruleset, select_rules(ruleset, config))
    current = raw.decode("utf-8")
    for edits in outcome.edits:
        lead = 1 if current.startswith("\ufeff") else 0
        body = current[lead:]
        for a, b in zip(edits, edits[1:]):
            assert a.end <= b.start
        current = current[:lead] + apply_edits(body, edits)
    assert path.read_bytes() == current.encode("utf-8")
    assert all(d.fix is None for d in outcome.result.diagnostics) or len(outcome.edits) == fixmod.MAX_PASSES
