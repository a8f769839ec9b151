"""plans.sqlite and the keys that join: one plan converted three times (its PDF, its text
export, and the PDF's bytes under another name) is kept once, and the database's keys hold."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from dhrplan.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LILY_PDF = SAMPLES / "somerset-dhr-lily-action-plan.pdf"
LILY_TXT = SAMPLES / "somerset-dhr-lily-action-plan.txt"
CASE_012 = SAMPLES / "somerset-dhr-012-action-plan.txt"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    inputs = tmp_path_factory.mktemp("in")
    for sample in (LILY_PDF, LILY_TXT, CASE_012):
        shutil.copy(sample, inputs / sample.name)
    shutil.copy(LILY_PDF, inputs / "lily-copy.pdf")
    out = tmp_path_factory.mktemp("out")
    printed = []
    with contextlib.redirect_stdout(Printed(printed)):
        code = main(["convert", str(inputs), "-o", str(out), "--combine", "-j", "2",
                     "--as-of", "2023-06-01"])
    assert code == 0
    return out, "".join(printed)


class Printed:
    def __init__(self, into: list[str]) -> None:
        self.into = into

    def write(self, text: str) -> int:
        self.into.append(text)
        return len(text)

    def flush(self) -> None:
        pass


@pytest.fixture(scope="module")
def db(run: tuple[Path, str]):
    with contextlib.closing(sqlite3.connect(run[0] / "plans.sqlite")) as connection:
        yield connection


def doc(out: Path, name: str) -> dict:
    return json.loads((out / f"{Path(name).stem}.json").read_text("utf-8"))


def test_the_summary_names_each_copy_and_the_one_kept(run: tuple[Path, str]) -> None:
    """Of two PDFs with the same bytes the first name is kept; a PDF before its export."""
    printed = run[1]
    assert (f"same plan: {LILY_PDF.name} is lily-copy.pdf (same bytes); "
            "the combined files keep lily-copy.pdf") in printed
    assert (f"same plan: {LILY_TXT.name} is lily-copy.pdf (same title and recommendations)"
            in printed)
    assert "plans.sqlite" in printed
    assert "overdue on 2023-06-01: " in printed


def test_the_copies_table_says_which_copy_was_kept(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT source_file, kept, kept_source, reason FROM copies").fetchall()
    assert sorted(rows) == sorted([
        (LILY_PDF.name, 0, "lily-copy.pdf", "same bytes"),
        ("lily-copy.pdf", 1, "lily-copy.pdf", "same bytes"),
        (LILY_TXT.name, 0, "lily-copy.pdf", "same title and recommendations"),
        (CASE_012.name, 1, CASE_012.name, None),
    ])
    assert db.execute("SELECT source_file FROM plans ORDER BY 1").fetchall() == [
        ("lily-copy.pdf",), (CASE_012.name,)]


def test_keys_are_declared_and_hold(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    primary = {
        table: [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[5]]
        for table in ("plans", "recommendations", "actions", "glossary", "columns")
    }
    assert primary == {
        "plans": ["plan_key"], "recommendations": ["record_key"], "actions": ["action_key"],
        "glossary": ["plan_key", "acronym"],
        "columns": ["plan_key", "table_no", "column_no"],
    }
    parents = {r[2] for r in db.execute("PRAGMA foreign_key_list(actions)")}
    assert parents == {"plans", "recommendations"}
    assert {r[2] for r in db.execute("PRAGMA foreign_key_list(target_dates)")} == {
        "plans", "recommendations", "actions"}
    indexes = {r[1] for r in db.execute("PRAGMA index_list(actions)")}
    assert "actions_by_record_key" in indexes


def test_every_child_joins_its_parent_once(db: sqlite3.Connection) -> None:
    """Joining actions to recommendations on the key doubles nothing."""
    actions = db.execute("SELECT count(*) FROM actions").fetchone()[0]
    joined = db.execute(
        "SELECT count(*) FROM actions a JOIN recommendations r USING (record_key) "
        "JOIN plans p ON p.plan_key = r.plan_key"
    ).fetchone()[0]
    assert joined == actions > 0
    orphans = db.execute(
        "SELECT count(*) FROM actions a WHERE a.plan_key != "
        "(SELECT plan_key FROM recommendations r WHERE r.record_key = a.record_key)"
    ).fetchone()[0]
    assert orphans == 0


def test_counts_match_the_kept_documents(run: tuple[Path, str], db: sqlite3.Connection) -> None:
    out = run[0]
    kept = [doc(out, "lily-copy.pdf"), doc(out, CASE_012.name)]
    recs = [r for d in kept for r in d["recommendations"]]
    actions = [a for r in recs for a in r["actions"]]
    expected = {
        "plans": len(kept),
        "recommendations": len(recs),
        "actions": len(actions),
        "owners": sum(len(r["owners"]) for r in recs)
        + sum(len(a.get("owners") or []) for a in actions),
        "target_dates": sum(len(r["target_dates"]) for r in recs)
        + sum(len(a.get("target_dates") or []) for a in actions),
        "warnings": sum(len(d["warnings"]) for d in kept)
        + sum(len(r["warnings"]) for r in recs),
        "glossary": sum(len(d["glossary"]) for d in kept),
        "tables": sum(len(d["tables"]) for d in kept),
        "columns": sum(len(t["columns"]) for d in kept for t in d["tables"]),
    }
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in expected}
    assert counts == expected
    ids = [r[0] for r in db.execute("SELECT recommendation_id FROM recommendations")]
    assert sorted(ids) == sorted(r["id"] for r in recs)


def test_the_database_is_rewritten_whole(run: tuple[Path, str]) -> None:
    out = run[0]
    assert not list(out.glob(".*.tmp"))
    with contextlib.closing(sqlite3.connect(out / "plans.sqlite")) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] in {"delete", "memory"}


def test_the_overdue_sheet_lists_what_the_tables_call_overdue(
    run: tuple[Path, str], db: sqlite3.Connection
) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(run[0] / "plans.xlsx")["Overdue"]
    columns = [c.value for c in sheet[1]]
    assert columns[:2] == ["owner", "number"]
    rows = [dict(zip(columns, r, strict=True))
            for r in sheet.iter_rows(min_row=2, values_only=True)]
    listed = {(r["record_key"], r.get("action_key")) for r in rows}
    late_actions = set(db.execute(
        "SELECT record_key, action_key FROM actions WHERE progress = 'overdue'").fetchall())
    late_records = set(db.execute(
        "SELECT record_key, NULL FROM recommendations r WHERE progress = 'overdue' "
        "AND NOT EXISTS (SELECT 1 FROM actions a WHERE a.record_key = r.record_key)").fetchall())
    assert listed == late_actions | late_records and listed
    assert all(r["days_overdue"] > 0 and r["owner"] for r in rows)
    total = len(listed)
    assert f"overdue on 2023-06-01: {total} of " in run[1]
