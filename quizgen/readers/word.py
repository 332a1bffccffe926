"""Word files (.docx): paragraphs in order, the title from the opening heading or the file's title."""
from __future__ import annotations

import io
import zipfile

from ..errors import QuizgenError
from .document import Document

ZIP_MAGIC = b"PK\x03\x04"
# Word keeps a password-protected .docx (and every old .doc) in an OLE compound file.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A .docx is a zip; refuse one that would unpack to more than this (a zip bomb).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_HEADING_STYLES = ("Title", "Heading")


def read_word(raw: bytes, path: str) -> Document:
    """The Word file's text as a Document, or one QuizgenError line for anything that is not one."""
    import docx    # imported here: most stories are not Word files

    if raw.startswith(OLE_MAGIC):
        raise QuizgenError("password-protected Word file or an old .doc: remove the password, "
                           "or save it as .docx", path)
    if not raw.startswith(ZIP_MAGIC):
        raise QuizgenError("not a Word .docx file (it is not a zip archive)", path)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise QuizgenError(f"Word file unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB", path)
        document = docx.Document(io.BytesIO(raw))
        paragraphs = [(paragraph.style.name if paragraph.style is not None else "", paragraph.text)
                      for paragraph in document.paragraphs]
        file_title = document.core_properties.title
    except QuizgenError:
        raise
    except Exception as exc:   # noqa: BLE001 - zip and XML parsers failing on a damaged file is bad input
        raise QuizgenError(f"not a readable Word .docx file ({_reason(exc)})", path) from None
    lines = [(style or "", text.strip()) for style, text in paragraphs if text.strip()]
    if not lines:
        raise QuizgenError("empty Word file (no text)", path)
    title = " ".join((file_title or "").split()) or None
    if lines[0][0].startswith(_HEADING_STYLES):
        title = " ".join(lines.pop(0)[1].split())
    return Document(body="\n\n".join(text for _, text in lines), title=title, reader="docx",
                    encoding=None)


def _reason(exc: Exception) -> str:
    message = str(exc).splitlines()[0][:80] if str(exc) else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
