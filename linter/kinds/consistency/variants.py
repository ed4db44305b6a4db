"""``detect: variants`` -- two forms from one group of a word list in one document: "percent" and "per cent".

Why: house style picks one spelling of a word ("percent | per cent", "judgement |
judgment"); an article using both looks unedited. Each entry of the rule's word list is
a group of forms separated by "|"; all groups are found in one pass (one alternation,
compiled by the rule's ``prepare``), case-insensitively and outside skipped blocks. A
group is reported once, at the first use of its rarer form, with the prevailing form
suggested.

Flagged: Prices rose 5 percent in May and 3 percent in June, but fell 2 per cent in July.
Fine:    Prices rose 5 percent in May and 3 percent in June.
"""

from __future__ import annotations

from collections import defaultdict

from .._detectors import detector
from ._common import pair_finding, skipped_block


@detector("variants")
def variants(rule, doc):
    if rule._variant_re is None:
        return
    found: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for m in rule._variant_re.finditer(doc.prose):
        hit = rule._variant_forms.get(" ".join(m.group().lower().split()))
        if hit and not skipped_block(rule, doc, m.start()):
            found[hit[0]][hit[1]].append(m.span())
    for gi in sorted(found):
        if len(found[gi]) >= 2:
            yield pair_finding(doc, found[gi])

