"""Batch builds: a folder of a few hundred stories gives the same output at any --jobs."""
from __future__ import annotations

import random
import sqlite3
import zipfile
from pathlib import Path

import pytest

from conftest import run_quizgen

GIVEN = ["Ana", "Boris", "Chen", "Dara", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kofi", "Lena"]
FAMILY = ["Arvid", "Basso", "Castell", "Drummond", "Eskola", "Farrow", "Galan", "Hale", "Ibarra", "Jovic"]
TITLES = ["Foreign Minister", "Prime Minister", "President", "Finance Minister", "Defence Secretary"]
PLACES = ["Lisbon", "Oslo", "Nairobi", "Lima", "Hanoi", "Warsaw", "Accra", "Quito"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_story(rng: random.Random, number: int) -> str:
    """A small news story from random parts: never corpus text."""
    a = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    b = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    while b == a:
        b = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    place, day = rng.choice(PLACES), rng.choice(DAYS)
    amount = rng.randint(2, 900) * 1000
    return (f"Talks number {number} held in {place}\n\n"
            f"{rng.choice(TITLES)} {a} met {rng.choice(TITLES)} {b} in {place} on {day}.\n\n"
            f"{a.split()[1]} said the plan would cost some ${amount:,} and would help "
            f"{rng.randint(3, 90)} towns.\n\n"
            f'"We have made real progress," {a.split()[1]} told reporters on {day}.\n')


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("stories")
    rng = random.Random(7)
    for number in range(300):
        sub = folder / f"batch{number % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"story_{number:04d}.txt").write_text(synthetic_story(rng, number), encoding="utf-8")
    return folder


def build(stories: Path, work: Path, jobs: int) -> Path:
    result = run_quizgen("--quiet", "build", str(stories), "--bank", str(work / "bank"),
                         "--out", str(work / "decks"), "--jobs", str(jobs), timeout=600)
    assert result.code == 0, result.err
    assert result.err == ""          # --quiet: no progress bars, no summaries
    return work


def deck_notes(apkg: Path) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(apkg) as package:
        data = package.read("collection.anki2")
    db_path = apkg.with_suffix(".anki2")
    db_path.write_bytes(data)
    with sqlite3.connect(db_path) as db:
        return sorted(db.execute("SELECT guid, flds, tags FROM notes").fetchall())


def test_jobs_two_gives_the_same_banks_and_deck_as_jobs_one(stories, tmp_path):
    one = build(stories, tmp_path / "one", 1)
    two = build(stories, tmp_path / "two", 2)
    banks_one = sorted((one / "bank").glob("*.yaml"))
    assert len(banks_one) == 300
    for path in banks_one:
        assert path.read_bytes() == (two / "bank" / path.name).read_bytes(), path.name
    assert deck_notes(one / "decks" / "quizgen.apkg") == deck_notes(two / "decks" / "quizgen.apkg")
    assert len(deck_notes(one / "decks" / "quizgen.apkg")) >= 300


def test_a_failing_story_is_reported_at_the_end_and_does_not_stop_the_rest(stories, tmp_path):
    broken = tmp_path / "stories"
    broken.mkdir()
    for path in sorted(stories.rglob("*.txt"))[:20]:
        (broken / path.name).write_bytes(path.read_bytes())
    (broken / "zz_broken.txt").write_bytes(b"\x00\x01 not text")   # binary: a NUL and no byte-order mark
    result = run_quizgen("build", str(broken), "--bank", str(tmp_path / "bank"),
                         "--out", str(tmp_path / "decks"), "--jobs", "2")
    assert result.code == 1
    assert len(list((tmp_path / "bank").glob("*.yaml"))) == 20
    assert result.err.strip().splitlines()[-1].startswith("quizgen: ")
    assert "zz_broken.txt" in result.err
    assert "Traceback" not in result.err


def test_two_files_with_the_same_name_do_not_share_a_bank(stories, tmp_path):
    source = sorted(stories.rglob("*.txt"))[0]
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_bytes(source.read_bytes())
    result = run_quizgen("generate", str(tmp_path / "a"), str(tmp_path / "b"), "--bank", str(tmp_path / "bank"))
    assert result.code == 1
    assert f"{tmp_path / 'b' / 'same.txt'}: same story id 'same'" in result.err
    assert len(list((tmp_path / "bank").glob("*.yaml"))) == 1
