"""A PDF's structure checked before a backend reads it: page count, reference loops, and
streams that do not decode.

Both parsers forgive damage silently: pdfminer reads what it can of a content stream that
does not inflate and logs it, PDFium renders the part it decoded. For an action plan that is
silent loss (one flipped byte merged two recommendations and scrambled a section), so every
stream the text depends on (page content, form XObjects, ToUnicode maps, embedded font
files) is inflated here first, with a size cap, and the file fails naming the page when one
is missing, does not decode or fails its checksum. Damage
the text does not depend on (an image) is a warning. The walk resolves references itself,
with a loop check, because pdfminer's `resolve1` spins forever on `5 0 obj 5 0 R endobj`,
and it counts pages from the page tree alone, so `--max-pages` refuses a huge file at once.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dhrplan.extract.model import ExtractError


@dataclass(frozen=True)
class IntegritySettings:
    """Limits past which a PDF is a bomb, not a plan."""
    max_stream_bytes: int = 256 << 20
    """A content stream inflating past this is a decompression bomb, not a plan: the largest
    plan page seen holds well under 1 MB of drawing operators."""
    max_form_depth: int = 12
    """Form XObjects nested deeper than this are a fan-out bomb; Word nests two at most."""
    max_form_draws: int = 100_000
    """Forms drawn on one page, repeats counted: ten forms each drawing the next ten times
    make 10^10 draws from a few kilobytes (a fan-out bomb); a plan page draws a handful."""
    max_page_side: float = 14_400.0
    """Points (200 inches, PDF's own limit): larger pages are refused, a renderer (camelot)
    would allocate gigabytes for one."""


@dataclass
class Structure:
    """What the structure check found: the page count and its warnings."""
    page_count: int
    warnings: list[str] = field(default_factory=list)


class _Damaged(Exception):
    pass


_FLATE = ("FlateDecode", "Fl")
_DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
"""The `Do` operator with its XObject's name: `/Fm1 Do`."""


def _name(value: Any) -> str:
    return str(getattr(value, "name", value))


@dataclass(frozen=True)
class _Kinds:
    """The reference and stream classes of the parser the walk reads (pdfminer's, or
    `pdfobjects`' for the plain files it takes), and its exception for a missing object."""

    ref: type
    stream: type
    missing: type[Exception]


def _pdfminer_kinds() -> _Kinds:
    from pdfminer.pdftypes import PDFObjectNotFound, PDFObjRef, PDFStream

    return _Kinds(PDFObjRef, PDFStream, PDFObjectNotFound)


class _Walker:
    def __init__(self, doc: Any, settings: IntegritySettings, kinds: _Kinds) -> None:
        self.doc = doc
        self.settings = settings
        self.kinds = kinds
        self.checked: dict[int, str | None] = {}
        """Stream object number -> the problem found in it, or None."""
        self.draws: dict[int, int] = {}
        """Form object number -> forms drawn by drawing it once, itself included."""

    def resolve(self, obj: Any) -> Any:
        """pdfminer's `resolve1` without its endless loop on a reference cycle."""
        seen: set[int] = set()
        while isinstance(obj, self.kinds.ref):
            if obj.objid in seen:
                raise _Damaged(f"reference loop at object {obj.objid}")
            seen.add(obj.objid)
            try:
                obj = self.doc.getobj(obj.objid)
            except self.kinds.missing:
                return None
        return obj

    def dict_at(self, container: Any, key: str) -> dict:
        value = self.resolve(container.get(key)) if isinstance(container, dict) else None
        return value if isinstance(value, dict) else {}

    def stream_problem(self, ref: Any, stream: Any, cap: bool) -> str | None:
        """Why the stream does not inflate, or None; each stream object is inflated once."""
        if not isinstance(stream, self.kinds.stream):
            if stream is None and isinstance(ref, self.kinds.ref):
                return f"is missing (object {ref.objid} is not in the file)"
            return None
        key = ref.objid if isinstance(ref, self.kinds.ref) else None
        if key is not None and key in self.checked:
            return self.checked[key]
        problem = self._inflate(stream, cap)
        if key is not None:
            self.checked[key] = problem
        return problem

    def _inflate(self, stream: Any, cap: bool) -> str | None:
        filters = self.resolve(stream.attrs.get("Filter"))
        first = self.resolve(filters[0]) if isinstance(filters, list) and filters else filters
        if _name(first) not in _FLATE or stream.rawdata is None:
            return None
        data = stream.rawdata
        if stream.decipher:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        inflater = zlib.decompressobj()
        limit = self.settings.max_stream_bytes
        try:
            inflater.decompress(data, limit)
        except zlib.error as exc:
            if "incorrect data check" in str(exc):
                # inflated, but not to what was written: a changed byte can still inflate
                return "fails its checksum (its bytes were changed)"
            return f"does not decode ({str(exc).split(': ')[-1]})"
        if inflater.unconsumed_tail:
            if cap:
                return f"inflates past the limit of {limit >> 20} MB"
            return None
        if not inflater.eof:
            return "is cut short"
        return None

    def data(self, stream: Any) -> bytes:
        """The stream inflated (up to the cap), for counting its draws; b"" if it cannot be."""
        if not isinstance(stream, self.kinds.stream) or stream.rawdata is None:
            return b""
        filters = self.resolve(stream.attrs.get("Filter"))
        if filters is None:
            return stream.rawdata
        first = self.resolve(filters[0]) if isinstance(filters, list) and filters else filters
        if _name(first) not in _FLATE:
            return b""
        data = stream.rawdata
        if stream.decipher:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        try:
            return zlib.decompressobj().decompress(data, self.settings.max_stream_bytes)
        except zlib.error:
            return b""

    def form_draws(self, resources: Any, content: bytes, stack: frozenset[int]) -> int:
        """Forms drawn when `content` is painted with `resources`, repeats counted."""
        xobjects = self.dict_at(resources, "XObject")
        limit = self.settings.max_form_draws
        total = 0
        for name, times in Counter(_DRAW.findall(content)).items():
            ref = xobjects.get(name.decode("latin-1"))
            form = self.resolve(ref)
            attrs = getattr(form, "attrs", None)
            objid = getattr(ref, "objid", None)
            if not isinstance(attrs, dict) or _name(self.resolve(attrs.get("Subtype"))) != "Form":
                continue
            if objid is None:
                continue
            if objid in stack:
                raise _Damaged(f"form {objid} draws itself")
            if objid not in self.draws:
                inner = self.form_draws(self.resolve(attrs.get("Resources")), self.data(form),
                                        stack | {objid})
                self.draws[objid] = min(1 + inner, limit + 1)
            total += times * self.draws[objid]
            if total > limit:
                raise _Damaged(f"forms drawn more than {limit:,} times on one page")
        return total

    def check_font(self, font: Any, problems: list[str]) -> None:
        """A font's character map and embedded font file: PDFium takes glyph widths and
        characters from the file, so a damaged one changes the text without a word."""
        if not isinstance(font, dict):
            return
        if (ref := font.get("ToUnicode")) is not None:
            problem = self.stream_problem(ref, self.resolve(ref), cap=True)
            if problem:
                problems.append(f"a font's character map {problem}")
        fonts = [font]
        descendants = self.resolve(font.get("DescendantFonts"))
        if isinstance(descendants, list):
            fonts += [d for d in map(self.resolve, descendants) if isinstance(d, dict)]
        for each in fonts:
            descriptor = self.dict_at(each, "FontDescriptor")
            for key in ("FontFile", "FontFile2", "FontFile3"):
                if (ref := descriptor.get(key)) is not None:
                    problem = self.stream_problem(ref, self.resolve(ref), cap=True)
                    if problem:
                        problems.append(f"an embedded font {problem}")

    def check_resources(self, resources: Any, depth: int, problems: list[str],
                        images: list[str], seen_forms: set[int]) -> None:
        if not isinstance(resources, dict):
            return
        for font in self.dict_at(resources, "Font").values():
            self.check_font(self.resolve(font), problems)
        for ref in self.dict_at(resources, "XObject").values():
            xobject = self.resolve(ref)
            attrs = getattr(xobject, "attrs", None)
            if not isinstance(attrs, dict):
                continue
            subtype = _name(self.resolve(attrs.get("Subtype")))
            if subtype == "Image":
                problem = self.stream_problem(ref, xobject, cap=False)
                if problem:
                    images.append(problem)
                continue
            if subtype != "Form":
                continue
            objid = getattr(ref, "objid", None)
            if objid is not None and objid in seen_forms:
                continue  # drawn again: its content was checked already
            if depth >= self.settings.max_form_depth:
                raise _Damaged(f"forms nested more than {self.settings.max_form_depth} deep")
            if objid is not None:
                seen_forms.add(objid)
            problem = self.stream_problem(ref, xobject, cap=True)
            if problem:
                problems.append(f"a form's content stream {problem}")
            self.check_resources(self.resolve(attrs.get("Resources")), depth + 1, problems,
                                 images, seen_forms)

    def check_page(self, page: dict, inherited: dict[str, Any]) -> tuple[list[str], list[str]]:
        problems: list[str] = []
        images: list[str] = []
        for key in ("MediaBox", "CropBox"):
            box = self.resolve(page.get(key, inherited.get(key)))
            if isinstance(box, list):
                values = [self.resolve(v) for v in box]
                if len(values) == 4 and all(isinstance(v, int | float) for v in values):
                    side = max(abs(values[2] - values[0]), abs(values[3] - values[1]))
                    if side > self.settings.max_page_side:
                        raise _Damaged(
                            f"a page {side:g} points across, larger than PDF allows "
                            f"({self.settings.max_page_side:g})"
                        )
        self.resolve(page.get("Rotate", inherited.get("Rotate")))
        contents = self.resolve(page.get("Contents"))
        refs = contents if isinstance(contents, list) else [page.get("Contents")]
        for ref in refs:
            problem = self.stream_problem(ref, self.resolve(ref), cap=True)
            if problem:
                problems.append(f"its content stream {problem}")
        resources = self.resolve(page.get("Resources", inherited.get("Resources")))
        self.check_resources(resources, 0, problems, images, set())
        if not problems:
            content = b"\n".join(self.data(self.resolve(ref)) for ref in refs)
            self.form_draws(resources, content, frozenset())
        return problems, images


INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")


def _pages(walker: _Walker, root: Any) -> Any:
    """Leaf page dicts in order with their inherited attributes; a loop in the tree is damage."""
    stack: list[tuple[Any, dict[str, Any]]] = [(root, {})]
    seen: set[int] = set()
    while stack:
        ref, inherited = stack.pop()
        objid = getattr(ref, "objid", None)
        if objid is not None:
            if objid in seen:
                raise _Damaged(f"the page tree loops at object {objid}")
            seen.add(objid)
        node = walker.resolve(ref)
        if not isinstance(node, dict):
            continue
        here = {**inherited, **{k: node[k] for k in INHERITED if k in node}}
        kids = walker.resolve(node.get("Kids"))
        if isinstance(kids, list) and _name(walker.resolve(node.get("Type"))) != "Page":
            stack.extend((kid, here) for kid in reversed(kids))
        else:
            yield node, here


def check_pdf(
    path: Path,
    password: str | None = None,
    max_pages: int | None = None,
    settings: IntegritySettings | None = None,
) -> Structure:
    """The page count and warnings of a PDF whose text-bearing streams all decode; raises
    `ExtractError` ("damaged PDF: ...") otherwise, or when it has more than `max_pages`."""
    settings = settings or IntegritySettings()
    if not password and (plain := _plain_structure(path, max_pages, settings)) is not None:
        return plain
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as handle:
        try:
            doc = PDFDocument(PDFParser(handle), password=password or "")
        except Exception:
            return Structure(0)  # the backend opens it again and names the problem
        walker = _Walker(doc, settings, _pdfminer_kinds())
        try:
            return _check(walker, doc, path, max_pages)
        except _Damaged as exc:
            raise ExtractError(f"{path}: damaged PDF: {exc}") from None
        except RecursionError:
            raise ExtractError(f"{path}: damaged PDF: objects nested too deep") from None
        except ExtractError:
            raise
        except Exception as exc:  # pdfminer's parser on a damaged object
            raise ExtractError(
                f"{path}: damaged PDF: an object cannot be parsed ({type(exc).__name__})"
            ) from None


def _plain_structure(path: Path, max_pages: int | None,
                     settings: IntegritySettings) -> Structure | None:
    """The structure of a file `pdfobjects` reads without pdfminer, when the walk finds
    nothing wrong in it; None for any other file, and for any problem, which pdfminer's walk
    then finds and names as before."""
    from dhrplan.extract import pdfobjects

    try:
        doc = pdfobjects.PdfObjects.open(path)
        kinds = _Kinds(pdfobjects.Ref, pdfobjects.Stream, pdfobjects.Missing)
        found = _check(_Walker(doc, settings, kinds), doc, path, max_pages)
    except Exception:
        return None
    return found if not found.warnings else None


def _check(walker: _Walker, doc: Any, path: Path, max_pages: int | None) -> Structure:
    catalog = doc.catalog if isinstance(doc.catalog, dict) else {}
    root = catalog.get("Pages")
    declared = walker.resolve(walker.dict_at(catalog, "Pages").get("Count"))
    if max_pages is not None and isinstance(declared, int) and declared > max_pages:
        raise ExtractError(f"{path}: {declared} pages is more than the limit of {max_pages}")
    count = 0
    damaged: dict[int, list[str]] = {}
    images: list[int] = []
    for page, inherited in _pages(walker, root):
        count += 1
        if max_pages is not None and count > max_pages:
            raise ExtractError(f"{path}: more than {max_pages} pages, the limit")
        problems, bad_images = walker.check_page(page, inherited)
        if problems:
            damaged[count] = problems
        if bad_images:
            images.append(count)
    if damaged:
        first = min(damaged)
        if len(damaged) == 1:
            raise _Damaged(f"page {first}: {damaged[first][0]}")
        pages = ", ".join(map(str, sorted(damaged)))
        raise _Damaged(f"pages {pages}: on page {first}, {damaged[first][0]}")
    warnings = []
    if images:
        warnings.append(
            "damaged PDF: images on page(s) "
            f"{', '.join(map(str, images))} do not decode; the text does not depend on them"
        )
    return Structure(count, warnings)
