"""Tagged PDFs: a table's rows and cells from its Table/TR/TD tags, where the ruling lines do
not draw them.

A table without borders, or ruled between rows only, shows its grid only in where its text
sits, and reading it from that (`textgrid`, `borderless`) is a guess: paragraph spacing
breaks the lines' alignment, a plain header that wraps is not recognised, a cell merged down
looks like text running on. Its tags say it outright: every word knows its cell (TD, TH),
the cell's row (TR) and its table. So on a tagged page each tagged table becomes a lattice
built from its tags, with the geometry for the positions:

- rows: the TRs, top to bottom by their first line (cells are set at the top of their row);
  a row's band starts midway between its first line and the last line above that ends
  before it;
- columns: the rows with the most cells (cells merged across or down leave a row fewer)
  give the boundaries, midway in the gap every such row leaves between its k-th and
  (k+1)-th cell's text;
- merged cells: a cell whose text reaches over a column boundary spans those columns (the
  only cell of its row, the whole width: a theme row, whatever its text's alignment), one
  whose text reaches into the bands of the rows below spans those rows, and one whose
  RowSpan attribute says so spans the rows below it that hold nothing in its columns (an
  owner or date merged down beside several actions, shorter than its first row);
- a repeated header row the producer marked as an artifact (no tags, as LibreOffice's), set
  in the table's columns directly above its first tagged row, is the table's first row (and
  stitching drops it as a repeat).

A table whose text lies in lattices drawn by ruling lines stays as the grid found it
(`tagcells` then places words whose tags disagree with it); a grid the reader inferred
(`Lattice.inferred`), or one drawn by shading only part of the table (a header row), gives
way to the tags' lattice, as does any lattice inside it; a tagged table the grid did not
find at all is added. Where the
tags disagree with the page (two cells' text overlapping in one row, two TRs on one line,
rows whose text interleaves, the boundaries of the fullest rows not lining up), the table is
left to the geometry and counted, for the reader's warning (`tags_fallback`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from dhrplan.extract.celltext import group_lines
from dhrplan.extract.geometry import PageGeometry, Word
from dhrplan.extract.grid import Lattice, crosses_inner


@dataclass(frozen=True)
class TagTableSettings:
    """How far the geometry may stray from the tags before the tags are not followed."""

    tolerance: float = 1.0
    """Points text of two cells may overlap (kerning, a glyph's side bearing) and still be
    side by side, or a cell's text reach into a neighbour's band and not span it."""
    edge: float = 2.0
    """The lattice's top and bottom this far outside its text, so that every word of it is
    inside (they are not drawn; only the inner boundaries place words)."""
    same_line: float = 0.5
    """Font sizes: two rows whose first lines' tops are closer than this share a line, which
    rows of one table never do."""
    header_gap: float = 1.5
    """Font sizes of space between an untagged line and the table's first row below which
    the line is a repeated header row (LibreOffice repeats the header as an artifact)."""
    max_padding: float = 6.0
    """Points: a cell's padding is at most this (Word's and Writer's default is 5.4 pt, a
    browser's 1 px); half a wider gap between two columns' text is not padding but columns
    between them that are empty on the page."""
    ruled_share: float = 0.9
    """A table whose words lie this much in grids drawn by ruling lines is ruled: the grid
    decides (a shaded header row alone is a one-row grid of the shading's edges, which
    gives way to the tags)."""
    shared_cells: float = 0.1
    """... and keeps its tagged cells apart: at most this share of them begin in a grid cell
    where another one begins (a ruled table's cells each begin in their own; an address
    running on over a column rule (`tagcells`) begins in its neighbour's)."""
    min_columns: int = 2
    """A tagged "table" of one column is a box of text (a layout table), not a table."""


TAG_TABLES = TagTableSettings()
INFERRED_BY_TAGS = None
"""A tags' lattice is not a guess: like a ruled grid, it has no `Lattice.inferred`."""


@dataclass
class _Cell:
    """One tagged cell's words on the page (measured once all are in: `_rows`)."""

    key: int
    row: int
    words: list[Word]

    @cached_property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)


class Disagreement(Exception):
    """The tags of a table cannot be laid on the page."""


def follow_tags(
    geometry: PageGeometry, lattices: list[Lattice], settings: TagTableSettings = TAG_TABLES
) -> tuple[list[Lattice], int]:
    """The page's lattices with the grids inferred from text replaced by the lattices of the
    tagged tables they hold, and the tagged tables no lattice holds added; and how many
    tagged tables could not be followed (their tags disagree with the page)."""
    tables: dict[int, list[Word]] = defaultdict(list)
    for word in geometry.words:
        if word.table is not None and word.row is not None and word.cell is not None:
            tables[word.table].append(word)
    found = list(lattices)
    built: set[int] = set()
    unfollowed = 0
    for words in tables.values():
        others = [lat for lat in found if id(lat) not in built]
        ruled = [lat for lat in others if lat.inferred is None]
        if _in_one_cell(words, ruled, geometry.words):
            continue  # a table nested in a cell of a ruled table: that cell's text
        held = sum(any(lat.locate(w.xmid, w.ymid) for lat in ruled) for w in words)
        if held >= settings.ruled_share * len(words) and _keeps_cells_apart(
            words, ruled, settings
        ):
            continue  # ruled: the grid decides, `tagcells` places what the tags move
        try:
            lattice = tag_lattice(words, geometry.words, settings,
                                  edges=_shading_edges(words, ruled, settings))
        except Disagreement:
            unfollowed += 1
            continue
        if lattice is None:
            continue
        found = [
            lat for lat in found
            if id(lat) in built or not (
                any(lat.locate(w.xmid, w.ymid) for w in words) or _inside(lat, lattice)
            )
        ]
        found.append(lattice)
        built.add(id(lattice))
    found.sort(key=lambda lat: (lat.ys[0], lat.xs[0]))
    return found, unfollowed


def _in_one_cell(words: list[Word], ruled: list[Lattice], page_words: list[Word]) -> bool:
    """Whether a tagged table's words all lie in one cell of a ruled grid whose other cells
    hold text of their own: a table nested in that cell (Word lets a cell hold a table),
    whose lattice would otherwise replace the grid of the table around it and lose its
    other rows. (A grid of shading around a whole table, a colour key's swatches, holds no
    other text.)"""
    own = {id(w) for w in words}
    if len({w.cell for w in words}) < 2:
        return False  # one cell's text (the rest of a row a page break cut) is no table
    for lat in ruled:
        places = {lat.locate(w.xmid, w.ymid) for w in words}
        if None in places:
            continue
        span_of = {(r, c): k for k, sp in enumerate(lat.spans())
                   for r in range(sp.row, sp.row + sp.rows)
                   for c in range(sp.col, sp.col + sp.cols)}
        spans = {span_of[p] for p in places}
        if len(spans) != 1:
            return False
        cell = lat.spans()[next(iter(spans))]
        if cell.rows > 1 and cell.cols > 1:
            return False  # a block the grid's shading leaves, not one of its cells
        others = {span_of[p] for w in page_words if id(w) not in own
                  if (p := lat.locate(w.xmid, w.ymid)) is not None}
        return bool(others - spans)
    return False


def _shading_edges(
    words: list[Word], ruled: list[Lattice], settings: TagTableSettings
) -> list[float]:
    """The column edges of grids beside or inside the table's text, over its rows: the
    edges of shaded cells (a shaded header row, the swatches of a colour key, whose cells
    hold no text)."""
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    near = 2 * settings.max_padding
    return sorted({
        x for lat in ruled
        if lat.ys[0] < bottom and lat.ys[-1] > top and lat.xs[0] < x1 + near
        and lat.xs[-1] > x0 - near
        for x in lat.xs
    })


def _keeps_cells_apart(
    words: list[Word], ruled: list[Lattice], settings: TagTableSettings
) -> bool:
    """Whether the ruled grids give the tagged cells cells of their own: a grid whose cells
    each hold the text of several tagged cells is not the table's (the edges of shading
    down a column and along the header row make one), however much text lies inside it."""
    first: dict[int, Word] = {}
    for word in words:
        first.setdefault(word.cell, word)  # type: ignore[arg-type]
    spans: dict[int, dict[tuple[int, int], int]] = {}
    places: list[tuple[int, int]] = []
    for word in first.values():
        for i, lat in enumerate(ruled):
            where = lat.locate(word.xmid, word.ymid)
            if where is None:
                continue
            if i not in spans:
                spans[i] = {
                    (r, c): k for k, sp in enumerate(lat.spans())
                    for r in range(sp.row, sp.row + sp.rows)
                    for c in range(sp.col, sp.col + sp.cols)
                }
            places.append((i, spans[i][where]))
            break
    shared = len(places) - len(set(places))
    return shared <= settings.shared_cells * len(first)


def _inside(inner: Lattice, outer: Lattice, tol: float = 3.0) -> bool:
    x0, top, x1, bottom = outer.bbox
    ix0, itop, ix1, ibottom = inner.bbox
    return ix0 >= x0 - tol and ix1 <= x1 + tol and itop >= top - tol and ibottom <= bottom + tol


def tag_lattice(
    words: list[Word], page_words: list[Word], settings: TagTableSettings = TAG_TABLES,
    columns: list[float] | None = None, edges: list[float] = (),
) -> Lattice | None:
    """One tagged table's lattice (`words`: its tagged words on the page); None for a table of
    one column. `columns`: the column edges to use (the table's on the page before). Raises
    `Disagreement` where the tags cannot be laid on the page."""
    tol = settings.tolerance
    order = _rows(words)
    cells = {c.key: c for row in order for c in row}
    xs = list(columns) if columns is not None else _columns(order, settings, list(edges))
    if xs is None:
        return None
    size = max(w.size for w in words)
    tops = [min(c.top for c in row) for row in order]
    for above, below in zip(tops, tops[1:], strict=False):
        if below - above < settings.same_line * size:
            raise Disagreement("two rows on one line")
    ys = [tops[0] - settings.edge]
    for i in range(1, len(order)):
        ended = [c.bottom for row in order[:i] for c in row if c.bottom <= tops[i] + tol]
        ys.append((max(ended, default=tops[i] - tol) + tops[i]) / 2)
    ys.append(max(c.bottom for c in cells.values()) + settings.edge)
    header = _artifact_header(page_words, xs, ys[0], size, settings)
    if header is not None:
        ys.insert(0, header - settings.edge)
    return _lattice(order, xs, ys, header is not None, tol)


def _rows(words: list[Word]) -> list[list[_Cell]]:
    """The table's rows (TR) top to bottom, each its cells (TD, TH) left to right."""
    cells: dict[int, _Cell] = {}
    for word in words:
        cell = cells.get(word.cell)  # type: ignore[arg-type]
        if cell is None:
            cells[word.cell] = cell = _Cell(word.cell, word.row, [])  # type: ignore[index,arg-type]
        elif cell.row != word.row:
            raise Disagreement("a cell in two rows")
        cell.words.append(word)
    rows: dict[int, list[_Cell]] = defaultdict(list)
    for cell in cells.values():
        rows[cell.row].append(cell)
    order = sorted(rows.values(), key=lambda cs: min(c.top for c in cs))
    for row in order:
        row.sort(key=lambda c: c.x0)
    return order


def continue_columns(
    geometry: PageGeometry, lattice: Lattice, columns: list[float],
    settings: TagTableSettings = TAG_TABLES,
) -> Lattice:
    """A tags' lattice at the top of a page on the columns of the table on the page before,
    when it has fewer (only the columns with text on this page show: the rest of a row the
    page break cut) and each of its columns' text lies within one of those (the same table
    going on); else the lattice as it is."""
    if not lattice.from_tags or len(columns) <= len(lattice.xs):
        return lattice
    keys = [
        w.table for w in geometry.words
        if w.table is not None and lattice.locate(w.xmid, w.ymid) is not None
    ]
    if not keys:
        return lattice
    key = max(set(keys), key=keys.count)
    words = [w for w in geometry.words if w.table == key and w.row is not None
             and w.cell is not None]
    tol = settings.tolerance
    try:
        bands = _bands(_rows(words), tol)
    except Disagreement:
        return lattice
    if not all(any(a - tol <= x0 and x1 <= b + tol for a, b in zip(columns, columns[1:],
                                                                      strict=False))
               for x0, x1 in bands):
        return lattice  # its columns are not within those: another table
    columns = [min(columns[0], min(w.x0 for w in words) - tol), *columns[1:-1],
               max(columns[-1], max(w.x1 for w in words) + tol)]
    try:
        return tag_lattice(words, geometry.words, settings, columns) or lattice
    except Disagreement:
        return lattice


def _columns(
    order: list[list[_Cell]], settings: TagTableSettings, edges: list[float] = ()
) -> list[float] | None:
    """Column edges from where the cells' text lies (`_bands`) and the edges of shaded cells
    around it (`edges`: a colour key's swatches, a shaded header); None below
    `min_columns`.

    Word pads a cell's text alike on both sides, so the narrowest gap between one column's
    text and the next column's is two paddings (a line filled to the right padding beside
    one starting at the left padding): a column starts one padding left of its text, and
    its text may run to one padding short of the next (which `celltext` measures a full
    line against). A shaded cell's edge is exact, and stands for the text edge near it."""
    tol = settings.tolerance
    for row in order:
        for left, right in zip(row, row[1:], strict=False):
            if left.x1 > right.x0 + tol:
                raise Disagreement("two cells of a row overlap")
    bands = _bands(order, tol)
    near = 2 * settings.max_padding
    gaps = [b[0] - a[1] for a, b in zip(bands, bands[1:], strict=False)]
    gaps += [2 * (x0 - e) for x0, _ in bands for e in edges if 0.0 <= x0 - e <= near]
    pad = min(max(0.0, min(gaps, default=near)) / 2, settings.max_padding)
    found = [x0 - pad for x0, _ in bands[1:]]
    found = [x for x in found if not any(abs(x - e) <= near for e in edges)]
    right = max(c.x1 for row in order for c in row)
    left = min(bands[0][0] - pad, *edges) if edges else bands[0][0] - pad
    right = max(right + pad, *edges) if edges else right + pad
    inner = sorted({*found, *(e for e in edges if left + tol < e < right - tol)})
    xs = [left, *inner, right]
    return xs if len(xs) - 1 >= settings.min_columns else None


def _bands(order: list[list[_Cell]], tol: float) -> list[tuple[float, float]]:
    """The x ranges of the columns' text, left to right: cells of one column overlap in x
    however their text is aligned (left, centred, right, a list's indent), cells of two
    columns do not. Cells that overlap two cells of another row (merged across, or text
    running on over the column's edge) and rows of one cell (a theme row) are left out:
    they join columns."""
    several = [row for row in order if len(row) > 1] or order

    def overlap(a: _Cell, b: _Cell) -> bool:
        return a.x0 < b.x1 - tol and b.x0 < a.x1 - tol

    members = [
        c for row in several for c in row
        if not any(sum(overlap(c, o) for o in other) > 1 for other in several if other is not row)
    ]
    bands: list[list[float]] = []
    for cell in sorted(members, key=lambda c: c.x0):
        if bands and cell.x0 < bands[-1][1] - tol:
            bands[-1][1] = max(bands[-1][1], cell.x1)
        else:
            bands.append([cell.x0, cell.x1])
    return [(a, b) for a, b in bands]


def _artifact_header(
    page_words: list[Word], xs: list[float], top: float, size: float,
    settings: TagTableSettings,
) -> float | None:
    """The top of a repeated header row set as an artifact just above the table (lines of
    untagged words in its columns, none crossing a column edge, in two columns or more: a
    running header above the table is one line of one block), or None."""
    untagged = [
        w for w in page_words
        if w.paragraph is None and w.cell is None and xs[0] <= w.x0 and w.x1 <= xs[-1]
        and w.bottom <= top + settings.tolerance
    ]
    header: float | None = None
    columns: set[int] = set()
    edge = top
    for line in reversed(group_lines(untagged)):
        if edge - line.bottom > settings.header_gap * size:
            break
        if any(crosses_inner(w.x0, w.x1, xs, settings.tolerance) for w in line.words):
            break
        columns.update(bisect_right(xs, w.xmid) for w in line.words)
        header = edge = line.top
    return header if len(columns) >= settings.min_columns else None


def _lattice(
    order: list[list[_Cell]], xs: list[float], ys: list[float], header: bool, tol: float
) -> Lattice:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    first = 1 if header else 0
    occupied: dict[tuple[int, int], int] = {}
    spans: list[tuple[range, range, int]] = []
    for r, row in enumerate(order, first):
        for cell in row:
            cols = range(
                next(c for c in range(n_cols) if xs[c + 1] > cell.x0 + tol),
                max(c for c in range(n_cols) if xs[c] < cell.x1 - tol) + 1,
            )
            last = max(j for j in range(r, n_rows) if ys[j] < cell.bottom - tol)
            rows = range(r, last + 1)
            if len(row) == 1 and len(cols) > 1 and not any(
                (j, c) in occupied for j in rows for c in range(n_cols)
            ):
                cols = range(n_cols)  # a row of one cell across columns: a theme row
            for j in rows:
                for c in cols:
                    if occupied.setdefault((j, c), cell.key) != cell.key:
                        raise Disagreement(f"rows' text interleaves at {j}, {c}: "
                                           f"{cell.words[0].text}")
            spans.append((rows, cols, cell.words[0].cell_rows))
    for k, (rows, cols, spanned) in enumerate(spans):
        last = rows[-1]
        # merged down by its RowSpan over the rows below that hold nothing in its columns
        # (rows whose content all lies on another page are not on this one: stop at text)
        while last + 1 < min(rows[0] + spanned, n_rows) and not any(
            (last + 1, c) in occupied for c in cols
        ):
            last += 1
            occupied.update(dict.fromkeys(((last, c) for c in cols), -1))
        spans[k] = (range(rows[0], last + 1), cols, spanned)
    v_walls = [[True] * (n_cols + 1) for _ in range(n_rows)]
    h_walls = [[True] * n_cols for _ in range(n_rows + 1)]
    for rows, cols, _ in spans:
        for j in rows:
            for c in cols[1:]:
                v_walls[j][c] = False
        for j in rows[1:]:
            for c in cols:
                h_walls[j][c] = False
    keys: list[int | None] = [None] * first + [row[0].row for row in order]
    return Lattice(xs, ys, v_walls, h_walls, INFERRED_BY_TAGS, from_tags=True, row_keys=keys)
