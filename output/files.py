"""Atomic file writes, so an interrupted run never leaves a half-written file that looks finished.

Each write goes to a hidden temporary file in the destination folder (same file system, so the
rename is atomic), is flushed and fsynced, then renamed over the destination with `os.replace`.
The result has the permissions a plain `open(path, "w")` would give it: those of the file it
replaces, or for a new file 0o666 less the umask (the temporary file is created that way, so the
umask is never read or changed).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` only if the `with` block finishes without error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            _keep_mode(path, tmp)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


NAME_MAX = 255
"""Bytes in one file name on every common file system."""
TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$", re.S)
"""The names `_temporary_name` gives; what a killed run leaves behind looks like this."""


def _temporary_name(name: str) -> str:
    """`.<name>.<8 hex>.tmp`, the name cut so the whole fits in NAME_MAX bytes (a name that
    fits only just must not fail for its temporary's 14 bytes)."""
    tail = f".{os.urandom(4).hex()}.tmp"  # secrets.token_hex(4), without importing secrets
    room = NAME_MAX - 1 - len(tail)
    encoded = os.fsencode(name)
    if len(encoded) > room:
        name = os.fsdecode(encoded[:room])  # a cut character stays bytes: fine in a name
    return f".{name}{tail}"


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files that a killed run left in `folder` and its subfolders. Runs hold the
    folder's lock (folderlock.py), so no temporary found there can still be being written."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if TEMPORARY.match(name):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new hidden file beside `path`, created as `open()` creates files (0o666 & ~umask),
    unlike `tempfile.mkstemp`, whose 0o600 would survive the rename."""
    for _ in range(100):
        tmp = path.with_name(_temporary_name(path.name))
        try:
            return os.open(tmp, _FLAGS, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file beside {path}")


def _keep_mode(path: Path, tmp: Path) -> None:
    """A file that replaces another keeps the other's permissions, as rewriting it would."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except FileNotFoundError:
        return
    os.chmod(tmp, mode)


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
