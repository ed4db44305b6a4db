"""``detect: numeral-style`` -- small counts written both as words and as figures: "nine people" ... "7 people".

Why: house styles differ (AP spells out one to nine), but one article should follow
one. Counts from 1 to below ``spell_out_below`` (the config key ``spell-out-below``
overrides it) are collected as words or as plain figures; partitives, ranges, hedged
counts and a figure that starts a sentence (every style spells that out) are not. Each
count in the minority style is reported (figures, when the styles tie).

Flagged: Nine people were hurt. Police said three cars and four vans burned, and 7 people fled.
Fine:    Nine people were hurt. Police said three cars and four vans burned, and seven people fled.
"""

from __future__ import annotations

from ...diagnostics import Finding
from .._detectors import detector


@detector("numeral-style")
def numeral_style(rule, doc, ctx):
    configured = getattr(getattr(ctx, "config", None), "spell_out_below", None)
    below = configured or rule.spell_out_below
    prose = doc.prose
    words, figures = [], []
    for q in doc.facts.quantities:
        if q.kind != "count" or q.partitive or q.range_role or q.hedge:
            continue
        if not (1 <= q.value < below) or q.value != int(q.value):
            continue
        if q.words:
            words.append(q)
        elif q.form == "plain":
            # a figure that starts a sentence is spelled out by every style guide anyway
            i = q.start - 1
            while i >= 0 and prose[i] in " \t":
                i -= 1
            if i < 0 or prose[i] in ".!?\n":
                continue
            figures.append(q)
    if not words or not figures:
        return
    minority, style = (figures, "figures") if len(figures) <= len(words) else (words, "words")
    other = "words" if style == "figures" else "figures"
    for q in minority:
        yield Finding(q.num_start, q.num_end, {"text": q.numeral, "style": style, "other": other,
                                               "count": str(len(words) if other == "words" else len(figures))})
