"""Property: any text a person types into a bank's text fields stays that text through
loading, validation, regeneration, every exporter and the self-test.

Values are typed as people type them: plain where YAML keeps them one scalar (times,
country codes, leading zeros, flags in any case, dates, `~`, `null`), quoted otherwise.
The long run (benchmarks/fuzz.sh) types 10,000 values.
"""
from __future__ import annotations

import csv
import html
import io
import os
import re
import sqlite3
import xml.etree.ElementTree as ElementTree
import zipfile
from functools import lru_cache
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank import read_bank, save_generated, select_questions, validate_banks
from quizgen.bank.writing import quoted
from quizgen.export import export
from quizgen.export.delimited import cell
from quizgen.extract import extract_facts
from quizgen.generate import generate_questions
from quizgen.models import Bank, StoryRef
from quizgen.quiz.checker import check
from quizgen.stories import load_story

STORY = Path(__file__).parent / "fixtures" / "stories" / "harbour_talks.txt"
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
VALUES_PER_EXAMPLE = 10

TRICKY = ["10:30", "NO", "no", "Yes", "ON", "off", "y", "N", "0755", "007", "1e3", "1_000", "0x1F", "+44",
          "-5", ".5", "3.", "2024-01-31", "2001-12-14t21:59:43.10-05:00", "~", "null", "NULL", "true", "False",
          "GB", "FR", "NaN", ".inf", "12:30:45", "1:2:3", "<<", "=", "O'Brien", "a.m.", "5%", "$3.2bn", "€40"]
PLAIN_CHARS = "abcXYZ019 .,:;/+-'()~_%$?é"


def _types_plain(text: str) -> bool:
    try:
        return yaml.load(f"k: {text}\n", Loader=yaml.BaseLoader) == {"k": text}
    except yaml.YAMLError:
        return False


TYPED = st.one_of(st.sampled_from(TRICKY), st.text(alphabet=PLAIN_CHARS, min_size=1, max_size=24),
                  st.text(min_size=1, max_size=24)).filter(lambda text: text.strip() != "")


def as_typed(text: str) -> str:
    """How a person writes it: plain when YAML reads it back as itself, else in double quotes
    (with escapes for what YAML may not hold raw)."""
    return text if _types_plain(text) else quoted(text)


@lru_cache(maxsize=1)
def _fresh() -> tuple[str, Bank]:
    """The bank text quizgen writes for the story, and a regeneration with other rules (seed)."""
    from quizgen.bank import dump_bank

    story = load_story(STORY)
    facts = extract_facts(story)
    ref = StoryRef(story.id, story.title, story.file)
    first = Bank(ref, generate_questions(story, facts, seed=0))
    again = Bank(ref, generate_questions(story, facts, seed=9))
    return dump_bank(first), again


def _type_into(text: str, question_id: str, key: str, value: str) -> str:
    """Replace a field's value in one question's block, as an editor would."""
    blocks = re.split(r"(?m)^(?=- id: )", text)
    for number, block in enumerate(blocks):
        if re.match(rf'- id: "?{question_id}"?\n', block):
            blocks[number] = re.sub(rf"(?m)^  {key}:.*$", lambda m: f"  {key}: {as_typed(value)}", block, count=1)
    return "".join(blocks)


@settings(max_examples=1000 if LONG else 12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(TYPED, min_size=VALUES_PER_EXAMPLE, max_size=VALUES_PER_EXAMPLE))
def test_hand_typed_text_survives_everything_downstream(tmp_path_factory, values):
    folder = tmp_path_factory.mktemp("bank")
    text, regenerated = _fresh()
    path = folder / "harbour-talks.yaml"
    path.write_text(text, encoding="utf-8")
    targets = [q for q in read_bank(path).questions if q.type == "short"]
    typed: dict[str, dict[str, str]] = {}
    for number, value in enumerate(values):
        question = targets[number % len(targets)]
        key = ("prompt", "answer")[number // len(targets) % 2]
        text = _type_into(text, question.id, key, value)
        typed.setdefault(question.id, {})[key] = value
    path.write_text(text, encoding="utf-8")

    def assert_as_typed() -> None:
        questions = {q.id: q for q in read_bank(path).questions}
        for question_id, fields in typed.items():
            for key, value in fields.items():
                assert getattr(questions[question_id], key) == value, (key, value)

    assert_as_typed()
    assert validate_banks([path]).problems == []
    save_generated(regenerated, path)
    assert_as_typed()

    selection = select_questions([folder])
    chosen = {q.id: q for q in selection.questions if q.id in typed}
    for question in chosen.values():
        assert check(question, question.answer).correct
    written = export(selection, folder / "q.csv", "csv").read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(written, newline="")))
    for question in chosen.values():
        assert [cell(question.prompt), cell(question.answer)] in [row[:2] for row in rows]
    xml = ElementTree.parse(export(selection, folder / "q.xml", "moodle-xml"))
    prompts = {e.findtext("name/text"): html.unescape(e.findtext("questiontext/text") or "") for e in xml.getroot()}
    answers = {e.findtext("name/text"): html.unescape(e.findtext("answer/text") or "") for e in xml.getroot()}
    for question in chosen.values():
        assert prompts[question.id] == _xml_text(question.prompt)
        assert answers[question.id] == _xml_text(question.answer)
    with zipfile.ZipFile(export(selection, folder / "q.apkg", "apkg")) as archive:
        (folder / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(folder / "c.anki2") as db:
        fields = [html.unescape(f) for (flds,) in db.execute("select flds from notes") for f in flds.split("\x1f")]
    for question in chosen.values():
        assert _anki_text(question.prompt) in fields and _anki_text(question.answer) in fields


def _xml_text(text: str) -> str:
    """What XML can hold of a text: the characters it forbids are dropped, and every XML
    reader turns a carriage return into a line feed."""
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", "", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _anki_text(text: str) -> str:
    return text.replace("\x1f", " ")
