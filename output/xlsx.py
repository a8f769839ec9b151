"""The combined workbook: one sheet per table, ready to sort and filter in Excel.

Header row frozen and bold, autofilter over the data, wrapped text, column widths from the
content, dates stored as real Excel dates so they sort and filter as dates.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dhrplan.output.files import write_bytes
from dhrplan.output.tables import Table, Value, neutralise

DATE_FORMAT = "yyyy-mm-dd"
MAX_CELL_CHARS = 32_767
MIN_WIDTH, MAX_WIDTH = 8, 60
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_FONT = Font(bold=True)


def _cell(value: Value) -> Value:
    """Excel rejects control characters and cells longer than 32,767 characters."""
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        safe = neutralise(text)
        assert isinstance(safe, str)
        return safe[:MAX_CELL_CHARS]
    return value


def _width(value: Value) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return len(DATE_FORMAT)
    return max((len(line) for line in str(value).splitlines()), default=0)


def _fill(sheet: Worksheet, table: Table) -> None:
    sheet.append(list(table.columns))
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.alignment = WRAP
    widths = [len(c) for c in table.columns]
    for row in table.rows:
        values = [_cell(v) for v in row]
        sheet.append(values)
        for i, value in enumerate(values):
            widths[i] = max(widths[i], _width(value))
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            cell.alignment = WRAP
    for i, width in enumerate(widths, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last}{max(len(table.rows) + 1, 2)}"


def build(tables: Sequence[Table]) -> Workbook:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for table in tables:
        _fill(book.create_sheet(table.name), table)
    return book


def write(path: Path, tables: Sequence[Table]) -> None:
    """The workbook is built in memory and then written: a zip file left open on a failed
    write (a full disk, Ctrl-C) prints "Exception ignored in: ZipFile.__del__" when collected."""
    buffer = io.BytesIO()
    build(tables).save(buffer)
    write_bytes(path, buffer.getvalue())
