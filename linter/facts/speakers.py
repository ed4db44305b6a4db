"""Who can be a speaker: the test a reporting cue's subject must pass to attribute a
quote outside its own sentence.

A quote that carries no attribution of its own is given to the speaker of the sentence
before it (see :mod:`linter.facts.continuity`) only when that sentence *names someone
saying something*. "The data is closely observed" has a speech word ("observed") but
no speaker: a passive, and a subject that is not a person. So a carried attribution
needs an active cue whose subject is

* a personal pronoun -- "he", "she", "they" only once the document has named someone
  before it (a pronoun with nothing to point back to names nobody); "I" and "we" are
  the writer or a speaker already quoting;
* a name or an institution: a capitalised word other than a determiner ("Blinken",
  "U.S. officials", "The Post");
* or a common noun for people, groups and the documents that speak for them, from the
  ``speaker-nouns`` word list ("the mayor", "residents", "a spokeswoman", "the
  statement"), or with a suffix that names a person or body ("-man", "-er", "-ist",
  "-ian", "-ent", "-ee": "the organiser", "economists", "the government").

Everything is per document and linear: the offset of the first name in the document is
found once, so "is there a named antecedent before this pronoun?" is one comparison.
"""

from __future__ import annotations

import re

from ..text import LazyPattern
from ..document import per_document

_PERSONAL = frozenset("he she they".split())
_WRITER = frozenset("i we".split())
_NOT_SPEAKERS = frozenset("it this that which what who one you there".split())
_DETERMINERS = frozenset("the a an his her its their our my your this these those that some many several few "
                         "most all both other another each every any no".split())
_PERSON_SUFFIXES = ("man", "men", "woman", "women", "person", "people", "er", "ers", "or", "ors", "ist", "ists",
                    "ian", "ians", "ant", "ants", "ent", "ents", "ee", "ees")
# words with a person's suffix that name no one ("the numbers", "the river")
_NOT_PERSONS = frozenset("""numbers number water waters weather order orders border borders matter matters power
    powers centre center quarter chapter manner winter summer computer corner cancer danger dinner career river
    tower shelter meter factor factors sector sectors error errors mirror floor door color colour horror terror
    favor favour honor honour behavior behaviour vapor motor rumor rumour content contents event events
    moment moments comment comments element elements amount amounts argument arguments agreement payment
    percent cent""".split())
# a capitalised word after a word or a comma: a name the reader has met (not a sentence start)
_NAME_AFTER_WORD = re.compile(r"(?<=[\w,] )[A-Z][\w'’.-]*[a-z]")
_WORD = re.compile(r"[\w'’.-]+")
_NAME_USE = LazyPattern(r"(?<=[\w,] )[A-Z][\w'’.-]*")


@per_document
def first_name_offset(doc) -> int:
    """Where the document first names someone (a capitalised word inside a sentence, or in
    a heading after its first word); the length of the text when it never does."""
    m = _NAME_AFTER_WORD.search(doc.prose)
    return m.start() if m else len(doc.prose)


@per_document
def names_used(doc) -> frozenset:
    """Every capitalised word the document uses after a word or a comma (so as a name, not
    because it starts a sentence), found once per document."""
    return frozenset(m.group().rstrip(".") for m in _NAME_USE.finditer(doc.prose))


def is_speaker(doc, start: int, end: int, nouns: frozenset) -> bool:
    """Does the phrase ``doc.text[start:end]`` name someone who can say something?"""
    words = _WORD.findall(doc.text[start:end])
    if not words:
        return False
    first = words[0].lower()
    if len(words) == 1 and first in _PERSONAL:
        return first_name_offset(doc) < start
    if len(words) == 1 and first in _WRITER:
        return True
    if len(words) == 1 and first in _NOT_SPEAKERS:
        return False
    if any(w[:1].isupper() and w.lower() not in _DETERMINERS for w in words):
        return True
    head = words[-1].lower().rstrip(".")
    return head in nouns or (len(head) > 4 and head.endswith(_PERSON_SUFFIXES) and head not in _NOT_PERSONS)
