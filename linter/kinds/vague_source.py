"""``vague-source``: attributions to nobody in particular.

"Critics argue", "experts warn", "U.S. officials said", "it is believed", "people
familiar with the matter": the claim has a source, but the reader cannot tell who.
Two ways in:

* a reporting cue (``doc.facts.cues``) whose speaker is a vague noun phrase -- its head
  word is in the ``nouns`` word list ("officials", "critics", "a campaign aide"), or it
  opens with a vague quantifier ("many Democrats", "some Republicans") -- unless the
  sentence names one of them right after (", including Defense Secretary Jim Mattis,"),
  the phrase points back to a source already introduced ("the official said"), the cue is
  an act rather than a claim (``ignore_verbs``: "others posted photos", "sent an official
  warning"), the people are generic ("what people think", "if someone asks") or the
  saying is hypothetical ("some may say");
* a fixed weasel phrase from the ``phrases`` word list ("it is believed", "studies show").

Anonymous sourcing is sometimes necessary, so this is advice (``info``) by default.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..text import LazyPattern
from ..diagnostics import Finding
from ..facts.quotes import cues_for
from ._regex import compile_words, finditer
from .base import RuleBase

_NAMED_AFTER = LazyPattern(r"\s*,?\s*(?:(?:including|such as|like|led by|among them|notably)\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z]"
                          r"|,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+\s*,)")  # "A longtime JNF official, Howard Ingram, said"
# "Dave Marsh and others" (a name, not a capitalised sentence start: "Federal and state officials")
_NAMED_BEFORE = LazyPattern(r"(?:(?<=[a-z,] )[A-Z][\w.'’-]+|[A-Z][\w.'’-]+\s+[A-Z][\w.'’-]+)\s+(?:and|&)\s+$")
_HEAD = re.compile(r"[\w'’-]+$")
_FIRST = re.compile(r"[\w'’-]+")
_QUANTIFIERS = frozenset("some many several few numerous various other others".split())
_GENERIC = LazyPattern(r"\b(?:what|when|whenever|if|how|whether|where|why|times)\s+$", re.I)
_GENERIC_HEADS = frozenset("people someone somebody everyone everybody anyone anybody many".split())
_MODAL = LazyPattern(r"\b(?:may|might|could|would|will|can|should|must)\s+(?:\w+\s+)?$", re.I)


class Rule(RuleBase):
    """Report reporting cues whose speaker is a vague noun (``nouns`` word list) and
    fixed weasel phrases (``phrases`` word list). ``{match}`` in the message is the
    text found."""

    placeholders: ClassVar[tuple[str, ...]] = ("match",)

    nouns: str | None = "vague-sources"
    """Word list of nouns that make a speaker vague ("officials", "critics")."""
    phrases: str | None = "weasel-phrases"
    """Word list of weasel phrases ("it is believed", "studies show")."""
    ignore_verbs: list[str] = []
    """Cues that report an act, not a claim ("posted", "sent"): a vague noun before them is not a source."""

    _nouns: frozenset = frozenset()
    _phrases: re.Pattern | None = None

    def wordlists_used(self) -> list[str]:
        return [n for n in (self.nouns, self.phrases) if n]

    def prepare(self, wordlists):
        self._nouns = frozenset(str(w).lower() for w in wordlists.get(self.nouns or "", []))
        self._acts = frozenset(w.lower() for w in self.ignore_verbs)
        phrases = [str(w) for w in wordlists.get(self.phrases or "", [])]
        self._phrases = compile_words(phrases, ignore_case=True) if phrases else None

    def check(self, doc, ctx):
        text = doc.text
        spans: list[tuple[int, int]] = []
        for c in cues_for(doc, ctx):
            sp = c.speaker
            if sp is None or c.kind not in ("verb", "phrase"):
                continue
            phrase = text[sp.start:sp.end]
            head = _HEAD.search(phrase)
            first = _FIRST.match(phrase)
            quantified = first is not None and first.group().lower() in _QUANTIFIERS and len(phrase.split()) >= 2
            if head is None or (head.group().lower() not in self._nouns and not quantified):
                continue
            if text[c.start:c.end].lower() in self._acts or phrase.lower() == "most":
                continue  # an act ("others posted photos"), or "most recently defended"
            if (head.group().lower() in _GENERIC_HEADS and _GENERIC.search(text, max(0, sp.start - 12), sp.start)) or \
                    (sp.start < c.start and _MODAL.search(text, sp.end, c.start)):
                continue  # "what people think", "if someone asks"; "some may say"
            if text[sp.start:sp.end].lower().startswith(("the ", "these ", "those ")):
                continue  # "the official said": a source already introduced
            if sp.start < c.start:
                start, end = sp.start, c.end
            else:
                start, end = c.start, sp.end
            if end - start > 80 or _NAMED_AFTER.match(text, sp.end) or _NAMED_BEFORE.search(text, max(0, sp.start - 60), sp.start):
                continue  # "officials, including Jim Mattis, said"; "Dave Marsh and others have noted"
            spans.append((start, end))
        if self._phrases is not None:
            spans.extend(m.span() for m in finditer(self._phrases, doc.prose))
        last_end = -1
        for start, end in sorted(spans):
            if start < last_end or doc.quote_at(start) is not None:
                continue
            last_end = end
            yield Finding(start, end, {"match": " ".join(text[start:end].split())})
