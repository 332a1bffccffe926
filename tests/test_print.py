"""Printable quizzes and LMS exports: content, versions, keys, determinism and escaping."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run_quizgen
from quizgen.bank import select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.export.gift import gift
from quizgen.export.layout import lay_out
from quizgen.models import Bank, Question, StoryRef

HOSTILE = 'Café “quotes” £5 €6 — <script>alert(1)</script> & {braces} ~tilde =eq #hash: \u05e9\u05dc\u05d5\u05dd'


def bank_questions() -> list[Question]:
    """Questions that can all stand in one quiz: each its own fact, sentence and answer."""
    people = ["Ana Ruiz", "Tom Hale", "Li Wen", "Sara Oke", "Olu Bade", "Ines Kask"]
    questions = []
    for n, person in enumerate(people):
        others = [p for p in people if p != person][:3]
        questions.append(Question(id=f"m{n}", type="mcq", prompt=f"Who met envoy number {n}?", answer=person,
                                  choices=[person, *others], source=f"Envoy {n} met {person} in Lima.", story="lima"))
    questions += [
        Question(id="t1", type="truefalse", prompt="Kofi Dane is the mayor of Lima.", answer="False",
                 choices=["True", "False"], source="Kofi Dane is the harbour master.", story="lima"),
        Question(id="s1", type="short", prompt="What position does Pia Lund hold?", answer="Minister",
                 source="Minister Pia Lund spoke.", story="lima"),
        Question(id="c1", type="cloze", prompt="The _____ embargo ended.", answer="50-year",
                 cloze="The {{c1::50-year}} embargo ended.", source="The 50-year embargo ended.", story="lima"),
        Question(id="x1", type="matching", prompt="Match each person to their position.", answer="...",
                 pairs=[["Rex Moll", "Governor"], ["Una Tell", "Judge"], ["Cy Pratt", "Treasurer"]],
                 source="Governor Rex Moll, Judge Una Tell and Treasurer Cy Pratt met.", story="lima"),
        Question(id="h1", type="short", prompt=HOSTILE, answer=HOSTILE, source=HOSTILE, story="lima"),
    ]
    return questions


@pytest.fixture
def selection(tmp_path):
    write_bank(Bank(StoryRef("lima", "Talks in Lima", "lima.txt"), bank_questions()), tmp_path / "b" / "lima.yaml")
    return select_questions([tmp_path / "b"])


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_holds_every_question_and_choice(selection, tmp_path):
    path = export(selection, tmp_path / "q.pdf", "pdf", ExportOptions(title="Lima quiz"))
    text = " ".join(pdf_text(path).split())
    for question in selection.questions:
        assert " ".join(question.prompt.split())[:40] in text
        for choice in question.choices:
            assert choice in text
    assert "Answer key" in text and "Page 1 of" in text and "Talks in Lima" in text
    assert "Café “quotes” £5 €6 —" in text


def test_versions_differ_in_order_not_content_and_keys_match_their_choices(selection):
    layout = lay_out(selection, ExportOptions(versions=3, seed=11))
    orders = [[item.question.id for item in version.items] for version in layout.versions]
    assert all(sorted(order) == sorted(orders[0]) for order in orders)
    assert len({tuple(order) for order in orders}) > 1
    for version in layout.versions:
        for item in version.items:
            if item.question.type == "mcq":
                letter = item.key[0]
                assert item.choices["ABCD".index(letter)] == item.question.answer


def test_key_letters_in_the_pdf_match_each_versions_choices(selection, tmp_path):
    options = ExportOptions(versions=2, seed=5)
    path = export(selection, tmp_path / "q.pdf", "pdf", options)
    text = pdf_text(path)
    for version in lay_out(selection, options).versions:
        for item in version.items:
            if item.question.type == "mcq":
                assert f"{item.number}. {item.key}" in text


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(selection, tmp_path):
    def render(seed: int, name: str) -> bytes:
        return export(selection, tmp_path / name, "pdf", ExportOptions(versions=2, seed=seed)).read_bytes()

    assert render(3, "a.pdf") == render(3, "b.pdf")
    assert render(3, "a.pdf") != render(4, "c.pdf")


def test_count_spreads_across_types(selection):
    layout = lay_out(selection, ExportOptions(count=5))
    assert {item.question.type for item in layout.versions[0].items} == {"mcq", "truefalse", "short", "cloze",
                                                                        "matching"}


def test_html_is_self_contained_and_escapes_story_text(selection, tmp_path):
    text = export(selection, tmp_path / "q.html", "html", ExportOptions(versions=2)).read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<link" not in text and "@media print" in text and "page-break-before" in text


def test_markdown_escapes_markup(selection, tmp_path):
    text = export(selection, tmp_path / "q.md", "md", ExportOptions()).read_text(encoding="utf-8")
    assert "<script>" not in text and "\\<script\\>" in text


def test_key_only_and_no_key(selection, tmp_path):
    only = pdf_text(export(selection, tmp_path / "k.pdf", "pdf", ExportOptions(key_only=True)))
    assert "Answer key" in only and "Name:" not in only
    none = pdf_text(export(selection, tmp_path / "n.pdf", "pdf", ExportOptions(answer_key=False)))
    assert "Answer key" not in none and "Name:" in none


def test_gift_escapes_its_special_characters():
    assert gift("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"


def test_gift_file_has_every_question_with_nothing_unescaped(selection, tmp_path):
    text = export(selection, tmp_path / "q.gift", "gift", ExportOptions()).read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.startswith("::")]
    assert len(blocks) == len(selection.questions)
    for block in blocks:
        body = re.sub(r"\\.", "", block)                 # drop escaped characters
        assert body.count("{") == body.count("}") == 1   # only the answer braces remain


def test_moodle_xml_parses_and_keeps_hostile_text(selection, tmp_path):
    path = export(selection, tmp_path / "q.xml", "moodle-xml", ExportOptions())
    root = ElementTree.parse(path).getroot()
    questions = [q for q in root if q.get("type") != "category"]
    assert len(questions) == len(selection.questions)
    assert {q.get("type") for q in questions} == {"multichoice", "truefalse", "shortanswer", "matching"}
    texts = [q.find("questiontext/text").text for q in questions]
    assert any("&lt;script&gt;" in t for t in texts)


def test_print_cli_picks_format_from_the_extension(selection, tmp_path):
    bank = tmp_path / "b"
    result = run_quizgen("print", str(bank), "-o", str(tmp_path / "quiz.html"), "--versions", "2")
    assert result.code == 0, result.err
    assert (tmp_path / "quiz.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    bad = run_quizgen("print", str(bank), "--paper", "a5")
    assert bad.code == 2 and "a5" in bad.err
