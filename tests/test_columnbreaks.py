"""A column's cells decide each other's unsure first-sentence breaks (extract/columnbreaks.py):
cells as an untagged page prints them (their lines) and as the line rules read them (their
text, a break read as a wrap noted unsure), in columns of recommendations set as the corpus
plans set them."""

from __future__ import annotations

import pytest

from dhrplan.extract.celltext import unsure_notes
from dhrplan.extract.columnbreaks import split_first_sentences
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
    assert split_first_sentences(rows, 0) == int(split)
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
