"""``detect: brackets`` -- a parenthesis or square bracket without its partner in the paragraph.

Why: an aside that never ends, or one whose start was cut in an edit, leaves the reader
unsure what belongs to it. Brackets are paired per block; a closer of the wrong kind
("( ... ]") is reported at the closer. Let go: enumerations ("1)", "a)", "iv)"),
emoticons (":)"), and an aside left open at the end of one block and closed at the start
of the next (scraped text splits paragraphs inside asides).

Flagged: The Kurdistan Regional Government KRG) welcomed it.
Fine:    The Kurdistan Regional Government (KRG) welcomed it: 1) a deadline, 2) a plan.
"""

from __future__ import annotations

import re

from ...text import LazyPattern
from ...diagnostics import Finding, Related
from .._detectors import detector

_PAIRS = {"(": ")", "[": "]"}
_CLOSERS = {")": "(", "]": "["}
_BRACKET = re.compile(r"[()\[\]]")
_ENUM = LazyPattern(r"(?:^|[\s(])(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\)$")
_SMILEY = LazyPattern(r"[:;=8][-^o']?$")


@detector("brackets")
def brackets(rule, doc):
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
