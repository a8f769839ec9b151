"""Text laid out as on the page: poppler's `pdftotext -layout` and converters like it.

Such a converter prints each page on a fixed-width grid of characters, a form feed between
pages: a table's columns stand side by side, each cell's lines being the PDF's visual lines,
a header broken in a narrow column ("Target" / "date") stacked in its column. No rule or
gap is certain there (pdftotext places each line's words by their own x, so a column's lines
start within a character or two of each other and a long line outgrows its column), so the
page is read the way a person reads it:

- **blocks**: a header line (short pieces naming a plan's columns) or a heading set apart
  by blank lines starts a table; text alone above it is headings;
- **columns** start where several lines start text (`anchors`), an indent inside a column
  being a start no line shares with the column's own;
- **cells**: each piece of a line (text between gaps of two spaces) in the column where it
  starts (`split_line`); a piece running far into the next column is two cells, but on a
  row's first line not at a word going on a phrase, where it may be one cell merged across
  the row; one of one piece across columns is a full-width row ("Recommendation 3: ...");
- **rows** start at a number column's numbers and item labels ("a)" under "1"), at numbers
  starting the first column's text,
  at a form's field labels or a glossary's acronyms, at full-width rows; a cell merged down
  over rows goes back to its first row. Where none of these tells the rows, they are cut
  where the first column starts afresh, and every record of the table says so;
- the cells' lines are then read as a `<br>` export's (`textlines.undo_converter_lines`), so
  stitching and normalizing need nothing of their own.

Plain `pdftotext` (reading order, no layout) shows no gaps: it is not layout text, and the
text reader reads it as running text under a warning, or refuses it saying why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from dhrplan.extract.celltext import quoted_end
from dhrplan.extract.labels import BULLETS, ITEM_LABEL, ITEM_START, TICKS
from dhrplan.extract.model import (
    PARAGRAPHS_UNSURE,
    Block,
    Cell,
    Document,
    ExtractError,
    Heading,
    Row,
    RowNote,
    TableFragment,
)
from dhrplan.extract.numbering import holds_recommendations, number_cell, split_label
from dhrplan.extract.patterncache import compiled
from dhrplan.extract.readercodes import LAYOUT_MESSAGE, LAYOUT_TEXT
from dhrplan.extract.rowkinds import starts_row
from dhrplan.extract.running import PAGE_NUMBER, running_key
from dhrplan.extract.textlines import SETTINGS as TEXT_SETTINGS
from dhrplan.extract.textlines import (
    next_word_fits,
    text_width,
    token_shape,
    undo_converter_lines,
    undo_running_lines,
)
from dhrplan.extract.vocabulary import glue_broken_header, role_of
from dhrplan.extract.words import FUNCTION_WORDS

_GAP = compiled(r"\S {2,}(?=\S)")
"""Two or more spaces between text on one line: a gap between columns (a sentence's words
are one space apart)."""


@dataclass(frozen=True)
class LayoutSettings:
    layout_share: float = 0.15
    """Share of a text's non-blank lines that must hold a gap of two spaces or more for it to
    be laid out in columns: in `pdftotext -layout` output of table plans a third to nine
    tenths do; running text justified with double spaces after stops has a few."""
    min_layout_lines: int = 4
    """Fewer gapped lines than this are no table at all (an address block, a signature)."""
    min_columns: int = 2
    """A table has two columns at least: one column is running text."""
    key_share: float = 0.3
    """Share of a column's filled lines (full-width rows aside) that must be numbers ("1",
    "R3", "2.1") for it to be the number column that starts rows: the rest are its header,
    a number broken in two and theme rows set in it ("MARAC" over "1" and its lines); a
    line of prose is never a number alone."""
    label_share: float = 0.5
    """Share of the first column's lines that must be field labels (or a glossary's
    acronyms) for each to start a row of a form: most of them (a label may wrap)."""
    min_key_numbers: int = 2
    """A number column numbers two rows at least."""
    heading_gap: int = 2
    """Blank lines above a heading that set it apart from the table above: pdftotext
    writes one for the space between a table's rows or paragraphs, two or more only for the
    space between blocks of the page."""
    key_columns: int = 2
    """A number column is the first column, or the second after a theme or agency one."""
    jitter: int = 2
    """Characters by which the starts of one column's lines may differ: pdftotext places a
    line's first word at its x rounded to its grid, and a bold header or a line of narrow
    letters lands a character or two off."""
    indent: int = 10
    """A column's second start no more than this right of its first that few lines share
    with it is an indent inside the column: hanging bullets, indented paragraphs (seven
    characters under a bullet in the corpus); also how far left of a column's start a cell
    may begin when a long piece is cut in two."""
    shared_share: float = 0.2
    """At most this share of the lines starting at the nearer of two such starts may start
    at both: two columns' cells start on the same line, one column's indent never does."""
    overflow: int = 8
    """Characters a cell's line may run past the next column's start: pdftotext sets a line
    of text in a proportional font on a grid of average widths, and a line of wide letters
    outgrows its column."""
    overflow_share: float = 0.25
    """A line outgrows its column by this share of the column's width at most: the drift
    grows with the line (a number column's lines do not outgrow it; "Training" across it
    is a theme row)."""
    header_words: int = 4
    """A header cell's line has a few words ("Key milestones", "Lead officer / agency"); a
    longer piece is a cell's text, whatever words it holds."""
    min_header_names: int = 2
    header_share: float = 0.5
    """A header line names two columns at least, and most of its pieces do (the rest
    broken words, "Scop" / "e", or names the vocabulary lacks)."""
    border_word: int = 4
    """Characters from a column's start a capitalised word may stand and still be where its
    cell starts, when the word nearest that start goes on a phrase: pdftotext sets a
    column's first word within `jitter` of its start, and the cell on the left may end a
    short word or two past it."""
    min_column_lines: int = 2
    """A column holds text on two lines at least (its header and a cell)."""


SETTINGS = LayoutSettings()


def is_layout_text(text: str, settings: LayoutSettings = SETTINGS) -> bool:
    """Text with no pipe or tab tables whose lines show gaps of two spaces or more between
    their words often enough to be columns."""
    if "\t" in text:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if any(line.lstrip().startswith("|") and line.count("|") >= 2 for line in lines):
        return False
    gapped = sum(1 for line in lines if _COLUMN_GAP.search(line.strip()))
    return gapped >= settings.min_layout_lines and gapped >= settings.layout_share * len(lines)


_COLUMN_GAP = compiled(r"[^\s.!?:;] {2,}(?=\S)|\S {3,}(?=\S)")
"""A gap that parts columns: two spaces after a sentence's end are a typing habit
("...policy.  It should..."), which running text shows on every line."""


def _is_bullet(char: str) -> bool:
    """A bullet, set left of its item's text; a tick is a cell's whole text."""
    return bool(_BULLET.match(char))


def _gapped(line: str) -> bool:
    return bool(_GAP.search(line.strip()))


Piece = tuple[int, int, str]
"""Text between gaps of two spaces or more on one line: where it starts and ends, and it."""


def pieces(line: str) -> list[Piece]:
    return [(m.start(), m.end(), m.group()) for m in _PIECE.finditer(line)]


_PIECE = compiled(r"\S+(?: \S+)*")


def anchors(lines: Sequence[str], settings: LayoutSettings = SETTINGS) -> list[int]:
    """Where a block's columns start: positions where pieces of several lines start (within
    `jitter` of each other, as pdftotext places each line's first word by its own x), but
    for a column's second start that no line shares with its first (a hanging indent, an
    indented paragraph: the column's lines start at one or the other, never both)."""
    starts: dict[int, set[int]] = {}
    for k, line in enumerate(lines):
        for a, _, text in pieces(line):
            starts.setdefault(a + 2 if _is_bullet(text[0]) else a, set()).add(k)
    clusters: list[tuple[int, set[int]]] = []
    last = 0
    for x in sorted(starts):
        if clusters and x - last <= settings.jitter:
            clusters[-1] = (clusters[-1][0], clusters[-1][1] | starts[x])
        else:
            clusters.append((x, set(starts[x])))
        last = x
    named = is_header_line(lines[0], settings)
    found = clusters[:1] + [  # a header line names each column, however few its lines
        (x, rows) for x, rows in clusters[1:]
        if len(rows) >= settings.min_column_lines or named and 0 in rows
    ]
    kept: list[tuple[int, set[int]]] = []
    for x, rows in found:
        if kept and x - kept[-1][0] <= settings.indent and len(rows & kept[-1][1]) <= (
            settings.shared_share * min(len(rows), len(kept[-1][1]))
        ):
            kept[-1] = (kept[-1][0], kept[-1][1] | rows)
        else:
            kept.append((x, rows))
    return [x for x, _ in kept] or [0]


@dataclass(frozen=True)
class LineCells:
    """A line cut into cells, and the columns whose text on it may hold the next column's
    or have lost a word to it: a piece ran over the next column's start (by less than
    `overflow`) where that column has nothing on the line, or its last words, set from
    that start on, were given to that column."""

    cells: list[str]
    unsure: tuple[int, ...] = ()
    merged: tuple[int, ...] = ()
    """Columns whose phrase ran on over the next column's start uncut (`_border_word`)."""


def split_line(
    line: str,
    columns: Sequence[int],
    settings: LayoutSettings = SETTINGS,
    across: bool = True,
    first: bool = False,
) -> LineCells | None:
    """A line's text cell by cell, each piece in the column where it starts (within
    `jitter`); None for a line that spans columns: one piece running over the next
    column's start by more than a word pdftotext pushed right (`overflow`). A piece of a
    line with others that runs that far is two cells a single space apart, cut at the word
    nearest the next column's start (`_border_word`; unsure, but at a bullet in the gutter),
    as is a line of one piece when not `across`; on a row's `first` line, where no cell
    goes on from the line above, not at a word that goes on a phrase."""
    cells: list[list[str]] = [[] for _ in columns]
    found = pieces(line)
    unsure: list[int] = []
    moved: list[int] = []
    merged: list[int] = []
    queue = [(a, b, text, 0) for a, b, text in found]
    while queue:
        a, b, text, least = queue.pop(0)
        start = a + 2 if _is_bullet(text[0]) else a
        column = max(least, sum(1 for x in columns if start + settings.jitter >= x) - 1)
        beyond = columns[column + 1] if column + 1 < len(columns) else None
        room = min(settings.overflow, settings.overflow_share * (
            (beyond - columns[column]) if beyond is not None else 0
        ))
        if beyond is not None and b > beyond + room:
            if len(found) == 1 and across:
                return None
            words = [a + m.start() for m in regex.finditer(r"(?<= )\S", text)]
            bullets = [w for w in words if _is_bullet(line[w]) and abs(w + 2 - beyond) <= (
                settings.jitter + 2
            )]
            cut = bullets[0] if bullets else _border_word(
                line, [w for w in words if w >= beyond - settings.indent], beyond, first, settings
            )
            if cut is not None:
                queue.insert(0, (cut, b, line[cut:b], column + 1))
                text, b = line[a:cut].rstrip(), cut
                if not bullets:
                    moved.append(column)
            else:  # one phrase across the border: a cell merged over the columns, or not
                unsure.append(column)
                merged.append(column)
        elif beyond is not None and b > beyond:
            unsure.append(column)
            later = [a + m.start() for m in regex.finditer(r"(?<= )\S", text)
                     if a + m.start() >= beyond - 1]
            if later and line[later[0]:].split(" ", 1)[0] in FUNCTION_WORDS:
                later = []  # "training on": a cell's line runs on, no cell starts so
            if later:  # a word set where the next column starts is that column's
                moved.append(column)
                queue.insert(0, (later[0], b, line[later[0]:b], column + 1))
                text, b = line[a:later[0]].rstrip(), later[0]
        cells[column].append(text)
    unsure = sorted({c for c in unsure if not cells[c + 1]} | set(moved))
    return LineCells(
        [_BULLET.sub("• ", " ".join(c)) for c in cells], tuple(unsure), tuple(merged)
    )


def _border_word(
    line: str, words: Sequence[int], beyond: int, first: bool,
    settings: LayoutSettings = SETTINGS,
) -> int | None:
    """Where a piece running over the next column's start (at `beyond`) is cut: at its word
    nearest that start; but on a row's first line, where every cell begins, a word that
    goes on a phrase (lower case, after a word ending no sentence: "practitioners on" /
    "ASC Head of") begins none, so the nearest other word within `border_word` is taken,
    and with none, None: the phrase runs on over the border, a cell merged across the row
    ("Progress | Complete - ... first report made in June."). On a later line a cell's
    line often goes on in lower case ("Safeguarding" / "briefings.")."""
    def starts_cell(w: int) -> bool:
        return not line[w].islower() or line[:w].rstrip().endswith(_ENDS)

    nearest = min(words, key=lambda w: abs(w - beyond), default=None)
    if nearest is None or not first or starts_cell(nearest):
        return nearest
    return min((w for w in words if starts_cell(w) and abs(w - beyond) <= settings.border_word),
               key=lambda w: abs(w - beyond), default=None)


_BULLET = compiled(rf"^[{''.join(sorted(set(BULLETS) - set(TICKS)))}]\s*")
"""A bullet as the PDF path reads it: any bullet glyph (the Symbol font's private-use one
too) as "•", one space before its item."""


def is_header_line(line: str, settings: LayoutSettings = SETTINGS) -> bool:
    """A table's header line: most of its pieces (text between gaps) short names of an
    action plan's columns ("Ref", "Recommendation", "Lead agency", "Target date"), and no
    digit anywhere ("MA3 Agencies should ensure | All agencies | September | Complete" is
    a row)."""
    if any(ch.isdigit() for ch in line):
        return False  # "MA3", "2024": a row's first line
    texts = [text for _, _, text in pieces(line)]
    named = sum(
        1 for text in texts
        if len(text.split()) <= settings.header_words and role_of(text) is not None
    )
    return named >= settings.min_header_names and named >= settings.header_share * len(texts)


@dataclass
class _Table:
    """One table's header (lines cut into cells), met on its first page."""

    header: list[str]
    width: int


@dataclass
class _Reader:
    settings: LayoutSettings
    blocks: list[Block] = field(default_factory=list)
    fragments: set[int] = field(default_factory=set)
    table: _Table | None = None
    unsure_tables: int = 0

    def heading(self, line: str, page: int) -> None:
        text = _BULLET.sub("• ", " ".join(line.split()))
        if text and not PAGE_NUMBER.match(running_key(text)):
            self.blocks.append(Heading(text, page))
            self.table = None

    def page(self, text: str, page: int) -> None:
        """A page's blocks: each header line (`is_header_line`) starts one, the lines of
        text alone just above it being headings; gapped lines before the first header go on
        the table of the page before. Lines outside any block are headings."""
        lines = [line.rstrip() for line in text.split("\n")]
        lines = lines[self._cut_rest(lines, page):]
        gapped = [i for i, line in enumerate(lines) if _gapped(line)]
        if not gapped:
            self.text(lines, page)
            return
        starts = [
            i for i in gapped
            if is_header_line(lines[i], self.settings) and (i == gapped[0] or _after_text(lines, i))
        ] or [gapped[0]]
        starts = sorted(set(starts) | set(self._after_headings(lines, gapped)))
        if gapped[0] < starts[0]:
            starts.insert(0, gapped[0])
        top = starts[0]
        while self.table is not None and top and lines[top - 1][:1] == " " and (
            lines[top - 1].strip() and not _gapped(lines[top - 1])
        ):
            top -= 1  # the rest of a cell the page break cut, over the table going on
        starts[0] = top
        self.text(lines[:starts[0]], page)
        taken = starts[0]
        for start in starts[1:]:
            top = start
            while top > taken and not _gapped(lines[top - 1]):
                top -= 1  # text alone above a header: headings between two tables
            # but lines right under the table above, no blank line between, are its own
            top = next((k for k in range(top, start) if not lines[k].strip()), top)
            self.fragment(lines[taken:top], page)
            self.text(lines[top:start], page)
            taken = start
        last = gapped[-1] + 1
        columns = anchors(lines[taken:last], self.settings)
        while last < len(lines) and lines[last].strip() and (
            not PAGE_NUMBER.match(running_key(lines[last]))
            and split_line(lines[last], columns, self.settings) is not None
        ):
            last += 1
        self.fragment(lines[taken:last], page)
        self.text(lines[last:], page)

    def _cut_rest(self, lines: list[str], page: int) -> int:
        """The rest of a cell the page break cut, at the page's top, where no row of the
        table follows it directly (a heading comes first, or nothing): pdftotext sets a lone
        column's lines flush left, or where the page's own columns fall, so only the text
        tells the column, the one of the last row whose text runs on ("guidance on" over
        "responding to ..."). Added as a row of
        its own, warned, for the stitcher to join; returns how many of the page's lines it
        took."""
        last = self.blocks[-1] if self.blocks else None
        if self.table is None or not isinstance(last, TableFragment) or not last.rows:
            return 0
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            return 0
        indented = lines[first][:1] == " "  # set in its column where the page has others
        end = first
        while end < len(lines) and lines[end].strip() and not _gapped(lines[end]) and (
                not indented or lines[end][:1] == " "):
            end += 1
        block = [" ".join(line.split()) for line in lines[first:end]]
        if not block or not block[0][:1].islower():
            return 0
        cells = [c.text.rsplit("\n", 1)[-1].strip() for c in last.rows[-1].cells]
        going_on = [c for c, t in enumerate(cells) if t and _runs_on(t)]
        if len(going_on) != 1:
            return 0
        column = going_on[0]
        texts = [""] * len(cells)
        texts[column] = "\n".join(block)
        note = RowNote(LAYOUT_TEXT, "the rest of a cell the page break cut, set apart from "
                       "its column by the converter: read as this column's, whose text ran on",
                       column)
        fragment = TableFragment([Row([Cell(t) for t in texts], [page], [note])], page)
        self.blocks.append(fragment)
        self.fragments.add(id(fragment))
        return end

    def text(self, lines: list[str], page: int) -> None:
        """Lines outside the tables: headings, but for a run of lines all indented alike
        (`min_key_numbers` or more), which is a table whose first column is blank in text
        (a RAG key's colour cells): its lines are rows of such a table."""
        run: list[str] = []
        for line in [*lines, ""]:
            indent = len(line) - len(line.lstrip())
            if line.strip() and indent and (not run or indent == len(run[0]) - len(
                run[0].lstrip()
            )):
                run.append(line)
                continue
            if len(run) >= self.settings.min_key_numbers:
                fragment = TableFragment(
                    [Row([Cell(), Cell(_BULLET.sub("• ", " ".join(r.split())))], [page])
                     for r in run], page)
                self.blocks.append(fragment)
                self.table = None
            else:
                for kept in run:
                    self.heading(kept, page)
            run = [line] if line.strip() and indent else []
            if not run:
                self.heading(line, page)

    def _after_headings(self, lines: list[str], gapped: list[int]) -> list[int]:
        """Gapped lines under a heading set apart by `heading_gap` blank lines above it (a
        form's "Recommendation 2" over its table): each starts a table, as a header does."""
        found: list[int] = []
        gap = self.settings.heading_gap
        for i in range(gap, len(lines)):
            if lines[i].strip() and not _gapped(lines[i]) and lines[i][:1] != " " and all(
                not ln.strip() for ln in lines[i - gap:i]
            ):
                later = [g for g in gapped if g > i]
                if later and all(lines[k].strip() for k in range(i, later[0])):
                    found.append(later[0])
        return found

    def fragment(self, lines: list[str], page: int) -> None:
        lines = [ln for ln in lines if ln.strip()]
        if not lines:
            return
        columns = anchors(lines, self.settings)
        if len(columns) < self.settings.min_columns:
            for line in lines:
                self.heading(line, page)
            return
        split = [split_line(ln, columns, self.settings) for ln in lines]
        for i in range(1, len(lines)):  # a cell's line going on, run into the next column
            if split[i] is None and split[i - 1] is not None and lines[i].lstrip()[:1].islower():
                split[i] = split_line(lines[i], columns, self.settings, across=False)
        spanning = [cells is None for cells in split]
        cut = [cells.cells if cells else [""] * len(columns) for cells in split]
        key = self._key_column(cut, spanning)
        if key is not None:
            _glue_numbers(cut, key)
        if key is not None:  # a word alone in the number column (no header's) is a theme row
            spanning = [span or bool(cells[key]) and not _row_key(cells[key]) and all(
                not t for c, t in enumerate(cells) if c != key
            ) and not cells[key][:1].islower() and role_of(cells[key]) != "number"
                for cells, span in zip(cut, spanning, strict=True)]
            split = [None if span else found for found, span in zip(split, spanning, strict=True)]
        else:
            numbered, _ = self._numbered_column(cut, spanning)
            if numbered is not None:
                spanning = [span or _theme_line(cut, i, numbered)
                            for i, span in enumerate(spanning)]
                split = [None if span else found
                         for found, span in zip(split, spanning, strict=True)]
        starts, told = self._row_starts(cut, spanning, key)
        if not told:  # the header ends where the first number is, if any
            header = _header_lines(lines, cut) if not spanning[0] else 0
            starts = [i for i in starts if i > header]
            starts = ([header] if 0 < header < len(lines) else []) + starts
        for n, i in enumerate(starts):
            self._first_line(i, (starts + [len(lines)])[n + 1], lines, columns, split, cut, key)
        headed: set[int] = set()
        if told:
            for start in list(starts):
                if _heading_above(cut, spanning, start, start == starts[0]):
                    spanning[start - 1] = True
                    split[start - 1] = None
                    starts.append(start - 1)
                    headed.add(start)
            starts = sorted(set(starts))
        table = self.table if self.table and self.table.width == len(columns) else None
        head = starts[0] if starts else len(lines)
        ranges: list[tuple[int, int]] = []
        if head and table is None:
            table = _Table([" ".join(c) for c in zip(*cut[:head], strict=True)], len(columns))
            ranges.append((0, head))
        elif head:
            # a later page: its header again, then the rest of a row the break cut
            repeat = _repeated_header(cut[:head], table.header) if table else 0
            ranges += [r for r in ((0, repeat), (repeat, head)) if r[1] > r[0]]
        self.table = table
        above = len(ranges)  # the header, and the rest of a row the page break cut
        bounds = [*starts, len(lines)]
        ranges += [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
        rows = [self._row(cut[a:b], lines[a:b], split[a:b], page) for a, b in ranges]
        for row, (a, _) in zip(rows, ranges, strict=True):
            if a in headed:
                row.warnings.append(HEADING_ROW)
        _merge_down(rows[above:], key)
        if not told:
            self.unsure_tables += 1
            for row in rows:
                row.warnings.append(NO_NUMBER_COLUMN)
        fragment = TableFragment(rows, page)
        self.blocks.append(fragment)
        self.fragments.add(id(fragment))

    def _first_line(
        self, i: int, end: int, lines: list[str], columns: list[int],
        split: list[LineCells | None], cut: list[list[str]], key: int | None,
    ) -> None:
        """A row's first line (`i`, the row ending before `end`) cut again knowing that each
        of its cells begins there (`split_line`'s `first`); a phrase left running over a
        column's start is taken for a cell merged across the row only if the row has
        nothing right of it (the number column's cell, glued, is kept)."""
        found = split_line(lines[i], columns, self.settings, first=True) if split[i] else None
        if found is None or found.cells == cut[i]:
            return
        if any(found.cells[c] or any(cut[k][c] for k in range(i + 1, end))
               for m in found.merged for c in range(m + 1, len(columns))):
            return
        cells = list(found.cells)
        if key is not None:
            cells[key] = cut[i][key]
        split[i], cut[i] = found, cells

    def _key_column(self, cut: list[list[str]], spanning: list[bool]) -> int | None:
        """The leftmost column most of whose filled lines are numbers, among the first
        `key_columns` (a number column leads the row; "Q1" in a timescale column is no
        number of it)."""
        for c in range(min(len(cut[0]), self.settings.key_columns) if cut else 0):
            texts = [cells[c] for cells, span in zip(cut, spanning, strict=True)
                     if not span and cells[c]]
            numbers = sum(1 for t in texts if _row_key(t))
            if numbers >= self.settings.min_key_numbers and numbers >= (
                self.settings.key_share * len(texts)
            ):
                return c
        return None

    def _row_starts(
        self, cut: list[list[str]], spanning: list[bool], key: int | None
    ) -> tuple[list[int], bool]:
        """The lines that start a row: a number in the number column, the first line of a
        run of full-width lines and the line after one, a field label in a form's first
        column; without any of these, a line whose first column starts afresh (`_fresh`)
        and none of whose other cells goes on a phrase (starts in lower case). Also whether
        the rows were so told (not guessed)."""
        starts: list[int] = []
        firsts = [cells[0] for cells, span in zip(cut, spanning, strict=True)
                  if cells[0] and not span]
        named = sum(1 for t in firsts if role_of(t) is not None)
        terms = sum(1 for t in firsts if " " not in t and sum(ch.isupper() for ch in t) > 1)
        labels = max(named, terms) >= self.settings.min_key_numbers and max(named, terms) >= (
            self.settings.label_share * len(firsts)
        )  # a form's field labels or a glossary's acronyms down the first column, a row each
        numbered, count = (None, 0) if key is not None else self._numbered_column(cut, spanning)
        if labels and count >= max(named, terms):
            labels = False  # a theme column's words beside as many numbered rows, no form
        if labels:
            numbered = None
        subs = self._part_columns(cut, spanning, key)
        for i, (cells, span) in enumerate(zip(cut, spanning, strict=True)):
            before = spanning[i - 1] if i else False
            if span != before and i:
                starts.append(i)
            elif span or not i:
                continue
            elif key is not None:
                if _row_key(cells[key]) or any(_base(cells[c]) for c in subs) or _cells_start(
                        cut[i - 1], cells):
                    starts.append(i)
            elif labels:
                if cells[0] and not cells[0][:1].islower() and not _runs_on(cut[i - 1][0]):
                    starts.append(i)
            elif numbered is not None:
                if _numbered(cells[numbered]) or _cells_start(cut[i - 1], cells):
                    starts.append(i)
            elif cells[0] and _fresh(cut[i - 1][0], cells[0]) and not any(
                text[:1].islower() for text in cells[1:]
            ):
                starts.append(i)
        return starts, key is not None or labels or numbered is not None

    def _part_columns(
        self, cut: list[list[str]], spanning: list[bool], key: int | None
    ) -> list[int]:
        """Columns right of the number column that number the parts of its items ("Rec No"
        | ... | "Action No": "1.1", "1.2" beside "1"): each part is a row of its own, as
        the page draws it; started only at the number column's numbers, an item's action
        rows were one row, their dates and statuses run together."""
        if key is None:
            return []
        bases = {number for cells, span in zip(cut, spanning, strict=True)
                 if not span and (number := number_cell(cells[key]))}
        found = []
        for c in range(key + 1, len(cut[0]) if cut else 0):
            parts = [cells[c] for cells, span in zip(cut, spanning, strict=True)
                     if not span and _base(cells[c]) in bases and number_cell(cells[c])]
            if len(parts) >= self.settings.min_key_numbers:
                found.append(c)
        return found

    def _numbered_column(
        self, cut: list[list[str]], spanning: list[bool]
    ) -> tuple[int | None, int]:
        """The leftmost of the first columns whose cells start with their number ("1) The
        police should...", "MA2 Southbridge..."), two of them at least; and how many."""
        for c in range(min(len(cut[0]), self.settings.key_columns) if cut else 0):
            count = sum(
                1 for i in range(1, len(cut))
                if not spanning[i] and _numbered(cut[i][c])
            )
            if count >= self.settings.min_key_numbers:
                return c, count
        return None, 0

    def _row(
        self, cut: list[list[str]], lines: list[str], split: list[LineCells | None], page: int
    ) -> Row:
        texts: list[list[str]] = [[] for _ in cut[0]]
        notes: list[RowNote] = []
        for cells, line, found in zip(cut, lines, split, strict=True):
            if found is None:
                texts[0].append(" ".join(line.split()))
                continue
            for c, text in enumerate(cells):
                if text:
                    texts[c].append(text)
            notes += [RowNote(LAYOUT_TEXT, _overrun(cells[c]), c) for c in found.unsure]
        return Row([Cell("\n".join(t)) for t in texts], [page], notes)


def _overrun(text: str) -> str:
    return (
        f'the layout text\'s line "{quoted_end(text)}" runs into the next column: a word '
        f"at the border may belong to either"
    )


def _merge_down(rows: list[Row], key: int | None) -> None:
    """A cell merged down over several rows (a recommendation over its action rows), which
    the layout shows as one column of text running on past the rows' starts: a row's cell
    that goes on mid-sentence from the cell above ("...where the" / "victim has...") is
    that cell's, and so is, once one has, the cell of a row numbered as a part of the same
    item ("1 (ii)", "1 (iii)" under "1 (i)")."""
    for c in range(len(rows[0].cells) if rows else 0):
        if c == key:
            continue
        width = max((text_width(ln) for r in rows for ln in r.cells[c].text.split("\n")),
                    default=0.0)
        origin: int | None = None
        merged = False
        for r in range(1, len(rows)):
            cell, above = rows[r].cells[c], rows[origin if origin is not None else r - 1].cells[c]
            if cell.empty or above.empty:
                origin, merged = (None, False) if not cell.empty else (origin, merged)
                continue
            base = _base(rows[r].cells[key].text) if key is not None else None
            same = merged and base is not None and base == _base(
                rows[origin if origin is not None else r - 1].cells[key].text
            )
            if _goes_on(above.text, cell.text, width) or same:
                origin = r - 1 if origin is None else origin
                rows[origin].cells[c] = Cell(f"{above.text}\n{cell.text}")
                rows[r].cells[c] = Cell(merged=True)
                merged = True
            else:
                origin, merged = None, False


def _goes_on(above: str, text: str, width: float) -> bool:
    """A cell's text that carries on the phrase of the cell above: that one ends mid-phrase
    on a line its next word would not have fitted on (the column's line width `width`, its
    longest line), and this one starts in lower case."""
    last = above.rstrip().rsplit("\n", 1)[-1]
    return (
        not last.endswith(_ENDS)
        and text[:1].islower()
        and not ITEM_START.match(text)  # "a. Forcewide...": a list's item starts a cell
        and not next_word_fits(text_width(last), text, width, TEXT_SETTINGS.fit_share)
    )


def _base(number: str) -> str | None:
    """The item a row's number belongs to: "1" of "1 (ii)", "2" of "2.3"."""
    found = regex.match(r"\s*([A-Za-z]{0,6}\d+)", number)
    return found.group(1) if found and number.strip() != found.group(1) else None


def _after_text(lines: list[str], i: int) -> bool:
    """Whether the nearest line with text above line i is a line of text alone (a heading
    over a table), not a table's line: gapped, or indented right above (a cell's line in a
    column but the first)."""
    k = next((k for k in range(i - 1, -1, -1) if lines[k].strip()), None)
    if k is None or i - k > SETTINGS.heading_gap:
        return True  # the space between two blocks of the page
    indented = lines[k][:1] == " " and k == i - 1  # a cell's line of the table going on
    return not _gapped(lines[k]) and not indented and not lines[k].lstrip()[:1].islower()


def _header_lines(lines: list[str], cut: list[list[str]]) -> int:
    """How many lines at the top of a block are its header: a header line, and the lines
    under it each of whose pieces goes on a header's word ("Scop" / "e", "do this?"), is
    a column's name itself ("Target" / "Date") or one or two capitalised words ("Lead" /
    "Officer"); a row's first line has a sentence or a number somewhere."""
    if not is_header_line(lines[0]):
        return 0
    count = 1
    header = list(cut[0])
    for cells in cut[1:]:
        filled = [(c, text) for c, text in enumerate(cells) if text]
        if not filled or any(ch.isdigit() for _, text in filled for ch in text) or not all(
            glue_broken_header(f"{header[c]} {text}") != f"{header[c]} {text}"
            or len(text.split()) <= SETTINGS.header_words and (
                not text[:1].isupper() or role_of(text) is not None or len(text.split()) <= 2
            )
            for c, text in filled
        ):
            break
        header = [f"{h} {t}".strip() for h, t in zip(header, cells, strict=True)]
        count += 1
    return count


_ENDS = (".", "!", "?", ")", ":", ";")


def _glue_numbers(cut: list[list[str]], key: int) -> None:
    """A number the narrow number column broke over two lines ("R1" / "0"), joined where
    the halves make the shape most of the column's numbers have ("R9") and the second
    half alone does not."""
    shapes = Counter(token_shape(cells[key]) for cells in cut if number_cell(cells[key]))
    if not shapes:
        return
    main = shapes.most_common(1)[0][0]
    for i in range(1, len(cut)):
        above, text = cut[i - 1][key], cut[i][key]
        if above and text and token_shape(text) != main and token_shape(above + text) == main:
            cut[i - 1][key], cut[i][key] = above + text, ""


def _heading_above(cut: list[list[str]], spanning: list[bool], start: int, first: bool) -> bool:
    """A line right above a row's start with text in the first column only, capitalised,
    no number, after a finished sentence: a heading between rows ("Adult Social Care" over
    "3. Adult Social Care should..."), which the layout cannot tell from a cell's last
    short paragraph; above the first row, the header may be above it."""
    k = start - 1
    if k < 1 or spanning[k] or spanning[k - 1]:
        return False
    cells = cut[k]
    return (
        bool(cells[0]) and not any(cells[1:]) and cells[0][:1].isupper()
        and split_label(cells[0])[0] is None and not cells[0].endswith((".", "!", "?", ";", ","))
        and role_of(cells[0]) is None  # "Action Ref" / "Number": the header's
        and (not cut[k - 1][0] or cut[k - 1][0].endswith(_ENDS)
             or first and role_of(cut[k - 1][0]) is not None)
    )


HEADING_ROW = RowNote(
    LAYOUT_TEXT,
    "the line alone in the first column above this row was read as a heading over it, not "
    "as the last line of the cell above: the layout text cannot tell them apart",
)


def _row_key(text: str) -> bool:
    """A number column's cell that starts a row: a number ("1", "R3", "2.1") or an item's
    label ("a)", "(b)", "ii."), an action row lettered under its recommendation's row."""
    return bool(text) and (number_cell(text) is not None or bool(ITEM_LABEL.match(text)))


def _theme_line(cut: list[list[str]], i: int, column: int) -> bool:
    """A theme or section row of a table whose rows start at the numbers opening a column's
    text ("1) The police should ..."): a line of that column alone, a name (a capital first,
    no sentence's end, no column's name), right above a numbered line, under a finished
    sentence or the header. (A layout text shows no bold: a cell's short last line going on
    a sentence starts in lower case or follows a line that does not end one.)"""
    cells = cut[i]
    text = cells[column]
    if not text or any(t for c, t in enumerate(cells) if c != column):
        return False
    if _numbered(text) or not text[:1].isupper() or text.endswith(_ENDS[:3]):
        return False
    if i + 1 >= len(cut) or not _numbered(cut[i + 1][column]):
        return False
    above = [row[column] for row in cut[:i] if row[column]]
    if not any(_numbered(t) for t in above):  # under the header: not its wrapped last line
        header = glue_broken_header(" ".join(above))
        if not above or _runs_on(above[-1]) or role_of(header) is None or (
                len(header.split()) > 2 * SETTINGS.header_words):
            return False  # "Learning /" over "Recommendation"; or the rest of a cut cell
        return role_of(text) is None or " " in text
    return above[-1].endswith(_ENDS)


def _cells_start(above: list[str], cells: list[str]) -> bool:
    """A row with no number of its own (an action row under its recommendation's): several
    of its cells start on this line (`rowkinds.starts_row`), each in a column empty on the
    line above or after a finished sentence there (`_fresh`: a layout text keeps no space
    between a cell's last line and the next row's first), one at least in an empty one (two
    cells both going on with a new sentence are a row's second paragraphs)."""
    empty = sum(1 for a, t in zip(above, cells, strict=True) if t and not a)
    fresh = sum(1 for a, t in zip(above, cells, strict=True) if t and _fresh(a, t))
    if not empty:
        return False
    labelled = sum(1 for a, t in zip(above, cells, strict=True) if t and a and ITEM_LABEL.match(t))
    return starts_row(fresh, labelled)


def _runs_on(text: str) -> bool:
    """A label's line that goes on on the next ("Date completed /" / "Outcome")."""
    last = text.rsplit(" ", 1)[-1]
    return text.endswith(("/", "&", ",", "-", "–")) or last.casefold() in FUNCTION_WORDS


def _numbered(text: str) -> bool:
    """A cell's line that starts with a number ("1) The police", "MA1 The"; a number in a
    sentence wrapped to a line's start has no stop or capital after it)."""
    number, rest = split_label(text)
    return number is not None and rest[:1].isalpha()  # not "12))", a reference's end


def _fresh(above: str, text: str) -> bool:
    """A cell's line that starts a paragraph, as a row's first line does: nothing above it
    in its column, or a finished sentence above and a capital, a digit or a bullet here."""
    if not above:
        return True
    first = text[:1]
    return above.endswith(_ENDS) and (first.isupper() or first.isdigit() or _is_bullet(first))


def _repeated_header(cut: list[list[str]], header: list[str]) -> int:
    """How many of a page's first lines repeat the table's header (0 when they do not): the
    same words, wherever this page's columns put each ("Action" / "Required" a character
    off)."""
    words = sorted(" ".join(header).split())
    for k in range(1, len(cut) + 1):
        if sorted(" ".join(" ".join(cells) for cells in cut[:k]).split()) == words:
            return k
    return 0


NO_NUMBER_COLUMN = RowNote(
    PARAGRAPHS_UNSURE,
    "the layout text's table has no number column: its rows were cut where its first "
    "column starts again, and a row may hold two records' lines or half of one",
)
"""Every row of a table whose rows could not be told by numbers says so."""


def read_layout(text: str, path: Path, settings: LayoutSettings = SETTINGS) -> Document:
    """Headings and table fragments of a text laid out as pages, a fragment per table per
    page, read as a `<br>` export's tables are."""
    reader = _Reader(settings)
    pages = text.replace("\r\n", "\n").split("\f")
    if pages and not pages[-1].strip() and len(pages) > 1:
        pages.pop()
    for number, page in enumerate(pages, 1):
        reader.page(page.expandtabs(), number)
        reader.table = reader.table  # a table goes on over the page break
    if not holds_recommendations(reader.blocks):
        raise ExtractError(f"{path}: no table found: not an action-plan text export")
    warnings = undo_converter_lines(reader.blocks, reader.fragments)
    blocks, running = undo_running_lines(reader.blocks)
    warnings += running
    if reader.unsure_tables:
        warnings.insert(0, (
            f"{LAYOUT_MESSAGE}: {reader.unsure_tables} table part"
            f"{'s' if reader.unsure_tables > 1 else ''} with no number column: rows were cut "
            f"where the first column starts again, and may be wrong"
        ))
    return Document(path, "layout", len(pages), blocks, warnings)
