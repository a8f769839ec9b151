"""Text exports of action plans: markdown pipe tables or tab-separated rows, HTML in cells.

Exporters (pandoc, online PDF/Word converters) leave each Word table as consecutive table lines;
a page break shows as a blank line followed by the table again (often with its header repeated).
The text has no page numbers, so a page is counted at each such break: the count is a guess and
the document says so in a warning.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from dhrplan.extract.cellhtml import cell_from_markup, tidy
from dhrplan.extract.htmlparse import TableTooLarge
from dhrplan.extract.labels import ITEM_START
from dhrplan.extract.layouttext import is_layout_text, read_layout
from dhrplan.extract.model import Block, Cell, Document, ExtractError, Heading, Row, TableFragment
from dhrplan.extract.numbering import holds_recommendations, label_only
from dhrplan.extract.readercodes import LAYOUT_MESSAGE
from dhrplan.extract.running import PAGE_NUMBER, running_key, running_threshold
from dhrplan.extract.tableblocks import grid_table_rows, html_table_rows, is_grid_border
from dhrplan.extract.textlines import undo_converter_lines, undo_running_lines

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


_QUOTED = re.compile(r'"((?:[^"]|"")*)"', re.S)
_PARAGRAPH_MARKUP = re.compile(r"<(?:p|li|ul|ol|div)\b", re.I)
"""Markup that marks a cell's paragraphs: its line breaks are then paragraph breaks."""


def _tsv_cells(row: str) -> list[str]:
    """A tab-separated row; a field quoted the way csv writers quote one with a newline, a
    tab or a quote in it ("Scop\ne") is unquoted, any other field kept as written."""
    cells = row.rstrip("\r\n").split("\t")
    return [m.group(1).replace('""', '"') if (m := _QUOTED.fullmatch(c)) else c for c in cells]


def _opens_quoted_field(line: str) -> bool:
    """A line whose last field opens a quote that goes on over the next lines."""
    return line.count('"') % 2 == 1 and bool(re.search(r'(?:^|\t)"', line))


def _quoted_row(lines: list[str], i: int) -> int | None:
    """The end of the tab-separated row starting at lines[i] whose quoted fields go on over
    the lines below (each quote closed, a tab in it), or None."""
    j, quotes = i + 1, lines[i].count('"')
    while quotes % 2 and j < len(lines) and j - i < 500:
        quotes += lines[j].count('"')
        j += 1
    row = "\n".join(lines[i:j])
    return j if quotes % 2 == 0 and "\t" in row else None


def _table_cells(line: str) -> list[str] | None:
    """The raw cells of a table line, or None for a paragraph line."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return _pipe_cells(stripped)
    if "\t" in line:
        return _tsv_cells(line)
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
    ("html" and "grid", a whole HTML or grid table's raw rows)."""
    tables: list[str] = []

    def park(m: re.Match[str]) -> str:
        tables.append(m.group(0))
        return "\n" + _PLACEHOLDER.format(len(tables) - 1) + "\n"

    lines = _HTML_TABLE.sub(park, text).splitlines()
    bare = _bare_pipe_lines(lines)
    width = 0  # of the last tab-separated row of the table going on
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        parked = re.fullmatch(r"\x00table (\d+)\x00", line.strip())
        if parked:
            yield "html", html_table_rows(tables[int(parked.group(1))])
        elif is_grid_border(line):
            grid = [line]
            while i < len(lines) and lines[i].lstrip().startswith(("|", "+")):
                grid.append(lines[i])
                i += 1
            yield "grid", grid_table_rows(grid)
        elif i - 1 in bare:
            yield "cells", _pipe_cells(line)
        elif (
            not line.lstrip().startswith("|")
            and _opens_quoted_field(line)
            and (end := _quoted_row(lines, i - 1)) is not None
            # a stray quote that would swallow rows makes a row wider than the last one
            and (len(cells := _tsv_cells("\n".join(lines[i - 1:end]))) <= width * 1.5 or not width)
        ):
            yield "cells", cells
            width = len(cells)
            i = end
        elif (cells := _table_cells(line)) is not None:
            yield "cells", cells
            width = len(cells) if "\t" in line else width
        else:
            yield "line", line
            width = 0


def _running_paragraphs(items: list[tuple[str, object]]) -> set[str]:
    """Paragraphs that repeat between tables as running headers and footers do, digits
    aside: a page number ("Page 2 of 5") met twice, any other line on half the tables and
    three times at least (an agency heading may come twice). A line that only numbers what
    follows ("Recommendation 3" above each table of a form) counts up as a page number
    does, but is a heading."""
    counts: Counter[str] = Counter()
    tables = 0
    paragraph: list[str] = []
    previous = "line"
    for kind, item in [*items, ("line", "")]:
        if kind != "line":
            tables += previous == "line"
        elif isinstance(item, str) and item.strip():
            paragraph.append(item)
            previous = kind
            continue
        if paragraph and not label_only(_heading_text(paragraph)[0]):
            counts[running_key(_heading_text(paragraph)[0])] += 1
            paragraph = []
        previous = kind
    threshold = max(3, running_threshold(tables))
    return {
        key for key, n in counts.items()
        if key and n >= (2 if PAGE_NUMBER.match(key) else threshold)
    }


def parse_text(text: str, path: Path, fmt: str) -> Document:
    """Split an export into headings and table fragments, counting pages at table breaks."""
    blocks: list[Block] = []
    page = 1
    paragraph: list[str] = []
    table: list[Row] | None = None
    last_was_table = False
    items = list(_items(text))
    running = _running_paragraphs(items)
    plain_tables: set[int] = set()
    plain = True

    def flush_paragraph() -> None:
        nonlocal last_was_table
        if paragraph:
            heading, bold = _heading_text(paragraph)
            if running_key(heading) in running:
                paragraph.clear()
                return
            if heading:
                blocks.append(Heading(heading, page, bold))
                last_was_table = False
            paragraph.clear()

    def flush_table() -> None:
        nonlocal table, last_was_table, plain
        if table:
            width = max(len(r.cells) for r in table)
            for row in table:
                row.cells.extend(Cell() for _ in range(width - len(row.cells)))
            blocks.append(TableFragment(table, page))
            if plain:
                plain_tables.add(id(blocks[-1]))
            last_was_table = True
        table = None
        plain = True

    def start_table(width: int) -> None:
        """A table right after one as wide, with only blank lines between, is the same
        table continued after a page break."""
        nonlocal page, table
        previous = blocks[-1] if blocks else None
        if last_was_table and isinstance(previous, TableFragment) and previous.width == width:
            page += 1
        table = []

    for kind, item in items:
        if kind == "line":
            flush_table()
            if item.strip():
                if paragraph and ITEM_START.match(item.strip()):
                    flush_paragraph()  # a list's next item, even with no blank line between
                paragraph.append(item)
            else:
                flush_paragraph()
            continue
        flush_paragraph()
        if kind in ("html", "grid"):
            flush_table()
            rows = [cells for cells in item if not _is_separator(cells)]
            if rows:
                start_table(max(len(r) for r in rows))
                table.extend(Row([cell_from_markup(c) for c in r], [page]) for r in rows)
                # a grid table's cells are already paragraphs; an HTML table's may be lines
                plain = kind == "html" and not any(
                    _PARAGRAPH_MARKUP.search(c) for r in rows for c in r
                )
                flush_table()
            continue
        if _is_separator(item):
            continue
        if table is None:
            start_table(len(item))
        plain = plain and not any(_PARAGRAPH_MARKUP.search(c) for c in item)
        table.append(Row([cell_from_markup(c) for c in item], [page]))
    flush_table()
    flush_paragraph()

    paged = "\f" in text and not any(isinstance(b, TableFragment) for b in blocks)
    if not holds_recommendations(blocks):
        raise ExtractError(f"{path}: no table found: not an action-plan text export" + (
            f" ({READING_ORDER})" if paged else ""
        ))
    warnings = [
        f"{LAYOUT_MESSAGE}: {READING_ORDER}; what is read as running text may join or part "
        f"a table's cells wrongly"
    ] if paged else []
    if page > 1:
        warnings.append(
            f"page numbers are inferred from the {page - 1} table break"
            f"{'s' if page > 2 else ''} in the text export"
        )
    warnings += undo_converter_lines(blocks, plain_tables)
    blocks, running_notes = undo_running_lines(blocks)
    warnings += running_notes
    return Document(path, fmt, page, blocks, warnings)


READING_ORDER = (
    "page breaks but no table's columns, as in a PDF's text written in reading order "
    "(pdftotext without -layout): the PDF itself, or its `pdftotext -layout` text, keeps them"
)
"""Said of a text export with form feeds (pages) and no table: the refusal, or the warning
over what is read from it as running text."""


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    text = decode(data, path)
    try:
        return _parse(text, path)
    except TableTooLarge as exc:
        raise ExtractError(f"{path}: {exc}, larger than any action plan") from None


def _parse(text: str, path: Path) -> Document:
    if is_layout_text(text):
        return read_layout(text, path)
    markdown = re.search(r"^\s*(?:\|.*\||\+[-=+:]+\+)\s*$|<table\b", text, re.M | re.I) or any(
        _BARE_SEPARATOR.match(line) for line in text.splitlines()
    )
    fmt = "markdown" if markdown else "tsv"
    return parse_text(text, path, fmt)
