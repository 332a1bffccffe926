"""A Markdown quiz for pasting into documents."""
from __future__ import annotations

from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from . import ExportOptions


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    lines = [f"# {options.title}", ""]
    lines += [f"{n}. {q.prompt}" for n, q in enumerate(selection.questions, 1)]
    return write_atomic(out, "\n".join(lines) + "\n")
