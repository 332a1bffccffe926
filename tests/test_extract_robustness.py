"""Bad input yields zero or more facts, never an exception."""
import pytest

from quizgen.extract import extract_facts
from quizgen.models import Story
from quizgen.stories import parse_story


@pytest.mark.parametrize("text", [
    "no capital letters and no full stop anywhere in this line at all",
    "THE WHOLE STORY IS SHOUTED. NOTHING ELSE HAPPENS HERE.",
    "Qtr 1 2 3 4\n\n12.5 13.1 14.2 15.0\n\n1,200 1,300 1,450 1,500\n\nvs vs vs vs",
    "Word " * 20000,
    "Minister Ann Lee said \x07\x1b\"Yes\x00\" on Monday\x0c. \u200b\ufeff",
    "Caf\u00e9 owner Jos\u00e9 M\u00fcller said \u201cs\u00ed\u201d. \u00c9tienne L\u00e9vy \u2014 \u00e0 Paris.",
    '"""""" ,,,, .... $$$ %%% ---',
    "$ \u00a3 \u20ac 5-5-5-5 1.2.3.4 -- 'Mr' Mr. Mr Mr Dr. he she He She",
    "He said. She said. They said \"\" \"",
    "A" * 5000 + ". " + "1" * 5000,
    "Minister Jos\u00c3\u00a9 Ram\u00c3\u00adrez said \ufffd\ufffd on Monday. \u00e2\u0080\u009cYes\u00e2\u0080\u009d.",
    'Mr Lee said, ' * 3000 + '"yes".',
    ('Mr Lee backed, ' * 60 + 'the plan. ') * 20,
    "Mr\u00a0Lee met\u2009Dr\u00a0Kim in\u00a0Paris. \u201cNo,\u201d he said\u2026",
])
def test_bad_input_never_raises(text):
    story = parse_story("Title\n\n" + text, "bad.txt")
    facts = extract_facts(story)
    assert isinstance(facts, list)
    for fact in facts:
        assert not fact.missing_slots()


def test_story_with_no_sentences_gives_no_facts():
    assert extract_facts(Story(id="x", file="x.txt", title="x", text="")) == []


def test_every_fact_carries_its_sentence_and_offsets():
    story = parse_story("T\n\nMinister Ann Lee met President Bo Sun on Monday in Paris.", "t.txt")
    for fact in extract_facts(story):
        assert story.text[fact.start:fact.end] == fact.sentence
