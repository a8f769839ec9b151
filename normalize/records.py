"""Stitched tables to `Recommendation` records.

A recommendation starts at a row with a number (number column or a label in its text) or, in
a table without numbers, at a row with recommendation text. Rows below it with an empty
recommendation cell are its further action rows (vertically merged cells in Word): each
carries its own action, owner, target date and progress, so those actions get their own
`owners`, `target_dates` and `completion`. A row with only one short cell is a theme row and
sets the section for what follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dhrplan.extract.model import Cell, Row, Table
from dhrplan.extract.stitch import RowKind, join_rows
from dhrplan.normalize.columns import ColumnMap, map_columns
from dhrplan.normalize.completion import parse_completion
from dhrplan.normalize.dates import parse_target_dates
from dhrplan.normalize.items import milestones, split_items
from dhrplan.normalize.numbering import number_cell, split_label
from dhrplan.normalize.owners import split_owners, take_ownership
from dhrplan.normalize.record import Action, Completion, Owner, Recommendation, TargetDate
from dhrplan.normalize.scope import parse_scope

_SECTION_MAX_WORDS = 12


def _cell(row: Row, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index].text.strip()


def _is_section(columns: ColumnMap, row: Row) -> bool:
    """One short cell at the left of the row: an agency or theme heading inside the table."""
    filled = row.filled()
    if len(filled) != 1:
        return False
    index = filled[0]
    leading = {0, columns.index("number"), columns.index("recommendation")}
    if index not in leading:
        return False
    cell = row.cells[index]
    text = cell.text.strip()
    if "\n" in text or len(text.split()) > _SECTION_MAX_WORDS or number_cell(text):
        return False
    if split_label(text)[0] is not None:
        return False
    return cell.bold or not text.endswith((".", ",", ";", ":")) and text[:1].isupper()


_PAGE_ARTEFACT = re.compile(r"^\s*(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d{1,3})\s*$", re.I)
"""A row holding only "Page 3 of 12" or a page number is debris of the export."""
_RULE = re.compile(r"^\s*[-–—_=.:|]+\s*$")
"""Nor is a row of dashes (a table rule or a separator line the export kept)."""


def classify(columns: ColumnMap, row: Row) -> RowKind:
    filled = row.filled()
    if not filled:
        return "empty"
    if all(_RULE.match(row.cells[i].text) for i in filled):
        return "empty"
    lone = filled[0]
    debris = lone != columns.index("number") and _PAGE_ARTEFACT.match(row.cells[lone].text)
    if len(filled) == 1 and debris:
        return "empty"
    if _is_section(columns, row):
        return "section"
    number = number_cell(_cell(row, columns.index("number")))
    text = _cell(row, columns.index("recommendation"))
    if number:
        # "1.2" beside an empty recommendation cell numbers an action of recommendation 1
        return "action" if "." in number and not text else "numbered"
    if text:
        return "numbered" if split_label(text)[0] is not None else "text"
    return "action"


@lru_cache(maxsize=64)
def _columns_for(header: tuple[str, ...]) -> ColumnMap:
    return map_columns(Row([Cell(t) for t in header], []))


def classify_for_stitch(header: Row, row: Row) -> RowKind:
    """The classifier `stitch` asks whether a row after a page break starts something new."""
    return classify(_columns_for(tuple(header.texts)), row)


@dataclass
class _Draft:
    section: str | None
    rows: list[Row]
    warnings: list[str] = field(default_factory=list)


def _dedupe_owners(owners: list[Owner]) -> list[Owner]:
    seen: dict[str, Owner] = {}
    for owner in owners:
        seen.setdefault(owner.name, owner)
    return list(seen.values())


def _combined_completion(parts: list[Completion]) -> Completion | None:
    """One completion for a recommendation whose action rows report progress separately."""
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    statuses = {p.status for p in parts}
    raw = "\n".join(p.raw for p in parts)
    if statuses == {"complete"}:
        dates = [p.date for p in parts]
        return Completion(raw, "complete", max(dates) if all(dates) else None)  # type: ignore[type-var]
    if statuses <= {"unknown"}:
        return Completion(raw, "unknown")
    if statuses & {"complete", "in_progress"}:
        return Completion(raw, "in_progress")
    return Completion(raw, "not_started" if "not_started" in statuses else "unknown")


def _slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (text or "").lower())[:40].strip("-") or "plan"


@dataclass
class RecordBuilder:
    """Collects recommendations over all tables of one plan."""

    stem: str
    glossary: dict[str, str]
    records: list[Recommendation] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    def add_table(self, table: Table, columns: ColumnMap, section: str | None) -> None:
        draft: _Draft | None = None
        numbered = any(classify(columns, r) == "numbered" for r in table.rows)
        for row in table.rows:
            kind = classify(columns, row)
            if kind == "empty":
                continue
            if kind == "section":
                if draft:
                    self._finish(draft, columns)
                    draft = None
                section = _cell(row, row.filled()[0])
                continue
            if kind == "numbered" or (kind == "text" and (not numbered or draft is None)):
                if draft:
                    self._finish(draft, columns)
                draft = _Draft(section, [row])
                continue
            if draft is None:
                draft = _Draft(section, [row], ["row before the first recommendation kept as one"])
                continue
            if kind == "text":
                draft.rows[-1] = join_rows(draft.rows[-1], row)
                draft.warnings.append("row without a number joined to the recommendation above")
            else:
                draft.rows.append(row)
        if draft:
            self._finish(draft, columns)

    def _row_actions(self, row: Row, columns: ColumnMap, first: bool) -> list[Action]:
        items = split_items(_cell(row, columns.index("action")))
        row_number = None if first else number_cell(_cell(row, columns.index("number")))
        return [Action(item.label or row_number, item.text) for item in items]

    def _finish(self, draft: _Draft, columns: ColumnMap) -> None:
        first = draft.rows[0]
        warnings = list(draft.warnings)
        for row in draft.rows:
            warnings.extend(w for w in row.warnings if w not in warnings)

        number = number_cell(_cell(first, columns.index("number")))
        label_number, text = split_label(_cell(first, columns.index("recommendation")))
        if number and label_number and number != label_number:
            warnings.append(f"number column says {number}, the text says {label_number}")
        number = number or label_number
        if number is None:
            warnings.append("no recommendation number found")
        ownership, text = take_ownership(text)

        per_row = len(draft.rows) > 1
        actions: list[Action] = []
        owners: list[Owner] = []
        targets: list[TargetDate] = []
        completions: list[Completion] = []
        mile: list[str] = []
        for row in draft.rows:
            row_owners = split_owners(_cell(row, columns.index("owner")), self.glossary)
            row_targets, w = parse_target_dates(_cell(row, columns.index("target")))
            warnings.extend(w)
            row_completion, w = parse_completion(_cell(row, columns.index("completion")))
            warnings.extend(w)
            row_miles, w = milestones(_cell(row, columns.index("milestones")))
            warnings.extend(w)
            for action in self._row_actions(row, columns, first=row is first):
                if per_row:
                    action.owners = row_owners
                    action.target_dates = row_targets
                    action.completion = row_completion
                actions.append(action)
            owners.extend(row_owners)
            targets.extend(row_targets)
            mile.extend(row_miles)
            if row_completion:
                completions.append(row_completion)

        scope = next(
            (s for r in draft.rows if (s := parse_scope(_cell(r, columns.index("scope"))))), None
        )
        extra: dict[str, str] = {}
        for i, role in enumerate(columns.roles):
            if role is None:
                value = "\n".join(t for r in draft.rows if (t := _cell(r, i)))
                if value:
                    extra[columns.names[i]] = value

        section = draft.section
        rec_id = f"{self.stem}-{_slug(section)}-{number or len(self.records) + 1}"
        base, n = rec_id, 2
        while rec_id in self._ids:
            rec_id, n = f"{base}-{n}", n + 1
        self._ids.add(rec_id)
        pages = sorted({p for r in draft.rows for p in r.pages})
        self.records.append(
            Recommendation(
                id=rec_id,
                section=section,
                section_expansion=self.glossary.get(section or ""),
                number=number,
                text=text,
                ownership=ownership,
                scope=scope,
                actions=actions,
                owners=_dedupe_owners(owners),
                milestones=mile,
                target_dates=targets,
                completion=_combined_completion(completions),
                extra=extra,
                pages=pages,
                warnings=list(dict.fromkeys(warnings)),
            )
        )
