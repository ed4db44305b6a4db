"""``compare: same-event`` -- one event given two times that cannot both be true.

Why: "the mission will end later this year" (in a 2024 article) and "will conclude in
September 2025" cannot both be right, and an editor has to find out which. An event verb
of the ``events`` word list (end/conclude/finish, ...) with a resolved time right after
it, in the same clause, is one mention; its subject is the content words before the verb
(back to a clause break) plus those between verb and time. Two mentions of one event
class whose subjects match (``min_shared_words`` shared, or rapidfuzz's token-set ratio
of at least ``min_similarity``) and whose times do not overlap contradict each other. A
hedge before a time opens its interval ("by 2026" agrees with "in 2025"; the
``hedges`` word list). Only the last ``window`` mentions of a class are compared with
each new one, so the cost stays linear; a negated or nominal verb ("the end of") is not
a mention. Two mentions whose subjects have different heads ("contributions to the
Initiative began" / "the Initiative, which started"), whose objects each name something
the other lacks, or whose time belongs to a subordinate clause ("started rising after
the province froze the tax in 2012") are not one event. The finding is on the later
time, every earlier conflicting one related.

Flagged (dated 2024-09-30): The mission in Iraq will end later this year, officials said. Blinken said the mission "will conclude in Iraq in September 2025."
Fine (dated 2024-09-30):    The mission will end by 2026. The mission would conclude in September 2025.
"""

from __future__ import annotations

import re

from ...text import PREPOSITIONS, LazyPattern
from .._detectors import detector
from ._common import finding


STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as into onto over under about after before
    during until till since than then that this these those there here it its it's they them their he him
    his she her we us our you your i me my is are was were be been being will would shall should can could
    may might must do does did has have had not no nor so such also very just only even still yet most
    more less least much many some any all each every other another which who whom whose what when where
    why how if while though although because said says say told according officials official mr mrs ms
    dr s year years month months week weeks day days today later earlier ago next last end again""".split()
)
_WORD = LazyPattern(r"[A-Za-z][\w-]*(?:['’]s)?")
_CLAUSE_BREAK = LazyPattern(r"[;:]|\b(?:but|while|whereas|although|though)\b")
_LEFT_BREAK = LazyPattern(r"[;:,]\s+(?:and|but)\b|[;:]|\b(?:and|but|while|whereas|although|though)\b")
# a subordinate clause between verb and time: the time is that clause's ("started rising
# again after the province froze the tax ... in 2012")
_SUBORDINATE = LazyPattern(r"\b(?:after|before|when|once|because|unless|whereas)\b(?:\s+[^\s]+){2,}")
# a preposition: the subject's head is the last word before the first one ("contributions
# to the Clinton Global Initiative")
_PREPOSITION = LazyPattern(r"\b(?:" + "|".join(sorted(PREPOSITIONS)) + r")\b")
_HEAD_BREAK = LazyPattern(r"[,“”\"(]|\b(?:that|which|who)\b")
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
    __slots__ = ("event", "verb_start", "verb_end", "time", "subject", "words", "obj", "head")

    def __init__(self, event, verb_start, verb_end, time, subject, obj=(), head=None):
        self.head = head
        self.obj = set(obj)
        self.event = event
        self.verb_start = verb_start
        self.verb_end = verb_end
        self.time = time
        self.subject = subject
        self.words = set(subject)


@detector("same-event")
def same_event(rule, doc):
    by_event: dict[str, list[Mention]] = {}
    for mention in _mentions(rule, doc):
        earlier = by_event.setdefault(mention.event, [])
        lo, hi = rule.interval(mention.time, rule.hedge_of(doc.prose, mention.time))
        conflicts = []
        for other in earlier[-rule.window:]:
            if other.time.start == mention.time.start:
                continue
            olo, ohi = rule.interval(other.time, rule.hedge_of(doc.prose, other.time))
            if lo <= ohi and olo <= hi:
                continue
            if mention.time.kind == other.time.kind == "relative" and mention.time.text.lower() == other.time.text.lower():
                continue
            if not _same_subject(rule, mention, other):
                continue
            conflicts.append(other)
        earlier.append(mention)
        if conflicts:
            yield finding(doc, mention.time, [c.time for c in conflicts], mention.event)


def _mentions(rule, doc):
    times = [t for t in doc.facts.times if t.resolved and t.kind not in ("weekday", "extension")]
    starts = [t.start for t in times]
    import bisect

    prose = doc.prose
    for m in rule._verb_re.finditer(prose):
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
        if t.start >= sent.end or t.start - ve > rule.max_gap:
            continue
        between = prose[ve:t.start]
        if _CLAUSE_BREAK.search(between) or re.search(r"[.!?]\s", between) or _SUBORDINATE.search(between):
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
        yield Mention(rule._verbs[" ".join(m.group().lower().split())], vs, ve, t, subject + obj, obj,
                      _head(left))


def _head(left: str) -> str | None:
    """The head of the subject before an event verb: the last content word of the nearest
    phrase (after a comma, quote mark, "that" or "which") that has one, before that
    phrase's first preposition ("the Coalition's mission in most of Iraq" -> mission;
    "the Clinton Global Initiative, which" -> initiative)."""
    for part in reversed(_HEAD_BREAK.split(left)):
        prep = _PREPOSITION.search(part)
        found = (content_words(part[:prep.start()]) if prep else []) or content_words(part)
        if found:
            return found[-1]
    return None


def _same_subject(rule, a: Mention, b: Mention) -> bool:
    if a.obj and b.obj and (not (a.obj & b.obj) or (a.obj - b.obj and b.obj - a.obj)):
        return False  # "start testing a vehicle" is not "start production"; nor "the Ecopop initiative" "the expulsion initiative"
    if a.head and b.head and a.head != b.head:
        return False  # "contributions to the Initiative began" is not "the Initiative, which started"
    shared = len(a.words & b.words)
    if shared >= rule.min_shared_words:
        return True
    if shared == 0:
        return False
    from rapidfuzz import fuzz  # here: most articles never get this far (8 ms of start-up saved)

    return fuzz.token_set_ratio(" ".join(a.subject), " ".join(b.subject)) >= rule.min_similarity

