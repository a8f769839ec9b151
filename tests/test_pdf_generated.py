"""PDFs built at run time with reportlab: failures named clearly, memory flat with pages."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import pytest
from pdf_builders import image_only_pdf, table_pdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dhrplan.extract.model import ExtractError, TableFragment
from dhrplan.extract.pdf import read_pdf

SAMPLE = Path(__file__).parent.parent / "samples" / "somerset-dhr-lily-action-plan.pdf"


def test_generated_table_and_footer(tmp_path):
    doc = read_pdf(table_pdf(tmp_path / "t.pdf", 2))
    assert [type(b).__name__ for b in doc.blocks] == ["TableFragment", "TableFragment"]
    first = doc.blocks[0]
    assert first.rows[0].texts == ["Recommendation", "Action", "Owner", "Target Date"]
    assert first.rows[0].cells[0].bold and not first.rows[1].cells[0].bold
    assert first.rows[4].texts == ["r4c0", "r4c1", "r4c2", "r4c3"]


def test_encrypted_needs_password(tmp_path):
    path = table_pdf(tmp_path / "locked.pdf", 1, encrypt="s3cret")
    with pytest.raises(ExtractError, match=r"locked\.pdf.*encrypted.*--password"):
        read_pdf(path)
    with pytest.raises(ExtractError, match=r"encrypted and the password is wrong"):
        read_pdf(path, password="nope")
    doc = read_pdf(path, password="s3cret")
    assert doc.blocks[0].rows[1].texts[0] == "r1c0"


def test_scan_needs_ocr(tmp_path):
    path = image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ExtractError, match=r"scan\.pdf.*no text layer.*OCR"):
        read_pdf(path)


def test_text_without_table(tmp_path):
    path = tmp_path / "letter.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 700, "Dear colleague, the action plan will follow.")
    c.showPage()
    c.save()
    with pytest.raises(ExtractError, match=r"letter\.pdf: no action-plan table found"):
        read_pdf(path)


def test_not_a_pdf_and_truncated(tmp_path):
    fake = tmp_path / "notes.pdf"
    fake.write_text("Recommendation\tScope\n")
    with pytest.raises(ExtractError, match=r"notes\.pdf: not a PDF"):
        read_pdf(fake)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(SAMPLE.read_bytes()[:2000])
    with pytest.raises(ExtractError, match=r"cut\.pdf: (corrupt|no action-plan|no text)"):
        read_pdf(cut)


def test_max_pages_and_unknown_backend(tmp_path):
    path = table_pdf(tmp_path / "long.pdf", 3)
    with pytest.raises(ExtractError, match=r"long\.pdf: 3 pages is more than the limit of 2"):
        read_pdf(path, max_pages=2)
    with pytest.raises(ExtractError, match="unknown PDF backend"):
        read_pdf(path, backend="tabula")


def memory(path: Path) -> tuple[int, int, int]:
    """(working memory: peak minus what is still held after reading, memory held after
    reading: mostly the returned Document, page count)."""
    gc.collect()
    tracemalloc.start()
    try:
        doc = read_pdf(path)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sum(isinstance(b, TableFragment) for b in doc.blocks) == doc.page_count
    return peak - held, held, doc.page_count


def test_memory_flat_with_page_count(tmp_path):
    """Pages are parsed one at a time and released: the working memory for 200 pages is that
    of 20; what grows is only the Document the reader returns, a few KB a page."""
    memory(table_pdf(tmp_path / "warm.pdf", 2))  # imports and caches are not the subject
    work_small, _, n_small = memory(table_pdf(tmp_path / "p20.pdf", 20))
    work_large, held_large, n_large = memory(table_pdf(tmp_path / "p200.pdf", 200))
    assert (n_small, n_large) == (20, 200)
    assert work_large < 2 * work_small + 512_000, (work_small, work_large)
    assert held_large < 200 * 20_000, held_large
