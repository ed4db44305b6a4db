"""How well the HTML reader finds an article's prose on real pages.

    git clone https://github.com/adbar/trafilatura /tmp/trafilatura
    python -m eval.html_reader /tmp/trafilatura

trafilatura's evaluation set (``tests/evaldata.json``: ~1,000 real pages in ``tests/eval/``
and ``tests/cache/``, many languages) lists for each page snippets of its main text
("with") and of its boilerplate ("without": menus, footers, dates, share links). For
``linter.formats.html.read_html`` this reports:

* **text found**: the share of "with" snippets in the prose (recall of article text);
* **furniture kept**: the share of "without" snippets in the prose (boilerplate let in);
* **pages with no prose** (an F001 for the user).

Pages are split by a hash of their address into a dev half (look at it, tune on it) and a
test half (report it, never tune on it); ``--split dev|test|all``. The corpus is not
fetched by factlint (it is on no package registry): clone it yourself. Nothing is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _split_of(url: str) -> str:
    return "dev" if hashlib.sha256(url.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def measure(root: Path, split: str = "test", show: int = 0) -> dict:
    from linter.formats import FormatError
    from linter.formats.html import read_html

    data = json.loads((root / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    found = wanted = kept = unwanted = pages = empty = failed = 0
    seconds = size = 0.0
    misses = []
    for url, entry in sorted(data.items()):
        if split != "all" and _split_of(url) != split:
            continue
        path = next((p for p in (root / "tests" / "eval" / entry["file"], root / "tests" / "cache" / entry["file"])
                     if p.exists()), None)
        if path is None:
            continue
        source = _decode(path.read_bytes())
        if source is None:
            failed += 1
            continue
        pages += 1
        started = time.process_time()
        try:
            reading = read_html(source)
        except FormatError:
            failed += 1
            continue
        seconds += time.process_time() - started
        size += len(source.encode("utf-8"))
        prose = _norm(reading.text)
        empty += not reading.blocks
        for snippet in entry.get("with", []):
            wanted += 1
            hit = _norm(snippet) in prose
            found += hit
            if not hit:
                misses.append((entry["file"], snippet))
        for snippet in entry.get("without", []):
            unwanted += 1
            kept += _norm(snippet) in prose
    for file, snippet in misses[:show]:
        print(f"missed {file}: {snippet[:100]}", file=sys.stderr)
    return {"split": split, "pages": pages, "unreadable": failed, "no prose": empty,
            "text found": round(found / max(1, wanted), 3), "with snippets": wanted,
            "furniture kept": round(kept / max(1, unwanted), 3), "without snippets": unwanted,
            "seconds per MB": round(seconds / max(1e-9, size / 1e6), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.html_reader", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trafilatura", type=Path, help="a checkout of github.com/adbar/trafilatura")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N missed snippets (dev only)")
    args = ap.parse_args(argv)
    if not (args.trafilatura / "tests" / "evaldata.json").exists():
        sys.stderr.write(f"eval.html_reader: error: {args.trafilatura}: no tests/evaldata.json (clone trafilatura)\n")
        return 2
    print(json.dumps(measure(args.trafilatura, args.split, args.show if args.split == "dev" else 0), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
