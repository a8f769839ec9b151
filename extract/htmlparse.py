"""The one HTML parser: whole saved pages (`extract/html.py`) and the HTML inside text-export
cells and tables (`cellhtml.py`, `tableblocks.py`).

lxml.html, i.e. libxml2's HTML parser: it builds the tree a browser would from the tag soup
of real pages (unclosed <p>, <li>, <td> and <tr>, stray end tags, bare "&" and "<3" in text),
in C, and it is already needed for .docx. The standard library's html.parser only reports
tags: the implied end tags, table structure and nesting would have to be rebuilt by hand,
which is the part real pages get wrong. html5lib would follow the HTML5 algorithm exactly but
is pure Python and slow on large saved pages; for tables, lists and headings libxml2 gives the
same tree.

Text is rendered the way a browser lays it out: whitespace collapses (a page's source wraps
lines anywhere), block elements and <br> break lines, list items get their marker ("•", or
"1.", "a." from <ol type/start>) unless the list's style says `list-style: none` or the text
already starts with one, and nothing inside <script>, <style> or a `hidden` element shows.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from dhrplan.extract.labels import ITEM_START
from dhrplan.extract.wordnumbering import format_number

HtmlElement = lxml.html.HtmlElement
MAX_COLSPAN = 64
"""No action plan is wider; a larger colspan is malformed (or hostile) and is cut to this.
A rowspan is cut at the end of its row group."""
MAX_COLUMNS = 64
"""Nor does any table have more columns: cells that rowspans push further right make a
hostile table (`rowspan=999999 colspan=64` on every row took 4 GB), refused."""
MAX_CELLS = 500_000
"""Grid cells of one HTML table (rows x columns): the longest plans have a few thousand; a
300,000-row table left unclosed ran for minutes."""




class TableTooLarge(ValueError):
    """An HTML table larger than any action plan: refused, never cut silently."""

BLOCK_TAGS = frozenset(
    """address article aside blockquote br caption center dd details div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table
    tbody td tfoot th thead tr ul""".split()
)
INVISIBLE_TAGS = frozenset(
    "script style noscript template head title meta link svg math iframe object button "
    "select input textarea".split()
)
BOLD_TAGS = frozenset({"b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"})
PROPERTY_START = r"(?<![\w-])"
"""A CSS property's name starts here: Word's `mso-bidi-font-weight:normal` (on a bold run, about
right-to-left text) is not `font-weight:normal`."""
_STYLE_NONE = re.compile(rf"{PROPERTY_START}list-style(?:-type)?\s*:\s*none", re.I)
_STYLE_BOLD = re.compile(rf"{PROPERTY_START}font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_STYLE_NORMAL = re.compile(rf"{PROPERTY_START}font-weight\s*:\s*(normal|lighter|[1-5]00)", re.I)
_STYLE_HIDDEN = re.compile(
    rf"{PROPERTY_START}(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I
)
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
             "I": "upperRoman"}
_UNMARKED_LIST_CLASSES = re.compile(r"(?:^|\s)govuk-list(?:\s|$)")
"""GOV.UK's plain list class draws no markers; `govuk-list--bullet`/`--number` do."""


def tag_of(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


_ZERO_HEIGHT = re.compile(rf"{PROPERTY_START}height\s*:\s*0(?:\.0*)?(?:[a-z]+)?\s*(?:;|$)", re.I)


def hidden(element: HtmlElement) -> bool:
    return (
        tag_of(element) in INVISIBLE_TAGS
        or element.get("hidden") is not None
        or bool(_STYLE_HIDDEN.search(element.get("style", "")))
        or _empty_zero_height_row(element)
    )


def _empty_zero_height_row(element: HtmlElement) -> bool:
    """A row drawn 0 high with nothing in it: Word's `<![if !supportMisalignedColumns]>` row of
    empty cells that fixes the column widths after a table with merges. Not a row of the plan
    (an empty band a table really shows has a height)."""
    if tag_of(element) != "tr":
        return False
    zero = element.get("height", "").strip() == "0" or bool(
        _ZERO_HEIGHT.search(element.get("style", ""))
    )
    return zero and not element.text_content().strip()


def _bold(element: HtmlElement, inherited: bool) -> bool:
    style = element.get("style", "")
    if _STYLE_NORMAL.search(style):
        return False
    return inherited or tag_of(element) in BOLD_TAGS or bool(_STYLE_BOLD.search(style))


@dataclass
class ListMarkers:
    """The markers a browser draws before the items of one list: "•", or the numbers of an
    <ol> from its `start`, where an item's own `value` (LibreOffice writes
    `<li value="3">` for a list that goes on after a break) sets the count going on."""

    fmt: str | None
    """None for a bulleted list."""
    number: int = 1

    def marker(self, item: HtmlElement) -> str:
        if self.fmt is None:
            return "•"
        value = item.get("value", "")
        if value.lstrip("-").isdigit():
            self.number = int(value)
        self.number += 1
        return f"{format_number(self.number - 1, self.fmt)}."


def list_markers(element: HtmlElement) -> ListMarkers | None:
    """The markers of a <ul> or <ol>, or None where its style draws none."""
    classes = element.get("class", "")
    if _STYLE_NONE.search(element.get("style", "")) or (
        _UNMARKED_LIST_CLASSES.search(classes) and "--" not in classes
    ):
        return None
    if tag_of(element) == "ul":
        return ListMarkers(None)
    start = element.get("start", "1")
    return ListMarkers(
        _OL_TYPES.get(element.get("type", "1"), "decimal"),
        int(start) if start.lstrip("-").isdigit() else 1,
    )


@dataclass
class _Text:
    parts: list[str]
    bold_chars: int = 0
    plain_chars: int = 0
    nested_tables: int = 0

    def add(self, text: str | None, bold: bool) -> None:
        if not text:
            return
        self.parts.append(re.sub(r"\s+", " ", text))
        visible = len(text.split())
        if bold:
            self.bold_chars += visible
        else:
            self.plain_chars += visible


def _walk(element: HtmlElement, out: _Text, bold: bool, marker: str | None = None,
          top: bool = False, nested: bool = False) -> None:
    tag = tag_of(element)
    if not top and tag == "table":
        out.nested_tables += 1
        nested = True
    # in a table nested in the cell, a row is a line, its cells side by side, as the page
    # shows it (and the .docx reader reads it), not a line per cell or paragraph
    block = tag in BLOCK_TAGS and (not nested or tag in ("table", "tr", "br"))
    if nested and not block and tag in BLOCK_TAGS:
        out.parts.append(" ")
    if block:
        out.parts.append("\n")
    if marker:
        out.parts.append(f"\x01{marker} ")
    bold = _bold(element, bold)
    out.add(element.text, bold)
    markers = list_markers(element) if tag in ("ul", "ol") else None
    for child in element:
        if isinstance(child.tag, str) and not hidden(child):
            item = markers.marker(child) if markers is not None and tag_of(child) == "li" else None
            _walk(child, out, bold, item, nested=nested)
        out.add(child.tail, bold)
    if block:
        out.parts.append("\n")


@dataclass(frozen=True)
class Rendered:
    text: str
    """Lines as the browser breaks them, not yet tidied (`cellhtml.tidy`)."""
    bold: bool
    """Every visible word is bold."""
    nested_tables: int
    """Tables inside the element, flattened into its text."""


def render(element: HtmlElement) -> Rendered:
    """The element's text as a browser shows it: paragraphs as lines, list markers drawn."""
    out = _Text([])
    _walk(element, out, False, top=True)
    lines = []
    pending: str | None = None
    """A marker whose item's text starts on a later line (<li><p>text</p></li>)."""
    for line in "".join(out.parts).split("\n"):
        if "\x01" in line:
            before, _, rest = line.partition("\x01")
            pending, _, line = rest.partition(" ")
            line = before + line
        body = line.strip()
        if pending is not None and body:
            # A marker is drawn unless the item's text already starts with a label or bullet.
            line = body if ITEM_START.match(body) else f"{pending} {body}"
            pending = None
        lines.append(line)
    text = "\n".join(lines)
    bold = bool(text.strip()) and out.bold_chars > 0 and out.plain_chars == 0
    return Rendered(text, bold, out.nested_tables)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters a page may carry but libxml2 refuses; browsers do not show them."""


def parse_fragment(markup: str) -> HtmlElement:
    """Markup from inside a cell, under one <div>."""
    return lxml.html.fragment_fromstring(_CONTROL.sub("", markup), create_parent="div")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_page(text: str) -> HtmlElement:
    """A whole page (HTML or XHTML) already decoded."""
    text = _CONTROL.sub("", _XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1))
    if not text.strip():
        raise ValueError("empty page")
    return lxml.html.document_fromstring(text)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
_WINDOWS_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}
"""Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (the WHATWG encoding rule)."""


def decode_page(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a saved page: the BOM first, then the <meta> charset (or the XML
    declaration) in its first 16 KB (saved pages put long scripts before it), then UTF-8,
    then Windows-1252, as browsers decide."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding
    declared = _META_CHARSET.search(data[:16384])
    if declared:
        name = (declared.group(1) or declared.group(2)).decode("ascii").lower()
        name = _WINDOWS_ALIASES.get(name, name)
        try:
            codecs.lookup(name)
        except LookupError:
            name = ""
        if name and not name.startswith("utf-16"):
            return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


@dataclass(frozen=True)
class GridCell:
    element: HtmlElement | None
    """The <td>/<th> whose text goes here; None for a position a span covers or a short row."""
    covered_from_above: bool = False
    """The position is in the first column of a rowspan, below its first row (the model's
    `Cell.merged`)."""


def _section_rows(table: HtmlElement) -> list[list[HtmlElement]]:
    """Each row group's rows (<thead>, <tbody>, <tfoot>, or bare <tr>) in the order shown."""
    groups: list[list[HtmlElement]] = []
    footers: list[list[HtmlElement]] = []
    loose: list[HtmlElement] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            loose.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            if loose:
                groups.append(loose)
                loose = []
            # HTML 4 put <tfoot> before <tbody>; browsers draw it last either way
            (footers if tag == "tfoot" else groups).append(
                [r for r in child if tag_of(r) == "tr"]
            )
    if loose:
        groups.append(loose)
    return groups + footers


def table_grid(table: HtmlElement, max_span: int = MAX_COLSPAN) -> list[list[GridCell]]:
    """The rows of one <table> on a grid, rowspan and colspan laid out (colspan capped at
    `max_span`, rowspan at the end of its row group; rowspan="0" runs to that end), the text
    in a span's top-left position."""
    laid: list[list[GridCell]] = []
    for group in _section_rows(table):
        grid: dict[tuple[int, int], GridCell] = {}
        for r, tr in enumerate(group):
            col = 0
            for cell in tr:
                if tag_of(cell) not in ("td", "th"):
                    continue
                while (r, col) in grid:
                    col += 1
                down = _span(cell.get("rowspan"), len(group))
                down = len(group) - r if down == 0 else min(down, len(group) - r)
                across = max(1, _span(cell.get("colspan"), max_span))
                if col + across > MAX_COLUMNS:
                    raise TableTooLarge(f"an HTML table wider than {MAX_COLUMNS} columns")
                if len(grid) + len(laid) * MAX_COLUMNS + down * across > MAX_CELLS:
                    raise TableTooLarge(f"an HTML table of more than {MAX_CELLS:,} cells")
                for dr in range(down):
                    for dc in range(across):
                        grid[(r + dr, col + dc)] = (
                            GridCell(cell) if dr == dc == 0 else GridCell(None, dc == 0)
                        )
                col += across
        width = max((c + 1 for _, c in grid), default=0)
        laid.extend(
            [grid.get((r, c), GridCell(None)) for c in range(width)] for r in range(len(group))
        )
    width = max((len(r) for r in laid), default=0)
    return [[*row, *(GridCell(None) for _ in range(width - len(row)))] for row in laid]


def _span(value: str | None, cap: int) -> int:
    if value is None:
        return 1
    digits = re.match(r"\s*(\d+)", value)
    return min(int(digits.group(1)), cap) if digits else 1


def inner_markup(element: HtmlElement) -> str:
    """The markup inside an element, as the text reader passes cell markup around."""
    inner = [element.text or ""]
    inner.extend(etree.tostring(child, encoding="unicode", method="html") for child in element)
    return "".join(inner)
