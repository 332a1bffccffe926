"""Property tests: any Unicode text into story loading and extraction."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizgen.errors import QuizgenError
from quizgen.extract import extract_facts
from quizgen.models import FACT_TYPES
from quizgen.stories import load_story, parse_story

NEWSY = st.sampled_from([
    "President ", "Minister ", "Sen. ", "Mr. ", "U.S. ", "met ", "said ", '"', "\u201c", "\u201d",
    "on Monday", " 37,000 troops", " $3.2 billion", " 40 pct", "Kim Jong-il", ". ", ", ", "\n\n",
    "visited Paris", "opposes ", "the plan", "13 months ago", "R-N.C.", "Jan. 4", "\u200b", "\u202e",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(NEWSY, max_size=60).map("".join))


@given(TEXT)
def test_any_text_parses_and_extracts_without_an_exception(text):
    story = parse_story(text, "any.txt")
    for sentence in story.sentences:
        assert story.text[sentence.start:sentence.end] == sentence.text
    for fact in extract_facts(story):
        assert fact.type in FACT_TYPES
        assert not fact.missing_slots()
        assert fact.sentence in story.text


@given(st.binary(max_size=300))
def test_any_bytes_load_or_raise_the_project_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "story.txt"
    path.write_bytes(data)
    try:
        extract_facts(load_story(path))
    except QuizgenError as error:
        assert str(error).startswith(str(path))
