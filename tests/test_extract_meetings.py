from extract_helpers import facts_of


def _meetings(text):
    return [(sorted(f["people"]), f.get("place"), f.get("when")) for f in facts_of(text, "meeting")]


def test_met_with_named_person_and_place():
    found = _meetings("Prime Minister Ivo Sandor met President Ruth Amani in Nairobi on Tuesday.")
    assert found == [(["Ivo Sandor", "Ruth Amani"], "Nairobi", "Tuesday")]


def test_pronoun_subject_and_due_to_meet():
    found = _meetings("Secretary Alan Pike arrived in Rome. He was due to meet "
                      "Foreign Minister Carla Verdi on Friday.")
    assert (["Alan Pike", "Carla Verdi"], None, "Friday") in found


def test_pair_met_and_talks_between():
    assert _meetings("Mayor Jon Ekk and Governor Lisa Baum met today.")[0][0] == ["Jon Ekk", "Lisa Baum"]
    found = _meetings("The summit produced an agreement between Sudan's Ali Osman and Chad's Idriss Kaba.")
    assert found[0][0] == ["Ali Osman", "Idriss Kaba"]


def test_one_meeting_per_group_of_people():
    found = _meetings("Minister Kay Doyle met Envoy Sam Ruiz. Later Envoy Sam Ruiz met Kay Doyle again.")
    assert len(found) == 1


def test_no_meeting_with_unnamed_people():
    assert _meetings("Minister Kay Doyle met officials from the bank.") == []


def test_second_verb_shares_the_subject():
    found = _meetings("She spoke. Minister Ada Nwosu met Envoy Li Fen and then held talks with "
                      "Premier Ole Rask.")
    assert (["Ada Nwosu", "Ole Rask"], None, None) in found


def test_passives_possessives_and_other_clauses_are_not_meetings():
    assert _meetings("The cross from Rob Hale was met by Tim Orr at the far post.") == []
    assert _meetings("Striker Tim Orr met Rob Hale's cross with a volley.") == []
    assert _meetings("Speaking on radio, Mayor Ann Hill declined to comment on reports that "
                     "the bank held talks with Bo Tanaka.") == []


def test_meeting_two_people_is_one_meeting_of_three():
    found = _meetings("Envoy Jo Park will meet President Ali Hamid and Foreign Minister Sara Noor.")
    assert found == [(["Ali Hamid", "Jo Park", "Sara Noor"], None, None)]


def test_meeting_as_the_setting_of_the_main_verb():
    found = _meetings("Speaking after an hour-long meeting with President Ana Ruiz, "
                      "Envoy Tom Held praised the plan.")
    assert found == [(["Ana Ruiz", "Tom Held"], None, None)]
