"""HTML pages (a CMS's article; ``.html``, ``.htm``, ``--stdin-filename x.html``, the language
server's ``html`` documents): the prose of their block elements, every character mapped back
to the page's source so a finding's line:col is where the words are in the file.

What is prose: the text of ``p``, ``li``, ``blockquote``, ``h1``-``h6``, ``figcaption``, ``td``
(and ``th``, ``dt``, ``dd``, table ``caption``), each element one block, headings and captions
known as such. Entities are decoded (``&ldquo;`` is a curly quote), inline tags do not split
words (``<b>4</b>3,000`` is "43,000"), white space is collapsed as a browser shows it (a
paragraph wrapped over several source lines reads as one line), ``<br>`` is a line break and
``<q>`` gets its quotation marks. Not prose: ``script``, ``style``, ``code``, ``pre``, comments, attributes, the ``head``,
and the page's furniture: ``nav``, ``aside``, ``footer``, ``form``, ``button``, embedded media,
ARIA navigation, banner, contentinfo, complementary and search landmarks, anything
``hidden`` or ``aria-hidden``, an element whose class or id names a widget (share,
newsletter, ad, modal, cookie, paywall, ...: ``_WIDGET_WORDS``; never on ``body``, ``main``
or ``article``), and a block whose words are all link text (menus, share buttons, lists of
related stories). Text outside a block element (in a bare ``div``) is read only on a page
whose block elements hold fewer than ``BARE_FALLBACK`` words (old CMSes and blogs write
"text<br><br>more text"; elsewhere bare text is furniture), and then a run of it is a
paragraph from ``BARE_WORDS`` words on (shorter, it is a label: "Share", a date).

The date: ``<meta property="article:published_time">``, else JSON-LD ``datePublished``, else
``itemprop="datePublished"``, else the first ``<time datetime>`` outside the furniture.

Parsed with the standard library's ``html.parser``: lenient as a browser is, and it reports
the source position of every token, which is what the map needs (lxml gives lines only,
selectolax no positions). Its tokens are put in a light version of the HTML tree builder's
stack: the implied end tags (``<p>`` closes an open ``p``, ``<li>`` an open ``li``, ``</div>``
what is open inside the div) that CMS markup relies on.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from html import unescape
from html.parser import HTMLParser

from ..document import Block, Reading, SourceMap
from . import FormatError

# The elements whose text is prose, and the kind of block each makes.
PROSE = {
    "p": "paragraph", "td": "paragraph", "th": "paragraph", "dt": "paragraph", "dd": "paragraph",
    "li": "list-item", "blockquote": "blockquote", "figcaption": "caption", "caption": "caption",
    **{f"h{n}": "heading" for n in range(1, 7)},
}
# Kinds an outer element gives the paragraphs inside it (a p in a blockquote is quoted).
_OUTER_KIND = {"li": "list-item", "blockquote": "blockquote", "figcaption": "caption", "caption": "caption",
               **{f"h{n}": "heading" for n in range(1, 7)}}
# Nothing inside these is prose.
SKIP = frozenset("""script style template noscript head title svg math iframe object canvas video audio
    select textarea button form nav aside footer code pre kbd samp dialog""".split())
# ARIA landmarks and widgets that are the page's furniture, whatever the element
_FURNITURE_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar dialog alertdialog".split())
# Words in a class or id that name a widget, never an article's text (BEM and kebab names are
# split: "c-newsletter-modal__content"). Chosen on the dev half of trafilatura's evaluation
# pages (eval/html_reader.py): each kept more furniture out than article text; "sidebar" and
# "widget" were not (page-wide wrappers say "has-sidebar": whole articles went).
_WIDGET_WORDS = frozenset("""modal popup newsletter subscribe signup share sharing sharebar ad ads adslot advert
    advertisement sponsored outbrain taboola cookie cookies consent paywall breadcrumb breadcrumbs
    comments respond related yarpp copyright copyrights footer""".split())
_NEVER_WIDGETS = frozenset("html body main article".split())  # a page-wide class must not hide the story
_WORD_SPLIT = re.compile(r"[\s_-]+")
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Block-level elements: their tags end the current block (so "<li><div>A</div><div>B</div>" is two).
BLOCK = frozenset(PROSE) | frozenset("""address article aside details dialog div dl fieldset figure footer
    form header hgroup hr main nav ol pre section table tbody thead tfoot tr ul summary menu legend center
    body html""".split())
# Start tags that close an open <p> (the HTML tree builder's "close a p element").
_CLOSES_P = frozenset("""address article aside blockquote center details dialog dir div dl dd dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section
    summary table ul""".split())
_SCOPE = frozenset("applet caption html table td th marquee object template button".split())
_HEAD_CONTENT = frozenset("meta link title style script noscript base template".split())
_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
# Elements whose own text, outside any prose element, is a paragraph when it is long enough
# (old CMSes and blogs write "<div>text<br><br>more text</div>"); a short one is a label.
BARE = frozenset("div section article main body span font center".split())
BARE_WORDS = 10
BARE_FALLBACK = 200  # ... read only on a page whose block elements hold fewer words than this
_REACH = 256  # how deep into the open elements a search looks
# What html.unescape decodes, one reference at a time (the pattern of html/__init__.py).
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_LAYOUT = str.maketrans("\t\n\r\f\v", "     ")  # a decoded &#10; or &#9; is a space too
# a run of HTML's white space (not U+00A0: &nbsp; is kept) that is not a single space
_COLLAPSE = re.compile(r" *[\t\n\r\f][ \t\n\r\f]*| {2,}")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_COMMENT_CLOSE = re.compile(r"--!?\s*>")

NO_PROSE = ("no prose found in the HTML: no text in p, li, blockquote, h1-h6, figcaption or td "
            "outside scripts, styles, code, navigation, asides and footers")


def read_html(source: str) -> Reading:
    """The prose of an HTML page. Raises :class:`FormatError` for what is not HTML text."""
    if "\x00" in source:
        raise FormatError("not HTML: the file holds NUL characters (binary data, or UTF-16 without a byte-order mark?)")
    reading = _read(source, bare=False)
    if len(reading.text.split()) < BARE_FALLBACK:  # an old page without paragraph elements
        reading = _read(source, bare=True)
    return reading


def _read(source: str, bare: bool) -> Reading:
    parser = _Reader(source, bare)
    try:
        parser.feed(source)
        parser.close()
    except AssertionError as exc:  # html.parser's own complaints about a declaration it cannot parse
        raise FormatError(f"cannot parse as HTML: {exc}") from None
    return parser.reading()


class _Reader(HTMLParser):
    """Turns the parser's tokens into prose, blocks, a source map, comments and date candidates."""

    def __init__(self, source: str, bare: bool = False):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.bare = bare  # read long runs of text outside block elements too
        # where each line starts as html.parser counts lines (at "\n" only), whatever the
        # document model's line index counts
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, hides its content)
        self.open_count: dict[str, int] = {}  # open elements by tag (most searches end here)
        self.hidden = 0  # open elements that hide their content
        self.prose_open = 0  # open prose elements
        self.bare_open = 0  # open elements whose own text may be a paragraph (a div's)
        self.block_bare = False  # the open block is such text, outside any prose element
        self.parts: list[str] = []
        self.length = 0
        self.after_space = False  # the prose ends in white space (the next run of it is dropped)
        self.map = SourceMap()
        self.block_start: int | None = None  # prose offset where the open block starts
        self.block_kind = "paragraph"
        self.block_plain = False  # the open block has words outside links
        self.undo = (0, 0, 0, False)  # parts, length, map pieces and after_space before the open block
        self.blocks: list[tuple[int, int, str]] = []
        self.comments: list[tuple[int, int, str]] = []
        self.quote_depth = 0
        self.jsonld: list[str] | None = None  # the text of an open <script type="application/ld+json">
        self.jsonld_line = 0
        self.dates: list[tuple[int, _dt.date, str]] = []  # (rank, date, where)

    # -- positions and output -------------------------------------------------
    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def emit(self, text: str, source_at: int, source_end: int | None = None) -> None:
        """Append prose: copied from the source at ``source_at``, or (``source_end`` given)
        standing for the source span ``[source_at, source_end)``."""
        if self.block_start is None:
            if not text.strip():
                return  # white space before a block's first word
            self.undo = (len(self.parts), self.length, len(self.map.starts), self.after_space)
            self.block_plain = False
            if self.length:
                self._put("\n\n")
                self.map.replace(self.length - 2, 2, source_at, source_at)
            self.block_start = self.length
            self.block_kind = self._kind()
            self.block_bare = self.prose_open == 0
        if not self.block_plain and not self.open_count.get("a") and text.strip():
            self.block_plain = True
        if source_end is None:
            self.map.copy(self.length, source_at, len(text))
        else:
            self.map.replace(self.length, len(text), source_at, source_end)
        self._put(text)

    def _put(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        self.after_space = text[-1] in " \n"

    def emit_literal(self, text: str, at: int) -> None:
        """Emit source text copied as is, its white space collapsed as a browser renders it:
        a run of spaces, tabs and line breaks (also across tags: "a <b> b</b>") is one space."""
        pos = 1 if text[:1] == " " and (self.after_space or self.block_start is None) else 0
        for m in _COLLAPSE.finditer(text, pos):  # (a single space between words is copied as it is)
            if m.start() > pos:
                self.emit(text[pos : m.start()], at + pos)
            if self.block_start is not None and not self.after_space:
                self.emit(" ", at + m.start(), at + m.end())
            pos = m.end()
        if pos < len(text):
            self.emit(text[pos:], at + pos)

    def end_block(self) -> None:
        """Close the open block. One whose words are all link text is taken back: a menu, share
        buttons, a list of related stories, not the article's prose."""
        if self.block_start is None:
            return
        if self.block_plain and not (self.block_bare and len("".join(self.parts[self.undo[0]:]).split()) < BARE_WORDS):
            self.blocks.append((self.block_start, self.length, self.block_kind))
        else:
            parts, self.length, pieces, self.after_space = self.undo
            del self.parts[parts:]
            self.map.truncate(pieces)
        self.block_start = None

    def _kind(self) -> str:
        for tag, _ in reversed(self.stack[-_REACH:]):
            if tag in _OUTER_KIND:
                return _OUTER_KIND[tag]
        return "paragraph"

    @property
    def collecting(self) -> bool:
        return self.hidden == 0 and (self.prose_open > 0 or (self.bare and self.bare_open > 0))

    # -- the element stack ------------------------------------------------------
    def push(self, tag: str, attrs: dict) -> None:
        hides = (tag in SKIP or "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true"
                 or (attrs.get("role") or "").strip().lower() in _FURNITURE_ROLES or _is_widget(tag, attrs))
        self.stack.append((tag, hides))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        self.hidden += hides
        self.prose_open += tag in PROSE
        self.bare_open += tag in BARE

    def pop_to(self, i: int) -> None:
        """Close the open elements from stack position ``i`` up."""
        while len(self.stack) > i:
            tag, hides = self.stack.pop()
            self.open_count[tag] -= 1
            self.hidden -= hides
            self.prose_open -= tag in PROSE
            self.bare_open -= tag in BARE

    def find(self, tags, stop=_SCOPE) -> int:
        """Stack position of the innermost open element in ``tags`` before a ``stop`` element, or -1.
        Looks no deeper than ``_REACH`` elements (browsers cap nesting too), so a page of
        thousands of unclosed elements stays linear."""
        if not any(self.open_count.get(t) for t in tags):
            return -1
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _REACH), -1):
            tag = self.stack[i][0]
            if tag in tags:
                return i
            if tag in stop:
                return -1
        return -1

    def implied_ends(self, tag: str) -> None:
        """The end tags HTML implies before ``tag`` opens (an unclosed <p>, <li>, <td>, ...)."""
        if self.stack and self.stack[-1][0] == "head" and tag not in _HEAD_CONTENT:
            self.pop_to(len(self.stack) - 1)
        if tag == "body":
            i = self.find({"head"}, stop=())
            if i >= 0:
                self.pop_to(i)
        if tag in _CLOSES_P:
            i = self.find({"p"})
            if i >= 0:
                self.pop_to(i)
        if tag == "li":
            i = self.find({"li"}, stop=_SCOPE | {"ol", "ul"})
        elif tag in ("dd", "dt"):
            i = self.find({"dd", "dt"}, stop=_SCOPE | {"dl"})
        elif tag in ("td", "th"):
            i = self.find({"td", "th"}, stop={"table", "tr"})
        elif tag == "tr":
            i = self.find({"tr"}, stop={"table"})
        elif tag in _HEADINGS:
            i = len(self.stack) - 1 if self.stack and self.stack[-1][0] in _HEADINGS else -1
        else:
            return
        if i >= 0:
            self.pop_to(i)

    # -- parser callbacks -------------------------------------------------------
    def handle_starttag(self, tag: str, attr_list) -> None:
        attrs = {k: (v or "") for k, v in attr_list}
        at = self.here()
        self.note_date(tag, attrs)
        self.implied_ends(tag)
        if tag in VOID:
            if tag == "br" and self.collecting and self.block_start is not None:
                if self.parts[-1] == "\n":  # <br><br>: a paragraph break, as old CMSes and blogs write them
                    self.end_block()
                else:
                    self.emit("\n", at, at + len(self.get_starttag_text() or ""))
            elif tag in BLOCK:
                self.end_block()
            return
        if tag == "script" and attrs.get("type", "").strip().lower() == "application/ld+json":
            self.jsonld = []
            self.jsonld_line = self.getpos()[0]
        if tag in BLOCK:
            self.end_block()
        self.push(tag, attrs)
        if tag == "q" and self.collecting:
            self.quote_depth += 1
            self.emit("“" if self.quote_depth % 2 else "‘", at, at + len(self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # browsers read </br> as <br>
            self.handle_starttag("br", [])
            return
        if tag == "script" and self.jsonld is not None:
            self.note_jsonld("".join(self.jsonld))
            self.jsonld = None
        i = self.find({tag}, stop=())
        if i < 0:
            return  # an end tag with nothing to close
        if tag == "q" and self.collecting and self.quote_depth:
            at = self.here()
            end = self.source.find(">", at)
            self.emit("”" if self.quote_depth % 2 else "’", at, end + 1 if end >= 0 else at)
            self.quote_depth -= 1
        if tag in BLOCK or any(t in BLOCK for t, _ in self.stack[i:]):
            self.end_block()
        self.pop_to(i)

    def handle_data(self, data: str) -> None:
        if self.jsonld is not None:
            self.jsonld.append(data)
            return
        if not self.collecting:
            return
        self.emit_decoded(data, self.here())

    def emit_decoded(self, data: str, at: int) -> None:
        """Emit ``data``, which the parser decoded from the source text at ``at``: runs of
        literal characters are copied, each character reference is a replacement for its span.
        The references are found as ``html.unescape`` finds them, so the pieces add up to
        ``data``; the search never goes past what ``data`` can still hold (linear time)."""
        source = self.source
        done = 0
        while done < len(data):
            remaining = len(data) - done
            amp = source.find("&", at, at + remaining)
            if amp < 0:
                self.emit_literal(data[done:], at)
                return
            if amp > at:
                n = amp - at
                self.emit_literal(data[done : done + n], at)
                done += n
                at = amp
                continue
            m = _CHARREF.match(source, at)
            if m is None:  # an "&" that starts no reference is itself
                self.emit_literal("&", at)
                done += 1
                at += 1
                continue
            decoded = unescape(m.group())
            if data[done : done + len(decoded)] != decoded:
                # the parser's text and the source disagree (cannot happen with html.parser's
                # own unescape); keep every character, anchored at this reference
                self.emit(data[done:].translate(_LAYOUT), at, at + 1)
                return
            if decoded:
                self.emit(decoded.translate(_LAYOUT), at, m.end())
            done += len(decoded)
            at = m.end()

    def handle_comment(self, data: str) -> None:
        start = self.here()
        close = _COMMENT_CLOSE.match(self.source, start + 4 + len(data))
        end = close.end() if close else min(len(self.source), start + 4 + len(data) + 3)
        self.comments.append((start, end, data.strip()))

    def parse_html_declaration(self, i: int) -> int:
        """``<![...`` is read as a browser reads it, a bogus comment up to the next ``>``
        (html.parser's marked sections raise AssertionError on anything but a few keywords)."""
        if self.rawdata.startswith("<![", i):
            close = "]]>" if self.rawdata.startswith("<![CDATA[", i) else ">"
            j = self.rawdata.find(close, i + 3)
            return -1 if j < 0 else j + len(close)
        return super().parse_html_declaration(i)

    # -- the document date ------------------------------------------------------
    def note_date(self, tag: str, attrs: dict) -> None:
        if tag == "meta":
            if attrs.get("property", "").strip().lower() == "article:published_time":
                self.add_date(0, attrs.get("content", ""), '<meta property="article:published_time">')
            elif attrs.get("itemprop", "").strip() == "datePublished":
                self.add_date(2, attrs.get("content", ""), '<meta itemprop="datePublished">')
        elif tag == "time" and "datetime" in attrs and not self.hidden:
            if attrs.get("itemprop", "").strip() == "datePublished":
                self.add_date(2, attrs["datetime"], '<time itemprop="datePublished">')
            else:
                self.add_date(3, attrs["datetime"], "<time datetime>")

    def note_jsonld(self, text: str) -> None:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return  # a broken block of metadata is not a broken page
        found = _date_published(data)
        if found:
            self.add_date(1, found, "JSON-LD datePublished", self.jsonld_line)

    def add_date(self, rank: int, value: str, where: str, line: int = 0) -> None:
        m = _ISO_DATE.match(value or "")
        if not m:
            return
        try:
            day = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return
        self.dates.append((rank, day, f"{where}, line {line or self.getpos()[0]}"))

    # -- result -----------------------------------------------------------------
    def reading(self) -> Reading:
        self.end_block()
        text = "".join(self.parts)
        blocks = []
        for start, end, kind in self.blocks:
            segment = text[start:end]
            lead = len(segment) - len(segment.lstrip())
            trail = len(segment) - len(segment.rstrip())
            if end - trail > start + lead:
                blocks.append(Block(start + lead, end - trail, kind))
        date = min(self.dates, key=lambda d: d[0]) if self.dates else None
        return Reading(text=text, blocks=blocks, source=self.source, source_map=self.map, comments=self.comments,
                       date=date[1] if date else None, date_source=date[2] if date else "")


def _is_widget(tag: str, attrs: dict) -> bool:
    """An element whose class or id names a widget (share bar, newsletter box, ad slot, modal)."""
    if tag in _NEVER_WIDGETS:
        return False
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
    return bool(names.strip()) and not _WIDGET_WORDS.isdisjoint(_WORD_SPLIT.split(names))


def _date_published(data) -> str | None:
    """``datePublished`` of the JSON-LD's article (an object whose @type names an article or
    posting), else the first one anywhere. Walked with a stack (no recursion limit to hit)."""
    first = None
    todo = [data]
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo.extend(reversed(node))
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                kinds = node.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and k.endswith(("Article", "Posting")) for k in kinds):
                    return value
                first = first or value
            todo.extend(reversed([v for v in node.values() if isinstance(v, (dict, list))]))
    return first
