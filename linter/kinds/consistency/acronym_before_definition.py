"""``detect: acronym-before-definition`` -- an acronym used in the body before the sentence that defines it.

Why: a reader meets "SDF" before being told it is the Syrian Democratic Forces; the
definition belongs at the first use. The acronyms are those this document defines
(:func:`_common.definitions`); a use before the first defining sentence is reported once
per acronym, except in skipped blocks, captions (written apart from the story, often
first) and the rule's ``ignore`` forms.

Flagged: The SDF runs the camps. The Syrian Democratic Forces (SDF) said so.
Fine:    The Syrian Democratic Forces (SDF) run the camps. The SDF said so.
"""

from __future__ import annotations

import re

from ...diagnostics import Finding, Related
from .._detectors import detector
from .._regex import words_pattern
from ._common import definitions, skipped_block


@detector("acronym-before-definition")
def acronym_before_definition(rule, doc):
    defs = definitions(doc)
    first_def: dict[str, tuple[int, int, int]] = {}
    for acr, exp, a_span, e_span, s_start in defs:
        first_def.setdefault(acr, (a_span[0], a_span[1], s_start))
    if not first_def:
        return
    pattern = re.compile(words_pattern(list(first_def)))  # this document's acronyms
    reported = set()
    for m in pattern.finditer(doc.prose):
        acr = m.group()
        d_start, d_end, s_start = first_def[acr]
        if acr in reported or m.start() >= s_start or acr in rule.ignore:
            continue
        if skipped_block(rule, doc, m.start()):
            continue
        bi = doc.block_at(m.start())
        if bi is not None and doc.blocks[bi].kind == "caption":
            continue  # captions are written apart from the story, often first
        reported.add(acr)
        yield Finding(m.start(), m.end(), {"acronym": acr, "match": acr, "line": doc.line_of(d_start)},
                      related=[Related(d_start, d_end, "defined here")])

