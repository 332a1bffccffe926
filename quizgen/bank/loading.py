"""Banks in: every reader checks what it reads against the schema, so a mistake is
one line naming the file and line, never a silently dropped question or a crash
in an exporter. `quizgen validate` is the same check, reporting every problem."""
from __future__ import annotations

import marshal
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generator, Iterable, Iterator, Sequence

import yaml

from ..errors import QuizgenError, UsageError
from ..models import Bank, Question, StoryRef, question_row
from ..workers import default_jobs, worker_pool
from .cache import cached_document, remember_document
from .reading import compose_text, load_text, read_bank_text
from .schema import Issue, check_document

DEFAULT_BANK_DIR = Path("question_bank")
BANK_SUFFIXES = (".yaml", ".yml")


def bank_files(args: Iterable[str | Path]) -> list[Path]:
    """Expand BANK arguments: files, or folders searched (below too) for *.yaml and *.yml."""
    args = list(args) or [DEFAULT_BANK_DIR]
    files: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in BANK_SUFFIXES and p.is_file())
            if not found:
                raise UsageError("folder holds no banks (*.yaml); run `quizgen generate` first", path)
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise UsageError("not a regular file", path)
        else:
            raise UsageError("no such bank file or folder", path)
    return list(dict.fromkeys(files))


def read_bank(path: str | Path) -> Bank:
    """A bank, checked: the first problem is raised with its line (run `quizgen validate` for all)."""
    path = Path(path)
    record = cached_document(path)
    return _bank_from_record(_checked_record(path) if record is None else record, path)


PARALLEL_READ_MIN = 64      # banks not in the cache worth starting worker processes for


def read_banks(paths: Sequence[Path]) -> Iterator[Bank]:
    """The banks at `paths`, in order, each read as `read_bank` reads it; the first problem in
    that order is raised. Parsing is most of reading a bank the cache does not hold, so many
    such banks are parsed by worker processes, which hand back plain data (marshal: cheap)."""
    records = [cached_document(path) for path in paths]
    parsed = _records([path for path, record in zip(paths, records) if record is None])
    try:
        for path, record in zip(paths, records):
            yield _bank_from_record(next(parsed) if record is None else record, path)
    finally:
        parsed.close()


def _records(paths: list[Path]) -> Generator[tuple, None, None]:
    """Each bank's checked record, in order; from worker processes when there are many."""
    jobs = min(default_jobs(), len(paths) // PARALLEL_READ_MIN)
    if jobs < 2:
        yield from map(_checked_record, paths)
        return
    pool = worker_pool(jobs)
    try:
        for data in pool.map(_marshalled_record, paths, chunksize=16):
            yield marshal.loads(data)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _marshalled_record(path: Path) -> bytes:
    return marshal.dumps(_checked_record(path))


def _checked_record(path: Path) -> tuple:
    """A bank read from its text and checked (the first problem raised), as a record, which is
    cached: what the bank's text says, already turned into questions."""
    text = read_bank_text(path)
    doc = load_text(text, path)
    raise_first_problem(text, doc, path)
    record = bank_record(bank_from_document(doc))
    remember_document(path, record)
    return record


def bank_record(bank: Bank) -> tuple:
    """A bank as plain data, quick to marshal and to turn back into the bank."""
    story = bank.story
    return (story.id, story.title, story.file, story.sha256, story.rules), [question_row(q) for q in bank.questions]


def _bank_from_record(record: tuple, path: Path) -> Bank:
    story, rows = record
    return Bank(story=StoryRef(*story), questions=[Question(*row) for row in rows], path=str(path))


def raise_first_problem(text: str, doc: object, path: Path) -> None:
    issues = check_document(doc)
    if issues:
        lines = issue_lines(text, path, issues)
        more = f" (and {len(issues) - 1} more; run `quizgen validate`)" if len(issues) > 1 else ""
        raise QuizgenError(issues[0].message + more, path, lines[0])


def bank_from_document(doc: dict, path: Path | None = None) -> Bank:
    story = doc["story"]
    ref = StoryRef(id=story["id"], title=story.get("title") or story["id"], file=story.get("file", ""),
                   sha256=story.get("sha256", ""), rules=story.get("rules", ""))
    questions = doc["questions"] or []
    return Bank(story=ref, questions=[Question.from_dict(q) for q in questions],
                path=str(path) if path else None)


def issue_lines(text: str, path: Path, issues: list[Issue]) -> list[int]:
    """The line of each issue, found in the node tree (composed only when there is a problem)."""
    root = compose_text(text, path)
    return [_line_of(root, issue.path) for issue in issues]


def _line_of(node: yaml.Node | None, where: tuple) -> int:
    line = node.start_mark.line + 1 if node is not None else 1
    for step in where:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
            if found is None:
                break
            node = found[1]
            line = (found[0] if isinstance(node, yaml.ScalarNode) else node).start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


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
        return f"ok: {total} questions ({types}; {statuses})" if total else "ok: no questions yet"


def validate_banks(paths: list[Path]) -> ValidationReport:
    """Every problem of every bank, with its line; question ids must be unique across all of them."""
    report = ValidationReport()
    first_seen: dict[str, tuple[Path, int]] = {}
    for path in paths:
        try:
            text = read_bank_text(path)
            doc = load_text(text, path)
        except QuizgenError as error:
            report.problems.append(Problem(str(path), error.line or 1, error.message))
            continue
        issues = check_document(doc)
        issues += _duplicate_ids(doc, path, first_seen)
        for issue, line in zip(issues, issue_lines(text, path, issues) if issues else []):
            report.problems.append(Problem(str(path), line, issue.message))
        if isinstance(doc, dict) and isinstance(doc.get("questions"), list):
            for item in doc["questions"]:
                if isinstance(item, dict):
                    report.by_type[str(item.get("type"))] += 1
                    report.by_status[str(item.get("status"))] += 1
    return report


def _duplicate_ids(doc: object, path: Path, first_seen: dict[str, tuple[Path, int]]) -> list[Issue]:
    if not (isinstance(doc, dict) and isinstance(doc.get("questions"), list)):
        return []
    issues = []
    for number, item in enumerate(doc["questions"]):
        question_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(question_id, str):
            continue
        if question_id in first_seen:
            issues.append(Issue(("questions", number, "id"),
                                f"duplicate id {question_id!r} (first at {where(*first_seen[question_id])})"))
        else:
            first_seen[question_id] = (path, number)
    return issues


def where(path: Path, number: int) -> str:
    """FILE:LINE of a question, found again only when a message needs it."""
    return f"{path}:{line_of_question(path, number)}"


def line_of_question(path: Path, number: int) -> int:
    text = read_bank_text(path)
    return issue_lines(text, path, [Issue(("questions", number, "id"), "")])[0]
