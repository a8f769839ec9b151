"""Ruling lines -> table lattices -> merged cells.

The pipeline follows pdfplumber's table finder in spirit (edges, snap, join, intersect), but
instead of searching for cell rectangles corner by corner it builds one lattice per table: the
distinct x positions of its vertical rulings are the column grid (Word keeps one grid per
table), the distinct y positions of its horizontal rulings are the row grid, and a missing
ruling between two neighbouring grid cells means they are one merged cell. That is linear in
the number of grid cells and gives merged cells for free.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dhrplan.extract.geometry import Segment


@dataclass(frozen=True)
class GridSettings:
    """How close rulings must be to make one grid."""
    snap_tolerance: float = 3.0
    """Parallel rulings closer than this are the same line (double borders, rect outlines)."""
    join_tolerance: float = 3.0
    """Collinear rulings with a gap up to this are one line."""
    edge_min_length: float = 3.0
    """Shorter rulings (after joining) are glyph parts or rect ends, not borders."""
    intersection_tolerance: float = 3.0
    """How far a ruling may stop short of another and still meet it."""
    coverage_tolerance: float = 2.0
    """How much of a grid cell's side a ruling may leave uncovered and still separate it."""
    open_row_min: float = 6.0
    """Outer column rules that run on at least this far (points) below a table's last
    horizontal rule, or above its first, hold a row the page break left open: producers that
    draw each cell's rules themselves (reportlab) leave the cut row without its bottom (or
    the rest without its top) rule, and its text is the table's, not headings. Word's and
    Writer's rules end at the horizontal rule, within the snap tolerance."""


@dataclass(frozen=True, slots=True)
class Edge:
    """A snapped, joined ruling: `pos` is its y (horizontal) or x (vertical)."""

    pos: float
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Span:
    """A (possibly merged) cell: grid indexes of its top-left cell and its extent."""

    row: int
    col: int
    rows: int
    cols: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Lattice:
    """One table's grid. `v_walls[r][i]`: a ruling at xs[i] along row r (i = 0..len(xs)-1);
    `h_walls[i][c]`: a ruling at ys[i] along column c."""

    xs: list[float]
    ys: list[float]
    v_walls: list[list[bool]]
    h_walls: list[list[bool]]
    inferred: str | None = None
    """How a grid not drawn in full was completed ("from text gaps", "without ruling lines");
    the reader warns about such tables, since their rows and columns are a reading."""
    from_tags: bool = False
    """Built from a tagged PDF's Table/TR/TD tags (`tagtables`): not a guess, and its
    columns are only those with text on the page, which the next page may complete."""
    row_keys: list[int | None] | None = None
    """Built from tags: each grid row's TR, as a key the same on every page (None for a
    header row repeated as an artifact)."""
    rows_unsure: str | None = None
    """Why the rows of a table read from its text alone are a guess: every row says so."""

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """Grid cell (row, col) containing the point, or None outside the table."""
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        col = min(bisect_right(self.xs, x) - 1, self.n_cols - 1)
        row = min(bisect_right(self.ys, y) - 1, self.n_rows - 1)
        return row, col

    def spans(self) -> list[Span]:
        """Merged cells, in row-major order of their top-left grid cell."""
        n_rows, n_cols = self.n_rows, self.n_cols
        parent = list(range(n_rows * n_cols))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(a: int, b: int) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        for r in range(n_rows):
            for c in range(n_cols):
                here = r * n_cols + c
                if c + 1 < n_cols and not self.v_walls[r][c + 1]:
                    union(here, here + 1)
                if r + 1 < n_rows and not self.h_walls[r + 1][c]:
                    union(here, here + n_cols)

        extent: dict[int, list[int]] = {}
        for r in range(n_rows):
            for c in range(n_cols):
                root = find(r * n_cols + c)
                box = extent.get(root)
                if box is None:
                    extent[root] = [r, c, r, c]
                else:
                    box[0], box[1] = min(box[0], r), min(box[1], c)
                    box[2], box[3] = max(box[2], r), max(box[3], c)
        spans = [
            Span(r0, c0, r1 - r0 + 1, c1 - c0 + 1,
                 self.xs[c0], self.ys[r0], self.xs[c1 + 1], self.ys[r1 + 1])
            for r0, c0, r1, c1 in extent.values()
        ]
        spans.sort(key=lambda s: (s.row, s.col))
        return spans


def crosses_inner(x0: float, x1: float, xs: Sequence[float], tol: float) -> bool:
    """Whether text from `x0` to `x1` runs across one of the inner column edges `xs[1:-1]`
    by more than `tol` on both sides: a line spanning columns, not a cell's."""
    return any(x0 < x - tol and x1 > x + tol for x in xs[1:-1])


def split_edges(
    segments: Iterable[Segment], settings: GridSettings
) -> tuple[list[Edge], list[Edge]]:
    """Horizontal and vertical rulings, snapped and joined, short ones dropped."""
    horizontal: list[Edge] = []
    vertical: list[Edge] = []
    for s in segments:
        if s.horizontal:
            horizontal.append(Edge((s.top + s.bottom) / 2, s.x0, s.x1))
        else:
            vertical.append(Edge((s.x0 + s.x1) / 2, s.top, s.bottom))
    return (
        _join(_snap(horizontal, settings.snap_tolerance), settings),
        _join(_snap(vertical, settings.snap_tolerance), settings),
    )


def _snap(edges: list[Edge], tolerance: float) -> list[Edge]:
    """Move rulings whose positions chain within `tolerance` to their mean position."""
    if not edges:
        return []
    edges = sorted(edges, key=lambda e: e.pos)
    snapped: list[Edge] = []
    cluster = [edges[0]]
    for edge in edges[1:]:
        if edge.pos - cluster[-1].pos <= tolerance:
            cluster.append(edge)
            continue
        snapped.extend(_at_mean(cluster))
        cluster = [edge]
    snapped.extend(_at_mean(cluster))
    return snapped


def _at_mean(cluster: list[Edge]) -> list[Edge]:
    pos = sum(e.pos for e in cluster) / len(cluster)
    return [Edge(pos, e.start, e.end) for e in cluster]


def _join(edges: list[Edge], settings: GridSettings) -> list[Edge]:
    edges = sorted(edges, key=lambda e: (e.pos, e.start))
    joined: list[Edge] = []
    for edge in edges:
        last = joined[-1] if joined else None
        if last and last.pos == edge.pos and edge.start <= last.end + settings.join_tolerance:
            joined[-1] = Edge(last.pos, last.start, max(last.end, edge.end))
        else:
            joined.append(edge)
    return [e for e in joined if e.end - e.start >= settings.edge_min_length]


def _meets(h: Edge, v: Edge, tol: float) -> bool:
    return h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol


def _components(
    horizontal: list[Edge], vertical: list[Edge], tol: float
) -> list[tuple[list[Edge], list[Edge]]]:
    """Groups of rulings that touch each other: one group per table."""
    n_h = len(horizontal)
    parent = list(range(n_h + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _meets(h, v, tol):
                a, b = find(i), find(n_h + j)
                if a != b:
                    parent[b] = a
    groups: dict[int, tuple[list[Edge], list[Edge]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(n_h + j), ([], []))[1].append(v)
    return [g for g in groups.values() if g[0] and g[1]]


def _touches(segment: Segment, hs: list[Edge], vs: list[Edge], tol: float) -> bool:
    """Whether a raw ruling is one of those snapped into `hs` or `vs` (one table's)."""
    if segment.horizontal:
        y = (segment.top + segment.bottom) / 2
        return any(
            abs(h.pos - y) <= tol and h.start - tol <= segment.x0 and segment.x1 <= h.end + tol
            for h in hs
        )
    x = (segment.x0 + segment.x1) / 2
    return any(
        abs(v.pos - x) <= tol and v.start - tol <= segment.top and segment.bottom <= v.end + tol
        for v in vs
    )


def _covered(edges: Sequence[Edge], start: float, end: float, tol: float) -> bool:
    return any(e.start <= start + tol and e.end >= end - tol for e in edges)


def lattice_from_edges(
    horizontal: list[Edge], vertical: list[Edge], settings: GridSettings
) -> Lattice | None:
    """The grid of one table's rulings, or None when it is not a table (a lone box)."""
    xs = sorted({v.pos for v in vertical})
    ys = sorted({h.pos for h in horizontal})
    by_x: dict[float, list[Edge]] = {}
    for v in vertical:
        by_x.setdefault(v.pos, []).append(v)
    by_y: dict[float, list[Edge]] = {}
    for h in horizontal:
        by_y.setdefault(h.pos, []).append(h)
    if len(xs) >= 2 and ys:
        for y in _open_ends(by_x[xs[0]], by_x[xs[-1]], ys, settings.open_row_min):
            by_y[y] = [Edge(y, xs[0], xs[-1])]  # the page edge closes the open row
        ys = sorted(by_y)
    if len(xs) < 2 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) < 2:
        return None
    tol = settings.coverage_tolerance
    v_walls = [
        [_covered(by_x[x], ys[r], ys[r + 1], tol) for x in xs] for r in range(len(ys) - 1)
    ]
    h_walls = [
        [_covered(by_y[y], xs[c], xs[c + 1], tol) for c in range(len(xs) - 1)] for y in ys
    ]
    return Lattice(xs, ys, v_walls, h_walls)


def _open_ends(
    left: list[Edge], right: list[Edge], ys: list[float], min_run: float
) -> list[float]:
    """Where both outer column rules end beyond the table's first or last horizontal rule by
    at least `min_run`: the far edges of rows left open at a page break."""
    found = []
    bottom = min(max(e.end for e in left), max(e.end for e in right))
    if bottom - ys[-1] >= min_run:
        found.append(bottom)
    top = max(min(e.start for e in left), min(e.start for e in right))
    if ys[0] - top >= min_run:
        found.append(top)
    return found


def find_lattices(
    segments: Iterable[Segment], settings: GridSettings = GridSettings()
) -> list[Lattice]:
    """Every ruled table on a page, top to bottom. Rulings are grouped into tables first and
    snapped within each table, so two tables whose column rules lie a point or two apart
    keep their own."""
    horizontal, vertical = split_edges(segments, settings)
    lattices = []
    for hs, vs in _components(horizontal, vertical, settings.intersection_tolerance):
        raw = [s for s in segments if _touches(s, hs, vs, settings.snap_tolerance)]
        hs, vs = split_edges(raw, settings)
        lattice = lattice_from_edges(hs, vs, settings)
        if lattice is not None:
            lattices.append(lattice)
    lattices.sort(key=lambda lat: (lat.ys[0], lat.xs[0]))
    return lattices


def regrid_columns(lattice: Lattice, xs: Sequence[float], tol: float = 3.0) -> Lattice:
    """The same table on the column grid `xs` of an earlier page, when its own rulings are a
    subset of it (a page whose rows all merge two grid columns shows fewer vertical lines)."""
    if len(xs) <= len(lattice.xs):
        return lattice
    if abs(xs[0] - lattice.xs[0]) > tol or abs(xs[-1] - lattice.xs[-1]) > tol:
        return lattice
    source = [min(range(len(xs)), key=lambda i, x=x: abs(xs[i] - x)) for x in lattice.xs]
    if any(abs(xs[i] - x) > tol for i, x in zip(source, lattice.xs, strict=True)):
        return lattice
    if len(set(source)) != len(source):
        return lattice
    old_col = [bisect_right(source, i) - 1 for i in range(len(xs) - 1)]
    v_walls = []
    for walls in lattice.v_walls:
        row = [False] * len(xs)
        for old, new in enumerate(source):
            row[new] = walls[old]
        v_walls.append(row)
    h_walls = [[walls[old_col[c]] for c in range(len(xs) - 1)] for walls in lattice.h_walls]
    new_xs = list(xs)
    new_xs[0], new_xs[-1] = lattice.xs[0], lattice.xs[-1]
    return Lattice(new_xs, list(lattice.ys), v_walls, h_walls, lattice.inferred,
                   lattice.from_tags, lattice.row_keys)
