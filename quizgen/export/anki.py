"""Anki decks (.apkg) that re-import in place, one note per fact.

Questions that several stories ask alike become one note (quizgen.quiz.merge),
which names its stories on the front and quotes each on the back. Re-exports are
stable: the deck written last time at the same path says which note each question
was in and what the note held, so an unchanged note keeps its GUID and its
modification time, and Anki's importer (which updates a note only when the
incoming copy is newer) leaves it and the learner's own edits alone; a changed note
gets a newer time and is updated. Every field is escaped bank text, with cloze
markers and field separators from story text made inert.
"""
from __future__ import annotations

import html
import itertools
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from ..atomic import write_atomic
from ..bank import Selection
from ..errors import QuizgenError, UsageError
from ..models import Bank, Question, stable_id
from ..quiz.checker import portable_key
from ..quiz.merge import QuestionPool, StudyItem, rejoin
from . import STDOUT, ExportOptions
from .anki_models import TYPED, model_for

LETTERS = "ABCDEFGH"
_CLOZE_MARK = re.compile(r"\{\{c\d+::(.*?)\}\}", re.DOTALL)


def anki_id(*parts: str) -> int:
    """A stable 31-bit id from names: never from time or order."""
    return int(stable_id(*parts), 16) % (1 << 30) + (1 << 30)


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    with DeckWriter(out, options, banks_in_memory=True) as deck:
        for bank in selection.banks:
            deck.add(bank)
    return out


@dataclass
class PreviousDeck:
    """What the deck last written at the same path held: notes by GUID, and each question's GUID."""

    notes: dict[str, tuple[int, str, str, int]] = field(default_factory=dict)   # guid -> (mid, flds, tags, mod)
    guid_of: dict[str, str] = field(default_factory=dict)                       # question id -> guid
    members: dict[str, set[str]] = field(default_factory=dict)                  # guid -> question ids
    models: dict[str, dict] = field(default_factory=dict)                       # model id -> record

    @classmethod
    def read(cls, path: Path) -> "PreviousDeck":
        """The old deck's notes; anything unreadable (not there, not a deck, foreign) is simply no memory."""
        deck = cls()
        if str(path) == STDOUT or not path.is_file():
            return deck
        fd, copy = tempfile.mkstemp(suffix=".anki2")
        os.close(fd)
        try:
            with zipfile.ZipFile(path) as archive, open(copy, "wb") as handle:
                handle.write(archive.read("collection.anki2"))
            with sqlite3.connect(copy) as db:
                for guid, mid, flds, tags, mod, data in db.execute("SELECT guid, mid, flds, tags, mod, data FROM notes"):
                    deck.notes[guid] = (mid, flds, tags, mod)
                    for question_id in _member_ids(data):
                        deck.guid_of[question_id] = guid
                        deck.members.setdefault(guid, set()).add(question_id)
                deck.models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        except (OSError, KeyError, zipfile.BadZipFile, sqlite3.Error, ValueError, TypeError):
            return cls()
        finally:
            os.unlink(copy)
        return deck


def _member_ids(data: str) -> list[str]:
    try:
        ids = json.loads(data or "{}").get("quizgen", [])
    except (ValueError, AttributeError):
        return []
    return [str(i) for i in ids] if isinstance(ids, list) else []


def _check_writable(out: Path) -> None:
    """Fail before any work when the deck could not be written there."""
    folder = out.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise QuizgenError(f"cannot write the deck: {_existing_file(folder)} is a file, not a folder", out) from None
    except OSError as exc:
        raise QuizgenError(f"cannot write the deck: {exc.strerror or exc}", out) from None
    if out.is_dir():
        raise UsageError("is a folder; give a file name such as deck.apkg", out)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QuizgenError(f"cannot write the deck: folder {folder} is not writable", out)


def _existing_file(folder: Path) -> Path:
    for parent in [folder, *folder.parents]:
        if parent.exists():
            return parent
    return folder


ZIP_TIME = (1980, 1, 1, 0, 0, 0)       # entries dated alike, so the same deck is the same bytes


class DeckWriter:
    """Builds an .apkg from banks added one at a time, merging questions across stories.

    Questions wait in a temporary SQLite pool, so an archive never sits in memory; the
    notes are written when the block ends cleanly, and the file appears atomically
    (or goes to stdout for `-o -`).
    """

    def __init__(self, out: Path, options: ExportOptions, banks_in_memory: bool = False):
        self.out, self.options = Path(out), options
        self.to_stdout = str(out) == STDOUT
        if not self.to_stdout:
            _check_writable(self.out)
        self.previous = PreviousDeck.read(self.out)
        self.now = 0              # the newest bank's time: same banks, same deck, byte for byte
        self.pool = QuestionPool(banks_in_memory=banks_in_memory)   # see QuestionPool
        self.notes = 0
        self.changed = 0          # notes new or different since the previous deck at this path

    def add(self, bank: Bank) -> None:
        if bank.questions:
            self.pool.add(bank)
            self.now = max(self.now, _changed_at(bank))

    def __enter__(self) -> "DeckWriter":
        return self

    def __exit__(self, kind, error, traceback) -> None:
        try:
            if kind is None:
                self._write()
        finally:
            self.pool.close()

    def _write(self) -> None:
        fd, db_path = tempfile.mkstemp(suffix=".anki2")
        os.close(fd)
        try:
            connection = sqlite3.connect(db_path)
            cursor = connection.cursor()
            # A scratch file (the deck is written atomically from it): no journal, no waiting for the disk.
            cursor.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
            cursor.executescript(APKG_SCHEMA)
            cursor.executescript(APKG_COL)
            decks, models = self._write_notes(cursor)
            self._write_collection_records(cursor, decks, models)
            connection.commit()
            connection.close()
            package = _zip(db_path)
            if self.to_stdout:
                sys.stdout.buffer.write(package)
                sys.stdout.buffer.flush()
            else:
                write_atomic(self.out, package)
        finally:
            os.unlink(db_path)

    def _write_notes(self, cursor) -> tuple[dict[str, dict], dict[int, genanki.Model]]:
        decks: dict[str, dict] = {}
        deck_of: dict[str, int] = {}        # story title -> deck id: a story's notes share one deck
        models: dict[int, genanki.Model] = {}
        used: set[str] = set()
        ids = itertools.count(self.now * 1000)
        notes, cards = [], []
        for item in self._rejoined(self.pool.items()):
            title = item.titles[item.stories[0]]
            deck_id = deck_of.get(title)
            if deck_id is None:
                deck_name = f"{self.options.deck_name}::{_deck_title(title)}"
                deck_id = deck_of[title] = anki_id("deck", deck_name)
                decks.setdefault(str(deck_id), genanki.Deck(deck_id, deck_name).to_json())
            model, fields = note_fields(item, self.options)
            models.setdefault(model.model_id, model)
            guid = self._guid(item, used)
            tags = " " + " ".join(note_tags(item)) + " "
            flds = "\x1f".join(fields)
            mod = self._mod(guid, model.model_id, flds, tags)
            note_id = next(ids)
            notes.append((note_id, guid, model.model_id, mod, -1, tags, flds, _sort_field(fields[0]), 0, 0,
                          json.dumps({"quizgen": item.ids})))
            for ordinal in _card_ordinals(model, fields):
                cards.append((next(ids), note_id, deck_id, ordinal, mod, -1, 0, 0, self.notes, 0, 0, 0, 0, 0, 0, 0, 0, ""))
            if len(notes) >= 5000:
                _flush(cursor, notes, cards)
        _flush(cursor, notes, cards)
        return decks, models

    def _rejoined(self, items: Iterator[StudyItem]) -> Iterator[StudyItem]:
        """Items that were one note last time and now differ only because one story's copy was
        edited are one note again, worded as edited: the edit updates that note instead of
        splitting it in two. Only such items (few) wait until the end."""
        held: dict[str, list[StudyItem]] = {}
        for item in items:
            before = {self.previous.guid_of.get(qid) for qid in item.ids}
            guid = next(iter(before)) if len(before) == 1 else None
            if guid is None or self.previous.members.get(guid, set()) <= set(item.ids):
                yield item
            else:
                held.setdefault(guid, []).append(item)
        for guid, parts in held.items():
            if len(parts) == 1:
                yield parts[0]
                continue
            old_front = self.previous.notes[guid][1].split("\x1f")[0]
            edited = [part for part in parts if note_fields(part, self.options)[1][0] != old_front]
            yield rejoin(parts, lead=edited[0] if edited else parts[0])

    def _guid(self, item: StudyItem, used: set[str]) -> str:
        """The note this item was in last time (the one most of its questions were in), else a
        new GUID from its first question's id (what a one-story deck has always used)."""
        before = Counter(self.previous.guid_of.get(question_id) or _legacy_guid(question_id, self.previous)
                         for question_id in item.ids) if self.previous.notes else Counter()
        before.pop(None, None)
        for guid, _ in sorted(before.items(), key=lambda pair: (-pair[1], pair[0])):
            if guid not in used:
                used.add(guid)
                return guid
        first = min(item.ids)
        for attempt in itertools.count():
            guid = genanki.guid_for(first, *(["note", attempt] if attempt else []))
            if guid not in used and guid not in self.previous.notes:
                used.add(guid)
                return guid
        raise AssertionError("unreachable")

    def _mod(self, guid: str, model_id: int, flds: str, tags: str) -> int:
        """The old time when nothing changed, so Anki skips the note; else newer than the old one."""
        self.notes += 1
        old = self.previous.notes.get(guid)
        if old is not None and old[:3] == (model_id, flds, tags):
            return old[3]
        self.changed += 1
        return max(self.now, old[3] + 1) if old is not None else self.now

    def _write_collection_records(self, cursor, decks: dict[str, dict], models: dict[int, genanki.Model]) -> None:
        col_decks = json.loads(cursor.execute("SELECT decks FROM col").fetchone()[0])
        col_decks.update(decks)
        col_models = json.loads(cursor.execute("SELECT models FROM col").fetchone()[0])
        first_deck = int(next(iter(decks), 1))
        for model in models.values():
            record = model.to_json(self.now, first_deck)
            old = self.previous.models.get(str(model.model_id))
            if old and all(old.get(k) == record.get(k) for k in ("flds", "tmpls", "css", "type", "latexPre")):
                record["mod"] = old.get("mod", record["mod"])       # unchanged: Anki leaves the note type alone
            col_models[str(model.model_id)] = record
        cursor.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(col_decks), json.dumps(col_models)))


def _changed_at(bank: Bank) -> int:
    """When a bank last changed (its file's time), as the time of the notes made from it: an
    edit makes it newer, so Anki updates those notes, and an unchanged bank gives the same deck."""
    try:
        return int(os.stat(bank.path).st_mtime) if bank.path else int(time.time())
    except OSError:
        return int(time.time())


def _legacy_guid(question_id: str, previous: PreviousDeck) -> str | None:
    """Decks written before notes recorded their questions used the question id's GUID."""
    guid = genanki.guid_for(question_id)
    return guid if guid in previous.notes else None


def _flush(cursor, notes: list, cards: list) -> None:
    cursor.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", notes)
    cursor.executemany("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)
    notes.clear()
    cards.clear()


def _zip(db_path: str) -> bytes:
    fd, package = tempfile.mkstemp(suffix=".apkg")
    os.close(fd)
    try:
        with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, data in (("collection.anki2", Path(db_path).read_bytes()), ("media", b"{}")):
                archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), data, zipfile.ZIP_DEFLATED, 1)
        return Path(package).read_bytes()
    finally:
        os.unlink(package)


def _card_ordinals(model: genanki.Model, fields: list[str]) -> list[int]:
    """Cloze notes have one card (quizgen writes only c1); the Basic reversed card needs its prompt."""
    if model.model_type == genanki.Model.CLOZE:
        return [0]
    if model.name == "quizgen Basic":
        return [0, 1] if fields[4] else [0]
    return [0]


def _sort_field(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text) if "<" in text else text).strip()


def _deck_title(title: str) -> str:
    """A subdeck name: '::' would nest decks, so it is softened."""
    return re.sub(r"\s+", " ", title.replace("::", ":")).strip() or "story"


_INERT = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"),
          ("{", "&#123;"), ("}", "&#125;"), ("\x1f", " "))      # "&" first: the others bring one


def inert(text: str) -> str:
    """Story text made safe for a field: HTML escaped, braces that Anki would read as cloze or
    template markers written as entities, and the field separator (\\x1f) turned into a space.
    (A replace per character present: str.translate with a table is several times slower.)"""
    text = str(text)
    for char, entity in _INERT:
        if char in text:
            text = text.replace(char, entity)
    return text


def cloze_field(question: Question) -> str:
    """The cloze text with exactly one live marker, {{c1::answer}}: any other marker in it came
    from the story and is shown as text. The prompt and answer are what every other export
    prints, so they decide (a teacher edits those); the `cloze` field serves a prompt with no blank."""
    prompt, blank = question.prompt, question.prompt.find("_____")
    if blank >= 0:
        return inert(prompt[:blank]) + "{{c1::" + _cloze_answer(question.answer) + "}}" + inert(prompt[blank + 5:])
    match = _CLOZE_MARK.search(question.cloze or "")
    if match is None:
        return inert(prompt) + " {{c1::" + _cloze_answer(question.answer) + "}}"
    text = question.cloze
    return inert(text[:match.start()]) + "{{c1::" + _cloze_answer(match.group(1)) + "}}" + inert(text[match.end():])


def _cloze_answer(answer: str) -> str:
    return inert(answer).replace(":", "&#58;")


def note_fields(item: StudyItem, options: ExportOptions) -> tuple[genanki.Model, list[str]]:
    """The note type and the fields of one item, every field inert."""
    question = item.question
    model = model_for(question, options.typed)
    e = inert
    sources = sources_field(item)
    context = e(item.context())
    answer = " / ".join(e(a) for a in item.answers) if question.type in ("short", "cloze") else e(question.answer)
    if model is TYPED:
        prompt = question.prompt
        key = json.dumps(portable_key(question)).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return model, [e(prompt), answer, inert_json(key), sources, context]
    if question.type == "cloze":
        return model, [cloze_field(question), sources, context]
    if question.type == "mcq":
        letter = LETTERS[question.choices.index(question.answer)] if question.answer in question.choices else "?"
        choices = "".join(f'<li data-letter="{LETTERS[i]}">{e(c)}</li>' for i, c in enumerate(question.choices[:8]))
        return model, [e(question.prompt), f"<ol class=choices>{choices}</ol>", f"{letter}. {e(question.answer)}",
                       sources, context]
    if question.type == "truefalse":
        return model, [e(question.prompt), e(question.answer), e(question.explanation), sources, context]
    if question.type == "matching":
        rows = "".join(f"<tr><td>{e(left)}</td><td>{e(right)}</td></tr>" for left, right in question.pairs)
        lefts = "".join(f"<li>{e(left)}</li>" for left, _ in question.pairs)
        rights = sorted((right for _, right in question.pairs), key=lambda r: stable_id(question.id, r))
        shuffled = "".join(f"<li>{e(right)}</li>" for right in rights)
        return model, [e(question.prompt),
                       f"<div class=match><ol class=left>{lefts}</ol><ol class=right type=A>{shuffled}</ol></div>",
                       f"<table class=pairs>{rows}</table>", sources, context]
    reverse_prompt = reverse_answer = ""
    fact = question.fact
    if options.reverse_roles and fact.get("type") == "role" and question.answer == fact.get("title"):
        reverse_prompt, reverse_answer = e(f"Who is {fact['title']}?"), e(str(fact.get("person", "")))
    return model, [e(question.prompt), answer, sources, context, reverse_prompt, reverse_answer]


def inert_json(text: str) -> str:
    """JSON in a field stays JSON (no HTML escaping), but never holds '{{' or '}}' or a separator."""
    return text.replace("{{", "{ {").replace("}}", "} }").replace("\x1f", " ")


def sources_field(item: StudyItem) -> str:
    """Each story's title and sentence, the answer marked: where the answer comes from."""
    rows = []
    for _, title, source in item.tellings():
        marked = highlight(source, item.question.answer) if item.question.type != "matching" else inert(source)
        rows.append(f"<li><span class=title>{inert(title)}</span> {marked}</li>")
    return f"<ul>{''.join(rows)}</ul>"


def highlight(source: str, answer: str) -> str:
    """The inert source sentence with the answer marked, so the back shows where it comes from."""
    escaped = inert(source)
    target = inert(answer)
    if target and target in escaped and answer not in ("True", "False"):
        return escaped.replace(target, f"<mark>{target}</mark>", 1)
    return escaped


def tags_for(question: Question) -> list[str]:
    """Fact type, story id, difficulty and the bank's tags; Anki tags have no spaces."""
    raw = [*question.tags, question.fact.get("type", ""), question.story, f"difficulty::{question.difficulty}"]
    return [tag for tag in dict.fromkeys(_anki_tag(str(tag)) for tag in raw) if tag]


@lru_cache(maxsize=65536)
def _anki_tag(tag: str) -> str:
    return re.sub(r"\s+", "_", tag.strip()).replace("\x1f", "")


def note_tags(item: StudyItem) -> list[str]:
    """Every story's tags: a note asked by several stories is found under each."""
    return list(dict.fromkeys(tag for question in item.members for tag in tags_for(question)))
