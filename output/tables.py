"""Plans flattened into rows: the one source of truth for every CSV and XLSX sheet.

Cells stay typed (str, int, date, None) so the XLSX writer can store real dates and numbers;
the CSV writer turns dates into ISO strings. Lists become lines inside one cell.
Every row carries its plan's key and, below plan level, its record's key (output/keys.py);
with a `Tracking` (the combined outputs) records and actions also carry `due` and `progress`
(normalize/progress.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dhrplan.normalize.record import (
    Action,
    Completion,
    Owner,
    Plan,
    PlanWarning,
    Recommendation,
    Scope,
    TargetDate,
)
from dhrplan.output.keys import action_key, plan_key, record_key

if TYPE_CHECKING:
    from dhrplan.normalize.progress import Tracking

Value = str | int | date | None

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SourcedPlan:
    """A plan with the label its rows carry (the input's path relative to its folder)."""

    source: str
    plan: Plan

    @property
    def key(self) -> str:
        return plan_key(self.plan)

    def records(self) -> Iterable[tuple[str, Recommendation]]:
        """Each recommendation with its key."""
        for position, rec in enumerate(self.plan.recommendations, start=1):
            yield record_key(self.key, position), rec


@dataclass(frozen=True)
class Table:
    """Rows under named columns, as CSV and XLSX write them."""
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Value, ...]]


def neutralise(value: Value) -> Value:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; typed values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


LINE_JOIN, PAGE_JOIN = "\n", ", "
"""How a cell holds a list (the data dictionary's `list` column says which cells do): one
item a line, as a spreadsheet shows a wrapped cell; page numbers, short, with commas."""


def _lines(items: Iterable[str]) -> str:
    """One item a line; a line break inside an item becomes a space, so each line is one
    whole item (the JSON keeps the item as written)."""
    return LINE_JOIN.join(" ".join(item.split()) if "\n" in item else item for item in items)


def _pages(pages: Iterable[int]) -> str:
    return PAGE_JOIN.join(str(p) for p in pages)


def _owner(owner: Owner) -> str:
    return f"{owner.name} ({owner.expansion})" if owner.expansion else owner.name


def _owners(owners: Sequence[Owner] | None) -> str | None:
    return None if owners is None else _lines(_owner(o) for o in owners)


def _raw_dates(dates: Sequence[TargetDate] | None) -> str | None:
    return None if dates is None else _lines(d.raw for d in dates)


def _earliest(dates: Sequence[TargetDate] | None) -> date | None:
    return min((d.start for d in dates or () if d.start), default=None)


def _latest(dates: Sequence[TargetDate] | None) -> date | None:
    return max((d.end for d in dates or () if d.end), default=None)


def _completion(done: Completion | None) -> tuple[Value, Value, Value]:
    if done is None:
        return None, None, None
    return done.status, done.date, done.raw


def _action_line(action: Action) -> str:
    return f"{action.label}. {action.text}" if action.label else action.text


def warning_line(warning: PlanWarning) -> str:
    """ "[date_unread] target_dates: target date "Spring" could not be read ..."."""
    where = f" {warning.field}:" if warning.field else ""
    return f"[{warning.code}]{where} {warning.message}"


def all_warnings(plan: Plan) -> list[str]:
    """Plan-level warnings, then each recommendation's, prefixed with its id."""
    found = [warning_line(w) for w in plan.warnings]
    for rec in plan.recommendations:
        found.extend(f"{rec.id}: {warning_line(w)}" for w in rec.warnings)
    return found


PLAN_COLUMNS = (
    "plan_key", "source_file", "title", "format", "pages", "backend", "sha256",
    "recommendations", "actions", "warnings", "glossary",
)


def plans_table(items: Sequence[SourcedPlan]) -> Table:
    rows = []
    for item in items:
        plan = item.plan
        rows.append((
            item.key,
            item.source,
            plan.title,
            plan.source.format,
            plan.source.pages,
            plan.source.backend,
            plan.source.sha256,
            len(plan.recommendations),
            sum(len(r.actions) for r in plan.recommendations),
            len(all_warnings(plan)),
            len(plan.glossary),
        ))
    return Table("Plans", PLAN_COLUMNS, rows)


TRACKING_COLUMNS = ("due", "progress")

RECOMMENDATION_COLUMNS = (
    "plan_key", "record_key", "source_file", "recommendation_id",
    "section", "section_expansion", "number", "text",
    "ownership", "scope", "scope_levels", "actions", "owners", "milestones", "outcomes",
    "target_dates", "target_start", "target_end",
    "completion_status", "completion_date", "completion",
    "pages", "warnings", "extra",
)


def _tracked(
    tracking: Tracking | None, item: SourcedPlan, completion: Completion | None,
    dates: Sequence[TargetDate] | None,
) -> tuple[Value, ...]:
    if tracking is None:
        return ()
    # only the combined outputs track progress: a plan's own CSV (a worker's, the
    # parent's warnings count) does without the module
    from dhrplan.normalize.progress import due, progress

    when = due(dates, tracking.days(item.plan.anchors))
    return when, progress(completion, when, tracking)


def _columns(columns: tuple[str, ...], tracking: Tracking | None) -> tuple[str, ...]:
    return columns if tracking is None else columns + TRACKING_COLUMNS


def _recommendation_row(
    item: SourcedPlan, key: str, rec: Recommendation, tracking: Tracking | None
) -> tuple[Value, ...]:
    scope: Scope | None = rec.scope
    return (
        item.key,
        key,
        item.source,
        rec.id,
        rec.section,
        rec.section_expansion,
        rec.number,
        rec.text,
        _lines(rec.ownership),
        scope.raw if scope else None,
        _lines(scope.levels) if scope else None,
        _lines(_action_line(a) for a in rec.actions),
        _owners(rec.owners),
        _lines(rec.milestones),
        _lines(rec.outcomes),
        _raw_dates(rec.target_dates),
        _earliest(rec.target_dates),
        _latest(rec.target_dates),
        *_completion(rec.completion),
        _pages(rec.pages),
        _lines(warning_line(w) for w in rec.warnings),
        _lines(f"{k}: {v}" for k, v in rec.extra.items()),
        *_tracked(tracking, item, rec.completion, rec.target_dates),
    )


def recommendations_table(
    items: Sequence[SourcedPlan], tracking: Tracking | None = None
) -> Table:
    rows = [
        _recommendation_row(item, key, rec, tracking)
        for item in items
        for key, rec in item.records()
    ]
    return Table("Recommendations", _columns(RECOMMENDATION_COLUMNS, tracking), rows)


ACTION_COLUMNS = (
    "plan_key", "record_key", "action_key", "source_file", "recommendation_id",
    "number", "action_no", "label", "text", "owners",
    "target_dates", "target_start", "target_end",
    "completion_status", "completion_date", "completion",
)


def actions_table(items: Sequence[SourcedPlan], tracking: Tracking | None = None) -> Table:
    """One row per action; an action shows only its own owners, dates and completion, but
    is due, and done, by its recommendation's where it has none of its own."""
    rows = []
    for item in items:
        for key, rec in item.records():
            for number, action in enumerate(rec.actions, start=1):
                rows.append((
                    item.key,
                    key,
                    action_key(key, number),
                    item.source,
                    rec.id,
                    rec.number,
                    number,
                    action.label,
                    action.text,
                    _owners(action.owners),
                    _raw_dates(action.target_dates),
                    _earliest(action.target_dates),
                    _latest(action.target_dates),
                    *_completion(action.completion),
                    *_tracked(
                        tracking,
                        item,
                        action.completion or rec.completion,
                        action.target_dates or rec.target_dates,
                    ),
                ))
    return Table("Actions", _columns(ACTION_COLUMNS, tracking), rows)


TARGET_DATE_COLUMNS = (
    "plan_key", "record_key", "action_key", "source_file", "recommendation_id",
    "action_no", "action_label",
    "raw", "kind", "start", "end", "offset_months", "offset_weeks", "anchor",
)


def _target_row(
    item: SourcedPlan, key: str, rec: Recommendation, action_no: int | None,
    label: str | None, when: TargetDate,
) -> tuple[Value, ...]:
    return (
        item.key, key, action_key(key, action_no) if action_no else None,
        item.source, rec.id, action_no, label,
        when.raw, when.kind, when.start, when.end,
        when.offset_months, when.offset_weeks, when.anchor,
    )


def target_dates_table(items: Sequence[SourcedPlan]) -> Table:
    """Recommendation-level dates (action_no empty) and each action's own dates."""
    rows = []
    for item in items:
        for key, rec in item.records():
            rows.extend(_target_row(item, key, rec, None, None, d) for d in rec.target_dates)
            for number, action in enumerate(rec.actions, start=1):
                rows.extend(
                    _target_row(item, key, rec, number, action.label, d)
                    for d in action.target_dates or ()
                )
    return Table("Target dates", TARGET_DATE_COLUMNS, rows)


OWNER_COLUMNS = (
    "plan_key", "record_key", "action_key", "source_file", "recommendation_id", "action_no",
    "position", "name", "expansion",
)


def owners_table(items: Sequence[SourcedPlan]) -> Table:
    """Recommendation owners (action_no empty), then each action's own."""
    rows: list[tuple[Value, ...]] = []
    for item in items:
        for key, rec in item.records():
            rows.extend(
                (item.key, key, None, item.source, rec.id, None, i, o.name, o.expansion)
                for i, o in enumerate(rec.owners, start=1)
            )
            for number, action in enumerate(rec.actions, start=1):
                rows.extend(
                    (item.key, key, action_key(key, number), item.source, rec.id, number,
                     i, o.name, o.expansion)
                    for i, o in enumerate(action.owners or (), start=1)
                )
    return Table("Owners", OWNER_COLUMNS, rows)


WARNING_COLUMNS = (
    "plan_key", "record_key", "source_file", "recommendation_id", "code", "field", "message",
)


def warnings_table(items: Sequence[SourcedPlan]) -> Table:
    """One row per warning: the plan's own (record empty), then each record's."""
    rows: list[tuple[Value, ...]] = []
    for item in items:
        rows.extend(
            (item.key, None, item.source, None, w.code, w.field, w.message)
            for w in item.plan.warnings
        )
        for key, rec in item.records():
            rows.extend(
                (item.key, key, item.source, rec.id, w.code, w.field, w.message)
                for w in rec.warnings
            )
    return Table("Warnings", WARNING_COLUMNS, rows)


GLOSSARY_COLUMNS = ("plan_key", "source_file", "acronym", "expansion")


def glossary_table(items: Sequence[SourcedPlan]) -> Table:
    rows: list[tuple[Value, ...]] = [
        (item.key, item.source, acronym, expansion)
        for item in items
        for acronym, expansion in item.plan.glossary.items()
    ]
    return Table("Glossary", GLOSSARY_COLUMNS, rows)


COLUMN_COLUMNS = (
    "plan_key", "source_file", "table_no", "table_pages", "table_heading", "header_row",
    "column_no", "header", "role", "role_from",
)


def columns_table(items: Sequence[SourcedPlan]) -> Table:
    """How each column of each plan table was read: its header and the role it was given."""
    rows: list[tuple[Value, ...]] = []
    for item in items:
        for t, table in enumerate(item.plan.tables):
            rows.extend(
                (item.key, item.source, t, _pages(table.pages),
                 table.heading, int(table.header_row), c, column.header, column.role,
                 column.source)
                for c, column in enumerate(table.columns)
            )
    return Table("Columns", COLUMN_COLUMNS, rows)


def all_tables(items: Sequence[SourcedPlan], tracking: Tracking | None = None) -> list[Table]:
    """Every table of the combined outputs, in the workbook's order."""
    tracked: list[Callable[[Sequence[SourcedPlan], Tracking | None], Table]] = [
        recommendations_table, actions_table,
    ]
    plain: list[Callable[[Sequence[SourcedPlan]], Table]] = [
        target_dates_table, owners_table, warnings_table, glossary_table, columns_table,
    ]
    return [
        plans_table(items),
        *(build(items, tracking) for build in tracked),
        *(build(items) for build in plain),
    ]


def workbook_tables(items: Sequence[SourcedPlan], tracking: Tracking | None = None) -> list[Table]:
    return all_tables(items, tracking)

