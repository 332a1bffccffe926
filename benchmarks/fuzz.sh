#!/usr/bin/env bash
# Long fuzz run: every property test with 10,000 examples per target (10,000
# hand-typed bank values), the SIGKILL crash tests with 200 kills, 200 saves
# during a merge and 200 rounds of two self-tests sharing a state file.
# Prints hypothesis' per-target statistics (look for "passing").
#   bash benchmarks/fuzz.sh            # from the project root, in the venv
set -euo pipefail
cd "$(dirname "$0")/.."
HYPOTHESIS_PROFILE=long python -m pytest -q -p no:cacheprovider --hypothesis-show-statistics \
  tests/test_properties_*.py 2>&1 | grep -E "^tests/|passing|failing|passed|failed" || true
QUIZGEN_KILLS=200 QUIZGEN_ROUNDS=200 python -m pytest -q -p no:cacheprovider -k "sigkill or save_during or two_sessions" \
  tests/test_crash_safety.py tests/test_quiz*.py 2>&1 | tail -3
