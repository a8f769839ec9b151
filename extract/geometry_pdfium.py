"""`GeometrySource` over PDFium (pypdfium2): the same words and rulings as `PdfplumberSource`,
parsed in C instead of by pdfminer.

The result is meant to be identical to pdfminer's layout objects, so both backends give the
same `Document`:

* characters: pdfminer's box, not PDFium's glyph boxes. From PDFium: the character's origin
  (rise included), its text matrix (horizontal scaling included) and font size, its font's
  descent and its advance width from the font's /Widths; the box is `(0, descent)` to
  `(advance, descent + size)` in text space, as pdfminer draws it. Generated characters
  (the spaces and line breaks PDFium adds between text objects) are skipped.
* rulings: every painted path, also inside form XObjects, split into subpaths and read as
  pdfminer does: a two-point subpath is a line, a closed axis-aligned four-corner subpath a
  rectangle (its four edges), anything else a polyline through its end points.
* fills: a filled rectangle's colour from PDFium (`FPDFPageObj_GetFillColor`, RGB 0..255).
* coordinates: pdfminer's page space (the media box's lower left is the origin, /Rotate is
  applied), then flipped to the top-left origin with the same `point` as `PdfplumberSource`.

Word building is `geometry._words`, shared with the pdfplumber source.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterable
from pathlib import Path

from dhrplan.extract import pdfium_library as pdfium
from dhrplan.extract.fontnames import MAX_FORM_DEPTH, SUBSET_TAG
from dhrplan.extract.geometry import (
    Box,
    Fill,
    PageGeometry,
    Segment,
    _rect_edges,
    _segments_from_points,
    _words,
    drawn_bullets,
)
from dhrplan.extract.tags import CELLS, MAX_DEPTH, NO_TAG, ROW_SPAN, Tag, row_span, tag_of

Matrix = tuple[float, float, float, float, float, float]
Point = Callable[[float, float], tuple[float, float]]


class PdfiumPasswordError(Exception):
    """Missing or wrong password (the name is what `pdf._open` maps to its message)."""


class PdfiumEncryptionError(Exception):
    """An encryption scheme PDFium cannot open."""


def _spread(chars: list[_Char], first: int, end: float) -> None:
    """Share a ligature glyph's width ("ti", "ffi") among its letters up to where the next
    glyph starts, so no gap opens after it: each letter's own advance, summed, is not the
    ligature's."""
    start = chars[first].x0
    letters = chars[first:]
    if not start < end or any(c.x1 < c.x0 for c in letters):
        return
    step = (end - start) / len(letters)
    for k, c in enumerate(letters):
        c.x0, c.x1 = start + k * step, start + (k + 1) * step


class _Char:
    """The part of pdfminer's `LTChar` that `_words` reads; `gap` marks a space that is no
    glyph of the page but a word gap PDFium's generated space stands for."""

    __slots__ = ("_text", "x0", "y0", "x1", "y1", "fontname", "size", "upright", "mcid", "gap")

    def __init__(self, text, x0, y0, x1, y1, fontname, size, upright, mcid,
                 gap: bool = False) -> None:
        self._text = text
        self.gap = gap
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.fontname = fontname
        self.size = size
        self.upright = upright
        self.mcid = mcid

    def get_text(self) -> str:
        return self._text


def _mult(m1: Matrix, m0: Matrix) -> Matrix:
    """`m1` then `m0` (pdfminer's `mult_matrix`)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _page_ctm(rotation: int, box: tuple[float, float, float, float]) -> Matrix:
    """PDF user space -> pdfminer's page space (`PDFPageInterpreter.process_page`)."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotation == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotation == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


class PdfiumSource:
    """`GeometrySource` over PDFium's C functions (`pdfium_library`). Each page and its text
    page are closed after use."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        self._raw = raw = pdfium.bindings()
        try:
            self._pdf = pdfium.open_document(Path(path), password or None)
        except pdfium.PdfiumError as exc:
            if exc.err_code == raw.FPDF_ERR_PASSWORD:
                raise PdfiumPasswordError(str(exc)) from exc
            if exc.err_code == raw.FPDF_ERR_SECURITY:
                raise PdfiumEncryptionError(str(exc)) from exc
            raise
        self.page_count = raw.FPDF_GetPageCount(self._pdf)
        self._tagged = _has_structure_tree(raw, self._pdf)
        self._font_dicts = _FontDictionaries(Path(path), password)
        # The per-character calls again, taking and giving addresses as ints: twice as fast
        # as pypdfium2's typed pointers, and a text object's address is a dict key as it is.
        vp, int_ = ctypes.c_void_p, ctypes.c_int
        self._is_generated = _prototype(raw.FPDFText_IsGenerated, int_, vp, int_)
        self._get_object = _prototype(raw.FPDFText_GetTextObject, vp, vp, int_)
        self._get_origin = _prototype(raw.FPDFText_GetCharOrigin, int_, vp, int_, vp, vp)

    def page(self, number: int) -> PageGeometry:
        page = pdfium.load_page(self._pdf, number - 1)
        try:
            textpage = pdfium.load_textpage(page)
            try:
                return self._geometry(page, textpage, number, self._font_dicts.page(number))
            finally:
                self._raw.FPDFText_ClosePage(textpage)
        finally:
            self._raw.FPDF_ClosePage(page)

    def close(self) -> None:
        self._font_dicts.close()
        self._raw.FPDF_CloseDocument(self._pdf)

    def _geometry(self, page, textpage, number: int, page_fonts) -> PageGeometry:
        rotation = pdfium.rotation(page) % 360
        box = pdfium.mediabox(page)
        width, height = box[2] - box[0], box[3] - box[1]
        if rotation in (90, 270):
            width, height = height, width
        ctm = _page_ctm(rotation, box)

        def point(x: float, y: float) -> tuple[float, float]:
            return x, height - y

        chars = self._chars(textpage, ctm, _Fonts(self._raw, page_fonts))
        segments, fills, marks = self._rulings(page, ctm, point)
        tags = _tags(self._raw, page) if self._tagged else {}
        return PageGeometry(
            number=number,
            width=width,
            height=height,
            words=drawn_bullets(_words(chars, point, tags), marks),
            segments=segments,
            char_count=sum(not ch.gap for ch in chars),
            fills=fills,
            tagged=bool(tags),
        )

    def _chars(self, textpage, ctm: Matrix, fonts: _Fonts) -> list[_Char]:
        """Every real character of the page in content-stream order, boxed as pdfminer does.

        Two PDFium calls per character (text object, origin), a third for a space or line
        break (generated?); what is the same for a whole text object (font, size, matrix) is
        looked up once per object."""
        raw = self._raw
        tp = textpage
        address = ctypes.cast(tp, ctypes.c_void_p).value
        n = pdfium.char_count(tp)
        codes = _codes(raw, tp, n)
        is_generated, get_object, get_origin = (
            self._is_generated, self._get_object, self._get_origin
        )
        ox, oy = ctypes.c_double(), ctypes.c_double()
        px, py = ctypes.addressof(ox), ctypes.addressof(oy)
        ca, cb, cc, cd, ce, cf = ctm
        runs: dict[int | None, _Run] = {}
        chars: list[_Char] = []
        append = chars.append
        last_x = last_y = float("nan")  # the origin of the glyph before
        group: int | None = None  # index of the first letter of the glyph being laid out
        spaced = space = False
        for i in range(n):
            obj = get_object(address, i)
            code = codes[i] if codes is not None else raw.FPDFText_GetUnicode(tp, i)
            if not obj or (code in GENERATED_CODES and is_generated(address, i)):
                spaced = True  # PDFium's own spaces and line breaks
                space = space or code == 0x20
                continue
            run = runs.get(obj)
            if run is None:
                run = runs[obj] = _Run(raw, tp, i, obj, fonts, ctm)
            if code in HYPHEN_MARKS and raw.FPDFText_IsHyphen(tp, i):
                code = run.font.hyphen()
            get_origin(address, i, px, py)
            x, y = ox.value, oy.value
            ex, ey = ca * x + cc * y + ce, cb * x + cd * y + cf
            adv = run.advance(code) * run.fs
            ligature = last_x == x and last_y == y and bool(chars)
            if space and chars and last_y == y and run.axis_aligned \
                    and ex - chars[-1].x1 >= GENERATED_SPACE_GAP * run.fs:
                before = chars[-1]  # a word gap, kept as pdfminer keeps the space glyph
                append(_Char(" ", before.x1, before.y0, before.x1, before.y1, before.fontname,
                             before.size, before.upright, before.mcid, gap=True))
            space = False
            if not ligature:
                if group is not None and len(chars) - group > 1 and last_y == y \
                        and not spaced:  # a space PDFium saw there is a real word gap
                    _spread(chars, group, ex)
                group = len(chars)
            spaced = False
            last_x, last_y = x, y
            if run.axis_aligned:
                w = adv * run.a
                if ligature:  # "ffi" is one glyph: its letters share an origin; lay them out
                    ex = chars[-1].x1 if w >= 0 else chars[-1].x0
                x0, x1 = (ex, ex + w) if w >= 0 else (ex + w, ex)
                y0, y1 = ey + run.ylo, ey + run.yhi
            else:
                x0, y0, x1, y1 = run.box(ex, ey, adv)
            append(_Char(_text(code), x0, y0, x1, y1, run.fontname, y1 - y0, run.upright,
                         run.mcid))
        return chars

    def _rulings(
        self, page, ctm: Matrix, point: Point
    ) -> tuple[list[Segment], list[Fill], list[Box]]:
        """Painted paths, also inside form XObjects, as `PdfplumberSource` reads them from
        pdfminer's layout: their rulings, the filled rectangles with their colour, and the
        box of every filled path (`drawn_bullets`)."""
        raw = self._raw
        out: list[Segment] = []
        fills: list[Fill] = []
        marks: list[Box] = []
        m = raw.FS_MATRIX()
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        rgba = [ctypes.c_uint() for _ in range(4)]

        def walk(count: int, get, parent, outer: Matrix) -> None:
            for j in range(count):
                obj = get(parent, j)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
                    continue
                if not raw.FPDFPageObj_GetMatrix(obj, m):
                    continue
                matrix = _mult((m.a, m.b, m.c, m.d, m.e, m.f), outer)
                if kind == raw.FPDF_PAGEOBJ_FORM:
                    walk(raw.FPDFFormObj_CountObjects(obj), raw.FPDFFormObj_GetObject, obj, matrix)
                    continue
                if not raw.FPDFPath_GetDrawMode(obj, fill, stroke):
                    continue
                if fill.value == raw.FPDF_FILLMODE_NONE and not stroke.value:
                    continue
                colour: str | None = None
                if fill.value != raw.FPDF_FILLMODE_NONE and raw.FPDFPageObj_GetFillColor(
                    obj, *rgba
                ):
                    colour = "#" + "".join(f"{c.value:02x}" for c in rgba[:3])
                filled: list[tuple[float, float]] = []
                for shape, pts in _subpaths(raw, obj):
                    pts = [_apply(matrix, x, y) for x, y in pts]
                    if fill.value != raw.FPDF_FILLMODE_NONE:
                        filled.extend(point(x, y) for x, y in pts)
                    box = _rect_box(shape, pts, point)
                    if box is None:
                        if shape in ("ml", "mlh"):  # pdfminer's LTLine: its first two points
                            pts = pts[:2]
                        out.extend(_segments_from_points([point(x, y) for x, y in pts]))
                        continue
                    out.extend(_rect_edges(*box))
                    if colour is not None:
                        fills.append(Fill(*box, colour))
                if filled:
                    xs, ys = [x for x, _ in filled], [y for _, y in filled]
                    marks.append((min(xs), min(ys), max(xs), max(ys)))

        walk(raw.FPDFPage_CountObjects(page), raw.FPDFPage_GetObject, page, ctm)
        return out, fills, marks


def _has_structure_tree(raw, pdf) -> bool:
    """Whether the catalog has a StructTreeRoot: PDFium only says it per page, so the first
    page is asked (its tree is empty in an untagged PDF)."""
    if raw.FPDF_GetPageCount(pdf) == 0:
        return False
    page = pdfium.load_page(pdf, 0)
    try:
        tree = raw.FPDF_StructTree_GetForPage(page)
        if not tree:
            return False
        raw.FPDF_StructTree_Close(tree)
        return True
    finally:
        raw.FPDF_ClosePage(page)


def _tags(raw, page) -> dict[int, Tag]:
    """MCID -> paragraph and cell for this page (`tags.tag_of`), from PDFium's structure tree
    for the page (built from its StructParents entry in the ParentTree)."""
    tree = raw.FPDF_StructTree_GetForPage(page)
    if not tree:
        return {}
    buffer = ctypes.create_string_buffer(128)

    def kind(element) -> str:
        size = raw.FPDF_StructElement_GetType(element, buffer, len(buffer))
        return buffer.raw[:size].decode("utf-16-le", "replace").rstrip("\0") if size else ""

    def mcids(element) -> list[int]:
        """The element's marked content on this page. (`GetMarkedContentIdAtIndex` lists
        its MCIDs on every page: a paragraph cut by the page break has ids of both, and
        MCIDs are numbered per page.)"""
        count = raw.FPDF_StructElement_CountChildren(element)
        return [raw.FPDF_StructElement_GetChildMarkedContentID(element, i)
                for i in range(max(count, 0))]

    def children(element) -> list:
        count = raw.FPDF_StructElement_CountChildren(element)
        found = ((i, raw.FPDF_StructElement_GetChildAtIndex(element, i))
                 for i in range(max(count, 0)))
        return [(i, child) for i, child in found if child]

    def rows_spanned(element) -> int:
        """The cell's RowSpan attribute (1 without one)."""
        number = ctypes.c_float()
        for i in range(max(raw.FPDF_StructElement_GetAttributeCount(element), 0)):
            attr = raw.FPDF_StructElement_GetAttributeAtIndex(element, i)
            value = raw.FPDF_StructElement_Attr_GetValue(attr, ROW_SPAN.encode()) if attr else None
            if (
                value
                and raw.FPDF_StructElement_Attr_GetType(value) == raw.FPDF_OBJECT_NUMBER
                and raw.FPDF_StructElement_Attr_GetNumberValue(value, ctypes.byref(number))
            ):
                return row_span(number.value)
        return 1

    found: dict[int, Tag] = {}
    spans: dict[int, int] = {}

    def walk(element, above: list[tuple[str, int]], path: tuple[int, ...]) -> None:
        """`above`: the element's ancestors, nearest first; `path`: its place in the tree
        (child indexes from the root), a key the same on every page, since PDFium lays out
        each page's tree with every element's children at their places in the file."""
        if len(above) > MAX_DEPTH:
            return
        here = (kind(element), hash(path))
        chain = [here, *above]
        if here[0] in CELLS:
            spans[here[1]] = rows_spanned(element)
        ids = [mcid for mcid in mcids(element) if mcid >= 0]
        tag = tag_of(chain) if ids else None
        if tag is not None and tag != NO_TAG:
            found.update(dict.fromkeys(ids, tag._replace(rows=spans.get(tag.cell, 1))))
        for i, child in children(element):
            walk(child, chain, (*path, i))

    try:
        for i in range(max(raw.FPDF_StructTree_CountChildren(tree), 0)):
            root = raw.FPDF_StructTree_GetChildAtIndex(tree, i)
            if root:
                walk(root, [], (i,))
        return found
    finally:
        raw.FPDF_StructTree_Close(tree)


def preload(fallback: bool = True) -> None:
    """Import what opening a PDF needs (PDFium's bindings, the object reader of the structure
    check and the font dictionaries, and with `fallback` pdfminer's, for the files
    `pdfobjects` leaves to it), for a batch to do before it forks the readers that share it: a
    batch of many files pays for pdfminer once, a single file (no later fork) only when it
    needs it."""
    pdfium.bindings()
    if fallback:
        from pdfminer import pdfdocument, pdfinterp, pdfpage, pdfparser  # noqa: F401

    from dhrplan.extract import fontnames, pdfobjects  # noqa: F401


def _prototype(function, restype, *argtypes):
    """`function` of the PDFium library called through a prototype of our own."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


GENERATED_CODES = frozenset((0x20, 0x0D, 0x0A))
"""The characters PDFium generates (FPDFText_IsGenerated): spaces where it sees a gap, and
"\r\n" between lines (core/fpdftext/cpdf_textpage.cpp). Only a character of these is asked
whether it is generated: one PDFium call fewer for every other character of the page."""

GENERATED_SPACE_GAP = 0.1
"""A space PDFium generated between two glyphs of a line at least this far apart (em) is a
word gap: PDFium replaces some real space glyphs with its own (Chromium's prints), and the
advance-width boxes then leave less than `geometry.WORD_GAP_EM` between the words ("IDVA
service" read as "IDVAservice"); letters of one word sit closer."""

HYPHEN_MARKS = (0x02, 0xFFFE)
"""How PDFium writes a hyphen that ends a line (FPDFText_IsHyphen): 0x02 per character, 0xFFFE
in the page's text. pdfminer keeps the glyph's own character."""


def _codes(raw, tp, n: int) -> list[int] | None:
    """The Unicode value of every character in one call, or None when some character is
    outside the BMP (then UTF-16 units no longer line up with character indexes)."""
    if n <= 0:
        return []
    buffer = (ctypes.c_ushort * (n + 1))()
    written = raw.FPDFText_GetText(tp, 0, n, buffer)
    if written != n + 1:
        return None
    codes = list(buffer)[:n]
    if any(0xD800 <= code <= 0xDFFF for code in codes):
        return None
    return codes


class _Run:
    """What PDFium keeps per text object: font, size and matrix, composed with the page's."""

    __slots__ = ("font", "advance", "fontname", "fs", "a", "b", "c", "d", "lo", "hi", "ylo",
                 "yhi", "axis_aligned", "upright", "mcid")

    def __init__(self, raw, tp, index: int, obj: int | None, fonts: _Fonts, ctm: Matrix):
        m = raw.FS_MATRIX()
        if not raw.FPDFText_GetMatrix(tp, index, m):
            m.a, m.b, m.c, m.d = 1.0, 0.0, 0.0, 1.0
        self.font = fonts.get(obj)
        self.advance, self.fontname = self.font.advance, self.font.name
        self.fs = fs = raw.FPDFText_GetFontSize(tp, index)
        ca, cb, cc, cd, _, _ = ctm
        # the text object's linear map (PDFium's has the horizontal scaling in it), then the
        # page's
        self.a = a = m.a * ca + m.b * cc
        self.b = b = m.a * cb + m.b * cd
        self.c = c = m.c * ca + m.d * cc
        self.d = d = m.c * cb + m.d * cd
        self.lo = lo = self.font.descent * fs
        self.hi = hi = lo + fs
        self.ylo, self.yhi = min(d * lo, d * hi), max(d * lo, d * hi)
        self.axis_aligned = b == 0 and c == 0
        self.upright = a * d > 0 and b * c <= 0
        found = raw.FPDFPageObj_GetMarkedContentID(ctypes.cast(obj, raw.FPDF_PAGEOBJECT))
        self.mcid = found if found >= 0 else None

    def box(self, ex: float, ey: float, adv: float) -> tuple[float, float, float, float]:
        """pdfminer's `apply_matrix_rect` of (0, descent, advance, descent + size)."""
        a, b, c, d, lo, hi = self.a, self.b, self.c, self.d, self.lo, self.hi
        xs = (c * lo, c * hi, adv * a + c * lo, adv * a + c * hi)
        ys = (d * lo, d * hi, adv * b + d * lo, adv * b + d * hi)
        return ex + min(xs), ey + min(ys), ex + max(xs), ey + max(ys)


def _text(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


class _Font:
    __slots__ = ("name", "descent", "_widths", "_width")

    def __init__(self, raw, font, name: str, descent: float | None) -> None:
        self.name = name
        value = ctypes.c_float()
        if descent is None:
            ok = raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(value))
            descent = -abs(value.value) / 1000 if ok else 0.0
        self.descent = descent
        self._widths: dict[int, float] = {}
        self._width = lambda code, font=font, raw=raw, value=value: (
            value.value / 1000
            if raw.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(1000.0), ctypes.byref(value))
            else 0.0
        )

    def hyphen(self) -> int:
        """The hyphen PDFium replaced by its line-end mark: "-" or else a soft hyphen, whichever
        the font can draw."""
        return 0x2D if self._width(0x2D) or not self._width(0xAD) else 0xAD

    def advance(self, code: int) -> float:
        """Advance width per point of font size (the font's /Widths entry / 1000)."""
        width = self._widths.get(code)
        if width is None:
            width = self._widths[code] = self._width(code) if 0 <= code <= 0xFFFF else 0.0
        return width


class _NoFont(_Font):
    def __init__(self) -> None:
        self.name, self.descent, self._widths = "", 0.0, {}
        self._width = lambda code: 0.0


class _Fonts:
    """Fonts of one page by PDFium handle, with pdfminer's name and descent for each.

    PDFium gives neither: it drops the subset tag ("ABCDEF+") from names, and where the font
    descriptor's /Descent is 0 or missing (LibreOffice writes 0) it measures a glyph instead.
    So both come from the page's font dictionaries as pdfminer reads them (`page_fonts`),
    matched by name without the tag; a font not found there keeps PDFium's values, its name
    numbered when another font has it (a font change ends a word)."""

    def __init__(self, raw, page_fonts: dict[str, list[tuple[str, float]]]) -> None:
        self._raw = raw
        self._page_fonts = {name: list(found) for name, found in page_fonts.items()}
        self._by_font: dict[int, _Font] = {}
        self._names: set[str] = set()
        self._buffer = ctypes.create_string_buffer(256)
        self._none = _NoFont()

    def get(self, address: int | None) -> _Font:
        """The font of the text object at `address`."""
        raw = self._raw
        if not address:
            return self._none
        handle = raw.FPDFTextObj_GetFont(ctypes.cast(address, raw.FPDF_PAGEOBJECT))
        font_key = ctypes.cast(handle, ctypes.c_void_p).value
        if font_key is None:
            return self._none
        found = self._by_font.get(font_key)
        if found is None:
            name, descent = self._identify(handle)
            found = self._by_font[font_key] = _Font(raw, handle, name, descent)
        return found

    def _identify(self, handle) -> tuple[str, float | None]:
        size = self._raw.FPDFFont_GetBaseFontName(handle, self._buffer, len(self._buffer))
        base = SUBSET_TAG.sub("", self._buffer.value.decode("utf-8", "replace") if size else "")
        candidates = self._page_fonts.get(base)
        if candidates:
            name, descent = candidates.pop(0)
            self._names.add(name)
            return name, descent
        name, n = base, 1
        while name in self._names:
            n += 1
            name = f"{base}#{n}"
        self._names.add(name)
        return name, None


class _FontDictionaries:
    """pdfminer's name and descent of every font a page uses (its resources and those of its
    form XObjects), read from the font dictionaries: by `fontnames` without pdfminer where
    it reads them exactly as pdfminer does, else by pdfminer, which parses the
    cross-reference table and these few objects, never a content stream. Pages must be
    asked for in order. Any failure just leaves PDFium's own values."""

    def __init__(self, path: Path, password: str | None) -> None:
        self._path, self._password = path, password
        self._fh = None
        self._pages = None
        self._plain = None
        if not password:
            try:
                from dhrplan.extract.fontnames import PlainFonts
                from dhrplan.extract.pdfobjects import PdfObjects

                self._plain = PlainFonts(PdfObjects.open(path))
            except Exception:
                self._plain = None
        if self._plain is None:
            self._open()
        self._next = 1

    def _open(self, skip: int = 0) -> None:
        """pdfminer's pages, the first `skip` of them passed over."""
        try:
            from pdfminer.pdfdocument import PDFDocument
            from pdfminer.pdfinterp import PDFResourceManager
            from pdfminer.pdfpage import PDFPage
            from pdfminer.pdfparser import PDFParser

            self._fh = open(self._path, "rb")  # noqa: SIM115 - closed in close()
            document = PDFDocument(PDFParser(self._fh), password=self._password or "")
            self._pages = PDFPage.create_pages(document)
            self._manager = PDFResourceManager(caching=True)
            for _ in range(skip):
                next(self._pages)
        except Exception:
            self._pages = None
            self.close()

    def page(self, number: int) -> dict[str, list[tuple[str, float]]]:
        if self._plain is not None and number == self._next:
            try:
                fonts = self._plain.page()
                self._next += 1
                return fonts
            except Exception:
                self._plain = None
                self._open(skip=number - 1)
        if self._pages is None or number != self._next:
            self._plain = None
            self._pages = None
            return {}
        self._next += 1
        try:
            page = next(self._pages)
            fonts: dict[str, list[tuple[str, float]]] = {}
            self._collect(page.resources, fonts, set(), 0)
            return fonts
        except Exception:
            self._pages = None
            return {}

    def _collect(self, resources, fonts, seen: set, depth: int) -> None:
        from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1

        resources = resolve1(resources)
        if not isinstance(resources, dict) or depth > MAX_FORM_DEPTH:
            return
        def first_visit(ref: object) -> bool:
            objid = ref.objid if isinstance(ref, PDFObjRef) else None
            if objid in seen:
                return False
            if objid is not None:
                seen.add(objid)
            return True

        for spec in (resolve1(resources.get("Font")) or {}).values():
            if not first_visit(spec):
                continue
            objid = spec.objid if isinstance(spec, PDFObjRef) else None
            spec = resolve1(spec)
            if not isinstance(spec, dict):
                continue
            try:
                font = self._manager.get_font(objid, spec)
            except Exception:
                continue
            entry = (str(font.fontname), font.get_descent())
            names = {SUBSET_TAG.sub("", entry[0])}
            if "BaseFont" in spec:
                names.add(SUBSET_TAG.sub("", _literal(resolve1(spec["BaseFont"]))))
            for name in names:
                fonts.setdefault(name, []).append(entry)
        for ref in (resolve1(resources.get("XObject")) or {}).values():
            if not first_visit(ref):
                continue
            xobject = resolve1(ref)
            if isinstance(xobject, PDFStream) and _literal(xobject.get("Subtype")) == "Form":
                self._collect(xobject.get("Resources"), fonts, seen, depth + 1)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _literal(value) -> str:
    from pdfminer.psparser import PSLiteral

    if isinstance(value, PSLiteral):
        value = value.name
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return str(value)


def _subpaths(raw, path) -> Iterable[tuple[str, list[tuple[float, float]]]]:
    """A path object's subpaths as pdfminer's operator shape ("mlllh", "mc", ...) and its
    points (the end point of each operator, the start point again for a closing "h").

    PDFium stores "h" as a line back to the start flagged as closing, or, when the path is
    already back at the start, as the flag on the last point; a Bézier curve is three points
    (two controls, then the end)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for k in range(raw.FPDFPath_CountSegments(path)):
        seg = raw.FPDFPath_GetPathSegment(path, k)
        kind = raw.FPDFPathSegment_GetType(seg)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (x.value, y.value)
        closes = bool(raw.FPDFPathSegment_GetClose(seg))
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if shape:
                yield "".join(shape), pts
            shape, pts, bezier = ["m"], [pt], 0
            continue
        if not shape:  # a path must start with a move; pdfminer ignores one that does not
            continue
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue
            shape.append("c")
            pts.append(pt)
        elif closes and pt == pts[0] and len(pts) > 1:
            shape.append("h")
            pts.append(pts[0])
            continue
        else:
            shape.append("l")
            pts.append(pt)
        if closes:
            shape.append("h")
            pts.append(pts[0])
    if shape:
        yield "".join(shape), pts


def _rect_box(
    shape: str, pts: list[tuple[float, float]], point: Point
) -> tuple[float, float, float, float] | None:
    """The box (top-left origin) of a subpath that pdfminer's `paint_path` makes an LTRect
    (points in pdfminer's page space); None for its lines and curves."""
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if closed and square:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            left, top = point(min(xs), max(ys))
            right, bottom = point(max(xs), min(ys))
            return left, top, right, bottom
    return None
