"""Moodle GIFT: one question per block, special characters escaped as GIFT requires."""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from ..models import Question
from . import ExportOptions

_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift(text: str) -> str:
    """Story text as GIFT: HTML escaped (the question is marked [html], so Moodle shows it as
    text and runs none of it), then ~ = # { } : and backslash escaped; line breaks become spaces."""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def question_block(question: Question) -> str:
    head = f"::{gift(question.id)}:: [html]{gift(question.prompt)} "
    if question.type == "mcq":
        options = " ".join(("=" if c == question.answer else "~") + gift(c) for c in question.choices)
        return head + "{" + options + "}"
    if question.type == "truefalse":
        return head + "{" + ("TRUE" if question.answer.lower() == "true" else "FALSE") + "}"
    if question.type == "matching":
        return head + "{" + " ".join(f"={gift(left)} -> {gift(right)}" for left, right in question.pairs) + "}"
    answers = [question.answer] + [a for a in question.accepted if a != question.answer]
    return head + "{" + " ".join("=" + gift(a) for a in answers) + "}"


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    blocks: list[str] = []
    for bank in selection.banks:
        blocks.append(f"$CATEGORY: quizgen/{gift(bank.story.id)}")
        blocks += [question_block(q) for q in bank.questions]
    return write_atomic(out, "\n\n".join(blocks) + "\n")
