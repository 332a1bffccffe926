"""Question generation on hand-written facts: every type, distractors, the quality gate, templates."""
from __future__ import annotations

from collections import Counter

import pytest

from conftest import run_quizgen, shared_path
from quizgen.answers import normalize, number_value
from quizgen.errors import QuizgenError
from quizgen.extract import extract_facts
from quizgen.generate import generate_questions
from quizgen.generate.templates import load_templates
from quizgen.models import Fact
from quizgen.stories import bundled_story_paths, load_story, parse_story

STORY = parse_story("Harbour talks\n\nA sentence.", "harbour.txt")


def fact(kind: str, sentence: str, **slots) -> Fact:
    return Fact(type=kind, slots=slots, story="harbour.txt", sentence=sentence)


ROLES = [
    fact("role", "Foreign Minister Ingrid Dahl met Prime Minister Tomas Varga.", person="Ingrid Dahl",
         title="Foreign Minister", org="Norway"),
    fact("role", "Foreign Minister Ingrid Dahl met Prime Minister Tomas Varga.", person="Tomas Varga",
         title="Prime Minister"),
    fact("role", "The opposition leader, Marek Oban, opposes the deal.", person="Marek Oban",
         title="opposition leader"),
    fact("role", "Finance Minister Lea Kask said little.", person="Lea Kask", title="Finance Minister"),
]


def by_template(questions, template):
    return [q for q in questions if q.template == template]


def test_role_gives_a_short_question_on_the_position():
    (question,) = by_template(generate_questions(STORY, ROLES), "role.position")[:1]
    assert question.type == "short"
    assert question.prompt == "What position does Ingrid Dahl hold?"
    assert question.answer == "Foreign Minister"
    assert "Norwegian Foreign Minister" in question.accepted


def test_mcq_has_four_choices_with_the_answer_exactly_once():
    mcqs = [q for q in generate_questions(STORY, ROLES) if q.type == "mcq"]
    assert mcqs
    for question in mcqs:
        assert len(question.choices) == 4
        assert question.choices.count(question.answer) == 1
        assert len({normalize(c) for c in question.choices}) == 4


def test_holder_question_names_the_country_in_the_possessive():
    questions = by_template(generate_questions(STORY, ROLES), "role.holder")
    assert "Who is Norway's Foreign Minister?" in [q.prompt for q in questions]


def test_matching_pairs_people_with_their_positions():
    (question,) = [q for q in generate_questions(STORY, ROLES) if q.type == "matching"]
    assert ["Tomas Varga", "Prime Minister"] in question.pairs
    assert len(question.pairs) == 3         # not "opposition leader": of which country, the row cannot say


def test_meeting_distractors_are_never_people_in_the_stem_or_other_true_partners():
    sentence = "Dahl met Varga in Kessel on Tuesday, and Kask met Oban."
    facts = ROLES + [fact("meeting", sentence, people=["Ingrid Dahl", "Tomas Varga"], place="Kessel",
                          when="Tuesday"),
                     fact("meeting", sentence, people=["Lea Kask", "Marek Oban"])]
    partner = {"Ingrid Dahl": "Tomas Varga", "Tomas Varga": "Ingrid Dahl", "Lea Kask": "Marek Oban",
               "Marek Oban": "Lea Kask"}
    checked = 0
    for seed in range(20):
        for question in generate_questions(STORY, facts, seed=seed):
            if question.fact.get("type") != "meeting":
                continue
            subject = next(p for p in partner if question.prompt.startswith((f"Whom did {p} ", f"{p} met ")))
            if question.type == "mcq":
                assert subject not in question.choices
                assert question.answer == partner[subject]
                checked += 1
            if question.type == "truefalse":
                assert question.answer == "True"      # another partner is never ruled out by the story
                assert question.prompt.split(" met ")[1].startswith(partner[subject])
                checked += 1
    assert checked


def test_number_distractors_keep_the_answers_format_and_magnitude():
    sentence = "The deal lets some 4,500 fishing boats return and saves an estimated $1.2 billion a year."
    facts = [fact("quantity", sentence, value=4500, unit="boats", what="fishing boats", text="4,500"),
             fact("quantity", sentence, value=1.2e9, unit="dollars", what="a year", text="$1.2 billion")]
    for seed in range(10):
        for question in generate_questions(STORY, facts, seed=seed):
            if question.type == "mcq":
                for choice in question.choices:
                    if question.answer == "4,500":
                        assert "," in choice and 1000 <= number_value(choice) <= 20000
                    else:
                        assert choice.startswith("$") and choice.endswith(" billion")


def test_number_answers_accept_digits_commas_and_words():
    sentence = "Some 37,000 Norwegian soldiers are based in Kessel."
    facts = [fact("quantity", sentence, value=37000, unit="soldiers", text="37,000")]
    questions = generate_questions(STORY, facts, seed=3) + generate_questions(STORY, facts, seed=4)
    accepted = {a for q in questions for a in q.accepted}
    assert {"37000", "thirty-seven thousand"} <= accepted


def test_weekday_answers_get_weekday_distractors():
    sentence = "The Kessel harbour reopened on Tuesday after the talks."
    facts = [fact("date", sentence, when="Tuesday", event="the Kessel harbour reopened")]
    mcqs = [q for seed in range(10) for q in generate_questions(STORY, facts, seed=seed) if q.type == "mcq"]
    assert mcqs
    for question in mcqs:
        assert all(c.endswith("day") for c in question.choices)


def test_cloze_blanks_the_answer_and_keeps_anki_syntax():
    sentence = "The Kessel harbour reopened after a 16-month blockade."
    facts = [fact("quantity", sentence, value=16, unit="months", text="16-month")]
    clozes = [q for seed in range(10) for q in generate_questions(STORY, facts, seed=seed) if q.type == "cloze"]
    assert clozes
    assert clozes[0].prompt == "The Kessel harbour reopened after a _____ blockade."
    assert clozes[0].cloze == "The Kessel harbour reopened after a {{c1::16-month}} blockade."
    eighteen = [fact("quantity", "The Kessel harbour reopened after an 18-month blockade.", value=18, unit="months",
                     text="18-month")]
    assert not [q for q in generate_questions(STORY, eighteen) if q.type == "cloze"]     # "an _____": eight-something
    eight = [fact("quantity", "The Kessel skipper received an eight-week ban.", value=8, unit="weeks",
                  text="eight-week")]
    assert not [q for seed in range(10) for q in generate_questions(STORY, eight, seed=seed) if q.type == "cloze"]


def test_truefalse_says_which_and_why():
    questions = [q for seed in range(10) for q in generate_questions(STORY, ROLES, seed=seed)
                 if q.type == "truefalse"]
    assert {q.answer for q in questions} == {"True", "False"}
    for question in questions:
        assert question.explanation.startswith(question.answer)
        assert question.choices == ["True", "False"]


def test_stance_and_quote_and_visit_questions():
    facts = [
        fact("stance", "Oban opposes the harbour agreement with Vesterland.", holder="Marek Oban",
             polarity="oppose", target="the harbour agreement with Vesterland"),
        fact("quote", '"Patient diplomacy works in the end," Dahl said.', speaker="Ingrid Dahl",
             text="Patient diplomacy works in the end"),
        fact("visit", "Dahl later flew to Brussels on Friday.", person="Ingrid Dahl", place="Brussels",
             when="Friday"),
    ]
    questions = generate_questions(STORY, ROLES + facts)
    prompts = [q.prompt for q in questions]
    assert "Marek Oban opposes the harbour agreement with Vesterland." in prompts or \
        "Marek Oban supports the harbour agreement with Vesterland." in prompts
    assert any(p in ("Who said: “Patient diplomacy works in the end”?",) or
               p.endswith(" said: “Patient diplomacy works in the end”") for p in prompts)
    assert any(p.startswith("Where did Ingrid Dahl travel on Friday") for p in prompts)


def test_same_seed_same_questions_and_ids_do_not_depend_on_order():
    first = generate_questions(STORY, ROLES, seed=5)
    again = generate_questions(STORY, ROLES, seed=5)
    assert [q.to_dict() for q in first] == [q.to_dict() for q in again]
    reordered = generate_questions(STORY, list(reversed(ROLES)), seed=5)
    assert {q.id for q in first if q.type != "matching"} == {q.id for q in reordered if q.type != "matching"}


def test_fact_with_a_missing_slot_yields_no_question():
    broken = fact("role", "Someone spoke.", person="", title="spokesman")
    assert generate_questions(STORY, [broken]) == []


def test_answer_given_away_in_the_stem_is_dropped():
    sentence = "Prime Minister Tomas Varga met reporters."
    facts = [fact("role", sentence, person="Tomas Varga", title="Prime Minister Tomas Varga")]
    for question in generate_questions(STORY, facts):
        assert normalize(question.answer) not in normalize(question.prompt) or question.type in ("truefalse",)


def test_pronoun_answers_are_dropped():
    facts = [fact("quote", '"We will win," she said.', speaker="She", text="We will win")]
    assert [q for q in generate_questions(STORY, facts) if q.answer == "She"] == []


def test_min_score_filters_questions():
    assert generate_questions(STORY, ROLES, min_score=1.01) == []


def test_user_template_replaces_a_bundled_one(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text('- id: role.position\n  fact: role\n  types: [short]\n'
                    '  prompt: "Which job does {person} do?"\n  answer: title\n  kind: position\n')
    questions = by_template(generate_questions(STORY, ROLES, templates=path), "role.position")
    assert questions[0].prompt == "Which job does Ingrid Dahl do?"


def test_template_with_unknown_placeholder_names_file_line_and_placeholder(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text('- id: ok\n  fact: role\n  types: [short]\n  prompt: "{person}?"\n  answer: title\n  kind: position\n'
                    '- id: bad\n  fact: role\n  types: [short]\n  prompt: "Who is {persn}?"\n  answer: person\n  kind: person\n')
    with pytest.raises(QuizgenError) as caught:
        load_templates(path)
    assert str(caught.value).startswith(f"{path}:7:")
    assert "{persn}" in str(caught.value)


def test_template_syntax_error_is_one_line_exit_1_from_the_cli(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("- id: x\n  prompt: [unclosed\n")
    result = run_quizgen("generate", "--templates", str(path), "--bank", str(tmp_path / "bank"))
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
    assert f"{path}:" in result.err and "Traceback" not in result.err


def seed_questions():
    questions = []
    for path in bundled_story_paths():
        story = load_story(path)
        questions += generate_questions(story, extract_facts(story))
    return questions


def test_seed_stories_give_fifty_questions_of_every_type_none_repeated():
    questions = seed_questions()
    assert len(questions) >= 50
    assert set(Counter(q.type for q in questions)) == {"short", "mcq", "truefalse", "cloze", "matching"}
    stems = [(q.story, q.type, normalize(q.prompt)) for q in questions]
    assert len(stems) == len(set(stems))


def supported(question) -> bool:
    """The answer (or an accepted form of it) stands in the source sentence."""
    if question.type in ("truefalse", "matching"):
        return True
    source = normalize(question.source)
    if question.fact.get("type") == "stance":      # support/oppose is read from the verb: the target must be there
        return all(w in source.split() for w in normalize(question.fact["target"]).split())
    forms = [question.answer, *question.accepted]
    if any(normalize(f) and normalize(f) in source for f in forms):
        return True
    value = number_value(question.answer)
    return value is not None and any(number_value(w) == value for w in question.source.split())


def test_every_answer_is_supported_by_its_source_sentence_on_seeds_and_dev_stories():
    questions = seed_questions()
    for path in sorted(shared_path("corpus", "dev").glob("*.txt")):
        story = load_story(path)
        questions += generate_questions(story, extract_facts(story))
    unsupported = [(q.prompt, q.answer) for q in questions if not supported(q)]
    assert unsupported == []


def test_source_reaches_back_to_the_sentence_that_names_a_pronoun():
    story = parse_story("Visit\n\nForeign Minister Ingrid Dahl arrived in Kessel on Monday.\n\n"
                        "She met Prime Minister Tomas Varga later that day.", "kessel.txt")
    second = story.sentences[1]
    meeting = Fact(type="meeting", slots={"people": ["Ingrid Dahl", "Tomas Varga"]}, story="kessel.txt",
                   sentence=second.text, start=second.start, end=second.end)
    questions = [q for seed in range(6) for q in generate_questions(story, [meeting], seed=seed)]
    assert questions
    for question in questions:
        assert question.source.startswith("Foreign Minister Ingrid Dahl arrived")
        assert question.source.endswith("later that day.")


def test_dateline_dates_and_bare_today_are_not_asked():
    story = parse_story("Rates\n\nTOKYO, June 2 - The Bank of Kessel cut rates today, and will meet again on Friday.",
                        "t.txt")
    sentence = story.sentences[0]
    facts = [Fact(type="date", slots={"when": when, "event": "the bank cut rates"}, story="t.txt",
                  sentence=sentence.text, start=sentence.start, end=sentence.end)
             for when in ("June 2", "today", "Friday")]
    answers = {q.answer for seed in range(5) for q in generate_questions(story, facts, seed=seed)}
    assert answers == {"Friday"}


def test_number_words_get_number_word_distractors():
    facts = [fact("quantity", "The harbour board employs five engineers at the docks in Kessel.", value=5, unit="engineers", text="five")]
    mcqs = [q for seed in range(10) for q in generate_questions(STORY, facts, seed=seed) if q.type == "mcq"]
    assert mcqs and all(c.isalpha() for q in mcqs for c in q.choices)


def test_table_footnotes_and_corrections_are_not_asked():
    for sentence in ("NOTE: 1986 results include a gain of 534,000 dlrs.",
                     "Note: 1986 results include a gain of 534,000 dlrs.",
                     "(Corrects 1986 results to show a gain of 534,000 dlrs.)"):
        facts = [fact("quantity", sentence, value=534000, unit="dollars", text="534,000")]
        assert generate_questions(STORY, facts) == []


def test_a_stance_with_an_unknown_polarity_yields_no_question():
    facts = [fact("stance", "Oban hedged on the harbour agreement with Vesterland.", holder="Marek Oban",
                  polarity="maybe", target="the harbour agreement with Vesterland")]
    assert [generate_questions(STORY, facts, seed=seed) for seed in range(4)] == [[]] * 4

