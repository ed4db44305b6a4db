"""Speaker continuity: which speaker a quote with no attribution of its own continues.

Newsrooms let a quote go without "said" only where the reader cannot miss who is
speaking (AP: attribute every quote, and a quote that continues the speaker of the
paragraph before may stand alone; BBC: a new paragraph of quotation continues the same
speaker only when the paragraph before ended with that speaker's words). So a quote
whose own sentence has no cue is attributed by **the immediately preceding sentence**
(in its paragraph; for a quote opening a paragraph, the last sentence of the paragraph,
headline or standfirst before it) when that sentence

* holds a quote already attributed to someone -- the same speaker going on
  (``continuation``), or
* names a person with a speech or stance verb: "But the job is not finished, he
  stressed." / "Bystrom agreed." (``previous-sentence``), or
* ends in a colon: a lead-in ("He told reporters:") (``lead-in``), or
* opens by naming a person as its subject -- how BBC and feature copy introduce a
  speaker: "Grainne Siggins is director of adult social care for Newham." / "She works
  in a surgery in Lewes." (``previous-sentence``, speaker but no cue);

and, inside a paragraph, by the speaker of a quote or cue up to four sentences up when
the sentences between quote no one, cue no one and name nobody new ("“…,” Woolson
said. They also lie in a media dead zone. “That's a tough area.”": a newly named
person ends the current speaker);

or by **the sentence right after it** in the same paragraph when that one names a
speaker with a speech verb ("“…” That is what the minister told us.").

Everything else breaks the chain, on purpose: a paragraph break after narrative, a newly
named person, a passive ("the data is closely observed"), a subject that is not a
person, a pronoun with no name before it in the document (see
:mod:`linter.facts.speakers`), or a cue that is not the nearest one -- "according to
the census" in the paragraph before does not make the next quote the census's.

Each quote looks at six sentences at most, through cues indexed by position: linear.
"""

from __future__ import annotations

import re

from ..text import LazyPattern
from ..document import Span
from .speakers import is_speaker, names_used

_SUBJECT_WORD = re.compile(r"[\w'’.-]+")
# words that open a phrase before the subject ("After receiving the letter, Tusk …")
_CLAUSE_STARTS = frozenset("""after before as in on at for with without when while since during despite following
    upon once amid among under over through back last earlier later""".split())
_LEADS = frozenset("but and now still meanwhile however yet so then also perhaps maybe indeed instead".split())
_NUMBERS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    sixty seventy eighty ninety hundred thousand million""".split())
_AUXILIARIES = frozenset("""is was are were has had have will would can could may might must does did do also now
    still then though however never always often later first once""".split())
_IRREGULAR_PAST = frozenset("""won took made saw went came gave got told said thought felt knew led left met ran sat spent
    stood wrote began became brought bought built held kept lost paid put read sent set wore grew drew flew threw
    spoke broke chose drove rose fell fought taught caught sought""".split())


def _named_inside(doc, word: str) -> bool:
    """Is ``word`` used capitalised after a word or comma somewhere (a name, not a sentence start)?"""
    return word in names_used(doc)


_CAPITALISED = LazyPattern(r"(?<![\w'’-])[A-Z][\w'’.-]*")
_NOT_NAMES = frozenset("""i i'm i’m i've i’ve january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday""".split())
_OPENERS = frozenset("""the a an and but or so yet then if when while as after before since though although he she
    they we it its his her their this that these those there here what why how who one some many most all both no
    not now still also even only in on at by for from with to of over under later earlier meanwhile however
    instead indeed again just already""".split())


class Continuity:
    """Carries speakers from sentence to sentence for :func:`attribute_quotes`.

    ``record`` is told each attributed quote as attribution proceeds in document order;
    ``previous`` and ``following`` answer for a quote that has none of its own."""

    def __init__(self, doc, index, nouns: frozenset, make):  # noqa: D107
        self.doc = doc
        self.index = index      # the cues, by position (quotes._Index)
        self.nouns = nouns      # the speaker-nouns word list
        self.make = make        # (quote, cue | None, how, like=None, speaker=None) -> Attribution
        self.said_in: dict[int, object] = {}  # sentence -> the last attributed quote in it

    def record(self, sentence: int | None, attribution) -> None:
        if sentence is not None:
            self.said_in[sentence] = attribution

    def speaking_cue(self, sentence: int, speech_only: bool = False):
        """The last cue of a sentence that names a speaker: an active speech or stance
        verb (or cue phrase, headline colon, dash signature) whose subject can speak."""
        s = self.doc.sentences[sentence]
        for c in reversed(self.index.between(s.start, s.end)):
            if c.speaker is None or c.passive or (speech_only and not c.speech):
                continue
            if is_speaker(self.doc, c.speaker.start, c.speaker.end, self.nouns):
                return c
        return None

    def previous(self, quote, s0: int):
        """The attribution the sentence before ``quote``'s (index ``s0``) gives it, or None.
        An earlier attributed quote in the quote's own sentence comes first ("“…” and is
        making “territorial gains”")."""
        p = self.said_in.get(s0)
        if p is not None and p.quote.end <= quote.start:
            return self.make(quote, None, "continuation", like=p)
        if s0 <= 0:
            return None
        doc = self.doc
        sentences = doc.sentences
        k = s0 - 1
        here, there = sentences[s0], sentences[k]
        if there.block != here.block:
            # a quote opening a paragraph: only the end of the block before speaks for it
            if doc.prose[doc.blocks[here.block].start:quote.start].strip():
                return None
            if doc.prose[there.start:there.end].rstrip().endswith(":"):
                return self.make(quote, self.speaking_cue(k), "lead-in")
            # ... or a quotation running on through it: the paragraph before opens with a quote
            # left open at its end (the convention for a quotation of several paragraphs)
            running = doc.quotes_in(doc.blocks[there.block].start, doc.blocks[there.block].start + 1)
            if running and not running[0].closed:
                p = self.said_in.get(doc.sentence_at(max(running[0].start, running[0].end - 1)))
                if p is not None and p.quote == running[0]:
                    return self.make(quote, None, "continuation", like=p)
        found = self._speaker_of(quote, k)
        if found is not None or there.block != here.block:
            return found
        # the current speaker goes on across up to four sentences of the paragraph that name
        # nobody new ("“…,” Woolson said. They also lie in a media dead zone. “That's a tough
        # area.”"); a newly named person, or another quote, ends it
        for j in (k - 1, k - 2, k - 3, k - 4):
            if j < 0 or sentences[j].block != here.block or self._names_someone(k, j):
                return None
            found = self._speaker_of(quote, j, introduce=False)
            if found is not None:
                speaker = found.speaker
                between = range(j + 1, s0)
                if speaker is not None and not any(self._new_name(b, speaker) for b in between):
                    return self.make(quote, None, "continuation", like=found)
                return None
        return None

    def _speaker_of(self, quote, k: int, introduce: bool = True):
        """Who sentence ``k`` makes the speaker: its last attributed quote, else its last
        speaking cue (the newer of the two), else (if ``introduce``) the person it opens by
        naming -- an introduction speaks only for the quote right after it."""
        p = self.said_in.get(k)
        c = self.speaking_cue(k)
        if p is not None and (c is None or c.start <= (p.cue.end if p.cue else p.quote.end)):
            return self.make(quote, None, "continuation", like=p)  # (c, if any, is p's own cue)
        if c is not None:
            if self._third_person(quote, k, c.speaker):
                return None
            return self.make(quote, c, "previous-sentence")
        subject = self.introduced(k) if introduce else None
        if subject is not None and not self._names_in_quote(quote, subject):
            return self.make(quote, None, "previous-sentence", speaker=subject)
        return None

    def _third_person(self, quote, k: int, speaker: Span) -> bool:
        """Does the quote name, in the third person, the one a pronoun speaker of sentence
        ``k`` would stand for ("When Ma met Trump, he pledged a million jobs. “Jack Ma was an
        early visitor …”")? Then the quote is not theirs."""
        if speaker_key(self.doc, speaker) is not None:
            return self._names_in_quote(quote, speaker)
        s = self.doc.sentences[k]
        inner = self.doc.prose[quote.inner_start:min(quote.inner_end, quote.inner_start + 200)]
        for m in _CAPITALISED.finditer(self.doc.prose, s.start, speaker.start):
            word = m.group().rstrip(".")
            if m.start() == s.start or word.lower() in _NOT_NAMES or word.lower() in _OPENERS or len(word) < 3:
                continue
            if re.search(r"\b" + re.escape(word) + r"\b", inner):
                return True
        return False

    def _names_in_quote(self, quote, subject: Span) -> bool:
        """Does the quote speak of the subject in the third person ("Jack Ma was an early
        visitor", after "When Ma met Trump, he pledged …")? Then it is not the subject's."""
        key = speaker_key(self.doc, subject)
        if key is None:
            return False
        inner = self.doc.prose[quote.inner_start:min(quote.inner_end, quote.inner_start + 200)].lower()
        return re.search(r"\b" + re.escape(key) + r"\b", inner) is not None

    def introduced(self, k: int) -> Span | None:
        """The person sentence ``k`` opens by naming as its subject -- how BBC and feature copy
        introduce a speaker before quoting them ("Grainne Siggins is director of adult social
        care for Newham." / "But Mr Foster is still worried." / "She works in a surgery in
        Lewes.") -- or None. A possessive ("China's economy") or a word that is no name
        ("The", "Last", "Thirty") is no subject. A short opening phrase before the subject is
        skipped ("After receiving the letter, Tusk struck a gloomy note.")."""
        doc = self.doc
        s = doc.sentences[k]
        start = s.start
        comma = doc.prose.find(", ", s.start, min(s.end, s.start + 90))
        if comma != -1 and not doc.prose[s.start:comma].count(" ") >= 12:
            opener = doc.prose[s.start:s.start + 12].split(" ", 1)[0].lower()
            if opener in _CLAUSE_STARTS or opener.endswith("ing"):
                start = comma + 2  # "As part of the trip, Engle toured …", "Hearing the screams, Rami …"
        words = list(_SUBJECT_WORD.finditer(doc.prose, start, min(s.end, start + 120)))
        i = 0
        while i < len(words) and words[i].group().lower() in _LEADS:
            i += 1
        if i >= len(words):
            return None
        first = words[i].group()
        if first.lower() in ("he", "she", "he's", "she's", "he'd", "she'd", "he’s", "she’s", "he’d", "she’d"):
            n = i + 1
        else:
            n = i
            while n < len(words) and n - i < 5 and words[n].group()[:1].isupper() \
                    and words[n].group().lower().rstrip(".") not in _OPENERS | _NOT_NAMES | _NUMBERS:
                n += 1
            if n == i or words[n - 1].group().endswith(("'s", "’s", "s'", "s’")):
                return None
        if n >= len(words):
            return None
        after = words[n].group()
        comma = doc.prose[words[n - 1].end():words[n].start()].strip() == ","
        if not comma and not (after in _AUXILIARIES or after in _IRREGULAR_PAST
                              or (after.islower() and after.endswith(("s", "ed")) and not after.endswith(("ss", "us", "is")))):
            return None  # no verb after it: "Australian swimmers", "Business for such websites"
        if n - i == 1 and first.lower() not in ("he", "she") and not _named_inside(doc, first):
            return None  # one capitalised word that the text never uses as a name mid-sentence
        span = Span(words[i].start(), words[n - 1].end())
        return span if is_speaker(doc, span.start, span.end, self.nouns) else None

    def _names_someone(self, k: int, j: int) -> bool:
        """Does a sentence between ``j`` and the quote (``j+1..k``) quote or cue someone?
        (A scare quote -- her “undignified” death -- quotes no one new.)"""
        doc = self.doc
        s_from, s_to = doc.sentences[j + 1].start, doc.sentences[k].end
        if self.index.between(s_from, s_to):
            return True
        return any(len(doc.prose[q.inner_start:q.inner_end].split()) > 4 for q in doc.quotes_in(s_from, s_to))

    def _new_name(self, sentence: int, speaker) -> bool:
        """Does the sentence name someone other than ``speaker`` (a capitalised word that is
        not a sentence opener, a month or day, or part of the speaker's name)?"""
        doc = self.doc
        s = doc.sentences[sentence]
        own = {w.strip(".,’'").lower() for w in doc.text[speaker.start:speaker.end].split()}
        for n, m in enumerate(_CAPITALISED.finditer(doc.prose, s.start, s.end)):
            word = m.group().rstrip(".").lower()
            if word in own or word in _NOT_NAMES or (m.start() == s.start and word in _OPENERS) \
                    or (m.group().isupper() and len(m.group()) <= 3):
                continue  # (an acronym -- US, UK, EU -- is a place or body, not a new speaker)
            return True
        return False

    def following(self, quote, s1: int):
        """The attribution of a speech cue with a speaker in the next sentence of the
        paragraph (or of the next paragraph, when the quote ends its own with a comma inside
        the marks: “…,”¶Javaid said. -- a break the copy should not have), or None."""
        doc = self.doc
        sentences = doc.sentences
        k = s1 + 1
        if k >= len(sentences):
            return None
        if sentences[k].block != sentences[s1].block:
            block_end = doc.blocks[sentences[s1].block].end
            if doc.prose[quote.end:block_end].strip() or \
                    not doc.prose[quote.start:quote.end].rstrip()[:-1].rstrip().endswith((",", "?", "!")):
                return None
        c = self.speaking_cue(k, speech_only=True)
        if c is not None and sentences[k].block != sentences[s1].block \
                and len(doc.prose[sentences[k].start:c.start].split()) > 4:
            return None  # across a break, only a sentence that opens with its cue ("I asked one of …")
        return self.make(quote, c, "next-sentence") if c is not None else None


def speaker_key(doc, speaker: Span | None) -> str | None:
    """A speaker's surname (the last capitalised word), lower case, to tell whether two
    attributions name one person; None for a pronoun or a phrase without a name."""
    if speaker is None:
        return None
    words = [w.strip(".,’'") for w in doc.text[speaker.start:speaker.end].split()]
    names = [w for w in words if w[:1].isupper() and w.lower() not in ("the", "a", "an", "mr", "mrs", "ms", "dr")]
    return names[-1].lower() if names else None
