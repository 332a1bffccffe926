"""The Anki note types quizgen uses, as data: fields, card templates, shared CSS.

Model ids come from the model names, so a later export updates the same note
types instead of adding copies. Fields are never renamed or reordered: Anki
treats a changed field list as a new note type and stops updating old notes.
Every front opens with the quiet context line (the story's title, or "3 stories").
"""
from __future__ import annotations

import json
from pathlib import Path

import genanki

from ..models import Question, stable_id
from ..quiz.checker import portable_rules

HERE = Path(__file__).parent
CSS = (HERE / "anki.css").read_text(encoding="utf-8")
CONTEXT = "<div class=context>{{Story}}</div>"
SOURCES = "<div class=sources>{{Source}}</div>"


def _model(name: str, fields: list[str], templates: list[tuple[str, str, str]],
           model_type: int = genanki.Model.FRONT_BACK) -> genanki.Model:
    return genanki.Model(
        int(stable_id("anki model", name), 16) % (1 << 30) + (1 << 30), name,
        fields=[{"name": f} for f in fields],
        templates=[{"name": n, "qfmt": q, "afmt": a} for n, q, a in templates],
        css=CSS, model_type=model_type, sort_field_index=0)


def _template_safe_json(value: object) -> str:
    """JSON for inside a card template: '{{' or '}}' would be read as a template field, and
    '</script' would end the script, so both are spaced apart (JSON allows the spaces)."""
    text = json.dumps(value, ensure_ascii=True).replace("}}", "} }").replace("{{", "{ {").replace("</", "<\\/")
    if json.loads(text) != value:
        raise ValueError("answer rules hold text a card template cannot carry")
    return text


def _typed_script() -> str:
    """The self-test's marking, carried by the card itself: answer_check.js and the rules it reads."""
    scripts = [(HERE / name).read_text(encoding="utf-8") for name in ("answer_check.js", "anki_typed.js")]
    if any("{{" in script or "}}" in script for script in scripts):
        raise ValueError("a card script must not contain '{{' or '}}' (Anki would read a field)")
    return (f"<script>{scripts[0]}</script>"
            f"<script>var quizgenRules = {_template_safe_json(portable_rules())};</script>"
            f"<script>{scripts[1]}</script>")


BASIC = _model("quizgen Basic", ["Prompt", "Answer", "Source", "Story", "ReversePrompt", "ReverseAnswer"], [
    ("Question", CONTEXT + "<div class=prompt>{{Prompt}}</div>",
     "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>" + SOURCES),
    ("Reversed", "{{#ReversePrompt}}" + CONTEXT + "<div class=prompt>{{ReversePrompt}}</div>{{/ReversePrompt}}",
     "{{FrontSide}}<hr id=answer><div class=answer>{{ReverseAnswer}}</div>" + SOURCES),
])
MULTIPLE_CHOICE = _model("quizgen Multiple choice", ["Prompt", "Choices", "Answer", "Source", "Story"], [
    ("Choose", CONTEXT + "<div class=prompt>{{Prompt}}</div>{{Choices}}",
     "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>" + SOURCES),
])
TRUE_FALSE = _model("quizgen True or false", ["Statement", "Answer", "Explanation", "Source", "Story"], [
    ("Judge", CONTEXT + "<div class=prompt>True or false?</div><div>{{Statement}}</div>",
     "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>"
     "<div class=explanation>{{Explanation}}</div>" + SOURCES),
])
CLOZE = _model("quizgen Cloze", ["Text", "Source", "Story"], [
    ("Cloze", CONTEXT + "<div class=prompt>{{cloze:Text}}</div>",
     CONTEXT + "<div class=prompt>{{cloze:Text}}</div>" + SOURCES),
], model_type=genanki.Model.CLOZE)
MATCHING = _model("quizgen Matching", ["Prompt", "Items", "Answer", "Source", "Story"], [
    ("Match", CONTEXT + "<div class=prompt>{{Prompt}}</div>{{Items}}",
     CONTEXT + "<div class=prompt>{{Prompt}}</div><hr id=answer>{{Answer}}" + SOURCES),
])
TYPED_FRONT = (CONTEXT + "<div class=prompt>{{Prompt}}</div>"
               "<div class=typed><input class=typed-input type=text autocomplete=off autocapitalize=off "
               "autocorrect=off spellcheck=false aria-label='Your answer' placeholder='Type your answer, then Enter'>"
               "<button class=typed-check type=button>Check</button></div>"
               "<div class=verdict role=status></div>"
               "<script type=application/json class=typed-key>{{Key}}</script>")
TYPED = _model("quizgen Type the answer", ["Prompt", "Answer", "Key", "Source", "Story"], [
    ("Type", TYPED_FRONT + _typed_script(),
     TYPED_FRONT + "<hr id=answer><div class=answer>{{Answer}}</div>" + SOURCES + _typed_script()),
])

MODELS = {"short": BASIC, "mcq": MULTIPLE_CHOICE, "truefalse": TRUE_FALSE, "cloze": CLOZE, "matching": MATCHING}
TYPED_TYPES = ("short", "cloze")


def model_for(question: Question, typed: bool = False) -> genanki.Model:
    if typed and question.type in TYPED_TYPES:
        return TYPED
    return MODELS.get(question.type, BASIC)
