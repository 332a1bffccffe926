"""The records that flow through quizgen: stories -> facts -> questions -> bank.

Plain dataclasses, so each stage can be used (and tested) without the others.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any

# Fact types and their slots, as in ../shared/tools/FACTS.md: (required, optional).
FACT_SLOTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "role": (("person", "title"), ("org",)),
    "meeting": (("people",), ("place", "when")),
    "quantity": (("value", "unit"), ("what", "hedge", "text")),
    "date": (("when", "event"), ("iso",)),
    "stance": (("holder", "polarity", "target"), ()),
    "visit": (("person", "place"), ("when",)),
    "quote": (("speaker", "text"), ()),
}
FACT_TYPES: tuple[str, ...] = tuple(FACT_SLOTS)

QUESTION_TYPES: tuple[str, ...] = ("short", "mcq", "truefalse", "cloze", "matching")
STATUSES: tuple[str, ...] = ("draft", "approved", "rejected")


_ID_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str)   # made once: ids are hot


def stable_id(*parts: Any, length: int = 12) -> str:
    """A short hash of the parts: ids must not depend on order or time."""
    blob = _ID_ENCODER.encode(parts)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:length]


def question_id(story_id: str, fact_id: str, template_id: str, form: str) -> str:
    """A generated question's id: the story is part of it, because two stories often share a
    sentence (and so a fact) and their questions, Anki notes and reviews must stay apart."""
    return stable_id(story_id, fact_id, template_id, form)


def legacy_question_id(fact_id: str, template_id: str, form: str) -> str:
    """The id banks written before ids named their story gave the same question: a merge
    renames such a question to its new id instead of marking it stale."""
    return stable_id(fact_id, template_id, form)


@dataclass(frozen=True)
class Sentence:
    """A sentence, kept verbatim, with its place in the story text."""

    text: str
    start: int          # character offset in Story.text
    end: int
    paragraph: int      # 0-based paragraph number
    index: int          # 0-based sentence number in the story


@dataclass
class Story:
    """One news story: body text verbatim (furniture removed), split for extraction."""

    id: str             # slug of the file name, e.g. "000-a701526f6119b8bf"
    file: str           # the file name, no folder ("-" for stdin)
    title: str
    text: str           # the body, verbatim; every offset points into it
    sentences: list[Sentence] = field(default_factory=list)
    dateline: str | None = None   # "MOSCOW, April 13" when the story opens with one
    reader: str = "text"          # how the file was read: "text", "html" (a saved page) or "docx"
    encoding: str | None = "utf-8"   # what its bytes were decoded from; None for Word files
    published: str | None = None  # the page's own date (ISO 8601), when it gives one

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass
class Fact:
    """A fact of one of FACT_TYPES, with the sentence it came from."""

    type: str
    slots: dict[str, Any]
    story: str                  # the story's file name (FACTS.md contract)
    sentence: str               # the source sentence, verbatim
    start: int = 0              # the sentence's offsets in Story.text
    end: int = 0
    confidence: float = 1.0

    @property
    def id(self) -> str:
        return stable_id(self.type, self.slots, self.sentence)

    def to_dict(self) -> dict[str, Any]:
        """The flat form of the FACTS.md contract (plus id and offsets)."""
        out: dict[str, Any] = {"story": self.story, "type": self.type}
        out.update(self.slots)
        out.update({"sentence": self.sentence, "start": self.start, "end": self.end,
                    "id": self.id})
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fact":
        known = {"story", "type", "sentence", "start", "end", "id", "confidence"}
        slots = {k: v for k, v in data.items() if k not in known}
        return cls(type=str(data.get("type", "")), slots=slots,
                   story=str(data.get("story", "")), sentence=str(data.get("sentence", "")),
                   start=int(data.get("start", 0) or 0), end=int(data.get("end", 0) or 0),
                   confidence=float(data.get("confidence", 1.0) or 1.0))

    def missing_slots(self) -> list[str]:
        required = FACT_SLOTS.get(self.type, ((), ()))[0]
        return [s for s in required if self.slots.get(s) in (None, "", [])]


@dataclass
class Question:
    """One question in a bank; `fact` keeps the evidence behind it."""

    id: str
    type: str                       # one of QUESTION_TYPES
    prompt: str
    answer: str
    source: str                     # the source sentence, verbatim
    story: str = ""                 # story id
    fact: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    status: str = "draft"
    choices: list[str] = field(default_factory=list)      # mcq (and truefalse: True/False)
    accepted: list[str] = field(default_factory=list)     # other answers that count as right
    pairs: list[list[str]] = field(default_factory=list)  # matching: [left, right] rows
    cloze: str = ""                 # Anki cloze text: "... {{c1::answer}} ..."
    explanation: str = ""           # why a true/false statement is true or false
    difficulty: int = 2             # 1 easy .. 3 hard
    score: float = 1.0              # quality estimate, 0..1
    template: str = ""              # the template that produced it
    stale: bool = False             # its fact is no longer found by the rules

    def to_dict(self) -> dict[str, Any]:
        """The bank form: empty optional fields are left out to keep files readable."""
        out: dict[str, Any] = {"id": self.id, "type": self.type, "status": self.status,
                               "prompt": self.prompt, "answer": self.answer}
        if self.choices:
            out["choices"] = list(self.choices)
        if self.accepted:
            out["accepted"] = list(self.accepted)
        if self.pairs:
            out["pairs"] = [list(p) for p in self.pairs]
        if self.cloze:
            out["cloze"] = self.cloze
        if self.explanation:
            out["explanation"] = self.explanation
        out.update({"source": self.source, "story": self.story, "tags": list(self.tags),
                    "difficulty": self.difficulty, "score": round(float(self.score), 3)})
        if self.template:
            out["template"] = self.template
        if self.stale:
            out["stale"] = True
        out["fact"] = dict(self.fact)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Question":
        """A question from a bank as read: every value is the text a person typed (or wrote with
        quizgen), converted here only where the schema says number or flag."""
        def strs(key: str) -> list[str]:
            value = data.get(key) or []
            return [str(v) for v in value] if isinstance(value, list) else [str(value)]

        pairs = data.get("pairs") or []
        qtype, answer = str(data.get("type", "")), str(data.get("answer", ""))
        if qtype == "truefalse" and answer.lower() in ("true", "false"):
            answer = answer.capitalize()        # "true", "TRUE" and "True" are one answer everywhere
        return cls(
            id=str(data.get("id", "")), type=qtype, prompt=str(data.get("prompt", "")), answer=answer,
            source=str(data.get("source", "")), story=str(data.get("story", "")),
            fact=dict(data.get("fact") or {}) if isinstance(data.get("fact"), dict) else {},
            tags=strs("tags"), status=str(data.get("status", "draft")),
            choices=strs("choices"), accepted=strs("accepted"),
            pairs=[[str(x) for x in p] for p in pairs if isinstance(p, (list, tuple))],
            cloze=str(data.get("cloze", "") or ""), explanation=str(data.get("explanation", "") or ""),
            difficulty=_int(data.get("difficulty"), 2), score=_float(data.get("score"), 1.0),
            template=str(data.get("template", "") or ""), stale=str(data.get("stale", "")).lower() == "true",
        )


_QUESTION_FIELDS = tuple(f.name for f in fields(Question))


def question_row(question: Question) -> list[Any]:
    """A question as plain values in field order, cheap to marshal: `Question(*row)` is the
    question again (what the bank cache and the question pool keep)."""
    return [getattr(question, name) for name in _QUESTION_FIELDS]


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _float(value: Any, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


@dataclass
class StoryRef:
    """What a bank records about its story: enough to tell a correction from a different story."""

    id: str
    title: str
    file: str
    sha256: str = ""        # of the story text quizgen read
    rules: str = ""         # what made the questions (quizgen, its data, templates, options)


@dataclass
class Bank:
    """The questions of one story, as kept in `question_bank/<story-id>.yaml`."""

    story: StoryRef
    questions: list[Question] = field(default_factory=list)
    path: str | None = None      # where it was read from, for messages
