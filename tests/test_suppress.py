"""Inline suppressions in Markdown and plain text."""

from linter import Config, lint_text

CFG = Config(select=["S101"])


def rules(text, path="a.md"):
    return [(d.rule, d.line) for d in lint_text(text, path=path, config=CFG)]


def test_disable_next_line():
    text = "<!-- factlint-disable-next-line S101 -- quoting a typo -->\nthe the\nthe the\n"
    assert rules(text) == [("S101", 3)]


def test_disable_enable_range_and_prefix():
    text = "the the\n<!-- factlint-disable S -->\nthe the\n\nthe the\n<!-- factlint-enable S -->\nthe the\n"
    assert rules(text) == [("S101", 1), ("S101", 7)]


def test_blanket_disable_to_end_of_file_in_plain_text():
    assert rules("the the\n<!-- factlint-disable -->\nthe the\n", path="a.txt") == [("S101", 1)]


def test_unused_suppression_is_reported():
    text = "<!-- factlint-disable-next-line S101 -->\nAll fine.\n"
    diags = lint_text(text, path="a.md", config=CFG)
    assert [(d.rule, d.line, d.column, d.severity) for d in diags] == [("F002", 1, 1, "warning")]
    assert diags[0].message == "suppression of S101 suppresses nothing"


def test_unused_suppression_of_an_unselected_rule_is_not_reported():
    text = "<!-- factlint-disable-next-line N101 -->\nAll fine.\n"
    assert lint_text(text, path="a.md", config=CFG) == []


def test_unused_suppression_report_can_be_ignored():
    text = "<!-- factlint-disable-next-line S101 -->\nAll fine.\n"
    assert lint_text(text, path="a.md", config=Config(select=["S101"], ignore=["F002"])) == []


def test_many_directives_cost_linear_time():
    """Thousands of directives: one sweep, not every finding against every directive."""
    import time

    def seconds(n):
        text = "<!-- factlint-disable S102 -->the the\n" * n
        started = time.process_time()
        diags = lint_text(text, path="a.md", config=CFG)
        assert len(diags) == n  # each repeat reported (S102 is not selected, so no F002)
        return time.process_time() - started

    seconds(200)  # warm-up
    small, large = seconds(1000), seconds(8000)
    assert large < 8 * small * 3 + 0.5


def test_overlapping_ranges_and_prefixes():
    text = ("<!-- factlint-disable S101 -->\n<!-- factlint-disable S -->\nthe the\n"
            "<!-- factlint-enable S -->\nthe the\n<!-- factlint-enable S101 -->\nthe the\n")
    # the outer S101 range suppresses line 3 first, so the inner one is redundant: F002
    assert rules(text) == [("F002", 2), ("S101", 7)]
