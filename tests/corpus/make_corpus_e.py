"""Build corpus E: three invented DHR action plans laid out as forms (issue 8): one small
two-column table per recommendation, field labels on the left and values on the right, as
many councils' Word templates print them.

    .venv/bin/python tests/corpus/make_corpus_e.py [NAME...]  # needs soffice (LibreOffice)

The builders are corpus B's (`make_corpus_b.py`) and the PDFs LibreOffice's
(`make_fixtures.to_pdf`); one plan is also exported as a tagged PDF. Every partnership,
person and case is invented. The expected records (`<name>.expected.json`) were written by
reading the printed plans, not from this file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from docx.shared import Cm

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_corpus_b import (  # noqa: E402
    BULLET,
    HEADER_FILL,
    Cell,
    Page,
    Plan,
    add_para,
    build,
    shade,
    title_block,
    write_cell,
)

Field = tuple[str, Cell]


def form_table(doc, fields: Sequence[Field], widths_cm: tuple[float, float], *,
               fill: str | None = None):
    """One two-column table: a label cell (bold, shaded when `fill`) beside its value."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for label, value in fields:
        row = table.add_row()
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
        write_cell(row.cells[0], label, bold=True)
        if fill:
            shade(row.cells[0], fill)
        write_cell(row.cells[1], value)
    return table


# --- 19. form-tables-number-in-label ------------------------------------------------------

def form_tables_number_in_label(doc) -> None:
    title_block(doc, ["Westmarch Community Safety Partnership",
                      "Domestic Homicide Review 'Anna' – Action Plan"])
    add_para(doc, "This action plan sets out how agencies in Westmarch will respond to the "
             "recommendations of the review into the death of Anna, who was 41. Each "
             "recommendation has its own table. Progress is reported to the DHR Steering "
             "Group every quarter; this version was updated in February 2025.",
             space_after_pt=10)
    recs: list[list[Field]] = [
        [("Recommendation 1", ["Westmarch CSP should ensure that the learning from this review "
                               "is shared with all partner agencies.",
                               "The learning should reach front-line staff, not only "
                               "safeguarding leads."]),
         ("Scope", "Local"),
         ("Action(s)", [BULLET + "Produce a seven-minute briefing on the review's learning.",
                        BULLET + "Hold two learning events for front-line practitioners."]),
         ("Lead agency / Action holder", "Westmarch CSP"),
         ("Key milestones", "Briefing approved by the Steering Group; events booked."),
         ("Target date", "March 2025"),
         ("Progress / RAG", "Amber – briefing approved, first event held in January."),
         ("Date completed / Outcome", "")],
        [("Recommendation 2", ["Westmarch Police should review how officers record "
                               "coercive and controlling behaviour at domestic abuse "
                               "incidents.",
                               "In this case three incidents were recorded as verbal "
                               "arguments only."]),
         ("Scope", "Local"),
         ("Action(s)", [BULLET + "Audit 100 domestic abuse incident records.",
                        BULLET + "Update the domestic abuse risk assessment guidance."]),
         ("Lead agency / Action holder", "Westmarch Police"),
         ("Key milestones", "Audit report presented to the Steering Group."),
         ("Target date", "30/06/2025"),
         ("Progress / RAG", "Green – audit completed and guidance updated."),
         ("Date completed / Outcome", "Completed 12/05/2025")],
        [("Recommendation 3", "GP practices should ask about domestic abuse when a patient "
                              "presents with anxiety or depression."),
         ("Scope", "Local"),
         ("Action(s)", [BULLET + "Circulate the routine enquiry guidance to all practices.",
                        BULLET + "Include routine enquiry in the GP safeguarding training."]),
         ("Lead agency / Action holder", "Integrated Care Board"),
         ("Key milestones", "Guidance circulated; training updated."),
         ("Target date", "September 2025"),
         ("Progress / RAG", "Red – not started, awaiting the new training contract."),
         ("Date completed / Outcome", "")],
        [("Recommendation 4", ["The Home Office should amend the statutory guidance so that "
                               "reviews consider the victim's financial circumstances.",
                               "Anna's partner controlled all of the household's money."]),
         ("Scope", "National"),
         ("Action(s)", "Write to the Home Office with the review's findings."),
         ("Lead agency / Action holder", "Westmarch CSP Chair"),
         ("Key milestones", "Letter sent."),
         ("Target date", "April 2025"),
         ("Progress / RAG", "Green – letter sent on 3 March 2025."),
         ("Date completed / Outcome", "Completed 03/03/2025")],
    ]
    for fields in recs:
        form_table(doc, fields, (4.5, 12.0))
        add_para(doc, space_after_pt=8)


# --- 20. form-tables-heading-above --------------------------------------------------------

def form_tables_heading_above(doc) -> None:
    title_block(doc, ["Ashcombe Safer Partnership",
                      "Domestic Homicide Review into the death of Mrs D",
                      "Action Plan"])
    add_para(doc, "Mrs D was 68 when she was killed by her son. The review panel made five "
             "recommendations. Each one is set out below with the agency that leads on it, "
             "the actions agreed and the progress reported at the panel's last meeting.",
             space_after_pt=10)
    recs: list[tuple[str, list[Field]]] = [
        ("Recommendation 1", [
            ("Recommendation", ["Adult Social Care should make sure that carers' assessments "
                                "ask about the risk posed by the person cared for.",
                                "Mrs D cared for her son for eleven years and was never "
                                "asked whether she felt safe."]),
            ("Agency", "Adult Social Care"),
            ("Actions", [BULLET + "Add a question on safety to the carers' assessment form.",
                         BULLET + "Brief all social workers on the change."]),
            ("Responsible officer", "Head of Safeguarding Adults"),
            ("Timescale", "December 2025"),
            ("Status", "In progress – form changed, briefings planned for October.")]),
        ("Recommendation 2", [
            ("Recommendation", "The mental health trust should involve family carers in "
                               "discharge planning."),
            ("Agency", "Ashcombe Mental Health NHS Trust"),
            ("Actions", [BULLET + "Revise the discharge policy.",
                         BULLET + "Audit ten discharges after six months."]),
            ("Responsible officer", "Trust Safeguarding Lead"),
            ("Timescale", "Q4 2025/26"),
            ("Status", "Not started")]),
        ("Recommendation 3", [
            ("Recommendation", "Ashcombe Police should refer older victims to the IDVA "
                               "service after every domestic abuse incident."),
            ("Agency", "Ashcombe Police"),
            ("Actions", "Remind officers of the referral pathway through the weekly "
                        "briefing."),
            ("Responsible officer", "DCI Public Protection"),
            ("Timescale", "June 2025"),
            ("Status", "Completed (May 2025)")]),
        ("Recommendation 4", [
            ("Recommendation", ["The CSP should publicise domestic abuse services to older "
                                "people.",
                                "Publicity should be placed where older people go, such as "
                                "pharmacies and day centres."]),
            ("Agency", "Ashcombe Safer Partnership"),
            ("Actions", [BULLET + "Produce a leaflet with older survivors.",
                         BULLET + "Distribute the leaflet to pharmacies and day centres."]),
            ("Responsible officer", "Domestic Abuse Coordinator"),
            ("Timescale", "March 2026"),
            ("Status", "On track – leaflet drafted with the survivors' group.")]),
        ("Recommendation 5", [
            ("Recommendation", "The Housing service should ask about domestic abuse at every "
                               "tenancy visit."),
            ("Agency", "Ashcombe Homes"),
            ("Actions", "Add domestic abuse to the tenancy visit checklist."),
            ("Responsible officer", "Tenancy Services Manager"),
            ("Timescale", "TBC"),
            ("Status", "Delayed")]),
    ]
    for heading, fields in recs:
        add_para(doc, heading, bold=True, size_pt=12, space_after_pt=4)
        form_table(doc, fields, (4.0, 12.5), fill=HEADER_FILL)
        add_para(doc, space_after_pt=8)


# --- 21. form-long-table-shaded-landscape -------------------------------------------------

LABEL_FILL = "DEEAF6"


def form_long_table_shaded_landscape(doc) -> None:
    title_block(doc, ["Harrowby Domestic Abuse Partnership",
                      "DHR 'Claire' – Recommendations and Action Plan"])
    add_para(doc, "The recommendations below are taken from the overview report. The plan was "
             "agreed by the partnership board in September 2024 and is monitored by the DHR "
             "sub-group.", space_after_pt=10)
    blocks: list[list[Field]] = [
        [("Recommendation 1", ["Harrowby Domestic Abuse Partnership should commission "
                               "specialist support for victims who are in work.",
                               "Claire worked full time and could not attend the daytime "
                               "sessions she was offered."]),
         ("Agency", "Harrowby Domestic Abuse Partnership"),
         ("Action", [BULLET + "Map the evening and weekend support now available.",
                     BULLET + "Commission an evening outreach service."]),
         ("Lead officer", "Partnership Manager"),
         ("Target date", "31 March 2025"),
         ("RAG rating", "Amber")],
        [("Recommendation 2", ["Employers in the public sector should adopt a domestic "
                               "abuse workplace policy.",
                               "The policy should tell managers how to respond when a member "
                               "of staff discloses abuse, and where to refer them.",
                               "The partnership should offer a model policy that employers "
                               "can adapt."]),
         ("Agency", "Harrowby Council"),
         ("Action", [BULLET + "Draft a model workplace policy.",
                     BULLET + "Ask each public sector employer in Harrowby to adopt it.",
                     BULLET + "Train managers in the council's own services first."]),
         ("Lead officer", "Head of Human Resources"),
         ("Target date", "September 2025"),
         ("RAG rating", "Green")],
        [("Recommendation 3", ["Harrowby Police should make sure that bail conditions are "
                               "explained to the victim before the suspect is released.",
                               "Claire did not know that her partner's bail conditions had "
                               "been lifted."]),
         ("Agency", "Harrowby Police"),
         ("Action", [BULLET + "Update the victim contact procedure.",
                     BULLET + "Audit victim contact for 50 cases released on bail."]),
         ("Lead officer", "Superintendent, Safeguarding"),
         ("Target date", "December 2024"),
         ("RAG rating", "Green")],
        [("Recommendation 4", ["GP practices should record domestic abuse disclosures with "
                               "the agreed clinical code.",
                               "Two disclosures made to Claire's GP were recorded in free "
                               "text only and were not seen by the locum who saw her later.",
                               "The ICB should check that the code is used."]),
         ("Agency", "Harrowby Integrated Care Board"),
         ("Action", [BULLET + "Remind practices of the clinical code in the safeguarding "
                              "newsletter.",
                     BULLET + "Run a search of coded disclosures in each practice.",
                     BULLET + "Report the results to the DHR sub-group."]),
         ("Lead officer", "Designated Nurse, Safeguarding Adults"),
         ("Target date", "June 2025"),
         ("RAG rating", "Red")],
        [("Recommendation 5", "The partnership should tell Claire's family how the plan is "
                              "progressing every six months."),
         ("Agency", "Harrowby Domestic Abuse Partnership"),
         ("Action", "Write to the family after each sub-group meeting."),
         ("Lead officer", "Partnership Manager"),
         ("Target date", "Ongoing"),
         ("RAG rating", "Green")],
        [("Recommendation 6", ["Harrowby Council's housing service should offer a "
                               "sanctuary scheme assessment to every victim assessed as "
                               "high risk.",
                               "Claire was assessed as high risk twice but was not offered "
                               "extra security at her home."]),
         ("Agency", "Harrowby Council"),
         ("Action", [BULLET + "Add the sanctuary scheme to the MARAC action checklist.",
                     BULLET + "Report take-up to the partnership board each quarter."]),
         ("Lead officer", "Housing Options Manager"),
         ("Target date", "March 2025"),
         ("RAG rating", "Amber")],
    ]
    table = form_table(doc, [f for block in blocks for f in block], (5.0, 19.5),
                       fill=LABEL_FILL)
    del table
    add_para(doc)
    add_para(doc, "Plan owner: DHR sub-group, Harrowby Domestic Abuse Partnership.")


PLANS = {
    "form-tables-number-in-label": Plan(form_tables_number_in_label, Page(size_pt=10)),
    "form-tables-heading-above": Plan(form_tables_heading_above, Page(size_pt=11)),
    "form-long-table-shaded-landscape": Plan(
        form_long_table_shaded_landscape, Page(landscape=True, size_pt=11, margin_cm=1.5),
        tagged=True),
}


def main(names: list[str]) -> None:
    """Build the named plans (all of them without arguments)."""
    build(PLANS, names)


if __name__ == "__main__":
    main(sys.argv[1:])
