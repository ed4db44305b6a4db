"""Duplicated paragraphs and sentences (R101, R102) and misquotes (Q106)."""

from __future__ import annotations

import time

from conftest import ROOT
from rule_helpers import SEED, lint, span

import linter
from linter.config import Config


def test_seed_doubled_captions_and_repeated_lede():
    text = SEED.read_text(encoding="utf-8")
    diags = lint(text, ["R101", "R102"])
    got = [(d.rule, d.line, d.column, d.end_line, [(r.line, r.column) for r in d.related]) for d in diags]
    assert got == [
        ("R101", 6, 1, 6, [(5, 1)]),
        ("R101", 12, 1, 12, [(3, 1)]),
        ("R101", 51, 1, 51, [(50, 1)]),
    ]
    lines = text.split("\n")
    caption = diags[0]
    assert (caption.end_column, caption.related[0].end_column) == (len(lines[5]) + 1, len(lines[4]) + 1)
    assert caption.related[0].message == "first stated here"
    assert "word for word" in caption.message
    assert "% alike" in diags[1].message  # the lede was edited a little: a near repeat


def test_exact_spans_and_third_copy_points_at_first():
    para = "The ministers met in Washington on Monday to plan the next phase of the long campaign."
    text = f"{para}\n\nSomething else happened later that day in the city.\n\n{para}\n\n{para}\n"
    diags = lint(text, ["R101"])
    assert [(d.start, d.end) for d in diags] == [span(text, para, 1), span(text, para, 2)]
    assert all((d.related[0].start, d.related[0].end) == span(text, para, 0) for d in diags)


def test_sentence_repeat_not_reported_inside_repeated_paragraph():
    para = ("The coalition will keep troops in Erbil until at least September next year. "
            "Officials in Baghdad said the plan had been agreed weeks ago with the government.")
    text = f"{para}\n\nOther news.\n\n{para}\n"
    diags = lint(text, ["R101", "R102"])
    assert [d.rule for d in diags] == ["R101"]


def test_sentence_repeat_in_other_paragraph():
    s = "The coalition will keep troops in Erbil until at least September next year."
    text = f"{s} Talks go on.\n\nOfficials met again on Friday. {s}\n"
    diags = lint(text, ["R102"])
    assert [(d.start, d.end) for d in diags] == [span(text, s, 1)]
    assert (diags[0].related[0].start, diags[0].related[0].end) == span(text, s, 0)


def test_short_near_repeats_need_to_be_exact():
    text = ("Corner, Republic of Ireland. Conceded by Chris Gunter. Attempt blocked.\n\n"
            "Corner, Republic of Ireland. Conceded by Joe Allen. Attempt blocked.\n")
    assert lint(text, ["R101", "R102"]) == []


def test_pull_quote_in_blockquote_is_intentional():
    para = "We will not leave Iraq until the job is done and the region is safe again, the minister said."
    text = f"{para}\n\n> {para}\n\nMore text follows here.\n"
    assert lint(text, ["R101"], path="t.md") == []


def test_allow_regex_from_a_user_rule(tmp_path):
    rule = (ROOT / "rules" / "duplication" / "duplicate-paragraph.yaml").read_text(encoding="utf-8")
    rule = rule.replace("id: R101", "id: R901").replace("name: duplicate-paragraph", "name: my-duplicates")
    rule = rule.replace("ignore_blocks: [blockquote]", "ignore_blocks: [blockquote]\nallow: ['^Subscribe to']")
    (tmp_path / "r.yaml").write_text(rule, encoding="utf-8")
    boiler = "Subscribe to our newsletter for the latest news from the region every morning."
    text = f"{boiler}\n\nThe ministers met on Monday.\n\n{boiler}\n"
    cfg = Config(select=["R901"], rules=[str(tmp_path)])
    assert linter.lint_text(text, path="t.txt", config=cfg) == []
    assert [d.rule for d in linter.lint_text(text, path="t.txt", config=Config(select=["R101"]))] == ["R101"]


def test_runaway_allow_regex_is_bounded(tmp_path):
    # 'allow' is a user's regex: it runs with the time budget and times out as F003
    rule = (ROOT / "rules" / "duplication" / "duplicate-paragraph.yaml").read_text(encoding="utf-8")
    rule = rule.replace("id: R101", "id: R902").replace("name: duplicate-paragraph", "name: my-duplicates")
    rule = rule.replace("ignore_blocks: [blockquote]", "ignore_blocks: [blockquote]\nallow: ['(a|aa)+$']")
    (tmp_path / "r.yaml").write_text(rule, encoding="utf-8")
    para = "The ministers met on Monday to plan the next phase of the campaign " + "a" * 60 + "b"
    t0 = time.perf_counter()
    diags = linter.lint_text(f"{para}\n\n{para}\n", path="t.txt", config=Config(select=["R902"], rules=[str(tmp_path)]))
    assert [d.rule for d in diags] == ["F003"]
    assert time.perf_counter() - t0 < 20


def test_crlf_and_multibyte_offsets():
    para = "Les ministres se sont réunis à Washington lundi pour préparer la phase suivante — “vite”."
    text = f"Titre\r\n\r\n{para}\r\n\r\nAutre chose ici.\r\n\r\n{para}\r\n"
    diags = lint(text, ["R101"])
    assert len(diags) == 1
    d = diags[0]
    assert (d.start, d.end) == span(text, para, 1)
    assert d.text == para and (d.line, d.column, d.end_line) == (7, 1, 7)
    assert d.related[0].line == 3


def test_near_linear_on_a_large_document():
    """~600 KB of distinct paragraphs with a few pasted twice: all found, quickly.
    (The check alone is timed; a quadratic pair loop would take minutes here.)"""
    import random

    from linter.document import Document
    from linter.engine import lint_document, rules_for, select_rules

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(5000)]
    paras = [" ".join(rng.choice(vocab) for _ in range(rng.randint(20, 60))).capitalize() + "."
             for _ in range(2600)]
    for i in (100, 1200, 2400):
        paras.insert(i + 7, paras[i])
    text = "\n\n".join(paras)
    assert len(text) > 600_000
    config = Config(select=["R101", "R102"])
    ruleset = rules_for(config)
    doc = Document.from_text(text, path="big.txt")
    doc.sentences  # built by the document model, not timed here
    started = time.perf_counter()
    diags = lint_document(doc, config, select_rules(ruleset, config), ruleset)
    elapsed = time.perf_counter() - started
    assert [d.rule for d in diags] == ["R101"] * 3
    assert elapsed < 15, elapsed


# -- misquote -----------------------------------------------------------------

def test_misquote_word_changed():
    text = ("Blinken said the Coalition mission “will conclude in Iraq in September 2025.”\n\n"
            "Later, Blinken repeated that the mission “would conclude in Iraq in September 2025.”\n")
    diags = lint(text, ["Q106"])
    assert [(d.start, d.end) for d in diags] == [span(text, "“would conclude in Iraq in September 2025.”")]
    assert (diags[0].related[0].start, diags[0].related[0].end) == span(text, "“will conclude in Iraq in September 2025.”")
    assert "'would' here, 'will' there" in diags[0].message


def test_misquote_excerpts_and_exact_repeats_are_fine():
    text = ("Blinken said the mission “will conclude in Iraq in September 2025.”\n\n"
            "He said again it “will conclude in Iraq in September 2025.” It “will conclude in Iraq in September.”\n\n"
            "“We need to know whether the evidence of collusion is real,” he said. "
            "Others said “there is evidence of collusion here and now.”\n")
    assert lint(text, ["Q106"]) == []


def test_misquote_different_named_speakers():
    text = ("“We will stay in Iraq until the job is done,” Blinken said.\n\n"
            "“We will stay in Syria until the job is done,” Austin said.\n")
    assert lint(text, ["Q106"]) == []


LIVE = """The Latest: results night.

___.

{stamp1}

Clinton wins North Carolina. She now leads by 300 delegates in the overall count tonight.

It takes 2,383 delegates to win the Democratic nomination for president.

___.

{stamp2}

Rubio ends his campaign after losing Florida to Donald Trump by a wide margin tonight.

It takes 2,383 delegates to win the Democratic nomination for president.

Rubio ends his campaign after losing Florida to Donald Trump by a wide margin tonight.

___.

{stamp3}

It takes 2,383 delegates to win the Democratic nomination for president.
"""


def test_live_file_entries_are_compared_within_an_entry_only():
    """A live file restates its background in every timestamped entry; a paragraph given
    twice inside one entry is still a slip, and without the stamps every repeat counts."""
    live = LIVE.format(stamp1="8:35 p.m.", stamp2="8:20 p.m.", stamp3="10:05 GMT")
    assert [(d.rule, d.line) for d in lint(live, ["R101", "R102"])] == [("R101", 19)]
    plain = LIVE.format(stamp1="Later.", stamp2="Then.", stamp3="Finally.")
    assert [(d.rule, d.line) for d in lint(plain, ["R101", "R102"])] == [("R101", 17), ("R101", 19), ("R101", 25)]
    # two stamps are not a live file; a numbered list ("1.", "8.") is not a stamp
    two = LIVE.format(stamp1="8:35 p.m.", stamp2="8:20 p.m.", stamp3="Finally.")
    assert len(lint(two, ["R101"])) == 3
    assert len(lint(LIVE.format(stamp1="1.", stamp2="2.", stamp3="3."), ["R101"])) == 3
