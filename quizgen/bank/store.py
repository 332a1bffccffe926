"""Saving generated questions into a bank file without losing anything a person wrote,
even when they save the same file in an editor while quizgen is merging."""
from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import QuizgenError
from ..models import Bank
from .cache import file_identity, remember_document
from .loading import bank_from_document, bank_record, raise_first_problem
from .merge import Merged, MergeReport, merge_text
from .reading import read_bank_text
from .writing import dump_records, question_record, story_record, write_text

MERGE_ATTEMPTS = 3


def bank_path(bank_dir: str | Path, story_id: str) -> Path:
    """Where a story's bank lives: `<story-id>.yaml`, or the `.yml` a person renamed it to."""
    path = Path(bank_dir) / f"{story_id}.yaml"
    renamed = path.with_suffix(".yml")
    return renamed if renamed.is_file() and not path.exists() else path


def save_generated(generated: Bank, path: str | Path, dry_run: bool = False) -> Merged:
    """Merge freshly generated questions into the bank at `path` (or write it new).

    The file is read again just before it is replaced; if a person saved it meanwhile, the
    merge is done again on top of their version. If it keeps changing, nothing is written.
    """
    path = Path(path)
    for _ in range(MERGE_ATTEMPTS):
        before = _current_text(path)
        merged = _merge(before, generated, path)
        if dry_run or merged.text is None:
            return merged
        if _current_text(path) != before:
            continue
        write_text(path, _as_the_file_was(merged.text, path))
        merged.report.written = True
        return merged
    raise QuizgenError(f"the bank kept changing while quizgen merged into it ({MERGE_ATTEMPTS} tries); "
                       "nothing written: try again", path)


def saved_bank(merged: Merged, path: Path) -> Bank:
    """The bank as saved, checked like any bank read from disk (an exporter will read it).

    A bank just written goes into the read cache too, so the export that follows a build
    does not parse it again: only while the file holds exactly the text written (its
    status taken before and after reading it back, so a save in between is noticed).
    """
    doc = {"story": merged.story, "questions": merged.questions}
    raise_first_problem(merged.text or _current_text(path) or "", doc, path)
    bank = bank_from_document(doc, path)
    if merged.report.written and merged.text is not None:
        before = file_identity(path)
        try:
            held = path.read_bytes()
        except OSError:
            return bank
        if before is not None and before == file_identity(path) and held == _as_the_file_was(merged.text, path).encode("utf-8"):
            remember_document(path, bank_record(bank), before)
    return bank


def _merge(text: str | None, generated: Bank, path: Path) -> Merged:
    if text is None:
        story, questions = story_record(generated.story), [question_record(q) for q in generated.questions]
        return Merged(dump_records(story, questions), questions,
                      MergeReport(str(path), added=[q.id for q in generated.questions]), story)
    return merge_text(text, generated, path)


def _as_the_file_was(text: str, path: Path) -> str:
    """Keep a bank's Windows line ends and byte-order mark, if it had them."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return text
    if b"\r\n" in head:
        text = text.replace("\n", "\r\n")
    return "\ufeff" + text if head.startswith(codecs.BOM_UTF8) else text


def _current_text(path: Path) -> str | None:
    if not path.exists() and not path.is_symlink():
        return None
    return read_bank_text(path)
