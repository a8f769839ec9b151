"""PDFs the tests build at run time with reportlab: a ruled table, a scan, text with no plan."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas


def table_pdf(path: Path, pages: int, **canvas_args) -> Path:
    """`pages` pages, each a ruled 4x5 table with a bold header and a page footer."""
    c = canvas.Canvas(str(path), pagesize=landscape(A4), **canvas_args)
    _, height = landscape(A4)
    xs = [40, 200, 400, 600, 800]
    ys = [height - 40 - i * 60 for i in range(6)]
    for page in range(pages):
        for x in xs:
            c.line(x, ys[0], x, ys[-1])
        for y in ys:
            c.line(xs[0], y, xs[-1], y)
        c.setFont("Helvetica-Bold", 10)
        for i, text in enumerate(["Recommendation", "Action", "Owner", "Target Date"]):
            c.drawString(xs[i] + 5, ys[0] - 12, text)
        c.setFont("Helvetica", 10)
        for r in range(1, 5):
            for i in range(4):
                c.drawString(xs[i] + 5, ys[r] - 12, f"r{r}c{i}")
        c.drawString(40, 20, f"Page {page + 1} of {pages}")
        c.showPage()
    c.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: a picture of text, no text layer."""
    picture = Image.new("RGB", (600, 300), "white")
    draw = ImageDraw.Draw(picture)
    draw.text((20, 20), "Recommendation 1: review the MARAC", fill="black")
    draw.rectangle((10, 10, 590, 290), outline="black")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 50, 400, width=500, height=250)
    page.showPage()
    page.save()
    return path


def text_only_pdf(path: Path) -> Path:
    """A PDF with a text layer but no action-plan table (minutes of a meeting)."""
    page = canvas.Canvas(str(path), pagesize=A4)
    for i, line in enumerate([
        "Safer Somerset Partnership: minutes of the board meeting",
        "The board noted the domestic homicide review and thanked the panel.",
        "Next meeting: March.",
    ]):
        page.drawString(72, 760 - 20 * i, line)
    page.showPage()
    page.save()
    return path
