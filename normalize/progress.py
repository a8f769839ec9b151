"""When a record or action is due, and how it stands against a given day.

Pure functions of the record's own target dates and completion: the plan says what is
due when; the user says which day it is (`--as-of`) and, for dates relative to the plan's
publication or the review's completion, when that was (`--published`).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dhrplan.normalize.anchordays import anchor_days
from dhrplan.normalize.record import AnchorDate, Completion, TargetDate

DONE, OVERDUE, DUE_SOON, OPEN, UNDATED = "done", "overdue", "due soon", "open", "undated"
PROGRESS = (DONE, OVERDUE, DUE_SOON, OPEN, UNDATED)


@dataclass(frozen=True)
class ProgressSettings:
    """When an action counts as due soon."""
    due_soon_days: int = 30
    """A month's notice: CSP action plans are reviewed at meetings about a month apart, so
    what falls due before the next meeting is what the next meeting must chase."""


@dataclass(frozen=True)
class Tracking:
    """The day progress is judged on, and the day relative target dates count from."""

    as_of: date
    published: date | None = None
    settings: ProgressSettings = ProgressSettings()

    def days(self, anchors: Iterable[AnchorDate] = ()) -> Mapping[str | None, date]:
        """What a plan's relative dates count from: the days it states (its `anchors`),
        `--published` replacing its publication day."""
        return anchor_days(anchors, self.published)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _end(when: TargetDate, anchors: Mapping[str | None, date]) -> date | None:
    if when.end is not None:
        return when.end
    start = anchors.get(when.anchor)
    if when.kind != "relative" or start is None:
        return None
    if when.offset_months is None and when.offset_weeks is None:
        return None
    day = add_months(start, when.offset_months or 0)
    return day + timedelta(weeks=when.offset_weeks or 0)


def due(dates: Sequence[TargetDate] | None,
        anchors: Mapping[str | None, date] | None = None) -> date | None:
    """The end of the latest target date: a record is due when its last date has passed.
    `anchors` (`Tracking.days`) dates what relative dates count from."""
    ends = [d for d in (_end(w, anchors or {}) for w in dates or ()) if d is not None]
    return max(ends, default=None)


def progress(completion: Completion | None, when: date | None, tracking: Tracking) -> str:
    """done / overdue / due soon / open / undated, in that order of precedence."""
    if completion is not None and completion.status == "complete":
        return DONE
    if when is None:
        return UNDATED
    if when < tracking.as_of:
        return OVERDUE
    if when <= tracking.as_of + timedelta(days=tracking.settings.due_soon_days):
        return DUE_SOON
    return OPEN
