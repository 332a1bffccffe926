"""Run one `quizgen build STORIES --bank WORK/bank --out WORK/decks --jobs N --quiet`
in this process and print the peak RSS in MB of it and its workers (for bench_build.py)."""
from __future__ import annotations

import resource
import sys

from quizgen.cli import app

stories, work, jobs = sys.argv[1:4]
try:
    app(["--quiet", "build", stories, "--bank", f"{work}/bank", "--out", f"{work}/decks", "--jobs", jobs],
        standalone_mode=False)
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"\n{max(own, workers) / 1024:.1f}")
