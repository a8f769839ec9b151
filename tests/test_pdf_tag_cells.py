"""Tagged PDFs: the structure tree's table cells (TD, TH) place words the page's grid puts
in the neighbouring cell (extract/tagcells.py); where the tags cannot be followed the grid
decides and a warning (code tags_fallback) says so. The fixture is the Chromium plan with an
e-mail address running on over its column rule, and the LibreOffice plan with the address
in a paragraph indented past the cell's right edge (tests/fixtures/make_tag_cells.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from same_records import differences, records

from dhrplan.extract import geometry, pdf_page
from dhrplan.extract.geometry import PageGeometry, Segment, Word, in_tag_order
from dhrplan.extract.grid import find_lattices
from dhrplan.extract.model import TableFragment
from dhrplan.extract.pdf import _read_pages, read_pdf
from dhrplan.extract.pdf_page import layout_page
from dhrplan.extract.tagcells import TagPlacement
from dhrplan.extract.tags import TAGS_FALLBACK, warning_code

FIXTURES = Path(__file__).parent / "fixtures"
OVERFLOW = FIXTURES / "council-plan-chromium-overflow.pdf"
INDENT = "council-plan-indent"
EMAIL = "DA.Lead@avonandsomerset.police.uk"
BACKENDS = ["pdfium", "pdfplumber"]


BRIEFING = "Briefing to be written outlining positive proactive approach"


@pytest.mark.parametrize("backend", BACKENDS)
def test_tags_keep_an_overflowing_address_in_its_cell(backend):
    """Recommendation 3: the address's middle lies in the empty Key Milestones cell beside
    its own; its TD says it is the action holder's second paragraph. Recommendation 1: the
    address alone runs on over the milestones' first line. Only those owners differ from the
    plan without them."""
    got = {r["id"]: r for r in records(OVERFLOW, backend)}
    third = got["avon-and-somerset-police-3"]
    assert [o["name"] for o in third["owners"]] == ["Detective Inspector Phil Jones", EMAIL]
    assert third["milestones"] == []
    first = got["avon-and-somerset-police-1"]
    assert [o["name"] for o in first["owners"]] == [EMAIL]
    assert first["milestones"][0] == BRIEFING
    plain = records(FIXTURES / "council-plan-chromium.pdf", backend)
    assert differences(plain, list(got.values())) == [
        "avon-and-somerset-police-1: owners", "avon-and-somerset-police-3: owners",
    ]
    assert not [w for w in read_pdf(OVERFLOW, backend=backend).warnings if "tag" in w]


def test_the_grid_alone_gives_the_address_to_the_neighbour(monkeypatch):
    """What the tags fix: read by the grid alone, the address is a milestone."""
    monkeypatch.setattr(pdf_page, "place_by_tags", lambda *args: TagPlacement())
    got = {r["id"]: r for r in records(OVERFLOW)}
    third = got["avon-and-somerset-police-3"]
    assert third["milestones"] == [EMAIL]
    assert [o["name"] for o in third["owners"]] == ["Detective Inspector Phil Jones"]
    assert got["avon-and-somerset-police-1"]["milestones"][0].startswith(EMAIL)


def test_without_the_tags_order_pdfium_interleaves_overlapping_text(monkeypatch):
    """PDFium lists the characters of the address and of the milestone under it by
    position, letter by letter; the tags keep each one's characters together."""
    monkeypatch.setattr(geometry, "in_tag_order", lambda chars: chars)
    first = {r["id"]: r for r in records(OVERFLOW)}["avon-and-somerset-police-1"]
    assert first["milestones"][0] != BRIEFING and "Briefing" not in first["milestones"][0]
    assert [o["name"] for o in first["owners"]] != [EMAIL]


@dataclass
class Char:
    text: str
    mcid: int | None


def test_in_tag_order():
    chars = [Char(t, m) for t, m in
             [("a", 1), ("X", 2), ("b", 1), ("Y", 2), ("-", None), ("c", 3), ("+", None)]]
    assert "".join(c.text for c in in_tag_order(chars)) == "abXY-+c"
    plain = [Char(t, m) for t, m in [("a", 1), ("b", 1), ("-", None), ("c", 2)]]
    assert in_tag_order(plain) == plain


@pytest.mark.parametrize("backend", BACKENDS)
def test_libreoffice_tags_keep_an_indented_address_in_its_cell(backend):
    """Writer breaks the address only at the indent's end: "DA.Lead@avonandsomerset." lies
    over the Key Milestones cell. The tagged PDF gives the .docx's owners, and the records of
    the tagged plan without the address but for them; the untagged page gives the address's
    first part to the milestones (nothing on it says otherwise)."""
    docx = {r["id"]: r for r in records(FIXTURES / f"{INDENT}.docx")}
    got = records(FIXTURES / f"{INDENT}-tagged.pdf", backend)
    third = {r["id"]: r for r in got}["avon-and-somerset-police-3"]
    assert third["owners"] == docx["avon-and-somerset-police-3"]["owners"]
    assert [o["name"] for o in third["owners"]] == ["Detective Inspector Phil Jones", EMAIL]
    assert third["milestones"] == []
    before = records(FIXTURES / "council-plan-tagged.pdf", backend)
    assert differences(before, got) == ["avon-and-somerset-police-3: owners"]
    untagged = {r["id"]: r for r in records(FIXTURES / f"{INDENT}.pdf", backend)}
    assert untagged["avon-and-somerset-police-3"]["milestones"] == ["DA.Lead@avonandsomerset"]


def table_page(words: list[Word]) -> PageGeometry:
    """A ruled table of one row and three cells, x 100-200-300-400, y 300-360."""
    xs, ys = (100, 200, 300, 400), (300, 360)
    rules = [Segment(x, ys[0], x, ys[-1]) for x in xs] + [
        Segment(xs[0], y, xs[-1], y) for y in ys
    ]
    return PageGeometry(1, 500, 800, words, rules, 10, tagged=True)


def word(text: str, x0: float, x1: float, cell: int | None, line: int = 0) -> Word:
    top = 305 + 12 * line
    return Word(text, x0, top, x1, top + 10, "Arial", 10.0, cell, cell)


def texts(page: PageGeometry) -> tuple[list[str], int]:
    layout = layout_page(page, find_lattices(page.segments))
    (table,) = [b for b in layout.blocks if isinstance(b, TableFragment)]
    return table.rows[0].texts, layout.tag_cells_disagreeing


@pytest.mark.parametrize(
    ("words", "expected", "disagreeing"),
    [
        # the grid and the tags agree: the grid's cells
        ([word("Police", 105, 140, 1), word("Local", 205, 230, 2)], ["Police", "Local", ""], 0),
        # a word of cell 1 (one paragraph) running on over the rule, its middle in empty cell 2
        ([word("Lead", 105, 125, 1), word("averyveryverylongaddress", 105, 320, 1, 1)],
         ["Lead averyveryverylongaddress", "", ""], 0),
        # a cell of one word running on into a cell holding another tagged cell's text:
        # it goes where its text starts
        ([word("averyveryverylongaddress", 105, 320, 1), word("Later", 250, 280, 2, 1),
          word("on", 283, 295, 2, 1)],
         ["averyveryverylongaddress", "Later on", ""], 0),
        # untagged words (a repeated header, an artifact) stay where the grid puts them
        ([word("averyveryverylongaddress", 105, 320, None)],
         ["", "averyveryverylongaddress", ""], 0),
        # two tagged cells in one grid cell, with nowhere else to go: the grid decides
        ([word("One", 205, 225, 1), word("Two", 230, 250, 2)], ["", "One Two", ""], 1),
        # a tagged cell's words in cells far apart: the grid decides
        ([word("One", 105, 125, 1), word("Two", 105, 125, 1, 1), word("Far", 305, 325, 1)],
         ["One\nTwo", "", "Far"], 1),
    ],
)
def test_tag_cells(words, expected, disagreeing):
    assert texts(table_page(words)) == (expected, disagreeing)


def test_cells_the_grid_cannot_hold_are_named_in_a_warning():
    page = table_page([word("One", 205, 225, 1), word("Two", 230, 250, 2)])
    _, warnings, _ = _read_pages([(page, find_lattices(page.segments))])
    (warning,) = warnings
    assert warning.endswith("page 1 (1 cells)")
    assert warning_code(warning) == TAGS_FALLBACK


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("tagged PDF, but page(s) without tags: their paragraphs are read from the layout: 2",
         TAGS_FALLBACK),
        ("tagged PDF, but the tags of some cells are missing or disagree with the page; their "
         "paragraphs are read from the layout: page 1 (2 cells)", TAGS_FALLBACK),
        ("tables drawn without full ruling lines on page(s) 1: columns from the gaps between "
         "words", "reader"),
    ],
)
def test_warning_code(message, code):
    assert warning_code(message) == code
