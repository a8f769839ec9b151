"""Where each record was read from (`source_regions`): the cells of its rows, one region per
cell and page, so a reviewer can set the record beside its source.

PDF cells carry their page and box (`Cell.regions`); cells of formats without pages carry
their (table, row) position in the source and their text, since there is no page to show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dhrplan.extract.model import Row
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
