"""The self-test loop: one question at a time, with feedback, hints and a summary.

Questions come merged across stories (quizgen.quiz.merge), so a fact the
archive repeats is asked once, with its story named. Input and output are plain
callables, so the same loop runs at a terminal, from a script (one answer per
line on stdin) and in tests; text is wrapped to the width it is given.
"""
from __future__ import annotations

import random
import re
import textwrap
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from ..answers import normalize
from ..models import Question, stable_id
from .checker import LETTERS, Verdict, check
from .merge import StudyItem
from .schedule import StudyState, amend_last, record

HELP = "Type your answer; ? for a hint, s to skip, q to save and quit. Marked wrong but you were right? Type r next."
RIGHT_AFTER_ALL = ("r", "right")
SOURCES_SHOWN = 3


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
    by_story: dict[str, list[int]] = field(default_factory=dict)    # story title -> [right, asked]

    def tally(self, item: StudyItem, right: bool, change: int = 1) -> None:
        """Count one answer (change=1), or take a wrong mark back (right=False, change=-1)."""
        question = item.question
        for table, key in ((self.by_type, question.fact.get("type") or question.type), (self.by_story, item.context())):
            counts = table.setdefault(key, [0, 0])
            counts[0] += right * change
            counts[1] += change
        self.asked += change
        self.right += right * change


class Terminal:
    """Prints to a width, never breaking a word: a long answer or story title wraps whole."""

    def __init__(self, echo: Callable[[str], None], width: int = 80):
        self.echo, self.width = echo, max(20, width)

    def __call__(self, text: str = "", indent: str = "") -> None:
        if not text:
            self.echo("")
            return
        for line in text.split("\n"):
            wrapped = textwrap.wrap(line, self.width, initial_indent=indent, subsequent_indent=indent + "  ",
                                    break_long_words=False, break_on_hyphens=False)
            for part in wrapped or [""]:
                self.echo(part)


def due_at(item: StudyItem, state: StudyState) -> datetime | None:
    """When the item is due: its earliest-due question, or None when never studied."""
    dues = [state.cards[qid].due for qid in item.ids if qid in state.cards]
    return min(dues) if dues else None


def pick_questions(items: list[StudyItem], state: StudyState, options: QuizOptions,
                   now: datetime | None = None) -> list[StudyItem]:
    """Due reviews first (most overdue first), then new questions; with --due, only the due reviews."""
    now = now or datetime.now(timezone.utc)
    usable = list(items)
    random.Random(options.seed).shuffle(usable)
    dues = {id(item): due_at(item, state) for item in usable}
    due = sorted((i for i in usable if dues[id(i)] is not None and dues[id(i)] <= now), key=lambda i: dues[id(i)])
    new = [i for i in usable if dues[id(i)] is None]
    later = sorted((i for i in usable if dues[id(i)] is not None and dues[id(i)] > now), key=lambda i: dues[id(i)])
    chosen = due if options.due_only else due + new + later
    return chosen[:options.count] if options.count else chosen


@dataclass
class _Wrong:
    """The last answer marked wrong, kept so the learner can say they were right."""

    item: StudyItem
    cards_before: dict


@dataclass
class _Session:
    state: StudyState
    ask: Callable[[str], str]
    say: Callable[..., None]
    result: SessionResult = field(default_factory=SessionResult)
    wrong: _Wrong | None = None      # the last answer, when it was marked wrong

    def run(self, items: list[StudyItem]) -> None:
        self.say(HELP)
        for number, item in enumerate(items, 1):
            self.say()
            question = item.question
            self.say(f"Question {number} of {len(items)}  [{question.fact.get('type') or question.type}]  "
                     f"{_from(item)}")
            outcome = self.ask_one(item)
            self.wrong = None
            if outcome == "quit":
                self.result.quit_early = True
                return
            if outcome == "skip":
                self.result.skipped += 1
                self.say("Skipped.")
                continue
            verdict, hinted = outcome
            before = {qid: self.state.cards.get(qid) for qid in item.ids}
            rating = "again" if not verdict.correct else "hard" if hinted else "good"
            record(self.state, item.ids[0], rating, question.fact.get("type", ""), question.story,
                   title=item.context(), also=tuple(item.ids[1:]))
            self.result.tally(item, verdict.correct)
            if not verdict.correct:
                self.wrong = _Wrong(item, before)
            self.say(f"Score: {self.result.right}/{self.result.asked}")
        if self.wrong is not None:
            if self.ask("Enter to finish (r if you were right)> ").strip().lower() in RIGHT_AFTER_ALL:
                self.right_after_all()

    def right_after_all(self) -> None:
        """The last answer marked wrong was right: its review is redone as good, and so recorded."""
        amend_last(self.state, self.wrong.cards_before)
        self.result.tally(self.wrong.item, False, change=-1)
        self.result.tally(self.wrong.item, True)
        self.wrong = None
        self.say(f"Marked right. Score: {self.result.right}/{self.result.asked}")

    def ask_one(self, item: StudyItem):
        """'quit', 'skip', or (verdict, hinted)."""
        question, say = item.question, self.say
        say(question.prompt)
        if question.type == "mcq":
            for index, choice in enumerate(question.choices):
                say(f"{LETTERS[index]}) {choice}", indent="  ")
        if question.type == "matching":
            lefts, rights = matching_columns(question)
            for index, left in enumerate(lefts, 1):
                say(f"{index}. {left}", indent="  ")
            for index, right in enumerate(rights):
                say(f"{LETTERS[index]}) {right}", indent="  ")
        prompt = {"mcq": "Letter> ", "truefalse": "[t]rue or [f]alse> ",
                  "matching": "Letters in order, e.g. BAC> "}.get(question.type, "Answer> ")
        hinted = False
        while True:
            typed = self.ask(prompt).strip()
            command = typed.lower()
            if command in ("q", "quit"):
                return "quit"
            if command in ("s", "skip"):
                return "skip"
            if command == "?":
                hinted = True
                say(hint(question))
                continue
            if command in RIGHT_AFTER_ALL and self.wrong is not None:
                self.right_after_all()
                continue
            if not typed:
                continue
            verdict = check_matching(question, typed) if question.type == "matching" else check(question, typed)
            shown = _answer_text(question)
            if verdict.correct:
                say(f"Right!{f'  (spelled: {shown})' if verdict.typo else ''}")
            else:
                say(f"Not quite. The answer is: {shown}   (r at the next prompt if you were right)")
            if question.explanation and question.type == "truefalse":
                say(question.explanation)
            tellings = item.tellings()
            for _, title, source in tellings[:SOURCES_SHOWN]:
                say(f"{title}: {source}", indent="  ")
            if len(tellings) > SOURCES_SHOWN:
                say(f"... and {len(tellings) - SOURCES_SHOWN} more stories", indent="  ")
            return verdict, hinted


def run_session(items: list[StudyItem], state: StudyState, ask: Callable[[str], str],
                say: Callable[..., None]) -> SessionResult:
    """Ask each item; every answer is a review saved at once. Ctrl-C, EOF or q end it cleanly."""
    session = _Session(state, ask, say)
    started = time.monotonic()
    try:
        session.run(items)
    except (KeyboardInterrupt, EOFError):
        session.result.quit_early = True
    session.result.seconds = time.monotonic() - started
    return session.result


def _from(item: StudyItem) -> str:
    stories = item.stories
    return f"from {item.context()}" if len(stories) == 1 or item.contested else f"asked in {len(stories)} stories"


def matching_columns(question: Question) -> tuple[list[str], list[str]]:
    """The left items in order and the right items in a fixed shuffle."""
    lefts = [left for left, _ in question.pairs]
    rights = sorted((right for _, right in question.pairs), key=lambda right: stable_id(question.id, right))
    return lefts, rights


def check_matching(question: Question, typed: str) -> Verdict:
    """'BAC', 'b a c' or '1B 2A 3C': right when every left item gets its own right item."""
    lefts, rights = matching_columns(question)
    numbered = re.findall(r"(\d+)\s*[-.:)]?\s*([a-z])", typed.lower())
    letters = [letter for letter in re.sub(r"[^a-z]", "", typed.lower())] if not numbered else []
    chosen = {int(n) - 1: letter for n, letter in numbered} if numbered else dict(enumerate(letters))
    for index, (_, right) in enumerate(question.pairs):
        letter = chosen.get(index, "")
        position = LETTERS.lower().find(letter) if letter else -1
        if position < 0 or position >= len(rights) or normalize(rights[position]) != normalize(right):
            return Verdict(False)
    return Verdict(len(chosen) == len(lefts))


def _answer_text(question: Question) -> str:
    if question.type == "mcq" and question.answer in question.choices:
        return f"{LETTERS[question.choices.index(question.answer)]}) {question.answer}"
    if question.type == "matching":
        _, rights = matching_columns(question)
        return "  ".join(f"{n}{LETTERS[rights.index(right)]}" for n, (_, right) in enumerate(question.pairs, 1)) + \
            " (" + "; ".join(f"{left} — {right}" for left, right in question.pairs) + ")"
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
    if question.type == "matching":
        left, right = question.pairs[0]
        _, rights = matching_columns(question)
        return f"Hint: 1. {left} goes with {LETTERS[rights.index(right)]}."
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
    missed = sorted(((right / asked, key, right, asked) for key, (right, asked) in table.items()
                     if asked and right < asked))
    return "; ".join(f"{key} ({right}/{asked})" for _, key, right, asked in missed[:3])


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
        for table, key in ((result.by_type, review.fact_type or "?"),
                           (result.by_story, review.title or review.story or "?")):
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
