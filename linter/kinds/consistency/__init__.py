"""``consistency``: one document using two forms of the same thing.

One kind, several detectors (``detect:``), each linear in the document and each its own
module in this package, named after the value (``name-spelling`` is ``name_spelling.py``):

* ``dotted-acronyms`` -- "US" and "U.S.", "DC" and "D.C." in one article.
* ``variants`` -- two forms from one group of a word list ("percent | per cent").
* ``name-spelling`` -- a name spelled two ways ("Romanowski" / "Romanowsky"):
  capitalised words one edit apart (changed, added, dropped or swapped letters), blocked by their
  one-deletion variants so no quadratic pair loop. Guards against different real
  names: the rarer form must be rare, the first letters must agree, neither may
  be an inflection of the other (Syria/Syrian), and two forms preceded by
  different first names are two people.
* ``acronym-redefined`` -- an acronym defined twice with different expansions.
* ``acronym-before-definition`` -- an acronym used in the body before the
  sentence that defines it.

A form pair is reported once, at the first use of the rarer form, with the first
use of the prevailing form as ``related``.
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal, TYPE_CHECKING

from ...document import BLOCK_KINDS
from .._detectors import detectors
from .._regex import words_pattern
from ..base import RuleBase

if TYPE_CHECKING:  # resolved by linter.schema when a rule file is validated
    from pydantic import Field

Detect = Literal["dotted-acronyms", "variants", "name-spelling", "acronym-redefined", "acronym-before-definition"]


class Rule(RuleBase):
    """A form-consistency check; ``detect`` chooses which (see the module doc).

    Messages may use ``{match}`` (the form reported), ``{other}`` (the prevailing
    form), ``{count}`` and ``{other_count}`` (uses of each), ``{line}`` (of the
    related place) and, for acronyms, ``{acronym}``, ``{expansion}`` and
    ``{other_expansion}``.
    """

    placeholders: ClassVar[dict[str, tuple[str, ...]]] = {
        **dict.fromkeys(("dotted-acronyms", "variants", "name-spelling"),
                        ("match", "other", "others", "count", "other_count", "line")),
        "acronym-redefined": ("acronym", "match", "expansion", "other_expansion", "line"),
        "acronym-before-definition": ("acronym", "match", "line"),
    }

    detect: Detect
    """Which check: dotted-acronyms, variants, name-spelling, acronym-redefined or acronym-before-definition."""
    wordlist: str | None = None
    """For `variants`: the word list of groups, entries "form | form | ..."."""
    ignore: list[str] = []
    """Forms never reported (e.g. PM, AM)."""
    ignore_blocks: list[Literal[BLOCK_KINDS]] = ["heading", "read-more"]  # type: ignore[valid-type]
    """Block kinds not looked at (headlines in capitals, read-more lines)."""
    min_length: Annotated[int, Field(ge=3)] = 5
    """For `name-spelling`: the shortest name compared, in letters."""
    distinct: str | None = None
    """For `name-spelling`: word list of look-alikes that are different names ("Hunan | Henan")."""

    _groups: list[list[str]] = ()
    _distinct: set = frozenset()
    _variant_forms: dict = {}
    _variant_re: re.Pattern | None = None

    def wordlists_used(self) -> list[str]:
        return [w for w in (self.wordlist, self.distinct) if w]

    def prepare(self, wordlists):
        self._distinct = set()
        for entry in wordlists.get(self.distinct, []) if self.distinct else []:
            forms = [f.strip() for f in str(entry).split("|") if f.strip()]
            if len(forms) == 1:
                self._distinct.add(forms[0])  # a word that is never a misspelling of a look-alike
            for i, a in enumerate(forms):
                for b in forms[i + 1 :]:
                    self._distinct.add(frozenset((a, b)))
        self._groups = []
        if self.wordlist:
            for entry in wordlists[self.wordlist]:
                forms = [f.strip() for f in str(entry).split("|") if f.strip()]
                if len(forms) >= 2:
                    self._groups.append(forms)
        # one pass over the text for all groups: a single alternation, longest forms first
        self._variant_forms = {" ".join(f.lower().split()): (gi, f) for gi, g in enumerate(self._groups) for f in g}
        if self._variant_forms:
            self._variant_re = re.compile(words_pattern(list(self._variant_forms)), re.I)

    def check(self, doc, ctx):
        yield from DETECTORS[self.detect](self, doc)


DETECTORS = detectors(__name__)  # detect value -> function, one module each
