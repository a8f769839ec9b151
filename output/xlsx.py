"""The combined workbook: one sheet per table, readable as it opens and ready to print.

Header row bold and frozen with each sheet's key columns, autofilter over the data,
wrapped text in rows tall enough to show it, column widths from the content, real Excel
dates. The record's number, section and text come first; the long identifiers go to the
end, and columns empty in every row are left out. Text cells are written as strings, which
Excel never runs as formulas, so they carry no guard apostrophe (the CSVs keep theirs).
"""

from __future__ import annotations

import gc
import io
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lxml.etree import LxmlError
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dhrplan.output.files import write_bytes
from dhrplan.output.tables import Table, Value

DATE_FORMAT = "yyyy-mm-dd"
MAX_CELL_CHARS = 32_767
WRAP = Alignment(wrap_text=True, vertical="top")
ONE_LINE = Alignment(wrap_text=False, vertical="top")
HEADER_FONT = Font(bold=True)


@dataclass(frozen=True)
class SheetLayout:
    front: tuple[str, ...] = ()
    """Columns shown first, in this order."""
    frozen: int = 1
    """How many of the leading columns stay in view when scrolling right."""


@dataclass(frozen=True)
class WorkbookSettings:
    min_width: int = 8
    max_width: int = 60
    """A 60-character column shows a sentence a line, and three fit a laptop's screen."""
    id_width: int = 14
    """Identifier columns are for joining, not reading: narrow, at the end."""
    line_height: float = 15.0
    """Points per line of 11 pt Calibri, Excel's default row height."""
    max_lines: int = 27
    """Excel's tallest row is 409 points; a cell's text past that scrolls in its own box."""
    id_columns: tuple[str, ...] = (
        "source_file", "recommendation_id", "plan_key", "record_key", "action_key",
        "kept_source", "sha256",
    )
    layouts: dict[str, SheetLayout] = field(default_factory=lambda: {
        "Plans": SheetLayout(("title",)),
        "Copies": SheetLayout(("source_file", "kept", "reason", "kept_source")),
        "Recommendations": SheetLayout(
            ("number", "section", "text", "progress", "due"), frozen=2
        ),
        "Actions": SheetLayout(("number", "label", "text", "owners", "progress", "due"), frozen=2),
        "Target dates": SheetLayout(("raw", "kind", "start", "end"), frozen=1),
        "Owners": SheetLayout(("name", "expansion")),
        "Warnings": SheetLayout(("code", "field", "message")),
        "Glossary": SheetLayout(("acronym", "expansion")),
        "Data dictionary": SheetLayout(("sheet", "column", "list", "meaning"), frozen=2),
        "Overdue": SheetLayout(("owner", "number", "action_label", "text", "due"), frozen=1),
    })


SETTINGS = WorkbookSettings()


def _cell(value: Value) -> Value:
    """Excel rejects control characters and cells longer than 32,767 characters."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_CHARS]
    return value


def _text_width(value: Value) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return len(DATE_FORMAT)
    return max((len(line) for line in str(value).splitlines()), default=0)


def _lines(value: Value, width: float) -> int:
    """Lines the cell takes in a column `width` characters wide, wrapping at that width."""
    if not isinstance(value, str):
        return 1
    room = max(1.0, width - 1)
    return sum(max(1, math.ceil(len(line) / room)) for line in value.splitlines() or [""])


def arranged(table: Table, settings: WorkbookSettings = SETTINGS) -> Table:
    """The sheet's columns: the front ones, the rest, then the identifiers; none that is
    empty in every row (a table with no rows keeps them all, so its header says what it is)."""
    layout = settings.layouts.get(table.name, SheetLayout())
    names = list(table.columns)
    front = [c for c in layout.front if c in names]
    ids = [c for c in settings.id_columns if c in names and c not in front]
    order = front + [c for c in names if c not in front and c not in ids] + ids
    index = [names.index(c) for c in order]
    if table.rows:
        index = [i for i in index if any(row[i] not in (None, "") for row in table.rows)]
    return Table(
        table.name,
        tuple(names[i] for i in index),
        [tuple(row[i] for i in index) for row in table.rows],
    )


def _fill(sheet: Worksheet, table: Table, settings: WorkbookSettings) -> None:
    layout = settings.layouts.get(table.name, SheetLayout())
    sheet.append(list(table.columns))
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.alignment = WRAP
    widths = [len(c) for c in table.columns]
    rows = [[_cell(v) for v in row] for row in table.rows]
    for values in rows:
        sheet.append(values)
        for i, value in enumerate(values):
            widths[i] = max(widths[i], _text_width(value))
    final = []
    for name, width in zip(table.columns, widths, strict=True):
        narrow = name in settings.id_columns and name not in layout.front
        top = settings.id_width if narrow else settings.max_width
        final.append(min(max(width + 2, settings.min_width), top))
    reading = [c not in settings.id_columns or c in layout.front for c in table.columns]
    for r, cells in enumerate(sheet.iter_rows(min_row=2), start=2):
        for cell, wraps in zip(cells, reading, strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            cell.alignment = WRAP if wraps else ONE_LINE
        lines = max(
            (_lines(v, w) for v, w, wraps in zip(rows[r - 2], final, reading, strict=True)
             if wraps),
            default=1,
        )
        if lines > 1:
            sheet.row_dimensions[r].height = min(lines, settings.max_lines) * settings.line_height
    header_lines = max(
        (_lines(c, w) for c, w in zip(table.columns, final, strict=True)), default=1
    )
    sheet.row_dimensions[1].height = header_lines * settings.line_height
    for i, width in enumerate(final, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    frozen = min(layout.frozen, len(table.columns))
    sheet.freeze_panes = f"{get_column_letter(frozen + 1)}2"
    last = get_column_letter(max(len(table.columns), 1))
    sheet.auto_filter.ref = f"A1:{last}{max(len(table.rows) + 1, 2)}"
    _print_setup(sheet)


def _print_setup(sheet: Worksheet) -> None:
    """Landscape, one page wide (as many tall as it takes), the header on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"


def build(tables: Sequence[Table], settings: WorkbookSettings = SETTINGS) -> Workbook:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for table in tables:
        _fill(book.create_sheet(table.name), arranged(table, settings), settings)
    return book


def _saved(book: Workbook) -> bytes:
    """The workbook's bytes. openpyxl writes each sheet to a temporary file first; when that
    fails (a full disk) its half-run sheet writer would print "Exception ignored ..." with a
    traceback as it is collected, so it is collected here, quietly, and the failure is one
    OSError."""
    buffer = io.BytesIO()
    problem = None
    try:
        book.save(buffer)
    except (OSError, LxmlError) as error:  # lxml's SerialisationError: IO_EFBIG
        problem = str(error) or type(error).__name__
    if problem is None:
        return buffer.getvalue()
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        del book
        gc.collect()
    finally:
        sys.unraisablehook = hook
    raise OSError(f"the workbook's sheets could not be written ({problem})")


def write(path: Path, tables: Sequence[Table]) -> None:
    """The workbook is built in memory and then written: a zip file left open on a failed
    write (a full disk, Ctrl-C) prints "Exception ignored in: ZipFile.__del__" when collected."""
    write_bytes(path, _saved(build(tables)))
