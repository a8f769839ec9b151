"""A header row printed again inside a table, mid-page (pasted by hand between rows, drawn
again by a generator, a `<th>` row in a web page's `<tbody>`), is dropped wherever it
appears, by every reader, and the records are those of the plan without it. Built by
tests/fixtures/make_repeated_headers.py; the files are committed."""

from __future__ import annotations

from pathlib import Path

import pytest
from same_records import differences, records

from dhrplan.extract.model import Table
from dhrplan.extract.pdf import read_pdf
from dhrplan.extract.stitch import same_header, stitch

FIXTURES = Path(__file__).parent / "fixtures"
PASTED = "council-plan-header-pasted"

MOVED_BREAKS = [
    "avon-and-somerset-police-2: text",
    "avon-and-somerset-police-2: warnings",
    "avon-and-somerset-police-1-2: warnings",
    "children-s-social-care-1: pages",
    "children-s-social-care-1: warnings",
    "marac-1: pages",
    "communication-2: pages",
]
"""The pasted rows push every later row down by their height, so the page breaks fall
elsewhere: police recommendation 2's first paragraph now ends at the foot of page 1, where
the page shows the break (it reads as the .docx has it, two paragraphs, with no warning
that a wrap may end one); the second round's recommendation 1 is cut elsewhere, and its
milestones are re-split; the social care row is cut by the break to page 5 (joined, with
its warning); the themes table moves to page 6. Nothing of the header's text is in any
record."""

CHROMIUM_MOVED_BREAKS = ["avon-and-somerset-police-3-2: text"]
"""In the Chromium print without the pasted rows a page break cut the second round's
recommendation 3 where it made a paragraph break of its own (see test_pdf_producers); moved,
the break no longer falls there, and the text reads as the .docx has it."""

PDFS = [
    pytest.param("council-plan.pdf", f"{PASTED}.pdf", MOVED_BREAKS, backend, id=f"ruled-{backend}")
    for backend in ("pdfium", "pdfplumber")
] + [
    pytest.param(f"{look}.pdf", f"{look}-header-pasted.pdf", MOVED_BREAKS, "pdfium", id=look)
    for look in ("council-plan-hrules", "council-plan-hrules-plain")
] + [
    pytest.param("council-plan-reportlab.pdf", "council-plan-reportlab-header-pasted.pdf", [],
                 "pdfium", id="reportlab"),
    pytest.param("council-plan-chromium.pdf", "council-plan-chromium-header-pasted.pdf",
                 CHROMIUM_MOVED_BREAKS, "pdfium", id="chromium"),
]


@pytest.mark.parametrize(("plain", "pasted", "expected", "backend"), PDFS)
def test_pdf_with_the_header_repeated_mid_page(plain, pasted, expected, backend):
    want = records(FIXTURES / plain, backend)
    assert len(want) == 9
    assert differences(want, records(FIXTURES / pasted, backend)) == expected


@pytest.mark.parametrize(
    "pasted",
    [f"{PASTED}.pdf", "council-plan-hrules-header-pasted.pdf",
     "council-plan-hrules-plain-header-pasted.pdf", "council-plan-reportlab-header-pasted.pdf",
     "council-plan-chromium-header-pasted.pdf"],
)
def test_the_repeat_is_read_mid_page_and_dropped(pasted):
    """The repeat really is inside a page's table (not at its top, where a page break puts
    Word's repeated header), and no stitched table keeps a row that repeats its header."""
    doc = read_pdf(FIXTURES / pasted)
    mid_page = [
        row for block in doc.blocks if hasattr(block, "rows")
        for row in block.rows[2:] if same_header(block.rows[0], row)
    ]
    assert mid_page
    tables = [t for t in stitch(doc.blocks) if isinstance(t, Table)]
    assert tables and not [r for t in tables for r in t.rows if same_header(t.header, r)]


@pytest.mark.parametrize("style", ["br.md", "lines.tsv"])
def test_text_export_with_the_header_repeated(style):
    want = records(FIXTURES / "exports" / f"council-plan.{style}")
    got = records(FIXTURES / "exports" / f"{PASTED}.{style}")
    assert differences(want, got) == MOVED_BREAKS


def test_docx_with_the_header_pasted_keeps_the_source_rows():
    """The same records; each record's `rows` still names its rows of the .docx, which now
    count the pasted header rows before them."""
    want = records(FIXTURES / "council-plan.docx")
    got = records(FIXTURES / f"{PASTED}.docx")
    moved = {r["id"] for r in want if r["rows"] != next(
        g["rows"] for g in got if g["id"] == r["id"])}
    assert differences(want, got) == [f"{i}: rows" for i in (r["id"] for r in want) if i in moved]
    by_id = {r["id"]: r for r in got}
    assert by_id["avon-and-somerset-police-1"]["rows"] == [[0, 1]]
    assert by_id["avon-and-somerset-police-2"]["rows"] == [[0, 3]]  # after the pasted row 2
    assert by_id["marac-1"]["rows"] == [[2, 2], [2, 3], [2, 4]]
    assert by_id["communication-2"]["rows"] == [[2, 7]]  # the theme row 6, the pasted row 5


def test_html_with_the_header_pasted():
    got = records(FIXTURES / "html" / f"{PASTED}.html")
    want = records(FIXTURES / "council-plan.docx")
    assert [r["id"] for r in got] == [r["id"] for r in want]
    assert all("Recommendation" not in a["text"] for r in got for a in r["actions"])
    by_id = {r["id"]: r for r in got}
    assert by_id["avon-and-somerset-police-2"]["rows"] == [[0, 3]]
    assert by_id["communication-2"]["rows"] == [[2, 7]]
