"""`dhrplan debug`: one page with what the PDF reader decided drawn over it, for a maintainer
tuning a heuristic (as pdfplumber's debug image is): the ruling segments it found, the grid
and its merged cells, columns it had to infer, cells a page break cut (joined again with the
next or previous page), the headings it kept and the running lines it dropped, and the
shading it read for each cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from dhrplan.extract.celltext import group_lines
from dhrplan.extract.grid import Span
from dhrplan.extract.model import ExtractError, Heading, Table
from dhrplan.extract.pdf import page_scans, read_pdf
from dhrplan.extract.pdf_page import cell_fill
from dhrplan.extract.stitch import stitch
from dhrplan.pageimage import render_pages, to_pixels

Box = tuple[float, float, float, float]
RGBA = tuple[int, int, int, int]

RULING: RGBA = (220, 30, 30, 255)
GRID: RGBA = (0, 90, 255, 255)
MERGED: RGBA = (0, 90, 255, 45)
INFERRED: RGBA = (255, 140, 0, 255)
CUT: RGBA = (200, 0, 200, 255)
KEPT: RGBA = (0, 150, 0, 255)
DROPPED: RGBA = (120, 120, 120, 255)
LEGEND = (
    ("ruling segment", RULING), ("grid cell", GRID), ("columns inferred", INFERRED),
    ("cut by a page break", CUT), ("heading kept", KEPT), ("running line dropped", DROPPED),
)


@dataclass(frozen=True)
class PictureSettings:
    scale: float = 2.0
    """Pixels per point (144 dpi): a cell's small print stays legible."""
    swatch: float = 9.0
    """Side of the square showing a cell's fill, in points: seen at a glance, hides little."""


@dataclass
class PagePicture:
    """The picture and what was drawn on it, in points, for tests and callers."""

    image: Image.Image
    scale: float
    cells: list[Box] = field(default_factory=list)
    merged: list[Box] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    cut: list[Box] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    fills: list[tuple[Box, str]] = field(default_factory=list)


def _span_box(span: Span) -> Box:
    return span.x0, span.top, span.x1, span.bottom


def _cut_cells(tables: list[Table], page: int) -> list[Box]:
    """Boxes on `page` of the cells stitching joined across a page break."""
    boxes: list[Box] = []
    for table in tables:
        for row in [table.header, *table.rows]:
            for cell in row.cells:
                if len({r.page for r in cell.regions}) > 1:
                    boxes.extend((r.x0, r.top, r.x1, r.bottom)
                                 for r in cell.regions if r.page == page)
    return boxes


def draw_page(
    path: Path, page: int, backend: str = "pdfium", password: str | None = None,
    settings: PictureSettings = PictureSettings(),
) -> PagePicture:
    document = read_pdf(path, backend=backend, password=password)
    if not 1 <= page <= document.page_count:
        raise ExtractError(f"{path}: has no page {page} (it has {document.page_count})")
    *_, (geometry, lattices) = page_scans(path, backend, password, last=page)
    blocks = stitch(document.blocks)
    scale = settings.scale
    picture = PagePicture(render_pages(path, [page], scale, password)[page], scale)
    overlay = Image.new("RGBA", picture.image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)

    def rect(box: Box | list[float], outline: RGBA, width: int = 1, fill: RGBA | None = None,
             ) -> None:
        draw.rectangle(to_pixels(box, scale), outline=outline, width=width, fill=fill)

    for s in geometry.segments:
        rect((s.x0, s.top, s.x1, s.bottom), RULING, 1, RULING)
    picture.cut = _cut_cells([b for b in blocks if isinstance(b, Table)], page)
    for box in picture.cut:
        rect(box, CUT, 6)
    for lattice in lattices:
        colour = INFERRED if lattice.inferred else GRID
        if lattice.inferred:
            picture.inferred.append(lattice.inferred)
            x0, top = to_pixels(lattice.bbox[:2], scale)
            draw.text((x0, max(0, top - 12)), f"inferred: {lattice.inferred}", fill=INFERRED)
        for span in lattice.spans():
            box = _span_box(span)
            merged = span.rows > 1 or span.cols > 1
            rect(box, colour, 2, MERGED if merged else None)
            picture.cells.append(box)
            if merged:
                picture.merged.append(box)
            shade = cell_fill(span, geometry.fills)
            if shade is not None:
                side = settings.swatch
                swatch = (span.x1 - side - 2, span.top + 2, span.x1 - 2, span.top + 2 + side)
                rect(swatch, (0, 0, 0, 255), 1, (*_rgb(shade), 255))
                x, y = to_pixels(swatch[:2], scale)
                draw.text((x - 7 * len(shade) - 4, y), shade, fill=(0, 0, 0, 255))
                picture.fills.append((box, shade))
    kept = [b.text for b in document.blocks if isinstance(b, Heading) and b.page == page]
    outside = [w for w in geometry.words
               if not any(lat.locate(w.xmid, w.ymid) for lat in lattices)]
    for line in group_lines(outside):
        text = " ".join(line.text.split())
        box = (line.x0 - 1, line.top - 1, line.x1 + 1, line.bottom + 1)
        if any(text in " ".join(k.split()) for k in kept):
            rect(box, KEPT, 2)
            picture.kept.append(text)
        else:
            rect(box, DROPPED, 2)
            x0, top, x1, bottom = to_pixels(box, scale)
            draw.line((x0, (top + bottom) // 2, x1, (top + bottom) // 2), fill=DROPPED, width=2)
            picture.dropped.append(text)
    _legend(draw, overlay.size)
    picture.image = Image.alpha_composite(picture.image.convert("RGBA"), overlay).convert("RGB")
    return picture


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _legend(draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
    """What each colour means, in the bottom right corner."""
    width, height = 170, 14 * len(LEGEND) + 8
    left, top = size[0] - width - 8, size[1] - height - 8
    draw.rectangle((left, top, left + width, top + height), fill=(255, 255, 255, 230),
                   outline=(0, 0, 0, 255))
    for i, (label, colour) in enumerate(LEGEND):
        y = top + 4 + 14 * i
        draw.rectangle((left + 6, y + 2, left + 18, y + 10), fill=colour)
        draw.text((left + 24, y), label, fill=(0, 0, 0, 255))
