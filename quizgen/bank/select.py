"""The one way exporters and the self-test read banks: filtered, checked, stale left out."""
from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..errors import QuizgenError, UsageError
from ..models import STATUSES, Bank, Question
from ..progress import progress
from .loading import bank_files, line_of_question, read_banks, where


@dataclass
class QuestionFilter:
    """The filters every exporter and the self-test share."""

    stories: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=lambda: [s for s in STATUSES if s != "rejected"])
    min_difficulty: int = 1
    max_difficulty: int = 3
    include_stale: bool = False      # questions whose fact the rules no longer find

    def describe(self) -> str:
        """The filters in force, as options, for a message that says what left nothing."""
        parts = [f"--story {s}" for s in self.stories] + [f"--type {t}" for t in self.types]
        parts += [f"--tag {t}" for t in self.tags] + [f"--status {s}" for s in self.statuses]
        if (self.min_difficulty, self.max_difficulty) != (1, 3):
            parts.append(f"difficulty {self.min_difficulty}-{self.max_difficulty}")
        if not self.include_stale:
            parts.append("(stale questions left out; --include-stale keeps them)")
        return " ".join(parts)

    def accepts(self, bank: Bank, question: Question) -> bool:
        return ((not self.stories or bank.story.id in self.stories or question.story in self.stories)
                and (not self.types or question.type in self.types)
                and (not self.tags or bool(set(self.tags) & set(question.tags)))
                and question.status in self.statuses
                and (self.include_stale or not question.stale)
                and self.min_difficulty <= question.difficulty <= self.max_difficulty)


def _refuse_duplicate_ids(bank: Bank, path: Path, first_seen: dict[str, tuple[Path, int]]) -> None:
    """Ids are keys everywhere downstream (Anki GUIDs, review history): two questions with one id
    would overwrite each other, so a reader refuses them, as `validate` does."""
    for number, question in enumerate(bank.questions):
        if question.id in first_seen:
            raise QuizgenError(f"duplicate id {question.id!r} (first at {where(*first_seen[question.id])}); "
                               "ids must be unique across banks", path, line_of_question(path, number))
        first_seen[question.id] = (path, number)


@dataclass
class Selection:
    """Banks holding only the questions that passed the filter."""

    banks: list[Bank]

    @property
    def questions(self) -> list[Question]:
        return [q for bank in self.banks for q in bank.questions]


def select_questions(args: Sequence[str | Path], filters: QuestionFilter | None = None,
                     show_progress: bool = False) -> Selection:
    """Read banks and keep the questions the filter accepts."""
    filters = filters or QuestionFilter()
    banks = []
    paths = bank_files(args)
    first_seen: dict[str, tuple[Path, int]] = {}
    with closing(read_banks(paths)) as reading:       # a problem stops the reading at once
        for path, bank in zip(paths, progress(reading, len(paths), "banks", show_progress and len(paths) > 50)):
            _refuse_duplicate_ids(bank, path, first_seen)
            bank.questions = [q for q in bank.questions if filters.accepts(bank, q)]
            banks.append(bank)
    if not any(bank.questions for bank in banks):
        raise UsageError(f"no questions match {filters.describe()} in {len(banks)} bank(s)")
    return Selection(banks)
