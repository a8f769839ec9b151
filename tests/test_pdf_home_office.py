"""A plan on the Home Office DHR action plan template, made with Word-like LibreOffice output
(tests/fixtures/make_home_office.py): long wrapped headers, a row across a page break."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import Options, convert_file

PDF = Path(__file__).parent / "fixtures" / "home-office-template.pdf"

# what each of the three repeated recommendations says, read from the template's rows
EXPECTED = [
    {
        "scope": ["local"],
        "actions": [("a", "Review the training package."),
                    ("b", "Deliver refresher sessions to all response teams.")],
        "owners": ["Avon and Somerset Police"],
        "milestones": ["Package reviewed", "Sessions delivered", "Audit of DASH quality"],
        "target": ("quarter", "2024-10-01", "2024-12-31"),
        "completion": ("complete", "2025-02-12"),
    },
    {
        "scope": ["local", "regional"],
        "actions": [(None, "Circulate guidance to practices")],
        "owners": ["ICB Safeguarding Team"],
        "milestones": ["Guidance issued"],
        "target": ("date", "2025-03-31", "2025-03-31"),
        "completion": ("in_progress", None),
    },
    {
        "scope": ["local"],
        "actions": [(None, "Commission campaign")],
        "owners": ["Safer Somerset Partnership"],
        "milestones": ["Campaign launched"],
        "target": ("season", "2025-06-01", "2025-08-31"),
        "completion": ("not_started", None),
    },
]


@pytest.fixture(scope="module", params=["pdfplumber", "pdfium"])
def plan(request: pytest.FixtureRequest) -> dict:
    doc = plan_to_dict(convert_file(PDF, Options(backend=request.param)))
    assert validation_errors(doc) == []
    return doc


def test_title_section_and_numbers(plan: dict) -> None:
    assert plan["title"] == "Domestic Homicide Review: Adult D Action Plan"
    records = plan["recommendations"]
    assert [r["number"] for r in records] == [str(n) for n in range(1, 10)]
    assert {r["section"] for r in records} == {"Single agency recommendations"}
    assert all(r["extra"] == {} for r in records)


def test_every_column_by_its_wrapped_header(plan: dict) -> None:
    for i, record in enumerate(plan["recommendations"]):
        want = EXPECTED[i % 3]
        assert record["scope"]["levels"] == want["scope"]
        assert [(a["label"], a["text"]) for a in record["actions"]] == want["actions"]
        assert [o["name"] for o in record["owners"]] == want["owners"]
        assert record["milestones"] == want["milestones"]
        (target,) = record["target_dates"]
        assert (target["kind"], target["start"], target["end"]) == want["target"]
        completion = record["completion"]
        assert (completion["status"], completion["date"]) == want["completion"]


def test_the_row_across_the_page_break(plan: dict) -> None:
    pages = [r["pages"] for r in plan["recommendations"]]
    assert pages == [[1], [1], [1], [2], [2], [2], [2, 3], [3], [3]]
    assert plan["recommendations"][6]["warnings"] == [{
        "code": "row_joined", "field": None,
        "message": "row joined across a page break (pages 2, 3)",
    }]
