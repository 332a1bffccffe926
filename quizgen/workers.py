"""Worker processes for work that splits by file (stories, banks)."""
from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers leave Ctrl-C to the main process, which stops them and says so once."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
