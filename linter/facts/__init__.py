"""Facts extracted once per document and shared by every check.

Each kind of fact lives in its own module and is computed lazily, on first use, so
a run that selects no numeric rule never pays for number extraction. A check reads
``doc.facts.<name>``; it never re-parses the text for the same thing.
"""

from __future__ import annotations

from functools import cached_property


def finditer_at(pattern, text: str, starts) -> list:
    """``list(pattern.finditer(text))``, trying ``pattern`` only at ``starts`` (ascending).

    Exact when ``starts`` holds every position where a match can start (and the pattern
    never matches the empty string): like finditer, this takes the leftmost match and goes
    on after its end. A regex that begins with a look-behind or a long alternation is tried
    by re and regex at every position of the text; the callers find the few places a
    match can start with a cheaper pass (a character class, ``str.find``)."""
    out = []
    end = 0
    match = pattern.match
    for pos in starts:
        if pos >= end:
            m = match(text, pos)
            if m:
                out.append(m)
                end = m.end()
    return out


def occurrences(text: str, words) -> list[int]:
    """Every position where one of ``words`` occurs in ``text`` (unsorted; overlaps kept):
    ``str.find`` runs in C, far faster than a regex alternation of the words."""
    found = []
    for w in words:
        i = text.find(w)
        while i != -1:
            found.append(i)
            i = text.find(w, i + 1)
    return found


class Facts:
    def __init__(self, doc):
        self.doc = doc
        self._lexicon = None
        self._claims: dict = {}
        # the genre the run's configuration names (``genre:``), or None: see facts.genre
        self.genre_setting: str | None = None

    @property
    def lexicon(self):
        """The attribution word lists (facts.quotes.Lexicon) the engine handed in for this
        run; the built-in pack's when the document is used outside a run."""
        if self._lexicon is None:
            from ..engine import builtin_lexicon

            self._lexicon = builtin_lexicon()
        return self._lexicon

    @lexicon.setter
    def lexicon(self, value) -> None:
        self._lexicon = value

    @cached_property
    def quantities(self):
        """Numbers and quantities (value, interval, unit, counted noun) in document order."""
        from .numbers import extract_quantities

        return extract_quantities(self.doc)

    @cached_property
    def times(self):
        """Time expressions, absolute and relative, resolved against the document date."""
        from .dates import extract_times

        return extract_times(self.doc)

    @cached_property
    def attributions(self):
        """Each direct quote with its speaker and cue, if any."""
        from .quotes import attribute_quotes

        return attribute_quotes(self.doc, self.lexicon, cues=self.cues)

    @cached_property
    def genre(self):
        """What kind of piece this is (news, opinion, letters, ...) and from where on:
        front matter, the configuration, or the text's own signs (facts.genre)."""
        from .genre import detect_genre

        return detect_genre(self.doc, self.genre_setting)

    @cached_property
    def cues(self):
        """Reporting cues ("said", "according to") in the prose, each with its speaker if found."""
        from .quotes import find_cues

        return find_cues(self.doc, self.lexicon)

    def claims(self, vocabulary, kinds=("count", "money", "percent", "percentage-point", "measure")):
        """Claim frames of the figures (``facts.claims``), built with the word lists of the
        rule that asks (a :class:`~linter.facts.claims.Vocabulary`); computed once per
        vocabulary, so two rules naming the same lists share them."""
        key = (vocabulary, tuple(kinds))
        if key not in self._claims:
            from .claims import extract_claims

            self._claims[key] = extract_claims(self.doc, vocabulary, tuple(kinds))
        return self._claims[key]
