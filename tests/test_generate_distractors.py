"""Distractors of the same kind and frame, never also true; names written family name first."""
from __future__ import annotations

import random

from quizgen.answers import accepted_forms, number_value, same_answer, surname
from quizgen.generate import generate_questions
from quizgen.generate.distractors import StoryPools, pick, places_like
from quizgen.generate.context import looks_like_person
from quizgen.models import Fact
from quizgen.stories import parse_story

STORY = parse_story("Harbour talks\n\nA sentence.", "harbour.txt")


def fact(kind: str, sentence: str, **slots) -> Fact:
    return Fact(type=kind, slots=slots, story="harbour.txt", sentence=sentence)


def choices_for(answer: str, kind: str, pools: StoryPools = StoryPools(), tense: str = "") -> list[list[str]]:
    return [pick(answer, kind, pools, random.Random(seed), tense=tense) for seed in range(12)]


def test_organisations_are_never_offered_as_people():
    assert not looks_like_person("Exporting Countries")
    assert not looks_like_person("ClearView Economics")
    assert not looks_like_person("Defiant Tomas Varga")
    assert looks_like_person("Tomas Varga")
    facts = [fact("role", "Foreign Minister Ingrid Dahl spoke.", person="Ingrid Dahl", title="Foreign Minister"),
             fact("role", "Prime Minister Tomas Varga spoke.", person="Tomas Varga", title="Prime Minister"),
             fact("role", "Finance Minister Lea Kask spoke.", person="Lea Kask", title="Finance Minister"),
             fact("role", "Harbour Master Marek Oban spoke.", person="Marek Oban", title="Harbour Master"),
             fact("quote", '"Prices will rise," the Exporting Countries said.', speaker="Exporting Countries",
                  text="Prices will rise")]
    for seed in range(10):
        for question in generate_questions(STORY, facts, seed=seed):
            assert "Exporting Countries" not in question.choices
            assert "Exporting Countries" not in question.prompt


def test_ages_stay_believable_beside_the_answer():
    for choices in choices_for("16-year-old", "number"):
        assert choices
        for choice in choices:
            assert choice.endswith("-year-old") and 9 <= number_value(choice) <= 26


def test_a_share_stays_under_a_whole():
    for choices in choices_for("80%", "number"):
        assert all(number_value(c) <= 100 for c in choices)


def test_past_events_get_past_times_and_future_ones_future_times():
    for choices in choices_for("last week", "when", tense="past"):
        assert choices and not any(c.startswith(("next", "later")) for c in choices)
    for choices in choices_for("next week", "when", tense="future"):
        assert choices and not any(c.startswith(("last", "earlier")) or c.endswith("ago") for c in choices)


def test_places_are_of_the_same_level():
    assert all(p not in ("Oslo", "Paris") for p in places_like("Norway", [])[:50])
    assert "Norway" not in places_like("Paris", ["Norway", "Oslo"])
    assert places_like("Paris", ["Norway", "Oslo"])[0] == "Oslo"


def test_positions_are_written_in_full_and_in_the_answers_case():
    pools = StoryPools(positions=["leader", "foreign affairs spokesman", "home affairs spokesman"])
    for choices in choices_for("transport spokesman", "position", pools):
        assert "leader" not in choices
        assert all(c == c.lower() and len(c.split()) > 1 for c in choices)


def test_a_meeting_statement_is_never_keyed_false():
    """The story says whom Dahl met; it does not rule out that she met anyone else as well."""
    story = parse_story("Talks\n\nIngrid Dahl met Tomas Varga in Kessel on Monday.\n\n"
                        "Marek Oban and Lea Kask stayed at home.", "t.txt")
    first, second = story.sentences[0], story.sentences[1]
    meeting = Fact(type="meeting", slots={"people": ["Ingrid Dahl", "Tomas Varga"], "place": "Kessel",
                                          "when": "Monday"}, story="t.txt", sentence=first.text,
                   start=first.start, end=first.end)
    roles = [Fact(type="role", slots={"person": p, "title": "Harbour Master"}, story="t.txt", sentence=second.text,
                  start=second.start, end=second.end) for p in ("Lea Kask", "Marek Oban")]
    statements = [q for seed in range(20) for q in generate_questions(story, [meeting, *roles], seed=seed)
                  if q.template == "meeting.statement"]
    assert statements and {q.answer for q in statements} == {"True"}


def test_a_name_written_family_name_first_accepts_the_family_name():
    assert surname("Kim Il-sung") == "Kim"
    assert surname("Chun Doo Hwan") == "Chun"
    assert surname("Zhu Rongji") == "Zhu"
    assert surname("Ma Ngok") == "Ma"
    assert surname("Kim Howells") == "Howells"
    assert surname("Mary Ho Wai-ling") == "Ho"          # an English given name first, then family name first
    assert surname("Mary Ann Howells") == "Howells"
    assert accepted_forms("Kim Il-sung", "person") == ["Kim"]


def test_a_figure_written_with_its_noun_and_a_time_of_day_accept_the_plain_one():
    assert accepted_forms("5.3-magnitude", "number") == ["5.3"]
    assert accepted_forms("Sunday evening", "when") == ["Sunday"]
    assert accepted_forms("last October", "when") == ["October"]
    assert accepted_forms("May this year", "when") == ["May"]
    assert accepted_forms("next week", "when") == []
    assert accepted_forms("Wednesday March 18", "when") == ["March 18"]
    assert accepted_forms("Sunday evening", "when") == ["Sunday"]


def test_a_range_accepts_neither_of_its_ends_alone():
    assert not {"20", "twenty"} & set(accepted_forms("20-25%", "number"))
    assert not same_answer("20-25%", "20", "number") and not same_answer("3 to 4 million", "3 million", "number")
    assert same_answer("20-25%", "20-25%", "number") and "twenty" in accepted_forms("20", "number")


def test_no_one_the_quotation_names_is_offered_as_its_speaker():
    roles = [fact("role", f"{title} {name} spoke.", person=name, title=title)
             for name, title in [("Ingrid Dahl", "Foreign Minister"), ("Tomas Varga", "Prime Minister"),
                                 ("Lea Kask", "Finance Minister"), ("Marek Oban", "Harbour Master"),
                                 ("Ivo Lund", "Fisheries Minister")]]
    quote = fact("quote", '"Varga wants to sell the harbour to Norland," Ingrid Dahl said.', speaker="Ingrid Dahl",
                 text="Varga wants to sell the harbour to Norland")
    asked = [q for seed in range(10) for q in generate_questions(STORY, [*roles, quote], seed=seed)
             if q.template == "quote.speaker" and q.choices]
    assert asked and not any("Tomas Varga" in q.choices for q in asked)


def test_a_date_in_another_month_is_a_date_that_exists():
    for seed in range(40):
        for choice in pick("July 31", "when", StoryPools(), random.Random(seed)):
            month, day = choice.split()
            assert int(day) <= {"February": 28, "April": 30, "June": 30, "September": 30, "November": 30}.get(month, 31)


def test_a_percentage_is_accepted_written_either_way_and_as_its_bare_figure():
    assert {"5%", "5 per cent", "5"} <= set(accepted_forms("five per cent", "number"))
    assert {"24.4 per cent", "24.4"} <= set(accepted_forms("24.4%", "number"))
    assert not accepted_forms("20-25%", "number")


def test_a_working_day_gets_working_days_and_a_weekend_day_any_day():
    for seed in range(20):
        assert not {"Saturday", "Sunday"} & set(pick("Wednesday", "when", StoryPools(), random.Random(seed)))
    offered = {c for seed in range(20) for c in pick("Saturday", "when", StoryPools(), random.Random(seed))}
    assert "Sunday" in offered or offered & {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}


def test_a_surname_with_a_particle_keeps_it():
    assert surname("Simon Le Bon") == "Le Bon"
    assert accepted_forms("Le Bon", "person") == []
