from extract_helpers import facts_of


def _quotes(text):
    return [(f["speaker"], f["text"]) for f in facts_of(text, "quote")]


def test_said_after_the_quote():
    assert _quotes('"We will rebuild the bridge," Mayor Tess Allen said.') == [
        ("Tess Allen", "We will rebuild the bridge")]


def test_said_before_the_quote_and_pronoun():
    found = _quotes('Coach Rob Dane spoke. He said: "The team played with heart."')
    assert found == [("Rob Dane", "The team played with heart.")]


def test_quote_continued_in_the_next_sentence():
    found = _quotes('"The vote is close," said Judge Amy Park. "Nobody knows the result."')
    assert ("Amy Park", "Nobody knows the result.") in found


def test_quoted_as_saying_names_the_real_speaker():
    found = _quotes('Premier Li Bo spoke. "Ties are better," aide Wu Fan quoted Li as telling him.')
    assert found == [("Li Bo", "Ties are better")]


def test_unnamed_speaker_makes_no_fact():
    assert _quotes('"It was chaos," a witness said.') == []


def test_spokesman_of_a_named_person():
    found = _quotes('Prime Minister Al Dunn\'s official spokesman said: "No decision has been taken."')
    assert found == [("Al Dunn's official spokesman", "No decision has been taken.")]


def test_reported_speech_after_said_is_not_the_speaker():
    found = _quotes('A spokesman said Mr Ron Gale had been "willing to do anything at all".')
    assert found == []


def test_unnamed_speaker_stops_the_continuation():
    text = ('"We are ready," said Mayor Tess Allen. In a statement, it said: "The plan is unlawful. '
            '"We will appeal."')
    assert [speaker for speaker, _ in _quotes(text)] == ["Tess Allen"]


def test_participle_saying_keeps_the_subject():
    found = _quotes('Minister Ken Obi was more careful, saying "we should move slowly on this".')
    assert found == [("Ken Obi", "we should move slowly on this")]


def test_quote_continues_in_the_next_paragraph():
    text = '"Rates will stay low this year," Mayor Tess Allen said.\n\n"We have had a good year in the city."'
    assert [speaker for speaker, _ in _quotes(text)] == ["Tess Allen", "Tess Allen"]


def test_quote_across_sentences_is_given_to_the_speaker_after_it():
    found = _quotes('"The bridge is safe. It will open soon," Mayor Rob Dane said.')
    assert found == [("Rob Dane", "The bridge is safe. It will open soon")]


def test_he_added_is_not_the_man_named_beside_him():
    found = _quotes('Minister Ken Obi spoke first. But standing next to Mr Lars Berg he added: '
                    '"The deal is done and signed."')
    assert found == [("Ken Obi", "The deal is done and signed.")]


def test_person_named_inside_the_quote_is_not_the_speaker():
    found = _quotes('Coach Rob Dane was happy. "I told Lars Berg we would win this time," he said.')
    assert found == [("Rob Dane", "I told Lars Berg we would win this time")]


def test_he_after_an_unnamed_spokesman_is_the_spokesman():
    text = ('Mayor Tess Allen visited the site. A spokesman said the works were late. '
            'He added: "We will finish by the summer."')
    assert _quotes(text) == []


def test_spokesman_for_an_organisation_is_named_after_it_and_referred_back_to():
    text = ('A spokesman for the Harbour Authority said ships would be late. The port was shut. '
            '"Nobody will dock here before Monday," he said. The spokesman added: "We are sorry for it."')
    assert [speaker for speaker, _ in _quotes(text)] == ["Harbour Authority spokesman"] * 2


def test_quote_inside_a_report_of_a_report_is_the_reporters():
    found = _quotes('Governor Ana Petrov said the police had said the plan could "save many lives this winter".')
    assert found == [("Ana Petrov", "save many lives this winter")]


def test_partial_quotes_in_one_sentence_share_the_speaker():
    found = _quotes('Leader Tom Hale said the "bonfire of rules" the council promised was an "explosion" instead.')
    assert found == [("Tom Hale", "bonfire of rules"), ("Tom Hale", "explosion")]


def test_colon_after_a_participle_introduces_the_subjects_quote():
    found = _quotes('Senator Ray Cobb repeated his call for a vote, warning: "Time is running out for us all."')
    assert found == [("Ray Cobb", "Time is running out for us all.")]


def test_unattributed_quote_belongs_to_the_subject_of_the_sentence_before():
    found = _quotes('Senator Ray Cobb repeated his call for a vote. "Time is running out for all of us."')
    assert found == [("Ray Cobb", "Time is running out for all of us.")]


def test_speaker_named_with_an_organisation_after_the_verb():
    assert _quotes('"Prices will rise again," said Paul Hart of the Trade Council.') == [
        ("Paul Hart", "Prices will rise again")]


def test_quote_mark_typed_for_an_apostrophe_does_not_split_the_quote():
    found = _quotes('Minister Ken Obi said: "I"m sure it"s fine for everyone here."')
    assert found == [("Ken Obi", 'I"m sure it"s fine for everyone here.')]


def test_short_quote_runs_into_the_next_sentence():
    found = _quotes('Judge Amy Park said: "No. We will not change the ruling at all."')
    assert found == [("Amy Park", "No. We will not change the ruling at all.")]


def test_named_spokesman_keeps_his_name():
    found = _quotes('Ray Dunn, the Farmers Union spokesman, said "prices must rise before the spring".')
    assert found == [("Ray Dunn", "prices must rise before the spring")]


def test_object_of_a_speech_verb_is_not_the_speaker():
    assert _quotes('The unions accused Mayor Tess Allen of being "afraid of the voters".') == []


def test_a_quote_of_one_unnamed_analyst_is_nobodys():
    text = ("Options boom\n\n\"We aim for 100 classes,\" said Ingrid Dahl, the exchange's chairman.\n\n"
            "Dahl said the exchange aimed to lead Europe.\n\n"
            "\"I would say the plans for growth are modest,\" one leading options analyst said, predicting more growth.\n")
    assert not [f for f in facts_of(text, "quote") if "modest" in f["text"]]


def test_said_then_a_title_and_whose_it_is_before_the_name():
    for title in ("coach", "his coach", "the company's chief executive", "Kessel Oil chief executive",
                  "race director", "Harbour Radio executive producer"):
        quotes = _quotes(f'Tomas Varga has cut his schedule. "It is nothing serious at all," said {title} Lea Kask.')
        assert [speaker for speaker, _ in quotes] == ["Lea Kask"], title


def test_an_age_as_subject_is_the_person_the_story_keeps_describing():
    quotes = _quotes('Tomas Varga will stay at Kessel. "I want to stay at the club," Varga said. Norland boss '
                     "Ivo Lund is said to have been impressed. But the 25-year-old Dane underlined his intention "
                     'to stay. He added: "It is nice to be linked with the top clubs in Norland."')
    assert [speaker for speaker, _ in quotes] == ["Tomas Varga", "Tomas Varga"]


def test_a_work_or_a_body_named_beside_its_kind_never_speaks():
    text = ("The third Harbour Wars movie may be too dark for children, film-maker Lena Marsh has said. "
            "\"I would not take a six-year-old to this,\" she told the programme.")
    assert [f["speaker"] for f in facts_of(text, "quote")] == ["Lena Marsh"]
    text = ("Tom Hale, deputy editor of UK magazine Harbour Weekly, said the quay would please sailors.\n\n"
            "\"They want a further taste of Kessel.\" Hale added: \"It is a bold move.\"")
    assert {f["speaker"] for f in facts_of(text, "quote")} == {"Tom Hale"}


def test_he_said_after_a_sentence_ending_with_its_speaker_is_that_speaker():
    text = ("The harbour board is not offering new loans, and Fisheries Secretary Tom Hale has not consulted "
            "the sailors, Ivo Lund said. \"I don't know if the board is serious about the loans,\" he said.")
    assert [f["speaker"] for f in facts_of(text, "quote")] == ["Ivo Lund"]


def test_a_name_the_speaker_says_is_never_the_speaker_of_the_next_he_said():
    text = ("The Leicester prop Tomas Varga is also impressed with the Kessel pack. \"Ivo Lund is starting at "
            "loose-head for them. He has played a bit at tight-head,\" he added. \"I am pleased with my form,\" he said.")
    assert {f["speaker"] for f in facts_of(text, "quote")} == {"Tomas Varga"}


def test_he_said_is_never_someone_his_own_quotation_names():
    text = ("Kessel manager Tomas Varga spoke on Friday. Varga's striker Ivo Lund is fit again, but the manager is "
            "unsure whether to start him.\n\n\"Ivo is the best striker in the league. What I have to judge is his "
            "pace,\" he said. \"He will play some part.\"")
    assert {f["speaker"] for f in facts_of(text, "quote")} == {"Tomas Varga"}


def test_a_title_in_lower_case_may_open_the_speaker_after_a_quotation():
    text = ('Harbour master Ivo Lund died on Monday. "We mourn Ivo today," chief executive Tomas Varga said '
            'in a statement.')
    assert _quotes(text) == [("Tomas Varga", "We mourn Ivo today")]


def test_a_space_before_the_closing_mark_still_ends_the_quotation():
    text = 'Ivo Lund spoke first. "The board is buckling under the pressure, " Kessel Party spokesman Tomas Varga said.'
    assert _quotes(text) == [("Tomas Varga", "The board is buckling under the pressure")]


def test_a_sentence_that_only_names_the_speaker_after_a_question_mark_is_its_attribution():
    text = ('Ivo Lund was sued over the film. "If you have not gone against the book, how can you go against '
            'the film?" Mr Lund\'s lawyer Tomas Varga said.')
    assert [f["speaker"] for f in facts_of(text, "quote")] == ["Tomas Varga"]


def test_a_name_in_the_middle_sentence_of_a_quotation_is_not_whom_the_next_he_means():
    text = ('After losing to Ivo Lund on Sunday, Tomas Varga said he had doubted himself. "I am 25. I\'m playing '
            'against Lund. At least you have to have a chance," he said. "I found a way out."')
    assert {f["speaker"] for f in facts_of(text, "quote")} == {"Tomas Varga"}


def test_a_quotation_that_names_its_speaker_was_read_to_the_wrong_person():
    text = ('Actor Ivo Lund died on Friday. "Ivo was my hero, and he still is."')
    assert _quotes(text) == []
    assert _quotes('"I have a new slogan: Vote Varga, Get Lund," said Tomas Varga.') == [
        ("Tomas Varga", "I have a new slogan: Vote Varga, Get Lund")]


def test_a_title_word_that_is_also_a_surname_ends_a_name():
    text = ("The Leicester prop Julian White expects a rough ride in Kessel. White said: \"The Kessel scrum is a force.\" "
            "\"We will be ready,\" said White House spokesman Tom Hale.")
    assert [f["speaker"] for f in facts_of(text, "quote")] == ["Julian White", "Tom Hale"]


def test_a_sporting_prize_is_never_a_speaker():
    text = ("Kessel are chasing a Grand Slam after beating Norland. \"We made hard work of it,\" he said.")
    assert not [f for f in facts_of(text, "quote") if f["speaker"] == "Grand Slam"]


def test_a_firm_of_two_names_before_an_analyst_is_not_the_speaker():
    text = ("\"Rates will hold,\" said Kessel Marsh and Lund analyst Tomas Varga. "
            "\"The market needs something new,\" he said.")
    assert [f["speaker"] for f in facts_of(text, "quote")] == ["Tomas Varga", "Tomas Varga"]


def test_he_after_someone_the_story_never_names_in_full_is_no_one_else():
    text = ("Ivo Lund lost to the top seed in four sets on Friday. Varga admitted he had felt the pressure. "
            "\"I had a feeling this could be a hard match,\" he said.")
    assert _quotes(text) == []


def test_he_after_a_but_clause_is_the_one_who_answered():
    text = ("Tomas Varga said he was tired of the slow courts but Kessel Open chief Ivo Lund rejected his complaint. "
            "\"We made the courts faster this year,\" he said.")
    assert _quotes(text) == [("Ivo Lund", "We made the courts faster this year")]


def test_a_club_named_before_its_director_is_no_one_the_next_he_means():
    text = ("Kessel Hawks director of football Tomas Varga has raised the fixture row again. "
            "Kessel host Norland on Friday. \"We have one session to prepare,\" he said.")
    assert not [f for f in facts_of(text, "quote") if f["speaker"] == "Kessel Hawks"]


def test_a_person_of_a_firm_is_still_a_person_and_a_body_of_a_place_is_not():
    text = ("\"Sales will recover,\" said Tomas Varga of Kessel Marsh. \"The worst is over,\" said Varga. "
            "The Youth Orchestra of Norland got a grant. \"We are grateful,\" he said.")
    assert _quotes(text)[:2] == [("Tomas Varga", "Sales will recover"), ("Tomas Varga", "The worst is over")]
    assert not [f for f in facts_of(text, "quote") if f["speaker"] == "Youth Orchestra"]


def test_a_surname_given_with_a_title_names_him_alone_later():
    text = ("President Varga spoke on television on Monday. Former senator Ivo Lund wrote the report. "
            "Varga said he backed the report. \"I accept the blame,\" he said.")
    assert _quotes(text) == [("Varga", "I accept the blame")]


def test_a_firm_named_like_a_person_before_and_co_is_no_speaker_and_no_post():
    text = ("\"Margins will fall,\" Hale Kessel and Co analyst Tomas Varga said. "
            "\"It was a gateway for chips,\" said Norland Securities analyst Ivo Lund.")
    assert "Hale Kessel" not in [speaker for speaker, _ in _quotes(text)]
    assert ("Ivo Lund", "It was a gateway for chips") in _quotes(text)
    assert not [f for f in facts_of(text, "role") if f.get("org") == "Co"]
    assert not [f for f in facts_of("B and C managing director Tomas Varga said rates would hold.", "role")
                if f.get("org") == "C"]


def test_a_player_s_position_before_his_name_is_no_part_of_it():
    assert _quotes('Keeper Tomas Varga said: "The boys are behind the manager."') == [
        ("Tomas Varga", "The boys are behind the manager.")]
