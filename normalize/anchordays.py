"""Which day a plan's relative target dates count from ("3 months post publication"): the
days the plan states (`anchors.stated_anchors`) or the user gives with `--published`.
Kept apart from the reading of those days, so that the overdue logic that runs in the
parent of a batch imports no text rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from dhrplan.normalize.record import AnchorDate

PUBLICATION, REVIEW_COMPLETION = "publication", "review_completion"
"""The events relative target dates name (normalize/dates.py `_anchor`)."""


def with_published(anchors: list[AnchorDate], published: date | None) -> list[AnchorDate]:
    """The user's `--published` day replaces the plan's publication day."""
    if published is None:
        return anchors
    kept = [a for a in anchors if a.event != PUBLICATION]
    return [AnchorDate(PUBLICATION, published, "user", None), *kept]


def anchor_days(anchors: Iterable[AnchorDate], published: date | None = None
                ) -> Mapping[str | None, date]:
    """The day each event's relative dates count from. The user's `--published` also dates
    what counts from sign-off when the plan does not say, and relative dates that name no
    event, as it always has; a plan's publication day dates only its own event."""
    days: dict[str | None, date] = {a.event: a.date for a in with_published(list(anchors),
                                                                             published)}
    user = next((a.date for a in with_published(list(anchors), published)
                 if a.source == "user"), None)
    if user is not None:
        days.setdefault(REVIEW_COMPLETION, user)
        days[None] = user
    return days
