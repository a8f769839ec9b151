"""Text of the fixture PDFs as poppler's `pdftotext` writes it
(tests/fixtures/make_layout_exports.py): with `-layout`, each page on a grid of characters,
read by `extract/layouttext.py`; without, the text in reading order, which keeps no table
and is refused or read as running text, said.

A layout export gives the records its PDF gives, but for the fields named in `LOST`: what the
export lost with the page (the space after a paragraph, the cells' shading) and what the
reader cannot yet tell from the characters' places. Every record of a layout export that
differs from what a person reads in the plan carries a warning on that field, or on the
whole record, but for the one named in `UNWARNED`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_view import CORPUS, WARNING_FIELD, differences, expected, table_plans
from test_pdf_crossformat import FIELDS, records

from dhrplan.extract.layouttext import (
    _row_key,
    anchors,
    is_header_line,
    is_layout_text,
    split_line,
)
from dhrplan.extract.model import ExtractError, TableFragment
from dhrplan.extract.readercodes import LAYOUT_TEXT, message_code
from dhrplan.extract.text import read_text
from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = CORPUS / "exports"
FIXTURE_EXPORTS = ROOT / "tests" / "fixtures" / "exports"

SPACED = (
    "a paragraph end the PDF shows by the space after it, its line nearly full: the layout "
    "text keeps the lines only, as the <br> exports do (tests/test_corpus_exports.py; warned)"
)
OWNER_LINES = (
    "two owners on two lines, the first nearly leaving room for the second's first word: "
    "read as one wrapped name, as in the <br> exports (warned)"
)
COLOUR = "the RAG cell's shading, the status's only sign, is not in a text export (warned)"
ROW_SPLIT = (
    "a row without a number whose second paragraph starts afresh beside capitalised cells: "
    "read as a row of its own (the table says its rows may be wrong)"
)
LIST_ABOVE = (
    "bullets under a recommendation's paragraph above its table are left out of its text"
)

RUN_TOGETHER = (
    "action rows under one merged recommendation, no number of their own: the layout "
    "cannot tell where one ends, so the actions, dates and statuses are one row's "
    "(warned, paragraphs_unsure on the actions; the status rolled up from its lines)"
)

BARE_NUMBER_LINE = (
    "a cell's last line that is a number alone ('2025' of 'Tachwedd 2025 / November 2025'), "
    "under the table's last row: read as the page's number, so the date lost its year (warned)"
)

LOST: dict[str, dict[tuple[int, str], str]] = {
    "business-plan-by-when-conditions": {(1, "actions"): SPACED},
    "horizon-parts-tick-columns": {(2, "text"): SPACED},
    "narrow-broken-headers": {(3, "owners"): OWNER_LINES},
    "parts-restart-numbering": {(5, "text"): SPACED},
    "rag-shading-key": {
        **{(i, "status"): COLOUR for i in range(8)},
        (4, "text"): SPACED,
    },
    "rec-paragraph-above-table": {
        (2, "actions"): ROW_SPLIT, (2, "owners"): ROW_SPLIT, (3, "text"): LIST_ABOVE,
    },
    "single-and-multi-agency-tables": {(1, "text"): SPACED, (5, "owners"): OWNER_LINES},
    "sar-learning-evidence-status": {(3, "text"): SPACED},
    "lead-merged-over-actions": {(0, "actions"): RUN_TOGETHER, (1, "actions"): RUN_TOGETHER},
    "welsh-bilingual-headers": {(3, "target_dates"): BARE_NUMBER_LINE},
}

UNWARNED = {("rec-paragraph-above-table", 3, "text"): LIST_ABOVE}
"""Differing records whose warnings do not name the field (the record warns of others)."""

SAMPLES = {
    "somerset-dhr-012-action-plan": ROOT / "samples" / "somerset-dhr-012-action-plan.pdf",
    "somerset-dhr-lily-action-plan": ROOT / "samples" / "somerset-dhr-lily-action-plan.pdf",
    "council-plan": ROOT / "tests" / "fixtures" / "council-plan.pdf",
    "home-office-template": ROOT / "tests" / "fixtures" / "home-office-template.pdf",
}
SAMPLE_LOST = {
    "somerset-dhr-012-action-plan": {(0, "text"): SPACED},
}


def _convert(path: Path) -> dict:
    return plan_to_dict(convert_file(path))


@pytest.mark.parametrize("plan", table_plans())
def test_a_layout_export_gives_what_its_pdf_gives(plan: str) -> None:
    want = expected(plan)
    doc = _convert(EXPORTS / f"{plan}.layout.txt")
    assert validation_errors(doc) == []
    from_pdf = set(differences(_convert(CORPUS / f"{plan}.pdf"), want))
    from_export = set(differences(doc, want))
    assert from_export - from_pdf == set(LOST.get(plan, {}))
    assert from_pdf - from_export == set()
    for i, record in enumerate(doc["recommendations"]):
        fields = {f for j, f in from_export if j == i}
        warned = {w["field"] for w in record["warnings"]}
        unwarned = {f for f in fields if (plan, i, f) not in UNWARNED}
        assert not unwarned or None in warned or {WARNING_FIELD[f] for f in unwarned} & warned


@pytest.mark.parametrize("stem", list(SAMPLES))
def test_a_fixtures_layout_text_gives_its_pdfs_records(stem: str) -> None:
    from_pdf, from_export = records(SAMPLES[stem]), records(FIXTURE_EXPORTS / f"{stem}.layout.txt")
    assert [(r["section"], r["number"]) for r in from_export] == [
        (r["section"], r["number"]) for r in from_pdf
    ]
    found = {
        (i, f) for i, (a, b) in enumerate(zip(from_pdf, from_export, strict=True))
        for f in FIELDS if a[f] != b[f]
    }
    assert found == set(SAMPLE_LOST.get(stem, {}))


@pytest.mark.parametrize(
    "path", sorted(EXPORTS.glob("*.plain.txt")) + sorted(FIXTURE_EXPORTS.glob("*.plain.txt")),
    ids=lambda p: p.name,
)
def test_text_in_reading_order_is_refused_or_warned(path: Path) -> None:
    """No table survives pdftotext without -layout: the file is refused saying so, or what
    is read from it as running text says that it may join or part cells wrongly."""
    try:
        plan = convert_file(path)
    except ExtractError as error:  # by the text reader, or as no plan's table at all
        assert "pdftotext -layout" in str(error) or "no action-plan table found" in str(error)
        return
    assert any(w.code == LAYOUT_TEXT for w in plan.warnings)
    assert all(record.warnings for record in plan.recommendations)


def test_which_texts_are_laid_out() -> None:
    layout = sorted(EXPORTS.glob("*.layout.txt")) + sorted(FIXTURE_EXPORTS.glob("*.layout.txt"))
    others = [*EXPORTS.glob("*.plain.txt"), *EXPORTS.glob("*.br.md"),
              *EXPORTS.glob("*.lines.tsv"), *(ROOT / "samples").glob("*.txt")]
    assert len(layout) == len(table_plans()) + 4
    assert all(is_layout_text(p.read_text("utf-8")) for p in layout)
    assert not any(is_layout_text(p.read_text("utf-8")) for p in others)


def test_a_layout_export_counts_its_pages() -> None:
    doc = read_text(FIXTURE_EXPORTS / "somerset-dhr-lily-action-plan.layout.txt")
    assert doc.format == "layout"
    assert doc.page_count == 3
    assert {b.page for b in doc.blocks if isinstance(b, TableFragment)} == {1, 2, 3}


TABLE = [
    "Ref   Recommendation              Lead          Target",
    "                                  agency        date",
    "R1    The CSP should review the   CSP Manager   March",
    "      referral pathway.                         2025",
    "R2    Schools should be told.     Education     2024/25",
]


def test_columns_start_where_lines_start() -> None:
    assert anchors(TABLE) == [0, 6, 34, 48]


WIDE = [0, 9, 61]
"""Ref, Action, Lead officer: the columns of tests/corpus/rec-rows-numbered-actions."""


@pytest.mark.parametrize(
    ("line", "columns", "cells"),
    [
        (TABLE[2], [0, 6, 34, 48], ["R1", "The CSP should review the", "CSP Manager", "March"]),
        (TABLE[3], [0, 6, 34, 48], ["", "referral pathway.", "", "2025"]),
        # a cell's line one space from the next column's text: cut where that column starts
        ("2.1      victim did not support a prosecution, checking that (Eastbridge Police)",
         WIDE, ["2.1", "victim did not support a prosecution, checking that",
                "(Eastbridge Police)"]),
        # a bullet set in the gutter starts the next cell, as the PDF path's "•"
        ("R4    Review the policy        \uf0b7 Brief staff  June", [0, 6, 34, 48],
         ["R4", "Review the policy", "• Brief staff", "June"]),
        # one piece across columns: a full-width row
        ("Recommendation 2: Agencies should make sure that every disclosure is heard",
         [0, 6, 34, 48], None),
    ],
)
def test_a_line_is_cut_into_cells(line: str, columns: list[int], cells: list[str] | None) -> None:
    found = split_line(line, columns)
    assert (found.cells if found else None) == cells


BRIEF = (
    "4.2      Brief ASC and Mental Health Trust practitioners on ASC Head of            September"
)
"""A row's first line in tests/corpus/rec-rows-numbered-actions, one space at a border."""
PROGRESS = "Progress          Complete – reminder issued 02/04/2025; first report made in June."
"""A form's last row (tests/corpus/form-four-columns), its progress merged across the row."""


@pytest.mark.parametrize(
    ("line", "columns", "first", "cells"),
    [
        # a row's first line: no cell begins with a word going on a phrase ("on")
        (BRIEF, [0, 7, 58, 83], True,
         ["4.2", "Brief ASC and Mental Health Trust practitioners on", "ASC Head of",
          "September"]),
        (BRIEF, [0, 7, 58, 83], False,
         ["4.2", "Brief ASC and Mental Health Trust practitioners", "on ASC Head of",
          "September"]),
        # and with no other word near the border, the phrase runs on across it
        (PROGRESS, [0, 18, 68, 90], True,
         ["Progress", "Complete – reminder issued 02/04/2025; first report made in June.", "",
          ""]),
        (PROGRESS, [0, 18, 68, 90], False,
         ["Progress", "Complete – reminder issued 02/04/2025; first report", "made in June.",
          ""]),
        # a later line: a cell's line goes on in lower case
        ("domestic abuse among surgeries, pharmacies and           ions group      2026",
         [0, 25, 56, 73], False,
         ["domestic abuse among", "surgeries, pharmacies and", "ions group", "2026"]),
    ],
)
def test_a_rows_first_line_is_cut_where_a_cell_can_begin(
    line: str, columns: list[int], first: bool, cells: list[str]
) -> None:
    found = split_line(line, columns, first=first)
    assert found is not None and found.cells == cells
    assert (1 in found.merged) is (cells[2] == "")
    assert found.unsure  # one space at a border: a word there may belong to either side


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("1", True), ("R3", True), ("2.1", True), ("a)", True), ("(b)", True), ("ii.", True),
        ("MARAC", False), ("Training", False), ("and", False),
    ],
)
def test_a_number_columns_row_starts(text: str, starts: bool) -> None:
    """Lettered action rows under a numbered recommendation's row start rows too."""
    assert _row_key(text) is starts


@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("Ref   Recommendation    Lead agency    Target date", True),
        ("Recommendation   Responsible   Update on progress   Achi   On   Give", True),
        ("MA3 Agencies should ensure   All agencies   September   Complete –", False),
        ("that interpreters used in    Police and health", False),
    ],
)
def test_header_lines(line: str, header: bool) -> None:
    assert is_header_line(line) is header


def test_layout_warnings_have_their_code() -> None:
    assert message_code("layout text: 1 table part with no number column") == LAYOUT_TEXT
    assert message_code("page numbers are inferred") == "reader"


PROSE = "\n".join([
    "Recommendation 1",
    "The Police should review its policy.  It should report to the Board.  Then it closes.",
    "The review found that agencies did not share information.  Agencies should meet.",
    "Recommendation 2",
    "The CSP should commission training.  Training should cover coercive control.",
    "Each agency should confirm.  The Board will monitor.",
])


@pytest.mark.parametrize(
    ("text", "laid_out"),
    [
        ("\n".join(TABLE), True),
        # two spaces after a full stop are a typing habit, no column
        (PROSE, False),
        ("| Ref | Recommendation |\n|---|---|\n| R1 | The CSP should   review |\n" * 3, False),
        ("Ref\tRecommendation\nR1\tThe CSP    should\n" * 3, False),
    ],
)
def test_layout_text_is_told_by_its_gaps(text: str, laid_out: bool) -> None:
    assert is_layout_text(text) is laid_out
