"""Spaced repetition with FSRS, and the one state file that remembers it.

The state is keyed by question id, so it survives regeneration of the bank,
and it is written atomically after every answer: a kill loses at most the
answer in flight. Two sessions may share the file: each write happens under a
lock, after re-reading the file and merging what the other session saved.
"""
from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from ..atomic import write_atomic
from ..errors import QuizgenError, UsageError

STATE_VERSION = 1


def default_state_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "quizgen" / "state.json"


@dataclass
class Review:
    question: str
    rating: str           # again, hard, good
    at: str               # ISO time
    fact_type: str = ""
    story: str = ""
    title: str = ""       # the story's title (or "3 stories"), for summaries people can read
    self_marked: bool = False   # marked wrong, then the learner said "I was right"

    @property
    def key(self) -> tuple[str, str]:
        return self.question, self.at


@dataclass
class StudyState:
    path: Path
    cards: dict[str, Card] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)
    notice: str = ""      # said to the user when the file had to be moved aside

    def card(self, question_id: str) -> Card | None:
        return self.cards.get(question_id)

    def due(self, question_id: str, now: datetime) -> bool:
        card = self.cards.get(question_id)
        return card is None or card.due <= now


SCHEDULER = Scheduler(enable_fuzzing=False)
RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good}


def record(state: StudyState, question_id: str, rating: str, fact_type: str = "", story: str = "",
           now: datetime | None = None, title: str = "", also: tuple[str, ...] = ()) -> Card:
    """Schedule the next review and save the state at once.

    `also` names the same question in other stories (one study item): each gets the review,
    so its schedule survives whichever way the stories are merged next time.
    """
    now = now or datetime.now(timezone.utc)
    with _locked(state.path):
        _merge_saved(state)
        card = None
        for qid in dict.fromkeys((question_id, *also)):
            card = state.cards.get(qid) or Card(card_id=_card_id(qid))
            card, _ = SCHEDULER.review_card(card, RATINGS[rating], review_datetime=now)
            state.cards[qid] = card
        state.reviews.append(Review(question_id, rating, now.isoformat(), fact_type, story, title))
        _write(state)
    return state.cards[question_id]


def amend_last(state: StudyState, before: dict[str, Card | None], rating: str = "good",
               now: datetime | None = None) -> None:
    """The learner was right after all: the last review is redone from the cards as they were
    before it, with this rating, and kept in the history as marked by the learner."""
    now = now or datetime.now(timezone.utc)
    with _locked(state.path):
        _merge_saved(state)
        for qid, card in before.items():
            card = card or Card(card_id=_card_id(qid))
            state.cards[qid], _ = SCHEDULER.review_card(card, RATINGS[rating], review_datetime=now)
        for review in reversed(state.reviews):
            if review.question in before:
                review.rating, review.self_marked = rating, True
                break
        _write(state)


@contextmanager
def _locked(path: Path):
    """An exclusive lock beside the state file, held while it is re-read, merged and written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(path.name + ".lock"), "a")
    except OSError as exc:
        raise QuizgenError(f"cannot write the study state: {exc.strerror or exc}", path) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _merge_saved(state: StudyState) -> None:
    """Fold in what another session saved since: every review, and each card's latest schedule."""
    if not state.path.is_file():
        return
    try:
        saved = _read(state.path)
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError, OSError):
        return                      # unreadable now: ours is written over it, as before
    known = {review.key for review in state.reviews}
    state.reviews.extend(review for review in saved.reviews if review.key not in known)
    state.reviews.sort(key=lambda review: review.at)
    for qid, card in saved.cards.items():
        mine = state.cards.get(qid)
        if mine is None or _reviewed_at(card) > _reviewed_at(mine):
            state.cards[qid] = card


def _reviewed_at(card: Card) -> datetime:
    return card.last_review or datetime.min.replace(tzinfo=timezone.utc)


def _card_id(question_id: str) -> int:
    return int.from_bytes(question_id.encode("utf-8")[:6].ljust(6, b"\0"), "big") + 1


def save_state(state: StudyState) -> None:
    with _locked(state.path):
        _merge_saved(state)
        _write(state)


def _write(state: StudyState) -> None:
    doc = {"quizgen": "study-state", "version": STATE_VERSION,
           "cards": {qid: card.to_dict() for qid, card in state.cards.items()},
           "reviews": [vars(r) for r in state.reviews]}
    write_atomic(state.path, json.dumps(doc, ensure_ascii=False, indent=1))


def load_state(path: Path) -> StudyState:
    """The saved state; a corrupt or foreign file is moved aside (never overwritten) and a fresh one begun."""
    if path.is_dir():
        raise UsageError("is a folder; --state takes a file, such as state.json", path)
    if not path.exists():
        return StudyState(path)
    try:
        return _read(path)
    except OSError as exc:
        raise QuizgenError(f"cannot read the study state: {exc.strerror or exc}", path) from None
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError) as exc:
        aside = _aside(path)
        try:
            path.rename(aside)
        except OSError as move_error:
            raise QuizgenError(f"state file is unreadable ({exc}) and cannot be moved aside: {move_error}",
                               path) from None
        return StudyState(path, notice=f"{path}: unreadable study state ({exc}); moved to {aside}, starting fresh")


def _read(path: Path) -> StudyState:
    doc = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict) or doc.get("quizgen") != "study-state":
        raise ValueError("not a quizgen study state")
    cards = {str(k): Card.from_dict(v) for k, v in doc.get("cards", {}).items()}
    for qid, card in cards.items():
        for moment in (card.due, card.last_review):
            if moment is not None and moment.tzinfo is None:
                raise ValueError(f"card {qid}: a time without a time zone")
    reviews = [Review(**r) for r in doc.get("reviews", [])]
    return StudyState(path, cards, reviews)


def _aside(path: Path) -> Path:
    number = 1
    while path.with_name(f"{path.name}.broken-{number}").exists():
        number += 1
    return path.with_name(f"{path.name}.broken-{number}")
