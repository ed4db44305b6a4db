"""``misquote``: the same words quoted twice, nearly but not exactly alike.

A speaker is quoted in the lede and again further down, and one of the two copies
has a word changed ("will conclude in September" / "would conclude in September").
At most one of them is what was said. Quotes are compared after normalisation
(case, punctuation, typographic apostrophes); an exact repeat, or one quote being
an excerpt of the other, is fine. Candidates come from the same bottom-k sketch
index as ``duplication`` (near-linear), scored with rapidfuzz ``partial_ratio`` so
an excerpt with a changed word is found too.

When quote attribution is available (``attributions_for``), two quotes whose
speakers are both named and differ are not compared: two people may well use the
same slogan. Quotes with editorial brackets or an ellipsis are skipped, since
those mark a deliberate change.
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, TYPE_CHECKING

from ..diagnostics import Finding, Related
from ..facts.quotes import attributions_for
from ._similar import NearIndex, sketch, words
from .base import RuleBase
from .duplication import PARAGRAPH_DEFAULTS, duplicate_blocks

if TYPE_CHECKING:  # resolved by linter.schema when a rule file is validated
    from pydantic import Field

_PRONOUNS = frozenset("he she they we i you it who one this that".split())
_ELIDED = re.compile(r"\[|…|\.\.\.|\. \. \.")


class Rule(RuleBase):
    """Report a quote that repeats an earlier one with some words changed.

    The message may use ``{line}`` (of the earlier quote), ``{similarity}``,
    ``{this}`` and ``{other}`` (the first differing words in each).
    """

    placeholders: ClassVar[tuple[str, ...]] = ("line", "similarity", "this", "other")

    min_words: Annotated[int, Field(ge=2)] = 6
    """Quotes shorter than this (in words) are not compared."""
    threshold: Annotated[float, Field(ge=50.0, lt=100.0)] = 85.0
    """Similarity (0-100, rapidfuzz partial ratio) from which two quotes are the same words."""

    def check(self, doc, ctx):
        speakers = _speakers(doc, ctx)
        dup_blocks = {(a, b) for a, b, _ in duplicate_blocks(doc, *PARAGRAPH_DEFAULTS)}
        index = NearIndex(self.threshold)
        kept = []  # (quote, tokens)
        for q in doc.quotes:
            if not q.closed or q.single:
                continue  # (a headline's single-quoted words condense a quote: not a misquote)
            inner = doc.prose[q.inner_start : q.inner_end]
            if _ELIDED.search(inner):
                continue
            toks = words(inner)
            if len(toks) < self.min_words:
                continue
            norm = " ".join(toks)
            sk = sketch(toks, norm=norm)
            match = index.best(norm, sk, partial=True)
            if match is not None:
                first, ftoks = kept[match.first]
                diff = _difference(ftoks, toks)
                if diff is not None and not _different_speakers(speakers.get(first.start), speakers.get(q.start)) \
                        and (doc.block_at(q.start), doc.block_at(first.start)) not in dup_blocks:
                    other, this = diff
                    yield Finding(
                        q.start, q.end,
                        {"line": doc.line_of(first.start), "similarity": int(match.score),
                         "this": this, "other": other},
                        related=[Related(first.start, first.end, "quoted here first")],
                    )
                    continue  # compare later quotes with the first wording, not this one
            index.add(norm, sk)
            kept.append((q, toks))


def _difference(a: list[str], b: list[str]) -> tuple[str, str] | None:
    """The first words that differ between two quotes, ignoring words one has beyond
    the other's ends (an excerpt); None when one is an excerpt of the other."""
    import difflib  # here: only a near-identical quote pair gets this far

    ops = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal"]
    # drop pure additions at either end: one quote is longer than the other there
    while ops and ops[0][0] in ("insert", "delete") and (ops[0][1] == 0 and ops[0][3] == 0):
        ops.pop(0)
    while ops and ops[-1][0] in ("insert", "delete") and (ops[-1][2] == len(a) and ops[-1][4] == len(b)):
        ops.pop()
    if not ops:
        return None
    # a misquote changes a word or two inside shared wording; a different opening or
    # ending of unequal length means two different quotes that share a phrase
    changed = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in ops)
    if changed > min(4, max(1, round(0.25 * min(len(a), len(b))))):
        return None
    for tag, i1, i2, j1, j2 in (ops[0], ops[-1]):
        at_edge = i1 == 0 or j1 == 0 or i2 == len(a) or j2 == len(b)
        if at_edge and (tag != "replace" or i2 - i1 != j2 - j1):
            return None
    tag, i1, i2, j1, j2 = ops[0]
    return " ".join(a[i1:i2]) or "(nothing)", " ".join(b[j1:j2]) or "(nothing)"


def _speakers(doc, ctx) -> dict[int, str]:
    """Quote start -> speaker's last word (lower case), for named speakers only; with the
    pack's word lists, as the attribution rules see them."""
    out = {}
    for a in attributions_for(doc, ctx) or ():
        if a.speaker is None:
            continue
        name = doc.text[a.speaker.start : a.speaker.end].split()
        if name and name[-1][:1].isupper() and name[-1].lower() not in _PRONOUNS:
            out[a.quote.start] = name[-1].lower().rstrip("'’s")
    return out


def _different_speakers(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)
