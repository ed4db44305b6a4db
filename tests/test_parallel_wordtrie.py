"""Word lists compile to a prefix tree (a speed change): it must match exactly what the
longest-first alternation it replaced matched, with ``regex`` and with ``re``."""

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.kinds._regex import words_pattern


def alternation(words) -> str:
    """The previous implementation, kept here as the reference."""
    flat = [str(k) for w in words for k in (w if isinstance(w, dict) else (w,))]
    alts = sorted({w.strip() for w in flat if w.strip()}, key=lambda w: (-len(w), w))
    parts = [r"\s+".join(regex.escape(p) for p in w.split()) for w in alts]
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


def spans(pattern: str, text: str, engine: str, ignore_case: bool):
    if engine == "regex":
        compiled = regex.compile(pattern, regex.V0 | (regex.IGNORECASE if ignore_case else 0))
    else:
        compiled = re.compile(pattern, re.I if ignore_case else 0)
    return [m.span() for m in compiled.finditer(text)]


LETTERS = "abcAB.-’'éÉ\u212aksſßİi"  # with the Kelvin sign, long s, sharp s, dotted I
word = st.text(LETTERS, min_size=1, max_size=6)
phrase = st.lists(word, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(phrase, min_size=1, max_size=12),
       pieces=st.lists(st.one_of(phrase, st.sampled_from([" ", "  ", "\n", "-", ",", ".", "x", "ab"])), max_size=25),
       engine=st.sampled_from(["regex", "re"]), ignore_case=st.booleans())
def test_trie_matches_like_the_alternation(words, pieces, engine, ignore_case):
    text = " ".join(pieces)
    assert spans(words_pattern(words), text, engine, ignore_case) == \
        spans(alternation(words), text, engine, ignore_case)


def test_prefixes_phrases_and_mappings():
    words = ["cut", "cuts", "cutting", "new york", "new york city", "U.S.", {"colour": "color"}]
    text = "cuts cut cutting-edge new  york city, New York. the U.S. colour"
    for engine in ("regex", "re"):
        assert spans(words_pattern(words), text, engine, True) == spans(alternation(words), text, engine, True)
    got = [text[s:e] for s, e in spans(words_pattern(words), text, "regex", True)]
    assert got == ["cuts", "cut", "new  york city", "New York", "U.S.", "colour"]


def test_case_variants_keep_longest_first():
    # "B" and "b a" share a first letter only when case is ignored: still the longest wins
    for engine in ("regex", "re"):
        assert spans(words_pattern(["B", "b A"]), "B A", engine, True) == [(0, 3)]


def test_shares_prefixes():
    assert words_pattern(["cut", "cuts", "cutting"]) == r"(?<![\w-])(?:cut(?:s|ting)?)(?![\w-])"
