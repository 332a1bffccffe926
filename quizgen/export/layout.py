"""The shared core of every printable format: pick, group, number and shuffle into versions.

Like R/exams, the PDF, HTML and Markdown writers differ only in how they draw a
QuizLayout; which questions appear, their order, the choice letters and the
answer key are decided here, once, from the seed.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..bank import Selection
from ..models import Question, stable_id
from . import ExportOptions

LETTERS = "ABCDEFGH"
SECTIONS = (("mcq", "Multiple choice", "Circle the letter of the best answer."),
            ("truefalse", "True or false", "Tick True or False."),
            ("short", "Short answer", "Write your answer on the line."),
            ("cloze", "Fill in the blank", "Write the missing words."),
            ("matching", "Matching", "Write the letter of the matching item next to each number."))
POINTS = {"mcq": 1, "truefalse": 1, "short": 2, "cloze": 2}


@dataclass
class Item:
    """A question as placed in one version: its number, shuffled choices and key entry."""

    number: int
    question: Question
    choices: list[str] = field(default_factory=list)
    right_column: list[str] = field(default_factory=list)     # matching: shuffled right-hand items
    key: str = ""
    points: int = 1


@dataclass
class Section:
    type: str
    title: str
    instructions: str
    items: list[Item]


@dataclass
class Version:
    letter: str
    sections: list[Section]

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    @property
    def total_points(self) -> int:
        return sum(item.points for item in self.items)


@dataclass
class QuizLayout:
    title: str
    versions: list[Version]
    sources: list[str]              # story titles, credited in the footer
    answer_key: bool = True
    key_only: bool = False


def pick(selection: Selection, count: int | None, seed: int) -> list[Question]:
    """Up to `count` questions, taken in turn from each type so every type is represented."""
    by_type: dict[str, list[Question]] = {}
    for question in selection.questions:
        by_type.setdefault(question.type, []).append(question)
    for questions in by_type.values():
        questions.sort(key=lambda q: stable_id(seed, q.id))
    if count is None:
        return [q for questions in by_type.values() for q in questions]
    picked: list[Question] = []
    while len(picked) < count and any(by_type.values()):
        for qtype, _, _ in SECTIONS:
            if by_type.get(qtype) and len(picked) < count:
                picked.append(by_type[qtype].pop(0))
    return picked


def lay_out(selection: Selection, options: ExportOptions) -> QuizLayout:
    questions = pick(selection, options.count, options.seed)
    versions = [_version(questions, LETTERS[k] if options.versions > 1 else "", random.Random(
        stable_id("version", options.seed, k))) for k in range(max(1, options.versions))]
    sources = sorted({bank.story.title for bank in selection.banks if bank.questions})
    return QuizLayout(title=options.title, versions=versions, sources=sources,
                      answer_key=options.answer_key, key_only=options.key_only)


def _version(questions: list[Question], letter: str, rng: random.Random) -> Version:
    sections: list[Section] = []
    number = 1
    for qtype, title, instructions in SECTIONS:
        chosen = [q for q in questions if q.type == qtype]
        rng.shuffle(chosen)
        items = []
        for question in chosen:
            items.append(_item(question, number, rng))
            number += 1
        if items:
            sections.append(Section(qtype, title, instructions, items))
    return Version(letter, sections)


def _item(question: Question, number: int, rng: random.Random) -> Item:
    item = Item(number=number, question=question, points=POINTS.get(question.type, 1))
    if question.type == "mcq":
        item.choices = list(question.choices)
        rng.shuffle(item.choices)
        index = item.choices.index(question.answer) if question.answer in item.choices else -1
        item.key = f"{LETTERS[index]}) {question.answer}" if index >= 0 else question.answer
    elif question.type == "truefalse":
        item.choices = ["True", "False"]
        item.key = question.answer
    elif question.type == "matching":
        rights = [right for _, right in question.pairs]
        item.right_column = list(rights)
        rng.shuffle(item.right_column)
        item.key = ", ".join(f"{n}{LETTERS[item.right_column.index(right)]}"
                             for n, (_, right) in enumerate(question.pairs, 1))
        item.points = max(1, len(question.pairs))
    else:
        item.key = question.answer
    return item
