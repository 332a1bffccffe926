"""Facts written by hand and the questions made of them, for the generator's tests."""
from __future__ import annotations

from quizgen.generate import generate_questions
from quizgen.models import Fact
from quizgen.stories import parse_story

STORY = parse_story("Harbour talks\n\nA sentence.", "harbour.txt")
SEEDS = range(8)


def fact(kind: str, sentence: str, **slots) -> Fact:
    return Fact(type=kind, slots=slots, story="harbour.txt", sentence=sentence)


def questions(*facts: Fact, story=STORY):
    """Every question of the facts over several seeds: a form must hold whichever is drawn."""
    return [q for seed in SEEDS for q in generate_questions(story, list(facts), seed=seed)]
