"""HTML and pandoc grid tables in text exports, alone and through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhrplan.extract.tableblocks import grid_table_rows, html_table_rows, is_grid_border
from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

HTML_PLAN = """<h2>Police</h2>
<table>
<tr><th>No.</th><th>Recommendation</th><th>Action</th><th>Lead officer</th><th>By when</th>
<th>Progress</th></tr>
<tr><td colspan="6"><b>Training</b></td></tr>
<tr><td rowspan="2">1</td><td rowspan="2"><p>Refresh training.</p></td><td>Write package</td>
<td>DI Smith</td><td>May 2025</td><td>Complete</td></tr>
<tr><td>Deliver package</td><td>Training unit</td><td>Sept 2025</td><td>Not started</td></tr>
<tr><td>2</td><td>Share learning &amp; practice.</td><td>Briefing</td><td>DCI Jones</td>
<td>Ongoing</td><td>RAG: Amber</td></tr>
</table>
"""

GRID_PLAN = """**Action plan: DHR Adult B**

Multi-agency

+-----------------+----------+----------------+-------------+--------------+
| Recommendation  | Scope    | Action         | Lead agency | Target date  |
+=================+==========+================+=============+==============+
| 1\\. Agencies to | Local    | - Review       | CSP         | Q1 2025/26   |
| review their    |          |   policy       |             |              |
| policies.       |          | - Train staff  |             |              |
|                 |          |                |             |              |
| Ownership: CSP  |          |                |             |              |
+-----------------+----------+----------------+-------------+--------------+
| 2\\. Health to   | National | Update         | ICB         | Within 6     |
| audit records.  |          | guidance       |             | months of    |
|                 |          |                |             | publication  |
+-----------------+----------+----------------+-------------+--------------+
"""

HOME_OFFICE_TEMPLATE = """# Domestic Homicide Review: Adult A - Action Plan

## Single agency recommendations

| Recommendation | Scope of recommendation i.e. local or regional | Action to take \
| Lead Agency | Key milestones achieved in enacting recommendation | Target Date \
| Date of completion and Outcome |
|---|---|---|---|---|---|---|
| 1. Police to refresh DASH training. | Local | a. Review the training package. b. Deliver \
refresher sessions. | Police | Package reviewed<br>Sessions delivered | Q3 2024/25 \
| Completed 12/02/2025 |
"""


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        ("<table><tr><td>a</td><td>b</td></tr></table>", [["a", "b"]]),
        ("<table><tr><th>A</th><th>B</th><tr><td>1<td>2</table>", [["A", "B"], ["1", "2"]]),
        (
            '<table><tr><td colspan="2">Theme</td></tr><tr><td>1</td><td>x</td></tr></table>',
            [["Theme", ""], ["1", "x"]],
        ),
        (
            '<table><tr><td rowspan="2">1</td><td>a</td></tr><tr><td>b</td></tr></table>',
            [["1", "a"], ["", "b"]],
        ),
        (
            '<TABLE><TR><TD ROWSPAN=2>1</TD><TD>a</TD><TD>x</TD></TR>'
            "<TR><TD>b</TD><TD>y</TD></TR></TABLE>",
            [["1", "a", "x"], ["", "b", "y"]],
        ),
    ],
)
def test_html_table_rows(table: str, rows: list[list[str]]) -> None:
    assert html_table_rows(table) == rows


def test_grid_table_rows_join_wrapped_lines_and_keep_paragraphs() -> None:
    lines = GRID_PLAN.splitlines()[4:]
    assert is_grid_border(lines[0]) and not is_grid_border("| a | b |")
    rows = grid_table_rows(lines)
    assert rows[0] == ["Recommendation", "Scope", "Action", "Lead agency", "Target date"]
    assert rows[1][0] == "1\\. Agencies to review their policies.\nOwnership: CSP"
    assert rows[1][2] == "- Review policy\n- Train staff"
    assert rows[2][4] == "Within 6 months of publication"


def _convert(tmp_path: Path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    doc = plan_to_dict(convert_file(path))
    assert validation_errors(doc) == []
    return doc


def test_html_plan_with_merged_cells(tmp_path: Path) -> None:
    doc = _convert(tmp_path, "plan.md", HTML_PLAN)
    first, second = doc["recommendations"]
    assert first["section"] == "Training"
    assert (first["number"], first["text"]) == ("1", "Refresh training.")
    assert [(a["text"], [o["name"] for o in a["owners"]]) for a in first["actions"]] == [
        ("Write package", ["DI Smith"]),
        ("Deliver package", ["Training unit"]),
    ]
    assert [a["completion"]["status"] for a in first["actions"]] == ["complete", "not_started"]
    assert first["completion"]["status"] == "in_progress"
    assert second["text"] == "Share learning & practice."
    assert second["completion"]["status"] == "in_progress"


def test_grid_plan(tmp_path: Path) -> None:
    doc = _convert(tmp_path, "plan.md", GRID_PLAN)
    assert doc["title"] == "Action plan: DHR Adult B"
    first, second = doc["recommendations"]
    assert (first["number"], first["text"], first["ownership"]) == (
        "1", "Agencies to review their policies.", ["CSP"]
    )
    assert [a["text"] for a in first["actions"]] == ["Review policy", "Train staff"]
    assert first["target_dates"][0]["start"] == "2025-04-01"
    assert second["target_dates"][0]["offset_months"] == 6
    assert second["target_dates"][0]["anchor"] == "publication"


def test_home_office_template_headers(tmp_path: Path) -> None:
    doc = _convert(tmp_path, "plan.md", HOME_OFFICE_TEMPLATE)
    (record,) = doc["recommendations"]
    assert record["section"] == "Single agency recommendations"
    assert record["scope"]["levels"] == ["local"]
    assert [a["label"] for a in record["actions"]] == ["a", "b"]
    assert record["milestones"] == ["Package reviewed", "Sessions delivered"]
    assert record["target_dates"][0]["kind"] == "quarter"
    assert record["completion"] == {
        "raw": "Completed 12/02/2025", "status": "complete", "date": "2025-02-12", "rag": None,
    }
    assert record["extra"] == {}


def test_oversized_spans_are_cut_not_allocated() -> None:
    rows = html_table_rows(
        '<table><tr><td colspan="3000000">x</td></tr><tr><td rowspan="99999">y</td></tr></table>'
    )
    assert len(rows) == 2
    assert len(rows[0]) == 64 and rows[0][0] == "x"
    assert rows[1][0] == "y"
