"""Apply the templates to a story's facts: one generator for every question type.

Output depends only on the story, its facts, the templates and the seed, so
stories can be processed in any order or in parallel with the same result.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..answers import accepted_forms, normalize, surname
from ..extract.names import places
from ..models import Fact, Question, Story, question_id, stable_id
from .distractors import MONTHS, WEEKDAYS, StoryPools, pick
from .quality import apply_quality_gate
from ..stories import dateline_length
from .templates import Template, load_templates

BLANK = "_____"
QUOTE_WORDS = 25
WINDOW_WORDS = 40
MATCHING_MIN, MATCHING_MAX = 3, 6
_PAST_TRAVEL = re.compile(r"\b(arrived|visited|travell?ed|went|flew|was in|were in|toured|returned|stopped)\b",
                          re.IGNORECASE)
_THE_COUNTRIES = ("United ", "Soviet ", "Netherlands", "Philippines", "Czech Republic", "European ")


@dataclass
class StoryContext:
    """What the conditions and distractors need to know about the whole story."""

    story: Story
    facts: list[Fact]
    pools: StoryPools
    titles_by_person: dict[str, set[str]] = field(default_factory=dict)
    holders_by_title: dict[str, set[str]] = field(default_factory=dict)
    partners: dict[str, set[str]] = field(default_factory=dict)
    destinations: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, story: Story, facts: list[Fact]) -> "StoryContext":
        context = cls(story, facts, StoryPools.from_facts(facts))
        for fact in facts:
            s = fact.slots
            if fact.type == "role":
                context.titles_by_person.setdefault(s["person"], set()).add(s["title"])
                context.holders_by_title.setdefault(normalize(s["title"]), set()).add(s["person"])
            elif fact.type == "meeting":
                for person in s["people"]:
                    context.partners.setdefault(person, set()).update(p for p in s["people"] if p != person)
            elif fact.type == "visit":
                context.destinations.setdefault(s["person"], set()).add(s["place"])
        return context


def generate_questions(story: Story, facts: list[Fact], *, seed: int = 0,
                       templates: str | Path | None = None, min_score: float = 0.0) -> list[Question]:
    """Questions for one story after the quality gate; deterministic for a given seed."""
    by_fact_type = load_templates(templates)
    usable = [f for f in facts if not f.missing_slots() and worth_asking(f, story)]
    context = StoryContext.build(story, usable)
    questions: list[Question] = []
    blank_asked: dict[str, Question] = {}      # a sentence with a blank is asked once, not twice
    for fact in usable:
        for template in by_fact_type.get(fact.type, []):
            values = slot_values(fact, template, context)
            if values is None:
                continue
            for form in template.forms:
                if form == "cloze" and blank_asked.get(fact.id) is not None:
                    continue
                if form == "mcq" and "{blanked}" in template.prompt and _rng(seed, fact.id, "form").random() < 0.4:
                    continue        # this sentence becomes a cloze instead: variety, not repetition
                maker = MAKERS.get(form)
                question = maker(fact, template, values, context, seed) if maker else None
                if question is not None:
                    questions.append(question)
                    if form == "mcq" and BLANK in question.prompt:
                        blank_asked[fact.id] = question
    for templates_of_type in by_fact_type.values():
        for template in templates_of_type:
            if "matching" in template.forms:
                question = make_matching(template, context)
                if question is not None:
                    questions.append(question)
    return apply_quality_gate(questions, min_score)


WEAK_TIMES = {"today", "yesterday", "tomorrow", "now", "tonight"}


_NOTE = re.compile(r"^[A-Z]{2,}:")      # "NOTE: 1986 4th qtr includes ...": a table footnote


def worth_asking(fact: Fact, story: Story) -> bool:
    """Not furniture: a dateline's date ("TOKYO, June 2 -"), a bare "today" or a footnote tests nothing."""
    if _NOTE.match(fact.sentence):
        return False
    if fact.type == "stance" and fact.slots.get("polarity") not in ("support", "oppose"):
        return False                # not a stance quizgen can phrase
    if fact.type == "date":
        when = str(fact.slots.get("when", ""))
        if when.lower() in WEAK_TIMES:
            return False
        if fact.start == 0 and 0 <= fact.sentence.find(when) < dateline_length(story.text):
            return False
    return True


# --- placeholder values -------------------------------------------------------

def slot_values(fact: Fact, template: Template, context: StoryContext) -> dict[str, str] | None:
    """Every placeholder's text for this fact, or None when the template's condition fails."""
    s = fact.slots
    values = {k: _text(v) for k, v in s.items()}
    if fact.type == "meeting":
        order = list(s["people"])
        if len(order) != 2:
            return None
        people = sorted(order, key=lambda p: (len(context.partners.get(p, ())), order.index(p)))
        values["person"], values["partner"] = people
    if fact.type == "quote":
        values["person"] = s["speaker"]
        values["quote"] = _trim_words(s["text"], QUOTE_WORDS)
    values["org_possessive"] = _org_possessive(s.get("org"))
    if s.get("holder"):
        values["holder"] = _with_article(str(s["holder"]))
    if s.get("target"):
        values["target"] = str(s["target"]).strip(" ,;:\"'\u201c\u201d")
    values["when_phrase"] = _when_phrase(s.get("when")) if fact.type != "date" else ""
    values["where_phrase"] = f" in {s['place']}" if s.get("place") else ""
    values["stance_phrase"] = {"support": "supports", "oppose": "opposes"}.get(s.get("polarity", ""), "")
    if fact.type == "visit":
        past = bool(_PAST_TRAVEL.search(fact.sentence))
        values["travel"] = f"did {s['person']} travel" if past else f"is {s['person']} travelling"
    if template.answer in ("text", "when", "place", "title", "person") and fact.type in ("quantity", "date"):
        values["blanked"] = _blanked(fact.sentence, values.get(template.answer, ""))
    if not _condition_holds(template.when, fact, values, context):
        return None
    return values


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _org_possessive(org: object) -> str:
    if not org:
        return "the"
    owner = str(org)
    table = places()
    is_country = owner in set(table.country_of.values()) or table.names.get(owner) not in (None, owner)
    owner = _with_article(owner) if is_country else f"the {owner}"
    return owner + ("'" if owner.endswith("s") else "'s")


def _with_article(name: str) -> str:
    """'United Kingdom' -> 'the United Kingdom'; 'China' stays 'China'."""
    return f"the {name}" if name.startswith(_THE_COUNTRIES) else name


def _when_phrase(when: object) -> str:
    if not when:
        return ""
    when = str(when)
    first = when.split()[0]
    if first in WEEKDAYS or (first in MONTHS and len(when.split()) > 1 and when.split()[1][:1].isdigit()):
        return f" on {when}"
    if first in MONTHS or re.fullmatch(r"\d{4}", when):
        return f" in {when}"
    if first.lower() in ("last", "next", "this", "earlier", "later", "yesterday", "today", "tomorrow"):
        return f" {when}"
    return ""


def _trim_words(text: str, limit: int) -> str:
    words = str(text).split()
    return " ".join(words[:limit]).rstrip(",;:") + "…" if len(words) > limit else str(text)


def _blanked(sentence: str, answer: str) -> str:
    """The sentence with the answer blanked, cut to a window around the blank."""
    index = _find_span(sentence, answer)
    if index < 0:
        return ""
    before = sentence[:index].split()
    after = sentence[index + len(answer):].split()
    half = WINDOW_WORDS // 2
    head = ("… " if len(before) > half else "") + " ".join(before[-half:])
    tail = " ".join(after[:half]) + (" …" if len(after) > half else "")
    glue_before = " " if before and not sentence[:index].endswith(("“", '"', "(")) else ""
    glue_after = " " if after and not sentence[index + len(answer):][:1] in (",", ".", ";", ":", "”", '"', ")", "'") else ""
    return f"{head}{glue_before}{BLANK}{glue_after}{tail}".strip()


def _find_span(sentence: str, value: str) -> int:
    """Where `value` stands as whole words in the sentence, or -1."""
    if not value:
        return -1
    index = sentence.find(value)
    while index >= 0:
        before = sentence[index - 1] if index else " "
        after = sentence[index + len(value):index + len(value) + 1] or " "
        if not (before.isalnum() or before in "_$£€") and not (after.isalnum() or after == "_"):
            return index
        index = sentence.find(value, index + 1)
    return -1


def _condition_holds(condition: str, fact: Fact, values: dict[str, str], context: StoryContext) -> bool:
    if not condition:
        return True
    s = fact.slots
    if condition == "unique_title":
        specific = bool(s.get("org")) or s["title"][:1].isupper()   # not "Who is the spokesman?"
        return specific and len(context.holders_by_title.get(normalize(s["title"]), ())) == 1
    if condition == "single_partner":
        return len(context.partners.get(values["person"], ())) == 1
    if condition == "single_destination":
        return len(context.destinations.get(s["person"], ())) == 1
    if condition == "specific_target":
        return len([w for w in normalize(s["target"]).split() if len(w) > 3]) >= 2
    if condition == "full_quote":         # a statement, not a fragment, that does not name its speaker
        name = surname(s["speaker"]) or s["speaker"]
        return len(str(s["text"]).split()) >= 5 and normalize(name) not in normalize(s["text"]).split()
    return False


# --- question makers -----------------------------------------------------------

def _base(fact: Fact, template: Template, form: str, context: StoryContext, support: list[str],
          named: str = "", **fields) -> Question | None:
    """A question whose `source` shows its answer (`support`) and the person it names, or None."""
    source = fact.sentence
    if template.kind != "polarity":
        source = supporting_source(context.story, fact, support, named)
        if source is None:
            return None
    return Question(id=question_id(context.story.id, fact.id, template.id, form), source=source, story=context.story.id,
                    fact=fact.to_dict(), tags=[fact.type, context.story.id], template=template.id,
                    difficulty=template.difficulty, score=round(min(1.0, fact.confidence), 3), **fields)


SUPPORT_WINDOW = 3      # sentences back to look for the name a pronoun stands for


def supporting_source(story: Story, fact: Fact, answers: list[str], named: str = "") -> str | None:
    """The fact's sentence, extended back to the sentence that names the answer (or the person
    the question is about) when it only says "she". Verbatim story text either way, so a student
    sees where the answer comes from; None when no nearby text shows it.
    """
    groups = [[f" {normalize(a)} " for a in answers if normalize(a)]]
    if named and named not in answers:
        groups.append([f" {normalize(n)} " for n in (named, surname(named)) if normalize(n)])
    groups = [g for g in groups if g]
    if all(_mentions(fact.sentence, g) for g in groups):
        return fact.sentence
    index = next((i for i, s in enumerate(story.sentences) if s.start == fact.start), None)
    if index is None:
        return None
    for earlier in range(index - 1, max(-1, index - 1 - SUPPORT_WINDOW), -1):
        span = re.sub(r"\s*\n\s*", " ", story.text[story.sentences[earlier].start:fact.end])
        if all(_mentions(span, g) for g in groups):
            return span
    return None


def _mentions(text: str, wanted: list[str]) -> bool:
    padded = f" {normalize(text)} "
    return any(w in padded for w in wanted)


def _rng(seed: int, *parts: str) -> random.Random:
    return random.Random(stable_id(seed, *parts))


def _also_true(fact: Fact, template: Template, values: dict[str, str], context: StoryContext) -> tuple[str, ...]:
    """Other answers the story makes true for the same stem (or people in the stem): never offered as wrong."""
    if template.kind == "person":
        named = [values.get("person", ""), values.get("holder", "")]
        if fact.type == "meeting":
            named += context.partners.get(values["person"], ())
        return tuple(n for n in named if n)
    if template.kind == "position" and fact.type == "role":
        return tuple(context.titles_by_person.get(fact.slots["person"], ()))
    if fact.type == "visit":
        return tuple(context.destinations.get(fact.slots["person"], ()))
    return ()


def make_short(fact: Fact, template: Template, values: dict[str, str], context: StoryContext,
               seed: int) -> Question | None:
    """A short-answer question: the student types the answer."""
    return make_mcq(fact, template, values, context, seed, with_choices=False)


def make_mcq(fact: Fact, template: Template, values: dict[str, str], context: StoryContext,
             seed: int, with_choices: bool = True) -> Question | None:
    """Multiple choice when three good distractors exist, else a short-answer question."""
    answer = values.get(template.answer, "")
    if not answer or (template.kind == "number" and not values.get("blanked")) or \
            ("blanked" in template.prompt and not values.get("blanked")):
        return None
    prompt = template.prompt.format(**values)
    rng = _rng(seed, fact.id, template.id)
    accepted = accepted_forms(answer, template.kind)
    if template.kind == "position":
        accepted += [t for t in context.titles_by_person.get(fact.slots.get("person", ""), ()) if t != answer]
        if fact.slots.get("org"):
            accepted.append(f"{fact.slots['org']} {answer}")
    distractors = [] if template.kind == "polarity" or not with_choices else pick(
        answer, template.kind, context.pools, rng, also_true=_also_true(fact, template, values, context))
    question = _base(fact, template, "ask", context, [answer, *accepted], values.get("person", ""),
                     type="short", prompt=prompt, answer=answer, accepted=accepted)
    if question is None:
        return None
    if len(distractors) == 3:
        choices = [answer, *distractors]
        rng.shuffle(choices)
        question.type, question.choices = "mcq", choices
        question.difficulty = max(1, template.difficulty - 1) if template.kind != "number" else template.difficulty
    else:
        question.type = "short"
        if template.kind == "quote" or template.kind == "number":
            question.difficulty = min(3, template.difficulty + 1)
    return question


def make_truefalse(fact: Fact, template: Template, values: dict[str, str], context: StoryContext,
                   seed: int) -> Question | None:
    """A statement that is true, or made false by swapping one slot for a same-kind value."""
    rng = _rng(seed, fact.id, template.id, "truefalse")
    answer = values.get(template.answer, "")
    truth = rng.random() < 0.5
    shown = answer
    if not truth:
        if template.kind == "polarity":
            shown = {"support": "oppose", "oppose": "support"}.get(answer, "")
        else:
            swaps = pick(answer, template.kind, context.pools, rng,
                         also_true=_also_true(fact, template, values, context), wanted=1)
            shown = swaps[0] if swaps else ""
        if not shown:
            truth, shown = True, answer
    statement_values = dict(values)
    statement_values[template.answer] = shown
    if template.kind == "polarity":
        statement_values["stance_phrase"] = {"support": "supports", "oppose": "opposes"}[shown]
    prompt = template.prompt.format(**statement_values)
    support = [answer, *accepted_forms(answer, template.kind)]
    named = values.get("person", "")
    source = fact.sentence if template.kind == "polarity" else supporting_source(context.story, fact, support, named)
    if source is None:
        return None
    if truth:
        explanation = "True: this is what the story says."
    else:
        explanation = f"False: according to the story it is {answer}, not {shown}."
    return _base(fact, template, "truefalse", context, support, named, type="truefalse", prompt=prompt,
                 answer="True" if truth else "False", choices=["True", "False"], explanation=explanation)


def make_cloze(fact: Fact, template: Template, values: dict[str, str], context: StoryContext,
               seed: int) -> Question | None:
    """The source sentence with the answer's words blanked (and Anki cloze syntax)."""
    answer = values.get(template.answer, "")
    sentence = fact.sentence
    index = _find_span(sentence, answer)
    if index < 0 or len(sentence.split()) > 60:
        return None
    prompt = sentence[:index] + BLANK + sentence[index + len(answer):]
    cloze = sentence[:index] + "{{c1::" + answer.replace("}}", "} }") + "}}" + sentence[index + len(answer):]
    accepted = accepted_forms(answer, template.kind)
    return _base(fact, template, "cloze", context, [answer, *accepted], type="cloze", prompt=prompt,
                 answer=answer, cloze=cloze, accepted=accepted)


def make_matching(template: Template, context: StoryContext) -> Question | None:
    """Per story: people to their positions, or speakers to what they said."""
    left_slot = "person" if template.fact == "role" else "speaker"
    right_slot = template.answer
    pairs, used_left, used_right, sources, ids = [], set(), set(), [], []
    for fact in context.facts:
        if fact.type != template.fact:
            continue
        left = str(fact.slots.get(left_slot, ""))
        right = str(fact.slots.get(right_slot, ""))
        if template.fact == "quote":
            right = _trim_words(right, 12)
        if not left or not right or left in used_left or normalize(right) in used_right:
            continue
        used_left.add(left)
        used_right.add(normalize(right))
        pairs.append([left, right])
        ids.append(fact.id)
        if fact.sentence not in sources:
            sources.append(fact.sentence)
        if len(pairs) == MATCHING_MAX:
            break
    if len(pairs) < MATCHING_MIN:
        return None
    return Question(
        id=stable_id(context.story.id, template.id, sorted(ids)), type="matching", prompt=template.prompt,
        answer="; ".join(f"{left} — {right}" for left, right in pairs), pairs=pairs, source=" ".join(sources),
        story=context.story.id, fact={"type": template.fact, "story": context.story.file, "facts": ids},
        tags=[template.fact, context.story.id], template=template.id, difficulty=template.difficulty)


MAKERS = {"short": make_short, "mcq": make_mcq, "truefalse": make_truefalse, "cloze": make_cloze}
