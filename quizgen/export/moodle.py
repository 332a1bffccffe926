"""Moodle XML: the same questions as GIFT, written by a real XML writer (so it always parses)."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from ..models import Question
from . import ExportOptions

MOODLE_TYPES = {"mcq": "multichoice", "truefalse": "truefalse", "short": "shortanswer",
                "cloze": "shortanswer", "matching": "matching"}


# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(parent: ElementTree.Element, tag: str, text: str, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    ElementTree.SubElement(element, "text").text = _NOT_XML.sub("", text)
    return element


def _answer(parent: ElementTree.Element, text: str, right: bool) -> None:
    _text(parent, "answer", html.escape(text), fraction="100" if right else "0", format="html")


def question_element(question: Question) -> ElementTree.Element:
    element = ElementTree.Element("question", type=MOODLE_TYPES.get(question.type, "shortanswer"))
    _text(element, "name", question.id)
    _text(element, "questiontext", html.escape(question.prompt), format="html")
    _text(element, "generalfeedback", html.escape(question.source), format="html")
    if question.type == "mcq":
        ElementTree.SubElement(element, "single").text = "true"
        ElementTree.SubElement(element, "shuffleanswers").text = "true"
        for choice in question.choices:
            _answer(element, choice, choice == question.answer)
    elif question.type == "truefalse":
        _answer(element, "true", question.answer.lower() == "true")
        _answer(element, "false", question.answer.lower() == "false")
    elif question.type == "matching":
        for left, right in question.pairs:
            sub = _text(element, "subquestion", html.escape(left), format="html")
            _text(sub, "answer", right)
    else:
        for answer in dict.fromkeys([question.answer, *question.accepted]):
            _answer(element, answer, True)
    return element


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    quiz = ElementTree.Element("quiz")
    for bank in selection.banks:
        category = ElementTree.SubElement(quiz, "question", type="category")
        _text(category, "category", f"$course$/quizgen/{bank.story.title}")
        quiz.extend(question_element(q) for q in bank.questions)
    ElementTree.indent(quiz)
    data = ElementTree.tostring(quiz, encoding="unicode", xml_declaration=True)
    return write_atomic(out, data + "\n")
