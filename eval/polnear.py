"""PolNeAR: attribution findings scored against human annotations of real news.

PolNeAR (Newell, Margolin & Ruths, LREC 2018; https://github.com/networkdynamics/PolNeAR)
is 1,008 US political news articles (2015-16; NYT, Washington Post, USA Today, Politico,
Breitbart, HuffPost, Western Journal) in which trained annotators marked every
attribution -- its source, cue and content -- as brat character offsets. Nobody on
this project wrote a rule for it, so it tells how the attribution rules hold on text
they were not tuned on. Tune on ``train`` only; ``dev`` and ``test`` are reported.

The articles are publishers' copyright, for evaluation only: they are never committed.
The harness cannot reach GitHub, so a copy comes from a clone given by path::

    git clone https://github.com/networkdynamics/PolNeAR /tmp/PolNeAR
    python -m eval.polnear --fetch /tmp/PolNeAR          # a clone, its .git, or a bare mirror
    python -m eval.polnear --split dev                    # train | dev | test (default) | all

The copy goes to ``$FACTLINT_POLNEAR`` or ``~/.cache/factlint-eval/polnear``
(``$FACTLINT_EVAL_CACHE/polnear``). Each article is linted as plain text with every rule
selected and its publication date from ``data/metadata.tsv`` as the document date.

What is scored (see :func:`score_article`):

* **A101** (a quote with no speaker): a finding is *false* when at least half of the
  quote's words lie in content the annotators attributed to a source (an attribution
  with a Source span, quote or paraphrase); otherwise it is counted *true* -- an upper
  bound, since annotators miss some attributions and a quoted name is not speech
  (hence the hand check, ``eval/polnear_judged.yaml``).
* **A103** (vague source): *true* when the speaker it names overlaps an annotated
  Source span (a fixed weasel phrase such as "reportedly", which names nobody, may
  overlap the Cue instead). Coverage is the number of annotated attributions a true
  finding points at.
* **A102** / **A104**: *false* when the words lie in annotated content (someone is
  said to hold the judgement or to give the figure); the rest are left for the hand
  check.
* every rule: errors + warnings and infos per 1,000 words.
"""

from __future__ import annotations

import argparse
import collections
import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import multiprocessing as mp
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

SPLITS = ("train", "dev", "test")
# articles per split in PolNeAR v1.0.0 (commit c3eee83 of networkdynamics/PolNeAR)
EXPECTED = {"train": 840, "dev": 84, "test": 84}
# data/metadata.tsv of that version: the copy is refused if it differs (another version, other splits)
METADATA_SHA256 = "f3ac2352dcac7c432ee05eaca9fa32195f602450823b93c964e7ba7b8ba9f4c3"
CLONE_HINT = ("git clone https://github.com/networkdynamics/PolNeAR (or the library's fetch), "
              "then `python -m eval.polnear --fetch PATH` with the clone's path")
ATTRIBUTION_RULES = ("A101", "A102", "A103", "A104")


class PolnearError(Exception):
    """PolNeAR is missing or not what was expected (message is one clear line)."""


def cache_dir() -> Path:
    env = os.environ.get("FACTLINT_POLNEAR")
    if env:
        return Path(env).expanduser()
    from .corpus import cache_dir as eval_cache

    return eval_cache() / "polnear"


# --------------------------------------------------------------------------- fetch


def _git(git_dir: Path, *args: str) -> bytes:
    try:
        proc = subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PolnearError(f"cannot run git on {git_dir}: {exc}") from None
    if proc.returncode != 0:
        last = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
        raise PolnearError(f"git on {git_dir} failed: {last}")
    return proc.stdout


def _git_batch(git_dir: Path, ids: bytes) -> bytes:
    try:
        proc = subprocess.run(["git", "--git-dir", str(git_dir), "cat-file", "--batch"], input=ids,
                              capture_output=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PolnearError(f"cannot run git on {git_dir}: {exc}") from None
    if proc.returncode != 0:
        raise PolnearError(f"git cat-file on {git_dir} failed")
    return proc.stdout


def _wanted(path: str) -> bool:
    parts = path.split("/")
    return path == "data/metadata.tsv" or (
        len(parts) == 4 and parts[0] == "data" and parts[1] in SPLITS
        and (parts[2], Path(parts[3]).suffix) in (("text", ".txt"), ("attributions", ".ann")))


def _read_source(source: Path) -> tuple[dict[str, bytes], str]:
    """PolNeAR's data files from a work tree, a clone's .git or a bare mirror; and where from."""
    source = source.expanduser()
    if (source / "data" / "metadata.tsv").is_file():  # a work tree
        files = {}
        for p in (source / "data").rglob("*"):
            rel = p.relative_to(source).as_posix()
            if p.is_file() and _wanted(rel):
                files[rel] = p.read_bytes()
        return files, str(source)
    git_dir = source / ".git" if (source / ".git").exists() else source
    if not (git_dir / "HEAD").is_file():
        raise PolnearError(f"{source} is neither a PolNeAR clone nor its git directory; {CLONE_HINT}")
    commit = _git(git_dir, "rev-parse", "HEAD").decode().strip()
    # only the files wanted, by blob id, in one `git cat-file --batch` (a mirror may lack
    # the large files PolNeAR also holds -- CoreNLP parses, PDFs -- so no `git archive`)
    listing = _git(git_dir, "ls-tree", "-r", "-z", "HEAD", "data").decode("utf-8").split("\0")
    blobs = {}
    for row in listing:
        meta, _, path = row.partition("\t")
        if path and _wanted(path):
            blobs[path] = meta.split()[2]
    batch = _git_batch(git_dir, "".join(b + "\n" for b in blobs.values()).encode())
    files, pos = {}, 0
    for path, blob in blobs.items():
        header_end = batch.index(b"\n", pos)
        header = batch[pos:header_end].split()
        if len(header) != 3:  # "<id> missing"
            raise PolnearError(f"{git_dir}: {path} is missing from this copy; {CLONE_HINT}")
        size = int(header[2])
        files[path] = batch[header_end + 1:header_end + 1 + size]
        pos = header_end + 1 + size + 1
    return files, f"{source} at {commit}"


def fetch(source: Path, dest: Path | None = None, log=print) -> Path:
    """Copy PolNeAR's texts, annotations and metadata from ``source`` into the cache."""
    dest = dest or cache_dir()
    files, origin = _read_source(Path(source))
    if "data/metadata.tsv" not in files:
        raise PolnearError(f"{source}: no data/metadata.tsv; {CLONE_HINT}")
    digest = hashlib.sha256(files["data/metadata.tsv"]).hexdigest()
    if digest != METADATA_SHA256:
        raise PolnearError(f"{source}: data/metadata.tsv has SHA-256 {digest}, not PolNeAR v1.0.0's; refusing it")
    counts = collections.Counter(p.split("/")[1] for p in files if p.endswith(".txt"))
    for split, n in EXPECTED.items():
        if counts[split] != n:
            raise PolnearError(f"{source}: {counts[split]} {split} articles, expected {n} (PolNeAR v1.0.0)")
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for rel, data in files.items():
        out = tmp / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    (tmp / "manifest.json").write_text(json.dumps({
        "origin": origin, "files": len(files),
        "metadata_sha256": digest,
        "articles": dict(sorted(counts.items()))}, indent=1) + "\n")
    shutil.rmtree(dest, ignore_errors=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp.replace(dest)
    log(f"PolNeAR: {sum(counts.values())} articles from {origin} copied to {dest}")
    return dest


# --------------------------------------------------------------------------- load


@dataclasses.dataclass(frozen=True)
class Attribution:
    """One annotated attribution: its spans by role ((start, end) offsets into the text)."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


@dataclasses.dataclass(frozen=True)
class Article:
    name: str         # PolNeAR's file name, e.g. "nyt_2016-02-18_trump-fires-up-g-o-p-base-by-pri"
    split: str
    publisher: str
    date: str         # ISO publication date
    title: str
    text: str         # as linted (see prepare_text); same length and offsets as PolNeAR's file
    attributions: tuple[Attribution, ...]

    @property
    def words(self) -> int:
        return len(re.findall(r"\w+(?:['’]\w+)*", self.text))


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of a brat .ann file (``T`` spans joined by ``E`` events)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            pieces = []
            for piece in ranges.split(";"):
                a, _, b = piece.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    pieces.append((int(a), int(b)))
            spans[parts[0]] = (label, pieces)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
        for arg in args:
            role, _, tid = arg.partition(":")
            if tid in spans:
                roles[role.rstrip("0123456789")].extend(spans[tid][1])
        out.append(Attribution(tuple(roles["Source"]), tuple(roles["Cue"]), tuple(roles["Content"])))
    return out


def prepare_text(text: str, title: str) -> str:
    """The article as a reader sees it. PolNeAR's files put the headline on the first line
    with a full stop appended (for its sentence splitter); the stop is blanked (same length,
    so the annotation offsets hold) when the metadata's title has none, so the headline
    reads as a headline."""
    first, nl, rest = text.partition("\n")
    if first.endswith(".") and not title.rstrip().endswith(".") and first[:-1].strip() == title.strip()[:len(first) - 1].strip():
        return first[:-1] + " " + nl + rest
    return text


def load(folder: Path, splits=SPLITS) -> list[Article]:
    meta = {r["filename"]: r for r in csv.DictReader(
        io.StringIO((folder / "data" / "metadata.tsv").read_text(encoding="utf-8")), delimiter="\t")}
    out = []
    for split in splits:
        anns = collections.defaultdict(list)
        for p in sorted((folder / "data" / split / "attributions").glob("*.ann")):
            anns[p.stem.rsplit("_", 1)[0]].append(p)  # one file per annotator: NAME_<annotator>.ann
        for p in sorted((folder / "data" / split / "text").glob("*.txt")):
            m = meta.get(p.stem, {})
            attributions = []
            for ann in anns.get(p.stem, ()):  # several annotators: the union of their attributions
                attributions += parse_ann(ann.read_text(encoding="utf-8"))
            text = prepare_text(p.read_text(encoding="utf-8"), m.get("title", ""))
            out.append(Article(p.stem, split, m.get("publisher", ""), m.get("publication_date", ""),
                               m.get("title", ""), text, tuple(attributions)))
    return out


def ensure(folder: Path | None = None) -> Path:
    folder = folder or cache_dir()
    if not (folder / "manifest.json").is_file() or not (folder / "data" / "metadata.tsv").is_file():
        raise PolnearError(f"PolNeAR is not in {folder}: {CLONE_HINT}")
    return folder


# --------------------------------------------------------------------------- score


class Coverage:
    """Which characters of a text lie in a set of spans (a bytearray mask: linear)."""

    def __init__(self, length: int, spans):
        self.mask = bytearray(length)
        for s, e in spans:
            self.mask[max(0, s):max(0, min(e, length))] = b"\x01" * (max(0, min(e, length)) - max(0, s))

    def share(self, text: str, start: int, end: int) -> float:
        """Share of the word characters of ``text[start:end]`` that are covered."""
        idx = [i for i in range(start, end) if text[i].isalnum()]
        return sum(self.mask[i] for i in idx) / len(idx) if idx else 0.0

    def touches(self, start: int, end: int) -> bool:
        return any(self.mask[start:end])


def _weasel_phrases() -> set[str]:
    import linter

    lists = linter.load_rules().wordlists
    return {str(w).lower() for w in lists.get("weasel-phrases", [])}


def score_article(art: Article, diags: list[dict], weasels: set[str]) -> list[dict]:
    """Each diagnostic of an attribution rule with an automatic verdict: 'true', 'false'
    or None (no automatic verdict: judged by hand only) and the reason."""
    text = art.text
    sourced = [a for a in art.attributions if a.source]
    content = Coverage(len(text), [s for a in sourced for s in a.content])
    sources = Coverage(len(text), [s for a in art.attributions for s in a.source])
    cues = Coverage(len(text), [s for a in art.attributions for s in a.cue])
    out = []
    for d in diags:
        rule, s, e = d["rule"], d["start"], d["end"]
        verdict = reason = None
        if rule == "A101":
            q0, q1 = s + 1, max(s + 1, e - 1)  # the quote's words, without its marks
            share = content.share(text, q0, q1)
            verdict = "false" if share >= 0.5 else "true"
            reason = f"{share:.0%} of the quote in sourced content"
        elif rule == "A103":
            found = text[s:e]
            if sources.touches(s, e):
                verdict, reason = "true", "overlaps an annotated source"
            elif " ".join(found.lower().split()) in weasels and cues.touches(s, e):
                verdict, reason = "true", "weasel phrase on an annotated cue"
            else:
                verdict, reason = "false", "no annotated source there"
        elif rule in ("A102", "A104"):
            share = content.share(text, s, e)
            if share >= 0.5 or sources.touches(s, e) or cues.touches(s, e):
                verdict, reason = "false", "inside an annotated attribution"
        out.append({**d, "auto": verdict, "why": reason})
    return out


def a103_coverage(art: Article, findings: list[dict]) -> int:
    """Annotated attributions that a true A103 finding points at (its source or cue)."""
    hits = [(f["start"], f["end"]) for f in findings if f["rule"] == "A103" and f["auto"] == "true"]
    n = 0
    for a in art.attributions:
        spans = a.source + a.cue
        if any(s < fe and fs < e for s, e in spans for fs, fe in hits):
            n += 1
    return n


# --------------------------------------------------------------------------- run


def _lint_one(art: Article) -> dict:
    import linter

    config = linter.Config(select=["ALL"], date=dt.date.fromisoformat(art.date) if art.date else None)
    diags = [{"rule": d.rule, "severity": d.severity, "start": d.start, "end": d.end, "message": d.message}
             for d in linter.lint_text(art.text, path=art.name + ".txt", config=config)]
    findings = score_article(art, diags, _WEASELS)
    return {"name": art.name, "split": art.split, "publisher": art.publisher, "words": art.words,
            "findings": findings, "a103_coverage": a103_coverage(art, findings),
            "sourced_attributions": sum(1 for a in art.attributions if a.source)}


_WEASELS: set[str] = set()


def _init():
    global _WEASELS
    _WEASELS = _weasel_phrases()


def run(articles: list[Article], jobs: int = 1) -> list[dict]:
    _init()
    if jobs <= 1:
        return [_lint_one(a) for a in articles]
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs, initializer=_init) as pool:
        return list(pool.imap(_lint_one, articles, chunksize=4))


def load_judgments(path: Path) -> dict[tuple[str, str, int], dict]:
    """(article, rule, start) -> {verdict, note}: findings on PolNeAR judged by hand.

    Keyed by offsets, not by the flagged words, so no publisher text is committed."""
    import yaml

    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        return {}
    return {(j["article"], j["rule"], int(j["start"])): j for j in items}


def summarise(results: list[dict], judged: dict) -> dict:
    words = sum(r["words"] for r in results)
    per_rule: dict[str, dict] = {}
    for r in results:
        for f in r["findings"]:
            x = per_rule.setdefault(f["rule"], {"ew": 0, "info": 0, "true": 0, "false": 0, "unscored": 0,
                                                "hand_right": 0, "hand_wrong": 0, "articles": set()})
            x["info" if f["severity"] == "info" else "ew"] += 1
            x[f["auto"] if f["auto"] else "unscored"] += 1
            x["articles"].add(r["name"])
            j = judged.get((r["name"], f["rule"], f["start"]))
            if j:
                x["hand_right" if j["verdict"] == "slip" else "hand_wrong"] += 1
    for x in per_rule.values():
        x["articles"] = len(x["articles"])
        x["ew_per_1k"] = round(1000 * x["ew"] / words, 3) if words else 0.0
        x["info_per_1k"] = round(1000 * (x["info"]) / words, 3) if words else 0.0
        scored = x["true"] + x["false"]
        x["auto_precision"] = round(x["true"] / scored, 3) if scored else None
        hand = x["hand_right"] + x["hand_wrong"]
        x["hand_precision"] = round(x["hand_right"] / hand, 3) if hand else None
    attribution_ew = sum(per_rule.get(k, {}).get("ew", 0) for k in ATTRIBUTION_RULES)
    return {"articles": len(results), "words": words, "per_rule": dict(sorted(per_rule.items())),
            "attribution_ew": attribution_ew,
            "attribution_ew_per_1k": round(1000 * attribution_ew / words, 3) if words else 0.0,
            "a103_coverage": sum(r["a103_coverage"] for r in results),
            "sourced_attributions": sum(r["sourced_attributions"] for r in results),
            "a101_per_article": collections.Counter(
                sum(1 for f in r["findings"] if f["rule"] == "A101") for r in results)}


def table(summary: dict, split: str) -> str:
    lines = [f"PolNeAR {split}: {summary['articles']} articles, {summary['words']:,} words "
             f"({summary['sourced_attributions']:,} annotated attributions with a source)", "",
             "| rule | err+warn | /1k words | info | /1k words | auto true/false | auto precision | hand right/wrong |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for rule, x in summary["per_rule"].items():
        auto = f"{x['true']}/{x['false']}" if x["true"] + x["false"] else "–"
        prec = f"{x['auto_precision']:.0%}" if x["auto_precision"] is not None else "–"
        hand = f"{x['hand_right']}/{x['hand_wrong']}" if x["hand_right"] + x["hand_wrong"] else "–"
        lines.append(f"| {rule} | {x['ew']} | {x['ew_per_1k']:.2f} | {x['info']} | {x['info_per_1k']:.2f} "
                     f"| {auto} | {prec} | {hand} |")
    lines += ["", f"attribution errors+warnings: {summary['attribution_ew']} "
              f"({summary['attribution_ew_per_1k']:.2f} per 1,000 words); "
              f"A103 coverage: {summary['a103_coverage']} annotated attributions pointed at",
              "A101 findings per article: " + ", ".join(
                  f"{k}: {v}" for k, v in sorted(summary["a101_per_article"].items()))]
    return "\n".join(lines)


def _excerpt(text: str, s: int, e: int, width: int = 110) -> str:
    return (text[max(0, s - width):s] + "[[" + text[s:e] + "]]" + text[e:e + width]).replace("\n", " ¶ ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.polnear", description=__doc__.split("\n\n")[0])
    ap.add_argument("--fetch", type=Path, metavar="PATH",
                    help="copy PolNeAR from a clone (its folder, its .git, or a bare mirror) into the cache")
    ap.add_argument("--split", choices=SPLITS + ("all",), default="test",
                    help="train (tune on it), dev or test (default; report only), or all")
    ap.add_argument("--cache", type=Path, default=None,
                    help="where the copy lives (default $FACTLINT_POLNEAR or ~/.cache/factlint-eval/polnear)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    ap.add_argument("--list", default=None, metavar="RULES",
                    help="print every finding of these rules (comma-separated) with its context and verdicts")
    args = ap.parse_args(argv)
    err = lambda msg: print(f"eval.polnear: error: {msg}", file=sys.stderr)  # noqa: E731
    try:
        if args.fetch is not None:
            fetch(args.fetch, args.cache, log=lambda m: print(m, file=sys.stderr))
            return 0
        folder = ensure(args.cache)
    except PolnearError as exc:
        err(exc)
        return 2
    except OSError as exc:
        err(f"cannot read or write the PolNeAR copy: {exc}")
        return 2
    splits = SPLITS if args.split == "all" else (args.split,)
    articles = load(folder, splits)
    t0 = time.perf_counter()
    results = run(articles, args.jobs)
    judged = load_judgments(Path(__file__).resolve().parent / "polnear_judged.yaml")
    summary = summarise(results, judged)
    print(table(summary, args.split))
    print(f"\n{time.perf_counter() - t0:.0f}s")
    if args.list:
        wanted = set(args.list.split(","))
        by_name = {a.name: a for a in articles}
        for r in results:
            for f in r["findings"]:
                if f["rule"] in wanted:
                    j = judged.get((r["name"], f["rule"], f["start"]))
                    hand = f" hand={j['verdict']}" if j else ""
                    print(f"\n{f['rule']} {r['name']} @{f['start']} auto={f['auto']} ({f['why']}){hand}\n  "
                          + _excerpt(by_name[r["name"]].text, f["start"], f["end"]))
    args.out.mkdir(parents=True, exist_ok=True)
    summary["a101_per_article"] = dict(summary["a101_per_article"])
    (args.out / f"polnear-{args.split}.json").write_text(json.dumps(
        {"split": args.split, "summary": summary, "articles": results}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
