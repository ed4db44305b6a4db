"""``duplication``: a paragraph or sentence that repeats an earlier one, word for word or nearly.

The commonest CMS slip that reaches readers is a paste made twice: a caption printed
twice, the lede repeated as the fourth paragraph after an edit. The finding sits on
the *second* occurrence (the one to delete) with ``related`` pointing at the first.

Passages are compared after normalisation (case, punctuation, typographic
apostrophes), exact repeats through a dictionary and near repeats through a
bottom-k sketch index and rapidfuzz (see ``_similar``), so a 2 MB document is
linear, not quadratic. Repeated *words* ("the the") are S101's job, not this kind's.

Intentional repeats are configurable per rule: ``ignore_blocks`` (pull quotes are
Markdown block quotes), ``skip_quotes`` (a passage that is mostly a direct quote,
restated in full by design) and ``allow`` (regexes for boilerplate a newsroom
repeats on purpose). A live file (a rolling story whose entries each open with a time
stamp on a line of its own: "8:35 p.m.", "10:05 GMT") restates its background in every
entry by design, so there passages are compared within an entry only (``live_entries``).
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, TYPE_CHECKING

from ..diagnostics import Finding, Related
from ..document import BLOCK_KINDS, per_document
from ..text import LazyPattern
from ._regex import UserRegex, check_user_regexes, compile_user, finditer
from ._similar import NearIndex, sketch, words
from .base import RuleBase

if TYPE_CHECKING:  # resolved by linter.schema when a rule file is validated
    from pydantic import Field

BlockKind = Literal[BLOCK_KINDS]  # type: ignore[valid-type]


class Rule(RuleBase):
    """Report a paragraph (``unit: paragraph``) or sentence (``unit: sentence``) that
    repeats an earlier one at ``threshold``% similarity or more.

    The message may use ``{unit}``, ``{Unit}``, ``{line}`` (of the first occurrence),
    ``{how}`` ("word for word", "same words, other punctuation" or "93% alike") and ``{similarity}``.
    """

    placeholders: ClassVar[tuple[str, ...]] = ("unit", "Unit", "line", "how", "similarity")

    unit: Literal["paragraph", "sentence"] = "paragraph"
    """Compare paragraphs or sentences."""
    min_words: Annotated[int, Field(ge=1)] = 8
    """Passages shorter than this (in words) are never compared."""
    threshold: Annotated[float, Field(ge=50.0, le=100.0)] = 90.0
    """Similarity (0-100, rapidfuzz ratio) from which a passage is a near repeat."""
    near_min_words: Annotated[int, Field(ge=1)] = 12
    """Passages shorter than this must repeat exactly (word for word) to count."""
    ignore_blocks: list[BlockKind] = []
    """Block kinds not compared (e.g. blockquote: pull quotes repeat the body on purpose)."""
    skip_quotes: bool = False
    """Skip a passage that is mostly a direct quote (a restatement by design)."""
    quote_share: Annotated[float, Field(gt=0.0, le=1.0)] = 0.6
    """With `skip_quotes`: the share of the passage inside quotes from which it is skipped."""
    allow: list[str] = []
    """Regexes for boilerplate repeated on purpose; a passage matching one is never reported."""
    live_entries: bool = True
    """In a live file (three or more entries opening with a time stamp alone on a line), compare passages within an entry only."""

    _allow: list[UserRegex] = ()

    def validate(self) -> None:
        super().validate()
        check_user_regexes("allow", self.allow)

    def prepare(self, wordlists):
        self._allow = [compile_user(p) for p in self.allow]

    # ------------------------------------------------------------------
    def check(self, doc, ctx):
        if self.unit == "paragraph":
            blocks = doc.blocks
            repeats = [((blocks[s].start, blocks[s].end), (blocks[f].start, blocks[f].end), score)
                       for s, f, score in duplicate_blocks(doc, self.min_words, self.threshold,
                                                           tuple(self.ignore_blocks), self.near_min_words,
                                                           self.live_entries)]
        else:
            # paragraphs repeated as a whole are R101's (default settings), not one finding per sentence
            dup_blocks = {second for second, _, _ in duplicate_blocks(doc, *PARAGRAPH_DEFAULTS)}
            kept = [s for s in doc.sentences
                    if s.block not in dup_blocks and doc.blocks[s.block].kind not in self.ignore_blocks]
            entry = live_entries(doc) if self.live_entries else None
            repeats = _repeats(doc, [(s.start, s.end) for s in kept], self.min_words, self.threshold,
                               self.near_min_words, [entry[s.block] for s in kept] if entry else None)
        for (start, end), (fstart, fend), score in repeats:
            if self._allowed(doc, start, end) or self._allowed(doc, fstart, fend):
                continue
            if self.skip_quotes and (_quoted_share(doc, start, end) >= self.quote_share
                                     or _quoted_share(doc, fstart, fend) >= self.quote_share):
                continue
            line = doc.line_of(fstart)
            if score < 100:
                how = f"{int(score)}% alike"
            elif doc.prose[start:end].split() == doc.prose[fstart:fend].split():
                how = "word for word"
            else:
                how = "same words, other punctuation"
            yield Finding(
                start, end,
                {"unit": self.unit, "Unit": self.unit.capitalize(), "line": line, "how": how,
                 "similarity": int(score)},
                related=[Related(fstart, fend, "first stated here")],
            )

    def _allowed(self, doc, start: int, end: int) -> bool:
        # a user's regex: searched with the time budget (F003), never a bare search()
        text = doc.prose[start:end]
        return any(next(finditer(p, text), None) is not None for p in self._allow)


# min_words, threshold, ignored block kinds, near_min_words, live_entries of the built-in
# R101: the paragraph repeats other checks (R102, misquote) leave to it
PARAGRAPH_DEFAULTS = (8, 90.0, ("blockquote",), 12, True)

# a live entry's time stamp, alone on its line: "8:35 p.m.", "11 a.m.", "10:05 GMT", "Update 14:32"
_ZONE = r"(?:GMT|BST|UTC|CET|CEST|ET|EDT|EST|PT|PDT|PST)"
_STAMP = LazyPattern(r"(?:(?:UPDATE|Update|Updated)\b[:,]?\s*)?"
                     r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.?|p\.m\.?|am|pm|AM|PM)|\d{1,2}:\d{2})"
                     r"(?:\s*" + _ZONE + r")?\.?")
_STAMP_MAX = 24  # characters: a longer block is text, not a stamp


@per_document
def live_entries(doc) -> list[int] | None:
    """The entry of each block in a live file (0 before the first time stamp), or None
    when the document is not one: fewer than three blocks that are a time stamp alone."""
    stamps = [i for i, b in enumerate(doc.blocks) if b.end - b.start <= _STAMP_MAX
              and _STAMP.fullmatch(doc.prose[b.start:b.end].strip())]
    if len(stamps) < 3:
        return None
    entry, at = [], 0
    for i in range(len(doc.blocks)):
        if at < len(stamps) and stamps[at] == i:
            at += 1
        entry.append(at)
    return entry


def _repeats(doc, units: list[tuple[int, int]], min_words: int, threshold: float, near_min_words: int = 12,
             groups: list[int] | None = None):
    """(second span, first span, score) for every unit that repeats an earlier one of its
    group (``groups``: one id per unit, e.g. a live file's entry; None: all one group).

    Short passages ("Corner, Ireland. Conceded by X.") differ by one name and still
    score 90%, so below ``near_min_words`` only exact repeats count.
    """
    indexes: dict[int, tuple[NearIndex, list[tuple[int, int]]]] = {}
    for k, (start, end) in enumerate(units):
        toks = words(doc.prose[start:end])
        if len(toks) < min_words:
            continue
        index, spans = indexes.setdefault(groups[k] if groups else 0, (NearIndex(threshold), []))
        norm = " ".join(toks)
        sk = sketch(toks, norm=norm)
        match = index.best(norm, sk)
        if match is not None and (match.score >= 100 or len(toks) >= near_min_words):
            yield (start, end), spans[match.first], match.score
        index.add(norm, sk)
        spans.append((start, end))


@per_document
def duplicate_blocks(doc, min_words: int, threshold: float, ignore: tuple[str, ...],
                     near_min_words: int, by_entry: bool = True) -> list[tuple[int, int, float]]:
    """(second block index, first block index, score) for repeated blocks, computed once
    per document and settings (R101, R102 and the misquote check all ask); in a live file
    (``by_entry``) only blocks of one entry are compared."""
    ids = [i for i, b in enumerate(doc.blocks) if b.kind not in ignore]
    starts = {doc.blocks[i].start: i for i in ids}
    units = [(doc.blocks[i].start, doc.blocks[i].end) for i in ids]
    entry = live_entries(doc) if by_entry else None
    groups = [entry[i] for i in ids] if entry else None
    return [(starts[s[0]], starts[f[0]], score) for s, f, score in _repeats(doc, units, min_words, threshold,
                                                                          near_min_words, groups)]


def _quoted_share(doc, start: int, end: int) -> float:
    """The share of a passage's characters that sit inside quotation marks."""
    if end <= start:
        return 0.0
    inside = sum(min(end, q.end) - max(start, q.start) for q in doc.quotes_in(start, end))
    return inside / (end - start)
