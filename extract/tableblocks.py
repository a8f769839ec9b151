"""Tables inside text exports that are not one line per row: HTML <table> and pandoc grid tables.

Converters fall back to these when cells hold several paragraphs. Both are turned into the
same raw rows (cell markup strings) as pipe and tab-separated lines, with merged cells laid
out as the document model expects: the text in the first (top-left) cell of a span, empty
cells in the rest.
"""

from __future__ import annotations

import re

from dhrplan.extract.htmlparse import MAX_COLSPAN, inner_markup, parse_fragment, table_grid
from dhrplan.extract.labels import ITEM_START

RawRow = list[str]



def html_table_rows(table: str) -> list[RawRow]:
    """Rows of one <table>...</table> as cell markup, rowspan and colspan laid out on a grid
    by the shared HTML parser."""
    parsed = parse_fragment(table).find(".//table")
    if parsed is None:
        return []
    return [
        [inner_markup(cell.element) if cell.element is not None else "" for cell in row]
        for row in table_grid(parsed, MAX_COLSPAN)
    ]


_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")


def is_grid_border(line: str) -> bool:
    return bool(_GRID_BORDER.match(line))


def _grid_cell_text(lines: list[str]) -> str:
    """Lines of one grid cell: wrapped lines joined, blank lines and list items kept apart."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        text = line.strip()
        if not text:
            paragraphs.append([])
        elif ITEM_START.match(text) and paragraphs[-1]:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
    return "\n".join(" ".join(p) for p in paragraphs if p)


def grid_table_rows(lines: list[str]) -> list[RawRow]:
    """Rows of a pandoc grid table, column edges taken from its first border line."""
    border = lines[0].rstrip()
    edges = [i for i, ch in enumerate(border) if ch == "+"]
    rows: list[RawRow] = []
    current: list[list[str]] = []
    for line in lines[1:]:
        if is_grid_border(line):
            if current:
                rows.append([_grid_cell_text(cell) for cell in current])
            current = []
            continue
        if not current:
            current = [[] for _ in edges[:-1]]
        padded = line.rstrip().ljust(edges[-1] + 1)
        for i, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
            current[i].append(padded[a + 1 : b])
    if current:
        rows.append([_grid_cell_text(cell) for cell in current])
    return rows
