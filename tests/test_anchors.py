"""The days relative target dates count from, as plans state them: table-driven phrases,
the plan's tables left out, --published overriding, and the due dates they give."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dhrplan.cli import main
from dhrplan.extract.model import Cell, Heading, Row, Table
from dhrplan.normalize.anchordays import anchor_days, with_published
from dhrplan.normalize.anchors import stated_anchors
from dhrplan.normalize.progress import due
from dhrplan.normalize.record import AnchorDate, TargetDate

PUB, DONE = "publication", "review_completion"


def row(*texts: str) -> Row:
    return Row([Cell(t) for t in texts], [1])


@pytest.mark.parametrize(("text", "event", "day", "from_text"), [
    ("Date of publication: 12 March 2024", PUB, date(2024, 3, 12), False),
    ("Publication date - 12/03/2024", PUB, date(2024, 3, 12), False),
    ("Published March 2024", PUB, date(2024, 3, 31), False),
    ("Published: 1st May 2023", PUB, date(2023, 5, 1), False),
    ("Date of final report: 5 May 2023", DONE, date(2023, 5, 5), False),
    ("Date of final overview report 30.06.2022", DONE, date(2022, 6, 30), False),
    ("Date signed off: 5 May 2023", DONE, date(2023, 5, 5), False),
    ("Report signed off by the CSP on 5 May 2023", DONE, date(2023, 5, 5), True),
    ("The overview report was published on 12 March 2024.", PUB, date(2024, 3, 12), True),
    ("This review was completed in January 2021 and sent to the Home Office.", DONE,
     date(2021, 1, 31), True),
])
def test_phrases_that_state_a_day(text: str, event: str, day: date, from_text: bool) -> None:
    anchors, warnings = stated_anchors([Heading(text, 1)], [])
    assert anchors == [AnchorDate(event, day, "plan", " ".join(text.split()))]
    assert [w.code for w in warnings] == (["anchor_from_text"] if from_text else [])


@pytest.mark.parametrize("text", [
    "Home Office guidance published in December 2016 sets out the process.",  # not the report
    "Published by Kingsford Community Safety Partnership",  # no date
    "3 months post publication of the report",  # a target date, not a day
    "Publication: to be confirmed",
    "Action plan",
])
def test_text_that_states_no_day(text: str) -> None:
    assert stated_anchors([Heading(text, 1)], []) == ([], [])


def test_a_cover_table_gives_the_day_beside_its_label_and_plan_tables_are_not_read() -> None:
    cover = Table(row("Document", "DHR Lily"), [row("Date of publication", "12 March 2024"),
                                               row("Final report date:", "May 2023")], None)
    plan = Table(row("Recommendation", "Owner", "Target date", "Progress"),
                 [row("Review the policy, published in 2015", "CSP", "2024", "")], None)
    anchors, warnings = stated_anchors([cover, plan], [plan])
    assert warnings == []
    assert anchors == [
        AnchorDate(PUB, date(2024, 3, 12), "plan", "Date of publication 12 March 2024"),
        AnchorDate(DONE, date(2023, 5, 31), "plan", "Final report date: May 2023"),
    ]


def test_two_days_for_one_event_give_none_with_a_warning() -> None:
    anchors, warnings = stated_anchors(
        [Heading("Date of publication: 12 March 2024", 1), Heading("Published: June 2024", 2)],
        [])
    assert anchors == [] and [w.code for w in warnings] == ["anchor_conflict"]


def test_a_label_wins_over_a_sentence() -> None:
    anchors, warnings = stated_anchors([
        Heading("The report was published on 1 April 2024 after review.", 1),
        Heading("Date of publication: 12 March 2024", 1),
    ], [])
    assert [a.date for a in anchors] == [date(2024, 3, 12)] and warnings == []


RELATIVE = TargetDate("3 months post publication", "relative", offset_months=3,
                      anchor=PUB)
SIGN_OFF = TargetDate("within 3 months of sign-off", "relative", offset_months=3,
                      anchor=DONE)
STATED = [AnchorDate(PUB, date(2024, 3, 12), "plan", "Date of publication: 12 March 2024"),
          AnchorDate(DONE, date(2023, 5, 5), "plan", "Date signed off: 5 May 2023")]


@pytest.mark.parametrize(("dates", "anchors", "published", "expected"), [
    ([RELATIVE], STATED, None, date(2024, 6, 12)),
    ([SIGN_OFF], STATED, None, date(2023, 8, 5)),
    ([RELATIVE], STATED, date(2024, 1, 31), date(2024, 4, 30)),  # --published overrides
    ([SIGN_OFF], STATED, date(2024, 1, 31), date(2023, 8, 5)),  # ... only the publication
    ([SIGN_OFF], STATED[:1], None, None),  # publication does not date a sign-off
    ([SIGN_OFF], [], date(2024, 1, 31), date(2024, 4, 30)),  # the user's day dates all
    ([RELATIVE], [], None, None),
])
def test_due_counts_from_the_stated_or_given_day(
    dates: list[TargetDate], anchors: list[AnchorDate], published: date | None,
    expected: date | None,
) -> None:
    assert due(dates, anchor_days(anchors, published)) == expected


def test_published_replaces_the_plans_publication_day_and_says_so() -> None:
    given = with_published(STATED, date(2024, 1, 31))
    assert given == [AnchorDate(PUB, date(2024, 1, 31), "user", None), STATED[1]]


def test_the_json_says_where_each_day_came_from(tmp_path: Path) -> None:
    """Through the command line: a text export stating its publication day in its title
    block, converted as it is and with --published."""
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Kingsford DHR action plan\n\nDate of publication: 12 March 2024\n\n"
        "| Recommendation | Owner | Target date | Progress |\n|---|---|---|---|\n"
        "| 1. Review the MARAC | CSP | 3 months post publication of the report | Open |\n"
        "| 2. Train staff | CSP | March 2025 | Open |\n", "utf-8")
    for extra, source, day in (([], "plan", "2024-03-12"),
                               (["--published", "2024-01-31"], "user", "2024-01-31")):
        out = tmp_path / source
        assert main(["convert", str(plan), "-o", str(out), "-q", *extra]) == 0
        doc = json.loads((out / "plan.json").read_text("utf-8"))
        publication = [a for a in doc["anchors"] if a["event"] == PUB]
        assert [(a["source"], a["date"]) for a in publication] == [(source, day)]
