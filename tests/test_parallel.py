"""``--jobs``: a process pool over files whose output is byte-identical to a serial run."""

import json

import pytest

from linter import parallel

PARAGRAPHS = [
    "The council met on Monday. The the budget was approved!! by a vote of 7 to 2.",
    "Officials said the plan would cost $4 million, up from $3 million last year.",
    "About 43,000 people, including 9,00 fighters, were evacuated on Sept. 30, 2024.",
    "“We are pleased,” the mayor said. Critics called it a disastrous waste.",
]


@pytest.fixture
def corpus(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    for i in range(12):
        body = "\n\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(2 + i % 5)) + "\n"
        folder = docs / "sub" if i % 3 == 0 else docs
        (folder / f"story-{i:02d}.txt").write_text(body, encoding="utf-8")
    (docs / "broken.txt").write_bytes(b"caf\xc3\xa9 \xff au lait\n")  # damaged UTF-8: an F001 diagnostic, in order
    return docs


@pytest.fixture
def always_parallel(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_jobs_output_identical_to_serial(run_cli, corpus, always_parallel, fmt):
    serial = run_cli("--no-cache", "--jobs", "1", "--format", fmt, str(corpus))
    for jobs in ("2", "3"):
        assert run_cli("--no-cache", "--jobs", jobs, "--format", fmt, str(corpus)) == serial
    assert serial[0] == 1
    if fmt == "json":
        paths = [d["path"] for d in json.loads(serial[1])["diagnostics"]]
        assert any(p.endswith("broken.txt") for p in paths)


def test_pool_is_really_used(corpus, always_parallel, monkeypatch):
    """The pool path runs (not a silent serial fallback) and returns every file in order."""
    import linter
    from linter.engine import collect_files, rules_for, select_rules

    calls = []
    real = parallel._run_pool

    def spy(*a, **k):
        out = real(*a, **k)
        calls.append(out)
        return out

    monkeypatch.setattr(parallel, "_run_pool", spy)
    config = linter.Config()
    ruleset = rules_for(config)
    files = collect_files([str(corpus)], config)
    results = parallel.lint_many(files, config, ruleset, select_rules(ruleset, config), jobs=2)
    assert calls and calls[0] is not None
    assert [r.path for r in results] == files
    serial = parallel.lint_many(files, config, ruleset, select_rules(ruleset, config), jobs=1)
    assert [r.diagnostics for r in results] == [r.diagnostics for r in serial]


def test_small_runs_stay_serial(corpus, monkeypatch):
    import linter
    from linter.engine import collect_files, rules_for, select_rules

    monkeypatch.setattr(parallel, "_run_pool", lambda *a, **k: pytest.fail("pool started for a tiny run"))
    config = linter.Config()
    ruleset = rules_for(config)
    files = collect_files([str(corpus)], config)
    parallel.lint_many(files, config, ruleset, select_rules(ruleset, config), jobs=4)


def test_broken_pool_falls_back_to_serial(run_cli, corpus, always_parallel, monkeypatch):
    serial = run_cli("--no-cache", "--jobs", "1", "--format", "json", str(corpus))
    monkeypatch.setattr(parallel, "_run_pool", lambda *a, **k: None)
    assert run_cli("--no-cache", "--jobs", "2", "--format", "json", str(corpus)) == serial


def test_timing_is_collected_from_workers(run_cli, corpus, always_parallel):
    code, out, err = run_cli("--jobs", "2", "--timing", str(corpus))
    assert "time per rule kind:" in err and "S101" in err


def test_jobs_with_cache_fills_it(run_cli, corpus, always_parallel, tmp_path):
    cache_dir = tmp_path / "cache"
    first = run_cli("--cache-dir", str(cache_dir), "--jobs", "2", "--format", "json", str(corpus))
    assert len(list(cache_dir.glob("results/*/*.json"))) == 12  # the unreadable file is never cached
    assert run_cli("--cache-dir", str(cache_dir), "--jobs", "2", "--format", "json", str(corpus)) == first


@pytest.mark.parametrize("bad", ["0", "-1", "many"])
def test_bad_jobs_is_a_usage_error(run_cli, corpus, bad):
    code, out, err = run_cli("--jobs", bad, str(corpus))
    assert code == 2 and out == "" and "--jobs" in err


def test_chunks_keep_order_and_cover_everything():
    todo = [(i, f"f{i}", "x" * (1000 if i == 3 else 10)) for i in range(20)]
    chunks = parallel.chunk(todo, 2)
    assert [item for c in chunks for item in c] == todo
    assert any(c == [todo[3]] or c[-1] == todo[3] for c in chunks)  # the big file closes its chunk
    assert parallel.chunk([], 2) == []
    assert parallel.default_jobs() >= 1


def test_stdin_with_jobs(run_cli):
    code, out, err = run_cli("--jobs", "2", "--format", "json", "-", stdin="The the cat.\n")
    assert json.loads(out)["diagnostics"][0]["path"] == "-"


def test_windows_of_text_keep_order_and_reuse_one_pool(run_cli, corpus, always_parallel, monkeypatch):
    serial = run_cli("--no-cache", "--jobs", "1", "--format", "json", str(corpus))
    monkeypatch.setattr(parallel, "WINDOW_CHARS", 300)  # several windows
    started = []
    real_get = parallel._LazyPool.get

    def get(self, chunks):
        if self.executor is None:
            started.append(1)
        return real_get(self, chunks)

    monkeypatch.setattr(parallel._LazyPool, "get", get)
    assert run_cli("--no-cache", "--jobs", "2", "--format", "json", str(corpus)) == serial
    assert started == [1]
