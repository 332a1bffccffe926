from extract_helpers import facts_of


def _quotes(text):
    return [(f["speaker"], f["text"]) for f in facts_of(text, "quote")]


def test_said_after_the_quote():
    assert _quotes('"We will rebuild the bridge," Mayor Tess Allen said.') == [
        ("Tess Allen", "We will rebuild the bridge")]


def test_said_before_the_quote_and_pronoun():
    found = _quotes('Coach Rob Dane spoke. He said: "The team played with heart."')
    assert found == [("Rob Dane", "The team played with heart.")]


def test_quote_continued_in_the_next_sentence():
    found = _quotes('"The vote is close," said Judge Amy Park. "Nobody knows the result."')
    assert ("Amy Park", "Nobody knows the result.") in found


def test_quoted_as_saying_names_the_real_speaker():
    found = _quotes('Premier Li Bo spoke. "Ties are better," aide Wu Fan quoted Li as telling him.')
    assert found == [("Li Bo", "Ties are better")]


def test_unnamed_speaker_makes_no_fact():
    assert _quotes('"It was chaos," a witness said.') == []


def test_spokesman_of_a_named_person():
    found = _quotes('Prime Minister Al Dunn\'s official spokesman said: "No decision has been taken."')
    assert found == [("Al Dunn's official spokesman", "No decision has been taken.")]


def test_reported_speech_after_said_is_not_the_speaker():
    found = _quotes('A spokesman said Mr Ron Gale had been "willing to do anything at all".')
    assert found == []


def test_unnamed_speaker_stops_the_continuation():
    text = ('"We are ready," said Mayor Tess Allen. In a statement, it said: "The plan is unlawful. '
            '"We will appeal."')
    assert [speaker for speaker, _ in _quotes(text)] == ["Tess Allen"]


def test_participle_saying_keeps_the_subject():
    found = _quotes('Minister Ken Obi was more careful, saying "we should move slowly on this".')
    assert found == [("Ken Obi", "we should move slowly on this")]
