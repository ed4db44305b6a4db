"""Peers' date test cases (LanguageTool's English date rules, textlint-rule-date-weekday-mismatch)
run through factlint's date rules. The agreement rate on the English cases is reported and
asserted: an error case agrees when a `date` diagnostic overlaps the marked span, a correct
case when there is none. Cases that judge a date without a year are pinned to 2025, the year
their labels hold for (see tests/data/benchmarks/README.md: the cases, their sources and licences,
shipped with the tests so that they run on any checkout)."""

import datetime as dt
import json

import linter
from conftest import ROOT
from linter.config import Config

BENCH = ROOT / "tests" / "data" / "benchmarks"
LT = BENCH / "languagetool-date-rules" / "examples.jsonl"
TL = BENCH / "textlint-date-weekday-mismatch" / "cases.jsonl"


def _lint(text, date):
    return linter.lint_text(text, config=Config(date=date, select=["date"]))


def _languagetool():
    rows = []
    for line in LT.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        date = dt.date(2025, 6, 1) if case["year_dependent"] else None
        diags = _lint(case["text"], date)
        if case["label"] == "error":
            s, e = case["marker_span"]
            ok = any(d.start < e and s < d.end for d in diags)
        else:
            ok = not diags
        rows.append((case["rule_id"], case["label"], case["text"], ok))
    return rows


def _textlint():
    rows = []
    for line in TL.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["lang"] != "en":
            continue
        opts = case.get("options") or {}
        date = dt.date(opts["currentYear"], 6, 1) if opts.get("currentYear") else None
        diags = _lint(case["text"], date)
        if case["valid"]:
            ok = not diags
        else:
            want = [(e["column"] - 1, e["column"] - 1 + 1) for e in case["errors"]]
            ok = bool(diags) and all(any(d.start <= s < d.end for d in diags) for s, _ in want)
        rows.append((case["id"], "correct" if case["valid"] else "error", case["text"], ok))
    return rows


def _report(name, rows):
    agree = sum(ok for *_, ok in rows)
    rate = agree / len(rows)
    print(f"\n{name}: {agree}/{len(rows)} English cases agree ({rate:.0%})")
    for rid, label, text, ok in rows:
        if not ok:
            print(f"  disagree: {rid} {label}: {text!r}")
    return rate


def test_languagetool_english_date_cases():
    rows = _languagetool()
    assert len(rows) == 74
    rate = _report("LanguageTool DATE_WEEKDAY / DATE_WEEKDAY_WITHOUT_YEAR / INVALID_DATE", rows)
    assert rate == 1.0  # 74/74 when written; a drop is a regression to look at


def test_textlint_english_weekday_cases():
    rows = _textlint()
    assert len(rows) == 6
    rate = _report("textlint-rule-date-weekday-mismatch (English)", rows)
    assert rate == 1.0


def test_each_languagetool_rule_group_agrees():
    by_rule = {}
    for rid, _, _, ok in _languagetool():
        by_rule.setdefault(rid, []).append(ok)
    for rid, oks in by_rule.items():
        assert sum(oks) / len(oks) >= 0.9, rid
