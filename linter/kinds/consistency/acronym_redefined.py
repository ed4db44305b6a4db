"""``detect: acronym-redefined`` -- an acronym defined twice with different expansions.

Why: "the Kurdistan Regional Government (KRG)" and later "the Kurdistan Regional Guard
(KRG)" cannot both be right; one of them is a slip, and the reader no longer knows which
body is meant. Definitions are both orders, "Expansion (ACR)" and "ACR (Expansion)",
whose words spell the acronym (:func:`_common.definitions`); expansions are compared
normalised (case, hyphens, "the"). Reported once per acronym, at the second definition.

Flagged: The Kurdistan Regional Government (KRG) met. Later the Kurdistan Regional Guard (KRG) spoke.
Fine:    The Kurdistan Regional Government (KRG) met. Later the Kurdistan Regional Government (KRG) spoke again.
"""

from __future__ import annotations

from ...diagnostics import Finding, Related
from .._detectors import detector
from ._common import definitions


@detector("acronym-redefined")
def acronym_redefined(rule, doc):
    first: dict[str, tuple] = {}
    reported = set()
    for acr, exp, a_span, e_span, _ in definitions(doc):
        if acr not in first:
            first[acr] = (exp, a_span, e_span)
            continue
        exp0, a0, e0 = first[acr]
        if exp == exp0 or acr in reported:
            continue
        reported.add(acr)
        text = doc.text
        yield Finding(e_span[0], a_span[1] + 1 if text[a_span[1]:a_span[1] + 1] == ")" else a_span[1],
                      {"acronym": acr, "match": acr, "expansion": text[e_span[0]:e_span[1]],
                       "other_expansion": text[e0[0]:e0[1]], "line": doc.line_of(e0[0])},
                      related=[Related(e0[0], a0[1], "first defined here")])

