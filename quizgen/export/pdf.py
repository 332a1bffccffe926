"""A printable PDF quiz through fpdf2 with a bundled Unicode font."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

from ..atomic import write_atomic
from ..bank import Selection
from . import ExportOptions

FONT_DIR = Path(__file__).parent / "fonts"


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    pdf = FPDF(format=options.paper)
    pdf.set_creation_date(datetime(2000, 1, 1, tzinfo=timezone.utc))
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", size=16)
    pdf.multi_cell(0, 10, options.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=11)
    for number, question in enumerate(selection.questions, 1):
        pdf.multi_cell(0, 7, f"{number}. {question.prompt}", new_x="LMARGIN", new_y="NEXT")
    return write_atomic(out, bytes(pdf.output()))
