"""Plain text in whatever encoding a teacher's editor saved it.

A byte-order mark is definitive (Notepad's "Unicode" is UTF-16 with one);
without one, UTF-8 is tried first because it almost never decodes legacy text
by accident; only then is the encoding guessed, and the guess is reported.
"""
from __future__ import annotations

import codecs
import sys

from ..errors import QuizgenError

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# What Notepad and Word write in the West, and what browsers assume for unlabelled pages.
_PREFERRED_LEGACY = "cp1252"
_CUT_SHORT = "the file is cut short in the middle of a character"


def decode_text(raw: bytes, path: str) -> tuple[str, str]:
    """(text, encoding used), or a QuizgenError naming the file (and line) for binary data."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                if exc.end == len(raw):
                    raise QuizgenError(_CUT_SHORT, path) from None
                raise QuizgenError(f"not {encoding.upper()} text despite its byte-order mark "
                                   f"(byte {exc.start})", path) from None
            _refuse_nul(text, path)
            return text, encoding
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise QuizgenError("binary file (NUL byte), not a text story", path, line)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc
    if _cut_short_utf8(raw, first_bad):
        raise QuizgenError(_CUT_SHORT, path, raw.count(b"\n") + 1)
    guess = _guess_legacy(raw)
    if guess is None:
        line = raw[: first_bad.start].count(b"\n") + 1
        raise QuizgenError(f"not text in any known encoding (byte 0x{raw[first_bad.start]:02x})",
                           path, line)
    text, encoding = guess
    note(path, f"not UTF-8; read as {encoding}")
    return text, encoding


def _cut_short_utf8(raw: bytes, error: UnicodeDecodeError) -> bool:
    """UTF-8 with accents up to a last character that stops half-way: a download cut short.
    (A legacy file fails on its first accent, not at its very end.)"""
    return (error.reason == "unexpected end of data" and error.end == len(raw)
            and not raw[: error.start].isascii())


def _guess_legacy(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) by charset-normalizer, which honours a page's own <meta charset>.

    Short text with a few accented letters fits many code pages equally well; then Windows-1252
    is taken, as browsers do for unlabelled Western pages (and for ISO-8859-1, its subset).
    """
    from charset_normalizer import from_bytes    # imported here: most stories are UTF-8

    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        return None
    fitting = {name for match in matches for name in match.could_be_from_charset}
    if _PREFERRED_LEGACY in fitting or best.encoding == "latin_1":
        try:
            return raw.decode(_PREFERRED_LEGACY), _PREFERRED_LEGACY
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def _refuse_nul(text: str, path: str) -> None:
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise QuizgenError("binary file (NUL character), not a text story", path, line)


def note(path: str, message: str) -> None:
    """One line on stderr about a file that was read, but not as the person may expect."""
    print(f"quizgen: {path}: note: {message}", file=sys.stderr, flush=True)
