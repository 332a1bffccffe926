"""Runs every fact-kind extractor over a story, in a fixed order."""
from __future__ import annotations

from typing import Callable

from ..models import Fact, Story
from . import dates, meetings, quantities, quotes, roles, stances, visits
from .names import StoryAnalysis, analyse

Extractor = Callable[[StoryAnalysis], list[Fact]]

# The order facts come out in: who people are first, then what they did and said.
EXTRACTORS: list[Extractor] = [
    roles.extract,
    meetings.extract,
    quantities.extract,
    dates.extract,
    stances.extract,
    visits.extract,
    quotes.extract,
]


def extract_facts(story: Story) -> list[Fact]:
    """All facts of the story, each with its source sentence."""
    if not story.sentences:
        return []
    analysis = analyse(story)
    facts: list[Fact] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(analysis))
    return facts
