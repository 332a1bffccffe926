"""The one-way pipeline, stories -> facts -> questions -> banks -> exports.

Each story is processed on its own (so the work can run in worker processes
and one bad story cannot stop the others); results are written in input order,
so output does not depend on the number of workers.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TextIO

import yaml

from .bank import MergeReport, QuestionFilter, Selection, bank_path, read_bank, save_generated, saved_bank
from .bank.reading import TextLoader, check_text
from .errors import QuizgenError
from .extract import extract_facts
from .generate import generate_questions
from .models import Bank, Fact, Question, StoryRef, stable_id
from .progress import progress
from .stories import load_story, slug
from .workers import worker_pool


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
    merge: MergeReport | None = None


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


@dataclass(frozen=True)
class GenerateOptions:
    """How questions are made and where they go: passed to every worker process."""

    seed: int = 0
    templates: str | None = None     # a user's template file, merged over the bundled ones
    min_score: float = 0.0
    bank_dir: str | None = None      # save each story's bank here (in the worker that made it)
    dry_run: bool = False
    return_banks: bool = False       # hand each bank, as saved, back to the caller (for exports)

    def rules(self) -> str:
        """What makes the questions: quizgen's code and data, a user's templates, the options.
        A bank made by the same rules from the same text needs no regeneration."""
        extra = Path(self.templates).read_bytes() if self.templates else b""
        return stable_id(_package_digest(), hashlib.sha256(extra).hexdigest(), self.seed, self.min_score)[:16]


@lru_cache(maxsize=1)
def _package_digest() -> str:
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".yaml", ".json") and "corpus" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def process_story(path: str, options: GenerateOptions | None = GenerateOptions(),
                  with_questions: bool = True) -> StoryOutcome:
    """Load, extract, generate and save one story; errors become the outcome, never an exception."""
    options = options or GenerateOptions()
    outcome = StoryOutcome(path=path)
    try:
        story = load_story(path)
        outcome.story_id, outcome.words = story.id, story.word_count
        ref = StoryRef(id=story.id, title=story.title, file=story.file,
                       sha256=hashlib.sha256(story.text.encode("utf-8")).hexdigest(),
                       rules=options.rules() if with_questions else "")
        if with_questions and options.bank_dir and not options.dry_run and _up_to_date(ref, outcome, options):
            return outcome
        outcome.facts = extract_facts(story)
        if not outcome.facts:
            outcome.empty = True
            return outcome
        if with_questions:
            questions = generate_questions(story, outcome.facts, seed=options.seed,
                                           templates=options.templates, min_score=options.min_score)
            outcome.bank = Bank(story=ref, questions=questions)
            outcome.facts = []
            if options.bank_dir:
                _save(outcome, options)
    except QuizgenError as exc:
        outcome.error = str(exc)
        outcome.bank = None
    except Exception as exc:    # a bug: one story's failure must not stop the others
        outcome.error = (f"{path}: internal error: {type(exc).__name__}: {exc} "
                         f"(a bug: run `quizgen --debug extract {path}` and report it)")
        outcome.bank, outcome.facts = None, []
    return outcome


def _up_to_date(ref: StoryRef, outcome: StoryOutcome, options: GenerateOptions) -> bool:
    """The bank was made by the same rules from the same text: nothing to regenerate."""
    target = bank_path(options.bank_dir, ref.id)
    if not target.is_file():
        return False
    recorded = _recorded_story(target)
    if (recorded.get("sha256"), recorded.get("rules"), recorded.get("file")) != (ref.sha256, ref.rules, ref.file):
        return False
    outcome.merge = MergeReport(str(target), up_to_date=True)
    if options.return_banks:
        outcome.bank = read_bank(target)
        outcome.merge.kept = [q.id for q in outcome.bank.questions]
    return True


HEAD_BYTES = 64 * 1024


def _recorded_story(path: Path) -> dict:
    """The `story:` mapping at the top of a bank, read without reading its questions."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES).decode("utf-8-sig", "replace").split("\nquestions:", 1)[0]
        check_text(head, path)
        story = yaml.load(head, Loader=TextLoader)
    except (OSError, QuizgenError, yaml.YAMLError):
        return {}
    return story.get("story", {}) if isinstance(story, dict) and isinstance(story.get("story"), dict) else {}


def _save(outcome: StoryOutcome, options: GenerateOptions) -> None:
    """Merge into the story's bank file; the outcome then carries the bank as saved."""
    target = bank_path(options.bank_dir, outcome.story_id)
    merged = save_generated(outcome.bank, target, dry_run=options.dry_run)
    outcome.merge = merged.report
    outcome.bank = saved_bank(merged, target) if options.return_banks and not options.dry_run else None


def _process_for_pool(args: tuple[str, GenerateOptions, bool]) -> StoryOutcome:
    return process_story(*args)


def process_stories(paths: Sequence[str], *, options: GenerateOptions = GenerateOptions(),
                    with_questions: bool = True, jobs: int = 1,
                    show_progress: bool = True) -> Iterator[StoryOutcome]:
    """Outcomes in input order, computed by `jobs` worker processes."""
    tasks = [(p, options, with_questions) for p in paths]
    if jobs <= 1 or len(tasks) < 2 or "-" in paths:
        results: Iterator[StoryOutcome] = map(_process_for_pool, tasks)
        yield from progress(results, len(tasks), "stories", show_progress)
        return
    chunk = max(1, min(16, len(tasks) // (jobs * 8) or 1))
    pool = worker_pool(jobs)
    try:
        results = pool.map(_process_for_pool, tasks, chunksize=chunk)
        yield from progress(results, len(tasks), "stories", show_progress)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)     # on Ctrl-C: finish the story in hand, start none


def _clashing_ids(paths: Sequence[str]) -> dict[str, str]:
    """Paths whose story id (from the file name) another path already has: path -> the first path."""
    first: dict[str, str] = {}
    clashes: dict[str, str] = {}
    for path in paths:
        story_id = "stdin" if path == "-" else slug(Path(path).name)
        if first.setdefault(story_id, path) != path:
            clashes[path] = first[story_id]
    return clashes


def generate_banks(paths: Sequence[str], bank_dir: str | Path, *, options: GenerateOptions = GenerateOptions(),
                   jobs: int = 1, dry_run: bool = False, show_progress: bool = True,
                   on_bank: Callable[[Bank], None] | None = None) -> GenerateReport:
    """Generate questions for each story and merge them into `bank_dir/<story-id>.yaml`.

    Each worker saves its own story's bank; `on_bank` sees each bank as saved (a person's
    edits included), in input order, so a caller can export while stories stream past.
    """
    report = GenerateReport()
    clashes = _clashing_ids(paths)
    for path, other in clashes.items():
        report.outcomes.append(StoryOutcome(path=path, error=(
            f"{path}: same story id {slug(Path(path).name)!r} as {other}; rename one file so their banks stay apart")))
    options = replace(options, bank_dir=str(bank_dir), dry_run=dry_run, return_banks=on_bank is not None)
    todo = [p for p in paths if p not in clashes]
    for outcome in process_stories(todo, options=options, jobs=jobs, show_progress=show_progress):
        report.outcomes.append(outcome)
        if outcome.merge is not None:
            report.merges.append(outcome.merge)
            if on_bank is not None and outcome.bank is not None:
                on_bank(outcome.bank)
        outcome.bank = None     # saved: free the memory
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


@dataclass
class BuildReport:
    generation: GenerateReport
    questions: int = 0
    outputs: list[Path] = field(default_factory=list)


PRINT_SAMPLE_PER_TYPE = 40
BUILD_QUIZ_QUESTIONS = 40      # a classroom-sized printable quiz, spread across question types


class _NothingToExport(Exception):
    """No question survived: leave the old deck and quiz in place."""


class QuestionSample:
    """A bounded, deterministic sample of questions per type, gathered while banks stream past.

    The printable quiz of a build is classroom-sized whatever the corpus; keeping only the
    questions with the lowest seeded hash per type keeps memory flat and the choice stable.
    """

    def __init__(self, seed: int, per_type: int = PRINT_SAMPLE_PER_TYPE):
        self.seed, self.per_type = seed, per_type
        self.kept: dict[str, list[tuple[str, Question, StoryRef]]] = {}

    def add(self, bank: Bank) -> None:
        for question in bank.questions:
            pool = self.kept.setdefault(question.type, [])
            pool.append((stable_id(self.seed, question.id), question, bank.story))
            if len(pool) > 2 * self.per_type:
                pool.sort(key=lambda item: item[0])
                del pool[self.per_type:]

    def selection(self) -> Selection:
        banks: dict[str, Bank] = {}
        for pool in self.kept.values():
            for _, question, story in sorted(pool, key=lambda item: item[0])[:self.per_type]:
                banks.setdefault(story.id, Bank(story=story)).questions.append(question)
        return Selection([banks[key] for key in sorted(banks)])


def build(paths: Sequence[str], bank_dir: str | Path, out_dir: str | Path, *,
          options: GenerateOptions = GenerateOptions(), jobs: int = 1, show_progress: bool = True,
          quiz_title: str = "quizgen quiz") -> BuildReport:
    """Stories -> banks -> one Anki deck (every question) and a printable quiz (a sample), in one pass."""
    from .export import ExportOptions, export
    from .export.anki import DeckWriter

    out_dir = Path(out_dir)
    filters = QuestionFilter()
    sample = QuestionSample(options.seed)
    export_options = ExportOptions(seed=options.seed, title=quiz_title, count=BUILD_QUIZ_QUESTIONS)
    report = BuildReport(GenerateReport())

    def add(bank: Bank) -> None:
        bank.questions = [q for q in bank.questions if filters.accepts(bank, q)]
        deck.add(bank)
        sample.add(bank)
        report.questions += len(bank.questions)

    try:
        with DeckWriter(out_dir / "quizgen.apkg", export_options) as deck:
            report.generation = generate_banks(paths, bank_dir, options=options, jobs=jobs,
                                               show_progress=show_progress, on_bank=add)
            if not report.questions:
                raise _NothingToExport
    except _NothingToExport:
        return report           # no deck or quiz; the caller reports why, story by story
    report.outputs.append(out_dir / "quizgen.apkg")
    selection = sample.selection()
    for name, fmt in (("quiz.pdf", "pdf"), ("quiz.html", "html")):
        report.outputs.append(export(selection, out_dir / name, fmt, export_options))
    return report
