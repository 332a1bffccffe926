from quizgen.stories import dateline_length, parse_story, split_sentences


def _texts(body):
    return [s.text for s in split_sentences(body)]


def test_a_section_heading_run_into_its_paragraph_is_no_part_of_a_sentence():
    assert _texts("HOW IT BEGAN The first fair was held in 1929. WHEN AND WHERE The fair moved in 1942.") == [
        "The first fair was held in 1929.", "The fair moved in 1942."]
    assert _texts("SALT LAKE CITY, March 3 - Kessel Corp said sales rose.") == [
        "SALT LAKE CITY, March 3 - Kessel Corp said sales rose."]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert _texts("He met Mr. Smith at 5 p.m. on Monday. Then he left.") == [
        "He met Mr. Smith at 5 p.m. on Monday.", "Then he left."]
    assert _texts("Sen. Jo Helms, R-N.C., spoke. Gov. Ann Rich did too.") == [
        "Sen. Jo Helms, R-N.C., spoke.", "Gov. Ann Rich did too."]


def test_dotted_acronym_ends_a_sentence_only_before_a_starter():
    assert _texts("The U.S. Navy said so. The U.S. is big.") == [
        "The U.S. Navy said so.", "The U.S. is big."]
    assert _texts("Lund welcomed the pledge by the U.S. And Norland to hold rates.") == [
        "Lund welcomed the pledge by the U.S. And Norland to hold rates."]      # wire copy's capital
    assert _texts('"The issue is fear in (the U.S.) Kessel Valley," said Lund. It grew.') == [
        '"The issue is fear in (the U.S.) Kessel Valley," said Lund.', "It grew."]
    assert _texts("It rained (as it did in the U.S.) The end came.") == [
        "It rained (as it did in the U.S.)", "The end came."]


def test_decimals_and_quotes():
    assert _texts("Growth hit 3.5 pct. It was the best.") == ["Growth hit 3.5 pct.", "It was the best."]
    assert _texts('"We will win." He smiled.') == ['"We will win."', "He smiled."]


def test_sentences_are_verbatim_slices_with_offsets():
    story = parse_story("Title line\n\nFirst one here. Second one.\n\nThird paragraph.", "t.txt")
    for sentence in story.sentences:
        assert story.text[sentence.start:sentence.end] == sentence.text
    assert [s.paragraph for s in story.sentences] == [0, 0, 1]


def test_dateline_is_found_and_measured():
    story = parse_story("HEADLINE\n\nWASHINGTON, March 4 - The Senate voted.", "x.txt")
    assert story.dateline == "WASHINGTON, March 4"
    assert story.text[dateline_length(story.text):].startswith("The Senate")


def test_a_dateline_written_in_mixed_case_with_a_province_is_found():
    story = parse_story("Gold\n\nKessel, North Norland, March 17 - Varga Mining said drilling went well.", "x.txt")
    assert story.dateline == "Kessel, North Norland, March 17"
    assert story.text[dateline_length(story.text):].startswith("Varga Mining")


def test_a_dateline_that_names_the_agency_is_found_whole():
    story = parse_story("Debt\n\nKESSEL, Norland, March 23, Reuter - Debt will grow, a minister said.", "x.txt")
    assert story.dateline == "KESSEL, Norland, March 23"
    assert story.text[dateline_length(story.text):].startswith("Debt will grow")


def test_control_characters_are_dropped():
    story = parse_story("Title\n\nA bell\x07 rang. It\x1b stopped.", "x.txt")
    assert [s.text for s in story.sentences] == ["A bell rang.", "It stopped."]


def test_no_sentences_in_an_empty_body():
    assert split_sentences("") == []
