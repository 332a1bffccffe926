"""Anki decks (.apkg) through genanki."""
from __future__ import annotations

import html
from pathlib import Path

import genanki

from ..atomic import write_atomic
from ..bank import Selection
from ..models import stable_id
from . import ExportOptions

BASIC_MODEL = genanki.Model(
    int(stable_id("quizgen basic model"), 16) % (1 << 31),
    "quizgen Basic",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": "{{Question}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<div class=source>{{Source}}</div>"}],
)


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    deck = genanki.Deck(int(stable_id("deck", options.deck_name), 16) % (1 << 31), options.deck_name)
    for question in selection.questions:
        deck.add_note(genanki.Note(model=BASIC_MODEL, guid=genanki.guid_for(question.id),
                                   fields=[html.escape(question.prompt), html.escape(question.answer),
                                           html.escape(question.source)]))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.build")
    genanki.Package(deck).write_to_file(str(tmp))
    data = tmp.read_bytes()
    tmp.unlink()
    return write_atomic(out, data)
