"""Exporters: each module turns a Selection into one file, behind the same small interface.

    write(selection: Selection, out: Path, options: ExportOptions) -> Path
"""
from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Callable

from ..bank import Selection
from ..errors import UsageError


@dataclass
class ExportOptions:
    """Options any exporter may read; each uses the ones that apply to it."""

    title: str = "quizgen quiz"
    seed: int = 0
    deck_name: str = "quizgen"
    versions: int = 1
    count: int | None = None
    paper: str = "a4"
    answer_key: bool = True
    key_only: bool = False
    format: str = ""        # the format name chosen, for modules that write several
    reverse_roles: bool = False   # Anki: also a reversed card (position -> person) for role questions
    typed: bool = False           # Anki: short and cloze questions as "type the answer" cards, marked on the card
    with_story: bool = False      # quizzes: each story's text before its questions
    story_dirs: list[str] = field(default_factory=list)   # quizzes: where story files are (--stories)


# format name -> module in this package holding `write`
FORMATS: dict[str, str] = {
    "apkg": "anki",
    "pdf": "pdf",
    "html": "html",
    "html-interactive": "interactive",
    "md": "markdown",
    "csv": "delimited",
    "tsv": "delimited",
    "gift": "gift",
    "moodle-xml": "moodle",
}


def writer_for(fmt: str) -> Callable[[Selection, Path, ExportOptions], Path]:
    module = FORMATS.get(fmt)
    if module is None:
        raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(sorted(FORMATS))}")
    return import_module(f"{__name__}.{module}").write


def export(selection: Selection, out: str | Path, fmt: str, options: ExportOptions | None = None) -> Path:
    """Write the selection as `fmt` to `out`; `-` writes it to stdout (for pipes)."""
    options = options or ExportOptions()
    options.format = fmt
    if str(out) == STDOUT:
        with tempfile.TemporaryDirectory(prefix="quizgen-") as folder:
            written = writer_for(fmt)(selection, Path(folder) / f"out.{fmt}", options)
            sys.stdout.flush()
            sys.stdout.buffer.write(written.read_bytes())
            sys.stdout.flush()
        return Path(STDOUT)
    return writer_for(fmt)(selection, Path(out), options)


STDOUT = "-"
