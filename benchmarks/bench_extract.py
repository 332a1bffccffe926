"""Extraction speed and memory over a corpus folder, at 1x, 2x and 4x the text.

Run from the project root:
    .venv/bin/python benchmarks/bench_extract.py [../shared/corpus/bbc]

Stories are streamed one at a time (split + extract, on one core; reading the
file is not timed). Two checks that cost grows linearly:
  volume: the folder is processed 1, 2 and 4 times (caches cleared between
          passes, so every pass pays full price): time should grow 1:2:4;
  length: consecutive stories are joined in groups of 1, 2 and 4, so each
          story is 1x, 2x, 4x as long for the same total text: words/second
          should not fall (a rule quadratic in story length would show here).
Prints words/second per run, the ratio to a bare pass (sentence split and a word
tokeniser, best of three) and the process's peak memory (max RSS).
"""
from __future__ import annotations

import re
import resource
import sys
import time
from pathlib import Path
from typing import Iterator

from quizgen.errors import QuizgenError
from quizgen.extract import extract_facts
from quizgen.extract.names import clear_caches
from quizgen.stories import parse_story, read_story_text

SCALES = (1, 2, 4)
TOKEN = re.compile(r"\w+|[^\w\s]")


def stories(folder: Path, group: int) -> Iterator[tuple[str, str]]:
    """(file name, text) per story, `group` consecutive stories joined into one."""
    bodies: list[str] = []
    name = ""
    for path in sorted(folder.glob("*.txt")):
        try:
            text = read_story_text(str(path))
        except QuizgenError:
            continue
        title, _, body = text.partition("\n")
        if not bodies:
            name = path.name
            bodies.append(title)
        bodies.append(body)
        if len(bodies) > group:
            yield name, "\n".join(bodies)
            bodies = []
    if bodies:
        yield name, "\n".join(bodies)


def run(folder: Path, passes: int, group: int) -> tuple[int, int, float]:
    """(words, facts, seconds) over the folder."""
    words = facts = 0
    elapsed = 0.0
    for _ in range(passes):
        clear_caches()
        for name, text in stories(folder, group):
            started = time.perf_counter()
            story = parse_story(text, name)
            facts += len(extract_facts(story))
            elapsed += time.perf_counter() - started
            words += story.word_count
    return words, facts, elapsed


def bare_seconds(folder: Path) -> float:
    """The same stories split into sentences and tokenised, nothing more: the yardstick."""
    texts = [text for _, text in stories(folder, 1)]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for index, text in enumerate(texts):
            for sentence in parse_story(text, f"{index}.txt").sentences:
                TOKEN.findall(sentence.text)
        best = min(best, time.perf_counter() - started)
    return best


def report(label: str, words: int, facts: int, seconds: float, base: float) -> None:
    print(f"{label:16} {words:>10,} words {facts:>8,} facts {seconds:7.2f} s "
          f"{words / seconds:>9,.0f} words/s  time ratio {seconds / base:4.2f}")


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/bbc")
    if not folder.is_dir():
        sys.exit(f"bench_extract: no folder {folder}")
    print(f"corpus: {folder} (split + extract, one core, file reading not timed)")
    extract_facts(parse_story("Warm up\n\nMinister Ann Lee met Bo Sun on Monday.", "warm.txt"))
    bare = bare_seconds(folder)
    base = 0.0
    for scale in SCALES:
        words, facts, seconds = run(folder, passes=scale, group=1)
        base = base or seconds
        report(f"volume {scale}x", words, facts, seconds, base)
        if scale == 1:
            print(f"{'bare pass':16} {bare:7.2f} s: extraction costs {seconds / bare:.1f}x "
                  "splitting and tokenising")
    base = 0.0
    for scale in SCALES:
        words, facts, seconds = run(folder, passes=1, group=scale)
        base = base or seconds
        report(f"story length {scale}x", words, facts, seconds, base)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
