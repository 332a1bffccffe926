"""Long runs over ../shared/corpus: every story extracts without an exception."""
from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.extract import extract_facts
from quizgen.stories import load_story

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["bbc", "reuters"])
def test_every_corpus_story_extracts_cleanly(folder):
    root = CORPUS / folder
    if not root.is_dir():
        pytest.skip(f"{root} is absent (the shared corpus is not mounted here)")
    count = 0
    for path in sorted(root.glob("*.txt")):
        try:
            story = load_story(path)
        except QuizgenError:
            continue                       # unreadable files are reported by the loader, not here
        for fact in extract_facts(story):
            assert not fact.missing_slots(), (path.name, fact.to_dict())
        count += 1
    assert count > 0
