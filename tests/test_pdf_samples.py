"""The two sample plans read as per-page table fragments with faithful cell text."""

from __future__ import annotations

import pytest
from sample_facts import AGENCIES, SAMPLES

from dhrplan.extract.model import Heading, TableFragment
from dhrplan.extract.pdf import read_pdf

SOMERSET = SAMPLES / "somerset-dhr-012-action-plan.pdf"
LILY = SAMPLES / "somerset-dhr-lily-action-plan.pdf"

HEADER_012 = [
    "Recommendation", "Scope", "Action Required", "Action Holder", "Key Milestones",
    "Target Date", "Date of Completion and Outcome",
]


@pytest.fixture(scope="module")
def somerset():
    return read_pdf(SOMERSET)


@pytest.fixture(scope="module")
def lily():
    return read_pdf(LILY)


def fragments(doc) -> list[TableFragment]:
    return [b for b in doc.blocks if isinstance(b, TableFragment)]


def row_starting(doc, prefix: str):
    for frag in fragments(doc):
        for row in frag.rows:
            if row.cells[0].text.startswith(prefix):
                return row
    raise AssertionError(f"no row starts with {prefix!r}")


def test_somerset_agency_headings(somerset):
    headings = [b.text for b in somerset.blocks if isinstance(b, Heading)]
    assert headings[:3] == [
        "Appendix B",
        "Somerset Domestic Homicide Review 012 Action Plan",
        "Agencies/Partnerships Who Are Allocated Actions Within This DHR",
    ]
    assert headings[3:] == AGENCIES


def test_somerset_fragments_every_page_seven_columns_with_header(somerset):
    assert somerset.format == "pdf" and somerset.page_count == 12
    plan = [f for f in fragments(somerset) if f.width == 7]
    assert sorted({f.page for f in plan}) == list(range(1, 13))
    for frag in plan:
        assert all(len(row.cells) == 7 and row.pages == [frag.page] for row in frag.rows)
        assert frag.rows[0].texts == HEADER_012
        assert all(cell.bold for cell in frag.rows[0].cells)


def test_somerset_contents_table_is_its_own_fragment(somerset):
    contents = fragments(somerset)[0]
    assert contents.width == 2 and len(contents.rows) == 11
    assert contents.rows[0].texts == ["Avon and Somerset Police", "2"]


def test_somerset_paragraphs_in_cells(somerset):
    police1 = row_starting(somerset, "1) The police should seek")
    assert police1.cells[0].text.split("\n")[1].startswith("A culture of approach")
    assert police1.cells[2].text == (
        "a. Forcewide circulation to Managers to directly brief operational staff.\n"
        "b. To be raised with the Force Domestic Abuse lead for consideration within the "
        "Force DA Action plan"
    )
    assert police1.cells[3].text == "Detective Inspector Phil Jones"
    assert police1.cells[4].text.split("\n") == [
        "Briefing to be written outlining positive proactive approach",
        "Briefing to be approved by Force DA Lead",
        "Briefing to be circulated",
    ]
    assert police1.cells[5].text == "Within 3 months of the completion of the DHR"
    assert police1.cells[6].text == "" and not police1.cells[0].bold


def test_somerset_bullets_and_narrow_column_wraps(somerset):
    csc1 = row_starting(somerset, "1) Ensure that all comprehensive")
    assert csc1.cells[0].text.split("\n") == [
        "1) Ensure that all comprehensive case audits address:",
        "• Clarity of recording",
        "• Rationale for decision making",
        "• Management oversight of progress on actions",
        "• The voice and experience of the child",
    ]
    assert csc1.cells[1].text == "(Somerset county)"


def test_somerset_row_cut_by_page_break_continues_on_next_page(somerset):
    page2 = [f for f in fragments(somerset) if f.page == 2][0]
    cont = page2.rows[1]
    assert cont.cells[0].text.startswith("The recording of decision making rationale")
    assert cont.cells[1].text == "" and cont.cells[4].text.startswith("produced and circulated.")


def test_lily_glossary_and_main_table(lily):
    glossary, main, *rest = fragments(lily)
    assert glossary.width == 2 and len(glossary.rows) == 9
    assert [r.cells[0].text for r in glossary.rows] == [
        "AFV", "ASC", "CCG", "DA", "DASH", "MARAC", "SSP", "SSAB", "SomFT",
    ]
    assert glossary.rows[3].texts == ["DA", "Domestic Abuse"]
    assert main.width == 8 and all(f.width == 8 for f in rest)
    assert main.rows[0].texts[1:3] == ["Recommendation", "Scope"]
    assert main.rows[0].texts[-1] == "Compltn date/Outcome"


def test_lily_theme_rows_are_first_cell_only(lily):
    themes = [
        row.cells[0].text
        for frag in fragments(lily)[1:]
        for row in frag.rows
        if row.filled() == [0] and row.cells[0].bold
    ]
    assert themes == ["MARAC", "Communication", "Training", "Other"]


def test_lily_broken_words_joined_and_numbered_actions(lily):
    rec1 = row_starting(lily, "1")
    assert rec1.cells[1].text.split("\n") == [
        "Recommendation One",
        "To carry out a review of the MARAC, its procedures, referrals by agencies and "
        "identification of support /safety planning offered to victims of domestic abuse.",
        "Ownership: Safer Somerset Partnership",
    ]
    assert [p[:2] for p in rec1.cells[3].text.split("\n")] == ["1 ", "2 ", "3.", "4."]
    assert rec1.cells[4].text == "SSP" and rec1.cells[4].bold
    assert rec1.cells[5].text.startswith("• Updated and improved operating of the MARAC")
    rec3 = row_starting(lily, "3")
    assert rec3.cells[6].text == "Summer 2023"
    rec6 = row_starting(lily, "6")
    assert rec6.cells[4].text == "Somerset Safeguarding Adult Board"
    assert row_starting(lily, "7.").cells[6].text == "Implemented"
    assert row_starting(lily, "8.").cells[6].text == "Ongoing"
