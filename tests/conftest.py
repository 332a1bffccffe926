"""Shared fixtures: run the real CLI, find ../shared when it is there."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUIZGEN_SHARED", ROOT.parent / "shared"))
# quizgen caches banks it has read in the user's cache folder: tests keep theirs to themselves.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="quizgen-test-cache-")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_quizgen(*args: str, cwd: Path | None = None, stdin: str | bytes | None = None,
                timeout: float = 120) -> Run:
    """Run `python -m quizgen ARGS` as a user would, capturing both streams."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, input=data,
                          capture_output=True, timeout=timeout)
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"),
               proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def quizgen():
    return run_quizgen


@pytest.fixture
def bank(tmp_path) -> Path:
    """A bank quizgen wrote for the harbour-talks fixture story, to edit as a person would."""
    story = Path(__file__).parent / "fixtures" / "stories" / "harbour_talks.txt"
    result = run_quizgen("generate", str(story), "--bank", str(tmp_path / "bank"))
    assert result.code == 0, result.err
    return tmp_path / "bank" / "harbour-talks.yaml"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that folder is not beside the project."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared (seeds, corpus, gold) is only beside the project "
                    "in the development workspace")
    return path


# Property tests: a bounded run by default, a long run with HYPOTHESIS_PROFILE=long
# (see benchmarks/fuzz.sh).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
