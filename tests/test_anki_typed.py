"""Type-the-answer cards, rendered by Anki and answered in headless Chromium: the card marks
what was typed exactly as the command-line self-test does, and carries it to the back."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quizgen.bank import select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.models import Bank, Question, StoryRef
from quizgen.quiz.checker import check

anki_collection = pytest.importorskip("anki.collection")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
from test_anki import import_deck  # noqa: E402

CHROMIUM = os.environ.get("QUIZGEN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
SOURCE = "Harbour Minister Ola Brekke said some 12,500 people came to the opening on Tuesday evening."

QUESTIONS = {
    "person": Question(id="q-person", type="short", prompt="Who opened the pier?", answer="Ola Brekke",
                       accepted=["Brekke"], source=SOURCE, story="pier"),
    "number": Question(id="q-number", type="cloze", prompt="Some _____ people came to the opening.",
                       answer="12,500", cloze="Some {{c1::12,500}} people came to the opening.",
                       accepted=["12500", "twelve thousand five hundred"], source=SOURCE, story="pier"),
    "time": Question(id="q-time", type="short", prompt="When was the opening?", answer="Tuesday evening",
                     source=SOURCE, story="pier"),
}
TYPED = {
    "person": ["Ola Brekke", "brekke", "BREKKE.", "Ola Brekk", "Bekke", "Ola", "Harbour Minister", ""],
    "number": ["12,500", "12500", "twelve thousand five hundred", "about 12,500", "12,600", "1250", "12.5 thousand"],
    "time": ["Tuesday evening", "tuesday evning", "the Tuesday evening", "Thursday night", "Tuesday"],
}


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Each question's front and back as Anki renders them (CSS included)."""
    folder = tmp_path_factory.mktemp("typed")
    write_bank(Bank(StoryRef("pier", "Brekke opens the harbour pier", "pier.txt"), list(QUESTIONS.values())),
               folder / "bank" / "pier.yaml")
    deck = export(select_questions([folder / "bank"]), folder / "deck.apkg", "apkg", ExportOptions(typed=True))
    col = anki_collection.Collection(str(folder / "collection.anki2"))
    try:
        import_deck(col, deck)
        rendered = {}
        for card_id in col.find_cards('"note:quizgen Type the answer"'):
            card = col.get_card(card_id)
            name = next(k for k, q in QUESTIONS.items() if q.prompt.split("_____")[0] in card.question())
            rendered[name] = (card.question(), card.answer())
    finally:
        col.close()
    assert set(rendered) == set(QUESTIONS)
    return rendered


@pytest.fixture(scope="module")
def page():
    if not CHROMIUM:
        pytest.skip("no Chromium found (apt-get install chromium, or set QUIZGEN_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield browser.new_page(viewport={"width": 420, "height": 720})
        browser.close()


def show(page, folder: Path, name: str, html: str, night: bool = False) -> None:
    """Load a card side as Anki does: the card HTML inside a body of class 'card'."""
    path = folder / f"{name}.html"
    path.write_text(f"<!doctype html><html><head><meta charset=utf-8></head>"
                    f"<body class='card{' nightMode' if night else ''}'><div id=qa>{html}</div></body></html>",
                    encoding="utf-8")
    page.goto(path.as_uri())


def answer(page, typed: str) -> str:
    page.fill(".typed-input", typed)
    page.press(".typed-input", "Enter")
    return page.inner_text(".verdict")


@pytest.mark.parametrize("name", sorted(TYPED))
def test_the_card_marks_typed_answers_as_the_self_test_does(page, cards, tmp_path, name):
    front, _ = cards[name]
    show(page, tmp_path, "front", front)
    for typed in TYPED[name]:
        verdict = answer(page, typed)
        expected = check(QUESTIONS[name], typed)
        assert verdict.startswith("\u2713") == expected.correct, (typed, verdict)
        assert ("spelling" in verdict) == expected.typo, (typed, verdict)


def test_the_back_shows_what_was_typed_and_its_mark(page, cards, tmp_path):
    front, back = cards["person"]
    show(page, tmp_path, "front", front)
    answer(page, "Bekke")
    show(page, tmp_path, "back", back)
    assert page.input_value(".typed-input") == "Bekke"
    assert page.inner_text(".verdict").startswith("\u2713")
    assert "Ola Brekke" in page.inner_text(".answer")
    assert "Brekke opens the harbour pier" in page.inner_text(".context")


def test_screenshots_light_and_dark(page, cards, tmp_path):
    """Pictures for a person to look at: QUIZGEN_SCREENSHOTS=folder keeps them."""
    folder = Path(os.environ.get("QUIZGEN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    front, back = cards["number"]
    for night in (False, True):
        mode = "dark" if night else "light"
        show(page, tmp_path, "front", front, night)
        answer(page, "twelve thousand five hundred")
        page.screenshot(path=str(folder / f"typed-front-{mode}.png"), full_page=True)
        show(page, tmp_path, "back", back, night)
        page.screenshot(path=str(folder / f"typed-back-{mode}.png"), full_page=True)
        assert (folder / f"typed-back-{mode}.png").stat().st_size > 1000
