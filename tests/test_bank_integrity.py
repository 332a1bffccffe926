"""Nothing a teacher typed is lost or changed: the bank findings of the red-team pass
(issue 13), one test (or more) each. Edits are made as a person makes them, by
changing the bank's text."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml

from conftest import run_quizgen
from quizgen.bank import read_bank, validate_banks
from quizgen.bank import store
from quizgen.generate.templates import load_templates
from quizgen.pipeline import GenerateOptions, process_story

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
STORY = FIXTURES / "harbour_talks.txt"


def block_of(text: str, question_id: str) -> str:
    return next(b for b in re.split(r"(?m)^(?=- id: )", text)
                if re.match(rf'- id: "?{question_id}"?\n', b))


def set_field(path: Path, question_id: str, key: str, typed: str) -> None:
    """Type `key: typed` into one question, as a person would in an editor."""
    text = path.read_text(encoding="utf-8")
    block = block_of(text, question_id)
    if re.search(rf"(?m)^  {key}:", block):
        new = re.sub(rf"(?m)^  {key}:.*(\n    .*|\n  - .*)*", lambda m: f"  {key}: {typed}", block, count=1)
    else:
        new = block.replace("\n", f"\n  {key}: {typed}\n", 1)
    path.write_text(text.replace(block, new), encoding="utf-8")


def rules_change(tmp_path: Path, template_id: str) -> Path:
    """A template file that changes one template's difficulty: its untouched questions will be refreshed."""
    template = next(t for ts in load_templates().values() for t in ts if t.id == template_id)
    entry = {"id": template.id, "fact": template.fact, "types": list(template.forms), "prompt": template.prompt,
             "answer": template.answer, "kind": template.kind, "difficulty": 3 if template.difficulty < 3 else 1}
    if template.when:
        entry["when"] = template.when
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump([entry]), encoding="utf-8")
    return path


# 1. Every field a person can edit is protected, not a list of five.
@pytest.mark.parametrize("qtype, key, typed", [
    ("cloze", "cloze", '"Norland\'s Foreign Minister {{c1::Ingrid Dahl}} met Varga."'),
    ("truefalse", "explanation", "Checked with the class, see paragraph two."),
    ("matching", "pairs", '[["Dahl", "Foreign Minister"], ["Varga", "Prime Minister"], ["Oban", "opposition leader"]]'),
    ("short", "difficulty", "3"),
    ("mcq", "source", "Paragraph two, rewritten by me."),
])
def test_regeneration_keeps_a_persons_edit_to_any_field(bank, tmp_path, qtype, key, typed):
    question = next(q for q in read_bank(bank).questions if q.type == qtype)
    untouched = tmp_path / "untouched" / bank.name
    untouched.parent.mkdir()
    shutil.copy(bank, untouched)
    set_field(bank, question.id, key, typed)
    rules = rules_change(tmp_path, question.template)
    for folder in (bank.parent, untouched.parent):
        result = run_quizgen("generate", str(STORY), "--bank", str(folder), "--templates", str(rules))
        assert result.code == 0, result.err
    refreshed = {q.id: q for q in read_bank(untouched).questions}[question.id]
    assert refreshed.difficulty != question.difficulty       # the rules did change this question...
    after = {q.id: q for q in read_bank(bank).questions}[question.id]
    expected = yaml.safe_load(f"x: {typed}")["x"]
    assert getattr(after, key) == (expected if key != "difficulty" else int(expected))   # ...but not the edit


# 2. Hand-typed plain values stay the text that was typed, everywhere.
@pytest.mark.parametrize("typed, text", [("10:30", "10:30"), ("NO", "NO"), ("0755", "0755"), ("On", "On"),
                                         ("~", "~"), ("null", "null"), ("2024-01-31", "2024-01-31"),
                                         ("1e3", "1e3"), ("'yes'", "yes")])
def test_a_hand_typed_answer_is_read_as_typed_and_printed_as_typed(bank, tmp_path, typed, text):
    question = next(q for q in read_bank(bank).questions if q.type == "short")
    set_field(bank, question.id, "answer", typed)
    assert validate_banks([bank]).problems == []
    assert {q.id: q for q in read_bank(bank).questions}[question.id].answer == text
    out = tmp_path / "key.csv"
    assert run_quizgen("export", str(bank), "--type", "short", "-o", str(out)).code == 0
    backs = [row[1] for row in csv.reader(out.read_text(encoding="utf-8").splitlines())]
    assert text in backs
    assert run_quizgen("generate", str(STORY), "--bank", str(bank.parent), "--seed", "3").code == 0
    assert {q.id: q for q in read_bank(bank).questions}[question.id].answer == text


def test_hand_typed_choices_that_look_like_flags_stay_text(bank):
    question = next(q for q in read_bank(bank).questions if q.type == "mcq")
    set_field(bank, question.id, "choices", "[On, Off, Yes, No]")
    set_field(bank, question.id, "answer", "Off")
    assert {q.id: q for q in read_bank(bank).questions}[question.id].choices == ["On", "Off", "Yes", "No"]
    assert validate_banks([bank]).problems == []


def test_a_story_named_no_keeps_its_id_as_text_through_merges(tmp_path):
    story = tmp_path / "no.txt"
    shutil.copy(STORY, story)
    for seed in ("0", "5"):
        assert run_quizgen("generate", str(story), "--bank", str(tmp_path / "bank"), "--seed", seed).code == 0
    path = tmp_path / "bank" / "no.yaml"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["story"]["id"] == "no"    # any YAML reader
    assert {q.story for q in read_bank(path).questions} == {"no"}


# 3. A person's save while generate merges is never lost.
def test_an_edit_saved_while_generate_merges_is_merged_again_not_lost(bank, tmp_path, monkeypatch):
    question = read_bank(bank).questions[0]
    real_merge = store.merge_text
    calls = []

    def merge_while_a_person_saves(text, generated, path):
        merged = real_merge(text, generated, path)
        if not calls:       # the person saves between quizgen's reading and writing
            path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: approved", 1),
                            encoding="utf-8")
        calls.append(1)
        return merged

    monkeypatch.setattr(store, "merge_text", merge_while_a_person_saves)
    outcome = process_story(str(STORY), GenerateOptions(seed=4, bank_dir=str(bank.parent)))
    assert outcome.error is None and len(calls) == 2
    assert {q.id: q for q in read_bank(bank).questions}[question.id].status == "approved"


def test_a_bank_that_keeps_changing_is_not_written(bank, monkeypatch):
    real_merge = store.merge_text
    before = bank.read_text(encoding="utf-8")

    def always_changing(text, generated, path):
        merged = real_merge(text, generated, path)
        path.write_text(path.read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
        return merged

    monkeypatch.setattr(store, "merge_text", always_changing)
    outcome = process_story(str(STORY), GenerateOptions(seed=4, bank_dir=str(bank.parent)))
    assert "kept changing" in outcome.error and "nothing written" in outcome.error
    assert bank.read_text(encoding="utf-8") == before + "# touched\n" * store.MERGE_ATTEMPTS


# 4. A story id is never reused for a different story.
def test_stories_whose_names_differ_only_in_their_script_get_their_own_banks(tmp_path):
    for name in ("東京.txt", "大阪.txt"):
        shutil.copy(STORY, tmp_path / name)
        assert run_quizgen("generate", str(tmp_path / name), "--bank", str(tmp_path / "bank")).code == 0
    assert sorted(p.name for p in (tmp_path / "bank").glob("*.yaml")) == ["大阪.yaml", "東京.yaml"]


def test_a_different_story_with_the_same_id_is_refused_naming_both_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(STORY, tmp_path / "a" / "talks.txt")
    shutil.copy(FIXTURES / "school_meals.txt", tmp_path / "b" / "Talks!.txt")
    assert run_quizgen("generate", str(tmp_path / "a" / "talks.txt"), "--bank", str(tmp_path / "bank")).code == 0
    result = run_quizgen("generate", str(tmp_path / "b" / "Talks!.txt"), "--bank", str(tmp_path / "bank"))
    assert result.code == 1
    assert "talks.txt" in result.err and "Talks!.txt" in result.err and "rename" in result.err
    assert len(result.err.strip().splitlines()) <= 2


def test_two_different_stories_from_stdin_get_two_banks(tmp_path):
    for story in (STORY, FIXTURES / "school_meals.txt"):
        result = run_quizgen("generate", "-", "--bank", str(tmp_path / "bank"),
                             stdin=story.read_text(encoding="utf-8"))
        assert result.code == 0, result.err
    assert len(list((tmp_path / "bank").glob("stdin-*.yaml"))) == 2


def test_the_same_story_named_twice_is_read_once(tmp_path):
    result = run_quizgen("generate", str(STORY), str(STORY), str(STORY.parent / "." / STORY.name),
                         "--bank", str(tmp_path / "bank"))
    assert result.code == 0 and result.err.count("harbour-talks.yaml") == 1


# 6. A true/false answer is one answer in any case.
def test_a_lower_case_true_is_true_everywhere(bank, tmp_path):
    question = next(q for q in read_bank(bank).questions if q.type == "truefalse")
    set_field(bank, question.id, "answer", '"true"')
    assert {q.id: q for q in read_bank(bank).questions}[question.id].answer == "True"
    assert run_quizgen("export", str(bank), "--format", "gift", "-o", str(tmp_path / "q.gift")).code == 0
    assert re.search(rf"::{question.id}::.*\{{TRUE\}}", (tmp_path / "q.gift").read_text(encoding="utf-8"))
    assert run_quizgen("export", str(bank), "--format", "moodle-xml", "-o", str(tmp_path / "q.xml")).code == 0
    for element in ElementTree.parse(tmp_path / "q.xml").getroot():
        if element.findtext("name/text") == question.id:
            credit = {a.findtext("text"): a.get("fraction") for a in element.findall("answer")}
            assert credit == {"true": "100", "false": "0"}


# 7. Stale questions stay out of exports unless asked for.
def test_stale_questions_are_left_out_of_exports_unless_included(bank, tmp_path):
    changed = tmp_path / "harbour_talks.txt"
    changed.write_text(re.sub(r'"This agreement.*?\n', "", STORY.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_quizgen("generate", str(changed), "--bank", str(bank.parent)).code == 0
    stale = {q.id for q in read_bank(bank).questions if q.stale}
    assert stale
    for extra, expected in (((), False), (("--include-stale",), True)):
        out = tmp_path / f"q{len(extra)}.csv"
        assert run_quizgen("export", str(bank), "--format", "gift", "-o", str(out), *extra).code == 0
        text = out.read_text(encoding="utf-8")
        assert any(f"::{qid}::" in text for qid in stale) is expected


# 12. validate refuses every shape an exporter cannot take.
@pytest.mark.parametrize("qtype, key, typed, message", [
    ("mcq", "choices", "[a, b, c, d, e, f, g, h, i]", "2 to 8 choices"),
    ("matching", "pairs", "[[a, 1], [b, 2], [c, 3], [d, 4], [e, 5], [f, 6], [g, 7], [h, 8], [i, 9]]", "2 to 8 `pairs`"),
    ("matching", "pairs", "[[a], [b, 2], [c, 3]]", "each pair is [left, right] (found 1"),
    ("matching", "pairs", "[[a, 1, x], [b, 2], [c, 3]]", "each pair is [left, right] (found 3"),
    ("short", "status", "aproved", "did you mean 'approved'"),
    ("short", "difficulty", "two", "`difficulty` must be 1, 2 or 3 (found 'two')"),
    ("short", "stale", "maybe", "`stale` must be true or false"),
    ("short", "choices", "{a: b}", "`choices` must be a list"),
])
def test_validate_and_every_reader_refuse_what_an_exporter_cannot_take(bank, tmp_path, qtype, key, typed, message):
    question = next(q for q in read_bank(bank).questions if q.type == qtype)
    set_field(bank, question.id, key, typed)
    result = run_quizgen("validate", str(bank))
    assert result.code == 1 and message in result.out
    line = int(re.search(rf"{re.escape(str(bank))}:(\d+): ", result.out).group(1))
    assert f"{key}:" in bank.read_text(encoding="utf-8").splitlines()[line - 1]
    for command in (("export", "-o", str(tmp_path / "x.csv")), ("print", "-o", str(tmp_path / "x.md"))):
        exported = run_quizgen(*command, str(bank))
        assert exported.code == 1 and message in exported.err and f"{bank}:{line}:" in exported.err
        assert "Traceback" not in exported.err


# 16. Confusing cases.
def test_a_tab_after_a_colon_means_the_same_to_validate_and_to_generate(bank):
    bank.write_text(bank.read_text(encoding="utf-8").replace("status: draft", "status:\tapproved", 1), encoding="utf-8")
    assert run_quizgen("validate", str(bank)).code == 0
    result = run_quizgen("generate", str(STORY), "--bank", str(bank.parent), "--seed", "2")
    assert result.code == 0, result.err
    assert sum(q.status == "approved" for q in read_bank(bank).questions) == 1


def test_banks_in_subfolders_and_named_yml_are_read(bank, tmp_path):
    (bank.parent / "term2").mkdir()
    shutil.move(bank, bank.parent / "term2" / "harbour-talks.yml")
    result = run_quizgen("validate", str(bank.parent))
    assert result.code == 0 and result.out.startswith("ok:")


def test_a_linked_bank_stays_a_link_and_a_read_only_bank_is_not_overwritten(bank, tmp_path):
    real = tmp_path / "real.yaml"
    shutil.move(bank, real)
    bank.symlink_to(real)
    assert run_quizgen("generate", str(STORY), "--bank", str(bank.parent), "--seed", "2").code == 0
    assert bank.is_symlink() and read_bank(real).questions
    os.chmod(real, 0o444)
    before = real.read_text(encoding="utf-8")
    result = run_quizgen("generate", str(STORY), "--bank", str(bank.parent), "--seed", "3")
    assert result.code == 1 and "read-only" in result.err
    assert real.read_text(encoding="utf-8") == before


def test_export_to_dash_writes_stdout(bank, tmp_path):
    result = run_quizgen("export", str(bank), "--format", "csv", "-o", "-", cwd=tmp_path)
    assert result.code == 0 and result.out.count("\n") > 5
    assert not (tmp_path / "-").exists()


def test_names_with_line_breaks_and_escapes_stay_one_line(tmp_path):
    story = tmp_path / "bad\nname\x1b[31m.txt"
    story.write_text("", encoding="utf-8")
    result = run_quizgen("generate", str(story), "--bank", str(tmp_path / "bank"))
    assert result.code == 1
    assert "\x1b" not in result.err and len(result.err.strip().splitlines()) == 2
    assert "bad\\nname\\e[31m.txt" in result.err


def test_the_published_schema_accepts_what_quizgen_writes_and_rejects_what_validate_rejects(bank):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((bank.parent / "quizgen-bank.schema.json").read_text(encoding="utf-8"))
    assert bank.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=quizgen-bank.schema.json")
    jsonschema.validate(yaml.safe_load(bank.read_text(encoding="utf-8")), schema)
    broken = bank.read_text(encoding="utf-8").replace("status: draft", "status: aproved", 1)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(broken), schema)


def test_reading_the_writers_layout_fast_gives_what_pyyaml_gives(bank):
    from quizgen.bank.reading import TextLoader, load_text

    text = bank.read_text(encoding="utf-8")
    edited = text.replace("status: draft", "status: approved  # checked", 1).replace("\n- id:", "\n\n# mine\n- id:", 2)
    for variant in (text, edited):
        assert load_text(variant, bank) == yaml.load(variant, Loader=TextLoader)


# The second red-team pass (a tester who had not seen the tests).
def test_another_seed_never_hides_a_question_whose_fact_is_still_there(bank):
    text = bank.read_text(encoding="utf-8")
    assert run_quizgen("generate", str(STORY), "--bank", str(bank.parent), "--seed", "7").code == 0
    before_ids = set(re.findall(r'(?m)^- id: "?(\w+)"?$', text))
    after = {q.id: q for q in read_bank(bank).questions}
    assert before_ids <= set(after)
    assert not any(after[qid].stale for qid in before_ids)


def test_another_story_with_the_same_file_name_is_refused_not_merged(tmp_path):
    for folder, story in (("a", STORY), ("b", FIXTURES / "school_meals.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(story, tmp_path / folder / "story.txt")
    assert run_quizgen("generate", str(tmp_path / "a"), "--bank", str(tmp_path / "bank")).code == 0
    before = (tmp_path / "bank" / "story.yaml").read_text(encoding="utf-8")
    result = run_quizgen("generate", str(tmp_path / "b"), "--bank", str(tmp_path / "bank"))
    assert result.code == 1 and "another story named 'story.txt'" in result.err
    assert (tmp_path / "bank" / "story.yaml").read_text(encoding="utf-8") == before


def test_a_corrected_story_of_the_same_name_is_still_merged(bank, tmp_path):
    corrected = tmp_path / "harbour_talks.txt"
    corrected.write_text(STORY.read_text(encoding="utf-8").replace("nine sailors", "ten sailors"), encoding="utf-8")
    assert run_quizgen("generate", str(corrected), "--bank", str(bank.parent)).code == 0


def test_every_command_that_reads_banks_refuses_duplicate_ids(bank, tmp_path):
    other = bank.parent / "copy.yaml"
    other.write_text(bank.read_text(encoding="utf-8").replace("id: harbour-talks", "id: copy", 1), encoding="utf-8")
    for command in (("anki", "-o", str(tmp_path / "x.apkg")), ("export", "-o", str(tmp_path / "x.csv")),
                    ("print", "-o", str(tmp_path / "x.md"))):
        result = run_quizgen(*command, str(bank.parent))
        assert result.code == 1 and "duplicate id" in result.err and "first at" in result.err, command


def test_a_lone_surrogate_and_a_key_given_twice_are_one_line_each(bank, tmp_path):
    question = read_bank(bank).questions[0]
    set_field(bank, question.id, "prompt", '"lone \\ud83d here"')
    for command in (("validate",), ("export", "-o", str(tmp_path / "x.csv"))):
        result = run_quizgen(*command, str(bank))
        assert result.code == 1 and re.search(rf"{re.escape(str(bank))}:\d+: .*(Unicode|surrogate)", result.out + result.err)
    set_field(bank, question.id, "prompt", "Fine again?")
    bank.write_text(bank.read_text(encoding="utf-8").replace("  prompt: Fine again?\n",
                                                             "  prompt: Fine again?\n  prompt: Second?\n"), encoding="utf-8")
    result = run_quizgen("validate", str(bank))
    assert result.code == 1 and "the key 'prompt' is given twice" in result.out


def test_a_windows_bank_keeps_its_line_ends_and_byte_order_mark(bank):
    bank.write_bytes(b"\xef\xbb\xbf" + bank.read_bytes().replace(b"\n", b"\r\n"))
    result = run_quizgen("generate", str(STORY), "--bank", str(bank.parent), "--seed", "3")
    assert result.code == 0 and "wrote" in result.err
    raw = bank.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n")


def test_true_false_cards_in_csv_lead_with_the_answer(bank, tmp_path):
    out = tmp_path / "x.csv"
    assert run_quizgen("export", str(bank), "--type", "truefalse", "-o", str(out)).code == 0
    backs = [row[1] for row in csv.reader(io.StringIO(out.read_bytes().decode(), newline=""))]
    assert backs and all(back.split("\n")[0] in ("True", "False") for back in backs)


def test_an_unknown_type_filter_is_named_like_an_unknown_status(bank):
    result = run_quizgen("export", str(bank), "--type", "essay")
    assert result.code == 2 and "unknown --type 'essay'" in result.err


def test_skipped_story_names_are_shown_escaped(tmp_path):
    story = tmp_path / "bad\x1b]0;TITLE\x07.txt"
    story.write_text("Title\n\nNothing happened here at all today.\n", encoding="utf-8")
    result = run_quizgen("generate", str(story), "--bank", str(tmp_path / "bank"))
    assert "\x1b" not in result.err and "\x07" not in result.err
