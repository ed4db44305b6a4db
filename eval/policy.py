"""The default-severity gate: which rules the measured figures allow on by default.

A rule whose errors + warnings on clean news exceed its family's threshold X per
1,000 words ships as ``info``; one whose infos exceed 5 X, or whose category's
precision on the injected set is below the family target, ships off by default.
"""

from __future__ import annotations

# category -> (X false alarms per 1,000 words, precision target)
THRESHOLDS = {
    "number": (0.2, 0.97),
    "arithmetic": (0.1, 0.90),
    "date": (0.1, 0.95),
    "contradiction": (0.2, 0.85),
    "duplication": (0.05, 0.95),
    "attribution": (0.5, 0.85),
    "quotation": (0.5, 0.80),
    "consistency": (0.5, 0.80),
    "style": (0.5, 0.80),
}
MIN_PRECISION_CASES = 20  # below this many new diagnostics, precision is not judged


def gate(agg_all: dict) -> dict[str, dict]:
    """rule id -> {verdict, reason, ...} from the every-rule aggregate. Only rules
        that fired on the clean originals are judged (the others raise no false alarm)."""
    prec = agg_all.get("precision_per_rule", {})
    out = {}
    for rid, r in agg_all["false_alarms"]["per_rule"].items():
        x, target = THRESHOLDS.get(r["category"], (0.5, 0.80))
        p = prec.get(rid, {})
        n = p.get("tp", 0) + p.get("fp", 0)
        if r["info_per_1k"] > 5 * x:
            verdict, why = "off", f"{r['info_per_1k']:.2f} infos /1k words > {5 * x:g}"
        elif n >= MIN_PRECISION_CASES and p.get("precision") is not None and p["precision"] < target:
            verdict, why = "off", f"precision {p['precision']:.2f} < {target:g} on the injected set"
        elif r["ew_per_1k"] > x:
            verdict, why = "info", f"{r['ew_per_1k']:.2f} errors+warnings /1k words > {x:g}"
        else:
            verdict, why = "ok", (f"{r['ew_per_1k']:.2f} errors+warnings, {r['info_per_1k']:.2f} infos "
                                  f"/1k words (X = {x:g})")
        current = "off" if not r["default"] else r["severity"]
        complies = (verdict == "ok" or (verdict == "info" and current in ("info", "off"))
                    or (verdict == "off" and current == "off"))
        out[rid] = {"name": r["name"], "category": r["category"], "current": current,
                    "verdict": verdict, "reason": why, "complies": complies}
    return out


def gate_table(g: dict[str, dict]) -> str:
    if not g:
        return "_No rule fired on the clean originals._"
    lines = ["| rule | name | category | now | gate | why | complies |", "|---|---|---|---|---|---|---|"]
    for rid, v in sorted(g.items(), key=lambda kv: (kv[1]["complies"], kv[0])):
        lines.append(f"| {rid} | {v['name']} | {v['category']} | {v['current']} | {v['verdict']} | "
                     f"{v['reason']} | {'yes' if v['complies'] else '**no**'} |")
    return "\n".join(lines)
