"""Rows to recommendations: row kinds, action rows with their own owners, combined progress."""

from __future__ import annotations

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.extract.model import Cell, Heading, Row, Table
from dhrplan.extract.rowkinds import classify
from dhrplan.normalize.columns import map_columns
from dhrplan.normalize.record import Completion
from dhrplan.normalize.records import RecordBuilder, rolled_up
from dhrplan.normalize.structure import PlanTable, drafts_for


def row(*cells: str, page: int = 1) -> Row:
    return Row([cell_from_markup(c) for c in cells], [page])


SOMERSET_012 = row(
    "Recommendation", "Scope", "Action Required", "Action Holder", "Key Milestones",
    "Target Date", "Date of Completion and Outcome",
)
LILY = row(
    "", "<i>Recommendation</i>", "<i>Scope</i>", "<i>Action</i>", "<i>Lead Agency</i>",
    "<i>Key Milestone</i>", "<i>Target Date</i>", "<i>Compltn date/Outcome</i>",
)

KINDS = [
    # --- samples/somerset-dhr-012-action-plan.txt
    (SOMERSET_012, ["1) The police should seek to take opportunities", "Local"], "numbered"),
    (SOMERSET_012, ["<p>with difficult adults, but they did not allow</p>"], "text"),
    (SOMERSET_012, ["", "", "Change", "", "Review current", "3 months", ""], "action"),
    (SOMERSET_012, ["---", "--", "----", "---", "---", "--", "--"], "empty"),
    # --- samples/somerset-dhr-lily-action-plan.txt
    (LILY, ["<b>MARAC</b>"], "section"),
    (LILY, ["<b>Communication</b>"], "section"),
    (LILY, ["<b>4.</b>", "<p>SSP to review its training</p>", "Local"], "numbered"),
    (LILY, ["<b>1</b>", "<p><b><i>Recommendation One</i></b></p><p>To carry out</p>"], "numbered"),
    (LILY, ["", "<p>can do to challenge it</p>", "", "<p>informed approach</p>"], "text"),
    (LILY, ["", "<b>Social Care.</b>", "", "", "", "", "", "to manage the risks"], "text"),
    # --- debris and other plans
    (SOMERSET_012, ["Page 3 of 12"], "empty"),
    (SOMERSET_012, ["", "", "", "", "", "", "12"], "empty"),
    (LILY, ["7"], "numbered"),
    (LILY, ["1.2", "", "", "Second action of recommendation 1", "CSP"], "action"),
    (SOMERSET_012, ["Multi-agency recommendations"], "section"),
    (SOMERSET_012, ["Recommendation 3: Agencies to share learning."], "numbered"),
    # --- trackers numbering their themes in full-width rows (Torbay's, docs/wordings.md W1)
    (SOMERSET_012, ["1 IDENTIFYING RISK"], "section"),
    (SOMERSET_012, ["<b>2 Working together</b>"], "section"),
    (SOMERSET_012, ["3 Working together"], "numbered"),  # neither capitals nor bold
    (SOMERSET_012, ["<b>4 Agencies should share learning.</b>"], "numbered"),
]


@pytest.mark.parametrize(("header", "cells", "kind"), KINDS)
def test_classify(header: Row, cells: list[str], kind: str) -> None:
    cells = cells + [""] * (len(header.cells) - len(cells))
    assert classify(map_columns(header), row(*cells)) == kind


def build(header: Row, *rows: Row) -> list:
    table = Table(header, list(rows), "Police")
    builder = RecordBuilder("plan", {"CSP": "Community Safety Partnership"})
    reading = PlanTable(table, header, list(rows), map_columns(header, list(rows)), "Police",
                        lead=[Heading("Police", 1)])
    for draft in drafts_for([reading]):
        builder.add(draft)
    return builder.records


def test_action_rows_carry_their_own_owner_date_and_progress() -> None:
    header = row("No.", "Recommendation", "Action", "Lead", "Target date", "Progress")
    (record,) = build(
        header,
        row("1", "Refresh training.", "Write package", "DI Smith", "May 2025", "Complete"),
        row("", "", "Deliver package", "CSP", "Sept 2025", "Not started", page=2),
    )
    assert record.id == "plan-police-1"
    assert record.pages == [1, 2]
    assert [(a.text, [o.name for o in a.owners]) for a in record.actions] == [
        ("Write package", ["DI Smith"]),
        ("Deliver package", ["CSP"]),
    ]
    assert record.actions[1].owners[0].expansion == "Community Safety Partnership"
    assert [a.target_dates[0].start.month for a in record.actions] == [5, 9]
    assert record.completion.status == "in_progress"


def test_single_row_actions_carry_nothing_of_their_own() -> None:
    header = row("Recommendation", "Action", "Lead", "Target date")
    (record,) = build(header, row("1. Do it.", "a. One. b. Two.", "CSP", "2025"))
    assert [(a.label, a.text, a.owners) for a in record.actions] == [
        ("a", "One.", None), ("b", "Two.", None),
    ]
    assert record.owners[0].name == "CSP"


def test_theme_rows_set_the_section_and_ids_stay_unique() -> None:
    header = row("Recommendation", "Action", "Lead")
    records = build(
        header,
        row("Training"),
        row("1. Train.", "Course", "CSP"),
        row("Communication"),
        row("1. Tell.", "Campaign", "CSP"),
    )
    assert [(r.section, r.number, r.id) for r in records] == [
        ("Training", "1", "plan-training-1"),
        ("Communication", "1", "plan-communication-1"),
    ]


def test_unnumbered_plan_warns() -> None:
    header = row("Recommendation", "Action", "Lead")
    (record,) = build(header, row("Agencies to share learning.", "Event", "CSP"))
    assert record.number is None
    assert ("no_number", "number") in [(w.code, w.field) for w in record.warnings]


@pytest.mark.parametrize(
    ("statuses", "combined"),
    [
        (["complete", "complete"], "complete"),
        (["complete", "not_started"], "in_progress"),
        (["unknown", "unknown"], "unknown"),
        (["not_started", "not_started"], "not_started"),
        (["not_started", "unknown"], "unknown"),
        (["complete", "unknown"], "in_progress"),
        (["in_progress"], "in_progress"),
    ],
)
def test_rolled_up(statuses: list[str], combined: str) -> None:
    parts = [Completion(s, s) for s in statuses]
    assert rolled_up(parts).status == combined


# ref column per row, the records' (number, [action labels]): refs that differ on every row
# of one recommendation label its actions; a parent ref or one ref repeated numbers it
REFS = [
    (["PROVUL8.1", "PROVUL8.2"], "DHR Recommendation 4: Police should.", ("4", ["PROVUL8.1",
                                                                             "PROVUL8.2"])),
    (["PROVUL8.1", "PROVUL8.2"], "Police should.", (None, ["PROVUL8.1", "PROVUL8.2"])),
    (["1(i)", "1(ii)"], "Police should.", ("1", ["1(i)", "1(ii)"])),
    (["3", "3"], "Police should.", ("3", [None, None])),
]


@pytest.mark.parametrize(("refs", "text", "want"), REFS)
def test_refs_on_every_row_of_a_repeated_recommendation_label_its_actions(
    refs: list[str], text: str, want: tuple
) -> None:
    header = row("Action Ref Number", "Recommendation/ Overarching Action", "Sub-Action",
                 "Delivery Status")
    (record,) = build(header, *(row(ref, text, f"Action {i}", "Complete")
                                for i, ref in enumerate(refs)))
    assert (record.number, [a.label for a in record.actions]) == want


# cells of a review template row (update, Achieved, On target), the status
TICKED = [
    (("Letter sent 14.11.2024.", "\u2713", ""), "complete"),
    (("Gap analysis completed; application submitted.", "", "\u2713"), "in_progress"),
    (("Question added to the template; audit planned.", "", "\u2713"), "in_progress"),
    (("Not started: depends on the training.", "", ""), "not_started"),
]


@pytest.mark.parametrize(("cells", "status"), TICKED)
def test_a_tick_in_a_state_column_sets_the_status(cells: tuple[str, ...], status: str) -> None:
    header = row("Recommendation", "Responsible Officer", "Update on progress",
                 "Achieved (tick)", "On Target to Achieve")
    (record,) = build(header, row("1 The CSP should act.", "CSP Chair", *cells))
    assert record.completion.status == status
    # an update that reads as another state than the tick is told
    disagrees = cells[0].startswith("Gap analysis completed")
    assert any("the tick kept" in w.message for w in record.warnings) is disagrees


# section heading, the target its records get when they give none
HORIZONS = [
    ("SHORT TERM TARGETS (Achievable within 6 months ie, by June 2025)", (2025, 6)),
    ("Actions to be completed by March 2026", (2026, 3)),
    ("Actions to be completed by the CSP", None),
    ("Recommendations agreed by June 2024", None),
    ("Training", None),
]


@pytest.mark.parametrize(("section", "month"), HORIZONS)
def test_a_section_that_sets_a_deadline_is_the_target_of_its_records(
    section: str, month: tuple[int, int] | None
) -> None:
    header = row("Recommendation", "Responsible Officer", "Update on progress")
    records = build(header, row(section), row("1 The CSP should act.", "CSP Chair", "Done"))
    got = [(d.end.year, d.end.month) for d in records[0].target_dates]
    assert got == ([month] if month else [])


# a progress column's colour words, and what they mean under its header
BRAG = [
    ("Progress", "Green", "complete"),
    ("Progress", "Blue", "complete"),
    ("BRAG status", "Green", "in_progress"),
    ("BRAG status", "G", "in_progress"),
    ("BRAG status", "Blue", "complete"),
    ("B/R/A/G", "Red", "not_started"),
    ("BRAG status", "Green (complete)", "complete"),
]


@pytest.mark.parametrize(("heading", "word", "status"), BRAG)
def test_brag_green_is_on_track(heading: str, word: str, status: str) -> None:
    """In a BRAG column blue is complete and green on track; elsewhere green is complete."""
    header = row("No.", "Recommendation", "Lead", "Target date", heading)
    (record,) = build(header, row("1", "Refresh training.", "CSP", "May 2025", word))
    assert record.completion.status == status


# (progress, day done) beside each other; the status, the day, whether the two disagree
DONE_DAYS = [
    ("Complete", "15/07/2025", "complete", "2025-07-15", False),
    ("Flag live in all districts.", "02/06/2025", "complete", "2025-06-02", False),
    ("", "02/06/2025", "complete", "2025-06-02", False),
    ("In progress – guidance drafted", "", "in_progress", None, False),
    ("In progress – guidance drafted", "02/06/2025", "in_progress", None, True),
    ("Complete", "TBC", "complete", None, False),
]


@pytest.mark.parametrize(("progress", "day", "status", "on", "told"), DONE_DAYS)
def test_a_column_of_done_days_gives_the_day_beside_the_progress(
    progress: str, day: str, status: str, on: str | None, told: bool
) -> None:
    """ "Date completed" left of "Progress update": the progress is the status, the day
    done is read from its own column."""
    header = row("No", "Recommendation", "Lead", "Target date", "Date completed", "Progress")
    (record,) = build(header, row("1", "The CSP should act.", "CSP", "June 2025", day,
                                  progress))
    assert record.completion.status == status
    assert (record.completion.date.isoformat() if record.completion.date else None) == on
    assert any("gives the day it was done" in w.message for w in record.warnings) is told


# updates by quarter; the status each row's latest update gives
QUARTERS = [
    (("Not started", "In progress", "Complete"), "complete"),
    (("Not started", "In progress", ""), "in_progress"),
    (("Not started", "", ""), "not_started"),
    (("", "", ""), None),
]


@pytest.mark.parametrize(("updates", "status"), QUARTERS)
def test_of_updates_by_period_the_latest_is_the_status(updates, status) -> None:
    header = row("No", "Recommendation", "Lead", "Update Q1", "Update Q2", "Update Q3")
    (record,) = build(header, row("1", "The CSP should act.", "CSP", *updates))
    assert (record.completion.status if record.completion else None) == status


# ticks under three horizons; the target kind and its months
HORIZONS = [
    (("\u2713", "", ""), 6),
    (("", "\u2713", ""), 12),
    (("", "", "Yes"), 24),
]


@pytest.mark.parametrize(("ticks", "months"), HORIZONS)
def test_a_tick_under_a_horizon_is_the_rows_timescale(ticks, months) -> None:
    header = row("No", "Recommendation", "Short term (0-6 months)", "Medium term (6-12 months)",
                 "Long term (12-24 months)")
    (record,) = build(header, row("1", "The CSP should act.", *ticks))
    (target,) = record.target_dates
    assert (target.kind, target.offset_months) == ("relative", months)
    assert any(w.field == "target_dates" for w in record.warnings)  # counted from what: unsaid



def test_an_owner_merged_down_over_action_rows_is_each_actions() -> None:
    """ "Police" merged down beside two action rows: both actions' owner, counted once on
    the record; where nothing says the blank is a merge (a text export), it is warned."""
    header = row("No", "Recommendation", "Action", "Lead agency", "Target date", "Status")
    merged = Row([Cell(merged=True), Cell(merged=True), Cell("Brief call handlers."),
                  Cell(merged=True), Cell("July 2025"), Cell("In progress")], [1])
    (record,) = build(header, row("1", "Police should flag repeat callers.", "Add a flag.",
                                  "Police", "June 2025", "Complete"), merged)
    assert [[o.name for o in a.owners] for a in record.actions] == [["Police"], ["Police"]]
    assert [o.name for o in record.owners] == ["Police"]
    assert not any(w.code == "owners_unsure" for w in record.warnings)
    blank = Row([Cell(), Cell(), Cell("Brief call handlers."), Cell(), Cell("July 2025"),
                 Cell("In progress")], [1])
    (record,) = build(header, row("1", "Police should flag repeat callers.", "Add a flag.",
                                  "Police", "June 2025", "Complete"), blank)
    assert record.actions[1].owners == []
    assert any(w.code == "owners_unsure" and w.field == "actions" for w in record.warnings)


def test_several_actions_beside_several_dates_say_the_pairing_is_unread() -> None:
    header = row("No", "Recommendation", "Action", "Lead", "Target date")
    (record,) = build(header, row("1", "The CSP should act.", "<p>a. Draft.</p><p>b. Send.</p>",
                                  "CSP", "<p>June 2025</p><p>July 2025</p>"))
    assert len(record.actions) == 2
    assert any(w.code == "paragraphs_unsure" and w.field == "actions" for w in record.warnings)
