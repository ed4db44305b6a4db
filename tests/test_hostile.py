"""Hostile input: every bad path gives exit 2 or a per-file error, never a traceback or a
hang; pathological documents stay linear.

The linearity tests run each case in a subprocess with a hard timeout, so a regression
to quadratic behaviour fails in seconds instead of hanging CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from linter import Config, RuleSetError, lint_text, load_rules
from linter.document import Document

ROOT = Path(__file__).resolve().parent.parent
ALL = Config(select=["ALL"])


def factlint(*args, cwd=None, stdin: bytes | None = None, timeout: float = 60):
    """Run the real CLI in a subprocess (a traceback would show on stderr)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    proc = subprocess.run([sys.executable, "-m", "linter", *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=timeout, env=env)
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return proc.returncode, out, err


# ---------------------------------------------------------------------------
# Crashes found by the fuzzer (regressions)


def test_lone_cr_before_markdown_code_block():
    """markdown-it counts a lone CR as a line break, the line index does not (was IndexError)."""
    text = "para\r\r    code 9,00\rpara 9,00"
    doc = Document.from_text(text, path="x.md")
    assert doc.prose == "para\r\r             \rpara 9,00"
    for t in ("\r\r    code\n", "a\r\r\r    x", "\r\r\r\r```\n"):
        Document.from_text(t, path="x.md")


def test_front_matter_with_impossible_date():
    """PyYAML raises ValueError (not YAMLError) for 'date: 2024-02-30' (was a traceback)."""
    from linter.engine import attach_facts

    doc = Document.from_text("---\ndate: 2024-02-30\n---\nBody.\n", path="x.md")
    attach_facts(doc)
    assert doc.date is None
    doc = Document.from_text("---\n" + "[" * 1000 + "\n---\nBody.\n", path="x.md")
    attach_facts(doc)
    assert doc.date is None


@pytest.mark.parametrize("text", ["9," * 5000 + "9", "9" * 5000 + " people", "1" * 400 + " people, up from 2"])
def test_huge_numerals(text):
    """int() refuses > 4300 digits and float() overflows to inf (was ValueError/OverflowError)."""
    assert isinstance(lint_text(text, config=ALL), list)


# ---------------------------------------------------------------------------
# Linearity: inputs that made a regex or a loop quadratic


_LINEAR_CASES = {
    # name: (generator source for size n, path); each was quadratic before the fix
    "unclosed-comments": ('"<!-- " * (n // 5)', "x.txt"),
    "email-like-run": ('"www." + "a." * (n // 2)', "x.txt"),
    "link-target-run": ('"](" * (n // 2)', "x.md"),
    "caption-run": ('"(photo " * (n // 7)', "x.txt"),
    "dot-run": ('"." * n', "x.txt"),
    "bang-run": ('"!?" * (n // 2) + "x"', "x.txt"),
    "backtick-run": ('"``a`" * (n // 4)', "x.md"),
    "quote-run": ('"\\u201c" * n', "x.txt"),
    "nested-blockquote": ('">" * n + " x"', "x.md"),
    "prose-one-line": ('(open(SEED).read().replace("\\n", " ") * (n // 8000 + 1))[:n]', "x.txt"),
}


@pytest.mark.parametrize("name", sorted(_LINEAR_CASES))
def test_pathological_input_is_linear(name):
    """Lint each pathological input at n and 4n (all rules) in a subprocess with a hard
    timeout; the time ratio must be well under quadratic (16x)."""
    source, path = _LINEAR_CASES[name]
    seed = next(iter(sorted((ROOT / "seeds").glob("*.txt"))))
    script = textwrap.dedent(f"""
        import time
        from linter import Config, lint_text
        SEED = {str(seed)!r}
        cfg = Config(select=["ALL"])
        lint_text("warm up", config=cfg)
        out = []
        for n in (10_000, 40_000):
            text = {source}
            best = None
            for _ in range(2):
                t = time.process_time()
                lint_text(text, path={path!r}, config=cfg)
                took = time.process_time() - t
                best = took if best is None else min(best, took)
            out.append(best)
        print(out[0], out[1])
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    small, large = map(float, proc.stdout.split())
    # linear is ~4x; allow noise on a loaded machine, fail on quadratic (16x)
    assert large < max(0.5, small * 9), f"{name}: {small:.3f}s -> {large:.3f}s for 4x input"
    assert time.monotonic() - started < 120


# ---------------------------------------------------------------------------
# Bad paths and files: exit 2 or a per-file error


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "ok.txt").write_text("They met the the minister.\n", encoding="utf-8")
    return tmp_path


def test_missing_path(folder):
    code, out, err = factlint(str(folder / "nope.txt"), "--isolated")
    assert code == 2 and "nope.txt: no such file or folder" in err and out == ""


def test_undecodable_file_is_a_per_file_error(folder):
    (folder / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))  # binary: no text encoding fits
    code, out, err = factlint(str(folder), "--isolated", "--format", "json")
    import json

    report = json.loads(out)
    rules = {(Path(d["path"]).name, d["rule"]) for d in report["diagnostics"]}
    assert ("bad.txt", "F001") in rules and ("ok.txt", "S101") in rules
    bad = next(d for d in report["diagnostics"] if d["rule"] == "F001")
    assert bad["message"] == ("cannot decode: not UTF-8 (byte 0x89 at line 1, offset 0) and no text encoding "
                              "fits it (binary?); if it is text, convert it to UTF-8")
    assert code == 1


def test_file_over_size_limit(folder):
    (folder / ".factlint.yaml").write_text("max-file-size: 10\n", encoding="utf-8")
    code, out, err = factlint("ok.txt", cwd=folder)
    assert code == 1
    assert "file is 27 bytes, over the 10-byte limit (max-file-size) [F001 unreadable-file]" in out


def test_broken_yaml_rule(folder):
    rules = folder / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text("id: U001\nname: [unclosed\n", encoding="utf-8")
    code, out, err = factlint(str(folder / "ok.txt"), "--isolated", "--rules", str(rules))
    assert code == 2 and out == ""
    assert "broken.yaml:" in err and "invalid YAML" in err


def test_invalid_rule_field(folder):
    rules = folder / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(textwrap.dedent("""\
        id: U001
        name: bad-field
        kind: pattern
        category: style
        severity: fatal
        message: m
        description: d
        pattern: x
        examples: [{text: "<marker>x</marker>"}, {text: "y"}]
    """), encoding="utf-8")
    code, out, err = factlint(str(folder / "ok.txt"), "--isolated", "--rules", str(rules))
    assert code == 2 and out == ""
    assert "bad.yaml:5: severity:" in err


def test_unknown_rule_in_select(folder):
    code, out, err = factlint(str(folder / "ok.txt"), "--isolated", "--select", "Z999")
    assert code == 2 and "unknown rule id, prefix, name or category: 'Z999'" in err and out == ""


def test_bad_config_key(folder):
    (folder / ".factlint.yaml").write_text("fail-on: warning\nno-such-key: 1\n", encoding="utf-8")
    code, out, err = factlint("ok.txt", cwd=folder)
    assert code == 2 and "no-such-key: unknown key" in err and out == ""


def test_bad_config_value(folder):
    (folder / ".factlint.yaml").write_text("max-file-size: lots\n", encoding="utf-8")
    code, out, err = factlint("ok.txt", cwd=folder)
    assert code == 2 and "max-file-size" in err and out == ""


def test_config_that_is_not_a_mapping(folder):
    (folder / ".factlint.yaml").write_text("- a\n- b\n", encoding="utf-8")
    code, out, err = factlint("ok.txt", cwd=folder)
    assert code == 2 and "must be a mapping" in err


def test_bad_date_option(folder):
    code, out, err = factlint(str(folder / "ok.txt"), "--isolated", "--date", "2024-02-30")
    assert code == 2 and "--date" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_in_a_folder_does_not_hang(folder):
    """A FIFO with a lintable name in a folder used to block the run forever."""
    os.mkfifo(folder / "pipe.txt")
    code, out, err = factlint(str(folder), "--isolated", timeout=30)
    assert code == 1 and "S101" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_named_explicitly_does_not_hang(folder):
    os.mkfifo(folder / "pipe")
    code, out, err = factlint(str(folder / "pipe"), "--isolated", timeout=30)
    assert code == 0


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_device_is_capped():
    code, out, err = factlint("/dev/zero", "--isolated", timeout=60)
    assert code == 1 and "over the 26,214,400-byte limit (max-file-size)" in out


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loops(folder):
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("..", folder / "up")  # a folder loop: never followed while walking
    code, out, err = factlint(str(folder / "loop-a.txt"), "--isolated")
    assert code == 2 and "symbolic link loop" in err
    code, out, err = factlint(str(folder), "--isolated", timeout=30)
    assert code == 1
    assert "loop-a.txt:1:1: error: cannot read file" in out and "ok.txt" in out


def test_unreadable_folder_is_reported(folder, monkeypatch):
    """A subfolder that cannot be listed is an F001 for that folder, not silently skipped.

    Simulated (tests often run as root, who can read anything)."""
    from linter.engine import collect_files, lint_file, rules_for, select_rules

    locked = folder / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("x\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    real_open = os.open

    def fake_open(path, flags, *a):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *a)

    monkeypatch.setattr(os, "open", fake_open)
    config = Config()
    files = collect_files([str(folder)], config)
    assert str(locked) in files
    ruleset = rules_for(config)
    result = lint_file(str(locked), config, ruleset, select_rules(ruleset, config))
    assert [(d.rule, d.message) for d in result.diagnostics] == [("F001", "cannot read folder: Permission denied")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file_real_permissions(folder):
    bad = folder / "secret.txt"
    bad.write_text("x", encoding="utf-8")
    bad.chmod(0)
    code, out, err = factlint(str(folder), "--isolated")
    assert "secret.txt:1:1: error: cannot read file: Permission denied" in out


def test_stdin_with_nul_and_invalid_bytes():
    code, out, err = factlint("-", "--isolated", stdin=b"the the\x00 caf\xe9 9,00 \r\n\r")
    assert code == 1 and "S101" in out


def test_empty_and_whitespace_files(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    (folder / "blank.md").write_bytes(b"\r\n \n\t\r")
    code, out, err = factlint(str(folder), "--isolated")
    assert code == 1 and "4 files" in out


# ---------------------------------------------------------------------------
# Determinism: same input and rules, byte-identical output


def test_output_is_byte_identical_across_runs_jobs_and_hash_seeds(tmp_path):
    seed = next(iter(sorted((ROOT / "seeds").glob("*.txt")))).read_text(encoding="utf-8")
    for i in range(4):
        sub = tmp_path / f"part{i}"
        sub.mkdir()
        (sub / "a.txt").write_text(seed.replace("2", str(i + 3)), encoding="utf-8")
        (sub / "b.md").write_text("---\ndate: 2024-09-30\n---\n" + seed + "\nThe the colour.\n", encoding="utf-8")
    outputs = set()
    for jobs, hashseed in (("1", "0"), ("2", "1"), ("1", "12345")):
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=hashseed)
        proc = subprocess.run([sys.executable, "-m", "linter", "--isolated", "--select", "ALL", "--no-cache",
                               "--format", "json", "--jobs", jobs, "."], cwd=tmp_path, capture_output=True,
                              timeout=300, env=env)
        assert proc.returncode == 1, proc.stderr.decode()
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_stdin_over_size_limit(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("max-file-size: 10\n", encoding="utf-8")
    code, out, err = factlint("-", cwd=tmp_path, stdin=b"x" * 100)
    assert code == 2 and out == "" and "stdin is over the 10-byte limit (max-file-size)" in err
    code, out, err = factlint("-", cwd=tmp_path, stdin=b"the the")
    assert code == 1


# ---------------------------------------------------------------------------
# User rule packs with odd word lists


def test_wordlist_entries_must_be_strings(tmp_path):
    from linter import RuleSetError, load_rules

    pack = tmp_path / "pack" / "wordlists"
    pack.mkdir(parents=True)
    (pack / "w.yaml").write_text("name: mine\nwords: [ok, 2020, [a, b], null]\n", encoding="utf-8")
    with pytest.raises(RuleSetError, match=r"w.yaml:2: words.2: a word-list entry must be a string"):
        load_rules([tmp_path / "pack"], builtin=False)


def test_every_builtin_wordlist_extended_with_odd_entries(tmp_path):
    """A newsroom extends each built-in list with a number and a 'wrong: right' mapping;
    every rule still runs on the seed without an exception (was AttributeError in
    words_pattern for a mapping entry)."""
    from linter.ruleset import builtin_rules_dir

    pack = tmp_path / "pack" / "wordlists"
    pack.mkdir(parents=True)
    import yaml

    names = []
    for path in sorted(builtin_rules_dir().rglob("wordlists/*.yaml")):
        name = yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
        names.append(name)
        # a substitution list ("wrong: right") takes only pairs: a bare word is a load error (next test)
        if name == "house-spellings":
            odd = "[{Zorblax: Zorbleks}, 'Zorb: Zorbo']"
        elif name == "currency-rate-bands":  # "ABC/XYZ: low-high" only: anything else is a load error
            odd = "['ZZZ/USD: 1-2', {'QQQ/ZZZ': '0.5-0.7'}]"
        elif name == "currency-rate-years":  # "ABC/XYZ YYYY: low-high" only, likewise
            odd = "['ZZZ/USD 2020: 1-2', {'QQQ/ZZZ 2021': '0.5-0.7'}]"
        else:
            odd = "[2020, {Zorblax: Zorbleks}, 'x y']"
        (pack / path.name).write_text(f"name: {name}\nwords: {odd}\n", encoding="utf-8")
    assert names
    seed = next(iter(sorted((ROOT / "seeds").glob("*.txt")))).read_text(encoding="utf-8")
    config = Config(select=["ALL"], rules=[str(tmp_path / "pack")])
    diags = lint_text(seed + "\nZorblax said 2020 x y things.\n", path="s.txt", config=config)
    assert isinstance(diags, list)
    bad = tmp_path / "bad" / "wordlists"
    bad.mkdir(parents=True)
    (bad / "b.yaml").write_text("name: currency-rate-bands\nwords: [2020]\n", encoding="utf-8")
    with pytest.raises(RuleSetError, match=r"b.yaml:2: .*is not 'ABC/XYZ: low-high'"):
        lint_text(seed, path="s.txt", config=Config(select=["ALL"], rules=[str(tmp_path / "bad")]))
    assert isinstance(diags, list)


@pytest.mark.parametrize("entry", ["Kiev", "2020", "'Kiev:'", "': Kyiv'", "{Kiev: ''}"])
def test_substitution_entry_without_its_right_form_is_a_load_error(tmp_path, entry):
    """'Kiev' for 'Kiev: Kyiv' in a house-spelling list was read as 'replace Kiev with nothing':
    --fix deleted the word ("talks in  ended"). Now it stops the load at the entry's line."""
    pack = tmp_path / "pack" / "wordlists"
    pack.mkdir(parents=True)
    (pack / "hs.yaml").write_text(f"name: house-spellings\nwords:\n  - 'Teheran: Tehran'\n  - {entry}\n",
                                  encoding="utf-8")
    with pytest.raises(RuleSetError, match=r"hs\.yaml:4: words\.1: .* is not 'wrong: right' .*used by K101"):
        load_rules([tmp_path / "pack"])


@pytest.mark.parametrize("key, value, message", [
    ("*", "x", "invalid regex in 'swap' key"),
    ("colou?r", r"\1", "refers to group '1'"),
    ("(?P<w>colour)", r"\g<nope>", "refers to group 'nope'"),
])
def test_regex_substitution_checked_at_load(tmp_path, key, value, message):
    """Was regex.error / IndexError mid-lint; now a rule error naming the file."""
    import yaml

    from linter import RuleSetError, load_rules

    pack = tmp_path / "pack"
    pack.mkdir()
    rule = {"id": "U060", "name": "regex-swap", "kind": "substitution", "category": "style", "severity": "warning",
            "message": "m", "description": "d", "regex": True, "swap": {key: value},
            "examples": [{"text": "<marker>colour</marker>"}, {"text": "x"}]}
    (pack / "r.yaml").write_text(yaml.safe_dump(rule), encoding="utf-8")
    with pytest.raises(RuleSetError, match="r.yaml") as info:
        load_rules([pack], builtin=False)
    assert message in str(info.value)


@pytest.mark.skipif(sys.platform == "win32" or sys.platform == "darwin", reason="needs byte file names")
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_file_name_that_is_not_utf8(tmp_path, fmt):
    """Python sees such a name with lone surrogates; fingerprints and reporters could not
    encode it (was UnicodeEncodeError). It is shown with U+FFFD."""
    try:
        with open(os.path.join(os.fsencode(tmp_path), b"bad\xffname.txt"), "wb") as fh:
            fh.write(b"the the\n")
    except OSError:
        pytest.skip("file system refuses the name")
    code, out, err = factlint(str(tmp_path), "--isolated", "--format", fmt)
    assert code == 1 and "bad\ufffdname.txt" in out
    import linter

    (result,) = linter.lint_paths([str(tmp_path)])
    assert result.path.endswith("bad\ufffdname.txt") and result.diagnostics


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loops_in_a_rules_folder(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "r.yaml").write_text(textwrap.dedent("""\
        id: U070
        name: zed
        kind: pattern
        category: style
        severity: warning
        message: m
        description: d
        words: [zzz]
        examples: [{text: "<marker>zzz</marker>"}, {text: "x"}]
    """), encoding="utf-8")
    os.symlink("..", pack / "up")
    os.symlink(".", pack / "self")
    (tmp_path / "s.txt").write_text("zzz\n", encoding="utf-8")
    code, out, err = factlint("--isolated", "--rules", str(pack), "--select", "U070", str(tmp_path / "s.txt"), timeout=30)
    assert code == 1 and "U070" in out
    os.symlink("nowhere", pack / "broken.yaml")
    code, out, err = factlint("--isolated", "--rules", str(pack), str(tmp_path / "s.txt"), timeout=30)
    assert code == 2 and "broken.yaml: cannot read rule file" in err
