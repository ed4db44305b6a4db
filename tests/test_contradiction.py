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


def lint(text, date=None, select=("contradiction",)):
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
])
def test_event_times_that_do_not_conflict(text):
    assert lint(text, dt.date(2017, 3, 1)) == []


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


def test_transposed_percentage_for_the_same_profit_figure():
    text = ("Company profits rose 76% in the third quarter, the chairman said. "
            "Shares jumped after profits rose 67% in the quarter.")
    [d] = lint(text)
    assert (d.rule, d.text) == ("C103", "67%")
    assert [text[r.start:r.end] for r in d.related] == ["76%"]


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
    config = Config(select=["contradiction", "date"], date=dt.date(2024, 9, 30))
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
    text = ("The central bank injected 200 million yuan into the market on Tuesday. "
            "Traders said the central bank injected 220 million yuan into the market.")
    [d] = lint(text)
    assert d.text.startswith("220 million") and text[d.related[0].start:d.related[0].end].startswith("200 million")
    same = ("The central bank injected 5 million yuan into the market on Tuesday. "
            "Traders said the central bank injected 5.2 million yuan into the market.")
    assert lint(same) == []
