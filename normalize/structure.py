"""The plan's structure: section -> recommendation -> actions, whatever carries each level.

A person reading an action plan they have never seen finds, table by table, the header row
and what each column means (`columns.py`), then reads the rows as a hierarchy:

- a **section** comes from a heading above the table (an agency, a theme, a part such as
  "Part 2: Single agency recommendations"), a full-width row inside it, or a theme or agency
  column (merged down over its rows, repeated on each, or blank on a continuation page);
- a **recommendation** comes from the recommendation column (a new cell starts one; an empty
  or merged-down cell, or the same text repeated, keeps the one above), from a full-width
  row ("Recommendation 3: The CSP should ..."), or from a paragraph above a table of its
  actions;
- **actions** come from the action column's items, or from the rows beneath a recommendation,
  each with its own ref, owner, date and progress.

Each recommendation leaves here as a `Draft`: its section, the rows it spans and, where its
text sat outside the recommendation column, that text. `records.py` reads the cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from dhrplan.extract.model import Cell, Heading, Row, Table
from dhrplan.extract.numbering import label_only, number_cell, split_label
from dhrplan.extract.rowkinds import SETTINGS as ROWS
from dhrplan.extract.rowkinds import cell_text_at as _text
from dhrplan.extract.rowkinds import (
    classify,
    is_full_recommendation,
    is_section_label,
    part_heading,
)
from dhrplan.extract.stitch import join_rows, join_text, same_header
from dhrplan.extract.vocabulary import (
    TWO_LANGUAGES,
    bilingual_side,
    in_one_language,
    names_a_column,
    role_of,
)
from dhrplan.normalize.columns import ColumnMap, looks_like_header, map_columns
from dhrplan.normalize.glossary import glossary_from_table
from dhrplan.normalize.record import PlanWarning
from dhrplan.normalize.rowlevels import parent_rows, row_label
from dhrplan.normalize.transposed import read_transposed

_TOP_NUMBER = re.compile(r"[A-Za-z]{0,4}\d+")
"""A recommendation's own number ("3", "R3", "DHR3"), no part of one ("1.2", "3a")."""


@dataclass(frozen=True)
class StructureSettings:
    """Thresholds of the row reading, with their reasons."""

    header_search: int = 3
    """Rows below a table's first row that may hold its real header (title rows above)."""
    trimmed_cells: int = 2
    """Empty trailing cells an export may drop from a continued table's rows."""


SETTINGS = StructureSettings()

_CONTINUED = re.compile(r"\bcont(?:inued|inuation|'d|d)?\b", re.I)
"""A line such as "Action plan (continued)" between a table and its headerless rest."""
@dataclass
class Draft:
    """One recommendation as the rows carry it, before its cells are read."""

    section: str | None
    rows: list[Row]
    columns: ColumnMap
    table: int
    text: str | None = None
    """The recommendation's text where it sat outside the recommendation column (a
    full-width row, a paragraph above the table)."""
    head: Row | None = None
    """The full-width row that held `text`, for its pages and position."""
    warnings: list[PlanWarning] = field(default_factory=list)
    number: str | None = None
    """The number of a parent row ("1." above "1.1", "1.2"), which `head` carried."""
    head_columns: ColumnMap | None = None
    """The table's own mapping, for the notes on `head` where `columns` was changed for
    the rows beneath it (a parent row's text column read as their actions)."""


@dataclass
class PlanTable:
    """A table of the plan with its header found and its columns mapped."""

    table: Table
    header: Row | None
    rows: list[Row]
    columns: ColumnMap
    heading: str | None
    lead: list[Heading] = field(default_factory=list)
    """Paragraphs between the previous table and this one, nearest last."""


def _find_header(table: Table, glossary: dict[str, str]) -> PlanTable:
    """The real header among the first rows; title rows above it become the heading. A table
    whose rows name no columns at all has no header: roles come from content."""
    candidates = [table.header, *table.rows[: SETTINGS.header_search]]
    for k, candidate in enumerate(candidates):
        if looks_like_header(candidate) and map_columns(candidate).is_action_plan:
            above = candidates[:k]
            titles = [r.cells[r.filled()[0]].text for r in above if len(r.filled()) == 1]
            body = [r for r in [*candidates[k + 1:], *table.rows[SETTINGS.header_search:]]
                    if not same_header(candidate, r)]
            if body and _sub_header(candidate, body[0]):
                sub = body[0]  # repeated under the header on later pages too
                candidate = _with_sub_header(candidate, sub)
                body = [r for r in body[1:] if r.texts != sub.texts]
            columns = map_columns(candidate, body, glossary)
            heading = " ".join(titles) or table.heading
            return PlanTable(table, candidate, body, columns, heading)
    rows = [table.header, *table.rows]
    if looks_like_header(table.header):
        columns = map_columns(table.header, table.rows, glossary)
        return PlanTable(table, table.header, list(table.rows), columns, table.heading)
    return PlanTable(table, None, rows, map_columns(None, rows, glossary), table.heading)


_SUB_HEADER_WORDS = 4
"""A sub-header cell is a label ("RAG", "Comment", "Date due"), not content."""


def _sub_header(header: Row, row: Row) -> bool:
    """A second header row ("Progress" over two columns, then "RAG" | "Comment" beneath):
    short labels only, no digits, and each under an empty header cell (the rest of a cell
    merged across) or itself naming a column."""
    filled = row.filled()
    if len(filled) < 2 or len(filled) == len(row.cells):
        return False  # one cell is a theme row ("MARAC"); a full row is data

    def spanned(i: int) -> bool:
        """Under a header merged across: an empty header cell with a header to its left,
        or the first cell of such a header ("Timescale" over "Start" | "End")."""
        if i >= len(header.cells):
            return False
        if header.cells[i].empty:
            return any(not c.empty for c in header.cells[:i])
        return i + 1 < len(header.cells) and header.cells[i + 1].empty and (
            i + 1 in filled)

    if all(spanned(i) for i in filled) and all(
        row.cells[i].merged or i < len(header.cells) and not header.cells[i].empty
        for i in range(len(row.cells)) if i not in filled
    ) and all(len(row.cells[i].text.split()) <= 2 * _SUB_HEADER_WORDS for i in filled):
        return True  # the other cells merged down from (or blank under) the header's:
        # labels, digits or not ("Timescale" over "Short term (0-6 months)" | ...)
    for i in filled:
        text = row.cells[i].text
        if len(text.split()) > _SUB_HEADER_WORDS or any(ch.isdigit() for ch in text):
            return False
        if not (spanned(i) or names_a_column(text)):
            return False
    return any(spanned(i) for i in filled) or all(
        names_a_column(row.cells[i].text) for i in filled
    )


def _with_sub_header(header: Row, sub: Row) -> Row:
    """The two header rows as one: each column's label under the header above it, or under
    the header cell to its left when the one above is empty (a header merged across)."""
    cells: list[Cell] = []
    above = ""
    for i, cell in enumerate(header.cells):
        above = cell.text if not cell.empty else above
        below = sub.cells[i].text if i < len(sub.cells) else ""
        top = cell.text if not cell.empty else (above if below.strip() else "")
        cells.append(Cell(" ".join(f"{top}\n{below}".split()), cell.bold))
    return Row(cells, sorted({*header.pages, *sub.pages}), header.warnings, header.position)


def _transposed(
    table: Table, lead: Sequence[Heading], glossary: dict[str, str]
) -> PlanTable | None:
    """A form (labels in the first column, one block per recommendation) read as a table
    with the labels as its header: normalize/transposed.py."""
    found = read_transposed(table, lead, glossary)
    if found is None:
        return None
    return PlanTable(table, found.header, found.rows, found.columns, table.heading)


def _continues(above: PlanTable, table: PlanTable) -> bool:
    """A headerless table as wide as the plan table above it (or a little narrower: exports
    drop empty trailing cells) is that table continued, after a "(continued)" line or
    something else the stitcher took for a new table's start."""
    width = len(table.rows[0].cells) if table.rows else 0
    above_width = len(above.columns.roles)
    return table.header is None and 3 <= above_width - SETTINGS.trimmed_cells <= width <= \
        above_width


def _section_row(heading: Heading, width: int) -> Row:
    """A section's name set apart from its table, as the one-cell row it was."""
    return Row([Cell(heading.text, bold=True), *(Cell() for _ in range(width - 1))],
               [heading.page])


def _padded(row: Row, width: int) -> Row:
    cells = [*row.cells, *(Cell() for _ in range(width - len(row.cells)))]
    return Row(cells, row.pages, row.warnings, row.position)


def plan_tables(
    blocks: Sequence[Heading | Table], glossary: dict[str, str], title: set[str]
) -> tuple[list[PlanTable], list[PlanWarning]]:
    """The tables that hold the plan, each with its header and column roles."""
    warnings: list[PlanWarning] = []
    chosen: list[PlanTable] = []
    skipped: list[PlanTable] = []
    lead: list[Heading] = []
    for block in blocks:
        if isinstance(block, Heading):
            if block.text not in title:
                lead.append(block)
            continue
        if glossary_from_table(block) is not None:
            lead = []
            continue
        reading = _transposed(block, lead, glossary) or _find_header(block, glossary)
        reading.lead, lead = lead, []
        if chosen and _continues(chosen[-1], reading) and all(
            _CONTINUED.search(heading.text) or is_section_label(heading.text, heading.bold)
            for heading in reading.lead
        ):
            # the table above goes on, under a "(continued)" line or a section's name that a
            # text export set apart from the table (a theme row of one cell)
            above = chosen[-1]
            width = len(above.columns.roles)
            above.rows.extend(_section_row(h, width) for h in reading.lead
                              if not _CONTINUED.search(h.text))
            above.rows.extend(_padded(r, width) for r in reading.rows)
            warnings.append(PlanWarning(
                "table_continued", None,
                f"a table with no header on {_where(reading)} is read as the "
                "continuation of the table above it",
            ))
        elif reading.columns.is_action_plan:
            chosen.append(reading)
            if reading.header is None:
                warnings.append(PlanWarning(
                    "no_header_row", None,
                    f"the table on {_where(reading)} has no header row: every "
                    "column's role was read from its content",
                ))
        elif len(reading.columns.roles) > 2:
            skipped.append(reading)
    warnings.extend(
        PlanWarning(
            "table_skipped", None,
            f"table on {_where(t)} skipped: its columns "
            f"({' | '.join(_first_texts(t))}) name no recommendations or actions",
        )
        for t in skipped
    )
    fuller = [t for t in chosen if not t.columns.is_bare_list]
    if fuller and len(fuller) < len(chosen):
        warnings.extend(
            PlanWarning(
                "table_skipped", None,
                f"table on {_where(t)} skipped: it only lists the recommendations with one "
                "column about them; the plan's fuller tables are read instead",
            )
            for t in chosen if t.columns.is_bare_list
        )
        chosen = fuller
    for reading in chosen:
        _one_language(reading)
    return chosen, warnings


_ONE_LANGUAGE_ROLES = frozenset({
    "number", "action_number", "section", "agency", "owner", "target", "scope",
    "completion", "rag"})
"""Short values a bilingual table gives in both languages ("Bwrdd Iechyd / Health Board",
"Ar waith / In progress"); its sentences are one language per cell, or translated apart."""


def _one_language(reading: PlanTable) -> None:
    """A table whose header is in two languages gives its short values in both: each is read
    in the header's named half. Read whole, one agency was two owners, "Mehefin 2025 / June
    2025" gave the year 2025 beside June, and a Welsh status word was no status."""
    if reading.header is None:
        return
    side = bilingual_side([c.text for c in reading.header.cells])
    if side is None:
        return
    keep = [i for i, role in enumerate(reading.columns.roles) if role in _ONE_LANGUAGE_ROLES]

    def one(row: Row) -> Row:
        cells = list(row.cells)
        for i in keep:
            if i < len(cells) and TWO_LANGUAGES.search(cells[i].text):
                # the printed lines may cut a half in two: they no longer tell the wraps
                cells[i] = replace(cells[i], text=in_one_language(cells[i].text, side),
                                   lines=())
        return replace(row, cells=cells)

    reading.rows = [one(r) for r in reading.rows]


def _first_texts(table: PlanTable) -> list[str]:
    row = table.header or (table.rows[0] if table.rows else None)
    return [" ".join(c.text.split()) for c in row.cells] if row else []


def _where(table: PlanTable) -> str:
    return table.table.where


# --- rows to drafts -----------------------------------------------------------------------

def _lead_section(
    lead: Sequence[Heading], current: str | None
) -> tuple[str | None, str | None]:
    """(section, recommendation paragraph) from the paragraphs above a table: a labelled
    recommendation paragraph ("Recommendation 3: ...") and the nearest short heading, a bold
    one where there are bold ones (a plain line between them is a note, not a heading); a
    plain line ending in a full stop is a sentence ("The panel made four
    recommendations."), never a heading."""
    recommendation = None
    names: list[Heading] = []
    for i, heading in enumerate(lead):
        text = heading.text
        if is_full_recommendation(text):
            recommendation = text  # its lines, as a page's reader may give them, joined
            for more in lead[i + 1:]:  # as a cell's ("know where" / "to get help.")
                recommendation = join_text(recommendation, more.text)
            break
        if is_section_label(text, bold=heading.bold) and not part_heading(text) or (
            part_heading(text) and len(text.split()) <= ROWS.section_max_words
        ):
            names.append(heading)
    bold = [h for h in names if h.bold]
    chosen = (bold or names)[-1:]
    return (chosen[0].text if chosen else current), recommendation


@dataclass
class _Reader:
    """The table being read into drafts of records."""
    table_index: int
    reading: PlanTable
    section: str | None
    drafts: list[Draft] = field(default_factory=list)
    draft: Draft | None = None

    def close(self) -> None:
        if self.draft is not None:
            self.drafts.append(self.draft)
            self.draft = None

    def start(self, rows: list[Row], text: str | None = None, head: Row | None = None) -> None:
        self.close()
        self.draft = Draft(self.section, rows, self.reading.columns, self.table_index, text,
                           head)


def read_table(
    table_index: int, reading: PlanTable, section: str | None
) -> tuple[list[Draft], str | None]:
    """The table's recommendations, and the section in force after it."""
    section, paragraph = _lead_section(reading.lead, section)
    reading = replace(reading, rows=_labels_joined(reading.rows))
    columns = reading.columns
    levels = _numbered_levels(reading)
    swapped = None if levels else _actions_as_recommendations(reading, paragraph)
    if swapped is not None:
        reading = PlanTable(reading.table, reading.header, reading.rows, swapped,
                            reading.heading, reading.lead)
        columns = swapped
    if not reading.lead and reading.heading and reading.heading != section and \
            reading.heading not in (reading.table.heading,) and \
            is_section_label(reading.heading, bold=True):
        section = reading.heading  # a title row above the header
    reader = _Reader(table_index, reading, section)
    rec = columns.index("recommendation")
    numbered = any(classify(columns, r) == "numbered" for r in reading.rows)
    if paragraph is not None and rec is None:
        reader.start([], paragraph)
    group_cols = [i for i in (columns.index("section"), columns.index("agency")) if i is not None]
    previous_text: str | None = None
    previous_number: str | None = None
    children = {k for kids in levels.values() for k in kids}
    for index, row in enumerate(reading.rows):
        for g in group_cols:
            value = _text(row, g)
            if value and " ".join(value.split()) != reader.section:
                reader.close()
                reader.section = " ".join(value.split())
                previous_text = None
        if index in levels:
            reader.close()
            reader.draft = _parent_draft(reader, row, group_cols)
            continue
        if index in children and reader.draft is not None:
            reader.draft.rows.append(row)
            continue
        if reader.draft is not None and (named := _labelled_value(row, columns)):
            _add_labelled_value(reader.draft, *named)
            continue
        kind = classify(columns, row)
        if kind == "empty":
            continue
        if kind == "section":
            if not group_cols or not any(_text(row, g) for g in group_cols):
                reader.close()
                reader.section = _text(row, row.filled()[0])
                previous_text = None
            continue
        if kind == "full":
            cell = row.cells[row.filled()[0]]
            reader.start([], cell.text.strip(), row)
            continue
        text = _text(row, rec)
        number = number_cell(_text(row, columns.index("number")))
        # the same words under another recommendation number: another recommendation
        renumbered = number != previous_number and all(
            n is not None and _TOP_NUMBER.fullmatch(n) for n in (number, previous_number))
        if kind in ("numbered", "text") and text and text == previous_text and reader.draft \
                and not renumbered:
            reader.draft.rows.append(_without(row, rec))  # an overarching recommendation
            continue                                       # repeated on each sub-action row
        if kind == "numbered" and not text and rec is not None and reader.draft and \
                number is not None and number == previous_number:
            reader.draft.rows.append(row)  # "1" again beside an empty recommendation cell:
            continue                       # the next action of recommendation 1
        if kind == "numbered" or (kind == "text" and (not numbered or reader.draft is None)):
            reader.start([row])
            previous_text, previous_number = text, number
            continue
        if reader.draft is None:
            reader.start([row])
            if rec is not None:
                reader.draft.warnings.append(PlanWarning(
                    "row_before_first_recommendation", "text",
                    "a row before the table's first recommendation was kept as one",
                ))
            continue
        if kind == "text" and reader.draft.rows:  # (a full-width row's draft has none)
            reader.draft.rows[-1] = join_rows(reader.draft.rows[-1], row)
            reader.draft.warnings.append(PlanWarning(
                "row_joined", "text",
                "a row without a number was joined to the recommendation above",
            ))
        else:
            reader.draft.rows.append(row)
    reader.close()
    if swapped is not None:
        for draft in reader.drafts:
            draft.warnings.append(PlanWarning(
                "actions_as_recommendations", "text",
                "the table has no recommendation column: each row's action is read as a "
                "recommendation",
            ))
    return reader.drafts, reader.section


def _lone(row: Row) -> int | None:
    filled = [i for i in row.filled() if not row.cells[i].merged]
    return filled[0] if len(filled) == 1 else None


def _labels_joined(rows: Sequence[Row]) -> list[Row]:
    """A full-width row that is only a label ("Recommendation 1") and the full-width row
    of text under it are one recommendation: joined, the row reads as "Recommendation 1:
    The CSP should ...". Apart, the label was no recommendation and the table, having no
    recommendation column, read each action below as one, with the text joined to them."""
    out: list[Row] = []
    for row in rows:
        above = out[-1] if out else None
        at = _lone(row)
        if (above is not None and at is not None and _lone(above) == at
                and label_only(above.cells[at].text) is not None
                and split_label(row.cells[at].text)[0] is None):
            joined = join_rows(above, row)  # its note is of a page break: not kept
            out[-1] = Row(joined.cells, joined.pages, [*above.warnings, *row.warnings],
                          above.position)
            continue
        out.append(row)
    return out


def _text_column(columns: ColumnMap) -> int | None:
    """The one column that holds both recommendations and actions, or None when the table
    has a column for each (the numbering then labels rows of one kind)."""
    rec, action = columns.index("recommendation"), columns.index("action")
    return rec if action is None else action if rec is None else None


def _numbered_levels(reading: PlanTable) -> dict[int, list[int]]:
    """Parent rows ("1.") and the rows they number ("1.1", "a)"), in a table with one text
    column: each parent a recommendation, its rows its actions (normalize/rowlevels.py). A
    parent whose text is a short name ("1 Training") is a theme, left to the row kinds."""
    columns = reading.columns
    number, text = columns.index("number"), _text_column(columns)
    if number is None or text is None:
        return {}
    labels = [row_label(_text(r, number)) if _text(r, text) else None for r in reading.rows]
    return {
        p: kids for p, kids in parent_rows(labels).items()
        if not is_section_label(_text(reading.rows[p], text))
    }


def _parent_draft(reader: _Reader, row: Row, group_cols: Sequence[int]) -> Draft:
    """A parent row's recommendation: its text and number; its text column read as the
    actions of the rows beneath; its own lead, date or status, when it has them, kept as a
    row of the recommendation."""
    columns = reader.reading.columns
    number, text = columns.index("number"), _text_column(columns)
    assert number is not None and text is not None
    roles = ["action" if i == text else r for i, r in enumerate(columns.roles)]
    own = [i for i in row.filled() if i not in (number, text, *group_cols)]
    return Draft(
        reader.section, [_without(row, text)] if own else [], replace(columns, roles=roles),
        reader.table_index, _text(row, text), row,
        number=row_label(_text(row, number)), head_columns=columns,
    )


def _labelled_value(row: Row, columns: ColumnMap) -> tuple[str, str, Row] | None:
    """(role, label, row) for a form's row that names its field in the label column and
    gives one value beside it ("Progress" | "Complete – reminder issued ..."): that field of
    the recommendation above, not a row of its own."""
    number = columns.index("number")
    label = _text(row, number)
    if number is None or not label or row_label(label) is not None:
        return None
    role = role_of(label)
    values = [i for i in row.filled() if i != number]
    if role in (None, "number", "recommendation", "action", "section") or len(values) != 1:
        return None
    return role, " ".join(label.split()), row


def _add_labelled_value(draft: Draft, role: str, label: str, row: Row) -> None:
    """The value as a row of its own in the role's column, a column added to the draft's
    mapping when the table has none for it."""
    columns = draft.columns
    if not columns.has(role):
        columns = replace(columns, roles=[*columns.roles, role],
                          names=[*columns.names, label], sources=[*columns.sources, "label"])
        draft.columns = columns
    at = columns.index(role)
    value = row.cells[next(i for i in row.filled() if i != columns.index("number"))]
    cells = [Cell() for _ in range(max(len(row.cells), at + 1))]
    cells[at] = value
    draft.rows.append(Row(cells, row.pages, row.warnings, row.position))


def _actions_as_recommendations(reading: PlanTable, paragraph: str | None) -> ColumnMap | None:
    """A table of actions (Action, Lead, Target date ...) with no recommendation anywhere,
    neither a column, a full-width row nor a paragraph above: each row's action is read as a
    recommendation."""
    columns = reading.columns
    if columns.has("recommendation") or not columns.has("action") or paragraph is not None:
        return None
    if any(classify(columns, r) == "full" for r in reading.rows):
        return None
    roles = ["recommendation" if r == "action" else r for r in columns.roles]
    return replace(columns, roles=roles)


def _without(row: Row, index: int | None) -> Row:
    if index is None:
        return row
    cells = [Cell() if i == index else c for i, c in enumerate(row.cells)]
    return Row(cells, row.pages, row.warnings, row.position)


def drafts_for(tables: Sequence[PlanTable]) -> list[Draft]:
    """Every recommendation of the plan, in document order."""
    drafts: list[Draft] = []
    section: str | None = None
    for index, reading in enumerate(tables):
        found, section = read_table(index, reading, section)
        drafts.extend(found)
    return drafts
