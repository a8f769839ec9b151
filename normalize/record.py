"""Typed records that mirror output/plan.schema.json field for field.

The schema is the contract; these dataclasses exist so the normalizers are type-checked.
`output.jsondoc` turns them into the JSON document with `dataclasses.asdict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

TARGET_KINDS = (
    "date", "month", "season", "quarter", "year", "span", "relative",
    "ongoing", "implemented", "event", "unknown",
)
ANCHORS = ("review_completion", "publication")
STATUSES = ("complete", "in_progress", "not_started", "unknown")
LEVELS = ("local", "regional", "national")


@dataclass(frozen=True)
class TargetDate:
    """A target date as written, and the day or span it names."""
    raw: str
    kind: str
    start: date | None = None
    end: date | None = None
    offset_months: int | None = None
    offset_weeks: int | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class PlanWarning:
    """Something the reader guessed or could not read, said where and why."""

    code: str
    """Stable code ("date_unread", "column_from_content", ...); see the schema."""
    field: str | None
    """The record field it concerns (None: the record or plan as a whole)."""
    message: str


@dataclass(frozen=True)
class Completion:
    """A completion status as written, and what it says."""
    raw: str
    status: str
    date: date | None = None
    rag: str | None = None
    """The RAG rating as the plan gives it: a word ("Amber") or a cell's shading ("#ffc000")."""


@dataclass(frozen=True)
class Scope:
    """The levels (local, regional, national) a recommendation is for."""
    raw: str
    levels: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Owner:
    """An owning agency, with its name spelt out where the plan does."""
    name: str
    expansion: str | None = None


@dataclass
class Action:
    """One action of a recommendation."""
    label: str | None
    text: str
    owners: list[Owner] | None = None
    target_dates: list[TargetDate] | None = None
    completion: Completion | None = None


@dataclass(frozen=True)
class SourceRegion:
    """One cell a record was read from (see normalize/regions.py)."""

    field: str
    """The record field the cell's column fills ("extra": a column of no known role)."""
    column: int
    """Index of the column in the record's table (`Plan.tables[table].columns`)."""
    page: int | None = None
    bbox: list[float] | None = None
    """PDFs: [x0, top, x1, bottom] in points from the page's top-left corner."""
    table: int | None = None
    row: int | None = None
    """.docx, HTML: the cell's (table, row) position in the source, counted from 0."""
    text: str | None = None
    """Sources without a page image (.docx, HTML, text exports): the cell's text as read."""
    action: int | None = None
    """The action (index into the record's `actions`) whose own region this is: the lines
    of its cell that hold its text (field "actions") and, when it has a row of its own, its
    row's owner, date and progress cells. None: a cell of the record. The JSON document
    lists an action's regions under the action (output/jsondoc.py)."""


@dataclass
class Recommendation:
    """One recommendation of the plan: the record the outputs list."""
    id: str
    section: str | None
    section_expansion: str | None
    number: str | None
    text: str
    ownership: list[str]
    scope: Scope | None
    actions: list[Action]
    owners: list[Owner]
    milestones: list[str]
    outcomes: list[str]
    target_dates: list[TargetDate]
    completion: Completion | None
    extra: dict[str, str]
    pages: list[int]
    rows: list[list[int]]
    """[table, row] positions in the source for formats without pages (.docx, HTML)."""
    table: int
    """Index of the plan table (in `Plan.tables`) the record was read from."""
    warnings: list[PlanWarning]
    source_regions: list[SourceRegion] = field(default_factory=list)
    """The cells the record was read from, for review beside the source."""


@dataclass
class Source:
    """The file a plan was read from."""
    file: str
    sha256: str
    format: str
    pages: int
    backend: str | None = None


@dataclass(frozen=True)
class ColumnRole:
    """What one column of a table was read as, and from what."""
    header: str
    role: str | None
    source: str
    """"header" (read from its words), "content" (from what its cells hold), "none", or
    "label" (a field label in the first column of a transposed table)."""


@dataclass
class TableMap:
    """How one table of the plan was read: its columns' roles and why."""

    pages: list[int]
    heading: str | None
    header_row: bool
    """False when the table has no header row and every role came from content."""
    columns: list[ColumnRole]


@dataclass(frozen=True)
class AnchorDate:
    """The day an event that relative target dates count from happened (normalize/anchors.py)."""

    event: str
    """publication or review_completion (ANCHORS)."""
    date: date
    source: str
    """plan (stated in the plan) or user (`--published`)."""
    raw: str | None = None
    """The plan's words it was read from; None for the user's."""


@dataclass
class Plan:
    """A plan read whole: the document the JSON output holds."""
    schema_version: str
    source: Source
    title: str | None
    glossary: dict[str, str]
    tables: list[TableMap]
    recommendations: list[Recommendation]
    warnings: list[PlanWarning]
    anchors: list[AnchorDate] = field(default_factory=list)
