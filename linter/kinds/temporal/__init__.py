"""``temporal``: one event given two times that cannot both be true.

Two ways to compare, chosen by ``compare``, each its own module in this package named
after the value (``same-event`` is ``same_event.py``):

``same-event``
    An event verb (from the ``event-synonyms`` word list: end/conclude/finish, ...)
    with a time right after it ("the mission will end later this year") is one
    mention. Two mentions of the same event class whose subjects match (shared
    content words, or rapidfuzz's token-set ratio over them) and whose times do not
    overlap contradict each other: "will end later this year" (2024) and "will
    conclude in September 2025". A hedge before a time opens its interval ("by",
    "at least", "until at least": see ``temporal-hedges``), so "by 2026" agrees with
    "in 2025". Mentions are indexed by event class and only the last ``window``
    mentions of a class are compared, so the cost stays linear.

``apposition``
    A relative time glossed by an explicit one right after it: "last year (2015)" in
    a 2017 article, "yesterday (February 3)" on February 7.

Relative times are resolved against the document date; without one they stay
unresolved and these rules stay silent. The finding is on the later mention; the
earlier one is ``related``.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import ClassVar, Literal

from .._detectors import detectors
from .._regex import compile_words
from ..base import RuleBase

_MIN = _dt.date.min
_MAX = _dt.date.max


class Rule(RuleBase):
    """Report an event (or a relative time) given a time that contradicts an earlier one.

    Message placeholders: ``{this}``, ``{this_value}`` (the later time and its
    resolution), ``{other}``, ``{other_value}``, ``{other_line}``, ``{event}``.
    """

    placeholders: ClassVar[tuple[str, ...]] = ("this", "this_value", "other", "other_value", "other_line", "event")

    compare: Literal["same-event", "apposition"] = "same-event"
    """`same-event`: one event given two times; `apposition`: a relative time glossed by an explicit one."""
    events: str = "event-synonyms"
    """Word list of event classes ("end | conclude | finish")."""
    hedges: str = "temporal-hedges"
    """Word list of hedges that open a time's interval ("by", "until at least")."""
    min_shared_words: int = 2
    """Subject words two mentions of an event must share to be the same event..."""
    min_similarity: float = 85.0
    """...or the token-set ratio (0-100) their subjects must reach instead."""
    max_gap: int = 80
    """Characters between the event verb and its time, at most."""
    window: int = 50
    """Earlier mentions of one event class compared with each new one."""

    _verbs: dict[str, str] = {}
    _verb_re: re.Pattern | None = None
    _open: dict[str, str] = {}
    _hedge_re: re.Pattern | None = None

    def wordlists_used(self) -> list[str]:
        return [self.events, self.hedges] if self.compare == "same-event" else []

    def prepare(self, wordlists):
        if self.compare != "same-event":
            return
        self._verbs, self._open = {}, {}
        for entry in wordlists.get(self.events, []):
            cls, _, forms = str(entry).partition(":")
            for f in forms.split(","):
                f = " ".join(f.split()).lower()
                if f:
                    self._verbs[f] = cls.strip()
        for entry in wordlists.get(self.hedges, []):
            word, _, side = str(entry).partition(":")
            self._open[" ".join(word.split()).lower()] = side.strip()
        # the hedge before a time is read with this rule's own list (temporal-hedges), not a
        # built-in pattern: a word added to the list is a word the rule sees
        words = sorted(self._open, key=len, reverse=True)
        self._hedge_re = re.compile(
            r"(?i)(?:^|[\s“”\"(—–-])(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
            + r")\s*[“\"]?\s*$") if words else None
        self._verb_re = compile_words(list(self._verbs))  # a prefix tree: same matches as longest-first

    # -- intervals -----------------------------------------------------------
    def hedge_of(self, prose: str, t) -> str:
        """The listed hedge right before a time ("by", "until at least"), lower-cased, or ""."""
        if self._hedge_re is None:
            return ""
        m = self._hedge_re.search(prose, max(0, t.start - 40), t.start)
        return " ".join(m.group(1).lower().split()) if m else ""

    def interval(self, t, hedge: str = "") -> tuple[_dt.date, _dt.date]:
        side = self._open.get(hedge, "")
        if side == "before":
            return _MIN, t.high
        if side == "after":
            return t.low, _MAX
        return t.low, t.high

    def check(self, doc, ctx):
        yield from DETECTORS[self.compare](self, doc)


DETECTORS = detectors(__name__)  # compare value -> function, one module each
