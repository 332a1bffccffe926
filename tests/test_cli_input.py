"""Bad input at the command line: one line on stderr naming the file, the right exit code."""
from __future__ import annotations

import re

from quizgen import __version__

STORY = """Ministers meet on trade

Foreign Minister Ana Lorca met Trade Secretary Olu Bade in Lisbon on Tuesday.

"We agreed on the next steps," Lorca told reporters after the talks.
"""


def assert_one_line_error(result, code: int, mentions: str = "") -> None:
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert result.code == code, result.err
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    assert mentions in lines[0]


def test_version_prints_the_package_version(quizgen):
    result = quizgen("--version")
    assert result.code == 0
    assert result.out.strip() == f"quizgen {__version__}"


def test_help_lists_every_command(quizgen):
    result = quizgen("--help")
    assert result.code == 0
    for command in ("extract", "generate", "build", "anki", "print", "export", "quiz", "validate"):
        assert re.search(rf"\b{command}\b", result.out), command


def test_unknown_option_is_a_one_line_usage_error(quizgen):
    assert_one_line_error(quizgen("extract", "--frobnicate", "x.txt"), 2, "--frobnicate")


def test_missing_story_file_is_a_usage_error_naming_it(quizgen, tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert_one_line_error(quizgen("extract", str(missing)), 2, str(missing))


def test_folder_without_stories_is_a_usage_error(quizgen, tmp_path):
    (tmp_path / "notes.md").write_text("not a story")
    assert_one_line_error(quizgen("generate", str(tmp_path), "--bank", str(tmp_path / "b")), 2, str(tmp_path))


def test_empty_story_is_bad_data_naming_the_file(quizgen, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ")
    assert_one_line_error(quizgen("extract", str(empty)), 1, "empty.txt")


def test_binary_story_is_bad_data_naming_file_and_line(quizgen, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"first line\nsecond\x00\xff\xfe")
    assert_one_line_error(quizgen("extract", str(binary)), 1, "image.txt:2")


def test_non_utf8_story_is_read_with_a_note_naming_file_and_encoding(quizgen, tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(STORY.replace("Lorca", "L\u00f3rca").encode("latin-1"))
    result = quizgen("extract", str(latin))
    assert result.code == 0, result.err
    assert result.err.strip() == f"quizgen: {latin}: note: not UTF-8; read as cp1252"
    assert "L\u00f3rca" in result.out


def test_a_bad_story_does_not_stop_the_others(quizgen, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    result = quizgen("extract", str(bad), str(good))
    assert result.code == 1
    assert "bad.txt" in result.err and "Traceback" not in result.err
    assert '"story": "good.txt"' in result.out


def test_story_from_stdin_with_a_bom(quizgen):
    result = quizgen("extract", "-", stdin="\ufeff" + STORY)
    assert result.code == 0, result.err
    assert result.out.startswith("{")


def test_unknown_format_is_a_usage_error(quizgen, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    assert_one_line_error(quizgen("extract", str(good), "--format", "xml"), 2, "xml")


def test_missing_bank_folder_is_a_usage_error(quizgen, tmp_path):
    assert_one_line_error(quizgen("anki", str(tmp_path / "no_bank")), 2, "no_bank")
