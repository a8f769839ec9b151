"""HTML plans: GOV.UK-style accessible publications and council pages saved from a browser.

The page is parsed by the shared HTML parser (`htmlparse.py`: lxml.html, libxml2's forgiving
parser, and why) after its character set is found (BOM, then <meta charset>, then UTF-8,
then Windows-1252). What is not the publication is dropped first: scripts and styles, hidden
elements, navigation, site header and footer, breadcrumbs, skip links, cookie banners and
forms; when the page has a <main> (or role="main") element, only that is read.

Then, in document order, every table becomes one fragment (rows on a grid with rowspan and
colspan, the text in a span's first cell, the cells below a rowspan's first row marked
`merged` as the PDF reader marks them) and every other block with text (h1-h6, p, li,
<caption>, text directly in a <div>) a heading, bold when it is a heading element or all in
bold. <th> cells are bold (browsers draw them so), which makes a `<th colspan>` section row a
theme row. Fills come from `background`/`background-color` styles and `bgcolor`.

A page has no page numbers: fragments and headings carry `NO_PAGE`, rows their (table, row)
position.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from dhrplan.extract.cellhtml import tidy
from dhrplan.extract.htmlparse import (
    BLOCK_TAGS,
    PROPERTY_START,
    HtmlElement,
    TableTooLarge,
    decode_page,
    hidden,
    list_markers,
    parse_page,
    render,
    table_grid,
    tag_of,
)
from dhrplan.extract.labels import ITEM_START
from dhrplan.extract.model import (
    NESTED_TABLE_NOTE,
    NO_PAGE,
    PARAGRAPHS_UNSURE,
    Block,
    Cell,
    Document,
    ExtractError,
    Heading,
    Row,
    RowNote,
    TableFragment,
    is_frame,
)
from dhrplan.extract.numbering import holds_recommendations
from dhrplan.extract.producerhtml import (
    apply_class_styles,
    drop_comments,
    drop_notes,
    word_list_markers,
)

_BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "form", "dialog"})
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "dialog",
                                "alertdialog", "complementary"})
_BOILERPLATE_NAMES = re.compile(
    r"cookie|consent|gdpr|\bccc\b|onetrust|skip-?link|skip-?to|breadcrumb|site-?header|"
    r"global-?header|footer|masthead|nav(?:igation|bar)?\b|menu|\bshare\b|social|feedback|"
    r"govuk-header|govuk-phase-banner|back-?to-?top|visually-?hidden|sr-only|"
    r"screen-?reader-?text",
    re.I,
)
"""id and class words of a saved page's furniture (GOV.UK's and common council themes', the
cookie tools UK councils use: Civic's "ccc", OneTrust, Cookiebot), and of text only screen
readers get."""
_CONSENT = re.compile(r"cookie|consent|gdpr|\bccc\b|onetrust", re.I)
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
"""Never furniture by their class names alone (a layout table's cells hold the content)."""
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_COLOUR = re.compile(
    PROPERTY_START
    + r"background(?:-color)?\s*:\s*(#[0-9a-f]{3,6}\b|rgb\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\)|[a-z]+)",
    re.I,
)
_NAMED = {
    "red": "#ff0000", "green": "#008000", "lime": "#00ff00", "yellow": "#ffff00",
    "orange": "#ffa500", "amber": "#ffbf00", "white": "#ffffff", "black": "#000000",
    "grey": "#808080", "gray": "#808080", "lightgrey": "#d3d3d3", "lightgray": "#d3d3d3",
    "silver": "#c0c0c0", "blue": "#0000ff", "lightgreen": "#90ee90", "pink": "#ffc0cb",
    "gold": "#ffd700", "darkgreen": "#006400", "darkred": "#8b0000",
}
"""CSS colour names plans use for RAG shading (and a few neutrals); others are left out."""


def colour(value: str | None) -> str | None:
    """A CSS or bgcolor colour as "#rrggbb", or None."""
    if not value:
        return None
    value = value.strip().lower()
    if value.startswith("rgb("):
        parts = [int(p) for p in re.findall(r"\d+", value)[:3]]
        return "#" + "".join(f"{min(p, 255):02x}" for p in parts) if len(parts) == 3 else None
    if not value.startswith("#") and re.fullmatch(r"[0-9a-f]{6}", value):
        value = "#" + value  # bgcolor="FF0000"
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        return "#" + "".join(ch * 2 for ch in value[1:])
    if re.fullmatch(r"#[0-9a-f]{6}", value):
        return value
    return _NAMED.get(value)


def cell_fill(element: HtmlElement) -> str | None:
    """The cell's own background, else its row's."""
    for source in (element, element.getparent()):
        if source is None:
            continue
        styled = _COLOUR.search(source.get("style", ""))
        found = colour(styled.group(1)) if styled else colour(source.get("bgcolor"))
        if found:
            return found
    return None


def _furniture(element: HtmlElement) -> bool:
    """Page furniture by its tag, ARIA role, or id and class words."""
    tag = tag_of(element)
    if tag in _TABLE_PARTS:
        return False
    if tag in _BOILERPLATE_TAGS or element.get("role", "").lower() in _BOILERPLATE_ROLES:
        return True
    if tag == "header" and not element.xpath("ancestor::main|ancestor::article"):
        return True
    names = f"{element.get('id', '')} {element.get('class', '')}"
    return bool(names.strip()) and bool(_BOILERPLATE_NAMES.search(names))


def _boilerplate(element: HtmlElement) -> bool:
    """Furniture that holds none of the publication. Whole pages sit inside a <form> (ASP.NET)
    or a wrapper whose class mentions the menu ("nav-open"), so an element that holds the
    page's <main> or <h1>, or a table (unless it is a cookie banner's), is kept and only its
    own furniture inside is dropped."""
    if not _furniture(element):
        return False
    if element.xpath(".//main|.//h1|.//*[@role='main']"):
        return False
    names = f"{element.get('id', '')} {element.get('class', '')}"
    return bool(_CONSENT.search(names)) or not element.xpath(".//table")


def _strip(root: HtmlElement) -> None:
    """Remove hidden elements and page furniture (keeping the text that follows them)."""
    doomed = [
        el for el in root.iter()
        if isinstance(el.tag, str)
        and (hidden(el) or _boilerplate(el))
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    for comment in root.xpath("//comment()|//processing-instruction()"):
        if comment.getparent() is not None:
            comment.drop_tree()


def _content_root(page: HtmlElement) -> HtmlElement:
    for candidate in page.xpath("//main|//*[@role='main']"):
        if candidate.xpath(".//table"):
            return candidate
    body = page.find("body")
    return body if body is not None else page


def _own_rows(table: HtmlElement) -> list[HtmlElement]:
    return table.xpath("./tr|./tbody/tr|./thead/tr|./tfoot/tr")


def _layout_table(table: HtmlElement) -> bool:
    """A table used to lay out the page, not data: role="presentation", or one that frames
    the tables it holds (`model.is_frame`)."""
    if table.get("role", "").lower() in ("presentation", "none"):
        return True
    return is_frame(len(_own_rows(table)), (len(_own_rows(t)) for t in table.xpath(".//table")))


_MIN_TERMS = 2
"""Terms a definition list needs to be read as a table: one term and its definition is a
label and its value in running text."""


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.tables = 0
        self.inline: list[tuple[str, bool]] = []
        """Text-level content waiting for the end of its block (text directly in a <div>)."""

    def heading(self, element: HtmlElement, marker: str | None = None) -> None:
        """A paragraph; a list item with the marker a browser draws before it ("•", "2.")."""
        shown = render(element)
        text = tidy(shown.text).replace("\n", " ")
        if text and marker and not ITEM_START.match(text):
            text = f"{marker} {text}"
        if text:
            bold = shown.bold or tag_of(element) in _HEADING_TAGS or tag_of(element) == "caption"
            self.blocks.append(Heading(text, NO_PAGE, bold))

    def table(self, table: HtmlElement) -> None:
        caption = table.find("caption")
        if caption is not None:
            self.heading(caption)
        index = self.tables
        self.tables += 1
        rows: list[Row] = []
        for r, grid_row in enumerate(table_grid(table)):
            cells: list[Cell] = []
            notes: list[RowNote] = []
            for grid_cell in grid_row:
                element = grid_cell.element
                if element is None:
                    cells.append(Cell(merged=grid_cell.covered_from_above))
                    continue
                shown = render(element)
                if shown.nested_tables:
                    self.warnings.append(
                        f"a table nested in table {index + 1}, row {r + 1} is flattened into "
                        "its cell's text"
                    )
                    notes.append(RowNote(PARAGRAPHS_UNSURE, NESTED_TABLE_NOTE, len(cells)))
                text = tidy(shown.text)
                cells.append(Cell(text, bool(text) and shown.bold, fill=cell_fill(element)))
            rows.append(Row(cells, [], notes, position=(index, r)))
        if any(row.filled() for row in rows):
            self.blocks.append(TableFragment(rows, NO_PAGE))

    def definitions(self, dl: HtmlElement) -> None:
        """A definition list as the two-column table it stands for: each term (`dt`) a row,
        its definitions (`dd`) beside it. Plans published as web pages set a recommendation's
        fields so ("Action", "Lead agency", "Target date"), and glossaries their acronyms."""
        index = self.tables
        self.tables += 1
        pairs: list[tuple[str, list[str]]] = []
        for child in dl.iter("dt", "dd"):
            text = tidy(render(child).text)
            if tag_of(child) == "dt":
                pairs.append((text, []))
            elif pairs and text:
                pairs[-1][1].append(text)
        rows = [Row([Cell(term, bool(term)), Cell("\n".join(defs))], [], position=(index, r))
                for r, (term, defs) in enumerate(pairs)]
        self.blocks.append(TableFragment(rows, NO_PAGE))

    def walk(self, element: HtmlElement) -> None:
        """Blocks in document order: a table or a heading element is a block of its own; other
        block elements are looked into; loose text between them is a paragraph."""
        self._loose(element.text)
        markers = list_markers(element) if tag_of(element) in ("ul", "ol") else None
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = tag_of(child)
            marker = markers.marker(child) if markers is not None and tag == "li" else None
            if tag == "table" and not _layout_table(child):
                self.flush()
                self.table(child)
            elif tag == "dl" and len(child.findall("dt")) >= _MIN_TERMS:
                self.flush()
                self.definitions(child)
            elif tag == "table":
                self.flush()
                for cell in child.xpath("./tr/td|./tr/th|./*/tr/td|./*/tr/th"):
                    self.walk(cell)
                    self.flush()
            elif tag in _HEADING_TAGS or (tag in ("p", "li", "dt", "dd", "figcaption")
                                          and not child.xpath(".//table")):
                self.flush()
                self.heading(child, marker)
            elif tag in BLOCK_TAGS:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                if child.xpath(".//table"):
                    self.flush()
                    self.walk(child)
                else:
                    shown = render(child)
                    self.inline.append((shown.text, shown.bold))
            self._loose(child.tail)

    def _loose(self, text: str | None) -> None:
        """Text between elements; a space between two inline elements is kept."""
        if text and (text.strip() or self.inline):
            self.inline.append((text, False))

    def flush(self) -> None:
        """The loose text and inline elements gathered since the last block, as a paragraph."""
        text = tidy("".join(t for t, _ in self.inline)).replace("\n", " ")
        if text:
            bold = all(b for t, b in self.inline if t.strip())
            self.blocks.append(Heading(text, NO_PAGE, bold))
        self.inline = []


def read_html(path: Path) -> Document:
    data = path.read_bytes()
    if not data.strip():
        raise ExtractError(f"{path}: the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractError(f"{path}: binary data, not an HTML page")
    text, _ = decode_page(data)
    try:
        page = parse_page(text)
    except (ValueError, etree.ParserError) as exc:
        raise ExtractError(f"{path}: not readable as HTML ({exc})") from None
    apply_class_styles(page)
    word_list_markers(page)
    drop_comments(page)
    drop_notes(page)
    _strip(page)
    reader = _Reader()
    try:
        reader.walk(_content_root(page))
    except TableTooLarge as exc:
        raise ExtractError(f"{path}: {exc}") from None
    reader.flush()
    if not holds_recommendations(reader.blocks):
        raise ExtractError(f"{path}: no table found: not an action-plan page")
    return Document(path, "html", NO_PAGE, reader.blocks, reader.warnings)
