"""Quote attribution facts (linter/facts/quotes.py): cues, speakers, and how each quote
of the seed article is attributed. Spans are exact."""

from __future__ import annotations

import time

import pytest
from conftest import SEEDS

from linter.document import Document
from linter.engine import attach_facts, builtin_lexicon
from linter.facts.quotes import Lexicon, attribute_quotes, find_cues

SEED = SEEDS / "000_5ae41dc0945392ff.txt"


def _doc(text: str, path: str = "t.txt") -> Document:
    doc = Document.from_text(text, path=path)
    attach_facts(doc)
    return doc


def _span(doc, span):
    return None if span is None else doc.text[span.start:span.end]


def _attr(text: str):
    doc = _doc(text)
    return doc, doc.facts.attributions


@pytest.fixture(scope="module")
def seed():
    doc = Document.from_text(SEED.read_text(encoding="utf-8"), path=str(SEED))
    return doc, attach_facts(doc).attributions


# ---------------------------------------------------------------------------
# Every quote in the seed, checked by hand


SEED_QUOTES = [
    # (line, first words of the quote, how, speaker, cue)
    (16, "“Transition Plan", "same-sentence", "U.S. officials", "affirmed"),
    (30, "“The U.S. and Iraq", "same-sentence", "a senior administration official", "explained"),
    (32, "“until at least September 2026", "same-sentence", "he", "explained"),
    (34, "“will conclude in Iraq", "same-sentence", "Blinken", "said"),
    (36, "“until at least September 2026", "same-sentence", "the senior administration official", "said"),
    (38, "“the United States will also", "same-sentence", "Blinken", "said"),
    (40, "“as long as needed”", "fragment", None, None),
    (48, "“reaffirmed”", "same-sentence", "They", "reaffirmed"),
    (48, "“shared vision", "same-sentence", "They", "reaffirmed"),
    (67, "“Ten years ago,”", "same-sentence", "Blinken", "said"),
    (67, "“the United States mobilized", "same-sentence", "Blinken", "said"),
    (69, "“Over the following decade,”", "same-sentence", "Blinken", "stated"),
    (69, '"grew from 12 to 87', "same-sentence", "Blinken", "stated"),
    (69, "“dismantled the last ISIS", "continuation", "Blinken", "stated"),
    (69, "“two years later,”", "fragment", None, None),
    (69, "“did the same in Syria.”", "continuation", "Blinken", "stated"),
    (71, "“ISIS aims to reconstitute", "previous-sentence", "he", "stressed"),
    (71, "“territorial gains", "continuation", "he", "stressed"),
    (73, "“This is a moment", "same-sentence", "Blinken", "emphasized"),
    (75, "“It’s more important", "same-sentence", "he", "said"),
    (81, "“We will strengthen", "same-sentence", "Blinken", "explained"),
    (89, "“$148 million", "same-sentence", "Blinken", "said"),
    (91, "“critical demining", "same-sentence", "Blinken", "explained"),
    (91, "“essential services", "same-sentence", "Blinken", "explained"),
    (93, "“This commitment”", "same-sentence", "Blinken", "concluded"),
    (93, "“$535 million", "same-sentence", "Blinken", "concluded"),
]


def test_every_seed_quote_is_found_in_order(seed):
    doc, attrs = seed
    got = [(doc.line_of(a.quote.start), doc.text[a.quote.start:a.quote.end]) for a in attrs]
    assert len(got) == len(SEED_QUOTES)
    for (line, text), (want_line, start, *_rest) in zip(got, SEED_QUOTES):
        assert line == want_line and text.startswith(start), (line, text)


@pytest.mark.parametrize("n", range(len(SEED_QUOTES)), ids=lambda n: f"line{SEED_QUOTES[n][0]}-{n}")
def test_seed_quote_attribution(seed, n):
    doc, attrs = seed
    line, start, how, speaker, cue = SEED_QUOTES[n]
    a = attrs[n]
    assert (a.how, _span(doc, a.speaker), _span(doc, a.cue)) == (how, speaker, cue)


def test_no_seed_quote_is_unattributed(seed):
    _, attrs = seed
    assert [a for a in attrs if a.unattributed] == []


def test_seed_speaker_span_is_exact(seed):
    doc, attrs = seed
    a = attrs[1]  # line 30
    line, col = doc.position(a.speaker.start)
    assert (line, col, doc.position(a.speaker.end)[1]) == (30, 121, 153)


# ---------------------------------------------------------------------------
# Patterns


@pytest.mark.parametrize("text, speaker, cue", [
    ("“We will rebuild the town,” the mayor said.", "the mayor", "said"),
    ("“We will rebuild the town,” said the mayor.", "the mayor", "said"),
    ("“We will rebuild the town,” said Mayor Jane Smith, who took office in May.", "Mayor Jane Smith", "said"),
    ("The mayor said, “We will rebuild the town.”", "The mayor", "said"),
    ("The mayor had also said that “we will rebuild the town soon.”", "The mayor", "said"),
    ("Smith, a spokesman for the council, said: “We will rebuild the town.”", "Smith", "said"),
    ("According to the mayor, “the town will be rebuilt by the spring.”", "the mayor", "According to"),
    ("Explains Amanda Mahlman, “Donald Trump's win mobilized a generation.”", "Amanda Mahlman", "Explains"),
    ("The report was affirmed by U.S. officials in a note “meant to reassure the allies at once.”",
     "U.S. officials", "affirmed"),
])
def test_same_sentence_speakers(text, speaker, cue):
    doc, attrs = _attr(text)
    assert len(attrs) == 1
    a = attrs[0]
    assert (a.how, _span(doc, a.speaker), _span(doc, a.cue)) == ("same-sentence", speaker, cue)


def test_quote_across_sentences_with_cue_after():
    doc, (a,) = _attr("“We did it. We won the vote,” she said.")
    assert (a.how, _span(doc, a.speaker)) == ("same-sentence", "she")


def test_lead_in_paragraph_ending_in_colon():
    doc, attrs = _attr("The minister told reporters:\n\n“We will not leave until the job is done.”\n")
    assert (attrs[0].how, _span(doc, attrs[0].speaker)) == ("lead-in", "The minister")


def test_colon_lead_in_in_the_same_sentence():
    doc, (a,) = _attr("The full statement from the family read: “We can confirm that the funeral took place today.”")
    assert a.how in ("lead-in", "same-sentence") and not a.unattributed


def test_continuation_in_next_paragraph():
    text = "“She is not talking about the future,” Painter said.\n\n“She is talking about earning money now.”\n"
    doc, attrs = _attr(text)
    assert [a.how for a in attrs] == ["same-sentence", "continuation"]
    assert _span(doc, attrs[1].speaker) == "Painter"


def test_open_quote_runs_on_into_next_paragraph():
    text = ("“The first paragraph of a long statement goes on here\n\n"
            "“and the second one ends it,” the minister said.\n")
    doc, attrs = _attr(text)
    assert not attrs[0].quote.closed
    assert [a.how for a in attrs] == ["continuation", "same-sentence"]
    assert _span(doc, attrs[0].speaker) == "the minister"


def test_next_sentence_cue():
    doc, (a,) = _attr("“We will not leave until the job is done.” That is what the minister told us.")
    assert (a.how, _span(doc, a.cue)) == ("next-sentence", "told")


def test_dash_signature():
    doc, (a,) = _attr("“Collective fear stimulates herd instinct and ferocity” -- Bertrand Russell, Unpopular Essays")
    assert _span(doc, a.speaker) == "Bertrand Russell"


def test_titles_and_scare_quotes_need_no_speaker():
    doc, attrs = _attr("It was affirmed in a briefing entitled, “Transition Plan for Combined Joint Task Force.” "
                       "Beyoncé performed “Love Drought” first. Will it stay for “as long as needed”?\n")
    assert [a.how for a in attrs][1:] == ["title", "fragment"]
    assert not any(a.unattributed for a in attrs)


def test_partial_quote_woven_into_the_writers_sentence():
    _, (a,) = _attr("The order directs the agency to review a rule that redefined “waters of the United States to include creeks.”")
    assert a.how == "partial" and not a.needs_speaker


def test_unattributed_full_quote():
    text = "The ministers met on Monday.\n\n“We will not leave until the job is done.”\n\nThe talks continue next week.\n"
    doc, (a,) = _attr(text)
    assert a.unattributed and a.speaker is None and a.cue is None


def test_passive_does_not_carry_to_next_paragraph():
    text = "The report was denied on Monday.\n\n“We will not leave until the job is done.”\n"
    _, (a,) = _attr(text)
    assert a.unattributed


def test_verbs_inside_long_quotes_are_not_cues():
    doc = _doc("“They said we would win and we told them so,” the coach said.")
    assert [doc.text[c.start:c.end] for c in doc.facts.cues] == ["said"]


def test_noun_uses_are_not_cues():
    doc = _doc("His remarks and Iraq's claims were noted. The United States has some states with an estimated 500 cases.")
    assert [doc.text[c.start:c.end] for c in doc.facts.cues] == ["noted"]


def test_custom_lexicon():
    doc = _doc("“We will win the next election,” the candidate intoned.")
    base = builtin_lexicon()
    assert attribute_quotes(doc, base)[0].unattributed
    lex = Lexicon(base.verbs + ("intoned",), base.cues, base.titles, base.stance, base.speakers)
    a = attribute_quotes(doc, lex, find_cues(doc, lex))[0]
    assert (a.how, _span(doc, a.speaker)) == ("same-sentence", "the candidate")


def test_linear_on_a_long_document():
    para = ("“We will rebuild the town,” the mayor said. The council met on Monday. "
            "“It will take years,” she added, according to the minutes.\n\n")
    doc = _doc(para * 2000)
    t0 = time.perf_counter()
    attrs = doc.facts.attributions
    assert time.perf_counter() - t0 < 10
    assert len(attrs) == 4000 and not any(a.unattributed for a in attrs)


def test_quotes_in_returns_exactly_the_overlapping_quotes():
    text = 'He said "one two" and "three" then "four five" today.'
    doc = _doc(text)
    one, three, four = doc.quotes
    assert doc.quotes_in(0, len(text)) == [one, three, four]
    assert doc.quotes_in(one.start + 2, three.start) == [one]  # starts inside the first
    assert doc.quotes_in(one.end, three.start) == []  # between two quotes
    assert doc.quotes_in(three.end - 1, four.start + 1) == [three, four]
    assert doc.quotes_in(5, 5) == []
