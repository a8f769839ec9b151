"""What is overdue, per plan and per owner: the first question of a plan's monitoring.

The unit is an action; a recommendation without actions counts as one. An action is due,
and done, by its recommendation's dates and completion where it states none of its own, and
is owned by its own owners, else its recommendation's, else the recommendation's ownership.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dhrplan.normalize.progress import OVERDUE, Tracking, due, progress
from dhrplan.normalize.record import Action, Recommendation
from dhrplan.output.keys import action_key
from dhrplan.output.tables import SourcedPlan, Table, Value

NO_OWNER = "(no owner named)"


@dataclass(frozen=True)
class Item:
    """One action (or action-less recommendation) and how it stands."""

    plan: SourcedPlan
    record_key: str
    action_key: str | None
    rec: Recommendation
    action: Action | None
    due: date | None
    progress: str

    @property
    def owners(self) -> list[str]:
        own = self.action.owners if self.action and self.action.owners else self.rec.owners
        names = [o.name for o in own] or list(self.rec.ownership)
        return names or [NO_OWNER]


def items(plans: Sequence[SourcedPlan], tracking: Tracking) -> list[Item]:
    found = []
    for plan in plans:
        days = tracking.days(plan.plan.anchors)
        for key, rec in plan.records():
            if not rec.actions:
                when = due(rec.target_dates, days)
                found.append(Item(plan, key, None, rec, None, when,
                                  progress(rec.completion, when, tracking)))
            for number, action in enumerate(rec.actions, start=1):
                when = due(action.target_dates or rec.target_dates, days)
                state = progress(action.completion or rec.completion, when, tracking)
                found.append(Item(plan, key, action_key(key, number), rec, action, when, state))
    return found


def overdue(plans: Sequence[SourcedPlan], tracking: Tracking) -> list[Item]:
    return [i for i in items(plans, tracking) if i.progress == OVERDUE]


OVERDUE_COLUMNS = (
    "owner", "number", "action_label", "text", "due", "days_overdue", "title",
    "source_file", "recommendation_id", "plan_key", "record_key", "action_key",
)


def overdue_table(plans: Sequence[SourcedPlan], tracking: Tracking) -> Table:
    """One row per overdue item and owner, latest first within each owner."""
    rows: list[tuple[Value, ...]] = []
    for item in overdue(plans, tracking):
        assert item.due is not None
        late = (tracking.as_of - item.due).days
        text = item.action.text if item.action else item.rec.text
        label = item.action.label if item.action else None
        rows.extend(
            (owner, item.rec.number, label, text, item.due, late, item.plan.plan.title,
             item.plan.source, item.rec.id, item.plan.key, item.record_key, item.action_key)
            for owner in item.owners
        )
    rows.sort(key=lambda r: (str(r[0]).casefold(), -int(r[5] or 0)))
    return Table("Overdue", OVERDUE_COLUMNS, rows)


def summary(plans: Sequence[SourcedPlan], tracking: Tracking, owners_shown: int = 5) -> str:
    """"overdue on 2026-12-01: 12 of 60 actions; a.pdf 10, b.pdf 2; owners: SSP 7, ..."."""
    every = items(plans, tracking)
    late = [i for i in every if i.progress == OVERDUE]
    line = f"overdue on {tracking.as_of.isoformat()}: {len(late)} of {len(every)} actions"
    if not late:
        return line
    per_plan = Counter(i.plan.source for i in late)
    per_owner = Counter(o for i in late for o in i.owners)
    line += "; " + ", ".join(f"{p} {n}" for p, n in per_plan.most_common())
    shown = per_owner.most_common(owners_shown)
    more = len(per_owner) - len(shown)
    line += "; owners: " + ", ".join(f"{o} {n}" for o, n in shown)
    return line + (f" and {more} more" if more > 0 else "")
