"""A self-contained printable HTML quiz: inline CSS, a print stylesheet, every text escaped."""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from . import ExportOptions
from .layout import LETTERS, Item, QuizLayout, Section, StoryText, Version, lay_out

CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #1d2330; line-height: 1.45; }
h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.15em; margin: 1.4em 0 .2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .2em; }
.fields { margin: .6em 0; } .fields span { display: inline-block; margin-right: 2em; }
.hint, .instructions, .about { color: #555; font-size: .9em; }
.from { color: #555; font-size: .8em; display: block; }
.story { border-left: 3px solid #c9ced8; padding-left: 1em; margin: 1.6em 0 .8em; }
.story p { margin: .5em 0; }
.q { margin: .9em 0; break-inside: avoid; page-break-inside: avoid; }
.start { break-inside: avoid; page-break-inside: avoid; }
.choices { list-style: none; padding-left: 1.5em; margin: .3em 0; }
.line { border-bottom: 1px solid #444; height: 1.8em; margin-left: 1.5em; }
.match { display: grid; grid-template-columns: 1fr 1fr; gap: .2em 2em; margin-left: 1.5em; }
.key li { margin: .4em 0; } .key .src { color: #555; font-size: .85em; }
.version + .version, .key-page { break-before: page; page-break-before: always; }
@media print { body { margin: 0; max-width: none; } }
"""


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    return write_atomic(out, render(selection, options))


def render(selection: Selection, options: ExportOptions) -> str:
    layout = lay_out(selection, options)
    parts = [page_head(layout.title, CSS)]
    for version in layout.versions:
        if not layout.key_only:
            parts.append(_version(layout, version))
        if layout.answer_key or layout.key_only:
            parts.append(_key(layout, version))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def page_head(title: str, css: str) -> str:
    return (f"<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)}</title><style>{css}</style></head><body>")


def heading(layout: QuizLayout, version: Version) -> str:
    return escape(layout.title) + (f" — Version {version.letter}" if version.letter else "")


def about(layout: QuizLayout) -> str:
    return f"<p class=about>About the story “{escape(layout.about)}”</p>" if layout.about else ""


def story_block(story: StoryText, level: int = 2) -> str:
    """The story's title and paragraphs, escaped, as the reading before its questions."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return f"<article class=story><h{level}>{escape(story.title)}</h{level}>{paragraphs}</article>"


def from_label(item: Item) -> str:
    return f"<span class=from>From “{escape(item.story_title)}”</span>" if item.story_title else ""


def section_html(section: Section, level: int, render_item, instructions: str = "") -> str:
    """A section whose heading and instructions stay on one page with its first question."""
    head = (f"<h{level}>{escape(section.title)}</h{level}>"
            f"<p class=hint>{escape(instructions or section.instructions)}</p>")
    items = [render_item(item) for item in section.items]
    return f"<div class=start>{head}{items[0]}</div>" + "".join(items[1:])


def _version(layout: QuizLayout, version: Version) -> str:
    html = [f"<section class=version><h1>{heading(layout, version)}</h1>", about(layout),
            "<div class=fields><span>Name: ____________________</span><span>Class: __________</span>"
            "<span>Date: __________</span></div>",
            f"<p class=instructions>{'Read each story, then answer the questions under it. ' if layout.with_story else ''}"
            f"Answer every question. Points are shown in brackets; total {version.total_points}.</p>"]
    for group in version.groups:
        if group.story:
            html.append(story_block(group.story))
        for section in group.sections:
            html.append(section_html(section, 3 if group.story else 2, _item))
    html.append("</section>")
    return "\n".join(html)


def _item(item: Item) -> str:
    question = item.question
    body = [f"<div class=q><p>{from_label(item)}{item.number}. {escape(question.prompt)} "
            f"<span class=hint>[{item.points}]</span></p>"]
    if question.type == "mcq":
        body.append("<ul class=choices>" + "".join(f"<li>{LETTERS[i]}. {escape(c)}</li>"
                                                   for i, c in enumerate(item.choices)) + "</ul>")
    elif question.type == "truefalse":
        body.append("<ul class=choices><li>☐ True &nbsp;&nbsp; ☐ False</li></ul>")
    elif question.type == "matching":
        cells = []
        for row in range(max(len(question.pairs), len(item.right_column))):
            left = f"{row + 1}. {escape(question.pairs[row][0])} ____" if row < len(question.pairs) else ""
            right = f"{LETTERS[row]}. {escape(item.right_column[row])}" if row < len(item.right_column) else ""
            cells.append(f"<div>{left}</div><div>{right}</div>")
        body.append("<div class=match>" + "".join(cells) + "</div>")
    else:
        body.append("<div class=line></div>" * (2 if question.type == "short" else 1))
    body.append("</div>")
    return "".join(body)


def _key(layout: QuizLayout, version: Version) -> str:
    rows = "".join(f"<li><b>{item.number}. {escape(item.key)}</b><br><span class=src>"
                   f"{escape(item.question.source)}</span></li>" for item in version.items)
    return f"<section class=key-page><h1>Answer key — {heading(layout, version)}</h1><ul class=key>{rows}</ul></section>"
