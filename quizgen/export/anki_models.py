"""The Anki note types quizgen uses, as data: fields, card templates, shared CSS.

Model ids come from the model names, so a later export updates the same note
types instead of adding copies.
"""
from __future__ import annotations

from pathlib import Path

import genanki

from ..models import Question, stable_id

CSS = (Path(__file__).parent / "anki.css").read_text(encoding="utf-8")
SOURCE = '<div class=source>{{Source}}</div><div class=story>{{Story}}</div>'


def _model(name: str, fields: list[str], templates: list[tuple[str, str, str]],
           model_type: int = genanki.Model.FRONT_BACK) -> genanki.Model:
    return genanki.Model(
        int(stable_id("anki model", name), 16) % (1 << 30) + (1 << 30), name,
        fields=[{"name": f} for f in fields],
        templates=[{"name": n, "qfmt": q, "afmt": a} for n, q, a in templates],
        css=CSS, model_type=model_type, sort_field_index=0)


BASIC = _model("quizgen Basic", ["Prompt", "Answer", "Source", "Story", "ReversePrompt", "ReverseAnswer"], [
    ("Question", "<div class=prompt>{{Prompt}}</div>",
     "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>" + SOURCE),
    ("Reversed", "{{#ReversePrompt}}<div class=prompt>{{ReversePrompt}}</div>{{/ReversePrompt}}",
     "{{FrontSide}}<hr id=answer><div class=answer>{{ReverseAnswer}}</div>" + SOURCE),
])
MULTIPLE_CHOICE = _model("quizgen Multiple choice", ["Prompt", "Choices", "Answer", "Source", "Story"], [
    ("Choose", "<div class=prompt>{{Prompt}}</div>{{Choices}}",
     "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>" + SOURCE),
])
TRUE_FALSE = _model("quizgen True or false", ["Statement", "Answer", "Explanation", "Source", "Story"], [
    ("Judge", "<div class=prompt>True or false?</div><div>{{Statement}}</div>",
     "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>"
     "<div class=explanation>{{Explanation}}</div>" + SOURCE),
])
CLOZE = _model("quizgen Cloze", ["Text", "Source", "Story"], [
    ("Cloze", "<div class=prompt>{{cloze:Text}}</div>",
     "<div class=prompt>{{cloze:Text}}</div>" + SOURCE),
], model_type=genanki.Model.CLOZE)
MATCHING = _model("quizgen Matching", ["Prompt", "Items", "Answer", "Source", "Story"], [
    ("Match", "<div class=prompt>{{Prompt}}</div>{{Items}}",
     "<div class=prompt>{{Prompt}}</div><hr id=answer>{{Answer}}" + SOURCE),
])

MODELS = {"short": BASIC, "mcq": MULTIPLE_CHOICE, "truefalse": TRUE_FALSE, "cloze": CLOZE, "matching": MATCHING}


def model_for(question: Question) -> genanki.Model:
    return MODELS.get(question.type, BASIC)
