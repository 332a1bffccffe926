"""The interactive HTML quiz as a file: self-contained, deterministic, small, and the contract
scripts drive (tests/test_browser_quiz.py takes it in a real browser)."""
from __future__ import annotations

import json
import re

import pytest

from conftest import run_quizgen
from quizgen.bank import select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.export.layout import lay_out
from quizgen.models import Bank, Question, StoryRef
from test_print import HOSTILE, bank_questions


@pytest.fixture
def selection(tmp_path):
    write_bank(Bank(StoryRef("lima", "Talks in Lima", "lima.txt"), bank_questions()), tmp_path / "b" / "lima.yaml")
    return select_questions([tmp_path / "b"])


def forty_questions() -> list[Question]:
    questions = []
    for n in range(40):
        qtype = ["mcq", "truefalse", "short", "cloze"][n % 4]
        person = f"Person{n} Family{n}"
        questions.append(Question(
            id=f"q{n:02d}", type=qtype, prompt=f"Who chaired meeting {n} of the harbour board in Kessel?",
            answer=person if qtype != "truefalse" else "True", accepted=[f"Family{n}"] if qtype != "truefalse" else [],
            choices=[person, f"Other{n} A", f"Other{n} B", f"Other{n} C"] if qtype == "mcq" else
            (["True", "False"] if qtype == "truefalse" else []),
            source=f"{person} chaired meeting {n} of the harbour board in Kessel on a long and rainy Monday.",
            story=f"story{n % 5}", fact={"id": f"fact{n}", "type": "role"}))
    return questions


def test_the_file_is_self_contained_and_follows_the_contract(selection, tmp_path):
    text = export(selection, tmp_path / "q.html", "html-interactive", ExportOptions()).read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=|<link|@import|url\(|https?://""", text)
    ids = re.findall(r'data-question-id="([^"]+)"', text)
    assert sorted(ids) == sorted(q.id for q in selection.questions)
    assert re.search(r"<button type=submit>Check", text)
    assert text.count(' role=status ') == 1
    assert "quizgenAnswerCheck" in text          # the one checker, inlined


def test_story_text_is_escaped_everywhere(selection, tmp_path):
    text = export(selection, tmp_path / "q.html", "html-interactive", ExportOptions()).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in text
    data = re.search(r"<script type=application/json id=quizgen-data>(.*?)</script>", text, re.S).group(1)
    assert "<" not in data and json.loads(data)["questions"]
    assert HOSTILE not in text      # every copy of the hostile text is escaped


def test_same_seed_same_bytes_and_versions_follow_the_printed_quiz(selection, tmp_path):
    options = ExportOptions(versions=2, seed=4)
    first = export(selection, tmp_path / "a.html", "html-interactive", options).read_bytes()
    again = export(selection, tmp_path / "b.html", "html-interactive", ExportOptions(versions=2, seed=4)).read_bytes()
    assert first == again
    text = first.decode("utf-8")
    for version in lay_out(selection, options).versions:
        ids = [item.question.id for item in version.items]
        block = text.split(f"Version {version.letter}</h2>")[1].split("</form>")[0]
        assert re.findall(r'data-question-id="([^"]+)"', block) == ids


def test_forty_questions_fit_in_200_kb(tmp_path):
    write_bank(Bank(StoryRef("forty", "Forty", "forty.txt"), forty_questions()), tmp_path / "b" / "forty.yaml")
    path = export(select_questions([tmp_path / "b"]), tmp_path / "q.html", "html-interactive", ExportOptions(count=40))
    assert path.read_text(encoding="utf-8").count("data-question-id=") == 40
    assert path.stat().st_size < 200_000


def test_cli_interactive_needs_html(selection, tmp_path):
    bank = str(tmp_path / "b")
    made = run_quizgen("print", bank, "--format", "html", "--interactive", "-o", str(tmp_path / "take.html"))
    assert made.code == 0, made.err
    assert "role=status" in (tmp_path / "take.html").read_text(encoding="utf-8")
    wrong = run_quizgen("print", bank, "--interactive", "-o", str(tmp_path / "take.pdf"))
    assert wrong.code == 2 and "--interactive" in wrong.err
