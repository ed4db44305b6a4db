"""`python -m eval`: fetch the corpora (once), lint clean and injected news,
print the accuracy table and write eval/out/results.json and eval/out/report.md."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from . import corpus, inject

DEFAULT_SAMPLE = 400   # clean articles in the false-alarm sample
DEFAULT_PER_TYPE = 100  # injected copies per error type


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    ap.add_argument("--full", action="store_true",
                    help="every article (about 2,300) and every injection site (about 6x the default run)")
    ap.add_argument("--sample", type=int, default=DEFAULT_SAMPLE,
                    help=f"clean articles in the false-alarm sample (default {DEFAULT_SAMPLE})")
    ap.add_argument("--per-type", type=int, default=DEFAULT_PER_TYPE,
                    help=f"injected copies per error type (default {DEFAULT_PER_TYPE})")
    ap.add_argument("--split", choices=corpus.SPLITS, default="test",
                    help="which half of the corpora: 'test' (default; the figures the README "
                         "reports, never looked at while tuning), 'dev' (tune on it) or 'all'")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--types", default=None, metavar="T1,T2",
                    help="only these error types (default: all): " + ", ".join(inject.INJECTORS))
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--cache", type=Path, default=None,
                    help="corpus cache (default $FACTLINT_EVAL_CACHE or ~/.cache/factlint-eval)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    ap.add_argument("--fetch-only", action="store_true", help="fetch and extract the corpora, then stop")
    ap.add_argument("--show", action="store_true",
                    help="print the table of the last run (OUT/results.json) and stop")
    args = ap.parse_args(argv)
    types = args.types.split(",") if args.types else None
    if types and set(types) - set(inject.INJECTORS):
        ap.error(f"unknown error type(s): {', '.join(sorted(set(types) - set(inject.INJECTORS)))}")
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    if args.show:
        from . import report
        try:
            last = json.loads((args.out / "results.json").read_text())
        except (OSError, ValueError) as exc:
            print(f"eval: error: no results to show ({exc}); run `python -m eval` first", file=sys.stderr)
            return 2
        print(report.summary_table(last["default_rules"]))
        return 0

    try:
        folder = corpus.ensure_corpus(args.cache, log=log)
    except corpus.CorpusError as exc:
        print(f"eval: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"eval: error: cannot write the corpus cache: {exc}", file=sys.stderr)
        return 2
    articles, stats = corpus.load_articles(folder)
    log(f"corpus: {len(articles)} articles in {folder} "
        + ", ".join(f"{k}: kept {v['kept']} of {v['rows']} ({v['damaged']} encoding-damaged)"
                    for k, v in stats.items()))
    if args.fetch_only:
        return 0

    try:
        import linter
        from . import report, run
        run.rule_info()
    except Exception as exc:  # the linter is another package; say what is wrong in one line
        print(f"eval: error: cannot load the linter: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2

    articles = corpus.in_split(articles, args.split)
    log(f"split: {args.split}, {len(articles)} articles")
    fa = corpus.sample(articles, None if args.full else args.sample, args.seed)
    fa_ids = {a.id for a in fa}
    t0 = time.perf_counter()
    results = run.run(articles, fa_ids, None if args.full else args.per_type, args.seed,
                      args.jobs, all_rules=True, log=log, types=types)
    seconds = time.perf_counter() - t0
    judged = run.load_judgments(Path(__file__).resolve().parent / "judged.yaml")
    fairness = run.load_injection_judgments(Path(__file__).resolve().parent / "judged_injections.yaml")
    default, every = (run.aggregate(results, "default", judged, fairness),
                      run.aggregate(results, "all", judged, fairness))
    from . import policy
    gate = policy.gate(every)
    meta = {"linter_version": linter.__version__, "split": args.split, "articles": len(results),
            "clean_articles": len(fa), "copies": sum(len(r.get("copies", ())) for r in results),
            "seconds": seconds, "jobs": args.jobs}
    args.out.mkdir(parents=True, exist_ok=True)
    doc = {"version": 1, "split": args.split, "seed": args.seed, "full": args.full, "sample": args.sample,
           "per_type": None if args.full else args.per_type, **meta, "corpus": stats,
           "default_rules": default, "all_rules": every, "gate": gate,
           # every flag on the clean sample, for a person to judge (eval/judged.yaml)
           "clean_flags": [{"article": r["id"], "rule": d["rule"], "severity": d["severity"],
                            "text": d.get("text"), "sentence": d["sentence"], "message": d["message"],
                            "judged": judged.get((r["id"], d["rule"], d.get("text")))}
                           for r in results if r.get("fa") for d in r.get("clean", ())],
           # every injected case whose fairness a person judges (eval/judged_injections.yaml)
           "injected_cases": [{"article": c["id"], "type": c["type"], "site": c["site"], "before": c["before"],
                               "after": c["after"], "context": c["context"], "hit": c["default"]["level"] is not None,
                               "judged": run.fairness_of(fairness, c)}
                              for r in results for c in r.get("copies", ())],
           "crashes": [{"id": r["id"], "error": e} for r in results
                       for e in ([r["error"]] if "error" in r else r.get("errors", []))]}
    (args.out / "results.json").write_text(json.dumps(doc, indent=1) + "\n")
    report.write_report(args.out / "report.md", meta, default, every, results, args.seed, gate, judged)
    print(f"factlint {linter.__version__} on the {args.split} split: {meta['clean_articles']} clean news articles "
          f"({default['clean_words']:,} words) and {meta['copies']} injected copies, "
          f"{seconds:.0f}s on {args.jobs} processes; rules on by default:\n")
    print(report.summary_table(default))
    for view, agg in (("rules on by default", default), ("every rule", every)):
        fair = report.fair_recall_lines(agg)
        if fair:
            print(f"\nRecall on injected copies judged fair by hand (eval/judged_injections.yaml), {view}:\n" + fair)
    print("\nPrecision judged by hand on the clean originals (errors+warnings, rules on by default):\n")
    print(report.hand_table(default))
    bad = {k: v for k, v in gate.items() if not v["complies"]}
    if bad:
        print("\nDefault-severity gate: " + "; ".join(
            f"{k} {v['name']} should be {v['verdict']} ({v['reason']})" for k, v in sorted(bad.items())))
    print(f"\nwrote {args.out / 'results.json'} and {args.out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
