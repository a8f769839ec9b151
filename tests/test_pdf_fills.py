"""Cell shading: each cell's fill colour ("#rrggbb") from the filled rectangles under it, the
same through both backends. The RAG fixture is the council plan (fully ruled) exported by
LibreOffice with its Progress cells shaded green, amber and red (make_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from same_records import differences, records

from dhrplan.extract.geometry import PdfplumberSource, rgb_hex
from dhrplan.extract.geometry_pdfium import PdfiumSource
from dhrplan.extract.model import Cell, TableFragment
from dhrplan.extract.pdf import read_pdf
from dhrplan.extract.stitch import stitch

FIXTURES = Path(__file__).parent / "fixtures"
RAG = FIXTURES / "council-plan-rag.pdf"
BACKENDS = ["pdfplumber", "pdfium"]
GREEN, AMBER, RED = "#00b050", "#ffc000", "#ff0000"
HEADER_GREY, THEME_GREY = "#d9d9d9", "#f2f2f2"


@pytest.mark.parametrize(
    ("components", "expected"),
    [
        ((0.8509803921,), "#d9d9d9"),  # gray
        ((0.0, 0.6901960784, 0.3137254901), GREEN),  # RGB, as LibreOffice writes 00B050
        ((1.0, 0.7529411764, 0.0), AMBER),
        ((0.0, 0.0, 0.0, 0.0), "#ffffff"),  # CMYK: no ink is white
        ((0.0, 1.0, 1.0, 0.0), RED),
        ((0.0, 0.0, 0.0, 1.0), "#000000"),
        ((), None),  # no colour given
        ((0.5, 0.5), None),  # no such colour space
        ((2.0, 0.0, 0.0), None),  # out of range (a pattern's operands)
        (("P0",), None),
    ],
)
def test_rgb_hex(components, expected):
    assert rgb_hex(components) == expected


def progress_fills(doc) -> dict[str, str | None]:
    (themes,) = [b for b in doc.blocks if isinstance(b, TableFragment) and b.width == 6]
    return {row.cells[5].text: row.cells[5].fill for row in themes.rows[1:]}


@pytest.fixture(scope="module", params=BACKENDS)
def rag(request):
    return read_pdf(RAG, backend=request.param)


def test_rag_progress_cells(rag):
    fills = progress_fills(rag)
    assert fills["Complete"] == GREEN
    assert fills["In progress"] == AMBER
    assert fills["Not started"] == RED
    assert fills["The wider community understand AFV."] is None


def test_header_and_theme_rows_shaded_the_rest_not(rag):
    tables = [b for b in rag.blocks if isinstance(b, TableFragment)]
    assert len(tables) == 6
    for table in tables:
        assert [c.fill for c in table.rows[0].cells] == [HEADER_GREY] * table.width
    themes = tables[-1]
    theme_rows = [r for r in themes.rows if r.cells[0].text in ("MARAC", "Communication")]
    assert [r.cells[0].fill for r in theme_rows] == [THEME_GREY, THEME_GREY]
    police = tables[0]
    assert all(c.fill is None for r in police.rows[1:] for c in r.cells)


def test_vertically_merged_cell_keeps_its_fill_below(rag):
    """The recommendation merged down over its actions: the cells it covers carry its fill
    (none here), and the Progress cells beside it keep their own."""
    (themes,) = [b for b in rag.blocks if isinstance(b, TableFragment) and b.width == 6]
    covered = [r.cells[1] for r in themes.rows if r.cells[1].merged]
    assert covered and all(c.fill is None for c in covered)
    assert [r.cells[5].fill for r in themes.rows if r.cells[1].merged][:2] == [AMBER, RED]


def test_fill_survives_stitching(rag):
    tables = [t for t in stitch(rag.blocks) if hasattr(t, "header")]
    (themes,) = [t for t in tables if len(t.header.cells) == 6]
    assert [c.fill for c in themes.header.cells] == [HEADER_GREY] * 6
    assert [r.cells[5].fill for r in themes.rows if r.cells[5].fill] == [GREEN, AMBER, RED]


def test_same_fills_from_both_backends():
    a, b = PdfplumberSource(RAG), PdfiumSource(RAG)
    try:
        for number in range(1, a.page_count + 1):
            fa, fb = a.page(number).fills, b.page(number).fills
            assert fa, f"page {number}"

            def rounded(fills):
                return [(round(f.x0, 3), round(f.top, 3), round(f.x1, 3), round(f.bottom, 3),
                         f.colour) for f in fills]

            assert rounded(fb) == rounded(fa), f"page {number}"
    finally:
        a.close()
        b.close()


def test_shading_does_not_change_the_records():
    """The RAG PDF gives the records of the plain council plan: shading is not text."""
    plain = records(FIXTURES / "council-plan.pdf")
    assert len(plain) == 9
    for backend in BACKENDS:
        assert differences(plain, records(RAG, backend)) == []


def drawn_pdf(path: Path) -> Path:
    """A 2x3 ruled table drawn by reportlab: a page-wide white background, a blue row band
    with one cell painted white over it, a CMYK cell, a gray cell, a highlight behind one
    word and borders drawn as thin filled rectangles (as Chromium draws them)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFillColorRGB(1, 1, 1)
    c.rect(0, 0, *A4, stroke=0, fill=1)
    xs, ys = [50, 200, 350, 500], [700, 660, 620]
    c.setFillColorRGB(0.2, 0.4, 0.8)
    c.rect(xs[0], ys[1], xs[3] - xs[0], ys[0] - ys[1], stroke=0, fill=1)  # row 0 band
    c.setFillColorRGB(1, 1, 1)
    c.rect(xs[1], ys[1], xs[2] - xs[1], ys[0] - ys[1], stroke=0, fill=1)  # white over it
    c.setFillColorCMYK(0, 1, 1, 0)
    c.rect(xs[0], ys[2], xs[1] - xs[0], ys[1] - ys[2], stroke=0, fill=1)
    c.setFillGray(0.5)
    c.rect(xs[1], ys[2], xs[2] - xs[1], ys[1] - ys[2], stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 0)
    c.rect(xs[2] + 5, ys[2] + 15, 30, 10, stroke=0, fill=1)  # a highlighted word
    c.setFillColorRGB(0, 0, 0)
    for x in xs:
        c.rect(x - 0.5, ys[-1], 1, ys[0] - ys[-1], stroke=0, fill=1)
    for y in ys:
        c.rect(xs[0], y - 0.5, xs[-1] - xs[0], 1, stroke=0, fill=1)
    c.setFont("Helvetica-Bold", 10)
    for i, text in enumerate(["Recommendation", "Action", "Owner"]):
        c.drawString(xs[i] + 5, ys[0] - 25, text)
    c.setFont("Helvetica", 10)
    for i, text in enumerate(["1. Review", "Audit", "SSP"]):
        c.drawString(xs[i] + 5, ys[1] - 25, text)
    c.showPage()
    c.save()
    return path


CMYK_RED = {"pdfplumber": RED, "pdfium": "#ee1d23"}
"""Device CMYK 0/1/1/0: pdfminer gives the components (converted naively), PDFium only its
own conversion (Adobe's CMYK table), so the two backends read CMYK shades differently."""


@pytest.mark.parametrize("backend", BACKENDS)
def test_reportlab_fills_painting_order_colour_spaces_and_thin_rectangles(tmp_path, backend):
    doc = read_pdf(drawn_pdf(tmp_path / "drawn.pdf"), backend=backend)
    (table,) = [b for b in doc.blocks if isinstance(b, TableFragment)]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Recommendation", "Action", "Owner"], ["1. Review", "Audit", "SSP"]
    ]
    assert [[c.fill for c in r.cells] for r in table.rows] == [
        ["#3366cc", None, "#3366cc"],  # the white cell painted over the band is not shaded
        # CMYK and gray; a highlight behind a word does not shade
        [CMYK_RED[backend], "#808080", None],
    ]


def test_cell_fill_is_not_part_of_equality():
    """Shading is kept for the layouts that read RAG from it, not compared as content."""
    assert Cell("Complete", fill=GREEN) == Cell("Complete")
