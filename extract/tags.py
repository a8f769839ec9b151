"""Tagged PDFs: which paragraph each piece of a page's text belongs to, from the structure tree.

Word's "Save as PDF" and LibreOffice's tagged export wrap each paragraph's text in marked
content with an id (MCID) and list the paragraph (P, H1, LI, ...) in the structure tree. The
tree is read per page, through the page's `StructParents` and the document's ParentTree (the
elements with content on that page; MCIDs are numbered per page, so a document-wide list of
them mixes pages up, and an element that starts on an earlier page, a table row cut by the
page break, holds content on this one), by each backend's own parser (`PdfiumSource`,
`PdfplumberSource`); this module holds the rule they share: an MCID belongs to the nearest
list item (LI: its label and its body are one paragraph) or else the nearest paragraph-like
element above it.

`celltext` then breaks a cell's lines where the paragraph changes, and falls back to the
layout where the tags are missing or disagree with the lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

PARAGRAPHS = frozenset({
    "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "Title", "Caption", "BlockQuote", "Note",
    "TOCI", "LI",
})
"""Standard structure types (ISO 32000) whose content is one paragraph of text."""
LIST_ITEM = "LI"
CELLS = frozenset({"TD", "TH"})
"""Table cells (ISO 32000: TD data cell, TH header cell, inside TR inside Table)."""
ROW = "TR"
TABLE = "Table"
MAX_DEPTH = 200
"""Deeper trees are malformed (or cyclic); the rest of such a tree is left untagged."""

TAGS_FALLBACK = "tags_fallback"
"""The warning code of a tagged PDF read from its layout where its tags are missing or
disagree with the page (output/plan.schema.json)."""
TAGS_MESSAGE = "tagged PDF, but"
"""How the reader's messages about such pages start (extract/pdf.py)."""


class Tag(NamedTuple):
    """Where a piece of marked content sits in the structure tree, as keys unique on its
    page: its paragraph, and its table cell, row and table (None outside one)."""

    paragraph: int | None
    cell: int | None
    row: int | None = None
    table: int | None = None
    rows: int = 1
    """The rows the cell spans (its RowSpan attribute), counted from its own."""


NO_TAG = Tag(None, None)
ROW_SPAN = "RowSpan"
MAX_ROW_SPAN = 1000
"""A larger RowSpan is malformed: the cell is taken to span its own row only."""


def row_span(value: object) -> int:
    """A RowSpan attribute's value as a count of rows (1 where it is missing or not a
    sensible number)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 1
    n = int(value)
    return n if 1 <= n <= MAX_ROW_SPAN else 1


def attribute(attributes: object, name: str) -> object:
    """`name` in a structure element's /A: one attribute dictionary, or a list of them
    (each owner's, with revision numbers between), as pdfminer resolves them."""
    for entry in attributes if isinstance(attributes, list) else [attributes]:
        if isinstance(entry, dict) and name in entry:
            return entry[name]
    return None


def tag_of(chain: Iterable[tuple[str, int]]) -> Tag:
    """The place of marked content whose structure element and its ancestors, nearest first,
    are `chain` (type, key): its paragraph, the nearest list item or else the nearest
    paragraph (within its cell); its cell, the nearest TD or TH; and that cell's row (TR)
    and table (Table), where the cell has them."""
    nearest: int | None = None
    item: int | None = None
    cell: int | None = None
    row: int | None = None
    for depth, (kind, key) in enumerate(chain):
        if depth > MAX_DEPTH:
            break
        if cell is None:
            if kind in CELLS:
                cell = key
            elif item is None and kind == LIST_ITEM:
                item = key
            elif nearest is None and kind in PARAGRAPHS:
                nearest = key
            continue
        if row is None and kind == ROW:
            row = key
        elif kind == TABLE:
            return Tag(item if item is not None else nearest, cell, row, key)
        elif kind in CELLS:
            break  # a table nested in a cell: the inner one is this content's
    return Tag(item if item is not None else nearest, cell, row)


def warning_code(message: str) -> str:
    """The stable code of one of the reader's messages: `TAGS_FALLBACK` for what it says
    about tags, "reader" for the rest."""
    return TAGS_FALLBACK if message.startswith(TAGS_MESSAGE) else "reader"


def standard_type(kind: str, role_map: dict[str, str]) -> str:
    """A producer's own structure type ("Standard", LibreOffice's body text) as the standard
    type its RoleMap maps it to (PDFium applies the RoleMap itself)."""
    for _ in range(10):  # role maps may chain; a cycle stops here
        if kind in PARAGRAPHS or kind not in role_map:
            return kind
        kind = role_map[kind]
    return kind
