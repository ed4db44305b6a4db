"""Time expressions, their intervals, the document date, and the date rules (D1xx)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linter
from linter.config import Config
from linter.document import Document
from linter.engine import attach_facts
from linter.facts.dates import WEEKDAY_NAMES, nearest_year, parse_times

REF = dt.date(2024, 9, 30)  # a Monday


def one(text, ref=REF):
    times = parse_times(text, ref)
    assert len(times) == 1, times
    return times[0]


def span(text, t):
    return text[t.start:t.end]


# -- absolute ---------------------------------------------------------------------


@pytest.mark.parametrize("text, expected, lo, hi", [
    ("It ends in September 2025.", "September 2025", dt.date(2025, 9, 1), dt.date(2025, 9, 30)),
    ("They met on Sept. 30 in Washington.", "Sept. 30", dt.date(2024, 9, 30), dt.date(2024, 9, 30)),
    ("It fell in 2017, he said.", "2017", dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
    ("Signed on September 30, 2024.", "September 30, 2024", dt.date(2024, 9, 30), dt.date(2024, 9, 30)),
    ("Signed on 30 September 2024.", "30 September 2024", dt.date(2024, 9, 30), dt.date(2024, 9, 30)),
    ("Filed 2014-10-31 at noon.", "2014-10-31", dt.date(2014, 10, 31), dt.date(2014, 10, 31)),
    ("It runs January 10 – 17, 2016.", "January 10 – 17, 2016", dt.date(2016, 1, 10), dt.date(2016, 1, 17)),
    ("Exports fell (2015).", "2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
])
def test_absolute_expressions(text, expected, lo, hi):
    t = one(text)
    assert span(text, t) == expected
    assert (t.low, t.high) == (lo, hi)


def test_weekday_with_date_is_recorded():
    text = "The vote was on Monday, 7 October 2014."
    t = one(text)
    assert span(text, t) == "Monday, 7 October 2014"
    assert t.weekday == 0 and t.low.weekday() == 1
    assert text[t.weekday_span[0]:t.weekday_span[1]] == "Monday"


def test_bare_weekday_is_within_a_week_of_the_document_date():
    t = one("The ministers met Monday.")
    assert t.kind == "weekday" and t.low == t.high == REF
    t = one("The briefing was on Friday.")
    assert (t.low, t.high) == (dt.date(2024, 9, 27), dt.date(2024, 10, 4))


# -- relative -------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected, lo, hi", [
    ("It will end later this year.", "later this year", REF, dt.date(2024, 12, 31)),
    ("It started earlier this year.", "earlier this year", dt.date(2024, 1, 1), REF),
    ("It was announced last week.", "last week", dt.date(2024, 9, 23), dt.date(2024, 9, 29)),
    ("Ten years ago, it began.", "Ten years ago", dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
    ("It opens next month.", "next month", dt.date(2024, 10, 1), dt.date(2024, 10, 31)),
    ("Exports fell last year.", "last year", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ("It happened yesterday.", "yesterday", dt.date(2024, 9, 29), dt.date(2024, 9, 29)),
])
def test_relative_expressions(text, expected, lo, hi):
    t = one(text)
    assert span(text, t) == expected
    assert (t.low, t.high) == (lo, hi)


def test_offset_counts_from_the_last_explicit_year():
    text = "In 2017, it fell. Two years later, it rose."
    first, later = parse_times(text, REF)
    assert span(text, later) == "Two years later"
    assert later.low == dt.date(2019, 1, 1) and later.anchor == (first.start, first.end)


def test_unresolvable_is_kept_unresolved_never_guessed():
    for text in ("It rose a few years ago.", "Two years later, it rose.", "It will last a year longer."):
        t = one(text)
        assert not t.resolved, text
    # without a document date, relative times stay unresolved
    assert not one("It will end later this year.", ref=None).resolved
    assert not one("They met on Sept. 30.", ref=None).resolved


@pytest.mark.parametrize("text", ["November 31, 2014", "29 February 2023", "January 10 – 1, 2016"])
def test_impossible_dates_are_invalid(text):
    t = one(f"It happened on {text}.")
    assert span(f"It happened on {text}.", t) == text and not t.valid and not t.resolved


def test_ambiguous_numeric_date_is_not_resolved():
    t = one("IGD Convention 2014 - Monday, 10/09/2014")
    assert t.ambiguous and not t.resolved


# -- document date -------------------------------------------------------------------------


def test_seed_date_is_inferred_from_full_date_and_weekday():
    from conftest import SEEDS

    doc = Document.from_text((SEEDS / "000_5ae41dc0945392ff.txt").read_text(encoding="utf-8"), "seed.txt")
    attach_facts(doc)  # the engine reads the date from the text (the document model does not)
    assert doc.date == dt.date(2024, 9, 30)
    assert "September 30, 2024" in doc.date_source and "Monday" in doc.date_source


def test_dateline_sets_the_date():
    doc = Document.from_text("Talks resume\n\nWASHINGTON, Sept. 30, 2024 — Ministers met today.\n")
    attach_facts(doc)
    assert doc.date == dt.date(2024, 9, 30) and doc.date_source.startswith("dateline")


def test_single_unconfirmed_date_is_not_inferred():
    doc = Document.from_text("The treaty was signed on September 30, 1994, in Oslo. It still holds.")
    attach_facts(doc)
    assert doc.date is None


def test_given_date_wins_over_inference():
    doc = Document.from_text("They met Monday. Photo: September 30, 2024.", date=dt.date(2025, 1, 1), date_source="--date")
    attach_facts(doc)
    assert doc.date == dt.date(2025, 1, 1) and doc.date_source == "--date"


def test_cli_verbose_prints_the_inferred_date(run_cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The ministers met Monday in Washington.\n\nPhoto taken September 30, 2024.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--verbose", str(f))
    assert "document date 2024-09-30" in err and "inferred" in err


def test_explain_mentions_how_the_date_is_found(run_cli):
    code, out, err = run_cli("explain", "D101")
    assert code == 0 and "dateline" in out and "--verbose" in out


# -- D101 / D102 -------------------------------------------------------------------------------


def lint(text, date=None):
    return linter.lint_text(text, config=Config(date=date, select=["date"]))


def test_weekday_mismatch_is_a_date_error_with_exact_span():
    text = "The ministers met on Monday, 30 September 2023 in Washington."
    [d] = lint(text)
    assert (d.rule, d.category, d.severity) == ("D101", "date", "error")
    assert d.text == "Monday, 30 September 2023" and (d.line, d.column, d.end_column) == (1, 22, 47)
    assert d.suggestions == ["Saturday, 30 September 2023"]


def test_weekday_without_year_needs_a_document_date():
    text = "The vote is on Friday, March 6."
    assert lint(text) == []
    [d] = lint(text, dt.date(2024, 3, 1))
    assert d.text == "Friday, March 6" and "Wednesday" in d.message


@pytest.mark.parametrize("text, flagged", [
    # the year of the last full date: "11 April last year" (2016), "3 July 2015"
    ("He was admitted on 11 April last year, a Monday. On Thursday, 14 April, surgeons asked.", []),
    ("The river rose on 3 July 2015. On Saturday, 4 July, it burst its banks.", []),
    # a year named right after the date is the date's own: 14 April 2016 was a Thursday
    ("Surgeons asked on Thursday, 14 April last year.", []),
    # a bare year is background, not the story's year: 3 July 2017 is a Monday
    ("In 2015 the river rose. On Friday, 3 July, it burst its banks.", ["Friday, 3 July"]),
    # a weekday that fits neither that year nor the article's is still wrong
    ("The river rose on 3 July 2015. On Wednesday, 3 July, it burst its banks.", ["Wednesday, 3 July"]),
    # a later full date does not excuse an earlier one
    ("On Thursday, 14 April, surgeons asked. On 11 April 2016 nothing changed.", ["Thursday, 14 April"]),
    # a date with its own year is judged by it, whatever the text named before
    ("It began on 1 March 2016. On Thursday, 14 April 2017, it ended.", ["Thursday, 14 April 2017"]),
])
def test_a_yearless_weekday_may_fit_the_year_of_the_last_full_date(text, flagged):
    assert [d.text for d in lint(text, dt.date(2017, 3, 30)) if d.rule == "D101"] == flagged


def test_a_year_named_right_after_the_date_is_the_one_the_message_gives():
    [d] = lint("Surgeons asked on Monday, 14 April last year.", dt.date(2017, 3, 30))
    assert d.message == "'Monday, 14 April': 2016-04-14 is a Thursday, not a Monday"
    assert d.suggestions == ["Thursday, 14 April"]


def test_impossible_date_is_reported():
    [d] = lint("It happened on November 31, 2014.")
    assert (d.rule, d.text) == ("D102", "November 31, 2014")


# -- properties ------------------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
FORMATS = [
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d.day} {d:%B} {d.year}",
    lambda d: f"{d:%A}, {d:%B} {d.day}, {d.year}",
    lambda d: f"{d:%A} {d.day} {d:%B} {d.year}",
    lambda d: d.isoformat(),
]


@settings(max_examples=300, deadline=None)
@given(dates, st.sampled_from(range(len(FORMATS))))
def test_written_dates_parse_back_to_themselves(d, fmt):
    written = FORMATS[fmt](d)
    text = f"It happened on {written} in the city."
    t = one(text, ref=None)
    assert span(text, t) == written
    assert t.low == t.high == d and t.valid


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(0, 6))
def test_weekday_mismatch_iff_the_weekday_is_wrong(d, wd):
    text = f"They met on {WEEKDAY_NAMES[wd]}, {d:%B} {d.day}, {d.year}."
    diags = [x for x in lint(text) if x.rule == "D101"]
    assert bool(diags) == (d.weekday() != wd)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–/()MonTuesdayJanFebSeptember ofthelastnextyearago")), max_size=80),
       st.one_of(st.none(), dates))
def test_parser_never_crashes_and_spans_are_sound(text, ref):
    times = parse_times(text, ref)
    last = -1
    for t in times:
        assert 0 <= t.start < t.end <= len(text) and t.start >= last
        last = t.end
        assert (t.low is None) == (t.high is None)
        if t.low is not None:
            assert t.low <= t.high


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.integers(1, 31), dates)
def test_nearest_year_is_within_a_year_and_closest(month, day, ref):
    y = nearest_year(month, day, ref)
    cands = []
    for yy in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(dt.date(yy, month, day))
        except ValueError:
            pass
    if not cands:
        assert y is None
        return
    best = min(abs((c - ref).days) for c in cands)
    assert abs((dt.date(y, month, day) - ref).days) == best


def test_month_lengths_match_the_gregorian_calendar():
    """facts.dates counts days itself (no ``calendar``, whose import brings ``locale``)."""
    import calendar

    from linter.facts.dates import _month_len

    for year in (*range(1580, 2500), 1, 4, 100, 400, 9999):
        for month in range(1, 13):
            assert _month_len(year, month) == calendar.monthrange(year, month)[1], (year, month)
