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
    assert all(
        "actions_as_recommendations" in [w["code"] for w in r["warnings"]]
        for r in doc["recommendations"]
    )


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


CONTINUED_AFTER_A_LINE = """| No. | Recommendation | Action | Lead agency | Target date | Progress |
|---|---|---|---|---|---|
| 1 | Police to review DASH training. | Refresh training. | Police | March 2024 | Complete |

Action plan (continued)

| 3 | Housing to adopt DAHA standards. | Apply for DAHA. | Housing | 2025 | Not started |
"""

TRIMMED_CELLS = (
    "No.\tRecommendation\tAction\tLead agency\tTarget date\tProgress\n"
    "1\tPolice to review DASH training.\tRefresh training.\tPolice\tMarch 2024\tComplete\n"
    "\n"
    "2\tCSP to publish.\tPublish.\tCSP\t2025\n"
)

BARE_PIPES = """No. | Recommendation | Action | Lead agency | Target date
--- | --- | --- | --- | ---
1 | Police to review DASH training. | Refresh training. | Police | March 2024
"""

WITH_AN_UNRELATED_TABLE = """| Recommendation | Action | Lead |
|---|---|---|
| 1. Train. | Course | CSP |

Sign-off

| Name | Role | Signed |
|---|---|---|
| A. Smith | Chair | yes |
"""


@pytest.mark.parametrize(
    ("text", "numbers"),
    [(CONTINUED_AFTER_A_LINE, ["1", "3"]), (TRIMMED_CELLS, ["1", "2"])],
)
def test_a_headerless_table_continues_the_plan_above(
    tmp_path: Path, text: str, numbers: list[str]
) -> None:
    doc = convert(tmp_path, text)
    assert [r["number"] for r in doc["recommendations"]] == numbers
    assert [r["owners"][0]["name"] for r in doc["recommendations"]][1] in ("Housing", "CSP")
    assert "continuation of the table above" in doc["warnings"][-1]["message"]
    assert doc["warnings"][-1]["code"] == "table_continued"


def test_pipe_table_without_outer_pipes(tmp_path: Path) -> None:
    doc = convert(tmp_path, BARE_PIPES)
    (record,) = doc["recommendations"]
    assert (record["number"], record["owners"][0]["name"]) == ("1", "Police")
    assert doc["source"]["format"] == "markdown"


def test_a_skipped_table_is_named_in_a_warning(tmp_path: Path) -> None:
    doc = convert(tmp_path, WITH_AN_UNRELATED_TABLE)
    assert len(doc["recommendations"]) == 1
    assert [(w["code"], w["message"]) for w in doc["warnings"]] == [(
        "table_skipped",
        "table on page 1 skipped: its columns (Name | Role | Signed) name no recommendations "
        "or actions",
    )]


TWO_HEADER_ROWS = """| Ref | Recommendation | Action | Lead | Target | Progress | |
|---|---|---|---|---|---|---|
| | | | | | RAG | Comment |
| 1 | The SAB should ensure that self-neglect guidance covers abuse. | Revise guidance | SAB \
Business Manager | Sept 2024 | Green | Guidance published Oct 2024 |
| | | | | | RAG | Comment |
| 2 | The CSP should raise awareness of economic abuse. | Campaign | CSP | Winter 2024 | Amber \
| Campaign materials in draft |
"""


def test_a_second_header_row_names_the_columns_under_a_merged_header(tmp_path: Path) -> None:
    doc = convert(tmp_path, TWO_HEADER_ROWS)
    (table,) = doc["tables"]
    assert [(c["header"], c["role"]) for c in table["columns"]][-2:] == [
        ("Progress RAG", "rag"), ("Progress Comment", "completion"),
    ]
    first, second = doc["recommendations"]
    assert (first["number"], first["completion"]["status"], first["completion"]["rag"]) == (
        "1", "complete", "Green"
    )
    assert first["completion"]["raw"] == "Guidance published Oct 2024"
    assert (second["number"], second["completion"]["status"]) == ("2", "in_progress")
    assert all(not r["warnings"] for r in doc["recommendations"])


NUMBER_ON_EVERY_ROW = """| No. | Recommendation | Action | Lead | Deadline | Status |
|---|---|---|---|---|---|
| 1 | The CSP should review the DA strategy. | Consult survivors | CSP | March 2025 | Complete |
| 1 | | Publish strategy | CSP | June 2025 | In progress |
| 2 | Police should improve DVPN use. | Audit DVPNs | Police | 2025 | Not started |
| 2 | | Train custody staff | Police | 2025 | Not started |
"""


def test_a_number_repeated_on_each_action_row_keeps_one_recommendation(tmp_path: Path) -> None:
    doc = convert(tmp_path, NUMBER_ON_EVERY_ROW)
    first, second = doc["recommendations"]
    assert [(a["label"], a["text"], a["completion"]["status"]) for a in first["actions"]] == [
        (None, "Consult survivors", "complete"), (None, "Publish strategy", "in_progress"),
    ]
    assert first["completion"]["status"] == "in_progress"
    assert (second["number"], len(second["actions"]), second["completion"]["status"]) == (
        "2", 2, "not_started"
    )


SUB_NUMBERED_ACTIONS_AND_DONE_DATES = """| Rec no. | Recommendation | Priority | Action | Lead \
| Target date | Date completed | Notes |
|---|---|---|---|---|---|---|---|
| 1 | The CSP should adopt a DA training framework. | High | 1a Map current training<br>1b \
Agree framework | CSP Manager | 31 March 2025 | 12/03/2025 | Framework agreed at Board |
| 2 | Housing should record DA on tenancy files. | Medium | 2a Update system | Housing \
Manager | Q2 2025/26 | | |
"""


def test_sub_numbered_actions_and_a_date_completed_column(tmp_path: Path) -> None:
    doc = convert(tmp_path, SUB_NUMBERED_ACTIONS_AND_DONE_DATES)
    first, second = doc["recommendations"]
    assert [(a["label"], a["text"]) for a in first["actions"]] == [
        ("1a", "Map current training"), ("1b", "Agree framework"),
    ]
    assert (first["completion"]["status"], first["completion"]["date"]) == (
        "complete", "2025-03-12"
    )
    assert first["extra"] == {"Priority": "High", "Notes": "Framework agreed at Board"}
    assert second["completion"] is None and second["actions"][0]["label"] == "2a"
    assert all(not r["warnings"] for r in doc["recommendations"])


ADDRESSED = """| # | Recommendation | Addressed to |
|---|---|---|
| 1 | The CSP should publish the learning. | Community Safety Partnership |
| 2 | Sussbury Police should record the views of children. | Sussbury Police |
"""


def test_a_bare_list_before_the_action_plan_is_not_read_twice(tmp_path: Path) -> None:
    plan = ADDRESSED + """

| Recommendation | Action | Lead | Target date | Progress |
|---|---|---|---|---|
| 1. The CSP should publish the learning. | Briefing | CSP | May 2025 | Complete |
| 2. Sussbury Police should record the views of children. | Guidance | Police | 2025 | |
"""
    doc = convert(tmp_path, plan)
    assert [(r["number"], r["actions"][0]["text"]) for r in doc["recommendations"]] == [
        ("1", "Briefing"), ("2", "Guidance")]
    assert "only lists the recommendations" in " ".join(w["message"] for w in doc["warnings"])


@pytest.mark.parametrize(("lines", "title"), [
    # the publisher's line above the title: a police force names it too
    (["**Harrowmere Constabulary**", "**Improvement Plan – DHR 'Adult F'**"],
     "Harrowmere Constabulary Improvement Plan – DHR 'Adult F'"),
    # a line that says what the document is belongs to the title, not a section
    (["**Domestic Homicide Review – 'Karen'**", "**Recommendations**"],
     "Domestic Homicide Review – 'Karen' Recommendations"),
    # a plain line under a bold title is the introduction, even when it names the review
    # (a PDF gives a paragraph's first line alone)
    (["**Larchfield Partnership DHR 'Ms G' – Action Plan**",
      "This review template records, for each recommendation of the overview report, the"],
     "Larchfield Partnership DHR 'Ms G' – Action Plan"),
    # ... but a short plain line is a subtitle
    (["**Larchfield Partnership DHR 'Ms G'**", "Action Plan – updated March 2024"],
     "Larchfield Partnership DHR 'Ms G' Action Plan – updated March 2024"),
])
def test_the_title_block(tmp_path: Path, lines: list[str], title: str) -> None:
    doc = convert(tmp_path, "\n\n".join(lines) + "\n\n" + ADDRESSED)
    assert doc["title"] == title
    assert [r["number"] for r in doc["recommendations"]] == ["1", "2"]
    assert [r["owners"][0]["name"] for r in doc["recommendations"]] == [
        "Community Safety Partnership", "Sussbury Police"]


def test_a_label_row_and_the_text_row_under_it_are_one_recommendation(tmp_path: Path) -> None:
    """"Recommendation 1" merged across, its text merged across in the next row, its
    actions below: the two rows are one recommendation, not a label and a row joined to
    actions read as recommendations."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Action", "Lead", "Date", "Progress"],
                          strict=True):
        cell.text = text
    plan = [
        ("Recommendation 1", "Agencies should ensure training covers economic abuse.",
         [("Add an economic abuse module.", "Safeguarding Board", "May 2025", "Complete"),
          ("Evaluate the training.", "Safeguarding Board", "November 2025", "Not started")]),
        ("Recommendation 2", "Probation should check perpetrator history at allocation.",
         [("Add the check to the allocation list.", "Probation Service", "July 2025",
           "In progress")]),
    ]
    for label, text, actions in plan:
        for full in (label, text):
            row = table.add_row()
            row.cells[0].merge(row.cells[3]).text = full
        for action in actions:
            for cell, value in zip(table.add_row().cells, action, strict=True):
                cell.text = value
    path = tmp_path / "plan.docx"
    document.save(str(path))
    doc = plan_to_dict(convert_file(path))
    assert validation_errors(doc) == []
    got = [(r["number"], r["text"], [a["text"] for a in r["actions"]])
           for r in doc["recommendations"]]
    assert got == [
        ("1", "Agencies should ensure training covers economic abuse.",
         ["Add an economic abuse module.", "Evaluate the training."]),
        ("2", "Probation should check perpetrator history at allocation.",
         ["Add the check to the allocation list."]),
    ]
    codes = {w["code"] for r in doc["recommendations"] for w in r["warnings"]}
    assert not codes & {"actions_as_recommendations", "row_joined"}


SAME_WORDS_TWO_NUMBERS = """| No. | Recommendation | Action | Lead | Target date |
|---|---|---|---|---|
| 1 | Agencies to review their domestic abuse training. | Audit training | Police | May 2025 |
| 1 | Agencies to review their domestic abuse training. | Brief staff | Police | June 2025 |
| 2 | Agencies to review their domestic abuse training. | Audit training | Health | July 2025 |
| 2.1 | Agencies to review their domestic abuse training. | Brief GPs | Health | Sept 2025 |
"""


def test_the_same_words_under_another_number_are_another_recommendation(
    tmp_path: Path,
) -> None:
    """A plan that asks two agencies the same thing numbers each: the words repeated on a
    row are the recommendation above's only under its number (or a part of it, "2.1")."""
    doc = convert(tmp_path, SAME_WORDS_TWO_NUMBERS)
    assert [(r["number"], [a["text"] for a in r["actions"]]) for r in doc["recommendations"]] == [
        ("1", ["Audit training", "Brief staff"]),
        ("2", ["Audit training", "Brief GPs"]),
    ]


UNDER_A_SECTION_SET_APART = """| No. | Recommendation | Action | Lead | Timescale |
|---|---|---|---|---|
| 1 | Police to review DASH training. | Refresh training | Police | March 2025 |

Multi-agency recommendations

| 2 | The CSP to publish the review's learning. | Publish a briefing | CSP | 30.09.25 |
| 3 | Health to audit GP records. | Audit 20 records | ICB | Q3 2025/26 |
"""


def test_a_headerless_table_under_a_section_name_goes_on_with_the_table_above(
    tmp_path: Path,
) -> None:
    """A text export sets a table's theme row apart as a paragraph, and the rows after it as
    a table with no header: they are the table above going on under that section, read by
    its header (their dates were kept under extra, column 5, without a warning)."""
    doc = convert(tmp_path, UNDER_A_SECTION_SET_APART)
    assert [(r["number"], r["section"], r["target_dates"][0]["start"])
            for r in doc["recommendations"]] == [
        ("1", None, "2025-03-01"),
        ("2", "Multi-agency recommendations", "2025-09-30"),
        ("3", "Multi-agency recommendations", "2025-10-01"),
    ]
    assert doc["warnings"][-1]["code"] == "table_continued"
