"""A column's cells tell each other's unsure paragraph breaks.

A line that ends a sentence where the line is full, followed by a capital that would not
have fitted, looks the same on the page whether the paragraph ended there or the text went
on; so does a milestone ending in a lower-case word with the next one opening with a
capital or a figure ("Screening tool live" / "90% of staff trained"): `celltext` reads a
wrap and notes it (`celltext.unsure_break`). A person reading the table looks at the
column's other cells. Each such break is of a kind:

- **first**: the end of the cell's first sentence ("Agencies should ... followed up." /
  "The review found ...": a recommendation, then why);
- **sentence**: a later sentence's end, then a capital (actions one sentence each); a
  break after a later sentence says nothing of the first ("S1. S2." / "S3.");
- **item**: a lower-case content word, then a capitalised common word or a figure.

Where the column's other cells show that kind of boundary at sure paragraph breaks (a line
with room left, a space after it) at least twice, and never inside a line (where it cannot
be a break: the text went on), the plan sets such boundaries as paragraph breaks, and an
unsure one is read so too; still warned, as a guess. One boundary of the kind inside a line
anywhere in the column turns the rule off for that kind. A column is taken across every
table of the document as wide as its own (one table cut at page breaks, or the same
template repeated, as a form per recommendation). Breaks are told apart by the words before
them (a plan repeating a cell in a second round shows one habit, not two), a cell's own
breaks are no evidence for it, and nor is the rest of a cell a page break cut (it opens in
lower case): its breaks may be those of the very cell, on the page before, that is unsure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from dhrplan.extract.celltext import break_said, unsure_break
from dhrplan.extract.model import PARAGRAPHS_UNSURE, Block, Row, RowNote, TableFragment


@dataclass(frozen=True)
class ColumnBreakSettings:
    """How much of a column must agree before its cells decide an unsure break."""

    min_breaks: int = 2
    """Sure paragraph breaks of a kind (told apart by the words before them: plans repeat
    a cell in a second round) that the column's other cells must show, with none of that
    kind inside a line, before an unsure break of the kind is read as a paragraph end. One
    could be chance (in the corpus, one was: "...tenancy visits. Training should include:"
    went on in the .docx, one other cell of its column broken after its first sentence);
    two cells set alike are the plan's habit."""
    min_sentence: int = 20
    """Characters a first sentence must have: "Mr. Z", "No. 5" and "e.g. The" end no
    sentence worth the name."""


SETTINGS = ColumnBreakSettings()

_FIRST_END = regex.compile(r"[.!?][)\]\"'’”]*(?= +[\p{Lu}\"“‘(])")
"""A sentence's end followed by a space and a capital (or an opening quote or bracket)."""
_ENDS_SENTENCE = regex.compile(r"[.!?][)\]\"'’”]*$")
"""A word that ends a sentence; not a colon or semicolon, after which a label's value goes
on ("Ownership; Police, SomFT")."""


def _kinds(
    before: str, word: str, second: str, settings: ColumnBreakSettings
) -> frozenset[str]:
    """The kinds of boundary between `before` (the cell's text up to it) and `word` (with
    `second` after it: a capital there makes a name, "Trust Meetings", no item)."""
    last = before.rsplit(maxsplit=1)[-1] if before.strip() else ""
    if not last or not word or word.startswith("•"):
        return frozenset()  # a bullet starts a paragraph by a rule of its own
    if _ENDS_SENTENCE.search(last):
        if not word.lstrip("\"“‘(")[:1].isupper():
            return frozenset()
        head = before.strip()
        opening = not head.startswith("•") and not head[:1].islower()
        earlier = any(m.end() >= settings.min_sentence for m in _FIRST_END.finditer(head))
        first = opening and len(head) >= settings.min_sentence and not earlier
        return frozenset({"first"} if first else {"sentence"})
    item = unsure_break(before.rstrip(), word) and not second[:1].isupper()
    return frozenset({"item"}) if item else frozenset()


def _context(before: str) -> str:
    """The last words before a break, as one cell's break is told from another's."""
    return " ".join(before.split()[-6:])


def _could_open(word: str) -> bool:
    """Whether a word could open a sentence or an item: a capital or a figure first."""
    first = word.lstrip("\"“‘(")[:1]
    return first.isupper() or first.isdigit()


def _noted(row: Row, column: int) -> list[str]:
    """The sentences (ends of paragraphs so far) after which the row's notes say a line
    break in this column was read as a wrap (`celltext.break_said`)."""
    opening = break_said("")[:-1]  # 'the line break after "'
    found = []
    for note in row.warnings:
        if note.column == column and note.message.startswith(opening):
            quoted = note.message[len(opening):].split('" was read as a wrap', 1)[0]
            found.append(quoted.removeprefix("…"))
    return found


@dataclass
class _Unsure:
    row: Row
    position: int
    """Index in the cell's text of the space read as a wrap."""
    kinds: frozenset[str]


def _evidence(
    row: Row, column: int, on: Counter[str], breaks: set[tuple[str, str]],
    unsure: list[_Unsure], settings: ColumnBreakSettings,
) -> None:
    """Count one cell's boundaries: inside its lines (`on`), at its paragraph breaks
    (`breaks`: each kind with the words before the break), and collect those at line
    breaks noted unsure."""
    cell = row.cells[column]
    if len(cell.lines) < 2 or not cell.text:
        return
    text = cell.text
    before = ""
    for line in cell.lines:
        tokens = [*line.split(), ""]
        for k in range(1, len(tokens) - 1):
            if _could_open(tokens[k]):  # (most words cannot: no text built for them)
                head = " ".join([before, *tokens[:k]])
                on.update(_kinds(head, tokens[k], tokens[k + 1], settings))
        before = " ".join([before, *tokens[:-1]])
    # the rest of a cell a page break cut (opening in lower case) shows no habit: its breaks
    # may be those of the very cell whose first part, on the page before, is unsure
    paragraphs = [] if text[:1].islower() else text.split("\n")
    for k in range(1, len(paragraphs)):
        words = [*paragraphs[k].split(), ""]
        if words[0]:
            before = " ".join(paragraphs[:k])
            kinds = _kinds(before, words[0], words[1], settings)
            # told apart by the words before the break: a cell a plan repeats in a second
            # round is one cell
            breaks.update((kind, _context(before)) for kind in kinds)
    for sentence in _noted(row, column):
        at = [m.end() for m in regex.finditer(regex.escape(sentence), text)
              if text[m.end():m.end() + 1] == " "]
        if len(at) == 1:
            after = [*text[at[0] + 1:].split(maxsplit=2), "", ""]
            kinds = _kinds(text[: at[0]], after[0], after[1], settings)
            if kinds:
                unsure.append(_Unsure(row, at[0], kinds))


def split_column_breaks(
    rows: Sequence[Row], column: int, settings: ColumnBreakSettings = SETTINGS
) -> int:
    """Split, in place, the cells of one column (its rows in `rows`) at line breaks read as
    wraps and noted unsure, where the column's other cells set that kind of boundary as a
    paragraph break (see the module's docstring). Each split cell's row says so in a note
    in place of the old one. Returns the number of breaks made."""
    on: Counter[str] = Counter()
    breaks: set[tuple[str, str]] = set()
    unsure: list[_Unsure] = []
    for row in rows:
        if column < len(row.cells):
            _evidence(row, column, on, breaks, unsure, settings)
    made = 0
    for found in sorted(unsure, key=lambda u: -u.position):  # later breaks first
        row, text = found.row, found.row.cells[column].text
        # the other cells' habit: a cell's own breaks (or a copy's) are no evidence for its
        # unsure one ("S1. S2." / "S3.": the break after S2 says nothing of the one after S1)
        own = " ".join(text.split())
        others = Counter(kind for kind, context in breaks if context not in own)
        if not any(others[k] >= settings.min_breaks and not on[k] for k in found.kinds):
            continue
        head, rest = text[: found.position], text[found.position + 1:]
        row.cells[column] = replace(row.cells[column], text=f"{head}\n{rest}")
        said = break_said(head.rsplit("\n", 1)[-1])
        row.warnings[:] = [
            note for note in row.warnings
            if not (note.column == column and note.message.startswith(said))
        ]
        row.warnings.append(RowNote(
            PARAGRAPHS_UNSURE,
            f"{said} was read as a paragraph end, as the column's other cells break there "
            f"alike; it may be a wrap",
            column,
        ))
        made += 1
    return made


def split_document_column_breaks(
    blocks: Sequence[Block], settings: ColumnBreakSettings = SETTINGS
) -> int:
    """`split_column_breaks` for every column of the document's tables, each column's rows
    pooled across the fragments as wide as each other. Returns the breaks made."""
    by_width: dict[int, list[Row]] = {}
    for block in blocks:
        if isinstance(block, TableFragment):
            by_width.setdefault(block.width, []).extend(block.rows)
    return sum(
        split_column_breaks(rows, column, settings)
        for width, rows in by_width.items()
        for column in range(width)
    )
