"""What the table logic needs to know about a PDF page, and the pdfplumber source of it.

The grid, cell-text and heading code only see `PageGeometry` (words with boxes and fonts,
axis-aligned ruling segments, filled rectangles with their colour, the page size), so another
parser (pypdfium2, a test double) can replace pdfplumber by implementing `GeometrySource`.
Coordinates are PDF points with the origin at the top-left corner of the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from dhrplan.extract.tags import (
    CELLS,
    MAX_DEPTH,
    NO_TAG,
    ROW_SPAN,
    Tag,
    attribute,
    row_span,
    standard_type,
    tag_of,
)

BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi")


def is_bold_font(fontname: str) -> bool:
    name = fontname.lower()
    return any(marker in name for marker in BOLD_MARKERS)


@dataclass(frozen=True, slots=True)
class Word:
    """A word on a PDF page, with its box and font."""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str = ""
    size: float = 10.0
    paragraph: int | None = None
    """Tagged PDFs: the paragraph (structure element) the word's text belongs to, as a key
    unique on its page; None where the page has no tags for it."""
    cell: int | None = None
    """Tagged PDFs: the table cell (TD, TH) the word's text belongs to, a key unique on its
    page; None outside tables and where the page has no tags for it."""
    row: int | None = None
    """Tagged PDFs: the table row (TR) of the word's cell, a key unique on its page."""
    table: int | None = None
    """Tagged PDFs: the table (Table) of the word's cell, a key unique on its page."""
    cell_rows: int = 1
    """Tagged PDFs: the rows the word's cell spans (its RowSpan), counted from its own."""

    @property
    def bold(self) -> bool:
        return is_bold_font(self.fontname)

    @property
    def xmid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def ymid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Segment:
    """A horizontal or vertical ruling: a stroked line or one edge of a rectangle."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) <= (self.x1 - self.x0)


@dataclass(frozen=True, slots=True)
class Fill:
    """A filled axis-aligned rectangle (cell shading, a coloured band), in painting order."""

    x0: float
    top: float
    x1: float
    bottom: float
    colour: str
    """"#rrggbb", lower case."""


def rgb_hex(components: Iterable[float]) -> str | None:
    """A fill colour given as PDF colour components (0..1: gray, RGB or CMYK) as "#rrggbb";
    None for anything else (patterns, other colour spaces). CMYK is converted the naive way
    (no ICC profile); PDFium uses Adobe's CMYK table, so the pdfium backend reads CMYK shades
    a little differently (pure red 0/1/1/0 as #ee1d23)."""
    try:
        values = [float(v) for v in components]
    except (TypeError, ValueError):
        return None
    if not all(0.0 <= v <= 1.0 for v in values):
        return None
    if len(values) == 1:
        values = values * 3
    elif len(values) == 4:
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    elif len(values) != 3:
        return None
    return "#" + "".join(f"{round(v * 255):02x}" for v in values)


@dataclass
class PageGeometry:
    """What a PDF page draws: its words, rulings and fills."""
    number: int
    """1-based page number."""
    width: float
    height: float
    words: list[Word]
    segments: list[Segment]
    char_count: int
    """Characters of any kind, spaces included: zero on every page means a scan."""
    fills: list[Fill] = field(default_factory=list)
    tagged: bool = False
    """The page's structure tree gives paragraphs (a tagged PDF): `Word.paragraph` is set."""
    tag_tables_unfollowed: int = 0
    """Tagged tables on the page whose tags disagree with it, left to the geometry
    (`tagtables.follow_tags` counts them when the page's tables are found)."""


Box = tuple[float, float, float, float]
"""x0, top, x1, bottom."""


@dataclass(frozen=True)
class BulletSettings:
    """A list bullet drawn as a shape, not a character: Chromium (and other HTML-to-PDF
    printers) paint a `disc` or `square` list marker as a small filled path, so the page's
    text has no bullet and the items run together."""

    smallest: float = 1.5
    """Points: a filled shape smaller than this is a dot of punctuation or noise."""
    largest: float = 0.9
    """Ems of the text beside it: a marker is smaller than a capital (Chromium's disc is
    0.37 em); anything larger is an icon, a tick box or cell shading."""
    squareness: float = 0.35
    """Width and height differ by at most this share of the larger: discs and squares."""
    largest_text: float = 24.0
    """Points: the largest text a list is set in, to pass over shading and boxes before
    looking for the word beside them."""
    gap: float = 1.6
    """Ems between the marker's right edge and its item's first word, at most (Chromium
    leaves about 0.6 em; Word's list indent up to 1.3)."""


BULLETS = BulletSettings()


def drawn_bullets(
    words: list[Word], marks: list[Box],
    settings: BulletSettings = BULLETS,
) -> list[Word]:
    """`words` with a "•" word for each small filled shape (`marks`: x0, top, x1, bottom)
    that sits where a bullet would, just left of a word and centred on its line; the
    word's font, so the bullet reads as the item's own."""
    if not marks:
        return words
    by_line = sorted(words, key=lambda w: w.x0)
    out = list(words)
    for x0, top, x1, bottom in marks:
        w, h = x1 - x0, bottom - top
        if min(w, h) < settings.smallest or abs(w - h) > settings.squareness * max(w, h):
            continue
        if max(w, h) > settings.largest * settings.largest_text:
            continue
        middle = (top + bottom) / 2
        after = next(
            (
                word for word in by_line
                if word.x0 >= x1 - 0.5
                and word.top <= middle <= word.bottom
                and word.x0 - x1 <= settings.gap * word.size
            ),
            None,
        )
        if after is None or max(w, h) > settings.largest * after.size:
            continue
        if any(o.x0 < x1 and o.x1 > x0 and o.top <= middle <= o.bottom for o in words):
            continue  # a character is printed there: the shape is its underline or box
        out.append(Word("•", x0, after.top, x1, after.bottom, after.fontname, after.size,
                        after.paragraph, after.cell, after.row, after.table, after.cell_rows))
    return out


class GeometrySource(Protocol):
    """An open PDF that yields one page's geometry at a time and keeps none of it."""

    page_count: int

    def page(self, number: int) -> PageGeometry: ...

    def close(self) -> None: ...


AXIS_TOLERANCE = 1.0
"""A line whose ends differ by less than this in x (or y) counts as vertical (horizontal)."""


def _segments_from_points(points: list[tuple[float, float]]) -> Iterable[Segment]:
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        if abs(ay - by) < AXIS_TOLERANCE or abs(ax - bx) < AXIS_TOLERANCE:
            yield Segment(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _rect_edges(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    return [
        Segment(x0, top, x1, top),
        Segment(x0, bottom, x1, bottom),
        Segment(x0, top, x0, bottom),
        Segment(x1, top, x1, bottom),
    ]


WORD_GAP = 3.0
"""Characters further apart than this (points) start a new word, as pdfplumber's x_tolerance."""
WORD_GAP_EM = 0.2
"""... or further apart than this share of the font size, when that is less: producers that
write no space characters (Chromium's Skia) leave only the gap of a space between words,
0.28 em in Arial, under 3 pt below 11 pt. Letters of a word sit closer (kerning is a few
hundredths of an em)."""
LINE_SHIFT = 3.0
"""A character whose top moves more than this starts a new word (pdfplumber's y_tolerance)."""




def in_tag_order(chars: list) -> list:
    """Tagged pages: each piece of marked content's characters together, in their order,
    where the piece starts. Where two pieces overlap on the page (an address running on over
    the next cell's text), PDFium lists their characters by position, interleaved
    ("Barniedfsinogmteo"); the tags keep each piece's text whole. Pages whose pieces do not
    overlap are left in their order."""
    start: dict[int | None, int] = {}
    for i, ch in enumerate(chars):
        start.setdefault(getattr(ch, "mcid", None), i)
    return sorted(chars, key=lambda ch: start[getattr(ch, "mcid", None)])


def _words(chars: list, point, tags: dict[int, Tag] | None = None) -> list[Word]:
    """Characters in content-stream order to words, split at spaces, gaps, line changes,
    font changes (so a bold label and its plain text stay apart) and, in tagged PDFs,
    paragraph and cell changes (`tags`: a character's marked-content id to its place)."""
    words: list[Word] = []
    text: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]
    font, size = "", 0.0
    gap = 0.0  # the widest space within the word: min(WORD_GAP, WORD_GAP_EM * size)
    tags = tags or {}
    tag = NO_TAG
    if tags:
        chars = in_tag_order(chars)

    def flush() -> None:
        if text:
            words.append(
                Word("".join(text), box[0], box[1], box[2], box[3], font, size, *tag)
            )
            text.clear()

    for ch in chars:
        if not ch.upright:
            continue
        glyph = ch.get_text()
        if not glyph.strip():
            flush()
            continue
        x0, top = point(ch.x0, ch.y1)
        x1, bottom = point(ch.x1, ch.y0)
        fontname = ch.fontname if isinstance(ch.fontname, str) else str(ch.fontname)
        mcid = getattr(ch, "mcid", None)
        here = tags.get(mcid, NO_TAG) if mcid is not None else NO_TAG
        if text and (
            abs(top - box[1]) > LINE_SHIFT
            or x0 > box[2] + gap
            or x0 < box[0] - WORD_GAP
            or fontname != font
            or abs(ch.size - size) > 0.5
            or here != tag
        ):
            flush()
        if not text:
            box = [x0, top, x1, bottom]
            font, size, tag = fontname, ch.size, here
            gap = min(WORD_GAP, WORD_GAP_EM * size)
        else:  # the word's box grows (as min() and max() of the two, in place)
            if x0 < box[0]:
                box[0] = x0
            if top < box[1]:
                box[1] = top
            if x1 > box[2]:
                box[2] = x1
            if bottom > box[3]:
                box[3] = bottom
        text.append(glyph)
    flush()
    return words


def _components(colour: object) -> Iterable[float]:
    """pdfminer's non-stroking colour: a number (gray), a tuple of them, or something else."""
    if isinstance(colour, int | float):
        return (colour,)
    return colour if isinstance(colour, tuple | list) else ()


def _parent_tree(catalog: dict) -> tuple[dict, dict[str, str]] | None:
    """The ParentTree number tree as a dict (StructParents -> array by MCID), and the
    RoleMap (a producer's own structure types -> standard ones), or None."""
    from pdfminer.data_structures import NumberTree
    from pdfminer.pdftypes import resolve1

    try:
        root = resolve1(catalog.get("StructTreeRoot"))
        if not isinstance(root, dict) or "ParentTree" not in root:
            return None
        roles = resolve1(root.get("RoleMap")) or {}
        role_map = {str(k): _name(resolve1(v)) for k, v in roles.items()}
        return dict(NumberTree(root["ParentTree"]).values), role_map
    except Exception:
        return None


def _resolved(value: object) -> object:
    """An object with its references followed, and those of its entries if it is a list."""
    from pdfminer.pdftypes import resolve1

    value = resolve1(value)
    return [resolve1(v) for v in value] if isinstance(value, list) else value


def _name(value: object) -> str:
    return str(getattr(value, "name", value))


class PdfplumberSource:
    """`GeometrySource` over pdfplumber. Pages are created one at a time from pdfminer's page
    tree (not `pdf.pages`, which builds every page up front) and closed after use."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        import pdfplumber
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdftypes import resolve1

        self._pdf = pdfplumber.open(path, password=password or "")
        try:
            count = resolve1(resolve1(self._pdf.doc.catalog["Pages"])["Count"])
            self.page_count = int(count)
        except Exception:
            self.page_count = len(self._pdf.pages)
        self._page_objs = PDFPage.create_pages(self._pdf.doc)
        self._next = 1
        self._parent_tree = _parent_tree(self._pdf.doc.catalog)

    def page(self, number: int) -> PageGeometry:
        """Pages are asked for in increasing order (as `read_pdf` and its page processes do):
        the page tree is walked forwards, skipping pages without parsing them."""
        from pdfplumber.page import Page

        if number < self._next:
            raise ValueError(f"pages are read in order: expected {self._next}+, got {number}")
        while self._next < number:
            next(self._page_objs)
            self._next += 1
        page = Page(self._pdf, next(self._page_objs), page_number=number)
        self._next += 1
        try:
            return self._geometry(page, number, self._tags(page))
        finally:
            page.close()
            # pdfminer caches every object it has parsed (content streams included) until
            # the document closes; dropping them per page keeps memory flat with page count
            getattr(self._pdf.doc, "_cached_objs", {}).clear()

    def _tags(self, page) -> dict[int, Tag]:
        """MCID -> paragraph and cell for this page (`tags.tag_of`): the page's `StructParents`
        entry of the ParentTree lists, by MCID, the element each piece of content belongs to;
        its ancestors are followed up through /P. (pdfplumber's own `PDFStructTree` for a page
        drops elements whose /Pg is an earlier page, and so every row of a table that began
        there.) {} when the PDF is not tagged or its tree cannot be read."""
        from pdfminer.pdftypes import PDFObjRef, resolve1

        if self._parent_tree is None:
            return {}
        parent_tree, role_map = self._parent_tree
        try:
            array = resolve1(parent_tree.get(page.page_obj.attrs.get("StructParents")))
            if not isinstance(array, list):
                return {}
            found: dict[int, Tag] = {}
            spans: dict[int, int] = {}
            for mcid, ref in enumerate(array):
                chain = []
                element = resolve1(ref)
                while isinstance(element, dict) and "S" in element and len(chain) <= MAX_DEPTH:
                    kind = standard_type(_name(resolve1(element["S"])), role_map)
                    key = ref.objid if isinstance(ref, PDFObjRef) else id(element)
                    chain.append((kind, key))
                    if kind in CELLS and key not in spans:
                        spans[key] = row_span(resolve1(attribute(
                            _resolved(element.get("A")), ROW_SPAN)))
                    ref = element.get("P")
                    element = resolve1(ref)
                tag = tag_of(chain)
                if tag != NO_TAG:
                    found[mcid] = tag._replace(rows=spans.get(tag.cell, 1))
            return found
        except Exception:  # a malformed tree: read the page from its layout
            return {}

    @staticmethod
    def _geometry(page, number: int, tags: dict[int, Tag]) -> PageGeometry:
        """Read pdfminer's layout objects directly: pdfplumber's dict per character
        (`page.chars`, `extract_words`) costs more than parsing the page itself."""
        from pdfminer.layout import LTChar, LTContainer, LTCurve, LTRect

        height = float(page.height)
        dx = page.mediabox[0] - page.bbox[0]
        dy = page.mediabox[1] - page.bbox[1]
        chars: list[LTChar] = []
        segments: list[Segment] = []
        fills: list[Fill] = []
        marks: list[Box] = []

        def point(x: float, y: float) -> tuple[float, float]:
            return x + dx, height - y + dy

        def walk(objs: Iterable) -> None:
            for obj in objs:
                if isinstance(obj, LTChar):
                    chars.append(obj)
                elif isinstance(obj, LTRect):
                    x0, top = point(obj.x0, obj.y1)
                    x1, bottom = point(obj.x1, obj.y0)
                    segments.extend(_rect_edges(x0, top, x1, bottom))
                    colour = rgb_hex(_components(obj.non_stroking_color)) if obj.fill else None
                    if colour is not None:
                        fills.append(Fill(x0, top, x1, bottom, colour))
                        marks.append((x0, top, x1, bottom))
                elif isinstance(obj, LTCurve):  # LTLine too
                    segments.extend(_segments_from_points([point(x, y) for x, y in obj.pts]))
                    if obj.fill:
                        x0, top = point(obj.x0, obj.y1)
                        x1, bottom = point(obj.x1, obj.y0)
                        marks.append((x0, top, x1, bottom))
                elif isinstance(obj, LTContainer):
                    walk(obj)

        walk(page.layout)
        return PageGeometry(
            number=number,
            width=float(page.width),
            height=height,
            words=drawn_bullets(_words(chars, point, tags), marks),
            segments=segments,
            char_count=len(chars),
            fills=fills,
            tagged=bool(tags),
        )

    def close(self) -> None:
        """Not `PDF.close()`: it builds every page object first (22 s for 100,000 pages)."""
        self._pdf.flush_cache()
        self._pdf.stream.close()
