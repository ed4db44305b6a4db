"""Error injectors: one realistic slip per document copy, with its exact span(s).

Each injector takes the clean text (and the article date, when known) and a
seeded ``random.Random``; it returns an :class:`Injection` or ``None`` when the
article has no suitable site (the article is then skipped for that type).
Injectors only edit existing wording where they can (a digit dropped, two values
swapped, a cue deleted), so the copy reads like a real slip, not a template.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import random
import re
from typing import Callable

# error type -> the diagnostic category expected to catch it
CATEGORY = {
    "digit-grouping": "number",
    "quantity-change": "contradiction",
    "from-to-swap": "arithmetic",
    "part-whole": "arithmetic",
    "quote-attribution": "attribution",
    "relative-date": "contradiction",
    "paste-twice": "duplication",
    "weekday": "date",
    "conversion-slip": "contradiction",
}
# both sides of the pair must be covered by the diagnostic's span + related spans
TWO_SIDED = {"quantity-change", "relative-date", "paste-twice"}


@dataclasses.dataclass
class Injection:
    type: str
    text: str                          # the injected copy
    spans: list[tuple[int, int]]       # injected span(s), offsets into ``text``
    edits: list[tuple[int, int, int]]  # (orig_start, orig_end, len(replacement)), sorted
    before: str = ""                   # short "was -> now" description for reports
    after: str = ""
    # stretches of the copy that repeat clean text verbatim (a pasted paragraph):
    # (start in the copy, end in the copy, start in the clean text)
    copied: list[tuple[int, int, int]] = dataclasses.field(default_factory=list)
    # where in the clean text the two sides were (quantity-change: the offsets of the
    # earlier and later mention), the key of a person's fairness verdict
    site: tuple[int, int] | None = None

    @property
    def category(self) -> str:
        return CATEGORY[self.type]

    @property
    def two_sided(self) -> bool:
        return self.type in TWO_SIDED

    def to_original(self, pos: int) -> int | None:
        """Map an offset in the copy back to the clean text, None inside an edit
        (a pasted copy maps to the text it repeats)."""
        for c_start, c_end, o_start in self.copied:
            if c_start <= pos < c_end:
                return o_start + pos - c_start
        shift = 0
        for start, end, new_len in self.edits:
            new_start = start + shift
            if pos < new_start:
                return pos - shift
            if pos < new_start + new_len:
                return None
            shift += new_len - (end - start)
        return pos - shift


def apply_edits(text: str, edits: list[tuple[int, int, str]]):
    """Apply non-overlapping (start, end, replacement) edits; return the new
    text, the edit records and a function mapping an original offset to the new text."""
    edits = sorted(edits)
    out, last, rec = [], 0, []
    for start, end, rep in edits:
        out += [text[last:start], rep]
        rec.append((start, end, len(rep)))
        last = end
    out.append(text[last:])

    def fwd(pos: int, end: bool = False) -> int:
        """New offset of the character at ``pos`` (of the end boundary ``pos``
        when ``end``); a character inside an edit maps to the edit's start."""
        if end:
            return fwd(pos - 1) + 1
        shift = 0
        for start, stop, new_len in rec:
            if pos < start:
                return pos + shift
            if pos < stop:
                return start + shift
            shift += new_len - (stop - start)
        return pos + shift

    return "".join(out), rec, fwd


# ------------------------------------------------------------------- shared bits

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
               "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|"
             r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|"
             r"Oct\.|Nov\.|Dec\.)")
WEEKDAYS = list(calendar.day_name)  # Monday .. Sunday
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty"]
_NUMW_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBER_WORDS[2:]) + ")"

_CUE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tell|added|adds|add|asked|asks|ask|explained|explains|"
    r"explain|stated|states|state|warn|insist|argue|claim|note|write|recall|reply|respond|tweet|"
    r"admit|acknowledge|concede|conclude|confirm|describe|comment|urge|suggest|announce|declare|"
    r"according to|insisted|insists|warned|warns|wrote|writes|noted|notes|declared|"
    r"announced|argued|argues|claimed|claims|continued|recalled|replied|responded|"
    r"tweeted|posted|quoted|remarked|admitted|acknowledged|conceded|concluded|"
    r"confirmed|described|commented|urged|urges|suggested|pointed out|went on)\b", re.I)


def _month_num(tok: str) -> int:
    tok = tok.rstrip(".").lower()
    return _MONTH_ABBR.get(tok[:4] if tok.startswith("sept") else tok[:3], 0)


def _num_value(tok: str) -> int | None:
    tok = tok.lower()
    if tok in NUMBER_WORDS:
        return NUMBER_WORDS.index(tok)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", tok):
        return int(tok.replace(",", ""))
    return None


def _fmt_like(value: int, like: str) -> str:
    if like.lower() in NUMBER_WORDS and value < len(NUMBER_WORDS):
        w = NUMBER_WORDS[value]
        return w.capitalize() if like[0].isupper() else w
    return f"{value:,}" if "," in like or value >= 10000 else str(value)


def _is_year(tok: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", tok))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Rough sentence containing ``pos`` (split on . ! ? and paragraph breaks)."""
    starts = [m.end() for m in re.finditer(r'[.!?]["\u201d]?\s+|\n\n', text[:pos])]
    start = starts[-1] if starts else 0
    m = re.compile(r'[.!?]["\u201d]?(?=\s)|\n\n').search(text, pos)
    return start, (m.end() if m else len(text))


def _uk_style(text: str) -> bool:
    uk = len(re.findall(r"\b\d{1,2} " + _MONTH_RE, text))
    us = len(re.findall(_MONTH_RE + r" \d{1,2}\b", text))
    return uk > us


def _fmt_day(d: dt.date, uk: bool) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}" if uk else f"{MONTHS[d.month - 1]} {d.day}"


# ------------------------------------------------------------------ injectors

_GROUPED = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d%]|[.,]\d)")


def digit_grouping(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """'43,000' -> '43,00' (a digit dropped), '4,3000' (comma slipped) or '43,0000'."""
    sites = list(_GROUPED.finditer(text))
    if not sites:
        return None
    m = rng.choice(sites)
    tok = m.group()
    groups = tok.split(",")
    kind = rng.choice(["drop", "shift", "extra"])
    if kind == "shift" and len(groups[0]) < 2:
        kind = "drop"
    if kind == "drop":
        last = groups[-1]
        i = rng.randrange(3)
        groups[-1] = last[:i] + last[i + 1:]
        new = ",".join(groups)
    elif kind == "shift":   # move the first comma one digit left: 43,000 -> 4,3000
        head = groups[0]
        new = head[:-1] + "," + head[-1] + ",".join(groups[1:])
    else:
        i = rng.randrange(len(groups) - 1) + 1
        groups[i] = groups[i] + groups[i][-1]
        new = ",".join(groups)
    out, rec, _ = apply_edits(text, [(m.start(), m.end(), new)])
    return Injection("digit-grouping", out, [(m.start(), m.start() + len(new))], rec, tok, new)


# -- quantity-change ------------------------------------------------------------
# Written for the harness alone: it knows nothing of how the linter reads a claim, so
# the cases are not chosen for being easy to catch. A site is one figure written twice
# in an article (same value, same unit: "$515m" ... "$515 million", "18.8%" ... "18.8
# per cent"), in two different sentences; the later one is changed. Whether the two
# mentions are one fact is for a person to say: eval/judged_injections.yaml keeps
# those verdicts and recall is reported on the cases judged fair.

_FIGURE = re.compile(
    r"(?<![\w.,/:#-])(?P<cur>US\$|A\$|C\$|HK\$|\$|£|€)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<scale>(?:bn|mn|m|k|tn)(?![\w])|\s(?:million|billion|trillion|thousand)(?![\w]))?"
    r"(?P<pct>%|\s(?:percent|per cent)(?![\w]))?"
    r"(?![\w/]|[.,:]\d|\s?(?:am|pm|a\.m|p\.m|GMT|BST)\b|-\d)")
_SCALE_OF = {"bn": 1e9, "billion": 1e9, "mn": 1e6, "m": 1e6, "million": 1e6, "k": 1e3,
             "thousand": 1e3, "tn": 1e12, "trillion": 1e12}
_CUR_WORD = re.compile(r"\s+(?:US\s+|Australian\s+|Hong\s+Kong\s+)?(dollars|euros|pounds|yuan|yen|"
                       r"rupees|roubles|rubles|francs|pesos)\b", re.I)
_CUR_SIGN = {"US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "£": "GBP", "€": "EUR"}
_ID_BEFORE = re.compile(r"(?:\b(?:No|no|Nos|number|page|Section|Article|Chapter|Room|Flight|Route|"
                        r"Resolution|Level|Category|Grade|Stage|Phase|Channel|Radio|Highway|"
                        r"version|model|Apollo|Boeing|Airbus|Formula)\.?|#)\s*$")
_MONTH_NEAR = re.compile(_MONTH_RE.replace(r"\.", r"\.?") + r"\s*$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE.replace(r"\.", r"\.?"))


def _figure_key(text: str, m: re.Match) -> tuple[str, float] | None:
    """(unit, value) of a figure as a careful reader would compare two of them, or None
    for what is not an amount (a year, a date, a time, an identifier, a small count)."""
    cur, num, frac, scale, pct = m.group("cur", "num", "frac", "scale", "pct")
    before = text[max(0, m.start() - 14):m.start()]
    if _MONTH_NEAR.search(before) or _MONTH_AFTER.match(text, m.end()):
        return None   # "March 10", "10 March"
    if _ID_BEFORE.search(before):
        return None   # "Section 30", "No. 5", "Flight 370"
    if re.search(r"\bper\s*$", before):
        return None   # a rate's base: "16 deaths per 100,000 people"
    value = float(num.replace(",", "") + (frac or ""))
    if scale:
        value *= _SCALE_OF[scale.strip().lower()]
    if cur:
        unit = _CUR_SIGN[cur]
    elif pct:
        unit = "%"
    else:
        cw = _CUR_WORD.match(text, m.end())
        unit = cw.group(1).lower().rstrip("s") if cw else "n"
    if unit == "n" and not scale:
        if _is_year(num) and not frac:
            return None
        if value < 10 or (frac and value < 100):
            return None   # "2 sides", "3.5": too common to be one fact by chance of wording
    if unit == "%" and value == 100:
        return None
    after = text[m.end():m.end() + 12]
    if re.match(r"\s*(?:-|–|to|or)\s*[$£€]?\d", after) or re.search(r"(?:\d\s*(?:-|–|to|or)|\bbetween)\s*$", before):
        return None   # one end of a range: "10 to 30 years", "50-60 pieces"
    if unit == "n" and re.search(r",\s*$", before) and re.match(r"\s*[,)]", after):
        return None   # an age in apposition: "Justin, 15,"
    return unit, value


def _figure_span(m: re.Match) -> tuple[int, int]:
    """The figure as written: currency sign, digits, scale word, percent sign or word."""
    return m.start(), m.end()


def _digits_span(m: re.Match) -> tuple[int, int]:
    return m.start("num"), (m.end("frac") if m.group("frac") else m.end("num"))


def _change_digit(num: str, rng: random.Random) -> str:
    """Change one digit, the second significant one where there is one
    ("1,500" -> "1,800"; "32" -> "35"), by at least 5% of the value."""
    digits = [i for i, c in enumerate(num) if c.isdigit()]
    i = digits[1] if len(digits) > 1 else digits[0]
    value = float(re.sub(r"[^\d.]", "", num))
    choices = []
    for d in "0123456789":
        if d == num[i] or (i == digits[0] and d == "0"):
            continue
        cand = num[:i] + d + num[i + 1:]
        if abs(float(re.sub(r"[^\d.]", "", cand)) - value) >= 0.05 * value:
            choices.append(cand)
    return rng.choice(choices) if choices else num


def _swap_digits(num: str, rng: random.Random) -> str | None:
    """Two neighbouring, different digits swapped ("76" -> "67", "1,250" -> "1,520")."""
    pos = [i for i, c in enumerate(num) if c.isdigit()]
    pairs = [(a, b) for a, b in zip(pos, pos[1:]) if num[a] != num[b] and not (a == pos[0] and num[b] == "0")]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return num[:a] + num[b] + num[a + 1:b] + num[a] + num[b + 1:]


def _restate(num: str, rng: random.Random) -> str:
    """Another plausible figure written the same way: a stale or misremembered value
    (15-60% off, the same decimals and grouping: "18.8" -> "26.3", "1,500" -> "1,100")."""
    decimals = len(num.split(".")[1]) if "." in num else 0
    value = float(num.replace(",", ""))
    for _ in range(20):
        factor = rng.choice([rng.uniform(0.4, 0.85), rng.uniform(1.15, 1.6)])
        new = round(value * factor, decimals)
        if not decimals:
            # keep the written precision: a round figure stays round ("1,500" -> "1,100")
            trailing = len(str(int(value))) - len(str(int(value)).rstrip("0"))
            step = 10 ** min(trailing, max(0, len(str(int(new))) - 1))
            new = round(new / step) * step
        if new > 0 and new != value:
            return f"{new:,.{decimals}f}" if "," in num else f"{new:.{decimals}f}"
    return _change_digit(num, rng)


def _changed_figure(num: str, rng: random.Random) -> str:
    """A realistic slip in a restated figure: one digit wrong (40%), two digits swapped
    (20%), or a stale or misremembered value (40%)."""
    r = rng.random()
    if r < 0.2:
        swapped = _swap_digits(num, rng)
        if swapped:
            return swapped
    if r < 0.6:
        return _change_digit(num, rng)
    return _restate(num, rng)


_TOPIC_STOP = frozenset("""
about after also been before being could does from have into just last more most much only other
over said says some such than that their them then there these they this those told under were what
when where which while will with would year years month months week weeks percent cent million
billion thousand people time times first second third between during since until among
""".split())


def _topic_words(text: str, pos: int) -> set[str]:
    """The content words of the sentence around ``pos``: two mentions of one fact sit in
    sentences about the same thing, which share at least a name or a noun."""
    start, end = _sentence_bounds(text, pos)
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text[start:end])} - _TOPIC_STOP


def quantity_sites(text: str) -> list[tuple[re.Match, re.Match]]:
    """Every (earlier, later) pair of mentions of one figure: the same value in the same
    unit, in two different sentences, the later one the next mention after the earlier."""
    by_key: dict[tuple, list[re.Match]] = {}
    for m in _FIGURE.finditer(text):
        key = _figure_key(text, m)
        if key is not None:
            by_key.setdefault(key, []).append(m)
    pairs = []
    for ms in by_key.values():
        for first, later in zip(ms, ms[1:]):
            if _sentence_bounds(text, later.start())[0] >= first.end() and \
                    _topic_words(text, first.start()) & _topic_words(text, later.start()):
                pairs.append((first, later))
    pairs.sort(key=lambda p: p[1].start())
    return pairs


def quantity_change(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """A figure given twice ('18.8% of Southcorp' ... 'the 18.8% stake'); the later
    mention is changed ('the 26.3% stake'). Both mentions are the injected sides."""
    pairs = quantity_sites(text)
    if not pairs:
        return None
    first, later = rng.choice(pairs)
    ns, ne = _digits_span(later)
    old = text[ns:ne]
    new = _changed_figure(old, rng)
    if new == old:
        return None
    out, rec, _ = apply_edits(text, [(ns, ne, new)])
    ls, le = _figure_span(later)
    inj = Injection("quantity-change", out, [_figure_span(first), (ls, le + len(new) - len(old))],
                    rec, old, new)
    inj.site = (first.start(), later.start())
    return inj


_VAL = (r"(?:[$£€])?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:%|percent|per cent))?"
        r"(?:\s(?:million|billion|trillion))?")
_DIR_WORD = (r"(?P<verb>rose|risen|rise|rising|rises|increased?|increasing|grew|grow|grown|growing|"
             r"jumped?|jumping|climbed?|climbing|soared?|surged?|doubled|tripled|up|fell|fall|"
             r"falling|fallen|dropped?|dropping|declined?|declining|decreased?|decreasing|"
             r"plunged?|slumped?|shrank|shrunk|down|reduced|increases|decline|drop|cut|hike|"
             r"growth|reduction|raised|lowered|expanded|boosted|slashed|tumbled|dipped|"
             r"widened|narrowed)")
# 'rose from 10% (in 2015) to 17%'
_FROM_TO = re.compile(r"\b" + _DIR_WORD + r"\b(?P<mid>[^.;:\n]{0,60}?)\bfrom (?P<a>" + _VAL +
                      r")(?P<gap>(?: (?!to\b)[a-z]+)?(?: (?:in|last|a year|the previous|on|at)\b[^.;:\n]{0,25}?)?) "
                      r"to (?P<b>" + _VAL + r")(?![\d,])")
# 'rose to 17%, up from 10%'
_UP_FROM = re.compile(r"(?<![\w.,])(?P<b>" + _VAL + r")(?P<mid>[^.;:\n]{0,50}?), "
                      r"(?P<verb>up|down) from (?P<a>" + _VAL + r")(?![\d,])")
_UP = re.compile(r"^(ris|rose|increas|grew|grow|jump|climb|soar|surg|doubl|tripl|up|hike)")


def _num_of(v: str) -> float:
    m = re.search(r"\d+(?:,\d{3})*(?:\.\d+)?", v)
    x = float(m.group().replace(",", ""))
    if "billion" in v:
        x *= 1e9
    elif "million" in v:
        x *= 1e6
    elif "trillion" in v:
        x *= 1e12
    return x


def from_to_swap(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """'rose from 10% to 17%' -> 'rose from 17% to 10%': the values contradict the verb."""
    sites = []
    for m in [*_FROM_TO.finditer(text), *_UP_FROM.finditer(text)]:
        a, b = _num_of(m["a"]), _num_of(m["b"])
        up = bool(_UP.match(m["verb"].lower()))
        if a == b or (up and not a < b) or (not up and not a > b):
            continue
        if _is_year(m["a"]) or _is_year(m["b"]):
            continue
        sites.append(m)
    if not sites:
        return None
    m = rng.choice(sites)
    # swap the figures only, units stay where the writer put them
    # ('from 35 to 20 percent' -> 'from 20 to 35 percent')
    core = re.compile(r"[$£€]?\d+(?:,\d{3})*(?:\.\d+)?")
    ca, cb = core.match(m["a"]), core.match(m["b"])
    sa, sb = m.start("a"), m.start("b")
    out, rec, fwd = apply_edits(text, [(sa, sa + ca.end(), cb.group()), (sb, sb + cb.end(), ca.group())])
    spans = sorted([(fwd(sa), fwd(sa) + len(cb.group())), (fwd(sb), fwd(sb) + len(ca.group()))])
    lo, hi = min(m.start("a"), m.start("b")), max(m.end("a"), m.end("b"))
    # the swap keeps the total length, so the edited stretch is text[lo:hi] in both
    return Injection("from-to-swap", out, spans, rec, text[lo:hi], out[lo:hi])


_OF_THE = re.compile(r"(?<![\w$£€.,-])(?P<a>" + _NUMW_RE + r") (?:of|out of) (?:the |its |their |all )?"
                     r"(?P<b>" + _NUMW_RE + r")(?![\w%,.]|\s?(?:%|percent|per cent|million|billion))",
                     re.I)
_INCL = re.compile(r"(?<![\w$£€.,-])(?P<b>" + _NUMW_RE + r")(?P<mid> [a-z]+(?: [a-z]+){0,3}"
                   r"[^.;:\n\"\d]{0,70}?, including )(?P<a>" + _NUMW_RE + r")(?![\w%,.])", re.I)


def part_whole(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """'3 of the 8 members' -> '12 of the 8 members'; '30 people ..., including 4
    children' -> 'including 40 children': the part exceeds its whole."""
    sites = []
    for rx in (_OF_THE, _INCL):
        for m in rx.finditer(text):
            a, b = _num_value(m["a"]), _num_value(m["b"])
            if a is None or b is None or not 0 < a < b or b < 2:
                continue
            if _is_year(m["a"]) or _is_year(m["b"]):
                continue
            before = text[max(0, m.start() - 12):m.start()]
            if re.search(_MONTH_RE + r"\s*$", before, re.I) or re.search(r"[$£€]\s*$", before):
                continue
            after = text[m.end():m.end() + 12]
            if re.match(r"\s*(?:years?|per|%|percent|million|billion|am|pm|a\.m|p\.m)\b", after):
                continue
            sites.append(m)
    if not sites:
        return None
    m = rng.choice(sites)
    a, b = _num_value(m["a"]), _num_value(m["b"])
    new_a = b + rng.randint(1, max(2, b // 3))
    new = _fmt_like(new_a, m["a"])
    if m["a"][0].isupper() and not new[0].isupper():
        new = new.capitalize()
    out, rec, fwd = apply_edits(text, [(m.start("a"), m.end("a"), new)])
    pa = (m.start("a"), m.start("a") + len(new))
    pb = (fwd(m.start("b")), fwd(m.end("b"), end=True))
    return Injection("part-whole", out, sorted([pa, pb]), rec, m.group(),
                     out[min(pa[0], pb[0]):max(pa[1], pb[1])])


_QUOTE = re.compile(r'(?P<o>["\u201c])(?P<body>[A-Z][^"\u201c\u201d\n]{25,600}?)'
                    r'(?P<p>[,.?!])(?P<c>["\u201d])')
_SPEAKER = (r"(?:he|she|they|it|we|I|[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}|the [a-z]+(?: [a-z]+)?)")
_CUE_AFTER = re.compile(r"\s+(?:" + _SPEAKER + r" (?:said|says|told|added|explained|"
                        r"stated|insisted|warned|wrote|noted|continued|asked|replied)|"
                        r"(?:said|says|added|explained|wrote|continued|asked) " + _SPEAKER + r")\b"
                        r"(?P<rest>[^\"\u201c\n]{0,90}?)\.(?=\s|$)")
_CUE_BEFORE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<lead>[A-Z][^.!?\"\u201c\n]{0,80}?\b(?:said|says|"
                         r"told [\w ]{1,30}?|added|explained|stated|wrote|warned)(?: that)?[:,] )"
                         r'(?=["\u201c])')


def quote_attribution(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """'"We will rebuild," the mayor said.' -> '"We will rebuild."' when no
    neighbouring sentence names a speaker either."""
    sites = []
    for q in _QUOTE.finditer(text):
        after = _CUE_AFTER.match(text, q.end())
        lead = None
        for lm in _CUE_BEFORE.finditer(text, max(0, q.start() - 100), q.start()):
            if lm.end() == q.start():
                lead = lm
        if after and len(after["rest"].split()) <= 12 and q["p"] in ",?!":
            edits = [(q.start("p"), q.end("p"), "." if q["p"] == "," else q["p"]),
                     (q.end(), after.end(), "")]
            removed = text[q.end():after.end()]
        elif lead and q["p"] in ".?!" and not after:
            edits = [(lead.start(), lead.end(), "")]
            removed = lead.group()
        else:
            continue
        out, rec, fwd = apply_edits(text, edits)
        qs, qe = fwd(q.start()), fwd(q.end(), end=True)
        if re.match(r"\s*[a-z]", out[qe:qe + 3]):
            continue
        # the whole paragraph, and the paragraph before, must name no speaker:
        # news often attributes a quote one sentence away, or runs on with another
        # quote attributed after it.
        p_start = out.rfind("\n\n", 0, qs)
        prev_start = out.rfind("\n\n", 0, max(0, p_start)) if p_start > 0 else 0
        p_end = out.find("\n\n", qe)
        p_end = len(out) if p_end < 0 else p_end
        window = out[max(0, prev_start):qs] + " " + out[qe:p_end]
        if _CUE.search(window) or _CUE.search(q["body"]) or re.match(r'\s*["\u201c]', out[qe:]):
            continue
        if re.search(r"[:,]\s*$", out[max(0, qs - 3):qs]):  # 'began with a statement: "..."'
            continue
        sites.append((out, rec, (qs, qe), removed.strip()))
    if not sites:
        return None
    out, rec, span, removed = rng.choice(sites)
    return Injection("quote-attribution", out, [span], rec, removed, "(cue removed)")


_REL = re.compile(r"\b(yesterday|tomorrow|(?:last|next|this) (?:year|month))\b(?![ ,]*[(\d]|['\u2019]s\b)",
                  re.I)


def relative_date(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """'last year' -> 'last year (2015)' or 'last year, in 2015,' in a 2017
    article; 'yesterday' -> 'yesterday (February 3)' or 'yesterday, on February 3,'
    when the article is dated February 7."""
    if date is None:
        return None
    sites = [m for m in _REL.finditer(text)]
    if not sites:
        return None
    m = rng.choice(sites)
    rel = m.group().lower()
    if rel in ("yesterday", "tomorrow"):
        true = date + dt.timedelta(days=-1 if rel == "yesterday" else 1)
        wrong = true + dt.timedelta(days=rng.choice([-5, -4, -3, -2, 2, 3, 4, 5]))
        explicit = _fmt_day(wrong, _uk_style(text))
    elif rel.endswith("year"):
        true_y = date.year + {"last": -1, "next": 1, "this": 0}[rel.split()[0]]
        explicit = str(true_y + rng.choice([-1, 1]))
    else:
        off = {"last": -1, "next": 1, "this": 0}[rel.split()[0]]
        true_m = (date.month - 1 + off) % 12
        explicit = MONTHS[(true_m + rng.choice([-1, 1])) % 12]
    # a gloss in brackets, or in apposition: "last year, in 2015, ..." / "yesterday, March 3."
    if rng.random() < 0.5:
        lead, tail = " (", ")"
    else:
        lead = ", on " if rel in ("yesterday", "tomorrow") else ", in "
        tail = "" if re.match(r"[.,;:!?)\"\u201d]|\s*\n", text[m.end():]) else ","
    ins = f"{lead}{explicit}{tail}"
    out, rec, _ = apply_edits(text, [(m.end(), m.end(), ins)])
    at = m.end() + len(lead)
    return Injection("relative-date", out, [(m.start(), m.end()), (at, at + len(explicit))],
                     rec, m.group(), m.group() + ins)


def paste_twice(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """A paragraph pasted a second time, right after itself or a paragraph or two later."""
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]
    if len(paras) < 3:
        return None
    cands = [i for i, (s, e) in enumerate(paras[:-1]) if len(text[s:e].split()) >= 15]
    if not cands:
        return None
    i = rng.choice(cands)
    j = min(len(paras) - 1, i + rng.choice([0, 0, 1, 2]))
    s, e = paras[i]
    para = text[s:e]
    at = paras[j][1]
    ins = "\n\n" + para
    out, rec, _ = apply_edits(text, [(at, at, ins)])
    return Injection("paste-twice", out, [(s, e), (at + 2, at + 2 + len(para))], rec,
                     para[:60], "(pasted again)", copied=[(at + 2, at + 2 + len(para), s)])


_DATE = re.compile(r"(?:(?P<wd>" + _WEEKDAY_RE + r")(?:,\s*|\s+|\s+\())?"
                   r"(?:(?P<m1>" + _MONTH_RE + r") (?P<d1>\d{1,2})(?:st|nd|rd|th)?|"
                   r"(?P<d2>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<m2>" + _MONTH_RE + r"))"
                   r"(?:,? (?P<y>(?:19|20)\d\d))?(?![\w])"
                   r"(?!\s*[-\u2013]\s*\d|\s+(?:to|and|through|or)\s+\d)")  # not a range


def weekday(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """'on March 6' -> 'on Tuesday, March 6' (it was a Monday; also 'on Tuesday
    (March 6)' and 'on March 6, a Tuesday,'), or an existing 'Monday, March 6' ->
    'Tuesday, March 6'."""
    sites = []
    for m in _DATE.finditer(text):
        day = int(m["d1"] or m["d2"])
        mon = _month_num(m["m1"] or m["m2"])
        if m["y"]:
            years = [int(m["y"])]
        elif date is not None:
            years = [date.year - 1, date.year, date.year + 1]
        else:
            continue
        try:
            cands = [dt.date(y, mon, day) for y in years]
        except ValueError:
            continue
        real = min(cands, key=lambda d: abs((d - date).days)) if len(cands) > 1 else cands[0]
        if m["wd"]:
            if m["wd"] != WEEKDAYS[real.weekday()]:
                continue  # the source already disagrees; leave it alone
            sites.append((m, real, "replace"))
        elif re.search(r"\b[Oo]n\s$", text[max(0, m.start() - 3):m.start()]):
            sites.append((m, real, "insert"))
    if not sites:
        return None
    m, real, how = rng.choice(sites)
    wrong = WEEKDAYS[(real.weekday() + rng.choice([-1, 1, 2])) % 7]
    if how == "replace":
        out, rec, fwd = apply_edits(text, [(m.start("wd"), m.end("wd"), wrong)])
        span = (m.start(), fwd(m.end(), end=True))
        was = m.group()
    else:
        was = m.group()
        form = rng.random()
        if form < 0.7:    # "on Tuesday, March 10" / "on Tuesday 10 March"
            sep = " " if m["d2"] else ", "
            out, rec, fwd = apply_edits(text, [(m.start(), m.start(), wrong + sep)])
            span = (m.start(), fwd(m.end(), end=True))
        elif form < 0.85:  # "on Tuesday (March 10)"
            out, rec, fwd = apply_edits(text, [(m.start(), m.start(), wrong + " ("), (m.end(), m.end(), ")")])
            span = (m.start(), fwd(m.end() - 1) + 2)   # through the closing bracket
        else:              # "on March 10, a Tuesday,"
            tail = "" if re.match(r"[.,;:!?)\"\u201d]|\s*\n|\s+[-\u2013\u2014]", text[m.end():]) else ","
            ins = f", a {wrong}{tail}"
            out, rec, _ = apply_edits(text, [(m.end(), m.end(), ins)])
            span = (m.start(), m.end() + 4 + len(wrong))
    return Injection("weekday", out, [span], rec, was, out[span[0]:span[1]])


# A currency gloss typed wrong: "$680 million (642 million euros)" -> "(842 million
# euros)". Written apart from the rule (C104): a site is any figure in a currency
# followed by a bracketed figure in another currency. Only slips that move the implied
# rate by at least 25% are made: less is within what a rate does in a year or two, and
# no editor could call the gloss wrong without the day's rate, so those copies would
# not be fair cases.

def _currency_of(text: str, m: re.Match) -> str | None:
    if m.group("cur"):
        return _CUR_SIGN[m.group("cur")]
    cw = _CUR_WORD.match(text, m.end())
    return cw.group(1).lower().rstrip("s") if cw else None


def conversion_sites(text: str) -> list[tuple[re.Match, re.Match]]:
    """(amount, gloss) pairs: "$680 million (642 million euros)", "£52m ($125m;"."""
    figures = list(_FIGURE.finditer(text))
    sites = []
    for a, b in zip(figures, figures[1:]):
        ca, cb = _currency_of(text, a), _currency_of(text, b)
        if not ca or not cb or ca == cb or {ca, cb} <= {"USD", "dollar", "AUD", "CAD", "HKD"}:
            continue
        between = text[a.end():b.start()]
        end = b.end()
        cw = _CUR_WORD.match(text, end)
        if cw:
            end = cw.end()
        if re.fullmatch(r"(?:\s+(?:US\s+|Australian\s+|Hong\s+Kong\s+)?(?:dollars|euros|pounds|yuan|yen|rupees|roubles|"
                        r"rubles|francs|pesos))?\s*\(\s*(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?",
                        between, re.I) and re.match(r"\s*[);]", text[end:]):
            sites.append((a, b))
    return sites


def conversion_slip(text: str, date: dt.date | None, rng: random.Random) -> Injection | None:
    """A conversion's gloss with a wrong figure; the gloss is the injected side."""
    sites = conversion_sites(text)
    if not sites:
        return None
    _, gloss = rng.choice(sites)
    ns, ne = _digits_span(gloss)
    old = text[ns:ne]
    value = float(old.replace(",", ""))
    for _ in range(12):
        new = _changed_figure(old, rng)
        if new != old and not 0.8 < float(new.replace(",", "")) / value < 1.25:
            break
    else:
        return None
    out, rec, _ = apply_edits(text, [(ns, ne, new)])
    gs, ge = _figure_span(gloss)
    return Injection("conversion-slip", out, [(gs, ge + len(new) - len(old))], rec, old, new)


INJECTORS: dict[str, Callable[..., Injection | None]] = {
    "digit-grouping": digit_grouping,
    "quantity-change": quantity_change,
    "from-to-swap": from_to_swap,
    "part-whole": part_whole,
    "quote-attribution": quote_attribution,
    "relative-date": relative_date,
    "paste-twice": paste_twice,
    "weekday": weekday,
    "conversion-slip": conversion_slip,
}


def inject_all(doc_id: str, text: str, date: dt.date | None, seed: int,
               types: list[str] | None = None) -> list[Injection]:
    """One injected copy per error type that has a site in this article."""
    out = []
    for name in (list(INJECTORS) if types is None else types):
        rng = random.Random(f"{seed}:{doc_id}:{name}")
        inj = INJECTORS[name](text, date, rng)
        if inj is not None:
            out.append(inj)
    return out
