"""Question forms a teacher would write, one per fact kind, on sentences written for these tests."""
from __future__ import annotations

import pytest

from quizgen.extract import extract_facts
from quizgen.generate import generate_questions
from quizgen.generate.phrasing.base import when_phrase
from quizgen.models import Fact
from quizgen.stories import parse_story

from generate_helpers import STORY, fact, questions


def prompts(*facts: Fact, story=STORY) -> set[str]:
    return {q.prompt for q in questions(*facts, story=story)}


def by_template(template: str, *facts: Fact):
    return [q for q in questions(*facts) if q.template == template]


# --- dates ---------------------------------------------------------------------

DATE_FORMS = [
    # the clause that holds the date, with its own subject, verb and tense
    ("It is likely that Norland takes over the presidency of the Harbour League from Vesterland in July.", "July",
     "date.when", "When does Norland take over the presidency of the Harbour League from Vesterland?"),
    ("Ingrid Dahl resigned as harbour master on Tuesday after a long dispute over berths.", "Tuesday",
     "date.when", "When did Ingrid Dahl resign as harbour master?"),
    ("The Kessel reform plans were agreed in 1998.", "1998", "date.year",
     "In what year were the Kessel reform plans agreed?"),
    # a date that opens the sentence leaves the clause whole
    ("On Monday, a delegation of Kessel fishermen visited the harbour board to ask for more berths.", "Monday",
     "date.when", "When did a delegation of Kessel fishermen visit the harbour board to ask for more berths?"),
    # a noun that could be a verb ("firms") before a verb in the past is the subject's
    ("Kessel trawler firms landed only 140 tonnes in January, the harbour board said.", "January",
     "date.when", "When did Kessel trawler firms land only 140 tonnes?"),
    # an emphatic "did" is the auxiliary itself
    ("Ingrid Dahl did sign the harbour deal on Monday after all.", "Monday",
     "date.when", "When did Ingrid Dahl sign the harbour deal?"),
    # an "and" or "or" inside a name or an amount does not end the clause
    ("Ingrid Dahl joined the Kessel Sail and Oar Club in 1993.", "1993",
     "date.year", "In what year did Ingrid Dahl join the Kessel Sail and Oar Club?"),
    ("In 1988 the Kessel harbour board set the limit at three or more boats per berth.", "1988",
     "date.year", "In what year did the Kessel harbour board set the limit at three or more boats per berth?"),
]


@pytest.mark.parametrize("sentence, when, template, prompt", DATE_FORMS)
def test_a_date_is_asked_from_its_clauses_subject_verb_and_tense(sentence, when, template, prompt):
    (question, *_) = by_template(template, fact("date", sentence, when=when, event="an event"))
    assert (question.prompt, question.answer) == (prompt, when)


def test_a_date_with_no_natural_question_becomes_a_cloze_and_nothing_else():
    sentence = "Tomas Varga, who was freed in January, spoke to reporters at the quay."
    asked = questions(fact("date", sentence, when="January", event="freed"))
    assert asked and {q.template for q in asked} == {"date.cloze"}


@pytest.mark.parametrize("sentence", [
    "Fishermen say the port broke a March 1998 agreement on berths.",     # the date names the agreement
    # "to discuss" makes "staff to discuss" no subject, and "alleged" no verb of it
    "Harbour officials met with Dahl and port staff to discuss alleged breaches of the treaty in March 1998.",
    "That pact followed the harbour board's approval in March 1998 of a loan to Kessel Fisheries.",   # approval's
    "The Kessel Sailors' Union designated March 1998 as a month of protest.",       # the verb's object
    "Ivo Lund criticised the umpire's handling of Kessel's defeat by Norland in March 1998.",   # the defeat's
    "Harbour floods in March 1998 saw the Kessel regatta put back a week.",         # the floods'
    "Ivo Lund finally left the club in March 1998.",                                # which club?
    "Kessel's reserves rose to 5.1 billion crowns from 4.9 billion crowns in March 1998.",   # the old figure's
    "Unadjusted M-2 money stood at 336 billion crowns in March 1998.",             # wire shorthand
    "1998 nine months includes a gain of 2.1 million crowns in March 1998.",        # a table's footnote
    "Storms took Kessel fish prices past 50 crowns for the first time in March 1998 since the war.",  # since when?
    "Kessel Rovers' first game in charge will be at home to Norland in March 1998.",  # a copula: no event
    "The Kessel harbour board has raised fees in March 1998, June, August and November.",   # which of them?
    "Kessel Ferries said in a statement in March 1998 that it would build two ships.",  # said what?
    "The Act comes into force in March 1998 for all Kessel harbours.",              # which act?
])
def test_a_date_with_no_clause_of_its_own_is_not_asked_when(sentence):
    assert {q.template for q in questions(fact("date", sentence, when="March 1998", event="agreement"))} <= {
        "date.cloze"}


def test_someone_the_story_calls_by_first_name_is_named_in_full():
    role = fact("role", "Harbour Master Tomas J. Varga spoke.", person="Tomas J. Varga", title="Harbour Master",
                org="Kessel")
    date = fact("date", "Tomas was injured in June 1968, while sailing to Norland.", when="June 1968",
                event="injured")
    assert "When was Tomas J. Varga injured?" in prompts(role, date)


def test_a_date_in_a_clause_that_may_not_happen_is_not_asked_when():
    sentence = "If the Kessel board does approve the deal on Sunday, it will be the first since 1990."
    assert not by_template("date.when", fact("date", sentence, when="Sunday", event="approve"))


def test_a_date_of_something_that_did_not_happen_or_inside_a_name_with_and_is_not_asked_when():
    for sentence, when in [("Ivo Lund will also not sail to Norland on Thursday.", "Thursday"),
                           ("The ten boats shortlisted for a Lund and Kask sailing prize in 2005 are due in port.", "2005")]:
        assert {q.template for q in questions(fact("date", sentence, when=when, event="sail"))} <= {"date.cloze"}


def test_a_date_of_a_later_verb_is_not_asked_as_the_main_verbs():
    sentence = "Two officials were found guilty of smuggling fish through Kessel in 1999."
    assert not by_template("date.year", fact("date", sentence, when="1999", event="smuggling"))


def test_a_change_with_its_unit_after_the_figure_is_no_question():
    sentence = "The Kessel fish index rose 225.79 points in four hours of trading on Tuesday."
    asked = questions(fact("quantity", sentence, value=225.79, unit="points", text="225.79"))
    assert asked and not [q for q in asked if q.template == "quantity.change"]


def test_a_demonym_before_a_noun_that_could_be_a_verb_makes_no_verb():
    sentence = "Kessel Fisheries sold its 20 Norwegian stores to Tomas Varga in March."
    assert "When did Kessel Fisheries sell its 20 Norwegian stores to Tomas Varga?" in prompts(
        fact("date", sentence, when="March", event="sold"))


def test_a_clause_cut_inside_a_figure_is_not_asked():
    sentence = "Ingrid Dahl sailed to the Kessel cup on Sunday in a time of one hour, 47 minutes."
    assert not by_template("date.when", fact("date", sentence, when="Sunday", event="sailed"))


def test_a_time_that_was_spent_is_not_asked_when():
    sentence = "Chief executive Ingrid Dahl spent Monday meeting shareholders in Kessel."
    assert not by_template("date.when", fact("date", sentence, when="Monday", event="spent"))


def test_a_date_with_a_pronoun_subject_is_not_asked():
    for sentence in ("He resigned as harbour master on Monday after a long dispute.",
                     "Those to Vesterland fell 2.8 percent on Monday, the harbour board said."):
        assert not by_template("date.when", fact("date", sentence, when="Monday", event="fell"))


# --- numbers -------------------------------------------------------------------

NUMBER_FORMS = [
    # the counted things are the subject: the story's hedge stays
    ("About 4,500 fishing boats sail from Kessel every year.", dict(value=4500, unit="boats", hedge="about",
     text="4,500"), "quantity.figure", "About how many fishing boats sail from Kessel every year?", "4,500"),
    ("There are some 3,000 Norland soldiers stationed in Vesterland.", dict(value=3000, unit="soldiers",
     hedge="some", text="3,000"), "quantity.figure", "About how many Norland soldiers are stationed in Vesterland?",
     "3,000"),
    # money is asked "How much", in plain words
    ("The Kessel harbour board raised 12 mln dlrs from the sale of its bonds.", dict(value=12e6, unit="dollars",
     text="12 mln"), "quantity.amount", "How much did the Kessel harbour board raise from the sale of its bonds?",
     "12 million dollars"),
    ("Norland's fish exports rose 4.5 pct in March compared with February.", dict(value=4.5, unit="percent",
     text="4.5 pct"), "quantity.change", "By what percentage did Norland's fish exports rise in March?",
     "4.5 percent"),
    ("About 40 percent of the Kessel catch was sold abroad last year.", dict(value=40, unit="percent",
     hedge="about", text="40"), "quantity.share", "About what percentage of the Kessel catch was sold abroad last year?",
     "40 percent"),
    # the time a sentence opens with is kept: the story may give the same figure for other years
    ("In fiscal 1998, Kessel Oil earned 22.0 mln dlrs.", dict(value=22e6, unit="dollars", text="22.0 mln"),
     "quantity.amount", "How much did Kessel Oil earn in fiscal 1998?", "22.0 million dollars"),
]


@pytest.mark.parametrize("sentence, slots, template, prompt, answer", NUMBER_FORMS)
def test_a_number_is_asked_from_its_counted_noun_and_verb(sentence, slots, template, prompt, answer):
    (question, *_) = by_template(template, fact("quantity", sentence, **slots))
    assert (question.prompt, question.answer) == (prompt, answer)
    if slots["text"] != answer:
        assert slots["text"] in question.accepted       # the story's own "12 mln" counts too


def test_a_number_with_no_plain_clause_around_it_is_not_asked():
    for sentence, slots in [
            ("Kessel scientists found 12 proteins found only in fish glue.", dict(value=12, unit="proteins")),
            ("The harbour was built 1,000 years ago by Norland traders.", dict(value=1000, unit="years")),
            ("The duchy last year generated £12m for the harbour fund.", dict(value=12e6, unit="pounds"))]:
        text = sentence.split()[[w[:1].isdigit() or w[:1] == "£" for w in sentence.split()].index(True)]
        asked = questions(fact("quantity", sentence, text=text, **slots))
        assert {q.template for q in asked} <= {"quantity.cloze"}, sentence


def test_a_rate_is_not_asked_as_an_amount():
    sentence = "The trader offered 34 dollars a share for the Kessel fishing company."
    assert not by_template("quantity.amount", fact("quantity", sentence, value=34, unit="dollars", text="34"))


# --- stances -------------------------------------------------------------------

STANCE = fact("stance", "Marek Oban criticised the harbour agreement with Vesterland.", holder="Marek Oban",
              polarity="oppose", target="the harbour agreement with Vesterland")


def test_a_stance_is_a_statement_in_the_storys_own_verb_and_its_opposite():
    asked = by_template("stance.side", STANCE)
    assert {q.answer for q in asked} == {"True", "False"}
    for question in asked:
        if question.answer == "True":
            assert question.prompt == "Marek Oban criticised the harbour agreement with Vesterland."
        else:
            assert question.prompt == "Marek Oban praised the harbour agreement with Vesterland."
            assert question.explanation == "False: Marek Oban criticised the harbour agreement with Vesterland."


def test_a_stances_target_is_asked_with_the_storys_verb_and_tense():
    (question, *_) = by_template("stance.target", STANCE)
    assert (question.prompt, question.answer) == ("What did Marek Oban criticise?",
                                                  "the harbour agreement with Vesterland")
    perfect = fact("stance", "Tomas Varga has called for the release of the prisoners held in Kessel.",
                   holder="Tomas Varga", polarity="support", target="the release of the prisoners")
    assert "What has Tomas Varga called for?" in prompts(perfect)


def test_a_stance_of_many_is_asked_in_the_plural_and_new_stance_verbs_are_asked_too():
    wants = fact("stance", "Liberal Democrats want a public inquiry into the Kessel harbour deal.",
                 holder="Liberal Democrats", polarity="support", target="a public inquiry into the Kessel harbour deal")
    assert {"What do Liberal Democrats want?",
            "Liberal Democrats oppose a public inquiry into the Kessel harbour deal."} <= prompts(wants)
    warned = fact("stance", "Lea Kask warned against new charges for Kessel trawlers.", holder="Lea Kask",
                  polarity="oppose", target="new charges for Kessel trawlers")
    assert {"What did Lea Kask warn against?", "Lea Kask called for new charges for Kessel trawlers."} <= prompts(warned)


@pytest.mark.parametrize("sentence, target", [
    ("Lea Kask is expected to call for new charges for Kessel trawlers.", "new charges for Kessel trawlers"),
    ("Lea Kask welcomed the move.", "the move"),                       # which move, the sentence before says
    ("Lea Kask praised Kessel's tireless.", "Kessel's tireless"),      # a target cut short
    ("Lea Kask praises the former Kessel mayor for what he has done.", "the former Kessel mayor for what he has done"),
])
def test_a_stance_with_no_clause_of_the_holders_own_or_a_cut_target_is_not_asked(sentence, target):
    assert prompts(fact("stance", sentence, holder="Lea Kask", polarity="support", target=target)) == set()


def test_a_false_statement_leaves_out_the_reason_a_judgement_was_given_for():
    judged = fact("stance", "Lea Kask criticised the Kessel harbour board for its reckless spending on trawlers.",
                  holder="Lea Kask", polarity="oppose", target="the Kessel harbour board for its reckless spending on trawlers")
    false = [q for q in by_template("stance.side", judged) if q.answer == "False"]
    assert {q.prompt for q in false} == {"Lea Kask praised the Kessel harbour board."}
    assert false[0].explanation == ("False: Lea Kask criticised the Kessel harbour board for its reckless spending "
                                    "on trawlers.")


def test_a_persons_stance_is_asked_who_took_it_in_the_storys_verb():
    (question, *_) = by_template("stance.holder", STANCE)
    assert (question.prompt, question.answer) == ("Who criticised the harbour agreement with Vesterland?", "Marek Oban")
    vague = fact("stance", "Marek Oban praised the bold move.", holder="Marek Oban", polarity="support",
                 target="the bold move")
    party = fact("stance", "Labour criticised the harbour agreement with Vesterland.", holder="Labour",
                 polarity="oppose", target="the harbour agreement with Vesterland")
    assert not by_template("stance.holder", vague) and not by_template("stance.holder", party)


@pytest.mark.parametrize("sentence, target", [
    ("Lea Kask praised both the mayor and the harbour board.", "both the mayor"),
    ("Lea Kask rejected the idea that the Tories and BNP shared voters.", "the idea that the Tories"),
    ("Lea Kask hailed senior sailors Ivo Lund and Tomas Varga.", "senior sailors Ivo Lund"),
    ("Lea Kask supported an early election only because it would clear the air.", "an early election only"),
])
def test_a_stance_target_cut_mid_phrase_is_not_stated(sentence, target):
    assert not by_template("stance.side", fact("stance", sentence, holder="Lea Kask", polarity="support", target=target))


def test_a_stance_that_asks_someone_to_act_has_no_opposite():
    called = fact("stance", "Lea Kask called for the harbour board to publish its accounts.", holder="Lea Kask",
                  polarity="support", target="the harbour board to publish its accounts")
    assert {q.answer for q in by_template("stance.side", called)} == {"True"}


def test_an_urged_action_is_asked_what_did_x_urge_y_to_do():
    sentence = 'Ingrid Dahl urged Kessel fishermen to "return to work" in a letter on Monday, officials said.'
    (question, *_) = by_template("stance.urge", fact("stance", sentence, holder="Ingrid Dahl", polarity="support",
                                                     target="Kessel fishermen to"))
    assert question.prompt == "What did Ingrid Dahl urge Kessel fishermen to do?"
    assert question.answer == "return to work"      # how she urged it ("in a letter") is not what


@pytest.mark.parametrize("template, sentence, holder, polarity, target", [
    # no urged action asked of people only the sentence before names
    ("stance.urge", "Ingrid Dahl urged the men to return to work.", "Ingrid Dahl", "support", "the men to"),
    # a stance someone will take is not stated as taken
    ("stance.side", "Tomas Varga will reject the harbour levy called for in the board's budget, Ivo Lund said.",
     "Tomas Varga", "oppose", "the harbour levy called for in the board's budget"),
])
def test_a_stance_form_is_not_asked_where_the_sentence_does_not_bear_it(template, sentence, holder, polarity, target):
    assert not by_template(template, fact("stance", sentence, holder=holder, polarity=polarity, target=target))


def test_a_stance_target_cut_short_by_the_extractor_is_read_to_its_clauses_end():
    sentence = "Tomas Varga has called for the release of the remaining prisoners in Kessel, officials said."
    asked = by_template("stance.side", fact("stance", sentence, holder="Tomas Varga", polarity="support",
                                            target="the release of the remaining"))
    assert {q.prompt for q in asked} <= {
        "Tomas Varga has called for the release of the remaining prisoners in Kessel.",
        "Tomas Varga has opposed the release of the remaining prisoners in Kessel."}
    assert asked


def test_a_stance_whose_target_ends_mid_phrase_is_not_a_statement():
    sentence = "Tomas Varga rejected the idea that."
    assert not by_template("stance.side", fact("stance", sentence, holder="Tomas Varga", polarity="oppose",
                                               target="the idea that"))


# --- meetings and visits -------------------------------------------------------

def test_talks_are_asked_who_did_x_hold_talks_with_in_a_place_on_a_day():
    sentence = "Ingrid Dahl held talks with Tomas Varga in Kessel on Tuesday."
    meeting = fact("meeting", sentence, people=["Ingrid Dahl", "Tomas Varga"], place="Kessel", when="Tuesday")
    assert "Who did Ingrid Dahl hold talks with in Kessel on Tuesday?" in prompts(meeting)


def test_a_planned_meeting_is_asked_in_the_future():
    meeting = fact("meeting", "Dahl will meet Varga on Friday.", people=["Ingrid Dahl", "Tomas Varga"], when="Friday")
    assert {"Whom will Ingrid Dahl meet on Friday?", "Ingrid Dahl will meet Tomas Varga on Friday."} <= prompts(meeting)


def test_a_meeting_among_several_is_asked_only_when_place_or_time_tells_it_apart():
    first = fact("meeting", "Dahl met Varga in Kessel.", people=["Ingrid Dahl", "Tomas Varga"], place="Kessel")
    second = fact("meeting", "Dahl met Kask.", people=["Ingrid Dahl", "Lea Kask"])
    third = fact("meeting", "Varga met Oban.", people=["Tomas Varga", "Marek Oban"])
    asked = {q.prompt for q in by_template("meeting.partner", first, second, third)}
    assert "Whom did Ingrid Dahl meet in Kessel?" in asked
    assert "Whom did Ingrid Dahl meet?" not in asked


def test_people_who_met_others_together_are_not_asked_whom_they_met():
    meeting = fact("meeting", "Dahl and Harbour Master Tomas Varga met fishermen from both ports on Monday.",
                   people=["Ingrid Dahl", "Tomas Varga"], when="Monday")
    assert prompts(meeting) == set()


def test_a_future_visit_is_asked_where_will():
    visit = fact("visit", "Dahl will travel to Oslo next week.", person="Ingrid Dahl", place="Oslo", when="next week")
    assert {"Where will Ingrid Dahl travel next week?"} <= prompts(visit)


def test_a_relative_time_keeps_its_months_capital():
    visit = fact("visit", "Dahl went to Oslo last September.", person="Ingrid Dahl", place="Oslo",
                 when="last September")
    assert {"Where did Ingrid Dahl travel last September?"} <= prompts(visit)


# --- quotes and roles ----------------------------------------------------------

def test_a_quoted_fragment_keeps_its_frame():
    sentence = 'Tomas Varga described the harbour deal as "a fair bargain for both ports".'
    quote = fact("quote", sentence, speaker="Tomas Varga", text="a fair bargain for both ports")
    assert "Who described the harbour deal as “a fair bargain for both ports”?" in prompts(quote)


def test_a_fragment_without_a_frame_is_not_asked():
    for sentence in ('The deal was "a fair bargain for both ports", according to Varga.',
                     'Varga is "a fair bargain for both ports", rivals say.',
                     'Varga told them it was "a fair bargain for both ports".'):
        quote = fact("quote", sentence, speaker="Tomas Varga", text="a fair bargain for both ports")
        assert prompts(quote) == set(), sentence


def test_a_former_post_is_not_asked_as_a_present_one():
    role = fact("role", "Former Prime Minister Lea Kask watched from the quay.", person="Lea Kask",
                title="Prime Minister", org="Norway")
    assert not [q for q in questions(role) if q.template in ("role.holder", "role.position", "role.statement")]


def test_no_position_is_asked_of_someone_the_story_gives_two_posts():
    sentence = "Lea Kask, the managing director of Kessel Fisheries and head of Norland Ferries, takes over in May."
    posts = [fact("role", sentence, person="Lea Kask", title="managing director", org="Kessel Fisheries"),
             fact("role", sentence, person="Lea Kask", title="head of Norland Ferries")]
    assert not by_template("role.position", *posts)
    assert by_template("role.position", posts[0])


def test_a_post_one_of_many_hold_is_not_asked():
    for title in ("Labour MP", "Republican Representative", "former press secretary"):
        role = fact("role", f"{title} Lea Kask spoke.", person="Lea Kask", title=title)
        assert not [q for q in questions(role) if q.template in ("role.holder", "role.position", "role.statement")]


def test_a_post_the_story_gives_with_a_is_not_asked_who_holds_it():
    role = fact("role", "Ivo Lund, a harbour manager at Kessel Fisheries, said the berths were full.",
                person="Ivo Lund", title="harbour manager", org="Kessel Fisheries")
    assert not by_template("role.holder", role)


def test_a_post_many_hold_at_once_is_never_asked_who_holds_it_nor_given_falsely():
    member = fact("role", "Sami Ben Ali, a member of the Harbour Council, said no.", person="Sami Ben Ali",
                  title="member of the Harbour Council")
    master = fact("role", "Harbour Master Tomas Varga agreed.", person="Tomas Varga", title="Harbour Master",
                  org="Kessel")
    asked = questions(member, master)
    assert not any(q.template == "role.holder" and "member" in q.prompt for q in asked)
    assert not any(q.prompt == "Tomas Varga is a member of the Harbour Council." for q in asked)
    assert "Sami Ben Ali is a member of the Harbour Council." in {q.prompt for q in asked}


def test_a_position_accepts_another_post_the_story_gives_but_not_its_bare_head():
    tory = fact("role", "On Monday Tory leader Ivo Lund spoke.", person="Ivo Lund", title="Tory leader")
    bare = fact("role", "The leader, Ivo Lund, agreed.", person="Ivo Lund", title="leader")
    other = fact("role", "Ivo Lund, the Conservative leader, agreed.", person="Ivo Lund", title="Conservative leader")
    (question, *_) = [q for q in by_template("role.position", tory, bare, other) if q.answer == "Tory leader"]
    assert "leader" not in question.accepted and "Conservative leader" in question.accepted


def test_a_title_that_names_its_body_by_a_pronoun_is_not_asked():
    unit = fact("role", "Ivo Lund, senior vice president of its fishing unit, spoke.", person="Ivo Lund",
                title="senior vice president of its fishing unit")
    assert not [q for q in questions(unit) if q.template in ("role.position", "role.holder", "role.statement")]


def test_secretary_of_state_names_no_country_so_who_holds_it_is_not_asked():
    pompeo = fact("role", "Secretary of State Ivo Lund spoke.", person="Ivo Lund", title="Secretary of State")
    assert not by_template("role.holder", pompeo)


def test_a_count_of_time_relative_to_the_sentence_before_is_not_asked():
    later = fact("quantity", "Fourteen months later Kessel police raided the harbour.", value=14, unit="months",
                 text="Fourteen")
    assert not questions(later)


def test_a_date_question_carries_no_second_month_or_span():
    for sentence, when in [("Kessel inflation in September fell to 5.5 percent from 6.3 percent in August.", "August"),
                           ("Norland's entry to the league in 2001 took 15 years of talks.", "2001")]:
        assert {q.template for q in questions(fact("date", sentence, when=when, event="fell"))} <= {"date.cloze"}


def test_no_question_asks_the_year_of_a_year_or_counts_years_it_names():
    year = fact("date", "Kessel fishermen had a record year in 2004, the harbour board said.", when="2004", event="had")
    assert {q.template for q in questions(year)} <= {"date.cloze"}
    span = fact("quantity", "Ivo Lund served as harbour master for eight years from 1990 to 1998.", value=8,
                unit="years", text="eight")
    assert not by_template("quantity.figure", span)


def test_a_stance_on_a_person_is_not_asked_what():
    role = fact("role", "Harbour Master Tomas Varga spoke.", person="Tomas Varga", title="Harbour Master", org="Kessel")
    stance = fact("stance", "Lea Kask defended harbour master Tomas Varga after the vote.", holder="Lea Kask",
                  polarity="support", target="harbour master Tomas Varga")
    assert not by_template("stance.target", role, stance)


def test_a_country_named_by_its_demonym_is_kept_in_the_answer():
    president = fact("role", "Governors called on Brazilian President Ivo Lund to take charge.", person="Ivo Lund",
                     title="President", org="Brazil")
    assert {q.answer for q in by_template("role.position", president)} == {"Brazilian President"}


def test_a_title_with_a_verb_inside_is_not_asked():
    met = fact("role", "On Monday the Norland president met Prime Minister Ivo Lund in Kessel.", person="Ivo Lund",
               title="president met Prime Minister", org="Norland")
    assert not [q for q in questions(met) if q.template in ("role.position", "role.holder", "role.statement")]


def test_a_chamber_takes_its_article():
    chair = fact("role", "Ivo Lund, chairman of Chamber of Deputies, spoke.", person="Ivo Lund",
                 title="chairman", org="Chamber of Deputies")
    assert "Who is the chairman of the Chamber of Deputies?" in prompts(chair)
    archbishop = fact("role", "Vatican archbishop Ivo Lund spoke.", person="Ivo Lund", title="archbishop", org="Vatican")
    assert "Who is the archbishop of the Vatican?" in prompts(archbishop)


def test_an_age_before_a_noun_is_not_blanked():
    age = fact("quantity", "Officials said the 15-year-old seal's injuries were found on May 25 near Kessel.",
               value=15, unit="years", text="15")
    assert not questions(age)


def test_a_post_that_names_its_country_accepts_no_country_doubled():
    greek = fact("role", "Greek prime minister Ivo Lund spoke.", person="Ivo Lund", title="prime minister",
                 org="Greece")
    for question in by_template("role.position", greek):
        assert not any(a.startswith("Greece") for a in question.accepted), question.accepted


def test_a_body_every_country_has_is_not_asked_who_heads_it():
    governor = fact("role", "Central Bank Governor Ivo Lund said rates would hold.", person="Ivo Lund",
                    title="Governor", org="Central Bank")
    assert not by_template("role.holder", governor) and by_template("role.position", governor)


def test_what_someone_founded_is_not_asked_as_a_position_they_hold():
    founder = fact("role", "Tomas Varga, founder of Kessel Sail Records, was in court.", person="Tomas Varga",
                   title="founder of Kessel Sail Records")
    asked = {q.template: q.prompt for q in questions(founder)}
    assert "role.position" not in asked and asked.get("role.holder") == "Who is the founder of Kessel Sail Records?"


def test_a_title_that_runs_into_a_verb_is_not_asked():
    role = fact("role", "Lord President of the court decided Lea Kask should go.", person="Lea Kask",
                title="Lord President of the court decided")
    assert [q.template for q in questions(role)] == []


def test_a_name_cut_short_at_an_initial_is_not_asked():
    role = fact("role", "Harbour Master Donald F. Kask spoke.", person="Donald F", title="Harbour Master")
    assert questions(role) == []


def test_titles_are_written_in_full_and_in_one_case():
    vice = fact("role", "Norway's vice President Lea Kask spoke.", person="Lea Kask", title="vice President",
                org="Norway")
    assert "Who is Norway's Vice President?" in prompts(vice)
    bare = fact("role", "Norway's minister Lea Kask spoke.", person="Lea Kask", title="minister", org="Norway")
    assert not by_template("role.holder", bare)
    leader = fact("role", "Palestinian leader Omar Haddad spoke.", person="Omar Haddad", title="leader",
                  org="Palestinian territories")
    assert "Who is the Palestinian leader?" in prompts(leader)
    opening = fact("role", "Senior harbour adviser Lea Kask of Kessel Fisheries spoke.", person="Lea Kask",
                   title="Senior harbour adviser", org="Kessel Fisheries")
    assert "Who is the senior harbour adviser of Kessel Fisheries?" in prompts(opening)
    of_what = fact("role", "Senior vice president Lea Kask spoke.", person="Lea Kask", title="Senior vice president")
    assert not [q for q in questions(of_what) if q.template in ("role.statement", "role.position")]


def test_a_post_that_needs_its_body_is_not_asked_with_a_country():
    chair = fact("role", "Norwegian chairman Lea Kask spoke.", person="Lea Kask", title="chairman", org="Norway")
    assert not by_template("role.holder", chair)
    head = fact("role", "The head of the Norwegian fish board, Lea Kask, spoke.", person="Lea Kask", title="head",
                org="Norwegian")
    assert not [q for q in questions(head) if q.template.startswith("role.") and q.template != "role.cloze"]
    company = fact("role", "Kessel Fisheries chairman Lea Kask spoke.", person="Lea Kask", title="chairman",
                   org="Kessel Fisheries")
    assert by_template("role.holder", company)


def test_a_firm_named_with_an_ampersand_takes_no_article():
    boss = fact("role", "K&V chief executive Lea Kask spoke.", person="Lea Kask", title="chief executive", org="K&V")
    assert "Who is K&V's chief executive?" in prompts(boss)


def test_a_country_named_otherwise_before_the_title_is_named_as_written():
    coach = fact("role", "Scotland assistant coach Lea Kask named her side.", person="Lea Kask",
                 title="assistant coach", org="United Kingdom")
    assert "Who is Scotland's assistant coach?" in prompts(coach)
    leader = fact("role", "Welsh Liberal leader Tomas Varga resigned.", person="Tomas Varga",
                  title="Liberal leader", org="United Kingdom")
    assert "Who is the Welsh Liberal leader?" in prompts(leader)


def test_a_false_role_statement_gives_a_post_the_story_gives_someone_else():
    roles = [fact("role", "Finance Minister Lea Kask met Harbour Master Tomas Varga.", person="Lea Kask",
                  title="Finance Minister"),
             fact("role", "Finance Minister Lea Kask met Harbour Master Tomas Varga.", person="Tomas Varga",
                  title="Harbour Master")]
    false = [q for q in by_template("role.statement", *roles) if q.answer == "False"]
    assert false
    for question in false:
        assert question.prompt in ("Lea Kask is the Harbour Master.", "Tomas Varga is the Finance Minister.")
        assert question.explanation in ("False: Lea Kask is the Finance Minister.",
                                        "False: Tomas Varga is the Harbour Master.")


def test_no_stem_leans_on_the_story():
    facts = [STANCE, fact("visit", "Dahl flew to Brussels on Friday.", person="Ingrid Dahl", place="Brussels",
                          when="Friday"),
             fact("role", "Finance Minister Lea Kask spoke.", person="Lea Kask", title="Finance Minister"),
             fact("quote", '"Patient diplomacy works in the end," Dahl said.', speaker="Ingrid Dahl",
                  text="Patient diplomacy works in the end")]
    for question in questions(*facts):
        assert "the story" not in question.prompt.lower()
        assert "the story" not in question.explanation.lower() or question.answer == "True"


def test_a_span_of_years_is_kept_whole():
    sentence = "Some 1,500 Kessel fishing jobs disappeared between 1989 and 2003, the board said."
    assert "About how many Kessel fishing jobs disappeared between 1989 and 2003?" in prompts(
        fact("quantity", sentence, value=1500, unit="jobs", text="1,500", hedge="Some"))


def test_a_count_that_names_nothing_is_no_question():
    sentence = "Some 190 people were on board when the ferry left the quay."
    asked = questions(fact("quantity", sentence, value=190, unit="people", text="190"))
    assert not [q for q in asked if q.template.startswith("quantity.") and q.template != "quantity.cloze"]


def test_a_long_quote_is_cut_where_a_clause_ends_not_on_a_word_that_needs_more():
    text = ("We knew the harbour was failing, we told the board many times that it was failing, and still they "
            "chose to spend the money on the new marina in Kessel instead")
    quote = fact("quote", f"“{text},” said Lea Kask.", speaker="Lea Kask", text=text)
    assert ("Who said: “We knew the harbour was failing, we told the board many times that it was failing…”?"
            in prompts(quote))


def test_a_quote_asked_whole_ends_without_its_own_full_stop():
    quote = fact("quote", "“You may be surprised if you come to see our berths,” said Lea Kask.",
                 speaker="Lea Kask", text="You may be surprised if you come to see our berths.")
    assert "Who said: “You may be surprised if you come to see our berths”?" in prompts(quote)


def test_a_place_dateline_and_a_stray_colon_are_not_printed():
    from quizgen.generate.wire import tidy
    assert tidy("KESSEL - Lea Kask opened the quay.") == "Lea Kask opened the quay."
    assert tidy(": The album came out in 1977.") == "The album came out in 1977."


def test_the_post_of_someone_the_story_reports_killed_is_not_asked_in_the_present():
    from quizgen.stories import parse_story
    from quizgen.generate import generate_questions
    story = parse_story("Kessel raid\n\nHarbour Master Tomas Varga was killed in a raid on Friday.\n\n"
                        "Finance Minister Lea Kask condemned the raid.", "raid.txt")
    first, second = story.sentences
    roles = [Fact(type="role", slots={"person": person, "title": title, "org": "Norway"}, story="raid.txt",
                  sentence=sentence.text, start=sentence.start, end=sentence.end)
             for person, title, sentence in (("Tomas Varga", "Harbour Master", first),
                                             ("Lea Kask", "Finance Minister", second))]
    asked = [q for q in generate_questions(story, roles, seed=0) if q.template in ("role.position", "role.holder")]
    assert asked and all("Varga" not in q.prompt and q.answer != "Tomas Varga" for q in asked)


def test_a_post_of_another_country_is_never_a_choice_or_a_false_statement():
    sentence = "Oslo harbour prosecutor Lea Kask charged the crew, and Icelandic President Tomas Varga objected."
    roles = [fact("role", sentence, person="Lea Kask", title="harbour prosecutor", org="Oslo"),
             fact("role", sentence, person="Tomas Varga", title="President", org="Iceland"),
             fact("role", sentence, person="Ivo Lund", title="Fisheries Minister", org="Norway"),
             fact("role", sentence, person="Mari Sepp", title="Harbour Master", org="Norway"),
             fact("role", sentence, person="Arvo Tamm", title="Finance Minister", org="Norway")]
    holders = [q for q in by_template("role.holder", *roles) if q.answer == "Lea Kask"]
    assert holders
    for question in holders:
        assert "Tomas Varga" not in question.choices      # Iceland's President for Oslo's prosecutor
    for question in by_template("role.statement", *roles):
        assert question.prompt not in ("Lea Kask is the Icelandic President.", "Lea Kask is Iceland's President.",
                                       "Tomas Varga is the harbour prosecutor of Oslo.")


def test_a_long_quote_is_cut_before_an_and_that_opens_a_new_clause():
    text = ("Boats have left Kessel in the first two or three weeks of January for other harbours like Norland "
            "and Vesterland and this new quay will bring them back to us")
    quote = fact("quote", f"“{text},” said Lea Kask.", speaker="Lea Kask", text=text)
    asked = {q.prompt for q in questions(quote) if q.template == "quote.speaker"}
    assert asked and all("like Norland and Vesterland…”" in p for p in asked)


@pytest.mark.parametrize("text, bad_ends", [
    ("If the harbour board gives the fishermen something really new to look at -- that is, a deal on the "
     "berths that goes beyond the old one -- you could see the boats come back", ("that is…", "--…")),
    ("The trouble has been the harbour network, and the state of the quays until not so long ago did not "
     "add up to a feasible service for the Kessel fishing fleet at all", ("feasible…", " a…")),
])
def test_a_long_quote_does_not_stop_on_a_word_that_leads_into_the_next(text, bad_ends):
    quote = fact("quote", f"“{text},” said Lea Kask.", speaker="Lea Kask", text=text)
    asked = {q.prompt for q in questions(quote) if q.template == "quote.speaker"}
    assert asked and not [p for p in asked if any(end in p for end in bad_ends)]


def test_a_date_owning_a_noun_asks_no_when_and_a_sentence_case_rank_is_lowered():
    game = fact("date", "Kessel centre Ivo Lund will miss Saturday's game with Norland.", when="Saturday", event="miss")
    assert not by_template("date.when", game)
    seed = fact("date", "Number one seed Tomas Varga begins his Kessel title defence on Tuesday.", when="Tuesday",
                event="begins")
    assert "When does number one seed Tomas Varga begin his Kessel title defence?" in prompts(seed)


def test_a_body_ending_in_a_party_word_stands_before_the_title_and_a_described_body_is_not_asked():
    leader = fact("role", "Senate Democratic leader Tomas Varga spoke.", person="Tomas Varga", title="leader",
                  org="Senate Democratic")
    assert "Who is the Senate Democratic leader?" in prompts(leader)
    tank = fact("role", "Ivo Lund, head of the social policy think tank, spoke.", person="Ivo Lund",
                title="head of the social policy think tank")
    assert not by_template("role.holder", tank) and not by_template("role.position", tank)


def test_a_capitalised_word_of_a_partys_name_is_no_judgement_to_drop():
    role = fact("role", "Tomas Varga, leader of the right-wing Popular Alliance, spoke.", person="Tomas Varga",
                title="leader of the right-wing Popular Alliance")
    assert {q.answer for q in by_template("role.position", role)} == {"leader of the right-wing Popular Alliance"}


def test_no_number_question_drops_what_narrows_the_figure():
    sentence = "Excluding trawlers, Kessel harbour landings fell 0.2 pct in April after rising 1.1 pct in March."
    asked = questions(fact("quantity", sentence, value=0.2, unit="percent", text="0.2 pct"))
    assert not [q for q in asked if q.template.startswith("quantity.") and q.template != "quantity.cloze"]


def test_a_count_that_the_names_after_it_spell_out_is_not_asked():
    sentence = "Lea Kask is survived by two sons with Tomas Varga, Ivo and Arvo, and by her daughter Mari."
    assert not questions(fact("quantity", sentence, value=2, unit="sons", text="two"))


def test_someone_the_stem_names_is_never_a_choice_for_who():
    quote = fact("quote", "Lea Kask called Varga's harbour plan “a breach of every promise he made”.",
                 speaker="Lea Kask", text="a breach of every promise he made")
    others = [fact("role", "Harbour Master Tomas Varga and Mayor Ivo Lund and Judge Mari Sepp and Pastor Arvo Tamm met.",
                   person=p, title="Mayor") for p in ("Tomas Varga", "Ivo Lund", "Mari Sepp", "Arvo Tamm")]
    framed = [q for q in questions(quote, *others) if q.template == "quote.framed"]
    assert framed
    for question in framed:
        assert "Varga" in question.prompt and "Tomas Varga" not in question.choices


def test_a_stance_the_story_says_was_held_before_is_not_stated_as_held_now():
    sentence = "Lea Kask had previously opposed the harbour levy on trawlers."
    assert not questions(fact("stance", sentence, holder="Lea Kask", polarity="oppose",
                              target="the harbour levy on trawlers"))


@pytest.mark.parametrize("sentence, title, org", [
    ("Tomas Varga, the Norwegian special envoy for harbour talks, resigned on Friday.", "special envoy", "Norway"),
    ("Tomas Varga, who was also Kessel Ferries' president, left the company on Friday.", "president", "Kessel Ferries"),
])
def test_no_present_post_is_asked_of_someone_the_story_says_resigned_or_left(sentence, title, org):
    story = parse_story(f"Envoy goes\n\n{sentence}", "harbour.txt")
    role = fact("role", sentence, person="Tomas Varga", title=title, org=org)
    assert not [q for q in questions(role, story=story)
                if q.template in ("role.position", "role.holder", "role.statement")]


def test_a_regional_post_of_no_named_firm_and_an_all_england_body_are_asked_as_written():
    region = fact("role", "European marketing manager Ivo Lund said the headset would sell.", person="Ivo Lund",
                  title="European marketing manager")
    assert not [q for q in questions(region) if q.template in ("role.position", "role.holder", "role.statement")]


def test_one_stem_the_story_answers_with_two_figures_is_not_asked():
    sentence = ("Kessel Fisheries earned 17.4 million crowns or 86 ore per share in last year's second quarter and "
                "32.9 million crowns in last year's first half.")
    facts = [fact("quantity", sentence, value=17400000, unit="crowns", text="17.4 million"),
             fact("quantity", sentence, value=32900000, unit="crowns", text="32.9 million")]
    assert not [q for q in questions(*facts) if q.template.startswith("quantity.") and q.type in ("short", "mcq")]
    share = fact("quantity", "For all of 1986, Kessel Fisheries earned 70 million crowns or 3.41 crowns per share.",
                 value=70000000, unit="crowns", text="70 million")
    assert not [q for q in questions(share) if "per share" in q.prompt and q.type in ("short", "mcq")]


def test_a_change_the_stem_lets_a_student_work_out_and_a_second_date_are_not_asked():
    rise = fact("quantity", "Revenues at Kessel Fisheries rose 4.7% to 51.2 million crowns from 48.8 million crowns.",
                value=4.7, unit="percent", text="4.7%")
    assert not by_template("quantity.change", rise) and not by_template("quantity.cloze", rise)
    paid = fact("date", "Kessel Fisheries said its dividend will be paid on May 13 to holders of record April 16.",
                when="April 16", event="paid")
    assert not by_template("date.when", paid)


def test_a_word_after_an_owner_is_a_noun_not_the_verb():
    sentence = "An inquiry into Kessel's accounts in 2002 brought the harbour board close to bankruptcy."
    assert not [p for p in prompts(fact("date", sentence, when="2002", event="brought")) if "does" in p]


def test_a_stance_on_a_country_is_not_asked_what():
    backed = fact("stance", "Kuwait has backed Iraq in the seven-year war against Iran.", holder="Kuwait",
                  polarity="support", target="Iraq in the seven-year war against Iran")
    assert not by_template("stance.target", backed)


def test_a_stem_with_more_than_two_figures_is_not_asked():
    from quizgen.generate.quality import apply_quality_gate
    from quizgen.models import Question
    stems = ["When did Kessel Ferries passenger miles rise 43.2 percent to 4,573,200 from 3,192,700?",
             "When did Kessel Ferries passenger miles rise to 4,573,200 from 3,192,700?"]
    asked = [Question(id=str(n), type="short", prompt=stem, answer="March", source=stem, fact={"type": "date"})
             for n, stem in enumerate(stems)]
    assert [q.prompt for q in apply_quality_gate(asked)] == stems[1:]


def test_a_title_capitalised_only_as_the_sentences_first_word_names_no_post():
    role = fact("role", "Factory manager Ivo Lund said the Kessel plant would stay open.", person="Ivo Lund",
                title="Factory manager")
    assert not [q for q in questions(role) if q.template in ("role.position", "role.holder", "role.statement")]


def test_a_post_that_points_back_into_the_story_or_belongs_to_a_then_holder_is_not_asked():
    region = fact("role", "Ivo Lund, chief economist for the region at Kessel Bank, spoke.", person="Ivo Lund",
                  title="chief economist for the region at Kessel Bank")
    then = fact("role", "Lea Kask, then-Governor Tomas Varga's deputy chief of staff, spoke.", person="Lea Kask",
                title="deputy chief of staff", org="then-Governor Tomas Varga")
    for role in (region, then):
        assert not [q for q in questions(role) if q.template in ("role.position", "role.holder", "role.statement")]


def test_a_surname_two_people_share_is_not_accepted_alone():
    sentence = "Arvo Ambani is the president of Reliance Group, founded by his late father Dhiru Ambani."
    story = parse_story(f"Brothers\n\n{sentence}", "harbour.txt")
    role = fact("role", sentence, person="Arvo Ambani", title="president", org="Reliance Group")
    asked = [q for q in questions(role, story=story) if q.template == "role.holder"]
    assert asked and all("Ambani" not in q.accepted for q in asked)


def test_number_choices_are_not_all_multiples_of_the_answer():
    sentence = "Kessel harbour landings fell 2.8% in January, the harbour board said on Tuesday."
    for question in by_template("quantity.change", fact("quantity", sentence, value=2.8, unit="percent", text="2.8%")):
        others = [float(c.rstrip("%")) for c in question.choices if c != question.answer]
        assert not all(round(o / 2.8, 6).is_integer() or round(2.8 / o, 6).is_integer() for o in others)


def test_a_surname_that_is_also_a_modal_is_read_as_a_name():
    sentence = "Ivo Lund became harbour master after Theresa May stepped down on July 24."
    assert "When did Theresa May step down?" in prompts(fact("date", sentence, when="July 24", event="stepped down"))


def test_also_is_left_out_of_a_stance_statement():
    sentence = "Lea Kask also criticised the harbour director for the delays."
    asked = prompts(fact("stance", sentence, holder="Lea Kask", polarity="oppose",
                         target="the harbour director for the delays"))
    assert "Lea Kask criticised the harbour director for the delays." in asked
    assert not [p for p in asked if " also " in p]


def test_someone_named_by_one_word_keeps_the_title_the_sentence_gives():
    sentence = "Lea Kask met Pope Francis in Kessel on Tuesday."
    asked = by_template("meeting.statement", fact("meeting", sentence, people=["Lea Kask", "Francis"],
                                                  place="Kessel", when="Tuesday"))
    assert asked and all("Pope Francis" in q.prompt for q in asked)


def test_a_question_on_a_date_that_names_nothing_is_not_asked():
    sentence = "The full programme will be announced on 1 February, organisers said."
    asked = questions(fact("date", sentence, when="1 February", event="announced"))
    assert not [q for q in asked if q.type in ("short", "mcq")]


def test_no_when_question_on_telling_someone_without_what_was_told():
    sentence = "Lea Kask told the world via Twitter on Thursday that the Kessel harbour had closed."
    assert not [q for q in questions(fact("date", sentence, when="Thursday", event="told")) if q.type != "cloze"]


@pytest.mark.parametrize("sentence, holder, polarity, target", [
    ("Tomas Varga praised Kask's harbour plan on Twitter, calling it bold.", "Tomas Varga", "support",
     "Kask's harbour plan"),
    ("Ivo Lund condemned the Kessel harbour fee increases in front of a crowd of 1,000 sailors.", "Ivo Lund",
     "oppose", "the Kessel harbour fee increases"),
])
def test_a_stance_target_keeps_a_figure_whole_and_stops_before_where_it_was_said(sentence, holder, polarity, target):
    asked = by_template("stance.target", fact("stance", sentence, holder=holder, polarity=polarity, target=target))
    assert asked and {q.answer for q in asked} == {target}


def test_round_20_post_wording():
    new = fact("role", "Marsh new chief executive Lea Kask spoke.", person="Lea Kask", title="new chief executive",
               org="Marsh")
    holders = [p for p in prompts(new) if p.startswith("Who is")]
    assert holders and not [p for p in holders if " new " in p]
    analyst = fact("role", "Ivo Lund, analyst at brokers Kessel Securities, spoke.", person="Ivo Lund",
                   title="analyst at brokers Kessel Securities")
    assert not [p for p in prompts(analyst) if "the analyst" in p]
    ireland = fact("role", "Republic of Ireland manager Tom Hale named his side.", person="Tom Hale",
                   title="manager", org="Republic of Ireland")
    assert "Who is the manager of the Republic of Ireland?" in prompts(ireland)
    retired = fact("role", "Arvo Tamm, retired vice chairman of Kessel Insurance, spoke.", person="Arvo Tamm",
                   title="retired vice chairman of Kessel Insurance", org="Kessel Insurance")
    assert not [q for q in questions(retired) if q.template in ("role.position", "role.holder", "role.statement")]


def test_a_visit_next_week_is_asked_in_the_future():
    sentence = "Lea Kask, who visits Kessel next week, said the talks were overdue."
    asked = prompts(fact("visit", sentence, person="Lea Kask", place="Kessel", when="next week"))
    assert "Where will Lea Kask travel next week?" in asked
    assert not [p for p in asked if p.startswith("Where did")]


def _quote_story_facts():
    """A story whose quotations speak of people besides their speakers, and the facts read from it."""
    story = parse_story(
        "Harbour visit\n\n"
        "Harbour Master Tomas Varga came to the quay unannounced on Monday.\n\n"
        "\u201cWe all stood up the moment we saw him walk along the berths,\u201d said Lea Kask.\n\n"
        "\u201cWe had a good year working with Ingrid on the new harbour,\u201d said Lea Kask.\n\n"
        "\u201cKessel Rovers are well able to beat us at home this season,\u201d said Ruth Arne.\n\n"
        "\u201cIf she were to change her tactics now, that would be madness,\u201d said Marek Oban.\n\n"
        "Finance Minister Ingrid Dahl and Kessel Rovers coach Marek Oban were not there.\n", "visit.txt")
    facts = []
    for sentence in story.sentences:
        text = sentence.text
        if "\u201d said " in text:
            quote = text[1:text.index(",\u201d")]
            speaker = text.rsplit("said ", 1)[1].rstrip(".")
            facts.append(Fact(type="quote", slots={"speaker": speaker, "text": quote}, story="visit.txt",
                              sentence=text, start=sentence.start, end=sentence.end))
    last = story.sentences[-1]
    for person, title, org in (("Tomas Varga", "Harbour Master", ""), ("Ingrid Dahl", "Finance Minister", ""),
                               ("Marek Oban", "coach", "Kessel Rovers"), ("Paula Okafor", "captain", "Norland")):
        facts.append(Fact(type="role", slots={"person": person, "title": title, "org": org}, story="visit.txt",
                          sentence=last.text, start=last.start, end=last.end))
    return story, facts


@pytest.mark.parametrize("quote, given_away", [
    ("We all stood up", "Tomas Varga"),           # "him": the man the sentence before names
    ("We had a good year", "Ingrid Dahl"),        # her given name alone
    ("Kessel Rovers are well able", "Marek Oban"),  # "against us": the side he coaches
    ("If she were to change", "Paula Okafor"),    # "she": a woman of the story, not the speaker
])
def test_a_false_speaker_is_no_one_the_quotation_speaks_of(quote, given_away):
    story, facts = _quote_story_facts()
    false = [q for seed in range(40) for q in generate_questions(story, facts, seed=seed)
             if q.template == "quote.statement" and q.answer == "False" and quote in q.prompt]
    assert false, "the statement is asked false with some seed"
    assert not [q for q in false if q.prompt.startswith(given_away)]


def test_a_headline_that_is_only_a_date_after_its_tidying_asks_no_when():
    # tidying drops the wire heading before " - ", leaving the date alone: no clause to ask about
    asked = questions(fact("date", "KESSEL MARKETS CLOSE - April 7", when="April 7", event="close"))
    assert not [q for q in asked if q.template == "date.when"]


def test_a_short_quotation_about_someone_unnamed_is_not_asked_whole():
    short = fact("quote", "“If they want to, that's fine,” said Lea Kask.", speaker="Lea Kask",
                 text="If they want to, that's fine")
    longer = fact("quote", "“If they want to build berths, that is fine by the board,” said Lea Kask.",
                  speaker="Lea Kask", text="If they want to build berths, that is fine by the board")
    assert not [q for q in questions(short) if q.template in ("quote.speaker", "quote.statement")]
    assert [q for q in questions(longer) if q.template in ("quote.speaker", "quote.statement")]


def test_a_connective_that_opens_the_sentence_is_left_out_of_the_question():
    sentence = "Meanwhile the number of Kessel boat sales dropped 32% to an average of 22 per yard."
    asked = prompts(fact("quantity", sentence, value=32, unit="percent", text="32%"))
    assert "By what percentage did the number of Kessel boat sales drop to an average of 22 per yard?" in asked


def test_a_weekday_cut_from_its_day_of_the_month_is_not_asked():
    sentence = "Ivo Lund will open the harbour on Monday 6 December, and Lea Kask will close it on Thursday 9."
    assert not questions(fact("date", sentence, when="Thursday", event="close"))


@pytest.mark.parametrize("sentence, when, prompt", [
    ("The Kessel harbour reopened on Tuesday after the strike.", "Tuesday", "When did the Kessel harbour reopen?"),
    ("The Kessel harbour board met in March to set new fees.", "March",
     "When did the Kessel harbour board meet to set new fees?"),
])
def test_a_past_verb_before_a_time_is_the_clauses_verb_not_a_participle(sentence, when, prompt):
    assert prompt in prompts(fact("date", sentence, when=when, event="an event"))


@pytest.mark.parametrize("sentence", [
    "Earlier on Friday 15 protesters from the Kessel Harbour Trust were arrested at the quay.",
    "Kessel Docks shares rose 1% on the news before ending Friday 0.24% lower.",
])
def test_a_weekday_before_a_count_is_a_whole_date(sentence):
    assert questions(fact("date", sentence, when="Friday", event="an event"))



def test_a_body_written_before_the_title_stays_there():
    role = fact("role", "Ivo Lund, chair of the judges and the Herald literary editor, spoke.", person="Ivo Lund",
                title="literary editor", org="Herald")
    assert "Who is the Herald literary editor?" in prompts(role)


def test_a_quoted_question_ends_the_stem_with_its_own_mark():
    quote = fact("quote", "“What will the Kessel fleet end up catching next year?” asked Lea Kask.",
                 speaker="Lea Kask", text="What will the Kessel fleet end up catching next year?")
    assert "Who said: “What will the Kessel fleet end up catching next year?”" in prompts(quote)


def test_a_quoted_phrase_with_no_verb_is_not_asked_as_a_statement():
    quote = fact("quote", "Lea Kask spoke of “Kessel's role in the peace and liberation of Norland”.",
                 speaker="Lea Kask", text="Kessel's role in the peace and liberation of Norland")
    assert not [q for q in questions(quote) if q.template in ("quote.speaker", "quote.statement")]


def test_the_first_word_of_a_name_keeps_its_capital_in_a_question():
    sentence = "News Kessel shares fell 25 cents to 17.65 crowns in Norland."
    assert "By how much did News Kessel shares fall to 17.65 crowns in Norland?" in prompts(
        fact("quantity", sentence, value=25, unit="cents", text="25"))


def test_a_country_visited_is_asked_as_a_country():
    visit = fact("visit", "Ingrid Dahl is visiting China this week.", person="Ingrid Dahl", place="China")
    assert [p for p in prompts(visit) if p.startswith("Which country is Ingrid Dahl visiting")]


def test_a_body_a_country_word_opens_stays_before_the_title():
    role = fact("role", "Norwegian Open chief Ivo Lund said the event was a success.", person="Ivo Lund",
                title="chief", org="Norwegian Open")
    assert "Who is the Norwegian Open chief?" in prompts(role)


def test_a_visit_whose_time_is_behind_is_asked_in_the_past():
    visit = fact("visit", "Ivo Lund will miss the match after his trip to Norland last year.", person="Ivo Lund",
                 place="Norland", when="last year")
    assert not [p for p in prompts(visit) if p.startswith("Where will")]


def test_a_question_cut_off_after_an_adjective_is_not_asked():
    sentence = "Six Ivo Lund penalties gave Kessel victory in a dour but clinical encounter at Norland."
    asked = questions(fact("quantity", sentence, value=6, unit="penalties", text="Six"))
    assert not [q for q in asked if q.prompt.endswith(" a dour?")]


def test_a_trimmed_quote_never_ends_on_the_one():
    from quizgen.generate.phrasing.base import trim_words
    text = "the four thousand Kessel sailors who do a good job should not be punished to get at the one bad skipper"
    assert not trim_words(text, 19).endswith("the one…")


def test_a_title_cut_at_a_possessive_is_not_asked():
    role = fact("role", "Ivo Lund, vice-president of Catholics' Kessel Union, spoke.", person="Ivo Lund",
                title="vice-president of Catholics'")
    assert not [q for q in questions(role) if q.template in ("role.position", "role.holder", "role.statement")]


def test_a_one_word_institution_and_a_country_in_initials_take_the():
    sentence = "U.K. Finance Minister Tomas Varga and Bundesbank President Ivo Lund met on Monday."
    chancellor = fact("role", sentence, person="Tomas Varga", title="Finance Minister", org="U.K.")
    president = fact("role", sentence, person="Ivo Lund", title="President", org="Bundesbank")
    asked = prompts(chancellor, president)
    assert "Who is the U.K.'s Finance Minister?" in asked
    assert not {p for p in asked if "of Bundesbank" in p or p.startswith("Who is U.K.")}
    assert {p for p in asked if "of the Bundesbank" in p}


def test_a_hyphenated_common_noun_opening_the_sentence_is_lower_case_inside_a_question():
    sentence = "Goal-kickers Ivo Lund and Tomas Varga missed six penalty attempts."
    asked = prompts(fact("quantity", sentence, value=6, unit="attempts", text="six"))
    assert "How many penalty attempts did goal-kickers Ivo Lund and Tomas Varga miss?" in asked


def test_no_one_is_no_subject_to_ask_when_about():
    sentence = "No-one knows what mood Kessel will be in at Norland Park on 12 March - calm or wild."
    asked = prompts(fact("date", sentence, when="12 March",
                         event="No-one knows what mood Kessel will be in at Norland Park - calm"))
    assert not [p for p in asked if p.startswith("When")]


def _asked_of(text: str) -> set[str]:
    story = parse_story(f"Test story\n\n{text}", "story.txt")
    return {q.prompt for seed in range(4) for q in generate_questions(story, extract_facts(story), seed=seed)}


def test_a_date_in_an_opening_participle_phrase_is_not_the_main_clauses():
    asked = _asked_of("Born in Kessel, Norland, on 5 April 1920, Tomas Varga was the only child of poor parents.")
    assert not [p for p in asked if p.startswith(("When", "In what year"))]


def test_the_end_of_a_year_blanks_the_year():
    asked = _asked_of("Ivo Lund said the harbour moved to new owners at the end of 2004.")
    assert "Ivo Lund said the harbour moved to new owners at the end of _____." in asked
    assert not [p for p in asked if p.endswith("at the _____.")]


def test_an_age_for_a_subject_never_named_leans_on_the_sentence_before():
    asked = _asked_of("The 21-year-old has not played since last October after hurting a wrist at the Kessel Open.")
    assert not [p for p in asked if p.startswith("The 21-year-old")]


def test_a_month_with_its_year_takes_in_and_a_day_takes_on():
    assert when_phrase("October 2002") == " in October 2002"
    assert when_phrase("October 5") == " on October 5"
    assert when_phrase("5 October") == " on 5 October"


def test_a_stance_target_runs_past_the_dots_of_an_abbreviation():
    sentence = "Tomas Varga opposed increased U.S. tariffs on Kessel steel."
    asked = prompts(fact("stance", sentence, holder="Tomas Varga", polarity="oppose",
                         target="increased U.S. tariffs on Kessel steel"))
    assert "What did Tomas Varga oppose?" in asked
    assert not [p for p in asked if p.endswith(("U.", "U?"))]


def test_an_ambassador_is_asked_about_only_with_where_they_are_posted():
    sentence = "Norland Ambassador Ivo Lund said the talks would resume."
    asked = prompts(fact("role", sentence, person="Ivo Lund", title="Ambassador", org="Norland"))
    assert not [p for p in asked if p.startswith(("Who is", "What position"))]
    posted = "Ivo Lund, Norland's ambassador to the United Nations, said the talks would resume."
    asked = prompts(fact("role", posted, person="Ivo Lund", title="ambassador to the United Nations", org="Norland"))
    assert [p for p in asked if p.startswith(("Who is", "What position"))]


def test_a_noun_that_can_be_a_verb_before_the_real_verb_is_the_subject_s():
    asked = _asked_of("Economic output declined 0.2% in 2003 in Kessel.")
    assert not [p for p in asked if "declined" in p and p.startswith(("In what year did", "When did"))]


def test_a_firm_s_post_given_only_with_a_country_names_no_one_but_a_national_post_does():
    sentence = '"Sales are up," said Tom Hale, the Norland sales director of Kessel Games.'
    asked = prompts(fact("role", sentence, person="Tom Hale", title="sales director", org="Norway"))
    assert not [p for p in asked if p.startswith(("Who is", "What position"))]
    manager = prompts(fact("role", "Norway manager Ivo Lund named his squad.", person="Ivo Lund", title="manager",
                           org="Norway"))
    assert "Who is Norway's manager?" in manager


def test_a_short_body_name_inside_a_title_word_is_still_named():
    asked = prompts(fact("role", "Ivo Lund, head of EA in Europe, said games would change.", person="Ivo Lund",
                         title="head", org="EA"))
    assert "Who is EA's head?" in asked
    assert "Who is the head?" not in asked


def test_a_country_written_in_two_words_keeps_both():
    sentence = "West German Finance Minister Tomas Varga said rates would hold."
    asked = prompts(fact("role", sentence, person="Tomas Varga", title="Finance Minister", org="Germany"))
    assert "Who is the West German Finance Minister?" in asked


def test_a_post_two_countries_hold_is_answered_with_the_country_as_written():
    story = parse_story("Rugby\n\nNorway coach Ivo Lund praised the referee. Sweden coach Tomas Varga criticised the "
                        "touch judge.", "rugby.txt")
    asked = {(q.prompt, q.answer) for seed in range(8) for q in generate_questions(story, extract_facts(story), seed=seed)}
    assert ("What position does Ivo Lund hold?", "Norway coach") in asked
    assert not [a for p, a in asked if p.startswith("What position") and a == "coach"]
