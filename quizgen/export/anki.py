"""Anki decks (.apkg) that re-import in place.

Model and deck ids are derived from names and each note's GUID from its
question id, so a regenerated deck updates notes and keeps review history.
Notes are written one story (subdeck) at a time, so memory does not grow with
the number of questions. Every field is escaped bank text.
"""
from __future__ import annotations

import html
import itertools
import json
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from ..atomic import write_atomic
from ..bank import Selection
from ..errors import QuizgenError
from ..models import Bank, Question, stable_id
from . import ExportOptions
from .anki_models import model_for

LETTERS = "ABCDEFGH"
FIELD_SEPARATOR = "\x1f"


def anki_id(*parts: str) -> int:
    """A stable 31-bit id from names: never from time or order."""
    return int(stable_id(*parts), 16) % (1 << 30) + (1 << 30)


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    with DeckWriter(out, options) as deck:
        for bank in selection.banks:
            deck.add(bank)
    return out


class DeckWriter:
    """Builds an .apkg one bank (subdeck) at a time, so a whole archive never sits in memory.

    Used as a context manager: the file appears, atomically, only when the block ends cleanly.
    """

    def __init__(self, out: Path, options: ExportOptions):
        self.out, self.options = Path(out), options
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            fd, self.db_path = tempfile.mkstemp(suffix=".anki2", dir=self.out.parent)
        except OSError as exc:
            raise QuizgenError(f"cannot write here: {exc.strerror or exc}", self.out) from None
        os.close(fd)
        self.timestamp = time.time()     # newer than the last export: Anki then updates notes in place
        self.ids = itertools.count(int(self.timestamp * 1000))
        self.connection = sqlite3.connect(self.db_path)
        self.cursor = self.connection.cursor()
        self.cursor.executescript(APKG_SCHEMA)
        self.cursor.executescript(APKG_COL)
        self.notes = 0
        self.decks: dict[str, dict] = {}
        self.models: dict[int, genanki.Model] = {}

    def add(self, bank: Bank) -> None:
        """Write one story's notes now; deck and model records are written once, at the end
        (genanki rewrites them per deck, which grows quadratically over thousands of stories)."""
        if not bank.questions:
            return
        name = f"{self.options.deck_name}::{_deck_title(bank.story.title)}"
        deck = genanki.Deck(anki_id("deck", name), name)
        self.decks[str(deck.deck_id)] = deck.to_json()
        for question in bank.questions:
            note = note_for(question, bank.story.title, self.options)
            self.models.setdefault(note.model.model_id, note.model)
            note.write_to_db(self.cursor, self.timestamp, deck.deck_id, self.ids)
        self.notes += len(bank.questions)

    def _write_collection_records(self) -> None:
        decks = json.loads(self.cursor.execute("SELECT decks FROM col").fetchone()[0])
        decks.update(self.decks)
        models = json.loads(self.cursor.execute("SELECT models FROM col").fetchone()[0])
        first_deck = int(next(iter(self.decks), 1))
        models.update({str(m.model_id): m.to_json(self.timestamp, first_deck) for m in self.models.values()})
        self.cursor.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(decks), json.dumps(models)))

    def __enter__(self) -> "DeckWriter":
        return self

    def __exit__(self, kind, error, traceback) -> None:
        try:
            if kind is None:
                self._write_collection_records()
            self.connection.commit()
            self.connection.close()
            if kind is None:
                package = Path(self.db_path).with_suffix(".apkg")
                with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
                    archive.write(self.db_path, "collection.anki2")
                    archive.writestr("media", "{}")
                try:
                    write_atomic(self.out, package.read_bytes())
                finally:
                    package.unlink()
        finally:
            os.unlink(self.db_path)


def _deck_title(title: str) -> str:
    """A subdeck name: '::' would nest decks, so it is softened."""
    return re.sub(r"\s+", " ", title.replace("::", ":")).strip() or "story"


def note_for(question: Question, story_title: str, options: ExportOptions) -> genanki.Note:
    """One note: fields escaped, GUID from the question id, tags Anki can store."""
    e = html.escape
    source = highlight(question.source, question.answer)
    story = e(story_title)
    model = model_for(question)
    if question.type == "cloze":
        fields = [e(question.cloze or question.prompt), source, story]
    elif question.type == "mcq":
        letter = LETTERS[question.choices.index(question.answer)] if question.answer in question.choices else "?"
        choices = "".join(f'<li data-letter="{LETTERS[i]}">{e(c)}</li>' for i, c in enumerate(question.choices[:8]))
        fields = [e(question.prompt), f"<ol class=choices>{choices}</ol>", f"{letter}. {e(question.answer)}",
                  source, story]
    elif question.type == "truefalse":
        fields = [e(question.prompt), e(question.answer), e(question.explanation), source, story]
    elif question.type == "matching":
        rows = "".join(f"<tr><td>{e(left)}</td><td>{e(right)}</td></tr>" for left, right in question.pairs)
        lefts = "".join(f"<li>{e(left)}</li>" for left, _ in question.pairs)
        rights = sorted((right for _, right in question.pairs), key=lambda r: stable_id(question.id, r))
        shuffled = "".join(f"<li>{e(right)}</li>" for right in rights)
        fields = [e(question.prompt), f"<div class=match><ol class=left>{lefts}</ol><ol class=right type=A>{shuffled}</ol></div>",
                  f"<table class=pairs>{rows}</table>", e(question.source), story]
    else:
        reverse_prompt = reverse_answer = ""
        fact = question.fact
        if options.reverse_roles and fact.get("type") == "role" and question.answer == fact.get("title"):
            reverse_prompt, reverse_answer = e(f"Who is {fact['title']}?"), e(str(fact.get("person", "")))
        fields = [e(question.prompt), e(question.answer), source, story, reverse_prompt, reverse_answer]
    fields = [field.replace(FIELD_SEPARATOR, " ") for field in fields]    # Anki splits fields on it
    return genanki.Note(model=model, fields=fields, guid=genanki.guid_for(question.id), tags=tags_for(question),
                        sort_field=fields[0])


def highlight(source: str, answer: str) -> str:
    """The escaped source sentence with the answer marked, so the back shows where it comes from."""
    escaped = html.escape(source)
    target = html.escape(answer)
    if target and target in escaped and answer not in ("True", "False"):
        return escaped.replace(target, f"<mark>{target}</mark>", 1)
    return escaped


def tags_for(question: Question) -> list[str]:
    """Fact type, story id, difficulty and the bank's tags; Anki tags have no spaces."""
    raw = [*question.tags, question.fact.get("type", ""), question.story, f"difficulty::{question.difficulty}"]
    tags = []
    for tag in raw:
        tag = re.sub(r"\s+", "_", str(tag).strip())
        if tag and tag not in tags:
            tags.append(tag)
    return tags

