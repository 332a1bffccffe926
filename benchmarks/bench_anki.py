"""Deck export benchmark: `quizgen anki` over the banks of a whole archive.

    python benchmarks/bench_anki.py                      # ../shared/corpus/bbc
    python benchmarks/bench_anki.py --corpus wikinews --runs 5

Builds the archive's banks once in a temporary folder (`quizgen build --jobs 2`, as a
user would), then times the export a learner runs next, as separate processes:
  after build:  the first `quizgen anki` (the build left its banks in the read cache);
  again:        the same export over an existing deck (notes compared with it);
  no cache:     QUIZGEN_CACHE=0, every bank parsed from its YAML.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="bbc", help="a folder of ../shared/corpus")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each kind")
    args = parser.parse_args()
    stories = SHARED / "corpus" / args.corpus
    if not stories.is_dir():
        sys.exit(f"bench_anki: no folder {stories}")
    with tempfile.TemporaryDirectory(prefix="bench-anki-") as folder:
        work = Path(folder)
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
        build = timed(["build", str(stories), "--jobs", "2", "--quiet"], work, env)
        banks = len(list((work / "question_bank").glob("*.yaml")))
        print(f"corpus: {stories} ({banks} banks, built in {build:.1f} s)")
        deck = ["anki", "question_bank", "-o", "decks/bench.apkg", "--quiet"]
        kinds = [("after build", env), ("again", env), ("no cache", {**env, "QUIZGEN_CACHE": "0"})]
        for label, kind_env in kinds:
            seconds = [timed(deck, work, kind_env) for _ in range(args.runs if label != "after build" else 1)]
            print(f"{label:12} " + "  ".join(f"{s:5.2f} s" for s in seconds))


if __name__ == "__main__":
    main()
