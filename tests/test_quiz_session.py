"""The self-test as a learner meets it: merged questions, story titles, wrapping, "I was right",
matching at the terminal, global flags anywhere, and a state file two sessions can share."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_quizgen
from quizgen.bank import select_questions, write_bank
from quizgen.models import Bank, Question, StoryRef
from quizgen.quiz.merge import merge_banks
from quizgen.quiz.schedule import load_state
from quizgen.quiz.session import QuizOptions, Terminal, check_matching, matching_columns, pick_questions

SOURCE_A = "Harbour Minister Ola Brekke opened the new pier on Tuesday evening, officials said."
SOURCE_B = "The pier was opened on Tuesday evening by Harbour Minister Ola Brekke."


def question(story: str, name: str, prompt: str, answer: str, source: str, **extra) -> Question:
    return Question(id=f"{story}-{name}", type=extra.pop("type", "short"), prompt=prompt, answer=answer,
                    source=source, story=story, fact={"type": extra.pop("fact_type", "date")}, **extra)


WHEN = "When did Ola Brekke open the pier?"
WHO = "Who opened the pier?"
MATCH = question("pier", "match", "Match each person to their position.",
                 "Ola Brekke — Harbour Minister; Siv Lunde — Mayor; Arne Vik — Port Captain", SOURCE_A, type="matching",
                 fact_type="role", pairs=[["Ola Brekke", "Harbour Minister"], ["Siv Lunde", "Mayor"],
                                          ["Arne Vik", "Port Captain"]])


@pytest.fixture
def banks(tmp_path) -> Path:
    folder = tmp_path / "bank"
    write_bank(Bank(StoryRef("pier", "Brekke opens the long-awaited harbour pier", "pier.txt"), [
        question("pier", "when", WHEN, "Tuesday evening", SOURCE_A),
    ]), folder / "pier.yaml")
    write_bank(Bank(StoryRef("ferry", "Ferry timetable changes", "ferry.txt"), [
        question("ferry", "when", WHEN, "Tuesday evening", SOURCE_B),
        question("ferry", "who", WHO, "Ola Brekke", SOURCE_B, accepted=["Brekke"]),
    ]), folder / "ferry.yaml")
    return folder


def quiz(banks: Path, state: Path, answers: str | dict[str, str], *extra: str):
    """Run a scripted session; a dict gives the lines to type for each prompt, in the order asked."""
    if isinstance(answers, dict):
        items = pick_questions(merge_banks(select_questions([banks]).banks), load_state(state), QuizOptions(seed=3))
        answers = "".join(answers[item.question.prompt] for item in items)
    return run_quizgen("quiz", str(banks), "--state", str(state), "--seed", "3", *extra, stdin=answers)


def _asked_first(banks: Path, state: Path) -> str:
    items = pick_questions(merge_banks(select_questions([banks]).banks), load_state(state), QuizOptions(seed=3))
    return items[0].question.prompt


def test_a_question_two_stories_ask_is_asked_once_and_recorded_for_both(banks, tmp_path):
    state = tmp_path / "state.json"
    result = quiz(banks, state, {WHEN: "tuesday evening\n", WHO: "brekke\n"})
    assert result.code == 0, result.err
    assert result.out.count("Question ") == 2 and "of 2" in result.out
    assert "asked in 2 stories" in result.out
    flat = " ".join(result.out.split())
    assert "Brekke opens the long-awaited harbour pier: " + SOURCE_A in flat
    assert "Ferry timetable changes: " + SOURCE_B in flat
    assert {"pier-when", "ferry-when", "ferry-who"} <= set(json.loads(state.read_text())["cards"])


def test_a_wrong_mark_can_be_overruled_with_r_and_is_recorded_as_such(banks, tmp_path):
    state = tmp_path / "state.json"
    result = quiz(banks, state, {WHEN: "thursday night\n", WHO: "r\nbrekke\n"} if _asked_first(banks, state) == WHEN
                  else {WHO: "brekke\n", WHEN: "thursday night\nr\n"})
    assert result.code == 0, result.err
    assert "Not quite" in result.out and "Marked right. Score: " in result.out
    assert "Score: 2/2" in result.out and "Weakest" not in result.out
    reviews = json.loads(state.read_text())["reviews"]
    overruled = [r for r in reviews if r["self_marked"]]
    assert len(overruled) == 1 and overruled[0]["rating"] == "good"
    first = load_state(state).cards["pier-when"]
    assert first.due > first.last_review.replace(microsecond=0)        # scheduled as a right answer


def test_the_last_wrong_answer_can_be_overruled_too(banks, tmp_path):
    state = tmp_path / "state.json"
    last_asked = WHO if _asked_first(banks, state) == WHEN else WHEN
    result = quiz(banks, state, {WHEN: "tuesday evening\n", WHO: "brekke\n", last_asked: "nobody\nr\n"})
    assert "Marked right. Score: 2/2" in result.out, result.out


def test_weakest_stories_are_named_by_title(banks, tmp_path):
    state = tmp_path / "state.json"
    result = quiz(banks, state, {WHEN: "tuesday evening\n", WHO: "nobody\n\n"})
    assert "Weakest stories: Ferry timetable changes (0/1)" in " ".join(result.out.split())
    stats = run_quizgen("quiz", str(banks), "--state", str(state), "--stats")
    assert "Ferry timetable changes" in stats.out and "ferry (" not in stats.out


def test_lines_wrap_to_the_width_without_breaking_words():
    lines: list[str] = []
    Terminal(lines.append, width=24)("Brekke opens the long-awaited harbour pier: extraordinarily-hyphenated-words stay")
    assert all(len(line) <= 24 or " " not in line.strip() for line in lines)
    assert "extraordinarily-hyphenated-words" in [word for line in lines for word in line.split()]


@pytest.mark.parametrize("typed", ["{}", "{} ", "1{} 2{} 3{}", "1-{}, 2-{}, 3-{}"])
def test_matching_answers_in_several_spellings(typed):
    _, rights = matching_columns(MATCH)
    letters = ["ABC"[rights.index(right)] for _, right in MATCH.pairs]
    text = typed.format(*letters) if "1" in typed else " ".join(letters) if typed.endswith(" ") else "".join(letters)
    assert check_matching(MATCH, text).correct
    assert not check_matching(MATCH, "".join(reversed(letters))).correct
    assert not check_matching(MATCH, letters[0]).correct


def test_matching_questions_are_asked_at_the_terminal(tmp_path):
    folder = tmp_path / "bank"
    write_bank(Bank(StoryRef("pier", "Pier", "pier.txt"), [MATCH]), folder / "pier.yaml")
    _, rights = matching_columns(MATCH)
    answer = "".join("ABC"[rights.index(right)] for _, right in MATCH.pairs)
    result = quiz(folder, tmp_path / "state.json", answer + "\n")
    assert result.code == 0, result.err
    assert "1. Ola Brekke" in result.out and "Right!" in result.out and "Score: 1/1" in result.out


def test_global_flags_may_follow_the_command(banks, tmp_path):
    result = run_quizgen("anki", str(banks), "-o", str(tmp_path / "d.apkg"), "--quiet")
    assert result.code == 0 and result.err == "", result.err
    debug = run_quizgen("quiz", str(banks), "--state", str(tmp_path), "--debug")
    assert debug.code == 2 and "is a folder" in debug.err


def test_a_state_path_that_is_a_folder_is_a_one_line_error(banks, tmp_path):
    result = run_quizgen("quiz", str(banks), "--state", str(tmp_path), "--stats")
    assert result.code == 2 and result.err.count("\n") == 1 and "Traceback" not in result.err


def test_a_state_without_time_zones_is_moved_aside(banks, tmp_path):
    state = tmp_path / "state.json"
    quiz(banks, state, {WHEN: "tuesday evening\n", WHO: "brekke\n"})
    doc = json.loads(state.read_text())
    for card in doc["cards"].values():
        card["due"] = card["due"][:19]          # 2026-11-23T15:00:00, no zone
    state.write_text(json.dumps(doc), encoding="utf-8")
    result = run_quizgen("quiz", str(banks), "--state", str(state), "--stats")
    assert result.code == 0 and "moved to" in result.err and "time zone" in result.err
    assert (tmp_path / "state.json.broken-1").exists()


SESSION = """
import sys
from pathlib import Path
from quizgen.quiz.schedule import load_state, record
state = load_state(Path(sys.argv[1]))
for n in range(int(sys.argv[3])):
    record(state, f"{sys.argv[2]}-{n}", "good" if n % 2 else "again")
"""


def two_sessions(state: Path, reviews: int) -> int:
    runs = [subprocess.Popen([sys.executable, "-c", SESSION, str(state), name, str(reviews)])
            for name in ("left", "right")]
    assert all(run.wait(timeout=120) == 0 for run in runs)
    return len(load_state(state).reviews)


ROUNDS = 3


def test_two_sessions_sharing_a_state_lose_no_review(tmp_path):
    for round_number in range(ROUNDS):
        state = tmp_path / f"state-{round_number}.json"
        assert two_sessions(state, 20) == 40
        assert len(load_state(state).cards) == 40
