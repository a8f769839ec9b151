"""`plans.sqlite`: the combined tables as a database, for SQL, Datasette or a BI tool.

The database is built in memory from the same `Table`s as the CSVs and the workbook (one
source of truth for every column), then serialised and written atomically like every other
output. Each table's primary key, foreign keys and indexes are declared here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dhrplan.output.files import write_bytes
from dhrplan.output.tables import Table, Value


@dataclass(frozen=True)
class Keys:
    """A table's keys: primary (None: SQLite's rowid), foreign (columns, parent, its columns)."""

    primary: tuple[str, ...] | None
    foreign: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = field(default=())


_PLAN = (("plan_key",), "plans", ("plan_key",))
_RECORD = (("record_key",), "recommendations", ("record_key",))
_ACTION = (("action_key",), "actions", ("action_key",))

KEYS: dict[str, Keys] = {
    "plans": Keys(("plan_key",)),
    "copies": Keys(("source_file",), (_PLAN,), (("plan_key",),)),
    "recommendations": Keys(("record_key",), (_PLAN,), (("plan_key",), ("progress",))),
    "actions": Keys(("action_key",), (_PLAN, _RECORD), (("record_key",), ("progress",))),
    "target_dates": Keys(None, (_PLAN, _RECORD, _ACTION), (("record_key",), ("action_key",))),
    "owners": Keys(None, (_PLAN, _RECORD, _ACTION), (("record_key",), ("action_key",), ("name",))),
    "warnings": Keys(None, (_PLAN, _RECORD), (("plan_key",), ("record_key",), ("code",))),
    "glossary": Keys(("plan_key", "acronym"), (_PLAN,)),
    "tables": Keys(("plan_key", "table_no"), (_PLAN,)),
    "columns": Keys(
        ("plan_key", "table_no", "column_no"),
        ((("plan_key", "table_no"), "tables", ("plan_key", "table_no")),),
        (("role",),),
    ),
}
"""Table name (the sheet's name in snake case) to its keys; the copies table says which
input each kept plan stands for."""

TABLE_COLUMNS = ("plan_key", "table_no", "table_pages", "table_heading", "header_row")
COLUMN_COLUMNS = ("plan_key", "table_no", "column_no", "header", "role", "role_from")


def table_name(table: Table) -> str:
    return table.name.lower().replace(" ", "_")


def _split_columns(table: Table) -> list[Table]:
    """The workbook's one Columns sheet as two tables: plan tables and their columns."""
    index = {c: i for i, c in enumerate(table.columns)}
    tables: dict[tuple[Value, ...], tuple[Value, ...]] = {}
    for row in table.rows:
        tables.setdefault((row[index["plan_key"]], row[index["table_no"]]),
                          tuple(row[index[c]] for c in TABLE_COLUMNS))
    columns = [tuple(row[index[c]] for c in COLUMN_COLUMNS) for row in table.rows]
    return [Table("Tables", TABLE_COLUMNS, list(tables.values())),
            Table("columns", COLUMN_COLUMNS, columns)]


def _sql_type(values: list[Value]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {int}:
        return "INTEGER"
    return "TEXT"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(db: sqlite3.Connection, name: str, table: Table) -> None:
    keys = KEYS[name]
    parts = []
    for i, column in enumerate(table.columns):
        kind = _sql_type([row[i] for row in table.rows])
        if isinstance(next((r[i] for r in table.rows if r[i] is not None), None), date):
            kind = "TEXT"  # ISO 8601, which sorts and compares as dates do
        not_null = " NOT NULL" if keys.primary and column in keys.primary else ""
        parts.append(f"{_quote(column)} {kind}{not_null}")
    if keys.primary:
        parts.append(f"PRIMARY KEY ({', '.join(map(_quote, keys.primary))})")
    for columns, parent, parent_columns in keys.foreign:
        parts.append(
            f"FOREIGN KEY ({', '.join(map(_quote, columns))}) "
            f"REFERENCES {_quote(parent)} ({', '.join(map(_quote, parent_columns))})"
        )
    db.execute(f"CREATE TABLE {_quote(name)} ({', '.join(parts)})")
    for columns in keys.indexes:
        index = f"{name}_by_{'_'.join(columns)}"
        db.execute(f"CREATE INDEX {_quote(index)} ON {_quote(name)} "
                   f"({', '.join(map(_quote, columns))})")


def _value(value: Value) -> str | int | None:
    return value.isoformat() if isinstance(value, date) else value


def build(tables: Sequence[Table]) -> bytes:
    """The database file's bytes; parents are inserted before children, and the foreign
    keys are checked before it is written."""
    named: list[tuple[str, Table]] = []
    for table in tables:
        parts = _split_columns(table) if table_name(table) == "columns" else [table]
        named.extend((table_name(t), t) for t in parts)
    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA foreign_keys = ON")
        for name, table in named:
            _create(db, name, table)
            marks = ", ".join("?" * len(table.columns))
            db.executemany(
                f"INSERT INTO {_quote(name)} VALUES ({marks})",
                ([_value(v) for v in row] for row in table.rows),
            )
        db.commit()
        return db.serialize()
    finally:
        db.close()


def write(path: Path, tables: Sequence[Table]) -> None:
    write_bytes(path, build(tables))
