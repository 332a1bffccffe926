"""Runs every fact-kind extractor over a story, in a fixed order."""
from __future__ import annotations

from ..models import Fact, Story

EXTRACTORS: list = []


def extract_facts(story: Story) -> list[Fact]:
    """All facts of the story, each with its source sentence."""
    facts: list[Fact] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(story))
    return facts
