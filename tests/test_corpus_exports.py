"""Text exports of the corpus's untagged PDFs of its table plans (a text export of a plan
with no table is not read), as other PDF-to-text converters write them
(tests/corpus/exports/, made by tests/fixtures/make_converter_exports.py): every visual line
kept (`<br>` in markdown, newlines in quoted TSV) or each cell flattened to one line.

An export that keeps the lines gives the records its PDF gives, but for the fields named in
`LOST`, which the export lost with the page (the space after a paragraph, the cells'
shading). A flattened export loses every break inside a cell, so its records may differ
anywhere; each such record says so. Either way a record that differs from what a person
reads in the plan carries a warning on the field it gets wrong, or on the whole record.
"""

from __future__ import annotations

import pytest
from corpus_view import CORPUS, WARNING_FIELD, differences, expected, table_plans

from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

EXPORTS = CORPUS / "exports"
LINES = ("br.md", "lines.tsv")
FLAT = ("flat.md", "flat.tsv")

SPACED = (
    "a paragraph end the PDF shows by the space after it, its line nearly full: the export "
    "keeps the lines only, so the break reads as a wrap (warned, paragraphs_unsure)"
)
OWNER_LINES = (
    "'ASC' / 'Mental Health Trust', 'Community Safety Partnership' / 'Public Health': two "
    "owners on two lines, the first of which nearly left room for the second's first word "
    "(warned)"
)
COLOUR = "the RAG cell's shading, the status's only sign, is not in a text export (warned)"

MERGED_DOWN = (
    "a lead agency merged down beside its recommendation's action rows: a text export keeps "
    "no merges, so the later actions' owner cells are blank (warned, owners_unsure)"
)

LOST: dict[str, dict[tuple[int, str], str]] = {
    "business-plan-by-when-conditions": {(1, "actions"): SPACED},
    "horizon-parts-tick-columns": {(2, "text"): SPACED},
    "narrow-broken-headers": {(3, "owners"): OWNER_LINES},
    "parts-restart-numbering": {(5, "text"): SPACED},
    "single-and-multi-agency-tables": {(1, "text"): SPACED, (5, "owners"): OWNER_LINES},
    "sar-learning-evidence-status": {(3, "text"): SPACED},
    "lead-merged-over-actions": {(0, "actions"): MERGED_DOWN, (1, "actions"): MERGED_DOWN},
    "rag-shading-key": {
        **{(i, "status"): COLOUR for i in range(8)},
        (4, "text"): SPACED,
    },
}

CASES = [
    pytest.param(plan, style, id=f"{plan}.{style}")
    for plan in table_plans()
    for style in LINES + FLAT
    if (EXPORTS / f"{plan}.{style}").exists()
]


NO_EXPORT = {
    "borderless-date-first": "a table with no rulings: the converters' ruling-line table "
                             "finder (pdfplumber's default) finds no table in it, so they "
                             "write no table to read",
    "borderless-narrow-recommendation": "no rulings either (as above)",
}


def test_every_untagged_corpus_pdf_has_its_four_exports() -> None:
    for plan in table_plans():
        made = [(EXPORTS / f"{plan}.{style}").exists() for style in LINES + FLAT]
        assert all(made) if plan not in NO_EXPORT else not any(made), plan


@pytest.mark.parametrize(("plan", "style"), CASES)
def test_an_export_reads_every_recommendation(plan: str, style: str) -> None:
    doc = plan_to_dict(convert_file(EXPORTS / f"{plan}.{style}"))
    want = expected(plan)
    assert validation_errors(doc) == []
    assert len(doc["recommendations"]) == len(want["recommendations"])
    assert [r["number"] for r in doc["recommendations"]] == [
        r["number"] for r in want["recommendations"]
    ]


@pytest.mark.parametrize("style", LINES)
@pytest.mark.parametrize("plan", [p for p in table_plans() if p not in NO_EXPORT])
def test_an_export_that_keeps_the_lines_gives_what_its_pdf_gives(plan: str, style: str) -> None:
    want = expected(plan)
    from_pdf = set(differences(plan_to_dict(convert_file(CORPUS / f"{plan}.pdf")), want))
    from_export = set(differences(plan_to_dict(convert_file(EXPORTS / f"{plan}.{style}")), want))
    assert from_export - from_pdf == set(LOST.get(plan, {}))
    assert from_pdf - from_export == set()


@pytest.mark.parametrize(("plan", "style"), CASES)
def test_a_record_an_export_gets_wrong_says_so(plan: str, style: str) -> None:
    doc = plan_to_dict(convert_file(EXPORTS / f"{plan}.{style}"))
    for index, field in differences(doc, expected(plan)):
        warned = {w["field"] for w in doc["recommendations"][index]["warnings"]}
        assert WARNING_FIELD[field] in warned or None in warned, (index, field)


@pytest.mark.parametrize("style", FLAT)
def test_every_record_of_a_flattened_table_says_so(style: str) -> None:
    doc = plan_to_dict(convert_file(EXPORTS / f"two-tables-different-columns.{style}"))
    for record in doc["recommendations"]:
        assert any(
            w["code"] == "paragraphs_unsure" and w["field"] is None and "flattened" in w["message"]
            for w in record["warnings"]
        ), record["number"]
