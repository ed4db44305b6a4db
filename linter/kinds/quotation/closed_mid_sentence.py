"""``detect: closed-mid-sentence`` -- a full stop just inside the closing mark although the sentence goes on.

Why: “critical demining operations.” restoring ... ends the sentence with the full stop,
yet the next word is lower case: the sentence goes on, so the mark should be a comma or
go (the suggestion is the comma). A question or exclamation mark (“Why?” he asked), an
ellipsis, and an abbreviation's own full stop (“the U.S.” and) are fine, and so is a wire
credit run in after an article's last quote when its line break is lost (“… our chance.”
mp (DPA/Reuters); “… I could.” idr/Reuters; “… journal.” with dpa): on the dev half of
the news corpus, every flag of this check was such a credit.

Flagged: That aid is used for “critical demining operations.” restoring “essential services,” he said.
Fine:    “Why?” he asked. “We left,” she said. It was “made in the U.S.” and sold here.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding
from ...document import ABBREVIATIONS
from .._detectors import detector

_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
# an editor's initials with a slash ("hg/nz", "idr/Reuters") or before a parenthesised agency
# ("mp (DPA/Reuters)"), or "with dpa", "via GIPHY": a credit line, not the sentence going on
_CREDIT = re.compile(r"[a-z]{1,5}(?:/[A-Za-z]+)+\b|[a-z]{1,5}\s*-?\(\s*[A-Z]|(?:with|via)\s+(?:dpa|[A-Z]{2,}|Reuters)\b")


@detector("closed-mid-sentence")
def closed_mid_sentence(rule, doc):
    prose = doc.prose
    for q in doc.quotes:
        if not q.closed or q.end - q.start < 4:
            continue
        dot = q.end - len(q.close_mark) - 1
        if prose[dot] != "." or prose[dot - 1] == ".":
            continue
        w = _WORD_BEFORE.search(prose[max(q.start, dot - 12) : dot + 1])
        if w and (w.group(1).lower() in ABBREVIATIONS or len(w.group(1)) == 1 or "." in w.group(1)):
            continue  # "the U.S." ends with the abbreviation's own full stop
        j = q.end
        while j < len(prose) and prose[j] in " \t":
            j += 1
        if j == q.end or j >= len(prose) or not prose[j].islower() or _CREDIT.match(prose, j):
            continue
        yield Finding(dot, q.end, {"match": prose[dot : q.end], "close": q.close_mark},
                      suggestions=[f",{q.close_mark}"])
