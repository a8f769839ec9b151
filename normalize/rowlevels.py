"""Which numbered row is a recommendation and which are its actions, from the numbers alone.

Many trackers keep one text column and let the numbering carry the hierarchy: a row "1."
holds the recommendation and the rows beneath it, "1.1", "1.2" (or "1.1.1"), or "a)",
"b)", hold its actions, each with its own lead, date and status. A person reads the
nesting from the labels; `parent_rows` does the same, so the rows below a parent become its
actions instead of recommendations of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from dhrplan.extract.labels import ITEM_LABEL
from dhrplan.extract.numbering import number_cell
from dhrplan.extract.patterncache import compiled

_NAMED = compiled(r"^\s*(?:action|sub[\s\-]?action|step|task)\s*(?:no\.?\s*)?(?P<n>\S+)\s*$",
                  flags=0)


def row_label(text: str) -> str | None:
    """A row's label in its number column: a number ("1.", "R2", "1.1.1"), an item letter
    or numeral ("a)", "(ii)", "b."), or an action's number ("Action 2.1")."""
    text = " ".join(text.split())
    if not text:
        return None
    number = number_cell(text)
    if number is not None:
        return number
    if ITEM_LABEL.match(text):
        return text.strip("().")
    named = _NAMED.match(text.lower())
    return number_cell(named["n"]) if named else None


def is_letter_label(label: str) -> bool:
    """ "a", "b", "ii": an item of a list under something, never a recommendation's number."""
    return label.isalpha() and len(label) <= 5 and ITEM_LABEL.match(f"{label})") is not None


def child_of(parent: str, child: str) -> bool:
    """ "1.1" and "1.1.1" under "1"; "a" or "ii" under any number (not under a letter)."""
    if is_letter_label(child):
        return not is_letter_label(parent)
    return child.startswith(f"{parent}.") and child != f"{parent}."


def parent_rows(labels: Sequence[str | None]) -> dict[int, list[int]]:
    """Row index of each parent -> the indices of the rows it numbers, a parent being the
    nearest labelled row above that is no child itself; rows without a label stay with the
    rows around them (a cell continued after a page break)."""
    parents: dict[int, list[int]] = {}
    current: int | None = None
    for i, label in enumerate(labels):
        if label is None:
            continue
        if current is not None and child_of(labels[current], label):
            parents.setdefault(current, []).append(i)
            continue
        current = None if is_letter_label(label) else i
    return parents
