"""Word documents (``.docx``, also what Google Docs exports): the accepted text of the body,
one line per paragraph, so ``path:line:col`` means paragraph:character.

Paragraphs are counted through the whole body in reading order, empty ones and those in
table cells included (each cell's paragraphs in row order). Heading styles (Title,
Subtitle, Heading 1-9, or an outline level), Caption, Quote and list styles give the
block's kind; a paragraph in Normal style that looks like a headline is one, as in plain
text. Tracked changes are read accepted: inserted text kept, deleted text dropped (and a
deleted paragraph mark joins the paragraph to the next). Not read: comments, footnotes and
endnotes (their reference marks too), page headers and footers, field codes (their results
are read), hidden text, text boxes and shapes. The date, when no other is given, is the
core properties' last-modified date, else their created date.

python-docx opens the package (zip, content types, relationships, styles, core properties)
with an XML parser that resolves no entities; the paragraphs are walked here, because its
``Paragraph.text`` leaves out the runs inside ``w:ins``. It is an optional extra
(``pip install "factlint[docx]"``) so text, Markdown and HTML users need no lxml.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import zipfile

from ..document import Block, Reading
from . import FormatError

EXTRA = 'reading Word documents needs python-docx: pip install "factlint[docx]"'
UNZIPPED_LIMIT = 10  # a .docx may unpack to this many times max-file-size (a zip bomb is refused)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Never walked into: deleted text, drawings and text boxes, properties, field codes.
_NOT_TEXT = frozenset({
    _W + "del", _W + "moveFrom", _W + "drawing", _W + "pict", _W + "object", _W + "pPr", _W + "rPr",
    _W + "instrText", _W + "delText", _W + "footnoteReference", _W + "endnoteReference", _MC + "AlternateContent",
})
_CHARACTERS = {_W + "tab": "\t", _W + "br": " ", _W + "cr": " ", _W + "noBreakHyphen": "-", _W + "softHyphen": ""}
_CONTAINERS = frozenset({_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "moveTo", _W + "tbl", _W + "tr", _W + "tc"})
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class DocxText(str):
    """The text of a .docx, one paragraph per line, with what the reader knew besides the
    words: each line's block kind ("" for an empty paragraph) and the core properties' date.

    A ``str``, so reading, the result cache, the worker pool and the reporters carry it as
    any file's text; :func:`linter.formats.load_document` builds the document from
    :meth:`reading`, and the cache key includes :attr:`structure`."""

    kinds: tuple[str, ...]
    date: _dt.date | None
    date_source: str

    def __new__(cls, text: str, kinds=(), date: _dt.date | None = None, date_source: str = ""):
        self = super().__new__(cls, text)
        self.kinds = tuple(kinds)
        self.date = date
        self.date_source = date_source
        return self

    def __reduce__(self):  # pickles (the worker pool) with its structure
        return DocxText, (str(self), self.kinds, self.date, self.date_source)

    @property
    def structure(self) -> str:
        """Everything besides the text that changes how it is linted (for cache keys)."""
        return json.dumps([self.kinds, self.date.isoformat() if self.date else None, self.date_source])

    def reading(self) -> Reading:
        text = str(self)
        blocks = []
        start = 0
        for line, kind in zip(text.split("\n"), self.kinds):
            stripped = line.strip()
            if stripped and kind:
                lead = len(line) - len(line.lstrip())
                blocks.append(Block(start + lead, start + lead + len(stripped), kind))
            start += len(line) + 1
        return Reading(text=text, blocks=blocks, date=self.date, date_source=self.date_source, guess_headings=True)


def available() -> bool:
    """Whether python-docx can be imported (the ``docx`` extra is installed)."""
    try:
        import docx  # noqa: F401
    except ImportError:
        return False
    return True


def read_docx(data: bytes, max_size: int) -> DocxText:
    """The text of a .docx given as bytes. Raises :class:`FormatError` with one clear line
    for what is not a readable Word document (or when python-docx is missing)."""
    if data.startswith(_OLE):
        raise FormatError("not a .docx: an old Word (.doc) file or a password-protected document; save it as .docx")
    if not data.startswith(b"PK"):
        raise FormatError("not a Word document (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise FormatError(f"not a Word document (broken zip archive: {exc})") from None
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise FormatError("not a Word document (a zip archive without word/document.xml)")
    if unzipped > UNZIPPED_LIMIT * max_size:
        raise FormatError(f"unpacks to {unzipped:,} bytes, over {UNZIPPED_LIMIT} times the {max_size:,}-byte "
                          f"limit (max-file-size)")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import LxmlError
    except ImportError:
        raise FormatError(EXTRA) from None
    try:
        document = docx.Document(io.BytesIO(data))
        kinds_of_styles = _style_kinds(document)
        lines, kinds = _paragraphs(document.element.body, kinds_of_styles)
        date, source = _core_date(document)
    except (PackageNotFoundError, LxmlError, KeyError, ValueError, AttributeError, TypeError, zipfile.BadZipFile,
            OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        # python-docx's complaints about a package it cannot open, and lxml's about its XML
        what = str(exc).strip() or type(exc).__name__
        if isinstance(exc, KeyError) and "word/document.xml" not in names:
            what = "no word/document.xml"
        raise FormatError(f"not a readable Word document ({what})") from None
    return DocxText("\n".join(lines), kinds, date, source)


def _style_kinds(document) -> dict[str, str]:
    """Block kind of each paragraph style id, from its name or the style it is based on."""
    out = {}
    for style in document.styles:
        kind, seen = "", 0
        current = style
        while current is not None and not kind and seen < 10:
            kind = _kind_of_style_name((current.name or "").lower())
            current = getattr(current, "base_style", None)
            seen += 1
        if style.style_id:
            out[style.style_id] = kind or "paragraph"
    return out


def _kind_of_style_name(name: str) -> str:
    if name in ("title", "subtitle") or name.startswith("heading"):
        return "heading"
    if name == "caption":
        return "caption"
    if name in ("quote", "intense quote", "block text"):
        return "blockquote"
    if name.startswith("list"):
        return "list-item"
    return ""


def _paragraphs(body, kinds_of_styles: dict[str, str]) -> tuple[list[str], list[str]]:
    """The lines (accepted text of each paragraph) and their kinds, in reading order."""
    lines: list[str] = []
    kinds: list[str] = []
    carried = ""  # text of paragraphs whose mark was deleted: it joins the next paragraph
    for p in _paragraph_elements(body):
        text = carried + _text(p)
        ppr = p.find(_W + "pPr")
        if ppr is not None and ppr.find(f"{_W}rPr/{_W}del") is not None:
            carried = text
            continue
        carried = ""
        lines.append(text)
        kinds.append(_kind(ppr, kinds_of_styles) if text.strip() else "")
    if carried:
        lines.append(carried)
        kinds.append("paragraph")
    return lines, kinds


def _paragraph_elements(element):
    """``w:p`` elements in reading order: the body's, and those in tables (row by row, each
    cell once), content controls and custom XML, at any depth."""
    for child in element:
        if child.tag == _W + "p":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _paragraph_elements(child)


def _text(p) -> str:
    """The accepted text of a paragraph: its runs' text, in inserted runs too, not in deleted
    ones; nothing from drawings, text boxes, hidden runs or field codes."""
    out: list[str] = []
    todo = [iter(p)]
    while todo:
        for node in todo[-1]:
            tag = node.tag
            if not isinstance(tag, str) or tag in _NOT_TEXT:
                continue
            if tag == _W + "t":
                out.append(node.text or "")
                out.extend(child.tail or "" for child in node)  # after an (unresolved) entity reference
            elif tag in _CHARACTERS:  # a line or page break inside a paragraph is a space: one line each
                out.append(_CHARACTERS[tag])
            elif tag == _W + "r" and _hidden(node):
                continue
            else:
                todo.append(iter(node))
                break
        else:
            todo.pop()
    return "".join(out).replace("\n", " ").replace("\r", " ")


def _hidden(run) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val", "true").lower() not in ("0", "false", "off")


def _kind(ppr, kinds_of_styles: dict[str, str]) -> str:
    if ppr is None:
        return "paragraph"
    style = ppr.find(_W + "pStyle")
    kind = kinds_of_styles.get(style.get(_W + "val", "")) if style is not None else None
    if kind and kind != "paragraph":
        return kind
    if ppr.find(_W + "outlineLvl") is not None:
        return "heading"
    if ppr.find(_W + "numPr") is not None:
        return "list-item"
    return "paragraph"


def _core_date(document) -> tuple[_dt.date | None, str]:
    core = document.core_properties
    for value, label in ((core.modified, "last modified"), (core.created, "created")):
        if isinstance(value, _dt.datetime):
            return value.date(), f"Word core properties ({label})"
    return None, ""
