"""CSV and TSV (front, back, tags): what Anki's and Quizlet's plain-text importers take."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from ..models import Question
from . import ExportOptions
from .anki import LETTERS, tags_for


def front(question: Question) -> str:
    if question.type == "mcq":
        return question.prompt + "\n" + "\n".join(f"{LETTERS[i]}) {c}" for i, c in enumerate(question.choices))
    if question.type == "truefalse":
        return f"True or false? {question.prompt}"
    if question.type == "matching":
        return question.prompt + "\n" + "\n".join(left for left, _ in question.pairs)
    return question.prompt


def back(question: Question) -> str:
    if question.type == "mcq" and question.answer in question.choices:
        return f"{LETTERS[question.choices.index(question.answer)]}) {question.answer}"
    if question.type == "matching":
        return "\n".join(f"{left} — {right}" for left, right in question.pairs)
    if question.type == "truefalse" and question.explanation:
        return f"{question.answer}\n{question.explanation}"     # the key first: the explanation may lag an edit
    return question.answer


_FORMULA = re.compile(r"[=@\t\r]|[+-](?![\d.,]*%?$)")


def cell(text: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading quote
    (OWASP's advice for CSV injection); plain numbers such as -5 are left alone."""
    return "'" + text if _FORMULA.match(text) else text


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    buffer = io.StringIO()
    # RFC 4180 line ends: a field holding a bare \r is then quoted too, and comes back whole.
    writer = csv.writer(buffer, delimiter="\t" if options.format == "tsv" else ",", lineterminator="\r\n")
    for question in selection.questions:
        writer.writerow([cell(front(question)), cell(back(question)), cell(" ".join(tags_for(question)))])
    return write_atomic(out, buffer.getvalue())
