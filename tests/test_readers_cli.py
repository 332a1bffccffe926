"""Mixed folders at the command line, as a teacher would run them."""
from __future__ import annotations

import json

import yaml
from reader_helpers import FURNITURE_SENTENCES, STORY, TITLE, saved_page, word_file

from quizgen.readers import STORY_SUFFIXES


def test_help_names_every_kind_of_story_file(quizgen):
    for command in ("extract", "generate", "build"):
        result = quizgen(command, "--help")
        flat = " ".join(result.out.replace("│", " ").split())
        for suffix in STORY_SUFFIXES:
            assert suffix in flat, (command, suffix)


def test_a_page_on_stdin_gives_the_article_facts_only(quizgen):
    result = quizgen("extract", "-", stdin=saved_page())
    assert result.code == 0, result.err
    facts = json.loads(result.out)["facts"]
    assert facts
    for fact in facts:
        assert fact["sentence"] in STORY
        assert not any(fact["sentence"] in furniture for furniture in FURNITURE_SENTENCES)


def test_a_mixed_folder_builds_the_good_stories_and_names_each_bad_one(quizgen, tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "plain.txt").write_text(STORY, encoding="utf-8")
    (stories / "notepad.txt").write_bytes(STORY.encode("cp1252"))
    (stories / "page.html").write_text(saved_page(), encoding="utf-8")
    (stories / "word.docx").write_bytes(word_file())
    bad = {"menus.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
           "empty.docx": b"",
           "lying.docx": STORY.encode(),
           "page_as.txt": saved_page().encode()}
    for name, data in bad.items():
        (stories / name).write_bytes(data)
    result = quizgen("build", str(stories), "--bank", str(tmp_path / "bank"), "--out", str(tmp_path / "decks"),
                     cwd=tmp_path)
    assert result.code == 1
    assert "Traceback" not in result.err
    errors = [line for line in result.err.splitlines() if "note:" not in line and line.startswith("quizgen:")]
    for name in bad:
        assert len([line for line in errors if name in line]) == 1, (name, result.err)
    assert f"quizgen: {stories / 'notepad.txt'}: note: not UTF-8; read as cp1252" in result.err
    banks = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
             for path in (tmp_path / "bank").glob("*.yaml")}
    assert sorted(banks) == ["notepad", "page", "plain", "word"]
    for bank in banks.values():
        assert bank["story"]["title"] == TITLE
        for question in bank["questions"]:
            assert question["source"] in STORY
    assert {bank["story"]["file"] for bank in banks.values()} == {"plain.txt", "notepad.txt", "page.html",
                                                                  "word.docx"}
    assert (tmp_path / "decks" / "quizgen.apkg").is_file()
