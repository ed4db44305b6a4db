"""Inputs a newsroom has: a folder with nothing lintable, old Mac line endings, files saved
as UTF-16 or Windows-1252, Markdown front matter in YAML or TOML."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_folder_with_no_lintable_file_is_exit_2(run_cli, here):
    """Was "No problems found in 0 files.", exit 0: a CI gate pointed at the wrong folder passed."""
    (here / "docs" / "img").mkdir(parents=True)
    (here / "docs" / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (here / "docs" / "img" / "chart.png").write_bytes(b"\x89PNG\r\n")
    code, out, err = run_cli("docs")
    assert (code, out) == (2, "")
    assert err == ("factlint: error: no files to lint in docs: no file ending in .txt, .md, .markdown "
                   "(name a file to lint it whatever its extension, or set `extensions` in the config)\n")
    (here / "empty").mkdir()
    assert run_cli("empty")[0] == 2
    (here / "docs" / "story.md").write_text("Fine.\n")  # one lintable file is enough
    assert run_cli("docs") == (0, "No problems found in 1 file.\n", "")


def test_explicit_files_all_excluded_is_a_clean_empty_run(run_cli, here):
    """pre-commit passes staged files with --force-exclude; all excluded is not an error."""
    (here / ".factlint.yaml").write_text("exclude: ['drafts/*']\n")
    (here / "drafts").mkdir()
    (here / "drafts" / "d.md").write_text("the the\n")
    assert run_cli("drafts/d.md", "--force-exclude") == (0, "No problems found in 0 files.\n", "")


def test_cr_only_line_endings_give_the_same_lines_as_lf(run_cli, here):
    """A CR-only file (old Mac, some CMS exports) put every finding on line 1."""
    from conftest import SEEDS

    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    for name, text in (("lf.txt", seed), ("cr.txt", seed.replace("\n", "\r")), ("crlf.txt", seed.replace("\n", "\r\n"))):
        (here / name).write_bytes(text.encode("utf-8"))
    found = {}
    for name in ("lf.txt", "cr.txt", "crlf.txt"):
        out = run_cli(name, "--isolated", "--format", "json")[1]
        found[name] = [(d["line"], d["column"], d["end_line"], d["end_column"], d["rule"], d["message"])
                       for d in json.loads(out)["diagnostics"]]
    assert len(found["lf.txt"]) >= 10 and max(d[0] for d in found["lf.txt"]) > 50
    assert found["cr.txt"] == found["lf.txt"] == found["crlf.txt"]


def test_line_index_counts_cr_lf_and_crlf():
    from linter.document import LineIndex

    index = LineIndex("a\rb\r\nc\nd")
    assert [index.position(o) for o in (0, 2, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert index.line_span(1) == (0, 1) and index.line_span(2) == (2, 4)  # a CRLF line keeps its CR, as before


SEED_LINE = "He called the plan \u201cpremature\u201d \u2013 the the talks ended.\n"


@pytest.mark.parametrize("name, data, encoding", [
    ("utf16.txt", SEED_LINE.encode("utf-16"), "UTF-16"),  # Word's "Unicode text": LE with a BOM
    ("utf16be.txt", b"\xfe\xff" + SEED_LINE.encode("utf-16-be"), "UTF-16"),
    ("utf32.txt", SEED_LINE.encode("utf-32"), "UTF-32"),
    ("cp1252.txt", SEED_LINE.encode("cp1252"), "cp1252"),  # curly quotes as 0x93/0x94, dash 0x96
])
def test_utf16_and_cp1252_files_are_read(run_cli, here, name, data, encoding):
    """Were F001 "cannot decode as UTF-8" and not linted."""
    from linter.encoding import decode

    assert decode(data) == (SEED_LINE, encoding, None)
    (here / name).write_bytes(data)
    code, out, _ = run_cli(name, "--select", "S101", "--format", "json")
    (d,) = json.loads(out)["diagnostics"]
    assert (d["rule"], d["line"], d["column"], d["text"]) == ("S101", 1, 34, "the the")


def test_western_european_text_is_read_as_cp1252_not_a_lookalike():
    """charset-normalizer ranks cp1250 equal to cp1252 here and would read "naïve" as "naďve"."""
    from linter.encoding import decode

    text = "Caf\u00e9 owners in M\u00fcnchen said the fa\u00e7ade was na\u00efve.\n"
    assert decode(text.encode("cp1252")) == (text, "cp1252", None)
    polish = "Minister powiedzia\u0142, \u017ce rozmowy zako\u0144czy\u0142y si\u0119 w \u0141odzi.\n"
    assert decode(polish.encode("cp1250")) == (polish, "cp1250", None)  # where the text says otherwise, it wins


def test_undecodable_files_are_f001_with_a_clear_message(run_cli, here):
    (here / "damaged.txt").write_bytes("caf\u00e9 \u201cok\u201d\n".encode() + b"line two \xff\n")
    (here / "blob.txt").write_bytes(bytes(range(256)) * 4)
    code, out, _ = run_cli("damaged.txt", "blob.txt", "--format", "json")
    messages = {d["path"]: d["message"] for d in json.loads(out)["diagnostics"] if d["rule"] == "F001"}
    assert messages["damaged.txt"].startswith("not valid UTF-8: byte 0xff at line 2, offset 24 in a file that is otherwise UTF-8")
    assert messages["blob.txt"].startswith("cannot decode: not UTF-8 (byte 0x80 at line 3, offset 128)")
    assert code == 1


def test_fix_leaves_a_non_utf8_file_alone_and_says_why(run_cli, here):
    data = "Talks in Teheran ended.\n".encode("utf-16")
    (here / "a.txt").write_bytes(data)
    code, out, err = run_cli("check", "--fix", "--isolated", "a.txt")
    assert (here / "a.txt").read_bytes() == data
    assert "a.txt: not UTF-8, so not fixed (--fix writes UTF-8 files only): convert it to UTF-8 first" in err
    assert code == 1 and "[K101 house-spelling]" in out


FRONT_YAML = """\
---
title: "Talks in the the capital end"
description: >
  Ministers met on Monday, 30 September 2023,, to discuss 9,00 fighters.
date: 5 December 2026
tags: [the the]
author: Jane Doe Doe
---

The body is fine.
"""


def test_yaml_front_matter_title_and_description_are_linted_in_place(run_cli, here):
    """Front matter was blanked whole: a typo in the headline or standfirst went through."""
    (here / "story.md").write_text(FRONT_YAML)
    code, out, err = run_cli("story.md", "--isolated", "--verbose", "--format", "json")
    found = [(d["line"], d["column"], d["rule"], d["text"]) for d in json.loads(out)["diagnostics"]]
    assert found == [(2, 18, "S101", "the the"), (4, 20, "D101", "Monday, 30 September 2023"),
                     (4, 45, "S102", ",,"), (4, 59, "N101", "9,00")]  # tags and author are not prose
    assert err == "story.md: document date 2026-12-05 (front matter)\n"


def test_front_matter_title_is_a_heading_and_fields_are_separate_blocks():
    from linter.document import Document

    doc = Document.from_text(FRONT_YAML, path="story.md")
    title, description, body = doc.blocks
    assert (doc.text[title.start:title.end], title.kind) == ("Talks in the the capital end", "heading")
    assert doc.text[description.start:description.end].startswith("Ministers met") and description.kind == "paragraph"
    assert doc.text[body.start:body.end] == "The body is fine."
    assert "tags" not in doc.prose and "Jane" not in doc.prose and "date" not in doc.prose


@pytest.mark.parametrize("text, date", [
    ('+++\ntitle = "Ministers met in the the capital"\ndate = 2026-12-05\n+++\n\nBody.\n', "2026-12-05"),
    ("+++\ntitle = 'Ministers met in the the capital'\ndate = \"December 5, 2026\"\n+++\n\nBody.\n", "2026-12-05"),
    ('+++\r\ntitle = """Ministers met in the the capital"""\r\ndate = 2026-12-05T10:00:00Z\r\n+++\r\n\r\nBody.\r\n', "2026-12-05"),
    ("---\rtitle: Ministers met in the the capital\rdate: Sat, Dec. 5, 2026\r---\r\rBody.\r", "2026-12-05"),
    ("---\ntitle: Ministers met in the the capital\ndate: '2026-12-05'\n---\nBody.\n", "2026-12-05"),
    ("---\ntitle: Ministers met in the the capital\ndate: December 2026\n---\nBody.\n", None),  # not one day
    ("---\ntitle: Ministers met in the the capital\ndate: 31 November 2026\n---\nBody.\n", None),  # no such day
])
def test_toml_front_matter_and_written_out_dates(text, date):
    from linter import Config, lint_text
    from linter.document import Document
    from linter.engine import attach_facts

    doc = Document.from_text(text, path="story.md")
    attach_facts(doc)  # a date written out is read by the date parser, as a run does
    assert (doc.date.isoformat() if doc.date else None) == date
    (d,) = lint_text(text, path="story.md", config=Config(select=["S101"]))
    assert (d.line, d.text) == (2, "the the")
    assert doc.text[d.start:d.end] == "the the"


def test_broken_front_matter_is_not_linted_and_not_fatal():
    from linter import Config, lint_text

    text = "---\ntitle: [the the\ndate: 2026-12-05\n---\nBody.\n"
    assert lint_text(text, path="story.md", config=Config(select=["S101"])) == []
