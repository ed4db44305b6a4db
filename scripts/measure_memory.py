"""Peak memory (RSS) and time of factlint on a huge single-line file and a 5 MB folder.

    python scripts/measure_memory.py [--file-mb 20] [--folder-mb 5] [--jobs 1] [--keep DIR]

Builds the inputs from the seed article in a temporary folder (nothing is downloaded):

* one file of FILE_MB megabytes that is a single line (the seed's prose with its line
  breaks turned into spaces, repeated), the worst case for per-line structures;
* a folder of FOLDER_MB megabytes of ordinary articles (seed copies with varied numbers).

Each run is the real CLI (`python -m linter --select ALL --no-cache --format json`) in a
child process; its peak RSS comes from ``getrusage(RUSAGE_CHILDREN)`` (Linux: kilobytes).
With ``--jobs N`` > 1 the figure is the largest single process, not the sum.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seed_text() -> str:
    return next(iter(sorted((ROOT / "seeds").glob("*.txt")))).read_text(encoding="utf-8")


def build_line(path: Path, megabytes: float) -> None:
    unit = " ".join(seed_text().split()) + " "
    size = int(megabytes * 1024 * 1024)
    with open(path, "w", encoding="utf-8") as fh:
        written = 0
        while written < size:
            chunk = unit[: size - written]
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))


def build_folder(folder: Path, megabytes: float) -> None:
    base = seed_text()
    rng = random.Random(7)
    size, n = int(megabytes * 1024 * 1024), 0
    written = 0
    while written < size:
        text = "".join(str(rng.randint(2, 99999)) if ch.isdigit() and rng.random() < 0.3 else ch for ch in base)
        sub = folder / f"batch{n // 100:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article{n:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        n += 1


def measure(args: list[str]) -> tuple[float, float, int, int]:
    """(seconds, peak RSS MB of the child, exit code, bytes of output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, env=env)
    took = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if "Traceback" in proc.stderr.decode("utf-8", "replace"):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
    if peak <= before:
        sys.stderr.write("note: peak RSS not above an earlier child's; run each measurement on its own\n")
    return took, peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024, proc.returncode, len(proc.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file-mb", type=float, default=20)
    ap.add_argument("--folder-mb", type=float, default=5)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--only", choices=("file", "folder"))
    ap.add_argument("--keep", metavar="DIR", help="build the inputs here and keep them")
    opts = ap.parse_args()
    work = Path(opts.keep) if opts.keep else Path(tempfile.mkdtemp(prefix="factlint-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    # a config of its own: no user config applies, and the size limit is raised for big experiments
    config = work / "factlint-measure.yaml"
    config.write_text(f"max-file-size: {max(25 * 1024 * 1024, int(opts.file_mb * 1024 * 1024) + 1)}\n", encoding="utf-8")
    common = ["--config", str(config), "--select", "ALL", "--no-cache", "--format", "json", "--jobs", str(opts.jobs)]
    limit: list[str] = []
    rows = []
    if opts.only in (None, "file"):
        big = work / "one-line.txt"
        if not big.exists():
            build_line(big, opts.file_mb)
        took, peak, code, out = measure([*common, *limit, str(big)])
        rows.append((f"{opts.file_mb:g} MB single line", big.stat().st_size, took, peak, code, out))
    if opts.only in (None, "folder"):
        folder = work / "folder"
        if not folder.exists():
            folder.mkdir()
            build_folder(folder, opts.folder_mb)
        size = sum(p.stat().st_size for p in folder.rglob("*.txt"))
        took, peak, code, out = measure([*common, str(folder)])
        rows.append((f"{opts.folder_mb:g} MB folder ({sum(1 for _ in folder.rglob('*.txt'))} files)", size, took, peak,
                     code, out))
    print(f"{'input':34} {'bytes':>12} {'seconds':>8} {'peak RSS':>10} {'exit':>4} {'report':>10}")
    for name, size, took, peak, code, out in rows:
        print(f"{name:34} {size:12,} {took:8.1f} {peak:8.0f} MB {code:4d} {out:10,}")
    print(f"(python {sys.version.split()[0]}, {sys.platform}, --jobs {opts.jobs}; inputs in {work})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
