"""Atomic file writes: a crash or Ctrl-C mid-write leaves the old file intact."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import QuizgenError


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write beside the target, flush to disk, then rename over it.

    A link is written through (the file it points to is replaced, the link stays), and a
    file without write permission is refused rather than silently replaced.
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise QuizgenError("is a folder, not a file", path)
    if path.exists() and not path.stat().st_mode & 0o222:
        raise QuizgenError("is read-only; not changed (make it writable to let quizgen update it)", path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise QuizgenError(f"cannot write here: {exc.strerror or exc}", path) from exc
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        _remove_quietly(tmp)
        raise QuizgenError(f"cannot write: {exc.strerror or exc}", path) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise
    return path


def _mode_for(path: Path) -> int:
    """Keep the mode of the file being replaced; a new file gets the usual 0o666 less umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
