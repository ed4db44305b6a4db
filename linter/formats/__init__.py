"""Readers for what editors hand over besides text and Markdown: HTML pages from the CMS
(``.html``, ``.htm``) and Word documents (``.docx``).

Data flows one way: a reader turns the file into a :class:`~linter.document.Reading` (the
prose, the blocks its markup names, a map back to the source), ``Document.from_reading``
builds the document from it, and the facts and checks run on that as on any text. Findings
come out at offsets, lines and columns of the file the user opened: the page's source for
HTML; for Word, whose file is a zip, the text the reader made, one line per paragraph.

``load_document`` is the one entry point the engine uses, for every format.
"""

from __future__ import annotations

import datetime as _dt

from ..document import Document

HTML_SUFFIXES = (".html", ".htm")
DOCX_SUFFIXES = (".docx",)


class FormatError(Exception):
    """A file that cannot be read as the format its name says (reported as F001)."""


def is_html(path: str) -> bool:
    return path.lower().endswith(HTML_SUFFIXES)


def is_docx(path: str) -> bool:
    return path.lower().endswith(DOCX_SUFFIXES)


def is_document_format(path: str) -> bool:
    """HTML or Word: a format read through a reader here rather than as text."""
    return is_html(path) or is_docx(path)


def load_document(text: str, path: str = "-", *, markdown: bool | None = None, syntax: str | None = None,
                  date: _dt.date | None = None, date_source: str = "", require_prose: bool = False) -> Document:
    """The document for a file's text: read as HTML when ``syntax`` is "html" or the path
    ends in .html/.htm, from its structure when it is a Word document's text
    (:class:`~linter.formats.docx.DocxText`), else as text or Markdown (``Document.from_text``).

    ``require_prose``: raise :class:`FormatError` when an HTML page or Word document holds no
    prose at all (a file linted as an article that gives nothing to lint was not read right).
    """
    from .docx import DocxText

    if isinstance(text, DocxText):
        reading = text.reading()
        if require_prose and not reading.blocks:
            raise FormatError("no text in the Word document's body")
    elif syntax == "html" or (syntax is None and not markdown and is_html(path)):
        from .html import NO_PROSE, read_html

        reading = read_html(text.removeprefix("\ufeff"))
        if require_prose and not reading.blocks:
            raise FormatError(NO_PROSE)
    else:
        return Document.from_text(text, path=path, markdown=markdown, date=date, date_source=date_source)
    return Document.from_reading(reading, path, date, date_source)
