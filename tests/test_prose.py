"""Recommendations as running text (normalize/prose.py): which lines open a recommendation,
which are labelled fields, and what a short page of them gives."""

from pathlib import Path

import pytest

from dhrplan.extract.model import Document, Heading
from dhrplan.normalize.plan import build_plan
from dhrplan.normalize.prose import field_label, prose_plan

# line, (label, value, role) or None
LABELS = [
    ("Response: Accepted", ("Response", "Accepted", None)),
    ("Agency response: Not accepted", ("Agency response", "Not accepted", None)),
    ("Action taken/to be taken:", ("Action taken/to be taken", "", "action")),
    ("Actions:", ("Actions", "", "action")),
    ("Lead: Head of Public Protection", ("Lead", "Head of Public Protection", "owner")),
    ("Lead agency: ASC", ("Lead agency", "ASC", "owner")),
    ("Responsible agency: Police", ("Responsible agency", "Police", "owner")),
    ("Target date: June 2025", ("Target date", "June 2025", "target")),
    ("Timescale: Q3 2025/26", ("Timescale", "Q3 2025/26", "target")),
    ("By when: March 2025", ("By when", "March 2025", "target")),
    ("Progress: In progress – 60%", ("Progress", "In progress – 60%", "completion")),
    ("Status: Complete", ("Status", "Complete", "completion")),
    ("RAG: Amber", ("RAG", "Amber", "completion")),
    ("Evidence of impact: audit results", ("Evidence of impact", "audit results", "outcomes")),
    # sentences and notes are no labels
    ("The training should cover:", None),
    ("This should include:", None),
    ("Note: the review panel met six times", None),
    ("The lead agency should report progress to the board every quarter: in writing", None),
    ("12:30 meeting", None),
]


@pytest.mark.parametrize(("line", "expected"), LABELS, ids=[c[0][:30] for c in LABELS])
def test_field_label(line: str, expected) -> None:
    assert field_label(line) == expected


def _headings(*lines: tuple[str, bool]) -> list[Heading]:
    return [Heading(text, 0, bold) for text, bold in lines]


def test_a_sentence_that_names_a_recommendation_opens_none() -> None:
    blocks = _headings(
        ("Recommendation 1", True), ("The CSP should review its training.", False),
        ("Recommendation 2 was accepted by all agencies.", False),
        ("Recommendation 2: Police should audit their risk assessments.", False),
        ("Recommendation 3", False),
        ("Police should brief call handlers.", False),
    )
    prose = prose_plan(blocks, set())
    assert prose is not None
    texts = [d.rows[0].cells[1].text for d in prose.drafts]
    assert texts == [
        "The CSP should review its training.\nRecommendation 2 was accepted by all agencies.",
        "Police should audit their risk assessments.",
        "Police should brief call handlers.",
    ]


def test_a_page_of_running_text_gives_its_records() -> None:
    blocks = _headings(
        ("Kingsford DHR 'Ms P' – Executive Summary", True),
        ("Recommendations", True),
        ("Recommendation 1", True),
        ("Kingsford CSP should commission training for pharmacists.", False),
        ("• Agree the content with the ICB.", False),
        ("• Deliver two sessions.", False),
        ("Lead: CSP Manager", False),
        ("Target date: From April 2026", False),
        ("Next steps", True),
        ("The Partnership will monitor progress.", False),
    )
    plan = build_plan(Document(Path("ms-p.html"), "html", 0, blocks), "0" * 64, None)
    (record,) = plan.recommendations
    assert (record.section, record.number, record.text) == (
        None, "1", "Kingsford CSP should commission training for pharmacists.")
    assert [a.text for a in record.actions] == ["Agree the content with the ICB.",
                                                "Deliver two sessions."]
    assert [o.name for o in record.owners] == ["CSP Manager"]
    assert [(t.kind, str(t.start), t.end) for t in record.target_dates] == [
        ("ongoing", "2026-04-01", None)]
    assert [w.code for w in record.warnings] == ["running_text"]
    assert [(c.header, c.role) for c in plan.tables[0].columns] == [
        ("Recommendation number", "number"), ("Paragraphs", "recommendation"),
        ("Bullets", "action"), ("Lead", "owner"), ("Target date", "target"),
    ]


def test_a_page_with_neither_table_nor_recommendations_is_refused(tmp_path: Path) -> None:
    from dhrplan.extract.html import read_html
    from dhrplan.extract.model import ExtractError

    page = tmp_path / "minutes.html"
    page.write_text("<h1>Minutes</h1><p>Recommendations were discussed.</p>", "utf-8")
    with pytest.raises(ExtractError, match="no table found"):
        read_html(page)


def test_a_numbered_list_under_recommendations_gives_one_record_each() -> None:
    """No "Recommendation N" heading: the numbered items under "Recommendations" are the
    recommendations, numbered on from each other; a list restarting at 1 inside one is its
    actions."""
    blocks = _headings(
        ("Findings", True), ("1. Mr T told his GP.", False),
        ("Recommendations", True),
        ("1. The CSP should publicise services for male victims.", False),
        ("2. The hospital should ask about domestic abuse.", False),
        ("1. Include routine enquiry in the induction.", False),
        ("2. Audit twenty case notes.", False),
        ("3. GP practices should code disclosures.", False),
        ("4. Lessons learned", True),
        ("5. Male victims may not see themselves as victims.", False),
    )
    prose = prose_plan(blocks, set())
    assert prose is not None
    assert [(d.rows[0].cells[0].text, d.rows[0].cells[1].text, d.rows[0].cells[2].text)
            for d in prose.drafts] == [
        ("1", "The CSP should publicise services for male victims.", ""),
        ("2", "The hospital should ask about domestic abuse.",
         "1. Include routine enquiry in the induction.\n2. Audit twenty case notes."),
        ("3", "GP practices should code disclosures.", ""),
    ]


def test_a_text_export_of_running_text_gives_its_records() -> None:
    """A markdown export of a page with no table ("Recommendation 1" headings, paragraphs,
    a "-" list with no blank line between its items, labelled lines)."""
    from dhrplan.output.jsondoc import plan_to_dict
    from dhrplan.pipeline import convert_file

    doc = plan_to_dict(convert_file(Path(__file__).parent / "fixtures" / "running-text-export.md"))
    got = [
        (r["number"], [a["text"] for a in r["actions"]], [o["name"] for o in r["owners"]],
         [t["end"] for t in r["target_dates"]])
        for r in doc["recommendations"]
    ]
    assert got == [
        ("1", ["Commission a provider", "Deliver six sessions"], ["CSP Manager"], ["2025-03-31"]),
        ("2", ["Audit repeat-call flags"], ["Westshire Police"], []),
    ]
    assert all(w["code"] == "running_text" for r in doc["recommendations"] for w in r["warnings"])
