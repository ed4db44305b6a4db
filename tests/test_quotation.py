"""Quotation marks and brackets (Q101-Q105)."""

from __future__ import annotations

from rule_helpers import SEED, lint, span

import linter
from linter.config import Config
from linter.document import Document


def test_seed_straight_open_curly_close_on_line_69():
    text = SEED.read_text(encoding="utf-8")
    diags = [d for d in lint(text, ["Q101"])]
    assert len(diags) == 1
    d = diags[0]
    assert (d.line, d.column, d.end_line, d.end_column) == (69, 60, 69, 91)
    assert d.text == '"grew from 12 to 87 countries.”'
    assert d.suggestions == ["“grew from 12 to 87 countries.”"]
    assert d.severity == "warning"


def test_seed_full_stop_mid_sentence_on_line_91():
    text = SEED.read_text(encoding="utf-8")
    diags = lint(text, ["Q105"])
    assert [(d.line, d.text) for d in diags] == [(91, ".”")]
    assert diags[0].suggestions == [",”"]


def test_seed_has_no_other_quotation_findings():
    text = SEED.read_text(encoding="utf-8")
    rules = sorted({d.rule for d in lint(text, ["Q102", "Q103", "Q104"])})
    assert rules == []


def test_mismatch_suggestion_follows_document_style():
    text = 'He said “we will stay" and left. "Yes," she said. "No," he said.'
    d = lint(text, ["Q101"])[0]
    assert (d.start, d.end) == span(text, '“we will stay"')
    assert d.suggestions == ['"we will stay"']


def test_german_and_french_pairs_are_fine():
    assert lint("Er sagte „nein” dazu. Il a dit «non» hier.", ["Q101"]) == []


def test_unclosed_curly_quote_and_run_on_convention():
    bad = "Blinken said “we will stay in Iraq, and left the room.\n\nHe flew home."
    d = lint(bad, ["Q102"])
    assert [(x.start, x.end) for x in d] == [span(bad, "“")]
    run_on = "“We will stay in Iraq,” he said.\n\n“We will stay in Syria.\n\n“And in Erbil,” he added."
    assert lint(run_on, ["Q102"]) == []


def test_stray_closing_mark():
    text = "Blinken said we will stay in Iraq” and left."
    assert [(d.start, d.end) for d in lint(text, ["Q102"])] == [span(text, "”")]


def test_straight_unclosed_quote_is_too_ambiguous_to_report():
    assert lint('He is 6\'2" tall and said "we will stay in Iraq.', ["Q102"]) == []


def test_brackets():
    text = "The Syrian Democratic Forces (SDF run the camps.\n\nThe KRG] said so :)"
    diags = lint(text, ["Q103"])
    assert [(d.start, d.end, d.message) for d in diags] == [
        (text.index("("), text.index("(") + 1, "'(' is never closed in this paragraph"),
        (text.index("]"), text.index("]") + 1, "']' has no opening '['"),
    ]


def test_enumerations_are_not_brackets():
    assert lint("The camps need: 1) food, 2) water and a) b) c) more. (Kurdistan 24) said so.", ["Q103"]) == []


def test_bracket_aside_across_paragraph_break_is_let_go():
    text = "He raised eight fingers. (There is another explanation.\n\nIt is the area code.) Also fine."
    assert lint(text, ["Q103"]) == []


def test_mismatched_bracket_kinds():
    text = "The camps (in the northeast] hold 43,000 people."
    d = lint(text, ["Q103"])
    assert [(x.start, x.message) for x in d] == [(text.index("]"), "']' closes '('")]
    assert (d[0].related[0].start, d[0].related[0].end) == span(text, "(")


def test_nested_double_quotes():
    text = "“He told me “no” three times,” she said."
    d = lint(text, ["Q104"])
    assert [(x.start, x.end) for x in d] == [span(text, "“no”")]
    assert d[0].suggestions == ["‘no’"]
    # the inner marks are not also reported as unclosed/stray
    assert lint(text, ["Q102"]) == []


def test_closed_mid_sentence_exceptions():
    ok = "“Why?” he asked. “We left,” she said. It was “made in the U.S.” and sold here. He said “go...” and went."
    assert lint(ok, ["Q105"]) == []


def test_find_quotes_marks_for_mixed_pairs():
    """The document model keeps a straight-open/curly-close quote as one quote (Q101 relies on it)."""
    text = 'the Coalition "grew from 12 to 87 countries.” In 2017, it “dismantled the last stronghold,” he said.'
    doc = Document.from_text(text)
    assert [(q.open_mark, q.close_mark, q.closed) for q in doc.quotes] == [('"', "”", True), ("“", "”", True)]


def test_crlf_and_multibyte():
    text = "Titre\r\n\r\nLe ministre a dit \"ça ira très bien.” Puis il est parti.\r\n"
    d = lint(text, ["Q101"])
    assert len(d) == 1 and d[0].text == "\"ça ira très bien.”" and (d[0].line, d[0].column) == (3, 19)


def test_run_on_quote_across_a_lost_paragraph_break():
    text = "“We had an outbreak which closed three wards. “It meant our performance dropped,” he said."
    assert lint(text, ["Q102"]) == []


def test_no_traceback_on_odd_input():
    """Random mixes of marks, brackets, acronyms and line endings never break a check."""
    import random

    rng = random.Random(3)
    alphabet = 'aB C.D\n\r"“”‘’«»„()[]\'U.S. US (KRG) Kurdistan Regional Government (KRG)…—-\t😀é'
    config = Config(select=["R", "Q", "K"])
    for i in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        linter.lint_text(text, path="x.md" if i % 2 else "x.txt", config=config)
