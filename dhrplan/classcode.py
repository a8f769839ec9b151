"""The code `dataclasses` generates for dhrplan's classes, kept between processes.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__` (and, frozen, its
`__setattr__`, `__delattr__` and `__hash__`) as source text and compiles it when the class is
made: about 430 compilations for the classes a PDF convert imports, a fifth of its imports
(36 ms of about 170 on the loaded benchmark machine). The text depends only on the class's fields
and options, so the compiled code is kept, keyed by that text, in the user's cache folder
beside the compiled patterns, and a later process executes it without compiling. Only the
classes of dhrplan's own modules go through the cache (a program that imports dhrplan keeps
its own as they were); a text not in the cache, or a file that cannot be read or written, is
compiled as before. The file's name holds the Python version the code objects belong to;
it is shared by every version of dhrplan on the machine, so it holds each code object marshalled
on its own, and a process unmarshals only those its classes ask for.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import dataclasses
import marshal
import os
import sys
from types import CodeType
from typing import Any

MAX_CODES = 4000
"""Code objects the file keeps at most: the code makes about 430; past this (classes edited
during development pile up), new ones are compiled each time and not written."""

_codes: dict[str, bytes] = {}
"""The file's code objects, each marshalled on its own, by the source text they compile."""
_loaded = False
_dirty = False


def _path() -> str:
    # imported here: the package's __init__ installs the cache before its subpackages can be
    # imported, and `python -m dhrplan` without them installed must still say so in one line
    from dhrplan.extract.usercache import cache_folder

    tag = sys.implementation.cache_tag or "python"
    return os.path.join(cache_folder(), f"dataclass_codes_{tag}_{sys.version.split()[0]}.marshal")


def _read() -> dict[str, bytes]:
    try:
        with open(_path(), "rb") as fh:
            found = marshal.load(fh)
    except Exception:  # missing, cut short, or from another Python: compile as before
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, bytes)}


def _load() -> None:
    global _loaded
    _loaded = True
    _codes.update(_read())


def _code(source: str) -> CodeType:
    global _dirty
    if not _loaded:
        _load()
    cached = _codes.get(source)
    if cached is not None:
        with contextlib.suppress(Exception):  # damaged: compiled again below
            code = marshal.loads(cached)
            if isinstance(code, CodeType):
                return code
    code = compile(source, "<string>", "exec", dont_inherit=True)
    if len(_codes) < MAX_CODES:
        _codes[source] = marshal.dumps(code)
        _dirty = True
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """`exec` as `dataclasses` calls it, with the compiled text looked up first."""
    own = isinstance(source, str) and isinstance(globals, dict) and str(
        globals.get("__name__", "")).startswith("dhrplan.")
    builtins.exec(_code(source) if own else source, globals, locals)


def save() -> None:
    """Add what this process compiled to the file, atomically (two processes writing at once
    never leave half a file; what another wrote meanwhile is kept). Called once the classes a
    run needs are made, and at exit."""
    global _dirty
    if not _dirty:
        return
    _dirty = False
    codes = {**_read(), **_codes}
    if len(codes) > MAX_CODES:
        return
    with contextlib.suppress(Exception):  # no cache folder, or none writable: compile again
        path = _path()
        tmp = f"{path}.{os.getpid()}.tmp"
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            with open(tmp, "wb") as fh:
                marshal.dump(codes, fh)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def install() -> None:
    """Route `dataclasses`' compilations through the cache. `dataclasses` calls the name
    `exec` from its module's globals (every Python from 3.11 to 3.13), which this shadows."""
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]
        atexit.register(save)
