"""What the issues ask factlint to find on the seed article, stated independently of
the golden file: the right category at the right words, and nothing wrong."""

import pytest

import linter
from conftest import SEEDS

TEXT = (SEEDS / "000_5ae41dc0945392ff.txt").read_text(encoding="utf-8")
DIAGS = linter.lint_text(TEXT, path="seed.txt")


def find(category, line, text=None):
    return [d for d in DIAGS if d.category == category and d.line == line and (text is None or text in d.text)]


def test_malformed_grouping_is_an_error_with_both_readings():
    [d] = find("number", 79, "9,00")
    assert d.severity == "error"
    assert d.text == "9,00"
    assert d.suggestions == ["9,000", "900"]


def test_hedge_on_a_precise_figure_is_info():
    hits = [d for d in DIAGS if d.line == 79 and "432" in d.text]
    assert [d.severity for d in hits] == ["info"]


def test_later_this_year_contradicts_september_2025():
    hits = [d for d in DIAGS if d.category == "contradiction" and {d.line} | {r.line for r in d.related} >= {34, 3}]
    assert hits, "the contradiction between line 3 and line 34 is reported with both places"
    d = hits[0]
    texts = {d.text} | {TEXT[r.start:r.end] for r in d.related}
    assert any("September 2025" in t for t in texts)
    assert any("later this year" in t for t in texts)


def test_a_year_longer_until_september_2026_is_consistent():
    for d in DIAGS:
        if d.category in ("contradiction", "date"):
            assert "2026" not in d.text and "a year longer" not in d.text, d


@pytest.mark.parametrize("line, words", [(65, "embarrassing"), (67, "premature")])
def test_opinion_in_the_writers_voice(line, words):
    hits = [d for d in DIAGS if d.category == "attribution" and d.line == line]
    assert hits and any(words in d.message or words in d.text for d in hits)


def test_no_attributed_quote_is_flagged_as_unattributed():
    flagged = [d for d in DIAGS if d.category == "attribution" and d.line not in (65, 67)
               and d.severity in ("error", "warning")]
    assert flagged == []


@pytest.mark.parametrize("line, first", [(6, 5), (12, 3), (51, 50)])
def test_duplicated_captions_and_lede(line, first):
    hits = [d for d in DIAGS if d.category == "duplication" and d.line == line]
    assert hits and any(r.line == first for r in hits[0].related)


def test_straight_quote_closed_by_a_curly_one():
    assert [d for d in DIAGS if d.category == "quotation" and d.line == 69]


def test_us_and_u_s_in_one_article():
    hits = [d for d in DIAGS if d.category == "consistency" and d.text in ("US", "U.S.")]
    assert hits
