"""Questions read away from their story: what a blind review struck out is not asked.

Every sentence here was written for these tests (see data/questions/standalone.yaml).
"""
from __future__ import annotations

import pytest

from quizgen.generate import generate_questions
from quizgen.generate.distractors import MONTHS
from quizgen.generate.standalone import cloze_stands_alone, in_first_person, points_back, without_connective
from quizgen.generate.wire import tidy
from quizgen.models import Fact
from quizgen.stories import parse_story

from generate_helpers import SEEDS, STORY, fact, questions


def clozes(*facts: Fact):
    return [q for q in questions(*facts) if q.type == "cloze"]


@pytest.mark.parametrize("sentence", [
    "Ingrid Dahl was speaking at a news conference here on Tuesday.",            # where is "here"?
    "Other berths in this city of 40,000 people include a new ferry quay.",      # which city?
    "His successor, Tomas Varga, opened the harbour on Tuesday.",                # whose?
    "Kessel Fisheries said trade in the first half of 1998 rose on Tuesday, it added.",
    "Sentencing is set for Tuesday.",                                            # whose sentencing?
    "The deal, signed on Tuesday, gives Kessel Fisheries two more berths.",      # which deal?
    "The department estimated on Tuesday that 40 berths were empty.",            # which department?
    "Berths would be free by Tuesday, he told the harbour board.",               # who is he?
    "Of the country's 40 berths, ten were empty on Tuesday.",                    # which country?
    "The BBC News website took a look at the Kessel berths on Tuesday.",         # its own coverage
])
def test_a_cloze_that_leans_on_its_story_is_not_asked(sentence):
    assert not clozes(fact("date", sentence, when="Tuesday", event="an event"))


@pytest.mark.parametrize("sentence, when", [
    ("New berths at Kessel in January fell to 79 from 82 in December, the board said.", "January"),
    ("Tomas Varga is one of six harbour officials charged, He has pleaded guilty since June.", "June"),
    ("Kessel Fisheries extended its offer for Norland Ferries shares until April Three.", "April"),
    ("Tomas Varga said this is a a real crisis for Kessel Fisheries since June.", "June"),
    ("The group's members met Kessel harbour officials on Tuesday after a long strike.", "Tuesday"),   # whose?
    ("The 29 March game will be the second time Kessel have played Norland.", "29 March"),   # "friendly" fits
    ("(Kessel Ferries) said it sold 40 berths to Norland on Tuesday.", "Tuesday"),       # a wire remnant
    ("Earlier this month it sold 40 berths to Norland Ferries on Tuesday.", "Tuesday"),  # what is it?
    ("The poll in today's Kessel Times showed Ivo Lund ahead on Tuesday.", "Tuesday"),  # which day is today?
    ("Ivo Lund will miss Tuesday's cup final against Norland Rovers.", "Tuesday"),     # "_____'s" reads as a name
    ("The Committee designated Tuesday as a day of action for Kessel fishermen.", "Tuesday"),   # which committee?
])
def test_a_blank_its_neighbour_gives_away_a_typo_or_an_owned_subject_is_not_asked(sentence, when):
    assert not clozes(fact("date", sentence, when=when, event="fell"))


def test_so_far_keeps_its_so():
    assert without_connective("So far Kessel Fisheries has received 3 bids.") == \
        "So far Kessel Fisheries has received 3 bids."
    assert without_connective("So Kessel Fisheries closed.") == "Kessel Fisheries closed."


@pytest.mark.parametrize("sentence, printed", [
    ("Wasps director Ivo Lund warned his side will will not give up the Kessel cup in 2005.", False),
    ("Bafana Bafana play Kessel Rovers in a double-header in 2005.", True),
    ("Senior law lord Lord Lund said the Kessel rules were unfair in 2005.", True),
])
def test_a_word_typed_twice_by_mistake_is_not_printed_but_a_name_that_repeats_one_is(sentence, printed):
    assert bool(clozes(fact("date", sentence, when="2005", event="warned"))) == printed


def test_a_line_of_a_ratings_list_is_no_sentence_to_blank():
    line = "Kessel Fisheries AG's 100 million dollars of nine percent guaranteed eurobonds due 1997."
    assert not clozes(fact("quantity", line, value=100000000, unit="dollars", text="100 million"))


def test_a_word_typed_twice_across_a_quote_mark_is_not_printed():
    sentence = 'Tomas Varga introduced Ivo Lund to the 400 invited guests as the "the best harbour master".'
    assert not clozes(fact("quantity", sentence, value=400, unit="guests", text="400"))


@pytest.mark.parametrize("sentence, name", [
    ("The Kessel bond is due in 1995, lead manager Credit Commercial de France said.", "Credit Commercial"),
    ("Lea Kask starred in director Tomas Varga' first film, which won a prize in Kessel.", "Tomas Varga"),
])
def test_no_blank_on_half_a_name_or_before_the_apostrophe_its_s_ends_in(sentence, name):
    assert not clozes(fact("role", sentence, person=name, title="lead manager"))


def test_a_footnote_of_a_results_table_is_not_asked():
    note = "1998 nine months includes pre-tax gain 20.6 million crowns on sale of Kessel harbour interest."
    assert not questions(fact("quantity", note, value=20600000, unit="crowns", text="20.6 million"))


def test_a_he_whom_only_a_body_or_a_month_comes_before_is_not_asked():
    sentence = "Last December, the Kessel Sailing Board confirmed that he could sail for Norland from 1998."
    assert not clozes(fact("date", sentence, when="1998", event="sail"))
    titled = "Harbour master Tomas Varga said he would reopen the quay on Tuesday."
    assert clozes(fact("role", titled, person="Tomas Varga", title="harbour master"))


def test_a_sentence_may_open_with_a_name():
    sentence = "Varga is serving a three-year sentence for smuggling in Kessel."
    asked = clozes(fact("quantity", sentence, value=3, unit="years", text="three-year"),
                   fact("role", "Harbour master Tomas Varga spoke.", person="Tomas Varga", title="harbour master"))
    assert "Varga is serving a _____ sentence for smuggling in Kessel." in {q.prompt for q in asked}


@pytest.mark.parametrize("when", ["a year ago", "last month", "third quarter", "this weekend"])
def test_a_vague_time_is_not_asked(when):
    sentence = f"Kessel Fisheries reported a loss of 4 million crowns compared with 2 million {when}."
    assert not questions(fact("date", sentence, when=when, event="reported"))


def test_a_year_the_sentence_gives_away_is_no_cloze():
    sentence = "Kessel Fisheries earned 48 million crowns in 1996, up from 47 million in 1995."
    assert not clozes(fact("date", sentence, when="1995", event="earned"))
    assert questions(fact("date", "Kessel Fisheries earned 48 million crowns in 1996.", when="1996", event="earned"))


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("Playing Harbour-Run 2 feels like sailing in Kessel.", "2", 2, "feels"),         # a title
    ("Norland lost its opening two Four Harbours games to Kessel.", "Four", 4, "games"),  # a name
    ("Kessel Fisheries sold 90 boats in 1998 and 40 boats in the last 12 months.", "12", 12, "months"),
    ("After the break the Kessel keeper Varga gathered two high crosses from the left.", "two", 2, "crosses"),
    ("Tomas Varga curled a free-kick from 25 yards out against the Norland bar.", "25", 25, "yards"),
])
def test_numbers_in_names_the_calendars_own_and_play_by_play_are_not_asked(sentence, text, value, unit):
    asked = questions(fact("quantity", sentence, value=value, unit=unit, text=text))
    assert not [q for q in asked if q.answer == text]


def test_wire_markup_is_taken_out_of_stems():
    assert tidy("<Kessel Fisheries Ltd> economist Ingrid Dahl said Norland Corp <NOR> sold boats.") == \
        "Kessel Fisheries Ltd economist Ingrid Dahl said Norland Corp sold boats."


def test_a_company_takes_no_article():
    role = fact("role", "Kessel Fisheries Corp chairman Ingrid Dahl resigned.", person="Ingrid Dahl",
                title="chairman", org="Kessel Fisheries Corp")
    prompts = {q.prompt for q in questions(role)}
    assert "Who is Kessel Fisheries Corp's chairman?" in prompts
    assert not [p for p in prompts if "the Kessel Fisheries Corp" in p]


def test_a_position_accepts_no_membership_and_no_doubled_org():
    facts = [fact("role", "Mayor of Kessel Ingrid Dahl spoke.", person="Ingrid Dahl", title="mayor of Kessel",
                  org="Kessel"),
             fact("role", "Ingrid Dahl, a member of the Harbour Party, spoke.", person="Ingrid Dahl",
                  title="member of the Harbour Party")]
    asked = [q for q in questions(*facts) if q.template == "role.position" and q.answer == "mayor of Kessel"]
    assert asked
    for question in asked:
        assert not [a for a in question.accepted if a.startswith("member of") or "Kessel mayor of Kessel" in a]


def test_a_single_name_is_asked_for_only_with_whose_post_it_is():
    bare = fact("role", "Crown Princess Ada opened the quay.", person="Ada", title="Crown Princess")
    assert not [q for q in questions(bare) if q.template == "role.holder"]
    owned = fact("role", "Norland's Crown Princess Ada opened the quay.", person="Ada", title="Crown Princess",
                 org="Norland")
    assert [q for q in questions(owned) if q.template == "role.holder"]


def test_the_reporters_paraphrase_is_no_quote():
    quote = fact("quote", "He said the 4 percent drop in berths was \"a passing storm\" and would end soon.",
                 speaker="Ingrid Dahl", text="He said the 4 percent drop in berths was a passing storm and would end")
    assert not questions(quote)


def test_matching_leaves_out_one_word_quotes():
    quotes = [fact("quote", f"{name} said: \"{text}\"", speaker=name, text=text) for name, text in [
        ("Ingrid Dahl", "The harbour will reopen before the winter storms arrive."),
        ("Tomas Varga", "We have waited far too long for these new berths."),
        ("Ada Lind", "Every boat in Kessel deserves a safe place to moor."),
        ("Per Holm", "scorching"),
        ("Lea Kask", "acted in a careless way over the berths")]]     # a fragment of "no one felt X had ..."
    matching = [q for q in questions(*quotes) if q.type == "matching"]
    assert matching and all({"Per Holm", "Lea Kask"}.isdisjoint(left for left, _ in q.pairs) for q in matching)


def test_a_false_visit_names_a_place_the_story_names():
    story = parse_story("Visits\n\nIngrid Dahl flew to Oslo on Friday. Tomas Varga stayed in Madrid.", "v.txt")
    sentence = story.sentences[0]
    visit = Fact(type="visit", slots={"person": "Ingrid Dahl", "place": "Oslo", "when": "Friday"}, story="v.txt",
                 sentence=sentence.text, start=sentence.start, end=sentence.end)
    falses = [q for q in questions(visit, story=story) if q.type == "truefalse" and q.answer == "False"]
    assert falses and all("Madrid" in q.prompt for q in falses)


def test_one_sentence_gives_at_most_two_clozes():
    sentence = "Kessel Fisheries sold 90 boats, 40 nets, 30 masts and 20 sails to Norland."
    facts = [fact("quantity", sentence, value=n, unit=unit, text=str(n))
             for n, unit in ((90, "boats"), (40, "nets"), (30, "masts"), (20, "sails"))]
    for seed in SEEDS:
        assert len([q for q in generate_questions(STORY, facts, seed=seed) if q.type == "cloze"]) <= 2


@pytest.mark.parametrize("title, org, stem", [
    ("President", "United States", "Who is the President of the United States?"),
    ("chairman", "Kesselberg", "Who is the chairman of Kesselberg?"),
    ("leader", "Harbour Party", "Who is the leader of the Harbour Party?"),
    ("chairman", "KBC", "Who is KBC's chairman?"),                  # a firm's initials take no "the"
    ("political editor", "BBC", "Who is the BBC's political editor?"),
    ("Attorney", "Kessel County", "Who is the Kessel County Attorney?"),
    ("Inspector", "Detective", "Who is the Detective Inspector?"),
    ("leader", "Tory", "Who is the Tory leader?"),
    ("Foreign Minister", "Norway", "Who is Norway's Foreign Minister?"),
    ("military spokesperson", "Kesseli", "Who is the Kesseli military spokesperson?"),    # an adjective, as written
    ("economics professor", "Kessel University", "Who is the economics professor of Kessel University?"),
])
def test_a_post_is_named_as_a_teacher_writes_it(title, org, stem):
    role = fact("role", f"{org} {title} Ingrid Dahl spoke.", person="Ingrid Dahl", title=title, org=org)
    assert stem in {q.prompt for q in questions(role)}


def test_a_partys_post_is_answered_whole():
    role = fact("role", "Tory leader Ingrid Dahl spoke.", person="Ingrid Dahl", title="leader", org="Tory")
    assert {q.answer for q in questions(role) if q.template == "role.position"} == {"Tory leader"}


def test_a_post_of_no_named_country_is_not_asked_who():
    role = fact("role", "Prime Minister Ingrid Dahl spoke.", person="Ingrid Dahl", title="Prime Minister")
    assert not [q for q in questions(role) if q.template == "role.holder"]


def test_a_person_cut_out_of_a_title_is_not_asked():
    facts = [fact("role", "Deputy Harbour Safety Minister Ingrid Dahl spoke.", person="Ingrid Dahl",
                  title="Deputy Harbour Safety Minister"),
             fact("role", "Deputy Harbour Safety Minister Ingrid Dahl spoke.", person="Harbour Safety", title="Deputy")]
    asked = questions(*facts)
    assert asked and not [q for q in asked if "Harbour Safety" in (q.answer, *q.choices) or
                          any("Harbour Safety" == left for left, _ in q.pairs)]


def test_a_weekday_inside_a_name_is_not_asked():
    sentence = "After Super Tuesday, Ingrid Dahl led the Harbour Party race in Kessel."
    assert not questions(fact("date", sentence, when="Tuesday", event="led"))


def test_a_clause_that_names_nothing_is_not_asked_when():
    asked = questions(fact("date", "A primary election was held on February 11, Kessel officials said.",
                           when="February 11", event="held"))
    assert not [q for q in asked if q.template == "date.when"]


def test_a_number_clause_run_past_a_semicolon_is_not_asked():
    sentence = "Kessel officials said three people died; their names were not given."
    asked = questions(fact("quantity", sentence, value=3, unit="people", text="three"))
    assert not [q for q in asked if q.prompt.startswith("How many")]


def test_a_stance_on_an_unnamed_target_is_not_asked():
    stance = fact("stance", "Ingrid Dahl endorsed his former rival on Tuesday.", holder="Ingrid Dahl",
                  target="his former rival", polarity="support")
    assert not questions(stance)


def test_a_party_holder_takes_its_article_and_verb():
    stance = fact("stance", "Conservatives have called for a new harbour tax in Kessel.", holder="Conservatives",
                  target="a new harbour tax", polarity="support")
    prompts = {q.prompt for q in questions(stance)}
    assert "What have the Conservatives called for?" in prompts


@pytest.mark.parametrize("sentence", [
    "Ingrid Dahl said two or three boats sank near Kessel.",
    "Nor would three boats sail from Kessel, Ingrid Dahl said.",
])
def test_a_blank_after_half_a_range_or_a_leaning_opener_is_not_asked(sentence):
    assert not clozes(fact("quantity", sentence, value=3, unit="boats", text="three"))


def test_a_point_zero_figure_accepts_the_plain_one():
    sentence = "Kessel Fisheries set aside 600.0 million crowns for losses in 1998."
    asked = questions(fact("quantity", sentence, value=600000000, unit="crowns", text="600.0 million"))
    assert asked and all("600 million" in q.accepted for q in asked if q.answer == "600.0 million")


def test_a_month_with_a_relative_word_gets_other_months():
    sentence = "Ingrid Dahl appointed Tomas Varga as harbour master last October in Kessel."
    mcqs = [q for q in questions(fact("date", sentence, when="last October", event="appointed")) if q.type == "mcq"]
    assert mcqs
    for question in mcqs:
        assert all(choice.startswith("last ") and choice.split()[1] in MONTHS for choice in question.choices)


def test_he_stands_only_for_the_one_person_the_sentence_before_names():
    story = parse_story("Rescue\n\nHealth Minister Tomas Varga said the search went on. A boy was pulled from the "
                        "water on Tuesday. He was found under a boat after 30 hours in Kessel.\n", "r.txt")
    sentence = story.sentences[-1]
    hours = Fact(type="quantity", slots={"value": 30, "unit": "hours", "text": "30"}, story="r.txt",
                 sentence=sentence.text, start=sentence.start, end=sentence.end)
    role = Fact(type="role", slots={"person": "Tomas Varga", "title": "Health Minister"}, story="r.txt",
                sentence=story.sentences[0].text, start=story.sentences[0].start, end=story.sentences[0].end)
    assert not [q for q in questions(hours, role, story=story) if "[Varga]" in q.prompt]


def test_a_post_drops_the_storys_judgement():
    role = fact("role", "Ingrid Dahl, president of the influential Kessel Harbour Federation, spoke.",
                person="Ingrid Dahl", title="president of the influential Kessel Harbour Federation")
    answers = {q.answer for q in questions(role) if q.template == "role.position"}
    assert answers == {"president of the Kessel Harbour Federation"}


def test_no_blank_after_a_dangling_very():
    sentence = "Very early Tuesday morning, Ingrid Dahl left Kessel."
    assert not clozes(fact("date", sentence, when="early Tuesday morning", event="left"))


def test_a_connective_and_a_pronoun_lean_on_the_sentence_before():
    sentence = "But she is taking her time over the 40 new berths in Kessel."
    assert not clozes(fact("quantity", sentence, value=40, unit="berths", text="40"))


def test_a_clause_broken_by_a_dash_is_not_asked():
    sentence = "In 2021 the Kessel harbour — long delayed — was scheduled to open."
    assert not [q for q in questions(fact("date", sentence, when="2021", event="open")) if q.type == "mcq"]


def test_a_bodys_demonym_stays_with_it():
    role = fact("role", "European Council chief Ingrid Dahl spoke.", person="Ingrid Dahl", title="Council chief",
                org="Europe")
    asked = questions(role)
    assert "Who is the European Council chief?" in {q.prompt for q in asked}
    assert {q.answer for q in asked if q.template == "role.position"} == {"European Council chief"}


def test_a_formerly_held_post_is_not_asked_as_held():
    role = fact("role", "Ingrid Dahl, formerly president of Kesselberg, spoke.", person="Ingrid Dahl",
                title="president", org="Kesselberg")
    assert not questions(role)


def test_a_cloze_leaves_out_the_link_to_the_sentence_before():
    from quizgen.generate.standalone import without_connective
    assert without_connective("However, the Kessel harbour opened.") == "The Kessel harbour opened."
    assert without_connective("But Ingrid Dahl said no.") == "Ingrid Dahl said no."
    assert without_connective("Butter prices rose.") == "Butter prices rose."


def test_a_title_word_that_opens_the_sentence_is_lower_case_in_a_question():
    sentence = "Former harbour master Tomas Varga died on Saturday in Kessel."
    prompts = {q.prompt for q in questions(fact("date", sentence, when="Saturday", event="died"))}
    assert "When did former harbour master Tomas Varga die in Kessel?" in prompts


def test_a_reporting_period_and_a_converted_figure_are_not_blanked():
    period = fact("quantity", "Kessel Fisheries earned 40 million crowns in the first nine months of 1998.",
                  value=9, unit="months", text="nine")
    assert not [q for q in questions(period) if q.answer == "nine"]
    converted = fact("quantity", "Kessel Fisheries paid $10 million (£5.4 million) for the Norland boats.",
                     value=10000000, unit="dollars", text="$10 million")
    assert not clozes(converted)
    for sentence, text in [("The harbour lies roughly five miles (eight kilometers) from Kessel.", "five"),
                           ("Gusts were forecast to reach 60-80 mph (about 95-130 km/h) on Friday.", "60-80")]:
        assert not clozes(fact("quantity", sentence, value=5, unit="miles", text=text)), sentence
    kept = fact("quantity", "Kessel sent 40 boats (including two trawlers) to Norland.", value=40, unit="boats",
                text="40")
    assert clozes(kept)


def test_a_line_of_a_wire_list_is_no_cloze():
    line = fact("quantity", "Kessel Fisheries Corp - Initial offering of two million shares through Norland Bank.",
                value=2000000, unit="shares", text="two million")
    assert not clozes(line)


def test_titles_in_capitals_keep_them():
    assert tidy("Ingrid Dahl's film The Harbour of the Lost won.") == "Ingrid Dahl's film The Harbour of the Lost won."


@pytest.mark.parametrize("title, org", [("Lawyer", "United States"), ("mayor", "Poland")])
def test_an_occupation_or_a_towns_post_is_not_asked_as_a_countrys(title, org):
    role = fact("role", f"{org} {title} Ingrid Dahl spoke.", person="Ingrid Dahl", title=title, org=org)
    assert not [q for q in questions(role) if q.template in ("role.holder", "role.statement")]


def test_a_post_at_a_body_is_answered_with_the_body():
    role = fact("role", "Kesselberg chairman Ingrid Dahl spoke.", person="Ingrid Dahl", title="chairman",
                org="Kesselberg")
    asked = [q for q in questions(role) if q.template == "role.position"]
    assert {q.answer for q in asked} == {"chairman of Kesselberg"}
    assert all("Kesselberg chairman" in q.accepted and "chairman" not in q.accepted for q in asked)


@pytest.mark.parametrize("sentence", [
    'Superintendent Ingrid Dahl said at a press conference: "The harbour was seriously damaged on Tuesday.',
    "- Ingrid Dahl said harbours that fail the test will be closed on Tuesday",
])
def test_a_cloze_with_a_quotation_cut_open_or_no_end_is_not_asked(sentence):
    assert not clozes(fact("date", sentence, when="Tuesday", event="said"))


def test_the_news_agencys_reporting_is_not_asked():
    sentence = "Kessel told Reuters reporter Ingrid Dahl on Tuesday that berths would open."
    asked = questions(fact("role", sentence, person="Ingrid Dahl", title="reporter", org="Reuters"),
                      fact("date", "Reuters reported the Kessel harbour deal on Tuesday.", when="Tuesday",
                           event="reported"))
    assert not [q for q in asked if "Reuters" in q.prompt]


def test_a_list_dash_and_nevertheless_are_left_out():
    from quizgen.generate.standalone import without_connective
    assert without_connective("- Kessel Fisheries will pay fines.") == "Kessel Fisheries will pay fines."
    assert without_connective("Nevertheless, Kessel grew.") == "Kessel grew."


def test_a_one_word_subject_that_opens_the_sentence_is_lower_case_in_a_question():
    prompts = {q.prompt for q in questions(fact("date", "Authorities arrested twelve people in Kessel on Monday.",
                                                when="Monday", event="arrested"))}
    assert "When did authorities arrest twelve people in Kessel?" in prompts


def test_role_matching_rows_name_posts_in_full():
    facts = [fact("role", f"{title} {name} spoke.", person=name, title=title, org=org) for name, title, org in [
        ("Ingrid Dahl", "chairman", "Kesselberg"), ("Tomas Varga", "President", "Norway"),
        ("Ada Lind", "Member", None), ("Per Holm", "Tory leader", None), ("Ola Berg", "former mayor of Kessel", None)]]
    (matching,) = {q.id: q for q in questions(*facts) if q.type == "matching"}.values()
    assert ["Ingrid Dahl", "chairman of Kesselberg"] in matching.pairs
    assert ["Tomas Varga", "Norway's President"] in matching.pairs       # not a bare "President"
    assert not [left for left, _ in matching.pairs if left in ("Ada Lind", "Ola Berg")]


def test_accepted_positions_do_not_depend_on_the_hash_seed():
    import subprocess
    import sys
    code = ("from quizgen.generate import generate_questions\nfrom quizgen.models import Fact\n"
            "from quizgen.stories import parse_story\n"
            "story = parse_story('T\\n\\nA sentence.', 'h.txt')\n"
            "facts = [Fact(type='role', slots={'person': 'Ingrid Dahl', 'title': t, 'org': 'Kesselberg'},"
            " story='h.txt', sentence=f'Ingrid Dahl, {t} of Kesselberg, spoke.') for t in"
            " ('chair', 'judge', 'editor', 'treasurer', 'secretary general')]\n"
            "print([q.accepted for q in generate_questions(story, facts)])\n")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout
               for seed in (1, 2, 3, 4)}
    assert len(outputs) == 1


def test_a_stance_with_a_blank_holder_asks_nothing():
    assert not questions(fact("stance", "Ingrid Dahl backed the Kessel deal.", holder=" ", target="<",
                              polarity="support"))


def test_a_clause_whose_subject_only_the_sentence_before_names_is_not_asked():
    sentence = "The venue was chosen by the Kessel harbour board on Tuesday."
    assert not [q for q in questions(fact("date", sentence, when="Tuesday", event="chosen"))
                if q.template == "date.when"]


def test_the_date_of_a_tally_is_not_asked():
    for sentence in ("As of Sunday, the harbour board reported a total of 5,667 landings.",
                     "Kessel said it was free of the disease as of Thursday, officials said."):
        when = "Sunday" if "Sunday" in sentence else "Thursday"
        assert not questions(fact("date", sentence, when=when, event="reported"))


def test_a_body_every_reader_places_may_be_the_subject():
    sentence = "The police arrested Tomas Varga in Kessel on Tuesday."
    assert [q for q in questions(fact("date", sentence, when="Tuesday", event="arrested")) if q.template == "date.when"]


def test_a_pronoun_after_a_name_in_the_sentence_is_understood():
    sentence = "Lea Kask said on Tuesday that she would open the quay."
    assert clozes(fact("date", sentence, when="Tuesday", event="said"))


def test_a_blank_beside_a_slash_or_after_the_day_before_is_not_asked():
    assert not clozes(fact("date", "The Kessel season of 1987/88 closed early.", when="1987", event="closed"))
    assert not clozes(fact("date", "Kessel storms lasted through Monday and Tuesday.", when="Tuesday",
                           event="lasted"))


@pytest.mark.parametrize("sentence, stands", [
    ("Both executives helped Ivo Lund to build the harbour into a 4,000-berth port.", False),
    ("The two men met 12 times in Kessel last year.", False),
    ("The same day, Kessel sent 40 boats to Norland.", False),
    ("The previous day, Kessel sent 40 boats to Norland.", False),
    ("Both Kessel and Norland sent 40 boats to the regatta.", True),
])
def test_a_sentence_opening_on_people_or_a_day_the_one_before_named_is_no_cloze(sentence, stands):
    count = next(w for w in sentence.split() if w[0].isdigit()).rstrip(",")
    line = fact("quantity", sentence, value=float(count.replace(",", "").split("-")[0]), unit="boats", text=count)
    assert bool(questions(line)) if stands else not clozes(line), sentence


@pytest.mark.parametrize("sentence", [
    "I came from a working class background and started work 20 years ago earning 25 crowns a week.",
    "My harbour bill rose from 3 crowns to 320 crowns, and nobody told me.",
    "When I was young I fished for about 8 hours a night off Kessel.",
])
def test_a_sentence_told_as_i_outside_quotation_marks_is_not_asked(sentence):
    count = next(w for w in sentence.split() if w[0].isdigit())
    assert not questions(fact("quantity", sentence, value=float(count), unit="hours", text=count))


def test_i_as_a_numeral_or_inside_a_quotation_is_no_narrator():
    for sentence in ("Lea Kask said: “I know it”, and Kessel landed 40 boats of herring.",
                     "Kessel built 40 boats after World War I ended.",
                     "Ivo Lund, known to sailors as the I-Man, built 40 boats."):
        assert questions(fact("quantity", sentence, value=40, unit="boats", text="40")), sentence
    assert not in_first_person('And I would urge anyone to call us", said Ivo Lund, whose crews landed 40 boats.')


@pytest.mark.parametrize("sentence", [
    "Both earned 9 berths at Kessel, followed by Tomas Varga with 6.",
    "In Norland, they have all been passed for 40 boats.",
])
def test_a_subject_only_the_sentence_before_names_makes_no_cloze(sentence):
    count = next(w for w in sentence.split() if w[0].isdigit())
    assert not clozes(fact("quantity", sentence, value=float(count), unit="berths", text=count))


def test_an_empty_it_after_an_opening_phrase_leans_on_nothing():
    sentence = "On Tuesday, it was reported that Kessel had landed 40 boats of herring."
    assert clozes(fact("quantity", sentence, value=40, unit="boats", text="40"))



def test_a_figure_inside_brackets_is_no_cloze():
    sentence = "The harbour board said Kessel landings reached $445.1bn (£227bn; 331bn euros) in 2004."
    assert not [q for q in clozes(fact("quantity", sentence, value=331e9, unit="euros", text="331bn"))]


def test_in_fact_is_left_out_of_a_cloze_like_any_connective():
    sentence = "In fact, Kessel landings of herring grew 34%, to 14,000 tonnes."
    for question in clozes(fact("quantity", sentence, value=14000, unit="tonnes", text="14,000")):
        assert question.prompt.startswith("Kessel landings of herring grew 34%")


def test_it_or_they_straight_after_a_time_phrase_leans_on_the_sentence_before():
    sentence = "In 2001 it put 300 crowns into a three-year harbour programme in Kessel."
    assert not clozes(fact("quantity", sentence, value=300, unit="crowns", text="300"))


@pytest.mark.parametrize("sentence, when", [
    ("Ivo Lund asked Queen Mari for this prorogation of the Kessel council in August.", "August"),
    ("The leaders of the two countries spoke by telephone on Friday night.", "Friday night"),
])
def test_no_stem_points_back_with_this_noun_or_the_two(sentence, when):
    asked = questions(fact("date", sentence, when=when, event="asked"))
    assert not [q for q in asked if "this prorogation" in q.prompt or "the two countries" in q.prompt]


def test_a_person_named_with_an_honorific_names_no_firm():
    assert points_back("Mr Varga took the helm at the company in _____, after years in banking.")
    assert not points_back("Ivo Lund joined the company in _____.")


def test_the_move_or_the_figure_with_no_one_named_points_back_unless_it_says_which():
    assert points_back("Analysts said the move would save _____ a year.")
    assert points_back("Nonetheless, the figures represent less than _____ of exports.")
    assert not points_back("Ivo Lund backed the move to raise the wage to _____ an hour.")


def test_the_musical_with_no_title_points_back_but_not_a_title_or_a_compound():
    assert points_back("When will the musical make its debut in Kessel?")
    assert not points_back("When will the musical Harbour Lights make its debut in Kessel?")
    assert not points_back("In the album chart, a debut rose _____ places.")


def test_a_subject_named_only_by_what_they_are_leans_on_the_sentence_before():
    assert not cloze_stands_alone("The Kessel international said they won their first _____ games.")
    assert not cloze_stands_alone("Some of them want more than _____ processors each, Norland Data said.")
    assert cloze_stands_alone("The Kessel captain Ivo Lund has won _____ caps.")


def test_in_contrast_is_left_out_and_a_year_earlier_or_your_leans_on_the_sentence_before():
    assert without_connective("In contrast, Kessel Mills said on _____ that prices would recover.") == \
        "Kessel Mills said on _____ that prices would recover."
    assert without_connective("In contrast to Norland, Kessel grew _____.") == "In contrast to Norland, Kessel grew _____."
    assert not cloze_stands_alone("A year earlier Kessel Mills put its assets at _____ sterling.")
    assert not cloze_stands_alone("Your new boss is the portly Ivo Lund, last seen in _____.")


def test_this_before_a_comma_and_as_reported_separately_lean_on_the_sentences_before():
    assert points_back("To combat this, the Kessel bank raised its rate to _____.")
    assert not cloze_stands_alone("As reported separately, Kessel Mills bid for _____ of Norland Sugar.")


def test_the_sides_with_no_teams_named_points_back():
    assert points_back("Old games have stirred up bad blood between the sides and they meet again on _____.")


def test_the_position_with_no_post_named_points_back():
    assert points_back("In what year did Ivo Lund hold the position?")
    assert not points_back("In what year did Ivo Lund take the post of harbour master?")
    assert not points_back("Match each person to the position the story gives them.")


def test_how_many_other_points_back():
    assert points_back("How many other harbour masters agreed settlements with the board?")
    assert not points_back("How many harbour masters agreed settlements with the board?")


def test_ever_since_with_no_time_after_it_points_back():
    assert points_back("Lund has been a regular in the Kessel side ever since, and played in _____.")
    assert not points_back("Lund has been a regular in the Kessel side ever since 1998.")


def test_this_year_and_this_as_a_pronoun_point_nowhere():
    assert not points_back("How many boats did Kessel land this year?")
    assert clozes(fact("quantity", "Kessel Docks, which owns 40 boats, says this was illegal.", value=40,
                       unit="boats", text="40"))


def test_a_share_whose_complement_the_sentence_gives_is_not_asked():
    sentence = "Kessel Bank will hold 80 percent of the harbour company, and the other 20 percent will go to Ivo Lund."
    assert not questions(fact("quantity", sentence, value=20, unit="percent", text="20 percent"))
    alone = "Kessel Bank accounts for about 50% of the harbour's listeners, the board said on Tuesday."
    assert clozes(fact("quantity", alone, value=50, unit="percent", text="50%"))


@pytest.mark.parametrize("stem", [
    "Within this, Kessel fraud totalled _____, the board said.",
    "An indication of this can be seen in Kessel, where _____ banks operate.",
    "Ivo Lund was arrested on _____ on the same charge in Kessel.",
])
def test_this_after_a_preposition_and_the_same_before_a_noun_point_back(stem):
    assert points_back(stem)


def test_a_line_of_a_fixture_list_is_no_cloze():
    assert not clozes(fact("date", "August 17 - Kessel v Norland.", when="August 17", event="Kessel v Norland"))


def test_the_firm_with_no_firm_named_before_it_points_back():
    assert points_back("In _____, the firm launched a plan to triple its Kessel sales.")
    assert not points_back("Kessel Docks said _____ boats were sold, and the firm expects more.")


def test_no_blank_takes_the_end_of_a_range_of_days():
    assert not clozes(fact("date", "The Kessel regatta takes place on 4-6 March.", when="6 March", event="takes place"))


def test_a_cloze_on_a_sentence_whose_speaker_is_only_he_is_not_asked():
    sentence = ("Kessel firms would be allowed to run 15 old oil fields in the east of Norland, which could "
                "produce more than a billion barrels, he confirmed.")
    assert not clozes(fact("quantity", sentence, value=15, unit="fields", text="15"))


def test_a_space_wire_copy_leaves_before_a_full_stop_is_taken_out():
    from quizgen.generate.wire import tidy
    assert tidy("The Kessel Trust sold rights at 3.75 crowns per share .") == \
        "The Kessel Trust sold rights at 3.75 crowns per share."
