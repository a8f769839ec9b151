"""A PDF page as a picture (PDFium renders it; Pillow holds it), in the coordinates the
readers use: points from the page's top-left corner, times `scale`."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from dhrplan.extract.model import ExtractError


def render_pages(
    path: Path, pages: list[int], scale: float, password: str | None = None
) -> dict[int, Image.Image]:
    """The pages (1-based) as RGB images; a page the PDF lacks is an `ExtractError`."""
    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        raise ExtractError(f"{path}: cannot be rendered ({exc})") from exc
    try:
        images: dict[int, Image.Image] = {}
        for number in pages:
            if not 1 <= number <= len(pdf):
                raise ExtractError(f"{path}: has no page {number} (it has {len(pdf)})")
            page = pdf[number - 1]
            images[number] = page.render(scale=scale).to_pil().convert("RGB")
            page.close()
        return images
    finally:
        pdf.close()


def to_pixels(box: tuple[float, ...] | list[float], scale: float) -> tuple[int, ...]:
    """A box in points ([x0, top, x1, bottom]) in the picture's pixels."""
    return tuple(round(v * scale) for v in box)
