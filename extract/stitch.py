"""Join table fragments into whole tables, whatever reader produced them.

A Word table that runs over several pages reaches us as one fragment per page. Fragments that
follow each other with no heading between and have the same number of columns are one table.
The first row of a table is its header; rows that repeat it (Word's "repeat header row", with
small wording changes such as "Outcome"/"Outcomes") are dropped wherever they appear.

A row that a page break cut in two leaves its top on one page and its rest as the first row of
the next. Whether the next page's first row continues the previous one is a question about
the plan's content (does it start a new recommendation?), which the shared row classifier
answers (`rowkinds.py`, from the header's words); this module applies the answer and joins
the cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dhrplan.extract.celltext import SPACE_WIDTH
from dhrplan.extract.labels import ITEM_START, leading_marker, opens_item, successor
from dhrplan.extract.model import (
    NO_PAGE,
    ROW_JOINED,
    Block,
    Cell,
    Heading,
    Row,
    RowNote,
    Table,
    TableFragment,
)
from dhrplan.extract.rowkinds import starts_something
from dhrplan.extract.textlines import text_width
from dhrplan.extract.vocabulary import glue_broken_header, names_a_column
from dhrplan.extract.words import (
    FUNCTION_WORDS,
    NAMES_IN_RUNNING_TEXT,
    hyphen_goes_on,
    normal_word,
    split_word,
)

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class StitchSettings:
    """How a table's parts on several pages are joined."""
    header_match: float = 0.8
    """Share of non-empty header cells that must match for a row to count as a repeated header."""
    paren_reach: int = 2000
    """Characters before a page break searched for an unclosed "(": a parenthesis stays open
    over a sentence or two, never pages; counting the whole cell at every join of row after
    row was quadratic."""
    repeated_rows: int = 3
    """Rows at the top of a table that may repeat on every page (a title row and a header,
    or a header over two rows): Word repeats a run of rows from the top, and three covers
    a title above a two-row header."""
    room_margin: float = 0.5
    """Ems beyond a space and the next word's width that the last line before a page break
    must have had free for its break to count as a paragraph end: the room is measured on
    one page and the word set on the next, so only clear room counts."""


SETTINGS = StitchSettings()


HEADER_CELL_WORDS = 24
"""Longer cells are not header cells: not glued (`glue_broken_header` tries every run of
pieces), so a table of long paragraphs costs no more to check for repeated headers."""


def _cell_key(text: str) -> str:
    """A header cell's words, compared without case, punctuation or a plural "s", and with
    the pieces a narrow column broke them into glued back ("Scop e", "Tar get Date"; a
    repeat on a page of other column widths breaks them elsewhere)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if 1 < len(words) <= HEADER_CELL_WORDS:
        words = glue_broken_header(" ".join(words)).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def same_header(header: Row, row: Row, settings: StitchSettings = SETTINGS) -> bool:
    if len(header.cells) != len(row.cells):
        return False
    pairs = [
        (_cell_key(h.text), _cell_key(c.text))
        for h, c in zip(header.cells, row.cells, strict=True)
        if not (h.empty and c.empty)
    ]
    if not pairs:
        return False
    matches = sum(1 for h, c in pairs if h == c)
    return matches / len(pairs) >= settings.header_match


def _same_row(top: Row, row: Row) -> bool:
    """Every cell the same: a row under the first that repeats on a new page is a copy, and
    a content row that differs from the table's first only by its number ("4." for "1.")
    is no repeat, which `same_header`'s tolerance would take it for."""
    return len(top.cells) == len(row.cells) and all(
        a.text.split() == b.text.split() for a, b in zip(top.cells, row.cells, strict=True)
    )


def _last_word(text: str) -> str:
    """Not `text.split()[-1]`: a cell joined to row after row would be split whole each time
    (quadratic; minutes for a 10,000-row table)."""
    return text.rsplit(None, 1)[-1]


def _first_word(text: str) -> str:
    return text.split(None, 1)[0]


def _cut_mid_phrase(before: str, after: str) -> bool:
    """Strong evidence that `after` carries on the phrase `before` was cut in."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after or ITEM_START.match(after):
        return False
    if after[0].islower() or not after[0].isalnum():
        return True
    if before[-1] in ",;:(/&-–":
        return True
    tail = before[-SETTINGS.paren_reach:]
    if tail.count("(") > tail.count(")"):
        return True
    if before[-1].isalpha() and normal_word(_first_word(after)) in NAMES_IN_RUNNING_TEXT:
        return True  # "Training booked" / "February 2016"
    return _last_word(before).lower() in FUNCTION_WORDS


def _had_room(room: float, after: str) -> bool:
    """Whether the next word would have fitted in the `room` (ems) the line before the page
    break left: if so, that line ended on purpose."""
    words = after.split(None, 1)
    return not words or room >= SPACE_WIDTH + text_width(words[0]) + SETTINGS.room_margin


def _wrapped(cell: Cell, after: str) -> bool:
    """Whether `after` carries on the text of `cell`, cut by the page break: mid-phrase, or
    after a last line with no room for its first word. (A new merged recommendation at the
    top of a page does neither.)"""
    if _cut_mid_phrase(cell.text, after):
        return True
    return cell.room is not None and not _had_room(cell.room, after) and cell.text[-1:] != "."


def join_text(before: str, after: str, room: float | None = None) -> str:
    """Join the two parts of a cell cut by a page break: mid-paragraph unless clearly not.
    `room` (PDFs) is the free width after the first part's last line, in ems: when the next
    word had room there, the paragraph ended; when it had none, the line was wrapped and the
    paragraph goes on, unless the next word opens a list item."""
    if not before.strip():
        return after
    if not after.strip():
        return before
    before, after = before.rstrip(), after.lstrip()
    if (
        hyphen_goes_on(_last_word(before), _first_word(after)) and after[0].islower()
        or split_word(before, after, room)
    ):
        return before + after
    if _cut_mid_phrase(before, after):
        return f"{before} {after}"
    if before[-1] in ".!?" or ITEM_START.match(after):
        return f"{before}\n{after}"
    last, first = _last_word(before), _first_word(after)
    if room is not None:
        new_line = _had_room(room, after) or opens_item(last, first)
        return f"{before}\n{after}" if new_line else f"{before} {after}"
    # Both sides capitalised ("Detective Inspector Phil" / "Jones") reads as one name cut in
    # two; a capital after a lower-case word ("for new business" / "Commissioners to ...") or
    # an acronym ("Jessica Wheeler" / "SCC ...") starts a new line of the cell.
    if last[:1].isupper() and first[:1].isupper() and not first.isupper():
        return f"{before} {after}"
    return f"{before}\n{after}"


def join_rows(top: Row, rest: Row) -> Row:
    cells = [
        Cell(
            join_text(a.text, b.text, a.room),
            bold=(a.bold or a.empty) and (b.bold or b.empty),
            room=b.room if not b.empty else a.room,
            fill=a.fill or b.fill,
            lines=a.lines + b.lines,
            regions=a.regions + b.regions,
            line_regions=a.line_regions + b.line_regions,
        )
        for a, b in zip(top.cells, rest.cells, strict=True)
    ]
    pages = sorted(set(top.pages) | set(rest.pages))
    note = RowNote(
        ROW_JOINED, f"row joined across a page break (pages {', '.join(map(str, pages))})"
    )
    return Row(cells, pages, [*top.warnings, *rest.warnings, note])


def _continues(top: Row, rest: Row) -> bool:
    return any(
        _cut_mid_phrase(a.text, b.text)
        for a, b in zip(top.cells, rest.cells, strict=True)
        if not (a.empty or b.empty)
    )


def _header_rest(header: Row, row: Row) -> bool:
    """A page broke inside the header row (Word lets a row that is not set to repeat break
    anywhere): the first row after the break is bold like the header, or (a text export
    shows no bold) each of its cells carries on its header mid-phrase ("Date of Completion
    and" / "Outcome"), and no data row came between."""
    def bold(r: Row) -> bool:
        return all(c.bold for c in r.cells if not c.empty)

    if len(row.filled()) >= len(header.filled()):
        return False
    if bold(header) and bold(row):
        return True
    return all(_cut_mid_phrase(header.cells[i].text, row.cells[i].text) for i in row.filled())


def _next_item(above: str, below: str) -> bool:
    """`below` opens the item that follows the last one of `above`: the same bullet, or
    the label after its label ("b." after "a.")."""
    tail = above.rsplit("\n", 1)[-1]
    last, first = leading_marker(tail), leading_marker(below)
    if last is None or first is None:
        return False
    if last.label is None or first.label is None:
        return last.label is None and first.label is None and tail[:1] == below[:1]
    return successor(last.label) == first.label


def _rest_goes_on(top: Row, rest: Row, goes_on: Callable[[str, str], bool]) -> bool:
    """A row the page break cut inside cells that list things: the rest fills fewer cells
    than the row, each going on the row's cell above it (`goes_on(above, rest)`), and none
    of the row's other cells (its owner, its date), which an action row of its own would
    fill."""
    filled = rest.filled()
    return (
        bool(filled)
        and len(filled) < len(top.filled())
        and all(goes_on(top.cells[i].text, rest.cells[i].text) for i in filled)
    )


def _list_goes_on(top: Row, rest: Row) -> bool:
    """Cut between two items of its lists: the rest holds only their next items."""
    return _rest_goes_on(top, rest, _next_item)


def _paragraphs_go_on(top: Row, rest: Row) -> bool:
    """Cut between two paragraphs of a cell that lists them (actions one to a paragraph,
    no markers): each of the rest's cells goes on one of several paragraphs above."""
    return _rest_goes_on(top, rest, lambda above, _: "\n" in above.strip())


def _should_join(top: Row, rest: Row, header: Row, numbered: bool) -> bool:
    """Decide whether the first row after a page break is the rest of the row before it."""
    kind = starts_something(header, rest)
    if kind in ("section", "empty"):
        return False
    if _list_goes_on(top, rest) or (kind == "action" and _paragraphs_go_on(top, rest)):
        return True
    if kind == "numbered":
        return starts_something(header, top) == "action" and _continues(top, rest)
    if kind == "text":
        return numbered or _continues(top, rest)
    return _continues(top, rest)


def _columns_row(rows: Sequence[Row]) -> Row:
    """The first row, or the one under it when the first is a title (one cell filled) and
    the second names at least two columns."""
    if len(rows) > 1 and len(rows[0].filled()) == 1 and sum(
            names_a_column(c.text) for c in rows[1].cells if not c.empty) >= 2:
        return rows[1]
    return rows[0]


class _Builder:
    def __init__(
        self,
        first: TableFragment,
        heading: str | None,
        settings: StitchSettings,
    ) -> None:
        self.header = first.rows[0]
        self.columns = _columns_row(first.rows)
        """The row that names the columns, which says what a row after a page break starts:
        the header, or the row under a title row spanning the table ("Action plan: DHR 3"
        over "No. | Recommendation | ..."), which Word repeats on every page too."""
        self.top = [r for r in first.rows if r.filled()][: settings.repeated_rows]
        self.width = first.width
        self.heading = heading
        self.rows: list[Row] = []
        self.settings = settings
        self.numbered = False
        self.started = False
        self._add(first.rows[1:], first.page, first_on_page=False)
        self.started = True
        """Rows after the first fragment's: a repeat of the columns row under a title is a
        repeated header there, not a row (the first fragment's own is the table's header)."""

    def _repeated_top(self, rows: list[Row]) -> list[Row]:
        """A page that starts by repeating the table's first row (its header, or a title row
        above it) repeats the rows under it too, as Word repeats a run of rows from the top:
        "Action Plan - DHR X" over "No. | Recommendation | ...", or "Actions" over "What |
        Who | When". Only the first row was dropped before, so the header under a title was
        read as a record row and joined into the row cut by the page break."""
        filled = [r for r in rows if r.filled()]
        if not filled or not same_header(self.top[0], filled[0], self.settings):
            return rows
        count = 1
        while count < min(len(filled), len(self.top)) and _same_row(
            self.top[count], filled[count]
        ):
            count += 1
        return filled[count:]

    def _add(self, rows: Sequence[Row], page: int, first_on_page: bool) -> None:
        if first_on_page:
            rows = self._repeated_top(list(rows))
        kept = [r for r in rows if r.filled() and not same_header(self.header, r, self.settings)
                and not (self.started and self.columns is not self.header
                         and same_header(self.columns, r, self.settings))]
        if first_on_page and kept and not self.rows and _header_rest(self.header, kept[0]):
            if self.columns is self.header:
                self.columns = join_rows(self.header, kept[0])
            self.header = join_rows(self.header, kept[0])
            kept = kept[1:]
        if first_on_page and kept and self.rows and self.rows[-1].pages[-1] < page:
            kept[0] = self._carry_merged(kept[0], kept[1] if len(kept) > 1 else None)
            if not kept[0].filled():
                kept = kept[1:]
            top = self.rows[-1]
            join = kept[0].continues if kept and kept[0].continues is not None else (
                kept and _should_join(top, kept[0], self.columns, self.numbered)
            )
            if join:
                self.rows[-1] = join_rows(top, kept[0])
                kept = kept[1:]
        for row in kept:
            if starts_something(self.columns, row) == "numbered":
                self.numbered = True
        self.rows.extend(kept)

    def _carry_merged(self, rest: Row, after: Row | None) -> Row:
        """A cell merged down over several rows (a recommendation over its actions) that the
        page break cut: its rest, in the next page's first row, goes to the row where the
        merged cell starts, not to the last row above the break; the rest of `rest` is then
        joined or kept as a row of its own as usual. The cell was cut when it covers the last
        row above the break, or when its rest covers more rows below; in a text export, which
        shows no merges, when the cells below it are blank down to the break, the rest
        carries on its phrase, and no cell of the rest sits under a filled cell of the last
        row (which would make the rest that row's own)."""
        top = self.rows[-1]
        if starts_something(self.columns, rest) == "numbered":
            return rest
        cells = list(rest.cells)
        under_top = any(
            not (a.empty or b.empty) for a, b in zip(top.cells, rest.cells, strict=True)
        )
        for c, (above, below) in enumerate(zip(top.cells, rest.cells, strict=True)):
            if below.empty:
                continue
            continues_below = (
                after is not None
                and after.cells[c].merged
                and not above.empty
                and _wrapped(above, below.text)
            )
            blank = above.empty and not above.merged and not under_top
            if not (above.merged or continues_below or blank):
                continue
            start = next(
                (
                    i
                    for i in range(len(self.rows) - 1, -1, -1)
                    if not (self.rows[i].cells[c].merged or blank and self.rows[i].cells[c].empty)
                ),
                None,
            )
            if start is None:
                continue
            row = self.rows[start]
            head = row.cells[c]
            if blank and not _cut_mid_phrase(head.text, below.text):
                continue
            joined = Cell(join_text(head.text, below.text, head.room), head.bold and below.bold,
                          room=below.room, fill=head.fill or below.fill,
                          lines=head.lines + below.lines,
                          regions=head.regions + below.regions,
                          line_regions=head.line_regions + below.line_regions)
            pages = sorted(set(row.pages) | set(rest.pages))
            note = RowNote(ROW_JOINED, f"a merged cell continued across a page break (pages "
                                       f"{', '.join(map(str, pages))})", c)
            self.rows[start] = Row(
                [*row.cells[:c], joined, *row.cells[c + 1:]], pages, [*row.warnings, note]
            )
            cells[c] = Cell()
        if cells == rest.cells:
            return rest
        return Row(cells, rest.pages, rest.warnings, continues=rest.continues)

    def accepts(self, fragment: TableFragment) -> bool:
        return fragment.width == self.width

    def add(self, fragment: TableFragment) -> None:
        """A fragment on a new page; a page-less one (NO_PAGE) is a table of its own that only
        continues this one, with no row cut in two."""
        self._add(fragment.rows, fragment.page, first_on_page=fragment.page != NO_PAGE)

    def build(self) -> Table:
        return Table(self.header, self.rows, self.heading)


def stitch(
    blocks: Sequence[Block], settings: StitchSettings = SETTINGS
) -> list[Heading | Table]:
    """Headings and whole tables, in document order."""
    out: list[Heading | Table] = []
    current: _Builder | None = None
    pending_heading: str | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            out.append(current.build())
            current = None

    for block in blocks:
        if isinstance(block, Heading):
            close()
            out.append(block)
            pending_heading = block.text
            continue
        if not block.rows:
            continue
        if current is not None and current.accepts(block):
            current.add(block)
            continue
        close()
        current = _Builder(block, pending_heading, settings)
        pending_heading = None
    close()
    return out
