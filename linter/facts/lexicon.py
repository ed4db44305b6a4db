"""The attribution word lists, as a run hands them to the facts.

A :class:`Lexicon` holds the reporting verbs, stance verbs, cue phrases, title cues and
speaker nouns as tuples; the engine builds it from the run's word lists
(:func:`lexicon_for`) -- no facts module reads YAML or the rule pack -- and
:func:`_compiled` turns it once into the sets and patterns that cue finding
(:mod:`linter.facts.cues`) looks words up in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import words_pattern


@dataclass(frozen=True)
class Lexicon:
    """The word lists attribution reads, as tuples (hashable, so results can be cached).
    Built by the engine from the run's word lists (:func:`lexicon_for`); a list the run
    does not have is empty."""

    verbs: tuple[str, ...]
    cues: tuple[str, ...]
    titles: tuple[str, ...]
    stance: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()  # nouns for people and bodies that speak ("spokesman", "residents")

    NAMES = ("reporting-verbs", "attribution-cues", "title-cues", "stance-verbs", "speaker-nouns")

    @classmethod
    def from_wordlists(cls, wordlists: dict) -> "Lexicon":
        get = lambda name: tuple(str(w) for w in wordlists.get(name, ()))  # noqa: E731
        return cls(get("reporting-verbs"), get("attribution-cues"), get("title-cues"), get("stance-verbs"),
                   get("speaker-nouns"))


@dataclass(frozen=True)
class _Compiled:
    """A lexicon turned into lookup tables once per word-list content (see :func:`compiled`)."""

    verbs: frozenset  # lower-case single-word forms (speech + stance)
    speech: frozenset
    cues: dict  # first word (lower case) -> phrases as word tuples, longest first
    title_before: re.Pattern
    # the same phrases by their first two words (a one-word phrase last, as the fallback;
    # alone under (word, None)), so a common first word ("in", "the") costs one probe,
    # not a comparison per phrase
    cue_pairs: dict
    words: frozenset  # verbs and first words of phrases: the tokens worth a closer look
    speakers: frozenset  # speaker nouns, lower case


@lru_cache(maxsize=8)
def _compiled(lex: Lexicon) -> _Compiled:
    # no title cues: a pattern that never matches (an empty alternation would match everywhere)
    titles = words_pattern(lex.titles) if any(t.strip() for t in lex.titles) else r"(?!x)x"
    cues: dict[str, list[tuple[str, ...]]] = {}
    for phrase in set(lex.cues):
        words = tuple(phrase.lower().split())
        if words:
            cues.setdefault(words[0], []).append(words)
    for v in cues.values():
        v.sort(key=len, reverse=True)
    pairs: dict[tuple[str, str | None], list[tuple[str, ...]]] = {}
    for first, phrases in cues.items():
        for words in phrases:
            if len(words) > 1:
                pairs.setdefault((first, words[1]), []).append(words)
        singles = [w for w in phrases if len(w) == 1]
        if singles:
            for key in [k for k in pairs if k[0] == first]:
                pairs[key] += singles
            pairs[(first, None)] = singles
    # Verbs and phrases are looked up token by token (a dict probe per word), not with one
    # big regex alternation, which Python's re tries alternative by alternative.
    verbs = frozenset(w.lower() for w in lex.verbs + lex.stance if w.strip())
    return _Compiled(
        verbs=verbs,
        speech=frozenset(w.lower() for w in lex.verbs),
        cues=cues,
        # a title cue right before the opening mark: 'a briefing entitled, “…”'
        title_before=re.compile(titles + r"(?:\s+(?:is|was|were|are|reads|read))?[\s,:]*$", re.I),
        cue_pairs=pairs,
        words=verbs | frozenset(cues),
        speakers=frozenset(w.lower() for w in lex.speakers),
    )


_LEXICONS: dict[int, tuple[dict, Lexicon | None]] = {}


def lexicon_for(wordlists: dict) -> Lexicon | None:
    """The lists a run's word lists give (built once per word-list dict); None if it names none
    of them (the engine then hands the facts the built-in lists)."""
    hit = _LEXICONS.get(id(wordlists))
    if hit is None or hit[0] is not wordlists:
        lex = Lexicon.from_wordlists(wordlists) if any(n in wordlists for n in Lexicon.NAMES) else None
        if len(_LEXICONS) > 8:
            _LEXICONS.clear()
        hit = _LEXICONS[id(wordlists)] = (wordlists, lex)
    return hit[1]
