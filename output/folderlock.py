"""One run at a time per output folder: two runs writing one manifest lose entries (the last
writer wins), so a second run is refused with a clear line while the first holds the lock.

The lock is `flock` on the folder itself (no lock file to leave behind or go stale): the
kernel releases it when the holder exits, however it exits.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


class FolderBusy(Exception):
    """Another run holds the output folder."""


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, as before
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FolderBusy(
                "another dhrplan run is writing to this output folder; "
                "run again when it has finished"
            ) from None
        yield
    finally:
        os.close(fd)
