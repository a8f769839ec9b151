"""Build corpus B: six invented DHR action plans in layouts unlike the samples (issue 8).

    .venv/bin/python tests/corpus/make_corpus_b.py [NAME...]  # needs soffice (LibreOffice)

Each plan is written as a council would write it in Word (python-docx), saved as
`<name>.docx` and turned into `<name>.pdf` by LibreOffice; two are also exported as tagged
PDFs (`<name>-tagged.pdf`). Every CSP, person and case is invented. The expected records
(`<name>.expected.json`) are written by hand from the printed plan, not from this file, so
a slip here shows up as a difference instead of being copied into the answer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "fixtures"))
from make_fixtures import (  # noqa: E402
    new_document,
    set_page,
    set_repeat_header,
    shade,
    to_pdf,
)

BULLET = "* "
"""A cell paragraph starting with this is written in Word's "List Bullet" style (the glyph
comes from the numbering, not the text); "•" typed into the text stays as typed."""

HEADER_FILL = "D9D9D9"
THEME_FILL = "DEEAF6"

Cell = str | Sequence[str]


@dataclass(frozen=True)
class Page:
    """Paper and type for one plan: councils use A4 portrait or landscape, Arial 9-11pt."""

    landscape: bool = False
    font: str = "Arial"
    size_pt: float = 10
    margin_cm: float = 2.0


def new_plan(page: Page) -> DocxDocument:
    """Word's own List Bullet spacing kept, as these plans were first made."""
    return new_document(page.font, page.size_pt, landscape=page.landscape,
                        margin_cm=page.margin_cm, tight_bullets=False)


def set_orientation(section, page: Page) -> None:
    set_page(section, landscape=page.landscape, margin_cm=page.margin_cm)


def add_para(doc_or_cell, text: str = "", *, bold: bool = False, size_pt: float | None = None,
             style: str | None = None, space_after_pt: float = 0):
    para = doc_or_cell.add_paragraph(style=style)
    if text:
        run = para.add_run(text)
        run.bold = bold
        if size_pt:
            run.font.size = Pt(size_pt)
    para.paragraph_format.space_after = Pt(space_after_pt)
    return para


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def write_cell(cell, value: Cell, *, bold: bool = False) -> None:
    """Write one paragraph per item; BULLET items as Word bullets, "  " items indented (the
    sub-paragraph under a typed "•" bullet)."""
    paragraphs = [value] if isinstance(value, str) else list(value)
    cell.text = ""
    for run in cell.paragraphs[0].runs:  # the empty run `cell.text = ""` leaves behind
        run._r.getparent().remove(run._r)
    for i, text in enumerate(paragraphs):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if text.startswith(BULLET):
            para.style = "List Bullet"
            text = text[len(BULLET):]
        elif text.startswith("  "):
            para.paragraph_format.left_indent = Cm(0.7)
            text = text.strip()
        elif text.startswith("• "):
            para.paragraph_format.left_indent = Cm(0.4)
            para.paragraph_format.first_line_indent = Cm(-0.4)
        para.add_run(text).bold = bold


def add_table(doc, header: Sequence[str], widths_cm: Sequence[float], *,
              fill: str | None = HEADER_FILL):
    """A ruled table with fixed column widths and a header row Word repeats on each page."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    row = table.rows[0]
    set_repeat_header(row)
    for cell, text in zip(row.cells, header, strict=True):
        write_cell(cell, text, bold=True)
        if fill:
            shade(cell, fill)
    return table


def add_row(table, values: Sequence[Cell], *, bold_first: bool = False):
    row = table.add_row()
    for i, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
        cell.width = table.columns[i].width
        write_cell(cell, value, bold=bold_first and i == 0)
    return row


def full_width_row(table, text: str, fill: str = THEME_FILL) -> None:
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    write_cell(merged, text, bold=True)
    shade(merged, fill)


def merge_down(table, column: int, first: int, last: int) -> None:
    """Merge one column's cells from row `first` to `last` (a vertical merge, kept once)."""
    top, bottom = table.rows[first].cells[column], table.rows[last].cells[column]
    keep = list(top.paragraphs)
    merged = top.merge(bottom)
    for para in merged.paragraphs[len(keep):]:
        para._p.getparent().remove(para._p)


def title_block(doc, lines: Sequence[str], size_pt: float = 14) -> None:
    for line in lines:
        add_para(doc, line, bold=True, size_pt=size_pt)
    add_para(doc)


# --- 7. rec-paragraph-above-table -------------------------------------------------------

def rec_paragraph_above_table(doc) -> None:
    title_block(doc, ["Safer Eastbrook Partnership – Domestic Homicide Review 'Ms X' – "
                      "Action Plan"])
    add_para(doc, "Version 3, updated January 2025. This plan sets out the recommendations of "
             "the review into the death of Ms X, who was 74 when she was killed by her husband "
             "at their home in Eastbrook. Each recommendation is followed by the actions "
             "agreed by the agencies concerned. Progress is reported to the DHR Standing Panel "
             "every quarter and the plan is updated after each meeting.", space_after_pt=6)
    add_para(doc, "The Panel would like to thank Ms X's family for their contribution to the "
             "review. Her daughter asked that the plan should make it easier for older women "
             "to find help, and several of the actions below come from that request.",
             space_after_pt=10)
    header = ["Action", "Owner", "By when", "Status"]
    widths = [7.0, 3.6, 2.6, 3.8]
    doc.add_heading("Partnership recommendations", level=2)
    recs = [
        ("Recommendation 1: The Safer Eastbrook Partnership should commission a review of how "
         "domestic abuse services are publicised to older victims. The review should consider "
         "the places older people actually go, including GP surgeries, pharmacies and faith "
         "groups. Its findings should be reported to the Partnership Board within six months.",
         [],
         [("Map current publicity material and where it is displayed.",
           "CSP Domestic Abuse Coordinator", "December 2023", "Completed (Nov 2023)"),
          ("Consult older survivors through the IDVA service about where they would look for "
           "help.", "IDVA Service Manager", "March 2024",
           "On track – two focus groups held, a third planned for February"),
          ("Report findings and recommendations to the Partnership Board.", "CSP Manager",
           "30/06/2024", "Not started")]),
        ("Recommendation 2: Agencies should ensure that practitioners ask about domestic abuse "
         "when an older person presents with unexplained injuries. Routine enquiry should not "
         "depend on the age of the patient or client. Each agency should confirm to the "
         "Partnership how this is reflected in its own policy.",
         [],
         [("Adult Social Care to update its safeguarding practice guidance to include routine "
           "enquiry.", "ASC Principal Social Worker", "Q1 2024/25", "Closed"),
          ("GP practices to be reminded of routine enquiry through the ICB safeguarding "
           "newsletter.", "ICB Designated Nurse", "January 2024", "Closed"),
          (["Eastbrook Hospitals NHS Trust to add a domestic abuse prompt to the emergency "
            "department frailty assessment.",
            "The prompt will be tested on two wards before it is rolled out across the Trust."],
           "Trust Safeguarding Lead", "September 2024",
           "Behind schedule – IT change request delayed until the new patient record system "
           "goes live")]),
    ]
    for text, bullets, actions in recs:
        rec_with_actions(doc, text, bullets, actions, header, widths)
    doc.add_heading("Single agency recommendations", level=2)
    recs = [
        ("Recommendation 3: Eastbrook Police should review how call handlers record repeat "
         "calls from the same address. In this case four calls in eleven months were graded "
         "separately and the pattern was not seen. The force should be able to show that "
         "repeat callers are identified at the point of contact.",
         [],
         [(["Add a repeat-address flag to the command and control system.",
            "The flag will show the number of calls from the address in the last twelve "
            "months, and will prompt the call handler to check for previous DASH risk "
            "assessments and MARAC referrals before the call is graded."],
           "Eastbrook Police – Contact Management", "31 March 2024", "Completed (Feb 2024)"),
          ("Brief all call handlers on the flag and the escalation route to a supervisor.",
           "Eastbrook Police – Contact Management", "April 2024",
           "On track – 60% of call handlers briefed"),
          ("Dip-sample 50 repeat-address incidents three months after the flag goes live.",
           "Eastbrook Police Professional Standards", "Within 6 months of publication",
           "Not started")]),
        ("Recommendation 4: Eastbrook Housing should strengthen its response when a tenant "
         "discloses domestic abuse. It should make sure that every disclosure:",
         ["is recorded on the tenancy file;",
          "leads to a DASH risk assessment being offered;",
          "is followed up by the housing officer within five working days."],
         [("Revise the tenancy management procedure and the disclosure form.",
           "Eastbrook Housing – Head of Tenancy Services", "Autumn 2024",
           "On track – draft procedure out for consultation with tenants' panel"),
          ("Train housing officers in the DASH risk checklist and referral to the IDVA "
           "service.", "Eastbrook Housing / IDVA Service", "Ongoing",
           "Behind schedule – training postponed twice because of staff shortages")]),
        ("Recommendation 5: Eastbrook Mental Health NHS Trust should ensure that carers' "
         "assessments consider whether the carer is also a victim of domestic abuse. Ms X was "
         "seen as her husband's carer and her own needs were not explored. Staff should speak "
         "to carers alone at least once during every assessment.",
         [],
         [("Amend the carer's assessment template to include questions asked when the carer "
           "is seen alone.", "Eastbrook Mental Health NHS Trust", "December 2023", "Closed"),
          ("Audit 20 carers' assessments for evidence that the carer was seen alone.",
           "Eastbrook Mental Health NHS Trust", "June 2024", "Completed (Jun 2024)")]),
    ]
    for text, bullets, actions in recs:
        rec_with_actions(doc, text, bullets, actions, header, widths)
    add_para(doc, "Plan owner: Safer Eastbrook Partnership DHR Standing Panel.")


def rec_with_actions(doc, text: str, bullets: Sequence[str], actions, header, widths) -> None:
    add_para(doc, text, bold=True, space_after_pt=2)
    for bullet in bullets:
        add_para(doc, bullet, style="List Bullet")
    add_para(doc, space_after_pt=2)
    table = add_table(doc, header, widths)
    for action in actions:
        add_row(table, action)
    add_para(doc, space_after_pt=8)


# --- 8. no-header-row-content-roles -----------------------------------------------------

def no_header_row_content_roles(doc) -> None:
    title_block(doc, ["Northmoor Community Safety Partnership",
                      "DHR Adult B – Action Plan and Progress Tracker"], size_pt=13)
    add_para(doc, "This tracker records the recommendations of the domestic homicide review "
             "into the death of Adult B and the progress each agency has reported. It is "
             "reviewed at every meeting of the Northmoor Domestic Abuse Strategic Board. "
             "Agencies send their updates to the CSP team two weeks before each meeting.",
             space_after_pt=6)
    add_para(doc, "Adult B was a 38-year-old woman who lived with her partner and two "
             "children. She had contact with her GP, the police, housing and mental health "
             "services in the two years before her death. The review found that each agency "
             "held part of the picture but no agency saw the whole of it.", space_after_pt=10)
    table = add_table(doc, ["Item", "Detail", "Who", "When", "Update"],
                      [1.1, 7.9, 2.4, 2.3, 3.3])
    rows = [
        ("1", "The Northmoor Community Safety Partnership should ensure that the learning from "
         "this review is shared with all partner agencies through a seven-minute briefing and "
         "a series of practitioner learning events.", "CSP", "June 2024",
         "Update Jan 2025: three of five sessions held"),
        ("2", "GP practices should record in the patient record when a patient discloses "
         "domestic abuse, using the agreed clinical codes, so that the information is visible "
         "to every clinician who sees the patient.", "GP practices / ICB", "31.03.2024",
         "Briefing circulated to all practices; audit booked for June"),
        ("3", ["Northmoor Police should review the quality of DASH risk assessments completed "
               "by response officers, with particular attention to questions left unanswered "
               "or answered on the victim's behalf.",
               "The review should report the proportion of assessments with one or more blank "
               "answers and compare it with the previous year."],
         "Police", "Q2 2024/25", "Partly done"),
        ("4", "Adult Social Care should make sure that every referral that mentions domestic "
         "abuse is screened by a worker trained in domestic abuse, and that the screening "
         "decision and its reasons are recorded.", "ASC", "Spring 2024", "Complete"),
        ("5", "The IDVA service should offer contact to every victim discussed at MARAC within "
         "two working days of the meeting, including victims assessed as medium risk who are "
         "referred to MARAC by professional judgement.", "IDVA service", "Ongoing", "Delayed"),
        ("6", "MARAC should review its information-sharing agreement so that housing providers "
         "and substance misuse services are full members and receive the agenda and minutes.",
         "MARAC Chair", "September 2024", "Not started"),
        ("7", ["Northmoor Homes should train its neighbourhood officers to recognise and report "
               "signs of domestic abuse during tenancy visits. Training should include:",
               BULLET + "coercive and controlling behaviour;",
               BULLET + "economic abuse, including control of rent and benefit payments;",
               BULLET + "how to make a safeguarding referral and when to call the police."],
         "Housing", "December 2024", "Update Nov 2024: 42 of 60 officers trained"),
        ("8", "The Probation Service should ensure that when a person on probation is the "
         "subject of a domestic abuse call-out, the probation practitioner is told within 24 "
         "hours.", "Probation Service", "Within 3 months of publication", "Done"),
        ("9", "Northmoor Mental Health NHS Trust should ensure that risk assessments for "
         "patients with a history of violence include the risk to current and former "
         "partners, and that the partner is told how to contact the crisis team.",
         "Mental Health Trust", "2024/25",
         "In progress – template revised, awaiting sign-off by the Trust's safeguarding "
         "committee"),
        ("10", "Children's Social Care should ensure that when a child's case is closed, the "
         "closing summary records any domestic abuse known to the service and the safety plan "
         "agreed with the non-abusing parent.", "Children's Social Care", "March 2025",
         "Behind schedule"),
        ("11", "The Community Safety Partnership should ask the Home Office to include in its "
         "guidance on domestic homicide reviews advice on reviews where the victim was also "
         "caring for the perpetrator.", "CSP", "TBC", ""),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Tracker maintained by the Northmoor CSP team.")


# --- 9. merged-rec-own-rows -------------------------------------------------------------

def merged_rec_own_rows(doc) -> None:
    title_block(doc, ["Westvale Safer Communities Partnership",
                      "Domestic Homicide Review – Adult C", "Action Plan"])
    add_para(doc, "Agreed by the Westvale Safer Communities Partnership Board on 7 November "
             "2023. Each recommendation is broken down into numbered actions, each with its "
             "own responsible officer, deadline and status. Status is updated by the "
             "responsible officer before each meeting of the DHR Steering Group.",
             space_after_pt=10)
    table = add_table(doc, ["No.", "Recommendation", "Action", "Responsible", "Deadline",
                            "Status"], [1.8, 7.6, 7.4, 3.6, 2.8, 3.5])
    recs = [
        ("1", ["Westvale Safer Communities Partnership should develop a multi-agency protocol "
               "for responding to domestic abuse where the victim has a learning disability.",
               "The protocol should set out which agency leads, how the victim's own views "
               "are sought and when an independent advocate is needed."],
         [("Convene a task and finish group with ASC, Police, the IDVA service and the "
           "Learning Disability Partnership Board.", "CSP Manager", "January 2024",
           "Completed 12.03.2024"),
          ("Draft the protocol and consult people with lived experience and their carers.",
           "Task and finish group", "May 2024", "Completed 20.05.2024"),
          ("Launch the protocol at a multi-agency practitioner event.", "CSP Manager",
           "July 2024", "Completed 09.07.2024")]),
        ("2", ["Adult Social Care should ensure that safeguarding enquiries involving domestic "
               "abuse consider the risk posed by family members other than partners, "
               "including adult children and grandchildren.",
               "Adult C was killed by her grandson, who had lived with her for three years. "
               "The enquiries made in 2021 and 2022 looked only at her former husband.",
               "Practitioners should consider the whole household."],
         [("Amend the safeguarding enquiry template to prompt consideration of every adult "
           "family member in the household.", "ASC Head of Safeguarding", "31/03/2024",
           "Completed 28.02.2024"),
          (["Deliver briefings on adult family violence to all locality teams.",
            "Briefings to include a case study drawn from this review and the Panel's "
            "findings on professional curiosity."],
           "ASC Principal Social Worker", "Summer 2024", "In progress – 5 of 8 teams briefed"),
          ("Audit a sample of 30 enquiries for evidence that other family members were "
           "considered.", "ASC Quality Assurance Team", "December 2024", "Not started"),
          ("Report the audit findings to the Westvale Safeguarding Adults Board.",
           "ASC Head of Safeguarding", "Q4 2024/25", "Not started")]),
        ("3", ["Westvale Police should ensure that officers attending a domestic incident "
               "where a child is present record the child's details and make a referral to "
               "Children's Social Care."],
         [("Remind all response officers of the requirement through the daily briefing "
           "system.", "Westvale Police – Public Protection", "November 2023", "Complete"),
          ("Children's Social Care to confirm receipt of referrals within 24 hours and feed "
           "back to the referring officer.", "Children's Social Care", "February 2024",
           "Ongoing"),
          ("Joint audit of referrals by Police and Children's Social Care.",
           "Police / Children's Social Care", "Spring 2025", "Not yet begun")]),
        ("4", ["The ICB should work with GP practices so that a patient who discloses domestic "
               "abuse is offered a referral to the IDVA service, and the offer and the "
               "patient's response are recorded."],
         [("Add an IDVA referral pathway to the GP safeguarding toolkit.",
           "ICB Safeguarding Team", "30.06.2024", "Complete"),
          ("Deliver IRIS training to practices in the two localities not yet covered.",
           "ICB / IRIS Advocate Educator", "2024/25", "Amber – one locality trained")]),
        ("5", ["Westvale Housing should ensure that when a joint tenancy ends because of "
               "domestic abuse, the victim is given advice on their housing options before "
               "the tenancy is closed."],
         [("Update the tenancy termination checklist.", "Westvale Housing",
           "End of March 2024", "Complete"),
          ("Provide guidance to housing options staff on sanctuary schemes and management "
           "transfers.", "Westvale Housing Options", "TBC", "Delayed")]),
    ]
    roman = ["i", "ii", "iii", "iv"]
    for number, text, actions in recs:
        first = len(table.rows)
        for i, (action, owner, deadline, status) in enumerate(actions):
            rec = ["Recommendation " + number, *text] if i == 0 else ""
            add_row(table, [f"{number} ({roman[i]})", rec, action, owner, deadline, status])
            if i == 0:
                table.rows[-1].cells[1].paragraphs[0].runs[0].bold = True
        merge_down(table, 1, first, len(table.rows) - 1)
    add_para(doc)
    add_para(doc, "Next review: DHR Steering Group, March 2025.")


# --- 10. two-tables-different-columns ---------------------------------------------------

def two_tables_different_columns(doc) -> None:
    title_block(doc, ["Southbridge Community Safety Partnership",
                      "Domestic Homicide Review into the death of 'Ms W'",
                      "Action Plan – March 2024"], size_pt=13)
    add_para(doc, "The review made twelve recommendations: four for the partnership as a "
             "whole and eight for individual agencies. The multi-agency recommendations are "
             "owned by the Southbridge CSP and monitored by its Domestic Abuse Partnership "
             "Board. The single agency recommendations are monitored by each agency's own "
             "governance and reported to the Board using a RAG rating.", space_after_pt=10)
    doc.add_heading("Multi-agency recommendations", level=2)
    table = add_table(doc, ["Recommendation", "Action", "Lead", "Target date", "Progress"],
                      [5.2, 4.6, 2.4, 2.3, 2.5])
    rows = [
        (["MA1 The Southbridge CSP should develop a domestic abuse workforce training "
          "strategy covering all partner agencies.",
          "The strategy should set minimum training levels for each role and say how "
          "attendance will be monitored."],
         ["a) Map existing domestic abuse training across agencies.",
          "b) Agree minimum standards with the Domestic Abuse Partnership Board.",
          "c) Publish the strategy on the CSP website."],
         "CSP Domestic Abuse Lead", "December 2024",
         "In progress – mapping complete, standards under discussion"),
        (["MA2 Southbridge Safeguarding Adults Board and the CSP should agree a joint protocol "
          "for cases where a victim of domestic abuse also has care and support needs."],
         [BULLET + "Draft a joint protocol.",
          BULLET + "Agree an escalation route between MARAC and the Safeguarding Adults Board."],
         "SAB Business Manager / CSP Manager", "Q3 2024/25", "Not started"),
        (["MA3 Agencies should ensure that interpreters used in domestic abuse cases are "
          "independent of the family and are never family members or friends of the victim "
          "or the perpetrator.",
          "Ms W's husband interpreted for her at three GP appointments and at one police "
          "visit."],
         [BULLET + "All agencies to confirm that their interpreting policy reflects this.",
          BULLET + "Police and health agencies to audit interpreter use in domestic abuse "
                   "cases over six months."],
         "All agencies", "September 2024",
         "Complete – confirmed by all agencies at the DHR Panel, 12.09.2024"),
        (["MA4 The ICB should commission a specialist domestic abuse advocate based in the "
          "emergency department of Southbridge General Hospital."],
         [BULLET + "Develop a business case with the hospital Trust.",
          BULLET + "Seek funding through the Domestic Abuse Duty."],
         "ICB", "2025", "Behind schedule – funding decision deferred to April 2025"),
    ]
    for row in rows:
        add_row(table, row)
    landscape = doc.add_section()
    set_orientation(landscape, Page(landscape=True))
    doc.add_heading("Single agency recommendations", level=2)
    table = add_table(doc, ["Agency", "Recommendation", "Actions", "Timescale", "RAG"],
                      [3.8, 8.8, 8.4, 3.0, 1.7])
    rows = [
        ("Southbridge Police",
         "SA1 Southbridge Police should ensure that officers attending a domestic incident use "
         "body-worn video and that the footage is kept for evidence-led prosecutions.",
         [BULLET + "Reissue body-worn video guidance to all response officers.",
          BULLET + "Quarterly compliance check by the force Domestic Abuse Lead."],
         "March 2024", "Green"),
        ("Southbridge Police",
         "SA2 Southbridge Police should review the use of Domestic Violence Protection Notices "
         "where the victim does not support a prosecution.",
         [BULLET + "Review of DVPN use over the last 12 months.",
          BULLET + "Present the findings to the Force Domestic Abuse Board."],
         "Q1 2024", "Amber"),
        ("Adult Social Care",
         ["SA3 Adult Social Care should ensure that carers' assessments explore whether the "
          "carer is at risk of domestic abuse from the person they care for.",
          "Ms W cared for her husband after his stroke, and the carer's assessment completed "
          "in 2022 did not ask about her safety. The assessment was completed with both of "
          "them in the room."],
         [BULLET + "Revise the carers' assessment form so that the carer is seen alone.",
          BULLET + "Issue practice guidance to all adult social care teams, with a briefing "
                   "at each team meeting."],
         "30/09/2024", "Red"),
        ("Southbridge University Hospitals NHS Trust",
         ["SA4 The Trust should ensure that maternity staff ask every woman about domestic "
          "abuse when she is seen alone, at least once in each trimester.",
          "Routine enquiry should be recorded even when the answer is no, so that its absence "
          "can be seen in an audit."],
         [BULLET + "Update the routine enquiry guidance for midwives.",
          BULLET + "Add a mandatory field to the electronic maternity record.",
          BULLET + "Send a monthly compliance report to the Safeguarding Committee."],
         "Summer 2024", "Green"),
        ("Children's Social Care",
         ["SA5 Children's Social Care should ensure that assessments of children living with "
          "domestic abuse include the views of the non-abusing parent on safety planning.",
          "In this case the assessment recorded the views of the children and of their "
          "father, who was the perpetrator, but not those of Ms W."],
         [BULLET + "Amend the child and family assessment template.",
          BULLET + "Deliver a briefing to all social work teams."],
         "January 2025", "Amber"),
        ("Probation Service",
         ["SA6 The Probation Service should ensure that domestic abuse enquiries to the "
          "police and Children's Social Care are made before every pre-sentence report is "
          "written.",
          "The responses should be recorded on the case management system."],
         [BULLET + "Audit of 40 pre-sentence reports by the Head of Public Protection."],
         "Within 3 months of publication", "Green"),
        ("Southbridge Homes",
         ["SA7 Southbridge Homes should ensure that a tenant who reports antisocial behaviour "
          "by a partner or former partner is asked about domestic abuse before the report is "
          "treated as a neighbour dispute.",
          "Ms W's two reports of noise and damage at her flat were closed as neighbour "
          "disputes, although the person named was her husband."],
         [BULLET + "Amend the antisocial behaviour triage script to include a domestic abuse "
                   "question.",
          BULLET + "Train the antisocial behaviour team in the DASH risk checklist.",
          BULLET + "Dip-sample closed antisocial behaviour cases every quarter."],
         "Q4 2024/25", "Amber"),
        ("IDVA Service",
         ["SA8 The IDVA service should ensure that when a victim cannot be contacted after a "
          "MARAC referral, the attempts made and the reasons for closing the case are shared "
          "with the referrer.",
          "Ms W was referred twice and both cases were closed after three unanswered calls. "
          "The referring agencies were not told.",
          "The service should also consider whether contact could be made through a "
          "professional the victim already trusts, such as her GP or midwife."],
         [BULLET + "Revise the IDVA case closure procedure.",
          BULLET + "Add a closure notification to the MARAC referral process.",
          BULLET + "Report the number of cases closed without contact to the Domestic Abuse "
                   "Partnership Board each quarter."],
         "31 October 2024", "Green"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "RAG: Green – complete; Amber – in progress; Red – not started.")


# --- 11. coded-refs-bullets -------------------------------------------------------------

CODED_HEADER = ["Ref", "Recommendation", "Actions", "Lead", "Key milestones", "Target date",
                "Evidence of impact", "Status"]
CODED_WIDTHS = [2.1, 4.9, 5.6, 2.5, 3.4, 2.1, 3.6, 2.5]


def coded_refs_bullets(doc) -> None:
    title_block(doc, ["Kingsford Safer Partnership",
                      "Domestic Homicide Review DHR17 ('Adult E')",
                      "Recommendations and Action Plan"], size_pt=13)
    add_para(doc, "Recommendations are referenced DHR17/R1 to DHR17/R6 as in the overview "
             "report. They are grouped by the organisation they are addressed to. Evidence of "
             "impact is reviewed by the DHR Oversight Group six months after each action is "
             "completed.", space_after_pt=10)
    sections = [
        ("Kingsford Safeguarding Adults Board", [
            ("DHR17/R1",
             "Kingsford Safeguarding Adults Board should seek assurance that partner agencies "
             "understand how to apply the Mental Capacity Act where a victim of domestic abuse "
             "appears to make unwise decisions.",
             ["• Deliver multi-agency MCA and domestic abuse workshops.",
              "  Two workshops in each locality, open to all partner agencies.",
              "• Publish a practice briefing on capacity and coercive control."],
             "SAB Business Manager",
             ["Workshops scheduled", "Practice briefing published"],
             "31.03.2024",
             ["Workshop evaluations show improved confidence",
              "MCA audit shows capacity considered in domestic abuse cases"],
             "Completed 14.11.2023"),
            ("DHR17/R2",
             "Kingsford Safeguarding Adults Board should include domestic abuse in its "
             "multi-agency case file audit programme for 2024/25.",
             ["• Add a domestic abuse themed audit to the programme.",
              "• Report the findings to the Board.",
              "  The report will include the views of the practitioners involved."],
             "SAB Quality and Performance Subgroup",
             ["Audit in programme", "Audit completed", "Findings reported"],
             "2024/25",
             ["Audit findings lead to changes in practice"],
             "In progress"),
        ]),
        ("Kingsford Police", [
            ("DHR17/R3",
             "Kingsford Police should ensure that stalking is considered whenever a victim "
             "reports repeated unwanted contact from a former partner.",
             ["• Build a stalking screening tool into the domestic abuse risk form.",
              "  Mandatory for all domestic abuse reports from 1 April 2024.",
              "• Train all frontline officers and staff in its use.",
              "  Delivered through the force's online learning system, with a face-to-face "
              "session for supervisors."],
             "Detective Superintendent, Public Protection",
             ["Screening tool live", "90% of frontline staff trained"],
             "April 2024",
             ["Increase in stalking offences recorded",
              "Increase in stalking protection orders applied for"],
             "Completed 02.05.2024"),
            ("DHR17/R4",
             ["Kingsford Police should review its policy on returning firearms and shotgun "
              "certificates after a domestic abuse allegation.",
              "Adult E's husband had his shotgun certificate returned four months after she "
              "told the police that he had threatened her. No check was made with her or "
              "with the couple's GP before the decision."],
             ["• Policy review by the Firearms Licensing Manager.",
              "• Agree a joint protocol with GP practices for medical markers.",
              "  The protocol is to be agreed with the ICB on behalf of practices.",
              "• Brief firearms enquiry officers on the revised policy.",
              "  The briefing will include the learning from this review and a case study "
              "on the risk posed when certificates are returned."],
             "Firearms Licensing Manager",
             ["Policy reviewed", "Protocol signed by the ICB"],
             "Q2 2024/25",
             ["No certificate returned without a domestic abuse check"],
             "Not started"),
        ]),
        ("Health", [
            ("DHR17/R5",
             "Kingsford and Westmere ICB should ensure that GP practices follow up a patient "
             "who misses appointments after disclosing domestic abuse.",
             ["• Issue guidance to practices on following up missed appointments.",
              "  To be included in the ICB safeguarding newsletter.",
              "• Audit follow-up in five practices."],
             "ICB Named GP for Safeguarding",
             ["Guidance issued", "Audit completed"],
             "September 2024",
             ["Audit shows missed appointments are followed up"],
             "In progress"),
            ("DHR17/R6",
             "Kingsford Mental Health NHS Trust should ensure that the partner of a patient is "
             "offered a separate contact when the patient is discharged after a crisis "
             "admission.",
             ["• Amend the discharge checklist.",
              "• Brief the carers' leads in each ward."],
             "Trust Head of Safeguarding",
             ["Checklist amended", "Briefings complete"],
             "January 2024",
             ["Partners offered a separate contact in all audited discharges"],
             "Completed 31.01.2024"),
        ]),
    ]
    for heading, rows in sections:
        add_para(doc, heading, bold=True, size_pt=12, space_after_pt=4)
        table = add_table(doc, CODED_HEADER, CODED_WIDTHS)
        for row in rows:
            add_row(table, row, bold_first=True)
        add_para(doc, space_after_pt=10)
    add_para(doc, "Owner of this plan: Kingsford Safer Partnership DHR Oversight Group.")


# --- 12. glossary-first-theme-rows-landscape --------------------------------------------

GLOSSARY = [
    ("ASC", "Adult Social Care"),
    ("CSP", "Community Safety Partnership"),
    ("DA", "Domestic Abuse"),
    ("DAHA", "Domestic Abuse Housing Alliance"),
    ("DASH", "Domestic Abuse, Stalking and Honour Based Violence risk checklist"),
    ("GP", "General Practitioner"),
    ("ICB", "Integrated Care Board"),
    ("IDVA", "Independent Domestic Violence Advisor"),
    ("MARAC", "Multi-Agency Risk Assessment Conference"),
    ("MHT", "Marshfield Mental Health Trust"),
    ("SAB", "Safeguarding Adults Board"),
]


def glossary_first_theme_rows_landscape(doc) -> None:
    for _ in range(3):
        add_para(doc)
    title_block(doc, ["Marshfield County Community Safety Partnership",
                      "Domestic Homicide Review: 'Ms Z'", "Action Plan"], size_pt=18)
    add_para(doc, "Agreed by the CSP Board: 14 February 2024", space_after_pt=4)
    add_para(doc, "Plan owner: DHR Standing Panel", space_after_pt=16)
    add_para(doc, "Contents", bold=True, size_pt=12, space_after_pt=4)
    for line in ["1. Glossary .......................................................... 2",
                 "2. Action plan ...................................................... 3",
                 "     Theme 1 – Information sharing ................................ 3",
                 "     Theme 2 – Training and awareness ........................... 3",
                 "     Theme 3 – Housing and homelessness ........................ 3",
                 "     Theme 4 – Mental health ........................................... 4"]:
        add_para(doc, line, space_after_pt=2)
    page_break(doc)
    add_para(doc, "1. Glossary", bold=True, size_pt=12, space_after_pt=6)
    table = add_table(doc, ["Acronym", "Meaning"], [3.0, 11.0])
    for acronym, meaning in GLOSSARY:
        add_row(table, [acronym, meaning], bold_first=True)
    page_break(doc)
    add_para(doc, "2. Action plan", bold=True, size_pt=12, space_after_pt=6)
    table = add_table(doc, ["Rec", "Recommendation", "Scope", "Action", "Owner", "Milestones",
                            "Target", "Outcome / progress"],
                      [1.2, 5.4, 1.9, 5.3, 2.6, 3.7, 2.3, 4.3])
    themes = [
        ("Theme 1 – Information sharing – county wide", [
            ("1", "The CSP should agree a county-wide information-sharing protocol for "
             "domestic abuse between health, police and social care.", "Local",
             ["Draft the protocol with the information governance leads of each agency.",
              "Sign-off by all agencies at the CSP Board."],
             "CSP Manager", ["Draft circulated", "Protocol signed off"], "Spring 2024",
             "Complete – protocol signed off by all agencies in March 2024"),
            ("2", ["The ICB should ensure that GP practices are invited to MARAC and receive "
                   "the outcome of the meeting for their patients.",
                   "Ms Z's GP did not know she had been discussed at MARAC twice."], "Local",
             [BULLET + "Add the GP practice contact to the MARAC referral form.",
              BULLET + "MARAC coordinator to send outcomes to practices within 5 working "
                       "days."],
             "ICB / MARAC Coordinator", ["Form amended", "Outcome process in place"],
             "Q3 2024/25", "GP records hold the MARAC outcome for every patient discussed"),
            ("3", "Marshfield Police should share domestic abuse incident notifications with "
             "the victim's GP where the victim consents.", "Local and regional",
             ["Pilot a notification process in the north of the county.",
              "Evaluate the pilot and extend it county-wide."],
             "Marshfield Police", ["Pilot started", "Evaluation reported"],
             "End of June 2024", "Pilot running since May; evaluation due in the autumn"),
        ]),
        ("Theme 2 – Training and awareness – county wide", [
            ("4", ["All agencies should ensure that frontline staff receive training on "
                   "coercive and controlling behaviour, including its effect on older victims.",
                   "Training should cover how coercive control can look like care, and how "
                   "to speak to an older person alone when a family member is always present."],
             "Local",
             ["Each agency to confirm to the CSP that the training is in place.",
              "CSP to run two multi-agency sessions each year."],
             "All agencies / CSP", ["Agency returns received", "Sessions held"], "Ongoing",
             "Staff are able to recognise coercive control in older victims"),
            ("5", "Adult Social Care should ensure that its staff understand how to use the "
             "DASH risk checklist with adults who have care and support needs.", "Local",
             ["DASH training for all ASC locality teams."],
             "ASC", ["Training delivered"], "Q3 2024/25",
             "In progress – 4 of 6 teams trained by October 2024"),
        ]),
        ("Theme 3 – Housing and homelessness – Marshfield district", [
            ("6", "Marshfield District Council should work towards accreditation against the "
             "Domestic Abuse Housing Alliance (DAHA) standards.", "Local",
             ["Gap analysis against the DAHA standards.",
              "Action plan to close the gaps.",
              "Apply for accreditation."],
             "Marshfield District Council Housing",
             ["Gap analysis complete", "Accreditation application submitted"], "2025/26",
             "Not started – awaiting budget approval"),
            ("7", ["The CSP should raise with the Home Office the need for national guidance "
                   "on domestic abuse and homelessness among older people.",
                   "Ms Z was 81 and had been placed in bed and breakfast accommodation for "
                   "six weeks after leaving her husband, which she found frightening and "
                   "isolating; she returned home before a suitable offer was made."],
             "National",
             ["Letter from the CSP Chair to the Home Office."],
             "CSP Chair", ["Letter sent"], "Summer 2024",
             "Complete – letter sent 22.07.2024"),
        ]),
        ("Theme 4 – Mental health – county wide", [
            ("8", "MHT should ensure that when an older patient's carer is also their partner, "
             "the care plan records whether the carer has been seen alone.", "Local",
             ["Amend the care plan template.", "Audit 25 care plans of older patients."],
             "MHT", ["Template amended", "Audit reported"], "31.12.2024",
             "Behind schedule – template change waiting for the new records system"),
        ]),
    ]
    for theme, rows in themes:
        full_width_row(table, theme)
        for row in rows:
            add_row(table, row, bold_first=True)
    add_para(doc)
    add_para(doc, "Progress to be reported to the DHR Standing Panel each quarter.")


# --- building --------------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    build: Callable[[object], None]
    page: Page
    tagged: bool = False
    """Also export `<name>-tagged.pdf` (LibreOffice's tagged PDF: a structure tree)."""


PLANS = {
    "rec-paragraph-above-table": Plan(rec_paragraph_above_table, Page()),
    "no-header-row-content-roles": Plan(no_header_row_content_roles, Page(size_pt=10)),
    "merged-rec-own-rows": Plan(merged_rec_own_rows, Page(landscape=True, margin_cm=1.5)),
    "two-tables-different-columns": Plan(two_tables_different_columns, Page(size_pt=9.5)),
    "coded-refs-bullets": Plan(coded_refs_bullets,
                               Page(landscape=True, size_pt=9, margin_cm=1.5), tagged=True),
    "glossary-first-theme-rows-landscape": Plan(
        glossary_first_theme_rows_landscape, Page(landscape=True, size_pt=9.5, margin_cm=1.5),
        tagged=True),
}



def build(plans: dict[str, Plan], names: list[str]) -> None:
    """Build the named plans of `plans` (all of them without names): .docx, PDF, tagged PDF."""
    unknown = [name for name in names if name not in plans]
    if unknown:
        sys.exit(f"unknown plan(s): {', '.join(unknown)}; known: {', '.join(plans)}")
    for name in names or plans:
        plan = plans[name]
        doc = new_plan(plan.page)
        plan.build(doc)
        docx = HERE / f"{name}.docx"
        doc.save(docx)
        print(to_pdf(docx))
        if plan.tagged:
            print(to_pdf(docx, tagged=True))


def main(names: list[str]) -> None:
    """Build the named plans (all of them without arguments)."""
    build(PLANS, names)


if __name__ == "__main__":
    main(sys.argv[1:])
