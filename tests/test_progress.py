"""Due dates and progress, table-driven: the end of the latest target date, relative dates
from --published, and done / overdue / due soon / open / undated against --as-of."""

from __future__ import annotations

from datetime import date

import pytest

from dhrplan.normalize.dates import parse_target_dates
from dhrplan.normalize.progress import Tracking, add_months, due, progress
from dhrplan.normalize.record import Completion, TargetDate

AS_OF = date(2024, 6, 1)
PUBLISHED = date(2024, 1, 31)


@pytest.mark.parametrize(("raw", "published", "expected"), [
    ("Autumn 2022", None, date(2022, 11, 30)),
    ("March 2024", None, date(2024, 3, 31)),
    ("31.12.2016", None, date(2016, 12, 31)),
    ("Q2 2024/25", None, date(2024, 9, 30)),
    ("2024", None, date(2024, 12, 31)),
    ("3 months following review publication", None, None),
    ("3 months following review publication", PUBLISHED, date(2024, 4, 30)),
    ("6 weeks after publication", PUBLISHED, date(2024, 3, 13)),
    ("Ongoing", PUBLISHED, None),
    ("", None, None),
    # --- round 4: the due day of each new reading (the one a tracker counts overdue from)
    ("May 2024/25", None, date(2024, 5, 31)),  # May of the financial year, not its end
    ("March 2025-26", None, date(2026, 3, 31)),
    ("Quarter 3 2024/25", None, date(2024, 12, 31)),
    ("2024-25 Q2", None, date(2024, 9, 30)),
    ("Q3/Q4 2024/25", None, date(2025, 3, 31)),
    ("H1 2025", None, date(2025, 6, 30)),
    ("Academic year 2024/25", None, date(2025, 8, 31)),
    ("w/e 14 June 2024", None, date(2024, 6, 14)),
    ("By Christmas 2024", None, date(2024, 12, 25)),
    ("Sep 24 - Mar 25", None, date(2025, 3, 31)),
    ("Mar & Sep 2025", None, date(2025, 9, 30)),
    ("By Dec 2024 (revised to Mar 2025)", None, date(2025, 3, 31)),
    ("Dec 2024 (now Mar 2025)", None, date(2025, 3, 31)),
    ("April 2025 - ongoing", None, None),  # open-ended: never overdue
    ("Since April 2024", None, None),
    ("Every six months", None, None),
    ("FY 2025", None, None),  # which financial year is not said
    ("Within 3 months of CSP sign-off", None, None),  # no sign-off day given
    # --- round 6: the due day of cells as council officers write them
    ("6 months post publication", None, None),
    ("6 months post publication", PUBLISHED, date(2024, 7, 31)),
    ("1 year post publication", PUBLISHED, date(2025, 1, 31)),
    ("Within 2 weeks of the DHR being published", PUBLISHED, date(2024, 2, 14)),
    ("30 days after publication", PUBLISHED, None),  # a count of days is not kept
    ("Spring 2025", None, date(2025, 5, 31)),
    ("end of summer term 2025", None, date(2025, 7, 31)),
    ("w/c 12/05/2025", None, date(2025, 5, 18)),
    ("31st Mar '25", None, date(2025, 3, 31)),
    ("31/03/20251", None, date(2025, 3, 31)),  # a footnote mark after the year
    ("Sept 24", None, date(2024, 9, 30)),
    ("Q2 2025/26", None, date(2025, 9, 30)),
    ("Nov 24 \u2013 Feb 25", None, date(2025, 2, 28)),
    ("Spring 2025 (revised to Autumn 2025)", None, date(2025, 11, 30)),
    ("Commence April 2025; complete March 2026", None, date(2026, 3, 31)),
    ("Term 1 2025", None, date(2025, 12, 31)),  # the whole year, warned
    ("BAU", None, None),  # routine: never overdue
    ("2025 academic year", None, None),  # which academic year is not said
    ("By next CSP meeting", PUBLISHED, None),
    ("Immediately", PUBLISHED, None),
    ("Q2", None, None),
])
def test_due_is_the_end_of_the_target_date(
    raw: str, published: date | None, expected: date | None
) -> None:
    assert due(parse_target_dates(raw)[0], Tracking(AS_OF, published).days()) == expected


def test_due_is_the_latest_of_several_dates() -> None:
    dates = [TargetDate("June 2024", "month", date(2024, 6, 1), date(2024, 6, 30)),
             TargetDate("Dec 2023", "month", date(2023, 12, 1), date(2023, 12, 31))]
    assert due(dates) == date(2024, 6, 30)
    assert due(None) is None


@pytest.mark.parametrize(("status", "when", "expected"), [
    ("complete", date(2020, 1, 1), "done"),
    ("complete", None, "done"),
    ("in_progress", date(2024, 5, 31), "overdue"),
    ("not_started", date(2024, 6, 1), "due soon"),
    ("unknown", date(2024, 7, 1), "due soon"),
    (None, date(2024, 7, 2), "open"),
    ("in_progress", None, "undated"),
    (None, None, "undated"),
])
def test_progress_against_the_day(status: str | None, when: date | None, expected: str) -> None:
    done = Completion("x", status) if status else None
    assert progress(done, when, Tracking(AS_OF)) == expected


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2024, 11, 15), 3, date(2025, 2, 15)),
    (date(2024, 5, 31), 0, date(2024, 5, 31)),
    (date(2024, 3, 31), 12, date(2025, 3, 31)),
])
def test_add_months_keeps_the_day_or_the_months_last(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected
