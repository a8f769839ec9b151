"""Cells of text exports that other converters wrote line by line, or flattened, back to paragraphs.

The samples' exports mark each paragraph of a cell (`<p>`). Converters built on pdfplumber,
camelot or Marker keep every visual line of the PDF instead (`<br>` or a newline inside the
cell): a cell is the page's wrapped lines, with words broken where the column was narrow
("Scop" / "e", "31.12.20" / "16"). Docling-style ones flatten each cell to one line joined by
spaces ("completi on"). A table that marks paragraphs with HTML blocks is left as it is;
each column of any other is read in the style it shows:

- **lines**: most line breaks come where the next word would not have fitted on the line, so
  they are the column's wrapping. The lines are rebuilt into words measured in characters,
  each counted at its width in Helvetica (Arial's metrics, the font most plans are set in),
  a column's line width being about its longest line, and read by the PDF path's own
  `celltext.cell_text`, with margins as wide as such a measure is loose;
- **breaks**: line breaks where the next word would mostly have fitted are paragraph breaks
  (a converter that writes `<br>` between paragraphs), kept as they are;
- **flat**: no line breaks anywhere in the table: a word broken in two is glued back where
  the halves make a word (`words.split_word`, the rule for a word cut by a page break); a
  label after a finished sentence and the next item of a list start a line, by the rules
  the PDF path applies at a line break (`labels.opens_labelled`,
  `celltext.starts_item_after`); a warning says that other paragraph breaks inside long
  cells cannot be told from spaces.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from dhrplan.extract.celltext import (
    COMMON_WORDS,
    SPACE_WIDTH,
    Measure,
    PageWords,
    cell_text,
    known_words,
    starts_item_after,
)
from dhrplan.extract.geometry import Word
from dhrplan.extract.labels import ITEM_START, opens_labelled
from dhrplan.extract.model import Block, Cell, Heading, Row, TableFragment
from dhrplan.extract.words import HYPHEN_END, PUNCTUATION, is_word, normal_word, split_word

Style = Literal["lines", "breaks", "flat"]


@cache
def _widths() -> dict[str, int]:
    """Helvetica's character widths in thousandths of an em, from pdfminer's copy of the
    Adobe metrics (imported only when a table keeps its lines: it takes 80 ms)."""
    from pdfminer.fontmetrics import FONT_METRICS

    return FONT_METRICS["Helvetica"][1]


def text_width(text: str) -> float:
    """Width of a line in ems, its characters counted at their Helvetica widths (an unknown
    character as a digit)."""
    widths = _widths()
    return sum(widths.get(ch, 556) for ch in text) / 1000


@dataclass(frozen=True)
class TextLineSettings:
    fit_share: float = 0.08
    """Share of the column's line width a next word must leave free to count as fitting. In
    the fixture exports, lines wrapped with their next word fitting, so measured, within
    0.95 of the longest line, bar a few in columns five ems wide; paragraph ends are spread
    from 0.5 up."""
    break_share: float = 0.35
    """Share of the column's line width a line may leave free and still end in half a word:
    "recordin" / "g" in a column whose longest line is "opportunities"."""
    near_share: float = 0.0
    """A next word that fits with this share of the line width free, but not with
    `fit_share`, is in the band where a paragraph end and a wrap look alike (a third of
    each in the fixtures): such a break is read as a wrap, with a warning."""
    lines_share: float = 0.5
    """Share of a column's line breaks that must be wraps (next word would not fit) for the
    column to be read as visual lines rather than as paragraphs separated by breaks."""
    few_breaks: int = 4
    """A column with fewer line breaks than this ("Detective" / "Inspector" / "Phil Jones")
    is too little to go by: the table's breaks decide its style."""
    long_cell: int = 100
    """A flattened cell longer than this may have lost paragraph breaks: worth a warning."""


SETTINGS = TextLineSettings()


@dataclass
class Column:
    """One column of one table, across the fragments (pages) it spans."""

    cells: list[tuple[TableFragment, int, Cell]]
    hang: float = 0.0
    """Where the lines a bullet item wraps onto start, in ems (`choose_hang`): at 0 where
    the bullet was typed as text, under the item's text where it is a list."""

    def lines(self) -> Iterator[list[str]]:
        for _, _, cell in self.cells:
            if cell.text:
                yield cell.text.split("\n")

    spanning: set[int] = field(default_factory=set)
    """Indexes into `cells` of a row's only filled cell: a theme row merged across the
    table, whose text the export puts in its first column."""

    @property
    def width(self) -> float:
        """The column's line width: its longest line, but for the theme rows' (as wide as
        the table) when it has others."""
        own = [cell for k, (_, _, cell) in enumerate(self.cells) if k not in self.spanning]
        return max(
            (
                end
                for cell in own or [c for _, _, c in self.cells]
                if cell.text
                for _, _, end in place(cell.text.split("\n"), self.hang)
            ),
            default=0.0,
        )


def _tables(blocks: Sequence[Block], plain: set[int]) -> list[list[TableFragment]]:
    """Consecutive fragments as wide as each other with no heading between: one table cut
    at page breaks (as `stitch` will join them); only tables all of whose fragments are in
    `plain` (no paragraph markup anywhere)."""
    tables: list[list[TableFragment]] = []
    for block in blocks:
        if isinstance(block, Heading):
            tables.append([])
        elif tables and tables[-1] and tables[-1][-1].width == block.width:
            tables[-1].append(block)
        else:
            tables.append([block])
    return [t for t in tables if t and all(id(f) in plain for f in t)]


def table_columns(fragments: list[TableFragment]) -> list[Column]:
    """The table's cells column by column, with where each sits (fragment, row)."""
    width = max(f.width for f in fragments)
    columns = [Column([]) for _ in range(width)]
    for fragment in fragments:
        for r, row in enumerate(fragment.rows):
            for c, cell in enumerate(row.cells):
                if len(row.filled()) == 1 and not cell.empty:
                    columns[c].spanning.add(len(columns[c].cells))
                columns[c].cells.append((fragment, r, cell))
    return columns


Placed = tuple[str, float, float]
"""A line of a cell, where its text starts and where it ends, in ems."""


def place(lines: list[str], hang: float) -> list[Placed]:
    """A cell's lines where a word processor set them: the lines a bullet item wraps onto
    start at `hang`, and the item's text after the bullet no nearer than that; a line that
    is no part of a bullet item, or starts an item label, at 0."""
    out: list[Placed] = []
    bullet = text_width("• ")
    in_item = False
    for line in lines:
        if line.startswith("• "):
            in_item = True
            out.append((line, 0.0, max(hang, bullet) + text_width(line[2:])))
            continue
        in_item = in_item and not ITEM_START.match(line)
        start = hang if in_item else 0.0
        out.append((line, start, start + text_width(line)))
    return out


def _fits(line: Placed, next_line: str, width: float, share: float) -> bool:
    first = next_line.split(" ", 1)[0]
    return line[2] + SPACE_WIDTH + text_width(first) <= width * (1 - share)


HANGS = (0.0, 0.6, 1.0, 1.4, 1.8)
"""Bullet items' indents tried, in ems: none (the bullet typed as text), under the text
after "• ", up to Word's 0.63 cm list indent at 10 pt."""


def choose_hang(column: Column, settings: TextLineSettings = SETTINGS) -> float:
    """The bullet indent under which the fewest breaks inside bullet items come where the
    next word would have fitted: inside an item, a line break is a wrap."""
    def fitting(hang: float) -> int:
        column.hang = hang
        width = column.width
        return sum(
            1
            for lines in column.lines()
            for a, b, inside in zip(
                place(lines, hang), lines[1:], place(lines, 1.0)[1:], strict=False
            )
            if inside[1] > 0 and _fits(a, b, width, settings.fit_share)
        )

    counts = [fitting(hang) for hang in HANGS]
    return HANGS[counts.index(min(counts))]


def _wraps(column: Column, settings: TextLineSettings) -> tuple[int, int]:
    """The column's line breaks where the next word would not have fitted, and all its
    breaks (but those before a bullet: one in running text starts a line in any style)."""
    width = column.width
    breaks = [
        _fits(a, b, width, settings.fit_share)
        for lines in column.lines()
        for a, (b, _, _) in zip(
            place(lines, column.hang), place(lines, column.hang)[1:], strict=False
        )
        if not b.startswith("• ")
    ]
    return sum(1 for fits in breaks if not fits), len(breaks)


def column_styles(columns: list[Column], settings: TextLineSettings = SETTINGS) -> list[Style]:
    """Lines where most of a column's breaks are wraps, breaks where most are not, flat
    without any; a column with few breaks goes by the whole table's."""
    counts = [_wraps(column, settings) for column in columns]
    table_wraps, table_breaks = map(sum, zip(*counts, strict=True))
    styles: list[Style] = []
    for wraps, breaks in counts:
        if not breaks:
            styles.append("flat")
            continue
        if breaks < settings.few_breaks:
            wraps, breaks = table_wraps, table_breaks
        styles.append("lines" if wraps >= settings.lines_share * breaks else "breaks")
    return styles


LINE_STEP = 1.2
"""Distance from one line's top to the next, in ems: the same for every line, so no gap
marks a paragraph (a text export shows none)."""


def _line_words(lines: list[str], first_top: float, hang: float = 0.0) -> list[Word]:
    """Words of a cell's lines placed where their characters would put them in a 1-pt font
    (so positions are in ems): the geometry the PDF path reads."""
    words: list[Word] = []
    for i, (line, start, _) in enumerate(place(lines, hang)):
        top = first_top + i * LINE_STEP
        x = start
        for k, token in enumerate(line.split(" ")):
            if token:
                width = text_width(token)
                words.append(Word(token, x, top, x + width, top + 1.0, size=1.0))
                x += width
            if k == 0 and token == "•":
                x = max(x + SPACE_WIDTH, hang)
            else:
                x += SPACE_WIDTH
    return words


def measure_for(width: float, settings: TextLineSettings = SETTINGS) -> Measure:
    """The PDF path's measure with margins as loose as character widths are: a share of the
    column's line width."""
    return Measure(
        fit_margin=settings.fit_share * width,
        break_margin=settings.break_share * width,
    )


def _known(columns: list[Column]) -> PageWords:
    """The table's words seen mid-line, as `known_words` collects a page's."""
    words: list[Word] = []
    top = 0.0
    cell_of: dict[int, int] = {}
    for c, column in enumerate(columns):
        for lines in column.lines():
            cell_words = _line_words(lines, top)
            top += (len(lines) + 1) * LINE_STEP
            for word in cell_words:
                cell_of[id(word)] = c
            words.extend(cell_words)
    return known_words(words, lambda w: (cell_of[id(w)], w.top))


def _near_breaks(
    lines: list[str], text: str, width: float, hang: float, settings: TextLineSettings
) -> list[str]:
    """The lines whose break was read as a wrap though the next word fitted within the
    line width, if not with the margin: nothing in the text tells a paragraph end from a
    wrap there."""
    starts = {p.removeprefix("• ") for p in text.split("\n")}
    return [
        a[0]
        for a, b in zip(place(lines, hang), lines[1:], strict=False)
        if a[0][-1:] not in (",", ";", ":")  # a paragraph seldom ends there
        and _fits(a, b, width, settings.near_share)
        and not _fits(a, b, width, settings.fit_share)
        and not any(s.startswith(b.removeprefix("• ").lstrip("•-–— ")) for s in starts)
    ]


def _glue_flat(
    text: str, known: frozenset[str], names: PageWords
) -> tuple[str, list[str]]:
    """A flattened cell's words broken in two glued back ("completi on", "31.12.20 16",
    "Multi- Agency"); a label after a finished sentence ("Ownership:") and the next item of
    a list ("...where necessary Ratify policy") on a line of their own, as the PDF path
    reads a line break (`names` tells a name from an item's first word). Also the opening
    words of each line so started: the breaks are guessed."""
    paragraphs = []
    guessed: list[str] = []
    for paragraph in text.split("\n"):
        tokens = [t for t in paragraph.split(" ") if t]
        lines: list[list[str]] = [tokens[:1]]
        for k, token in enumerate(tokens[1:], 2):
            line, second = lines[-1], tokens[k] if k < len(tokens) else ""
            if line and (HYPHEN_END.search(line[-1]) and token[0].isalpha()
                         or token in CLOSING
                         or split_word(line[-1], token, known=known)
                         or _suffix(line[-1], token)):
                line[-1] += token
            elif len(line) > 1 and _three_pieces(line[-2], line[-1], token, known):
                line[-2:] = [line[-2] + line[-1] + token]
            elif line and (
                opens_labelled(line[-1], token)
                or len(line) > 1 and starts_item_after(line[-1], token, second, names)
            ):
                lines.append([token])
                guessed.append(" ".join(tokens[k - 1:k + 1]))
            else:
                line.append(token)
        paragraphs.extend(" ".join(line) for line in lines)
    return "\n".join(paragraphs), guessed


CLOSING = frozenset(")]”’")
"""Closing punctuation alone after a space: the end of a word a line break cut off
("Safeguarding ”"). A stop or comma is not glued: plans write "abuse ." as often."""


def _suffix(head: str, tail: str) -> bool:
    """ "understand ing", "Profession al", "commission ed/": a tail of up to three letters
    that is no common word, after a head that is none either ("to ne" is not "tone"),
    and the halves make a word. (A flattened cell shows no
    line: the PDF path's "line full to its last character" cannot be asked.)"""
    core = tail.strip(PUNCTUATION)
    return (
        0 < len(core) <= 3
        and core.isalpha()
        and core.islower()
        and len(head) >= 4
        and head[-1:].isalpha()
        and not head.isupper()
        and normal_word(head) not in COMMON_WORDS
        and core not in COMMON_WORDS
        and is_word(normal_word(head) + core)
    )


def _three_pieces(head: str, middle: str, tail: str, known: frozenset[str]) -> bool:
    """ "Recom mendat ion", "Mana geme nt": a word a column too narrow for it broke twice;
    the middle piece is no word, and the three make one."""
    return (
        head[-1:].isalpha()
        and middle.isalpha()
        and middle.islower()
        and tail.strip(PUNCTUATION).isalpha()
        and tail[:1].islower()
        and normal_word(head) not in COMMON_WORDS
        and not is_word(middle)
        and is_word(normal_word(head) + middle + normal_word(tail), known)
    )


def _whole_words(blocks: Sequence[Block]) -> frozenset[str]:
    """Words the export writes, casefolded: a name such as "Somerset" that the word list
    lacks is a word where the document writes it whole."""
    texts = [b.text for b in blocks if isinstance(b, Heading)] + [
        cell.text
        for b in blocks
        if isinstance(b, TableFragment)
        for r in b.rows
        for cell in r.cells
    ]
    return frozenset(normal_word(token) for text in texts for token in text.split())


def _tail(line: str, limit: int = 40) -> str:
    return line if len(line) <= limit else "…" + line[-limit:]


def undo_converter_lines(
    blocks: Sequence[Block],
    table_fragments: set[int],
    settings: TextLineSettings = SETTINGS,
) -> list[str]:
    """Rewrite, in place, the cells of the fragments in `table_fragments` (ids of pipe and
    tab-separated tables without paragraph markup) into paragraphs; returns the warnings."""
    warnings: list[str] = []
    flat_tables = long = near = 0
    for fragments in _tables(blocks, table_fragments):
        columns = table_columns(fragments)
        for column in columns:
            column.hang = choose_hang(column, settings)
        styles = column_styles(columns, settings)
        if all(style == "flat" for style in styles):
            before = long
            whole, names = _whole_words(blocks), _known(columns)
            for c, column in enumerate(columns):
                for fragment, r, cell in column.cells:
                    text, guessed = _glue_flat(cell.text, whole, names)
                    _replace(fragment, r, c, cell, text)
                    long += len(cell.text) > settings.long_cell
                    if guessed:
                        starts = ", ".join(f'"{g}"' for g in guessed)
                        fragment.rows[r].warnings.append(
                            f"a cell the text export flattened to one line was split before "
                            f"{starts} (labels and list items, as the lines of a PDF are)"
                        )
            flat_tables += long > before
            continue
        known = _known(columns)
        top = 0.0
        for c, (column, style) in enumerate(zip(columns, styles, strict=True)):
            if style != "lines":
                continue
            width = column.width
            measure = measure_for(width, settings)
            for fragment, r, cell in column.cells:
                lines = cell.text.split("\n") if cell.text else []
                if not lines:
                    continue
                # the room left on the cell's last line, for `stitch` to tell, when a page
                # break cut the cell, a wrapped line from a finished paragraph
                room = max(0.0, width - place(lines, column.hang)[-1][2])
                text = cell.text
                if len(lines) > 1:
                    words = _line_words(lines, top, column.hang)
                    top += (len(lines) + 1) * LINE_STEP
                    text = cell_text(words, 0.0, width, known, measure)
                    for line in _near_breaks(lines, text, width, column.hang, settings):
                        near += 1
                        fragment.rows[r].warnings.append(
                            f'the line break after "{_tail(line)}" was read as a wrap, but '
                            f"the next word nearly fitted on that line: it may end a paragraph"
                        )
                _replace(fragment, r, c, cell, text, room, tuple(lines))
    if near:
        warnings.append(
            f"{near} line break{'s' if near > 1 else ''} in cells that keep the PDF's lines "
            f"could end a paragraph as well as wrap (the next word nearly fitted); the "
            f"records concerned say which"
        )
    if flat_tables:
        warnings.insert(0,
            f"{flat_tables} table{'s' if flat_tables > 1 else ''} of the text export "
            f"{'have' if flat_tables > 1 else 'has'} each cell on one line ({long} cells "
            f"over {settings.long_cell} characters): paragraph breaks inside cells cannot "
            f"be told from wrapped lines, so paragraphs and list items may run together"
        )
    return warnings


def _replace(
    fragment: TableFragment, r: int, c: int, cell: Cell, text: str, room: float | None = None,
    lines: tuple[str, ...] = (),
) -> None:
    if text != cell.text or room is not None:
        row: Row = fragment.rows[r]
        row.cells[c] = Cell(text, bold=cell.bold, merged=cell.merged,
                            room=cell.room if room is None else room, fill=cell.fill,
                            lines=lines or cell.lines, regions=cell.regions,
                            line_regions=() if lines else cell.line_regions)
