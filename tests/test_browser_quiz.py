"""The interactive quiz taken in headless Chromium, as a student would: answer, press Check, read the score.

The system Chromium is used (`.ci/run` installs it with apt-get when it is missing);
playwright never downloads a browser. Without a browser these tests skip and say why.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quizgen.bank import select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.export.layout import QuizLayout, lay_out
from quizgen.models import Bank, Question, StoryRef
from quizgen.quiz.checker import check

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ATTACK = '<img src=x onerror="window.__attacked=1"><script>window.__attacked=2</script>'


def chromium_path() -> str | None:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium found (/usr/bin/chromium): `apt-get install -y chromium` to run the browser tests")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        except Error as exc:
            if os.environ.get("CI"):
                raise
            pytest.skip(f"Chromium at {path} would not start: {str(exc).splitlines()[0]}")
        yield launched
        launched.close()


def questions() -> list[Question]:
    """Every question type; one short answer is a full name (the surname is accepted)."""
    def fact(n: int, kind: str) -> dict:
        return {"id": f"fact{n}", "type": kind}

    return [
        Question(id="mcq1", type="mcq", prompt="Who chairs the Kessel harbour board?", answer="Ingrid Dahl",
                 choices=["Tomas Varga", "Ingrid Dahl", "Marek Oban", "Lena Sorvik"],
                 source="Ingrid Dahl chairs the Kessel harbour board.", story="harbour", fact=fact(1, "role")),
        Question(id="tf1", type="truefalse", prompt="The ferry strike lasted nine days.", answer="False",
                 choices=["True", "False"], source="The ferry strike lasted three weeks.", story="harbour",
                 fact=fact(2, "quantity")),
        Question(id="short1", type="short", prompt="Who is Norland's trade envoy?", answer="Pavel Roos",
                 accepted=["Roos"], source="Norland's trade envoy Pavel Roos flew to Brask.", story="harbour",
                 fact=fact(3, "role")),
        Question(id="cloze1", type="cloze", prompt="The port handled _____ containers last year.", answer="37,000",
                 cloze="The port handled {{c1::37,000}} containers last year.",
                 source="The port handled 37,000 containers last year.", story="harbour", fact=fact(4, "quantity")),
        Question(id="match1", type="matching", prompt="Match each person to their position.", answer="...",
                 pairs=[["Anja Brekke", "Governor"], ["Oskar Lind", "Judge"], ["Nadia Fenn", "Treasurer"]],
                 source="Governor Anja Brekke, Judge Oskar Lind and Treasurer Nadia Fenn met.", story="harbour",
                 fact={"type": "role", "facts": ["fact5", "fact6", "fact7"]}),
        Question(id="attack1", type="short", prompt=f"Which tag did {ATTACK} print?", answer="Iver Holm",
                 accepted=["Holm"], source=f"Iver Holm printed {ATTACK} on the notice.", story="harbour",
                 fact=fact(8, "quote")),
    ]


@pytest.fixture(scope="module")
def quiz(tmp_path_factory) -> tuple[Path, QuizLayout]:
    tmp_path = tmp_path_factory.mktemp("quiz")
    (tmp_path / "harbour.txt").write_text(f"Harbour board meets\n\nThe board met in Kessel. {ATTACK}\n\n"
                                          "Boats came back.\n", encoding="utf-8")
    write_bank(Bank(StoryRef("harbour", "Harbour board meets", "harbour.txt"), questions()),
               tmp_path / "bank" / "harbour.yaml")
    selection = select_questions([tmp_path / "bank"])
    options = ExportOptions(seed=3, with_story=True)
    return export(selection, tmp_path / "take.html", "html-interactive", options), lay_out(selection, options)


@pytest.fixture
def open_quiz(browser):
    """Open the quiz in a fresh page (closed after the test), recording requests and failing on dialogs."""
    pages = []

    def opener(path: Path, **context):
        page = browser.new_page(**context)
        pages.append(page)
        return _watched(page, path)

    yield opener
    for page in pages:
        page.close()


def _watched(page, path: Path):
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("dialog", lambda dialog: pytest.fail(f"story text opened a dialog: {dialog.message}"))
    page.goto(path.as_uri())
    return page


def answer_all(page, layout: QuizLayout, right: bool) -> None:
    for item in layout.versions[0].items:
        question, element = item.question, f"#q-x-{item.number}"
        if question.type in ("mcq", "truefalse"):
            index = item.choices.index(question.answer)
            page.check(f"{element} input[value='{index if right else (index + 1) % len(item.choices)}']")
        elif question.type == "matching":
            for row, (_, answer) in enumerate(question.pairs):
                index = item.right_column.index(answer)
                page.select_option(f"{element}-{row}", str(index if right else (index + 1) % len(item.right_column)))
        else:
            page.fill(f"{element}-answer", question.answer if right else "Someone Else")


def check_and_score(page) -> str:
    page.get_by_role("button", name="Check answers").click()
    return page.get_by_role("status").text_content()


@pytest.mark.parametrize("right", [True, False])
def test_all_right_scores_full_marks_and_all_wrong_none(open_quiz, quiz, right):
    path, layout = quiz
    page = open_quiz(path)
    answer_all(page, layout, right=right)
    total = len(layout.versions[0].items)
    assert check_and_score(page) == f"{total if right else 0}/{total}"
    assert page.locator(".result:not([hidden])").count() == total        # each question marked
    assert page.locator(".wrong" if right else ".right").count() == 0
    short = page.locator("[data-question-id=short1] .result")           # the answer and its sentence
    assert "Pavel Roos" in short.text_content() and "flew to Brask" in short.text_content()
    assert page.locator("[data-question-id=match1] .wrong-row").count() == (0 if right else 3)
    assert all(url.startswith("file:") for url in page.requests), page.requests     # no network


def test_unanswered_questions_count_as_wrong(open_quiz, quiz):
    path, layout = quiz
    assert check_and_score(open_quiz(path)) == f"0/{len(layout.versions[0].items)}"


@pytest.mark.parametrize("typed", ["Roos", "roos", "  ROOS ", "Pavel Roos", "Pavle Roos", "the Pavel Roos"])
def test_typed_answers_are_marked_leniently(open_quiz, quiz, typed):
    path, _ = quiz
    page = open_quiz(path)
    page.get_by_label("Who is Norland's trade envoy?").fill(typed)
    check_and_score(page)
    assert "Right" in page.locator("[data-question-id=short1] .verdict").text_content(), typed


@pytest.mark.parametrize("typed", ["37000", "37 000", "37 thousand", "36,000", "37,00", "thirty-seven thousand"])
def test_numbers_are_marked_as_the_self_test_marks_them(open_quiz, quiz, typed):
    path, _ = quiz
    page = open_quiz(path)
    page.get_by_label("The port handled _____ containers last year.").fill(typed)
    check_and_score(page)
    verdict = page.locator("[data-question-id=cloze1] .verdict").text_content()
    cloze = next(q for q in questions() if q.id == "cloze1")
    assert ("Not right" not in verdict) == check(cloze, typed).correct, (typed, verdict)


def test_story_markup_never_executes(open_quiz, quiz):
    path, _ = quiz
    page = open_quiz(path)
    page.fill("[data-question-id=attack1] input", "Holm")
    check_and_score(page)
    assert page.evaluate("window.__attacked") is None
    assert page.locator("img").count() == 0
    assert "<script>window.__attacked=2</script>" in page.locator("article.story").text_content()


def test_keyboard_only(open_quiz, quiz):
    """Every control has a label; Enter in a text box checks the quiz, and the score is announced."""
    path, _ = quiz
    page = open_quiz(path)
    unlabelled = page.evaluate("""[...document.querySelectorAll('input, select')]
        .filter(el => !el.labels || el.labels.length === 0).length""")
    assert unlabelled == 0
    page.focus("[data-question-id=short1] input")
    page.keyboard.type("Roos")
    page.keyboard.press("Enter")
    assert page.get_by_role("status").text_content().endswith(f"/{len(questions())}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in ("INPUT", "SELECT", "BUTTON")


def test_opens_and_marks_quickly_on_a_phone_in_the_dark(open_quiz, quiz):
    path, layout = quiz
    page = open_quiz(path, viewport={"width": 390, "height": 844}, color_scheme="dark")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    marking = page.evaluate("""() => { const start = performance.now();
        document.querySelector('button[type=submit]').click(); return performance.now() - start; }""")
    assert loaded < 1000 and marking < 500, (loaded, marking)       # aim: under 100 ms on a quiet machine
    assert page.evaluate("document.documentElement.scrollWidth") <= 390        # nothing wider than the phone
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
