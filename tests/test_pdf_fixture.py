"""A plan written in Word (python-docx) and exported by LibreOffice, as councils publish them:
tests/fixtures/make_fixtures.py builds it; the PDF is committed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhrplan.extract.model import Heading, TableFragment
from dhrplan.extract.pdf import read_pdf

FIXTURE = Path(__file__).parent / "fixtures" / "council-plan.pdf"


@pytest.fixture(scope="module")
def plan():
    return read_pdf(FIXTURE)


def tables(doc, width: int) -> list[TableFragment]:
    return [b for b in doc.blocks if isinstance(b, TableFragment) and b.width == width]


def test_headings_without_page_footer(plan):
    headings = [b.text for b in plan.blocks if isinstance(b, Heading)]
    assert headings == [
        "Somerset Domestic Homicide Review 099 Action Plan",
        "Avon and Somerset Police",
        "Children's Social Care",
        "Safer Somerset Partnership",
        "End of plan",
    ]
    assert not any("Page" in h for h in headings)


def test_repeated_header_row_on_every_portrait_page(plan):
    police = tables(plan, 7)
    assert [f.page for f in police] == [1, 2, 3, 4, 4]
    for frag in police:
        assert frag.rows[0].cells[-1].text == "Date of Completion and Outcome"
        assert frag.rows[0].cells[0].text == "Recommendation"


def test_row_broken_across_pages(plan):
    page1, page2 = tables(plan, 7)[:2]
    assert page1.rows[-1].cells[0].text.endswith("The recording of decision making")
    cont = page2.rows[1]
    assert cont.cells[0].text == "rationale would allow for more effective ongoing case review."
    assert cont.cells[1].text == "" and cont.cells[3].text == ""
    assert cont.cells[4].text == "making rationale is clearly evidenced"


def test_lettered_items_and_bullets(plan):
    police = tables(plan, 7)
    assert police[0].rows[1].cells[2].text.split("\n")[1].startswith("b. To be raised")
    csc = police[-1].rows[1]
    assert csc.cells[0].text.split("\n")[1:] == [
        "• Clarity of recording",
        "• Rationale for decision making",
        "• Management oversight of progress on actions",
        "• The voice and experience of the child",
    ]
    assert csc.cells[1].text == "(Somerset county)"


def test_landscape_section_theme_rows_and_vertical_merge(plan):
    (themes,) = tables(plan, 6)
    assert themes.page == 5
    rows = [r.texts for r in themes.rows]
    assert rows[0] == ["No.", "Recommendation", "Action", "Lead Agency", "Target Date", "Progress"]
    assert rows[1] == ["MARAC", "", "", "", "", ""] and themes.rows[1].cells[0].bold
    assert rows[2][0] == "1"
    assert rows[2][1].split("\n")[0] == "Recommendation One"
    assert rows[2][3:] == ["SSP", "Autumn 2022", "Complete"]
    assert rows[3][:2] == ["", ""] and rows[3][3:] == ["Safelives", "Dec 22", "In progress"]
    assert rows[4][:2] == ["", ""] and rows[4][4:] == ["Summer 2023", "Not started"]
    assert rows[5] == ["Communication", "", "", "", "", ""]
    assert rows[6][1].endswith("what support there is for a victim of AFV.")
