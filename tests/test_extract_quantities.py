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
