"""The `quizgen` command: a thin typer layer over the library.

It parses options, calls the library, prints data on stdout and messages on
stderr, and turns QuizgenError into one line and an exit code (see README).
"""
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__

try:  # typer >= 0.23 carries its own copy of click
    from typer._click import exceptions as click_errors
    from typer._click.utils import PacifyFlushWrapper
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import exceptions as click_errors
    from click.utils import PacifyFlushWrapper
from .bank import DEFAULT_BANK_DIR, QuestionFilter, select_questions
from .errors import EXIT_BUG, EXIT_DATA, EXIT_INTERRUPTED, EXIT_USAGE, QuizgenError, UsageError, printable
from .models import QUESTION_TYPES, STATUSES
from .stories import bundled_story_paths, story_paths

app = typer.Typer(
    name="quizgen",
    help="Turn news stories into study material: facts, a question bank, Anki decks, "
         "printable quizzes and self-tests.\n\nStart with `quizgen build` (uses the bundled "
         "stories), or `quizgen build my_stories/`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Settings:
    quiet = False


def say(message: str) -> None:
    """A message for the person (stderr), silenced by --quiet."""
    if not Settings.quiet:
        typer.echo(message, err=True)


def say_wrote(path: Path) -> None:
    say("wrote to stdout" if str(path) == "-" else f"wrote {printable(str(path))}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summaries on stderr.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an error (for bug reports).")] = False,
) -> None:
    Settings.quiet = quiet


# Options shared by every command that reads banks.
Banks = Annotated[Optional[list[str]], typer.Argument(
    help=f"Bank files or folders of them [default: {DEFAULT_BANK_DIR}/].", show_default=False)]
StoryFilter = Annotated[Optional[list[str]], typer.Option("--story", help="Only this story id (repeatable).")]
TypeFilter = Annotated[Optional[list[str]], typer.Option(
    "--type", help="Only this question type: short, mcq, truefalse, cloze, matching (repeatable).")]
TagFilter = Annotated[Optional[list[str]], typer.Option("--tag", help="Only questions with this tag (repeatable).")]
StatusFilter = Annotated[Optional[list[str]], typer.Option(
    "--status", help="Only this status: draft, approved, rejected [default: all but rejected].")]
MinDifficulty = Annotated[int, typer.Option("--min-difficulty", min=1, max=3, help="Easiest level to keep (1-3).")]
MaxDifficulty = Annotated[int, typer.Option("--max-difficulty", min=1, max=3, help="Hardest level to keep (1-3).")]
IncludeStale = Annotated[bool, typer.Option(
    "--include-stale", help="Also questions marked stale (their fact is no longer found in the story).")]
Seed = Annotated[int, typer.Option("--seed", help="Same seed, same output.")]
STORY_KINDS = ("Story files: plain text (.txt, any encoding), saved web pages (.html, .htm: the article "
               "alone) and Word files (.docx).")
Jobs = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes [default: all cores].")]


Templates = Annotated[Optional[Path], typer.Option(
    "--templates", help="Your own template file (YAML), merged over the bundled templates.")]
MinScore = Annotated[float, typer.Option("--min-score", min=0.0, max=1.0,
                                         help="Leave out questions scored below this (0-1).")]


def _generate_options(seed: int, templates: Optional[Path], min_score: float):
    """Check the user's template file once, here, so a mistake is one clear line before any work."""
    from .generate.templates import load_templates
    from .pipeline import GenerateOptions

    if templates is not None:
        if not templates.is_file():
            raise UsageError("no such template file", templates)
        load_templates(templates)
    return GenerateOptions(seed=seed, templates=str(templates) if templates else None, min_score=min_score)


def question_filter(story: Optional[list[str]], qtype: Optional[list[str]], tag: Optional[list[str]],
                    status: Optional[list[str]], min_difficulty: int, max_difficulty: int,
                    include_stale: bool = False) -> QuestionFilter:
    for value in status or []:
        if value not in STATUSES:
            raise UsageError(f"unknown --status {value!r}; choose from {', '.join(STATUSES)}")
    for value in qtype or []:
        if value not in QUESTION_TYPES:
            raise UsageError(f"unknown --type {value!r}; choose from {', '.join(QUESTION_TYPES)}")
    return QuestionFilter(stories=story or [], types=qtype or [], tags=tag or [],
                          statuses=status or QuestionFilter().statuses,
                          min_difficulty=min_difficulty, max_difficulty=max_difficulty, include_stale=include_stale)


def _inputs(files: Optional[list[str]]) -> list[str]:
    return story_paths(files) if files else [str(p) for p in bundled_story_paths()]


def _jobs(jobs: Optional[int], paths: list[str]) -> int:
    from .workers import default_jobs
    return min(jobs or default_jobs(), max(1, len(paths)))


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help=STORY_KINDS + " Also folders of them, globs, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (the FACTS.md contract) or yaml.")] = "json",
    jobs: Jobs = None,
) -> None:
    """Print the facts found in stories (who holds which position, who met whom, numbers, dates, ...)."""
    from .pipeline import process_stories, write_facts

    if fmt not in ("json", "yaml"):
        raise UsageError(f"unknown --format {fmt!r}; choose json or yaml")
    paths = story_paths(files)
    outcomes = process_stories(paths, with_questions=False, jobs=_jobs(jobs, paths),
                               show_progress=not Settings.quiet)
    failed = write_facts(outcomes, sys.stdout, fmt)
    for outcome in failed:
        typer.echo(f"quizgen: {outcome.error}", err=True)
    if failed:
        raise typer.Exit(EXIT_DATA)


@app.command()
def generate(
    files: Annotated[Optional[list[str]], typer.Argument(
        help=STORY_KINDS + " Also folders of them, globs, or - for stdin \\[default: the bundled stories].",
        show_default=False)] = None,
    bank: Annotated[Path, typer.Option("--bank", help="Folder for the bank files, one per story.")] = DEFAULT_BANK_DIR,
    seed: Seed = 0,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be added, kept and marked stale.")] = False,
    templates: Templates = None,
    min_score: MinScore = 0.0,
    jobs: Jobs = None,
) -> None:
    """Write questions for each story into BANK/<story-id>.yaml, keeping every edit a person made."""
    from .pipeline import generate_banks

    paths = _inputs(files)
    report = generate_banks(paths, bank, options=_generate_options(seed, templates, min_score),
                            jobs=_jobs(jobs, paths), dry_run=dry_run, show_progress=not Settings.quiet)
    _report_generation(report, dry_run)


BANK_LINES = 20      # more banks than this get one summary line, not a line each


def _report_generation(report, dry_run: bool) -> None:
    merges = report.merges
    if len(merges) > BANK_LINES and not dry_run:
        totals = [sum(len(getattr(m, part)) for m in merges) for part in ("added", "updated", "stale")]
        current = sum(m.up_to_date for m in merges)
        say(f"{len(merges)} banks: {totals[0]} questions added, {totals[1]} updated, {totals[2]} marked stale"
            + (f"; {current} already up to date" if current else ""))
    for merge in merges if len(merges) <= BANK_LINES or dry_run else []:
        if merge.up_to_date:
            say(f"{printable(merge.path)}: up to date (same story, same rules): 0 added, 0 updated")
            continue
        verb = "would write" if dry_run else "wrote" if merge.written else "unchanged"
        say(f"{verb} {printable(merge.path)}: {len(merge.added)} added, {len(merge.updated)} updated, "
            f"{len(merge.kept)} kept, {len(merge.stale)} marked stale")
        if dry_run:
            for label, ids in (("add", merge.added), ("update", merge.updated), ("mark stale", merge.stale)):
                for question_id in ids:
                    typer.echo(f"  would {label} {question_id}")
    _report_problems(report)


@app.command()
def build(
    files: Annotated[Optional[list[str]], typer.Argument(
        help=STORY_KINDS + " Also folders of them or globs \\[default: the bundled stories].", show_default=False)] = None,
    bank: Annotated[Path, typer.Option("--bank", help="Folder for the bank files.")] = DEFAULT_BANK_DIR,
    out: Annotated[Path, typer.Option("--out", help="Folder for quizgen.apkg, quiz.pdf and quiz.html.")] = Path("decks"),
    seed: Seed = 0,
    templates: Templates = None,
    min_score: MinScore = 0.0,
    jobs: Jobs = None,
) -> None:
    """Everything in one go: stories -> bank -> Anki deck, PDF and HTML quiz."""
    from .pipeline import build as build_all

    paths = _inputs(files)
    report = build_all(paths, bank, out, options=_generate_options(seed, templates, min_score),
                       jobs=_jobs(jobs, paths), show_progress=not Settings.quiet)
    generation = report.generation
    say(f"wrote {len(generation.merges)} banks in {bank}/ ({report.questions} questions)")
    for path in report.outputs:
        say(f"wrote {path}")
    _report_problems(generation)
    if not report.outputs:
        raise QuizgenError("every question is rejected: no deck or quiz written")


def _report_problems(report) -> None:
    """Skipped and failed stories, one line each; the others were processed."""
    for outcome in report.empties:
        say(f"quizgen: {printable(outcome.path)}: no facts found; skipped")
    for outcome in report.failures:
        typer.echo(f"quizgen: {outcome.error}", err=True)
    if not report.merges:
        raise QuizgenError("no story gave any questions")
    if report.failures:
        raise typer.Exit(EXIT_DATA)


@app.command()
def anki(
    banks: Banks = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The .apkg file to write.")] = Path("decks/quizgen.apkg"),
    deck: Annotated[str, typer.Option("--deck", help="Deck name in Anki.")] = "quizgen",
    reverse_roles: Annotated[bool, typer.Option(
        "--reverse-roles", help="Also a reversed card for each position question (position -> person).")] = False,
    typed: Annotated[bool, typer.Option(
        "--typed", help="Short-answer and cloze questions as type-the-answer cards, marked leniently on the card.")] = False,
    story: StoryFilter = None, qtype: TypeFilter = None, tag: TagFilter = None,
    status: StatusFilter = None, min_difficulty: MinDifficulty = 1, max_difficulty: MaxDifficulty = 3,
    include_stale: IncludeStale = False,
) -> None:
    """Export banks to an Anki deck (.apkg): one note per fact, re-imports update only what changed.

    A question several stories ask alike is one note naming its stories. `-o -` writes the deck to stdout.
    """
    from .export import ExportOptions
    from .export.anki import DeckWriter

    if not all(part.strip() for part in deck.split("::")):
        raise UsageError(f"--deck {deck!r} has an empty name; give one, such as --deck 'History::Week 3'")
    selection = select_questions(banks or [], question_filter(story, qtype, tag, status, min_difficulty, max_difficulty, include_stale),
                                 show_progress=not Settings.quiet)
    options = ExportOptions(deck_name=deck, reverse_roles=reverse_roles, typed=typed)
    with DeckWriter(out, options, banks_in_memory=True) as writer:
        for bank in selection.banks:
            writer.add(bank)
    if writer.to_stdout:
        say_wrote(out)
    else:
        say(f"wrote {printable(str(out))}: {writer.notes} notes, {writer.changed} new or changed since the last export here")


@app.command("print")
def print_quiz(
    banks: Banks = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="File to write, or - for stdout [default: decks/quiz.<format>].")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="pdf, html or md [default: from -o, else pdf].")] = None,
    count: Annotated[Optional[int], typer.Option(
        "--count", "-n", min=1, help="Use N questions, spread across stories, types and facts; each fact "
                                     "asked once [default: every question that fits].")] = None,
    versions: Annotated[int, typer.Option("--versions", "-k", min=1, max=8,
                                          help="Versions with questions and choices in different orders.")] = 1,
    seed: Seed = 0,
    title: Annotated[str, typer.Option("--title", help="Title printed at the top.")] = "quizgen quiz",
    paper: Annotated[str, typer.Option("--paper", help="a4 or letter.")] = "a4",
    no_key: Annotated[bool, typer.Option("--no-key", help="Leave out the answer keys.")] = False,
    key_only: Annotated[bool, typer.Option("--key-only", help="Write only the answer keys.")] = False,
    interactive: Annotated[bool, typer.Option(
        "--interactive", help="With --format html: a quiz students take in the browser; it marks itself.")] = False,
    with_story: Annotated[bool, typer.Option(
        "--with-story", help="Print each story's title and text before its questions.")] = False,
    stories: Annotated[Optional[list[Path]], typer.Option(
        "--stories", help="Folder holding the story files, for --with-story [default: beside the bank].")] = None,
    story: StoryFilter = None, qtype: TypeFilter = None, tag: TagFilter = None,
    status: StatusFilter = None, min_difficulty: MinDifficulty = 1, max_difficulty: MaxDifficulty = 3,
    include_stale: IncludeStale = False,
) -> None:
    """Print a classroom quiz (PDF, HTML or Markdown): numbered, grouped by type, with answer keys.

    Example: quizgen print --count 20 --versions 2 --seed 7 -o decks/week3.pdf
    """
    from .export import ExportOptions, export

    to_stdout = out == Path("-")
    fmt = (fmt or (out.suffix.lstrip(".").lower() if out and out.suffix else "pdf")).lower()
    if fmt not in ("pdf", "html", "md"):
        raise UsageError(f"unknown format {fmt!r}; choose pdf, html or md")
    if interactive and fmt != "html":
        raise UsageError("--interactive makes an HTML quiz; use it with --format html or -o FILE.html")
    if paper not in ("a4", "letter"):
        raise UsageError(f"unknown --paper {paper!r}; choose a4 or letter")
    if no_key and key_only:
        raise UsageError("--no-key and --key-only contradict each other")
    if to_stdout and fmt == "pdf" and sys.stdout.isatty():
        raise UsageError("a PDF is not for the terminal: redirect it (-o - > quiz.pdf) or choose --format html or md")
    out = out or Path("decks") / f"quiz.{fmt}"
    selection = select_questions(banks or [], question_filter(story, qtype, tag, status, min_difficulty, max_difficulty, include_stale),
                                 show_progress=not Settings.quiet)
    options = ExportOptions(title=title, seed=seed, versions=versions, count=count, paper=paper,
                            answer_key=not no_key, key_only=key_only, with_story=with_story,
                            story_dirs=[str(folder) for folder in stories or []])
    say_wrote(export(selection, out, "html-interactive" if interactive else fmt, options))


@app.command("export")
def export_bank(
    banks: Banks = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or tsv (Anki/Quizlet import), gift or moodle-xml (Moodle).")] = "csv",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write [default: decks/quizgen.<format>].")] = None,
    story: StoryFilter = None, qtype: TypeFilter = None, tag: TagFilter = None,
    status: StatusFilter = None, min_difficulty: MinDifficulty = 1, max_difficulty: MaxDifficulty = 3,
    include_stale: IncludeStale = False,
) -> None:
    """Export banks for other tools: CSV/TSV (front, back, tags), Moodle GIFT or Moodle XML."""
    from .export import ExportOptions, export

    if fmt not in ("csv", "tsv", "gift", "moodle-xml"):
        raise UsageError(f"unknown --format {fmt!r}; choose csv, tsv, gift or moodle-xml")
    out = out or Path("decks") / f"quizgen.{'xml' if fmt == 'moodle-xml' else fmt}"
    selection = select_questions(banks or [], question_filter(story, qtype, tag, status, min_difficulty, max_difficulty, include_stale),
                                 show_progress=not Settings.quiet)
    say_wrote(export(selection, out, fmt, ExportOptions()))


@app.command()
def quiz(
    banks: Banks = None,
    count: Annotated[Optional[int], typer.Option("--count", "-n", min=1, help="Ask at most N questions.")] = None,
    due: Annotated[bool, typer.Option("--due", help="Only questions due for review now.")] = False,
    seed: Seed = 0,
    state: Annotated[Optional[Path], typer.Option(
        "--state", help="Study state file [default: $XDG_DATA_HOME/quizgen/state.json].")] = None,
    show_stats: Annotated[bool, typer.Option("--stats", help="Print your scores and what is due; ask nothing.")] = False,
    story: StoryFilter = None, qtype: TypeFilter = None, tag: TagFilter = None,
    status: StatusFilter = None, min_difficulty: MinDifficulty = 1, max_difficulty: MaxDifficulty = 3,
    include_stale: IncludeStale = False,
) -> None:
    """Test yourself at the terminal; spaced repetition brings back what you got wrong.

    A question several stories ask is asked once. Answer by letter (multiple choice), t/f
    (true or false), letters in order (matching) or by typing; ? gives a hint, s skips, q saves
    and quits, r after a wrong mark says you were right. Piped stdin is read one answer per line.
    """
    import shutil

    from .quiz.merge import merge_banks
    from .quiz.schedule import default_state_path, load_state
    from .quiz.session import QuizOptions, Terminal, next_reviews, pick_questions, run_session, stats, summary

    study = load_state(state or default_state_path())
    if study.notice:
        typer.echo(f"quizgen: {study.notice}", err=True)
    terminal = Terminal(typer.echo, shutil.get_terminal_size().columns - 1)
    if show_stats:
        for line in stats(study):
            terminal(line)
        return
    selection = select_questions(banks or [], question_filter(story, qtype, tag, status, min_difficulty, max_difficulty, include_stale),
                                 show_progress=not Settings.quiet)
    chosen = pick_questions(merge_banks(selection.banks), study, QuizOptions(count=count, due_only=due, seed=seed))
    if not chosen:
        raise UsageError(f"nothing to ask: --due left no question ({next_reviews(study)})")
    result = run_session(chosen, study, input, terminal)
    terminal()
    for line in summary(result, study):
        terminal(line)
    if result.interrupted:
        raise KeyboardInterrupt     # every answer is saved; end as any interrupted command does


@app.command()
def validate(banks: Banks = None) -> None:
    """Check bank files: every problem as FILE:LINE: message (exit 1), else a one-line summary."""
    from .bank import bank_files, validate_banks

    report = validate_banks(bank_files(banks or []))
    for problem in report.problems:
        typer.echo(str(problem))
    if report.problems:
        raise typer.Exit(EXIT_DATA)
    typer.echo(report.summary())


GLOBAL_FLAGS = ("--quiet", "-q", "--debug")


def hoist_global_options(args: list[str]) -> list[str]:
    """`quizgen build DIR --quiet` means `quizgen --quiet build DIR`: the flags that belong to
    quizgen itself may stand anywhere before a `--`."""
    end = args.index("--") if "--" in args else len(args)
    flags = [a for a in args[:end] if a in GLOBAL_FLAGS]
    return flags + [a for a in args[:end] if a not in GLOBAL_FLAGS] + args[end:]


def main() -> None:
    """Entry point: run the app and turn every failure into one line and an exit code."""
    args = hoist_global_options(sys.argv[1:])
    debug = "--debug" in args
    try:
        result = app(args=args, prog_name="quizgen", standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except click_errors.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "quizgen"
        typer.echo(f"{command}: error: {exc.format_message()} (see {command} --help)", err=True)
        sys.exit(EXIT_USAGE)
    except click_errors.ClickException as exc:
        typer.echo(f"quizgen: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code or EXIT_USAGE)
    except (KeyboardInterrupt, typer.Abort):
        _interrupted()
    except QuizgenError as exc:
        if debug:
            traceback.print_exc()
        typer.echo(f"quizgen: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        _reader_left()
    except SystemExit as exc:
        if isinstance(sys.stdout, PacifyFlushWrapper):     # typer's sign that stdout's reader left
            _reader_left()
        raise
    except Exception as exc:  # a bug: one line unless --debug
        if debug:
            traceback.print_exc()
        typer.echo(f"quizgen: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(EXIT_BUG)
    if result == EXIT_INTERRUPTED:      # typer turns Ctrl-C into this exit code, silently
        _interrupted()
    sys.exit(result if isinstance(result, int) else 0)


def _interrupted() -> None:
    typer.echo("quizgen: interrupted", err=True)
    sys.exit(EXIT_INTERRUPTED)


def _reader_left() -> None:
    """`quizgen extract ... | head`: the reader has what it wanted; that is a success."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)
