"""The data dictionary names exactly the columns the code writes, in every sheet of the
workbook, both CSVs and every table of the database, and the README shows it."""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
from pathlib import Path

from openpyxl import load_workbook

from dhrplan.output.dictionary import DICTIONARY, SHARED, empty_tables, markdown, meaning
from dhrplan.output.tables import RECOMMENDATION_COLUMNS

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
