"""Text exports of action plans: markdown pipe tables or tab-separated rows, HTML in cells.

Exporters (pandoc, online PDF/Word converters) leave each Word table as consecutive table lines;
a page break shows as a blank line followed by the table again (often with its header repeated).
The text has no page numbers, so a page is counted at each such break: the count is a guess and
the document says so in a warning.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from dhrplan.extract.cellhtml import cell_from_markup, tidy
from dhrplan.extract.model import Block, Cell, Document, ExtractError, Heading, Row, TableFragment
from dhrplan.extract.tableblocks import (
    TableTooLarge,
    grid_table_rows,
    html_table_rows,
    is_grid_border,
)

_PIPE = re.compile(r"(?<!\\)\|")
_BARE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
_MD_DECORATION = re.compile(r"^\s*#{1,6}\s+|^\s*>\s?")
_MD_BOLD = re.compile(r"\*\*|__")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Word's "Unicode" text export is UTF-16 with a BOM."""


def _decode_bom(data: bytes, path: Path) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ExtractError(f"{path}: not readable as {codec.upper()} text") from None
    return None


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM, else Windows-1252; binary
    data is refused, not guessed."""
    if not data.strip():
        raise ExtractError(f"{path}: the file is empty")
    text = _decode_bom(data, path)
    if text is not None:
        if not text.strip():
            raise ExtractError(f"{path}: the file is empty")
        return _no_controls(text, path)
    if b"\x00" in data[:4096]:
        raise ExtractError(f"{path}: binary data, not a text export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ExtractError(f"{path}: not readable as UTF-8 or Windows-1252 text") from None
    return _no_controls(text, path)


def _no_controls(text: str, path: Path) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text) // 200):
        raise ExtractError(f"{path}: binary data, not a text export")
    return text


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip().replace("\\|", "|") for c in _PIPE.split(inner)]


def _bare_pipe_lines(lines: list[str]) -> set[int]:
    """Lines of pipe tables written without outer pipes ("a | b", then "--- | ---"): the
    separator row under the header is what tells them from prose with a "|" in it."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if i and _BARE_SEPARATOR.match(line) and _PIPE.search(lines[i - 1]):
            found.update((i - 1, i))
            j = i + 1
            while j < len(lines) and lines[j].strip() and _PIPE.search(lines[j]):
                found.add(j)
                j += 1
    return found


def _table_cells(line: str) -> list[str] | None:
    """The raw cells of a table line, or None for a paragraph line."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return _pipe_cells(stripped)
    if "\t" in line:
        return line.rstrip("\r\n").split("\t")
    return None


def _is_separator(cells: list[str]) -> bool:
    return all(_SEPARATOR_CELL.match(c) or not c.strip() for c in cells) and any(
        _SEPARATOR_CELL.match(c) for c in cells
    )


def _heading_text(lines: list[str]) -> tuple[str, bool]:
    joined = " ".join(_MD_DECORATION.sub("", ln).strip() for ln in lines)
    bold = joined.startswith(("**", "__")) or joined.startswith("<b>")
    cell = cell_from_markup(_MD_BOLD.sub("", joined))
    return tidy(cell.text.replace("\n", " ")), bold or cell.bold


_HTML_TABLE = re.compile(r"<table\b.*?(?:</table>|\Z)", re.I | re.S)
_PLACEHOLDER = "\x00table {}\x00"


def _items(text: str) -> Iterator[tuple[str, str | list[str] | list[list[str]]]]:
    """The export as a stream of ("line", text), ("cells", one row's raw cells) and
    ("rows", a whole HTML or grid table's raw rows)."""
    tables: list[str] = []

    def park(m: re.Match[str]) -> str:
        tables.append(m.group(0))
        return "\n" + _PLACEHOLDER.format(len(tables) - 1) + "\n"

    lines = _HTML_TABLE.sub(park, text).splitlines()
    bare = _bare_pipe_lines(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        parked = re.fullmatch(r"\x00table (\d+)\x00", line.strip())
        if parked:
            yield "rows", html_table_rows(tables[int(parked.group(1))])
        elif is_grid_border(line):
            grid = [line]
            while i < len(lines) and lines[i].lstrip().startswith(("|", "+")):
                grid.append(lines[i])
                i += 1
            yield "rows", grid_table_rows(grid)
        elif i - 1 in bare:
            yield "cells", _pipe_cells(line)
        elif (cells := _table_cells(line)) is not None:
            yield "cells", cells
        else:
            yield "line", line


def parse_text(text: str, path: Path, fmt: str) -> Document:
    """Split an export into headings and table fragments, counting pages at table breaks."""
    blocks: list[Block] = []
    page = 1
    paragraph: list[str] = []
    table: list[Row] | None = None
    last_was_table = False

    def flush_paragraph() -> None:
        nonlocal last_was_table
        if paragraph:
            heading, bold = _heading_text(paragraph)
            if heading:
                blocks.append(Heading(heading, page, bold))
                last_was_table = False
            paragraph.clear()

    def flush_table() -> None:
        nonlocal table, last_was_table
        if table:
            width = max(len(r.cells) for r in table)
            for row in table:
                row.cells.extend(Cell() for _ in range(width - len(row.cells)))
            blocks.append(TableFragment(table, page))
            last_was_table = True
        table = None

    def start_table(width: int) -> None:
        """A table right after one as wide, with only blank lines between, is the same
        table continued after a page break."""
        nonlocal page, table
        previous = blocks[-1] if blocks else None
        if last_was_table and isinstance(previous, TableFragment) and previous.width == width:
            page += 1
        table = []

    for kind, item in _items(text):
        if kind == "line":
            flush_table()
            if item.strip():
                paragraph.append(item)
            else:
                flush_paragraph()
            continue
        flush_paragraph()
        if kind == "rows":
            flush_table()
            rows = [cells for cells in item if not _is_separator(cells)]
            if rows:
                start_table(max(len(r) for r in rows))
                table.extend(Row([cell_from_markup(c) for c in r], [page]) for r in rows)
                flush_table()
            continue
        if _is_separator(item):
            continue
        if table is None:
            start_table(len(item))
        table.append(Row([cell_from_markup(c) for c in item], [page]))
    flush_table()
    flush_paragraph()

    fragments = [b for b in blocks if isinstance(b, TableFragment)]
    if not fragments:
        raise ExtractError(f"{path}: no table found: not an action-plan text export")
    warnings = []
    if page > 1:
        warnings.append(
            f"page numbers are inferred from the {page - 1} table break"
            f"{'s' if page > 2 else ''} in the text export"
        )
    return Document(path, fmt, page, blocks, warnings)


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    text = decode(data, path)
    try:
        return _parse(text, path)
    except TableTooLarge as exc:
        raise ExtractError(f"{path}: {exc}, larger than any action plan") from None


def _parse(text: str, path: Path) -> Document:
    markdown = re.search(r"^\s*(?:\|.*\||\+[-=+:]+\+)\s*$|<table\b", text, re.M | re.I) or any(
        _BARE_SEPARATOR.match(line) for line in text.splitlines()
    )
    fmt = "markdown" if markdown else "tsv"
    return parse_text(text, path, fmt)
