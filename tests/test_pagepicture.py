"""`dhrplan debug`: the page picture shows the reader's own grid."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from sample_facts import SAMPLES

from dhrplan.cli import main
from dhrplan.pagepicture import CUT, GRID, draw_page
from dhrplan.pipeline import convert_file

FIXTURE = Path(__file__).parent / "fixtures" / "council-plan.pdf"


def _rounded(box: tuple[float, ...] | list[float]) -> tuple[float, ...]:
    return tuple(round(v, 1) for v in box)


def test_picture_is_the_page_with_the_readers_grid_drawn() -> None:
    picture = draw_page(FIXTURE, 1)
    pdf = pdfium.PdfDocument(str(FIXTURE))
    width, height = pdf[0].get_size()
    pdf.close()
    assert picture.image.size == (round(width * 2), round(height * 2))
    drawn = {_rounded(box) for box in picture.cells}
    read = {_rounded(r.bbox) for rec in convert_file(FIXTURE).recommendations
            for r in rec.source_regions if r.page == 1 and r.bbox and r.action is None}
    assert read and read <= drawn  # every cell a record was read from is drawn
    pixels = picture.image.load()
    for x0, top, x1, _ in picture.cells:  # the grid's colour on each cell's top edge
        x, y = round((x0 + x1) / 2 * 2), round(top * 2)
        assert pixels[x, y] in (GRID[:3], CUT[:3]), (x0, top)


def test_cut_cells_and_headings_are_marked() -> None:
    picture = draw_page(SAMPLES / "somerset-dhr-012-action-plan.pdf", 2)
    assert picture.cut  # the first row continues page 1's last
    assert any(box in picture.cells for box in picture.cut)
    first = draw_page(SAMPLES / "somerset-dhr-012-action-plan.pdf", 1)
    assert first.kept and first.fills


def test_inferred_columns_and_dropped_page_labels_are_marked() -> None:
    picture = draw_page(FIXTURE.with_name("council-plan-borderless.pdf"), 1)
    assert picture.inferred == ["rows and columns from text alignment"]
    assert "Page 1 of 5" in picture.dropped
    assert "Avon and Somerset Police" in picture.kept


def test_debug_command_writes_png(tmp_path: Path) -> None:
    out = tmp_path / "page.png"
    assert main(["debug", str(FIXTURE), "--page", "1", "-o", str(out)]) == 0
    assert Image.open(out).size == draw_page(FIXTURE, 1).image.size


def test_debug_command_bad_page_is_one_line(tmp_path: Path, capsys) -> None:
    out = tmp_path / "page.png"
    assert main(["debug", str(FIXTURE), "--page", "99", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "has no page 99" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
