"""Facts extracted once per document and shared by every check.

Each kind of fact lives in its own module and is computed lazily, on first use, so
a run that selects no numeric rule never pays for number extraction. A check reads
``doc.facts.<name>``; it never re-parses the text for the same thing.

The engine builds the facts and attaches them to the document
(``linter.engine.attach_facts``), handing in what they need from the run: the attribution
word lists (a :class:`~linter.facts.lexicon.Lexicon`, from the rule packs: no facts module
reads YAML or the rule pack), the configured genre and the run's reference date. Facts
import the document and the text helpers below them, never the rule kinds or the engine.
"""

from __future__ import annotations

import datetime as _dt

from ..text import finditer_at, occurrences  # noqa: F401 (text helpers; importable from here as before)
from ..timing import timed_cached_property


class Facts:
    """The facts of one document. ``lexicon``: the attribution word lists of the run;
    ``genre_setting``: the genre the run's configuration names (``genre:``), or None (see
    facts.genre); ``reference_date``: the run's today, the reference for a document with
    no date (the window of plausible years, see facts.numbers)."""

    def __init__(self, doc, lexicon, genre_setting: str | None = None, reference_date: _dt.date | None = None):
        self.doc = doc
        self.lexicon = lexicon
        self.genre_setting = genre_setting
        self.reference_date = reference_date
        self._claims: dict = {}

    @property
    def _timing(self):
        """The run's --timing recorder (on the document), for timed_cached_property."""
        return self.doc._timing

    @timed_cached_property("facts.")
    def quantities(self):
        """Numbers and quantities (value, interval, unit, counted noun) in document order."""
        from .numbers import extract_quantities

        return extract_quantities(self.doc, self.doc.date or self.reference_date)

    @timed_cached_property("facts.")
    def times(self):
        """Time expressions, absolute and relative, resolved against the document date."""
        from .dates import extract_times

        return extract_times(self.doc)

    @timed_cached_property("facts.")
    def attributions(self):
        """Each direct quote with its speaker and cue, if any."""
        from .quotes import attribute_quotes

        return attribute_quotes(self.doc, self.lexicon, cues=self.cues)

    @timed_cached_property("facts.")
    def genre(self):
        """What kind of piece this is (news, opinion, letters, ...) and from where on:
        front matter, the configuration, or the text's own signs (facts.genre)."""
        from .genre import detect_genre

        return detect_genre(self.doc, self.genre_setting)

    @timed_cached_property("facts.")
    def cues(self):
        """Reporting cues ("said", "according to") in the prose, each with its speaker if found."""
        from .cues import find_cues

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
