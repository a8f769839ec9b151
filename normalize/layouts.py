"""Which tables of a plan hold its recommendations, including layouts other than one table
with a Recommendation column: a title row above the header, a "Recommendation 3: ..."
paragraph above a table of its actions, a table continued after a "(continued)" line or
with empty trailing cells trimmed, a plan that lists only actions. Every table that is not
used and could have been is named in a warning, never dropped silently.
"""

from __future__ import annotations

from dhrplan.extract.model import Cell, Row, Table
from dhrplan.extract.stitch import same_header
from dhrplan.normalize.columns import ColumnMap, map_columns
from dhrplan.normalize.glossary import glossary_from_table
from dhrplan.normalize.numbering import split_label

PlanTable = tuple[Table, ColumnMap]

_ACTION_ROLES = {"action", "owner", "target", "completion", "milestones"}
_HEADER_SEARCH = 3
"""How many rows below a table's first row may hold its real header."""


def _header_below_title_rows(table: Table) -> Table | None:
    """A table whose first rows are a title ("Avon and Somerset Police" across the whole
    width) above the real header: the title becomes the table's heading."""
    if map_columns(table.header).is_action_plan:
        return None
    for k, candidate in enumerate(table.rows[:_HEADER_SEARCH]):
        if map_columns(candidate).is_action_plan:
            above = [table.header, *table.rows[:k]]
            titles = [r.cells[r.filled()[0]].text for r in above if len(r.filled()) == 1]
            rows = [r for r in table.rows[k + 1 :] if not same_header(candidate, r)]
            return Table(candidate, rows, " ".join(titles) or table.heading)
    return None


def _heading_as_recommendation(table: Table) -> Table | None:
    """ "Recommendation 3: Agencies should ..." as a paragraph, then a table of its actions
    with no Recommendation column: the heading becomes that column's first cell."""
    if not table.heading or split_label(table.heading)[0] is None:
        return None
    roles = set(map_columns(table.header, table.rows).roles)
    if "recommendation" in roles or len(roles & _ACTION_ROLES) < 2 or not table.rows:
        return None
    header = Row([Cell("Recommendation"), *table.header.cells], table.header.pages)
    rows = [
        Row([Cell(table.heading if i == 0 else ""), *r.cells], r.pages, r.warnings)
        for i, r in enumerate(table.rows)
    ]
    return Table(header, rows, None)


def _actions_as_recommendations(columns: ColumnMap) -> ColumnMap | None:
    """A plan whose only table lists actions (Action, Lead, Target date...) and no
    recommendations: each row's action is read as a recommendation."""
    roles = set(columns.roles)
    if "action" not in roles or "recommendation" in roles or len(roles & _ACTION_ROLES) < 3:
        return None
    swapped = ["recommendation" if r == "action" else r for r in columns.roles]
    return ColumnMap(swapped, columns.names)


_TRIMMED_CELLS = 2
"""How many empty trailing cells an export may have dropped from a continued table's rows."""


def _continues(above: Table, table: Table, columns: ColumnMap) -> bool:
    """A table as wide as the plan table above it (or a little narrower: exports drop empty
    trailing cells) whose first row names no column at all is that table continued after
    something the stitcher took for a new table's start, such as a "(continued)" line."""
    width, above_width = len(table.header.cells), len(above.header.cells)
    return 3 <= above_width - _TRIMMED_CELLS <= width <= above_width and not any(columns.roles)


def _padded(row: Row, width: int) -> Row:
    return Row(
        [*row.cells, *(Cell() for _ in range(width - len(row.cells)))], row.pages, row.warnings
    )


def plan_tables(tables: list[Table]) -> tuple[list[PlanTable], list[str]]:
    """The tables to read recommendations from, with their column roles, and warnings."""
    tables = [_header_below_title_rows(t) or t for t in tables]
    tables = [_heading_as_recommendation(t) or t for t in tables]
    warnings: list[str] = []
    chosen: list[PlanTable] = []
    skipped: list[PlanTable] = []
    for table in tables:
        columns = map_columns(table.header, table.rows)
        if columns.is_action_plan:
            chosen.append((table, columns))
        elif chosen and _continues(chosen[-1][0], table, columns):
            above, above_columns = chosen[-1]
            width = len(above.header.cells)
            rows = [*above.rows, *(_padded(r, width) for r in (table.header, *table.rows))]
            chosen[-1] = (Table(above.header, rows, above.heading), above_columns)
            warnings.append(
                f"a table with no header on {table.where} is read as the "
                "continuation of the table above it"
            )
        elif len(columns.roles) > 2 and glossary_from_table(table) is None:
            skipped.append((table, columns))
    if not chosen:
        for table, columns in skipped:
            if swapped := _actions_as_recommendations(columns):
                chosen.append((table, swapped))
                warnings.append(
                    f"a table with no Recommendation column ({', '.join(columns.names)}): "
                    "each row's action is read as a recommendation"
                )
    warnings.extend(
        f"table on {table.where} skipped: its header "
        f"({' | '.join(columns.names)}) names no recommendations"
        for table, columns in skipped
        if all(table is not t for t, _ in chosen)
    )
    return chosen, warnings
