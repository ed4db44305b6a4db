"""What kind of piece a document is: straight news, or a genre where the writer's own
judgement is the point.

Op-eds, editorials, columns, letters, reviews, reader comments, match reports and Q&As
are not straight news: "a disastrous decision" in a leader column or "a brilliant
second half" in a match report is normal, and the opinion rule (A102) should stay quiet
there. The genre comes from, in order:

1. the document's front matter (``genre: opinion``; synonyms such as ``editorial``,
   ``column``, ``op-ed``, ``letters``, ``Q&A`` are understood);
2. the configuration (``genre:`` in ``.factlint.yaml``, for a folder of columns);
3. the obvious signs in the text itself:

   * a kicker or section label on a line of its own -- "Opinion", "Editorial",
     "Commentary", "Op-Ed", "Letters", "Letters to the editor", "Review", "Q&A";
   * a reader-comments block -- a line "Your views", "Have your say", "Your comments",
     "Readers' comments", or three or more signature lines ("Michelle Marks,
     Philadelphia"): the genre applies from there to the end, the news above it stays news;
   * a Q&A: three or more paragraphs opening with "Q:" / "Q." / "Question:";
   * first person throughout: the writer says "I", "me" or "my" outside quotes in at
     least two paragraphs in five (and three or more) -- a column, an essay, a letter.

Anything else is news. Detection only looks for what cannot be mistaken; a desk that
publishes unmarked columns names the genre in front matter or config.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# the values `genre:` takes in a config file
GENRES = ("news", "opinion", "letters", "review", "comments", "interview", "match-report")

_SYNONYMS = {
    "news": "news", "report": "news", "article": "news", "story": "news",
    "opinion": "opinion", "op-ed": "opinion", "oped": "opinion", "editorial": "opinion", "leader": "opinion",
    "column": "opinion", "commentary": "opinion", "essay": "opinion", "blog": "opinion", "comment": "opinion",
    "letter": "letters", "letters": "letters", "letters to the editor": "letters",
    "review": "review", "reviews": "review",
    "comments": "comments", "reader comments": "comments", "your views": "comments",
    "interview": "interview", "q&a": "interview", "qa": "interview", "q and a": "interview", "transcript": "interview",
    "match report": "match-report", "match-report": "match-report", "match": "match-report",
}

_KICKER = re.compile(
    r"(?i)\s*(?P<label>opinion|editorial|commentary|op-ed|letters(?: to the editor)?|letter to the editor|"
    r"review|q\s*&\s*a)\s*[.:|]?\s*$")
_COMMENTS = re.compile(r"(?i)\s*(?:your views|have your say|your comments|readers['’]? comments|reader comments)"
                       r"\b[^\n]{0,40}$")
_QA_LINE = re.compile(r"\s*(?:Q\s*[:.]|Question\s*:)\s")
_SIGNATURE = re.compile(r"\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*,\s*[A-Z][\w'’.-]+(?:[ ,]+[A-Z][\w'’.-]+){0,3}\s*$")
_FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|[Mm]e|[Mm]y)(?![\w'’-])")


@dataclass(frozen=True)
class Genre:
    """A document's genre, where it came from ("front matter", "config", "detected:
    <sign>", "default"), and the offset from which it applies (0: the whole document)."""

    name: str
    source: str
    start: int = 0

    def is_news_at(self, offset: int) -> bool:
        return self.name == "news" or offset < self.start


def normalise(value) -> str | None:
    """A genre name from a front-matter value ("Op-Ed" -> "opinion"), or None if unknown."""
    if not isinstance(value, str):
        return None
    return _SYNONYMS.get(" ".join(value.strip().lower().replace("_", " ").split()))


def detect_genre(doc, setting: str | None = None) -> Genre:
    given = normalise(doc.front_matter.get("genre")) if doc.front_matter else None
    if given:
        return Genre(given, "front matter")
    if setting:
        return Genre(setting, "config")
    return _detected(doc) or Genre("news", "default")


def _detected(doc) -> Genre | None:
    prose = doc.prose
    blocks = doc.blocks
    qa = signed = first_person = paragraphs = 0
    first_signature = None
    for bi, b in enumerate(blocks):
        line = prose[b.start:b.end]
        if len(line) <= 40:
            m = _KICKER.match(line)
            if m and (bi < 6 or b.kind == "heading"):
                return Genre(normalise(m.group("label")) or "opinion", f"detected: '{line.strip()}' label")
            if _COMMENTS.match(line):
                return Genre("comments", f"detected: '{line.strip()}'", b.start)
        if len(line) <= 80 and _SIGNATURE.match(line):
            signed += 1
            first_signature = first_signature if first_signature is not None else bi
        if _QA_LINE.match(line):
            qa += 1
        if b.kind == "paragraph":
            paragraphs += 1
            if _first_person_outside_quotes(doc, b):
                first_person += 1
    if qa >= 3:
        return Genre("interview", "detected: Q&A paragraphs")
    if signed >= 3 and first_signature is not None:
        # the comments start with the first one signed (a signature closes its comment)
        start = blocks[max(0, first_signature - 1)].start
        return Genre("comments", "detected: signed comments", start)
    if first_person >= 3 and first_person * 5 >= paragraphs * 2:
        return Genre("opinion", "detected: first person throughout")
    return None


def _first_person_outside_quotes(doc, block) -> bool:
    for m in _FIRST_PERSON.finditer(doc.prose, block.start, block.end):
        if doc.quote_at(m.start()) is None:
            return True
    return False
