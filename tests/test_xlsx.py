"""The combined workbook: sheets, frozen header, autofilter, real dates, no live formulas."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from dhrplan import pipeline
from dhrplan.normalize.record import Plan
from dhrplan.output import xlsx
from dhrplan.output.tables import SourcedPlan, workbook_tables

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LILY = SAMPLES / "somerset-dhr-lily-action-plan.txt"
CASE_012 = SAMPLES / "somerset-dhr-012-action-plan.txt"
SHEETS = ["Plans", "Recommendations", "Actions", "Target dates"]


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
def test_header_frozen_filtered_and_wrapped(book: Workbook, name: str) -> None:
    sheet = book[name]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    assert all(c.font.bold for c in sheet[1])
    assert sheet.cell(2, 1).alignment.wrap_text
    for letter, dim in sheet.column_dimensions.items():
        assert 8 <= dim.width <= 60, letter


@pytest.mark.parametrize("name", SHEETS[1:])
def test_every_row_carries_source_file_and_recommendation_id(book: Workbook, name: str) -> None:
    sheet = book[name]
    assert header(sheet)[:2] == ["source_file", "recommendation_id"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows
    assert all(r[0] in {LILY.name, CASE_012.name} and r[1] for r in rows)


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


def test_formula_looking_text_is_neutralised(tmp_path: Path) -> None:
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
    assert row["text"].value == "'=1+2" and row["text"].data_type == "s"
    assert row["section"].value == "'@cmd"
    assert row["number"].value == "'-3"
    assert book["Plans"]["B2"].value == "'+title"
    assert isinstance(row["target_start"].value, datetime | date)
    assert not list(tmp_path.glob(".*.tmp"))
