"""Decks over many stories, checked in Anki itself: one note per fact, the story on the front,
stable re-imports, inert story text, and where the deck may be written."""
from __future__ import annotations

import html
import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import run_quizgen
from quizgen.bank import select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.models import Bank, Question, StoryRef
from quizgen.quiz.checker import portable_key
from quizgen.quiz.merge import merge_banks

anki_collection = pytest.importorskip("anki.collection")
from test_anki import import_deck  # noqa: E402

HOLDER = "Who is Norland's Foreign Minister?"
POSITION = "What position does Ingrid Dahl hold, according to the story?"


def question(story: str, qid: str, prompt: str, answer: str, source: str, **extra) -> Question:
    return Question(id=f"{story}-{qid}", type=extra.pop("type", "short"), prompt=prompt, answer=answer,
                    source=source, story=story, tags=["role", story], fact={"type": "role"}, **extra)


def harbour_banks(folder: Path) -> Path:
    """Three stories: two ask who the minister is, two give her different positions."""
    stories = {
        "talks": ("Harbour talks end in deal", [
            question("talks", "holder", HOLDER, "Ingrid Dahl", "Foreign Minister Ingrid Dahl signed the deal.",
                     type="mcq", choices=["Tomas Varga", "Ingrid Dahl", "Marek Oban", "Lena Holt"]),
            question("talks", "position", POSITION, "Foreign Minister", "Foreign Minister Ingrid Dahl signed the deal."),
        ]),
        "summit": ("Summit opens in Kessel", [
            question("summit", "holder", HOLDER, "Ingrid Dahl", "Norland's Foreign Minister, Ingrid Dahl, arrived.",
                     type="mcq", choices=["Ingrid Dahl", "Piet Sand", "Tomas Varga", "Ada Lund"]),
            question("summit", "count", "How many delegates came?", "40", "Some 40 delegates came to Kessel."),
        ]),
        "archive": ("Dahl's early years", [
            question("archive", "position", POSITION, "Trade Minister", "Then Trade Minister Ingrid Dahl was 41."),
        ]),
    }
    for story_id, (title, questions) in stories.items():
        write_bank(Bank(StoryRef(story_id, title, f"{story_id}.txt"), questions), folder / f"{story_id}.yaml")
    return folder


@pytest.fixture
def banks(tmp_path) -> Path:
    return harbour_banks(tmp_path / "bank")


@pytest.fixture
def col(tmp_path):
    collection = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def deck(banks: Path, out: Path, **options) -> Path:
    return export(select_questions([banks]), out, "apkg", ExportOptions(**options))


def notes_asking(col, prompt: str) -> list:
    notes = [col.get_note(note_id) for note_id in col.find_notes("")]
    return [note for note in notes if html.unescape(note.fields[0]) == prompt]


def fronts(col) -> list[str]:
    return [col.get_card(card_id).question() for card_id in col.find_cards("")]


def test_a_question_two_stories_ask_alike_is_one_note_naming_both(col, banks, tmp_path):
    import_deck(col, deck(banks, tmp_path / "deck.apkg"))
    assert col.note_count() == 4          # 5 questions, the minister question merged
    merged = notes_asking(col, HOLDER)
    assert len(merged) == 1
    note = merged[0]
    assert note["Story"] == "2 stories"
    assert "Harbour talks end in deal" in note["Source"] and "Summit opens in Kessel" in note["Source"]
    assert "signed the deal" in note["Source"] and "arrived" in note["Source"]
    assert {"talks", "summit"} <= set(note.tags)


def test_different_answers_stay_apart_and_say_which_story_says_what(col, banks, tmp_path):
    import_deck(col, deck(banks, tmp_path / "deck.apkg"))
    positions = {note["Answer"]: note["Story"] for note in notes_asking(col, POSITION)}
    assert positions == {"Foreign Minister": "Harbour talks end in deal", "Trade Minister": "Dahl&#x27;s early years"}


def test_no_two_cards_share_a_front_and_every_front_names_its_stories(col, banks, tmp_path):
    import_deck(col, deck(banks, tmp_path / "deck.apkg"))
    shown = fronts(col)
    assert len(shown) == len(set(shown))
    titles = ("Harbour talks end in deal", "Summit opens in Kessel", "Dahl&#x27;s early years", "2 stories")
    for front in shown:
        assert '<div class=context>' in front and any(title in front for title in titles), front


def test_reimport_after_one_bank_edit_updates_one_note_and_keeps_anki_edits_and_reviews(col, banks, tmp_path):
    out = tmp_path / "decks" / "quizgen.apkg"
    first = import_deck(col, deck(banks, out))
    assert len(first.log.new) == 4
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        card.start_timer()
        col.sched.answerCard(card, 3)
    reviews = col.db.scalar("select count() from revlog")
    mine = notes_asking(col, "How many delegates came?")[0]
    mine["Answer"] = "40 <i>(mnemonic: forty thieves)</i>"          # the learner's own edit inside Anki
    col.update_note(mine)
    path = banks / "archive.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("answer: Trade Minister", "answer: Minister of Trade"),
                    encoding="utf-8")
    second = import_deck(col, deck(banks, out))             # same path, no waiting: the edit is newer anyway
    assert (len(second.log.new), len(second.log.updated)) == (0, 1)
    assert "Minister of Trade" in second.log.updated[0].fields[1]
    assert "forty thieves" in col.get_note(mine.id)["Answer"]
    assert col.db.scalar("select count() from revlog") == reviews
    assert all(col.get_card(card_id).reps == 1 for card_id in col.find_cards(""))


def test_a_new_story_asking_a_known_question_joins_its_note(col, banks, tmp_path):
    out = tmp_path / "quizgen.apkg"
    (banks / "summit.yaml").rename(tmp_path / "summit.yaml")
    import_deck(col, deck(banks, out))
    (tmp_path / "summit.yaml").rename(banks / "summit.yaml")
    later = import_deck(col, deck(banks, out))
    assert len(later.log.new) == 1                 # the delegates question; the minister's note grows instead
    assert [note["Story"] for note in notes_asking(col, HOLDER)] == ["2 stories"]


def test_an_unchanged_reexport_changes_no_note(col, banks, tmp_path):
    out = tmp_path / "quizgen.apkg"
    import_deck(col, deck(banks, out))
    again = import_deck(col, deck(banks, out))
    assert (len(again.log.new), len(again.log.updated)) == (0, 0)


def notes_table(path: Path, tmp_path: Path) -> list[tuple]:
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        return db.execute("select flds, mid from notes").fetchall()


def test_story_text_cannot_add_cloze_cards_or_shift_fields(col, tmp_path):
    hostile = "He wrote {{c2::secret}} and {{c1::more}} on the \x1f wall."
    cloze = Question(id="c", type="cloze", prompt="Minister _____ wrote on the wall.", answer="Ana Ruiz",
                     cloze="Minister {{c1::Ana Ruiz}} wrote {{c2::secret}} on the wall.", source=hostile, story="s")
    short = Question(id="q", type="short", prompt="What did \x1f he write {{c3::x}}?", answer="sec\x1fret",
                     source=hostile, story="s")
    write_bank(Bank(StoryRef("s", "Wall {{c4::y}}", "s.txt"), [cloze, short]), tmp_path / "b" / "s.yaml")
    out = deck(tmp_path / "b", tmp_path / "deck.apkg")
    import_deck(col, out)
    assert col.card_count() == 2
    for flds, _ in notes_table(out, tmp_path):
        assert flds.count("{{c") <= 1 and len(flds.split("\x1f")) in (3, 6)      # cloze, basic
    texts = html.unescape(" ".join(col.get_card(c).question() + col.get_card(c).answer() for c in col.find_cards("")))
    assert "{{c2::secret}}" in texts and "Wall {{c4::y}}" in texts


def test_typed_cards_carry_the_self_tests_accepted_forms(col, banks, tmp_path):
    import_deck(col, deck(banks, tmp_path / "deck.apkg", typed=True))
    typed = [col.get_note(n) for n in col.find_notes('"note:quizgen Type the answer"')]
    assert len(typed) == 3
    expected = {(q.prompt, q.answer): portable_key(q)
                for q in (item.question for item in merge_banks(select_questions([banks]).banks))}
    for note in typed:
        assert json.loads(note["Key"]) == expected[html.unescape(note["Prompt"]), html.unescape(note["Answer"])]
    card = col.get_card(col.find_cards('"note:quizgen Type the answer"')[0])
    assert "quizgenAnswerCheck" in card.question() and "typed-input" in card.question()


def test_deck_to_stdout(banks, tmp_path):
    result = subprocess.run([sys.executable, "-m", "quizgen", "anki", str(banks), "-o", "-"], cwd=tmp_path,
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "-").exists()
    with zipfile.ZipFile(io.BytesIO(result.stdout)) as archive:
        assert "collection.anki2" in archive.namelist()


@pytest.mark.parametrize("target, code", [("afile/x.apkg", 1), ("decks", 2)])
def test_unwritable_targets_are_one_line_errors(banks, tmp_path, target, code):
    (tmp_path / "afile").write_text("", encoding="utf-8")
    (tmp_path / "decks").mkdir()
    result = run_quizgen("anki", str(banks), "-o", target, cwd=tmp_path)
    assert result.code == code and result.err.count("\n") == 1 and "Traceback" not in result.err, result.err
    assert target.split("/")[0] in result.err


def test_a_read_only_folder_is_a_one_line_error(banks, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    target = folder / "x.apkg"
    try:
        if os.access(folder, os.W_OK):
            target = Path("/proc/quizgen-test.apkg")       # root writes anywhere; /proc refuses even root
            if not Path("/proc").is_dir():
                pytest.skip("running as root and no /proc to refuse a write")
        result = run_quizgen("anki", str(banks), "-o", str(target))
    finally:
        folder.chmod(0o755)
    assert result.code == 1 and result.err.count("\n") == 1 and "internal error" not in result.err, result.err


def test_editing_one_storys_copy_of_a_merged_question_updates_that_note(col, banks, tmp_path):
    out = tmp_path / "quizgen.apkg"
    import_deck(col, deck(banks, out))
    path = banks / "summit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Who is Norland's Foreign Minister?",
                                                             "Who is Norland's foreign minister now?"),
                    encoding="utf-8")
    again = import_deck(col, deck(banks, out))
    assert (len(again.log.new), len(again.log.updated)) == (0, 1)
    note = notes_asking(col, "Who is Norland's foreign minister now?")[0]
    assert note["Story"] == "2 stories" and not notes_asking(col, HOLDER)


def test_a_question_asked_with_choices_in_one_story_and_without_in_another_is_one_item():
    def bank(story: str, **extra) -> Bank:
        return Bank(story=StoryRef(id=story, title=story.title(), file=f"{story}.txt"),
                    questions=[question(story, "holder", HOLDER, "Ingrid Dahl", f"Minister Ingrid Dahl spoke in {story}.",
                                        **extra)])
    items = merge_banks([bank("a", type="mcq", choices=["Ingrid Dahl", "Tomas Varga", "Ada Lund", "Per Holm"]),
                         bank("b")])
    assert len(items) == 1
    assert items[0].question.type == "mcq" and len(items[0].members) == 2


def test_a_deck_of_every_bbc_politics_story_has_no_two_fronts_alike_and_names_their_stories(col, tmp_path):
    """The archive case itself: all 417 politics stories, imported into a real collection."""
    from conftest import shared_path
    from quizgen.pipeline import generate_banks

    stories = sorted(str(path) for path in shared_path("corpus", "bbc").glob("bbc_politics_*.txt"))
    generate_banks(stories, tmp_path / "politics", jobs=2, show_progress=False)
    import_deck(col, deck(tmp_path / "politics", tmp_path / "politics.apkg"))
    shown = fronts(col)
    assert len(shown) > 3000
    assert len(shown) == len(set(shown))
    assert all('<div class=context>' in front for front in shown)
