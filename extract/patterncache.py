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
file without end (it is capped at `MAX_PATTERNS` anyway).
"""

from __future__ import annotations

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

_loaded: dict[_Key, regex.Pattern[str]] | None = None
_writable = True


def _path() -> Path:
    version = f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return cache_folder() / f"regex_patterns_{version}.pickle"


def _patterns() -> dict[_Key, regex.Pattern[str]]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        try:
            with _path().open("rb") as fh:
                found = pickle.load(fh)
            if isinstance(found, dict):
                _loaded = found
        except Exception:  # missing, cut short, or from elsewhere: compile again
            pass
    return _loaded


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache file when it holds it."""
    patterns = _patterns()
    found = patterns.get((pattern, flags))
    if isinstance(found, regex.Pattern):
        return found
    made = regex.compile(pattern, flags)
    if len(patterns) < MAX_PATTERNS:
        patterns[(pattern, flags)] = made
        _save(patterns)
    return made


def _save(patterns: dict[_Key, regex.Pattern[str]]) -> None:
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
            pickle.dump(patterns, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        Path(tmp).unlink(missing_ok=True)
        _writable = False
