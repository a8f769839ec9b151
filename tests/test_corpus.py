"""The corpus of invented plans in forty-two layouts unlike the samples (tests/corpus/,
built by make_corpus_a.py to make_corpus_g.py as .docx and LibreOffice PDFs, tagged for
nineteen of them): every plan through every reader against the records a person wrote
by reading it.

The .docx and the tagged PDFs give every expected record. The untagged PDFs give all but the
fields listed in `UNTAGGED_PDF`, each for a reason the page itself hides; and every record
that differs says so in a warning on the field it gets wrong (or on the whole record), which
is what a user who checks only the flagged records relies on.
"""

from __future__ import annotations

import pytest
from corpus_view import CORPUS, WARNING_FIELD, differences, expected, plans, table_plans

from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import Options, convert_file

FULL_LINE_PARAGRAPH = "a paragraph that ends where its line is full"
"""The untagged page shows a sentence ending at a full line, then a capital that would not
have fitted: a paragraph break or a wrapped sentence, nothing on the page tells which. The
reader keeps the sentence going and warns (paragraphs_unsure); the .docx and the tags know."""

UNTAGGED_PDF: dict[str, dict[tuple[int, str], str]] = {
    "coded-refs-bullets": {(3, "text"): FULL_LINE_PARAGRAPH},
    "horizon-parts-tick-columns": {(4, "text"): FULL_LINE_PARAGRAPH},
    "single-and-multi-agency-tables": {
        (6, "owners"): "'Community Safety' / 'Partnership' / 'Brackenford Police' in a narrow "
                       "column: two owners, or one long name wrapped, nothing on the page "
                       "tells which; kept whole, warned (owners_unsure)",
    },
    "parts-restart-numbering": {(1, "text"): FULL_LINE_PARAGRAPH},
    "theme-column-merged": {(3, "text"): FULL_LINE_PARAGRAPH},
    "form-tables-heading-above": {(3, "text"): FULL_LINE_PARAGRAPH},
}
SILENT: set[tuple[str, int, str]] = set()
"""Differing records that carry no warning, each named in `UNTAGGED_PDF`: none today."""

READERS = [
    ("docx", ".docx", "pdfium"),
    ("html", ".html", "pdfium"),
    ("pdf", ".pdf", "pdfium"),
    ("pdf", ".pdf", "pdfplumber"),
    ("tagged", "-tagged.pdf", "pdfium"),
    ("tagged", "-tagged.pdf", "pdfplumber"),
]
CASES = [
    pytest.param(plan, kind, suffix, backend, id=f"{plan}{suffix}-{backend}")
    for plan in plans()
    for kind, suffix, backend in READERS
    if (CORPUS / f"{plan}{suffix}").exists() and not (kind == "docx" and backend != "pdfium")
]
TABLE_PLANS = table_plans()


def test_the_corpus_has_forty_two_table_layouts_each_as_docx_and_pdf() -> None:
    assert len(TABLE_PLANS) == 42
    for plan in TABLE_PLANS:
        assert (CORPUS / f"{plan}.docx").exists() and (CORPUS / f"{plan}.pdf").exists()
    assert sum(1 for p in plans() if (CORPUS / f"{p}-tagged.pdf").exists()) >= 19


@pytest.mark.parametrize(("plan", "kind", "suffix", "backend"), CASES)
def test_every_layout_gives_its_expected_records(
    plan: str, kind: str, suffix: str, backend: str
) -> None:
    doc = plan_to_dict(convert_file(CORPUS / f"{plan}{suffix}", Options(backend=backend)))
    want = expected(plan)
    assert validation_errors(doc) == []
    assert doc["title"] == want["title"]
    assert doc["glossary"] == want["glossary"]
    assert len(doc["recommendations"]) == len(want["recommendations"])
    known = UNTAGGED_PDF.get(plan, {}) if kind == "pdf" else {}
    assert set(differences(doc, want)) == set(known)


@pytest.mark.parametrize(("plan", "kind", "suffix", "backend"), CASES)
def test_a_record_that_differs_says_so(plan: str, kind: str, suffix: str, backend: str) -> None:
    doc = plan_to_dict(convert_file(CORPUS / f"{plan}{suffix}", Options(backend=backend)))
    for index, field in differences(doc, expected(plan)):
        warned = {w["field"] for w in doc["recommendations"][index]["warnings"]}
        flagged = WARNING_FIELD[field] in warned or None in warned
        assert flagged or (plan, index, field) in SILENT, (index, field)


def test_the_running_text_plans_come_as_html_docx_and_pdf() -> None:
    """Corpus D: recommendations as headings, paragraphs and bullets, with no table; every
    record says it was read from running text."""
    running = [p for p in plans() if p.startswith("running-text-")]
    assert len(running) == 4
    for plan in running:
        assert (CORPUS / f"{plan}.html").exists() and (CORPUS / f"{plan}.docx").exists()
        doc = plan_to_dict(convert_file(CORPUS / f"{plan}.html"))
        assert all(w["code"] == "running_text" and w["field"] is None
                   for r in doc["recommendations"] for w in r["warnings"][:1])
    assert sum(1 for p in running if (CORPUS / f"{p}.pdf").exists()) == 2


def test_every_column_mapping_is_in_the_document() -> None:
    """The document says, per table, which role each column was given and why."""
    doc = plan_to_dict(convert_file(CORPUS / "no-header-row-content-roles.docx"))
    (table,) = doc["tables"]
    assert [(c["role"], c["source"]) for c in table["columns"]][:4] == [
        ("number", "header"), ("recommendation", "content"), ("owner", "header"),
        ("target", "header"),
    ]
