"""Attribution as readers find speakers (issue 16): speaker continuity, signatures, who can
speak, genre, the opinion and vague-source refinements, quote marks. Spans are exact."""

from __future__ import annotations

import pytest

import linter
from linter.config import Config, ConfigError, load_config
from linter.document import Document
from linter.engine import attach_facts
from linter.facts.genre import detect_genre, normalise


def _attrs(text: str):
    doc = Document.from_text(text, path="t.txt")
    return doc, attach_facts(doc).attributions


def _hows(text: str) -> list[str]:
    return [a.how for a in _attrs(text)[1]]


def _speaker(doc, a):
    return None if a.speaker is None else doc.text[a.speaker.start:a.speaker.end]


def _lint(text: str, select=("A101",), path="t.txt", **kw):
    return [(d.rule, d.text, d.severity) for d in
            linter.lint_text(text, path=path, config=Config(select=list(select), **kw))]


# ---------------------------------------------------------------------------
# Continuity


def test_previous_sentence_with_a_named_speech_verb_attributes():
    doc, (a,) = _attrs("Blinken spoke in Erbil. The job is not finished, he stressed. “ISIS aims to rebuild itself.”")
    assert (a.how, _speaker(doc, a)) == ("previous-sentence", "he")


def test_a_pronoun_needs_a_name_before_it():
    _, (a,) = _attrs("The job is not finished, he stressed. “ISIS aims to rebuild itself in the region.”")
    assert a.unattributed


def test_passive_and_non_person_subjects_do_not_attribute():
    assert _hows("The data on mosquito numbers is closely observed. “We expect an early season this year.”") == ["none"]
    assert _hows("The figures show a fall. “We expect an early season this year.”") == ["none"]


def test_a_newly_named_person_ends_the_current_speaker():
    text = ("“The coalition grew to 87 countries,” Blinken said. The talks with Hakan Fidan ran late. "
            "“ISIS aims to reconstitute itself.”")
    assert _hows(text) == ["same-sentence", "none"]
    # narrative naming nobody new keeps the speaker
    text = "“The coalition grew to 87 countries,” Blinken said. The talks ran late. “ISIS aims to reconstitute itself.”"
    doc, attrs = _attrs(text)
    assert [a.how for a in attrs] == ["same-sentence", "continuation"] and _speaker(doc, attrs[1]) == "Blinken"


def test_paragraph_opener_continues_only_the_end_of_the_paragraph_before():
    ends_with_quote = "Painter was blunt. “She is not talking about the future,” Painter said.\n\n“She means money now.”\n"
    assert _hows(ends_with_quote)[-1] == "continuation"
    cue_earlier = ("According to the census, 40 percent of residents rent. The city has 12 parks and a harbour.\n\n"
                   "“Nobody here can afford a house any more.”\n")
    assert _hows(cue_earlier) == ["none"]


def test_introduced_person_speaks_the_next_quote():
    doc, (a,) = _attrs("Grainne Siggins is director of adult social care for Newham.\n\n"
                       "“Our staff have worked incredibly hard this winter.”\n")
    assert (a.how, _speaker(doc, a)) == ("previous-sentence", "Grainne Siggins")


def test_introduction_is_not_the_speaker_of_a_quote_about_them():
    _, (a,) = _attrs("The president met business leaders on Monday, Jack Ma among them. "
                     "Jack Ma is the founder of Alibaba. “Jack Ma was an early visitor to Trump Tower, a good thing.”")
    assert a.unattributed


def test_headline_names_the_speaker_of_the_first_quote():
    doc, attrs = _attrs("Blunkett: ‘I will not quit’ over visa claims\n\n“I will not quit over this and I have done nothing wrong.”\n")
    assert attrs[0].quote.single and attrs[1].how == "continuation"
    assert _speaker(doc, attrs[1]) == "Blunkett"


def test_in_quotes_headline_and_profile_sole_speaker():
    doc, attrs = _attrs("David Blunkett in quotes\n\n“I have never been one to hide.”\n\n“The job comes first.”\n")
    assert {a.how for a in attrs} == {"headline"} and _speaker(doc, attrs[0]) == "David Blunkett"
    text = ("“I grew up here,” Ms Dong said.\n\nThe studio is small.\n\n“I love my work,” she added.\n\n"
            "Prices rose in 2016 across the city.\n\n“I will never move away from my town.”\n")
    doc, attrs = _attrs(text)
    assert attrs[-1].how == "sole-speaker" and _speaker(doc, attrs[-1]) == "Ms Dong"


def test_next_sentence_and_next_paragraph_after_a_comma():
    assert _hows("“We will not leave until the job is done.” That is what the minister told us.") == ["next-sentence"]
    assert _hows("“In many places clean-up campaigns are under way,”\n\nJavaid said.\n") == ["next-sentence"]


# ---------------------------------------------------------------------------
# Signatures, labels, lead-ins


@pytest.mark.parametrize("text, speaker", [
    ("“WALLACE: Will you accept the result of the election?”", "WALLACE"),
    ("“Collective fear stimulates herd instinct.” ― Bertrand Russell", "Bertrand Russell"),
    ("HEADLINE “Western Europe has witnessed savagery again and again this month.” [WSJ]", "WSJ"),
    ("“Our investment is an important step in the strategy.” Yang Guang, CEO of HNA Capital.", "Yang Guang"),
    ("“Great speech. She's tested. She's ready.”\n\n-President Obama, tweeting after the speech.\n", "President Obama"),
    ("“Matthew Morrison is leaving the show,” by Times' Michael Paulson.", "Times' Michael Paulson"),
])
def test_signatures(text, speaker):
    doc, attrs = _attrs(text)
    a = attrs[0]
    assert (a.how, _speaker(doc, a)) == ("signature", speaker)


def test_a_caption_after_a_dash_is_no_signature():
    _, (a,) = _attrs("“Businesses do not know how to get involved yet.” - People welcome the president to Davos.")
    assert a.unattributed


@pytest.mark.parametrize("text, speaker", [
    ("Immediately after the attacks, Trump issued a statement, “Last night our nation was attacked.”", "Trump"),
    ("Hillary Clinton cracked, ''I'm a progressive who likes to get things done.''", "Hillary Clinton"),
])
def test_comma_lead_ins(text, speaker):
    doc, (a,) = _attrs(text)
    assert a.how in ("lead-in", "same-sentence") and _speaker(doc, a) == speaker


def test_cue_words_new_and_old():
    for text in ("Hillary Clinton Said “We will win this election in November.”",
                 "“He may be the only one who can unite the party,” Viguerie notes.",
                 "Trump was quick to add that the wall is not negotiable. “Building it? Not negotiable at all.”",
                 "“This is not a circumstance with one or two things to fix” on policy, in Bolton’s view.",
                 "“We will build the wall and Mexico will pay,” Trump fumed."):
        assert not any(a.unattributed for a in _attrs(text)[1]), text
    doc = Document.from_text("Some states have yet to be called. Many calls went unanswered. "
                             "The agency sent an official warning.")
    attach_facts(doc)
    assert [c for c in doc.facts.cues if not c.passive] == []  # ("be called": a passive, no speaker)


def test_quoted_titles_chants_and_mentions_need_no_speaker():
    assert _hows("The site ran headlines such as ''Birth control makes women crazy'' and "
                 "''Would you rather your child had feminism or cancer?''") == ["title", "title"]
    assert _hows("“All options are on the table” is a normal diplomatic statement.") == ["title"]


# ---------------------------------------------------------------------------
# Quote marks and S101


def test_nyt_quote_marks_are_quotes():
    text = "''I think most voters will not be satisfied with 'We'll bomb them,''' said Mr. Ridge."
    doc = Document.from_text(text)
    attach_facts(doc)
    (q,) = doc.quotes
    assert (q.open_mark, q.close_mark, text[q.start:q.end][-5:]) == ("''", "''", "m,'''")
    assert doc.facts.attributions[0].how == "same-sentence"


def test_quote_rules_stay_quiet_on_clean_nyt_and_headline_quotes():
    text = ("Blair ‘will not quit’ over war\n\n''We were right,'' said Mr. Blair. ''We will stay.''\n\n"
            "He said «bonjour» to them.\n")
    assert _lint(text, select=("quotation",)) == []


def test_a_typed_opening_mark_closes_a_quote_and_is_reported():
    text = "“It's unusual,“ said Larry Noble. “It's a hard thing to do.”"
    assert _lint(text, select=("Q101", "A101")) == [("Q101", "“It's unusual,“", "warning")]


def test_repeated_word_never_spans_a_line_break():
    assert _lint("Coalition talks in Iraq\n\nIraq says the talks will go on.\n", select=("S101",)) == []
    assert _lint("They met in in Baghdad on Monday.\n", select=("S101",)) == [("S101", "in in", "warning")]
    # a capitalised word written twice the same way is a name or title ("Abdullah Abdullah")
    assert _lint("They met Abdullah Abdullah on Monday.\n", select=("S101",)) == []


# ---------------------------------------------------------------------------
# Genre


def test_genre_from_front_matter_config_and_text():
    fm = Document.from_text("---\ngenre: Op-Ed\n---\nThe plan is a disaster.\n", path="a.md")
    assert detect_genre(fm) .name == "opinion" and detect_genre(fm).source == "front matter"
    plain = Document.from_text("The plan was announced on Monday by the ministry.\n")
    assert detect_genre(plain).name == "news"
    assert detect_genre(plain, "review").name == "review"
    letters = Document.from_text("LETTERS.\n\nIn a rare moment of solidarity I stand with Mitt Romney.\n")
    assert detect_genre(letters).name == "letters"
    comments = Document.from_text("The minister resigned on Monday.\n\nYour views\n\nA shameful decision.\n")
    g = detect_genre(comments)
    assert g.name == "comments" and g.is_news_at(0) and not g.is_news_at(comments.text.index("A shameful"))
    essay = Document.from_text("I went to the market.\n\nMy father came too.\n\nI bought fish for me.\n\n"
                               "The stalls were busy.\n")
    assert detect_genre(essay).name == "opinion"
    assert normalise("Letters to the editor") == "letters" and normalise("podcast") is None


def test_opinion_rule_is_quiet_outside_news_and_genre_is_a_config_key(tmp_path):
    text = "The withdrawal was premature and the war that followed was a disastrous mistake.\n"
    assert [r for r, *_ in _lint(text, select=("A102",))] == ["A102"]
    assert _lint(text, select=("A102",), genre="opinion") == []
    assert _lint("---\ngenre: editorial\n---\n" + text, select=("A102",), path="a.md") == []
    (tmp_path / ".factlint.yaml").write_text("genre: letters\n")
    assert load_config(tmp_path / ".factlint.yaml").genre == "letters"
    (tmp_path / ".factlint.yaml").write_text("genre: gossip\n")
    with pytest.raises(ConfigError, match="genre"):
        load_config(tmp_path / ".factlint.yaml")


def test_opinion_outside_news_can_be_info(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "op.yaml").write_text(
        "id: X902\nname: house-opinion\nkind: opinion\ncategory: attribution\nseverity: warning\n"
        "message: 'Opinion {words}'\ndescription: test\nwords: [disastrous]\noutside_news: info\n"
        "examples:\n  - text: 'A <marker>disastrous</marker> plan.'\n  - text: 'A plan.'\n")
    text = "It was a disastrous plan.\n"
    assert _lint(text, select=("X902",), rules=[str(pack)]) == [("X902", "disastrous", "warning")]
    assert _lint(text, select=("X902",), rules=[str(pack)], genre="opinion") == [("X902", "disastrous", "info")]


@pytest.mark.parametrize("text", [
    "The court found the treatment caused unnecessary suffering to detainees.",
    "Her book Reckless Disregard comes out in May.",
    "If the talks fail, it would be a disastrous outcome for both sides.",
    "It could prove embarrassing for the minister.",
    "Sanders attacked the deal on Monday. It was a disastrous betrayal of workers.",
])
def test_opinion_not_on_legal_terms_titles_hypotheticals_or_paraphrase(text):
    assert _lint(text, select=("A102",)) == []


# ---------------------------------------------------------------------------
# Vague sources


@pytest.mark.parametrize("text, found", [
    ("Officials said the raid succeeded.", ["Officials said"]),
    ("A campaign aide said the rally was cancelled.", ["A campaign aide said"]),
    ("Federal and state officials said the dam held.", ["state officials said"]),
    ("Many Democrats say the nominee should step aside.", ["Many Democrats say"]),
    ("The agency sent an official warning to the firm.", []),
    ("Within minutes others posted photos of the crowd.", []),
    ("It depends on what people think of the plan.", []),
    ("Some may say the plan cannot work.", []),
    ("A longtime official, Howard Ingram, said the fund was safe.", []),
    ("Some states have yet to be called.", []),
    ("He is supposedly a friend of the candidate.", []),
])
def test_vague_sources_are_sources_only(text, found):
    assert [t for _, t, _ in _lint(text, select=("A103",))] == found
