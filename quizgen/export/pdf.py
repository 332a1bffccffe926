"""A printable PDF quiz (fpdf2, bundled DejaVu font): versions, answer keys, no split questions.

The same seed gives the same bytes: the creation date is fixed and nothing
else in the file depends on time. Characters the bundled font cannot draw
(Chinese, Japanese, Korean) print as a visible marker, explained on the page,
rather than as silent blanks.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

from ..atomic import write_atomic
from ..bank import Selection
from . import ExportOptions
from .layout import LETTERS, Group, Item, QuizLayout, Section, Version, lay_out

FONT_DIR = Path(__file__).parent / "fonts"
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
BODY, SMALL, STORY = 11, 9, 10
INDENT = 6          # mm: choices, answer lines and sources sit under their question
MISSING = "\u25af"      # ▯ stands in for each character the font cannot draw
MISSING_NOTE = (f"{MISSING} marks a character this PDF's font cannot show (for example Chinese, Japanese or "
                "Korean); the HTML quiz (--format html) shows every character.")


class QuizPDF(FPDF):
    """The bundled DejaVu faces, and page numbers on every page: one short cell, cheap to lay out
    however many pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.drawable = frozenset(self.fonts["dejavu"].cmap) & frozenset(self.fonts["dejavuB"].cmap)
        self.wrapped: dict[tuple, list[str]] = {}
        self.word_widths: dict[tuple, dict[str, float]] = {}

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", size=7)
        self.set_text_color(110)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0)


def printable(pdf: QuizPDF, text: str) -> str:
    """The text with each character the font cannot draw replaced by the marker."""
    if text.isascii():
        return text
    return "".join(c if ord(c) in pdf.drawable or c in "\n\t" else MISSING for c in text)


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    return write_atomic(out, render(selection, options))


def render(selection: Selection, options: ExportOptions) -> bytes:
    layout = lay_out(selection, options)
    pdf = QuizPDF(format=options.paper)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(layout.title)
    pdf.set_creator("quizgen")
    pdf.set_auto_page_break(True, margin=20)
    missing = _has_missing_glyphs(pdf, layout)
    for version in layout.versions:
        if not layout.key_only:
            _quiz_pages(pdf, layout, version, missing)
        if layout.answer_key or layout.key_only:
            _key_pages(pdf, layout, version)
    return bytes(pdf.output())


def _has_missing_glyphs(pdf: QuizPDF, layout: QuizLayout) -> bool:
    texts = [layout.title, *layout.story_titles]
    for item in layout.versions[0].items:
        question = item.question
        texts += [question.prompt, question.source, item.key, *item.choices, *item.right_column,
                  *(left for left, _ in question.pairs)]
    for group in layout.versions[0].groups:
        if group.story:
            texts += [group.story.title, *group.story.paragraphs]
    return any(MISSING in printable(pdf, text) for text in texts)


def _lines(pdf: QuizPDF, width: float, text: str) -> list[str]:
    """The text wrapped to the width, greedily at spaces (long words split by character).

    fpdf2's multi_cell re-measures a line for every character it adds, which made a
    4,000-question quiz take over a minute and a half; words measured once and cached
    make line breaking linear.
    """
    key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, width, text)
    if key in pdf.wrapped:
        return pdf.wrapped[key]
    room = width - 2 * pdf.c_margin
    widths = pdf.word_widths.setdefault((pdf.font_family, pdf.font_style, pdf.font_size_pt), {})

    def measure(word: str) -> float:
        if word not in widths:
            widths[word] = pdf.get_string_width(word)
        return widths[word]

    lines: list[str] = []
    for paragraph in printable(pdf, text).split("\n"):
        line, used = "", 0.0
        for word in paragraph.split(" "):
            size = measure(word)
            if line and used + measure(" ") + size <= room:
                line, used = f"{line} {word}", used + measure(" ") + size
                continue
            if line:
                lines.append(line)
            while size > room and len(word) > 1:      # a word wider than the column
                cut = max(1, next((n for n in range(len(word), 0, -1) if measure(word[:n]) <= room), 1))
                lines.append(word[:cut])
                word = word[cut:]
                size = measure(word)
            line, used = word, size
        lines.append(line)
    pdf.wrapped[key] = lines
    return lines


def _width(pdf: QuizPDF, width: float, x: float) -> float:
    return width or pdf.w - pdf.r_margin - x


def _text(pdf: QuizPDF, width: float, line: float, text: str, indent: float = 0) -> None:
    """Wrapped text from the left margin (plus indent), a cell per line; pages break between lines."""
    x = pdf.l_margin + indent
    width = _width(pdf, width, x)
    for part in _lines(pdf, width, text):
        pdf.set_x(x)
        pdf.cell(width, line, part, new_x="LMARGIN", new_y="NEXT")


def _measure(pdf: QuizPDF, width: float, line: float, text: str, indent: float = 0) -> float:
    return line * len(_lines(pdf, _width(pdf, width, pdf.l_margin + indent), text))


def _quiz_pages(pdf: QuizPDF, layout: QuizLayout, version: Version, missing: bool) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    _text(pdf, 0, 8, layout.title + (f" — Version {version.letter}" if version.letter else ""))
    if layout.about:
        pdf.set_font("DejaVu", size=SMALL)
        _text(pdf, 0, 5, f"About the story “{layout.about}”")
    pdf.set_font("DejaVu", size=BODY)
    pdf.ln(2)
    pdf.cell(0, 7, "Name: ______________________   Class: __________   Date: __________",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=SMALL)
    instructions = f"Answer every question. Points are shown in brackets; total {version.total_points}."
    if layout.with_story:
        instructions = "Read each story, then answer the questions under it. " + instructions
    _text(pdf, 0, 5, instructions)
    if missing:
        pdf.set_text_color(90)
        _text(pdf, 0, 4.5, MISSING_NOTE)
        pdf.set_text_color(0)
    for group in version.groups:
        if group.story:
            _story(pdf, group)
        for section in group.sections:
            _section(pdf, section)


def _story(pdf: QuizPDF, group: Group) -> None:
    """The story's title and text, the title kept with the start of its first paragraph."""
    story = group.story
    pdf.ln(4)
    pdf.set_font("DejaVu", size=STORY)
    first = _measure(pdf, pdf.epw, 5, story.paragraphs[0]) if story.paragraphs else 0
    pdf.set_font("DejaVu", "B", 13)
    _keep_together(pdf, _measure(pdf, pdf.epw, 6.5, story.title) + 2 + min(first, 15))
    _text(pdf, 0, 6.5, story.title)
    pdf.ln(1)
    pdf.set_font("DejaVu", size=STORY)
    for paragraph in story.paragraphs:
        _text(pdf, 0, 5, paragraph)
        pdf.ln(1.5)


def _section(pdf: QuizPDF, section: Section) -> None:
    """A section's heading and instructions, never alone at the foot of a page: they start a page
    together with the first question when the question would not fit under them."""
    pdf.ln(3)
    _keep_together(pdf, 12 + _item_height(pdf, section.items[0]))
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(0, 7, section.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=SMALL)
    pdf.cell(0, 5, section.instructions, new_x="LMARGIN", new_y="NEXT")
    for item in section.items:
        _keep_together(pdf, _item_height(pdf, item))
        if item.question.type == "matching":
            _matching(pdf, item)
        else:
            _item(pdf, item)


def _keep_together(pdf: QuizPDF, height: float) -> None:
    """Start a new page rather than split a block (fpdf2's unbreakable() copies the whole
    document per use, far too slow for a 200-question quiz)."""
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _label(item: Item) -> str:
    return f"From “{item.story_title}”"


def _item_height(pdf: QuizPDF, item: Item) -> float:
    question = item.question
    height = 1.5
    if item.story_title:
        pdf.set_font("DejaVu", size=SMALL - 1)
        height += _measure(pdf, pdf.epw, 4.2, _label(item))
    pdf.set_font("DejaVu", size=BODY)
    height += _measure(pdf, pdf.epw, 5.5, f"00. {question.prompt}  [{item.points}]")
    if question.type == "mcq":
        height += sum(_measure(pdf, 0, 5.5, f"{LETTERS[i]}.  {c}", INDENT) for i, c in enumerate(item.choices))
    elif question.type == "truefalse":
        height += 6
    elif question.type == "matching":
        height += sum(5.5 * max(len(left), len(right)) for left, right in _matching_rows(pdf, item))
    else:
        height += 1 + 8 * (2 if question.type == "short" else 1)
    return height


def _heading(pdf: QuizPDF, item: Item) -> None:
    pdf.ln(1.5)
    if item.story_title:
        pdf.set_font("DejaVu", size=SMALL - 1)
        pdf.set_text_color(90)
        _text(pdf, 0, 4.2, _label(item))
        pdf.set_text_color(0)
    pdf.set_font("DejaVu", size=BODY)
    _text(pdf, 0, 5.5, f"{item.number}. {item.question.prompt}  [{item.points}]")


def _item(pdf: QuizPDF, item: Item) -> None:
    question = item.question
    _heading(pdf, item)
    if question.type == "mcq":
        for index, choice in enumerate(item.choices):
            _text(pdf, 0, 5.5, f"{LETTERS[index]}.  {choice}", INDENT)
    elif question.type == "truefalse":
        pdf.set_x(pdf.l_margin + INDENT)
        pdf.cell(0, 6, "☐ True        ☐ False", new_x="LMARGIN", new_y="NEXT")
    else:
        for _ in range(2 if question.type == "short" else 1):
            pdf.set_x(pdf.l_margin + INDENT)
            pdf.cell(pdf.epw - INDENT, 8, "", border="B", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)


def _matching_rows(pdf: QuizPDF, item: Item) -> list[tuple[list[str], list[str]]]:
    """Each row's left (numbered, with a blank) and right (lettered) item, wrapped to half the width."""
    question = item.question
    half = (pdf.epw - INDENT) / 2
    pdf.set_font("DejaVu", size=BODY)
    rows = []
    for row in range(max(len(question.pairs), len(item.right_column))):
        left = f"{row + 1}. {question.pairs[row][0]}  ____" if row < len(question.pairs) else ""
        right = f"{LETTERS[row]}. {item.right_column[row]}" if row < len(item.right_column) else ""
        rows.append((_lines(pdf, half, left), _lines(pdf, half, right)))
    return rows


def _matching(pdf: QuizPDF, item: Item) -> None:
    """Two columns: numbered people (with a blank) and lettered answers."""
    half = (pdf.epw - INDENT) / 2
    rows = _matching_rows(pdf, item)
    _heading(pdf, item)
    for left, right in rows:
        y = pdf.get_y()
        for column, lines in ((0, left), (1, right)):
            for number, line in enumerate(lines):
                pdf.set_xy(pdf.l_margin + INDENT + column * half, y + number * 5.5)
                pdf.cell(half, 5.5, line)
        pdf.set_xy(pdf.l_margin, y + 5.5 * max(len(left), len(right)))


def _key_pages(pdf: QuizPDF, layout: QuizLayout, version: Version) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    _text(pdf, 0, 8, "Answer key" + (f" — Version {version.letter}" if version.letter else "")
          + f" — {layout.title}")
    for item in version.items:
        _keep_together(pdf, 12)         # an answer stays with the start of its source
        pdf.set_font("DejaVu", "B", BODY)
        _text(pdf, 0, 5.5, f"{item.number}. {item.key}")
        pdf.set_font("DejaVu", size=SMALL - 1)
        pdf.set_text_color(90)
        _text(pdf, 0, 4.2, item.question.source, INDENT)
        pdf.set_text_color(0)
        pdf.ln(1)
