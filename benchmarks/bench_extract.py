"""Extraction speed and memory over a corpus folder, at 1x, 2x and 4x the text.

Run from the project root:
    .venv/bin/python benchmarks/bench_extract.py [../shared/corpus/bbc]

Stories are streamed one at a time (read, split, extract), on one core. For
2x and 4x every story's body is repeated that many times, so a rule whose cost
grows faster than the text (within a story) shows up as falling words/second.
Prints words/second per scale and the process's peak memory (max RSS).
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from quizgen.errors import QuizgenError
from quizgen.extract import extract_facts
from quizgen.stories import parse_story, read_story_text

SCALES = (1, 2, 4)


def run(folder: Path, scale: int) -> tuple[int, int, float]:
    """(words, facts, seconds) for one pass over the folder at the given scale."""
    words = facts = 0
    elapsed = 0.0
    for path in sorted(folder.glob("*.txt")):
        try:
            text = read_story_text(str(path))
        except QuizgenError:
            continue
        if scale > 1:
            title, _, body = text.partition("\n")
            text = title + "\n" + "\n\n".join([body] * scale)
        started = time.perf_counter()
        story = parse_story(text, path.name)
        facts += len(extract_facts(story))
        elapsed += time.perf_counter() - started
        words += story.word_count
    return words, facts, elapsed


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/bbc")
    if not folder.is_dir():
        sys.exit(f"bench_extract: no folder {folder}")
    print(f"corpus: {folder} (split + extract, one core, reading excluded)")
    base = None
    for scale in SCALES:
        words, facts, seconds = run(folder, scale)
        rate = words / seconds if seconds else 0.0
        base = base or seconds
        print(f"{scale}x: {words:>9,} words  {facts:>7,} facts  {seconds:6.2f} s  "
              f"{rate:>9,.0f} words/s  time/1x-time = {seconds / base:4.2f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
