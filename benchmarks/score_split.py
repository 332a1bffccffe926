"""Score extraction on two fixed halves of the development gold, so a rule can be
written against one half and judged on the other.

    python benchmarks/score_split.py            # both halves, per type
    python benchmarks/score_split.py --half A   # one half (A or B)
    python benchmarks/score_split.py --list     # which stories are in which half

The halves are fixed by a hash of each gold file's name (not by reading them),
so they do not move as rules change. Needs ../shared (gold, stories, scorer).
"""
from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "dev"
STORY_DIRS = (SHARED / "seeds", SHARED / "corpus" / "dev")
SCORER = SHARED / "tools" / "score_facts.py"


def half_of(name: str) -> str:
    return "A" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "B"


def halves() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {"A": [], "B": []}
    for gold in sorted(GOLD.glob("*.yaml")):
        out[half_of(gold.stem)].append(gold)
    return out


def story_file(stem: str) -> Path | None:
    for folder in STORY_DIRS:
        candidate = folder / f"{stem}.txt"
        if candidate.exists():
            return candidate
    return None


def score(half: str, golds: list[Path], command: str, verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, story_dir = Path(tmp, "gold"), Path(tmp, "stories")
        gold_dir.mkdir()
        story_dir.mkdir()
        for gold in golds:
            (gold_dir / gold.name).symlink_to(gold)
            story = story_file(gold.stem)
            if story is not None:
                (story_dir / story.name).symlink_to(story)
        args = [sys.executable, str(SCORER), "--cmd", command, "--gold", str(gold_dir),
                "--stories", str(story_dir)] + (["-v"] if verbose else [])
        result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
        return f"== half {half} ({len(golds)} stories)\n{result.stdout}{result.stderr}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=("A", "B"))
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--cmd", default=f"{sys.executable} -m quizgen extract")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"score_split: {SCORER} not found (needs ../shared beside the project)")
    for half, golds in halves().items():
        if args.half and half != args.half:
            continue
        if args.list:
            print(half, " ".join(g.stem for g in golds))
        else:
            print(score(half, golds, args.cmd, args.verbose))


if __name__ == "__main__":
    main()
