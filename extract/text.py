"""Text exports of action plans: markdown pipe tables or tab-separated rows, HTML in cells.

Exporters (pandoc, online PDF/Word converters) leave each Word table as consecutive table lines;
a page break shows as a blank line followed by the table again (often with its header repeated).
The text has no page numbers, so a page is counted at each such break: the count is a guess and
the document says so in a warning.
"""

from __future__ import annotations

import re
from pathlib import Path

from dhrplan.extract.cellhtml import cell_from_markup, tidy
from dhrplan.extract.model import Block, Cell, Document, ExtractError, Heading, Row, TableFragment

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".tsv", ".text"}
_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
_MD_DECORATION = re.compile(r"^\s*#{1,6}\s+|^\s*>\s?")
_MD_BOLD = re.compile(r"\*\*|__")


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; binary data is refused, not guessed."""
    if not data.strip():
        raise ExtractError(f"{path}: the file is empty")
    if b"\x00" in data[:4096]:
        raise ExtractError(f"{path}: binary data, not a text export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ExtractError(f"{path}: not readable as UTF-8 or Windows-1252 text") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text) // 200):
        raise ExtractError(f"{path}: binary data, not a text export")
    return text


def _table_cells(line: str) -> list[str] | None:
    """The raw cells of a table line, or None for a paragraph line."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]
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

    for line in text.splitlines():
        cells = _table_cells(line)
        if cells is None:
            flush_table()
            if line.strip():
                paragraph.append(line)
            else:
                flush_paragraph()
            continue
        flush_paragraph()
        if _is_separator(cells):
            continue
        if table is None:
            previous = blocks[-1] if blocks else None
            if (
                last_was_table
                and isinstance(previous, TableFragment)
                and previous.width == len(cells)
            ):
                page += 1
            table = []
        table.append(Row([cell_from_markup(c) for c in cells], [page]))
    flush_table()
    flush_paragraph()

    fragments = [b for b in blocks if isinstance(b, TableFragment)]
    if not fragments:
        raise ExtractError(f"{path}: no table found: not an action-plan text export")
    warnings = []
    if page > 1:
        warnings.append(
            f"page numbers are inferred from {page - 1} table breaks in the text export"
        )
    return Document(path, fmt, page, blocks, warnings)


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    text = decode(data, path)
    fmt = "markdown" if re.search(r"^\s*\|.*\|\s*$", text, re.M) else "tsv"
    return parse_text(text, path, fmt)
