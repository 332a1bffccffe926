"""Saved web pages: the article alone, never the menus, sidebars, scripts or footers.

Finding the article in a page is a solved problem that trafilatura solves well,
so quizgen only turns its result into story paragraphs and checks that there is one.
"""
from __future__ import annotations

import re
from typing import Any

from ..errors import QuizgenError
from .document import Document

# Less text than this is a menu, a caption or a login box, not an article.
MIN_ARTICLE_CHARS = 80
_MARKUP = re.compile(r"<(?:[a-z][a-z0-9]*|!doctype)[\s/>]", re.IGNORECASE)
_PAGE_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_SNIFF_CHARS = 4096
_PAGE_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
# Image captions and credits ("Photo: Getty Images") are not the article. trafilatura drops them
# from its own pass; pruning them first keeps them out of its fallbacks (readability, jusText) too.
_NOT_ARTICLE = ["//figcaption", "//*[contains(@class, 'caption') or contains(@id, 'caption')]"]
# The inline tags of trafilatura's output tree; every other tag is a block ("lb" is a line break).
_INLINE_TAGS = frozenset({"hi", "ref", "del"})


def looks_like_page(text: str) -> bool:
    """Whether text that came without a telling name (stdin, no extension) opens as a web page."""
    return bool(_PAGE_START.match(text[:_SNIFF_CHARS]))


def has_markup(text: str) -> bool:
    """A file named .html must hold at least one tag to be a page."""
    return bool(_MARKUP.search(text))


def read_page(text: str, encoding: str, path: str) -> Document:
    """The page's article as a Document: its title, date and paragraphs in page order."""
    import trafilatura    # imported here: it takes 0.4 s and most stories are not pages

    if looks_like_page(text) and not _PAGE_END.search(text):
        raise QuizgenError("the web page is cut short (no </body> or </html>)", path)

    try:
        found = trafilatura.bare_extraction(
            text, with_metadata=True, favor_precision=True, prune_xpath=_NOT_ARTICLE,
            include_comments=False, include_images=False)
    except Exception as exc:   # noqa: BLE001 - a parser failing on a hostile page is bad input
        raise QuizgenError(f"cannot read the web page ({type(exc).__name__})", path) from None
    paragraphs = _paragraphs(found.body) if found is not None and found.body is not None else []
    title = _clean(found.title) if found is not None else None
    if paragraphs and title and _clean(paragraphs[0]) == title:
        paragraphs.pop(0)        # the headline is the title, not the first paragraph
    if sum(len(p) for p in paragraphs) < MIN_ARTICLE_CHARS:
        raise QuizgenError("no article found in the web page (only menus, links or nothing)", path)
    return Document(body="\n\n".join(paragraphs), title=title or None, reader="html",
                    encoding=encoding, published=found.date or None)


def _paragraphs(body: Any) -> list[str]:
    """One paragraph per block of trafilatura's tree (and per line break), as a .txt story
    has one per line; its own text rendering would run a caption into the next paragraph."""
    from lxml import etree

    paragraphs: list[str] = []
    pieces: list[str] = []

    def flush() -> None:
        text = _clean("".join(pieces))
        if text:
            paragraphs.append(text)
        pieces.clear()

    for event, element in etree.iterwalk(body, events=("start", "end")):
        block = element.tag not in _INLINE_TAGS
        if block:
            flush()
        pieces.append((element.text if event == "start" else element.tail) or "")
    flush()
    return paragraphs


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())
