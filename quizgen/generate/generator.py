"""Turn a story's facts into questions."""
from __future__ import annotations

from ..models import Fact, Question, Story, stable_id


def generate_questions(story: Story, facts: list[Fact], *, seed: int = 0) -> list[Question]:
    """Questions for one story; deterministic for a given seed."""
    questions = []
    for fact in facts:
        if fact.type == "role" and not fact.missing_slots():
            person, title = fact.slots["person"], fact.slots["title"]
            questions.append(Question(
                id=stable_id(fact.id, "role.short"), type="short",
                prompt=f"What position does {person} hold?", answer=title,
                source=fact.sentence, story=story.id, fact=fact.to_dict(),
                tags=["role", story.id], template="role.short"))
    return questions
