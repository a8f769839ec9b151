"""Plans flattened into rows: the one source of truth for every CSV and XLSX sheet.

Cells stay typed (str, int, date, None) so the XLSX writer can store real dates and numbers;
the CSV writer turns dates into ISO strings. Lists become lines inside one cell.
Every row starts with the plan's source and, below plan level, the recommendation id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

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

Value = str | int | date | None

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SourcedPlan:
    """A plan with the label its rows carry (the input's path relative to its folder)."""

    source: str
    plan: Plan


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Value, ...]]


def neutralise(value: Value) -> Value:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; typed values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _lines(items: Iterable[str]) -> str:
    return "\n".join(items)


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
    "source_file", "title", "format", "pages", "backend", "sha256",
    "recommendations", "actions", "warnings", "glossary",
)


def plans_table(items: Sequence[SourcedPlan]) -> Table:
    rows = []
    for item in items:
        plan = item.plan
        rows.append((
            item.source,
            plan.title,
            plan.source.format,
            plan.source.pages,
            plan.source.backend,
            plan.source.sha256,
            len(plan.recommendations),
            sum(len(r.actions) for r in plan.recommendations),
            _lines(all_warnings(plan)),
            _lines(f"{k}: {v}" for k, v in plan.glossary.items()),
        ))
    return Table("Plans", PLAN_COLUMNS, rows)


RECOMMENDATION_COLUMNS = (
    "source_file", "recommendation_id", "section", "section_expansion", "number", "text",
    "ownership", "scope", "scope_levels", "actions", "owners", "milestones", "outcomes",
    "target_dates", "target_start", "target_end",
    "completion_status", "completion_date", "completion",
    "pages", "warnings", "extra",
)


def _recommendation_row(source: str, rec: Recommendation) -> tuple[Value, ...]:
    scope: Scope | None = rec.scope
    return (
        source,
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
        ", ".join(str(p) for p in rec.pages),
        _lines(warning_line(w) for w in rec.warnings),
        _lines(f"{k}: {v}" for k, v in rec.extra.items()),
    )


def recommendations_table(items: Sequence[SourcedPlan]) -> Table:
    rows = [
        _recommendation_row(item.source, rec)
        for item in items
        for rec in item.plan.recommendations
    ]
    return Table("Recommendations", RECOMMENDATION_COLUMNS, rows)


ACTION_COLUMNS = (
    "source_file", "recommendation_id", "action_no", "label", "text", "owners",
    "target_dates", "target_start", "target_end",
    "completion_status", "completion_date", "completion",
)


def actions_table(items: Sequence[SourcedPlan]) -> Table:
    """One row per action; an action shows only its own owners, dates and completion."""
    rows = []
    for item in items:
        for rec in item.plan.recommendations:
            for number, action in enumerate(rec.actions, start=1):
                rows.append((
                    item.source,
                    rec.id,
                    number,
                    action.label,
                    action.text,
                    _owners(action.owners),
                    _raw_dates(action.target_dates),
                    _earliest(action.target_dates),
                    _latest(action.target_dates),
                    *_completion(action.completion),
                ))
    return Table("Actions", ACTION_COLUMNS, rows)


TARGET_DATE_COLUMNS = (
    "source_file", "recommendation_id", "action_no", "action_label",
    "raw", "kind", "start", "end", "offset_months", "offset_weeks", "anchor",
)


def _target_row(
    source: str, rec_id: str, action_no: int | None, label: str | None, when: TargetDate
) -> tuple[Value, ...]:
    return (
        source, rec_id, action_no, label,
        when.raw, when.kind, when.start, when.end,
        when.offset_months, when.offset_weeks, when.anchor,
    )


def target_dates_table(items: Sequence[SourcedPlan]) -> Table:
    """Recommendation-level dates (action_no empty) and each action's own dates."""
    rows = []
    for item in items:
        for rec in item.plan.recommendations:
            rows.extend(_target_row(item.source, rec.id, None, None, d) for d in rec.target_dates)
            for number, action in enumerate(rec.actions, start=1):
                rows.extend(
                    _target_row(item.source, rec.id, number, action.label, d)
                    for d in action.target_dates or ()
                )
    return Table("Target dates", TARGET_DATE_COLUMNS, rows)


def workbook_tables(items: Sequence[SourcedPlan]) -> list[Table]:
    builders: list[Callable[[Sequence[SourcedPlan]], Table]] = [
        plans_table, recommendations_table, actions_table, target_dates_table,
    ]
    return [build(items) for build in builders]

