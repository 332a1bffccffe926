"""Export benchmark: 20,000 questions to .apkg, and a 50-question, 4-version PDF quiz.

    python benchmarks/bench_export.py
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from quizgen.bank import Selection
from quizgen.export import ExportOptions, export
from quizgen.models import Bank, Question, StoryRef

TYPES = ("short", "mcq", "truefalse", "cloze", "matching")


def synthetic_banks(questions: int, per_story: int = 20) -> Selection:
    """Questions of every type with realistic lengths, spread over stories of `per_story`."""
    banks = []
    for story in range(questions // per_story):
        items = []
        for n in range(per_story):
            qtype = TYPES[n % len(TYPES)]
            qid = f"s{story}q{n}"
            people = [f"Person {story}-{k} Example" for k in range(4)]
            items.append(Question(
                id=qid, type=qtype, prompt=f"Who met the foreign minister in city {n} on Monday, "
                f"according to story {story}?", answer="True" if qtype == "truefalse" else people[0],
                choices=people if qtype == "mcq" else (["True", "False"] if qtype == "truefalse" else []),
                cloze="Foreign Minister {{c1::" + people[0] + "}} met envoys." if qtype == "cloze" else "",
                pairs=[[p, f"Position {k}"] for k, p in enumerate(people[:3])] if qtype == "matching" else [],
                source=f"Foreign Minister {people[0]} met envoys from {n} countries in city {n} on Monday, "
                       "officials said after three hours of talks.", story=f"s{story}", tags=["role"]))
        banks.append(Bank(StoryRef(f"s{story}", f"Story {story}", f"s{story}.txt"), items))
    return Selection(banks)


def timed(label: str, action) -> None:
    started = time.perf_counter()
    action()
    print(f"{label}: {time.perf_counter() - started:.2f} s", flush=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        big = synthetic_banks(20_000)
        timed("20,000 questions -> .apkg", lambda: export(big, out / "deck.apkg", "apkg", ExportOptions()))
        quiz = synthetic_banks(50, per_story=10)
        timed("50 questions x 4 versions -> PDF", lambda: export(
            quiz, out / "quiz.pdf", "pdf", ExportOptions(versions=4, seed=1)))
        timed("50 questions x 4 versions -> HTML", lambda: export(
            quiz, out / "quiz.html", "html", ExportOptions(versions=4, seed=1)))


if __name__ == "__main__":
    main()
