"""The document model: source text, its line index, prose mask, blocks, sentences, quotes.

Every position in factlint is a code-point offset into ``Document.text`` (the decoded
source without BOM, line endings untouched). Lines and columns are computed from the
line index, never by searching the text again.

Non-prose (Markdown code, URLs, HTML comments, front matter) is blanked out in
``Document.prose`` with spaces of the same length, so every check can run on
``prose`` and keep offsets identical to ``text``.

Formats whose prose is not a copy of the file (HTML, Word: see ``linter/formats``) are
read into a :class:`Reading` first: the prose as ``text`` and a :class:`SourceMap` from its
offsets back to the file's ``source``, so lines and columns are still counted in the file
the user opened. The checks only ever see ``text`` and ``prose``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import wraps

from . import frontmatter
from .scopes import BLOCK_KINDS, SCOPES  # noqa: F401 (a Block's kind is one of BLOCK_KINDS)
from .text import LazyPattern, finditer_at, occurrences
from .timing import timed_cached_property

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# ---------------------------------------------------------------------------
# Line index


_LINE_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Maps offsets to 1-based (line, column) in code points; end offsets are exclusive.

    A line ends at LF, CRLF or a lone CR (old Mac files, some CMS exports), as editors and
    LSP count lines; with LF only, a CR-only file was one line and every finding sat on
    line 1. ``line_span`` leaves out the last character of the break, so a CRLF line still
    ends in its CR (as before) and a CR line ends before it."""

    __slots__ = ("starts", "length")

    def __init__(self, text: str):
        if "\r" in text:
            starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        else:  # the common case, without the regex
            starts = [0]
            find = text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
        self.starts = starts
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets (end excludes the newline) of a 1-based line."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else self.length
        return start, end

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1


# ---------------------------------------------------------------------------
# Structure


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the prose."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like unit. ``kind`` is one of BLOCK_KINDS."""

    start: int
    end: int
    kind: str




@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the prose, and the block (paragraph, heading, list item) it belongs to."""

    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation span. ``start``/``end`` include the marks; the inner text excludes them.

    A mark is one character (“ ” „ " « » ‘ ’ ') or two (the ``''`` of NYT-style copy).
    ``closed`` is False when no closing mark was found before the paragraph ended.
    """

    start: int
    end: int
    open_mark: str
    close_mark: str
    closed: bool = True

    @property
    def inner_start(self) -> int:
        return self.start + len(self.open_mark)

    @property
    def inner_end(self) -> int:
        return self.end - len(self.close_mark) if self.closed else self.end

    @property
    def single(self) -> bool:
        """Quoted with single marks (a headline's ‘…’), not double ones."""
        return self.open_mark in ("‘", "'")


# ---------------------------------------------------------------------------
# Readings: prose taken out of a source that is not prose (HTML, Word)


class SourceMap:
    """Where each character of a reader's prose came from in its source text.

    The prose is built from pieces appended in source order: a run of source text copied
    one character for one (``copy``), or a replacement that stands for a whole source span
    (``replace``: ``&ldquo;`` read as ``“``, ``<br>`` as a line break, the break between
    two paragraphs). A prose offset maps to the source with one bisect; a span's end maps
    to the end of its last character, so a finding ending in a decoded entity covers it."""

    __slots__ = ("starts", "lengths", "sources", "source_ends", "exact")

    def __init__(self):
        self.starts: list[int] = []  # prose offset of each piece
        self.lengths: list[int] = []  # prose characters of each piece
        self.sources: list[int] = []  # source offset of each piece
        self.source_ends: list[int] = []
        self.exact: list[bool] = []  # copied one for one (else one replacement)

    def copy(self, at: int, source_at: int, n: int) -> None:
        if n <= 0:
            return
        if self.exact and self.exact[-1] and self.starts[-1] + self.lengths[-1] == at and self.source_ends[-1] == source_at:
            self.lengths[-1] += n  # continues the previous run
            self.source_ends[-1] += n
            return
        self._add(at, n, source_at, source_at + n, True)

    def replace(self, at: int, n: int, source_at: int, source_end: int) -> None:
        if n > 0:
            self._add(at, n, source_at, source_end, False)

    def truncate(self, pieces: int) -> None:
        """Drop the pieces after the first ``pieces`` (prose a reader took back)."""
        for column in (self.starts, self.lengths, self.sources, self.source_ends, self.exact):
            del column[pieces:]

    def _add(self, at, n, source_at, source_end, exact) -> None:
        self.starts.append(at)
        self.lengths.append(n)
        self.sources.append(source_at)
        self.source_ends.append(source_end)
        self.exact.append(exact)

    def start(self, offset: int) -> int:
        """The source offset of the prose character at ``offset`` (or of the end, past the last)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return self.sources[0] if self.sources else 0
        inside = offset - self.starts[i]
        if inside >= self.lengths[i]:
            return self.source_ends[i]
        return self.sources[i] + inside if self.exact[i] else self.sources[i]

    def end(self, offset: int) -> int:
        """The source offset just after the prose character before ``offset`` (a span's end)."""
        if offset <= 0:
            return self.start(0)
        i = bisect.bisect_right(self.starts, offset - 1) - 1
        if i < 0:
            return self.start(0)
        inside = offset - self.starts[i]
        if self.exact[i] and inside <= self.lengths[i]:
            return self.sources[i] + inside
        return self.source_ends[i]

    def back(self, source_offset: int) -> int:
        """The prose offset for a source offset (the inverse, for showing findings on the prose);
        an offset inside markup goes to the prose that follows it."""
        i = bisect.bisect_right(self.sources, source_offset) - 1
        if i < 0:
            return 0
        if self.exact[i] and source_offset < self.source_ends[i]:
            return self.starts[i] + source_offset - self.sources[i]
        if source_offset < self.source_ends[i]:
            return self.starts[i]
        return self.starts[i] + self.lengths[i]


@dataclass
class Reading:
    """What a reader in ``linter/formats`` made of a file: the prose the checks read, the
    blocks its markup names (headings, captions, ...), the suppression comments and the
    date its metadata gives, and how to find each prose character in the source."""

    text: str
    blocks: list[Block]  # offsets into text
    source: str | None = None  # the text lines and columns count in; None: text itself
    source_map: SourceMap | None = None  # text -> source offsets; None: the same
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # in source offsets
    date: _dt.date | None = None
    date_source: str = ""
    guess_headings: bool = False  # a short unpunctuated paragraph is a headline (as in plain text)


# ---------------------------------------------------------------------------
# Markdown / text masking

def _html_comments(text: str):
    """(start, end) of each ``<!-- ... -->``, like ``re.finditer(r"<!--.*?-->", text, re.S)`` but linear:
    the lazy regex rescans to the end of the text for every unclosed ``<!--`` (quadratic on
    hostile input), whereas one missing ``-->`` here means no later comment can close."""
    i = text.find("<!--")
    while i != -1:
        j = text.find("-->", i + 4)
        if j == -1:
            return
        yield i, j + 3
        i = text.find("<!--", j + 3)


_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]\"'“”]*[^\s<>()\[\]\"'“”.,;:!?]")
# tried only at the start of a run of address characters (the address itself is group
# "addr", from the run's first word character, as `\b[\w.+-]+@...` found it): retrying at
# every `\b` inside a long run without "@" ("a.a.a.a...") was quadratic
_EMAIL = LazyPattern(r"(?<![\w.+-])[.+-]*+\b(?P<addr>[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)")
_NOT_EMAIL = LazyPattern(r"[^\w.+@-]")  # a character no e-mail match contains
_INLINE_CODE = LazyPattern(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# the target stops at "]" so each "](" scans only to the next one (else "](](](..." is quadratic)
_MD_LINK_TARGET = LazyPattern(r"(?<=\])\([^)\s\]]*(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = LazyPattern(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*_])")


_NOT_BREAK = re.compile(r"[^\r\n]")


def runs_around(text: str, anchors, stop: re.Pattern) -> list[tuple[int, int]]:
    """The runs of ``text`` between two ``stop`` characters that hold one of the
    ``anchors`` (positions of non-stop characters), each once, in order.

    A regex whose every match holds an anchor and no stop character, and whose look-aheads
    and ``\b`` see a stop character as they see the end of the text, finds in these runs
    (``finditer(text, start, end)``) what it finds in the whole text, without being tried
    at every position of it."""
    spans = []
    n = len(text)
    backwards = None  # the text reversed, to find where a run starts with a forward search
    end = 0
    for a in sorted(anchors):
        if a < end:
            continue  # in the run just found
        m = stop.search(text, a)
        end = m.start() if m else n
        if backwards is None:
            backwards = text[::-1]
        m = stop.search(backwards, n - a)
        spans.append((n - m.start() if m else 0, end))
    return spans


def blank_spans(text: str, spans) -> str:
    """``text`` with the characters of each ``(start, end)`` span replaced by spaces, line
    breaks kept so lines stay where they are. Built from slices: a list of characters
    costs about 16 times the text in memory, and a Python loop over every character."""
    parts = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        piece = text[start:end]
        parts.append(_NOT_BREAK.sub(" ", piece) if "\n" in piece or "\r" in piece else " " * (end - start))
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _mask_markdown(text: str, masked: str, index: LineIndex) -> tuple[str, list[tuple[int, int]]]:
    """Blank Markdown code, link targets and emphasis marks in ``masked`` (``text`` with
    front matter and comments blanked); return it and the code block line ranges.
    markdown-it parses the original text; each later pass reads what the one before left."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    code_lines: list[tuple[int, int]] = []
    starts = index.starts  # markdown-it's line numbers count a lone CR as a line break, as LineIndex does
    blocks = []
    for token in md.parse(text):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            first, last = token.map
            if token.type == "html_block" and "<!--" in token.content:
                continue  # comments are handled (and read for suppressions) separately
            code_lines.append((first, last))
            start = starts[first] if first < len(starts) else len(text)
            end = starts[last] if last < len(starts) else len(text)
            blocks.append((start, end))
    masked = blank_spans(masked, blocks)
    for pattern in (_INLINE_CODE, _MD_LINK_TARGET, _MD_EMPHASIS):
        masked = blank_spans(masked, [m.span() for m in pattern.finditer(masked)])
    return masked, code_lines


# ---------------------------------------------------------------------------
# Sentences

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr sr rev hon pres supt
    insp det fr messrs mt ft no nos vs etc al approx dept est inc ltd co corp bros univ
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u d.c u.s.a a.m p.m i.e e.g ph.d b.a m.a n.y l.a""".split()
)
# Tried only where a run of terminal punctuation starts, and possessive: retrying inside a
# long run ("......") that is not followed by a sentence start was quadratic. Same matches.
# (The look-behind comes after the first mark, (?<![.!?…])[.!?…]++ written so the pattern
# starts with a character class and re skips to the marks instead of trying every position.)
_SENTENCE_END = re.compile(
    r"""[.!?…](?<![.!?…][.!?…])[.!?…]*+["'”’)\]]*+(?=\s+["'“‘(\[]?[A-Z0-9"“‘(\[])"""  # terminal punctuation + closers
)
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def split_sentences(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``prose[start:end]`` into sentence spans (offsets into prose).

    Robust to abbreviations ("U.S.", "Dr.", "Sept. 30"), decimals ("3.5"), initials
    ("J. Smith") and quotes that end a sentence (“... said.” Next).
    """
    spans: list[tuple[int, int]] = []
    segment = prose[start:end]
    cursor = 0
    for m in _SENTENCE_END.finditer(segment):
        punct_end = m.end()
        if m.group().startswith("."):
            head = segment[max(0, m.start() - 12) : m.start() + 1]
            w = _WORD_BEFORE.search(head)
            if w:
                word = w.group(1).lower()
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or _INITIALS.fullmatch(word):
                    continue  # (initials: "G.K. Butterfield", "J.R.R. Tolkien")
        piece_start = cursor
        while piece_start < punct_end and segment[piece_start].isspace():
            piece_start += 1
        if piece_start < punct_end:
            spans.append((start + piece_start, start + punct_end))
        cursor = punct_end
    piece_start = cursor
    while piece_start < len(segment) and segment[piece_start].isspace():
        piece_start += 1
    piece_end = len(segment)
    while piece_end > piece_start and segment[piece_end - 1].isspace():
        piece_end -= 1
    if piece_start < piece_end:
        spans.append((start + piece_start, start + piece_end))
    return spans


# ---------------------------------------------------------------------------
# Quotes

_OPENERS = {"“": "”", "„": "”", '"': '"', "«": "»", "''": "''"}
_ANY_DOUBLE = "“”„\"«»"
# a double mark: one character, or two apostrophes (NYT-style ''…'', never three in a row)
_DOUBLE_MARK = re.compile("[" + _ANY_DOUBLE + "]|(?<!')'''?(?!')")
_STRAIGHT = ('"', "''")


def find_quotes(prose: str, start: int, end: int) -> list[Quote]:
    """Double-quotation spans in one paragraph, with their marks: straight ("…"), curly
    (“…”, „…“), guillemets («…») and two apostrophes (''…'', as NYT copy writes them).

    A mark is an opener when it is not preceded by a word character (or is a
    typographic opener), a closer otherwise; a straight mark closed by a curly one is
    kept as a quote with mismatched marks so the quotation checks can report it.
    """
    quotes: list[Quote] = []
    open_at = -1
    open_mark = ""
    for m in _DOUBLE_MARK.finditer(prose, start, end):  # (the marks only, not a loop over every character)
        i, j = m.start(), m.end()
        ch = m.group()
        if ch == "'''":  # a single mark and a double one: ''...'Go,''' or '''Go,' he said...''
            if open_at < 0:
                ch, j = "''", j - 1
            else:
                ch, i = "''", i + 1
        prev = prose[i - 1] if i > start else " "
        nxt = prose[j] if j < end else " "
        if open_at < 0:
            if ch in "“„«" or (ch in _STRAIGHT and not prev.isdigit()  # (5'3" is an inch mark)
                                 and (not (prev.isalnum() or prev in ".,;:!?") or not nxt.isspace())):
                open_at, open_mark = i, ch
            continue
        # inside a quote: a closer ends it; so does an opening “ typed for a closing one (after
        # punctuation, before a space or the end: “It's unusual,“ said Larry Noble)
        if ch in "”»" or (ch in _STRAIGHT and (prev.isalnum() or prev in ".,;:!?)—–-…'’" or nxt.isspace() or nxt in ".,;:!?)")) \
                or (ch == "“" and (j >= end or nxt.isspace())
                    and (prev in ".,!?" or (j >= end and prev == " " and prose[i - 2:i - 1] in (".", ",", "!", "?")))):
            quotes.append(Quote(open_at, j, open_mark, ch, True))
            open_at = -1
        elif ch in "“„«":
            # a new opener inside an open quote: the earlier one was never closed
            quotes.append(Quote(open_at, i, open_mark, "", False))
            open_at, open_mark = i, ch
    if open_at >= 0:
        stop = end
        while stop > open_at + 1 and prose[stop - 1].isspace():
            stop -= 1
        quotes.append(Quote(open_at, stop, open_mark, "", False))
    return quotes


# a single mark that opens (after a space, a bracket or a dash, before a word) or closes
# (after a word or punctuation, before a space, punctuation or the end): not an apostrophe
_SINGLE_OPEN = LazyPattern(r"(?:(?<=^)|(?<=[\s(\[{—–-]))[‘'](?=[\w$£€])")
_SINGLE_CLOSE = LazyPattern(r"(?<=[\w.,!?…%)])[’'](?=[\s.,;:!?)—–-]|$)")


def find_single_quotes(prose: str, start: int, end: int) -> list[Quote]:
    """Closed single-quotation spans (‘…’ or '…') in one block: how headlines quote
    ("Blair ‘will not quit’ over war"). Only called for headings: in body text single
    marks are mostly apostrophes and quotes inside quotes."""
    quotes: list[Quote] = []
    closers = [(m.start(), m.group()) for m in _SINGLE_CLOSE.finditer(prose, start, end)]
    k = 0
    for m in _SINGLE_OPEN.finditer(prose, start, end):
        i = m.start()
        if quotes and i < quotes[-1].end:
            continue
        want = "’" if m.group() == "‘" else "'"
        while k < len(closers) and closers[k][0] <= i:
            k += 1
        for c, mark in closers[k:]:
            if mark == want:
                quotes.append(Quote(i, c + 1, m.group(), mark, True))
                break
    return quotes


# ---------------------------------------------------------------------------
# Blocks

_HEADING_MD = re.compile(r"^ {0,3}#{1,6}\s")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_READ_MORE = re.compile(r"^\s*(?:read more|read also|see also|related|more:|watch)\b", re.I)
_CAPTION = LazyPattern(r"\((?:photo|photograph|image|picture|video|credit|file photo)\b[^)]*\)\s*$|^\s*\((?:L-R|R-L|L to R|from left)\)", re.I)
_CAPTION_TAIL = LazyPattern(r"\((?:photo|photograph|image|picture|video|credit|file photo)\b[^)]*\)$", re.I)
_CAPTION_LEAD = re.compile(r"\s*\((?:L-R|R-L|L to R|from left)\)", re.I)


def _is_caption(line: str) -> bool:
    """``_CAPTION.search(line)`` in linear time: searched as is, the first alternative rescans
    to the end of the line from every "(photo" (quadratic on a long line of them), so only
    the part after the last-but-one ")" of a line ending in ")" is searched."""
    if _CAPTION_LEAD.match(line):
        return True
    tail = line.rstrip()
    if not tail.endswith(")"):
        return False
    return _CAPTION_TAIL.search(tail, tail.rfind(")", 0, len(tail) - 1) + 1) is not None
_TERMINAL = re.compile(r"[.!?:;…\"”’)]\s*$")


def _classify_line(line: str, markdown: bool) -> str:
    if markdown and _HEADING_MD.match(line):
        return "heading"
    if markdown and line.lstrip().startswith(">"):
        return "blockquote"
    if markdown and _LIST_ITEM.match(line):
        return "list-item"
    if _READ_MORE.match(line):
        return "read-more"
    if _is_caption(line):
        return "caption"
    return "paragraph"


def _looks_like_heading(line: str) -> bool:
    """A short stand-alone line without terminal punctuation (plain-text headline)."""
    words = line.split(None, 14)  # (15 pieces mean more than 14 words: a paragraph need not be split whole)
    return 0 < len(words) <= 14 and not _TERMINAL.search(line) and line[:1].isupper()


# ---------------------------------------------------------------------------
# Document


@dataclass
class Document:
    """One source document: its structure only. Construct with :func:`Document.from_text`
    (or :meth:`from_reading`).

    ``date`` is the date it was given (``--date``) or that its metadata states (front
    matter, a page's meta tags); a date read from the text itself (a dateline) is a fact,
    filled in by the engine when it attaches ``facts`` (see ``linter.engine.attach_facts``).
    """

    # Set by the engine (linter.engine.attach_facts): the facts the checks read, and the
    # --timing recorder of the run. The document never builds them itself.
    facts = None
    _timing = None

    text: str
    path: str = "-"
    markdown: bool = False
    prose: str = ""
    index: LineIndex = field(default=None)  # type: ignore[assignment]
    blocks: list[Block] = field(default_factory=list)
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # HTML comments (start, end, body)
    front_matter: dict = field(default_factory=dict)
    date: _dt.date | None = None
    date_source: str = ""
    # where lines and columns are counted: the file's text. For text and Markdown that is
    # ``text``; for a Reading (HTML) the source, with ``source_map`` from text offsets to it
    source: str = ""
    source_index: LineIndex = field(default=None)  # type: ignore[assignment]
    source_map: SourceMap | None = None

    @classmethod
    def from_text(cls, text: str, path: str = "-", markdown: bool | None = None,
                  date: _dt.date | None = None, date_source: str = "") -> "Document":
        if text.startswith("\ufeff"):
            text = text[1:]
        if markdown is None:
            markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
        doc = cls(text=text, path=path, markdown=markdown, source=text)
        doc.index = doc.source_index = LineIndex(text)
        hidden = []  # spans blanked before the Markdown passes
        fm = frontmatter.read(text)
        if fm:  # blanked, except the prose fields (title, description, ...) that readers see
            doc.front_matter = fm.data
            pos = 0
            for start, end, _ in fm.prose:
                hidden.append((pos, start))
                pos = end
            hidden.append((pos, fm.end))
        for c_start, c_end in _html_comments(text):
            doc.comments.append((c_start, c_end, text[c_start + 4 : c_end - 3].strip()))
            hidden.append((c_start, c_end))
        masked = blank_spans(text, hidden)
        if markdown:
            masked = _mask_markdown(text, masked, doc.index)[0]
        doc.prose = _blank_addresses(masked)
        doc.blocks = _split_blocks(doc.prose, doc.index, markdown)
        if fm and fm.prose:  # one block per field (adjacent lines would make one paragraph)
            doc.blocks = [Block(s, e, "heading" if key in frontmatter.HEADING_KEYS else "paragraph")
                          for s, e, key in fm.prose] + [b for b in doc.blocks if b.start >= fm.end]
        if date is None and isinstance(doc.front_matter.get("date"), _dt.date):
            date, date_source = doc.front_matter["date"], "front matter"
        doc._set_date(date, date_source)
        return doc

    @classmethod
    def from_reading(cls, reading: Reading, path: str = "-", date: _dt.date | None = None,
                     date_source: str = "") -> "Document":
        """A document from what a reader made of a file (HTML, Word): its prose and blocks,
        with positions counted in the reader's source."""
        text = reading.text
        doc = cls(text=text, path=path, markdown=False, comments=list(reading.comments))
        doc.index = LineIndex(text)
        if reading.source is None or reading.source_map is None:
            doc.source, doc.source_index = text, doc.index
        else:
            doc.source, doc.source_index = reading.source, LineIndex(reading.source)
            doc.source_map = reading.source_map
        doc.prose = _blank_addresses(text)
        blocks = []
        for b in reading.blocks:
            kind = b.kind
            if kind == "paragraph":  # "Read more: ...", "(Photo: AFP)" inside a paragraph element
                line = doc.prose[b.start : b.end]
                kind = _classify_line(line, False)
                if kind == "paragraph" and reading.guess_headings and "\n" not in line and _looks_like_heading(line):
                    kind = "heading"
            blocks.append(Block(b.start, b.end, kind))
        doc.blocks = blocks
        if date is None and reading.date is not None:
            date, date_source = reading.date, reading.date_source
        doc._set_date(date, date_source)
        return doc

    def _set_date(self, date: _dt.date | None, date_source: str) -> None:
        """The date given (``--date``, metadata); None is left for the engine to read from
        the text (``linter.facts.dates.document_date``)."""
        if date is not None:
            self.date, self.date_source = date, date_source or "given"

    # -- positions -------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the source of the text offset ``offset``."""
        if self.source_map is None:
            return self.index.position(offset)
        return self.source_index.position(self.source_map.start(offset))

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets of the text span ``[start, end)``."""
        if self.source_map is None:
            return start, end
        s = self.source_map.start(start)
        return s, (max(s, self.source_map.end(end)) if end > start else s)

    def source_fix(self, start: int, end: int, fix: str | None) -> str | None:
        """``fix`` if it can replace the source of the text span ``[start, end)``: always for
        text; for a mapped source only where the source holds the flagged words verbatim (no
        tag or entity inside, which the replacement would drop) and the fix has no character
        the source would read as markup."""
        if fix is None or self.source_map is None:
            return fix
        s, e = self.source_span(start, end)
        if self.source[s:e] != self.text[start:end] or "<" in fix or "&" in fix:
            return None
        return fix

    # -- derived structure (computed once, on first use) --------------------
    @timed_cached_property("document.")
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for bi, b in enumerate(self.blocks):
            for s, e in split_sentences(self.prose, b.start, b.end):
                out.append(Sentence(s, e, bi))
        return out

    @timed_cached_property("document.")
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset``, or None."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return i if offset < self.sentences[i].end else None
        return None

    @timed_cached_property("document.")
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return i
        return None

    @timed_cached_property("document.")
    def quotes(self) -> list[Quote]:
        """Every quotation, in order and disjoint: double marks in every block, and in
        headings also single marks (a headline's ‘…’) outside the double ones."""
        out: list[Quote] = []
        for b in self.blocks:
            found = find_quotes(self.prose, b.start, b.end)
            if b.kind == "heading" and ("'" in self.prose[b.start:b.end] or "‘" in self.prose[b.start:b.end]):
                singles = [q for q in find_single_quotes(self.prose, b.start, b.end)
                           if not any(d.start < q.end and q.start < d.end for d in found)]
                found = sorted(found + singles, key=lambda q: q.start)
            out.extend(found)
        return out

    @timed_cached_property("document.")
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """The quotes overlapping ``[start, end)``, in order. Quotes are sorted and disjoint,
        so this bisects to the one at or before ``start`` and walks only what it returns (by
        index: a slice ``quotes[i:]`` would copy the rest of the list at every call)."""
        out = []
        quotes = self.quotes
        for i in range(max(0, bisect.bisect_right(self._quote_starts, start) - 1), len(quotes)):
            q = quotes[i]
            if q.start >= end:
                break
            if q.end > start:
                out.append(q)
        return out

    def in_scope(self, offset: int, scope: str) -> bool:
        if scope == "quote":
            return self.quote_at(offset) is not None
        if scope == "prose":
            return self.quote_at(offset) is None
        bi = self.block_at(offset)
        return bi is not None and self.blocks[bi].kind == scope

    @timed_cached_property("document.")
    def word_count(self) -> int:
        return len(re.findall(r"\w+(?:['’]\w+)*", self.prose))


def per_document(fn):
    """Compute ``fn(doc, *args)`` once per document and arguments.

    For structure a check derives rather than the model (acronym definitions, repeated
    paragraphs, nested quotes): several rules, or several kinds, ask for the same thing,
    and the memo lives and dies with the document (a module-level cache would keep
    every document of a run alive)."""
    slot = f"_memo_{fn.__module__}.{fn.__qualname__}"

    @wraps(fn)
    def memoised(doc, *args):
        memo = doc.__dict__.setdefault(slot, {})
        if args not in memo:
            memo[args] = fn(doc, *args)
        return memo[args]

    return memoised


def _blank_addresses(masked: str) -> str:
    """``masked`` with URLs and e-mail addresses blanked. The regexes start with look-behinds
    or \\b and would be tried at every position, so a URL is tried where "http", "ftp://" or
    "www." starts, an e-mail around an "@"; both are found in the text masked so far and
    blanked together."""
    url_starts = sorted(set(occurrences(masked, ("http", "ftp://", "www."))))
    addresses = [m.span() for m in finditer_at(_URL, masked, url_starts)]
    for start, end in runs_around(masked, occurrences(masked, ("@",)), _NOT_EMAIL):
        addresses += [m.span("addr") for m in _EMAIL.finditer(masked, start, end)]
    return blank_spans(masked, addresses)


def _split_blocks(prose: str, index: LineIndex, markdown: bool) -> list[Block]:
    """Paragraph-like blocks. In plain text that is not hard-wrapped, each line is one."""
    n_lines = len(index.starts)
    line_spans = [index.line_span(i + 1) for i in range(n_lines)]
    longest = max((e - s for s, e in line_spans), default=0)
    one_line_paragraphs = not markdown and longest > 100
    blocks: list[Block] = []
    cur_start = cur_end = -1
    cur_kind = "paragraph"

    def flush():
        nonlocal cur_start
        if cur_start >= 0:
            blocks.append(Block(cur_start, cur_end, cur_kind))
        cur_start = -1

    for s, e in line_spans:
        if e > s and prose[e - 1] == "\r":
            e -= 1
        line = prose[s:e]
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        ls = s + (len(line) - len(line.lstrip()))
        le = s + len(line.rstrip())
        kind = _classify_line(line, markdown)
        if one_line_paragraphs or kind in ("heading", "list-item") or cur_start < 0 or (
            kind != cur_kind and kind != "paragraph"
        ):
            flush()
            cur_start, cur_end, cur_kind = ls, le, kind
        else:
            cur_end = le
    flush()
    if not markdown:
        # a stand-alone short line without final punctuation is a headline
        blocks = [
            Block(b.start, b.end, "heading")
            if b.kind == "paragraph" and "\n" not in prose[b.start : b.end] and _looks_like_heading(prose[b.start : b.end])
            else b
            for b in blocks
        ]
    return blocks
