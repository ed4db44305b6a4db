"""Form consistency (K102-K106) and house spellings (K101)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rule_helpers import SEED, lint, span


def test_seed_us_and_u_s_reported_once():
    text = SEED.read_text(encoding="utf-8")
    diags = lint(text, ["K102"])
    assert len(diags) == 1
    d = diags[0]
    # first "US" in the body (the Read More lines are other stories' headlines), related: first "U.S."
    assert (d.line, d.column, d.end_column, d.text) == (50, 7, 9, "US")
    assert (d.related[0].line, d.related[0].column, d.related[0].end_column) == (3, 39, 43)
    assert d.suggestions == ["U.S."]
    assert "'U.S.' 18×" in d.message


def test_seed_house_spelling_with_fix():
    text = SEED.read_text(encoding="utf-8")
    diags = lint(text, ["K101"])
    assert [(d.line, d.text, d.fix) for d in diags] == [(73, "Hizbollah", "Hezbollah")]


def test_seed_no_other_consistency_findings():
    text = SEED.read_text(encoding="utf-8")
    assert [d.rule for d in lint(text, ["K103", "K104", "K105", "K106"])] == []


def test_dc_forms_and_ignored_pm():
    text = "They met in Washington, D.C., on Monday. The PM flew to DC later, landing at 9 P.M."
    diags = lint(text, ["K102"])
    assert [(d.start, d.end) for d in diags] == [span(text, "DC")]
    assert (diags[0].related[0].start, diags[0].related[0].end) == span(text, "D.C.")


def test_all_caps_headline_does_not_count():
    text = "US TROOPS TO STAY IN IRAQ\n\nU.S. officials said troops would stay. U.S. forces agreed."
    assert lint(text, ["K102"]) == []


def test_us_dollar_is_not_the_country_form():
    assert lint("It cost US$5 million, U.S. officials said.", ["K102"]) == []


def test_name_spelt_two_ways():
    text = ("The ambassador, Alina Romanowski, met Barzani. Romanowski said the talks went well. "
            "Barzani thanked Romanowsky.")
    diags = lint(text, ["K103"])
    assert [(d.start, d.end) for d in diags] == [span(text, "Romanowsky")]
    assert diags[0].suggestions == ["Romanowski"]
    assert (diags[0].related[0].start, diags[0].related[0].end) == span(text, "Romanowski")


def test_name_spelling_guards_against_real_different_names():
    texts = [
        "Gambia and Zambia voted. Gambia abstained.",  # first letters differ
        "Syria and Syrian officials met. Hussein met Husseini. The Germans met in Germany. Germany agreed.",
        "Alison Carter met Mark Carver. Carter said so. Carter left. Carver stayed.",  # word list
        "Anna Mitchell met Tom Mitchel. Mitchell said so. Mitchell left.",  # different first names
        "Officials in Hunan and Henan met. Henan agreed. Henan left.",  # distinct-names list
        "The Prime Minister spoke. The Nobel Prize Committee met. The Nobel Prize went to her.",
        "David Davis met. Davis said so and Davis left.",  # short, one letter apart
        "Jonson said so. Johnson agreed. Jonson and Johnson left. Johnson went.",  # both well used
    ]
    for t in texts:
        assert lint(t, ["K103"]) == [], t


def test_acronym_defined_twice_differently():
    text = "The Kurdistan Regional Government (KRG) met. Later the Kurdistan Regional Guard (KRG) spoke."
    diags = lint(text, ["K104"])
    assert [(d.start, d.end) for d in diags] == [span(text, "Kurdistan Regional Guard (KRG)")]
    assert diags[0].related[0].start == text.index("Kurdistan Regional Government")


def test_acronym_definitions_both_orders_and_same_expansion():
    text = ("The Syrian Democratic Forces (SDF) run camps. The SDF (Syrian Democratic Forces) agreed. "
            "The Defeat-ISIS (D-ISIS) Coalition met. The Kurdistan Regional Government (KRG.) too.")
    assert lint(text, ["K104", "K105"]) == []


def test_acronym_used_before_definition_in_body_only():
    text = ("SDF CAMPS UNDER STRAIN\n\nThe SDF runs the camps. The Syrian Democratic Forces (SDF) said so. "
            "The SDF agreed.")
    diags = lint(text, ["K105"])
    assert [(d.start, d.end) for d in diags] == [span(text, "SDF", 1)]
    assert (diags[0].related[0].start, diags[0].related[0].end) == span(text, "SDF", 2)


def test_form_variants_once_per_group():
    text = "Prices rose 5 percent in May, 3 percent in June and 2 per cent in July; the cease-fire held, the ceasefire held."
    diags = lint(text, ["K106"])
    assert [d.text for d in diags] == ["per cent", "ceasefire"]
    assert diags[0].suggestions == ["percent"]


def test_house_spellings_fix_and_case():
    text = "Hizbollah and Hizballah fighters near Irbil; the Teheran talks. Hezbollah agreed."
    diags = lint(text, ["K101"])
    assert [(d.text, d.fix) for d in diags] == [
        ("Hizbollah", "Hezbollah"), ("Hizballah", "Hezbollah"), ("Irbil", "Erbil"), ("Teheran", "Tehran")]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcAB", max_size=7), st.text(alphabet="abcAB", max_size=7))
def test_one_edit_apart_is_rapidfuzz_osa_at_most_one(a, b):
    from rapidfuzz.distance import OSA

    from linter.kinds.consistency.name_spelling import one_edit_apart

    assert one_edit_apart(a, b) == (OSA.distance(a, b) <= 1)


def test_one_edit_apart_on_names():
    from linter.kinds.consistency.name_spelling import one_edit_apart

    assert one_edit_apart("Romanowski", "Romanowsky")  # changed
    assert one_edit_apart("Fuyao", "Fuayo")  # swapped
    assert one_edit_apart("Knoepfler", "Knoepler")  # dropped
    assert one_edit_apart("Cavusoglu", "Cavusolglu")  # added
    assert one_edit_apart("Yanukovych", "Yanukovich")
    assert not one_edit_apart("Johnson", "Jonsen")  # two edits
