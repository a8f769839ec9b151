"""The pdfium backend gives what the default pdfplumber backend gives: the same Document (block
by block, row by row, cell text and bold), the same records, the same words and rulings per
page, and the same error messages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdf_builders import image_only_pdf, table_pdf, text_only_pdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from test_pdf_generated import SAMPLE  # tests/ is on sys.path under pytest

from dhrplan.extract.geometry import PageGeometry, PdfplumberSource
from dhrplan.extract.geometry_pdfium import PdfiumSource
from dhrplan.extract.model import ExtractError, TableFragment
from dhrplan.extract.pdf import read_pdf
from dhrplan.pipeline import Options, convert_file

ROOT = Path(__file__).parent.parent
PDFS = [*sorted((ROOT / "samples").glob("*.pdf")), ROOT / "tests" / "fixtures" / "council-plan.pdf"]


@pytest.fixture(scope="module", params=PDFS, ids=lambda p: p.stem)
def pair(request):
    path = request.param
    return read_pdf(path, backend="pdfplumber"), read_pdf(path, backend="pdfium")


def test_same_document(pair):
    plumber, pdfium_doc = pair
    assert pdfium_doc.page_count == plumber.page_count
    assert pdfium_doc.warnings == plumber.warnings
    assert len(pdfium_doc.blocks) == len(plumber.blocks)
    for a, b in zip(plumber.blocks, pdfium_doc.blocks, strict=True):
        assert type(b) is type(a)
        if isinstance(a, TableFragment):
            assert (b.page, len(b.rows)) == (a.page, len(a.rows))
            for row_a, row_b in zip(a.rows, b.rows, strict=True):
                assert [(c.text, c.bold) for c in row_b.cells] == [
                    (c.text, c.bold) for c in row_a.cells
                ]
                assert row_b.pages == row_a.pages
        assert b == a
    assert pdfium_doc == plumber
    assert sum(isinstance(b, TableFragment) for b in plumber.blocks) > 0


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_same_records(path):
    def records(backend: str) -> list[dict]:
        plan = convert_file(path, Options(backend=backend))
        return [dataclasses.asdict(r) for r in plan.recommendations]

    plumber = records("pdfplumber")
    assert plumber
    assert records("pdfium") == plumber


def rounded(geometry: PageGeometry) -> tuple:
    def r(v: float) -> float:
        return round(v, 3)

    words = [
        (w.text, r(w.x0), r(w.top), r(w.x1), r(w.bottom), w.fontname, r(w.size))
        for w in geometry.words
    ]
    segments = sorted((r(s.x0), r(s.top), r(s.x1), r(s.bottom)) for s in geometry.segments)
    return r(geometry.width), r(geometry.height), geometry.char_count, words, segments


def same_geometry(path: Path) -> None:
    a, b = PdfplumberSource(path), PdfiumSource(path)
    try:
        assert b.page_count == a.page_count
        for number in range(1, a.page_count + 1):
            assert rounded(b.page(number)) == rounded(a.page(number)), f"page {number}"
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_same_words_and_rulings(path):
    """Words (text, box to 1/1000 pt, font name with its subset tag, size) and rulings."""
    same_geometry(path)


def transformed_pdf(path: Path) -> Path:
    """Text under a scaled CTM, horizontal scaling, rise and rotation; a stroked rectangle, a
    filled one, a line, a closed path with a curve; a grid and bold text in a form XObject."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(72, 760, "Plain text")
    c.saveState()
    c.translate(100, 700)
    c.scale(2, 1.5)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(0, 0, "Scaled")
    c.restoreState()
    text = c.beginText(72, 640)
    text.setFont("Times-Roman", 12)
    text.setHorizScale(150)
    text.textLine("Wide")
    text.setRise(5)
    text.textLine("Risen")
    c.drawText(text)
    c.saveState()
    c.translate(400, 600)
    c.rotate(90)
    c.drawString(0, 0, "Sideways")
    c.restoreState()
    c.rect(50, 50, 200, 100, stroke=1, fill=0)
    c.rect(300, 50, 100, 50, stroke=0, fill=1)
    c.line(50, 200, 400, 200)
    p = c.beginPath()
    p.moveTo(50, 250)
    p.lineTo(100, 250)
    p.lineTo(100, 300)
    p.curveTo(120, 320, 140, 320, 160, 300)
    p.close()
    c.drawPath(p)
    c.beginForm("grid")
    for i in range(4):
        c.line(50, 400 + 40 * i, 450, 400 + 40 * i)
    for x in (50, 250, 450):
        c.line(x, 400, x, 520)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, 505, "Form header")
    c.endForm()
    c.saveState()
    c.translate(20, 20)
    c.scale(0.9, 0.9)
    c.doForm("grid")
    c.restoreState()
    c.showPage()
    c.save()
    return path


def test_transforms_paths_and_forms(tmp_path):
    same_geometry(transformed_pdf(tmp_path / "transforms.pdf"))


def reboxed(source: Path, target: Path, rotation: int = 0, boxes: bool = False) -> Path:
    pdf = pdfium.PdfDocument(source)
    for page in pdf:
        page.set_rotation(rotation)
        if boxes:
            left, bottom, right, top = page.get_mediabox()
            page.set_mediabox(left - 30, bottom - 40, right + 20, top + 10)
            page.set_cropbox(left + 10, bottom + 5, right - 15, top - 25)
    pdf.save(target)
    pdf.close()
    return target


@pytest.mark.parametrize("rotation", [90, 270])
def test_rotated_pages(tmp_path, rotation):
    table = table_pdf(tmp_path / "table.pdf", 2)
    path = reboxed(table, tmp_path / f"rot{rotation}.pdf", rotation=rotation)
    same_geometry(path)
    assert read_pdf(path, backend="pdfium") == read_pdf(path, backend="pdfplumber")


def test_media_box_offset_and_crop_box(tmp_path):
    table = table_pdf(tmp_path / "table.pdf", 2)
    path = reboxed(table, tmp_path / "boxes.pdf", boxes=True)
    same_geometry(path)
    assert read_pdf(path, backend="pdfium") == read_pdf(path, backend="pdfplumber")


def test_generated_table(tmp_path):
    path = table_pdf(tmp_path / "t.pdf", 3)
    doc = read_pdf(path, backend="pdfium")
    assert doc == read_pdf(path, backend="pdfplumber")
    assert doc.blocks[0].rows[0].texts == ["Recommendation", "Action", "Owner", "Target Date"]
    assert doc.blocks[0].rows[0].cells[0].bold and not doc.blocks[0].rows[1].cells[0].bold


def messages(path: Path, **kwargs) -> tuple[str, str]:
    found = []
    for backend in ("pdfplumber", "pdfium"):
        with pytest.raises(ExtractError) as info:
            read_pdf(path, backend=backend, **kwargs)
        found.append(str(info.value))
    return found[0], found[1]


def test_encrypted_same_messages(tmp_path):
    path = table_pdf(tmp_path / "locked.pdf", 1, encrypt="s3cret")
    plumber, pdfium_msg = messages(path)
    assert pdfium_msg == plumber
    assert pdfium_msg.endswith("PDF is encrypted; pass its password with --password")
    plumber, pdfium_msg = messages(path, password="nope")
    assert pdfium_msg == plumber
    assert pdfium_msg.endswith("PDF is encrypted and the password is wrong")
    assert read_pdf(path, password="s3cret", backend="pdfium") == read_pdf(
        path, password="s3cret", backend="pdfplumber"
    )


def test_scan_no_text_and_not_a_pdf(tmp_path):
    plumber, pdfium_msg = messages(image_only_pdf(tmp_path / "scan.pdf"))
    assert pdfium_msg == plumber and "no text layer" in pdfium_msg

    plumber, pdfium_msg = messages(text_only_pdf(tmp_path / "minutes.pdf"))
    assert pdfium_msg == plumber and pdfium_msg.endswith("no action-plan table found")

    fake = tmp_path / "notes.pdf"
    fake.write_text("Recommendation\tScope\n")
    plumber, pdfium_msg = messages(fake)
    assert pdfium_msg == plumber and pdfium_msg.endswith("not a PDF file")


def test_truncated(tmp_path):
    """The reason in brackets names each parser's own exception; the rest is the same."""
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(SAMPLE.read_bytes()[:2000])
    with pytest.raises(ExtractError, match=r"cut\.pdf: corrupt or truncated PDF \(PdfiumError\)"):
        read_pdf(cut, backend="pdfium")


def test_max_pages(tmp_path):
    path = table_pdf(tmp_path / "long.pdf", 3)
    plumber, pdfium_msg = messages(path, max_pages=2)
    assert pdfium_msg == plumber


def test_a_space_pdfium_generates_for_a_glyph_still_parts_the_words():
    """A Chromium print (tests/fixtures/make_generated_spaces.py) where PDFium reports the
    space glyph after "IDVA" as one of its own: the words stay apart, as pdfminer reads
    them, rather than "IDVAservice"; every word is pdfminer's."""
    path = ROOT / "tests" / "fixtures" / "chromium-generated-spaces.pdf"
    a, b = PdfplumberSource(path), PdfiumSource(path)
    try:
        texts = [w.text for w in b.page(1).words]
        assert texts == [w.text for w in a.page(1).words]
    finally:
        a.close()
        b.close()
    assert "IDVAservice" not in texts
    assert texts.count("service") >= 2
