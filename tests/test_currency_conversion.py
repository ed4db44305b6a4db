"""C104 conversion-conflict: a currency gloss whose implied rate is impossible, or clashes
with the article's other conversions of the same pair."""

import pytest

import linter
from linter.config import Config


def c104(text):
    return linter.lint_text(text, config=Config(select=["C104"]))


def test_a_rate_no_market_had_is_reported_on_the_gloss():
    text = "The club paid $125m (£52m) for the striker."
    [d] = c104(text)
    assert (d.rule, d.severity, d.text, d.column, d.end_column) == ("C104", "warning", "£52m", 22, 26)
    assert d.message == ("'$125m (£52m)' implies 1 GBP = 2.40 USD, outside the 1.00-2.20 USD to the GBP "
                         "it has traded at (currency-rate-bands)")


def test_the_rate_is_given_the_way_the_band_is_written():
    text = "China Daily said 2 billion yuan ($294 billion) went into the plant."
    [d] = c104(text)
    assert d.text == "$294 billion"
    assert "implies 1 USD = 0.00680 CNY, outside the 5.8-8.8 CNY to the USD" in d.message


def test_two_conversions_of_one_pair_that_disagree_name_each_other():
    text = ("The fine was 10 billion yen ($91m), the regulator said.\n"
            "The bank had already paid 2.5 billion yen ($12m) last year.\n")
    [d] = c104(text)
    assert (d.line, d.text) == (2, "$12m")
    assert d.message == ("'2.5 billion yen ($12m)' implies 1 USD = 208 JPY, but '10 billion yen ($91m)' "
                         "on line 1 implies 110")
    assert [(r.line, text.splitlines()[0][r.column - 1:r.end_column - 1]) for r in d.related] == [(1, "$91m")]


def test_a_conversion_that_agrees_with_any_earlier_one_is_not_reported():
    text = ("It cost $100 (93 euros). A ticket is 60 euros ($65). The fund got $680 million "
            "(642 million euros).")
    assert c104(text) == []


def test_rounding_and_a_hedge_inside_the_brackets_do_not_fire():
    # 36 mln rubles at the article's rate is $597,000-$617,000: "roughly $607,000" is honest
    text = ("The fund paid more than 600 mln rubles (roughly $10 mln) in 2015, and 36 mln rubles "
            "(roughly $607,000) a year later. Bikes cost 2,999 yuan ($436).")
    assert c104(text) == []


def test_bare_dollars_are_not_held_to_the_us_band_where_the_article_names_another_dollar():
    # 2.6 of the article's own (Australian) dollars to the pound is plausible; in US dollars it is not
    text = "Britain pledged £40m ($104m), the minister said."
    assert [d.text for d in c104(text)] == ["$104m"]
    assert c104(text + " Canberra added A$20m.") == []
    assert c104("Australia's farmers get $80m ($US56m) in aid.") == []  # one currency: never compared


def test_a_misread_scale_word_is_not_a_conversion():
    # "government-75 million euros": the figure was read as a model number, leaving "million euros"
    assert c104("The new government-75 million euros ($80 million), two years on.") == []


@pytest.fixture
def pack_with_bands(tmp_path, monkeypatch):
    """A project whose pack extends currency-rate-bands with the given entries."""
    def make(*entries):
        monkeypatch.chdir(tmp_path)
        (tmp_path / "house" / "wordlists").mkdir(parents=True)
        words = "".join(f"  - '{e}'\n" for e in entries)
        (tmp_path / "house" / "wordlists" / "bands.yaml").write_text(f"name: currency-rate-bands\nwords:\n{words}")
        (tmp_path / ".factlint.yaml").write_text("rules: [house]\n")
        return tmp_path
    return make


@pytest.mark.parametrize("entry", ["GBP/USD: 2.2-1.0", "GBP/USD: 1.2.3-2.0"])
def test_a_bad_band_entry_is_a_load_error_at_its_line(run_cli, pack_with_bands, entry):
    (pack_with_bands(entry) / "a.txt").write_text("It cost $100 (93 euros).\n")
    code, out, err = run_cli("check", "a.txt")
    assert (code, out) == (2, "")
    assert "bands.yaml:3" in err and "is not 'ABC/XYZ: low-high'" in err
    assert "Traceback" not in err


def test_a_newsroom_band_narrows_the_check(run_cli, pack_with_bands):
    (pack_with_bands("USD/RUB: 55-85") / "a.txt").write_text("The fine is up to 40,000 rubles (roughly $330).\n")
    code, out, err = run_cli("check", "a.txt", "--select", "C104")
    assert code == 1, err
    assert "implies 1 USD = 121 RUB, outside the 55-85 RUB to the USD" in out


def c104_on(text, date):
    import datetime as dt

    return linter.lint_text(text, config=Config(select=["C104"], date=dt.date.fromisoformat(date)))


def test_a_rate_far_from_the_articles_year_is_reported_where_the_history_band_allows_it():
    # 1.43 dollars to the euro is inside 1999-2026's 0.80-1.65, not near 2015-2016's 1.04-1.21
    text = "The club paid $100 million (70 million euros) for the striker."
    [d] = c104_on(text, "2016-06-01")
    assert (d.rule, d.severity, d.text) == ("C104", "warning", "70 million euros")
    assert d.message == ("'$100 million (70 million euros)' implies 1 EUR = 1.43 USD, far from the "
                         "1.04-1.21 USD to the EUR of 2015-2016 (currency-rate-years)")
    assert c104(text) == []  # no date: only the history band applies
    assert c104_on(text, "2008-06-01") == []  # the euro fetched 1.43-1.60 dollars in 2007-2008


def test_the_year_range_is_written_the_way_the_band_is():
    text = "The bank paid 2.5 billion yen ($30m)."  # 83.3 yen to the dollar; 2015-2016: 99.8-125.3
    [d] = c104_on(text, "2016-06-01")
    assert "implies 1 USD = 83.3 JPY, far from the 99.8-125 JPY to the USD of 2015-2016" in d.message


def test_the_year_margin_covers_a_stale_or_rounded_rate():
    # 1.15 in 2017: just above 2016's range, inside 2016-2017's; 1.30 in 2016: within the 10% margin
    assert c104_on("It cost $115 million (100 million euros).", "2017-03-01") == []
    assert c104_on("It cost $130 million (100 million euros).", "2016-03-01") == []
    assert c104_on("It cost $140 million (100 million euros).", "2016-03-01") != []


def test_a_year_outside_the_list_is_held_to_the_history_band_only():
    assert c104_on("It cost $100 million (70 million euros).", "1995-01-01") == []
    assert c104_on("It cost $100 million (70 million euros).", "2040-01-01") == []


def test_a_bad_year_entry_is_a_load_error_at_its_line(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house" / "wordlists").mkdir(parents=True)
    (tmp_path / "house" / "wordlists" / "years.yaml").write_text(
        "name: currency-rate-years\nwords:\n  - 'GBP/USD 2016: 1.2-1.5'\n  - 'GBP/USD 2017 1.2-1.3'\n")
    (tmp_path / ".factlint.yaml").write_text("rules: [house]\n")
    (tmp_path / "a.txt").write_text("It cost $100 (93 euros).\n")
    code, out, err = run_cli("check", "a.txt")
    assert (code, out) == (2, "")
    assert "years.yaml:4" in err and "is not 'ABC/XYZ YYYY: low-high'" in err


def test_the_year_list_is_built_from_the_ecb_file(tmp_path):
    """scripts/currency_rate_years.py: cross rates from the same day's euro rates, each year's
    lowest and highest, rounded outward to four significant figures."""
    import importlib.util
    import pathlib

    import yaml

    script = pathlib.Path(__file__).resolve().parent.parent / "scripts" / "currency_rate_years.py"
    spec = importlib.util.spec_from_file_location("currency_rate_years", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "hist.csv").write_text(
        "Date,USD,JPY,GBP,\n"
        "2016-12-30,1.0541,123.40,0.85618,\n"
        "2016-01-04,1.0898,129.98,0.73950,\n"
        "2015-06-01,1.0970,N/A,0.71740,\n")
    out = tmp_path / "years.yaml"
    assert module.main(["--csv", str(tmp_path / "hist.csv"), "--out", str(out)]) == 0
    data = yaml.safe_load(out.read_text())
    assert data["name"] == "currency-rate-years"
    words = data["words"]
    # GBP/USD 2016: 1.0541/0.85618 = 1.23116..., 1.0898/0.73950 = 1.47370...
    assert "GBP/USD 2016: 1.231-1.474" in words
    assert "EUR/USD 2016: 1.054-1.090" in words
    assert "USD/JPY 2016: 117.0-119.3" in words  # 123.40/1.0541 = 117.07, 129.98/1.0898 = 119.27
    assert not any(w.startswith("USD/JPY 2015") for w in words)  # no yen rate that day
