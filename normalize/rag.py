"""RAG ratings given by colour: a cell's shading named as a colour, and the plan's own key.

Plans that show status by colour alone print, more often than not, a key of what each colour
means ("Blue - Complete and evidenced", "Green - On track"); where they do, their key
governs, since keys differ (REAL-PLANS.md: most on red and on green). Without a key the common
reading holds: green complete, amber in progress, red not started.
"""

from __future__ import annotations

import colorsys
from collections.abc import Sequence

import regex

from dhrplan.extract.model import Table
from dhrplan.extract.patterncache import compiled
from dhrplan.normalize.completion import COMMON_KEY, parse_completion

__all__ = ["COMMON_KEY", "colour_name", "key_from_table", "plan_key", "status_of_words"]

_KEY_TEXT = compiled(r"^\W*(?:blue|green|amber|red|yellow|orange|grey|gray)?\W*(?P<rest>.*)$",
                          regex.I)


def colour_name(fill: str | None) -> str | None:
    """ "#00b050" -> "green": the RAG colour a shading is closest to, or None for white,
    greys (header and theme-row shading) and colours no key uses."""
    if not fill or len(fill) != 7:
        return None
    r, g, b = (int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    if saturation < 0.25 or lightness > 0.93 or lightness < 0.08:
        return None
    degrees = hue * 360
    if degrees < 18 or degrees >= 330:
        return "red"
    if degrees < 65:
        return "amber"
    if degrees < 170:
        return "green"
    if degrees < 260:
        return "blue"
    return None


_KEY_CELLS = 2
"""A key row is a swatch and its meaning, or one shaded cell worded "Green - On track": a row
with more worded cells is a plan's row whose RAG cell is shaded, and a small plan read as a
key made every colour mean whatever its row's progress said."""
_KEY_TEXT_CHARS = 100
"""A key's meaning is a phrase ("Red - Not started / at risk", "Green - on track to complete
by the target date"); a longer row is a progress update, not a key."""


def key_from_table(table: Table) -> dict[str, str] | None:
    """A colour key: a small table whose rows are a shaded cell and what it means, or one
    cell shaded and worded ("Green - On track"). None when the table is no key."""
    rows = [table.header, *table.rows]
    key: dict[str, str] = {}
    for row in rows:
        shaded = [c for c in row.cells if colour_name(c.fill)]
        if len(shaded) != 1:
            continue
        colour = colour_name(shaded[0].fill)
        worded = [c.text for c in row.cells if c.text.strip()]
        words = " ".join(worded)
        if len(worded) > _KEY_CELLS or len(" ".join(words.split())) > _KEY_TEXT_CHARS:
            return None  # a plan row with a shaded RAG cell ("1 | Review ... | Housing"), no key
        meaning = _KEY_TEXT.match(" ".join(words.split()))
        status = status_of_words(meaning["rest"] if meaning else words)
        if colour and status:
            key[colour] = status
    return key if len(key) >= 2 and len(rows) <= 8 else None


def status_of_words(text: str) -> str | None:
    """The status a key's wording gives ("On track" in progress, "Complete" complete)."""
    completion, _ = parse_completion(text)
    if completion is None or completion.status == "unknown":
        return None
    return completion.status


def plan_key(tables: Sequence[Table]) -> dict[str, str] | None:
    """The plan's own colour key, where it prints one. (A plan that rates some row Blue
    without one is BRAG: `ColumnMap.brag` says so per table.)"""
    for table in tables:
        if (key := key_from_table(table)) is not None:
            return key
    return None
