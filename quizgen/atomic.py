"""Atomic file writes: a crash or Ctrl-C mid-write leaves the old file intact."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import QuizgenError


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write beside the target, flush to disk, then rename over it."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise QuizgenError(f"cannot write here: {exc.strerror or exc}", path) from exc
    try:
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


def _remove_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
