"""The browser's and Anki's answer marking agrees with the self-test's, case by case.

answer_check.js is run by Node when it is installed (the browser tests run it in
Chromium too); the Python checker is the reference.
"""
from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from quizgen.quiz.checker import check, portable_key, portable_rules
from test_quiz import CASES, CLOZE, NUMBER, PERSON, PLACE, POSITION, q

SCRIPT = Path(__file__).resolve().parents[1] / "quizgen" / "export" / "answer_check.js"
NODE = shutil.which("node") or shutil.which("nodejs")
PUNCTUATION = q("short", "%")
BARE_NUMBER = q("short", "4,500")
TYPED_QUESTIONS = (PERSON, NUMBER, POSITION, PLACE, CLOZE, PUNCTUATION, BARE_NUMBER)

RUNNER = """
require(process.argv[1]);
const checker = globalThis.quizgenAnswerCheck(JSON.parse(process.argv[2]));
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map(([key, typed]) => checker.check(key, typed))));
"""


def javascript_verdicts(cases: list[tuple]) -> list[dict]:
    if NODE is None:
        pytest.skip("node is not installed: the browser tests check answer_check.js in Chromium instead")
    payload = json.dumps([[portable_key(question), typed] for question, typed in cases])
    result = subprocess.run([NODE, "-e", RUNNER, str(SCRIPT), json.dumps(portable_rules())],
                            input=payload, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_javascript_marks_the_self_test_cases_as_python_does():
    cases = [(question, typed) for question, typed, _ in CASES if question in TYPED_QUESTIONS]
    for (question, typed), verdict in zip(cases, javascript_verdicts(cases)):
        expected = check(question, typed)
        assert (verdict["correct"], verdict["typo"]) == (expected.correct, expected.typo), (question.answer, typed)


def test_javascript_and_python_agree_on_thousands_of_typed_answers():
    rng = random.Random(7)
    seeds = ["four thousand five hundred", "Four-thousand five hundred", "4500", "%", " % ", "—", "Albright", "albrite", "37 thousand", "$37,000", "about 37000", "thirty seven thousand",
             "the U.S.", "Foreign Ministr", "50", "50 years", "ALBRIGHT!", "Mädeleine Albright"]
    alphabet = "aAbBlrigtht37,0. -'’$é"
    typed = seeds + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))) for _ in range(1000)]
    cases = [(rng.choice(TYPED_QUESTIONS), text) for text in typed]
    for _ in range(2000):       # near misses: the answers with one to three slips
        question = rng.choice(TYPED_QUESTIONS)
        text = rng.choice([question.answer, *question.accepted])
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(["", rng.choice(alphabet)]) + text[at + rng.randint(0, 1):]
        cases.append((question, text))
    for (question, text), verdict in zip(cases, javascript_verdicts(cases)):
        expected = check(question, text)
        assert (verdict["correct"], verdict["typo"]) == (expected.correct, expected.typo), (question.answer, text)
