"""Anki decks checked with Anki itself (the `anki` package): import, render, review, re-import."""
from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import run_quizgen
from quizgen.bank import read_bank, select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.models import Bank, Question, StoryRef

anki_collection = pytest.importorskip("anki.collection")
from anki.import_export_pb2 import (  # noqa: E402
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportAnkiPackageUpdateCondition,
)

SOURCE = 'Minister <b>Ana</b> Ruiz & co. said "no" to the <script>alert(1)</script> plan in Lima.'


def questions() -> list[Question]:
    base = {"source": SOURCE, "story": "lima", "tags": ["role", "lima"]}
    return [
        Question(id="q-short", type="short", prompt="What position does <b>Ana</b> Ruiz hold?",
                 answer="Minister", fact={"type": "role", "person": "Ana Ruiz", "title": "Minister"}, **base),
        Question(id="q-mcq", type="mcq", prompt="Who said no to the plan?", answer="Ana Ruiz",
                 choices=["Tom Hale", "Ana Ruiz", "Li Wen", "Sara Oke"], fact={"type": "quote"}, **base),
        Question(id="q-tf", type="truefalse", prompt="Ruiz said yes & meant it.", answer="False",
                 choices=["True", "False"], explanation="False: the story says she said no.",
                 fact={"type": "stance"}, **base),
        Question(id="q-cloze", type="cloze", prompt="Minister _____ said no & left.", answer="Ana Ruiz",
                 cloze="Minister {{c1::Ana Ruiz}} said no & left.", fact={"type": "role"}, **base),
        Question(id="q-match", type="matching", prompt="Match each person to their position.",
                 answer="Ana Ruiz — Minister; Tom Hale — Mayor; Li Wen — Envoy",
                 pairs=[["Ana Ruiz", "Minister"], ["Tom Hale", "Mayor"], ["Li Wen", "Envoy"]],
                 fact={"type": "role"}, **base),
    ]


@pytest.fixture
def bank_dir(tmp_path) -> Path:
    folder = tmp_path / "bank"
    write_bank(Bank(StoryRef("lima", "Talks in Lima :: day one", "lima.txt"), questions()), folder / "lima.yaml")
    return folder


def export_deck(bank_dir: Path, out: Path, **options) -> Path:
    return export(select_questions([bank_dir]), out, "apkg", ExportOptions(**options))


def import_deck(col, path: Path):
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions(
        update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False))
    return col.import_anki_package(request)


@pytest.fixture
def col(tmp_path):
    collection = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def notes_by_type(col) -> Counter:
    return Counter(col.get_note(nid).note_type()["name"] for nid in col.find_notes(""))


def test_import_counts_notes_and_cards_per_note_type(col, bank_dir, tmp_path):
    import_deck(col, export_deck(bank_dir, tmp_path / "deck.apkg", reverse_roles=True))
    assert notes_by_type(col) == Counter({"quizgen Basic": 1, "quizgen Multiple choice": 1,
                                          "quizgen True or false": 1, "quizgen Cloze": 1, "quizgen Matching": 1})
    cards = Counter(col.get_card(cid).note().note_type()["name"] for cid in col.find_cards(""))
    assert cards["quizgen Basic"] == 2          # the reversed role card
    assert sum(cards.values()) == 6
    assert "quizgen::Talks in Lima : day one" in [d.name for d in col.decks.all_names_and_ids()]


def test_every_card_renders_prompt_answer_and_source_with_markup_escaped(col, bank_dir, tmp_path):
    import_deck(col, export_deck(bank_dir, tmp_path / "deck.apkg"))
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        front, back = card.question(), card.answer()
        for text in (front, back):
            assert "<script>" not in text and "<b>Ana</b>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in back
        kind = card.note().note_type()["name"]
        if kind == "quizgen Basic":
            assert "What position does &lt;b&gt;Ana&lt;/b&gt; Ruiz hold?" in front
            assert "<mark>Minister</mark>" in back
        if kind == "quizgen Multiple choice":
            assert "Tom Hale" in front and "B. Ana Ruiz" in back
        if kind == "quizgen Cloze":
            assert "[...]" in front and "Ana Ruiz" in back and "&amp; left" in back
        if kind == "quizgen Matching":
            assert "Mayor" in front and "<td>Tom Hale</td><td>Mayor</td>" in back


def test_reimport_after_an_edit_updates_one_note_and_keeps_review_history(col, bank_dir, tmp_path):
    import_deck(col, export_deck(bank_dir, tmp_path / "first.apkg"))
    reviewed = []
    for card_id in col.find_cards("")[:3]:
        card = col.get_card(card_id)
        card.start_timer()
        col.sched.answerCard(card, 3)
        reviewed.append(card_id)
    revlog_before = col.db.scalar("select count() from revlog")
    assert revlog_before == 3
    path = bank_dir / "lima.yaml"
    text = path.read_text(encoding="utf-8")
    time.sleep(1.1)             # a person edits later: notes take their bank's time, in whole seconds
    path.write_text(text.replace("prompt: Who said no to the plan?", "prompt: Who refused the plan?"),
                    encoding="utf-8")
    notes_before = set(col.find_notes(""))
    import_deck(col, export_deck(bank_dir, tmp_path / "second.apkg"))
    assert set(col.find_notes("")) == notes_before                     # zero new notes
    prompts = [col.get_note(n)["Prompt"] for n in col.find_notes("") if "Prompt" in col.get_note(n).keys()]
    assert "Who refused the plan?" in prompts and "Who said no to the plan?" not in prompts
    assert col.db.scalar("select count() from revlog") == revlog_before
    for card_id in reviewed:
        assert col.get_card(card_id).reps == 1


def test_importing_the_same_deck_twice_adds_no_duplicates(col, bank_dir, tmp_path):
    deck = export_deck(bank_dir, tmp_path / "deck.apkg")
    import_deck(col, deck)
    count = col.note_count()
    import_deck(col, deck)
    assert col.note_count() == count == len(read_bank(bank_dir / "lima.yaml").questions)


def test_tags_carry_fact_type_story_and_difficulty_without_spaces(col, bank_dir, tmp_path):
    import_deck(col, export_deck(bank_dir, tmp_path / "deck.apkg"))
    tags = set(col.tags.all())
    assert {"role", "lima", "difficulty::2"} <= tags
    assert not any(re.search(r"\s", tag) for tag in tags)


def test_model_and_deck_ids_do_not_change_between_exports(bank_dir, tmp_path):
    import sqlite3
    import zipfile

    def ids(path: Path):
        with zipfile.ZipFile(path) as archive:
            (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(tmp_path / "c.anki2") as db:
            return sorted(db.execute("select guid, mid from notes").fetchall()), db.execute("select decks from col").fetchone()[0]

    first = ids(export_deck(bank_dir, tmp_path / "a.apkg"))
    second = ids(export_deck(bank_dir, tmp_path / "b.apkg"))
    assert first[0] == second[0]
    assert re.findall(r'"id": (\d+)', first[1]) == re.findall(r'"id": (\d+)', second[1])


def test_the_same_banks_give_the_same_deck_byte_for_byte(bank_dir, tmp_path):
    first = export_deck(bank_dir, tmp_path / "a.apkg").read_bytes()
    time.sleep(1.1)
    assert export_deck(bank_dir, tmp_path / "b.apkg").read_bytes() == first


def test_an_empty_deck_name_is_refused(bank_dir, tmp_path):
    for name in ("", "::", "  ", "History::"):
        result = run_quizgen("anki", str(bank_dir), "--deck", name, "-o", str(tmp_path / "x.apkg"))
        assert result.code == 2 and "empty name" in result.err


def test_a_cloze_card_follows_the_teachers_edit_to_prompt_and_answer(col, bank_dir, tmp_path):
    from quizgen.export.anki import cloze_field

    question = Question(id="c1", type="cloze", prompt="The harbour at _____ reopened.", answer="Kessel",
                        cloze="The harbour at {{c1::Osland}} reopened.", source="s", story="lima")
    assert cloze_field(question) == "The harbour at {{c1::Kessel}} reopened."
    question.prompt, question.cloze = "No blank here.", "bad {{c2::x}} {{c1::y}}"
    assert cloze_field(question) == "bad {{c1::x}} &#123;&#123;c1::y&#125;&#125;"     # one live marker
