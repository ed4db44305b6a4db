"""Word input: a .docx read as its accepted text, one line per paragraph.

The seed written as a Word document (heading and caption styles, runs split by formatting,
a comment, a tracked insertion and deletion, a footnote mark) must give the text version's
findings at paragraph:character; tables, comments, tracked changes, broken files and the
missing extra are checked on documents built here."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import pickle
import re
import sys
import zipfile

import pytest

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

from conftest import ROOT  # noqa: E402
from seed_formats import SEED, seed_to_docx  # noqa: E402

from linter import Config  # noqa: E402
from linter.engine import lint_file, read_source, rules_for, select_rules  # noqa: E402
from linter.formats import FormatError, load_document  # noqa: E402
from linter.formats.docx import EXTRA, DocxText, read_docx  # noqa: E402
from linter.reporters.text import DOCX_NOTE  # noqa: E402

SEED_TEXT = SEED.read_text(encoding="utf-8")


def _json(run_cli, *args):
    code, out, err = run_cli(*args, "--isolated", "--no-cache", "--format", "json")
    return code, json.loads(out)["diagnostics"], err


def _text_of(path) -> DocxText:
    return read_docx(path.read_bytes(), 10**8)


def _save(document, path):
    document.save(str(path))
    return path


# ---------------------------------------------------------------------------
# The seed as a Word document


def test_seed_document_gives_the_seeds_findings_at_paragraph_positions(run_cli, tmp_path, monkeypatch):
    path = tmp_path / "draft.docx"
    line_map = seed_to_docx(SEED_TEXT, path)
    monkeypatch.chdir(ROOT)
    _, want, _ = _json(run_cli, "seeds/000_5ae41dc0945392ff.txt")
    code, got, err = _json(run_cli, str(path))
    assert code == 1 and err == ""
    assert len(got) == len(want) == 16
    for g, w in zip(got, want):
        assert (g["rule"], g["text"], g["severity"], g["suggestions"]) == (w["rule"], w["text"], w["severity"], w["suggestions"])
        assert (g["line"], g["column"], g["end_line"], g["end_column"]) == \
            (line_map[w["line"]], w["column"], line_map[w["end_line"]], w["end_column"])
        assert g["message"] == re.sub(r"\bline (\d+)", lambda m: f"line {line_map[int(m.group(1))]}", w["message"])
        assert [(r["line"], r["column"]) for r in g["related"]] == [(line_map[r["line"]], r["column"]) for r in w["related"]]
    # the text is the seed's paragraphs: the comment, the deleted words and the footnote mark are not in it
    lines = str(_text_of(path)).split("\n")
    assert lines == [line for line in SEED_TEXT.split("\n") if line.strip()]


def test_seed_document_text_output_says_once_what_positions_mean(run_cli, tmp_path):
    path = tmp_path / "draft.docx"
    seed_to_docx(SEED_TEXT, path)
    code, out, err = run_cli(str(path), str(SEED), "--isolated", "--no-cache")
    lines = out.splitlines()
    assert lines.count(DOCX_NOTE) == 1 and lines[-2] == DOCX_NOTE
    assert lines[-1] == "Found 32 problems in 2 files (2 errors, 6 warnings, 24 infos)."
    assert f"{path}:40:44: error: '9,00' is not a well-formed number" in out
    code, out, _ = run_cli(str(SEED), "--isolated", "--no-cache")
    assert DOCX_NOTE not in out  # only when a Word document has findings


def test_document_date_from_core_properties(run_cli, tmp_path):
    path = tmp_path / "draft.docx"
    seed_to_docx(SEED_TEXT, path)
    code, out, err = run_cli(str(path), "--isolated", "--no-cache", "--verbose", "--format", "json")
    assert f"{path}: document date 2024-09-30 (Word core properties (last modified))" in err
    code, out, err = run_cli(str(path), "--isolated", "--no-cache", "--verbose", "--format", "json", "--date", "2024-10-02")
    assert "document date 2024-10-02 (--date/config)" in err
    seed_to_docx(SEED_TEXT, path, with_date=False)
    code, out, err = run_cli(str(path), "--isolated", "--no-cache", "--verbose", "--format", "json")
    assert "document date 2024-09-30 (inferred from 'September 30, 2024' (line 26)" in err  # paragraph 26


def test_stdin_with_a_docx_name(run_cli, tmp_path):
    from conftest import invoke_cli

    path = tmp_path / "draft.docx"
    seed_to_docx(SEED_TEXT, path)
    _, from_file, _ = _json(run_cli, str(path))
    code, out, _, err = invoke_cli("-", "--stdin-filename", str(path), "--isolated", "--no-cache", "--format", "json",
                                   stdin=path.read_bytes())
    assert json.loads(out)["diagnostics"] == from_file
    code, out, _, err = invoke_cli("-", "--stdin-filename", "x.docx", "--isolated", stdin=b"not a zip")
    assert code == 2 and out == "" and err == "factlint: error: stdin (x.docx): not a Word document (not a zip archive)\n"


# ---------------------------------------------------------------------------
# What is read: tables, styles, comments, tracked changes


def _document():
    d = docx.Document()
    d.core_properties.modified = dt.datetime(2024, 9, 30, 9, 0)
    return d


def test_tables_styles_and_empty_paragraphs(tmp_path):
    d = _document()
    d.add_paragraph("Ministers Meet", style="Title")
    d.add_paragraph("A subhead", style="Heading 2")
    d.add_paragraph("")
    d.add_paragraph("Unstyled short headline")
    d.add_paragraph("A quote.", style="Quote")
    d.add_paragraph("One item", style="List Bullet")
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Troops"
    table.cell(0, 1).text = "9,00"
    table.cell(0, 2).paragraphs[0].add_run("two")
    table.cell(0, 2).add_paragraph("lines")
    merged = table.cell(1, 0).merge(table.cell(1, 2))
    merged.text = "merged once"
    d.add_paragraph("Blinken at the ministerial (Photo: AFP)", style="Caption")
    d.add_paragraph("After the table, 8,00 more.")
    path = _save(d, tmp_path / "t.docx")
    text = _text_of(path)
    assert str(text).split("\n") == ["Ministers Meet", "A subhead", "", "Unstyled short headline", "A quote.", "One item",
                                     "Troops", "9,00", "two", "lines", "merged once",
                                     "Blinken at the ministerial (Photo: AFP)", "After the table, 8,00 more."]
    doc = load_document(text, "t.docx")
    assert [(doc.line_of(b.start), b.kind) for b in doc.blocks] == [
        # a short capitalised cell reads as a label, as it would in a text export of the table
        (1, "heading"), (2, "heading"), (4, "heading"), (5, "blockquote"), (6, "list-item"), (7, "heading"),
        (8, "paragraph"), (9, "paragraph"), (10, "paragraph"), (11, "paragraph"), (12, "caption"), (13, "paragraph")]
    config = Config(select=["N101"])
    ruleset = rules_for(config)
    result = lint_file(str(path), config, ruleset, select_rules(ruleset, config))
    assert [(x.line, x.column, x.end_column, x.text) for x in result.diagnostics] == [(8, 1, 5, "9,00"), (13, 18, 22, "8,00")]


def _paragraph_with_changes(d, before: str, deleted: str, inserted: str, after: str, mark_deleted: bool = False):
    """A paragraph "before + [deleted] + [inserted] + after" with tracked changes."""
    p = d.add_paragraph(before)
    r = p.runs[0]._r
    for tag, text, inner in (("w:del", deleted, "w:delText"), ("w:ins", inserted, "w:t")):
        change = r.makeelement(qn(tag), {qn("w:id"): str(len(tag)), qn("w:author"): "Ed", qn("w:date"): "2024-09-30T00:00:00Z"})
        run = copy.deepcopy(r)
        t = run.find(qn("w:t"))
        t.tag = qn(inner)
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        change.append(run)
        p._p.append(change)
    p.add_run(after)
    if mark_deleted:
        ppr = p._p.get_or_add_pPr()
        rpr = ppr.makeelement(qn("w:rPr"), {})
        rpr.append(rpr.makeelement(qn("w:del"), {qn("w:id"): "9", qn("w:author"): "Ed"}))
        ppr.append(rpr)
    return p


def test_tracked_changes_are_read_accepted_and_comments_are_not_read(tmp_path):
    d = _document()
    p = _paragraph_with_changes(d, "They saw", " 9,00 men", " 9,000 men", " and 7,00 horses.")
    d.add_comment(p.runs, text="Is 7,00 right? the the 5,00", author="Desk", initials="D")
    _paragraph_with_changes(d, "Joined", " 3,00", " to", "", mark_deleted=True)
    d.add_paragraph(" the next paragraph, 4,00 of them.")
    hidden = d.add_paragraph("Visible ")
    hidden.add_run("6,00 hidden").font.hidden = True
    path = _save(d, tmp_path / "t.docx")
    assert str(_text_of(path)).split("\n") == [
        "They saw 9,000 men and 7,00 horses.",
        "Joined to the next paragraph, 4,00 of them.",  # the deleted paragraph mark joins the two
        "Visible ",
    ]
    config = Config(select=["N101", "S101"])
    ruleset = rules_for(config)
    result = lint_file(str(path), config, ruleset, select_rules(ruleset, config))
    assert [(x.line, x.column, x.text) for x in result.diagnostics] == [(1, 24, "7,00"), (2, 31, "4,00")]


def test_structure_is_part_of_the_cache_key_and_survives_pickling(tmp_path):
    from linter.cache import ResultCache

    d = _document()
    d.add_paragraph("Ministers Meet")
    a = _text_of(_save(d, tmp_path / "a.docx"))
    d.paragraphs[0].style = d.styles["Heading 1"]
    b = _text_of(_save(d, tmp_path / "b.docx"))
    assert str(a) == str(b) and a.kinds != b.kinds
    cache = ResultCache(tmp_path / "cache", "run")
    assert cache.key(a, "x.docx") != cache.key(b, "x.docx")
    c = pickle.loads(pickle.dumps(b))
    assert type(c) is DocxText and (str(c), c.kinds, c.date, c.date_source) == (str(b), b.kinds, b.date, b.date_source)


def test_worker_pool_reads_word_documents_like_a_serial_run(tmp_path, monkeypatch):
    from linter import parallel

    for i in range(3):
        seed_to_docx(SEED_TEXT, tmp_path / f"d{i}.docx")
    config = Config()
    ruleset = rules_for(config)
    rules = select_rules(ruleset, config)
    files = sorted(str(p) for p in tmp_path.glob("*.docx"))
    serial = parallel.lint_many(files, config, ruleset, rules, jobs=1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    pooled = parallel.lint_many(files, config, ruleset, rules, jobs=2)
    assert [[x.to_dict() for x in r.diagnostics] for r in pooled] == [[x.to_dict() for x in r.diagnostics] for r in serial]
    assert all(len(r.diagnostics) == 16 for r in serial)


# ---------------------------------------------------------------------------
# Broken documents and the missing extra


def _zip(parts: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return buf.getvalue()


def _good_bytes(tmp_path) -> bytes:
    d = _document()
    d.add_paragraph("Fine 9,00.")
    return _save(d, tmp_path / "good.docx").read_bytes()


@pytest.mark.parametrize("make, message", [
    (lambda good: b"plain text, not a zip", "not a Word document (not a zip archive)"),
    (lambda good: good[: len(good) // 2], "not a Word document (broken zip archive: File is not a zip file)"),
    (lambda good: _zip({"hello.txt": "hi"}), "not a Word document (a zip archive without word/document.xml)"),
    (lambda good: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "not a .docx: an old Word (.doc) file"),
    (lambda good: _swap(good, "word/document.xml", b"<w:document"), "not a readable Word document ("),
    (lambda good: _swap(good, "word/document.xml", None), "not a readable Word document ("),
    (lambda good: _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<x/>"}), "not a readable Word document ("),
])
def test_broken_documents_are_an_f001_and_exit_2(run_cli, tmp_path, make, message):
    (tmp_path / "bad.docx").write_bytes(make(_good_bytes(tmp_path)))
    (tmp_path / "ok.txt").write_text("They met the the minister.\n", encoding="utf-8")
    code, out, err = run_cli(str(tmp_path / "bad.docx"), str(tmp_path / "ok.txt"), "--isolated", "--no-cache")
    assert code == 2
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'bad.docx'}:1:1: error: {message}") and "[F001 unreadable-file]" in lines[0]
    assert any(line.startswith(f"{tmp_path / 'ok.txt'}:1:") for line in lines)  # the rest of the run went on
    assert err.startswith(f"factlint: error: {tmp_path / 'bad.docx'}: {message}") and len(err.splitlines()) == 1


def _swap(data: bytes, name: str, body: bytes | None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in src.namelist():
            if n != name:
                z.writestr(n, src.read(n))
            elif body is not None:
                z.writestr(n, body)
    return buf.getvalue()


def test_a_zip_bomb_is_refused(tmp_path):
    bomb = _swap(_good_bytes(tmp_path), "word/media/padding.bin", None)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bomb)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n in src.namelist():
            z.writestr(n, src.read(n))
        z.writestr("word/media/padding.bin", b"\x00" * 2_000_000)
    with pytest.raises(FormatError, match=r"unpacks to [\d,]+ bytes, over 10 times the 100,000-byte limit \(max-file-size\)"):
        read_docx(buf.getvalue(), 100_000)


def test_without_python_docx_the_cli_names_the_extra_and_exits_2(run_cli, tmp_path, monkeypatch):
    path = tmp_path / "draft.docx"
    path.write_bytes(_good_bytes(tmp_path))
    monkeypatch.setitem(sys.modules, "docx", None)  # "import docx" raises ImportError
    code, out, err = run_cli(str(path), str(SEED), "--isolated", "--no-cache")
    assert (code, out) == (2, "")
    assert err == f"factlint: error: {EXTRA}\n" and 'pip install "factlint[docx]"' in err
    # the Python API reports it for the file (F001), and lints the rest
    text, error = read_source(str(path), Config())
    assert text is None and error == EXTRA


def test_fix_never_rewrites_a_word_document(run_cli, tmp_path):
    d = _document()
    d.add_paragraph("A Hizbollah official.")
    path = _save(d, tmp_path / "t.docx")
    before = path.read_bytes()
    code, out, err = run_cli(str(path), "--fix", "--isolated", "--no-cache", "--select", "K101")
    assert path.read_bytes() == before
    assert code == 1 and "t.docx:1:3: warning: House spelling is 'Hezbollah'" in out
    assert f"factlint: {path}: Word documents are not rewritten by --fix; make the fixes in Word" in err


def test_json_sarif_and_proof_on_a_word_document(run_cli, tmp_path, monkeypatch):
    from test_html_report import _Marks

    seed_to_docx(SEED_TEXT, tmp_path / "draft.docx")
    monkeypatch.chdir(tmp_path)
    _, got, _ = _json(run_cli, "draft.docx")
    _, out, _ = run_cli("draft.docx", "--isolated", "--no-cache", "--format", "sarif")
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in json.loads(out)["runs"][0]["results"]]
    assert [(r["startLine"], r["startColumn"]) for r in regions] == [(g["line"], g["column"]) for g in got]
    _, proof, _ = run_cli("draft.docx", "--isolated", "--no-cache", "--format", "html")
    marks = _Marks()
    marks.feed(proof)
    for i, g in enumerate(got):
        assert marks.own.get(f"0-{i}") == g["text"]
    assert proof.split('<div class="article">', 1)[1].startswith("Defeat-ISIS Ministers Confirm Transition")


def test_entities_in_the_xml_are_never_resolved(tmp_path):
    """A document.xml declaring external and nested entities: nothing is fetched, read or
    expanded (python-docx's parser resolves no entities)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    good = _good_bytes(tmp_path)
    xml = zipfile.ZipFile(io.BytesIO(good)).read("word/document.xml").decode("utf-8")
    head = xml.index("?>") + 2
    doctype = (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}"><!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    evil = xml[:head] + doctype + xml[head:].replace("Fine 9,00.", "Fine &xxe; &c; 9,00.")
    text = read_docx(_swap(good, "word/document.xml", evil.encode("utf-8")), 10**8)
    assert "SECRET" not in text and "aaaa" not in text and "9,00" in text
