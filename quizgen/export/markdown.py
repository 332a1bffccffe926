"""A Markdown quiz with its key, for pasting into documents."""
from __future__ import annotations

import re
from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from . import ExportOptions
from .layout import LETTERS, lay_out

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str) -> str:
    """Story text shown literally: Markdown and HTML characters escaped."""
    return _MARKDOWN.sub(r"\\\1", text.replace("&", "&amp;"))


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    layout = lay_out(selection, options)
    lines: list[str] = []
    for version in layout.versions:
        heading = md(layout.title) + (f" — Version {version.letter}" if version.letter else "")
        if not layout.key_only:
            lines += [f"# {heading}", "", "Name: ________  Class: ________  Date: ________", "",
                      f"Total: {version.total_points} points.", ""]
            for section in version.sections:
                lines += [f"## {section.title}", "", f"*{section.instructions}*", ""]
                for item in section.items:
                    question = item.question
                    lines.append(f"{item.number}. {md(question.prompt)} [{item.points}]")
                    if question.type == "mcq":
                        lines += [f"    - {LETTERS[i]}. {md(c)}" for i, c in enumerate(item.choices)]
                    elif question.type == "truefalse":
                        lines.append("    - ☐ True ☐ False")
                    elif question.type == "matching":
                        lines += [f"    - {n}. {md(left)} ____" for n, (left, _) in enumerate(question.pairs, 1)]
                        lines += [f"    - {LETTERS[i]}. {md(r)}" for i, r in enumerate(item.right_column)]
                    lines.append("")
        if layout.answer_key or layout.key_only:
            lines += [f"## Answer key — {heading}", ""]
            lines += [f"{item.number}. **{md(item.key)}** — {md(item.question.source)}" for item in version.items]
            lines.append("")
    lines.append(f"*Sources: {md('; '.join(layout.sources))}*")
    return write_atomic(out, "\n".join(lines) + "\n")
