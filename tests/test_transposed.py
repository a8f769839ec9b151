"""Forms: tables whose first column names the fields, one block of rows per recommendation
(normalize/transposed.py). The label rule, table by table; then a .docx built here in the
one variant corpus E (tests/corpus/make_corpus_e.py) does not print: a label row spanning
both columns with the text in the row below."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as new_docx

from dhrplan.extract.model import Cell, Heading, Row, RowNote, Table
from dhrplan.normalize.transposed import Label, read_label, read_transposed
from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

LABELS = [
    ("Recommendation 3", Label("Recommendation", "recommendation", "3")),
    ("Rec 3:", Label("Rec", "recommendation", "3")),
    ("Recommendation", Label("Recommendation", "recommendation")),
    ("Recommendation No.", Label("Recommendation No.", "number")),
    ("Scope:", Label("Scope", "scope")),
    ("Action(s)", Label("Action(s)", "action")),
    ("Lead agency / Action holder", Label("Lead agency / Action holder", "owner")),
    ("Key milestones", Label("Key milestones", "milestones")),
    ("Target date", Label("Target date", "target")),
    ("Progress / RAG", Label("Progress / RAG", "rag")),
    ("Date completed / Outcome", Label("Date completed / Outcome", "completion")),
    ("Intended outcome", Label("Intended outcome", "outcomes")),
    ("Comments", Label("Comments", None)),  # a label the vocabulary does not know: extra
    ("Agencies should review the training they give.", None),  # a sentence: content
    ("Police and Adult Social Care with the ICB and schools", None),  # too long for a label
    ("", None),
]


@pytest.mark.parametrize(("text", "label"), LABELS)
def test_read_label(text: str, label: Label | None) -> None:
    assert read_label(text) == label


def _table(rows: list[list[str]]) -> Table:
    built = [Row([Cell(t, bold=i == 0 and bool(t)) for i, t in enumerate(r)], [1]) for r in rows]
    return Table(built[0], built[1:], None)


FORM = [
    ["Recommendation 1", "The CSP should share the learning.\nWith front-line staff too."],
    ["Scope", "Local"],
    ["Action(s)", "• Produce a briefing.\n• Hold two events."],
    ["Lead agency", "Westmarch CSP"],
    ["Target date", "March 2025"],
    ["Progress", "Amber – briefing approved"],
]
SECOND = [
    ["Recommendation 2", "Police should audit incident records."],
    ["Scope", "Local"],
    ["Action(s)", "Audit 100 records."],
    ["Lead agency", "Westmarch Police"],
    ["Target date", "June 2025"],
    ["Progress", "Complete"],
]

# rows, heading above, (number, recommendation text) per block, or None: not transposed
TABLES = [
    (FORM, None, [("1", "The CSP should share the learning.\nWith front-line staff too.")]),
    (FORM + SECOND, None, [("1", "The CSP should share the learning.\nWith front-line staff "
                                 "too."), ("2", "Police should audit incident records.")]),
    ([["Recommendation", "Housing should ask at every visit."], *FORM[1:]], "Recommendation 4",
     [("4", "Housing should ask at every visit.")]),
    # a value cut by a page break: the rest under an empty label cell
    ([FORM[0], ["", "The rest of the text."], *FORM[1:]], None,
     [("1", "The CSP should share the learning.\nWith front-line staff too.\nThe rest of the "
            "text.")]),
    # the number in a row of its own before the recommendation: one block, not two
    ([["Ref", "R7"], ["Recommendation", "Schools should train staff."], *FORM[1:]], None,
     [("R7", "Schools should train staff.")]),
    # not forms: a plan table with a header row, a glossary, a cover's details
    ([["Recommendation", "Lead agency"], ["1. The CSP should share the learning.", "CSP"],
      ["2. Police should audit incident records.", "Police"]], None, None),
    ([["ASC", "Adult Social Care"], ["ICB", "Integrated Care Board"], ["DA", "Domestic Abuse"]],
     None, None),
    ([["Review", "DHR Anna"], ["Date of report", "March 2024"], ["Author", "J Smith"]], None,
     None),
    ([["Recommendation", "Owner", "Target date"], ["The CSP should ...", "CSP", "2025"]], None,
     None),
]


@pytest.mark.parametrize(("rows", "heading", "blocks"), TABLES)
def test_read_transposed(rows: list[list[str]], heading: str | None, blocks: list | None) -> None:
    lead = [Heading(heading, 1, True)] if heading else []
    found = read_transposed(_table(rows), lead, {})
    if blocks is None:
        assert found is None
        return
    assert found is not None
    number, text = found.columns.index("number"), found.columns.index("recommendation")
    assert [(r.cells[number].text, r.cells[text].text) for r in found.rows] == blocks
    assert all(any(n.code == "table_transposed" for n in r.warnings) for r in found.rows)


def test_each_label_is_recorded_as_the_header_of_its_column() -> None:
    found = read_transposed(_table(FORM), [], {})
    assert found is not None
    assert list(zip(found.columns.names, found.columns.roles, found.columns.sources,
                    strict=True)) == [
        ("number (from the label)", "number", "label"),
        ("Recommendation", "recommendation", "label"),
        ("Scope", "scope", "label"),
        ("Action(s)", "action", "label"),
        ("Lead agency", "owner", "label"),
        ("Target date", "target", "label"),
        ("Progress", "completion", "label"),
    ]


RECOMMENDATION = ["Recommendation 2", "Police should audit incident records."]
AGENCY, ACTION = ["Agency", "Westmarch Police"], ["Action", "Audit 100 records."]
TARGET, PROGRESS = ["Target date", "June 2025"], ["Progress / RAG", "Green"]
# the second block's rows, one of them two rows a reader joined; what each field then holds
JOINED = [
    # one line per field, one paragraph per line
    ([RECOMMENDATION, AGENCY, ACTION, ["Target date\nProgress / RAG", "April 2025\nGreen – "
                                       "letter sent"]],
     {"target": "April 2025", "rag": "Green – letter sent"}),
    # a number label run into the next label, the text shared where the agency fits
    ([["Recommendation 2 Agency", "GP practices should code disclosures.\nThe ICB should "
       "check that the code is used.\nHarrowby Integrated Care Board"], ACTION, TARGET,
      PROGRESS],
     {"recommendation": "GP practices should code disclosures.\nThe ICB should check that the "
                        "code is used.", "owner": "Harrowby Integrated Care Board"}),
    ([RECOMMENDATION, ["Agency\nAction", "Harrowby Council\n• Add the scheme to the "
                       "checklist.\n• Report take-up."], TARGET, PROGRESS],
     {"owner": "Harrowby Council", "action": "• Add the scheme to the checklist.\n• Report "
                                             "take-up."}),
]


@pytest.mark.parametrize(("block", "values"), JOINED)
def test_a_row_joined_across_a_page_break_is_shared_out_between_its_fields(
    block: list[list[str]], values: dict[str, str]
) -> None:
    first = [["Recommendation 1", "The CSP should share the learning."], ["Agency", "CSP"],
             ["Action", "Write a briefing."], TARGET, PROGRESS]
    found = read_transposed(_table([*first, *block]), [], {})
    assert found is not None and len(found.rows) == 2
    second = found.rows[1]
    for role, value in values.items():  # an agency after the recommendation, no owner: owner
        assert second.cells[found.columns.roles.index(role)].text == value
    assert any(n.code == "row_joined" and n.column is not None for n in second.warnings)


def test_a_joined_row_that_can_be_shared_out_two_ways_is_kept_whole_and_warned() -> None:
    """ "Police" / "Schools" / "Audit records.": one owner or two, nothing tells."""
    rows = [FORM[0], ["Agency\nAction", "Police\nSchools\nAudit records."], *FORM[4:]]
    found = read_transposed(_table(rows), [], {})
    assert found is not None
    (row,) = found.rows
    owner = found.columns.roles.index("owner")
    assert row.cells[owner].text == "Police\nSchools\nAudit records."
    assert [n.column for n in row.warnings if n.code == "row_joined"] == [owner]


def test_a_note_on_a_value_row_goes_to_the_column_it_fills() -> None:
    table = _table(FORM)
    target = next(r for r in table.rows if r.cells[0].text == "Target date")
    target.warnings.append(RowNote("date_unread", "odd date", 1))
    found = read_transposed(table, [], {})
    assert found is not None
    (note,) = [n for n in found.rows[0].warnings if n.code == "date_unread"]
    assert found.columns.roles[note.column or 0] == "target"


def test_a_label_row_spanning_both_columns_with_its_text_below(tmp_path: Path) -> None:
    doc = new_docx()
    doc.add_paragraph("Kingsford DHR 'Ms B' Action Plan")
    fields = [("Recommendation 1", None), ("The CSP should publish the learning.", None),
              ("Agency", "Kingsford CSP"), ("Actions", "Write a seven-minute briefing."),
              ("Lead officer", "DHR Coordinator"), ("Target date", "31/03/2025"),
              ("Status", "Not started"),
              ("Recommendation 2", None), ("Police should audit repeat calls.", None),
              ("Agency", "Kingsford Police"), ("Actions", "Audit 50 repeat calls."),
              ("Lead officer", "DI Safeguarding"), ("Target date", "June 2025"),
              ("Status", "Completed")]
    table = doc.add_table(rows=0, cols=2)
    for label, value in fields:
        cells = table.add_row().cells
        if value is None:
            cells[0].merge(cells[1]).text = label
        else:
            cells[0].text, cells[1].text = label, value
    path = tmp_path / "spanning.docx"
    doc.save(path)
    plan = plan_to_dict(convert_file(path))
    assert validation_errors(plan) == []
    got = [(r["number"], r["text"], r["section"], [o["name"] for o in r["owners"]],
            r["completion"]["status"]) for r in plan["recommendations"]]
    assert got == [
        ("1", "The CSP should publish the learning.", "Kingsford CSP", ["DHR Coordinator"],
         "not_started"),
        ("2", "Police should audit repeat calls.", "Kingsford Police", ["DI Safeguarding"],
         "complete"),
    ]
    assert all(any(w["code"] == "table_transposed" for w in r["warnings"])
               for r in plan["recommendations"])
    roles = {c["header"]: (c["role"], c["source"]) for c in plan["tables"][0]["columns"]}
    assert roles["Lead officer"] == ("owner", "label")
