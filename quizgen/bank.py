"""The YAML form of a question bank. Nothing else reads or writes bank files."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from .atomic import write_atomic
from .errors import QuizgenError, UsageError
from .models import STATUSES, Bank, Question, StoryRef

DEFAULT_BANK_DIR = Path("question_bank")
MAX_BANK_BYTES = 50 * 1024 * 1024


def bank_path(bank_dir: str | Path, story_id: str) -> Path:
    return Path(bank_dir) / f"{story_id}.yaml"


def bank_files(args: Iterable[str | Path]) -> list[Path]:
    """Expand BANK arguments (files or folders of *.yaml); default ./question_bank."""
    args = list(args) or [DEFAULT_BANK_DIR]
    files: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.yaml") if p.is_file())
            if not found:
                raise UsageError("folder holds no banks (*.yaml); run `quizgen generate` first", path)
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError("no such bank file or folder", path)
    return files


def read_bank(path: str | Path) -> Bank:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QuizgenError(f"cannot read bank: {exc.strerror or exc}", path) from None
    if len(raw) > MAX_BANK_BYTES:
        raise QuizgenError("bank file is too large", path)
    try:
        doc = yaml.safe_load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise QuizgenError("bank is not UTF-8 text", path) from None
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        raise QuizgenError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path, line) from None
    if not isinstance(doc, dict):
        raise QuizgenError("a bank must be a mapping with `story:` and `questions:`", path, 1)
    story = doc.get("story") if isinstance(doc.get("story"), dict) else {}
    questions = doc.get("questions") or []
    if not isinstance(questions, list):
        raise QuizgenError("`questions:` must be a list", path)
    ref = StoryRef(id=str(story.get("id", path.stem)), title=str(story.get("title", path.stem)),
                   file=str(story.get("file", "")))
    return Bank(story=ref, questions=[Question.from_dict(q) for q in questions if isinstance(q, dict)],
                path=str(path))


def dump_bank(bank: Bank) -> str:
    doc = {"story": {"id": bank.story.id, "title": bank.story.title, "file": bank.story.file},
           "questions": [q.to_dict() for q in bank.questions]}
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def write_bank(bank: Bank, path: str | Path) -> Path:
    return write_atomic(path, dump_bank(bank))


@dataclass
class QuestionFilter:
    """The filters every exporter and the self-test share."""

    stories: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=lambda: [s for s in STATUSES if s != "rejected"])
    min_difficulty: int = 1
    max_difficulty: int = 3

    def accepts(self, bank: Bank, question: Question) -> bool:
        return ((not self.stories or bank.story.id in self.stories or question.story in self.stories)
                and (not self.types or question.type in self.types)
                and (not self.tags or bool(set(self.tags) & set(question.tags)))
                and question.status in self.statuses
                and self.min_difficulty <= question.difficulty <= self.max_difficulty)


@dataclass
class Selection:
    """Banks holding only the questions that passed the filter."""

    banks: list[Bank]

    @property
    def questions(self) -> list[Question]:
        return [q for bank in self.banks for q in bank.questions]


def select_questions(args: Sequence[str | Path], filters: QuestionFilter | None = None) -> Selection:
    """Read banks and keep the questions the filter accepts: the one way exporters read banks."""
    filters = filters or QuestionFilter()
    banks = []
    for path in bank_files(args):
        bank = read_bank(path)
        bank.questions = [q for q in bank.questions if filters.accepts(bank, q)]
        banks.append(bank)
    if not any(bank.questions for bank in banks):
        raise UsageError("no questions match the filters (--story/--type/--tag/--status/--min-difficulty)")
    return Selection(banks)


@dataclass
class MergeReport:
    """What regeneration did to one bank file."""

    path: str
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)


def save_generated(generated: Bank, path: str | Path, dry_run: bool = False) -> MergeReport:
    """Merge freshly generated questions into the bank at `path`, never losing a person's work."""
    path = Path(path)
    report = MergeReport(path=str(path))
    if not path.exists():
        report.added = [q.id for q in generated.questions]
        if not dry_run:
            write_bank(generated, path)
        return report
    existing = read_bank(path)
    fresh = {q.id: q for q in generated.questions}
    merged: list[Question] = []
    for question in existing.questions:
        if question.id in fresh:
            fresh.pop(question.id)
            report.kept.append(question.id)
        elif question.template and not question.stale:
            question.stale = True
            report.stale.append(question.id)
        merged.append(question)
    for question in fresh.values():
        merged.append(question)
        report.added.append(question.id)
    if not dry_run:
        write_bank(Bank(story=existing.story, questions=merged), path)
    return report
