"""The compiled rule-set cache (linter/rulecache.py): used when nothing changed, rebuilt
when anything did, never read from a folder or file others can write."""

import os
import subprocess
import sys
import textwrap

import pytest

from linter import rulecache
from linter.ruleset import RuleSetError

RULE = textwrap.dedent("""\
    id: U301
    name: cached-word
    kind: pattern
    category: style
    severity: warning
    message: {message}
    description: d
    words: [zzz]
    examples: [{{text: "<marker>zzz</marker>"}}, {{text: "x"}}]
""")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_RULE_CACHE", str(folder))
    return folder


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "r.yaml").write_text(RULE.format(message="first"), encoding="utf-8")
    return folder


def count_loads(monkeypatch) -> list:
    calls = []
    real = rulecache.load_rules

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(rulecache, "load_rules", counting)
    return calls


def test_second_load_comes_from_the_cache(cache, pack, monkeypatch):
    calls = count_loads(monkeypatch)
    first = rulecache.load([str(pack)], builtin=False)
    second = rulecache.load([str(pack)], builtin=False)
    assert len(calls) == 1
    assert [r.id for r in second.rules] == ["U301"] and second.rules[0].message == "first"
    assert second.rules[0] is not first.rules[0]  # unpickled, a copy
    assert len(list(cache.glob("rules-*.pickle"))) == 1


def test_an_edited_rule_file_is_loaded_again(cache, pack, monkeypatch):
    calls = count_loads(monkeypatch)
    rulecache.load([str(pack)], builtin=False)
    path = pack / "r.yaml"
    path.write_text(RULE.format(message="second"), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # a different mtime even on coarse clocks
    assert rulecache.load([str(pack)], builtin=False).rules[0].message == "second"
    assert len(calls) == 2


def test_a_new_broken_file_is_an_error_not_a_cache_hit(cache, pack):
    rulecache.load([str(pack)], builtin=False)
    os.symlink("nowhere", pack / "broken.yaml")
    with pytest.raises(RuleSetError, match="broken.yaml: cannot read rule file"):
        rulecache.load([str(pack)], builtin=False)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_entries_others_can_write_are_not_read(cache, pack, monkeypatch):
    rulecache.load([str(pack)], builtin=False)
    (entry,) = cache.glob("rules-*.pickle")
    entry.chmod(0o666)
    calls = count_loads(monkeypatch)
    rulecache.load([str(pack)], builtin=False)
    assert len(calls) == 1


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_group_writable_folder_is_not_used(cache, pack, monkeypatch):
    cache.mkdir(mode=0o700)
    cache.chmod(0o777)
    calls = count_loads(monkeypatch)
    rulecache.load([str(pack)], builtin=False)
    rulecache.load([str(pack)], builtin=False)
    assert len(calls) == 2 and not list(cache.iterdir())


def test_a_corrupt_entry_is_rebuilt(cache, pack, monkeypatch):
    rulecache.load([str(pack)], builtin=False)
    (entry,) = cache.glob("rules-*.pickle")
    entry.write_bytes(b"\x80\x05garbage")
    calls = count_loads(monkeypatch)
    assert rulecache.load([str(pack)], builtin=False).rules[0].id == "U301"
    assert len(calls) == 1 and entry.read_bytes()[:2] != b"\x80\x05g"


def test_off_writes_nothing(tmp_path, pack, monkeypatch):
    monkeypatch.setenv("FACTLINT_RULE_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    rulecache.load([str(pack)], builtin=False)
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_old_entries_are_pruned(cache, tmp_path):
    for i in range(rulecache.KEEP + 3):
        p = tmp_path / f"pack{i}"
        p.mkdir()
        (p / "r.yaml").write_text(RULE.format(message=f"m{i}"), encoding="utf-8")
        rulecache.load([str(p)], builtin=False)
    assert len(list(cache.glob("rules-*.pickle"))) == rulecache.KEEP


def test_the_built_in_set_pickles_and_a_warm_start_needs_neither_pydantic_nor_yaml(cache):
    """The point of the cache: a run with unchanged rules imports neither pydantic nor PyYAML."""
    code = ("import sys; from linter.cli import main; main(['--no-cache', '--format', 'json', '-']); "
            "print('\\n', 'pydantic' in sys.modules, 'yaml' in sys.modules)")
    env = dict(os.environ, FACTLINT_RULE_CACHE=str(cache))
    run = lambda: subprocess.run([sys.executable, "-c", code], input="The mission ends in 2026.\n",  # noqa: E731
                                 capture_output=True, text=True, env=env, timeout=120)
    cold, warm = run(), run()
    assert cold.stdout.split()[-2:] == ["True", "True"], cold.stderr
    assert warm.stdout.split()[-2:] == ["False", "False"], warm.stderr
    assert cold.stdout.split("\n ")[0] == warm.stdout.split("\n ")[0]  # same report


def test_lazy_pattern_compiles_on_first_use_and_then_is_a_plain_pattern():
    from linter.kinds._regex import LazyPattern

    p = LazyPattern(r"(?P<n>\d+) people", 0)
    assert "search" not in vars(p)  # nothing compiled at import
    m = p.search("about 43 people")
    assert m.group("n") == "43" and p.groupindex == {"n": 1}
    assert "search" in vars(p)  # the compiled pattern's bound method, no __getattr__ any more
    assert [x.group() for x in p.finditer("1 people, 2 people")] == ["1 people", "2 people"]


def test_cache_files_are_written_whole_or_not_at_all(tmp_path):
    from linter.cachedir import read_private, write_atomic

    target = tmp_path / "entry.bin"
    assert write_atomic(target, b"one") and read_private(target) == b"one"
    assert write_atomic(target, b"two") and read_private(target) == b"two"
    assert not write_atomic(tmp_path / "no-such-folder" / "entry.bin", b"x")
    assert read_private(tmp_path / "missing") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.bin"]  # no temporary file left
