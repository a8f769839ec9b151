"""Pages read by several processes at once, handed back in page order.

pdfminer parses a page's content stream in pure Python, so one long plan keeps one core busy
while the others idle; when the batch has cores to spare (fewer files than jobs), a plan's
pages are spread over them. Each process opens the file itself: a file handle shared across
a fork would share its read position too.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

_reader: Callable[[int], object] | None = None
"""The page reader of this pool process, opened once by `_open`."""


def die_with_parent() -> None:
    """Linux: this process is killed when the process that started it dies, however it dies
    (SIGKILL included), so no reader outlives the batch and its deadline."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return


def _open(open_reader: Callable[[], Callable[[int], object]]) -> None:
    global _reader
    die_with_parent()
    _reader = open_reader()


def _read(number: int) -> object:
    assert _reader is not None
    return _reader(number)


def can_fork() -> bool:
    """Forked processes start at once and share the parser already imported; where fork is
    not available, starting interpreters would cost more than the pages gain."""
    return "fork" in multiprocessing.get_all_start_methods()


class PageCrashed(Exception):
    """A page-reading process died (killed, or crashed inside a native parser)."""


def map_pages(
    open_reader: Callable[[], Callable[[int], T]], numbers: range, workers: int
) -> Iterator[T]:
    """`open_reader()`'s reader applied to each page number in `workers` forked processes.

    Consecutive pages go to the same process in small chunks, so a reader that walks the page
    tree forwards (pdfminer's) never has to walk back. Results come in page order; an error
    reading a page is raised when its turn comes."""
    from concurrent.futures import ProcessPoolExecutor  # only long PDFs pay for the import
    from concurrent.futures.process import BrokenProcessPool

    workers = min(workers, len(numbers))
    chunk = max(1, min(4, len(numbers) // (4 * workers)))
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_open,
        initargs=(open_reader,),
    )
    try:
        yield from pool.map(_read, numbers, chunksize=chunk)  # type: ignore[misc]
    except BrokenProcessPool as exc:
        raise PageCrashed(str(exc)) from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
