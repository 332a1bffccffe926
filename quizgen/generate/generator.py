"""Apply the templates to a story's facts: each fact kind's phrasing gives the words' values,
the makers give the five question forms.

Output depends only on the story, its facts, the templates and the seed, so
stories can be processed in any order or in parallel with the same result.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..answers import normalize
from ..models import Fact, Question, Story
from ..stories import dateline_length
from .context import StoryContext, looks_like_person
from .makers import MAKERS, make_matching, rng_for
from .phrasing import PHRASINGS
from .quality import apply_quality_gate
from .standalone import in_first_person
from .templates import Template, load_templates

WEAK_TIMES = {"today", "yesterday", "tomorrow", "now", "tonight"}
# "NOTE: 1986 4th qtr includes ...", "(Corrects headline ...)", "1986 nine months includes ...": furniture
_NOTE = re.compile(r"^([A-Z]{2,}:|Note:|\(|(?:19|20)\d\d (?:\S+ )?(?:mths|months|qtr|quarter|year|weeks)\b)")
_INITIAL = re.compile(r"\s[A-Z]\.?$")
_PERSON_SLOTS = {"role": ("person",), "meeting": ("people",), "visit": ("person",), "quote": ("speaker",)}


def generate_questions(story: Story, facts: list[Fact], *, seed: int = 0,
                       templates: str | Path | None = None, min_score: float = 0.0) -> list[Question]:
    """Questions for one story after the quality gate; deterministic for a given seed."""
    by_fact_type = load_templates(templates)
    usable = [f for f in facts if not f.missing_slots() and worth_asking(f, story)]
    titles = [f" {normalize(str(f.slots['title']))} " for f in usable if f.type == "role"]
    usable = [f for f in usable if not _names_a_title(f, titles)]
    context = StoryContext.build(story, usable)
    questions: list[Question] = []
    for fact in usable:
        phrasing = PHRASINGS[fact.type]
        values = phrasing.values(fact, context)
        if values is None:
            continue
        for template in by_fact_type.get(fact.type, []):
            if template.when and not phrasing.holds(template.when, fact, values, context):
                continue
            if template.one_of and not _chosen(template, by_fact_type[fact.type], fact, values, context, seed):
                continue
            for form in template.forms:
                maker = MAKERS.get(form)
                question = maker(fact, template, values, context, seed, phrasing) if maker else None
                if question is not None:
                    questions.append(question)
    for templates_of_type in by_fact_type.values():
        for template in templates_of_type:
            if "matching" in template.forms:
                question = make_matching(template, context)
                if question is not None:
                    questions.append(question)
    return apply_quality_gate(questions, min_score)


def _chosen(template: Template, siblings: list[Template], fact: Fact, values: dict[str, str],
            context: StoryContext, seed: int) -> bool:
    """Whether this template is the one of its `one_of` group that asks about the fact."""
    phrasing = PHRASINGS[fact.type]
    group = [t.id for t in siblings if t.one_of == template.one_of and
             (not t.when or phrasing.holds(t.when, fact, values, context))]
    return rng_for(seed, context.record(fact)["id"], template.one_of).choice(sorted(group)) == template.id


def _names_a_title(fact: Fact, titles: list[str]) -> bool:
    """'Emergency Situations' as a person, cut out of 'Deputy Emergency Situations Minister'."""
    names = []
    for slot in _PERSON_SLOTS.get(fact.type, ()):
        value = fact.slots.get(slot)
        names += [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return any(f" {normalize(name)} " in title for name in names for title in titles if normalize(name))


def worth_asking(fact: Fact, story: Story) -> bool:
    """Not furniture: a dateline's date ("TOKYO, June 2 -"), a bare "today", a footnote, or a
    'person' that is an organisation ("Exporting Countries") tests nothing, and neither does
    a sentence someone tells as "I" outside quotation marks: a reader's comment, not the news."""
    if _NOTE.match(fact.sentence) or fact.type != "quote" and in_first_person(fact.sentence):
        return False
    for slot in _PERSON_SLOTS.get(fact.type, ()):
        names = fact.slots.get(slot)
        for name in names if isinstance(names, list) else [names]:
            if len(str(name).split()) > 1 and not looks_like_person(str(name)) or _INITIAL.search(str(name)):
                return False            # "Exporting Countries", or "Donald F" cut short at an initial
    if fact.type == "date":
        when = str(fact.slots.get("when", ""))
        if when.lower() in WEAK_TIMES:
            return False
        if fact.start == 0 and 0 <= fact.sentence.find(when) < dateline_length(story.text):
            return False
    return True
