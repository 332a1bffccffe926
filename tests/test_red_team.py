"""The red-team findings of issue 13 outside the bank itself: escaping per target,
bounded work, and clean ends (one line, the right exit code, never a traceback)."""
from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import run_quizgen
from quizgen.bank import select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.models import Bank, Question, StoryRef
from quizgen.stories import split_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
STORY = FIXTURES / "harbour_talks.txt"


def one_question_bank(folder: Path, **fields) -> Path:
    values = dict(id="q1", type="short", prompt="Who?", answer="Dahl", source="Dahl said so.", story="s")
    values.update(fields)
    return write_bank(Bank(StoryRef("s", "Story", "s.txt"), [Question(**values)]), folder / "s.yaml")


# 5. Escaping per target.
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_spreadsheet_formulas_from_story_text_arrive_as_text(tmp_path, fmt):
    one_question_bank(tmp_path, prompt='=HYPERLINK("http://x.invalid","click")', answer="@SUM(A1)")
    out = export(select_questions([tmp_path]), tmp_path / f"x.{fmt}", fmt)
    row = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8")), delimiter="\t" if fmt == "tsv" else ","))
    assert row[0] == "'" + '=HYPERLINK("http://x.invalid","click")' and row[1] == "'@SUM(A1)"


def test_a_plain_negative_number_is_not_taken_for_a_formula(tmp_path):
    one_question_bank(tmp_path, answer="-5%")
    out = export(select_questions([tmp_path]), tmp_path / "x.csv", "csv")
    assert next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))[1] == "-5%"


def test_gift_escapes_story_html(tmp_path):
    one_question_bank(tmp_path, prompt='<img src=x onerror=alert(1)> and <script>alert(2)</script>?')
    text = export(select_questions([tmp_path]), tmp_path / "x.gift", "gift").read_text(encoding="utf-8")
    assert "<img" not in text and "<script" not in text
    assert "[html]&lt;img src\\=x onerror\\=alert(1)&gt;" in text


def test_moodle_xml_parses_whatever_characters_the_story_holds(tmp_path):
    one_question_bank(tmp_path, prompt="Tab\tvertical\vform\ffeed\x00nul \uffff end", answer="x\x1by")
    out = export(select_questions([tmp_path]), tmp_path / "x.xml", "moodle-xml")
    question = ElementTree.parse(out).getroot().find("question[@type='shortanswer']")
    assert question.findtext("questiontext/text") == "Tab\tverticalformfeednul  end"


# 8. Bounded nesting: one line, never a crash.
@pytest.mark.parametrize("depth", [500, 30_000])
def test_deeply_nested_banks_get_one_line_from_every_command(tmp_path, depth):
    bank = tmp_path / "bank" / "deep.yaml"
    bank.parent.mkdir()
    bank.write_text("story: {id: deep}\nquestions: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    for command in (("validate", str(bank)), ("export", str(bank), "-o", str(tmp_path / "x.csv"))):
        result = run_quizgen(*command)
        assert result.code == 1, result
        assert "nested more than 64 levels" in (result.out + result.err) and "Traceback" not in result.err
    (tmp_path / "deep.txt").write_text(STORY.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_quizgen("generate", str(tmp_path / "deep.txt"), "--bank", str(bank.parent))
    assert result.code == 1 and "nested more than 64 levels" in result.err


# 9. No hangs on special files or link loops.
def test_a_fifo_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run_quizgen("generate", str(fifo), "--bank", str(tmp_path / "bank"), timeout=20)
    assert result.code == 2 and "not a regular file" in result.err


def test_a_recursive_glob_does_not_follow_folder_links(tmp_path):
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "story.txt").write_text(STORY.read_text(encoding="utf-8"), encoding="utf-8")
    for name in "abcd":
        (loop / name).symlink_to(loop)
    started = time.monotonic()
    result = run_quizgen("extract", str(loop / "**" / "*.txt"), timeout=60)
    assert result.code == 0 and time.monotonic() - started < 20
    assert result.out.count('"story": "story.txt"') >= 1


# 10. Sentence splitting is linear.
def test_a_paragraph_of_initials_splits_in_linear_time():
    def seconds(size: int) -> float:
        text = ("A. B. C. D. e " * (size // 14))[:size]
        started = time.perf_counter()
        split_sentences(text)
        return time.perf_counter() - started

    small, large = seconds(20_000), seconds(160_000)
    assert large < max(0.5, small * 20)       # 8x the text; quadratic would be 64x


# 11. Numbers of any length.
def test_a_number_of_four_hundred_digits_is_no_quantity_and_breaks_nothing(tmp_path):
    story = tmp_path / "big.txt"
    story.write_text("Troops sent\n\nThe army sent " + "9" * 400 + " troops to the border on Monday, "
                     "officials said. Foreign Minister Ana Ruiz said 12 soldiers died on Monday.\n", encoding="utf-8")
    result = run_quizgen("build", str(story), "--bank", str(tmp_path / "bank"), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "quizgen.apkg").exists()


# 13. Internal errors become one line.
def test_a_template_placeholder_with_a_format_spec_is_one_line(tmp_path):
    for prompt in ("{title!x}", "{title:>300000000}", "{person.__class__}"):
        mine = tmp_path / "mine.yaml"
        mine.write_text(f'- id: role.position\n  fact: role\n  types: [short]\n  prompt: "Who {prompt}?"\n'
                        "  answer: title\n  kind: position\n", encoding="utf-8")
        result = run_quizgen("generate", str(STORY), "--bank", str(tmp_path / "bank"), "--templates", str(mine))
        assert result.code == 1 and f"{mine}:1:" in result.err and "bad placeholder" in result.err


def test_writing_into_a_read_only_folder_or_under_a_file_is_one_line(tmp_path):
    one_question_bank(tmp_path)
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o555)
    outputs = [afile / "x.apkg", afile / "x.csv"]
    if os.geteuid() != 0:          # root writes anywhere
        outputs += [locked / "x.apkg"]
    for out in outputs:
        command = "anki" if out.suffix == ".apkg" else "export"
        result = run_quizgen(command, str(tmp_path / "s.yaml"), "-o", str(out))
        assert result.code == 1 and result.err.startswith("quizgen: error: ") and "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) == 1


# 14. Ctrl-C and broken pipes.
def test_ctrl_c_during_a_parallel_build_says_interrupted_once(tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    for copy in range(150):
        for story in FIXTURES.glob("*.txt"):
            (stories / f"{story.stem}_{copy:03d}.txt").write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "quizgen", "build", str(stories), "--jobs", "2",
                                "--bank", str(tmp_path / "bank"), "--out", str(tmp_path / "out")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(3)
    os.killpg(process.pid, signal.SIGINT)       # as a terminal does: the whole process group
    _, err = process.communicate(timeout=60)
    err = err.decode()
    assert process.returncode == 130 and err.strip().endswith("quizgen: interrupted")
    assert "Traceback" not in err and err.count("interrupted") == 1


def test_output_piped_into_head_ends_with_success(tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    for copy in range(60):
        (stories / f"s{copy}.txt").write_text(STORY.read_text(encoding="utf-8"), encoding="utf-8")
    pipeline = subprocess.run(f"{sys.executable} -m quizgen extract {stories} --jobs 1 | head -c 200 >/dev/null;"
                              " echo ${PIPESTATUS[0]}", shell=True, executable="/bin/bash",
                              capture_output=True, text=True, timeout=120)
    assert pipeline.stdout.strip() == "0" and "Traceback" not in pipeline.stderr
