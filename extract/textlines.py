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

import importlib.util
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Literal

import regex

from dhrplan.extract.celltext import (
    COMMON_WORDS,
    SPACE_WIDTH,
    Measure,
    PageWords,
    break_said,
    cell_text,
    known_words,
    opens_action,
    starts_item_after,
    unsure_notes,
)
from dhrplan.extract.columnbreaks import split_document_column_breaks
from dhrplan.extract.geometry import Word
from dhrplan.extract.labels import ITEM_START, opens_labelled
from dhrplan.extract.model import (
    PARAGRAPHS_UNSURE,
    Block,
    Cell,
    Heading,
    Row,
    RowNote,
    TableFragment,
)
from dhrplan.extract.words import (
    PUNCTUATION,
    hyphen_goes_on,
    is_word,
    normal_word,
    split_word,
)

Style = Literal["lines", "breaks", "flat"]


@cache
def _widths() -> dict[str, int]:
    """Helvetica's character widths in thousandths of an em, from pdfminer's copy of the
    Adobe metrics (loaded only when a table keeps its lines). Its module file is loaded
    alone: imported as `pdfminer.fontmetrics` it runs pdfminer's `__init__`, which asks
    importlib.metadata for pdfminer's version, 35 ms of a text export's 300 ms; alone 5 ms."""
    metrics = pdfminer_module("fontmetrics")
    if metrics is None:
        from pdfminer import fontmetrics as metrics
    return metrics.FONT_METRICS["Helvetica"][1]


def pdfminer_module(name: str) -> ModuleType | None:
    """A module of pdfminer's that imports nothing of the package, loaded from its file
    without importing the package; None when it cannot be found so."""
    try:
        package = importlib.util.find_spec("pdfminer")
        if package is None or not package.submodule_search_locations:
            return None
        path = Path(package.submodule_search_locations[0]) / f"{name}.py"
        spec = importlib.util.spec_from_file_location(f"_dhrplan_pdfminer_{name}", path)
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except (ImportError, OSError, SyntaxError):
        return None
    return module


def text_width(text: str) -> float:
    """Width of a line in ems, its characters counted at their Helvetica widths (an unknown
    character as a digit)."""
    widths = _widths()
    return sum(widths.get(ch, 556) for ch in text) / 1000


@dataclass(frozen=True)
class TextLineSettings:
    """How wrapped lines are told from new paragraphs."""
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
    ref_share: float = 0.5
    """Share of a column's cells with digits that must be one token of one shape ("R1" ...
    "R9") for a two-token cell joining into that shape ("R1 0") to be glued: most of them."""
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
    """Indexes into `cells` of a row's only filled cell (a theme row merged across the
    table, whose text the export puts in its first column) or of its last filled cell
    before empty ones (a value merged across to the table's edge, as forms print)."""

    def _longest(self, spanning: bool) -> float:
        cells = [c for k, (_, _, c) in enumerate(self.cells) if (k in self.spanning) == spanning]
        return max(
            (
                end
                for cell in cells
                if cell.text
                for _, _, end in place(cell.text.split("\n"), self.hang)
            ),
            default=0.0,
        )

    @property
    def width(self) -> float:
        """The column's line width: its longest line, but for the theme rows' (as wide as
        the table) when it has others."""
        return self._longest(False) or self._longest(True)

    @property
    def spanning_width(self) -> float:
        """The line width of a row's only filled cell, which spans the table
        ("Recommendation 3: ..." across every column): the longest of such rows' lines."""
        return self._longest(True) or self.width


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
            filled = row.filled()
            for c, cell in enumerate(row.cells):
                # a row's only cell, or its last one with empty cells after it: a cell
                # merged across to the table's edge ("Progress" | "Complete – ..." | | )
                if not cell.empty and (len(filled) == 1 or c == filled[-1] < len(row.cells) - 1):
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


def next_word_fits(end: float, next_line: str, width: float, share: float) -> bool:
    """Whether the next line's first word would have fitted after a line ending at `end`
    (character widths), `share` of the line width `width` to spare: then the line ended on
    purpose, a paragraph's end, not a wrap."""
    first = next_line.split(" ", 1)[0]
    return end + SPACE_WIDTH + text_width(first) <= width * (1 - share)


def _fits(line: Placed, next_line: str, width: float, share: float) -> bool:
    return next_word_fits(line[2], next_line, width, share)


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
        indent_margin=float("inf"),  # the lines are placed, not read: no indents
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


def token_shape(token: str) -> str:
    """ "R10" -> "R9", "2.1" -> "9.9": a token with each run of digits as one."""
    return regex.sub(r"\d+", "9", token)


def _single_token_shapes(column: Column, settings: TextLineSettings = SETTINGS) -> set[str]:
    """The shape most of a column's cells with digits share when they are one token ("R1"
    ... "R9" in a ref column, its header aside): a cell of two tokens that join into that
    shape is one token a narrow column broke and the flattening spaced ("R1 0")."""
    texts = [cell.text for _, _, cell in column.cells if any(ch.isdigit() for ch in cell.text)]
    single = [t for t in texts if " " not in t.strip()]
    if not texts or len(single) < settings.ref_share * len(texts):
        return set()
    shapes = Counter(token_shape(t) for t in single)
    shape, count = shapes.most_common(1)[0]
    return {shape} if count >= settings.ref_share * len(texts) else set()


FLATTENED_ROW = RowNote(
    PARAGRAPHS_UNSURE,
    "the text export flattened each cell of this table to one line: breaks between "
    "paragraphs, list items or owners inside its cells are lost, and may be read wrongly",
)
"""Every row of a flattened table says so: any of its cells may hide a lost break."""


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
            if line and (hyphen_goes_on(line[-1], token)
                         or token in CLOSING
                         or split_word(line[-1], token, known=known)
                         or _suffix(line[-1], token)):
                line[-1] += token
            elif len(line) > 1 and _three_pieces(line[-2], line[-1], token, known):
                line[-2:] = [line[-2] + line[-1] + token]
            elif line and (
                opens_labelled(line[-1], token)
                or len(line) > 1 and opens_action(line[-1], token, second)
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


def undo_converter_lines(
    blocks: Sequence[Block],
    table_fragments: set[int],
    settings: TextLineSettings = SETTINGS,
) -> list[str]:
    """Rewrite, in place, the cells of the fragments in `table_fragments` (ids of pipe and
    tab-separated tables without paragraph markup) into paragraphs; returns the warnings."""
    warnings: list[str] = []
    flat_tables = long = near = 0
    # an export that marks paragraphs in some tables writes a one-paragraph cell plainly:
    # its plain tables are no sign of cells flattened
    flat = all(id(b) in table_fragments for b in blocks if isinstance(b, TableFragment))
    flat_fragments: list[list[TableFragment]] = []
    for fragments in _tables(blocks, table_fragments):
        columns = table_columns(fragments)
        for column in columns:
            column.hang = choose_hang(column, settings)
        styles = column_styles(columns, settings)
        if all(style == "flat" for style in styles):
            before = long
            whole, names = _whole_words(blocks), _known(columns)
            for c, column in enumerate(columns):
                shapes = _single_token_shapes(column)
                for fragment, r, cell in column.cells:
                    text, guessed = _glue_flat(cell.text, whole, names)
                    if token_shape(text.replace(" ", "")) in shapes and text.count(" ") == 1:
                        text = text.replace(" ", "")  # "R1 0" where the others read "R9"
                    _replace(fragment, r, c, cell, text)
                    long += len(cell.text) > settings.long_cell
                    if guessed:
                        starts = ", ".join(f'"{g}"' for g in guessed)
                        fragment.rows[r].warnings.append(RowNote(
                            PARAGRAPHS_UNSURE,
                            f"a cell the text export flattened to one line was split before "
                            f"{starts} (labels and list items, as the lines of a PDF are)",
                            c,
                        ))

            flat_tables += long > before
            flat_fragments.append(fragments)
            continue
        known = _known(columns)
        top = 0.0
        for c, (column, style) in enumerate(zip(columns, styles, strict=True)):
            if style != "lines":
                continue
            own, spanning = column.width, column.spanning_width
            for k, (fragment, r, cell) in enumerate(column.cells):
                lines = cell.text.split("\n") if cell.text else []
                if not lines:
                    continue
                # a row's only cell spans the table if its lines overrun the column's (the
                # rest of a cell a page break cut is alone on its row too, but as narrow)
                longest = max(end for _, _, end in place(lines, column.hang))
                wide = k in column.spanning and longest > own * (1 + settings.fit_share)
                width = spanning if wide else own
                measure = measure_for(width, settings)
                # the room left on the cell's last line, for `stitch` to tell, when a page
                # break cut the cell, a wrapped line from a finished paragraph
                room = max(0.0, width - place(lines, column.hang)[-1][2])
                text = cell.text
                if len(lines) > 1:
                    words = _line_words(lines, top, column.hang)
                    top += (len(lines) + 1) * LINE_STEP
                    unsure: list[str] = []
                    text = cell_text(words, 0.0, width, known, measure, unsure)
                    fragment.rows[r].warnings.extend(unsure_notes(unsure, c))
                    for line in _near_breaks(lines, text, width, column.hang, settings):
                        near += 1
                        fragment.rows[r].warnings.append(RowNote(
                            PARAGRAPHS_UNSURE,
                            f"{break_said(line)} was read as a wrap, but "
                            f"the next word nearly fitted on that line: it may end a paragraph",
                            c,
                        ))
                _replace(fragment, r, c, cell, text, room, tuple(lines))
    split_document_column_breaks(
        [b for b in blocks if isinstance(b, TableFragment) and id(b) in table_fragments]
    )
    if near:
        warnings.append(
            f"{near} line break{'s' if near > 1 else ''} in cells that keep the PDF's lines "
            f"could end a paragraph as well as wrap (the next word nearly fitted); the "
            f"records concerned say which"
        )
    if flat and flat_tables:  # one converter wrote the file: a short-celled table too
        for row in (row for fs in flat_fragments for f in fs for row in f.rows):
            if any(" " in cell.text.strip() for cell in row.cells):
                row.warnings.append(FLATTENED_ROW)
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


@dataclass
class _Run:
    """Headings that follow one another with no table between, from `blocks[start]` on."""

    start: int
    headings: list[Heading]


def _runs(blocks: Sequence[Block]) -> list[_Run]:
    runs: list[_Run] = []
    for i, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        if runs and runs[-1].start + len(runs[-1].headings) == i:
            runs[-1].headings.append(block)
        else:
            runs.append(_Run(i, [block]))
    return [run for run in runs if len(run.headings) > 1]


def undo_running_lines(
    blocks: list[Block], settings: TextLineSettings = SETTINGS
) -> tuple[list[Block], list[str]]:
    """Text between tables that the export wrote a visual line per paragraph ("...review of
    how domestic" / "abuse services are publicised..."), as converters that keep a PDF's
    lines do outside tables too: its lines joined into paragraphs by the rules a cell's
    lines go by, the text's line width being its longest line. Only where most breaks
    between those lines are wraps, so that exports of whole paragraphs stay as they are."""
    runs = _runs(blocks)
    width = max((text_width(h.text) for run in runs for h in run.headings), default=0.0)
    breaks = [
        _fits((a.text, 0.0, text_width(a.text)), b.text, width, settings.fit_share)
        for run in runs
        for a, b in zip(run.headings, run.headings[1:], strict=False)
        if not ITEM_START.match(b.text)
    ]
    wraps = sum(1 for fits in breaks if not fits)
    if len(breaks) < settings.few_breaks or wraps < settings.lines_share * len(breaks):
        return blocks, []
    out: list[Block] = list(blocks)
    measure = measure_for(width, settings)
    joined = 0
    for run in reversed(runs):
        headings = run.headings
        words = [
            Word(w.text, w.x0, w.top, w.x1, w.bottom, "Helvetica-Bold" if h.bold else "", 1.0)
            for k, h in enumerate(headings)
            for w in _line_words([h.text], k * LINE_STEP)
        ]
        paragraphs = cell_text(words, 0.0, width, measure=measure).split("\n")
        joined += len(headings) - len(paragraphs)
        bold = {h.text[:40] for h in headings if h.bold}
        out[run.start : run.start + len(headings)] = [
            Heading(p, headings[0].page, p[:40] in bold) for p in paragraphs
        ]
    if not joined:
        return blocks, []
    return out, [
        f"the text export writes each line of the text outside its tables as a paragraph: "
        f"{joined} line{'s' if joined > 1 else ''} joined to the line before, where the next "
        f"word would not have fitted on it"
    ]
