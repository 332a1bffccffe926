"""What a bank may hold: the one definition validation, loading, the writer and the
published JSON Schema (`bank.schema.json`) share.

Problems are found on plain data (fast, so every reader checks every bank) and
carry a path into the document ("questions", 3, "status"); `validate` turns a
path into a line only when there is a problem to show.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..models import QUESTION_TYPES, STATUSES

SCHEMA_FILE = Path(__file__).parent / "bank.schema.json"
SCHEMA_NAME = "quizgen-bank.schema.json"      # the copy written beside the banks, for editors

REQUIRED = ("id", "type", "status", "prompt", "answer", "source")
TEXT_FIELDS = ("id", "type", "status", "prompt", "answer", "source", "story", "cloze", "explanation",
               "template", "generated")
TEXT_LISTS = ("choices", "accepted", "tags")
STORY_FIELDS = ("id", "title", "file", "sha256", "rules")
QUESTION_FIELDS = (*TEXT_FIELDS, *TEXT_LISTS, "pairs", "difficulty", "score", "stale", "fact")
# Fields written as numbers or flags; everything else is text, whatever it looks like.
NUMBER_FIELDS = frozenset({"difficulty", "score", "stale", "start", "end", "confidence", "value"})
DIFFICULTIES = ("1", "2", "3")
FLAGS = {"true": True, "false": False}      # YAML 1.2 core booleans, compared in lower case
MAX_CHOICES = 8         # letters A-H
MIN_PAIRS, MAX_PAIRS = 2, 8

Path_ = tuple[Union[str, int], ...]


@dataclass(frozen=True)
class Issue:
    path: Path_          # where in the document: ("questions", 3, "status")
    message: str


def flag(text: object) -> bool | None:
    """True/False for a flag as typed ("true", "False", "TRUE"), else None."""
    return FLAGS.get(text.lower()) if isinstance(text, str) else None


def check_document(doc: object) -> list[Issue]:
    """Every problem of one bank, in document order."""
    if not isinstance(doc, dict):
        return [Issue((), "a bank must be a mapping with `story:` and `questions:`")]
    issues: list[Issue] = []
    story = doc.get("story")
    if "story" not in doc:
        issues.append(Issue((), "missing `story:` (id, title, file)"))
    elif not isinstance(story, dict) or not isinstance(story.get("id"), str) or not story["id"]:
        issues.append(Issue(("story",), "`story:` must be a mapping with at least `id`"))
    else:
        issues += [Issue(("story", key), f"`story: {key}` must be text") for key in STORY_FIELDS
                   if key in story and not isinstance(story[key], str)]
    if "questions" not in doc:
        issues.append(Issue((), "missing `questions:`"))
        return issues
    questions = doc["questions"]
    if questions == "":
        return issues           # `questions:` with nothing under it: an empty bank
    if not isinstance(questions, list):
        return issues + [Issue(("questions",), "`questions:` must be a list")]
    for number, item in enumerate(questions):
        issues += [Issue(("questions", number, *issue.path), issue.message) for issue in check_question(item)]
    return issues


def check_question(item: object) -> list[Issue]:
    if not isinstance(item, dict):
        return [Issue((), "each question must be a mapping (id, type, status, prompt, answer, source, ...)")]
    issues = [Issue((), f"question lacks `{key}`") for key in REQUIRED if key not in item]
    for key, value in item.items():
        issues += _check_field(str(key), value)
    qtype, answer = item.get("type"), item.get("answer")
    if qtype == "mcq":
        issues += _check_choices(item)
    elif qtype == "truefalse" and isinstance(answer, str) and flag(answer) is None:
        issues.append(Issue(("answer",), f"a truefalse answer is True or False (found {answer!r})"))
    elif qtype == "matching":
        pairs = item.get("pairs")
        if not isinstance(pairs, list) or not MIN_PAIRS <= len(pairs) <= MAX_PAIRS:
            issues.append(Issue(("pairs",) if "pairs" in item else (),
                                f"a matching question needs {MIN_PAIRS} to {MAX_PAIRS} `pairs`"))
    return issues


def _check_field(key: str, value: object) -> list[Issue]:
    where = (key,)
    if key in TEXT_FIELDS:
        if not isinstance(value, str):
            return [Issue(where, f"`{key}` must be text")]
        if key in ("prompt", "answer", "id") and not value.strip():
            return [Issue(where, f"`{key}` is empty")]
        if key == "type" and value not in QUESTION_TYPES:
            return [Issue(where, f"unknown type {value!r}{_did_you_mean(value, QUESTION_TYPES)}; "
                                 f"use one of {', '.join(QUESTION_TYPES)}")]
        if key == "status" and value not in STATUSES:
            return [Issue(where, f"unknown status {value!r}{_did_you_mean(value, STATUSES)}; "
                                 f"use one of {', '.join(STATUSES)}")]
    elif key in TEXT_LISTS:
        if not isinstance(value, list) and value != "":
            return [Issue(where, f"`{key}` must be a list")]
        return [Issue((key, n), f"each of `{key}` must be text") for n, v in enumerate(value or [])
                if not isinstance(v, str)]
    elif key == "pairs":
        if not isinstance(value, list) and value != "":
            return [Issue(where, "`pairs` must be a list of [left, right] rows")]
        return [Issue((key, n), f"each pair is [left, right] (found {len(row) if isinstance(row, list) else 1} item(s))")
                for n, row in enumerate(value or [])
                if not (isinstance(row, list) and len(row) == 2 and all(isinstance(x, str) for x in row))]
    elif key == "difficulty" and value not in DIFFICULTIES:
        return [Issue(where, f"`difficulty` must be 1, 2 or 3 (found {value!r})")]
    elif key == "score" and not _is_score(value):
        return [Issue(where, f"`score` must be a number from 0 to 1 (found {value!r})")]
    elif key == "stale" and flag(value) is None:
        return [Issue(where, f"`stale` must be true or false (found {value!r})")]
    elif key == "fact" and not isinstance(value, dict) and value != "":
        return [Issue(where, "`fact` must be a mapping")]
    elif key not in QUESTION_FIELDS:
        near = _did_you_mean(key, QUESTION_FIELDS)
        if near:
            return [Issue(where, f"unknown field `{key}`{near}")]
    return []


def _check_choices(item: dict) -> list[Issue]:
    choices = item.get("choices")
    if not isinstance(choices, list):
        return [] if "choices" in item else [Issue(("type",), "an mcq question needs `choices`")]
    if not 2 <= len(choices) <= MAX_CHOICES:
        return [Issue(("choices",), f"an mcq question has 2 to {MAX_CHOICES} choices (found {len(choices)})")]
    count = choices.count(item.get("answer"))
    if count != 1:
        return [Issue(("answer",) if "answer" in item else ("choices",),
                      f"the answer must be among the choices exactly once (found {count} times)")]
    return []


def _is_score(value: object) -> bool:
    try:
        return isinstance(value, str) and 0.0 <= float(value) <= 1.0
    except ValueError:
        return False


def _did_you_mean(value: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value.strip().lower(), known, n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""
