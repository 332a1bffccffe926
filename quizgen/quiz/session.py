"""The self-test loop: one question at a time, with feedback, hints and a summary.

Input and output are plain callables, so the same loop runs at a terminal, from
a script (one answer per line on stdin) and in tests.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from ..models import Question, stable_id
from .checker import LETTERS, check
from .schedule import StudyState, record

HELP = "Type your answer; ? for a hint, s to skip, q to save and quit."


@dataclass
class QuizOptions:
    count: int | None = None
    due_only: bool = False
    seed: int = 0


@dataclass
class SessionResult:
    asked: int = 0
    right: int = 0
    skipped: int = 0
    quit_early: bool = False
    seconds: float = 0.0
    by_type: dict[str, list[int]] = field(default_factory=dict)     # fact type -> [right, asked]
    by_story: dict[str, list[int]] = field(default_factory=dict)


def pick_questions(questions: list[Question], state: StudyState, options: QuizOptions,
                   now: datetime | None = None) -> list[Question]:
    """Due reviews first (most overdue first), then new questions; with --due, only the due reviews."""
    now = now or datetime.now(timezone.utc)
    usable = [q for q in questions if q.type != "matching"]
    rng = random.Random(options.seed)
    rng.shuffle(usable)
    due = sorted((q for q in usable if q.id in state.cards and state.cards[q.id].due <= now),
                 key=lambda q: state.cards[q.id].due)
    new = [q for q in usable if q.id not in state.cards]
    later = sorted((q for q in usable if q.id in state.cards and state.cards[q.id].due > now),
                   key=lambda q: state.cards[q.id].due)
    chosen = due if options.due_only else due + new + later
    return chosen[:options.count] if options.count else chosen


def run_session(questions: list[Question], state: StudyState, ask: Callable[[str], str],
                say: Callable[[str], None]) -> SessionResult:
    """Ask each question; every answer is a review saved at once. Ctrl-C, EOF or q end it cleanly."""
    result = SessionResult()
    started = time.monotonic()
    say(HELP)
    try:
        for number, question in enumerate(questions, 1):
            say("")
            say(f"Question {number} of {len(questions)}  [{question.fact.get('type', question.type)}]")
            outcome = _ask_one(question, ask, say)
            if outcome == "quit":
                result.quit_early = True
                break
            if outcome == "skip":
                result.skipped += 1
                say("Skipped.")
                continue
            right, hinted = outcome
            rating = "again" if not right else "hard" if hinted else "good"
            record(state, question.id, rating, question.fact.get("type", ""), question.story)
            result.asked += 1
            result.right += right
            for table, key in ((result.by_type, question.fact.get("type") or question.type),
                               (result.by_story, question.story)):
                tally = table.setdefault(key, [0, 0])
                tally[0] += right
                tally[1] += 1
            say(f"Score: {result.right}/{result.asked}")
    except (KeyboardInterrupt, EOFError):
        result.quit_early = True
    result.seconds = time.monotonic() - started
    return result


def _ask_one(question: Question, ask: Callable[[str], str], say: Callable[[str], None]):
    """'quit', 'skip', or (right, hinted)."""
    say(question.prompt)
    choices = list(question.choices) if question.type == "mcq" else []
    for index, choice in enumerate(choices):
        say(f"  {LETTERS[index]}) {choice}")
    prompt = {"mcq": "Letter> ", "truefalse": "[t]rue or [f]alse> "}.get(question.type, "Answer> ")
    hinted = False
    while True:
        typed = ask(prompt).strip()
        command = typed.lower()
        if command in ("q", "quit"):
            return "quit"
        if command in ("s", "skip"):
            return "skip"
        if command == "?":
            hinted = True
            say(hint(question))
            continue
        if not typed:
            continue
        verdict = check(question, typed)
        shown = _answer_text(question)
        if verdict.correct:
            say(f"Right!{f'  (spelled: {shown})' if verdict.typo else ''}")
        else:
            say(f"Not quite. The answer is: {shown}")
        if question.explanation and question.type == "truefalse":
            say(question.explanation)
        say(f"From the story: {question.source}")
        return verdict.correct, hinted


def _answer_text(question: Question) -> str:
    if question.type == "mcq" and question.answer in question.choices:
        return f"{LETTERS[question.choices.index(question.answer)]}) {question.answer}"
    return question.answer


def hint(question: Question) -> str:
    """Two wrong choices crossed out, or the first letter and length of the answer."""
    if question.type == "mcq":
        wrong = [c for c in question.choices if c != question.answer]
        rng = random.Random(stable_id("hint", question.id))
        gone = set(rng.sample(wrong, min(2, len(wrong))))
        left = [f"{LETTERS[i]}) {c}" for i, c in enumerate(question.choices) if c not in gone]
        return "Hint: it is one of " + ", ".join(left)
    if question.type == "truefalse":
        return "Hint: read the statement against what the story says; one word may have been swapped."
    answer = question.answer.strip()
    return f"Hint: it starts with {answer[:1]!r} and has {len(answer.split())} word(s), {len(answer)} characters."


def summary(result: SessionResult, state: StudyState, now: datetime | None = None) -> list[str]:
    lines = [f"Score: {result.right}/{result.asked}" + (f", {result.skipped} skipped" if result.skipped else "")
             + f" in {_duration(result.seconds)}."]
    weakest = _weakest(result.by_type)
    if weakest:
        lines.append(f"Weakest fact types: {weakest}")
    weakest = _weakest(result.by_story)
    if weakest:
        lines.append(f"Weakest stories: {weakest}")
    lines.append(next_reviews(state, now))
    return lines


def _weakest(table: dict[str, list[int]]) -> str:
    missed = sorted(((right / asked, key, right, asked) for key, (right, asked) in table.items() if right < asked))
    return ", ".join(f"{key} ({right}/{asked})" for _, key, right, asked in missed[:3])


def next_reviews(state: StudyState, now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    if not state.cards:
        return "No reviews scheduled yet."
    due_now = sum(card.due <= now for card in state.cards.values())
    upcoming = sorted(card.due for card in state.cards.values() if card.due > now)
    text = f"{due_now} due now" if due_now else "nothing due now"
    if upcoming:
        text += f"; next review in {_duration((upcoming[0] - now).total_seconds())}"
    return f"Reviews: {text} ({len(state.cards)} questions studied)."


def stats(state: StudyState, now: datetime | None = None) -> list[str]:
    """The summary from the saved reviews alone, without asking anything."""
    result = SessionResult()
    for review in state.reviews:
        right = review.rating != "again"
        result.asked += 1
        result.right += right
        for table, key in ((result.by_type, review.fact_type or "?"), (result.by_story, review.story or "?")):
            tally = table.setdefault(key, [0, 0])
            tally[0] += right
            tally[1] += 1
    lines = [f"All reviews: {result.right}/{result.asked} right."]
    lines += summary(result, state, now)[1:]
    return lines


def _duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"

