from extract_helpers import facts_of


def _dates(text):
    return [(f["when"], f["event"], f.get("iso")) for f in facts_of(text, "date")]


def test_weekday_tied_to_its_clause():
    found = _dates("On Monday, the council approved the new budget.")
    assert found == [("Monday", "the council approved the new budget", None)]


def test_month_day_year_gives_iso():
    found = _dates("The treaty was signed on March 3, 1991 in Lisbon.")
    assert found[0][0] == "March 3, 1991" and found[0][2] == "1991-03-03"


def test_relative_expressions():
    found = dict((w, e) for w, e, _ in _dates(
        "The talks began last week in Oslo. The border closed 13 months ago after a raid."))
    assert "last week" in found and "13 months ago" in found


def test_dateline_is_its_own_fact_and_not_an_event():
    found = _dates("LIMA, June 9 - Peru's cabinet resigned on Tuesday after protests.")
    assert ("June 9", "story dateline", None) in found
    assert any(w == "Tuesday" and "cabinet resigned" in e for w, e, _ in found)


def test_names_that_contain_weekdays_are_not_dates():
    assert _dates("The Sunday Times reported the claim.") == []


def test_one_fact_per_time_expression_and_sentence():
    found = _dates("The vote was held on Friday and counted on Friday. Results came on Friday too.")
    assert [w for w, _, _ in found] == ["Friday", "Friday"]


def test_parts_and_edges_of_a_period():
    found = dict((w, e) for w, e, _ in _dates(
        "Sales rose in the first quarter. Output fell in the second half of 1998. "
        "Debt will reach a peak by the end of 2001. Prices of copper peaked in mid-1994."))
    assert {"first quarter", "second half of 1998", "end of 2001", "mid-1994"} <= set(found)


def test_months_with_a_relative_year_or_none():
    found = [(w, i) for w, _, i in _dates("The mill closed in May last year. The 1998 report came out "
                                          "in its final form. The plan dates from June 1990 and the "
                                          "March 1991 draft was dropped.")]
    assert ("May last year", None) in found and ("June 1990", "1990-06") in found
    assert ("March 1991", "1991-03") in found


def test_year_spans_and_years_before_a_noun():
    found = [w for w, _, _ in _dates("Repayments over the 1991-95 period are due. The firm's 1990 profit fell.")]
    assert found == ["1991-95", "1990"]


def test_possessive_dates_tie_to_the_noun_but_not_today():
    found = dict((w, e) for w, e, _ in _dates("Last year's floods ruined the harvest. Today's talks failed."))
    assert "floods ruined the harvest" in found["Last year"] and "Today" not in found


def test_event_is_told_from_the_clause_opener():
    found = dict((w, e) for w, e, _ in _dates("The mayor said the port would grow when the new quay opens next year."))
    assert found["next year"] == "the new quay opens"


def test_dates_inside_a_quotation_spanning_sentences_are_skipped():
    text = 'The mayor said: "We will win. The vote is on Monday, and we are ready." The count ends on Friday.'
    assert [w for w, _, _ in _dates(text)] == ["Friday"]


def test_weekday_with_its_date_is_one_expression():
    assert [w for w, _, _ in _dates("Tickets go on sale on Friday 11 March in the city.")] == ["Friday 11 March"]
