"""How the bank's cost grows: merging, validating and exporting one huge bank, and
rebuilding a folder of many small stories where nothing changed.

    python benchmarks/bench_bank.py                    # 300,000 questions; 2,000 stories
    python benchmarks/bench_bank.py --questions 300000 --stories 10000
    /path/to/other/venv/bin/python benchmarks/bench_bank.py   # another version, installed there

Each step runs `python -m quizgen` in a fresh process and reports wall time and the
peak memory of that process (from the kernel's accounting of the child).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STORY = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "stories" / "harbour_talks.txt"
# A small hand-written question (about 80 bytes): 300,000 of them make a 24 MB bank.
QUESTION = """- id: q{n}
  type: short
  status: draft
  prompt: Port {n}?
  answer: Kessel
  source: S.
"""


def run(*args: str) -> tuple[float, float, int]:
    """Seconds, peak MB (its largest process) and exit code of one quizgen command."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "quizgen", "-q", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir())   # the installed quizgen
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode


def huge_bank(folder: Path, questions: int) -> None:
    story = folder / STORY.name
    shutil.copy(STORY, story)
    run("generate", str(story), "--bank", str(folder / "bank"))
    path = folder / "bank" / "harbour-talks.yaml"
    with path.open("a", encoding="utf-8") as handle:
        for n in range(questions):
            handle.write(QUESTION.format(n=n))
    size = path.stat().st_size / 1e6
    print(f"\n{questions:,} hand-written questions in one bank ({size:.1f} MB)")
    for label, args in (("generate (merge, new rules)", ("generate", str(story), "--bank", str(folder / "bank"),
                                                         "--seed", "1")),
                        ("validate", ("validate", str(folder / "bank"))),
                        ("export csv", ("export", str(folder / "bank"), "-o", str(folder / "x.csv")))):
        seconds, peak, code = run(*args)
        print(f"  {label:30} {seconds:7.1f} s  {peak:7.0f} MB peak  exit {code}")


def many_stories(folder: Path, stories: int) -> None:
    source = folder / "stories"
    source.mkdir()
    text = STORY.read_text(encoding="utf-8")
    for n in range(stories):
        (source / f"story_{n:05d}.txt").write_text(text.replace("Kessel", f"Kessel{n}"), encoding="utf-8")
    print(f"\nbuild of {stories:,} small stories (--jobs 2)")
    for label in ("first build", "rebuild, nothing changed"):
        seconds, peak, code = run("build", str(source), "--bank", str(folder / "bank"), "--out", str(folder / "out"),
                                  "--jobs", "2")
        print(f"  {label:30} {seconds:7.1f} s  {peak:7.0f} MB peak  exit {code}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, nargs="+", default=[300_000])
    parser.add_argument("--stories", type=int, default=2_000)
    args = parser.parse_args()
    for count in args.questions:
        with tempfile.TemporaryDirectory() as folder:
            huge_bank(Path(folder), count)
    with tempfile.TemporaryDirectory() as folder:
        many_stories(Path(folder), args.stories)


if __name__ == "__main__":
    main()
