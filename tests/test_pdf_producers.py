"""The council fixture plan from other producers gives the records of its LibreOffice PDF:
reportlab drawing each cell's rules itself and leaving the row cut by a page break open (no
rule under it), and Chromium printing the plan's HTML tables (borders as filled rectangles,
CSS padding, header rows repeated by `<thead>`, tagged). Built by
tests/fixtures/make_producers.py; the PDFs are committed."""

from __future__ import annotations

from pathlib import Path

import pytest
from same_records import differences, records

from dhrplan.extract.geometry import Segment
from dhrplan.extract.grid import find_lattices
from dhrplan.extract.model import Heading, TableFragment
from dhrplan.extract.pdf import read_pdf

FIXTURES = Path(__file__).parent / "fixtures"
LIBREOFFICE = FIXTURES / "council-plan.pdf"
REPORTLAB = FIXTURES / "council-plan-reportlab.pdf"
CHROMIUM = FIXTURES / "council-plan-chromium.pdf"
BACKENDS = ["pdfium", "pdfplumber"]

CHROMIUM_DIFFERENCES = [
    *(f"avon-and-somerset-police-{n}: {field}"
      for n, fields in (("1", ("text", "warnings")), ("2", ("text", "warnings")),
                        ("3", ("warnings",)), ("1-2", ("text", "warnings")),
                        ("2-2", ("text", "warnings")), ("3-2", ("text", "warnings")))
      for field in fields),
]
"""Where the Chromium PDF's records differ from the untagged LibreOffice PDF's, and why:
its tags keep the two paragraphs of each police recommendation that the LibreOffice page
joins, and so it needs none of the untagged page's warnings that a break may end a paragraph
(as the tagged LibreOffice PDF does, see test_pdf_tagged; in the second round of
recommendation 3 the paragraph break also falls where LibreOffice's page break cut the
cell), so no milestones need re-splitting. Chromium draws the list's bullets as shapes, not
text: they are read back as bullets (`geometry.drawn_bullets`), so the social care items
are the LibreOffice page's."""


@pytest.mark.parametrize("backend", BACKENDS)
def test_reportlab_gives_the_libreoffice_records(backend):
    expected = records(LIBREOFFICE, backend)
    assert len(expected) == 9
    assert differences(expected, records(REPORTLAB, backend)) == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_open_rows_at_page_breaks_stay_in_the_table(backend):
    """Rows cut at the foot of pages 1 to 3 have no rule under them: their text hangs below
    the last horizontal rule, between the column rules, and is read as the table's."""
    doc = read_pdf(REPORTLAB, backend=backend)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [
        "Somerset Domestic Homicide Review 099 Action Plan", "Avon and Somerset Police",
        "Children's Social Care", "Safer Somerset Partnership", "End of plan",
    ]
    first = next(b for b in doc.blocks if isinstance(b, TableFragment))
    cut = first.rows[-1]
    assert cut.cells[0].text.startswith("2) Where DASH assessments are changed")
    assert cut.cells[1].text == "Local"


def ruled(bottom_overrun: float, top_overrun: float = 0.0) -> list[Segment]:
    """A 2 x 2 table ruled at y = 100, 150, 200 whose column rules run on past its last
    horizontal rule by `bottom_overrun` (and before its first by `top_overrun`)."""
    xs, ys = (50, 150, 250), (100, 150, 200)
    top, bottom = ys[0] - top_overrun, ys[-1] + bottom_overrun
    return [Segment(x, top, x, bottom) for x in xs] + [
        Segment(xs[0], y, xs[-1], y) for y in ys
    ]


@pytest.mark.parametrize(
    ("bottom", "top", "ys"),
    [
        (0.0, 0.0, [100, 150, 200]),
        (2.0, 0.0, [100, 150, 200]),  # rules overshooting a little: no open row
        (80.0, 0.0, [100, 150, 200, 280]),  # the row the page break left open
        (0.0, 40.0, [60, 100, 150, 200]),  # the rest of a cut row, without its top rule
    ],
)
def test_column_rules_past_the_last_rule_hold_an_open_row(bottom, top, ys):
    (lattice,) = find_lattices(ruled(bottom, top))
    assert [round(y) for y in lattice.ys] == ys
    assert lattice.n_cols == 2
    assert all(all(walls) for walls in lattice.h_walls)


@pytest.mark.parametrize("backend", BACKENDS)
def test_chromium_gives_the_libreoffice_records(backend):
    expected = records(LIBREOFFICE, backend)
    got = records(CHROMIUM, backend)
    assert differences(expected, got) == CHROMIUM_DIFFERENCES
    by_id = {r["id"]: r for r in got}
    assert by_id["children-s-social-care-1"]["text"].split("\n")[1:] == [
        "• Clarity of recording", "• Rationale for decision making",
        "• Management oversight of progress on actions", "• The voice and experience of the child",
    ]
    tagged = {r["id"]: r for r in records(FIXTURES / "council-plan-tagged.pdf", backend)}
    assert by_id["avon-and-somerset-police-1"]["text"] == tagged["avon-and-somerset-police-1"][
        "text"
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_chromium_tables_borders_as_rectangles_headers_repeated(backend):
    """Every border is a thin filled rectangle; `<thead>` repeats the header row on each
    page, and stitching drops the repeats; words are split at the gaps Skia leaves (it writes
    no space characters)."""
    doc = read_pdf(CHROMIUM, backend=backend)
    tables = [b for b in doc.blocks if isinstance(b, TableFragment)]
    assert [t.page for t in tables] == [1, 2, 3, 4, 4, 5]
    for table in tables[:5]:
        assert table.rows[0].texts[:2] == ["Recommendation", "Scope"]
        assert table.rows[0].cells[0].fill == "#d9d9d9"
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [
        "Somerset Domestic Homicide Review 099 Action Plan", "Avon and Somerset Police",
        "Children's Social Care", "Safer Somerset Partnership", "End of plan",
    ]
