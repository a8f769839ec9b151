"""Tables with no rulings at all (Word's "Table Normal" with its borders removed) -> `Lattice`s
read from the text alone.

Without lines, a table shows only in how its text is laid out, and plenty of ordinary text
(two-column contact lists, signature blocks, indented prose) is laid out in columns too. So a
table is only built where the evidence is strong, and everything is decided line by line
(`celltext.group_lines` over the words that no ruled table holds):

Header. A borderless table starts at a header line: all bold, at least `min_header_cells`
x-blocks separated by column gaps (`textgrid.text_runs`), every block naming a column role
("Recommendation", "Action", "Lead Agency", "Target Date", "Scope", "Milestones",
"Progress"...; one unnamed block is allowed from five blocks up). A header that is not bold
(python-docx's unstyled table) needs `min_plain_header_cells` blocks, every one named, and
continues only on lines as plain as itself. Wrapped header cells add
the following bold lines whose words continue, as one paragraph, a header cell that has text
on the line above ("Recommen" / "dation", "Date of" / "Completion"); a bold line that would
start a paragraph of its own ("No." then "MARAC") is the first body line.

Columns. The header blocks give provisional column boundaries; the body (below) is read
against them, then `textgrid.column_boundaries` over the header and body lines gives the
final ones (a column with an empty header cell shows in the body's gaps). Word places text
one cell padding (`cell_padding`) inside the cell, so the table's left edge is that far left
of its text; the right edge is the width of the other columns when they are all equal (Word's
default), otherwise the page's mirrored left edge.

Body. From the line after the header, downwards, a line ends the table (it is not in it) when
  - an empty band taller than `max_gap` font sizes lies above it (the gap after a table, the
    page footer), unless the line has a row's shape: text starting at the start of
    `min_header_cells` columns or more (the next row, after a long cell's spaced paragraphs),
  - it is the header line of another table, or a ruled table lies between it and the line
    above,
  - its text crosses a column boundary (a paragraph spanning the gaps), unless it has a
    row's shape (a row with a cell merged across) or is a theme
    line: all bold, starting at the first column's text, alone in the first column or across
    the boundaries, and followed by a line that starts a row. Such a line is a row of one
    cell (the whole width). A bold line that is not followed by a row start is a heading
    (the agency name above the next table) and ends the table.
A line starts a new row when it is the first body line, follows a theme line, or at least two
of its columns start there with one of them fresh: a column is fresh when it has no text on
the line above (cells are top-aligned, so every cell of a row starts on the row's first line
and the cells of the row above have ended in the columns that were empty), and a column also
starts when its text opens with an item label ("2)", "b."). One fresh column alone is a cell
resuming after an empty paragraph, not a row: rows of an action plan fill several cells.

Merged cells. A column whose text runs on over a row start (text on the line above and on the
row's first line, no item label, and `cell_text` reads the two lines as one paragraph: a soft
wrap) is a cell merged down beside the new row: a recommendation spanning several actions.
Where the two lines are separate paragraphs the column starts a new cell, and so where the
row's first column starts afresh ("2") and a sentence starts in the column after one that
ended on the line above (a narrow recommendation column's last line). A header cell never
runs down into the first row, however its wrapped last line reads on ("Target completio" /
"n date" above "July 2025").

Tail. After the last row start, a line whose columns all start there after an empty band of
more than `max_gap` font sizes in those columns (the text under the table, "End of plan",
set in the first column's x range) is cut off with everything below it.

Alignment. Reading rows line by line needs every column to set its lines on one grid: with
paragraph spacing (Word's "8pt after") the columns' lines drift apart, a page line mixes
lines of several paragraphs, and row starts cannot be told from paragraph starts for sure.
A table any of whose body lines has words off a common baseline is still built, and every
one of its rows says its rows are a reading (`rows_unsure`): lost without a word, its rows'
records were missing from the plan.

Limits: a header must name its columns, and a plain one that wraps ("Recomme" / "ndation")
is not read; cells set vertically centred or bottom
aligned start below the row's first line and can split or merge rows; paragraph spacing
(see Alignment) makes its rows a reading, warned; a theme row must fit on one line, and a
one-word theme right under the header that could be a wrapped header word is read as part of
the header; a short paragraph directly under the table that fits in a column and follows a
cell that runs to the table's last line is read as part of that cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dhrplan.extract.celltext import Line, cell_text, group_lines, unsure_break
from dhrplan.extract.geometry import PageGeometry, Word
from dhrplan.extract.grid import Lattice, crosses_inner
from dhrplan.extract.labels import ITEM_LABEL
from dhrplan.extract.rowkinds import starts_row
from dhrplan.extract.textgrid import (
    Run,
    TextGridSettings,
    column_boundaries,
    text_runs,
)
from dhrplan.extract.vocabulary import names_a_column

"""An item label opening a cell's line: "2)", "b.", "(iv)"; bullets are not counted, since
bulleted lists in two columns can line up by chance."""

HeaderTest = Callable[[str], bool]
"""Whether a header cell's text names a column of an action plan."""


def is_role_header(text: str) -> bool:
    return names_a_column(text)


@dataclass(frozen=True)
class BorderlessSettings:
    """How a table without rulings is told from its header line."""
    min_header_cells: int = 3
    """Header blocks needed: fewer is a label and its value, not a table."""
    min_plain_header_cells: int = 4
    """Header blocks needed when the header is not bold: then only its words tell it from a
    line of text, so more of them, every one naming a column."""
    max_header_words: int = 8
    """A header cell is a name, not a sentence."""
    cell_padding: float = 5.4
    """Word's default left/right cell margin (0.19 cm)."""
    max_gap: float = 2.0
    """Font sizes of empty band that end the table (one empty paragraph is 1.15)."""
    width_tolerance: float = 1.5
    """Column widths this close are equal: the last column has the same width."""
    max_header_line_gap: float = 0.5
    """Font sizes of empty band a header's wrapped lines may have between them: they are set
    at the line pitch; a bold line further down, past the cells' padding, is a row (a theme
    row right under the header)."""
    max_lines_above_rows: int = 2
    """Lines of one block each (a running header, a page number) that may stand above the
    rows a borderless table continues with at the top of the next page."""
    max_cut_lines: int = 15
    """Lines the rest of a row cut by the page break may take at the top of the next page,
    before the first line with a row's shape."""


DEFAULT_SETTINGS = BorderlessSettings()
DEFAULT_TEXTGRID = TextGridSettings()


def find_borderless(
    geometry: PageGeometry,
    taken: Sequence[Lattice] = (),
    grid_settings: TextGridSettings = DEFAULT_TEXTGRID,
    settings: BorderlessSettings = DEFAULT_SETTINGS,
    header_test: HeaderTest = is_role_header,
) -> list[Lattice]:
    """Borderless tables among the words that no lattice in `taken` holds, top to bottom."""
    words = _free_words(geometry, taken)
    lines = group_lines(words)
    reader = _Reader(geometry, lines, taken, grid_settings, settings, header_test)
    found: list[Lattice] = []
    i = 0
    while i < len(lines):
        header = reader.header_at(i)
        if header is None:
            i += 1
            continue
        table = reader.table(i, header)
        if table is None:
            i += 1
            continue
        lattice, end = table
        found.append(lattice)
        i = max(end, i + 1)
    return found


def continue_below(
    geometry: PageGeometry,
    table: Lattice,
    taken: Sequence[Lattice],
    grid_settings: TextGridSettings = DEFAULT_TEXTGRID,
    settings: BorderlessSettings = DEFAULT_SETTINGS,
) -> Lattice:
    """`table` with the rows under it that still keep its columns. Shading makes a table of
    the rows it fills, and a table ruled between some rows only ends at its last rule: where
    a shaded header or theme row stands over rows with no rulings, the table goes on under
    them. The line right under it must have a row's shape (text starting at the start of
    `min_header_cells` of its columns); from there the rows are read as a borderless table's
    body is, on the table's own columns."""
    words = _free_words(geometry, taken)
    lines = group_lines(words)
    bottom = table.ys[-1]
    first = next((i for i, ln in enumerate(lines) if ln.top >= bottom - 1.0), None)
    if first is None:
        return table
    reader = _Reader(geometry, lines, taken, grid_settings, settings, is_role_header)
    xs = list(table.xs)
    line = lines[first]
    if line.top - bottom > settings.max_gap * line.size or not reader._row_shape(line, xs):
        return table
    rows = reader.rows_from(first, xs)
    if rows is None:
        return table
    n_cols = len(xs) - 1
    return Lattice(
        xs,
        [*table.ys, *rows.ys[1:]],
        [*table.v_walls, *rows.v_walls],
        [*table.h_walls[:-1], [True] * n_cols, *rows.h_walls[1:]],
        table.inferred or rows.inferred,
        rows_unsure=table.rows_unsure or rows.rows_unsure,
    )


def continue_at_top(
    geometry: PageGeometry,
    lattices: list[Lattice],
    columns: list[float] | None,
    grid_settings: TextGridSettings = DEFAULT_TEXTGRID,
    settings: BorderlessSettings = DEFAULT_SETTINGS,
) -> list[Lattice]:
    """The page's tables, with the rows at its top that keep `columns`, the columns of the
    table the page before ended with: a table with no rulings runs on to the next page with
    no header (Word repeats one only when told to), so nothing else marks its rows. They must
    start above every table of the page: a line with a row's shape (text starting at the
    start of `min_header_cells` of the columns), with the rest of a row the page break cut
    above it (lines within the columns, no empty band between), under at most
    `max_lines_above_rows` lines of one block each (a running header, a page number)."""
    if columns is None or len(columns) < settings.min_header_cells + 1 or geometry.tagged:
        return lattices  # (a tagged page's tables are its tags')
    top = min((lat.ys[0] for lat in lattices), default=geometry.height)
    words = [w for w in geometry.words if w.bottom <= top]
    lines = group_lines(words)
    reader = _Reader(geometry, lines, lattices, grid_settings, settings, is_role_header)
    xs = list(columns)
    tol = grid_settings.boundary_tolerance
    row = next((i for i, line in enumerate(lines[: settings.max_cut_lines + 1])
                if reader._row_shape(line, xs)), None)
    if row is None:  # the page holds nothing more of the table than the rest of a cut row
        row = _cut_rest_end(reader, lines, xs, tol)
        if row is None:
            return lattices
    first = row  # the rest of a row the page break cut: lines in the columns, close above
    while first > 0:
        above, line = lines[first - 1], lines[first]
        if line.top - above.bottom > settings.max_gap * above.size or any(
                _crosses(r, xs, tol) for r in reader.runs(above, xs)):
            break
        first -= 1
    if first > 0 and _cut_rest_end(reader, lines[:first], xs, tol) == first - 1:
        first = 0  # the rest of a cut row, an empty band between it and the next row
    if first > settings.max_lines_above_rows or any(
            len(reader.runs(line)) > 1 for line in lines[:first]):
        return lattices
    rows = reader.rows_from(first, xs)
    return lattices if rows is None else [rows, *lattices]


def _cut_rest_end(reader: _Reader, lines: list[Line], xs: list[float], tol: float) -> int | None:
    """Where the page's first lines are the rest of a row cut by the page break and nothing
    more of the table follows: the index of their last line. They run from the page's top
    with no empty band between, every run within one column and starting at its text, and
    are plain (a bold line there is the next section's heading); in the first column alone,
    where the page's own text (a running title) starts too, they must go on a sentence
    (start in lower case)."""
    s = reader.s
    reach = s.cell_padding + reader.grid.hint_tolerance
    end = None
    columns: set[int] = set()
    for i, line in enumerate(lines[: s.max_cut_lines]):
        if i and line.top - lines[i - 1].bottom > s.max_gap * line.size:
            break
        runs = reader.runs(line, xs)
        if line.bold or any(_crosses(r, xs, tol) for r in runs):
            break
        starts = [_column(xs, r.x0 + 1) for r in runs]
        if not all(r.x0 - xs[c] <= reach + 2 * line.size for r, c in zip(runs, starts,
                                                                         strict=True)):
            break
        columns.update(starts)
        end = i
    if end is None or (columns == {0} and not lines[0].words[0].text[:1].islower()):
        return None
    return end


@dataclass
class _Header:
    """A header line found, with its column blocks."""
    end: int
    """Index after the header's last line."""
    blocks: list[tuple[float, float]]


class _Reader:
    def __init__(
        self,
        geometry: PageGeometry,
        lines: list[Line],
        taken: Sequence[Lattice],
        grid_settings: TextGridSettings,
        settings: BorderlessSettings,
        header_test: HeaderTest,
    ) -> None:
        self.geometry = geometry
        self.lines = lines
        self.taken = taken
        self.grid = grid_settings
        self.s = settings
        self.header_test = header_test
        self._headers: dict[int, _Header | None] = {}

    # --- header ---------------------------------------------------------------------------

    def runs(self, line: Line, xs: Sequence[float] = ()) -> list[Run]:
        """The line's runs; with the table's columns `xs`, an item label ("1.") is a number in
        a column of its own where a column boundary lies between it and the text after."""
        return text_runs(line.words, self.grid.min_column_gap, xs[1:-1])

    def header_at(self, i: int) -> _Header | None:
        if i not in self._headers:
            self._headers[i] = self._header_at(i)
        return self._headers[i]

    def _header_at(self, i: int) -> _Header | None:
        first = self.lines[i]
        blocks = [(r.x0, r.x1) for r in self.runs(first)]
        least = self.s.min_header_cells if first.bold else self.s.min_plain_header_cells
        if len(blocks) < least:
            return None
        xs = self._provisional(blocks)
        cells: list[list[Word]] = [[] for _ in blocks]
        for w in first.words:
            cells[_column(xs, w.xmid)].append(w)
        end = i + 1
        while end < len(self.lines):
            line, prev = self.lines[end], self.lines[end - 1]
            if line.bold != first.bold or (
                    line.top - prev.bottom > self.s.max_header_line_gap * prev.size):
                break
            if any(_crosses(run, xs, self.grid.boundary_tolerance) for run in self.runs(line, xs)):
                break
            by_col = _by_column(line.words, xs)
            above = _by_column(prev.words, xs)
            if not all(
                c in above and "\n" not in cell_text(above[c] + ws, xs[c], xs[c + 1])
                for c, ws in by_col.items()
            ):
                break
            for c, ws in by_col.items():
                cells[c].extend(ws)
            end += 1
        texts = [cell_text(ws, xs[c], xs[c + 1]).replace("\n", " ") for c, ws in enumerate(cells)]
        if any(len(t.split()) > self.s.max_header_words for t in texts):
            return None
        unnamed = sum(not self.header_test(t) for t in texts)
        if unnamed > (1 if len(texts) >= 5 and first.bold else 0):
            return None
        return _Header(end, blocks)

    def _provisional(self, blocks: list[tuple[float, float]]) -> list[float]:
        """Column edges from header blocks alone: one padding left of each block's text."""
        pad = self.s.cell_padding
        xs = [blocks[0][0] - pad]
        xs += [
            max(end, start - pad)
            for (_, end), (start, _) in zip(blocks, blocks[1:], strict=False)
        ]
        xs.append(self._right_edge(xs, blocks[-1][1]))
        return xs

    def _right_edge(self, xs: list[float], text_x1: float) -> float:
        """The last column's right edge: the common width of the others, or the page's
        mirrored left edge (Word sets tables to the text width), never left of its text."""
        pad = self.s.cell_padding
        widths = [b - a for a, b in zip(xs, xs[1:], strict=False)]
        floor = text_x1 + pad
        if len(widths) >= 2 and max(widths) - min(widths) <= self.s.width_tolerance:
            return max(xs[-1] + sum(widths) / len(widths), floor)
        mirrored = self.geometry.width - xs[0] - 2 * pad
        return max(mirrored, floor)

    # --- body -----------------------------------------------------------------------------

    def rows_from(self, first: int, xs: list[float]) -> Lattice | None:
        """The rows of a table going on from line `first` on the columns `xs`, no header
        (`continue_below`, `continue_at_top`); None when there are none."""
        body, themes, row_starts = self._walk(first, xs, opening=True)
        body = self._trim_tail(body, row_starts, xs)
        if not body:
            return None
        kept = set(body)
        rows = self._lattice(None, body, {i for i in themes if i in kept},
                             [i for i in row_starts if i in kept], xs)
        rows.rows_unsure = _drift(self.lines, body)
        return rows

    def table(self, start: int, header: _Header) -> tuple[Lattice, int] | None:
        lines = self.lines
        xs = self._provisional(header.blocks)
        body, themes, row_starts = self._walk(header.end, xs)
        if not body:
            return None
        body = self._trim_tail(body, row_starts, xs)
        row_starts = [i for i in row_starts if i in set(body)]
        themes = {i for i in themes if i in set(body)}
        end = body[-1] + 1
        table_lines = lines[start:end]
        # final columns: header and body lines (theme lines do not vote: they span columns)
        voters = [ln.words for j, ln in enumerate(table_lines, start) if j not in themes]
        text_x1 = max(w.x1 for ln in table_lines for w in ln.words)
        x0 = min(w.x0 for ln in table_lines for w in ln.words) - self.s.cell_padding
        header_line = lines[start]
        hints = sorted({  # the edges of the header's shaded cells: exact
            x for f in self.geometry.fills
            if f.top <= (header_line.top + header_line.bottom) / 2 <= f.bottom
            for x in (f.x0, f.x1) if x0 + self.s.cell_padding < x < text_x1
        })
        inner = column_boundaries(voters, x0, text_x1 + 1000.0, hints, self.grid,
                                  walls=xs[1:-1])[:-1]
        last_text = max(
            (w.x1 for ln in table_lines for w in ln.words if w.xmid >= inner[-1]),
            default=text_x1,
        )
        xs = [*inner, self._right_edge(inner, last_text)]
        if len(xs) < 3:
            return None
        lattice = self._lattice(start, body, themes, row_starts, xs)
        lattice.rows_unsure = _drift(lines, body)
        return lattice, end

    def _walk(
        self, first: int, xs: list[float], opening: bool = False
    ) -> tuple[list[int], set[int], list[int]]:
        """The body lines from `first` down; `opening`: `first` is the first line under a
        table that goes on (`continue_below`), so what lies above it ends nothing."""
        lines = self.lines
        body: list[int] = []
        themes: set[int] = set()
        row_starts: list[int] = []
        prev = lines[first - 1]
        i = first
        while i < len(lines):
            line = lines[i]
            if not (opening and i == first) and self._ends_before(i, prev, xs):
                break
            crosses = any(_crosses(r, xs, self.grid.boundary_tolerance)
                          for r in self.runs(line, xs))
            if self._theme_shape(line, xs, crosses):
                nxt = i + 1
                if (
                    nxt < len(lines)
                    and not self._ends_before(nxt, line, xs)
                    and not any(
                        _crosses(r, xs, self.grid.boundary_tolerance)
                        for r in self.runs(lines[nxt], xs)
                    )
                    and self._starts_row(lines[nxt], line, xs)
                ):
                    body += [i, nxt]
                    themes.add(i)
                    row_starts += [i, nxt]
                    prev = lines[nxt]
                    i += 2
                    continue
                break
            if crosses and not self._row_shape(line, xs):
                break
            if not body or self._starts_row(line, prev, xs):
                row_starts.append(i)
            body.append(i)
            prev = line
            i += 1
        return body, themes, row_starts

    def _ends_before(self, i: int, prev: Line, xs: list[float]) -> bool:
        line = self.lines[i]
        if line.top - prev.bottom > self.s.max_gap * prev.size and not self._row_shape(line, xs):
            return True
        if any(prev.bottom <= lat.ys[0] <= line.top for lat in self.taken):
            return True
        return self.header_at(i) is not None

    def _row_shape(self, line: Line, xs: list[float]) -> bool:
        """Whether a line is a row's first line by its own shape: text starting at the start
        of `min_header_cells` columns or more (a cell merged across may cross the columns it
        spans). A long cell ending a row (its paragraphs spaced) leaves an empty band before
        the next row, and a cell merged across crosses a boundary; the text under a table
        does not start in three of its columns."""
        reach = self.s.cell_padding + self.grid.hint_tolerance
        starts = {
            c for r in self.runs(line, xs) for c, x in enumerate(xs[:-1]) if 0 <= r.x0 - x <= reach
        }
        return len(starts) >= self.s.min_header_cells

    def _theme_shape(self, line: Line, xs: list[float], crosses: bool) -> bool:
        if not line.bold:
            return False
        cols = set(_by_column(line.words, xs))
        at_left = line.x0 - xs[0] <= self.s.cell_padding + self.grid.hint_tolerance
        return at_left and (crosses or cols == {0})

    def _continuing(self, line: Line, prev: Line, xs: list[float]) -> dict[int, list[Word]]:
        """The columns with text on the line directly above (none after an empty band)."""
        if line.top - prev.bottom > 0.5 * prev.size:
            return {}
        return _by_column(prev.words, xs)

    def _starts_row(self, line: Line, prev: Line, xs: list[float]) -> bool:
        above = self._continuing(line, prev, xs)
        cols = _by_column(line.words, xs)
        fresh = [c for c in cols if c not in above]
        labelled = [c for c, ws in cols.items() if c in above and ITEM_LABEL.match(ws[0].text)]
        return starts_row(len(fresh), len(labelled))

    def _trim_tail(self, body: list[int], row_starts: list[int], xs: list[float]) -> list[int]:
        if not row_starts:
            return body
        last = row_starts[-1]
        last_text: dict[int, float] = {}
        for i in body:
            if i < last:
                continue
            line = self.lines[i]
            cols = _by_column(line.words, xs)
            if i > last:
                gaps = [line.top - last_text.get(c, self.lines[last].top) for c in cols]
                above = self._continuing(line, self.lines[i - 1], xs)
                if not any(c in above for c in cols) and min(gaps) > self.s.max_gap * line.size:
                    return [j for j in body if j < i]
            for c, ws in cols.items():
                last_text[c] = max(w.bottom for w in ws)
        return body

    # --- lattice --------------------------------------------------------------------------

    def _lattice(
        self,
        start: int | None,
        body: list[int],
        themes: set[int],
        row_starts: list[int],
        xs: list[float],
    ) -> Lattice:
        """`start`: the header's first line; None: the rows of a table continued, no header."""
        lines = self.lines
        tol = self.grid.boundary_tolerance
        # the header, then the rows (the first at header_end)
        starts = row_starts if start is None else [start, *row_starts]
        ends = [*starts[1:], body[-1] + 1]
        ys = [lines[starts[0]].top - 1.0]
        for s in starts[1:]:
            ys.append((lines[s - 1].bottom + lines[s].top) / 2)
        ys.append(lines[body[-1]].bottom + 1.0)
        n_cols = len(xs) - 1
        v_walls: list[list[bool]] = []
        for s, e in zip(starts, ends, strict=True):
            if s in themes:
                v_walls.append([True, *([False] * (n_cols - 1)), True])
                continue
            runs = [r for ln in lines[s:e] for r in self.runs(ln, xs)]
            v_walls.append([not any(r.x0 < x - tol and r.x1 > x + tol for r in runs) for x in xs])
        h_walls = [[True] * n_cols]
        for k, s in enumerate(starts[1:]):
            # the header's cells never run down into the first row, however its wrapped
            # last line reads on ("Target completio" / "n date" above "July 2025")
            after = (k == 0 and start is not None) or s in themes or s - 1 in themes
            h_walls.append(self._row_walls(lines[s], lines[s - 1], xs, after))
        h_walls.append([True] * n_cols)
        return Lattice(list(xs), ys, v_walls, h_walls, "rows and columns from text alignment")

    def _row_walls(self, line: Line, prev: Line, xs: list[float], theme: bool) -> list[bool]:
        """Per column, whether the row start separates it from the cell above: not where the
        column's text runs on from the line above as one paragraph (a cell merged down)."""
        n_cols = len(xs) - 1
        if theme:
            return [True] * n_cols
        above = self._continuing(line, prev, xs)
        cols = _by_column(line.words, xs)
        first_fresh = 0 in cols and 0 not in above
        walls = []
        for c in range(n_cols):
            if c not in above or c not in cols or ITEM_LABEL.match(cols[c][0].text):
                walls.append(True)
                continue
            text = cell_text(above[c] + cols[c], xs[c], xs[c + 1])
            # a row whose first column starts afresh ("2") and a sentence that starts here
            # after one that ended above: a new cell, not a cell merged down beside the row
            fresh = first_fresh and unsure_break(
                " ".join(w.text for w in above[c]), cols[c][0].text)
            walls.append("\n" in text or fresh)
        return walls


DRIFTING = ("the table has no rulings and its columns set their lines on different "
            "baselines (paragraph spacing): where its rows start is a reading, rows may be "
            "joined or split")


def _drift(lines: list[Line], body: list[int]) -> str | None:
    return None if all(_aligned(lines[i]) for i in body) else DRIFTING


def _free_words(geometry: PageGeometry, taken: Sequence[Lattice]) -> list[Word]:
    """The page's words that no table in `taken` holds."""
    return [
        w for w in geometry.words
        if not any(lat.locate(w.xmid, w.ymid) is not None for lat in taken)
    ]


def _aligned(line: Line, tolerance: float = 0.3) -> bool:
    """Whether the line's words share a baseline: rows are read line by line, which holds only
    when every column sets its lines on the same grid (no paragraph spacing, one font size)."""
    bottoms = [w.bottom for w in line.words]
    return max(bottoms) - min(bottoms) <= tolerance * line.size


def _column(xs: Sequence[float], x: float) -> int:
    for c in range(len(xs) - 2, -1, -1):
        if x >= xs[c]:
            return c
    return 0


def _by_column(words: Sequence[Word], xs: Sequence[float]) -> dict[int, list[Word]]:
    found: dict[int, list[Word]] = {}
    for w in sorted(words, key=lambda w: w.x0):
        found.setdefault(_column(xs, w.xmid), []).append(w)
    return found


def _crosses(run: Run, xs: Sequence[float], tol: float) -> bool:
    return crosses_inner(run.x0, run.x1, xs, tol)
