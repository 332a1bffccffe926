"""A small progress bar on stderr, shown only to a person at a terminal."""
from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], total: int | None, label: str, enabled: bool = True) -> Iterator[T]:
    """Yield items, redrawing `label [####....] n/total` at most ten times a second."""
    stream = sys.stderr
    if not enabled or not total or not stream.isatty():
        yield from items
        return
    started = last = time.monotonic()
    done = 0
    try:
        for item in items:
            yield item
            done += 1
            now = time.monotonic()
            if now - last >= 0.1 or done == total:
                last = now
                _draw(stream, label, done, total, now - started)
    finally:
        stream.write("\n")
        stream.flush()


def _draw(stream, label: str, done: int, total: int, elapsed: float) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate else 0.0
    stream.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
                 f"  {rate:,.0f}/s  eta {eta:,.0f}s ")
    stream.flush()
