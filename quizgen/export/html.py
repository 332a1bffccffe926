"""A self-contained printable HTML quiz."""
from __future__ import annotations

import html
from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from . import ExportOptions


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    items = "\n".join(f"<li>{html.escape(q.prompt)}</li>" for q in selection.questions)
    page = (f"<!doctype html><meta charset=utf-8><title>{html.escape(options.title)}</title>"
            f"<h1>{html.escape(options.title)}</h1><ol>{items}</ol>")
    return write_atomic(out, page)
