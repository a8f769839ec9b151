"""Where each record was read from (`source_regions`): the cells of its rows, one region per
cell and page, so a reviewer can set the record beside its source.

PDF cells carry their page and box (`Cell.regions`); cells of formats without pages carry
their (table, row) position in the source and their text, since there is no page to show.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dhrplan.extract.model import Cell, Region, Row
from dhrplan.normalize.columns import ColumnMap
from dhrplan.normalize.record import SourceRegion

BBOX_DECIMALS = 1
"""Points to a tenth: finer than any ruling's width, and the JSON stays short."""


def source_regions(
    rows: Sequence[Row], columns: ColumnMap, field_of_role: Mapping[str, str],
    head: Row | None = None,
) -> list[SourceRegion]:
    """The non-empty cells the record's rows hold (a cell merged down from above is read in
    its first row), each named by the record field its column fills ("extra" for a column of
    no known role); every cell of a full-width `head` row gave the record's text."""
    found: list[SourceRegion] = []
    for row in [*([head] if head is not None else []), *rows]:
        for c, cell in enumerate(row.cells):
            if cell.merged or cell.empty:
                continue
            role = columns.roles[c] if c < len(columns.roles) else None
            name = "text" if row is head else (
                field_of_role.get(role, role) if role else "extra")
            if cell.regions:
                found.extend(
                    SourceRegion(name, c, r.page, [round(v, BBOX_DECIMALS)
                                                  for v in (r.x0, r.top, r.x1, r.bottom)])
                    for r in cell.regions
                )
                continue
            table, at = row.position if row.position is not None else (None, None)
            found.append(SourceRegion(name, c, row.pages[0] if row.pages else None, None,
                                      table, at, cell.text))
    return found


_WORD = re.compile(r"[^\W_]+")
ACTION_OWN_FIELDS = ("owners", "target_dates", "completion")
"""The cells of a row that are an action's own when the action has the row to itself."""
LINE_PAD = 0.5
"""Points added above and below an action's lines: a box drawn on the glyphs' own edges
would cut through accents and descenders, one much larger into the lines around it."""


def _squeezed(text: str) -> str:
    """Letters and digits only, lower case: so a word hyphenated at a line end, or a label
    the item splitter took off, still finds its place in the printed lines."""
    return "".join(_WORD.findall(text)).lower()


def _line_span(cell: Cell, text: str, start: int) -> tuple[range, int] | None:
    """The printed lines of `cell` that hold `text`, looked for from character `start` of
    the cell's squeezed lines, and where the search goes on for the next action."""
    if not cell.lines or len(cell.lines) != len(cell.line_regions):
        return None
    line_of: list[int] = []
    for i, line in enumerate(cell.lines):
        line_of.extend([i] * len(_squeezed(line)))
    printed = "".join(_squeezed(line) for line in cell.lines)
    wanted = _squeezed(text)
    if not wanted:
        return None
    at = printed.find(wanted, start)
    end = at + len(wanted)
    if at < 0:  # the text was tidied (a joined or re-split item): find its two ends
        head, tail = wanted[:24], wanted[-24:]
        at = printed.find(head, start)
        end = printed.find(tail, max(at, 0)) + len(tail)
        if at < 0 or end < at + len(head):
            return None
    return range(line_of[at], line_of[end - 1] + 1), end


def _band(cell: Cell, lines: range) -> list[Region]:
    """The lines' boxes, one per page, as wide as the cell on that page."""
    by_page: dict[int, list[Region]] = {}
    for i in lines:
        box = cell.line_regions[i]
        by_page.setdefault(box.page, []).append(box)
    bands = []
    for page, boxes in by_page.items():
        whole = next((r for r in cell.regions if r.page == page), None)
        x0 = whole.x0 if whole else min(b.x0 for b in boxes)
        x1 = whole.x1 if whole else max(b.x1 for b in boxes)
        top = min(b.top for b in boxes) - LINE_PAD
        bottom = max(b.bottom for b in boxes) + LINE_PAD
        if whole:
            top, bottom = max(top, whole.top), min(bottom, whole.bottom)
        bands.append(Region(page, x0, top, x1, bottom))
    return bands


def action_regions(
    row: Row, column: int | None, texts: Sequence[str], columns: ColumnMap,
    field_of_role: Mapping[str, str], own_row: bool,
) -> list[list[SourceRegion]]:
    """Each action's own regions, for the actions `texts` read from the row's cell in
    `column`, in order: in a PDF, the band of that cell's lines holding the action's text
    (the whole cell when they cannot be told), elsewhere the cell; with `own_row`, also the
    row's owner, date and progress cells, which are the action's own."""
    own = ([r for r in source_regions([row], columns, field_of_role)
            if r.field in ACTION_OWN_FIELDS] if own_row else [])
    if column is None or column >= len(row.cells):
        return [list(own) for _ in texts]
    cell = row.cells[column]
    whole = [r for r in source_regions([row], columns, field_of_role) if r.column == column]
    found: list[list[SourceRegion]] = []
    start = 0
    for text in texts:
        span = _line_span(cell, text, start) if len(texts) > 1 else None
        if span is None:
            mine = whole
        else:
            lines, start = span
            name = whole[0].field if whole else "actions"
            mine = [SourceRegion(name, column, r.page, [round(v, BBOX_DECIMALS) for v in
                                                        (r.x0, r.top, r.x1, r.bottom)])
                    for r in _band(cell, lines)]
        found.append([*mine, *own])
    return found
