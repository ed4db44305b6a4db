"""Claim frames: what a sentence claims about each figure in it.

"Fosters bought 18.8% of Southcorp" claims a *stake* (the measured thing) held by
*Fosters* (the holder) in *Southcorp* (the target), as a level (not a change), with
no date, as a fact (not a forecast), of the whole (not a part), in percent, exactly.
Two figures can only state one fact when their frames agree on every slot both fill;
a mismatch in any filled slot ("$54.9m (Madonna)" / "$24.9m (Simon and Garfunkel)",
a 2005 forecast / a 2004 actual, Q1 / the full year) means two facts.

``extract_claims(doc, vocabulary)`` returns one :class:`Claim` per figure that names
what it measures, in document order. It reads ``doc.facts.quantities`` and
``doc.facts.times`` (extracted once per document) and looks only at the figure's own
sentence (a headline line counts as its own sentence) plus, for references ("the
stake", "the figure"), the earlier claims: the cost is linear in the document.

The vocabularies (measured things, reference nouns, forecast words, segment words,
change words, bounds) are handed in as a :class:`Vocabulary` built from the word lists
a rule names; this module reads no YAML and has no built-in word lists of its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..text import PREPOSITIONS, LazyPattern

INF = float("inf")

_TOKEN = LazyPattern(r"[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z]")
_CLAUSE_BREAK = LazyPattern(r";|:\s|\s[-–—]\s|,\s+(?:while|whereas|but|although|though|compared with|against)\b"
                           r"|\b(?:while|whereas|compared with|compared to|against|versus|than)\b")
_DEFINITE = frozenset("the that this these those its their his her our such said".split())
_TITLES = frozenset("mr mrs ms dr sir lord lady president prime minister chancellor governor senator "
                    "the a an and of".split())
_NOT_NAMES = frozenset("""
the a an and but or so yet if when while as at in on of for from by to with after before since until
during however meanwhile although though because it its he she they we i you his her their our this that
these those there here what which who where why how all some most many more other another each every no
not one two three four five six seven eight nine ten mr mrs ms dr monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow also last next both only
later earlier now then still instead overall separately elsewhere analysts officials experts critics
some many several few according under over about around nearly almost more less just even
""".split())


@dataclass(frozen=True)
class Vocabulary:
    """The words that fill the slots, built from the word lists a rule names.

    ``measures`` and ``segments`` and ``changes`` map a lower-cased form (one or more
    words) to its class; ``references`` are nouns that point back at an earlier claim
    ("figure", "total"); ``forecast`` are words that make a claim a forecast; ``bounds``
    map a hedge to its side: approx, near, above, atleast, below, atmost."""

    measures: dict = field(default_factory=dict)
    references: frozenset = frozenset()
    forecast: frozenset = frozenset()
    segments: dict = field(default_factory=dict)
    changes: dict = field(default_factory=dict)
    bounds: dict = field(default_factory=dict)
    longest: int = 1  # words in the longest form of any list
    stopwords: frozenset = frozenset()  # words that say nothing about which fact a figure is

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other) -> bool:
        return self is other

    @classmethod
    def from_lists(cls, measures=(), references=(), forecast=(), segments=(), changes=(), bounds=(),
                   stopwords=()) -> "Vocabulary":
        """Lists as written in rules/wordlists: ``"class: form, form"`` for measures,
        segments and changes, ``"form: side"`` for bounds, plain words otherwise."""

        def classes(entries) -> dict:
            out = {}
            for entry in entries:
                cls_, _, forms = str(entry).partition(":")
                cls_ = " ".join(cls_.split()).lower()
                for f in (forms.split(",") if forms.strip() else [cls_]):
                    f = " ".join(f.split()).lower()
                    if f:
                        out[f] = cls_
            return out

        def measure_classes(entries) -> dict:
            """form -> ((class, kinds or None), ...): "stake [percent]: bought" applies to percentages only."""
            out: dict = {}
            for entry in entries:
                head, _, forms = str(entry).partition(":")
                m = re.fullmatch(r"\s*(.*?)\s*(?:\[([^\]]*)\])?\s*", head)
                cls_ = " ".join(m.group(1).split()).lower()
                kinds = frozenset(k.strip() for k in m.group(2).split(",") if k.strip()) if m.group(2) else None
                for f in (forms.split(",") if forms.strip() else [cls_]):
                    f = " ".join(f.split()).lower()
                    if f:
                        out[f] = out.get(f, ()) + ((cls_, kinds),)
            return out

        bound_map = {}
        for entry in bounds:
            form, _, side = str(entry).partition(":")
            bound_map[" ".join(form.split()).lower()] = side.strip().lower() or "approx"
        m, s, c = measure_classes(measures), classes(segments), classes(changes)
        longest = max([len(k.split()) for k in [*m, *s, *c, *bound_map]] or [1])
        return cls(m, frozenset(" ".join(str(w).split()).lower() for w in references),
                   frozenset(" ".join(str(w).split()).lower() for w in forecast), s, c, bound_map, longest,
                   frozenset(str(w).lower() for w in stopwords))


@dataclass(slots=True, eq=False)
class Claim:
    """One figure and what its sentence claims about it (see the module doc)."""

    start: int                 # the figure as written (hedge, currency, numeral, scale, unit)
    end: int
    sentence: int              # index of its sentence (a headline line is its own)
    value: float
    low: float                 # the interval the figure allows: bound and written precision
    high: float
    kind: str                  # count, money, percent, percentage-point, measure
    unit: str                  # "USD", "percent", "km", or the counted noun for a count
    bound: str                 # "", approx, near, above, atleast, below, atmost
    measure: str | None        # the measured thing's class ("stake", "death toll"); "@ref" for a reference
    measures: frozenset = frozenset()  # every class its wording can measure ("paid": price, fine)
    measure_text: str = ""     # as written ("stake", "killed")
    holder: str | None = None  # who or what has it, as written ("Fosters")
    target: str | None = None  # of what ("Southcorp")
    target_prep: str = ""      # the word before it: "of", "in", "for"
    change: str = "level"      # level | rise | fall | from (the earlier level of a change)
    period: tuple | None = None        # (low, high) dates of the time it is given for
    period_text: str = ""
    forecast: bool = False
    segments: frozenset = frozenset()  # segment classes: "quarter", "per head", "monthly" ...
    definite: bool = False     # "the stake", "the 26.3% stake": refers to something stated
    referred_to: int = -1      # index of the claim it took slots from (a reference), or -1
    numeral: str = ""          # the digits as written, for typo likeness
    scale: float = 1.0
    context: frozenset = frozenset()  # content words of its clause (names, nouns, verbs)

    @property
    def holder_key(self) -> frozenset:
        return name_key(self.holder)

    @property
    def target_key(self) -> frozenset:
        return name_key(self.target)


def name_key(name: str | None) -> frozenset:
    """The words of a name that identify it: lower case, no possessive or plural s, no titles."""
    if not name:
        return frozenset()
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z&-]*", name.replace("’", "'").replace("'s", "").replace("'", "")):
        w = w.lower()
        if w in _TITLES:
            continue
        out.add(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    return frozenset(out)


# ---------------------------------------------------------------------------


def extract_claims(doc, vocab: Vocabulary, kinds=("count", "money", "percent", "percentage-point", "measure")) -> list[Claim]:
    """One claim per figure of ``kinds`` that names what it measures (see the module doc)."""
    prose = doc.prose
    quantities = doc.facts.quantities
    times = [t for t in doc.facts.times if t.kind not in ("weekday", "extension")]
    time_starts = [t.start for t in times]
    capitalised = _names_in_running_text(prose, vocab)
    claims: list[Claim] = []
    spans = _claim_sentences(doc)
    starts = [s for s, _ in spans]
    by_sentence: dict[int, list] = {}
    for i, q in enumerate(quantities):
        if _kind_of(q) not in kinds:
            continue  # years, dates, ids do not cut a sentence into the stretches of its figures
        k = bisect.bisect_right(starts, q.start) - 1
        if k < 0 or q.start >= spans[k][1]:
            continue
        by_sentence.setdefault(k, []).append((i, q))
    for k, items in by_sentence.items():
        s_start, s_end = spans[k]
        figures = [q for _, q in items]
        for j, (i, q) in enumerate(items):
            kind = _kind_of(q)
            if kind not in kinds or q.negative:
                continue
            if q.unit in ("year", "month", "week", "day", "hour", "minute", "second") and kind == "measure":
                continue  # durations and ages: "five years", "a 13-year-old"
            if q.range_role == "low" and 0 <= q.partner < len(quantities) and \
                    not re.search(r"\bfrom\s+$", prose[max(0, q.start - 8):q.start].lower()):
                continue  # "6 to 7 percent": the high end speaks for the range
            prev_end = figures[j - 1].end if j else s_start
            next_start = figures[j + 1].start if j + 1 < len(figures) else s_end
            claim = _frame(doc, prose, q, kind, k, (s_start, s_end), prev_end, next_start, vocab, capitalised,
                           quantities, i)
            if claim is None:
                continue
            if q.range_role == "high" and 0 <= q.partner < len(quantities) and claim.change == "level":
                low_end = quantities[q.partner]
                if not re.search(r"\bfrom\s+$", prose[max(0, low_end.start - 8):low_end.start].lower()):
                    claim.start, claim.low = low_end.start, min(claim.low, low_end.low)
                    claim.bound = claim.bound or "range"
            claim.period, claim.period_text = _period(times, time_starts, claim, (s_start, s_end), prev_end, next_start)
            claims.append(claim)
    _resolve_references(claims, vocab)
    return claims


def _claim_sentences(doc) -> list[tuple[int, int]]:
    """Sentence spans, with a headline line (no final stop) cut from the paragraph it was glued to."""
    out = []
    prose = doc.prose
    for s in doc.sentences:
        start = s.start
        while True:
            nl = prose.find("\n", start, s.end)
            if nl < 0:
                break
            line = prose[start:nl].rstrip()
            if line and line[-1] not in ".!?:;,\"”'’)":
                out.append((start, nl))
                start = nl + 1
            else:
                break
        out.append((start, s.end))
    return out


def _kind_of(q) -> str:
    if q.kind == "number" and q.scale > 1:
        return "count"  # "80 million": a count whose noun the context gives
    return q.kind


def _names_in_running_text(prose: str, vocab: Vocabulary) -> frozenset:
    """Capitalised words that can be names at the start of a sentence: seen capitalised after
    a lower-case word, or never written in lower case and not a word of the vocabularies."""
    seen = {m.group(1) for m in re.finditer(r"(?<=[a-z,] )([A-Z][A-Za-z'’&-]+)", prose)}
    lower = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", prose))
    known = {w for form in [*vocab.measures, *vocab.changes, *vocab.segments, *vocab.forecast, *vocab.references]
             for w in form.split()}
    for m in re.finditer(r"(?:^|[.!?\"“(]\s+|\n)([A-Z][A-Za-z'’&-]+)", prose):
        w = m.group(1)
        low = w.lower()
        base = low[:-2] if low.endswith(("'s", "’s")) else low
        if base not in lower and base not in known and base not in _NOT_NAMES:
            seen.add(w)
    return frozenset(seen)


def _words(prose: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(prose, start, end)]


def _match_forms(words: list, i: int, table: dict, longest: int) -> tuple[str, int] | None:
    """The longest form of ``table`` that starts at word ``i``: (form, number of words)."""
    for n in range(min(longest, len(words) - i), 0, -1):
        form = " ".join(w.lower() for w, _, _ in words[i:i + n]).replace("’", "'")
        if form in table:
            return form, n
    return None


def _frame(doc, prose, q, kind, sentence, span, prev_end, next_start, vocab, capitalised, quantities, qi) -> Claim | None:
    s_start, s_end = span
    # the clause the figure sits in: back to a clause break, never past the figure before
    left_start = prev_end
    for m in _CLAUSE_BREAK.finditer(prose, left_start, q.start):
        left_start = m.end()
    right_end = next_start
    m = _CLAUSE_BREAK.search(prose, q.end, right_end)
    if m:
        right_end = m.start()
    left = _words(prose, max(left_start, q.start - 160), q.start)
    right = _words(prose, q.end, min(right_end, q.end + 120))
    whole_left = _words(prose, max(s_start, q.start - 240), q.start)

    bound = _bound(prose, q, vocab)
    change = _change(prose, q, left, right, vocab, quantities, qi)
    measures, measure_text, definite, m_end, m_start = _measure(q, kind, left, right, vocab)
    if measures is None:
        return None
    measure = "@ref" if measures == "@ref" else min(measures)
    measures = frozenset() if measures == "@ref" else measures
    definite = definite or bool(re.search(r"\b(?:the|that|this|its|their)\s+(?:[\w-]+\s+)?$", prose[max(s_start, q.start - 14):q.start], re.I)) and m_start >= q.end
    holder_words = [w for w in whole_left if w[1] >= left_start] if prev_end > s_start else whole_left
    holder_words = [w for w in holder_words if not (m_start <= w[1] < m_end)]
    that = _last_that(prose, holder_words)
    holder = _holder(prose, [w for w in holder_words if w[1] >= that], left_start, capitalised, s_start)
    target, target_prep = _target(prose, q, right, left, capitalised, s_start, m_end, m_start)
    own = [w for w in left if w[1] >= _last_that(prose, left)]
    forecast = any(w.lower() in vocab.forecast for w, _, _ in own[-10:]) or \
        any(w.lower() in vocab.forecast for w, _, _ in right[:4])
    context = frozenset(_stem(w) for w, _, _ in [*left[-8:], *right[:8]]
                        if len(w) > 3 and w.lower() not in vocab.stopwords)
    segs = set()
    for words in (left[-6:], right[:6]):
        i = 0
        while i < len(words):
            hit = _match_forms(words, i, vocab.segments, vocab.longest)
            if hit:
                segs.add(vocab.segments[hit[0]])
                i += hit[1]
            else:
                i += 1
    if re.match(r"\s+of\s+(?:the|its|their|his|her|our|these|those|them|whom|which)\b", prose[q.end:q.end + 16]):
        segs.add("part")  # "22 of the Britons killed": a part of a figure given elsewhere
    low, high = _interval(q, bound)
    unit = q.unit or ""
    if kind == "count":
        unit = (q.noun or "").rstrip("s")
    return Claim(q.start, q.end, sentence, q.value, low, high, kind, unit, bound, measure, measures, measure_text,
                 holder, target, target_prep, change, None, "", forecast, frozenset(segs), definite,
                 numeral=q.numeral, scale=q.scale or 1.0, context=context)


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = w[:-2] if w.endswith("'s") else w
    return w[:-1] if w.endswith("s") and len(w) > 4 else w


def _last_that(prose: str, left) -> int:
    """Where the clause of a figure starts after "said that", "expected to say that": words of
    the reporting clause (its speaker, its forecast) are not the figure's own."""
    if not left:
        return 0
    cut = 0
    for m in re.finditer(r"\b(?:that|says|said|say)\s", prose[left[0][1]:left[-1][2]]):
        cut = left[0][1] + m.end()
    return cut


def _bound(prose: str, q, vocab: Vocabulary) -> str:
    """The hedge right before the figure, read with the rule's own list of bounds."""
    before = prose[max(0, q.num_start - 40):q.num_start].lower()
    before = re.sub(r"(?:us|a|c|hk)?\$\s*$|[£€¥]\s*$", "", before).rstrip()
    words = before.split()
    for n in range(min(vocab.longest, len(words)), 0, -1):
        form = " ".join(words[-n:])
        if form in vocab.bounds:
            return vocab.bounds[form]
    return ""


def _interval(q, bound: str) -> tuple[float, float]:
    """The values a figure allows: its bound, then the precision it is written to (half a
    unit of its last significant digit; a round figure, read one digit past its last
    non-zero one: "200 million" is 195-205 million)."""
    v = q.value
    if bound == "approx":
        return v * 0.9, v * 1.1
    if bound == "near":
        return v * 0.9, v
    if bound in ("above", "atleast"):
        return v, INF
    if bound in ("below", "atmost"):
        return 0.0, v
    if q.words:
        return v, v
    num = q.numeral
    digits = re.sub(r"\D", "", num)
    if not digits:
        return v, v
    scale = q.scale or 1.0
    if "." in num:
        decimals = len(num.split(".")[-1])
        half = 0.5 * 10 ** (-decimals) * (1 if q.kind in ("percent", "percentage-point") else scale)
        return v - half, v + half
    trailing = len(digits) - len(digits.rstrip("0"))
    if trailing >= 2:
        half = 0.5 * 10 ** (trailing - 1) * scale
        return v - half, v + half
    if scale > 1:
        half = 0.5 * scale
        return v - half, v + half
    return v, v


def _change(prose, q, left, right, vocab, quantities, qi) -> str:
    """level, rise, fall, or from (the earlier level in "from 1.8% to 0.8%")."""
    before = prose[max(0, q.start - 12):q.start].lower()
    if re.search(r"\bfrom\s+$", before):
        return "from"
    if q.range_role == "high" and 0 <= q.partner < len(quantities) and \
            re.search(r"\bfrom\s+$", prose[max(0, quantities[q.partner].start - 12):quantities[q.partner].start].lower()):
        return "level"  # "from 1.8% to 0.8%": the second is the level now
    if re.search(r"\b(?:to|at|of|was|were|is|are|be|been|reach(?:ed|es)?|hit|total(?:led|ed|ling)?)\s+$", before):
        return "level"
    if re.search(r"\bby\s+$", before):
        return _direction(left, vocab) or "rise"
    if left:
        hit = _match_forms(left, len(left) - 1, vocab.changes, 1)
        if hit:
            return vocab.changes[hit[0]]   # "rose 5%", "up 5%"
    if right:
        hit = _match_forms(right, 0, vocab.changes, vocab.longest)
        if hit:
            return vocab.changes[hit[0]]   # "a 5% rise", "a 0.25-point cut"
    return "level"


def _direction(left, vocab) -> str | None:
    for w, _, _ in reversed(left[-4:]):
        c = vocab.changes.get(w.lower())
        if c:
            return c
    return None


def _measure_class(table: dict, form: str, kind: str) -> frozenset | None:
    """Every class a form can measure for a figure of this kind ("paid": a price, a fine)."""
    found = frozenset(cls_ for cls_, kinds in table.get(form, ()) if kinds is None or kind in kinds)
    return found or None


def _measure(q, kind, left, right, vocab):
    """(class, as written, definite, end offset, start offset) of the measured thing, or Nones.

    Looked for right after the figure ("18.8% stake", "1,500 people killed"), then in
    "a stake of 18.8%" / "profits rose 76%" / "Madonna earned $54.9m" on the left, the
    nearest first; a count with no listed measure nearby measures its counted noun."""
    table, longest = vocab.measures, vocab.longest
    if len(left) >= 3 and left[-1][0].lower() == "to" and left[-2][0].lower() in vocab.changes and \
            (left[-3][0].lower() in _DEFINITE or left[-3][0].lower() in ("a", "an") or "-" in left[-3][0]):
        return "@ref", "", True, q.end, q.end  # "a quarter-point rise to 4%": the level of what was named before
    for i in range(min(4, len(right))):
        w = right[i][0].lower()
        for n in range(min(longest, len(right) - i), 0, -1):
            form = " ".join(x.lower() for x, _, _ in right[i:i + n]).replace("’", "'")
            cls_ = _measure_class(table, form, kind)
            if cls_:
                return cls_, " ".join(x for x, _, _ in right[i:i + n]), False, right[i + n - 1][2], right[i][1]
        if w in vocab.references:
            return "@ref", right[i][0], True, right[i][2], right[i][1]
        if w in ("said", "says", "told", "and", "or", "but"):
            break
    verb_hit = None
    for i in range(len(left) - 1, max(-1, len(left) - 9), -1):
        for n in range(min(longest, i + 1), 0, -1):
            first = i - n + 1
            form = " ".join(w.lower() for w, _, _ in left[first:i + 1]).replace("’", "'")
            cls_ = _measure_class(table, form, kind)
            if cls_:
                prev = left[first - 1][0].lower() if first > 0 else ""
                hit = (cls_, " ".join(x for x, _, _ in left[first:i + 1]), prev in _DEFINITE, left[i][2], left[first][1])
                if form in vocab.changes:  # "grew 5%": a verb; a noun further left names the thing ("sales grew")
                    verb_hit = verb_hit or hit
                    break
                return hit
        else:
            w = left[i][0].lower()
            if w in vocab.references:
                # "the number of births ... to 17.86 million": the thing counted after "of"
                of = [x for x in left[i + 1:i + 4]]
                if len(of) >= 2 and of[0][0].lower() == "of" and of[1][0].islower():
                    return frozenset(["count:" + of[1][0].lower().rstrip("s")]), " ".join(x for x, _, _ in left[i:i + 2]), True, of[1][2], left[i][1]
                if verb_hit is None:
                    return "@ref", left[i][0], True, left[i][2], left[i][1]
    if verb_hit:
        return verb_hit
    if kind in ("percent",) and len(right) >= 2 and right[0][0].lower() == "of":
        # "80 percent of China's major cities": a share of the thing after "of"
        for w, ws, we in right[1:5]:
            if w.islower() and w.endswith("s") and w not in ("its", "this", "his", "was", "is", "has"):
                return frozenset(["share:" + w.rstrip("s")]), w, False, we, right[0][1]
    if kind == "count" and q.noun:
        return frozenset(["count:" + q.noun.rstrip("s")]), q.noun, False, q.end, q.end
    return None, "", False, q.end, q.end


_HOLDER_BREAK = LazyPattern(r",\s+(?:when|after|as|which|who|where|because|since|before|while|and)\b|\bwhen\b|\bwhere\b")


def _holder(prose, whole_left, left_start, capitalised, s_start) -> str | None:
    """The nearest name before the figure that is not the object of a preposition or a
    speaker ("according to X", "X said"): who or what has the quantity."""
    if whole_left:
        cut = None
        for cut in _HOLDER_BREAK.finditer(prose, whole_left[0][1], whole_left[-1][2]):
            pass
        if cut is not None:
            whole_left = [w for w in whole_left if w[1] >= cut.end()]
    names = _names(whole_left, capitalised, prose, s_start)
    for name, ns, ne, prev in reversed(names):
        if prev in PREPOSITIONS:
            continue
        after = prose[ne:ne + 16]
        if re.match(r"\s+(?:said|says|told|added|estimates?|reported)\b", after) or \
                re.search(r"\b(?:according to|said|told|says)\s+$", prose[max(0, ns - 16):ns]):
            continue
        return name
    return None


def _target(prose, q, right, left, capitalised, s_start, m_end, m_start) -> tuple[str | None, str]:
    """A name after "of", "in", "for" ... right after the figure or its measure word."""
    between = [w for w in right if w[2] <= m_start]
    if between and m_start > q.end:  # "$515m SEC settlement": a name that qualifies the measure
        found = _names(between, capitalised, prose, s_start)
        if found:
            return found[-1][0], ""
    start = max(q.end, m_end)
    words = [w for w in right if w[1] >= start][:6]
    names = _names(words, capitalised, prose, s_start)
    for name, ns, ne, prev in names:
        if prev in ("of", "in", "for", "at", "on", "into"):
            return name, prev
        break
    # "a stake in Southcorp of 18.8%", "Britain's deficit of £5bn": a name after the measure on the left
    names = _names(left[-6:], capitalised, prose, s_start)
    for name, ns, ne, prev in reversed(names):
        if prev in ("of", "in", "for", "at", "on", "into") and ns < q.start:
            return name, prev
    return None, ""


def _names(words, capitalised, prose, s_start) -> list[tuple[str, int, int, str]]:
    """Runs of capitalised words ("Simon and Garfunkel", "Bank of England") with the
    lower-cased word before each run."""
    out = []
    i = 0
    n = len(words)
    while i < n:
        w, ws, we = words[i]
        if w[0].isupper() and _is_name_word(w, ws, capitalised, prose, s_start):
            j = i + 1
            end = we
            while j < n:
                nw, nws, nwe = words[j]
                gap = prose[end:nws]
                if gap.strip() not in ("", "&") or "\n" in gap:
                    break
                if nw[0].isupper() and nw.lower() not in _NOT_NAMES:
                    end = nwe
                    j += 1
                    continue
                if nw in ("and", "of", "&") and j + 1 < n and words[j + 1][0][0].isupper() and \
                        words[j + 1][0].lower() not in _NOT_NAMES and prose[nwe:words[j + 1][1]] == " ":
                    end = words[j + 1][2]
                    j += 2
                    continue
                break
            prev = words[i - 1][0].lower() if i > 0 and not prose[words[i - 1][2]:ws].strip() else ""
            out.append((prose[ws:end], ws, end, prev))
            i = j
        else:
            i += 1
    return out


def _is_name_word(w: str, ws: int, capitalised, prose: str, s_start: int) -> bool:
    base = w.rstrip("'’s") if w.endswith(("'s", "’s")) else w
    if base.lower() in _NOT_NAMES or len(base) < 2:
        return False
    if ws == s_start or re.search(r"[.!?\"“(]\s*$|\n\s*$", prose[max(0, ws - 3):ws]):
        return base in capitalised or w in capitalised  # a sentence opener is a name only if seen mid-sentence
    return True


def _period(times, starts, claim, span, prev_end, next_start) -> tuple[tuple | None, str]:
    """The time the figure is given for: one in its own stretch of the sentence (between the
    figures either side), else the sentence's, if it gives only one."""
    s_start, s_end = span
    i = bisect.bisect_left(starts, s_start)
    own, sentence_times = [], []
    while i < len(times) and times[i].start < s_end:
        t = times[i]
        sentence_times.append(t)
        if prev_end <= t.start and t.end <= next_start:
            own.append(t)
        i += 1
    pick = None
    if own:
        pick = min(own, key=lambda t: min(abs(t.start - claim.end), abs(claim.start - t.end)))
    elif len({(t.low, t.high, t.text.lower()) for t in sentence_times}) == 1:
        pick = sentence_times[0]
    if pick is None:
        return None, ""
    if pick.resolved:
        return (pick.low, pick.high), pick.text
    return ("text", pick.text.lower()), pick.text


def _resolve_references(claims: list[Claim], vocab: Vocabulary, reach: int = 12) -> None:
    """"the figure", "the total" take the measured thing, holder and target of the nearest
    earlier claim in the same unit; "the stake", "the deal" the holder and target of the
    nearest earlier claim of the same measure that has them."""
    for idx, c in enumerate(claims):
        if c.measure == "@ref":
            for j in range(idx - 1, max(-1, idx - reach), -1):
                o = claims[j]
                if o.measure != "@ref" and o.kind == c.kind and o.unit == c.unit and o.sentence != c.sentence:
                    c.measure, c.measures, c.referred_to = o.measure, o.measures, j
                    c.holder = c.holder or o.holder
                    if not c.target:
                        c.target, c.target_prep = o.target, o.target_prep
                    break
            else:
                c.measure = None
            continue
        if c.definite and not (c.holder and c.target):
            for j in range(idx - 1, max(-1, idx - reach), -1):
                o = claims[j]
                if o.measures & c.measures and o.sentence != c.sentence and (o.holder or o.target):
                    if c.holder and o.holder and not (c.holder_key & o.holder_key):
                        continue
                    c.holder = c.holder or o.holder
                    if not c.target:
                        c.target, c.target_prep = o.target, o.target_prep
                    c.referred_to = j
                    break
