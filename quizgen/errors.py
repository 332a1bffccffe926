"""The one error type quizgen raises on purpose.

Library code raises `QuizgenError` for anything a user can fix (bad input,
bad bank, bad option); the CLI turns it into one line on stderr and an exit
code. Anything else escaping is a bug, shown with a traceback only under
`--debug`.
"""
from __future__ import annotations

import re
from pathlib import Path

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_DATA = 1      # bad data: unreadable story, invalid bank, failed stories
EXIT_USAGE = 2     # bad usage: unknown option, missing file, nothing to read
EXIT_BUG = 3       # an unexpected internal error (a bug: please report it)
EXIT_INTERRUPTED = 130


class QuizgenError(Exception):
    """A problem a user can fix, located at a file (and line) when known."""

    def __init__(self, message: str, path: str | Path | None = None,
                 line: int | None = None, exit_code: int = EXIT_DATA):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.exit_code = exit_code

    def __str__(self) -> str:
        where = printable(self.path or "")
        if where and self.line:
            where = f"{where}:{self.line}"
        message = printable(self.message)
        return f"{where}: {message}" if where else message


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """Text safe for a one-line message: line breaks and terminal escapes shown, not obeyed."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1] if m.group() != "\x1b" else "\\e", str(text))


class UsageError(QuizgenError):
    """Bad invocation: missing file, unknown format, nothing selected."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message, path, line, exit_code=EXIT_USAGE)
