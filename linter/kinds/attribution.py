"""``attribution``: a direct quote with no speaker.

Reads ``doc.facts.attributions`` (see :mod:`linter.facts.quotes`): a quote is
attributed by a reporting cue in its own sentence, the sentence before or after, an
earlier quote by the same speaker it continues, a lead-in ending in a colon, or by
repeating words already quoted from someone. Titles ("a briefing entitled “…”") and
short scare quotes (they “reaffirmed”) need no speaker. What is left is reported.
"""

from __future__ import annotations

from typing import ClassVar

from ..diagnostics import Finding
from ..facts.quotes import HOW_FRAGMENT, HOW_NONE, HOW_PARTIAL, HOW_TITLE, attributions_for
from .base import RuleBase


class Rule(RuleBase):
    """Report each quote that has no speaker.

    ``flag_fragments`` / ``flag_titles`` also report short scare quotes and quoted
    titles that have no speaker (off by default: they are not quotations);
    ``flag_partial`` reports lower-case phrases quoted inside the writer's own
    sentence (off by default: mostly document language or a term). The
    message may use ``{quote}`` (the first words of the quote).
    """

    placeholders: ClassVar[tuple[str, ...]] = ("quote",)

    flag_fragments: bool = False
    """Also report short scare quotes (two words, or up to four that are not a sentence) with no speaker."""
    flag_titles: bool = False
    """Also report quoted titles ("a report entitled “…”", Title Case quotes) with no speaker."""
    flag_partial: bool = False
    """Also report lower-case phrases quoted inside the writer's own sentence with no speaker."""

    def check(self, doc, ctx):
        flagged = {HOW_NONE} | {how for how, on in ((HOW_FRAGMENT, self.flag_fragments), (HOW_TITLE, self.flag_titles),
                                                     (HOW_PARTIAL, self.flag_partial)) if on}
        for a in attributions_for(doc, ctx):
            if a.how in flagged:
                q = a.quote
                yield Finding(q.start, q.end, {"quote": _excerpt(doc.text[q.start:q.end])})


def _excerpt(quote: str, words: int = 8) -> str:
    """The quote as shown in the message: whole if short, else its first words and '…'."""
    parts = quote.split()
    if len(parts) <= words:
        return " ".join(parts)
    close = quote.rstrip()[-1:] if quote.rstrip()[-1:] in "”\"»" else ""
    return " ".join(parts[: words - 2]) + "…" + close
