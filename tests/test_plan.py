"""Whole plans from small text exports: layouts other than one Recommendation column."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhrplan.extract.model import ExtractError
from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

HEADED = """# DHR Adult C action plan

**Recommendation 1: Agencies to review their domestic abuse policies.**

| Action | Lead | Target date | Progress |
|---|---|---|---|
| Review policy | Police | May 2025 | Complete |
| Train staff | Health | Sept 2025 | In progress |

**Recommendation 2: Share learning across the partnership.**

| Action | Lead | Target date | Progress |
|---|---|---|---|
| Learning event | CSP | Ongoing | |
"""

ACTIONS_ONLY = """| Action | Lead | Target date | Progress |
|---|---|---|---|
| 1. Review policy | Police | May 2025 | Complete |
| 2. Train staff | Health | Sept 2025 | In progress |
"""


def convert(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "plan.md"
    path.write_text(text, "utf-8")
    doc = plan_to_dict(convert_file(path))
    assert validation_errors(doc) == []
    return doc


def test_recommendation_as_heading_above_its_table_of_actions(tmp_path: Path) -> None:
    doc = convert(tmp_path, HEADED)
    assert doc["title"] == "DHR Adult C action plan"
    first, second = doc["recommendations"]
    assert (first["number"], first["text"]) == (
        "1", "Agencies to review their domestic abuse policies."
    )
    assert [(a["text"], a["owners"][0]["name"]) for a in first["actions"]] == [
        ("Review policy", "Police"), ("Train staff", "Health"),
    ]
    assert first["completion"]["status"] == "in_progress"
    assert (second["number"], [a["text"] for a in second["actions"]]) == ("2", ["Learning event"])
    assert doc["warnings"] == []


def test_a_table_of_actions_only_reads_each_action_as_a_recommendation(tmp_path: Path) -> None:
    doc = convert(tmp_path, ACTIONS_ONLY)
    assert [(r["number"], r["text"]) for r in doc["recommendations"]] == [
        ("1", "Review policy"), ("2", "Train staff"),
    ]
    assert "no Recommendation column" in doc["warnings"][0]


@pytest.mark.parametrize(
    "text",
    [
        "| Acronym | Meaning |\n|---|---|\n| DA | Domestic Abuse |\n",
        "| Agency | Page |\n|---|---|\n| Police | 2 |\n| Health | 6 |\n",
        "| Name | Role |\n|---|---|\n| A. Smith | Chair |\n",
    ],
)
def test_tables_that_are_not_action_plans_are_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(ExtractError, match="no action-plan table found"):
        convert(tmp_path, text)


TITLE_ROW = """| Avon and Somerset Police | | | |
|---|---|---|---|
| Recommendation | Action | Lead | Target date |
| 1. Refresh training. | Write package | DI Smith | May 2025 |

| Recommendation | Action | Lead | Target date |
|---|---|---|---|
| 2. Share learning. | Briefing | DCI Jones | Ongoing |
"""


def test_a_title_row_above_the_header_is_the_section(tmp_path: Path) -> None:
    doc = convert(tmp_path, TITLE_ROW)
    assert [(r["section"], r["number"], r["text"]) for r in doc["recommendations"]] == [
        ("Avon and Somerset Police", "1", "Refresh training."),
        ("Avon and Somerset Police", "2", "Share learning."),
    ]
