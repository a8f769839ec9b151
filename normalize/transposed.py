"""Plans laid out as forms: a table whose first column names the fields (a transposed table).

Many councils' templates print each recommendation as a small two-column table, field labels
on the left and values on the right ("Recommendation 3 | Agencies should ...", "Lead agency
| Police", "Target date | March 2025"), or run such blocks one after another in one long
table. A person reads each block as one record, each label as the header of its value.

`read_transposed` does the same: when most first-column cells of a two-column table name a
field (the header vocabulary of `extract/vocabulary.py`, nothing else), each block of rows
starting at a recommendation label becomes one row of an ordinary plan table whose header
is the labels, so every later step (column roles, records, normalizers, warnings) reads it
as it reads any table. Each record says the table was read as transposed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dhrplan.extract.model import Cell, Heading, Row, RowNote, Table
from dhrplan.extract.numbering import label_only, split_label
from dhrplan.extract.vocabulary import role_of
from dhrplan.normalize.columns import ColumnMap, cell_fits, map_columns, reads_as_recommendation

TRANSPOSED = "table_transposed"
"""The warning code every record read from a transposed table carries."""
_STARTS = ("recommendation", "number")
"""Roles whose label opens a new block (a new record) once the block has one."""


@dataclass(frozen=True)
class TransposedSettings:
    """Thresholds of the label rule, with their reasons."""

    label_words: int = 6
    """A label is short ("Lead agency / Action holder"); a longer first cell is content."""
    label_share: float = 0.75
    """Share of the first-column cells that must name a field: most, so that a stray note
    row or a label the vocabulary does not know ("Rationale") does not stop the reading,
    not all, for the same reason."""
    min_roles: int = 3
    """Distinct roles the labels must name (the recommendation and two more): a cover's
    "Review | ..., Date | ..." table or a glossary is no plan."""


SETTINGS = TransposedSettings()


@dataclass(frozen=True)
class Label:
    """A first-column cell read as a field name."""

    key: str
    """The label without its number ("Recommendation 3" -> "Recommendation"): the header of
    its column in the table read the usual way."""
    role: str | None
    number: str | None = None


def read_label(text: str) -> Label | None:
    """The field a first-column cell names, or None when it is content. "Recommendation 3"
    and "Rec 3" name the recommendation and carry its number."""
    text = " ".join(text.split()).rstrip(":").strip()
    words = len(text.split())
    if not text or words > SETTINGS.label_words or (text.endswith((".", ";")) and words > 2):
        return None  # a sentence, not "Rec No."
    number = label_only(text)
    role = role_of(text)
    if number is not None:
        key = " ".join(w for w in text.split() if not any(ch.isdigit() for ch in w))
        return Label(key or "Recommendation", role if role not in (None, "number")
                     else "recommendation", number)
    return Label(text, role)


@dataclass
class _Entry:
    """One labelled field of a transposed table."""
    label: Label
    cells: list[Cell]
    rows: list[Row]


@dataclass
class _Block:
    """The fields of one recommendation in a transposed table."""
    entries: list[_Entry] = field(default_factory=list)
    number: str | None = None

    def roles(self) -> set[str | None]:
        return {e.label.role for e in self.entries}


def _value_cells(row: Row) -> list[Cell]:
    return [c for c in row.cells[1:] if not c.empty and not c.merged]


def _label_parts(text: str) -> list[Label] | None:
    """The fields a label cell names when a reader joined two rows across a page break:
    one per line ("Target date" / "Progress / RAG"), or a number label run into the next
    label ("Recommendation 4 Agency"); None unless there are two or more, each a field."""
    parts: list[Label] = []
    for line in (ln for ln in text.split("\n") if ln.strip()):
        number, rest = split_label(line.strip())
        words = line.split()
        head = " ".join(words[: len(words) - len(rest.split())]) if number else ""
        if number and rest and (after := read_label(rest)) and after.role and \
                (before := read_label(head)) and before.role:
            parts.extend([before, after])
        elif (label := read_label(line)) is not None and label.role:
            parts.append(label)
        else:
            return None
    return parts if len(parts) >= 2 else None


def _split_joined(row: Row, glossary: dict[str, str]) -> list[tuple[Label, Cell]] | None:
    """A row a reader joined across a page break: its label cell names two fields and the
    paragraphs beside them go one to one, or, for two fields, at the one place where each
    side's paragraphs fit their field (a date for a target date, short names for an owner)."""
    values = _value_cells(row)
    labels = _label_parts(row.cells[0].text)
    if labels is None or len(values) != 1:
        return None
    fill = values[0].fill
    paragraphs = [p for p in values[0].text.split("\n") if p.strip()]
    if len(paragraphs) == len(labels):
        return [(lb, Cell(p, fill=fill)) for lb, p in zip(labels, paragraphs, strict=True)]
    if len(labels) != 2 or len(paragraphs) < 2:
        return None

    def fits(label: Label, part: list[str]) -> bool:
        return cell_fits(label.role, "\n".join(part), glossary) is not False

    cuts = [k for k in range(1, len(paragraphs))
            if fits(labels[0], paragraphs[:k]) and fits(labels[1], paragraphs[k:])]
    if len(cuts) != 1:
        return None
    k = cuts[0]
    return [(labels[0], Cell("\n".join(paragraphs[:k]), fill=fill)),
            (labels[1], Cell("\n".join(paragraphs[k:]), fill=fill))]


def _entries(rows: Sequence[Row], glossary: dict[str, str]) -> list[_Entry] | None:
    """The table's rows as labelled entries, rows without a label joined to the entry above
    (a value cut by a page break, the text under a label row spanning both columns); None
    when the first column is not mostly labels."""
    entries: list[_Entry] = []
    labelled = named = 0
    for row in rows:
        if not row.filled():
            continue
        if max(row.filled()) > 1 and len(row.cells) > 2:
            return None  # a third column: a plan table read the usual way
        first = row.cells[0]
        if first.empty or first.merged:
            if not entries:
                return None
            entries[-1].cells.extend(_value_cells(row))
            entries[-1].rows.append(row)
            continue
        split = _split_joined(row, glossary)
        named_label = " ".join(first.text.split())
        if split:
            labelled += 1
            named += 1
            for label, cell in split:
                note = RowNote("row_joined", f"the label cell {named_label!r} names several "
                               "fields (rows joined across a page break): the text beside it "
                               "was shared out between them")
                entries.append(_Entry(label, [cell], [Row([], row.pages, [note],
                                                          row.position)]))
            continue
        parts = _label_parts(first.text)
        if parts:  # several fields, their text not to be shared out one way only
            labelled += 1
            named += 1
            note = RowNote("row_joined", f"the label cell {named_label!r} names several fields "
                           "(rows joined across a page break): the text beside it is kept "
                           f"whole under {parts[0].key!r}", 1)
            entries.append(_Entry(parts[0], _value_cells(row),
                                  [Row(row.cells, row.pages, [*row.warnings, note],
                                       row.position)]))
            continue
        label = read_label(first.text)
        labelled += 1
        if label is None:
            if entries and not _value_cells(row):
                entries[-1].cells.append(first)  # a full-width row of text under its label
                entries[-1].rows.append(row)
                labelled -= 1
                continue
            label = Label(" ".join(first.text.split()), None)
        elif label.role is not None:
            named += 1
        entries.append(_Entry(label, _value_cells(row), [row]))
    if not labelled or named < labelled * SETTINGS.label_share:
        return None
    return entries


def _blocks(entries: list[_Entry]) -> list[_Block]:
    """One block per record: a recommendation (or number) label opens the next one once the
    current block has its own."""
    blocks: list[_Block] = []
    for entry in entries:
        role = entry.label.role
        current = blocks[-1] if blocks else None
        if current is None or (role in _STARTS and (
                role in current.roles() or "recommendation" in current.roles())):
            current = _Block()
            blocks.append(current)
        current.entries.append(entry)
        if entry.label.number and current.number is None:
            current.number = entry.label.number
    return blocks


def _led(blocks: list[_Block], lead: Sequence[Heading]) -> list[_Block]:
    """A form of one recommendation's fields with no recommendation among them, under the
    paragraph that makes it ("Recommendation 2" / "The CSP should ..." above a list of
    Action, Lead, Target date): that paragraph is its recommendation, the label above it
    its number. Web pages set each recommendation so, its fields a definition list."""
    if len(blocks) != 1 or not lead or not reads_as_recommendation(lead[-1].text):
        return []
    number, text = split_label(" ".join(lead[-1].text.split()))
    if number is None and len(lead) > 1:
        number = label_only(lead[-2].text)
    block = blocks[0]
    block.number = block.number or number
    row = Row([Cell("Recommendation", True), Cell(text)], [], [])
    block.entries.insert(0, _Entry(Label("Recommendation", "recommendation"), [row.cells[1]],
                                   [row]))
    return [block]


def _heading_number(lead: Sequence[Heading]) -> str | None:
    """The number of a heading just above the table that is only a label ("Recommendation
    2"): the number of the table's one recommendation."""
    return label_only(lead[-1].text) if lead else None


def _joined(cells: Sequence[Cell]) -> Cell:
    if not cells:
        return Cell()
    text = "\n".join(c.text.strip() for c in cells if c.text.strip())
    lines = tuple(ln for c in cells for ln in c.lines)
    regions = tuple(r for c in cells for r in c.regions)
    return Cell(text, False, fill=next((c.fill for c in cells if c.fill), None), lines=lines,
                regions=regions, room=cells[-1].room)


def _stacked(table: Table) -> Table | None:
    """A form with its recommendations side by side ("" | "Recommendation 1" |
    "Recommendation 2" over rows labelled "Recommendation", "Lead", "Target date"): the
    columns one under another as the two-column blocks `read_transposed` reads, each
    column's number carried into its recommendation label. None for any other table."""
    head = table.header
    if len(head.cells) < 3 or not head.cells[0].empty:
        return None
    numbers = [label_only(c.text) for c in head.cells[1:]]
    if not all(numbers) or len(set(numbers)) < len(numbers):
        return None
    rows: list[Row] = []
    for c, number_cell in enumerate(head.cells[1:], start=1):
        named = False
        for row in table.rows:
            label = row.cells[0] if row.cells else Cell()
            found = read_label(label.text)
            if found is not None and found.role == "recommendation" and not named:
                label, named = Cell(" ".join(number_cell.text.split()), label.bold), True
            value = row.cells[c] if c < len(row.cells) else Cell()
            rows.append(Row([label, value], row.pages, row.warnings, row.position))
        if not named:
            return None
    return Table(rows[0], rows[1:], table.heading)


@dataclass(frozen=True)
class Transposed:
    """A transposed table read as an ordinary one: its labels as the header row, one row per
    block."""

    header: Row
    rows: list[Row]
    columns: ColumnMap


def read_transposed(
    table: Table, lead: Sequence[Heading], glossary: dict[str, str]
) -> Transposed | None:
    """The table read as blocks of labelled rows, or None when it is not transposed."""
    table = _stacked(table) or table
    rows = [table.header, *table.rows]
    if max(len(r.cells) for r in rows) < 2:
        return None
    entries = _entries(rows, glossary)
    if entries is None:
        return None
    blocks = [b for b in _blocks(entries) if "recommendation" in b.roles()] or _led(
        _blocks(entries), lead)
    roles = {e.label.role for b in blocks for e in b.entries} - {None}
    if not blocks or len(roles) < SETTINGS.min_roles:
        return None
    if len(blocks) == 1 and blocks[0].number is None:
        blocks[0].number = _heading_number(lead)
    keys = list(dict.fromkeys(e.label.key for b in blocks for e in b.entries))
    numbered = any(b.number for b in blocks) and not any(
        e.label.role == "number" for b in blocks for e in b.entries)
    names = (["No."] if numbered else []) + keys
    header = Row([Cell(k, True) for k in names], table.header.pages, [], table.header.position)
    body = [_row(block, keys, numbered) for block in blocks]
    columns = map_columns(header, body, glossary)
    sources = ["label" if s == "header" else s for s in columns.sources]
    roles_, names_ = list(columns.roles), list(columns.names)
    if numbered:
        roles_[0], names_[0], sources[0] = "number", "number (from the label)", "label"
    columns = ColumnMap(roles_, names_, sources, columns.unsure, columns.brag)
    return Transposed(header, body, columns)


def _row(block: _Block, keys: list[str], numbered: bool) -> Row:
    """One block as one row of the table read the usual way, its notes moved to the
    columns their cells went to."""
    offset = 1 if numbered else 0
    cells = [Cell(block.number or "")] if numbered else []
    notes: list[RowNote] = []
    pages: set[int] = set()
    for key in keys:
        mine = [e for e in block.entries if e.label.key == key]
        cells.append(_joined([c for e in mine for c in e.cells]))
        for entry in mine:
            for row in entry.rows:
                pages.update(row.pages)
                notes.extend(RowNote(n.code, n.message, keys.index(key) + offset)
                             for n in row.warnings)
    labels = "; ".join(f"{e.label.key!r}" for e in block.entries)
    notes.append(RowNote(TRANSPOSED, "the table's first column names the fields (a form, "
                         f"one block per recommendation): each label read as a column "
                         f"header ({labels})"))
    first = block.entries[0].rows[0]
    return Row(cells, sorted(pages), list(dict.fromkeys(notes)), first.position)
