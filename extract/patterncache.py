"""Compiled `regex` patterns kept between processes, so that a short plan's run does not
compile the same hundred patterns again.

`regex` compiles a pattern in pure Python (parsing it and generating its matching code),
about 50 ms for the patterns the readers and normalizers build at import, an eighth of a
3-page plan's whole run; and it keeps no cache between processes. A compiled pattern
pickles as that generated code (`regex` registers its own pickling: unpickling calls its C
constructor, never the compiler), so the patterns are pickled to the user's cache folder,
beside the compiled schema, and loaded from there in about 2 ms. The file's name holds
`regex`'s and Python's versions, which the generated code belongs to; a pattern or flags
not in the file, or a file that cannot be read or written, is just compiled as before. The
cache folder is trusted as the schema's is (its checker is imported from there).

Only constant patterns go through `compiled`: ones built from a plan's text would grow the
file without end (it is capped at `MAX_PATTERNS` anyway). The file holds each pattern pickled
on its own, and a process unpickles only those it asks for: the file is shared by every
version of dhrplan on the machine, so it also holds the patterns of older code (on the
machine the benchmarks ran on, 225, of which a PDF convert asks 120; unpickling all of them
was 6 ms).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import regex

from dhrplan.extract.usercache import cache_folder

MAX_PATTERNS = 2000
"""Patterns the file keeps at most: the code compiles about a hundred; past this, new ones
are compiled in each process and not written (patterns edited during development pile up)."""

_Key = tuple[str, int]

_codes: dict[_Key, bytes] | None = None
"""The file's patterns, each pickled on its own."""
_made: dict[_Key, regex.Pattern[str]] = {}
_writable = True


def _path() -> Path:
    version = f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return cache_folder() / f"regex_pattern_codes_{version}.pickle"


def _patterns() -> dict[_Key, bytes]:
    global _codes
    if _codes is None:
        _codes = {}
        try:
            with _path().open("rb") as fh:
                found = pickle.load(fh)
            if isinstance(found, dict):
                _codes = found
        except Exception:  # missing, cut short, or from elsewhere: compile again
            pass
    return _codes


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache file when it holds it."""
    key = (pattern, flags)
    made = _made.get(key)
    if made is not None:
        return made
    codes = _patterns()
    code = codes.get(key)
    made = None
    if isinstance(code, bytes):
        with contextlib.suppress(Exception):  # damaged: compiled again below
            made = pickle.loads(code)
    if not isinstance(made, regex.Pattern):
        made = regex.compile(pattern, flags)
        if len(codes) < MAX_PATTERNS:
            codes[key] = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
            _save(codes)
    _made[key] = made
    return made


def _save(codes: dict[_Key, bytes]) -> None:
    """Atomically, so that two processes writing at once never leave half a file. Only a
    cold cache writes (once per pattern it lacks, a few tens of milliseconds once)."""
    global _writable
    if not _writable:
        return
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex_patterns_", suffix=".tmp")
    except OSError:
        _writable = False
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(codes, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        Path(tmp).unlink(missing_ok=True)
        _writable = False
