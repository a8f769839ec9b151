"""pdfminer's name and descent of each font a page uses, read with `pdfobjects` instead of
pdfminer, for the PDFium reader (`geometry_pdfium._FontDictionaries`).

pdfminer builds a whole font object to give these two values; here they are computed as
its `PDFType1Font` / `PDFTrueTypeFont` and `PDFFont` compute them, for the simple fonts
(Type1, MMType1, TrueType) that are the only kind it builds without parsing a font file or
a character collection. Any other font (Type0 and CID fonts, Type3), a Type1 font whose
encoding pdfminer reads from its embedded file, page labels, or a page tree or value of a
shape pdfminer would read otherwise, raises `Unsupported`, and the caller asks pdfminer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from dhrplan.extract.pdfobjects import Name, PdfObjects, Ref, Stream, Unsupported

SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
"""A subset font's tag ("ABCDEF+Calibri"): pdfminer keeps it in the name, PDFium drops it."""

SIMPLE = ("Type1", "MMType1", "TrueType")
INHERITABLE = ("Resources", "MediaBox", "CropBox", "Rotate")
MAX_FORM_DEPTH = 15
"""Form XObjects followed this deep for their fonts (both readers of the font dictionaries):
Word nests two; deeper is a fan-out the structure check refuses anyway."""

PageFonts = dict[str, list[tuple[str, float]]]


@cache
def _standard_metrics() -> dict[str, Any]:
    """pdfminer's metrics of the standard fonts and their aliases ("Arial,Bold"): their
    descriptor replaces the file's. Loaded (5 ms) only for a font whose name is untagged."""
    from dhrplan.extract.textlines import pdfminer_module

    metrics = pdfminer_module("fontmetrics")
    if metrics is None:
        raise Unsupported("no font metrics")
    return metrics.FONT_METRICS


class PlainFonts:
    """Page by page, in order, the fonts pdfminer's `PDFPage.create_pages` would give."""

    def __init__(self, doc: PdfObjects) -> None:
        if "PageLabels" in doc.catalog:
            raise Unsupported("page labels")
        self.doc = doc
        self._pages = self._leaves()
        self._fonts: dict[int, tuple[str, float]] = {}

    def page(self) -> PageFonts:
        attrs = next(self._pages, None)
        if attrs is None:
            raise Unsupported("fewer pages than PDFium's")
        for key in ("MediaBox", "CropBox"):
            box = self.doc.resolve(attrs.get(key))
            if box is not None and not (isinstance(box, list) and all(
                    isinstance(self.doc.resolve(v), int | float) for v in box)):
                raise Unsupported("a page box pdfminer would not read")
        fonts: PageFonts = {}
        self._collect(self.doc.resolve(attrs.get("Resources", {})), fonts, set(), 0)
        return fonts

    def _leaves(self) -> Iterator[dict[str, Any]]:
        """pdfminer's depth-first walk of the page tree; it must find every page."""
        catalog = self.doc.catalog
        if "Pages" not in catalog:
            raise Unsupported("no page tree")
        visited: set[int] = set()
        found = False

        def walk(ref: Any, parent: dict[str, Any]) -> Iterator[dict[str, Any]]:
            nonlocal found
            if not isinstance(ref, Ref):
                raise Unsupported("a page node that is not a reference")
            node = self.doc.resolve(ref)
            if not isinstance(node, dict):
                raise Unsupported("a page node that is not a dictionary")
            if ref.objid in visited:
                return
            visited.add(ref.objid)
            attrs = dict(node)
            for key, value in parent.items():
                if key in INHERITABLE and key not in attrs:
                    attrs[key] = value
            kind = attrs.get("Type")
            kind = kind.name if isinstance(kind, Name) else None
            if kind == "Pages" and "Kids" in attrs:
                kids = self.doc.resolve(attrs["Kids"])
                if not isinstance(kids, list):
                    raise Unsupported("odd Kids")
                for kid in kids:
                    yield from walk(kid, attrs)
            elif kind == "Page":
                found = True
                yield attrs
            else:
                raise Unsupported("a page node pdfminer may read otherwise")

        yield from walk(catalog["Pages"], catalog)
        if not found:
            raise Unsupported("no pages in the tree")

    def _collect(self, resources: Any, fonts: PageFonts, seen: set[int], depth: int) -> None:
        """`_FontDictionaries._collect` over `pdfobjects`' values."""
        resolve = self.doc.resolve
        resources = resolve(resources)
        if not isinstance(resources, dict) or depth > MAX_FORM_DEPTH:
            return

        def first_visit(ref: object) -> bool:
            objid = ref.objid if isinstance(ref, Ref) else None
            if objid in seen:
                return False
            if objid is not None:
                seen.add(objid)
            return True

        for spec in _dict(resolve(resources.get("Font"))).values():
            if not first_visit(spec):
                continue
            objid = spec.objid if isinstance(spec, Ref) else None
            spec = resolve(spec)
            if not isinstance(spec, dict):
                continue
            entry = self._font(objid, spec)
            names = {SUBSET_TAG.sub("", entry[0])}
            if "BaseFont" in spec:
                names.add(SUBSET_TAG.sub("", _literal(resolve(spec["BaseFont"]))))
            for name in names:
                fonts.setdefault(name, []).append(entry)
        for ref in _dict(resolve(resources.get("XObject"))).values():
            if not first_visit(ref):
                continue
            xobject = resolve(ref)
            if isinstance(xobject, Stream) and _literal(xobject.get("Subtype")) == "Form":
                self._collect(xobject.get("Resources"), fonts, seen, depth + 1)

    def _font(self, objid: int | None, spec: dict[str, Any]) -> tuple[str, float]:
        """pdfminer's `(fontname, get_descent())` of a simple font; cached by object as its
        resource manager caches the font."""
        if objid is not None and objid in self._fonts:
            return self._fonts[objid]
        resolve = self.doc.resolve
        subtype = spec.get("Subtype", Name("Type1"))
        if not isinstance(subtype, Name) or subtype.name not in SIMPLE:
            raise Unsupported("a font pdfminer builds from more than its dictionary")
        basefont = spec.get("BaseFont", Name("unknown"))
        if not isinstance(basefont, Name):
            raise Unsupported("an odd BaseFont")
        # a subset font is embedded: only an untagged name can be one of the metrics file's
        standard = None if "+" in basefont.name else _standard_metrics().get(basefont.name)
        if standard is not None:
            descriptor: dict[str, Any] = standard[0]
        else:
            found = resolve(spec.get("FontDescriptor", {}))
            descriptor = found if isinstance(found, dict) else {}
            if "Encoding" not in spec and "FontFile" in descriptor:
                raise Unsupported("encoding read from the font file")
        if "ToUnicode" in spec:
            cmap = resolve(spec["ToUnicode"])
            coding = cmap.get("Filter") if isinstance(cmap, Stream) else Name("none")
            flate = isinstance(coding, Name) and coding.name == "FlateDecode"
            if not isinstance(cmap, Stream) or not (
                    coding is None or (flate and cmap.get("DecodeParms") is None)):
                raise Unsupported("a character map pdfminer may decode otherwise")
        name = resolve(descriptor.get("FontName", "unknown"))
        if isinstance(name, Name):
            name = name.name
        elif not isinstance(name, str | bytes | int | float):
            raise Unsupported("an odd FontName")
        descent = resolve(descriptor.get("Descent", 0))
        if not isinstance(descent, int | float):
            descent = 0
        if descent > 0:
            descent = -descent
        result = (str(name), descent * 0.001)
        if objid is not None:
            self._fonts[objid] = result
        return result


def _dict(value: Any) -> dict[str, Any]:
    """`resolve1(value) or {}` as `_FontDictionaries` reads it (where a value that is
    neither fails the page there)."""
    if isinstance(value, dict):
        return value
    if not value:
        return {}
    raise Unsupported("resources that are not a dictionary")


def _literal(value: Any) -> str:
    """`geometry_pdfium._literal` over `pdfobjects`' values."""
    if isinstance(value, Name):
        return value.name
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, Ref | Stream | dict | list):
        raise Unsupported("an odd name")
    return str(value)
