"""Speakers written next to a quote rather than with a reporting verb.

News and web copy often name who is quoted without "said":

* a transcript label inside the quote: “WALLACE: Are you going to accept the result?”;
* a signature after the quote, with a dash or a horizontal bar: “…” ― Bertrand Russell,
  “…” - Sanders; or in brackets, as digests credit what they quote: “…” [AP],
  “…” (Mother Jones);
* a signature paragraph right after a quote: "- President Obama, tweeting after the
  speech" or "Michelle Marks, Philadelphia" (reader comments, "Your views" blocks);
* a name and title closing the sentence after the quote: “…” Yang Guang, CEO of HNA
  Capital. (how digests and China Daily sign a quote);
* a byline after a quoted headline: “Matthew Morrison is leaving ‘Neverland’,” by Times'
  Michael Paulson -- a title with its author, not a quotation;
* a headline that presents the whole article as someone's words: "David Blunkett in
  quotes", "In his own words: …".

Each function looks at a bounded stretch next to one quote (or at the headline once),
so the whole pass is linear in the document.
"""

from __future__ import annotations

import re

from ..text import LazyPattern
from ..document import Span, per_document

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|al|el|la|le|du|da|di))*"
# “WALLACE: …”, “MR. TRUMP: …”, “Q: …” -- capitals only, so "Note: the …" is not a label
_LABEL = re.compile(r"\s*([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})\s*:\s")
# after the closing mark: a dash or bar and a name; a bracketed credit; a byline
_DASH_AFTER = re.compile(r"[^\S\n]*[,.]?[^\S\n]*(?:―|—|–|--|-|~)[^\S\n]*(" + _NAME + r")(?=[^\S\n]*(?:[,.;:)\]]|$))")
_BRACKET_AFTER = re.compile(r"[^\S\n]*[.,]?[^\S\n]*[\[(]\s*([A-Z][^\[\]()\n]{1,90}?)\s*[.,]?\s*[\])]")
# "“…” Yang Guang, CEO of HNA Capital." -- a name and a title closing the sentence (digests, China Daily)
_NAME_TITLE_AFTER = re.compile(r"[^\S\n]*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),\s+"
                               r"(?:[a-z][\w'’-]*|[A-Z]{2,5})(?:\s+[\w'’&-]+){0,14}?\s*(?:\.(?:\s|$)|\(|$)")
_BYLINE_AFTER = re.compile(r"\s*by\s+(?:[Tt]he\s+)?(" + _NAME + r")")
# a signature paragraph: "- Sanders.", "―President Obama, tweeting after …", "Michelle Marks, Philadelphia."
_DASH_PARAGRAPH = LazyPattern(r"\s*(?:―|—|–|--|-|~)\s*(" + _NAME + r")")
_NAME_PARAGRAPH = LazyPattern(r"\s*(" + _NAME + r")\s*(?:,\s*[A-Z0-9][^.!?\n]{0,60})?[.]?\s*$")
# "Former NAACP president Ben Jealous.": a title, then a name that ends the paragraph
_TITLED_NAME_PARAGRAPH = LazyPattern(r"\s*(?:[A-Z][\w.'’-]*\s+){1,3}(?:[a-z]+\s+){1,2}((?:[A-Z][\w.'’-]*\s*){2,3})\.?\s*$")
_IN_QUOTES = LazyPattern(r"(?i:\bin\s+quotes\b|\bin\s+(?:his|her|their)\s+own\s+words\b|\bquotes\s+of\s+the\b)")
_NOT_NAMES = frozenset("the a an it this that he she they we i in on at and but or so then".split())


def transcript_label(doc, quote) -> Span | None:
    """The speaker label a quote opens with (“WALLACE: …”), as a span, or None."""
    m = _LABEL.match(doc.prose, quote.inner_start, min(quote.inner_end, quote.inner_start + 60))
    if m is None or len(m.group(1).replace(".", "")) < 2:
        return None
    return Span(m.start(1), m.end(1))


def signature_after(doc, quote, block_end: int) -> Span | None:
    """A name signed right after the quote, in its paragraph: a dash or bar and a name,
    a bracketed credit, or a byline (“…,” by Times' Ben Sisario)."""
    if not quote.closed:
        return None
    text = doc.prose
    stop = min(block_end, quote.end + 90)
    for pattern in (_DASH_AFTER, _BRACKET_AFTER, _BYLINE_AFTER, _NAME_TITLE_AFTER):
        m = pattern.match(text, quote.end, stop)
        if m and _is_name(m.group(1)):
            name = m.group(1).rstrip(".")
            return Span(m.start(1), m.start(1) + len(name))
    return None


def signature_paragraph(doc, block_index: int) -> Span | None:
    """The name of a paragraph that is only a signature ("- Sanders.", "Michelle Marks,
    Philadelphia", "S.C. Rep. Jim Clyburn."), or None."""
    if block_index >= len(doc.blocks):
        return None
    b = doc.blocks[block_index]
    text = doc.prose[b.start:b.end].rstrip().rstrip("\"”").rstrip()
    if len(text) > 160 or any(ch in text for ch in "“\"”«"):
        return None
    m = _DASH_PARAGRAPH.match(text)
    if m and _is_name(m.group(1)):
        return Span(b.start + m.start(1), b.start + m.end(1))
    m = _NAME_PARAGRAPH.match(text) or _TITLED_NAME_PARAGRAPH.match(text)
    if m and len(m.group(1).split()) >= 2 and _is_name(m.group(1)):
        return Span(b.start + m.start(1), b.start + m.end(1) - (len(m.group(1)) - len(m.group(1).rstrip())))
    return None


@per_document
def headline_speaker(doc) -> Span | None:
    """The person a headline presents the article as quoting throughout ("David Blunkett
    in quotes", "In his own words: Barack Obama"), or None."""
    for b in doc.blocks[:3]:
        if b.kind != "heading":
            continue
        text = doc.prose[b.start:b.end]
        m = _IN_QUOTES.search(text)
        if m is None:
            continue
        for lo, hi in ((0, m.start()), (m.end(), len(text))):
            for n in re.finditer(_NAME, text[lo:hi]):
                if _is_name(n.group()):
                    return Span(b.start + lo + n.start(), b.start + lo + n.end())
    return None


def _is_name(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0].lower() not in _NOT_NAMES and len(name) >= 2 and not name.isdigit()
