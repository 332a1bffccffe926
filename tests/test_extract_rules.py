from quizgen.extract.rules import inside_quote, subject_is_close


def _inside(text, word):
    return inside_quote(text, text.index(word))


def test_inside_quote_in_one_sentence():
    text = 'Mr Lee said "we go on Monday" and left on Tuesday.'
    assert _inside(text, "Monday") and not _inside(text, "Tuesday")


def test_quote_opened_in_an_earlier_sentence():
    text = 'it will be done this year," he said on Friday.'
    assert _inside(text, "this year") and not _inside(text, "Friday")


def test_quote_that_opens_later_in_the_sentence():
    text = 'Speaking on Saturday, she said: "We go on Sunday.'
    assert not _inside(text, "Saturday") and _inside(text, "Sunday")


def test_subject_is_close_allows_appositives_not_new_clauses():
    text = "Kelly, an assistant secretary for trade, met Sha Bo."
    assert subject_is_close(text, len("Kelly"), text.index("met"))
    text = "Lee said reports that the bank met Sha Bo were wrong."
    assert not subject_is_close(text, len("Lee"), text.index("met"))


def test_a_quote_mark_inside_a_word_opens_no_quote():
    text = 'Peru, one of the bank"s founders, will boycott the talks.'
    assert not _inside(text, "boycott")


def test_cue_phrases_are_spelled_out_from_their_first_letter():
    from quizgen.extract.rules import leading_variants
    assert leading_variants("met with") == ["met with"]
    assert leading_variants("[Aa]fter a meeting") == ["After a meeting", "after a meeting"]
    assert leading_variants("(?:is|was) (?:now )?in") == ["is (?:now )?in", "was (?:now )?in"]
    assert leading_variants("(?:[Dd]uring|on) a visit") == ["During a visit", "during a visit", "on a visit"]
    assert leading_variants("(?:on )?talks") is None
    assert leading_variants("a?talks") is None
    assert leading_variants(", meeting") is None
    assert leading_variants(r"(?:x\)|y) z") == [r"x\) z", "y z"]


def test_a_cue_alternation_finds_what_the_plain_alternation_finds():
    import re
    from quizgen.extract.rules import phrase_pattern
    phrases = ("(?:is|was) (?:now )?in", "[Aa]fter talks with", "after", "met", "meeting with", "(?:held|holds) talks")
    plain = re.compile(r"\b(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")\b")
    text = "After talks with Bo, Ann met Cy, was now in Rome after she held talks and is in Oslo, meeting with Di."
    assert [m.span() for m in phrase_pattern(phrases).finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_setting_subject_is_never_an_object():
    from quizgen.extract.names import analyse
    from quizgen.extract.rules import setting_subject
    from quizgen.stories import parse_story

    def subject(text, phrase):
        view = analyse(parse_story(f"T\n\n{text}", "t.txt")).views[0]
        start = view.text.index(phrase)
        found = setting_subject(view, start, start + len(phrase), lambda lead: lead.istitle() or not lead)
        return found.name if found else None

    assert subject("After talks in Rome, Envoy Ada Kim said no.", "After talks in Rome") == "Ada Kim"
    assert subject("Mr Lars Berg, after talks in Rome, said no.", "after talks in Rome") == "Lars Berg"
    assert subject("After talks in Rome, his wife met Envoy Ada Kim.", "After talks in Rome") is None
