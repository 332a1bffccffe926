"""Story files as people have them: plain text in any encoding, saved web pages, Word files.

`read_document` picks the reader. A file's extension is a promise: a `.html`
that holds a Word file, or a `.txt` that holds a web page, is refused with a
line saying what it is, rather than read as garbage. Without a telling
extension (stdin, `notes`, `story.md`) the content decides.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import QuizgenError
from .document import Document
from .text import decode_text
from .webpage import has_markup, looks_like_page, read_page
from .word import OLE_MAGIC, ZIP_MAGIC, read_word

# The kinds of story file, by extension; folders are searched for these.
STORY_SUFFIXES: dict[str, str] = {".txt": "text", ".html": "html", ".htm": "html", ".docx": "docx"}
_KIND_NAMES = {"text": "plain text", "html": "a web page", "docx": "a Word file"}
_RENAME_TO = {"text": ".txt", "html": ".html", "docx": ".docx"}

# A browser saving "Web page, complete" puts the page's images and scripts (and the odd
# advert frame, itself an .html file) in a folder beside it: `name.html` + `name_files/`.
_PAGE_ASSETS_SUFFIX = "_files"
# Word keeps a lock file `~$name.docx` beside a document while it is open.
_WORD_LOCK_PREFIX = "~$"

__all__ = ["Document", "STORY_SUFFIXES", "is_story_file", "read_document"]


def is_story_file(path: str, folder: Path) -> bool:
    """Whether a file found under `folder` is a story: a known extension, and neither a Word
    lock file nor part of a saved page's assets."""
    file = Path(path)
    return (file.suffix.lower() in STORY_SUFFIXES and not file.name.startswith(_WORD_LOCK_PREFIX)
            and not _in_page_assets(file, folder))


def _in_page_assets(path: Path, folder: Path) -> bool:
    for parent in path.relative_to(folder).parents:
        if parent.name.endswith(_PAGE_ASSETS_SUFFIX):
            stem = folder / parent.parent / parent.name[: -len(_PAGE_ASSETS_SUFFIX)]
            if any(stem.with_name(stem.name + suffix).is_file()
                   for suffix, kind in STORY_SUFFIXES.items() if kind == "html"):
                return True
    return False


def read_document(raw: bytes, path: str) -> Document:
    """The story in `raw` (the bytes of `path`, or of stdin when path is `-`), read by the right reader."""
    promised = None if path == "-" else STORY_SUFFIXES.get(Path(path).suffix.lower())
    archive = raw.startswith((ZIP_MAGIC, OLE_MAGIC))
    if promised == "docx" or (promised is None and archive):
        return read_word(raw, path)
    if archive:
        _refuse(path, "docx", promised)
    text, encoding = decode_text(raw, path)
    if promised == "html" or (promised is None and looks_like_page(text)):
        if not has_markup(text):
            _refuse(path, "text", "html")
        return read_page(text, encoding, path)
    if looks_like_page(text):
        _refuse(path, "html", "text")
    return Document(body=text, title=None, reader="text", encoding=encoding)


def _refuse(path: str, found: str, promised: str) -> None:
    raise QuizgenError(f"holds {_KIND_NAMES[found]}, not {_KIND_NAMES[promised]} as its name says: "
                       f"rename it to {_RENAME_TO[found]}", path)
