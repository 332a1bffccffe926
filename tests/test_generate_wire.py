"""Wire copy made fit to print, clozes that name their pronoun, and the fields exporters rely on."""
from __future__ import annotations

import pytest

from quizgen.extract import extract_facts
from quizgen.generate import generate_questions
from quizgen.generate.wire import tidy
from quizgen.models import Fact, question_id
from quizgen.stories import parse_story


def test_tidy_drops_the_dateline_and_spells_out_wire_abbreviations():
    assert tidy("KESSEL, Oct 19 - Exports rose 2.6 pct to 310 mln Dlrs.") == \
        "Exports rose 2.6 percent to 310 million dollars."
    assert tidy("Officials said the U.S. Was ready to help Norland.") == \
        "Officials said the U.S. was ready to help Norland."
    assert tidy("Exports fell in May, and the U.S. May act.") == "Exports fell in May, and the U.S. may act."
    assert tidy("The U.S. Now imports 38 pct of its fish.") == "The U.S. now imports 38 percent of its fish."
    assert tidy("Norland bought 5,000 tonnes of fish for May shipment.") == \
        "Norland bought 5,000 tonnes of fish for May shipment."
    assert tidy("New York, Oct 19 - Kessel Oil said it raised prices.") == "Kessel Oil said it raised prices."


def story_fact(body: str, index: int, kind: str, **slots) -> tuple:
    story = parse_story(body, "wire.txt")
    sentence = story.sentences[index]
    return story, Fact(type=kind, slots=slots, story="wire.txt", sentence=sentence.text,
                       start=sentence.start, end=sentence.end)


def test_a_cloze_carries_no_dateline_and_no_wire_abbreviations():
    story, fact = story_fact("Exports\n\nKESSEL, Oct 19 - Norland's fish exports rose to 310 mln dlrs in the "
                             "year, the harbour board said.", 0, "quantity", value=310e6, unit="dollars",
                             text="310 mln")
    clozes = [q for seed in range(8) for q in generate_questions(story, [fact], seed=seed) if q.type == "cloze"]
    assert clozes
    for question in clozes:
        assert question.prompt.startswith("Norland's fish exports rose to _____ dollars")
        assert question.answer == "310 million"
        assert "310 mln" in question.accepted
        assert question.source.startswith("KESSEL, Oct 19 -")      # the source stays the story's own text


def _clozes_after_an_arrival(second_sentence: str) -> list:
    """Role clozes on `second_sentence`, which follows 'Madeleine Okafor arrived in Kessel on Monday.'"""
    story, fact = story_fact(f"Talks\n\nMadeleine Okafor arrived in Kessel on Monday.\n\n{second_sentence}", 1,
                             "role", person="Tomas Varga", title="Harbour Master")
    arrival = story.sentences[0]
    visit = Fact(type="visit", slots={"person": "Madeleine Okafor", "place": "Kessel", "when": "Monday"},
                 story="wire.txt", sentence=arrival.text, start=arrival.start, end=arrival.end)
    return [q for seed in range(8) for q in generate_questions(story, [fact, visit], seed=seed)
            if q.type == "cloze" and q.template == "role.cloze"]


def test_a_cloze_whose_subject_is_a_pronoun_names_it_in_brackets():
    clozes = _clozes_after_an_arrival("She met later in the day with Harbour Master Tomas Varga.")
    assert clozes
    for question in clozes:
        assert question.prompt == "[Okafor] met later in the day with Harbour Master _____."
        assert question.source.startswith("Madeleine Okafor arrived")


def test_every_question_keeps_its_id_fact_and_verbatim_source():
    text = ("Talks\n\nForeign Minister Ingrid Dahl held talks with Prime Minister Tomas Varga in Kessel on "
            "Tuesday.\n\nAbout 4,500 fishing boats sail from Kessel every year.")
    story = parse_story(text, "talks.txt")
    first, second = story.sentences
    facts = [Fact(type="meeting", slots={"people": ["Ingrid Dahl", "Tomas Varga"], "place": "Kessel",
                                         "when": "Tuesday"}, story="talks.txt", sentence=first.text,
                  start=first.start, end=first.end),
             Fact(type="quantity", slots={"value": 4500, "unit": "boats", "hedge": "about", "text": "4,500"},
                  story="talks.txt", sentence=second.text, start=second.start, end=second.end)]
    questions = generate_questions(story, facts)
    assert {q.template for q in questions} >= {"meeting.partner", "quantity.figure"}
    for question in questions:
        fact = next(f for f in facts if f.id == question.fact["id"])
        forms = {"short": "ask", "mcq": "ask", "truefalse": "truefalse", "cloze": "cloze"}
        assert question.id == question_id(story.id, fact.id, question.template, forms[question.type])
        assert question.source in story.text


def test_no_cloze_when_its_subject_names_nobody_or_it_runs_over_two_sentences():
    for body in ("Prices\n\nThey added an extra 6% to 27 dollars in late trading on the Kessel exchange.",
                 "Prices\n\nA survey of 280 firms found costs up by 49.7%. Firms with deficits paid more."):
        story, fact = story_fact(body, 0, "quantity", value=280, unit="firms", text="280")
        if fact.sentence.startswith("They"):
            fact = Fact(type="quantity", slots={"value": 6, "unit": "percent", "text": "6%"}, story="wire.txt",
                        sentence=fact.sentence, start=fact.start, end=fact.end)
        assert [q for q in generate_questions(story, [fact]) if q.type == "cloze"] == []


def test_no_cloze_blanks_half_of_a_range():
    story, fact = story_fact("Shutdown\n\nOn December 5 and 6, the Kessel harbour board shut the quays for repairs.",
                             0, "date", when="December 5", event="shut")
    assert [q for q in generate_questions(story, [fact]) if q.type == "cloze"] == []
    story, fact = story_fact("Losses\n\nKessel Fisheries lost money in January and February because fuel cost more.",
                             0, "date", when="January", event="lost")
    assert [q for q in generate_questions(story, [fact]) if q.type == "cloze"] == []
    story, fact = story_fact("Awards\n\nHarbour master Tomas Varga said the film could collect five or six awards.",
                             0, "quantity", value=5, unit="awards", text="five")
    assert [q for q in generate_questions(story, [fact]) if q.type == "cloze"] == []


def _clozes_after_a_governor(governor: str, second_sentence: str) -> list[str]:
    """Quantity clozes on `second_sentence` (about 19 textile groups), after one naming the governor."""
    body = f"Rates\n\nBank governor {governor} refused to cut rates.\n\n{second_sentence}"
    story, role = story_fact(body, 0, "role", person=governor, title="Bank governor")
    story, fact = story_fact(body, 1, "quantity", value=19, unit="groups", text="19")
    return sorted({q.prompt for seed in range(8) for q in generate_questions(story, [role, fact], seed=seed)
                   if q.type == "cloze" and q.template == "quantity.cloze"})


def test_a_he_that_goes_on_to_name_the_person_before_is_someone_else():
    assert _clozes_after_a_governor("Tomas Varga", "He told 19 textile groups the rate could not be fixed.") == [
        "[Varga] told _____ textile groups the rate could not be fixed."]
    assert _clozes_after_a_governor("Tomas Varga", "He quoted Varga as telling 19 textile groups the rate would hold.") == []


def test_a_pronoun_after_an_opening_phrase_is_named_in_brackets_too():
    clozes = _clozes_after_an_arrival("After a long delay, she met Harbour Master Tomas Varga.")
    assert clozes
    assert {q.prompt for q in clozes} == {"After a long delay, [Okafor] met Harbour Master _____."}


@pytest.mark.parametrize("written, printed", [
    ("Kessel worked a excellent chance.", "Kessel worked an excellent chance."),
    ("Lund was a NBA Finals MVP twice.", "Lund was an NBA Finals MVP twice."),
    ("Kask said it would be an significant deterrent.", "Kask said it would be a significant deterrent."),
    ("Lund is a FBI agent with a university degree and a one-off fee.",
     "Lund is an FBI agent with a university degree and a one-off fee."),
    ("Kask met a US official within an hour.", "Kask met a US official within an hour."),
    ("Costs rose despite an 17.2 pct rise in sales.", "Costs rose despite a 17.2 percent rise in sales."),
    ("Kessel made a 8 pct and a 18,000 crown gain.", "Kessel made an 8 percent and an 18,000 crown gain."),
])
def test_a_or_an_is_printed_as_the_next_word_sounds(written, printed):
    assert tidy(written) == printed


def test_a_capital_a_after_a_name_is_a_letter_not_an_article():
    assert tidy("Lund scored 20 goals in 20 Serie A appearances.") == "Lund scored 20 goals in 20 Serie A appearances."
    assert tidy("Kessel qualified from Group A on Saturday.") == "Kessel qualified from Group A on Saturday."


@pytest.mark.parametrize("written, printed", [
    # a noun wire copy capitalised after "U.S." is written in lower case, but not a body's name
    ("The U.S. Economy grew in March.", "The U.S. economy grew in March."),
    ("Costs in U.K. Manufacturing industry rose.", "Costs in U.K. manufacturing industry rose."),
    ("The U.S. Treasury said it would act.", "The U.S. Treasury said it would act."),
    ("The U.S. Trade Representative spoke.", "The U.S. Trade Representative spoke."),
    ("Rates on U.S. And Norland beans rose.", "Rates on U.S. and Norland beans rose."),
    # slips of the wire's keyboard are mended, but acronyms and an ellipsis kept
    ("Kessel Systems INc said on April One it cut staff.", "Kessel Systems Inc said on April 1 it cut staff."),
    ("The MArch figures rose.", "The March figures rose."),
    ("PCs and CDs sold.", "PCs and CDs sold."),
    ("Supplies will last in the US..", "Supplies will last in the US."),
    ("He paused... and went on.", "He paused... and went on."),
])
def test_wire_capitals_and_keyboard_slips_are_mended_for_print(written, printed):
    assert tidy(written) == printed


def test_a_bracketed_surname_opening_the_sentence_has_a_capital():
    assert _clozes_after_a_governor("Ruud van Kessel", "He told 19 textile groups the rate would hold.") == [
        "[Van Kessel] told _____ textile groups the rate would hold."]


def test_a_date_between_the_and_a_name_is_no_cloze():
    story = parse_story("Rates\n\nPrices in Kessel rose sharply after the March 5, Norland accord on rates.", "wire.txt")
    facts = extract_facts(story)
    assert facts
    assert not [q for seed in range(8) for q in generate_questions(story, facts, seed=seed) if q.type == "cloze"]


def test_a_count_followed_by_the_names_it_counts_is_no_cloze():
    for sentence in ("Kessel faces rivals from three names in gaming: Norland, Vesta and Orsk.",
                     "Kessel have lost two props in Ivo Lund and Tomas Varga this season."):
        story = parse_story(f"Ships\n\n{sentence}", "wire.txt")
        facts = [f for f in extract_facts(story) if f.type == "quantity"]
        assert facts
        assert not [q for seed in range(8) for q in generate_questions(story, facts, seed=seed) if q.type == "cloze"]
