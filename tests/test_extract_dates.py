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


def test_one_fact_per_time_expression():
    found = _dates("The vote was held on Friday. Results came on Friday too, officials said.")
    assert [w for w, _, _ in found] == ["Friday"]
