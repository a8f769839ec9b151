"""RFC 4180 CSV that Excel opens correctly: UTF-8 with BOM, CRLF rows, ISO dates.

Newlines inside a cell are kept (the csv module quotes the cell), so lists stay one per line.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from dhrplan.output.files import write_bytes
from dhrplan.output.tables import Table, Value, neutralise

ENCODING = "utf-8-sig"


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return str(neutralise(value))


def render(table: Table) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.columns)
    writer.writerows([_cell(v) for v in row] for row in table.rows)
    return buffer.getvalue()


def encode(table: Table) -> bytes:
    return render(table).encode(ENCODING)


def write(path: Path, table: Table) -> None:
    write_bytes(path, encode(table))
