"""The question bank: one YAML file per story, which a person may edit.

reading (text in, safely) -> schema (what a bank may hold) -> loading (checked banks,
validation with lines) -> select (what exporters read); writing (text out) and
merge/roundtrip (regeneration that keeps a person's work) -> store (saving safely).
"""
from .loading import DEFAULT_BANK_DIR, Problem, ValidationReport, bank_files, read_bank, validate_banks
from .merge import MergeReport, Merged
from .reading import MAX_BANK_BYTES
from .select import QuestionFilter, Selection, select_questions
from .store import bank_path, save_generated, saved_bank
from .writing import dump_bank, write_bank

__all__ = ["DEFAULT_BANK_DIR", "MAX_BANK_BYTES", "MergeReport", "Merged", "Problem", "QuestionFilter",
           "Selection", "ValidationReport", "bank_files", "bank_path", "dump_bank", "read_bank",
           "save_generated", "saved_bank", "select_questions", "validate_banks", "write_bank"]
