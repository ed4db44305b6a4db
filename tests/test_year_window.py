"""The window of plausible years follows the document's date (issue 19, item 5).

A bare four-digit figure after a hedge reads as a year only inside the window; outside it,
as a figure, and a hedged precise figure is N120. The window was fixed at 1900-2035, so
"around 2036" was a figure and "around 2030" a year whatever the article's date."""

import datetime as dt

import linter
from linter import Config
from linter.document import Document
from linter.engine import attach_facts
from linter.facts.numbers import YEARS_AHEAD, extract_from_text, plausible_years


def _n120(text: str, date: dt.date | None) -> list[str]:
    return [d.text for d in linter.lint_text(text, config=Config(select=["N120"], date=date))]


def test_a_year_after_2035_is_a_year():
    assert _n120("Output should peak around 2036, the ministry said.\n", dt.date(2026, 12, 5)) == []
    assert _n120("Net zero by around 2060 is the target.\n", dt.date(2021, 11, 1)) == []


def test_the_window_follows_the_document_date():
    text = "Output should peak around 2036, the ministry said.\n"
    assert _n120(text, dt.date(1970, 1, 1)) == ["around 2036"]  # 66 years ahead of a 1970 article
    assert _n120(text, dt.date(1990, 1, 1)) == []
    assert plausible_years(dt.date(2015, 3, 1)) == (1900, 2015 + YEARS_AHEAD)


def test_a_hedged_count_is_still_a_count():
    assert _n120("They counted about 2036 people.\n", dt.date(2026, 12, 5)) == ["about 2036"]
    assert _n120("They counted about 1234.\n", dt.date(2026, 12, 5)) == ["about 1234"]


def test_kinds_from_the_reference_date():
    def kind(text, ref):
        (q,) = extract_from_text(text, ref)
        return q.kind

    assert kind("It opens around 2070.", dt.date(2026, 1, 1)) == "year"
    assert kind("It opens around 2070.", dt.date(2000, 1, 1)) == "number"
    assert kind("the 2040 target", dt.date(2026, 1, 1)) == "year"


def test_an_undated_document_is_judged_against_the_runs_date():
    doc = Document.from_text("Output should peak around 2036, the ministry said.\n")
    facts = attach_facts(doc)
    assert doc.date is None and facts.reference_date == dt.date.today()
    assert [q.kind for q in facts.quantities] == ["year"]
