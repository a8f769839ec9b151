"""Tables whose Word style draws only the rules between rows -> `Lattice`s completed from text.

Light table styles ("Plain Table", "Light List", a council's house style) draw a horizontal
rule between rows and no vertical lines, often with a shaded header row. `grid.find_lattices`
finds no grid in them: at most the shaded header cells (filled rectangles, whose edges are
rulings) make a one-row lattice. Here the missing vertical edges are completed:

1. Rulings of fully ruled tables are left alone. A lattice is a fully ruled table when at
   least two of its rows have inner vertical rulings; shading makes at most one such row
   (the header), or two when two shaded rows touch.
2. The other horizontal rules are grouped into stacks of rules with the same left and right
   end: one stack per table (Word draws every row rule across the whole table). The bands
   between neighbouring rules are the rows.
3. A bold band in the middle of a stack that is shaded in cells or repeats the stack's first
   band is the header row of the next table: Word always keeps a paragraph between two
   tables, so the band above it is the gap between them (its text stays outside, as
   headings).
4. A stack none of whose text lies outside the shading lattices is left as it is.
5. Columns: x ranges where no text of the table crosses, across all rows, plus the edges of
   shaded cells and the ends of partial rules inside the table (`column_boundaries`).
6. A row whose text crosses a column boundary is a merged cell there; a partial rule under
   some columns separates rows only in those columns (the rest are merged vertically).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dhrplan.extract.celltext import group_lines, starts_item
from dhrplan.extract.geometry import Fill, PageGeometry, Segment, Word
from dhrplan.extract.grid import Edge, GridSettings, Lattice, find_lattices, split_edges


@dataclass(frozen=True)
class TextGridSettings:
    """How a table ruled between rows only is told from the page's text."""
    rule_min_length: float = 72.0
    """Horizontal rules shorter than this (an inch) are underlines or parts of a cell's
    shading, not the rules of a table."""
    extent_tolerance: float = 3.0
    """Rules whose left and right ends are this close belong to the same table."""
    min_shading_height: float = 3.0
    """A filled rectangle this tall is cell shading; a thinner one is a drawn rule (Chromium
    paints borders as filled rectangles 0.75 pt thick)."""
    shading_edge_tolerance: float = 1.0
    """A segment this close to a shading's top or bottom, within its x range, is that edge."""
    min_column_gap: float = 4.5
    """An x range free of text narrower than this is a space between words (2.8pt at 10pt),
    not a gap between columns (Word's default cell padding leaves 10.8pt)."""
    boundary_tolerance: float = 1.0
    """Text must cross a column boundary by more than this to merge the cells beside it."""
    hint_tolerance: float = 3.0
    """Shading edges and gap boundaries closer than this are one column boundary."""
    enabled: bool = True
    """False: only fully ruled tables are found (the behaviour before this module)."""
    borderless: bool = True
    """Also read tables without any rulings from their text (`borderless`), among the words
    that no ruled table holds."""


DEFAULT_GRID = GridSettings()


@dataclass
class RuleStack:
    """Horizontal rules of one table: `ys` are the full-width rules, top to bottom."""

    x0: float
    x1: float
    ys: list[float]
    partial: list[Edge] = field(default_factory=list)
    """Shorter rules inside the table: row rules under some columns only."""


@dataclass(frozen=True, slots=True)
class Run:
    """Words of one line set with ordinary spaces: text that no column boundary may cross
    without the cells either side being one merged cell."""

    x0: float
    x1: float


def find_tables(
    geometry: PageGeometry,
    grid: GridSettings = DEFAULT_GRID,
    settings: TextGridSettings = TextGridSettings(),
) -> list[Lattice]:
    """Every table on the page, top to bottom: fully ruled ones exactly as `find_lattices`
    gives them, tables with rules between rows only completed from the text, and borderless
    tables with a header of column names read from the text alone (`borderless`)."""
    ruled = find_lattices(geometry.segments, grid)
    if not settings.enabled:
        return ruled
    shaded = _shading(geometry, settings)
    real = [lat for lat in ruled if _rows_with_inner_walls(lat) >= 2
            and not _only_shading(lat, geometry.segments, shaded, settings)]
    weak = [lat for lat in ruled if all(lat is not r for r in real)]
    horizontal, _ = split_edges(_rules(geometry, shaded, settings), grid)
    free = [h for h in horizontal if not any(_inside(h, lat, grid.snap_tolerance) for lat in real)]
    found = list(real)
    absorbed: set[int] = set()
    for stack in rule_stacks(free, real, settings):
        for table in _split_at_headers(stack, geometry.words, weak, settings):
            bands = _band_words(table, geometry.words)
            covering = [_covering(weak, top, bottom, table) for top, bottom in _bands(table)]
            if not any(words and lat is None for words, lat in zip(bands, covering, strict=True)):
                continue
            lattice = text_lattice(table, bands, _hints(table, covering), settings)
            if lattice is None:
                continue
            found.append(lattice)
            absorbed.update(id(lat) for lat in weak if _within(lat, lattice, grid.snap_tolerance))
    shading = [lat for lat in weak if id(lat) not in absorbed]
    if settings.borderless:
        from dhrplan.extract.borderless import find_borderless  # it builds on this module

        # a shaded header (and shaded theme rows) over a table with no rulings: the shading
        # makes lattices of those rows alone, which must not hide the header from the reader
        # of borderless tables; one it reads a table from is part of that table
        borderless = find_borderless(geometry, found, settings)
        found.extend(borderless)
        found.extend(
            lat for lat in shading
            if not any(_within(lat, table, grid.snap_tolerance) for table in borderless)
        )
        found = _continued_below(geometry, found, real, settings)
    else:
        found.extend(shading)
    found.sort(key=lambda lat: (lat.ys[0], lat.xs[0]))
    return found


def _continued_below(
    geometry: PageGeometry, found: list[Lattice], real: list[Lattice],
    settings: TextGridSettings,
) -> list[Lattice]:
    """Each table not ruled in full, with the rows under it that keep its columns
    (`borderless.continue_below`); a fully ruled table ends at its bottom rule."""
    from dhrplan.extract.borderless import continue_below

    ruled = {id(lat) for lat in real}
    out = list(found)
    for k, lat in enumerate(out):
        if id(lat) not in ruled:
            out[k] = continue_below(geometry, lat, out, settings)
    return out


def _shading(geometry: PageGeometry, settings: TextGridSettings) -> list[Fill]:
    return [f for f in geometry.fills if f.bottom - f.top >= settings.min_shading_height]


def _on_edge(s: Segment, f: Fill, tol: float) -> bool:
    """Whether the segment is one edge of the shading: along its top or bottom within its
    width, or along a side within its height."""
    if s.horizontal:
        return (min(abs(s.top - f.top), abs(s.top - f.bottom)) <= tol
                and s.x0 >= f.x0 - tol and s.x1 <= f.x1 + tol)
    return (min(abs(s.x0 - f.x0), abs(s.x0 - f.x1)) <= tol
            and s.top >= f.top - tol and s.bottom <= f.bottom + tol)


def _only_shading(
    lattice: Lattice, segments: Sequence[Segment], shading: Sequence[Fill],
    settings: TextGridSettings,
) -> bool:
    """Whether the lattice is made of cell shading alone: shaded rows (a header, a theme row
    merged across) drawn as cells with no rule of their own are no table ruled in full,
    however many rows they make. A segment in it that is no edge of a shading is a rule."""
    if not shading:
        return False
    tol = settings.shading_edge_tolerance
    x0, top, x1, bottom = lattice.bbox
    inside = [s for s in segments if s.x0 >= x0 - tol and s.x1 <= x1 + tol
              and s.top >= top - tol and s.bottom <= bottom + tol]
    return bool(inside) and all(any(_on_edge(s, f, tol) for f in shading) for s in inside)


def _rules(
    geometry: PageGeometry, shading: Sequence[Fill], settings: TextGridSettings
) -> list[Segment]:
    """The page's segments without the edges of cell shading that no drawn rule lies
    beside: a shaded header or theme row over rows with no rulings draws no rule between
    rows, and its edges must not make the stack of a table ruled between rows. Where drawn
    rules run under the shading too (a table ruled between rows, its header shaded), the
    shading's edges are the rules of its rows and stay."""
    if not shading:
        return geometry.segments
    tol = settings.shading_edge_tolerance
    drawn = [s for s in geometry.segments
             if s.horizontal and s.x1 - s.x0 >= settings.rule_min_length
             and not any(_on_edge(s, f, tol) for f in shading)]
    bare = [f for f in shading if not any(s.x0 < f.x1 and s.x1 > f.x0 for s in drawn)]
    return [s for s in geometry.segments if not any(_on_edge(s, f, tol) for f in bare)]


def _rows_with_inner_walls(lattice: Lattice) -> int:
    return sum(any(walls[1:-1]) for walls in lattice.v_walls)


def _inside(edge: Edge, lattice: Lattice, tol: float) -> bool:
    x0, top, x1, bottom = lattice.bbox
    return top - tol <= edge.pos <= bottom + tol and edge.start < x1 and edge.end > x0


def _within(inner: Lattice, outer: Lattice, tol: float) -> bool:
    x0, top, x1, bottom = outer.bbox
    ix0, itop, ix1, ibottom = inner.bbox
    return ix0 >= x0 - tol and ix1 <= x1 + tol and itop >= top - tol and ibottom <= bottom + tol


def rule_stacks(
    horizontal: list[Edge], real: Sequence[Lattice], settings: TextGridSettings
) -> list[RuleStack]:
    """Long rules with the same ends, in runs not interrupted by a fully ruled table; shorter
    rules between a stack's first and last rule and within its ends are its partial rules."""
    tol = settings.extent_tolerance
    long_rules = sorted(
        (h for h in horizontal if h.end - h.start >= settings.rule_min_length),
        key=lambda h: h.pos,
    )
    groups: list[list[Edge]] = []
    for rule in long_rules:
        for group in groups:
            if abs(group[0].start - rule.start) <= tol and abs(group[0].end - rule.end) <= tol:
                group.append(rule)
                break
        else:
            groups.append([rule])
    stacks: list[RuleStack] = []
    for group in groups:
        run = [group[0]]
        for rule in group[1:]:
            if any(_between(lat, run[-1].pos, rule.pos, rule) for lat in real):
                stacks.append(_stack(run))
                run = []
            run.append(rule)
        stacks.append(_stack(run))
    stacks = [s for s in stacks if len(s.ys) >= 2]
    # rules under some columns of a wider table (a cell merged down beside them) share their
    # ends with each other: they are that table's partial rules, not a table of their own
    stacks = [s for s in stacks if not any(_nested(s, o, tol) for o in stacks if o is not s)]
    for stack in stacks:
        full = set(stack.ys)
        stack.partial = [
            h for h in horizontal
            if h.pos not in full
            and stack.ys[0] < h.pos < stack.ys[-1]
            and h.start >= stack.x0 - tol
            and h.end <= stack.x1 + tol
        ]
    return stacks


def _nested(inner: RuleStack, outer: RuleStack, tol: float) -> bool:
    return (
        outer.x0 - tol <= inner.x0
        and inner.x1 <= outer.x1 + tol
        and outer.ys[0] < inner.ys[0]
        and inner.ys[-1] < outer.ys[-1]
    )


def _stack(rules: list[Edge]) -> RuleStack:
    return RuleStack(
        min(r.start for r in rules), max(r.end for r in rules), sorted({r.pos for r in rules})
    )


def _between(lattice: Lattice, top: float, bottom: float, rule: Edge) -> bool:
    x0, ltop, x1, lbottom = lattice.bbox
    return top <= ltop and lbottom <= bottom and x0 < rule.end and x1 > rule.start


def _bands(stack: RuleStack) -> list[tuple[float, float]]:
    return list(zip(stack.ys, stack.ys[1:], strict=False))


def _band_words(stack: RuleStack, words: Sequence[Word]) -> list[list[Word]]:
    bands: list[list[Word]] = [[] for _ in range(len(stack.ys) - 1)]
    for word in words:
        if not stack.x0 <= word.xmid <= stack.x1:
            continue
        for i, (top, bottom) in enumerate(_bands(stack)):
            if top <= word.ymid < bottom:
                bands[i].append(word)
                break
    return bands


def _covering(
    weak: Sequence[Lattice], top: float, bottom: float, stack: RuleStack, tol: float = 3.0
) -> Lattice | None:
    """The shading lattice that covers the band, if any."""
    for lat in weak:
        x0, ltop, x1, lbottom = lat.bbox
        if ltop - tol <= top and bottom <= lbottom + tol and x0 < stack.x1 and x1 > stack.x0:
            return lat
    return None


def _split_at_headers(
    stack: RuleStack, words: Sequence[Word], weak: Sequence[Lattice], settings: TextGridSettings
) -> list[RuleStack]:
    """The stack cut before each header band after its first band; the band above such a
    header is the gap between two tables and belongs to neither. A header band is all bold
    and either shaded in cells or a repeat of the stack's first band (the same header row).
    A band above it whose text sits in columns is a row, not a gap: the header was printed
    again inside the table (pasted by hand, or repeated by the producer mid-page), and
    stitching drops the repeat."""
    bands = _band_words(stack, words)
    first = _text(bands[0]) if bands else ""
    header = [
        bool(words)
        and all(w.bold for w in words)
        and (_shaded_cells(weak, top, bottom, stack) or _text(words) == first)
        for words, (top, bottom) in zip(bands, _bands(stack), strict=True)
    ]
    tables: list[RuleStack] = []
    start = 0
    for i in range(2, len(bands)):
        if header[i] and i - 1 > start and not header[i - 1] and not _in_columns(
            bands[i - 1], settings
        ):
            tables.append(RuleStack(stack.x0, stack.x1, stack.ys[start:i]))
            start = i
    tables.append(RuleStack(stack.x0, stack.x1, stack.ys[start:]))
    for table in tables:
        table.partial = [h for h in stack.partial if table.ys and _inner(h.pos, table.ys)]
    return [t for t in tables if len(t.ys) >= 2]


def _in_columns(words: Sequence[Word], settings: TextGridSettings) -> bool:
    """Text set in two or more columns (a table row); the paragraph Word keeps between two
    tables (an agency heading, or nothing) is one block."""
    gap = settings.min_column_gap
    return len(_blocks(text_runs(words, gap), gap)) > 1


def _text(words: Sequence[Word]) -> str:
    return " ".join(w.text for w in sorted(words, key=lambda w: (w.x0, w.top)))


def _shaded_cells(weak: Sequence[Lattice], top: float, bottom: float, stack: RuleStack) -> bool:
    """True when shading divides the band into cells, as in a header row."""
    lat = _covering(weak, top, bottom, stack)
    return lat is not None and _rows_with_inner_walls(lat) > 0


def _inner(y: float, ys: Sequence[float]) -> bool:
    return ys[0] < y < ys[-1]


def _hints(stack: RuleStack, covering: Sequence[Lattice | None]) -> list[float]:
    """Known column boundaries: the inner edges of shaded cells and the ends of partial
    rules (a rule under some columns starts and ends on column boundaries)."""
    hints: set[float] = set()
    for lat in covering:
        if lat is not None:
            hints.update(lat.xs[1:-1])
    for rule in stack.partial:
        hints.update((rule.start, rule.end))
    margin = 3.0
    return sorted(x for x in hints if stack.x0 + margin < x < stack.x1 - margin)


def text_runs(
    words: Sequence[Word], min_gap: float, walls: Sequence[float] = ()
) -> list[Run]:
    """Words -> runs: per line, neighbours closer than `min_gap` join; a bullet or item label
    ("•", "a.", "2)") joins the text after it however far its tab puts that, unless a known
    column boundary (`walls`) lies between them: then it is a number in a column of its own
    ("4." / "SSP to review ...")."""
    runs: list[Run] = []
    for line in group_lines(list(words)):
        x0, x1 = line.words[0].x0, line.words[0].x1
        glue = starts_item(line.words[0])
        for word in line.words[1:]:
            if glue and any(x1 < wall < word.x0 for wall in walls):
                glue = False
            if glue or word.x0 - x1 < min_gap:
                x1 = max(x1, word.x1)
            else:
                runs.append(Run(x0, x1))
                x0, x1 = word.x0, word.x1
            glue = False
        runs.append(Run(x0, x1))
    return runs


def _blocks(runs: Sequence[Run], min_gap: float) -> list[tuple[float, float]]:
    """The union of the runs' x ranges, as disjoint intervals at least `min_gap` apart."""
    merged: list[list[float]] = []
    for run in sorted(runs, key=lambda r: r.x0):
        if merged and run.x0 - merged[-1][1] < min_gap:
            merged[-1][1] = max(merged[-1][1], run.x1)
        else:
            merged.append([run.x0, run.x1])
    return [(a, b) for a, b in merged]


def column_boundaries(
    bands: Sequence[Sequence[Word]],
    x0: float,
    x1: float,
    hints: Sequence[float] = (),
    settings: TextGridSettings = TextGridSettings(),
    walls: Sequence[float] = (),
) -> list[float]:
    """Column edges of a table spanning x0..x1 whose rows hold `bands` of words.

    A gap is an x range at least `min_column_gap` wide that no text run of any row crosses.
    Rows whose text is one block (a theme row, a row with one filled cell) do not vote when
    other rows do: a full-width theme would otherwise hide every gap. A gap's boundary lies
    one cell padding left of the text after it, as Word places text (the padding is measured
    in the first column); a hint (shaded cell edge, partial rule end) inside or beside a gap
    is exact and wins. Hints are boundaries even where text crosses them: those rows merge.
    `walls` are boundaries known otherwise (a header's blocks) that an item label ("1)") is
    not glued across to the text after it (`text_runs`).
    """
    gap = settings.min_column_gap
    per_band = [text_runs(words, gap, [*hints, *walls]) for words in bands]
    voting = [runs for runs in per_band if len(_blocks(runs, gap)) > 1] or per_band
    runs = [run for band in voting for run in band]
    blocks = _blocks(runs, gap)
    boundaries: list[float] = []
    if blocks:
        padding = max(0.0, blocks[0][0] - x0)
        for (_, end), (start, _) in zip(blocks, blocks[1:], strict=False):
            boundaries.append(max(end, start - padding))
    merged = sorted(hints)
    for x in boundaries:
        if not any(abs(x - h) <= settings.hint_tolerance for h in hints):
            merged.append(x)
    merged = _snap_positions(sorted(merged), settings.hint_tolerance)
    return [x0, *(x for x in merged if x0 < x < x1), x1]


def _snap_positions(xs: list[float], tol: float) -> list[float]:
    """Positions within `tol` of each other -> their mean (the two edges of touching cells)."""
    snapped: list[list[float]] = []
    for x in xs:
        if snapped and x - snapped[-1][-1] <= tol:
            snapped[-1].append(x)
        else:
            snapped.append([x])
    return [sum(group) / len(group) for group in snapped]


def text_lattice(
    stack: RuleStack,
    bands: Sequence[Sequence[Word]],
    hints: Sequence[float],
    settings: TextGridSettings = TextGridSettings(),
) -> Lattice | None:
    """The stack's grid: rows from its rules, columns from `column_boundaries`; None when the
    text shows fewer than two columns (a boxed paragraph, not a table)."""
    xs = column_boundaries(bands, stack.x0, stack.x1, hints, settings)
    if len(xs) < 3:
        return None
    rows = [(y, [Edge(y, stack.x0, stack.x1)]) for y in stack.ys]
    for rule in stack.partial:
        if any(_spans(rule, xs[c], xs[c + 1]) for c in range(len(xs) - 1)):
            rows.append((rule.pos, [rule]))
    by_y: dict[float, list[Edge]] = {}
    for y, rules in rows:
        by_y.setdefault(y, []).extend(rules)
    ys = sorted(by_y)
    words = [w for band in bands for w in band]
    v_walls = []
    for top, bottom in zip(ys, ys[1:], strict=False):
        row_words = [w for w in words if top <= w.ymid < bottom]
        runs = text_runs(row_words, settings.min_column_gap, xs[1:-1])
        v_walls.append([_separates(runs, x, settings.boundary_tolerance) for x in xs])
    h_walls = [
        [any(_spans(rule, xs[c], xs[c + 1]) for rule in by_y[y]) for c in range(len(xs) - 1)]
        for y in ys
    ]
    return Lattice(list(xs), ys, v_walls, h_walls, "columns from the gaps between words")


def _spans(rule: Edge, x0: float, x1: float, tol: float = 2.0) -> bool:
    return rule.start <= x0 + tol and rule.end >= x1 - tol


def _separates(runs: Sequence[Run], x: float, tol: float) -> bool:
    return not any(run.x0 < x - tol and run.x1 > x + tol for run in runs)


def wall_new_columns(
    lattice: Lattice, before: Sequence[float], words: Sequence[Word],
    settings: TextGridSettings = TextGridSettings(),
) -> Lattice:
    """A grid inferred from the text and regridded onto the columns of the page before
    (`grid.regrid_columns`), with walls at the column edges it did not have (`before`: its
    own edges) where each row's text shows them: text on both sides of the edge and none
    across it. (A cell merged across that crosses an edge hides it from every row of the
    page; regridding brings it back, but as merged in every row, which ran two columns'
    cells together.)"""
    new = [i for i, x in enumerate(lattice.xs[1:-1], 1)
           if not any(abs(x - b) <= 3.0 for b in before)]
    if not new or lattice.inferred is None:
        return lattice
    v_walls = [list(walls) for walls in lattice.v_walls]
    for r, (top, bottom) in enumerate(zip(lattice.ys, lattice.ys[1:], strict=False)):
        row_words = [w for w in words if top <= w.ymid < bottom
                     and lattice.xs[0] <= w.xmid <= lattice.xs[-1]]
        runs = text_runs(row_words, settings.min_column_gap, lattice.xs[1:-1])
        for i in new:
            x = lattice.xs[i]
            sides = any(run.x1 <= x for run in runs) and any(run.x0 >= x for run in runs)
            v_walls[r][i] = sides and _separates(runs, x, settings.boundary_tolerance)
    return Lattice(list(lattice.xs), list(lattice.ys), v_walls,
                   [list(w) for w in lattice.h_walls], lattice.inferred, lattice.from_tags,
                   lattice.row_keys)
