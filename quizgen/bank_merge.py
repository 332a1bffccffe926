"""Merge regenerated questions into a bank a person may have edited.

The bank is loaded round-trip (ruamel.yaml) so comments and key order survive.
Each question carries `generated`, a fingerprint of the editable fields as
quizgen wrote them; if the fields no longer match it, a person edited them and
their version wins. Nothing is ever deleted: questions whose fact the rules no
longer find are marked `stale: true`, and questions without a fingerprint were
written by hand and are left alone.
"""
from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from .atomic import write_atomic
from .bank import EDITABLE, MergeReport, fingerprint, question_record, read_bank_text
from .errors import QuizgenError
from .models import Bank, legacy_question_id, question_id

KEPT_BY_PEOPLE = ("status",)        # never overwritten by regeneration


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.allow_unicode = True
    return yaml


def merge_into_file(generated: Bank, path: Path, dry_run: bool = False) -> MergeReport:
    text = read_bank_text(path)
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise QuizgenError(f"not valid YAML: {getattr(exc, 'problem', exc)}; fix it before regenerating",
                           path, mark.line + 1 if mark else None) from None
    if not isinstance(doc, CommentedMap):
        raise QuizgenError("a bank must be a mapping with `story:` and `questions:`", path, 1)
    questions = doc.get("questions")
    if questions is None:
        questions = doc["questions"] = CommentedSeq()
    if not isinstance(questions, CommentedSeq):
        raise QuizgenError("`questions:` must be a list", path)
    report = merge_questions(questions, generated, MergeReport(path=str(path)))
    if not dry_run and (report.added or report.updated or report.stale or report.revived
                          or report.renamed):
        buffer = io.StringIO()
        _yaml().dump(doc, buffer)
        write_atomic(path, buffer.getvalue())
    return report


def merge_questions(questions: CommentedSeq, generated: Bank, report: MergeReport) -> MergeReport:
    fresh = {q.id: q for q in generated.questions}
    for item in questions:
        if not isinstance(item, CommentedMap):
            continue
        question_id = _current_id(item, generated.story.id, report)
        new = fresh.pop(question_id, None)
        if new is not None:
            _refresh(item, question_record(new), report)
        elif "generated" in item and not item.get("stale"):
            item["stale"] = True
            report.stale.append(question_id)
    for question in generated.questions:
        if question.id in fresh:
            record = question_record(question)
            record["status"] = "draft"
            questions.append(CommentedMap(record))
            report.added.append(question.id)
    return report


FORM_OF_TYPE = {"short": "ask", "mcq": "ask", "truefalse": "truefalse", "cloze": "cloze"}


def _current_id(item: CommentedMap, story_id: str, report: MergeReport) -> str:
    """The item's id, renamed in place if it is a generated id from before ids named their story."""
    old = str(item.get("id", ""))
    fact = item.get("fact")
    form = FORM_OF_TYPE.get(str(item.get("type", "")))
    if "generated" not in item or not isinstance(fact, dict) or not form:
        return old
    fact_id, template = str(fact.get("id", "")), str(item.get("template", ""))
    if legacy_question_id(fact_id, template, form) != old:
        return old
    item["id"] = question_id(story_id, fact_id, template, form)
    report.renamed.append(item["id"])
    return item["id"]


def _refresh(item: CommentedMap, record: dict, report: MergeReport) -> None:
    """Bring a question up to date with the rules, unless a person edited it."""
    if item.get("stale"):
        del item["stale"]
        report.revived.append(record["id"])
    edited = fingerprint({k: _plain(item.get(k)) for k in EDITABLE}) != item.get("generated")
    if edited or all(_plain(item.get(k)) == record.get(k) for k in record if k not in KEPT_BY_PEOPLE):
        report.kept.append(record["id"])
        return
    for key, value in record.items():
        if key not in KEPT_BY_PEOPLE and _plain(item.get(key)) != value:
            item[key] = value
    report.updated.append(record["id"])


def _plain(value: object) -> object:
    """ruamel's commented containers as plain lists and dicts, for comparison."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
