"""The format-independent document model every reader produces.

A reader (text export; PDF through pdfplumber, pdfium or camelot) turns a file into a
`Document`: an ordered list of `Heading`s and `TableFragment`s, one fragment per table per page.
`stitch` then joins fragments that continue across pages into `Table`s. Nothing downstream
knows which reader ran.

Cell text keeps paragraph breaks as "\n" (HTML <p>, <br>, <li>; in PDFs a line break that was
not a soft wrap). Within a paragraph, words are separated by single spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

NO_PAGE = 0
"""The page of a fragment or heading from a format without pages (.docx, HTML): its rows
carry an empty page list and their (table, row) `position` instead, and stitching never
looks for a row cut by a page break there."""


@dataclass(frozen=True)
class Region:
    """Where a PDF cell was printed: its page and box in points, from the page's top-left
    corner (the geometry's coordinates), so a reviewer can be shown the very place."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Cell:
    """One cell's text and how it looked."""
    text: str = ""
    bold: bool = False
    """True when every character of the cell is bold (section rows, labels)."""
    merged: bool = field(default=False, compare=False)
    """The cell is covered by a cell merged down from a row above (its text is
    there), as a recommendation spanning several action rows."""
    room: float | None = field(default=None, compare=False)
    """PDFs only: the free width at the end of the cell's last line, in ems. When a page
    break cuts the cell, a next word that would have fitted there shows the line ended on
    purpose; one that would not shows a wrap."""
    fill: str | None = field(default=None, compare=False)
    """The cell's background colour as "#rrggbb" (lower case) when the source shades it
    (PDF rectangle fill, Word `w:shd`, HTML background); plans show RAG status this way."""
    lines: tuple[str, ...] = field(default=(), compare=False)
    """The cell's lines as printed, where its reader undid the wrapping (PDFs, exports that
    keep a PDF's lines): a line break read as a wrap may still have parted two owners
    ("Police" / "Schools"), which only the column's meaning tells."""
    regions: tuple[Region, ...] = field(default=(), compare=False)
    """PDFs only: the box of the cell (of the whole merged cell) on its page; a cell a page
    break cut, joined again, has one region per page. Empty for formats without pages."""
    line_regions: tuple[Region, ...] = field(default=(), compare=False)
    """PDFs only: the box of each of `lines`, in step with them, so that a part of the cell
    (one action of several) can be shown where it is printed."""

    @property
    def empty(self) -> bool:
        return not self.text.strip()


ROW_JOINED = "row_joined"
"""A row or merged cell a page break cut, joined back."""
PARAGRAPHS_UNSURE = "paragraphs_unsure"
"""A line break the reader could not tell from a paragraph end."""
ROWS_UNSURE = "rows_unsure"
"""A table with no rulings whose columns set their lines on different baselines (paragraph
spacing): where its rows start is a reading of drifting lines, and may join or split rows."""
NESTED_TABLE_NOTE = "a table inside the cell was read as lines of its text, a row a line"
"""Said (as `PARAGRAPHS_UNSURE`) on the field of a cell that holds a table of its own (.docx,
HTML): its lines may not be the items the inner table meant."""


@dataclass(frozen=True)
class RowNote:
    """What a reader was unsure of on one row, with the column it concerns (counted from 0)
    when it concerns one: normalize turns it into a coded warning on that column's field."""

    code: str
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = "" if self.column is None else f"column {self.column + 1}: "
        return where + self.message


@dataclass
class Row:
    """One table row as read, with the pages it sits on and what the reader noted about it."""
    cells: list[Cell]
    pages: list[int]
    warnings: list[RowNote] = field(default_factory=list)
    position: tuple[int, int] | None = None
    """(table, row) index in the source, counted from 0, for formats without pages
    (.docx, HTML): the provenance a record keeps instead of page numbers."""
    continues: bool | None = None
    """Tagged PDFs: whether the row is the rest of the last row of the page before (its
    TR tag is that row's: True) or a row of its own (False), where the tags tell; None
    leaves it to stitching's reading of the content."""

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def filled(self) -> list[int]:
        """Indexes of the non-empty cells."""
        return [i for i, c in enumerate(self.cells) if not c.empty]


@dataclass
class TableFragment:
    """The part of one table that sits on one page, as the reader found it."""

    rows: list[Row]
    page: int

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass(frozen=True)
class Heading:
    """A paragraph between tables: a title line, an agency name, a theme."""

    text: str
    page: int
    bold: bool = False


Block = Heading | TableFragment


@dataclass
class Document:
    """A file read into the model: its headings and table fragments in reading order."""
    path: Path
    format: str
    """"pdf", "markdown", "tsv", "layout" (text laid out as pages), "docx" or "html"."""
    page_count: int
    """NO_PAGE for formats without pages."""
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A stitched table: one header row (the first row found) and its data rows."""

    header: Row
    rows: list[Row]
    heading: str | None
    """The nearest heading above the table, if any."""

    @property
    def pages(self) -> list[int]:
        found = set(self.header.pages)
        for row in self.rows:
            found.update(row.pages)
        return sorted(found)

    @property
    def where(self) -> str:
        """Where the table starts, for messages: "page 3", or "table 2" without pages."""
        if self.header.pages:
            return f"page {self.header.pages[0]}"
        if self.header.position is not None:
            return f"table {self.header.position[0] + 1}"
        return "an unknown place"


def is_frame(rows: int, nested_rows: Iterable[int]) -> bool:
    """Whether a table holding tables only frames them (a box, a page layout), for formats
    where tables nest (.docx, HTML): it has one row, or holds a table with more rows than it
    has. A data table with a small table in one cell has more rows than that table; its
    nested table is flattened into the cell instead."""
    counts = list(nested_rows)
    return bool(counts) and (rows == 1 or max(counts) > rows)


class ExtractError(Exception):
    """A file that cannot be read as an action plan; the message is shown to the user as is."""
