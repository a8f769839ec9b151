"""Borderless tables (no rulings at all) read from the text: the council plan written with its
borders removed reads as the ruled one does; pages with columns of text but no table of
action-plan columns (prose, contact lists, signature blocks) grow no table. Pages are drawn
with reportlab at run time, so the rules are pinned without LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dhrplan.extract.borderless import find_borderless, is_role_header
from dhrplan.extract.geometry import PageGeometry, PdfplumberSource
from dhrplan.extract.grid import Lattice
from dhrplan.extract.pdf import read_pdf
from dhrplan.extract.textgrid import TextGridSettings, find_tables

FIXTURES = Path(__file__).parent / "fixtures"
_, HEIGHT = A4
PITCH = 11.5
"""Line pitch of 10pt text, as Word sets it."""

Text = tuple[float, float, str, bool]
"""x of the text, line number (top = line 0), text, bold."""


def draw(path: Path, texts: list[Text], top: float = 80.0) -> PageGeometry:
    """One A4 page with each text drawn at its x and line; its geometry as read back."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for x, line, text, bold in texts:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
        c.drawString(x, HEIGHT - top - 9 - line * PITCH, text)
    c.showPage()
    c.save()
    source = PdfplumberSource(path)
    try:
        return source.page(1)
    finally:
        source.close()


def cells(lattice: Lattice, geometry: PageGeometry) -> list[list[str]]:
    """Each span's words, row by row, as a grid of texts (merged-away cells empty)."""
    grid = [["" for _ in range(lattice.n_cols)] for _ in range(lattice.n_rows)]
    for span in lattice.spans():
        words = [
            w for w in geometry.words
            if span.x0 <= w.xmid < span.x1 and span.top <= w.ymid < span.bottom
        ]
        grid[span.row][span.col] = " ".join(w.text for w in sorted(words, key=lambda w: (
            round(w.top), w.x0)))
    return grid


# Columns with text at 57 | 160 | 263 | 366 | 469 (100pt wide cells, 5.4pt padding).
C = [57, 160, 263, 366, 469]
HEADER: list[Text] = [
    (C[0], 0, "Recommendation", True), (C[1], 0, "Action", True), (C[2], 0, "Lead Agency", True),
    (C[3], 0, "Target Date", True), (C[4], 0, "Progress", True),
]


def test_role_words():
    assert is_role_header("Lead Agency") and is_role_header("Date of Completion and Outcome")
    assert is_role_header("No.") and is_role_header("Key Milestones")
    assert not is_role_header("Telephone") and not is_role_header("Name")


def test_table_with_a_recommendation_merged_over_two_actions(tmp_path):
    texts = [
        (57, 0, "Partnership plan", True),  # a heading above the table, not in it
        *[(x, line + 2, t, b) for x, line, t, b in HEADER],
        (C[0], 3, "Theme one: sharing information", True),  # a theme row across the gaps
        (C[0], 4, "1) Agencies should", False), (C[1], 4, "a. Write a", False),
        (C[2], 4, "SSP", False), (C[3], 4, "Dec 2024", False), (C[4], 4, "Complete", False),
        (C[0], 5, "share information", False), (C[1], 5, "briefing", False),
        # the second action: the recommendation runs on beside it (a soft wrap)
        (C[0], 6, "about risk with", False), (C[1], 6, "b. Audit cases", False),
        (C[2], 6, "Police", False), (C[3], 6, "Mar 2025", False),
        (C[0], 7, "the MARAC.", False),
        (C[0], 8, "Training", True),  # a theme row in the first column only
        (C[0], 9, "2) Train staff", False), (C[1], 9, "Run sessions", False),
        (C[2], 9, "Council", False), (C[3], 9, "Jun 2025", False),
        (57, 10, "This plan is reviewed each year by the partnership board and its", False),
    ]
    geometry = draw(tmp_path / "t.pdf", texts)
    [lattice] = find_tables(geometry)
    assert [round(x) for x in lattice.xs] == [52, 155, 258, 361, 464, 567]
    grid = cells(lattice, geometry)
    assert grid == [
        ["Recommendation", "Action", "Lead Agency", "Target Date", "Progress"],
        ["Theme one: sharing information", "", "", "", ""],
        ["1) Agencies should share information about risk with the MARAC.",
         "a. Write a briefing", "SSP", "Dec 2024", "Complete"],
        ["", "b. Audit cases", "Police", "Mar 2025", ""],
        ["Training", "", "", "", ""],
        ["2) Train staff", "Run sessions", "Council", "Jun 2025", ""],
    ]
    # the heading above and the paragraph spanning the gaps below stay outside
    assert lattice.ys[0] > geometry.words[0].bottom
    assert lattice.ys[-1] < max(w.top for w in geometry.words)


def test_table_ends_at_a_heading_before_the_next_table(tmp_path):
    second = [(x, line + 5, t, b) for x, line, t, b in HEADER]
    texts = [
        *HEADER,
        (C[0], 1, "1) Train staff", False), (C[1], 1, "Run sessions", False),
        (C[2], 1, "Council", False),
        (57, 3, "Children's Social Care services", True),  # heading across two columns
        (57, 4, "Police", True),  # a heading that fits in the first column
        *second,
        (C[0], 6, "1) Audit cases", False), (C[1], 6, "Dip sample", False),
        (C[2], 6, "CSC", False),
    ]
    geometry = draw(tmp_path / "t.pdf", texts)
    first, other = find_tables(geometry)
    assert cells(first, geometry)[1][:3] == ["1) Train staff", "Run sessions", "Council"]
    assert first.n_rows == 2 and other.n_rows == 2
    assert cells(other, geometry)[1][:3] == ["1) Audit cases", "Dip sample", "CSC"]


def test_text_under_the_last_row_is_not_in_the_table(tmp_path):
    texts = [
        *HEADER,
        (C[0], 1, "1) Train staff", False), (C[1], 1, "Run sessions", False),
        (C[2], 1, "Council", False), (C[1], 2, "for all teams", False),
        (C[1], 3, "in the county", False),
        (57, 4, "End of plan", False),  # fits the first column, but that column has ended
    ]
    geometry = draw(tmp_path / "t.pdf", texts)
    [lattice] = find_tables(geometry)
    assert cells(lattice, geometry)[-1][:2] == [
        "1) Train staff", "Run sessions for all teams in the county"
    ]
    assert lattice.ys[-1] < HEIGHT  # "End of plan" lies below
    end = next(w for w in geometry.words if w.text == "End")
    assert lattice.locate(end.xmid, end.ymid) is None


def test_columns_off_a_common_baseline_give_a_table_whose_rows_are_unsure(tmp_path):
    """Paragraph spacing moves one column's lines off the others' grid: rows cannot be told
    for sure line by line, so the table is built and says so on every row (rows_unsure),
    rather than its rows being lost without a word."""
    texts = [
        *HEADER,
        (C[0], 1, "1) Train staff", False), (C[1], 1, "Run sessions", False),
        (C[2], 1, "Council", False),
        (C[0], 2, "in the county", False), (C[1], 2.3, "b. Audit cases", False),
    ]
    [lattice] = find_tables(draw(tmp_path / "t.pdf", texts))
    assert lattice.rows_unsure and "baselines" in lattice.rows_unsure
    aligned = [*texts[:-1], (C[1], 2, "b. Audit cases", False)]
    [lattice] = find_tables(draw(tmp_path / "u.pdf", aligned))
    assert lattice.rows_unsure is None


# --- pages that must not grow a table ----------------------------------------------------

PROSE = (
    "The review panel met six times between March and October. Agencies were asked to "
    "provide chronologies and individual management reviews, and the chair interviewed "
    "family members where they agreed to take part in the review."
).split()


def prose_lines(first_line: int, x: float = 57, width: int = 90) -> list[Text]:
    texts, line, current = [], first_line, ""
    for word in PROSE * 2:
        if len(current) + len(word) + 1 > width:
            texts.append((x, line, current, False))
            line, current = line + 1, ""
        current = f"{current} {word}".strip()
    texts.append((x, line, current, False))
    return texts


NO_TABLE: dict[str, list[Text]] = {
    "a page of prose under a title": [
        (57, 0, "Executive Summary", True), *prose_lines(2), *prose_lines(10),
    ],
    "a two-column contact list": [
        (57, 0, "Agency", True), (260, 0, "Contact", True),
        *[
            t for i, (agency, who) in enumerate(
                [("Police", "DI Jones"), ("Council", "Ms Smith"), ("Health", "Dr Patel")]
            )
            for t in ((57, i + 1, agency, False), (260, i + 1, who, False))
        ],
    ],
    "a contact list with an unnamed column": [
        (57, 0, "Agency", True), (200, 0, "Lead officer", True), (340, 0, "Email", True),
        (57, 1, "Police", False), (200, 1, "DI Jones", False),
        (340, 1, "jones@police.example", False),
    ],
    "a signature block": [
        *prose_lines(0),
        (57, 8, "Signed:", True), (200, 8, "Date:", True), (340, 8, "Position:", True),
        (57, 10, "Chair of the Safer Somerset Partnership", False), (340, 10, "Chair", False),
    ],
    "a bold line of column names over prose": [
        (57, 0, "Action", True), (200, 0, "Lead", True), (340, 0, "Target date", True),
        *prose_lines(1),
    ],
}


@pytest.mark.parametrize("name", list(NO_TABLE))
def test_no_table(name, tmp_path):
    geometry = draw(tmp_path / "p.pdf", NO_TABLE[name])
    assert find_tables(geometry) == [], name


def test_borderless_can_be_switched_off(tmp_path):
    texts = [*HEADER, (C[0], 1, "1) Train", False), (C[1], 1, "Run", False)]
    geometry = draw(tmp_path / "t.pdf", texts)
    assert len(find_borderless(geometry)) == 1
    assert find_tables(geometry, settings=TextGridSettings(borderless=False)) == []


def test_ruled_fixtures_grow_no_borderless_table():
    """On the ruled and rules-between-rows plans every word sits in a ruled table or is a
    heading: the borderless reader finds nothing more."""
    for name in ("council-plan.pdf", "council-plan-hrules-plain.pdf"):
        source = PdfplumberSource(FIXTURES / name)
        try:
            for number in range(1, source.page_count + 1):
                geometry = source.page(number)
                off = find_tables(geometry, settings=TextGridSettings(borderless=False))
                assert find_tables(geometry) == off
        finally:
            source.close()


@pytest.mark.parametrize(
    ("fixture", "how"),
    [
        ("council-plan-borderless.pdf", "rows and columns from text alignment"),
        ("council-plan-hrules.pdf", "columns from the gaps between words"),
    ],
)
def test_inferred_grids_are_named_in_a_warning(fixture: str, how: str) -> None:
    document = read_pdf(Path(__file__).parent / "fixtures" / fixture)
    assert document.warnings == [
        f"tables drawn without full ruling lines on page(s) 1, 2, 3, 4, 5: {how}"
    ]


def test_fully_ruled_tables_need_no_such_warning() -> None:
    assert read_pdf(Path(__file__).parent / "fixtures" / "council-plan.pdf").warnings == []


def test_a_table_with_no_rules_and_a_plain_header_is_read() -> None:
    """python-docx's unstyled table printed by LibreOffice: no rules, and a header that is not
    bold. A header line naming four or more columns, every one of them, starts the table."""
    from dhrplan.output.jsondoc import plan_to_dict
    from dhrplan.pipeline import convert_file

    doc = plan_to_dict(convert_file(FIXTURES / "borderless-plain-header.pdf"))
    assert [r["number"] for r in doc["recommendations"]] == ["1.1", "1.2", "2.1"]
    assert [r["target_dates"][0]["end"] for r in doc["recommendations"]] == [
        "2025-06-30", "2025-06-30", "2025-09-30",
    ]
    assert [c["role"] for c in doc["tables"][0]["columns"]] == [
        "number", "recommendation", "action", "owner", "target", "completion",
    ]
