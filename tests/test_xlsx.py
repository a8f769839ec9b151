"""The combined workbook: sheets, frozen header and key columns, row heights, print set-up,
autofilter, real dates, no live formulas and no guard apostrophes."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from dhrplan import pipeline
from dhrplan.normalize.record import Plan
from dhrplan.output import xlsx
from dhrplan.output.tables import SourcedPlan, workbook_tables

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LILY = SAMPLES / "somerset-dhr-lily-action-plan.txt"
CASE_012 = SAMPLES / "somerset-dhr-012-action-plan.txt"
SHEETS = [
    "Plans", "Copies", "Recommendations", "Actions", "Target dates", "Owners", "Warnings",
    "Glossary", "Columns", "Overdue", "Data dictionary",
]
FROZEN = {"Recommendations": "C2", "Actions": "C2", "Data dictionary": "C2"}


@pytest.fixture(scope="module")
def outdir(combined_samples: Path) -> Path:
    return combined_samples


@pytest.fixture(scope="module")
def book(outdir: Path) -> Workbook:
    return load_workbook(outdir / "plans.xlsx")


def docs(outdir: Path) -> list[dict]:
    return [json.loads((outdir / f"{s.stem}.json").read_text("utf-8")) for s in (LILY, CASE_012)]


def header(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def test_sheets_exist_in_order(book: Workbook) -> None:
    assert book.sheetnames == SHEETS


@pytest.mark.parametrize("name", SHEETS)
def test_header_and_key_columns_frozen_filtered_and_printable(book: Workbook, name: str) -> None:
    sheet = book[name]
    assert sheet.freeze_panes == FROZEN.get(name, "B2")
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    assert all(c.font.bold for c in sheet[1])
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    for letter, dim in sheet.column_dimensions.items():
        assert 8 <= dim.width <= 60, letter


def test_number_section_and_text_come_first_and_identifiers_last(book: Workbook) -> None:
    columns = header(book["Recommendations"])
    assert columns[:3] == ["number", "section", "text"]
    assert columns[-4:] == ["source_file", "recommendation_id", "plan_key", "record_key"]
    assert header(book["Actions"])[:3] == ["number", "label", "text"]
    widths = book["Recommendations"].column_dimensions
    assert widths["C"].width == 60
    assert all(widths[get_column_letter(i)].width <= 14
               for i in range(len(columns) - 3, len(columns) + 1))


def test_rows_are_tall_enough_for_their_wrapped_text(book: Workbook) -> None:
    sheet = book["Recommendations"]
    text = header(sheet).index("text") + 1
    checked = 0
    for r in range(2, sheet.max_row + 1):
        value = sheet.cell(r, text).value
        lines = sum(max(1, -(-len(line) // 59)) for line in value.splitlines())
        height = sheet.row_dimensions[r].height
        if lines > 1:
            assert height is not None and height >= min(lines, 27) * 15, (r, value)
            checked += 1
        assert sheet.cell(r, text).alignment.wrap_text
    assert checked > 10


def test_columns_empty_in_every_row_are_left_out(book: Workbook) -> None:
    """The two text samples give no action its own owners, dates or completion."""
    columns = header(book["Actions"])
    assert "owners" not in columns and "completion_status" not in columns
    assert "text" in columns
    for sheet in book:
        for i, name in enumerate(header(sheet), start=1):
            values = [sheet.cell(r, i).value for r in range(2, sheet.max_row + 1)]
            assert sheet.max_row == 1 or any(v not in (None, "") for v in values), (
                sheet.title, name)


@pytest.mark.parametrize("name", ["Recommendations", "Actions", "Target dates", "Warnings"])
def test_every_row_carries_its_plan_and_record_key(book: Workbook, name: str) -> None:
    sheet = book[name]
    columns = header(sheet)
    plan, record = columns.index("plan_key"), columns.index("record_key")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows
    plan_keys = [r[header(book["Plans"]).index("plan_key")]
                 for r in book["Plans"].iter_rows(min_row=2, values_only=True)]
    assert len(set(plan_keys)) == len(plan_keys) == 2
    for row in rows:
        assert row[plan] in plan_keys
        assert name == "Warnings" or str(row[record]).startswith(f"{row[plan]}-r")


def test_warnings_and_glossary_have_a_row_each(book: Workbook, outdir: Path) -> None:
    plans = docs(outdir)
    warnings = sum(len(d["warnings"]) + sum(len(r["warnings"]) for r in d["recommendations"])
                   for d in plans)
    assert book["Warnings"].max_row - 1 == warnings
    assert header(book["Warnings"])[:3] == ["code", "field", "message"]
    assert book["Glossary"].max_row - 1 == sum(len(d["glossary"]) for d in plans) > 0


def test_row_counts_match_the_documents(book: Workbook, outdir: Path) -> None:
    plans = docs(outdir)
    recs = [r for d in plans for r in d["recommendations"]]
    actions = [a for r in recs for a in r["actions"]]
    dates = len([t for r in recs for t in r["target_dates"]]) + len(
        [t for a in actions for t in a.get("target_dates") or []]
    )
    assert book["Plans"].max_row - 1 == len(plans)
    assert book["Recommendations"].max_row - 1 == len(recs)
    assert book["Actions"].max_row - 1 == len(actions)
    assert book["Target dates"].max_row - 1 == dates


def test_dates_are_real_excel_dates(book: Workbook, outdir: Path) -> None:
    sheet = book["Target dates"]
    columns = header(sheet)
    start = columns.index("start") + 1
    cells = [sheet.cell(r, start) for r in range(2, sheet.max_row + 1)]
    typed = [c for c in cells if c.value is not None]
    assert typed
    for cell in typed:
        assert isinstance(cell.value, datetime)
        assert cell.is_date
        assert "yy" in cell.number_format
    expected = sorted(
        t["start"] for d in docs(outdir) for r in d["recommendations"]
        for t in r["target_dates"] + [
            t for a in r["actions"] for t in a.get("target_dates") or []
        ]
        if t["start"]
    )
    assert sorted(c.value.date().isoformat() for c in typed) == expected


def test_numbers_stay_numbers(book: Workbook) -> None:
    sheet = book["Plans"]
    pages = header(sheet).index("pages") + 1
    assert all(isinstance(sheet.cell(r, pages).value, int) for r in range(2, sheet.max_row + 1))


def test_formula_looking_text_is_a_plain_string(tmp_path: Path) -> None:
    """A string cell never runs as a formula, so it needs no guard apostrophe."""
    plan: Plan = pipeline.convert_file(LILY)
    first = plan.recommendations[0]
    hostile = dataclasses.replace(first, text="=1+2", section="@cmd", number="-3")
    plan = dataclasses.replace(plan, recommendations=[hostile], title="+title\x07")
    path = tmp_path / "plans.xlsx"
    xlsx.write(path, workbook_tables([SourcedPlan("lily.txt", plan)]))
    book = load_workbook(path)
    recs = book["Recommendations"]
    columns = header(recs)
    row = {name: recs.cell(2, i + 1) for i, name in enumerate(columns)}
    assert row["text"].value == "=1+2" and row["text"].data_type == "s"
    assert row["section"].value == "@cmd" and row["section"].data_type == "s"
    assert row["number"].value == "-3" and row["number"].data_type == "s"
    assert book["Plans"]["A2"].value == "+title"
    with zipfile.ZipFile(path) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist()
                       if n.startswith("xl/worksheets/"))
    assert isinstance(row["target_start"].value, datetime | date)
    assert not list(tmp_path.glob(".*.tmp"))
