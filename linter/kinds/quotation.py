"""``quotation``: quotation marks and brackets that do not pair up.

One kind, several checks (``detect:``), all read ``doc.quotes`` (found once by the
document model) or scan one block at a time, so they are linear:

* ``mismatched-marks`` -- a quote opened with a straight mark and closed with a
  curly one, or the reverse (a CMS paste of two sources).
* ``unclosed`` -- a quote never closed in its paragraph (unless the next paragraph
  opens with a quotation mark: the convention for a quote running on), or a curly
  closing mark with nothing open.
* ``brackets`` -- a parenthesis or square bracket without its partner in the
  paragraph ("1)" and "a)" enumerations are left alone).
* ``nested`` -- double marks inside double marks (“he said “no” to me”); the inner
  quote takes single marks.
* ``closed-mid-sentence`` -- a full stop before the closing mark although the
  sentence goes on (“critical operations.” restoring ...): the full stop should be
  a comma or go.

Scraped news often mixes straight and curly marks; the checks that cry wolf on it
are ``info`` in the built-in pack (see README for the measured rates).
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from ..diagnostics import Finding, Related
from ..document import ABBREVIATIONS, per_document
from .base import RuleBase

_PAIRS = {"(": ")", "[": "]"}
_CLOSERS = {")": "(", "]": "["}
_BRACKET = re.compile(r"[()\[\]]")
_ENUM = re.compile(r"(?:^|[\s(])(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\)$")
_SMILEY = re.compile(r"[:;=8][-^o']?$")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


class Rule(RuleBase):
    """A quotation-mark or bracket check; ``detect`` chooses which (see the module doc).

    Messages may use ``{mark}``, ``{open}``, ``{close}`` and ``{match}``.
    """

    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {
        "mismatched-marks": ("open", "close", "match"), "unclosed": ("mark",), "brackets": ("mark",),
        "nested": ("match",), "closed-mid-sentence": ("match", "close"),
    }

    detect: Literal["mismatched-marks", "unclosed", "brackets", "nested", "closed-mid-sentence"]
    """Which check: mismatched-marks, unclosed, brackets, nested or closed-mid-sentence."""

    def check(self, doc, ctx):
        yield from _DETECTORS[self.detect](doc)


def _style(doc) -> str:
    """The document's prevailing double-quote style: "curly" or "straight"."""
    curly = sum(doc.prose.count(c) for c in "“”")
    return "curly" if curly >= doc.prose.count('"') else "straight"


def _mismatched(doc):
    style = None
    for q in doc.quotes:
        if not q.closed:
            continue
        o, c = q.open_mark, q.close_mark
        if (o == c and o in ('"', "''", "'")) or (o in "“„" and c == "”") or (o == "«" and c == "»") \
                or (o == "‘" and c == "’"):
            continue  # a matching pair (English, German or French typography; NYT's ''…'')
        style = style or _style(doc)
        inner = doc.text[q.inner_start : q.inner_end]
        fixed = f"“{inner}”" if style == "curly" else f'"{inner}"'
        yield Finding(q.start, q.end, {"open": o, "close": c, "match": doc.text[q.start : q.end]},
                      suggestions=[fixed])


def _unclosed(doc):
    nested = _nested_marks(doc)
    used: set[int] = set()
    blocks = doc.blocks
    for q in doc.quotes:
        used.add(q.start)
        if q.closed:
            used.add(q.end - 1)
            continue
        if q.start in nested or q.open_mark in ('"', "''"):
            continue  # a straight mark may be an inch mark or a scraping remnant: too ambiguous
        if doc.prose[q.start : q.end].rstrip().endswith((".", "!", "?", "…")) and doc.quote_at(q.end) is not None:
            continue  # “A. “B: the run-on convention across a paragraph break the text has lost
        bi = doc.block_at(q.start)
        if bi is not None and bi + 1 < len(blocks):
            nxt = doc.prose[blocks[bi + 1].start : blocks[bi + 1].start + 1]
            if nxt and nxt in "“„«\"":
                continue  # a quote running on into the next paragraph
        yield Finding(q.start, q.start + 1, {"mark": q.open_mark},
                      message=f"Quotation mark {q.open_mark} is never closed in this paragraph")
    # a curly closing mark with nothing open
    for m in re.finditer("”", doc.prose):
        i = m.start()
        if i in used or i in nested:
            continue
        yield Finding(i, i + 1, {"mark": "”"}, message="Closing quotation mark ” with no opening mark before it")


def _brackets(doc):
    """Unmatched brackets per block. An aside left open at the end of one block and
    closed at the start of the next is one aside across a paragraph break (scraped
    text splits paragraphs inside them), so both ends are let go."""
    prose = doc.prose
    carried = 0  # brackets left open by the previous block
    for bi, b in enumerate(doc.blocks):
        stack: list[int] = []
        carry = carried
        for m in _BRACKET.finditer(prose, b.start, b.end):
            i, ch = m.start(), m.group()
            if ch in _PAIRS:
                stack.append(i)
            elif ch in _CLOSERS:
                if stack and prose[stack[-1]] == _CLOSERS[ch]:
                    stack.pop()
                    continue
                if stack:  # mismatched kinds: ( ... ]
                    opener = stack.pop()
                    yield Finding(i, i + 1, {"mark": ch},
                                  message=f"'{ch}' closes '{prose[opener]}'",
                                  related=[Related(opener, opener + 1, "opened here")])
                elif carry:
                    carry -= 1
                elif not (_ENUM.search(prose[max(b.start, i - 6) : i + 1])
                          or _SMILEY.search(prose[max(b.start, i - 2) : i])):
                    yield Finding(i, i + 1, {"mark": ch}, message=f"'{ch}' has no opening '{_CLOSERS[ch]}'")
        nxt = doc.blocks[bi + 1] if bi + 1 < len(doc.blocks) else None
        # the innermost brackets the next block closes are one aside across the break
        carried = _leading_closers(prose, nxt, stack)
        for i in stack[: len(stack) - carried]:
            yield Finding(i, i + 1, {"mark": prose[i]},
                          message=f"'{prose[i]}' is never closed in this paragraph")


def _leading_closers(prose: str, nxt, stack: list[int]) -> int:
    """How many of the brackets left open (``stack``, innermost last) block ``nxt``
    closes with unmatched closers of the same kind, innermost first."""
    if nxt is None or not stack:
        return 0
    depth = 0
    n = 0
    for ch in prose[nxt.start : nxt.end]:
        if ch in _PAIRS:
            depth += 1
        elif ch in _CLOSERS:
            if depth:
                depth -= 1
            elif n < len(stack) and prose[stack[-1 - n]] == _CLOSERS[ch]:
                n += 1
            else:
                break
    return n


@per_document
def _nested_marks(doc) -> dict[int, tuple[int, int]]:
    """Curly double quotes nested in curly double quotes, per block: the inner quote's
    open and close offsets, keyed by all four marks. Only the unambiguous pattern
    “ … “ … ” … ” (outer closed after the inner) counts."""
    found: dict[int, tuple[int, int]] = {}
    prose = doc.prose
    for b in doc.blocks:
        marks = [(m.start(), m.group()) for m in re.finditer("[“”]", prose[b.start : b.end])]
        for k in range(len(marks) - 3):
            (a, ma), (bb, mb), (c, mc), (d, md) = marks[k : k + 4]
            if (ma, mb, mc, md) == ("“", "“", "”", "”"):
                inner = (b.start + bb, b.start + c)
                for at in (a, bb, c, d):  # the outer marks too: they are not unpaired
                    found[b.start + at] = inner
    return found


def _nested_findings(doc):
    seen = set()
    for start, end in _nested_marks(doc).values():
        if start in seen:
            continue
        seen.add(start)
        inner = doc.text[start + 1 : end]
        yield Finding(start, end + 1, {"match": doc.text[start : end + 1]}, suggestions=[f"‘{inner}’"])


def _closed_mid_sentence(doc):
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
        if j == q.end or j >= len(prose) or not prose[j].islower():
            continue
        yield Finding(dot, q.end, {"match": prose[dot : q.end], "close": q.close_mark},
                      suggestions=[f",{q.close_mark}"])


_DETECTORS = {
    "mismatched-marks": _mismatched,
    "unclosed": _unclosed,
    "brackets": _brackets,
    "nested": _nested_findings,
    "closed-mid-sentence": _closed_mid_sentence,
}
