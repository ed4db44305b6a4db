"""Attribution rules (A101-A104) end to end: the seed, scopes, configuration, word lists."""

from __future__ import annotations

import pytest
from conftest import SEEDS

import linter
from linter.config import Config

SEED = SEEDS / "000_5ae41dc0945392ff.txt"


def _lint(text: str, select=("A101", "A102", "A103", "A104"), path: str = "t.txt", **kw):
    return linter.lint_text(text, path=path, config=Config(select=list(select), **kw))


def _found(diags, rule=None):
    return [(d.rule, d.line, d.column, d.end_column, d.text) for d in diags if rule is None or d.rule == rule]


@pytest.fixture(scope="module")
def seed_diags():
    return _lint(SEED.read_text(encoding="utf-8"), path=str(SEED))


def test_seed_opinion_passages_flagged(seed_diags):
    assert _found(seed_diags, "A102") == [
        ("A102", 65, 127, 139, "embarrassing"),
        ("A102", 67, 150, 175, "premature and unnecessary"),
    ]
    msgs = [d.message for d in seed_diags if d.rule == "A102"]
    assert "'embarrassing'" in msgs[0] and "'premature', 'unnecessary'" in msgs[1]
    assert {d.severity for d in seed_diags if d.rule == "A102"} == {"info"}  # below the warning bar by hand (README)


def test_seed_has_no_unattributed_quote(seed_diags):
    assert _found(seed_diags, "A101") == []


def test_seed_vague_sources_are_info(seed_diags):
    assert _found(seed_diags, "A103") == [
        ("A103", 3, 39, 74, "U.S. officials have repeatedly said"),
        ("A103", 12, 39, 74, "U.S. officials have repeatedly said"),
        ("A103", 16, 26, 52, "affirmed by U.S. officials"),
        ("A103", 30, 121, 163, "a senior administration official explained"),
    ]
    assert {d.severity for d in seed_diags if d.rule == "A103"} == {"info"}


def test_default_rule_set():
    diags = linter.lint_text(SEED.read_text(encoding="utf-8"), config=Config(select=["attribution"]))
    rules = {d.rule for d in diags}
    assert "A102" in rules and "A104" not in rules  # A104 is off by default


def test_unattributed_quote_span_and_message():
    text = "The ministers met on Monday.\n\n“We will not leave until the job is done.”\n"
    (d,) = _lint(text, select=["A101"])
    assert (d.line, d.column, d.end_column) == (3, 1, 43)
    assert d.severity == "info" and d.category == "attribution"
    assert d.message == "Quote “We will not leave until the…” has no speaker: name who said it"


def test_headline_caption_and_read_more_quotes_are_out_of_scope():
    text = ("Minister Says “We Will Not Leave Until the Job Is Done Here”\n\n"
            "The ministers met on Monday in Washington to discuss the coalition and its future plans.\n\n"
            "Read More: “Iraq must avoid entanglement in the conflicts,” FM urges\n\n"
            "A man walks past the ministry building in Baghdad, “where the talks were held today.” (Photo: AFP)\n")
    assert _found(_lint(text, select=["A101"])) == []


def test_opinion_attributed_or_quoted_is_not_flagged():
    for text in (
        "Critics said the withdrawal was premature and unnecessary.",
        "The withdrawal was premature, according to two former generals.",
        "“It was a disastrous decision,” the senator said.",
        "Corbyn slams the Brexit approach as 'reckless'.",
        "The baby was born after a premature birth at 30 weeks.",
    ):
        assert _found(_lint(text, select=["A102"])) == [], text


def test_opinion_after_a_quote_is_the_writers():
    text = "“Ten years ago,” Blinken said, “the United States mobilized a coalition”—leaving out a disastrous retreat."
    assert _found(_lint(text, select=["A102"])) == [("A102", 1, 88, 98, "disastrous")]


def test_vague_source_named_official_is_not_flagged():
    assert _found(_lint("Officials, including Defense Secretary Jim Mattis, said the raid succeeded.", select=["A103"])) == []
    assert _found(_lint("The official said the raid succeeded.", select=["A103"])) == []
    assert _found(_lint("Critics argue that the raid failed.", select=["A103"])) == [("A103", 1, 1, 14, "Critics argue")]


def test_vague_source_severity_is_configurable():
    (d,) = _lint("Experts warn that the dam could fail.", select=["A103"], severity={"A103": "warning"})
    assert (d.severity, d.text) == ("warning", "Experts warn")


def test_unsourced_claim_needs_explicit_selection():
    text = "Unemployment fell 3 percent last year because of the new policy."
    assert _found(_lint(text, select=["attribution"])) == []
    assert _found(_lint(text, select=["A104"])) == [("A104", 1, 19, 28, "3 percent")]
    assert _found(_lint(text + " The ministry said so on Monday.", select=["A104"])) == []


def test_user_pack_extends_reporting_verbs(tmp_path):
    pack = tmp_path / "pack" / "wordlists"
    pack.mkdir(parents=True)
    (pack / "verbs.yaml").write_text("name: reporting-verbs\ndescription: house verbs\nwords: [intoned]\n")
    text = "The ministers met.\n\n“We will win the next election,” the candidate intoned.\n"
    assert [d.rule for d in _lint(text, select=["A101"])] == ["A101"]
    assert _lint(text, select=["A101"], rules=[str(tmp_path / "pack")]) == []


def test_bad_input_does_not_crash():
    for text in ("", "“", "\"\"\"", "said said said", "“”", "According to", "— said", ":“", "Read More:"):
        _lint(text)


def test_markdown_pull_quote_and_list_item():
    text = ("---\ndate: 2024-09-30\n---\n# Talks end\n\n> “We will not leave until the job is done.”\n\n"
            "- “We will not leave until the job is done,” Blinken said.\n")
    assert _found(_lint(text, select=["A101"], path="a.md")) == []


@pytest.mark.parametrize("text", [
    '"' * 20000 + " said",
    ", a" * 20000 + " said",
    "“" * 20000,
    "said " * 20000,
    "According to " * 20000,
    "\r\n".join(["“We will win,” he said."] * 3000),
    " ".join(["and “we will rebuild the town and more” and he said so and premature"] * 3000),
], ids=["straight-marks", "commas", "openers", "said", "according-to", "crlf", "one-long-sentence"])
def test_pathological_input_is_fast(text):
    import time

    t0 = time.perf_counter()
    _lint(text)
    assert time.perf_counter() - t0 < 20


def test_bad_exception_regex_in_an_opinion_rule_is_a_load_error(tmp_path):
    from linter import RuleSetError, load_rules

    (tmp_path / "op.yaml").write_text(
        "id: X901\nname: my-opinion\nkind: opinion\ncategory: attribution\nseverity: info\n"
        "message: 'Opinion {words}'\ndescription: test\nwords: [reckless]\nexceptions: ['(unclosed']\n"
        "examples:\n  - text: 'The <marker>reckless</marker> plan.'\n  - text: 'The plan.'\n")
    with pytest.raises(RuleSetError, match="invalid regex in 'exceptions'"):
        load_rules([str(tmp_path)], builtin=False)
