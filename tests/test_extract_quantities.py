from extract_helpers import facts_of


def _quantities(text):
    return [(f["value"], f["unit"], f.get("hedge")) for f in facts_of(text, "quantity")]


def test_digits_with_commas_and_hedge():
    assert _quantities("Some 12,500 soldiers remain in the region.") == [(12500, "soldiers", "some")]


def test_currency_sign_with_scale_and_estimate():
    assert _quantities("The dam will cost an estimated $4.7 billion a year.") == [
        (4700000000, "dollars", "an estimated")]


def test_british_short_scales_and_wire_currency_words():
    assert _quantities("The deal is worth £2.5bn to the firm.") == [(2500000000, "pounds", None)]
    assert _quantities("It raised three billion dlrs from banks.") == [(3000000000, "dollars", None)]


def test_percentages():
    assert _quantities("Prices rose 4.5% in March, and wages two pct.") == [
        (4.5, "percent", None), (2, "percent", None)]


def test_a_share_owned_is_a_percentage_not_a_count_of_owneds():
    assert _quantities("Kessel Mills is 38%-owned by Norland Steel.") == [(38, "percent", None)]
    assert [f["text"] for f in facts_of("Kessel Mills is 38%-owned by Norland Steel.", "quantity")] == ["38%"]


def test_a_number_in_a_title_counts_nothing_but_an_acronym_plural_counts():
    assert _quantities("Kessel had a cameo in the film 24 Hour Party People.") == []
    assert _quantities("Up to 30 Labour MPs could oppose the plan.") == [(30, "MPs", "up to")]


def test_the_unit_of_a_price_counts_nothing():
    assert _quantities("Kessel offered cocoa at 1,325 francs per 100 kilos.") == [(1325, "francs", None)]


def test_number_words_and_hyphenated_measures():
    found = _quantities("Nine French engineers began a 30-day mission to the 12-nation forum.")
    assert (9, "engineers", None) in found and (30, "days", None) in found and (12, "nations", None) in found


def test_compound_number_words():
    assert _quantities("Thirty-seven thousand voters signed.") == [(37000, "voters", None)]


def test_range_gives_both_ends():
    assert _quantities("A force of 200-250 marines sailed.") == [(200, "marines", None), (250, "marines", None)]


def test_years_dates_references_and_bare_numbers_are_not_quantities():
    assert _quantities("In 1998 the two sides met on May 4 at gate 12.") == []


def test_tables_of_numbers_are_skipped():
    assert _quantities("Shr 1.20 dlrs vs 98 cts. Net 4,500 vs 3,900. Revs 12 mln vs 11 mln.") == []


def test_counts_of_capitalised_people_and_bodies():
    found = _quantities("All four Scots and more than 40 MEPs signed, and 12 Americans left.")
    assert (4, "Scots", None) in found and (40, "MEPs", "more than") in found and (12, "Americans", None) in found


def test_partitive_counts():
    assert _quantities("At least 111 of the new agencies were set up, and 19 of its 29 branch members voted.") == [
        (111, "agencies", "at least"), (19, "members", None), (29, "members", None)]


def test_first_number_of_a_range_takes_the_second_ones_unit():
    assert _quantities("Between 15,000 and 20,000 couples divorce, and growth of between six and 6.5 pct is due.") == [
        (15000, "couples", None), (20000, "couples", None), (6, "percent", None), (6.5, "percent", None)]


def test_unit_left_out_after_a_scaled_number_is_the_one_before():
    assert _quantities("Transfers fell to 237 mln dlrs in 1986 from 421 mln in 1985.") == [
        (237000000, "dollars", None), (421000000, "dollars", None)]


def test_hyphened_and_spaced_measures_and_unit_abbreviations():
    found = _quantities("The 60-employee council runs a two year project at 90,000 bpd and 198 mln SDR loans.")
    assert (60, "employees", None) in found and (2, "years", None) in found
    assert (90000, "barrels per day", None) in found and (198000000, "SDRs", None) in found


def test_numbers_spoken_in_quotes_and_repeated_references_are_left_out():
    text = ('Four miners were trapped. "There are two sides to this," the mayor said. '
            'Rescuers freed the four miners and 37,000 troops stayed.')
    assert _quantities(text) == [(4, "miners", None), (37000, "troops", None)]


def test_ordinals_and_metres_are_not_counts():
    assert _quantities("The 12th savings bank failed. She won the 100m and 200m titles at the games.") == []


def test_a_pound_is_a_quantity_with_its_sign():
    assert _quantities("Workers were paid £1 an hour on the farm.") == [(1, "pounds", None)]


def test_the_second_number_of_a_ratio_and_numbers_in_set_terms_count_nothing():
    text = ("A poll said four in ten shoppers would spend less. One out of five farms had closed. "
            "The striker shot from the edge of the six-yard box and hit the post. Farming is about two thirds "
            "of the local economy. The band has had six top 40 singles.")
    assert _quantities(text) == [(6, "singles", None)]
    assert _quantities("The appeal is expected to top 20 million pounds by Friday.") == [(20000000, "pounds", None)]
