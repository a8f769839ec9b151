"""The data dictionary names exactly the columns the code writes, in every sheet of the
workbook, both CSVs and every table of the database, and the README shows it."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from dhrplan.normalize.progress import Tracking
from dhrplan.normalize.record import Recommendation
from dhrplan.output.dictionary import (
    DICTIONARY,
    LISTS,
    ONE_A_LINE,
    SHARED,
    empty_tables,
    markdown,
    meaning,
)
from dhrplan.output.jsondoc import plan_from_dict
from dhrplan.output.tables import RECOMMENDATION_COLUMNS, SourcedPlan, all_tables

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
SQL_SHEET = {"tables": "Columns"}
"""Database tables that are not a sheet's name in snake case."""


def written_columns() -> dict[str, tuple[str, ...]]:
    return {t.name: t.columns for t in empty_tables()}


def test_every_sheet_and_column_of_the_workbook_has_a_meaning(combined_samples: Path) -> None:
    book = load_workbook(combined_samples / "plans.xlsx")
    assert book.sheetnames == list(written_columns())
    for sheet in book:
        header = [c.value for c in sheet[1]]
        assert set(header) <= set(written_columns()[sheet.title]), sheet.title
        for column in header:
            assert meaning(sheet.title, column), (sheet.title, column)
    entries = {
        (r[0], r[1]) for r in book["Data dictionary"].iter_rows(min_row=2, values_only=True)
    }
    assert entries == {(s, c) for s, cols in written_columns().items() for c in cols}


def test_no_meaning_for_a_column_nobody_writes() -> None:
    columns = written_columns()
    for sheet, meanings in DICTIONARY.items():
        assert set(meanings) <= set(columns[sheet]), sheet
    every = {c for cols in columns.values() for c in cols}
    assert set(SHARED) <= every


def test_the_csvs_are_the_recommendations_and_actions_sheets(combined_samples: Path) -> None:
    def header(path: Path) -> list[str]:
        return next(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))

    columns = written_columns()
    assert tuple(header(combined_samples / "recommendations.csv")) == columns["Recommendations"]
    assert tuple(header(combined_samples / "actions.csv")) == columns["Actions"]
    per_plan = [p for p in combined_samples.glob("*.csv")
                if p.name not in {"recommendations.csv", "actions.csv"}]
    assert per_plan
    for path in per_plan:
        assert tuple(header(path)) == RECOMMENDATION_COLUMNS


def test_every_database_column_has_its_sheets_meaning(combined_samples: Path) -> None:
    with contextlib.closing(sqlite3.connect(combined_samples / "plans.sqlite")) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert len(names) == 10
        for name in names:
            sheet = SQL_SHEET.get(name) or next(
                s for s in written_columns() if s.lower().replace(" ", "_") == name
            )
            for row in db.execute(f'PRAGMA table_info("{name}")'):
                assert row[1] in written_columns()[sheet], (name, row[1])
                assert meaning(sheet, row[1])


def test_the_readme_shows_the_dictionary() -> None:
    assert markdown(empty_tables()) in README


def test_lists_only_where_a_list_is_the_unit_one_item_a_line(combined_samples: Path) -> None:
    """Every column of every sheet: a column the dictionary marks as a list holds the plan's
    list, one whole item a line (or pages with commas); every other cell is one value. The
    CSV and the workbook hold the same cells."""
    plans = [SourcedPlan(p.name, plan_from_dict(json.loads(p.read_text("utf-8"))))
             for p in sorted(combined_samples.glob("*.json")) if p.name != "manifest.json"]
    tables = {t.name: t for t in all_tables(plans, Tracking(date(2026, 12, 1)))}
    for sheet, columns in LISTS.items():
        assert set(columns) <= set(tables[sheet].columns), sheet
    for table in tables.values():
        for row in table.rows:
            assert not any(isinstance(v, list | tuple | dict | set) for v in row), table.name
    recs = tables["Recommendations"]
    records = [rec for plan in plans for _, rec in plan.records()]
    assert len(recs.rows) == len(records) > 50

    def items(rec: Recommendation, column: str) -> list[str]:
        lists = {
            "ownership": rec.ownership, "scope_levels": rec.scope.levels if rec.scope else [],
            "actions": [a.text for a in rec.actions], "owners": [o.name for o in rec.owners],
            "milestones": rec.milestones, "outcomes": rec.outcomes,
            "target_dates": [d.raw for d in rec.target_dates], "warnings": rec.warnings,
            "extra": list(rec.extra), "pages": rec.pages,
        }
        return [" ".join(str(getattr(i, "message", i)).split()) for i in lists[column]]

    multi_line = 0
    for row, rec in zip(recs.rows, records, strict=True):
        for column, join in LISTS["Recommendations"].items():
            cell = row[recs.columns.index(column)]
            parts = str(cell).split("\n" if join == ONE_A_LINE else ", ") if cell else []
            assert len(parts) == len(items(rec, column)), (rec.id, column, cell)
            for part, item in zip(parts, items(rec, column), strict=True):
                assert item in part, (rec.id, column)  # an action keeps its label before it
            multi_line += len(parts) > 1 and join == ONE_A_LINE
    assert multi_line > 50
    with (combined_samples / "recommendations.csv").open(encoding="utf-8-sig", newline="") as f:
        written = list(csv.DictReader(f))
    for row, csv_row in zip(recs.rows, written, strict=True):
        for column in LISTS["Recommendations"]:
            value = row[recs.columns.index(column)]
            assert csv_row[column] == ("" if value is None else str(value)), column
    sheet = load_workbook(combined_samples / "plans.xlsx")["Data dictionary"]
    marked = {(r[0], r[1]): r[2] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert marked[("Recommendations", "milestones")] == ONE_A_LINE
    assert marked[("Columns", "table_pages")] == "commas"
    assert marked[("Recommendations", "text")] is None
