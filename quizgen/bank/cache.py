"""A cache of banks as read, so reading an archive of unchanged banks again is quick.

Each bank read without a problem is kept, as plain data, in the user's cache folder
($XDG_CACHE_HOME/quizgen/banks), under a name made from its real path. An entry
counts only while the file has the same size, modification time and inode and
quizgen is the same build; anything else, or any trouble with the cache, and the
bank is simply read again. Nothing here is ever needed: it only saves time.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from functools import lru_cache
from pathlib import Path

ENTRY_VERSION = 2          # 2: a bank record (story, question rows), not the parsed YAML


def cache_folder() -> Path | None:
    if os.environ.get("QUIZGEN_CACHE") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "quizgen" / "banks"


@lru_cache(maxsize=1)
def _build() -> str:
    """Which quizgen read the bank: a new build reads every bank afresh."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_identity(path: Path) -> tuple[int, int, int] | None:
    """(size, modification time, inode): what tells that a file has changed, or None if unreadable."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ino


def _entry(path: Path, identity: tuple[int, int, int] | None = None) -> tuple[Path, tuple] | None:
    folder = cache_folder()
    if folder is None:
        return None
    identity = identity or file_identity(path)
    if identity is None:
        return None
    try:
        real = os.path.realpath(path)
    except OSError:
        return None
    name = hashlib.sha1(real.encode("utf-8", "surrogatepass")).hexdigest() + ".marshal"
    return folder / name, (ENTRY_VERSION, _build(), real, *identity)


def cached_document(path: Path) -> object | None:
    """The bank's data as last read, if the file has not changed since."""
    entry = _entry(path)
    if entry is None:
        return None
    try:
        with open(entry[0], "rb") as handle:
            identity, doc = marshal.loads(handle.read())     # marshal.load(handle) reads in small pieces: 6x slower
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return doc if identity == entry[1] else None


def remember_document(path: Path, doc: object, identity: tuple[int, int, int] | None = None) -> None:
    """Keep `doc` as what the file at `path` holds while it has `identity` (by default, as it is now)."""
    entry = _entry(path, identity)
    if entry is None:
        return
    file, identity = entry
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=file.parent, prefix=".entry-")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump((identity, doc), handle)
        os.replace(temporary, file)
    except (OSError, ValueError):
        pass
