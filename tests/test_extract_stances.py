from extract_helpers import facts_of


def _stances(text):
    return [(f["holder"], f["polarity"], f["target"]) for f in facts_of(text, "stance")]


def test_country_opposes_target():
    assert _stances("Brazil opposes the new tariff, saying it hurts farmers.") == [
        ("Brazil", "oppose", "the new tariff")]


def test_urged_to_gives_support_and_splits_two_aims():
    found = _stances("Minister Eva Lund is urging donors to fund schools and to cancel debts.")
    assert ("Eva Lund", "support", "donors to fund schools") in found
    assert ("Eva Lund", "support", "cancel debts") in found


def test_demanded_stop_turns_into_oppose():
    found = _stances("President Omar Diallo demanded that the army stop shelling villages.")
    assert found == [("Omar Diallo", "oppose", "shelling villages")]


def test_relative_clause_holder_is_the_antecedent():
    found = _stances("Envoys went to Canada, which has joined Mexico in opposing the pipeline.")
    assert found == [("Canada", "oppose", "the pipeline")]


def test_passive_noun_and_quoted_cues_make_no_stance():
    assert _stances("Governor Ken Moe was criticised by unions.") == []
    assert _stances("Governor Ken Moe faced growing calls for an inquiry.") == []
    assert _stances('Governor Ken Moe said: "We oppose the levy."') == []


def test_subject_must_be_the_verbs_own():
    assert _stances("Canada farm groups welcomed the ruling.") == []


def test_holder_of_a_conjoined_clause():
    found = _stances("The European Union has urged Peru to cut tariffs, and Chile opposes any new levy.")
    assert ("European Union", "support", "Peru to cut tariffs") in found
    assert ("Chile", "oppose", "any new levy") in found


def test_bodies_and_parties_hold_stances():
    found = _stances("But the Greens and Liberal Democrats say they want a full inquiry into the deal.")
    assert ("Greens", "support", "a full inquiry into the deal") in found
    assert ("Liberal Democrats", "support", "a full inquiry into the deal") in found
    assert _stances("A Treasury spokesman dismissed the latest claims, saying the rules were met.") == [
        ("Treasury", "oppose", "the latest claims")]
    assert _stances("Campaign group Fairwater called on the council to close the mine.") == [
        ("Fairwater", "support", "the council to close the mine")]


def test_a_nickname_gives_way_to_the_party_name():
    assert _stances("The Tories are to back the new rail plan.") == [("Conservatives", "support", "the new rail plan")]


def test_a_short_form_gives_way_only_when_the_story_spells_it_out():
    assert _stances("The Lib Dems opposed the levy.") == [("Lib Dems", "oppose", "the levy")]
    found = _stances("The Liberal Democrats met. The Lib Dems opposed the levy.")
    assert found == [("Liberal Democrats", "oppose", "the levy")]


def test_bare_verbs_after_modals_and_lead_ins():
    assert _stances("Senator Ann Wu will also call for tighter checks on lenders.") == [
        ("Ann Wu", "support", "tighter checks on lenders")]
    assert _stances("Premier Jo Dale refused to back the strike.") == [("Jo Dale", "oppose", "the strike")]
    assert _stances("Premier Jo Dale did not back the strike.") == []
    assert _stances("The law requires Premier Jo Dale to oppose the strike.") == []


def test_nouns_with_a_possessor_or_a_light_verb():
    assert _stances("Chile's opposition to the dam is well known.") == [("Chile", "oppose", "the dam")]
    assert _stances("Mayor Tim Roe reiterated calls for a bypass.") == [("Tim Roe", "support", "a bypass")]
    assert _stances("Mayor Tim Roe faced growing calls for a bypass.") == []


def test_passive_with_a_named_agent():
    assert _stances("The harbour plan was backed by the mayor, Ida Lunn.") == [
        ("Ida Lunn", "support", "The harbour plan")]
    assert _stances("The bill, which ministers like, is expected to be opposed by the Greens.") == []


def test_joined_verbs_share_their_holder_and_end_each_target():
    found = _stances("The Greens welcomed the audit and called for a ban on drilling.")
    assert found == [("Greens", "support", "the audit"), ("Greens", "support", "a ban on drilling")]
    found = _stances("Peru recently ousted its leader Jorge Vela and has said it wants closer trade links.")
    assert ("Peru", "support", "closer trade links") in found


def test_a_past_verb_after_a_reported_modal_joins_the_reporting_verb_not_the_reported_subject():
    text = "The donors' statement said Portugal must take more steps toward growth and called for lower tariffs."
    assert not [s for s in _stances(text) if s[0] == "Portugal"]


def test_advocacy_in_reported_speech_but_not_forecasts():
    assert _stances("Governor Ed Pike MP said the council should scrap the toll.") == [
        ("Ed Pike", "support", "the council should scrap the toll")]
    assert _stances("Analyst Ed Pike said sales should rise next year.") == []
    assert _stances("Governor Ed Pike said the council should have acted sooner.") == []


def test_requests_wants_denials_and_labels():
    assert _stances("The Greens are asking the regulator to stop the sale.") == [
        ("Greens", "support", "the regulator to stop the sale")]
    assert _stances("Mr Ian Dow wants a public inquiry into the fire.") == [
        ("Ian Dow", "support", "a public inquiry into the fire")]
    assert _stances("Mr Ian Dow wants to stay in the post.") == []
    assert _stances("Minister Lea Holm denied reports that she would resign.") == [
        ("Lea Holm", "oppose", "reports that she would resign")]
    assert _stances("Minister Lea Holm branded the scheme a waste of money.") == [
        ("Lea Holm", "oppose", "the scheme")]


def test_protest_as_the_purpose_of_an_act():
    found = _stances("Peru will boycott the summit in protest at the border closure.")
    assert ("Peru", "oppose", "the border closure") in found


def test_targets_are_clean_phrases():
    found = _stances("Senator Ann Wu called for radical reform of the bank's lending rules to give farmers more "
                     "time over their loans and debts.")
    assert found == [("Ann Wu", "support", "radical reform of the bank's lending rules to give farmers more time")]
    assert _stances("Senator Ann Wu welcomed the plan on Tuesday.") == [("Ann Wu", "support", "the plan")]
    assert _stances("Senator Ann Wu criticised him for the delay.") == []


def test_asked_whether_is_no_stance():
    assert _stances("Reporters asked whether Senator Ann Wu opposes the plan.") == []


def test_advocacy_with_its_speaker_after_it_or_after_a_long_adjunct():
    assert _stances("Old wells should also be exempted from the tax, Governor Ann Nugent said.") == [
        ("Ann Nugent", "support", "Old wells should also be exempted from the tax")]
    assert _stances("Sales should rise in the second half, Ann Nugent said.") == []
    assert _stances("Ann Nugent said in a speech to the state house that the state must take the lead.") == [
        ("Ann Nugent", "support", "the state must take the lead")]


def test_reported_clauses_subordinate_clauses_and_misread_names_before_the_holder():
    assert _stances("Diplomats said Peru demanded an early debate on the tax.") == [
        ("Peru", "support", "an early debate on the tax")]
    assert _stances("Aid came to Chad, where the United Nations has urged more help for the hungry.") == [
        ("United Nations", "support", "more help for the hungry")]
    assert _stances("Texas Railroad Commissioner Jim Nugent, saying that oil cannot wait, today urged "
                    "lawmakers to act.") == [("Jim Nugent", "support", "lawmakers to act")]
    assert _stances("In a statement, the EU said that Peru should back the accord.") == [
        ("European Union", "support", "Peru should back the accord")]


def test_a_demonym_holds_a_noun_stance():
    assert _stances("Minister Ed Braks regretted West German opposition to radical reforms.") == [
        ("Germany", "oppose", "radical reforms")]


def test_economic_demand_quoted_advocacy_and_questions_are_no_stances():
    assert _stances("Banker Ed Heller wants to see stronger Japanese demand for cars.") == []
    assert _stances('Minister Ed Baker said, "We believe more power should lie with donors."') == []
    assert _stances("Senator Bill Gray asked members to tell him by Monday.") == []
    assert _stances("Senator Bill Gray denounced what he called election fever.") == []
    assert _stances("The school will be supported by a 45 mln dlr loan through the Aid Association.") == []


def test_the_party_leader_is_the_one_the_story_named():
    found = _stances("Tory leader Ed Hale spoke. Labour leader Ann Moss spoke. "
                     "The Tory leader will argue against new taxes.")
    assert found == [("Ed Hale", "oppose", "new taxes")]


def test_a_stated_intent_to_support():
    assert _stances("Minister Ed Goria expressed Italy's willingness to support the debt plan.") == [
        ("Italy", "support", "the debt plan")]
    assert _stances("Senator Ann Wu announced her decision to back the strike.") == [
        ("Ann Wu", "support", "the strike")]


def test_a_condition_is_no_advocacy():
    assert _stances("Analyst Gordon Will said the price must be about eight dlrs higher.") == []


def test_where_a_stance_was_said_is_not_its_target():
    assert _stances("Senator Ann Wu praised the rescuers on Twitter.") == [("Ann Wu", "support", "the rescuers")]
    assert _stances("Senator Ann Wu has said publicly the park should be opened up to farming.") == [
        ("Ann Wu", "support", "the park should be opened up to farming")]


def test_a_report_named_after_its_author_speaks_for_them():
    assert _stances("Premier Wim Dekker spoke. The Dekker report recommends that the targets be cut.") == [
        ("Wim Dekker", "support", "the targets be cut")]


def test_more_nouns_of_support_and_opposition():
    assert _stances("Peru's hostility to the treaty is old.") == [("Peru", "oppose", "the treaty")]
    assert _stances("Senator Ann Wu voiced strong support for the bill.") == [("Ann Wu", "support", "the bill")]
    assert _stances("Senator Ann Wu warned against cuts in aid.") == [("Ann Wu", "oppose", "cuts in aid")]
    assert _stances("Senator Ann Wu is against the war.") == [("Ann Wu", "oppose", "the war")]


def test_a_relative_clause_that_has_ended_holds_no_stance():
    assert _stances("It cited Joe Holm, who died in a cell in 2002, and urged ministers to act.") == []
    assert _stances("Peru has rejected the plan and Chile's main parties have opposed it.")[0] == (
        "Peru", "oppose", "the plan")
    assert _stances("Bad lessons have previously been criticised by Mr Ed Bell.") == [
        ("Ed Bell", "oppose", "Bad lessons")]
