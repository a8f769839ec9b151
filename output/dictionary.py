"""The data dictionary: what every column of every sheet, CSV and database table means.

One home for the meanings: the workbook's Data dictionary sheet and the README's section
are made from `DICTIONARY`, and a test checks it names exactly the columns the code writes.
Meanings shared by many tables (the keys, the source) are written once in `SHARED`.
"""

from __future__ import annotations

from collections.abc import Sequence

from dhrplan.output.tables import Table, Value

SHARED = {
    "plan_key": "The plan's key: 'p' and the first 12 hex digits of its input's sha256; "
    "the same bytes under any name get the same key.",
    "record_key": "The recommendation's key: its plan's key and its place in the plan "
    "('p…-r3'); unique across the combined outputs.",
    "action_key": "The action's key: its recommendation's key and its number ('p…-r3-a2'); "
    "empty for a recommendation's own rows.",
    "source_file": "The input's file name (its path as given, where its output name took a "
    "number: see Outputs).",
    "recommendation_id": "The recommendation's readable id from the JSON document (plan "
    "stem, section, number); the same for copies of one plan, so join on record_key.",
    "number": "The recommendation's number as the plan prints it.",
    "action_no": "The action's place in its recommendation, from 1; empty for the "
    "recommendation's own rows.",
    "due": "The end of the latest target date (relative dates count from the publication or "
    "sign-off day the plan states, or --published: the JSON's anchors); "
    "for an action without dates of its own, its recommendation's.",
    "progress": "Against --as-of (default: the day of the run): done (completion complete), "
    "overdue (due before that day), due soon (within 30 days), open (due later), undated.",
    "owners": "Owners named for it, with the glossary's expansion in brackets.",
    "target_dates": "The target dates as the plan writes them.",
    "target_start": "The first day of the earliest target date.",
    "target_end": "The last day of the latest target date.",
    "completion_status": "complete, in_progress, not_started or unknown.",
    "completion_date": "The completion date the progress cell states, if any.",
    "completion": "The progress cell as the plan writes it.",
    "text": "The text as the plan writes it, paragraphs as lines.",
    "expansion": "What the acronym stands for, from the plan's glossary.",
}

DICTIONARY: dict[str, dict[str, str]] = {
    "Plans": {
        "title": "The plan's title, from its first heading or title block.",
        "format": "pdf, docx, html, markdown or tsv.",
        "pages": "Pages (for text exports: counted at the page breaks they show; 0 for "
        ".docx and HTML).",
        "backend": "The PDF reader used (pdfium, pdfplumber, camelot); empty for others.",
        "sha256": "The input's SHA-256.",
        "recommendations": "Recommendations read.",
        "actions": "Actions read, over all recommendations.",
        "warnings": "Warnings, plan-level and per record (see the Warnings sheet).",
        "glossary": "Glossary entries (see the Glossary sheet).",
    },
    "Copies": {
        "source_file": "Each input of the combined outputs.",
        "plan_key": "The key of the plan kept for it.",
        "kept": "1: this input's plan is the one in the other tables; 0: a copy.",
        "kept_source": "The input kept for it (a PDF before a .docx, HTML or text export, "
        "then the first name).",
        "reason": "'same bytes' or 'same title and recommendations'; empty for a plan "
        "converted once.",
    },
    "Recommendations": {
        "section": "The agency or theme heading it stands under.",
        "section_expansion": "The section's expansion from the glossary.",
        "text": "The recommendation as the plan writes it.",
        "ownership": "The agencies the plan names as owning it.",
        "scope": "The scope cell as written.",
        "scope_levels": "local, regional, national.",
        "actions": "Its actions, with their labels (see the Actions sheet).",
        "milestones": "Milestones or measures of success.",
        "outcomes": "Intended outcomes.",
        "pages": "The pages it was read from.",
        "warnings": "What was guessed for it: [code] field: message.",
        "extra": "Columns with no role: 'header: text'.",
    },
    "Actions": {
        "label": "The action's label as printed ('a', '2.1'); empty when unlabelled.",
        "text": "The action as the plan writes it.",
        "owners": "The action's own owners (the recommendation's are on its row).",
        "target_dates": "The action's own target dates.",
        "target_start": "The first day of the action's earliest own target date.",
        "target_end": "The last day of the action's latest own target date.",
        "completion_status": "The action's own completion: complete, in_progress, "
        "not_started or unknown.",
        "completion_date": "The action's own completion date.",
        "completion": "The action's own progress cell.",
    },
    "Target dates": {
        "action_label": "The action's label, for an action's own date.",
        "raw": "The date as the plan writes it.",
        "kind": "date, month, season, quarter, year, span, relative, ongoing, implemented, "
        "event or unknown.",
        "start": "The first day it covers.",
        "end": "The last day it covers.",
        "offset_months": "For a relative date, months after its anchor.",
        "offset_weeks": "For a relative date, weeks after its anchor.",
        "anchor": "What a relative date counts from: publication or review_completion.",
    },
    "Owners": {
        "position": "The owner's place in its list, from 1.",
        "name": "The owner as the plan names it.",
    },
    "Warnings": {
        "record_key": "The record it concerns; empty for a plan-level warning.",
        "recommendation_id": "The record's readable id; empty for a plan-level warning.",
        "code": "What was guessed (the schema lists the codes: date_unread, row_joined, ...).",
        "field": "The record field it concerns; empty for the record or plan as a whole.",
        "message": "What was guessed or could not be read, and why.",
    },
    "Glossary": {
        "acronym": "The acronym as the plan's glossary gives it.",
    },
    "Columns": {
        "table_no": "The plan table's place in the document, from 0 (a record's `table`).",
        "table_pages": "The pages the table is on.",
        "table_heading": "The heading above the table.",
        "header_row": "1 when the table has a header row; 0 when every role came from content.",
        "column_no": "The column's place in its table, from 0.",
        "header": "The column's header as printed.",
        "role": "The role it was given (recommendation, owners, target_dates, ...); empty "
        "for none.",
        "role_from": "header (from its words), content (from its cells) or none.",
    },
    "Overdue": {
        "owner": "One owner of the overdue action: its own, else its recommendation's, else "
        "the recommendation's ownership; one row per owner.",
        "action_label": "The action's label; empty for a recommendation without actions.",
        "text": "The action (or the recommendation without actions).",
        "days_overdue": "Days from the due date to --as-of.",
        "title": "The plan's title.",
        "record_key": SHARED["record_key"],
    },
    "Data dictionary": {
        "sheet": "The sheet (and CSV or database table) the column is in.",
        "column": "The column's name.",
        "list": "How a cell of a column holding a list joins its items: 'one a line' or "
        "'commas'; empty for a column of one value per row.",
        "meaning": "What it means and where it comes from.",
    },
}
"""Meanings per sheet; a column not listed takes its meaning from SHARED. The CSVs are the
Recommendations (per plan and combined) and Actions sheets; the database's tables are the
sheets in snake case, the Columns sheet split into `tables` (plan_key, table_no and the
table_ columns) and `columns`."""


ONE_A_LINE, COMMAS = "one a line", "commas"
LISTS: dict[str, dict[str, str]] = {
    "Recommendations": {
        **dict.fromkeys(("ownership", "scope_levels", "actions", "owners", "milestones",
                         "outcomes", "target_dates", "warnings", "extra"), ONE_A_LINE),
        "pages": COMMAS,
    },
    "Actions": dict.fromkeys(("owners", "target_dates"), ONE_A_LINE),
    "Columns": {"table_pages": COMMAS},
}
"""The columns whose cells hold a list, and how its items are joined (tables.py LINE_JOIN,
PAGE_JOIN); every other column holds one value per row. The sheets with one row per item
(Owners, Target dates, Warnings, Glossary) give each item its own row as well."""


def list_join(sheet: str, column: str) -> str:
    """How the column's cells join their items, or "" for a column of single values."""
    return LISTS.get(sheet, {}).get(column, "")


def meaning(sheet: str, column: str) -> str:
    own = DICTIONARY.get(sheet, {})
    return own.get(column) or SHARED[column]


DICTIONARY_COLUMNS = ("sheet", "column", "list", "meaning")


def dictionary_table(tables: Sequence[Table]) -> Table:
    """The Data dictionary sheet: every column of the given tables, in their order, then
    its own."""
    own = Table("Data dictionary", DICTIONARY_COLUMNS, [])
    rows: list[tuple[Value, ...]] = [
        (t.name, c, list_join(t.name, c) or None, meaning(t.name, c))
        for t in (*tables, own) for c in t.columns
    ]
    return Table("Data dictionary", DICTIONARY_COLUMNS, rows)


def empty_tables() -> list[Table]:
    """Every sheet of the combined workbook, without rows: the columns the code writes."""
    from datetime import date

    from dhrplan.normalize.progress import Tracking
    from dhrplan.output.copies import Copies, copies_table
    from dhrplan.output.overdue import overdue_table
    from dhrplan.output.tables import all_tables

    tracking = Tracking(date.today())
    tables = all_tables([], tracking)
    tables.insert(1, copies_table(Copies([], [])))
    tables.append(overdue_table([], tracking))
    return [*tables, Table("Data dictionary", DICTIONARY_COLUMNS, [])]


def markdown(tables: Sequence[Table]) -> str:
    """The README's data dictionary: a table per sheet."""
    parts = []
    for table in tables:
        parts.append(f"**{table.name}**\n\n| column | list | meaning |\n|---|---|---|")
        parts.extend(f"| `{c}` | {list_join(table.name, c)} | {meaning(table.name, c)} |"
                     for c in table.columns)
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
