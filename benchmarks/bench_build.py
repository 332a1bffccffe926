"""Batch build benchmark: wall time, words per second and peak memory of `quizgen build`.

    python benchmarks/bench_build.py                      # bbc at --jobs 1 and 2, and 1x/2x/4x
    python benchmarks/bench_build.py --corpus bbc reuters --jobs 2 --scales 1

Each run is a fresh `quizgen build` in a temporary folder (banks + one deck).
Peak memory is the largest resident set of any process of the run (the main
process or one worker), as reported by the kernel for waited-for children.
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

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def count_words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in folder.rglob("*.txt"))


def scaled_copy(sources: list[Path], scale: int, into: Path) -> Path:
    """A folder holding `scale` copies of every story, each renamed (story ids come from file
    names, and clashing ids are refused), to show how cost grows with the text."""
    into.mkdir(parents=True, exist_ok=True)
    for copy in range(scale):
        for source in sources:
            for story in source.glob("*.txt"):
                shutil.copyfile(story, into / f"c{copy}_{story.name}")
    return into


def run_build(stories: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one `quizgen build`, in a throwaway folder."""
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "benchmarks/_measured_build.py", str(stories), work, str(jobs)],
            capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if proc.returncode not in (0, 1):
            sys.exit(f"build failed ({proc.returncode}): {proc.stderr[-2000:]}")
        peak_mb = float(proc.stdout.strip().splitlines()[-1])
    return elapsed, peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["bbc"], help="folders under ../shared/corpus")
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--scales", nargs="+", type=int, default=[1, 2, 4])
    args = parser.parse_args()
    os.chdir(Path(__file__).resolve().parent.parent)
    sources = [SHARED / "corpus" / name for name in args.corpus]
    for source in sources:
        if not source.is_dir():
            sys.exit(f"{source} not found: this benchmark needs ../shared/corpus")
    words = sum(count_words(s) for s in sources)
    print(f"corpus {'+'.join(args.corpus)}: {words:,} words")
    print(f"{'scale':>5} {'jobs':>4} {'seconds':>8} {'words/s':>10} {'peak MB':>8}")
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            folder = scaled_copy(sources, scale, Path(tmp) / "stories")
            for jobs in args.jobs:
                seconds, peak = run_build(folder, jobs)
                print(f"{scale:>4}x {jobs:>4} {seconds:>8.1f} {words * scale / seconds:>10,.0f} {peak:>8.0f}",
                      flush=True)


if __name__ == "__main__":
    main()
