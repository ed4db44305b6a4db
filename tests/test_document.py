"""The document model: positions, masking, blocks, sentences, quotes."""

import datetime as dt

import pytest

from linter.document import Document, LineIndex, split_sentences


def test_line_index_maps_offsets_to_one_based_code_points():
    text = "héllo 😀 wörld\nsecond line"
    idx = LineIndex(text)
    assert idx.position(0) == (1, 1)
    assert idx.position(text.index("w")) == (1, 9)  # the emoji is one code point
    assert idx.position(text.index("second")) == (2, 1)
    assert idx.position(len(text)) == (2, 12)


def test_crlf_columns_ignore_carriage_returns():
    text = "one\r\ntwo three\r\n"
    doc = Document.from_text(text)
    assert doc.position(text.index("three")) == (2, 5)


def test_bom_is_removed_and_offsets_start_after_it():
    doc = Document.from_text("\ufeffThe end.")
    assert doc.text == "The end."
    assert doc.position(4) == (1, 5)


def test_prose_keeps_offsets_and_blanks_markdown_code_urls_and_comments():
    text = (
        "---\ndate: 2024-09-30\n---\n# Title\n\nSee `the the` and https://x.org/the the.\n\n"
        "```\nthe the\n```\n\n    indented the the\n\n<!-- the the -->\nEnd.\n"
    )
    doc = Document.from_text(text, path="a.md")
    assert len(doc.prose) == len(doc.text)
    assert doc.prose.count("\n") == doc.text.count("\n")
    assert "the the" not in doc.prose.replace("https", "")
    assert "`" not in doc.prose
    assert doc.date == dt.date(2024, 9, 30)
    assert doc.date_source == "front matter"
    assert doc.blocks[0].kind == "heading"


def test_plain_text_is_not_treated_as_markdown():
    doc = Document.from_text("Use `x` here.", path="a.txt")
    assert "`x`" in doc.prose


def test_one_line_paragraphs_in_unwrapped_plain_text():
    long = "A" + " word" * 30 + "."
    doc = Document.from_text(f"{long}\n{long}\n\nShort Headline Here\n")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "paragraph", "heading"]


def test_captions_and_read_more_lines_are_their_own_kinds():
    text = (
        "Officials met on Monday in the capital and agreed on a plan for the region, the ministry said.\n\n"
        "Blinken shakes hands with Hussein in Washington, DC. (Photo: AFP)\n\n"
        "Read More: Iraq must avoid entanglement\n"
    )
    kinds = [b.kind for b in Document.from_text(text).blocks]
    assert kinds == ["paragraph", "caption", "read-more"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S. officials met Dr. Fuad Hussein on Sept. 30 in Washington. It went well.",
         ["U.S. officials met Dr. Fuad Hussein on Sept. 30 in Washington.", "It went well."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("“We will stay,” he said. “Until 2026.” Then he left.",
         ["“We will stay,” he said.", "“Until 2026.”", "Then he left."]),
        ("J. Smith arrived. Nobody noticed!", ["J. Smith arrived.", "Nobody noticed!"]),
        ("Is it over? No.", ["Is it over?", "No."]),
    ],
)
def test_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == expected


def test_quotes_straight_curly_and_mismatched():
    text = 'He said “we stay” and “it is over” then "done" and "grew from 12 to 87.”'
    doc = Document.from_text(text)
    got = [(text[q.start:q.end], q.open_mark, q.close_mark) for q in doc.quotes]
    assert got == [
        ("“we stay”", "“", "”"),
        ("“it is over”", "“", "”"),
        ('"done"', '"', '"'),
        ('"grew from 12 to 87.”', '"', "”"),
    ]


def test_unclosed_quote_runs_to_end_of_paragraph():
    text = "He said “we will stay until the end\n\nNext paragraph."
    doc = Document.from_text(text)
    q = doc.quotes[0]
    assert not q.closed
    assert text[q.start:q.end] == "“we will stay until the end"


def test_apostrophes_are_not_quotes():
    doc = Document.from_text("The Coalition’s mission isn't over, it’s Iraq's.")
    assert doc.quotes == []


def test_lookups_by_offset():
    text = "First one. Second “quoted” one.\n\nNext."
    doc = Document.from_text(text)
    assert doc.sentence_at(text.index("Second")) == 1
    assert doc.quote_at(text.index("quoted")) is not None
    assert doc.quote_at(text.index("First")) is None
    assert doc.block_at(text.index("Next")) == 1
    assert doc.in_scope(text.index("quoted"), "quote")
    assert doc.in_scope(text.index("First"), "prose")
