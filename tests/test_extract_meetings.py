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
    assert _meetings("Under the agreement between Ali Osman and Idriss Kaba, fees fall.") == []


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


def test_a_bare_surname_after_a_head_title_is_a_person():
    assert _meetings("President Obuya met Chancellor Lindqvist in Oslo.") == [
        (["Lindqvist", "Obuya"], "Oslo", None)]
    assert _meetings("General Motors met General Electric.") == []


def test_held_talks_with_a_list_of_titled_people():
    found = _meetings("Yesterday, Envoy Lars Berg held talks with Vice President Ada Kim, Secretary of State "
                      "Tom Fry and Commerce Secretary Eli Roth.")
    assert found[0][0] == ["Ada Kim", "Eli Roth", "Lars Berg", "Tom Fry"]


def test_a_comma_alone_does_not_make_a_list():
    found = _meetings("After a meeting with President Ana Ruiz, Envoy Tom Held praised the plan.")
    assert found == [(["Ana Ruiz", "Tom Held"], None, None)]


def test_counterpart_named_in_the_same_sentence():
    found = _meetings("Mr Ivo Sandor held talks with his Danish counterpart, Ruth Amani, in Oslo on Friday.")
    assert found == [(["Ivo Sandor", "Ruth Amani"], "Oslo", "Friday")]


def test_pair_with_a_title_and_a_future_meeting():
    found = _meetings("Premier Jon Ekk and his Dutch counterpart Lisa Baum will meet in Bonn next week.")
    assert found == [(["Jon Ekk", "Lisa Baum"], "Bonn", "next week")]


def test_talks_between_and_summit_of():
    assert _meetings("A summit of President Ali Hamid and King Omar Saleh opened.")[0][0] == [
        "Ali Hamid", "Omar Saleh"]


def test_hosting_and_receiving_guests():
    assert _meetings("Chancellor Ute Lang hosted President Mark Dunn at her country house.")[0][0] == [
        "Mark Dunn", "Ute Lang"]
    assert _meetings("Actor Ben Cole received the Tom Hart award.") == []
    assert _meetings("Mr Ben Cole received a pass from Tom Hart.") == []


def test_participle_and_possessive_meetings():
    found = _meetings("Premier Ola Berg, meeting President Kim Tan in Seoul, said trade would grow.")
    assert found == [(["Kim Tan", "Ola Berg"], "Seoul", None)]
    found = _meetings("Envoy Sam Ruiz flew in. Mr Ruiz's talks with Minister Kay Doyle lasted an hour.")
    assert found[0][0] == ["Kay Doyle", "Sam Ruiz"]
    found = _meetings("Envoy Sam Ruiz flew in. His talks with Minister Kay Doyle lasted an hour.")
    assert found[0][0] == ["Kay Doyle", "Sam Ruiz"]


def test_time_between_the_verb_and_the_person_met():
    found = _meetings("Envoy Sam Ruiz met later in the day with Vice Premier Kay Doyle.")
    assert found[0][0] == ["Kay Doyle", "Sam Ruiz"]


def test_games_calls_and_meetings_that_never_happened():
    assert _meetings("Seed Tim Lund will meet Ray Cole in the first round.") == []
    assert _meetings("Minister Kay Doyle and Envoy Sam Ruiz talked by telephone.") == []
    assert _meetings("Minister Kay Doyle has never met Envoy Sam Ruiz.") == []
    assert _meetings("Singer Tim Lund met the same fate as late rocker Ray Cole.") == []


def test_the_person_right_before_the_verb_in_a_later_clause():
    found = _meetings("Mr Ian Dow said the firm believed that Ann Geis later met Tom Hahn in Bonn.")
    assert found == [(["Ann Geis", "Tom Hahn"], "Bonn", None)]


def test_visiting_a_person_and_a_summit_named_before_its_sides():
    assert _meetings("Envoy Sam Ruiz will visit Agriculture Secretary Kay Doyle.")[0][0] == ["Kay Doyle", "Sam Ruiz"]
    found = _meetings("Aides prepared a summit in Ottawa next month between President Ali Hamid and "
                      "Prime Minister Omar Saleh.")
    assert found[0][:2] == (["Ali Hamid", "Omar Saleh"], "Ottawa")
    found = _meetings("Speaking after talks with President Ana Ruiz, Envoy Tom Held said trade would grow.")
    assert found[0][0] == ["Ana Ruiz", "Tom Held"]
    found = _meetings("Envoy Lim Bo met European Community farm commissioner Piet Dirks.")
    assert found[0][0] == ["Lim Bo", "Piet Dirks"]


def test_a_pair_meeting_others_is_not_a_meeting_of_the_pair():
    assert _meetings("Mayor Jon Ekk and Governor Lisa Baum met union leaders today.") == []
    assert _meetings("Mayor Jon Ekk and Governor Lisa Baum are meeting with bankers in Rome.") == []
    found = _meetings("Envoy Lars Berg met Premier Ada Kim and Danish ambassador to Rome Tom Fry.")
    assert found[0][0] == ["Ada Kim", "Lars Berg", "Tom Fry"]
    assert _meetings("Envoy Lars Berg will visit Leeds South, where Labour MP Tom Fry won.") == []
    found = _meetings("Mr Lars Berg held talks with his Swiss counterpart, Ada Kim, and the Swedish envoy, Tom Fry.")
    assert found[0][0] == ["Ada Kim", "Lars Berg", "Tom Fry"]


def test_a_title_before_a_common_word_is_no_person():
    assert _meetings("King Kong met President Ruth Amani.") == []


def test_a_meeting_only_sought_is_no_meeting():
    assert _meetings("Envoy Sam Ruiz worked to arrange a meeting between Ali Hamid and Omar Saleh.") == []
    assert _meetings("Envoy Sam Ruiz hopes to meet President Ali Hamid.") == []
