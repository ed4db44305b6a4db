"""Linting many files: the result cache, then a process pool for what is left (``--jobs``).

Why processes: the checks are pure-Python regex and list work, so threads would
serialise on the GIL. Each document is linted independently (``lint_source`` has no
global state), so files are spread over worker processes in size-balanced chunks and
the results are put back in the input order: the output of ``--jobs N`` is
byte-identical to a serial run.

The pool is used only when it can pay for its start-up: more than one file still to
lint (after cache hits), at least ``MIN_PARALLEL_BYTES`` of text, and ``jobs > 1``.
On POSIX (except macOS) workers are forked, so they inherit the rules the parent has
already loaded and compiled; elsewhere each worker loads them once in its initializer.
If a worker dies (killed, out of memory) the files are linted serially instead.
"""

from __future__ import annotations

import os
import sys
from typing import Callable

from .engine import FileResult, Timing, lint_file, lint_source, read_source, rules_for

MIN_PARALLEL_BYTES = 256 * 1024  # below this a serial run beats starting a pool
WINDOW_CHARS = 32 * 1024 * 1024  # texts held in memory at once (then linted, then dropped)
CHUNKS_PER_JOB = 16  # size-balanced chunks per worker: the last one to finish leaves the other worker idle, so small


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def lint_many(files: list[str], config, ruleset, rules, *, jobs: int = 1, cache=None,
              stdin_text: str | None = None, display: Callable[[str], str] | None = None,
              keep_text: bool = False, timing: Timing | None = None,
              progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """Lint ``files`` (as returned by ``collect_files``) and return results in the same order.

    Texts are read and linted in windows of about ``WINDOW_CHARS`` characters, so an archive
    is never held in memory whole; one pool serves all windows.
    ``progress(n)`` is called as each n files are done (for a progress bar)."""
    display = display or (lambda p: p)
    progress = progress or (lambda n: None)
    results: list[FileResult | None] = [None] * len(files)
    pool = _LazyPool(config, rules, jobs, keep_text, timing is not None)
    window: list[tuple[int, str, str, str | None]] = []  # (index, shown, text, cache key)
    size = 0
    try:
        for i, path in enumerate(files):
            shown = display(path)
            text, error = read_source(path, config, stdin_text)
            if text is None:  # unreadable: the F001 diagnostic, never cached
                results[i] = lint_file(path, config, ruleset, rules, display_path=shown, stdin_text=stdin_text)
                progress(1)
                continue
            key = cache.key(text, shown) if cache is not None else None
            hit = cache.get(key) if key is not None else None
            if hit is not None:
                diagnostics, document_date, date_source = hit
                results[i] = FileResult(shown, diagnostics, text if keep_text else None, document_date, date_source)
                progress(1)
                continue
            window.append((i, shown, text, key))
            size += len(text)
            if size >= WINDOW_CHARS:
                _lint_window(window, results, pool, config, ruleset, rules, cache, keep_text, timing, progress)
                window, size = [], 0
        _lint_window(window, results, pool, config, ruleset, rules, cache, keep_text, timing, progress)
    finally:
        pool.close()
    return results  # type: ignore[return-value]


def _lint_window(todo, results, pool, config, ruleset, rules, cache, keep_text, timing, progress) -> None:
    total = sum(len(t[2]) for t in todo)
    done: list[tuple[int, FileResult, dict | None]] | None = None
    if pool.jobs > 1 and len(todo) > 1 and total >= MIN_PARALLEL_BYTES and not pool.broken:
        done = _run_pool(todo, pool, progress)
    if done is None:
        done = []
        for i, shown, text, _ in todo:
            done.append((i, lint_source(text, shown, config, ruleset, rules, keep_text=keep_text, timing=timing), None))
            progress(1)
    keys = {i: key for i, _, _, key in todo}
    for i, result, per_rule in done:
        results[i] = result
        if per_rule and timing is not None:
            for rid, secs in per_rule.items():
                timing.add(rid, secs)
        if cache is not None and keys.get(i) is not None:
            cache.put(keys[i], result.diagnostics, result.document_date, result.date_source)


def chunk(todo: list, jobs: int) -> list[list]:
    """Consecutive, roughly equal-sized (in characters) chunks; a big file gets its own."""
    total = sum(len(t[2]) for t in todo)
    target = max(1, total // max(1, jobs * CHUNKS_PER_JOB))
    chunks: list[list] = []
    current: list = []
    size = 0
    for item in todo:
        current.append(item)
        size += len(item[2])
        if size >= target:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


class _LazyPool:
    """The worker pool, started on first use and shared by all windows of one run."""

    def __init__(self, config, rules, jobs, keep_text, timed):
        self.jobs = jobs
        self.init_args = (config, [r.id for r in rules], keep_text, timed)
        self.executor = None
        self.broken = False

    def get(self, chunks: int):
        if self.executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(max_workers=min(self.jobs, max(1, chunks)), mp_context=_context(),
                                                initializer=_init, initargs=self.init_args)
        return self.executor

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _run_pool(todo, pool: _LazyPool, progress):
    """Results of ``todo`` from the worker pool, in order; None if the pool broke."""
    from concurrent.futures.process import BrokenProcessPool

    chunks = chunk([(i, shown, text) for i, shown, text, _ in todo], pool.jobs)
    try:
        out = []
        for part in pool.get(len(chunks)).map(_lint_chunk, chunks):
            out.extend(part)
            progress(len(part))
        return out
    except (BrokenProcessPool, OSError):
        pool.broken = True
        return None  # lint serially instead


def _context():
    import multiprocessing

    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


_STATE: tuple | None = None


def _init(config, rule_ids, keep_text, timed) -> None:
    """Per worker: the rule set (inherited when forked, loaded once otherwise)."""
    global _STATE
    ruleset = rules_for(config)
    by_id = ruleset.by_id()
    _STATE = (config, ruleset, [by_id[r] for r in rule_ids], keep_text, timed)


def _lint_chunk(items) -> list[tuple[int, FileResult, dict | None]]:
    config, ruleset, rules, keep_text, timed = _STATE  # type: ignore[misc]
    out = []
    for i, shown, text in items:
        timing = Timing() if timed else None
        result = lint_source(text, shown, config, ruleset, rules, keep_text=keep_text, timing=timing)
        out.append((i, result, timing.per_rule if timing else None))
    return out
