"""The printed quiz as a reader meets it: which story each question is about, the story itself
(--with-story), characters the PDF font lacks, headings kept with their questions, and output
to stdout or to a folder that cannot be written."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run_quizgen
from quizgen.bank import select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.export.layout import SECTIONS, lay_out
from quizgen.export.pdf import MISSING
from quizgen.models import Bank, Question, StoryRef

STORY_TEXT = """Harbour talks end in deal

KESSEL - Norland's Foreign Minister Ingrid Dahl met Prime Minister Tomas Varga on Monday.

The two leaders agreed that 37 ferries would sail again. <script>alert("story")</script> & more.

Dahl said the deal was "a new start" for the harbour.
"""


def story_bank(story_id: str, title: str, file: str, people: list[str], place: str) -> Bank:
    questions = []
    for n, person in enumerate(people):
        sentence = f"{person} inspected the {place} dock number {n}."
        questions.append(Question(id=f"{story_id}-{n}", type="short", prompt=f"Who inspected {place} dock {n}?",
                                  answer=person, source=sentence, story=story_id,
                                  fact={"id": f"{story_id}-f{n}", "type": "visit"}))
    return Bank(StoryRef(story_id, title, file), questions)


@pytest.fixture
def two_stories(tmp_path):
    banks = tmp_path / "bank"
    write_bank(story_bank("harbour", "Harbour talks end in deal", "harbour.txt", ["Ingrid Dahl", "Tomas Varga"],
                          "Kessel"), banks / "harbour.yaml")
    write_bank(story_bank("river", "River port reopens", "river.txt", ["Lena Sorvik", "Pavel Roos"], "Brask"),
               banks / "river.yaml")
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "harbour.txt").write_text(STORY_TEXT, encoding="utf-8")
    (stories / "river.txt").write_text("River port reopens\n\nBRASK - The river port opened.\n\nBoats came back.\n",
                                       encoding="utf-8")
    return tmp_path


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_a_quiz_from_several_stories_names_the_story_of_each_question(two_stories):
    selection = select_questions([two_stories / "bank"])
    path = export(selection, two_stories / "q.pdf", "pdf", ExportOptions())
    text = " ".join(pdf_pages(path))
    assert text.count("From “Harbour talks end in deal”") == 2 and text.count("From “River port reopens”") == 2
    html = export(selection, two_stories / "q.html", "html", ExportOptions()).read_text(encoding="utf-8")
    assert html.count("From “Harbour talks end in deal”") == 2
    md = export(selection, two_stories / "q.md", "md", ExportOptions()).read_text(encoding="utf-8")
    assert md.count("From “River port reopens”") == 2


def test_page_footers_carry_page_numbers_only(two_stories):
    selection = select_questions([two_stories / "bank"])
    pages = pdf_pages(export(selection, two_stories / "q.pdf", "pdf", ExportOptions(versions=2)))
    for number, page in enumerate(pages, 1):
        assert page.rstrip().endswith(f"Page {number} of {len(pages)}")
        assert "Sources" not in page


def test_a_single_story_quiz_names_its_story_once(two_stories):
    selection = select_questions([two_stories / "bank" / "river.yaml"])
    text = " ".join(pdf_pages(export(selection, two_stories / "q.pdf", "pdf", ExportOptions())))
    assert "About the story “River port reopens”" in text and "From “" not in text


@pytest.mark.parametrize("fmt", ["pdf", "html", "md"])
def test_with_story_prints_each_story_once_before_its_questions(two_stories, fmt):
    selection = select_questions([two_stories / "bank"])
    options = ExportOptions(with_story=True, story_dirs=[str(two_stories / "stories")], versions=1)
    path = export(selection, two_stories / f"q.{fmt}", fmt, options)
    text = " ".join(pdf_pages(path)) if fmt == "pdf" else path.read_text(encoding="utf-8")
    flat = " ".join(text.split())
    for title, first_sentence, question in (("Harbour talks end in deal", "Foreign Minister Ingrid Dahl met Prime Minister",
                                             "Who inspected Kessel dock"),
                                            ("River port reopens", "The river port opened.", "Who inspected Brask dock")):
        assert flat.count(first_sentence) == 1
        assert flat.index(title) < flat.index(first_sentence) < flat.index(question)
    assert flat.index("Who inspected Kessel dock") < flat.index("River port reopens") \
        or flat.index("Who inspected Brask dock") < flat.index("Harbour talks end in deal")
    if fmt == "html":
        assert "<script>alert" not in text and "&lt;script&gt;alert(&quot;story&quot;)" in text
        assert text.count("<p>The two leaders agreed") == 1          # paragraphs kept
    if fmt == "md":
        assert "\\<script\\>" in text and "<script>" not in text


def test_with_story_finds_the_story_beside_the_bank(two_stories):
    (two_stories / "stories" / "harbour.txt").rename(two_stories / "harbour.txt")     # the bank folder's parent
    (two_stories / "stories" / "river.txt").rename(two_stories / "bank" / "river.txt")
    selection = select_questions([two_stories / "bank"])
    layout = lay_out(selection, ExportOptions(with_story=True))
    assert [group.story.title for group in layout.versions[0].groups] == ["Harbour talks end in deal",
                                                                         "River port reopens"]


def test_with_story_says_in_one_line_which_story_is_missing(two_stories):
    result = run_quizgen("print", str(two_stories / "bank"), "--with-story", "-o", str(two_stories / "q.pdf"))
    assert result.code == 2 and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "harbour.txt" in result.err and "--stories" in result.err
    found = run_quizgen("print", str(two_stories / "bank"), "--with-story", "--stories", str(two_stories / "stories"),
                        "-o", str(two_stories / "q.pdf"))
    assert found.code == 0, found.err


def test_characters_the_font_lacks_print_as_a_marker_with_a_note(tmp_path, caplog):
    question = Question(id="cjk", type="short", prompt="Who is China's ambassador 胡晓迪 in Lima?", answer="胡晓迪",
                        source="China's ambassador 胡晓迪 spoke in Lima.", story="cjk")
    write_bank(Bank(StoryRef("cjk", "大使 speaks", "cjk.txt"), [question]), tmp_path / "b" / "cjk.yaml")
    with caplog.at_level(logging.WARNING):
        path = export(select_questions([tmp_path / "b"]), tmp_path / "q.pdf", "pdf", ExportOptions())
    text = " ".join(" ".join(pdf_pages(path)).split())
    assert f"ambassador {MISSING * 3} in Lima" in text
    assert "cannot show" in text and "--format html" in text
    assert not [r for r in caplog.records if "missing" in r.getMessage().lower()]


def test_a_section_heading_never_ends_a_page(tmp_path):
    questions = []
    for n in range(60):
        qtype = ["mcq", "truefalse", "short", "cloze"][n % 4]
        words = " ".join(["harbour"] * (5 + (n * 7) % 40))
        questions.append(Question(
            id=f"q{n}", type=qtype, prompt=f"Question {n} about the {words}?",
            answer="True" if qtype == "truefalse" else f"answer{n}",
            choices=[f"answer{n}", f"other{n}", f"third{n}", f"fourth{n}"] if qtype == "mcq" else
            (["True", "False"] if qtype == "truefalse" else []), source=f"Sentence {n}.", story="long"))
    write_bank(Bank(StoryRef("long", "Long story", "long.txt"), questions), tmp_path / "b" / "long.yaml")
    selection = select_questions([tmp_path / "b"])
    instructions = [text for _, _, text in SECTIONS]
    for count in range(24, 60, 3):
        path = export(selection, tmp_path / "q.pdf", "pdf", ExportOptions(count=count, seed=count, answer_key=False))
        for page in pdf_pages(path):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            for at, line in enumerate(lines):
                if line in instructions:
                    assert any(re.match(r"\d+\. ", after) for after in lines[at + 1:]), (count, lines[-4:])


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_out_dash_writes_to_stdout(tmp_path, fmt):
    from test_print import bank_questions
    write_bank(Bank(StoryRef("lima", "Talks in Lima", "lima.txt"), bank_questions()), tmp_path / "b" / "lima.yaml")
    result = run_quizgen("print", str(tmp_path / "b"), "-f", fmt, "-o", "-", cwd=tmp_path)
    assert result.code == 0, result.err
    assert not (tmp_path / "-").exists()
    start = {"md": "# quizgen quiz", "html": "<!doctype html>", "pdf": "%PDF"}[fmt]
    assert result.out.startswith(start)


def test_an_unwritable_output_is_one_line(tmp_path):
    from test_print import bank_questions
    write_bank(Bank(StoryRef("lima", "Talks in Lima", "lima.txt"), bank_questions()), tmp_path / "b" / "lima.yaml")
    (tmp_path / "plain-file").write_text("not a folder")
    result = run_quizgen("print", str(tmp_path / "b"), "-o", str(tmp_path / "plain-file" / "quiz.pdf"))
    assert result.code == 1 and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1 and "quiz.pdf" in result.err
