"""Tagged PDFs: the structure tree's table cells (TD, TH) decide which cell a word is in
where the page's grid put it in another.

The grid places a word by its middle. A word wider than its column (an e-mail address, a
URL) that the producer let run on over the column rule (a browser's `overflow-wrap:
normal`, a cell's negative indent) has its middle in the next cell, and the grid gives it
to that cell; the tags say whose it is. A tagged cell's words belong in the cell (the merged
cell, `Lattice.spans`) that holds most of its words (of two as many, the one where its first
word in reading order starts): words of it that the grid put in another cell they overlap
are moved there. A cell whose only text lies in a cell holding another
tagged cell's text is moved to the cell where its text starts. The grid is the default:
where it agrees with the tags (the usual case), nothing changes. Where the tags cannot be
followed (a tagged cell's words in cells they do not touch, two tagged cells in one grid
cell with nowhere else to go: the grid was inferred and merged them, or the tags are wrong),
the grid's placement is kept and counted, for the reader's warning.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dhrplan.extract.geometry import Word
from dhrplan.extract.grid import Lattice, Span

Where = tuple[int, tuple[int, int]]
"""A word's place: the index of its lattice on the page and its grid cell (row, column)."""


@dataclass
class TagPlacement:
    """Where a tagged page's structure tree puts the words the grid placed otherwise."""
    moved: dict[int, Where] = field(default_factory=dict)
    """id(word) -> its place by the tags, for the words the grid placed elsewhere (or left
    outside the table)."""
    disagreeing: int = 0
    """Tagged cells whose words the grid places where the tags cannot follow it."""


@dataclass
class _Cells:
    """One lattice's merged cells and which one holds each grid cell."""

    spans: list[Span]
    at: dict[tuple[int, int], int]


def _cells(lattice: Lattice) -> _Cells:
    spans = lattice.spans()
    at = {
        (r, c): i
        for i, s in enumerate(spans)
        for r in range(s.row, s.row + s.rows)
        for c in range(s.col, s.col + s.cols)
    }
    return _Cells(spans, at)


def _overlaps(word: Word, span: Span, tol: float = 1.0) -> bool:
    return (
        word.x0 < span.x1 - tol and word.x1 > span.x0 + tol
        and span.top - tol <= word.ymid <= span.bottom + tol
    )


def place_by_tags(
    words: list[Word], lattices: list[Lattice], where: dict[int, Where]
) -> TagPlacement:
    """Where the tags put the words of tagged cells that the grid (`where`: id(word) -> its
    place, for the words inside a table) placed in another cell."""
    groups: dict[int, list[Word]] = defaultdict(list)
    for word in words:
        if word.cell is not None:
            groups[word.cell].append(word)
    if not groups:
        return TagPlacement()
    cells: dict[int, _Cells] = {}

    def span_of(word: Word) -> tuple[int, int] | None:
        """(lattice, merged cell) of the word by the grid."""
        place = where.get(id(word))
        if place is None:
            return None
        i, grid_cell = place
        if i not in cells:
            cells[i] = _cells(lattices[i])
        return i, cells[i].at[grid_cell]

    homes: dict[int, tuple[int, int]] = {}
    weight: dict[int, int] = {}
    split: list[int] = []
    for key, members in groups.items():
        counts: dict[tuple[int, int] | None, int] = defaultdict(int)
        for word in members:
            counts[span_of(word)] += 1
        inside = {s: n for s, n in counts.items() if s is not None}
        if not inside:
            continue  # a table the grid did not find: nothing to place it in
        first = span_of(members[0])
        start = _start_span(members[0], first[0], lattices[first[0]], cells) if first else None
        home = max(inside, key=lambda s: (inside[s], s == start))
        homes[key], weight[key] = home, inside[home]
        if len(counts) > 1:
            split.append(key)
    result = TagPlacement()
    owners: dict[tuple[int, int], list[int]] = defaultdict(list)
    for key, home in homes.items():
        owners[home].append(key)
    taken = set(owners)
    for home, keys in owners.items():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: -weight[k])
        for key in keys[1:]:
            start = _start_span(groups[key][0], home[0], lattices[home[0]], cells)
            if start is not None and start not in taken:
                homes[key] = start
                taken.add(start)
                split.append(key)
            else:
                result.disagreeing += 1
    for key in dict.fromkeys(split):
        i, s = homes[key]
        span = cells[i].spans[s]
        for word in groups[key]:
            if span_of(word) == (i, s):
                continue
            if _overlaps(word, span):
                result.moved[id(word)] = (i, (span.row, span.col))
            else:
                result.disagreeing += 1
                break
    return result


def _start_span(
    word: Word, i: int, lattice: Lattice, cells: dict[int, _Cells]
) -> tuple[int, int] | None:
    """The merged cell where the word's text starts (its left edge, just inside)."""
    grid_cell = lattice.locate(min(word.x0 + 1.0, word.xmid), word.ymid)
    return None if grid_cell is None else (i, cells[i].at[grid_cell])
