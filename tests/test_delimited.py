"""CSV and TSV exports: one row per question, quoting that spreadsheet and Anki importers read back."""
from __future__ import annotations

import csv

from quizgen.bank import select_questions, write_bank
from quizgen.export import ExportOptions, export
from quizgen.models import Bank, Question, StoryRef


def test_csv_and_tsv_round_trip_tricky_text(tmp_path):
    questions = [
        Question(id="a", type="short", prompt='Who said "no, never", twice?', answer="Ana Ruiz, jr.",
                 source="s", story="x", tags=["quote", "x"]),
        Question(id="b", type="mcq", prompt="Pick one\tor two", answer="B b", choices=["A a", "B b", "C c", "D d"],
                 source="s", story="x", tags=["role"]),
    ]
    write_bank(Bank(StoryRef("x", "X", "x.txt"), questions), tmp_path / "bank" / "x.yaml")
    selection = select_questions([tmp_path / "bank"])
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        path = export(selection, tmp_path / f"out.{fmt}", fmt, ExportOptions())
        rows = list(csv.reader(path.open(encoding="utf-8", newline=""), delimiter=delimiter))
        assert rows[0][:2] == ['Who said "no, never", twice?', "Ana Ruiz, jr."]
        assert rows[1][0].startswith("Pick one\tor two\nA) A a") and rows[1][1] == "B) B b"
        assert "difficulty::2" in rows[1][2].split()
