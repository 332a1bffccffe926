"""SIGKILL `quizgen generate` at random points: every bank still loads and nothing is lost.

QUIZGEN_KILLS sets the number of kills (a few in CI; `QUIZGEN_KILLS=200` for the long run).
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from quizgen.bank import read_bank

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
KILLS = int(os.environ.get("QUIZGEN_KILLS", "5"))


def many_stories(folder: Path, copies: int = 20) -> Path:
    """Enough stories that a run takes long enough to be killed part-way."""
    for copy in range(copies):
        for story in FIXTURES.glob("*.txt"):
            shutil.copy(story, folder / f"{story.stem}_{copy:03d}.txt")
    return folder


def generate(stories: Path, bank: Path, seed: int = 0) -> subprocess.Popen:
    """Each seed is a change of rules, so every bank is merged and written again."""
    return subprocess.Popen([sys.executable, "-m", "quizgen", "--quiet", "generate", str(stories),
                             "--bank", str(bank), "--jobs", "1", "--seed", str(seed)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def approve_first_question(path: Path) -> str:
    """Edit the bank as a person would: text substitution, plus a comment."""
    text = path.read_text(encoding="utf-8")
    question_id = read_bank(path).questions[0].id
    text = text.replace("status: draft", "status: approved  # checked in class", 1)
    path.write_text(text, encoding="utf-8")
    return question_id


def test_sigkill_during_generate_leaves_every_bank_whole(tmp_path):
    (tmp_path / "stories").mkdir()
    stories = many_stories(tmp_path / "stories")
    bank = tmp_path / "bank"
    assert generate(stories, bank).wait(timeout=300) == 0
    before = {path.name: {q.id for q in read_bank(path).questions} for path in bank.glob("*.yaml")}
    edited = sorted(bank.glob("*.yaml"))[0]
    approved_id = approve_first_question(edited)
    rng = random.Random(1234)
    for kill in range(KILLS):
        process = generate(stories, bank, seed=kill + 1)
        time.sleep(rng.uniform(0.05, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        for path in bank.glob("*.yaml"):
            questions = read_bank(path).questions      # loads: never half-written
            assert before[path.name] <= {q.id for q in questions}
        status = {q.id: q.status for q in read_bank(edited).questions}
        assert status[approved_id] == "approved"
        assert "# checked in class" in edited.read_text(encoding="utf-8")


ROUNDS = int(os.environ.get("QUIZGEN_ROUNDS", "5"))


def test_a_save_during_generate_is_never_lost(tmp_path):
    """A person saves the bank (read, edit, write whole) at a random moment of each merge."""
    story = FIXTURES / "harbour_talks.txt"
    bank = tmp_path / "bank"
    assert subprocess.run([sys.executable, "-m", "quizgen", "-q", "generate", str(story), "--bank", str(bank)]).returncode == 0
    path = bank / "harbour-talks.yaml"
    rng = random.Random(99)
    for round_number in range(ROUNDS):
        process = subprocess.Popen([sys.executable, "-m", "quizgen", "-q", "generate", str(story), "--bank", str(bank),
                                    "--seed", str(round_number + 1)], stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.0, 0.8))
        text = path.read_text(encoding="utf-8")
        temporary = path.with_name(".editor-save")
        temporary.write_text(text + f"# note {round_number}\n", encoding="utf-8")
        os.replace(temporary, path)
        _, err = process.communicate(timeout=120)
        assert process.returncode in (0, 1), err
        assert process.returncode == 0 or b"kept changing" in err
        saved = path.read_text(encoding="utf-8")
        assert all(f"# note {n}\n" in saved for n in range(round_number + 1))
        read_bank(path)
