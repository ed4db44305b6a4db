"""Rule packs and config files validated once and kept as plain data (linter/rulecache.py):
used when nothing changed, read again when anything did, never trusted beyond plain data,
and a warm start (with or without a config file) imports neither pydantic nor PyYAML."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from linter import cachedir, rulecache
from linter.config import ConfigError, load_config
from linter.ruleset import RuleSetError, load_rules

RULE = textwrap.dedent("""\
    id: U301
    name: cached-word
    kind: pattern
    category: style
    severity: warning
    message: {message}
    description: d
    words: [zzz]
    examples: [{{text: "<marker>zzz</marker>", date: 2024-01-31}}, {{text: "x"}}]
""")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "r.yaml").write_text(RULE.format(message="first"), encoding="utf-8")
    return folder


def count_loads(monkeypatch) -> list:
    import linter.ruleset

    calls = []
    real = linter.ruleset.load_rules

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(linter.ruleset, "load_rules", counting)
    return calls


def entries(cache, kind="rules"):
    return sorted((cache / kind).glob("*.json"))


def test_second_load_comes_from_the_cache(cache, pack, monkeypatch):
    calls = count_loads(monkeypatch)
    first = rulecache.load([str(pack)], builtin=False)
    second = rulecache.load([str(pack)], builtin=False)
    assert len(calls) == 1
    assert [r.id for r in second.rules] == ["U301"] and second.rules[0].message == "first"
    assert second.rules[0] is not first.rules[0] and second.rules[0] == first.rules[0]
    assert second.rules[0].examples[0].date.isoformat() == "2024-01-31"
    assert second.rules[0].source == first.rules[0].source
    (entry,) = entries(cache)
    json.loads(entry.read_text(encoding="utf-8"))  # plain JSON


def test_the_built_in_pack_rebuilt_from_plain_data_is_the_pack():
    """Every rule of the built-in pack survives the round trip field for field, and lints the
    same (its embedded examples run on the rebuilt rules in test_rule_examples too)."""
    loaded = load_rules()
    data = json.loads(json.dumps(rulecache.rules_to_plain(loaded)))
    rebuilt = rulecache.rules_from_plain(data)
    assert [type(r) for r in rebuilt.rules] == [type(r) for r in loaded.rules]
    assert rebuilt.rules == loaded.rules and rebuilt.wordlists == loaded.wordlists
    assert [r.source for r in rebuilt.rules] == [r.source for r in loaded.rules]

    import linter

    text = "The council met on Monday, March 3, 2025. The the budget of 9,00 dollars was approved!!\n"
    assert linter.lint_text(text, ruleset=rebuilt) == linter.lint_text(text, ruleset=loaded)


def test_an_edited_rule_file_is_loaded_again(cache, pack, monkeypatch):
    calls = count_loads(monkeypatch)
    rulecache.load([str(pack)], builtin=False)
    path = pack / "r.yaml"
    path.write_text(RULE.format(message="second"), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # a different mtime even on coarse clocks
    assert rulecache.load([str(pack)], builtin=False).rules[0].message == "second"
    assert len(calls) == 2 and len(entries(cache)) == 2


def test_a_new_broken_file_is_an_error_not_a_cache_hit(cache, pack):
    rulecache.load([str(pack)], builtin=False)
    os.symlink("nowhere", pack / "broken.yaml")
    with pytest.raises(RuleSetError, match="broken.yaml: cannot read rule file"):
        rulecache.load([str(pack)], builtin=False)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_group_writable_folder_is_not_used(cache, pack, monkeypatch):
    cache.mkdir(mode=0o700)
    cache.chmod(0o777)
    calls = count_loads(monkeypatch)
    rulecache.load([str(pack)], builtin=False)
    rulecache.load([str(pack)], builtin=False)
    assert len(calls) == 2 and not list(cache.iterdir())


@pytest.mark.parametrize("damage", ["", "{not json", "[]", '{"key": "KEY", "value": {"rules": 3}}',
                                    '{"key": "KEY", "value": {"wordlists": {}, "rules": [{"kind": "nope"}]}}'])
def test_a_corrupt_entry_is_rebuilt(cache, pack, monkeypatch, damage):
    rulecache.load([str(pack)], builtin=False)
    (entry,) = entries(cache)
    entry.write_text(damage.replace("KEY", entry.stem), encoding="utf-8")
    calls = count_loads(monkeypatch)
    assert rulecache.load([str(pack)], builtin=False).rules[0].id == "U301"
    assert len(calls) == 1 and json.loads(entry.read_text())["value"]["rules"][0]["kind"] == "pattern"


def test_plain_data_holds_only_factlints_own_classes():
    import datetime
    import fractions

    from linter.kinds.base import Example

    value = {"d": datetime.date(2024, 2, 29), "t": (1, "a"), 3: [Example(text="x")], "$odd": None}
    assert rulecache.from_plain(json.loads(json.dumps(rulecache.to_plain(value)))) == value
    with pytest.raises(rulecache.Uncacheable):
        rulecache.to_plain(fractions.Fraction(1, 3))
    with pytest.raises(ValueError, match="not a factlint class"):
        rulecache.from_plain({"$dc": "os:system", "fields": {}})


# --------------------------------------------------------------------------- config files


def test_a_config_file_is_validated_once(cache, tmp_path, monkeypatch):
    import linter.config

    cfg = tmp_path / ".factlint.yaml"
    cfg.write_text("ignore: [S102]\nseverity: {N120: off}\nper-path: {'a/**': {ignore: [K]}}\n"
                   "date: 2024-03-01\nextensions: [txt]\n", encoding="utf-8")
    reads = []
    real = linter.config._read
    monkeypatch.setattr(linter.config, "_read", lambda *a: reads.append(a) or real(*a))
    first = load_config(cfg)
    second = load_config(cfg)
    assert len(reads) == 1 and first == second and first is not second
    assert second.to_json() == first.to_json() and second.extensions == [".txt"]
    assert second.overrides_for("a/x.md").ignore == ["K"] and second.source == str(cfg)
    cfg.write_text("ignore: [S103]\n", encoding="utf-8")
    assert load_config(cfg).ignore == ["S103"] and len(reads) == 2
    assert len(entries(cache, "config")) == 2


def test_a_bad_config_is_an_error_every_time(cache, tmp_path):
    cfg = tmp_path / ".factlint.yaml"
    cfg.write_text("ignore: S102\nbogus: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="bogus: unknown key"):
            load_config(cfg)
    assert not entries(cache, "config")


def test_rules_of_a_cached_config_are_still_checked_against_its_folder(cache, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    cfg = project / ".factlint.yaml"
    cfg.write_text("rules: [../elsewhere]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="outside the project folder"):
            load_config(cfg)
    cfg.write_text("rules: [../elsewhere]\nallow-external-rules: true\n", encoding="utf-8")
    load_config(cfg)
    assert load_config(cfg).rules == [str((tmp_path / "elsewhere").resolve())]


# --------------------------------------------------------------------------- a whole run


def test_a_warm_start_needs_neither_pydantic_nor_yaml_with_or_without_a_config(cache, tmp_path):
    """The point of the cache: a run with unchanged rules and config imports neither."""
    code = ("import sys; from linter.cli import main; main(['--no-cache', '--format', 'json', '-']); "
            "print('\\n', 'pydantic' in sys.modules, 'yaml' in sys.modules)")
    env = dict(os.environ, FACTLINT_CACHE_DIR=str(cache))
    plain, with_config = tmp_path / "plain", tmp_path / "with-config"
    plain.mkdir()
    with_config.mkdir()
    (with_config / ".factlint.yaml").write_text("ignore: [S102]\nfail-on: error\n", encoding="utf-8")

    def run(cwd):
        return subprocess.run([sys.executable, "-c", code], input="The mission ends in 2026.\n", cwd=cwd,
                              capture_output=True, text=True, env=env, timeout=120)

    cold, warm = run(plain), run(plain)
    assert cold.stdout.split()[-2:] == ["True", "True"], cold.stderr
    assert warm.stdout.split()[-2:] == ["False", "False"], warm.stderr
    assert cold.stdout.split("\n ")[0] == warm.stdout.split("\n ")[0]  # same report
    cold, warm = run(with_config), run(with_config)  # the rules are compiled; the config is new
    assert cold.stdout.split()[-2:] == ["True", "True"], cold.stderr
    assert warm.stdout.split()[-2:] == ["False", "False"], warm.stderr
    assert cold.stdout.split("\n ")[0] == warm.stdout.split("\n ")[0]


def test_the_retired_rule_cache_variable_is_named_on_stderr(run_cli, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    monkeypatch.setenv("FACTLINT_RULE_CACHE", "off")
    code, _, err = run_cli(str(tmp_path / "a.txt"))
    assert code == 0 and "FACTLINT_RULE_CACHE is no longer used" in err and "FACTLINT_CACHE_DIR" in err


def test_old_caches_are_removed_from_the_folder(cache, pack):
    cache.mkdir(mode=0o700)
    (cache / "rules-0123.pickle").write_bytes(b"x")
    (cache / "re-0123.marshal").write_bytes(b"x")
    rulecache.load([str(pack)], builtin=False)
    assert sorted(p.name for p in cache.iterdir()) == [".gitignore", "CACHEDIR.TAG", "rules"]


def test_lazy_pattern_compiles_on_first_use_and_then_is_a_plain_pattern():
    from linter.text import LazyPattern

    p = LazyPattern(r"(?P<n>\d+) people", 0)
    assert "search" not in vars(p)  # nothing compiled at import
    m = p.search("about 43 people")
    assert m.group("n") == "43" and p.groupindex == {"n": 1}
    assert "search" in vars(p)  # the compiled pattern's bound method, no __getattr__ any more
    assert [x.group() for x in p.finditer("1 people, 2 people")] == ["1 people", "2 people"]


def test_cache_entries_are_written_whole_or_not_at_all(tmp_path):
    assert cachedir.write("rules", "k1", {"a": [1]}, tmp_path)
    assert cachedir.read("rules", "k1", tmp_path) == {"a": [1]}
    assert cachedir.read("rules", "k2", tmp_path) is None
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not cachedir.write("rules", "k1", {"a": 1}, blocker)
    assert sorted(p.name for p in (tmp_path / "rules").iterdir()) == ["k1.json"]  # no temporary file left


def test_one_fingerprint_per_pack_follows_its_content(tmp_path, pack):
    before = cachedir.pack_fingerprint(pack)
    (pack / "notes.txt").write_text("not a rule file")
    assert cachedir.pack_fingerprint(pack) == before  # only what the loader reads
    (pack / "wordlists").mkdir()
    (pack / "wordlists" / "w.yaml").write_text("name: w\nwords: [a]\n")
    assert cachedir.pack_fingerprint(pack) != before


@pytest.mark.parametrize("damage", ["{oops", '{"key": "KEY", "value": 3}', '{"key": "KEY", "value": {"ignore": []}}',
                                    '{"key": "KEY", "value": {"$dc": "os:system", "fields": {}}}'])
def test_a_corrupt_config_entry_is_validated_again(cache, tmp_path, damage):
    cfg = tmp_path / ".factlint.yaml"
    cfg.write_text("ignore: [S102]\n", encoding="utf-8")
    load_config(cfg)
    (entry,) = entries(cache, "config")
    entry.write_text(damage.replace("KEY", entry.stem), encoding="utf-8")
    assert load_config(cfg).ignore == ["S102"]
    assert load_config(cfg).ignore == ["S102"]  # and the entry was rewritten
    assert json.loads(entry.read_text())["value"]["ignore"] == ["S102"]
