"""``--format html``: an editor's proof — each article as prose with every finding marked.

One self-contained file: inline CSS and a few lines of inline script, no network, no
fonts. An HTML page is shown as its prose (the findings mapped from the page's source), a
Word document as its text, one paragraph a line. Every character of the article is escaped, so an article containing ``<script>``
shows it as text. Click a highlight (or a finding in the margin list) to select the
finding and, for a contradiction or duplicate, its other side.
"""

from __future__ import annotations

import html
from collections import Counter

from ..diagnostics import SEVERITY_RANK
from . import plural, summary_counts

_CSS = """
body{font:16px/1.55 Georgia,'Times New Roman',serif;margin:0;color:#1d1d1f;background:#f6f5f1}
header{background:#1d1d1f;color:#fff;padding:14px 28px;font-family:system-ui,sans-serif}
header h1{font-size:20px;margin:0 0 4px}
.sum{font-size:14px;opacity:.9}
nav,.file{max-width:1180px;margin:18px auto;padding:0 20px;font-family:system-ui,sans-serif}
table.counts{border-collapse:collapse;font-size:13px;margin-top:6px}
table.counts td,table.counts th{border:1px solid #ccc;padding:2px 8px;text-align:right}
.file h2{font-size:17px;margin:24px 0 8px;font-family:system-ui,sans-serif}
.cols{display:flex;gap:24px;align-items:flex-start}
.article{flex:1 1 62%;background:#fff;padding:22px 28px;border-radius:6px;box-shadow:0 1px 3px #0002;
 white-space:pre-wrap;word-wrap:break-word;font-family:Georgia,serif}
.findings{flex:1 1 38%;font-size:14px;position:sticky;top:8px;max-height:96vh;overflow:auto}
mark{background:none;border-bottom:3px solid;cursor:pointer;color:inherit;padding:0 1px}
mark.error{background:#fde2e1;border-color:#d1242f}
mark.warning{background:#fff3cd;border-color:#bf8700}
mark.info{background:#dff0fb;border-color:#0969da}
mark.rel{background:#ece2fb;border-color:#8250df;border-bottom-style:dashed}
mark.sel{outline:2px solid #1d1d1f}
.pin{font-size:12px;vertical-align:super;color:#d1242f}
.f{background:#fff;border-left:4px solid #999;margin:0 0 8px;padding:6px 10px;border-radius:4px;cursor:pointer}
.f.error{border-color:#d1242f}.f.warning{border-color:#bf8700}.f.info{border-color:#0969da}
.f.sel{box-shadow:0 0 0 2px #1d1d1f}
.f .meta{color:#555;font-size:12px}
.f .sugg{color:#1a7f37}
.f details{font-size:13px;color:#333;margin-top:4px}
.badge{display:inline-block;font-size:11px;padding:0 6px;border-radius:8px;color:#fff;margin-right:4px}
.badge.error{background:#d1242f}.badge.warning{background:#bf8700}.badge.info{background:#0969da}
.clean{color:#1a7f37}
"""

_JS = """
document.addEventListener('click',function(e){
  var t=e.target.closest('[data-f]');if(!t)return;
  var ids=t.getAttribute('data-f').split(' ');var id=ids[0];
  document.querySelectorAll('.sel').forEach(function(n){n.classList.remove('sel')});
  document.querySelectorAll('[data-f~="'+id+'"],[data-r~="'+id+'"]').forEach(function(n){n.classList.add('sel')});
  var item=document.getElementById('item-'+id);
  if(t.tagName==='MARK'&&item){item.scrollIntoView({block:'nearest'});}
  if(t.classList.contains('f')){var m=document.querySelector('mark[data-f~="'+id+'"]');if(m)m.scrollIntoView({block:'center'});}
});
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _article_view(result):
    """The text to show for a file and a function from the diagnostics' source offsets to it:
    for an HTML page its prose (an editor reads the article, not the markup), else the text."""
    from ..formats import FormatError, is_html
    from ..formats.html import read_html

    if is_html(result.path):
        try:
            reading = read_html(result.text)
        except FormatError:
            pass
        else:
            return reading.text, reading.source_map.back
    return result.text, lambda offset: offset


def _render_article(text: str, diags: list, file_no: int, at=lambda offset: offset) -> str:
    """The article with <mark> around every span; overlapping spans become segments.
    ``at`` maps the diagnostics' offsets to ``text``'s (see ``_article_view``)."""
    n = len(text)
    cuts = {0, n}
    spans = []  # (start, end, diag_id, is_related, severity)
    for i, d in enumerate(diags):
        did = f"{file_no}-{i}"
        spans.append((at(d.start), at(d.end), did, False, d.severity))
        for r in d.related:
            spans.append((at(r.start), at(r.end), did, True, d.severity))
    for s, e, *_ in spans:
        cuts.add(max(0, min(s, n)))
        cuts.add(max(0, min(e, n)))
    bounds = sorted(cuts)
    starts_at: dict[int, list] = {}
    for sp in spans:
        if sp[0] == sp[1]:
            starts_at.setdefault(sp[0], []).append(sp)
    # sweep: which spans cover each segment
    by_start = sorted((sp for sp in spans if sp[1] > sp[0]), key=lambda sp: sp[0])
    active: list = []
    k = 0
    out = []
    for a, b in zip(bounds, bounds[1:] + [None]):
        for sp in starts_at.get(a, ()):  # zero-width findings: a pin
            out.append(f'<mark class="{sp[4]}" data-f="{sp[2]}" title="finding"><span class="pin">&#9873;</span></mark>')
        if b is None:
            break
        while k < len(by_start) and by_start[k][0] <= a:
            active.append(by_start[k])
            k += 1
        active = [sp for sp in active if sp[1] > a]
        seg = _e(text[a:b])
        if not active:
            out.append(seg)
            continue
        own = [sp for sp in active if not sp[3]]
        rel = [sp for sp in active if sp[3]]
        cls = max((sp[4] for sp in own), key=SEVERITY_RANK.get) if own else "rel"
        f_ids = " ".join(dict.fromkeys(sp[2] for sp in own)) or " ".join(dict.fromkeys(sp[2] for sp in rel))
        r_ids = " ".join(dict.fromkeys(sp[2] for sp in rel))
        attr = f' data-r="{r_ids}"' if r_ids else ""
        out.append(f'<mark class="{cls}" data-f="{f_ids}"{attr}>{seg}</mark>')
    return "".join(out)


def _render_item(d, did: str, run) -> str:
    rule = run.rules.get(d.rule)
    about = _e(getattr(rule, "description", "") or "").strip()
    parts = [
        f'<div class="f {d.severity}" id="item-{did}" data-f="{did}">',
        f'<span class="badge {d.severity}">{d.severity}</span>{_e(d.message)}',
        f'<div class="meta">line {d.line}, column {d.column} · {d.rule} {_e(d.name)} · {d.category}</div>',
    ]
    if d.suggestions:
        parts.append('<div class="sugg">Suggestion: ' + ", ".join(f"<b>{_e(s)}</b>" for s in d.suggestions) + "</div>")
    for r in d.related:
        parts.append(f'<div class="meta">&#8596; {_e(r.message)}: line {r.line}, column {r.column}</div>')
    if about:
        parts.append(f"<details><summary>Why {d.rule}?</summary>{about}</details>")
    parts.append("</div>")
    return "".join(parts)


def report(results, out, run) -> None:
    counts = summary_counts(results)
    by_cat = Counter((d.category, d.severity) for r in results for d in r.diagnostics)
    cats = sorted({c for c, _ in by_cat})
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
              f"<title>factlint proof</title><style>{_CSS}</style></head><body>\n")
    total = counts["errors"] + counts["warnings"] + counts["infos"]
    out.write(f'<header><h1>factlint proof</h1><div class="sum">{plural(counts["files"], "file")}, '
              f'{plural(total, "finding")}: {plural(counts["errors"], "error")}, '
              f'{plural(counts["warnings"], "warning")}, {plural(counts["infos"], "info")} '
              f'· factlint {_e(run.version)}</div></header>\n<nav>')
    if cats:
        out.write('<table class="counts"><tr><th>category</th><th>error</th><th>warning</th><th>info</th></tr>')
        for c in cats:
            out.write(f'<tr><th>{_e(c)}</th>' + "".join(f"<td>{by_cat.get((c, s), 0)}</td>" for s in ("error", "warning", "info")) + "</tr>")
        out.write("</table>")
    if len(results) > 1:
        out.write("<ol>" + "".join(
            f'<li><a href="#file-{i}">{_e(r.path)}</a> ({len(r.diagnostics)})</li>' for i, r in enumerate(results)) + "</ol>")
    out.write("</nav>\n")
    for i, r in enumerate(results):
        out.write(f'<section class="file" id="file-{i}"><h2>{_e(r.path)}</h2>')
        if r.text is None:
            out.write("".join(_render_item(d, f"{i}-{j}", run) for j, d in enumerate(r.diagnostics)))
            out.write("</section>\n")
            continue
        out.write('<div class="cols"><div class="article">')
        view, at = _article_view(r)
        out.write(_render_article(view, r.diagnostics, i, at))
        out.write('</div><div class="findings">')
        if not r.diagnostics:
            out.write('<p class="clean">No problems found.</p>')
        out.write("".join(_render_item(d, f"{i}-{j}", run) for j, d in enumerate(r.diagnostics)))
        out.write("</div></div></section>\n")
    out.write(f"<script>{_JS}</script></body></html>\n")
