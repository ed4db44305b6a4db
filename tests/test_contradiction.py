"""Contradictions inside one document: event times (C101), relative-date glosses (C102),
quantities (C103)."""

import datetime as dt
import time

import pytest

import linter
from conftest import SEEDS
from linter.config import Config
from linter.kinds.value_conflict import typo_like

SEED = (SEEDS / "000_5ae41dc0945392ff.txt").read_text(encoding="utf-8")


def lint(text, date=None, select=("contradiction", "C103")):  # C103 is off by default: select it by id
    return linter.lint_text(text, config=Config(date=date, select=list(select)))


# -- the seed, with no flags --------------------------------------------------------------


def test_seed_reports_later_this_year_against_september_2025_with_both_places():
    diags = [d for d in linter.lint_text(SEED, path="seed.txt") if d.rule == "C101"]
    [d] = diags
    assert (d.line, d.column, d.end_column, d.text) == (34, 156, 170, "September 2025")
    assert [(r.line, r.column, r.end_line, r.end_column) for r in d.related] == [(3, 125, 3, 140), (12, 134, 12, 149)]
    assert [SEED[r.start:r.end] for r in d.related] == ["later this year", "later this year"]
    assert d.related[0].message == "first stated here"
    assert d.message.startswith("'September 2025' here, but 'later this year' (2024) on line 3")


def test_seed_a_year_longer_until_september_2026_is_not_reported():
    for d in linter.lint_text(SEED, path="seed.txt"):
        if d.category in ("contradiction", "date"):
            assert "2026" not in d.text and "longer" not in d.text
            assert all("2026" not in SEED[r.start:r.end] for r in d.related)


def test_seed_json_carries_related():
    import json

    d = next(d for d in linter.lint_text(SEED, path="seed.txt") if d.rule == "C101")
    data = d.to_dict()
    assert data["related"][0]["line"] == 3 and data["category"] == "contradiction"
    json.dumps(data)


def test_without_a_date_relative_times_stay_silent():
    text = ("The mission in Iraq will end later this year, officials said. "
            "The mission will conclude in Iraq in September 2025.")
    assert lint(text) == []
    assert [d.text for d in lint(text, dt.date(2024, 9, 30))] == ["September 2025"]


# -- C101 same event ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The mission will end by 2026. The mission would conclude in September 2025.",
    "The strike began in 2019. The trial began in 2021.",
    "The mission will not end in 2024. The mission will end in 2025.",
    "Faraday expects to start testing a vehicle in 2017 and to start production in 2018.",
    # the subject's head differs: the contributions began, the fund started
    "Acme's contributions to the Global Health Fund began in 2006. Its partners include the Global Health "
    "Fund, which started in 2005.",
    # each object names a thing the other lacks: two initiatives
    "The party launched the Ecopop initiative in 2014. The party launched the expulsion initiative in 2010.",
    # the time is the subordinate clause's: the freeze was in 2012
    "Emissions started rising again after the province froze the tax in 2012. The panel said the tax must "
    "start increasing again in 2018.",
])
def test_event_times_that_do_not_conflict(text):
    assert lint(text, dt.date(2017, 3, 1)) == []


def test_same_event_with_a_longer_subject_or_object_still_conflicts():
    text = ("The Coalition's mission in most of Iraq will end in 2024, officials said. Blinken said, as "
            "had been stated on Friday, that the Coalition mission will conclude in Iraq in 2025.")
    [d] = lint(text)
    assert (d.rule, d.text, [text[r.start:r.end] for r in d.related]) == ("C101", "2025", ["2024"])


def test_explicit_times_for_the_same_event_conflict():
    text = "The bridge reopened in March 2019 after repairs. Engineers said the bridge opened again in June 2020."
    [d] = lint(text)
    assert d.rule == "C101" and d.text == "June 2020"
    assert [text[r.start:r.end] for r in d.related] == ["March 2019"]


# -- C102 relative-date gloss ------------------------------------------------------------------


def test_relative_date_gloss_mismatch_has_both_sides():
    text = "Exports fell last year (2015), the ministry said."
    [d] = lint(text, dt.date(2017, 3, 1))
    assert (d.rule, d.text) == ("C102", "2015")
    assert [text[r.start:r.end] for r in d.related] == ["last year"]
    assert lint("Exports fell last year (2016), the ministry said.", dt.date(2017, 3, 1)) == []


def test_today_glossed_a_day_off_is_tolerated():
    assert lint("He passed away today, February 12, 2017.", dt.date(2017, 2, 13)) == []


# -- C103 quantity conflict ----------------------------------------------------------------------


def test_restated_stake_with_another_value_names_both_claims_and_the_fact():
    text = ("Fosters bought 18.8% of Southcorp from the Oatley family on Monday. "
            "Analysts said Fosters paid too much for the 26.3% stake.")
    [d] = lint(text)
    assert (d.rule, d.text) == ("C103", "26.3%")
    assert [text[r.start:r.end] for r in d.related] == ["18.8%"]
    assert d.message == "'26.3%' here, but '18.8%' on line 1: both are Fosters' stake in Southcorp"


def test_headline_is_the_first_claim_not_glued_to_the_next_paragraph():
    text = "Fosters buys 18.8% of Southcorp\nFosters bought the 26.3% stake from the Oatley family on Monday.\n"
    [d] = lint(text)
    assert d.text == "26.3%" and text[d.related[0].start:d.related[0].end] == "18.8%"
    assert d.related[0].start < text.index("\n")


@pytest.mark.parametrize("text", [
    # two holders
    "Madonna earned $54.9m last year, the magazine said. Simon and Garfunkel earn $24.9m a year from touring.",
    # a forecast and an actual
    "Acme expects sales of $5bn in 2005. Acme's sales were $4bn in 2004.",
    "Acme's sales will reach $5bn, analysts said. Acme's sales were $4bn.",
    # a part and the whole
    "Acme's profit rose to $4.2bn in the first quarter. Acme's profit for the year was $15bn.",
    # two periods
    "Acme's profit was $4bn in 2004. Acme's profit was $5bn in 2005.",
    # a change and a level; "from 1.8% to 0.8%" is a change, not a range
    "Acme's growth slowed from 1.8% to 0.8% in 2004. Acme's growth of 0.8% in 2004 was the lowest in years.",
    "Acme's profit rose 5% to $4bn. Acme's profit of $4bn beat forecasts.",
    # the same figure, restated
    "Fosters bought 18.8% of Southcorp on Monday. Fosters now owns 18.8% of the wine maker.",
    # a part of a figure given elsewhere
    "Thirty Britons were killed in the attack. Families of 22 of the Britons killed plan to sue.",
])
def test_claims_that_differ_in_a_filled_slot_are_two_facts(text):
    assert [d for d in lint(text) if d.rule == "C103"] == []


def test_rounding_ranges_that_only_touch_conflict():
    text = "Acme's debt was $4bn at the end of June. Acme's debt of $5bn worried its bankers."
    [d] = lint(text)
    assert (d.text, text[d.related[0].start:d.related[0].end]) == ("$5bn", "$4bn")


def test_a_range_is_one_claim_and_agrees_with_a_value_inside_it():
    assert lint("Acme's growth will be between 6 and 7 percent, Acme said. Acme expects growth of 6.5 percent.") == []


def test_a_later_figure_pairs_with_the_statement_it_contradicts_not_a_part():
    text = ("Families of the 30 Britons killed in the attack heard the verdict. Families of 22 of the Britons "
            "killed plan to sue. The coroner said all 40 Britons killed were unlawfully killed in the attack.")
    [d] = lint(text)
    assert d.text == "40" and text[d.related[0].start:d.related[0].end] == "30"


def test_a_reference_takes_the_slots_of_the_claim_it_refers_to():
    text = ("Trump paid $38m in taxes in 2005, the White House said. "
            "Johnston said the $53m figure included payroll taxes.")
    [d] = lint(text)
    assert (d.text, text[d.related[0].start:d.related[0].end]) == ("$53m", "$38m")


def test_a_same_fact_check_declared_in_yaml_alone(tmp_path):
    """A newsroom's own check: a rule of kind value-conflict naming its own measured things."""
    pack = tmp_path / "pack"
    (pack / "wordlists").mkdir(parents=True)
    (pack / "wordlists" / "vaccine-measures.yaml").write_text(
        "name: vaccine-measures\ndescription: doses given\nwords:\n"
        "  - 'doses [count]: doses, jabs, vaccinated, inoculated'\n", encoding="utf-8")
    (pack / "doses.yaml").write_text("""\
id: X201
name: dose-conflict
kind: value-conflict
category: contradiction
severity: warning
measures: vaccine-measures
message: "'{this}' here, but '{other}' on line {other_line}: both are {fact}"
description: The same count of vaccine doses given twice with two values.
examples:
  - text: "Ohio gave <related>12,400</related> jabs on Monday. Officials said Ohio gave <marker>14,200</marker> jabs on Monday."
  - text: "Ohio gave 12,400 jabs on Monday. Texas gave 14,200 jabs on Monday."
""", encoding="utf-8")
    from linter.ruleset import load_rules

    rule = load_rules([pack]).by_id()["X201"]
    assert rule.measures == "vaccine-measures"
    text = "Ohio gave 12,400 jabs on Monday. Officials said Ohio gave 14,200 jabs on Monday."
    found = [d for d in linter.lint_text(text, config=Config(rules=[str(pack)], select=["X201"]))]
    assert [(d.rule, d.text) for d in found] == [("X201", "14,200")]
    assert found[0].message == "'14,200' here, but '12,400' on line 1: both are Ohio's doses (jabs)"
    # the built-in C103 does not know jabs: the check comes from the pack alone
    assert lint(text) == []


def test_temporal_hedges_list_is_the_one_the_rule_uses(tmp_path):
    text = "The mission will end ahead of 2026. The mission would conclude in September 2025."
    [d] = lint(text)
    assert d.rule == "C101"
    pack = tmp_path / "pack"
    (pack / "wordlists").mkdir(parents=True)
    (pack / "wordlists" / "temporal-hedges.yaml").write_text(
        "name: temporal-hedges\ndescription: more\nwords: ['ahead of: before']\n", encoding="utf-8")
    assert linter.lint_text(text, config=Config(rules=[str(pack)], select=["contradiction"])) == []


def test_hedged_values_that_overlap_are_fine():
    text = "The camps hold some 43,000 people, officials said. Aid groups said the camps hold 45,000 people."
    assert lint(text) == []


def test_differently_dated_values_are_two_facts():
    text = ("In 2015, 1,500 people were evacuated from the town. "
            "In 2016, 1,800 people were evacuated from the town.")
    assert lint(text) == []


def test_seed_quantities_raise_no_conflict():
    assert [d for d in linter.lint_text(SEED, path="seed.txt") if d.rule == "C103"] == []


@pytest.mark.parametrize("a, b, expected", [
    ("76", "67", True), ("1500", "1800", True), ("500", "570", True), ("133", "136", True),
    ("100000", "400000", False), ("01", "07", False), ("5", "6", False), ("1500", "15000", False),
    ("1234", "4321", False),
])
def test_typo_like(a, b, expected):
    assert typo_like(a, b) is expected


# -- cost -----------------------------------------------------------------------------------------


def test_cost_is_near_linear_in_document_size():
    """Doubling a document roughly doubles the time of the contradiction and date rules."""
    config = Config(select=["contradiction", "date", "C103"], date=dt.date(2024, 9, 30))
    base = SEED + "\n\n"

    def run(n):
        text = base * n
        t0 = time.perf_counter()
        linter.lint_text(text, config=config)
        return time.perf_counter() - t0

    run(2)
    small, large = min(run(8) for _ in range(2)), min(run(32) for _ in range(2))
    assert large / small < 4 * 2.0, (small, large)  # 4x the text: well under quadratic (16x)


# -- robustness ------------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["The mission", " will end", " conclude", " later this year", " in September 2025", " by 2026",
           " 1,500 people", " 1,800 people", " some 43,000", " 76%", " 67%", " last year", " (2015)",
           " Monday, 30 September 2023", " Feb 30", ".", ",", "\n\n", " until at least", " ago", " ten years"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.one_of(st.none(), st.dates()))
def test_rules_never_crash_and_related_spans_are_in_the_text(pieces, date):
    text = "".join(pieces)
    for d in linter.lint_text(text, config=Config(date=date, select=["contradiction", "date"])):
        assert 0 <= d.start < d.end <= len(text)
        for r in d.related:
            assert 0 <= r.start < r.end <= len(text) and r.start < d.start


def test_years_ago_gloss_allows_a_year_of_slack():
    date = dt.date(2017, 2, 10)
    assert lint("Ten years ago, in November 2006, the channel launched.", date) == []
    [d] = lint("Ten years ago, in November 2004, the channel launched.", date)
    assert d.text == "November 2004"


def test_round_figures_are_read_to_one_digit_past_the_last_non_zero():
    text = ("China's trade surplus was 200 million yuan in May, the customs office said. "
            "Traders said China's trade surplus of 220 million yuan in May was a surprise.")
    [d] = lint(text)
    assert d.text.startswith("220 million") and text[d.related[0].start:d.related[0].end].startswith("200 million")
    same = ("China's trade surplus was 5 million yuan in May, the customs office said. "
            "Traders said China's trade surplus of 5.2 million yuan in May was a surprise.")
    assert lint(same) == []
