"""`quizgen build` end to end on the bundled stories, as a new user runs it."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from quizgen.bank import read_bank
from quizgen.stories import bundled_story_paths


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import run_quizgen

    workdir = tmp_path_factory.mktemp("build")
    result = run_quizgen("build", "--jobs", "2", cwd=workdir)
    assert result.code == 0, result.err
    return workdir, result


def test_build_with_no_arguments_uses_the_bundled_stories(built):
    workdir, _ = built
    banks = sorted((workdir / "question_bank").glob("*.yaml"))
    assert len(banks) == len(bundled_story_paths()) == 2
    for name in ("quizgen.apkg", "quiz.pdf", "quiz.html"):
        assert (workdir / "decks" / name).stat().st_size > 0


def test_build_gives_at_least_twenty_questions_of_three_types(built):
    workdir, _ = built
    questions = [q for path in (workdir / "question_bank").glob("*.yaml") for q in read_bank(path).questions]
    assert len(questions) >= 20
    assert len(Counter(q.type for q in questions)) >= 3
    for question in questions:
        assert question.prompt and question.answer and question.source
        assert question.status == "draft"


def test_build_messages_go_to_stderr_not_stdout(built):
    _, result = built
    assert result.out == ""
    assert "wrote" in result.err


def test_deck_imports_into_a_real_anki_collection(built, tmp_path):
    anki_collection = pytest.importorskip("anki.collection")
    workdir, _ = built
    questions = [q for path in (workdir / "question_bank").glob("*.yaml") for q in read_bank(path).questions]
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(_import_request(workdir / "decks" / "quizgen.apkg"))
        assert col.note_count() == len(questions)
    finally:
        col.close()


def _import_request(path):
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    return ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())


def test_printable_quiz_shows_every_question_type_in_classroom_size(built):
    pypdf = pytest.importorskip("pypdf")
    workdir, _ = built
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(workdir / "decks" / "quiz.pdf").pages)
    for heading in ("Multiple choice", "True or false", "Short answer", "Fill in the blank", "Matching",
                    "Answer key"):
        assert heading in text
    html = (workdir / "decks" / "quiz.html").read_text(encoding="utf-8")
    assert 10 <= len(re.findall(r"<div class=q>", html)) <= 40     # at most 40, each fact asked once
