"""Check bank files against the schema (docs/bank.md): every problem, with its line.

Validation reads the YAML node tree (not plain data) so each problem can name
the line a person must fix.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .bank import _Loader, read_bank_text
from .errors import QuizgenError
from .models import QUESTION_TYPES, STATUSES

REQUIRED = ("id", "type", "status", "prompt", "answer", "source")
TEXT_FIELDS = ("id", "type", "status", "prompt", "answer", "source", "story", "cloze", "explanation", "template")
LIST_FIELDS = ("choices", "accepted", "tags", "pairs")


@dataclass
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    by_type: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        total = sum(self.by_type.values())
        types = ", ".join(f"{n} {t}" for t, n in sorted(self.by_type.items()))
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(self.by_status.items()))
        return f"ok: {total} questions ({types}; {statuses})"


def validate_banks(paths: list[Path]) -> ValidationReport:
    """Validate every bank; ids must be unique across all of them."""
    report = ValidationReport()
    first_seen: dict[str, str] = {}
    for path in paths:
        try:
            root = _compose(path)
        except QuizgenError as error:
            report.problems.append(Problem(str(path), error.line or 1, error.message))
            continue
        _check_bank(path, root, report, first_seen)
    return report


def _compose(path: Path) -> yaml.Node | None:
    text = read_bank_text(path)
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise QuizgenError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path,
                           mark.line + 1 if mark else 1) from None
    except RecursionError:
        raise QuizgenError("bank is too deeply nested", path, 1) from None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _check_bank(path: Path, root: yaml.Node | None, report: ValidationReport, first_seen: dict[str, str]) -> None:
    def problem(node: yaml.Node | None, message: str) -> None:
        report.problems.append(Problem(str(path), _line(node) if node is not None else 1, message))

    if not isinstance(root, yaml.MappingNode):
        problem(root, "a bank must be a mapping with `story:` and `questions:`")
        return
    top = _mapping(root)
    story = top.get("story")
    if story is None:
        problem(root, "missing `story:` (id, title, file)")
    elif not isinstance(story[1], yaml.MappingNode) or "id" not in _mapping(story[1]):
        problem(story[1], "`story:` must be a mapping with at least `id`")
    questions = top.get("questions")
    if questions is None:
        problem(root, "missing `questions:`")
        return
    if not isinstance(questions[1], yaml.SequenceNode):
        problem(questions[1], "`questions:` must be a list")
        return
    for item in questions[1].value:
        _check_question(item, problem, report, first_seen, str(path))


def _mapping(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {str(k.value): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _check_question(item: yaml.Node, problem, report: ValidationReport, first_seen: dict[str, str],
                    path: str) -> None:
    if not isinstance(item, yaml.MappingNode):
        problem(item, "each question must be a mapping (id, type, status, prompt, answer, source, ...)")
        return
    fields = _mapping(item)
    for key in REQUIRED:
        if key not in fields:
            problem(item, f"question lacks `{key}`")
    for key in TEXT_FIELDS:
        if key in fields and not isinstance(fields[key][1], yaml.ScalarNode):
            problem(fields[key][1], f"`{key}` must be text")
    for key in LIST_FIELDS:
        if key in fields and not isinstance(fields[key][1], yaml.SequenceNode):
            problem(fields[key][1], f"`{key}` must be a list")
    text = {k: str(v.value) for k, (_, v) in fields.items() if isinstance(v, yaml.ScalarNode)}
    qtype, status = text.get("type"), text.get("status")
    if "type" in text and qtype not in QUESTION_TYPES:
        problem(fields["type"][1], f"unknown type {qtype!r}; use one of {', '.join(QUESTION_TYPES)}")
    if "status" in text and status not in STATUSES:
        problem(fields["status"][1], f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    if "difficulty" in text and text["difficulty"] not in ("1", "2", "3"):
        problem(fields["difficulty"][1], "`difficulty` must be 1, 2 or 3")
    if "id" in text:
        question_id = text["id"]
        where = f"{path}:{_line(item)}"
        if question_id in first_seen:
            problem(fields["id"][1], f"duplicate id {question_id!r} (first at {first_seen[question_id]})")
        else:
            first_seen[question_id] = where
    if qtype == "mcq":
        _check_choices(fields, text, problem)
    if qtype == "truefalse" and text.get("answer") not in ("True", "False", "true", "false"):
        problem(fields.get("answer", (None, item))[1], "a truefalse answer is True or False")
    if qtype in QUESTION_TYPES:
        report.by_type[qtype] += 1
    if status in STATUSES:
        report.by_status[status] += 1


def _check_choices(fields, text, problem) -> None:
    choices_node = fields.get("choices", (None, None))[1]
    if not isinstance(choices_node, yaml.SequenceNode):
        if choices_node is None:
            problem(fields["type"][1], "an mcq question needs `choices`")
        return
    choices = [str(c.value) for c in choices_node.value if isinstance(c, yaml.ScalarNode)]
    count = choices.count(text.get("answer", ""))
    if count != 1:
        where = fields.get("answer", (None, choices_node))[1]
        problem(where, f"the answer must be among the choices exactly once (found {count} times)")
