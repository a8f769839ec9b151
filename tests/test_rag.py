"""RAG and BRAG ratings in words: one row per real-world cell, and the plan-wide scale."""

from __future__ import annotations

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.extract.model import Cell, Row, Table
from dhrplan.normalize.columns import map_columns
from dhrplan.normalize.completion import BRAG_KEY, parse_completion, rag_word
from dhrplan.normalize.rag import plan_key
from dhrplan.normalize.records import RecordBuilder
from dhrplan.normalize.structure import PlanTable, drafts_for

# cell, the colour it names (None: no rating)
WORDS = [
    ("Green", "green"),
    ("AMBER", "amber"),
    ("Red.", "red"),
    ("Blue", "blue"),
    ("B", "blue"),
    ("G", "green"),
    ("RAG: Amber", "amber"),
    ("RAG rating: Red", "red"),
    ("RAG status - Green", "green"),
    ("BRAG: Blue", "blue"),
    ("BRAG status: Blue", "blue"),
    ("B/R/A/G: Green", "green"),
    ("Status: Blue", "blue"),
    ("Blue - completed", "blue"),
    ("Blue (closed)", "blue"),
    ("Green – on track", "green"),
    ("G - complete", "green"),
    ("A - in progress", "amber"),
    ("R – not started", "red"),
    ("R/A/G: Amber", "amber"),
    ("RAG rated green", "green"),
    ("Rated Amber", "amber"),
    ("RAG: G", "green"),
    ("Current RAG: Red", "red"),
    ("Green 12/05/2025", "green"),
    # not ratings
    ("Red flag procedures reviewed", None),
    ("Blue Light services briefed", None),
    ("A. Training delivered", None),
    ("Greenwich Council", None),
    ("Complete", None),
    # --- round 6: ratings as council trackers write them
    ("Green (complete)", "green"),
    ("Amber/Green", "amber"),  # the status reads both (in progress)
    ("Red/Amber", "red"),
    ("Amber (on track)", "amber"),
    ("Blue – complete and embedded", "blue"),
    ("RAG = Green", "green"),
    ("Rag Status: AMBER", "amber"),
    ("Current status: Red", "red"),
    ("Status – Amber", "amber"),
    ("Overall status - Green", "green"),
    ("Red-rated", "red"),
    ("Amber.", "amber"),
    ("(Amber)", "amber"),
    ("Green ✓", "green"),
    ("R - overdue", "red"),
    ("RAG: Green (was Amber)", "green"),
    ("Purple", None),
    ("Grey", None),
    ("A/G", None),  # two letters: no rating word; the status warns
    ("Greenhill Surgery", None),
    ("Redbridge Council", None),
    ("Amber Valley Borough Council", None),
    ("Blue Light Hub", None),
    ("Green Paper published", None),
    ("Statutory guidance", None),
    # a Red, Yellow, Green scale (Home Office partnership plans): yellow is the amber
    ("Yellow", "amber"),
    ("RAG: Yellow", "amber"),
    ("Yellow - on track", "amber"),
    ("Yellow Brick Road project", None),
]


@pytest.mark.parametrize(("cell", "colour"), WORDS)
def test_rag_word(cell: str, colour: str | None) -> None:
    assert rag_word(cell) == colour


# cell, status with the common key (green complete), status in a BRAG plan (green on track)
SCALES = [
    ("Green", "complete", "in_progress"),
    ("Blue", "complete", "complete"),
    ("Amber", "in_progress", "in_progress"),
    ("Red", "not_started", "not_started"),
    ("BRAG: Green", "in_progress", "in_progress"),  # the cell names its scale
    ("Green (complete)", "complete", "complete"),  # the words after the colour decide
    ("Green - on track", "in_progress", "in_progress"),
    ("Blue/Green", "in_progress", "in_progress"),  # a blue names BRAG: green is on track
    ("Amber/Green", "in_progress", "in_progress"),
    ("Red (overdue)", "in_progress", "in_progress"),
]


@pytest.mark.parametrize(("cell", "common", "brag"), SCALES)
def test_a_colour_reads_by_its_plans_scale(cell: str, common: str, brag: str) -> None:
    plain, _ = parse_completion(cell)
    in_brag, _ = parse_completion(cell, key=dict(BRAG_KEY))
    assert (plain.status, in_brag.status) == (common, brag)


def table(*rows: tuple[str, ...]) -> Table:
    made = [Row([cell_from_markup(c) for c in cells], [1]) for cells in rows]
    return Table(made[0], made[1:], None)


PLAN = ("Recommendation", "Lead", "Status")


@pytest.mark.parametrize(("rows", "brag"), [
    # a status cell rated Blue: the plan rates in BRAG, so its green is on track
    ([("1 The CSP should act.", "CSP", "Blue"), ("2 Police should act.", "Police", "Green")],
     True),
    ([("1 The CSP should act.", "CSP", "Blue - completed")], True),
    ([("1 The CSP should act.", "CSP", "B"), ("2 Police should act.", "Police", "G")], True),
    # no blue: no BRAG
    ([("1 The CSP should act.", "CSP", "Green"), ("2 Police should act.", "Police", "Amber")],
     False),
    ([("1 The CSP should act.", "CSP", "R")], False),
    # "Blue" opening a long sentence is prose, not a rating
    ([("1 The CSP should act.", "CSP",
       "Blue - the light service was briefed by the force in March and again in May 2024")],
     False),
])
def test_a_blue_rating_makes_the_table_brag(rows, brag) -> None:
    whole = table(PLAN, *rows)
    assert map_columns(whole.header, whole.rows).brag is brag
    assert plan_key([whole]) is None  # no printed key: BRAG is the columns' finding


def test_a_plan_rated_blue_reads_its_green_as_on_track() -> None:
    """End to end: one Blue in one table's status column makes the plan BRAG, so the "Green"
    of another table (on track in BRAG) is in progress, not complete; its Blue is complete."""
    rated = table(PLAN, ("1 The CSP should publish the learning.", "CSP", "Blue"))
    other = table(PLAN, ("2 Police should train call handlers.", "Police", "Green"))
    readings = [PlanTable(t, t.header, t.rows, map_columns(t.header, t.rows), None, lead=[])
                for t in (rated, other)]
    builder = RecordBuilder("plan", {}, plan_key([rated, other]),
                            brag=any(r.columns.brag for r in readings))
    for draft in drafts_for(readings):
        builder.add(draft)
    assert [(r.number, r.completion.status) for r in builder.records] == [
        ("1", "complete"), ("2", "in_progress")]


SHADED = ("Recommendation", "Lead", "Progress update", "RAG")


def shaded(*rows: tuple[str, str, str, str, str | None]) -> Table:
    """A plan whose RAG column is shaded (the last item of a row: its fill)."""
    made = [Row([Cell(t) for t in SHADED], [1])]
    made += [Row([Cell(a), Cell(b), Cell(c), Cell(d, fill=fill)], [1])
             for a, b, c, d, fill in rows]
    return Table(made[0], made[1:], None)


def first_record(plan: Table):
    """The first record of a one-table plan, read with the plan's own colour key."""
    reading = PlanTable(plan, plan.header, plan.rows, map_columns(plan.header, plan.rows),
                        None, lead=[])
    builder = RecordBuilder("plan", {}, plan_key([plan]))
    for draft in drafts_for([reading]):
        builder.add(draft)
    return builder.records[0]


def test_a_small_plan_with_shaded_ratings_is_no_colour_key() -> None:
    """Each row has one shaded cell, as a key's rows do; read as a key, its green meant "in
    progress" (its row said "approved") and its amber "not started"."""
    plan = shaded(("1 Housing to review the policy.", "Housing", "Policy approved at Cabinet",
                   "", "#00b050"),
                  ("2 Police to train staff.", "Police", "Not yet started", "", "#ffc000"))
    assert plan_key([plan]) is None


@pytest.mark.parametrize(("progress", "rating", "fill", "status", "warned"), [
    ("Completed 31/03/2025", "R", None, "not_started", True),  # one of the two is wrong
    ("On track", "Green", None, "complete", True),
    ("", "", "#ff0000", "not_started", False),  # the shading alone: said as read from colour
    ("Training delivered to all staff", "Green", None, "complete", False),
])
def test_progress_words_against_the_rating_are_said(progress, rating, fill, status,
                                                    warned) -> None:
    plan = shaded(("1 The CSP should act.", "CSP", progress, rating, fill))
    record = first_record(plan)
    assert record.completion.status == status
    assert any("the RAG rating reads as" in w.message for w in record.warnings) is warned


@pytest.mark.parametrize(("header", "fill", "status"), [
    ("Delivery status", "#00b050", "complete"),
    ("Progress", "#ffc000", "in_progress"),
    ("Status", "#ff0000", "not_started"),
    ("Progress update", "#d9d9d9", None),  # grey: a template's shading, no rating
    ("Status", None, None),
])
def test_a_status_column_shaded_without_words_reads_by_its_colour(header, fill, status) -> None:
    """Plans that show status by colour alone shade the cells of whatever column names the
    status; a blank shaded cell there was a record with no status and no warning."""
    made = [Row([Cell("Recommendation"), Cell("Lead"), Cell(header)], [1]),
            Row([Cell("1 The CSP should publish the learning."), Cell("CSP"),
                 Cell("", fill=fill)], [1])]
    plan = Table(made[0], made[1:], None)
    record = first_record(plan)
    assert (record.completion.status if record.completion else None) == status
    assert any(w.code == "status_from_colour" for w in record.warnings) is (status is not None)
