"""Quantity extraction: exact spans, values, intervals and kinds."""

import math

import pytest

from linter.document import Document
from linter.facts.numbers import extract_from_text, extract_quantities, parse_number_words


def q1(text, which=0):
    return [q for q in extract_from_text(text)][which]


def test_seed_line():
    text = ("They contain some 43,000 people, including 9,00 fighters. Iraq has repatriated over "
            "10,400 of its citizens, and the Kyrgyz Republic has repatriated over 432 of its citizens.")
    qs = extract_from_text(text)
    assert [q.raw for q in qs] == ["some 43,000", "9,00", "over 10,400", "over 432"]
    a, b, c, d = qs
    assert (a.value, a.noun, a.hedge, a.kind) == (43000, "people", "some", "count")
    assert a.low == pytest.approx(38700) and a.high == pytest.approx(47300)
    assert (b.form, b.noun, b.num_start, b.num_end) == ("malformed", "fighters", text.index("9,00"), text.index("9,00") + 4)
    assert (c.low, c.high, c.partitive, c.noun) == (10400, math.inf, True, "citizens")
    assert d.sig == 3 and c.sig == 3 and a.sig == 2


def test_document_entry_point_uses_prose():
    doc = Document.from_text("See `9,00` and 12 people at https://x.org/2,5 here.", path="a.md")
    qs = extract_quantities(doc)
    assert [(q.raw, q.start) for q in qs] == [("12", 15)]


@pytest.mark.parametrize("text,value,unit,kind", [
    ("$1.13bn", 1.13e9, "USD", "money"),
    ("£600m", 6e8, "GBP", "money"),
    ("7.5bn euros", 7.5e9, "EUR", "money"),
    ("148 million", 1.48e8, None, "number"),
    ("$148 million", 1.48e8, "USD", "money"),
    ("20%", 20, "percent", "percent"),
    ("20 per cent", 20, "percent", "percent"),
    ("3 percentage points", 3, "percentage-point", "percentage-point"),
    ("US$5", 5, "USD", "money"),
    ("A$5", 5, "AUD", "money"),
])
def test_scales_and_units(text, value, unit, kind):
    q = q1(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit and q.kind == kind and q.raw == text


@pytest.mark.parametrize("text,value", [
    ("nine thousand", 9000), ("a dozen", 12), ("two hundred and fifty", 250), ("forty-two", 42),
    ("three million", 3e6),
])
def test_number_words(text, value):
    assert parse_number_words(text.removeprefix("a ")) == value
    q = q1(f"There were {text} people.")
    assert q.value == value and q.words and q.noun == "people"


def test_fraction():
    q = q1("two-thirds of voters")
    assert q.kind == "fraction" and q.value == pytest.approx(2 / 3) and q.noun == "voters"


@pytest.mark.parametrize("text,kind", [
    ("in 2017 it", "year"), ("the 1990s", "year"), ("Boeing 747", "model"), ("Kurdistan 24's request", "model"),
    ("COVID-19", "model"), ("at 10:30", "time"), ("at 9am", "time"), ("won 3-1", "score"),
    ("the 21st", "ordinal"), ("No. 5", "id"), ("on Sept. 30", "date"), ("30 September", "date"),
    ("call (202) 555-0100", "phone"),
])
def test_not_quantities(text, kind):
    q = q1(text)
    assert q.kind == kind and not q.is_quantity


def test_ranges_share_noun_and_unit():
    qs = extract_from_text("grew from 12 to 87 countries and between 10 and 12 percent")
    assert [(q.value, q.noun, q.range_role, q.partner) for q in qs[:2]] == [(12, "countries", "low", 1), (87, "countries", "high", 0)]
    assert qs[2].unit == "percent" and qs[2].range_role == "low"


@pytest.mark.parametrize("hedge,low,high", [
    ("about", 90, 110), ("nearly", 90, 100), ("more than", 100, math.inf), ("at least", 100, math.inf),
    ("up to", 0, 100), ("fewer than", 0, 100),
])
def test_hedges(hedge, low, high):
    q = q1(f"{hedge} 100 people")
    assert q.hedge == hedge and q.low == pytest.approx(low) and q.high == pytest.approx(high)
    assert q.raw == f"{hedge} 100"


def test_negative():
    q = q1("a change of -5 people")
    assert q.negative and q.value == -5 and q.raw == "-5"


@pytest.mark.parametrize("text", [
    "hundred " * 200 + "people", "dozen " * 400, "1," + "0" * 5000 + " people",
    "9" * 500 + " people rose from " + "9" * 400 + " to 5", "over " + "1" * 5000,
])
def test_absurd_input_does_not_crash(text):
    import linter
    linter.lint_text(text, config=linter.Config(select=["N", "M"]))
    for q in extract_from_text(text):
        assert q.start <= q.num_start < q.num_end <= q.end
