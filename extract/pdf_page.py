"""One page's geometry + its table lattices -> headings and table fragments in reading order.

Backends differ only in how they find lattices (our ruling-line grid, camelot's image-based
lattice); the words inside cells and outside tables are turned into text here, the same way
for every backend, so the backends can only disagree about where the cells are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from dhrplan.extract.celltext import (
    NO_PAGE_WORDS,
    Line,
    PageWords,
    end_room,
    group_lines,
    known_words,
    lines_text,
    tag_breaks,
    unsure_notes,
    would_fit,
)
from dhrplan.extract.geometry import Fill, PageGeometry, Word
from dhrplan.extract.grid import Lattice, Span
from dhrplan.extract.model import (
    ROWS_UNSURE,
    Block,
    Cell,
    Heading,
    Region,
    Row,
    RowNote,
    TableFragment,
)
from dhrplan.extract.patterncache import compiled
from dhrplan.extract.tagcells import TagPlacement, Where, place_by_tags

PAGE_LABEL = compiled(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", regex.IGNORECASE)
PAGE_WORDED = compiled(r"^page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", regex.IGNORECASE)


@dataclass(frozen=True)
class PageSettings:
    """How a page's text outside its grids, and its shading, are read."""

    margin: float = 0.12
    """Top and bottom share of the page where running headers, footers and page numbers
    live."""
    title_size: float = 14.0
    """Lines set this large (points) are a title, never a running header (headers and
    footers are set at 8-11 pt): a title that starts in the top band and wraps below it stays
    one paragraph, as a web page printed from a browser begins."""
    paragraph_gap: float = 0.6
    """Lines further apart than this many font sizes are separate paragraphs outside
    tables."""
    fill_coverage: float = 0.5
    """A filled rectangle shades a cell when it covers the cell's centre and at least this
    share of its area: a word processor fills the whole cell (or row, or table) inside its
    borders, while borders drawn as thin filled rectangles (Chromium) and highlighted words
    cover little."""
    footnote_rule: float = 0.45
    """A footnote separator is a short rule at the text's left edge below the page's tables
    (Word draws 2 inches, LibreOffice a quarter of the text width): at most this share of
    the text's width; a rule across the page is a border or a divider."""
    footnote_zone: float = 0.5
    """And it sits in the lower part of the page, below this share of its height."""
    footnote_gap: float = 2.0
    """Points: and clear of the tables above it and of other rulings at its height (a
    table's bottom border, drawn in pieces, is no separator)."""


PAGE = PageSettings()

UNSHADED = "#ffffff"
"""White is the paper: a cell filled white (or a white page background) is not shaded."""


@dataclass
class PageLayout:
    """One page's blocks, as its tables and headings were laid out."""
    blocks: list[Block]
    margin_headings: list[Heading] = field(default_factory=list)
    """Headings in the top/bottom margin: dropped later if they repeat on most pages."""
    untagged_cells: int = 0
    """Tagged pages: cells of several lines whose tags were missing for some words or
    disagreed with the lines, so their paragraphs were read from the layout. (Cells with no
    tags at all are artifacts, as a repeated header row is, and are not counted.)"""
    tag_cells_disagreeing: int = 0
    """Tagged pages: table cells whose tags the grid could not follow (`tagcells`), whose
    words stay where the grid put them."""


def layout_page(geometry: PageGeometry, lattices: list[Lattice]) -> PageLayout:
    cell_of: dict[int, Where] = {}
    for word in geometry.words:
        for i, lattice in enumerate(lattices):
            where = lattice.locate(word.xmid, word.ymid)
            if where is not None:
                cell_of[id(word)] = (i, where)
                break
    tags = (
        place_by_tags(geometry.words, lattices, cell_of) if geometry.tagged and lattices
        else TagPlacement()
    )
    cell_of.update(tags.moved)
    in_table: list[list[Word]] = [[] for _ in lattices]
    outside: list[Word] = []
    for word in geometry.words:
        place = cell_of.get(id(word))
        (outside if place is None else in_table[place[0]]).append(word)

    known = (
        known_words(geometry.words, lambda word: cell_of.get(id(word))) if lattices
        else NO_PAGE_WORDS
    )
    placed: list[tuple[float, Block]] = []
    untagged: list[tuple[int, int]] = []
    for i, (lattice, words) in enumerate(zip(lattices, in_table, strict=True)):
        moved = {key: at for key, (j, at) in tags.moved.items() if j == i}
        found = fragment(
            lattice, words, geometry.number, known, geometry.fills,
            untagged if geometry.tagged else None, moved,
        )
        placed.append((lattice.ys[0], found))
    layout = PageLayout([], untagged_cells=len(untagged),
                        tag_cells_disagreeing=tags.disagreeing)
    for top, heading, in_margin in _headings(outside, geometry, lattices):
        placed.append((top, heading))
        if in_margin:
            layout.margin_headings.append(heading)
    placed.sort(key=lambda item: item[0])
    layout.blocks = [block for _, block in placed]
    return layout


def fragment(
    lattice: Lattice,
    words: list[Word],
    page: int,
    known: PageWords = NO_PAGE_WORDS,
    fills: list[Fill] | None = None,
    untagged: list[tuple[int, int]] | None = None,
    moved: dict[int, tuple[int, int]] | None = None,
) -> TableFragment:
    """The lattice's rows with the text of each merged cell in its top-left grid cell, and
    each cell's shading (`cell_fill`) on every grid cell it covers. On a tagged page,
    `untagged` collects the cells whose tags could not decide their paragraphs, and `moved`
    (id(word) -> grid cell) places the words the tags put in another cell than the grid."""
    by_cell: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        where = (moved or {}).get(id(word)) or lattice.locate(word.xmid, word.ymid)
        if where is not None:
            by_cell.setdefault(where, []).append(word)
    grid = [[Cell() for _ in range(lattice.n_cols)] for _ in range(lattice.n_rows)]
    unsure: list[str] = []
    notes: dict[int, list[RowNote]] = {}
    for span in lattice.spans():
        shade = cell_fill(span, fills or [])
        region = (Region(page, span.x0, span.top, span.x1, span.bottom),)
        for r in range(span.row + 1, span.row + span.rows):
            grid[r][span.col] = Cell(merged=True, fill=shade)
        grid[span.row][span.col] = Cell(fill=shade, regions=region)
        span_words = [
            w
            for r in range(span.row, span.row + span.rows)
            for c in range(span.col, span.col + span.cols)
            for w in by_cell.get((r, c), ())
        ]
        if not span_words:
            continue
        printed = group_lines(span_words)
        tagged = untagged is not None and any(w.paragraph is not None for w in span_words)
        if tagged and len(printed) > 1 and tag_breaks(printed) is None:
            untagged.append((span.row, span.col))  # (a cell without tags is a repeated header)
        before = len(unsure)
        grid[span.row][span.col] = Cell(
            lines_text(printed, span.x0, span.x1, known, unsure=unsure),
            all(w.bold for w in span_words),
            room=end_room(printed, span.x0, span.x1),
            lines=tuple(line.text for line in printed),
            fill=shade,
            regions=region,
            line_regions=tuple(Region(page, line.x0, line.top, line.x1, line.bottom)
                               for line in printed),
        )
        notes.setdefault(span.row, []).extend(unsure_notes(unsure[before:], span.col))
    if lattice.rows_unsure:
        for r in range(lattice.n_rows):
            notes.setdefault(r, []).append(RowNote(ROWS_UNSURE, lattice.rows_unsure))
    return TableFragment([Row(cells, [page], notes.get(r, [])) for r, cells in enumerate(grid)],
                         page)


def cell_fill(span: Span, fills: list[Fill]) -> str | None:
    """The colour of the last rectangle painted over the cell (later paint hides earlier),
    None when that is white or nothing shades it."""
    area = (span.x1 - span.x0) * (span.bottom - span.top)
    xmid, ymid = (span.x0 + span.x1) / 2, (span.top + span.bottom) / 2
    for fill in reversed(fills):
        if not (fill.x0 <= xmid <= fill.x1 and fill.top <= ymid <= fill.bottom):
            continue
        width = min(fill.x1, span.x1) - max(fill.x0, span.x0)
        height = min(fill.bottom, span.bottom) - max(fill.top, span.top)
        if area > 0 and width * height >= PAGE.fill_coverage * area:
            return None if fill.colour == UNSHADED else fill.colour
    return None


def _headings(
    words: list[Word], geometry: PageGeometry, lattices: list[Lattice]
) -> list[tuple[float, Heading, bool]]:
    """Paragraphs of the text outside tables, page labels dropped."""
    top_margin = geometry.height * PAGE.margin
    bottom_margin = geometry.height * (1 - PAGE.margin)
    table_tops = sorted(lat.ys[0] for lat in lattices)
    right = max((w.x1 for w in geometry.words), default=geometry.width)
    found: list[tuple[float, Heading, bool]] = []
    paragraph: list[Line] = []
    para_margin = False
    notes_from = _footnote_rule(words, geometry, lattices)

    def flush() -> None:
        if paragraph:
            text = " ".join(line.text for line in paragraph).strip()
            bold = all(line.bold for line in paragraph)
            found.append((paragraph[0].top, Heading(text, geometry.number, bold), para_margin))

    for line in group_lines(words):
        text = line.text.strip()
        if notes_from is not None and line.top > notes_from:
            continue  # footnotes: the .docx and HTML readers leave them out too
        in_margin = line.bottom <= top_margin or line.top >= bottom_margin
        if PAGE_WORDED.match(text) or (in_margin and PAGE_LABEL.match(text)):
            continue
        if (
            paragraph
            and _continues(paragraph[-1], line, table_tops, right)
            and (in_margin == para_margin or para_margin and line.top < bottom_margin
                 and min(p.size for p in paragraph) >= PAGE.title_size)
        ):
            paragraph.append(line)
            continue
        flush()
        paragraph, para_margin = [line], in_margin
    flush()
    return found


def _footnote_rule(
    words: list[Word], geometry: PageGeometry, lattices: list[Lattice]
) -> float | None:
    """Where a page's footnotes start: the top of a short rule on its own at the left edge
    of the text, in the lower part of the page, clear below every table, with a note under
    it that starts with its mark ("1", "*"); None without one. Footnotes read as paragraphs
    would stand between a table and its rest on the next page, so the table would not be
    joined."""
    if not words:
        return None
    left = min(w.x0 for w in geometry.words)
    right = max(w.x1 for w in geometry.words)
    lowest_table = max((lat.ys[-1] for lat in lattices), default=0.0)
    for segment in sorted(geometry.segments, key=lambda s: s.top):
        width = segment.x1 - segment.x0
        if not segment.horizontal or width < 12 or width > PAGE.footnote_rule * (right - left):
            continue
        if segment.top < geometry.height * PAGE.footnote_zone or \
                segment.top < lowest_table + PAGE.footnote_gap or abs(segment.x0 - left) > 12:
            continue
        if any(other.x0 - 1 <= segment.x1 and other.x1 + 1 >= segment.x0
               and abs(other.top - segment.top) < PAGE.footnote_gap
               and (other.x0, other.x1) != (segment.x0, segment.x1)
               and max(other.x1 - other.x0, other.bottom - other.top) > PAGE.footnote_gap
               for other in geometry.segments):
            continue  # part of a drawing or a border (not the rule's own thin rectangle)
        below = sorted((w for w in words if w.top > segment.top), key=lambda w: (w.top, w.x0))
        if below and _NOTE_MARK.match(below[0].text):
            return segment.top
    return None


_NOTE_MARK = compiled(
    r"^(?:\d{1,3}|[*\u2020\u2021\u00a7\u00b9\u00b2\u00b3]|[ivx]{1,4})\W*$|^\d{1,3}\D")
"""A footnote starts with its mark: a number, a star, a dagger or a small roman numeral."""


def _continues(prev: Line, line: Line, table_tops: list[float], right: float) -> bool:
    """The next line of the same paragraph: same look, close below, and a wrap (its first
    word would not have fitted the text width; `right` is where the page's text ends)."""
    if prev.bold != line.bold or abs(prev.size - line.size) > 0.5:
        return False
    if would_fit(prev, line, right):
        return False
    if line.top - prev.bottom > PAGE.paragraph_gap * prev.size:
        return False
    return not any(prev.bottom <= top <= line.top for top in table_tops)
