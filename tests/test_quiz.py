"""The self-test: lenient answer checking, FSRS scheduling, scripted sessions, safe state."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import run_quizgen
from quizgen.bank import select_questions, write_bank
from quizgen.models import Bank, Question, StoryRef
from quizgen.quiz.checker import check
from quizgen.quiz.schedule import load_state, record
from quizgen.quiz.merge import merge_banks
from quizgen.quiz.session import QuizOptions, pick_questions

SOURCE = "Foreign Minister Madeleine Albright met some 37,000 U.S. troops in Seoul on Friday."


def q(type_: str, answer: str, choices=(), accepted=(), prompt="") -> Question:
    return Question(id=f"{type_}-{answer}", type=type_, prompt=prompt or f"Which {type_} answer is {answer}?",
                    answer=answer, source=SOURCE,
                    choices=list(choices), accepted=list(accepted), story="seoul", fact={"type": "role"})


PERSON = q("short", "Madeleine Albright", accepted=["Albright"])
NUMBER = q("short", "37,000", accepted=["37000", "thirty-seven thousand"])
POSITION = q("short", "Foreign Minister")
PLACE = q("short", "United States", accepted=["U.S.", "America"])
MCQ = q("mcq", "Madeleine Albright", choices=["Madeleine Allbright", "Madeleine Albright", "Kim Dae-jung", "Jiang Zemin"])
TF_TRUE = q("truefalse", "True", choices=["True", "False"])
TF_FALSE = q("truefalse", "False", choices=["True", "False"])
CLOZE = q("cloze", "50-year", accepted=["50"])

CASES = [
    (PERSON, "Madeleine Albright", True), (PERSON, "madeleine albright", True), (PERSON, "Albright", True),
    (PERSON, "albright", True), (PERSON, "  ALBRIGHT. ", True), (PERSON, "Madeline Albright", True),
    (PERSON, "Albrite", False), (PERSON, "Madeleine", False), (PERSON, "Jiang Zemin", False), (PERSON, "", False),
    (NUMBER, "37,000", True), (NUMBER, "37000", True), (NUMBER, "thirty-seven thousand", True),
    (NUMBER, "some 37,000", True), (NUMBER, "37 000", True), (NUMBER, "37,001", False), (NUMBER, "3700", False),
    (NUMBER, "about 37000", True),
    (POSITION, "foreign minister", True), (POSITION, "The Foreign Minister", True), (POSITION, "Foreign Ministr", True),
    (POSITION, "Foriegn Minister", True), (POSITION, "Prime Minister", False), (POSITION, "minister", False),
    (PLACE, "the United States", True), (PLACE, "U.S.", True), (PLACE, "US", True), (PLACE, "America", True),
    (PLACE, "United Kingdom", False),
    (MCQ, "B", True), (MCQ, "b", True), (MCQ, "b)", True), (MCQ, "A", False), (MCQ, "Madeleine Allbright", False),
    (MCQ, "madeleine albright", True), (MCQ, "E", False),
    (TF_TRUE, "t", True), (TF_TRUE, "true", True), (TF_TRUE, "f", False), (TF_FALSE, "F", True),
    (TF_FALSE, "false", True), (TF_FALSE, "yes", False), (TF_FALSE, "maybe", False),
    (CLOZE, "50-year", True), (CLOZE, "50", True), (CLOZE, "50 year", True), (CLOZE, "60-year", False),
]


@pytest.mark.parametrize("question, typed, expected", CASES)
def test_answer_checker(question, typed, expected):
    assert check(question, typed).correct is expected


def test_the_checker_table_is_big_enough():
    assert len(CASES) >= 40


def test_a_wrong_answer_is_due_again_sooner_than_a_right_one(tmp_path):
    state = load_state(tmp_path / "state.json")
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    wrong = record(state, "a", "again", now=now)
    right = record(state, "b", "good", now=now)
    hard = record(state, "c", "hard", now=now)
    assert wrong.due < hard.due <= right.due
    reloaded = load_state(tmp_path / "state.json")
    assert set(reloaded.cards) == {"a", "b", "c"} and len(reloaded.reviews) == 3


def test_due_only_asks_what_is_due(tmp_path):
    state = load_state(tmp_path / "state.json")
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    items = merge_banks([Bank(StoryRef("seoul", "Albright in Seoul", "seoul.txt"), [PERSON, NUMBER, POSITION])])
    record(state, PERSON.id, "good", now=now)
    record(state, NUMBER.id, "again", now=now)
    later = now + timedelta(minutes=2)
    due = pick_questions(items, state, QuizOptions(due_only=True), now=later)
    assert [x.question.id for x in due] == [NUMBER.id]      # the wrong answer is back; new and later ones wait


def test_corrupt_state_is_moved_aside_not_overwritten(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{not json", encoding="utf-8")
    state = load_state(path)
    assert "moved to" in state.notice
    assert (tmp_path / "state.json.broken-1").read_text(encoding="utf-8") == "{not json"
    assert state.cards == {}


def test_foreign_state_file_is_moved_aside(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"some": "other app"}), encoding="utf-8")
    assert "not a quizgen study state" in load_state(path).notice


@pytest.fixture
def bank(tmp_path) -> Path:
    questions = [PERSON, NUMBER, MCQ, TF_TRUE, CLOZE]
    for question in questions:
        question.story = "seoul"
    path = tmp_path / "bank" / "seoul.yaml"
    write_bank(Bank(StoryRef("seoul", "Albright in Seoul", "seoul.txt"), questions), path)
    return path


def test_scripted_session_reads_one_answer_per_line(bank, tmp_path):
    state = tmp_path / "state.json"
    typed = {PERSON.id: "albright", NUMBER.id: "37000", MCQ.id: "?\nb", TF_TRUE.id: "t", CLOZE.id: "50-year"}
    order = pick_questions(merge_banks(select_questions([bank]).banks), load_state(state), QuizOptions(seed=1))
    result = run_quizgen("quiz", str(bank), "--state", str(state), "--seed", "1",
                         stdin="".join(typed[item.question.id] + "\n" for item in order))
    assert result.code == 0, result.err
    assert result.out.count("Right!") == 5
    assert "Score: 5/5" in result.out and "Hint: it is one of" in result.out
    assert "Albright in Seoul: " + SOURCE in " ".join(result.out.split())
    reviews = json.loads(state.read_text())["reviews"]
    assert sorted(r["rating"] for r in reviews) == ["good", "good", "good", "good", "hard"]
    stats = run_quizgen("quiz", str(bank), "--state", str(state), "--stats")
    assert "All reviews: 5/5 right." in stats.out


def test_quit_saves_and_resume_continues(bank, tmp_path):
    state = tmp_path / "state.json"
    first = run_quizgen("quiz", str(bank), "--state", str(state), "--seed", "2", stdin="wrong\nq\n")
    assert "Not quite" in first.out and "Score: 0/1" in first.out
    assert len(json.loads(state.read_text())["reviews"]) == 1
    again = run_quizgen("quiz", str(bank), "--state", str(state), "--seed", "2", stdin="s\ns\ns\ns\ns\n")
    assert again.code == 0 and "Skipped." in again.out


def test_empty_selection_says_which_filter_left_nothing(bank, tmp_path):
    result = run_quizgen("quiz", str(bank), "--state", str(tmp_path / "s.json"), "--type", "matching")
    assert result.code == 2
    assert "--type matching" in result.err and "Traceback" not in result.err


KILLS = int(os.environ.get("QUIZGEN_KILLS", "5"))


def test_sigkill_mid_quiz_keeps_every_saved_review(bank, tmp_path):
    state = tmp_path / "state.json"
    rng = random.Random(99)
    seen = 0
    for _ in range(KILLS):
        process = subprocess.Popen([sys.executable, "-m", "quizgen", "quiz", str(bank), "--state", str(state)],
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        process.stdin.write(b"x\n" * 5)
        process.stdin.flush()
        time.sleep(rng.uniform(0.2, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if state.exists():
            reviews = load_state(state).reviews          # loads: never half-written
            assert len(reviews) >= seen
            seen = len(reviews)
            assert not load_state(state).notice


def test_a_one_letter_choice_typed_out_means_that_choice_not_a_letter():
    question = q("mcq", "x", choices=["A", "", "d", "x"])
    assert not check(question, "d").correct          # the choice "d", not the fourth letter
    assert check(question, "x").correct and check(question, "D").correct is False
