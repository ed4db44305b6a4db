"""The fast paths of the per-document loop give the same results as the plain ones.

Each speed-up in facts/ and document.py replaces a straightforward loop or regex pass
with a cheaper one that must find exactly the same things; these tests pin that on
random text built from the fragments each pass cares about (seeded, so reproducible).
"""

from __future__ import annotations

import random
import re

from linter.facts import dates, quotes

_DATE_BITS = [
    "Monday", "Mon.", "Mo,", "Tu", "Thurs", "Sun", "the Sun", "Sunday (", "January", "Jan.", "Sept.", "May",
    "Mar", "March", "June", "Jul", "Dec", "in", "In", "since", "mid-", "(", ")", ",", ", ", " ", "  ", "-", "–",
    "/", ".", "1", "7", "12", "Friday", "Saturday-", "xMonday", "Th,", "Sa,", "30", "31st", "2024", "1999", "2016-12-29", "10/31", "4/23", "(Fri)", "of", "a",
    "which was a", "x", "Mark", "The", "We", "Sa", "Frank", "٣", "%", "percent", "\n",
]


def _random_text(rng: random.Random, bits: list[str], n: int) -> str:
    return "".join(rng.choice(bits) + rng.choice(["", " ", " ", ", "]) for _ in range(n))


def test_full_date_matches_are_those_of_finditer():
    rng = random.Random(7)
    for _ in range(400):
        text = _random_text(rng, _DATE_BITS, rng.randrange(1, 40))
        want = [(m.span(), m.groups()) for m in dates._FULL.finditer(text)]
        got = [(m.span(), m.groups()) for m in dates._full_matches(text)]
        assert got == want, text
        want = [m.span() for m in dates._BARE_WEEKDAY.finditer(text)]
        assert [m.span() for m in dates._matches_at(dates._BARE_WEEKDAY, dates._WEEKDAY_START, text)] == want


def _old_phrases(tokens, table):
    """The phrase search as it was: every token, every phrase of its first word."""
    bare = quotes._bare
    out, n, i = [], len(tokens), 0
    while i < n:
        hit = None
        for words in table.get(bare(tokens[i].group())) or ():
            k = len(words)
            if i + k <= n and all(bare(tokens[i + j].group()) == words[j] for j in range(1, k)) \
                    and (k == 1 or not tokens[i + k - 2].group().endswith(".") or words[k - 2].endswith(".")):
                hit = (tokens[i].start(), tokens[i + k - 1].start() + len(bare(tokens[i + k - 1].group())), k)
                break
        if hit:
            out.append(hit[:2])
            i += hit[2]
        else:
            i += 1
    return out


def test_phrase_search_by_word_pairs_finds_what_the_plain_search_finds():
    lex = quotes.Lexicon(verbs=("said",), titles=(), cues=(
        "according to", "in a statement", "in a written statement", "in", "in the view of", "the view of",
        "U.S. officials said", "told", "told reporters", "dr. no", "as quoted by",
    ))
    compiled = quotes._compiled(lex)
    words = ["according", "to", "in", "In", "a", "written", "statement", "statement.", "the", "view", "of", "U.S.",
             "officials", "said", "told", "Told", "reporters", "dr.", "Dr.", "no", "as", "quoted", "by", ",", "“"]
    rng = random.Random(11)
    for _ in range(500):
        segment = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 30)))
        tokens = list(quotes._TOKEN.finditer(segment))
        texts = [t.group() for t in tokens]
        bares = [quotes._bare(t) for t in texts]
        firsts = [i for i, b in enumerate(bares) if b in compiled.cues]
        assert quotes._phrases(tokens, texts, bares, compiled, firsts) == _old_phrases(tokens, compiled.cues), segment


def test_bare_forms_match_the_helper():
    for tok in ["Said.", "SAID", "U.S.", "ΟΔΟΣ.", "İstanbul.", "x", "."]:
        assert (tok[:-1] if tok[-1] == "." else tok).lower() == quotes._bare(tok)


def test_blank_spans_is_the_character_loop():
    from linter.document import blank_spans

    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice("ab \r\n“”é") for _ in range(rng.randrange(0, 30)))
        spans = [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)))) for _ in range(rng.randrange(4))]
        chars = list(text)
        for s, e in spans:
            for i in range(s, e):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        assert blank_spans(text, spans) == "".join(chars)


_NUMBER_BITS = [
    "a", "A", "an", "AN", "An", "one", "One", "ONE", "two", "twenty", "Twenty-one", "three", "thirds", "half", "Half",
    "HALF", "quarter", "dozen", "dozens", "hundred", "thousand", "million", "and", "of", "a million", "someone",
    "often", "-", "–", " ", "  ", "\n", ",", ".", "1", "12", "3.5", "1,200", "+44", "(202)", "555-0100", "20 7946 0958",
    "x", "_", "/", ":", "İ", "ΟΔΟΣ", "seventy", "eighths", "tenth",
]


def test_number_scans_match_finditer():
    from linter.facts import finditer_at, numbers

    old_numeral = re.compile(r"(?<![\w.,:/])\d+(?:[,.]\d+)*")
    rng = random.Random(13)
    hits = 0
    for _ in range(600):
        text = _random_text(rng, _NUMBER_BITS, rng.randrange(1, 40))
        fractions, words = numbers._word_matches(text)
        assert [m.span() for m in fractions] == [m.span() for m in numbers._FRACTION_RE.finditer(text)], text
        assert [m.span() for m in words] == [m.span() for m in numbers._WORDS_RE.finditer(text)], text
        assert [m.span() for m in numbers._NUMERAL.finditer(text)] == [m.span() for m in old_numeral.finditer(text)]
        phones = finditer_at(numbers._PHONE, text, (c.start() for c in numbers._PHONE_START.finditer(text)))
        assert [m.span() for m in phones] == [m.span() for m in numbers._PHONE.finditer(text)], text
        hits += len(fractions) + len(words) + len(phones)
    assert hits > 300


def test_sentence_ends_and_quote_marks_as_before():
    from linter import document

    old_end = re.compile(r"""(?<![.!?…])[.!?…]++["'”’)\]]*+(?=\s+["'“‘(\[]?[A-Z0-9"“‘(\[])""")
    bits = [".", "..", "!", "?", "…", "?!", '"', "'", "”", "’", ")", "]", " ", "\n", "A", "a", "9", "“", "‘", "(",
            "[", "„", "«", "»", "U.S.", "Dr.", "x", ",", ";", "—", "-"]
    rng = random.Random(17)
    for _ in range(600):
        text = _random_text(rng, bits, rng.randrange(1, 40))
        assert [m.span() for m in document._SENTENCE_END.finditer(text)] == [m.span() for m in old_end.finditer(text)]
        # the marks the quote scanner visits are exactly the characters it used to test one by one
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        marks = [m.start() for m in document._DOUBLE_MARK.finditer(text, start, end)]
        window = text[:end]
        doubled = [i for i in range(start, end - 1) if window[i:i + 2] == "''"
                   and window[i - 1:i] != "'" and window[i + 2:i + 3] != "'"]  # NYT's ''…'' (never three in a row)
        assert marks == sorted([i for i in range(start, end) if text[i] in document._ANY_DOUBLE] + doubled)


def test_relative_time_matches_are_those_of_finditer():
    bits = ["last", "week", "weekend", "this", "year", "years", "2", "10", "days", "day", "ago", "earlier", "later", "-",
            ",", ".", "in", "within", "the next", "three", "months", "a couple of", "a", "today", "tonight", "fall",
            "\n", "  ", "centuries", "from now", "x", "(", "longer", "mid-", "the end of", "morning", "this morning",
            "last night", "decade", "the coming", "spring", "٣", "_"]
    rng = random.Random(19)
    hits = 0
    for _ in range(600):
        text = _random_text(rng, bits, rng.randrange(1, 40))
        want = [(m.span(), m.groups()) for m in dates._REL.finditer(text)]
        assert [(m.span(), m.groups()) for m in dates._relative_matches(text)] == want, text
        hits += len(want)
    assert hits > 300


def test_ascii_lower_through_utf8_is_the_translate_table():
    rng = random.Random(23)
    chars = "aAzZ@[`{ÄäİıΣσςſK\u212a\ud800日本 \n\t-_.,Ω"
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 20)))
        assert dates._ascii_lower(text) == text.translate(dates._ASCII_LOWER)


def test_addresses_found_around_their_anchors_as_in_the_whole_text():
    from linter import document

    bits = ["http://", "https://x.org/a", "ftp://", "www.", "www.a.com", "@", "a@b.c", "john.doe", "+", "-", ".", "x",
            " ", "(", ")", "“", "日本", "_", "ahttp://", "mail", ",", "\n", "é"]
    rng = random.Random(29)
    hits = 0
    for _ in range(600):
        text = _random_text(rng, bits, rng.randrange(1, 30))
        spans = [m.span() for m in document._URL.finditer(text)] + [m.span("addr") for m in document._EMAIL.finditer(text)]
        assert document.Document.from_text(text).prose == document.blank_spans(text, spans), text
        hits += len(spans)
    assert hits > 300


def test_rules_sharing_a_pattern_scan_each_document_once(monkeypatch):
    """S101 and S103 write the same regex and exceptions and differ only in scope: the
    document is scanned once for both, and each still reports only its own findings."""
    import linter
    from linter.config import Config
    from linter.kinds import pattern

    scans = []
    real = pattern.finditer
    monkeypatch.setattr(pattern, "finditer", lambda p, text: scans.append(p) or real(p, text))
    text = 'He said it was in in the plan. "We are very very sure," she said.\n'
    found = linter.lint_text(text, config=Config(select=["S101", "S103"]))
    assert [(d.rule, d.text) for d in found] == [("S101", "in in")]  # "very very": an S103 exception
    found = linter.lint_text('"It was the the end," she said. We met at at noon.\n', config=Config(select=["S101", "S103"]))
    assert sorted((d.rule, d.text) for d in found) == [("S101", "at at"), ("S103", "the the")]
    main_scans = [p for p in scans if getattr(p, "pattern", "").startswith("(?i)(?<![\\w'’&-])(?P<word>")]
    assert len(main_scans) == 2  # one per document, not one per rule
