"""Spaced repetition with FSRS, and the one state file that remembers it.

The state is keyed by question id, so it survives regeneration of the bank,
and it is written atomically after every answer: a kill loses at most the
answer in flight.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from ..atomic import write_atomic
from ..errors import QuizgenError

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
           now: datetime | None = None) -> Card:
    """Schedule the next review and save the state at once."""
    now = now or datetime.now(timezone.utc)
    card = state.cards.get(question_id) or Card(card_id=_card_id(question_id))
    card, _ = SCHEDULER.review_card(card, RATINGS[rating], review_datetime=now)
    state.cards[question_id] = card
    state.reviews.append(Review(question_id, rating, now.isoformat(), fact_type, story))
    save_state(state)
    return card


def _card_id(question_id: str) -> int:
    return int.from_bytes(question_id.encode("utf-8")[:6].ljust(6, b"\0"), "big") + 1


def save_state(state: StudyState) -> None:
    doc = {"quizgen": "study-state", "version": STATE_VERSION,
           "cards": {qid: card.to_dict() for qid, card in state.cards.items()},
           "reviews": [vars(r) for r in state.reviews]}
    write_atomic(state.path, json.dumps(doc, ensure_ascii=False, indent=1))


def load_state(path: Path) -> StudyState:
    """The saved state; a corrupt or foreign file is moved aside (never overwritten) and a fresh one begun."""
    if not path.exists():
        return StudyState(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or doc.get("quizgen") != "study-state":
            raise ValueError("not a quizgen study state")
        cards = {str(k): Card.from_dict(v) for k, v in doc.get("cards", {}).items()}
        reviews = [Review(**r) for r in doc.get("reviews", [])]
        return StudyState(path, cards, reviews)
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError) as exc:
        aside = _aside(path)
        try:
            path.rename(aside)
        except OSError as move_error:
            raise QuizgenError(f"state file is unreadable ({exc}) and cannot be moved aside: {move_error}",
                               path) from None
        return StudyState(path, notice=f"{path}: unreadable study state ({exc}); moved to {aside}, starting fresh")


def _aside(path: Path) -> Path:
    number = 1
    while path.with_name(f"{path.name}.broken-{number}").exists():
        number += 1
    return path.with_name(f"{path.name}.broken-{number}")
