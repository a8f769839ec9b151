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

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from dhrplan.extract.labels import BULLETS, is_bullet
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
from dhrplan.extract.vocabulary import role_of

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
    stray_share: float = 0.05
    """Share of a block's gapped lines that may set text in a gutter: pdftotext places each
    line's words on its grid by their own positions, and a line of a cell now and then
    starts or ends a character into the gap beside it."""
    reach: int = 3
    """Characters either side of a gutter searched for the space to cut a line at whose
    text was set into it."""
    header_words: int = 4
    """A header cell's line has a few words ("Key milestones", "Lead officer / agency"); a
    longer piece is a cell's text, whatever words it holds."""
    min_header_names: int = 2
    header_share: float = 0.5
    """A header line names two columns at least, and most of its pieces do (the rest
    broken words, "Scop" / "e", or names the vocabulary lacks)."""
    min_column_lines: int = 2
    """A column holds text on two lines at least (its header and a cell)."""
    fresh_share: float = 0.5
    """Without a number column, a line starts a row when its first column starts afresh
    and so do this share of its other filled cells (a row's cells all start on its first
    line; a cell going on mid-sentence shows the row goes on)."""


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


def _gapped(line: str) -> bool:
    return bool(_GAP.search(line.strip()))


def _occupancy(lines: Sequence[str]) -> Counter[int]:
    """How many lines hold text at each position; a bullet is no text here: it is set left
    of its item's text, often in the gutter."""
    counts: Counter[int] = Counter()
    for line in lines:
        counts.update(x for x, ch in enumerate(line) if not ch.isspace() and not is_bullet(ch))
    return counts


def gutters(lines: Sequence[str], settings: LayoutSettings = SETTINGS) -> list[tuple[int, int]]:
    """Runs of positions blank on the gapped lines, between the leftmost and rightmost text,
    but for a few lines whose text a converter set a character too far (`stray_share`); a
    one-position run only where lines start text right of it (`min_gap_starts`)."""
    gapped = [line.rstrip() for line in lines if _gapped(line)]
    if not gapped:
        return []
    counts = _occupancy(gapped)
    stray = int(settings.stray_share * len(gapped))
    left, right = min(counts), max(counts)
    found: list[tuple[int, int]] = []
    x = left
    while x <= right:
        if counts[x] > stray:
            x += 1
            continue
        start = x
        while x <= right and counts[x] <= stray:
            x += 1
        starts = sum(
            1 for line in gapped if len(line) > x and not line[x].isspace() and line[x - 1] == " "
        )
        across = max(counts[p] for p in range(start, x))
        if (x - start > 1 or starts >= settings.min_gap_starts) and (
            starts >= settings.min_gap_starts * max(1, across) if across else True
        ):
            found.append((start, x))
    return found


def _cut(line: str, gap: tuple[int, int], reach: int) -> int | None:
    """Where a line is cut at a gutter: in it when it is blank there, else at the space
    nearest to it within `reach` (a cell's word set a character into the gutter), else None
    (the line's text runs across)."""
    a, b = gap
    if not line[a:b].strip():
        return a
    spaces = [x for x in range(max(0, a - reach), min(len(line), b + reach)) if line[x] == " "]
    if not spaces:
        return None
    middle = (a + b - 1) / 2
    return min(spaces, key=lambda x: abs(x - middle))


def _one_cell(line: str, gaps: Sequence[tuple[int, int]], reach: int) -> list[str] | None:
    """A line with no gap in its text in the one column it lies in, or None when it runs
    across a gutter; a bullet up to `reach` left of a gutter (set in it) is in the column
    right of it."""
    indent = len(line) - len(line.lstrip())
    slack = reach if is_bullet(line.lstrip()[:1]) else 0
    column = sum(1 for a, _ in gaps if indent >= a - slack)
    if column < len(gaps) and len(line) > gaps[column][1]:
        return None
    cells = [""] * (len(gaps) + 1)
    cells[column] = _BULLET.sub("• ", line.strip())
    return cells


def split_line(
    line: str, gaps: Sequence[tuple[int, int]], settings: LayoutSettings = SETTINGS
) -> list[str] | None:
    """A line's text cell by cell, or None for a line that spans columns: one with no gap of
    two spaces whose text runs across a gutter (a full-width row, a paragraph). A line whose
    text starts just left of a gutter (a bullet set in it) starts in the column right of it."""
    if not _gapped(line):
        return _one_cell(line, gaps, settings.reach)
    cuts: list[int] = []
    for gap in gaps:
        x = _cut(line, gap, settings.reach)
        cuts.append(gap[0] if x is None else x)  # a word set across: cut as it stands
    edges = [0, *cuts, len(line)]
    cells = [line[p:q].strip() for p, q in zip(edges, edges[1:], strict=False)]
    for k in range(len(cells) - 1):  # a bullet set in the gutter starts the next cell
        head, _, last = cells[k].rpartition(" ")
        if len(last) == 1 and is_bullet(last):
            cells[k], cells[k + 1] = head.strip(), f"{last} {cells[k + 1]}"
    return [_BULLET.sub("• ", cell) for cell in cells]


_BULLET = compiled(rf"^[{BULLETS}]\s*")
"""A bullet as the PDF path reads it: any bullet glyph (the Symbol font's private-use one
too) as "•", one space before its item."""


def _filled_columns(
    lines: Sequence[str], gaps: list[tuple[int, int]], settings: LayoutSettings
) -> list[tuple[int, int]]:
    """The gutters but those left of a column with text on fewer than `min_column_lines`
    lines (a stray character a converter set past the others)."""
    kept = list(gaps)
    while kept:
        split = [cells for ln in lines if (cells := split_line(ln, kept, settings))]
        counts = [sum(1 for cells in split if cells[c]) for c in range(len(kept) + 1)]
        sparse = [c for c in range(1, len(counts)) if counts[c] < settings.min_column_lines]
        if not sparse:
            break
        kept.pop(sparse[0] - 1)
    return kept


def _segments(line: str) -> list[str]:
    return [s for s in regex.split(r" {2,}", line.strip()) if s]


def is_header_line(line: str, settings: LayoutSettings = SETTINGS) -> bool:
    """A table's header line: most of its pieces (text between gaps) short names of an
    action plan's columns ("Ref", "Recommendation", "Lead agency", "Target date")."""
    pieces = _segments(line)
    named = sum(
        1 for p in pieces
        if len(p.split()) <= settings.header_words and role_of(p) is not None
    )
    return named >= settings.min_header_names and named >= settings.header_share * len(pieces)


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

    def heading(self, line: str, page: int) -> None:
        text = " ".join(line.split())
        if text and not PAGE_NUMBER.match(running_key(text)):
            self.blocks.append(Heading(text, page))
            self.table = None

    def page(self, text: str, page: int) -> None:
        """A page's blocks: each header line (`is_header_line`) starts one, the lines of
        text alone just above it being headings; gapped lines before the first header go on
        the table of the page before. Lines outside any block are headings."""
        lines = [line.rstrip() for line in text.split("\n")]
        gapped = [i for i, line in enumerate(lines) if _gapped(line)]
        if not gapped:
            for line in lines:
                self.heading(line, page)
            return
        starts = [i for i in gapped if is_header_line(lines[i], self.settings)] or [gapped[0]]
        if gapped[0] < starts[0]:
            starts.insert(0, gapped[0])
        for line in lines[:starts[0]]:
            self.heading(line, page)
        taken = starts[0]
        for start in starts[1:]:
            top = start
            while top > taken and not _gapped(lines[top - 1]):
                top -= 1  # text alone above a header: headings between two tables
            self.fragment(lines[taken:top], page)
            for line in lines[top:start]:
                self.heading(line, page)
            taken = start
        last = gapped[-1] + 1
        gaps = gutters(lines[taken:last], self.settings)
        while last < len(lines) and lines[last].strip() and (
            not PAGE_NUMBER.match(running_key(lines[last]))
            and split_line(lines[last], gaps, self.settings) is not None
        ):
            last += 1
        self.fragment(lines[taken:last], page)
        for line in lines[last:]:
            self.heading(line, page)

    def fragment(self, lines: list[str], page: int) -> None:
        lines = [ln for ln in lines if ln.strip()]
        if not lines:
            return
        gaps = _filled_columns(lines, gutters(lines, self.settings), self.settings)
        if len(gaps) + 1 < self.settings.min_columns:
            for line in lines:
                self.heading(line, page)
            return
        split = [split_line(ln, gaps, self.settings) for ln in lines]
        spanning = [cells is None for cells in split]
        cut = [cells or [""] * (len(gaps) + 1) for cells in split]
        key = self._key_column(cut, spanning)
        starts = self._row_starts(cut, spanning, key)
        table = self.table if self.table and self.table.width == len(gaps) + 1 else None
        rows: list[Row] = []
        head = starts[0] if starts else len(lines)
        if head and table is None:
            table = _Table([" ".join(c) for c in zip(*cut[:head], strict=True)], len(gaps) + 1)
            rows.append(self._row(cut[:head], spanning[:head], lines[:head], page))
        elif head:
            # a later page: its header again, then the rest of a row the break cut
            repeat = _repeated_header(cut[:head], table.header) if table else 0
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
        """The leftmost column most of whose filled lines are numbers."""
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
        run of full-width lines and the line after one; without a number column, a line
        whose first column starts afresh (`_fresh`) with most of its other cells."""
        starts: list[int] = []
        for i, (cells, span) in enumerate(zip(cut, spanning, strict=True)):
            before = spanning[i - 1] if i else False
            if span != before and i:
                starts.append(i)
            elif span or not i:
                continue
            elif key is not None:
                if cells[key] and number_cell(cells[key]) is not None:
                    starts.append(i)
            elif cells[0] and _fresh(cut[i - 1][0], cells[0]):
                others = [c for c in range(1, len(cells)) if cells[c]]
                fresh = sum(1 for c in others if _fresh(cut[i - 1][c], cells[c]))
                if fresh >= self.settings.fresh_share * len(others):
                    starts.append(i)
        return starts

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


_ENDS = (".", "!", "?", ")", ":", ";")


def _fresh(above: str, text: str) -> bool:
    """A cell's line that starts a paragraph, as a row's first line does: nothing above it
    in its column, or a finished sentence above and a capital, a digit or a bullet here."""
    if not above:
        return True
    first = text[:1]
    return above.endswith(_ENDS) and (first.isupper() or first.isdigit() or is_bullet(first))


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
        reader.table = reader.table  # a table goes on over the page break
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
