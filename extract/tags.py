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

PARAGRAPHS = frozenset({
    "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "Title", "Caption", "BlockQuote", "Note",
    "TOCI", "LI",
})
"""Standard structure types (ISO 32000) whose content is one paragraph of text."""
LIST_ITEM = "LI"
MAX_DEPTH = 200
"""Deeper trees are malformed (or cyclic); the rest of such a tree is left untagged."""



def paragraph_of(chain: Iterable[tuple[str, int]]) -> int | None:
    """The paragraph of marked content whose structure element and its ancestors, nearest
    first, are `chain` (type, key): the nearest list item (its key made negative), or else
    the nearest paragraph."""
    nearest: int | None = None
    for depth, (kind, key) in enumerate(chain):
        if kind == LIST_ITEM:
            return -abs(key) - 1  # negative: a list item (`is_list_item`)
        if nearest is None and kind in PARAGRAPHS:
            nearest = key
        if depth > MAX_DEPTH:
            break
    return nearest


def is_list_item(paragraph: int | None) -> bool:
    """Whether a word's paragraph key (`paragraph_of`) is a list item: keys are compared for
    equality only, and list items get negative ones, so a reader can draw the bullet a
    browser painted as a shape (Chromium's list markers are no text)."""
    return paragraph is not None and paragraph < 0


def standard_type(kind: str, role_map: dict[str, str]) -> str:
    """A producer's own structure type ("Standard", LibreOffice's body text) as the standard
    type its RoleMap maps it to (PDFium applies the RoleMap itself)."""
    for _ in range(10):  # role maps may chain; a cycle stops here
        if kind in PARAGRAPHS or kind not in role_map:
            return kind
        kind = role_map[kind]
    return kind
