"""A column's cells decide each other's unsure first-sentence breaks (extract/columnbreaks.py):
cells as an untagged page prints them (their lines) and as the line rules read them (their
text, a break read as a wrap noted unsure), in columns of recommendations set as the corpus
plans set them."""

from __future__ import annotations

import pytest

from dhrplan.extract.celltext import unsure_notes
from dhrplan.extract.columnbreaks import split_column_breaks
from dhrplan.extract.model import PARAGRAPHS_UNSURE, Cell, Row

BROKEN = (
    ["The CSP should commission domestic", "abuse training for frontline staff.",
     "Staff in two agencies had had none."],
    "The CSP should commission domestic abuse training for frontline staff.\n"
    "Staff in two agencies had had none.",
)
"""A cell whose first sentence ended short of a full line: a sure paragraph break."""
BROKEN_TOO = (
    ["Probation should check addresses", "before approving a move.",
     "Mr Z moved in while on licence."],
    "Probation should check addresses before approving a move.\n"
    "Mr Z moved in while on licence.",
)
GOES_ON = (
    ["The ICB should seek assurance. GP", "practices did not follow up."],
    "The ICB should seek assurance. GP practices did not follow up.",
)
"""A cell whose second sentence starts on its first sentence's line: the column runs its
sentences on."""
CUT = (
    ["that he had threatened her. No check", "was made with the GP."],
    "that he had threatened her. No check was made with the GP.",
)
"""The rest of a cell a page break cut: its first sentence is on the page before."""
UNSURE_LINES = ["Sussbury Adult Social Care should", "ask carers about their safety.",
                "Karen was never asked."]
UNSURE_HEAD = "Sussbury Adult Social Care should ask carers about their safety."


def row(lines: list[str], text: str, unsure: str | None = None) -> Row:
    notes = unsure_notes([unsure], 0) if unsure else []
    return Row([Cell(text, lines=tuple(lines))], [1], notes)


def unsure_row(noted: bool = True) -> Row:
    return row(UNSURE_LINES, f"{UNSURE_HEAD} Karen was never asked.",
               UNSURE_HEAD if noted else None)


@pytest.mark.parametrize(("others", "noted", "split"), [
    # two cells break after their first sentence, none goes on: the full line breaks too
    ([BROKEN, BROKEN_TOO], True, True),
    # one cell of the column goes on after its first sentence mid-line: kept as a wrap
    ([BROKEN, BROKEN_TOO, GOES_ON], True, False),
    # one cell alone is no habit
    ([BROKEN], True, False),
    # the rest of a cut cell tells nothing about first sentences
    ([BROKEN, BROKEN_TOO, CUT], True, True),
    # a break a surer rule read as going on (tags, no note) is left alone
    ([BROKEN, BROKEN_TOO], False, False),
])
def test_a_columns_first_sentences_decide_a_full_line(
    others: list[tuple[list[str], str]], noted: bool, split: bool
) -> None:
    rows = [row(lines, text) for lines, text in others] + [unsure_row(noted)]
    before = [r.cells[0].text for r in rows[:-1]]
    assert split_column_breaks(rows, 0) == int(split)
    assert [r.cells[0].text for r in rows[:-1]] == before
    last = rows[-1]
    if split:
        assert last.cells[0].text == f"{UNSURE_HEAD}\nKaren was never asked."
        (note,) = last.warnings
        assert note.code == PARAGRAPHS_UNSURE and note.column == 0
        assert "read as a paragraph end" in note.message and "may be a wrap" in note.message
    else:
        assert last.cells[0].text == f"{UNSURE_HEAD} Karen was never asked."
        assert [n.message for n in last.warnings] == (
            [n.message for n in unsure_notes([UNSURE_HEAD], 0)] if noted else []
        )


MILESTONES = [
    (["Workshops scheduled", "Practice briefing", "published"],
     "Workshops scheduled\nPractice briefing published"),
    (["Audit in programme", "Audit completed", "Findings reported"],
     "Audit in programme\nAudit completed\nFindings reported"),
]
"""A milestone column: items ending in a lower-case word, the next opening with a capital,
at sure breaks (short lines), one item wrapped ("Practice briefing" / "published")."""


@pytest.mark.parametrize(("others", "lines", "text", "noted", "expected"), [
    # the next milestone opening with a figure, at a full line: an item like the others
    (MILESTONES, ["Screening tool live", "90% of frontline staff trained"],
     "Screening tool live 90% of frontline staff trained", "Screening tool live",
     "Screening tool live\n90% of frontline staff trained"),
    # a capitalised word with a capital after it is a name going on, no item
    (MILESTONES, ["Embed changes through key", "Trust Meetings"],
     "Embed changes through key Trust Meetings", "Embed changes through key",
     "Embed changes through key Trust Meetings"),
    # a label's value goes on after its colon or semicolon, whatever the column's habit
    ([BROKEN, BROKEN_TOO], ["Ownership;", "Police, SomFT and CCG"],
     "Ownership; Police, SomFT and CCG", "Ownership;", "Ownership; Police, SomFT and CCG"),
    # "S1. S2." / "S3.": the cell's own break after S2, and copies of the cell (second
    # and third rounds), are no habit for the break after S1
    (2 * [(["The police should use this review in", "training. The police often faced",
        "high tension.", "This may be done in training."],
       "The police should use this review in training. The police often faced high "
       "tension.\nThis may be done in training.")],
     ["The police should use this review in training.", "The police often faced",
      "high tension.", "This may be done in training."],
     "The police should use this review in training. The police often faced high "
     "tension.\nThis may be done in training.", "The police should use this review in training.",
     "The police should use this review in training. The police often faced high "
     "tension.\nThis may be done in training."),
])
def test_the_kind_of_boundary_decides_whose_habit_counts(
    others: list[tuple[list[str], str]], lines: list[str], text: str, noted: str,
    expected: str,
) -> None:
    rows = [row(ls, t) for ls, t in others] + [row(lines, text, noted)]
    split_column_breaks(rows, 0)
    assert rows[-1].cells[0].text == expected


ACTIONS = (["Agree the protocol.", "Review it in June.", "Report to the Board."],
           "Agree the protocol.\nReview it in June.\nReport to the Board.")
ACTIONS_TOO = (["Map the services.", "Publish the map.", "Brief every agency."],
               "Map the services.\nPublish the map.\nBrief every agency.")
CUT_ACTIONS = (["audit in the spring.", "Share the findings."],
               "audit in the spring.\nShare the findings.")
"""The rest of an action cell a page break cut: its breaks may be the unsure cell's own."""


@pytest.mark.parametrize(("others", "split"), [
    ([ACTIONS, ACTIONS_TOO], True),  # two cells break after their later sentences
    ([ACTIONS, CUT_ACTIONS], False),  # the rest of a cut cell is no second cell
])
def test_later_sentences_go_by_the_other_cells_later_sentences(
    others: list[tuple[list[str], str]], split: bool
) -> None:
    lines = ["Gap analysis done.", "Action plan to close the", "gaps.", "Apply for accreditation."]
    text = "Gap analysis done.\nAction plan to close the gaps. Apply for accreditation."
    rows = [row(ls, t) for ls, t in others] + [row(lines, text, "Action plan to close the gaps.")]
    split_column_breaks(rows, 0)
    assert rows[-1].cells[0].text == (text.replace("gaps. ", "gaps.\n") if split else text)
