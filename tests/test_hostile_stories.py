"""Odd and hostile story text: loaded or refused with a clear message, never a crash."""
from __future__ import annotations

import pytest

from quizgen.errors import QuizgenError
from quizgen.extract import extract_facts
from quizgen.stories import load_story, parse_story

HEAD = "Envoys meet\n\nPrime Minister Lena Holm met President Ravi Menon in Oslo on Monday.\n\n"


def facts_of(text: str):
    return extract_facts(parse_story(text, "odd.txt"))


def test_nul_bytes_in_a_file_are_refused_naming_file_and_line(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(HEAD.encode() + b"more\x00text")
    with pytest.raises(QuizgenError) as caught:
        load_story(path)
    assert str(caught.value).startswith(f"{path}:5:")


def test_invalid_utf8_is_read_as_the_legacy_encoding_with_a_note(tmp_path, capsys):
    path = tmp_path / "mixed.txt"
    path.write_bytes(HEAD.encode() + "Caf\u00e9".encode("cp1252"))
    assert load_story(path).text.endswith("Caf\u00e9")
    assert capsys.readouterr().err == f"quizgen: {path}: note: not UTF-8; read as cp1252\n"


def test_a_one_megabyte_single_line_does_not_crash():
    line = ("The minister said the plan would cost $3 billion and " * 20000)[:1_000_000]
    facts_of(HEAD + line)


def test_right_to_left_and_zero_width_characters_are_kept_verbatim():
    text = HEAD + "Minister \u200bDana\u200d Levi said \u05e9\u05dc\u05d5\u05dd to \u202ereporters\u202c on Tuesday."
    story = parse_story(text, "rtl.txt")
    assert "\u05e9\u05dc\u05d5\u05dd" in story.text
    extract_facts(story)


def test_html_and_script_tags_are_plain_text_to_the_extractor():
    text = HEAD + '<script>alert("x")</script> Finance Minister <b>Ana Ruiz</b> said "cuts &amp; taxes".'
    for fact in facts_of(text):
        assert fact.sentence in parse_story(text, "x.txt").text


@pytest.mark.parametrize("text", [
    "Only a title",
    "1,200 3,400 5,600\n\n7.8 9.1 2.3\n\n| 4 | 5 | 6 |",
    "\x07\x08\x1b[31m Control characters \x7f everywhere.\n\nAnd more.",
    "...\n\n!!!\n\n???",
    "\u0000\u0001",
])
def test_stories_without_sentences_or_names_give_zero_or_more_facts(text):
    assert isinstance(facts_of(text), list)


def test_control_characters_are_stripped_from_story_text():
    story = parse_story("Title\n\nA\x07 bell and a\x1b escape.", "c.txt")
    assert "\x07" not in story.text and "\x1b" not in story.text
