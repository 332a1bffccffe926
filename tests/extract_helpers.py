"""Build stories from hand-written text and pick facts out, for the extraction tests."""
from __future__ import annotations

from quizgen.extract import extract_facts
from quizgen.stories import parse_story


def facts_of(text: str, kind: str | None = None, title: str = "Test story") -> list[dict]:
    """The facts (contract form) of a story whose body is `text`."""
    story = parse_story(f"{title}\n\n{text}", "test.txt")
    found = [f.to_dict() for f in extract_facts(story)]
    return [f for f in found if kind is None or f["type"] == kind]
