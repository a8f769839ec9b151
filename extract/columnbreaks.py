"""A column's cells tell each other's unsure paragraph breaks: where the first sentence ends.

A line that ends a sentence where the line is full, followed by a capital that would not
have fitted, looks the same on the page whether the paragraph ended there or the text went
on (`celltext.unsure_break`). A person reading the table looks at the column's other cells:
where every cell whose first sentence ends before a line's end shows a paragraph break
there ("Agencies should ... followed up." / "The review found ..."), and none goes on after
its first sentence on the same line, the plan sets each cell's first sentence (the
recommendation, the action) as a paragraph of its own, and a full line ending the first
sentence is read so too; still warned, as a guess. Any cell of the column that goes on
after its first sentence on the same line turns the rule off for the column. A column is
taken across every table of the document as wide as its own (one table cut at page breaks,
or the same template repeated, as a form per recommendation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from dhrplan.extract.celltext import break_said
from dhrplan.extract.model import PARAGRAPHS_UNSURE, Block, Row, RowNote, TableFragment


@dataclass(frozen=True)
class ColumnBreakSettings:
    """How much of a column must agree before its cells decide an unsure break."""

    min_breaks: int = 2
    """Cells of the column that must show a paragraph break right after their first
    sentence (with none going on after it mid-line): one could be chance (in the corpus,
    one was: "...tenancy visits. Training should include:" went on in the .docx, with
    one other cell of its column broken after its first sentence); two cells set alike
    are the plan's habit."""
    min_sentence: int = 20
    """Characters a first sentence must have: "Mr. Z", "No. 5" and "e.g. The" end no
    sentence worth the name."""


SETTINGS = ColumnBreakSettings()

_FIRST_END = regex.compile(r"[.!?][)\]\"'’”]*(?= +[\p{Lu}\"“‘(])")
"""A sentence's end followed by a space and a capital (or an opening quote or bracket)."""
_ENDS_SENTENCE = regex.compile(r"[.!?][)\]\"'’”]*$")


def _first_sentence(paragraph: str, settings: ColumnBreakSettings) -> int | None:
    """Where the paragraph's first sentence ends (the index after its stop), when another
    sentence follows it in the same paragraph."""
    for match in _FIRST_END.finditer(paragraph):
        if match.end() >= settings.min_sentence:
            return match.end()
    return None


def _at_line_end(lines: Sequence[str], head: str) -> bool:
    """Whether the cell's printed lines end one of theirs exactly where `head` (the text up
    to the first sentence's end) ends: the break there was a line break."""
    target = " ".join(head.split())
    so_far = ""
    for line in lines[:-1]:
        so_far = " ".join(f"{so_far} {line}".split())
        if so_far == target:
            return True
        if len(so_far) >= len(target):
            return False
    return False


@dataclass
class _Cell:
    row: Row
    column: int
    split: int | None = None
    """Where the cell's first paragraph would be split (after its first sentence)."""


def _evidence(
    row: Row, column: int, settings: ColumnBreakSettings
) -> tuple[str, _Cell | None]:
    """What one cell shows: "break" (its first sentence is a paragraph of its own), "on"
    (a sentence follows the first on the same line), "unsure" (one follows it on the next
    line, read as a wrap and noted so), or "" (nothing)."""
    cell = row.cells[column]
    if len(cell.lines) < 2 or not cell.text:
        return "", None
    paragraphs = cell.text.split("\n")
    first = paragraphs[0]
    if first.startswith("• ") or first[:1].islower():
        # a bullet item's sentences are the item's; a cell opening in lower case is the
        # rest of one a page break cut, whose first sentence is on the page before
        return "", None
    end = _first_sentence(first, settings)
    if end is None:
        if (
            len(paragraphs) > 1
            and len(first) >= settings.min_sentence
            and _ENDS_SENTENCE.search(first)
            and paragraphs[1][:1].isupper()
            and not paragraphs[1].startswith("• ")
        ):
            return "break", None
        return "", None
    if not _at_line_end(cell.lines, first[:end]):
        return "on", None
    if any(note.column == column and note.message.startswith(break_said(first[:end]))
           for note in row.warnings):
        return "unsure", _Cell(row, column, end)
    return "", None  # read as going on by a surer rule (tags, the page's gap)





def split_first_sentences(
    rows: Sequence[Row], column: int, settings: ColumnBreakSettings = SETTINGS
) -> int:
    """Split, in place, the cells of one column (its rows in `rows`) whose first sentence
    ended at a full line and was read as going on, when the column's other cells set their
    first sentence as a paragraph of its own (see the module's docstring). Each split cell's
    row says so in a note. Returns the number of cells split."""
    seen: dict[str, list[_Cell | None]] = {"break": [], "on": [], "unsure": []}
    for row in rows:
        if column < len(row.cells):
            kind, cell = _evidence(row, column, settings)
            if kind:
                seen[kind].append(cell)
    if seen["on"] or len(seen["break"]) < settings.min_breaks:
        return 0
    for found in seen["unsure"]:
        assert found is not None and found.split is not None
        row, text = found.row, found.row.cells[column].text
        head, rest = text[: found.split], text[found.split :].lstrip(" ")
        row.cells[column] = replace(row.cells[column], text=f"{head}\n{rest}")
        said = break_said(head)
        row.warnings[:] = [
            note for note in row.warnings
            if not (note.column == column and note.message.startswith(said))
        ]
        row.warnings.append(RowNote(
            PARAGRAPHS_UNSURE,
            f"{said} was read as a paragraph end, as the column's other cells end their "
            f"first paragraph after one sentence; it may be a wrap",
            column,
        ))
    return len(seen["unsure"])


def split_document_first_sentences(
    blocks: Sequence[Block], settings: ColumnBreakSettings = SETTINGS
) -> int:
    """`split_first_sentences` for every column of the document's tables, each column's
    rows pooled across the fragments as wide as each other. Returns the cells split."""
    by_width: dict[int, list[Row]] = {}
    for block in blocks:
        if isinstance(block, TableFragment):
            by_width.setdefault(block.width, []).extend(block.rows)
    return sum(
        split_first_sentences(rows, column, settings)
        for width, rows in by_width.items()
        for column in range(width)
    )
