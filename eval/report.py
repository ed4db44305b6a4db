"""Markdown tables and the report for a person to judge."""

from __future__ import annotations

import random

from . import inject


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def summary_table(agg: dict) -> str:
    """The headline table: per error type recall, per category precision and
    false alarms per 1,000 clean words."""
    fa = agg["false_alarms"]["per_category"]
    prec = agg["precision"]
    lines = ["| error type | category | cases | recall (any overlap) [95% CI] | recall (≥50%) | recall (exact) "
             "| precision (category) | false alarms /1k words (err+warn · info) |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for t in inject.INJECTORS:
        r = agg["recall"].get(t)
        cat = inject.CATEGORY[t]
        p = prec.get(cat, {})
        f = fa.get(cat, {"ew_per_1k": 0.0, "info_per_1k": 0.0})
        pr = f"{_pct(p.get('precision'))} ({p.get('tp', 0)}/{p.get('tp', 0) + p.get('fp', 0)})"
        if r is None:
            lines.append(f"| {t} | {cat} | 0 | – | – | – | {pr} | {f['ew_per_1k']:.2f} · {f['info_per_1k']:.2f} |")
            continue
        ci = r.get("ci95_any")
        ci = f" [{100 * ci[0]:.0f}–{100 * ci[1]:.0f}]" if ci else ""
        lines.append(f"| {t} | {cat} | {r['n']} | {_pct(r['recall_any'])}{ci} | {_pct(r['recall_half'])} | "
                     f"{_pct(r['recall_exact'])} | {pr} | {f['ew_per_1k']:.2f} · {f['info_per_1k']:.2f} |")
    tot = agg["false_alarms"]
    lines.append(f"\nAll categories on the clean originals ({agg['clean_articles']} articles, "
                 f"{agg['clean_words']:,} words): **{tot['total_ew_per_1k']:.2f}** errors+warnings "
                 f"and {tot['total_info_per_1k']:.2f} infos per 1,000 words.")
    return "\n".join(lines)


def fair_recall_lines(agg: dict) -> str:
    """One line per error type with copies judged fair or unfair by hand."""
    lines = []
    for t, r in sorted(agg["recall"].items()):
        if not (r.get("fair_cases") or r.get("unfair_cases")):
            continue
        ci = r.get("ci95_fair")
        ci = f" [{100 * ci[0]:.0f}–{100 * ci[1]:.0f}]" if ci else ""
        lines.append(f"- {t}: {_pct(r.get('recall_fair'))}{ci} ({r['fair_hits']}/{r['fair_cases']} fair cases); "
                     f"{r['unfair_cases']} judged unfair, {r['unjudged_cases']} not judged")
    return "\n".join(lines)


def rule_table(agg: dict) -> str:
    rows = agg["false_alarms"]["per_rule"]
    lines = ["| rule | name | category | severity | on by default | err+warn | /1k words | info | /1k words "
             "| judged real slips |",
             "|---|---|---|---|---|---:|---:|---:|---:|---:|"]
    for rid, r in sorted(rows.items(), key=lambda kv: -(kv[1]["ew"] + kv[1]["info"])):
        lines.append(f"| {rid} | {r['name']} | {r['category']} | {r['severity']} | "
                     f"{'yes' if r['default'] else 'no'} | {r['ew']} | {r['ew_per_1k']:.2f} | "
                     f"{r['info']} | {r['info_per_1k']:.2f} | {r.get('slips', 0)} |")
    return "\n".join(lines) if rows else "_No diagnostics on the clean originals._"


def hand_table(agg: dict) -> str:
    """Precision judged by hand on the clean originals: of each rule's errors+warnings,
    how many a person judged a real slip of the published text (eval/judged.yaml)."""
    rows = agg["false_alarms"]["per_rule"]
    lines = ["| rule | name | severity | err+warn on clean text | judged right | judged wrong | not judged "
             "| precision by hand |",
             "|---|---|---|---:|---:|---:|---:|---:|"]
    for rid, r in sorted(rows.items()):
        h = r.get("hand", {}).get("ew")
        if not h:
            continue
        n = sum(h.values())
        lines.append(f"| {rid} | {r['name']} | {r['severity']} | {n} | {h['slip']} | {h['false-alarm']} | "
                     f"{h['unjudged']} | {_pct(r.get('hand_precision_ew'))} |")
    return "\n".join(lines) if len(lines) > 2 else "_No errors or warnings on the clean originals._"


def editor_precision_table(agg: dict) -> str:
    lines = ["| error type | category | recall | false alarms per clean article | precision at one slip per article |",
             "|---|---|---:|---:|---:|"]
    n = agg["clean_articles"]
    for t, r in agg["recall"].items():
        f = agg["false_alarms"]["per_category"].get(r["category"], {}).get("ew", 0)
        lines.append(f"| {t} | {r['category']} | {_pct(r['recall_any'])} | {f / n if n else 0:.3f} | "
                     f"{_pct(r.get('precision_at_one_slip_per_article'))} |")
    return "\n".join(lines)


def rule_precision_table(agg: dict) -> str:
    rows = agg.get("precision_per_rule", {})
    if not rows:
        return "_No new diagnostics on the injected copies._"
    lines = ["| rule | new diagnostics on injected copies | touch the injected error | precision |",
             "|---|---:|---:|---:|"]
    for rid, p in sorted(rows.items()):
        lines.append(f"| {rid} | {p['tp'] + p['fp']} | {p['tp']} | {_pct(p['precision'])} |")
    return "\n".join(lines)


def confusion_table(agg: dict) -> str:
    cats = sorted({c for v in agg["confusion"].values() for c in v})
    if not cats:
        return ""
    lines = ["| error type | " + " | ".join(cats) + " |", "|---|" + "---:|" * len(cats)]
    for t, v in agg["confusion"].items():
        lines.append(f"| {t} | " + " | ".join(str(v.get(c, 0)) for c in cats) + " |")
    return "\n".join(lines)


def write_report(path, meta: dict, default: dict, all_rules: dict, results: list[dict],
                 seed: int, gate: dict | None = None, judged: dict | None = None,
                 per_rule_samples: int = 8, misses_per_type: int = 4) -> None:
    judged = judged or {}
    from . import policy
    rng = random.Random(f"report-{seed}")
    out = [
        "# factlint accuracy report",
        "",
        f"linter {meta['linter_version']} · {meta.get('split', 'all')} split · seed {seed} · "
        f"{meta['articles']} articles linted "
        f"({meta['clean_articles']} clean originals in the false-alarm sample) · "
        f"{meta['copies']} injected copies · {meta['seconds']:.0f}s on {meta['jobs']} processes",
        "",
        "Generated by `python -m eval`. Recall: a diagnostic of the expected category whose span "
        "(plus `related` spans; both sides for contradiction and duplication) covers the injected "
        "span. Precision: diagnostics new in the injected copy (absent on the clean original) that "
        "touch the injected error, per category. False alarms: diagnostics on the clean "
        "originals (published news, taken as correct) per 1,000 words.",
        "",
        "## Rules on by default",
        "",
        summary_table(default),
        "",
        "## Every rule (including those off by default)",
        "",
        summary_table(all_rules),
        "",
        "## False alarms per rule on clean news (every rule)",
        "",
        rule_table(all_rules),
        "",
        "## Precision judged by hand on clean news (every rule)",
        "",
        "Every error and warning on the clean originals is a real slip of the published text "
        "or a false alarm; `eval/judged.yaml` holds the verdicts a person gave. Precision by "
        "hand counts judged flags only; 'not judged' says how many are still to judge "
        "(`results.json` → `clean_flags` lists them all).",
        "",
        hand_table(all_rules),
        "",
        "## Precision an editor would see (rules on by default)",
        "",
        "If every article carried one slip of a type, the share of that category's flags that "
        "point at it: recall against the category's errors+warnings per clean article.",
        "",
        editor_precision_table(default),
        "",
        "## Precision per rule on the injected copies (every rule)",
        "",
        rule_precision_table(all_rules),
        "",
        "## Default-severity gate",
        "",
        "Errors+warnings per 1,000 clean words above the family's X → `info`; infos above 5 X, or "
        "precision on the injected set below the family target (20+ new diagnostics) → off. "
        "Only rules that fired on clean text are listed.",
        "",
        policy.gate_table(gate or {}),
        "",
        "## Which categories flagged each injected error (every rule)",
        "",
        confusion_table(all_rules),
        "",
        "## Flagged sentences on clean news, for a person to judge",
        "",
        "A sample per rule; the flagged span is in **bold**. Each is either a false alarm "
        "or a real slip in the published text. To record a verdict, add "
        "`{article: ID, rule: RULE, text: FLAGGED TEXT, verdict: slip | false-alarm}` to "
        "`eval/judged.yaml`: judged slips are then counted apart, not as false alarms.",
    ]
    by_rule: dict[str, list] = {}
    for r in results:
        if not r.get("fa"):
            continue
        for d in r.get("clean", ()):
            by_rule.setdefault(d["rule"], []).append((r["id"], d))
    for rid in sorted(by_rule):
        items = by_rule[rid]
        d0 = items[0][1]
        out += ["", f"### {rid} {d0['name']} ({d0['category']}, {d0['severity']}) — {len(items)} on clean text", ""]
        for aid, d in rng.sample(items, min(per_rule_samples, len(items))):
            verdict = judged.get((aid, rid, d.get("text")))
            mark = f" _(judged: {verdict})_" if verdict else ""
            out.append(f"- `{aid}` {d['sentence']}{mark}  \n  → {d['message']}")
    out += ["", "## Missed injections (sample per type)", ""]
    for t in inject.INJECTORS:
        miss = [c for r in results for c in r.get("copies", ()) if c["type"] == t and not c["all"]["level"]]
        if not miss:
            continue
        out += [f"### {t} — {len(miss)} missed", ""]
        for c in rng.sample(miss, min(misses_per_type, len(miss))):
            out.append(f"- `{c['id']}` `{c['before'][:80]}` → `{c['after'][:80]}`: {c['context']}")
        out.append("")
    errs = [(r["id"], e) for r in results for e in ([r["error"]] if "error" in r else r.get("errors", []))]
    if errs:
        out += ["## Linter crashes", ""] + [f"- `{i}`: {e}" for i, e in errs[:50]]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
