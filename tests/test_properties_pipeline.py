"""Property tests: arbitrary facts into generation, arbitrary banks into validate, exporters and the checker.

The only exception allowed to escape is QuizgenError; outputs must be well formed.
"""
from __future__ import annotations

import os
import sqlite3
import string
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank import read_bank, select_questions, validate_banks, write_bank
from quizgen.errors import QuizgenError
from quizgen.export import FORMATS, ExportOptions, export
from quizgen.generate import generate_questions
from quizgen.models import FACT_SLOTS, QUESTION_TYPES, STATUSES, Bank, Fact, Question, StoryRef
from quizgen.quiz.checker import check
from quizgen.stories import parse_story

WORDS = st.text(alphabet=string.ascii_letters + " -'.,&<>\"é€\u202e\u200b", min_size=0, max_size=30)
NAMES = st.sampled_from(["Ana Ruiz", "Tom Hale", "Li Wen", "Sara Oke", "Kim Jong-il", "She", "", "U.S."])
VALUES = st.one_of(WORDS, NAMES, st.integers(-10, 10**10).map(str), st.sampled_from(["37,000", "$3.2 billion", "Monday"]))
STORY = parse_story("Title\n\nForeign Minister Ana Ruiz met Tom Hale in Lima on Monday.\n\n"
                    '"We agreed," Ruiz said of the 37,000 troops.', "p.txt")


@st.composite
def facts(draw) -> Fact:
    kind = draw(st.sampled_from(list(FACT_SLOTS)))
    required, optional = FACT_SLOTS[kind]
    slots = {}
    for slot in required + optional:
        if slot in optional and draw(st.booleans()):
            continue
        if slot == "people":
            slots[slot] = draw(st.lists(NAMES, max_size=3))
        elif slot == "value":
            slots[slot] = draw(st.one_of(st.integers(-5, 10**12), st.floats(allow_nan=False, allow_infinity=False)))
        elif slot == "polarity":
            slots[slot] = draw(st.sampled_from(["support", "oppose", "maybe"]))
        else:
            slots[slot] = draw(VALUES)
    sentence = draw(st.sampled_from([s.text for s in STORY.sentences] + ["", "x"]))
    return Fact(type=kind, slots=slots, story="p.txt", sentence=sentence)


@given(st.lists(facts(), max_size=8), st.integers(0, 5))
def test_any_facts_give_well_formed_questions(fact_list, seed):
    for question in generate_questions(STORY, fact_list, seed=seed):
        assert question.type in QUESTION_TYPES and question.prompt and question.answer
        if question.type == "mcq":
            assert question.choices.count(question.answer) == 1 and len(question.choices) == 4
        if question.type == "truefalse":
            assert question.answer in ("True", "False")


@st.composite
def questions(draw) -> Question:
    qtype = draw(st.sampled_from(QUESTION_TYPES))
    answer = draw(VALUES).strip() or "x"
    choices = []
    if qtype == "mcq":
        choices = draw(st.lists(VALUES.filter(lambda v: v != answer), min_size=3, max_size=3, unique=True)) + [answer]
    if qtype == "truefalse":
        answer, choices = draw(st.sampled_from(["True", "False"])), ["True", "False"]
    pairs = draw(st.lists(st.tuples(WORDS, WORDS).map(list), min_size=2, max_size=8)) if qtype == "matching" else []
    return Question(id=draw(st.uuids()).hex, type=qtype, prompt=draw(WORDS).strip() or "?", answer=answer,
                    source=draw(WORDS), story="p", choices=choices, pairs=pairs,
                    cloze=draw(WORDS) if qtype == "cloze" else "", accepted=draw(st.lists(VALUES, max_size=2)),
                    status=draw(st.sampled_from(STATUSES[:2])), difficulty=draw(st.integers(1, 3)),
                    tags=draw(st.lists(WORDS, max_size=3)))


@settings(max_examples=500 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(st.lists(questions(), min_size=1, max_size=6), st.data())
def test_any_valid_bank_exports_to_every_format_and_validates(tmp_path_factory, bank_questions, data):
    folder = tmp_path_factory.mktemp("bank")
    path = write_bank(Bank(StoryRef("p", data.draw(WORDS) or "t", "p.txt"), bank_questions), folder / "p.yaml")
    assert validate_banks([path]).problems == []
    selection = select_questions([folder])
    for fmt in FORMATS:
        out = export(selection, folder / f"out.{fmt}", fmt, ExportOptions(title=data.draw(WORDS) or "t"))
        _assert_well_formed(out, fmt)
    for question in read_bank(path).questions:
        if question.type == "mcq":
            others = [c for c in question.choices if c != question.answer]
            for other in others:
                if other.strip().lower() != question.answer.strip().lower():
                    assert not check(question, other).correct or _same_words(other, question.answer)


def _same_words(a: str, b: str) -> bool:
    from quizgen.answers import normalize
    return normalize(a) == normalize(b)


def _assert_well_formed(out: Path, fmt: str) -> None:
    if fmt == "apkg":
        with zipfile.ZipFile(out) as archive:
            (out.parent / "c.anki2").write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(out.parent / "c.anki2") as db:
            assert db.execute("select count() from notes").fetchone()[0] >= 1
    elif fmt == "pdf":
        from pypdf import PdfReader
        assert len(PdfReader(out).pages) >= 1
    elif fmt == "moodle-xml":
        import xml.etree.ElementTree as ElementTree
        ElementTree.parse(out)
    elif fmt == "html":
        text = out.read_text(encoding="utf-8")
        assert "<script>" not in text.split("</head>")[-1] or "<script>" not in text


@given(st.text(max_size=2000))
def test_any_text_as_a_bank_loads_or_raises_the_project_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("raw") / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        read_bank(path)
    except QuizgenError:
        pass
    validate_banks([path])


@given(questions(), st.text(max_size=40))
def test_the_checker_takes_any_answer(question, typed):
    assert isinstance(check(question, typed).correct, bool)


# Text a person might type that some YAML reader would take for something else.
TRICKY_TEXT = st.sampled_from(["yes", "No", "ON", "off", "y", "N", "null", "Null", "~", "", " ", "10:30", "0755",
                               "1e3", "1_000", "0x1F", "0o17", "+1", "-.5", ".inf", "2024-01-31", "true", "False",
                               "Kessel: port", "# not a comment", "- not a list", "[x]", "{y}", "a  b", "x "])
JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), TRICKY_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(alphabet=string.ascii_letters + "_", min_size=1, max_size=8),
                                            inner, max_size=4)),
    max_leaves=20)


KEYS = st.sampled_from(["prompt", "answer", "id", "story", "no", "value", "score", "difficulty", "x", "tags"])


@given(st.dictionaries(KEYS, JSONISH, max_size=5))
def test_the_bank_writer_writes_text_every_yaml_reader_reads_back_as_that_text(doc):
    import io

    import yaml
    from ruamel.yaml import YAML

    from quizgen.bank.reading import load_text
    from quizgen.bank.schema import NUMBER_FIELDS
    from quizgen.bank.writing import as_loaded, emit

    loaded = as_loaded(doc)
    text = "\n".join(emit(loaded)) + "\n"
    reread = load_text(text, "x.yaml") or {}
    assert reread == loaded
    assert "\n".join(emit(reread)) + "\n" == text          # what was read is written back byte for byte
    for other in (yaml.safe_load(text) or {}, _plain(YAML(typ="rt").load(io.StringIO(text)) or {})):
        assert _text_fields(other, NUMBER_FIELDS) == _text_fields(loaded, NUMBER_FIELDS)


def _text_fields(value, number_fields, key=""):
    """Every value outside the number fields, as another reader gives it: text must stay text."""
    if isinstance(value, dict):
        return {k: _text_fields(v, number_fields, k) for k, v in value.items() if k not in number_fields}
    if isinstance(value, list):
        return [_text_fields(v, number_fields, key) for v in value]
    return value if key not in number_fields else None


def _plain(value):
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, str):
        return str(value)
    return value
