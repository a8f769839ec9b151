"""Text laid out as on the page: poppler's `pdftotext -layout` and converters like it.

Such a converter prints each page on a fixed-width grid of characters, a form feed between
pages: a table's columns stand side by side, each cell's lines being the PDF's visual lines,
a header broken in a narrow column ("Target" / "date") stacked in its column. What tells the
table is the page itself:

- **columns**: vertical gutters, character positions that are blank on every line of the
  table that has text in two or more places (a gap of two spaces or more); a line whose text
  runs across a gutter ("Recommendation 3: ..." spanning the table, a theme row) is a
  full-width row, its text in the first column, as the other exports show it;
- **rows**: a row starts at each number in the table's number column (the leftmost column
  most of whose cells are numbers, `numbering.number_cell`) and at each full-width row; the
  lines above the first row of a table are its header, repeated on later pages. A table with
  no number column is cut where its first column starts again after a line without text in
  it: rows may then be wrong, and every record says so;
- **cells**: each line cut at the gutters, then read as a `<br>` export's cell is (the lines
  are the PDF's, `textlines.undo_converter_lines`), so stitching and normalizing need nothing
  of their own.

Plain `pdftotext` (reading order, no layout) keeps no columns: it has no gutters, is not
layout text, and goes to the text reader, which reads it as running text or refuses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dhrplan.extract.model import (
    PARAGRAPHS_UNSURE,
    Block,
    Cell,
    Document,
    ExtractError,
    Heading,
    Row,
    RowNote,
    TableFragment,
)
from dhrplan.extract.numbering import holds_recommendations, number_cell
from dhrplan.extract.patterncache import compiled
from dhrplan.extract.readercodes import LAYOUT_MESSAGE
from dhrplan.extract.running import PAGE_NUMBER, running_key
from dhrplan.extract.textlines import undo_converter_lines, undo_running_lines

_GAP = compiled(r"\S {2,}(?=\S)")
"""Two or more spaces between text on one line: a gutter between columns (a sentence's
words are one space apart)."""


@dataclass(frozen=True)
class LayoutSettings:
    layout_share: float = 0.15
    """Share of a text's non-blank lines that must hold a gap of two spaces or more for it to
    be laid out in columns: in `pdftotext -layout` output of table plans a third to nine
    tenths do; running text justified with double spaces after stops has a few."""
    min_layout_lines: int = 4
    """Fewer gapped lines than this are no table at all (an address block, a signature)."""
    min_columns: int = 2
    """A table has two columns at least: one column is running text."""
    min_gap_starts: int = 2
    """Lines that must start text just right of a one-character gutter for it to be a
    column boundary: pdftotext leaves a single space between columns where a cell's line is
    full, but a single blank position shared by a few lines of one column is chance."""
    key_share: float = 0.5
    """Share of a column's filled lines (full-width rows aside) that must be numbers ("1",
    "R3", "2.1") for it to be the number column that starts rows: most of them, the rest
    being its header and a number broken in two."""
    min_key_numbers: int = 2
    """A number column numbers two rows at least."""


SETTINGS = LayoutSettings()


def is_layout_text(text: str, settings: LayoutSettings = SETTINGS) -> bool:
    """Text with no pipe or tab tables whose lines show gaps of two spaces or more between
    their words often enough to be columns."""
    if "\t" in text:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if any(line.lstrip().startswith("|") and line.count("|") >= 2 for line in lines):
        return False
    gapped = sum(1 for line in lines if _GAP.search(line.strip()))
    return gapped >= settings.min_layout_lines and gapped >= settings.layout_share * len(lines)


@dataclass
class _Block:
    """Lines of one page from the first to the last with text in two or more places."""

    lines: list[str]
    gutters: list[tuple[int, int]] = field(default_factory=list)
    """Column boundaries as [start, end) runs of blank positions."""

    def columns(self) -> list[tuple[int, int]]:
        edges = [0, *(x for g in self.gutters for x in g), 10**6]
        return list(zip(edges[::2], edges[1::2], strict=True))


def _occupied(line: str) -> set[int]:
    return {x for x, ch in enumerate(line) if not ch.isspace()}


def _gapped(line: str) -> bool:
    return bool(_GAP.search(line.strip()))


def gutters(lines: Sequence[str], settings: LayoutSettings = SETTINGS) -> list[tuple[int, int]]:
    """Runs of positions blank on every gapped line, between the leftmost and rightmost text;
    a one-position run only where lines start text right of it (`min_gap_starts`)."""
    gapped = [line.rstrip() for line in lines if _gapped(line)]
    if not gapped:
        return []
    occupied: set[int] = set()
    for line in gapped:
        occupied |= _occupied(line)
    left, right = min(occupied), max(occupied)
    found: list[tuple[int, int]] = []
    x = left
    while x <= right:
        if x in occupied:
            x += 1
            continue
        start = x
        while x <= right and x not in occupied:
            x += 1
        starts = sum(1 for line in gapped if len(line) > x and not line[x].isspace())
        if x - start > 1 or starts >= settings.min_gap_starts:
            found.append((start, x))
    return found


def crosses(line: str, gaps: Sequence[tuple[int, int]]) -> bool:
    """Text on a gutter: a line that spans columns (a full-width row, a paragraph)."""
    return any(not line[x].isspace() for a, b in gaps for x in range(a, min(b, len(line))))


def _cells(line: str, columns: Sequence[tuple[int, int]]) -> list[str]:
    return [line[a:b].strip() for a, b in columns]


@dataclass
class _Table:
    """One table's header (lines cut into cells), met on its first page."""

    header: list[str]
    width: int


@dataclass
class _Reader:
    settings: LayoutSettings
    blocks: list[Block] = field(default_factory=list)
    fragments: set[int] = field(default_factory=set)
    table: _Table | None = None
    unsure_tables: int = 0
    dropped: int = 0

    def heading(self, line: str, page: int) -> None:
        text = " ".join(line.split())
        if not text:
            return
        if PAGE_NUMBER.match(running_key(text)):
            self.dropped += 1
            return
        self.blocks.append(Heading(text, page))

    def page(self, text: str, page: int) -> None:
        lines = [line.rstrip() for line in text.split("\n")]
        gapped = [i for i, line in enumerate(lines) if _gapped(line)]
        if len(gapped) < self.settings.min_columns:
            for line in lines:
                self.heading(line, page)
            self.table = None if any(ln.strip() for ln in lines) else self.table
            return
        first, last = gapped[0], gapped[-1]
        block = _Block(lines[first:last + 1])
        block.gutters = gutters(block.lines, self.settings)
        if len(block.gutters) + 1 < self.settings.min_columns:
            for line in lines:
                self.heading(line, page)
            return
        # lines under the last gapped one that stay inside the columns are the table's too
        while last + 1 < len(lines) and lines[last + 1].strip() and (
            not crosses(lines[last + 1], block.gutters)
            and not PAGE_NUMBER.match(running_key(lines[last + 1]))
        ):
            last += 1
            block.lines.append(lines[last])
        for line in lines[:first]:
            self.heading(line, page)
        if any(ln.strip() for ln in lines[:first]):
            self.table = None
        self.fragment(block, page)
        for line in lines[last + 1:]:
            self.heading(line, page)

    def fragment(self, block: _Block, page: int) -> None:
        columns = block.columns()
        lines = [ln for ln in block.lines if ln.strip()]
        spanning = [crosses(ln, block.gutters) for ln in lines]
        cut = [_cells(ln, columns) for ln in lines]
        key = self._key_column(cut, spanning)
        starts = self._row_starts(cut, spanning, key)
        table = self.table if self.table and self.table.width == len(columns) else None
        rows: list[Row] = []
        head = starts[0] if starts else len(lines)
        if head and table is None:
            table = _Table([" ".join(c) for c in zip(*cut[:head], strict=True)], len(columns))
            rows.append(self._row(cut[:head], spanning[:head], lines[:head], page))
        elif head:
            # a later page: its header again, then the rest of a row the break cut
            repeat = _repeated_header(cut[:head], table.header)
            if repeat:
                rows.append(self._row(cut[:repeat], spanning[:repeat], lines[:repeat], page))
            if head > repeat:
                rows.append(self._row(cut[repeat:head], spanning[repeat:head],
                                      lines[repeat:head], page))
        self.table = table
        bounds = [*starts, len(lines)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            rows.append(self._row(cut[a:b], spanning[a:b], lines[a:b], page))
        if key is None:
            self.unsure_tables += 1
            for row in rows:
                row.warnings.append(NO_NUMBER_COLUMN)
        fragment = TableFragment(rows, page)
        self.blocks.append(fragment)
        self.fragments.add(id(fragment))

    def _key_column(self, cut: list[list[str]], spanning: list[bool]) -> int | None:
        for c in range(len(cut[0]) if cut else 0):
            texts = [cells[c] for cells, span in zip(cut, spanning, strict=True)
                     if not span and cells[c]]
            numbers = sum(1 for t in texts if number_cell(t) is not None)
            if numbers >= self.settings.min_key_numbers and numbers >= (
                self.settings.key_share * len(texts)
            ):
                return c
        return None

    def _row_starts(
        self, cut: list[list[str]], spanning: list[bool], key: int | None
    ) -> list[int]:
        """The lines that start a row: a number in the number column, the first line of a
        run of full-width lines and the line after one; without a number column, the first
        column starting again after a line without text in it."""
        starts: list[int] = []
        for i, (cells, span) in enumerate(zip(cut, spanning, strict=True)):
            before = spanning[i - 1] if i else False
            if span and not before or before and not span:
                starts.append(i)
            elif span:
                continue
            elif key is not None:
                if cells[key] and number_cell(cells[key]) is not None:
                    starts.append(i)
            elif cells[0] and i and not cut[i - 1][0] and starts:
                starts.append(i)
            elif cells[0] and not starts and i:
                starts.append(i)
        if key is None and starts and not any(spanning[: starts[0]]):
            pass
        return sorted(set(starts))

    def _row(
        self, cut: list[list[str]], spanning: list[bool], lines: list[str], page: int
    ) -> Row:
        width = len(cut[0])
        texts: list[list[str]] = [[] for _ in range(width)]
        for cells, span, line in zip(cut, spanning, lines, strict=True):
            if span:
                texts[0].append(" ".join(line.split()))
                continue
            for c, text in enumerate(cells):
                if text:
                    texts[c].append(text)
        return Row([Cell("\n".join(t)) for t in texts], [page])


def _repeated_header(cut: list[list[str]], header: list[str]) -> int:
    """How many of a page's first lines repeat the table's header, column by column (0 when
    they do not)."""
    for k in range(1, len(cut) + 1):
        cells = [" ".join(c) for c in zip(*cut[:k], strict=True)]
        if [" ".join(c.split()) for c in cells] == [" ".join(h.split()) for h in header]:
            return k
    return 0


NO_NUMBER_COLUMN = RowNote(
    PARAGRAPHS_UNSURE,
    "the layout text's table has no number column: its rows were cut where its first "
    "column starts again, and a row may hold two records' lines or half of one",
)
"""Every row of a table whose rows could not be told by numbers says so."""


def read_layout(text: str, path: Path, settings: LayoutSettings = SETTINGS) -> Document:
    """Headings and table fragments of a text laid out as pages, a fragment per table per
    page, read as a `<br>` export's tables are."""
    reader = _Reader(settings)
    pages = text.replace("\r\n", "\n").split("\f")
    if pages and not pages[-1].strip() and len(pages) > 1:
        pages.pop()
    for number, page in enumerate(pages, 1):
        reader.page(page.expandtabs(), number)
    if not holds_recommendations(reader.blocks):
        raise ExtractError(f"{path}: no table found: not an action-plan text export")
    warnings = undo_converter_lines(reader.blocks, reader.fragments)
    blocks, running = undo_running_lines(reader.blocks)
    warnings += running
    if reader.unsure_tables:
        warnings.insert(0, (
            f"{LAYOUT_MESSAGE}: {reader.unsure_tables} table part"
            f"{'s' if reader.unsure_tables > 1 else ''} with no number column: rows were cut "
            f"where the first column starts again, and may be wrong"
        ))
    return Document(path, "layout", len(pages), blocks, warnings)
