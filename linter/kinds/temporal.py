"""``temporal``: one event given two times that cannot both be true.

Two ways to compare, chosen by ``compare``:

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


from ..diagnostics import Finding, Related
from ._regex import compile_words
from .base import RuleBase

_MIN = _dt.date.min
_MAX = _dt.date.max

STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as into onto over under about after before
    during until till since than then that this these those there here it its it's they them their he him
    his she her we us our you your i me my is are was were be been being will would shall should can could
    may might must do does did has have had not no nor so such also very just only even still yet most
    more less least much many some any all each every other another which who whom whose what when where
    why how if while though although because said says say told according officials official mr mrs ms
    dr s year years month months week weeks day days today later earlier ago next last end""".split()
)
_WORD = re.compile(r"[A-Za-z][\w-]*(?:['’]s)?")
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|while|whereas|although|though)\b")
_LEFT_BREAK = re.compile(r"[;:,]\s+(?:and|but)\b|[;:]|\b(?:and|but|while|whereas|although|though)\b")
_NEGATION = re.compile(r"\b(?:not|never|n't|no longer)\b[^.]{0,12}$", re.I)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|no|any|whose)|['’]s)\s+$", re.I)


def content_words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text):
        w = w.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 2 and w not in STOPWORDS:
            out.append(w)
    return out


class Mention:
    __slots__ = ("event", "verb_start", "verb_end", "time", "subject", "words", "obj")

    def __init__(self, event, verb_start, verb_end, time, subject, obj=()):
        self.obj = set(obj)
        self.event = event
        self.verb_start = verb_start
        self.verb_end = verb_end
        self.time = time
        self.subject = subject
        self.words = set(subject)


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
        if self.compare == "apposition":
            yield from _appositions(doc)
            return
        yield from self._same_event(doc)

    # -- same event ------------------------------------------------------------
    def _mentions(self, doc):
        times = [t for t in doc.facts.times if t.resolved and t.kind not in ("weekday", "extension")]
        starts = [t.start for t in times]
        import bisect

        prose = doc.prose
        for m in self._verb_re.finditer(prose):
            vs, ve = m.span()
            si = doc.sentence_at(vs)
            if si is None:
                continue
            sent = doc.sentences[si]
            head = prose[max(sent.start, vs - 40):vs]
            if _DETERMINER_BEFORE.search(head) or _NEGATION.search(head):
                continue
            i = bisect.bisect_left(starts, ve)
            if i >= len(times):
                continue
            t = times[i]
            if t.start >= sent.end or t.start - ve > self.max_gap:
                continue
            between = prose[ve:t.start]
            if _CLAUSE_BREAK.search(between) or re.search(r"[.!?]\s", between):
                continue
            # the subject: the words before the verb back to a clause break, plus the place words after it
            left_start = max(sent.start, vs - 120)
            j = bisect.bisect_left(starts, vs) - 1
            if j >= 0 and times[j].end > left_start:
                left_start = times[j].end  # not the words of an earlier time and its event
            left = prose[left_start:vs]
            brk = None
            for brk in _LEFT_BREAK.finditer(left):
                pass
            if brk is not None:
                left = left[brk.end():]
            subject = content_words(left)[-6:]
            obj = content_words(between)
            if not subject and not obj:
                continue
            yield Mention(self._verbs[" ".join(m.group().lower().split())], vs, ve, t, subject + obj, obj)

    def _same_event(self, doc):
        by_event: dict[str, list[Mention]] = {}
        for mention in self._mentions(doc):
            earlier = by_event.setdefault(mention.event, [])
            lo, hi = self.interval(mention.time, self.hedge_of(doc.prose, mention.time))
            conflicts = []
            for other in earlier[-self.window:]:
                if other.time.start == mention.time.start:
                    continue
                olo, ohi = self.interval(other.time, self.hedge_of(doc.prose, other.time))
                if lo <= ohi and olo <= hi:
                    continue
                if mention.time.kind == other.time.kind == "relative" and mention.time.text.lower() == other.time.text.lower():
                    continue
                if not self._same_subject(mention, other):
                    continue
                conflicts.append(other)
            earlier.append(mention)
            if conflicts:
                yield _finding(doc, mention.time, [c.time for c in conflicts], mention.event)

    def _same_subject(self, a: Mention, b: Mention) -> bool:
        if a.obj and b.obj and not (a.obj & b.obj):
            return False  # "start testing a vehicle" is not "start production"
        shared = len(a.words & b.words)
        if shared >= self.min_shared_words:
            return True
        if shared == 0:
            return False
        from rapidfuzz import fuzz  # here: most articles never get this far (8 ms of start-up saved)

        return fuzz.token_set_ratio(" ".join(a.subject), " ".join(b.subject)) >= self.min_similarity


def value_of(t) -> str:
    """How a time resolved, for messages: "2024", "September 2025", "2024-09-23 to 2024-09-29"."""
    if t.low and t.high and t.low.year == t.high.year and t.granularity == "year":
        return str(t.low.year)
    return t.describe()


def _finding(doc, t, others, event: str) -> Finding:
    """The finding on the later time ``t``; every earlier conflicting time is related."""
    first = others[0]
    values = {
        "this": doc.text[t.start:t.end], "this_value": value_of(t),
        "other": doc.text[first.start:first.end], "other_value": value_of(first),
        "other_line": doc.line_of(first.start), "event": event,
    }
    return Finding(t.start, t.end, values, related=[Related(o.start, o.end, "first stated here") for o in others])


# -- apposition -------------------------------------------------------------------

# "last year (2015)", "last year, 2015,", "this month, in March", "last year — in 2015"
_GAP = re.compile(r"\s*(?:\(|,|[—–])\s*(?:(?:in|on)\s+)?")


def _appositions(doc):
    times = doc.facts.times
    prose = doc.prose
    for rel, exp in zip(times, times[1:]):
        if rel.kind != "relative" or not rel.resolved or exp.kind in ("relative", "offset", "weekday", "extension"):
            continue
        gap = prose[rel.end:exp.start]
        if len(gap) > 10 or not _GAP.fullmatch(gap):
            continue
        if gap.strip().startswith("(") and prose[exp.end:exp.end + 1] != ")":
            continue
        try:
            if _gloss_agrees(rel, exp):
                continue
        except (ValueError, OverflowError):  # at the edge of the calendar: say nothing
            continue
        yield _finding(doc, exp, [rel], "date")


def _gloss_agrees(rel, exp) -> bool:
    """Whether an explicit gloss fits its relative time (month/day only when it has no year)."""
    slack = {"day": 1, "week": 7, "month": 31, "year": 366}.get(rel.granularity, 0) if rel.delta else 0
    if rel.granularity == "day":
        # a story filed late at night or dated by its print edition: a day either way is fine
        slack = max(slack, 1)
    if slack:
        # "ten years ago, in November 2006" in a February 2017 article: counts are approximate
        rel = type(rel)(rel.start, rel.end, rel.text, rel.kind, rel.granularity,
                        rel.low - _dt.timedelta(days=slack), rel.high + _dt.timedelta(days=slack))
    if exp.year_given:
        if not exp.resolved:
            return True
        return exp.low <= rel.high and rel.low <= exp.high
    if exp.month is None:
        return True
    # no year written: compare the month (and day) with every day the relative time covers
    span = (rel.high - rel.low).days
    if span > 62:
        return True
    d = rel.low
    while d <= rel.high:
        if d.month == exp.month and (exp.day is None or d.day == exp.day or
                                     (exp.day2 is not None and exp.day <= d.day <= exp.day2)):
            return True
        d += _dt.timedelta(days=1)
    return False
