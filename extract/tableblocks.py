"""Tables inside text exports that are not one line per row: HTML <table> and pandoc grid tables.

Converters fall back to these when cells hold several paragraphs. Both are turned into the
same raw rows (cell markup strings) as pipe and tab-separated lines, with merged cells laid
out as the document model expects: the text in the first (top-left) cell of a span, empty
cells in the rest.
"""

from __future__ import annotations

import re

RawRow = list[str]

_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</table>|\Z)", re.I | re.S)
_HTML_CELL_START = re.compile(r"<t([dh])\b([^>]*)>", re.I)
_HTML_CELL_END = re.compile(r"</t[dh]>\s*(?:</tr>\s*)?$", re.I)
_SPAN = re.compile(r"""\b(rowspan|colspan)\s*=\s*["']?(\d+)""", re.I)
MAX_COLSPAN = 64
"""No action plan is wider; a larger colspan is malformed (or hostile) and is cut to this."""
MAX_COLUMNS = 64
"""Nor does any table have more columns: cells that rowspans push further right make a
hostile table (`rowspan=999999 colspan=64` on every row took 4 GB), refused."""
MAX_CELLS = 500_000
"""Grid cells of one HTML table (rows x columns): the longest plans have a few thousand; a
300,000-row table left unclosed ran for minutes."""


class TableTooLarge(ValueError):
    """An HTML table larger than any action plan: refused, never cut silently."""


def html_table_rows(table: str) -> list[RawRow]:
    """Rows of one <table>...</table>, rowspan and colspan laid out on a grid."""
    grid: dict[tuple[int, int], str] = {}
    width = 0
    rows = _HTML_ROW.findall(table)
    for r, row in enumerate(rows):
        starts = list(_HTML_CELL_START.finditer(row))
        col = 0
        for i, start in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(row)
            inner = _HTML_CELL_END.sub("", row[start.end() : end].strip())
            spans = {k.lower(): int(v) for k, v in _SPAN.findall(start.group(2))}
            down = min(max(1, spans.get("rowspan", 1)), len(rows) - r)
            across = min(max(1, spans.get("colspan", 1)), MAX_COLSPAN)
            while (r, col) in grid:
                col += 1
            if col + across > MAX_COLUMNS:
                raise TableTooLarge(f"an HTML table wider than {MAX_COLUMNS} columns")
            if len(grid) + down * across > MAX_CELLS:
                raise TableTooLarge(f"an HTML table of more than {MAX_CELLS:,} cells")
            for dr in range(down):
                for dc in range(across):
                    grid[(r + dr, col + dc)] = inner if dr == dc == 0 else ""
            col += across
            width = max(width, col)
    return [[grid.get((r, c), "") for c in range(width)] for r in range(len(rows))]


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
        elif re.match(r"^(?:[-*+•]|\d{1,2}[.)]|[a-z][.)])\s", text) and paragraphs[-1]:
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
