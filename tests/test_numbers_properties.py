"""Property tests (hypothesis) for the number parser: what is formatted is read back."""

import math

from hypothesis import given, settings, strategies as st

from linter.facts.numbers import classify_numeral, extract_from_text, format_grouped, parse_number_words
from linter.kinds.number_format.grouping import grouping_suggestions
from linter.kinds.number_style.hedge_precision import is_round

_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words_for(n: int) -> str:
    """English words for 1..999,999 ("nine thousand", "two hundred and fifty-one")."""
    def below_1000(k: int) -> str:
        parts = []
        if k >= 100:
            parts.append(_ONES[k // 100] + " hundred")
            k %= 100
            if k:
                parts.append("and")
        if k >= 20:
            parts.append(_TENS[k // 10] + ("-" + _ONES[k % 10] if k % 10 else ""))
        elif k >= 10:
            parts.append(_TEENS[k - 10])
        elif k:
            parts.append(_ONES[k])
        return " ".join(parts)
    if n >= 1000:
        rest = below_1000(n % 1000)
        return below_1000(n // 1000) + " thousand" + (" " + rest if rest else "")
    return below_1000(n)


SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_round_trip(n):
    text = format_grouped(n)
    form, value = classify_numeral(text)
    assert value == n
    assert form == ("grouped" if n >= 1000 else "plain")


@SETTINGS
@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from(["people", "fighters", "homes"]))
def test_grouped_count_in_prose(n, noun):
    text = f"Officials said {format_grouped(n)} {noun} were counted."
    (q,) = extract_from_text(text)
    assert q.value == n and q.noun == noun and q.kind == "count"
    assert text[q.num_start:q.num_end] == format_grouped(n)


@SETTINGS
@given(st.integers(min_value=2, max_value=999_999))  # "one" alone is a pronoun, not extracted
def test_words_round_trip(n):
    w = words_for(n)
    assert parse_number_words(w) == n
    qs = extract_from_text(f"They found {w} people there.")
    assert len(qs) == 1 and qs[0].value == n and qs[0].raw == w and qs[0].words


@SETTINGS
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=99),
       st.sampled_from([("$", "bn", "USD", 1e9), ("£", "m", "GBP", 1e6), ("€", "bn", "EUR", 1e9),
                        ("$", " million", "USD", 1e6), ("", " billion", None, 1e9)]))
def test_scaled_money(whole, cents, spec):
    sym, scale_word, unit, scale = spec
    numeral = f"{whole}.{cents:02d}" if cents else str(whole)
    text = f"It cost {sym}{numeral}{scale_word} last year."
    (q,) = extract_from_text(text)
    assert math.isclose(q.value, float(numeral) * scale)
    assert q.unit == unit and q.raw == f"{sym}{numeral}{scale_word}"


@SETTINGS
@given(st.integers(min_value=1, max_value=99), st.sampled_from(["bn euros", " billion euros", "m euros"]))
def test_scale_then_currency_word(n, tail):
    (q,) = extract_from_text(f"a deal worth {n}.5{tail} was signed")
    assert q.unit == "EUR" and q.kind == "money"
    assert math.isclose(q.value, (n + 0.5) * (1e9 if "b" in tail else 1e6))


@SETTINGS
@given(st.integers(min_value=1000, max_value=10**9))
def test_dropped_digit_is_caught_and_suggested(n):
    """Dropping one digit of the last group always gives a malformed numeral, and one of the
    suggestions is either the original or the digits without the comma."""
    good = format_grouped(n)
    for i in range(len(good) - 3, len(good)):
        bad = good[:i] + good[i + 1:]
        form, _ = classify_numeral(bad)
        assert form == "malformed"
        sugg = grouping_suggestions(bad)
        assert sugg and all(classify_numeral(s)[0] in ("plain", "grouped", "decimal") for s in sugg)
        assert f"{int(bad.replace(',', '')):,}" in sugg


@SETTINGS
@given(st.integers(min_value=1, max_value=10**7))
def test_round_figures(n):
    # a number with at most two significant digits is always round; one with four or more
    # significant digits and no trailing zeros never is
    digits = str(n)
    sig = digits.rstrip("0")
    if len(sig) <= 2:
        assert is_round(format_grouped(n))
    if len(sig) >= 4 and not digits.endswith("0"):
        assert not is_round(format_grouped(n))


def test_fixed_examples():
    assert grouping_suggestions("9,00") == ["9,000", "900"]
    assert grouping_suggestions("1,0000") == ["10,000", "1,000"]
    assert grouping_suggestions("12,34,567") == ["1,234,567"]
    assert parse_number_words("a dozen".removeprefix("a ")) == 12
    (q,) = extract_from_text("two-thirds of the members")
    assert math.isclose(q.value, 2 / 3)


@SETTINGS
@given(st.integers(min_value=1, max_value=9),
       st.sampled_from([("half", 2), ("thirds", 3), ("quarters", 4), ("fifths", 5), ("tenths", 10)]),
       st.sampled_from(["-", " "]))
def test_fraction_words(n, den, sep):
    word = words_for(n)
    name, d = den
    if n == 1:
        name = name.rstrip("s") if name != "half" else name
    text = f"Officials said {word}{sep}{name} of the members agreed."
    qs = extract_from_text(text)
    assert len(qs) == 1 and qs[0].kind == "fraction" and qs[0].noun == "members"
    assert math.isclose(qs[0].value, n / d)


@SETTINGS
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["dozen", "hundred", "thousand", "million"]))
def test_article_number_words(n, word):
    (q,) = extract_from_text(f"We met a {word} people.")
    assert q.raw == f"a {word}" and q.value == {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6}[word]
    (q,) = extract_from_text(f"We met {n} million people.")
    assert q.value == n * 1e6 and q.noun == "people" and q.scale == 1e6


_ALPHABET = st.sampled_from(list("0123456789,.,.%$£€-–:/ ()aAbmklOsthe\n") + [" of ", " to ", " from ", " about ",
                                                                            " people", " million", " rose ", "bn",
                                                                            " doubled ", ", including ", " of the ",
                                                                            "a total of ", ": ", " and ", " up ", " down ",
                                                                            " percentage points", " nine", "-thirds", " dozen",
                                                                            " over ", ". ", " fell ", " halved "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_never_crashes_and_spans_are_sane(text):
    """Arbitrary digit soup: no exception, spans inside the text, document order, raw = text slice."""
    import linter

    qs = extract_from_text(text)
    last = -1
    for q in qs:
        assert 0 <= q.start <= q.num_start < q.num_end <= len(text) and q.num_end <= q.end <= len(text)
        assert q.raw == text[q.start:q.end]
        assert q.num_start >= last
        last = q.num_start
    linter.lint_text(text, config=linter.Config(select=["N", "M"]))
