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
