from extract_helpers import facts_of


def _visits(text):
    return [(f["person"], f["place"], f.get("when")) for f in facts_of(text, "visit")]


def test_arrived_in_with_time():
    assert _visits("Chancellor Hans Vogel arrived on Sunday in Tokyo for talks.") == [
        ("Hans Vogel", "Tokyo", "Sunday")]


def test_flies_to_with_pronoun():
    found = _visits("Premier Lu Wen left Seoul. On Friday, he flies to Hanoi.")
    assert ("Lu Wen", "Hanoi", "Friday") in found


def test_arrival_without_destination_is_the_dateline_city():
    assert _visits("CAIRO, May 2 - Minister Sara Haddad arrived from Amman on a short trip.")[0][:2] == (
        "Sara Haddad", "Cairo")


def test_possessive_visit_and_was_in():
    found = _visits("Envoy Ian Beck spoke. His Japan visit ended. Mr Beck was in Canada later.")
    assert ("Ian Beck", "Japan", None) in found and ("Ian Beck", "Canada", None) in found


def test_places_used_as_adjectives_are_not_visits():
    assert _visits("Minister Ola Berg arrived aboard a U.S. Air Force plane.") == []


def test_called_off_trips_and_quoted_arrivals_are_not_visits():
    assert _visits("Minister Ola Berg has cancelled a trip to Australia.") == []
    assert _visits('ROME, May 2 - Senator Ola Berg said "the time has arrived" for change.') == []


def test_lists_of_visitors_and_places():
    found = _visits("Minister Ola Berg and Envoy Tim Roe visited Kenya and Uganda last week.")
    assert set(found) == {("Ola Berg", "Kenya", "last week"), ("Ola Berg", "Uganda", "last week"),
                          ("Tim Roe", "Kenya", "last week"), ("Tim Roe", "Uganda", "last week")}


def test_a_visit_as_the_setting_of_the_sentence():
    assert _visits("During a visit to Japan, Minister Ola Berg said trade would grow.") == [
        ("Ola Berg", "Japan", None)]
    assert _visits("Minister Ola Berg, on his first official visit to Peru, praised the plan.") == [
        ("Ola Berg", "Peru", None)]
    assert _visits("Pope Leo Tam, starting a week-long tour of Chile, spoke on Monday.") == [
        ("Leo Tam", "Chile", "Monday")]
    assert _visits("On a visit to Rome, his wife introduced him to actor Ola Berg.") == []


def test_visit_nouns_with_their_visitor():
    assert _visits("Minister Ola Berg's visit to Japan ended.") == [("Ola Berg", "Japan", None)]
    found = _visits("A deal was signed during a visit to Moscow by Oil Minister Ali Reza on Monday.")
    assert found == [("Ali Reza", "Moscow", "Monday")]
    assert ("Ola Berg", "India", None) in _visits("Minister Ola Berg spoke. Her Indian tour ended.")


def test_presence_and_purpose():
    assert _visits("Minister Ola Berg, who is currently in Dublin, spoke.") == [("Ola Berg", "Dublin", None)]
    assert _visits("Minister Ola Berg, in Seoul for talks with traders, said prices would fall.") == [
        ("Ola Berg", "Seoul", None)]
    assert _visits("LIMA, May 2 - Minister Ola Berg, here on a two-day visit, spoke.") == [
        ("Ola Berg", "Lima", None)]


def test_floated_trips_and_trips_home_are_not_visits():
    assert _visits("Minister Ola Berg hopes to visit Canada next year.") == []
    assert _visits("Minister Ola Berg may fly to Canada.") == []
    assert _visits("Brazilian Finance Minister Ola Berg flew to Brasilia and then to Japan.") == []
    assert _visits("Brazilian Finance Minister Ola Berg travelled to Japan.") == [("Ola Berg", "Japan", None)]


def test_a_visit_the_story_only_reports_as_claimed_is_no_visit():
    assert _visits("Coach Ola Berg had claimed that he was in Milan on the day of the meeting.") == []
    assert _visits("Coach Ola Berg claimed he flew to Milan on Monday.") == []


def test_places_that_modify_a_noun_are_not_visited():
    assert _visits("Striker Ola Berg returned to the England side last weekend.") == []


def test_more_settings_presence_and_arrivals():
    assert _visits("Minister Ola Berg, on the first day of an official visit to Chile, said debts would fall.") == [
        ("Ola Berg", "Chile", None)]
    assert _visits("Minister Ola Berg said in an interview during a Japan visit that prices would fall.") == [
        ("Ola Berg", "Japan", None)]
    assert _visits("Minister Ola Berg was also in Rome for trade talks.") == [("Ola Berg", "Rome", None)]
    assert _visits('"Growth is possible," said Ola Berg, who arrived in Chile last Thursday.') == [
        ("Ola Berg", "Chile", "last Thursday")]


def test_trips_missed_or_refused_are_not_visits():
    assert _visits("Striker Ola Berg will not travel to Israel on Wednesday.") == []
    assert _visits("After missing out on the 2001 tour to Australia, Ola Berg is fit.") == []


def test_an_arrival_still_to_come_is_not_in_the_dateline_city():
    assert _visits("LIMA, May 2 - Talks will start when Minister Ola Berg arrives on Wednesday.") == []


def test_a_return_is_no_visit_and_a_planned_trip_is_not_one_yet():
    assert _visits("Minister Ola Berg returned to Chile in December.") == []
    assert _visits("Minister Ola Berg's planned trip to Chile was cancelled.") == []
