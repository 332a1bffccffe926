"""A printable PDF quiz (fpdf2, bundled DejaVu font): versions, answer keys, no split questions.

The same seed gives the same bytes: the creation date is fixed and nothing
else in the file depends on time.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue

from ..atomic import write_atomic
from ..bank import Selection
from . import ExportOptions
from .layout import LETTERS, Item, QuizLayout, Version, lay_out

FONT_DIR = Path(__file__).parent / "fonts"
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
BODY, SMALL = 11, 9


class QuizPDF(FPDF):
    """Page numbers and the source credit on every page."""

    sources = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.heights: dict[tuple, float] = {}

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", size=7)
        self.set_text_color(110)
        self.multi_cell(0, 3.5, f"Page {self.page_no()} of {{nb}}   ·   Sources: {self.sources}",
                        align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    layout = lay_out(selection, options)
    pdf = QuizPDF(format=options.paper)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(layout.title)
    pdf.set_creator("quizgen")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.sources = "; ".join(layout.sources)
    pdf.set_auto_page_break(True, margin=20)
    for version in layout.versions:
        if not layout.key_only:
            _quiz_pages(pdf, layout, version)
        if layout.answer_key or layout.key_only:
            _key_pages(pdf, layout, version)
    return write_atomic(out, bytes(pdf.output()))


def _quiz_pages(pdf: QuizPDF, layout: QuizLayout, version: Version) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    heading = layout.title + (f" — Version {version.letter}" if version.letter else "")
    pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=BODY)
    pdf.ln(2)
    pdf.cell(0, 7, "Name: ______________________   Class: __________   Date: __________",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=SMALL)
    pdf.multi_cell(0, 5, f"Answer every question. Points are shown in brackets; total {version.total_points}.",
                   new_x="LMARGIN", new_y="NEXT")
    for section in version.sections:
        pdf.ln(3)
        if pdf.get_y() + 45 > pdf.page_break_trigger:
            pdf.add_page()          # never a section heading alone at the foot of a page
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(0, 7, section.title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=SMALL)
        pdf.cell(0, 5, section.instructions, new_x="LMARGIN", new_y="NEXT")
        for item in section.items:
            if item.question.type == "matching":
                _matching(pdf, item)
            else:
                _keep_together(pdf, _item_height(pdf, item))
                _item(pdf, item)


def _measure(pdf: QuizPDF, width: float, line: float, text: str) -> float:
    """Height of a text block; versions repeat the same texts, so each is measured once."""
    key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, width, line, text)
    if key not in pdf.heights:
        pdf.heights[key] = pdf.multi_cell(width, line, text, dry_run=True, output=MethodReturnValue.HEIGHT)
    return pdf.heights[key]


def _keep_together(pdf: QuizPDF, height: float) -> None:
    """Start a new page rather than split a question (fpdf2's unbreakable() copies the whole
    document per use, far too slow for a 200-question quiz)."""
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _item_height(pdf: QuizPDF, item: Item) -> float:
    question = item.question
    pdf.set_font("DejaVu", size=BODY)
    height = 1.5 + _measure(pdf, pdf.epw, 5.5, f"00. {question.prompt}  [{item.points}]")
    if question.type == "mcq":
        height += sum(_measure(pdf, pdf.epw - 6, 5.5, f"{LETTERS[i]}.  {c}") for i, c in enumerate(item.choices))
    elif question.type == "truefalse":
        height += 6
    else:
        height += 1 + 8 * (2 if question.type == "short" else 1)
    return height


def _item(pdf: QuizPDF, item: Item) -> None:
    question = item.question
    pdf.set_font("DejaVu", size=BODY)
    pdf.ln(1.5)
    pdf.multi_cell(0, 5.5, f"{item.number}. {question.prompt}  [{item.points}]", align="L",
                   new_x="LMARGIN", new_y="NEXT")
    if question.type == "mcq":
        for index, choice in enumerate(item.choices):
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(0, 5.5, f"{LETTERS[index]}.  {choice}", new_x="LMARGIN", new_y="NEXT")
    elif question.type == "truefalse":
        pdf.set_x(pdf.l_margin + 6)
        pdf.cell(0, 6, "☐ True        ☐ False", new_x="LMARGIN", new_y="NEXT")
    else:
        for _ in range(2 if question.type == "short" else 1):
            pdf.set_x(pdf.l_margin + 6)
            pdf.cell(pdf.epw - 6, 8, "", border="B", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)


def _matching(pdf: QuizPDF, item: Item) -> None:
    """Two columns: numbered people (with a blank) and lettered answers, kept on one page."""
    question = item.question
    half = (pdf.epw - 6) / 2
    rows = []
    for row in range(max(len(question.pairs), len(item.right_column))):
        left = f"{row + 1}. {question.pairs[row][0]}  ____" if row < len(question.pairs) else ""
        right = f"{LETTERS[row]}. {item.right_column[row]}" if row < len(item.right_column) else ""
        pdf.set_font("DejaVu", size=BODY)
        height = max(_measure(pdf, half, 5.5, text) for text in (left, right))
        rows.append((left, right, height))
    _keep_together(pdf, 4 + _measure(pdf, pdf.epw, 5.5, question.prompt) + sum(h for *_, h in rows))
    pdf.ln(1.5)
    pdf.multi_cell(0, 5.5, f"{item.number}. {question.prompt}  [{item.points}]", new_x="LMARGIN", new_y="NEXT")
    for left, right, height in rows:
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin + 6, y)
        pdf.multi_cell(half, 5.5, left, align="L")
        pdf.set_xy(pdf.l_margin + 6 + half, y)
        pdf.multi_cell(half, 5.5, right, align="L")
        pdf.set_xy(pdf.l_margin, y + height)


def _key_pages(pdf: QuizPDF, layout: QuizLayout, version: Version) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 8, "Answer key" + (f" — Version {version.letter}" if version.letter else "")
                   + f" — {layout.title}", new_x="LMARGIN", new_y="NEXT")
    for item in version.items:
        key = f"{item.number}. {item.key}"
        _keep_together(pdf, 12)         # an answer stays with the start of its source
        pdf.set_font("DejaVu", "B", BODY)
        pdf.multi_cell(0, 5.5, key, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=SMALL - 1)
        pdf.set_text_color(90)
        pdf.set_x(pdf.l_margin + 6)
        pdf.multi_cell(pdf.epw - 6, 4.2, item.question.source, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(1)
