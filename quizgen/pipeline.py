"""The one-way pipeline, stories -> facts -> questions -> banks -> exports.

Each story is processed on its own (so the work can run in worker processes
and one bad story cannot stop the others); results are written in input order,
so output does not depend on the number of workers.
"""
from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

import yaml

from .bank import MergeReport, bank_path, save_generated
from .errors import QuizgenError
from .extract import extract_facts
from .generate import generate_questions
from .models import Bank, Fact, StoryRef
from .progress import progress
from .stories import load_story


@dataclass
class StoryOutcome:
    """What happened to one input story."""

    path: str
    story_id: str = ""
    facts: list[Fact] = field(default_factory=list)
    bank: Bank | None = None
    error: str | None = None       # one line, naming the file, when the story failed
    empty: bool = False            # read fine but no facts were found: reported and skipped
    words: int = 0


@dataclass
class GenerateReport:
    outcomes: list[StoryOutcome] = field(default_factory=list)
    merges: list[MergeReport] = field(default_factory=list)

    @property
    def failures(self) -> list[StoryOutcome]:
        return [o for o in self.outcomes if o.error]

    @property
    def empties(self) -> list[StoryOutcome]:
        return [o for o in self.outcomes if o.empty]

    @property
    def bank_paths(self) -> list[Path]:
        return [Path(m.path) for m in self.merges]


@dataclass(frozen=True)
class GenerateOptions:
    """How questions are made: passed to every worker process."""

    seed: int = 0
    templates: str | None = None     # a user's template file, merged over the bundled ones
    min_score: float = 0.0


def process_story(path: str, options: GenerateOptions | None = GenerateOptions(),
                  with_questions: bool = True) -> StoryOutcome:
    """Load, extract and (optionally) generate for one story; errors become the outcome."""
    outcome = StoryOutcome(path=path)
    try:
        story = load_story(path)
        outcome.story_id, outcome.words = story.id, story.word_count
        outcome.facts = extract_facts(story)
        if not outcome.facts:
            outcome.empty = True
            return outcome
        if with_questions:
            options = options or GenerateOptions()
            questions = generate_questions(story, outcome.facts, seed=options.seed,
                                           templates=options.templates, min_score=options.min_score)
            outcome.bank = Bank(story=StoryRef(id=story.id, title=story.title, file=story.file),
                                questions=questions)
    except QuizgenError as exc:
        outcome.error = str(exc)
    return outcome


def _process_for_pool(args: tuple[str, GenerateOptions, bool]) -> StoryOutcome:
    return process_story(*args)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def process_stories(paths: Sequence[str], *, options: GenerateOptions = GenerateOptions(),
                    with_questions: bool = True, jobs: int = 1,
                    show_progress: bool = True) -> Iterator[StoryOutcome]:
    """Outcomes in input order, computed by `jobs` worker processes."""
    tasks = [(p, options, with_questions) for p in paths]
    if jobs <= 1 or len(tasks) < 2 or "-" in paths:
        results: Iterator[StoryOutcome] = map(_process_for_pool, tasks)
        yield from progress(results, len(tasks), "stories", show_progress)
        return
    chunk = max(1, min(64, len(tasks) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_process_for_pool, tasks, chunksize=chunk)
        yield from progress(results, len(tasks), "stories", show_progress)


def generate_banks(paths: Sequence[str], bank_dir: str | Path, *, options: GenerateOptions = GenerateOptions(),
                   jobs: int = 1, dry_run: bool = False, show_progress: bool = True) -> GenerateReport:
    """Generate questions for each story and merge them into `bank_dir/<story-id>.yaml`."""
    report = GenerateReport()
    first_path_of: dict[str, str] = {}
    for outcome in process_stories(paths, options=options, jobs=jobs, show_progress=show_progress):
        report.outcomes.append(outcome)
        other = first_path_of.setdefault(outcome.story_id, outcome.path) if outcome.story_id else outcome.path
        if other != outcome.path:
            outcome.error = (f"{outcome.path}: same story id {outcome.story_id!r} as {other}; "
                             "rename one file so their banks stay apart")
            outcome.bank = None
        if outcome.bank is not None:
            target = bank_path(bank_dir, outcome.story_id)
            report.merges.append(save_generated(outcome.bank, target, dry_run=dry_run))
            outcome.bank = None     # written: free the memory
        outcome.facts = []
    return report


def write_facts(outcomes: Iterable[StoryOutcome], stream: TextIO, fmt: str = "json") -> list[StoryOutcome]:
    """Stream facts as the FACTS.md document (JSON, or the same as YAML); return failed stories.

    Facts are written as each story finishes, so memory does not grow with the corpus.
    """
    failed = []
    first = True
    stream.write('{"facts": [' if fmt == "json" else "facts:")
    for outcome in outcomes:
        if outcome.error:
            failed.append(outcome)
        for fact in outcome.facts:
            record = fact.to_dict()
            if fmt == "json":
                stream.write(("\n " if first else ",\n ") + json.dumps(record, ensure_ascii=False))
            else:
                stream.write("\n" + yaml.safe_dump([record], sort_keys=False, allow_unicode=True,
                                                   width=1000).rstrip("\n"))
            first = False
        outcome.facts = []
    if fmt == "json":
        stream.write("\n]}\n")
    else:
        stream.write(" []\n" if first else "\n")
    return failed
