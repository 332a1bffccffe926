"""The bank: merges that keep a person's edits, validation with lines, safe loading.

Edits are made the way a person makes them: by changing the file's text.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import run_quizgen
from quizgen.bank import MAX_BANK_BYTES, QuestionFilter, read_bank, select_questions
from quizgen.errors import QuizgenError

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
STORY = FIXTURES / "harbour_talks.txt"


def regenerate(path: Path, story: Path = STORY, *extra: str):
    result = run_quizgen("generate", str(story), "--bank", str(path.parent), *extra)
    assert result.code == 0, result.err
    return result


def first_block(text: str, type_: str = "") -> str:
    """The text of the first question (of a type) in the bank."""
    blocks = re.split(r"(?m)^(?=- id: )", text)
    return next(b for b in blocks[1:] if not type_ or f"\n  type: {type_}\n" in b)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def questions_by_id(path: Path) -> dict:
    return {q.id: q for q in read_bank(path).questions}


def test_regenerating_an_untouched_bank_changes_nothing(bank):
    before = bank.read_text(encoding="utf-8")
    result = regenerate(bank)
    assert "0 added, 0 updated" in result.err
    assert bank.read_text(encoding="utf-8") == before


def test_regenerate_keeps_a_persons_edited_prompt_and_answer(bank):
    block = first_block(bank.read_text(encoding="utf-8"), "short")
    prompt = re.search(r"\n  prompt: (.*)\n", block).group(1)
    question_id = re.search(r"- id: \"?([^\s\"]+)", block).group(1)
    edit(bank, f"prompt: {prompt}", "prompt: In your own words, which job does she have?")
    regenerate(bank)
    assert questions_by_id(bank)[question_id].prompt == "In your own words, which job does she have?"


def test_regenerate_keeps_approved_and_rejected_status(bank):
    text = bank.read_text(encoding="utf-8")
    ids = re.findall(r"(?m)^- id: \"?([^\s\"]+)", text)
    edit(bank, "status: draft", "status: approved")
    edit(bank, "status: draft", "status: rejected")
    regenerate(bank)
    questions = questions_by_id(bank)
    assert questions[ids[0]].status == "approved"
    assert questions[ids[1]].status == "rejected"


def test_regenerate_keeps_comments_and_hand_written_questions(bank):
    edit(bank, "questions:\n", "questions:  # reviewed with Year 10, March\n")
    with bank.open("a", encoding="utf-8") as handle:
        handle.write("- id: teacher-1  # my own question\n  type: short\n  status: approved\n"
                     "  prompt: Which harbour reopened?\n  answer: Kessel\n"
                     "  source: Norland and Vesterland agreed to reopen the harbour at Kessel.\n")
    regenerate(bank)
    text = bank.read_text(encoding="utf-8")
    assert "# reviewed with Year 10, March" in text
    assert "- id: teacher-1  # my own question" in text
    assert questions_by_id(bank)["teacher-1"].answer == "Kessel"


def test_questions_whose_fact_vanished_are_marked_stale_not_deleted(bank, tmp_path):
    before = questions_by_id(bank)
    changed = tmp_path / "harbour_talks.txt"
    text = STORY.read_text(encoding="utf-8")
    changed.write_text(re.sub(r'"This agreement.*?\n', "", text), encoding="utf-8")
    result = regenerate(bank, changed)
    after = questions_by_id(bank)
    assert set(before) <= set(after)
    stale = [q for q in after.values() if q.stale]
    assert stale and all("diplomacy" in (q.prompt + q.answer + q.source) for q in stale)
    assert "marked stale" in result.err


def test_new_questions_arrive_as_draft(tmp_path):
    bank_dir = tmp_path / "bank"
    story = tmp_path / "harbour_talks.txt"
    story.write_text(STORY.read_text(encoding="utf-8").split("\n\n\"This")[0] + "\n", encoding="utf-8")
    run_quizgen("generate", str(story), "--bank", str(bank_dir))
    (path,) = bank_dir.glob("*.yaml")
    edit(path, "status: draft", "status: approved")
    shutil.copy(STORY, story)
    regenerate(path, story)
    questions = read_bank(path).questions
    assert [q.status for q in questions].count("approved") == 1
    assert len(questions) > 1 and all(q.status == "draft" for q in questions[1:])


def test_dry_run_reports_without_writing(bank, tmp_path):
    before = bank.read_text(encoding="utf-8")
    edit(bank, "status: draft", "status: approved")
    edited = bank.read_text(encoding="utf-8")
    changed = tmp_path / "harbour_talks.txt"
    changed.write_text(re.sub(r'"This agreement.*?\n', "", STORY.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_quizgen("generate", str(changed), "--bank", str(bank.parent), "--dry-run")
    assert result.code == 0
    assert "would mark stale" in result.out
    assert bank.read_text(encoding="utf-8") == edited != before


def test_validate_reports_five_mistakes_with_file_and_line(bank):
    text = bank.read_text(encoding="utf-8")
    ids = re.findall(r"(?m)^- id: (\S+)", text)
    text = text.replace("status: draft", "status: maybe", 1)
    text = text.replace("\n  type: short\n", "\n  type: essay\n", 1)
    mcq = first_block(text, "mcq")
    text = text.replace(mcq, re.sub(r"\n  answer: .*\n", "\n  answer: Nobody at all\n", mcq, count=1))
    text = re.sub(r"(?m)^  difficulty: \d$", "  difficulty: 9", text, count=1)
    text = text.replace(f"- id: {ids[-1]}", f"- id: {ids[0]}")
    bank.write_text(text, encoding="utf-8")
    result = run_quizgen("validate", str(bank))
    lines = result.out.strip().splitlines()
    assert result.code == 1
    assert len(lines) == 5
    assert all(re.match(rf"{re.escape(str(bank))}:\d+: ", line) for line in lines)


def test_validate_summarises_a_valid_bank(bank):
    result = run_quizgen("validate", str(bank.parent))
    assert result.code == 0
    assert re.fullmatch(r"ok: \d+ questions \(.*draft\)\n", result.out)


@pytest.mark.parametrize("text, message", [
    ("story: {id: x}\nquestions:\n- !!python/object/apply:os.system [echo hi]\n", "tags are not allowed"),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nquestions: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
     "anchors and aliases are not allowed"),
    ("story: {id: x}\nquestions: " + "[" * 5000 + "]" * 5000 + "\n", "nested|not a mapping"),
    ("- just\n- a list\n", "must be a mapping"),
    ("story: {id: x}\nquestions: {id: 1}\n", "must be a list"),
    ("story: {id: x\nquestions: [\n", "not valid YAML"),
])
def test_hostile_banks_get_a_clear_message(tmp_path, text, message):
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QuizgenError, match=message) as caught:
        read_bank(path)
    assert str(caught.value).startswith(str(path))
    result = run_quizgen("validate", str(path))
    assert result.code == 1 and "Traceback" not in result.out + result.err


def test_a_bank_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BANK_BYTES + 1)
    with pytest.raises(QuizgenError, match="larger than"):
        read_bank(path)


def test_filters_select_by_type_status_story_and_difficulty(bank):
    edit(bank, "status: draft", "status: rejected")
    everything = select_questions([bank.parent]).questions
    assert all(q.status != "rejected" for q in everything)
    only_mcq = select_questions([bank], QuestionFilter(types=["mcq"])).questions
    assert only_mcq and {q.type for q in only_mcq} == {"mcq"}
    rejected = select_questions([bank], QuestionFilter(statuses=["rejected"])).questions
    assert len(rejected) == 1
    with pytest.raises(QuizgenError, match="no questions match"):
        select_questions([bank], QuestionFilter(stories=["no-such-story"]))
    easy = select_questions([bank], QuestionFilter(max_difficulty=1)).questions
    assert easy and all(q.difficulty == 1 for q in easy)


def test_question_ids_name_their_story_so_twin_stories_stay_apart(tmp_path):
    twin = tmp_path / "twin.txt"
    shutil.copy(STORY, twin)
    result = run_quizgen("generate", str(STORY), str(twin), "--bank", str(tmp_path / "bank"))
    assert result.code == 0, result.err
    first, second = (set(questions_by_id(p)) for p in sorted((tmp_path / "bank").glob("*.yaml")))
    assert first and second and not first & second
    assert run_quizgen("validate", str(tmp_path / "bank")).code == 0


def test_a_bank_with_ids_from_before_they_named_the_story_keeps_its_questions(bank):
    from quizgen.models import legacy_question_id

    forms = {"short": "ask", "mcq": "ask", "truefalse": "truefalse", "cloze": "cloze"}
    text = bank.read_text(encoding="utf-8")
    current = questions_by_id(bank)
    for question in current.values():
        if question.type in forms:
            old = legacy_question_id(question.fact["id"], question.template, forms[question.type])
            text = text.replace(f"- id: {question.id}\n", f"- id: {old}\n")
    text = re.sub(r"(?m)^  (sha256|rules): .*\n", "", text)       # as quizgen 0.1 wrote banks
    bank.write_text(text.replace("status: draft", "status: approved", 1), encoding="utf-8")
    result = regenerate(bank)
    assert "0 added" in result.err and "0 marked stale" in result.err
    after = questions_by_id(bank)
    assert set(after) == set(current)
    assert sum(q.status == "approved" for q in after.values()) == 1


def test_a_bank_read_again_comes_from_the_cache_until_the_file_changes(bank, monkeypatch):
    from quizgen.bank import loading

    first = read_bank(bank)
    monkeypatch.setattr(loading, "load_text", lambda *args: pytest.fail("read from the file again"))
    assert read_bank(bank).questions == first.questions
    monkeypatch.undo()
    edit(bank, "status: draft", "status: approved")
    assert read_bank(bank).questions[0].status == "approved"


def test_a_broken_or_unwritable_cache_is_never_a_problem(bank, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "afile"))
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    assert read_bank(bank).questions
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    read_bank(bank)
    for entry in (tmp_path / "cache" / "quizgen" / "banks").iterdir():
        entry.write_bytes(b"garbage")
    assert read_bank(bank).questions


def test_many_banks_not_in_the_cache_are_read_in_worker_processes_alike(bank, tmp_path, monkeypatch):
    from quizgen.bank import loading

    monkeypatch.setenv("QUIZGEN_CACHE", "0")
    monkeypatch.setattr(loading, "default_jobs", lambda: 2)
    copies = []
    for number in range(2 * loading.PARALLEL_READ_MIN + 2):
        copy = tmp_path / "many" / f"copy-{number:03}.yaml"
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(bank, copy)
        copies.append(copy)
    assert list(loading.read_banks(copies)) == [read_bank(path) for path in copies]
    edit(copies[100], "status: draft", "status: maybe")
    edit(copies[120], "status: draft", "status: never")
    with pytest.raises(QuizgenError) as raised:        # the first problem in path order, with its line
        list(loading.read_banks(copies))
    assert raised.value.path == str(copies[100]) and "maybe" in raised.value.message and raised.value.line


def test_a_bank_a_build_writes_is_read_from_the_cache_as_the_file_reads(tmp_path, monkeypatch):
    from quizgen.bank import loading
    from quizgen.pipeline import build

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    build([str(STORY)], tmp_path / "banks", tmp_path / "out", show_progress=False)
    path = next((tmp_path / "banks").glob("*.yaml"))
    with monkeypatch.context() as patched:       # the build put it in the cache: no parsing
        patched.setattr(loading, "load_text", lambda *args: pytest.fail("read from the file again"))
        cached = read_bank(path)
    monkeypatch.setenv("QUIZGEN_CACHE", "0")
    assert cached == read_bank(path)
    monkeypatch.delenv("QUIZGEN_CACHE")
    edit(path, "status: draft", "status: approved")
    assert read_bank(path).questions[0].status == "approved"
