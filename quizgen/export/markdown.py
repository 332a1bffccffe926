"""A Markdown quiz with its key, for pasting into documents."""
from __future__ import annotations

import re
from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from . import ExportOptions
from .layout import LETTERS, Item, lay_out

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str) -> str:
    """Story text shown literally: Markdown and HTML characters escaped."""
    return _MARKDOWN.sub(r"\\\1", text.replace("&", "&amp;"))


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    return write_atomic(out, render(selection, options))


def render(selection: Selection, options: ExportOptions) -> str:
    layout = lay_out(selection, options)
    lines: list[str] = []
    for version in layout.versions:
        heading = md(layout.title) + (f" — Version {version.letter}" if version.letter else "")
        if not layout.key_only:
            lines += [f"# {heading}", ""]
            if layout.about:
                lines += [f"*About the story “{md(layout.about)}”*", ""]
            lines += ["Name: ________  Class: ________  Date: ________", "",
                      ("Read each story, then answer the questions under it. " if layout.with_story else "")
                      + f"Total: {version.total_points} points.", ""]
            for group in version.groups:
                if group.story:
                    lines += [f"## {md(group.story.title)}", ""]
                    for paragraph in group.story.paragraphs:
                        lines += [f"> {md(paragraph)}", ">"]
                    lines[-1] = ""
                for section in group.sections:
                    lines += [f"{'###' if group.story else '##'} {section.title}", "",
                              f"*{section.instructions}*", ""]
                    for item in section.items:
                        lines += _item(item)
        if layout.answer_key or layout.key_only:
            lines += [f"## Answer key — {heading}", ""]
            lines += [f"{item.number}. **{md(item.key)}** — {md(item.question.source)}" for item in version.items]
            lines.append("")
    return "\n".join(lines) + "\n"


def _item(item: Item) -> list[str]:
    question = item.question
    label = f"*From “{md(item.story_title)}”* — " if item.story_title else ""
    lines = [f"{item.number}. {label}{md(question.prompt)} [{item.points}]"]
    if question.type == "mcq":
        lines += [f"    - {LETTERS[i]}. {md(c)}" for i, c in enumerate(item.choices)]
    elif question.type == "truefalse":
        lines.append("    - ☐ True ☐ False")
    elif question.type == "matching":
        lines += [f"    - {n}. {md(left)} ____" for n, (left, _) in enumerate(question.pairs, 1)]
        lines += [f"    - {LETTERS[i]}. {md(r)}" for i, r in enumerate(item.right_column)]
    return lines + [""]
