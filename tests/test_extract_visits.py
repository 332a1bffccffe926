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
