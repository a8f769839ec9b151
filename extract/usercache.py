"""Where dhrplan keeps what it builds once for every later run (the compiled schema check,
the compiled text patterns): the user's cache folder, as XDG names it."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dhrplan"
