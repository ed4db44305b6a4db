"""Run the linter over clean and injected articles (2 processes) and aggregate."""

from __future__ import annotations

import collections
import datetime as dt
import multiprocessing as mp
import random
import re
import time

from . import inject, score
from .corpus import Article

_RULE_INFO: dict[str, dict] | None = None


def rule_info() -> dict[str, dict]:
    """id -> {name, category, severity, default} for every built-in rule."""
    global _RULE_INFO
    if _RULE_INFO is None:
        import linter
        rs = linter.load_rules()  # the public API: the built-in pack
        _RULE_INFO = {r.id: {"name": r.name, "category": r.category, "severity": r.severity,
                             "default": bool(getattr(r, "enabled", True))} for r in rs.rules}
    return _RULE_INFO


def _config(date: dt.date | None, all_rules: bool):
    import linter
    kw = {"date": date}
    if all_rules:
        kw["select"] = ["ALL"]
    return linter.Config(**kw)


def _lint(text: str, path: str, date: dt.date | None, all_rules: bool) -> list[dict]:
    import linter
    info = rule_info()
    out = []
    for d in linter.lint_text(text, path=path, config=_config(date, all_rules)):
        out.append({
            "rule": d.rule, "name": d.name, "category": d.category, "severity": d.severity,
            "start": d.start, "end": d.end, "message": d.message,
            "related": [(r.start, r.end) for r in d.related],
            "default": info.get(d.rule, {}).get("default", True),
        })
    return out


def sentence_at(text: str, start: int, end: int, limit: int = 320) -> str:
    """The sentence(s) around a span, with the span marked **like this**."""
    lo = max(0, start - 400)
    s = max((m.end() for m in re.finditer(r'[.!?]["\u201d]?\s|\n', text[lo:start])), default=0) + lo
    m = re.compile(r'[.!?]["\u201d]?(?=\s)|\n').search(text, end)
    e = m.end() if m else len(text)
    before, mid, after = text[s:start], text[start:end], text[end:e]
    if len(before) > limit // 2:
        before = "…" + before[-limit // 2:]
    if len(after) > limit // 2:
        after = after[:limit // 2] + "…"
    return (before + "**" + mid + "**" + after).replace("\n", " ").strip()


def work(job: tuple) -> dict:
    """One article: lint the clean text, then each injected copy asked for."""
    art, types, seed, all_rules = job
    date = art.date_obj
    t0 = time.perf_counter()
    try:
        clean = _lint(art.text, f"{art.id}.txt", date, all_rules)
    except Exception as exc:  # a crash is a finding of the harness, not a stop
        return {"id": art.id, "error": f"{type(exc).__name__}: {exc}", "words": art.words}
    t_clean = time.perf_counter() - t0
    flagged = [{"rule": d["rule"], "name": d["name"], "category": d["category"],
                "severity": d["severity"], "default": d["default"], "message": d["message"],
                "text": art.text[d["start"]:d["end"]],
                "sentence": sentence_at(art.text, d["start"], d["end"])} for d in clean]
    copies, errors = [], []
    for inj in inject.inject_all(art.id, art.text, date, seed, types):
        try:
            diags = _lint(inj.text, f"{art.id}.txt", date, all_rules)
        except Exception as exc:
            errors.append(f"{inj.type}: {type(exc).__name__}: {exc}")
            continue
        row = {"type": inj.type, "id": art.id, "before": inj.before, "after": inj.after,
               "site": list(inj.site) if inj.site else None,
               "context": " … ".join(sentence_at(inj.text, a, b) for a, b in inj.spans[:2])
               if inj.two_sided else sentence_at(inj.text, inj.spans[0][0], inj.spans[-1][1])}
        for view, ds in (("all", diags), ("default", [d for d in diags if d["default"]])):
            cl = clean if view == "all" else [d for d in clean if d["default"]]
            row[view] = score.score_copy(cl, ds, inj.spans, inj.category, inj.two_sided,
                                         inj.to_original)
        copies.append(row)
    return {"id": art.id, "corpus": art.corpus, "words": art.words, "clean": flagged,
            "copies": copies, "errors": errors, "seconds": time.perf_counter() - t0,
            "seconds_clean": t_clean}


def plan(articles: list[Article], fa_ids: set[str], per_type: int | None, seed: int,
         types: list[str] | None = None) -> dict:
    """Which error types to inject into which article.

    Every article of the false-alarm sample gets every type it has a site for,
    up to ``per_type`` copies per type; a type short of copies there is topped up
    from the rest of the corpus (seeded order), so rare types still get a
    usable number of cases. ``per_type=None``: every site in the sample, no top-up.
    """
    rest = [a for a in articles if a.id not in fa_ids]
    random.Random(f"plan-{seed}").shuffle(rest)
    order = [a for a in articles if a.id in fa_ids] + (rest if per_type else [])
    need = {t: per_type if per_type else 10**9 for t in (types or inject.INJECTORS)}
    out: dict[str, list[str]] = {}
    for a in order:
        wanted = [t for t, n in need.items() if n > 0]
        if not wanted and a.id not in fa_ids:
            break
        got = [i.type for i in inject.inject_all(a.id, a.text, a.date_obj, seed, wanted)] if wanted else []
        if got or a.id in fa_ids:   # every clean article of the sample is linted
            out[a.id] = got
        for t in got:
            need[t] -= 1
    return out


def run(articles: list[Article], fa_ids: set[str], per_type: int | None, seed: int,
        jobs: int, all_rules: bool, log=print, types: list[str] | None = None) -> list[dict]:
    by_id = {a.id: a for a in articles}
    t0 = time.perf_counter()
    todo = plan(articles, fa_ids, per_type, seed, types)
    log(f"planned {sum(map(len, todo.values()))} injected copies over {len(todo)} articles "
        f"({time.perf_counter() - t0:.1f}s)")
    job_list = [(by_id[i], types, seed, all_rules) for i, types in todo.items()]
    # big articles first so the pool's tail is short
    job_list.sort(key=lambda j: -(j[0].words * (1 + len(j[1]))))
    rule_info()  # fail early, in the parent, if the linter cannot load its rules
    results = []
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs) as pool:
        for i, r in enumerate(pool.imap_unordered(work, job_list, chunksize=2), 1):
            r["fa"] = r["id"] in fa_ids
            results.append(r)
            if i % 100 == 0:
                log(f"  {i}/{len(job_list)} articles, {time.perf_counter() - t0:.0f}s")
    results.sort(key=lambda r: r["id"])
    return results


def load_judgments(path) -> dict[tuple[str, str, str], str]:
    """(article, rule, flagged text) -> 'slip' | 'false-alarm', from eval/judged.yaml.

    A 'slip' is a flag that a person judged right (a real error in the published
    text); a 'false-alarm' one judged wrong. Each entry may carry a one-line ``note``
    saying why; the test suite requires one for contradiction and attribution rules.
    """
    import yaml
    try:
        items = yaml.safe_load(open(path, encoding="utf-8")) or []
    except FileNotFoundError:
        return {}
    return {(j["article"], j["rule"], j["text"]): j["verdict"] for j in items}


def load_injection_judgments(path) -> dict[tuple, str]:
    """(error type, article, site) -> 'fair' | 'unfair', from eval/judged_injections.yaml.

    One section per error type. 'fair': the injected copy really has the error (a rule is
    right to be expected to flag it); 'unfair': the injection did not make it (a quote whose
    cue was removed still has a speaker a reader finds next to it; two figures that only
    happen to be equal). ``site`` is the pair of offsets of a two-sided injection (None for
    the others). Judged on the default run (seed 0); other runs inject other copies, which
    count as unjudged."""
    import yaml
    try:
        data = yaml.safe_load(open(path, encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    return {(t, j["article"], tuple(j["site"]) if j.get("site") else None): j["verdict"]
            for t, items in data.items() for j in items or ()}


def fairness_of(fairness: dict, copy: dict) -> str | None:
    """The verdict on one injected copy: by its site where judged so, else by its article."""
    site = tuple(copy["site"]) if copy.get("site") else None
    return fairness.get((copy["type"], copy["id"], site)) or fairness.get((copy["type"], copy["id"], None))


def hand_precision(counts: dict) -> float | None:
    """Share of judged flags that were right: slips / (slips + false alarms)."""
    judged = counts.get("slip", 0) + counts.get("false-alarm", 0)
    return round(counts.get("slip", 0) / judged, 3) if judged else None


def aggregate(results: list[dict], view: str = "default", judged: dict | None = None,
              fairness: dict | None = None) -> dict:
    """Figures for one view: 'default' (rules on by default) or 'all'. Flags on
    clean text that a person judged a real slip of the published text
    (``judged``) are counted as ``slips``, not as false alarms. Injected copies judged
    fair or unfair by hand (``fairness``) give each type a recall on fair cases."""
    fairness = fairness or {}
    judged = judged or {}
    fa = [r for r in results if r.get("fa") and "clean" in r]
    words = sum(r["words"] for r in fa)
    keep = (lambda d: d["default"]) if view == "default" else (lambda d: True)
    per_rule: dict[str, dict] = {}
    per_cat: dict[str, dict] = collections.defaultdict(lambda: {"ew": 0, "info": 0, "slips": 0, "hand": {}})
    for r in fa:
        for d in r["clean"]:
            if not keep(d):
                continue
            k = "info" if d["severity"] == "info" else "ew"
            verdict = judged.get((r["id"], d["rule"], d.get("text")))
            pr = per_rule.setdefault(d["rule"], {"name": d["name"], "category": d["category"],
                                                  "severity": d["severity"], "default": d["default"],
                                                  "ew": 0, "info": 0, "slips": 0, "hand": {}})
            # hand verdicts per severity class: {"ew": {"slip": n, "false-alarm": n, "unjudged": n}}
            for x in (pr, per_cat[d["category"]]):
                h = x["hand"].setdefault(k, {"slip": 0, "false-alarm": 0, "unjudged": 0})
                h[verdict or "unjudged"] += 1
                x["slips" if verdict == "slip" else k] += 1
    for x in [*per_rule.values(), *per_cat.values()]:
        x["hand_precision_ew"] = hand_precision(x["hand"].get("ew", {}))
        x["ew_per_1k"] = score.per_thousand(x["ew"], words)
        x["info_per_1k"] = score.per_thousand(x["info"], words)
    copies = [c for r in results for c in r.get("copies", ())]
    rec = score.recall_table([{"type": c["type"], "level": c[view]["level"]} for c in copies])
    per_article = 1000 * len(fa) / words if words else 0.0   # articles per 1,000 words
    for t, v in rec.items():
        mine = [c for c in copies if c["type"] == t]
        verdicts = [fairness_of(fairness, c) for c in mine]
        fair = [c for c, x in zip(mine, verdicts) if x == "fair"]
        v["fair_cases"] = len(fair)
        v["unfair_cases"] = sum(1 for x in verdicts if x == "unfair")
        v["unjudged_cases"] = sum(1 for x in verdicts if x is None)
        v["fair_hits"] = sum(1 for c in fair if c[view]["level"] is not None)
        v["recall_fair"] = round(v["fair_hits"] / len(fair), 3) if fair else None
        v["ci95_fair"] = score.wilson(v["fair_hits"], len(fair))
        v["category"] = inject.CATEGORY[t]
        # precision an editor would see if every article carried one such slip:
        # hits per article against the category's false alarms per clean article
        fa_per_article = per_cat.get(v["category"], {}).get("ew_per_1k", 0.0) / per_article if per_article else 0.0
        hit = v["recall_any"] or 0.0
        v["precision_at_one_slip_per_article"] = round(hit / (hit + fa_per_article), 3) if hit + fa_per_article else None
    prec = score.precision_table(d for c in copies for d in c[view]["new"])
    prec_rule = score.precision_table({**d, "category": d["rule"]} for c in copies for d in c[view]["new"])
    confusion: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for c in copies:
        for cat in c[view]["flagged_as"] or ["(none)"]:
            confusion[c["type"]][cat] += 1
    return {
        "clean_articles": len(fa), "clean_words": words,
        "false_alarms": {
            "total_ew_per_1k": score.per_thousand(sum(x["ew"] for x in per_cat.values()), words),
            "total_info_per_1k": score.per_thousand(sum(x["info"] for x in per_cat.values()), words),
            "per_category": dict(sorted(per_cat.items())),
            "per_rule": dict(sorted(per_rule.items())),
        },
        "recall": dict(sorted(rec.items())),
        "precision": dict(sorted(prec.items())),
        "precision_per_rule": dict(sorted(prec_rule.items())),
        "confusion": {t: dict(c) for t, c in sorted(confusion.items())},
    }
