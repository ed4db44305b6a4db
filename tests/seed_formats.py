"""The seed article converted to the formats editors hand over, as a CMS and Word would
write it: an HTML article page (site header and navigation, ads and their scripts, JSON-LD,
a pull quote, figure captions, a footer) and a Word document (heading and caption styles,
runs split by formatting, a comment, a tracked insertion and deletion, a footnote mark).

Each block of the text version becomes one element or paragraph of the same kind (the
kinds the text version's document model gives it), so the same rules apply to it. Each
converter also returns where every line of the text version went (``line_map``: text line ->
HTML source line or Word paragraph), to check the findings' positions."""

from __future__ import annotations

import datetime as _dt
import html
import json
import re

from conftest import SEEDS

from linter.document import Document

SEED = SEEDS / "000_5ae41dc0945392ff.txt"
PUBLISHED = "2024-09-30T14:05:00+03:00"

_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "‘": "&lsquo;", "’": "&rsquo;", "—": "&mdash;", "–": "&#8211;"}


def seed_blocks(text: str) -> list[tuple[int, str, str]]:
    """(line number, line text, kind) of each non-empty line of the text version."""
    doc = Document.from_text(text, path="seed.txt")
    kinds = {doc.line_of(b.start): b.kind for b in doc.blocks}
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            out.append((n, line, kinds.get(n, "paragraph")))
    return out


def _inline(line: str, n: int) -> str:
    """A line as a CMS writes it: entities for typographic marks, links and emphasis around
    some words, a drop cap on the first letter of the story."""
    out = html.escape(line, quote=False)
    out = "".join(_ENTITIES.get(ch, ch) for ch in out)
    out = out.replace("Antony Blinken", '<a href="/en/tags/antony-blinken" class="tag">Antony Blinken</a>', 1)
    out = out.replace("Kurdistan Region", "<em>Kurdistan Region</em>", 1)
    if n == 3:
        out = f'<span class="dropcap">{out[0]}</span>{out[1:]}'
    return out


def _wrap(markup: str, indent: str) -> str:
    """Hard-wrap a long line of markup at spaces outside tags, as an HTML pretty-printer does."""
    words = re.split(r"( )(?![^<]*>)", markup)
    lines, current = [], ""
    for piece in words:
        if piece == " " and len(current) > 70:
            lines.append(current)
            current = ""
            continue
        current += piece
    lines.append(current)
    return ("\n" + indent).join(lines)


def seed_to_html(text: str, wrap: bool = False) -> tuple[str, dict[int, int]]:
    """(page, line_map). With ``wrap``, paragraphs are hard-wrapped over several source lines
    (then the map gives the line where each paragraph starts)."""
    blocks = seed_blocks(text)
    headline = blocks[0][1]
    head = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(headline)} | Kurdistan24</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{html.escape(headline)}">
<meta property="article:published_time" content="{PUBLISHED}">
<link rel="stylesheet" href="/assets/site.css">
<style>
  .dropcap {{ float: left; font-size: 3em; }}
  p.lead::before {{ content: "the the 9,00"; }}
</style>
<script async src="https://securepubads.example/tag/js/gpt.js"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  var headline = "<p>Not prose: 9,00 the the</p>";
  if (a < b && c > d) {{ console.log("premature and unnecessary"); }}
</script>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": {json.dumps(headline)},
  "datePublished": "{PUBLISHED}", "dateModified": "2024-10-01T09:00:00+03:00",
  "author": {{"@type": "Person", "name": "Laurie Mylroie"}}}}
</script>
</head>
<body class="article-page">
<header class="site-header">
  <a href="/" class="logo"><img src="/logo.svg" alt="Kurdistan24 9,00"></a>
  <nav aria-label="Main"><ul>
    <li><a href="/en/news">News</a></li><li><a href="/en/kurdistan">Kurdistan</a></li>
    <li><a href="/en/world">World: the the 9,00 later this year</a></li>
  </ul></nav>
</header>
<div class="ad ad-leaderboard" id="div-gpt-ad-1"><span class="ad-label">Advertisement</span>
  <script>googletag.cmd.push(function() {{ googletag.display("div-gpt-ad-1"); }});</script></div>
<main>
<article class="story">
"""
    lines = head.split("\n")
    body: list[str] = []
    line_map: dict[int, int] = {}
    first_heading = True
    figure_open = False

    def add(markup: str, n: int | None = None):
        if n is not None:
            line_map[n] = len(lines) + len(body) + 1
        body.extend(markup.split("\n"))

    for i, (n, line, kind) in enumerate(blocks):
        inner = _inline(line, n)
        if wrap:
            inner = _wrap(inner, "    ")
        if kind != "caption" and figure_open:
            add("</figure>")
            figure_open = False
        if kind == "heading":
            tag = "h1" if first_heading else "h2"
            add(f'<{tag} class="{"headline" if first_heading else "subhead"}">{inner}</{tag}>', n)
            if first_heading:
                add('<div class="byline">By <a href="/en/author/laurie-mylroie">Laurie Mylroie</a> '
                    f'<time datetime="{PUBLISHED}">30 September 2024</time></div>')
            first_heading = False
        elif kind == "caption":
            if not figure_open:
                add('<figure class="story-image">')
                add('  <img src="/images/blinken.jpg" alt="Antony Blinken poses, 9,00 later this year" width="800">')
                figure_open = True
            add(f"  <figcaption>{inner}</figcaption>", n)
        elif kind == "read-more":
            m = re.match(r"(Read More:)\s*(.*)", inner, re.S)
            add(f'<p class="read-more"><strong>{m.group(1)}</strong> <a href="/en/story/1">{m.group(2)}</a></p>', n)
        else:
            add(f"<p>{inner}</p>", n)
        if i == 6:  # an ad slot and a pull quote inside the story
            add('<div class="ad ad-inline"><iframe src="https://ads.example/slot?later+this+year" '
                'title="Advertisement"></iframe><script>loadAd("inline-1")</script></div>')
            add('<aside class="pull-quote"><blockquote><p>&ldquo;The United States is not withdrawing '
                'from Iraq,&rdquo; officials said. 9,00 the the</p></blockquote></aside>')
            add("<!-- related-stories widget -->")
    if figure_open:
        add("</figure>")
    tail = """<aside class="related"><h3>Related stories</h3><ul>
  <li><a href="/en/story/2">US Officials: 9,00 troops will leave later this year</a></li>
</ul></aside>
</article>
</main>
<footer class="site-footer"><p>&copy; 2024 Kurdistan24. All rights reserved. 9,00 the the.</p>
<ul><li><a href="/en/contact">Contact</a></li></ul></footer>
<script>window.__STATE__ = {"article": "the the 9,00"};</script>
</body>
</html>
"""
    # head ends in a line break, so its last piece is an empty line; the body starts after it
    return "\n".join(lines + body) + "\n" + tail, line_map


def seed_to_docx(text: str, path, with_date: bool = True) -> dict[int, int]:
    """Write the seed as a Word document to ``path``; returns line_map (text line -> paragraph)."""
    import copy

    import docx
    from docx.oxml.ns import qn

    blocks = seed_blocks(text)
    document = docx.Document()
    line_map: dict[int, int] = {}
    first_heading = True
    paragraphs = []
    for n, line, kind in blocks:
        if kind == "heading":
            p = document.add_paragraph(style="Heading 1" if first_heading else "Heading 2")
            first_heading = False
        elif kind == "caption":
            p = document.add_paragraph(style="Caption")
        else:
            p = document.add_paragraph()
        # runs split where formatting changes, as Word writes them
        parts = re.split(r"(Antony Blinken|Kurdistan Region)", line)
        for part in parts:
            if part:
                run = p.add_run(part)
                run.bold = part in ("Antony Blinken", "Kurdistan Region")
        line_map[n] = len(document.paragraphs)
        paragraphs.append((n, p))
    # a comment on the second paragraph, whose text must not be linted
    second = paragraphs[1][1]
    document.add_comment(second.runs, text="Check: 9,00 or 9,000? the the. Premature and unnecessary.",
                         author="Copy desk", initials="CD")
    # a tracked deletion and a tracked insertion in the third paragraph: the accepted text is the seed's
    third = paragraphs[2][1]
    run = third.runs[-1]
    r = run._r
    t = r.find(qn("w:t"))
    kept, inserted = t.text[:-12], t.text[-12:]
    t.text = kept
    deleted = copy.deepcopy(r)
    dt = deleted.find(qn("w:t"))
    dt.tag = qn("w:delText")
    dt.text = " (9,00 troops, the the)"
    dele = r.makeelement(qn("w:del"), {qn("w:id"): "101", qn("w:author"): "Editor", qn("w:date"): "2024-09-30T10:00:00Z"})
    dele.append(deleted)
    r.addnext(dele)
    ins = r.makeelement(qn("w:ins"), {qn("w:id"): "102", qn("w:author"): "Editor", qn("w:date"): "2024-09-30T10:00:00Z"})
    new_run = copy.deepcopy(r)
    new_run.find(qn("w:t")).text = inserted
    new_run.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    ins.append(new_run)
    dele.addnext(ins)
    # a footnote reference mark after the fourth paragraph's text (its number is not prose)
    fourth = paragraphs[3][1]
    ref = fourth.add_run()._r
    ref.append(ref.makeelement(qn("w:footnoteReference"), {qn("w:id"): "1"}))
    if with_date:
        document.core_properties.created = _dt.datetime(2024, 9, 29, 18, 0)
        document.core_properties.modified = _dt.datetime(2024, 9, 30, 11, 0)
    else:  # no dates at all (python-docx's template has some)
        core = document.core_properties._element
        for child in list(core):
            if child.tag.endswith(("}created", "}modified")):
                core.remove(child)
    document.save(str(path))
    return line_map
