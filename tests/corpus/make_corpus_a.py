"""Build corpus A: six invented DHR action plans in layouts unlike the two samples.

    .venv/bin/python tests/corpus/make_corpus_a.py [NAME...]   # needs soffice (LibreOffice)

Each plan comes from a different invented Community Safety Partnership and is laid out the
way another council's Word template would be (issue 8): recommendations as shaded full-width
rows over numbered action rows, a theme column merged down, two parts whose numbering
restarts, status only by cell colour with the plan's own key, ten narrow columns whose header
words break, and an agency column with mixed date styles. Every plan is written as .docx and
turned into an untagged PDF by LibreOffice; two are also exported as tagged PDFs
(`<name>-tagged.pdf`). The expected records (`<name>.expected.json`) are written by hand from
the PDFs, not from the data here. The .docx and .pdf files are committed, so tests never
need LibreOffice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import Table, _Row

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "fixtures"))
from make_fixtures import new_document, set_repeat_header, shade, to_pdf  # noqa: E402

Content = str | list[str]
"""A cell's text: one paragraph, or several; a paragraph starting "• " becomes a Word
bullet (List Bullet style, the glyph drawn by Word, not typed)."""

BULLET = "• "
HEADER_FILL = "D9E2F3"
ROW_FILL = "DEEAF6"
AGENCY_FILL = "E7E6E6"


@dataclass(frozen=True)
class Page:
    """Paper and type for one plan: councils use A4, often landscape, 9-11pt Arial."""

    landscape: bool = True
    font_pt: float = 10
    margin_cm: float = 1.8
    font: str = "Arial"


def new_plan(page: Page) -> DocxDocument:
    return new_document(page.font, page.font_pt, landscape=page.landscape,
                        margin_cm=page.margin_cm)


def title(doc: DocxDocument, lines: list[str]) -> None:
    for line in lines:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(line)
        run.bold = True
        run.font.size = Pt(14)
    doc.add_paragraph("")


def heading(doc: DocxDocument, text: str, size: float = 12) -> None:
    para = doc.add_paragraph()
    para.paragraph_format.space_before = Pt(6)
    para.paragraph_format.space_after = Pt(4)
    run = para.add_run(text)
    run.bold = True
    run.font.size = Pt(size)


def fill(cell, content: Content, *, bold: bool = False, size: float | None = None) -> None:
    """Write paragraphs (and bullets) into a cell, replacing what it held."""
    paragraphs = [content] if isinstance(content, str) else content
    cell.text = ""
    for i, text in enumerate(paragraphs):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if text.startswith(BULLET):
            para.style = "List Bullet"
            text = text[len(BULLET):]
        run = para.add_run(text)
        run.bold = bold
        if size is not None:
            run.font.size = Pt(size)


def set_widths(row: _Row, widths: list[float]) -> None:
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Cm(width)


def plan_table(doc: DocxDocument, headers: list[str], widths: list[float],
               *, header_fill: str | None = HEADER_FILL,
               header_pt: float | None = None) -> Table:
    """A ruled table with its header row repeated on every page and fixed column widths."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    row = table.rows[0]
    set_repeat_header(row)
    set_widths(row, widths)
    for cell, text in zip(row.cells, headers, strict=True):
        fill(cell, text, bold=True, size=header_pt)
        if header_fill:
            shade(cell, header_fill)
    return table


def add_row(table: Table, widths: list[float], values: list[Content]) -> _Row:
    row = table.add_row()
    set_widths(row, widths)
    for cell, value in zip(row.cells, values, strict=True):
        fill(cell, value)
    return row


def full_width_row(table: Table, widths: list[float], content: Content,
                   fill_colour: str | None, *, bold: bool = True) -> _Row:
    """One cell across the whole table: a recommendation, theme or agency row."""
    row = table.add_row()
    set_widths(row, widths)
    merged = row.cells[0].merge(row.cells[-1])
    fill(merged, content, bold=bold)
    if fill_colour:
        shade(merged, fill_colour)
    return row


# --- 1. rec-rows-numbered-actions -------------------------------------------------------

REC_ROWS_HEADERS = ["Ref", "Action", "Lead officer / agency", "Target date", "Progress update",
                    "RAG"]
REC_ROWS_WIDTHS = [1.3, 8.6, 4.4, 2.8, 6.8, 2.0]

REC_ROWS = [
    (["Recommendation 1: The CSP should ensure that all partner agencies have a domestic abuse "
      "policy that includes guidance on recognising and responding to coercive and "
      "controlling behaviour."],
     [("1.1", "Audit partner agencies' domestic abuse policies against the Partnership's "
       "minimum standards.", "Community Safety Manager", "31/03/2024",
       ["Audit completed; 14 of 17 agencies met the standard.", "Completed 22/03/2024."],
       "Green"),
      ("1.2", "Agencies whose policies fall short to submit a revised policy to the Domestic "
       "Abuse Strategic Group.", "All partner agencies", "June 2024",
       "Two revised policies received; one outstanding (housing provider).", "Amber"),
      ("1.3", ["Publish a one-page guide for managers on coercive and controlling behaviour, "
               "covering:",
               "• the offence under section 76 of the Serious Crime Act 2015",
               "• the warning signs seen in this review, including control of money and "
               "isolation from family",
               "• how to refer to the IDVA service and to MARAC"],
       "Domestic Abuse Coordinator", "Autumn 2024",
       "Not yet begun - waiting for the revised statutory guidance.", "Red")]),
    (["Recommendation 2: Eastbridge Police should review how officers record the voice of the "
      "victim at domestic abuse incidents where the victim does not support a prosecution."],
     [("2.1", "Dip sample 50 domestic abuse incidents where the victim did not support a "
       "prosecution, checking that the victim's own account is recorded.",
       "DCI Public Protection (Eastbridge Police)", "Q1 2024/25",
       "Dip sample completed in June 2024; findings reported to the Force Domestic Abuse "
       "Board.", "Green"),
      ("2.2", "Refresh the domestic abuse briefing for response officers to include the "
       "learning from this review.", "Eastbridge Police Learning and Development",
       "Q2 2024/25", "Briefing drafted; delivery to response teams booked for October.",
       "Amber"),
      ("2.3", "Repeat the dip sample to test whether practice has changed.",
       "DCI Public Protection (Eastbridge Police)", "March 2025", "Not started", "Red")]),
    (["Recommendation 3: The ICB should work with GP practices to ensure that routine enquiry "
      "about domestic abuse takes place when a patient presents with anxiety, depression or "
      "unexplained injuries.",
      "In this review Adult A saw her GP eleven times in the two years before her death; "
      "domestic abuse was not asked about on any of those occasions."],
     [("3.1", "Deliver IRIS training to the remaining 12 GP practices in Eastbridge.",
       "Eastbridge ICB Safeguarding Team", "31.12.2024",
       ["Update Jan 2025: nine of twelve practices trained; three booked for February.",
        "Practices trained so far report an increase in referrals to the IRIS advocate "
        "educator."], "Amber"),
      ("3.2", "Add a domestic abuse prompt to the mental health review template in the GP "
       "clinical system.", "ICB Digital Team / Named GP for Safeguarding",
       "End of September 2024", "Completed 30/09/2024. Template live in all practices.",
       "Green")]),
    (["Recommendation 4: Adult Social Care and the Mental Health Trust should agree a joint "
      "protocol for cases where an adult with care and support needs is also a victim of "
      "domestic abuse."],
     [("4.1", ["Draft a joint protocol covering:",
               "• when a safeguarding enquiry and a MARAC referral are both needed",
               "• who contacts the IDVA service",
               "• how the two agencies share risk information"],
       "ASC Head of Safeguarding", "July 2024",
       "Completed 11/07/2024 - protocol agreed at the Safeguarding Adults Board.", "Green"),
      ("4.2", "Brief ASC and Mental Health Trust practitioners on the protocol.",
       "ASC Head of Safeguarding / Mental Health Trust Safeguarding Lead", "September 2024",
       "Briefings held for all ASC teams and the community mental health teams. Completed "
       "27/09/2024.", "Green")]),
    (["Recommendation 5: The Housing service should ensure that a tenant's disclosure of "
      "domestic abuse leads to a risk assessment and an offer of referral to the IDVA "
      "service."],
     [("5.1", "Introduce DASH risk assessment training for all housing officers.",
       "Housing Options Manager", "Spring 2025",
       "On track - first two sessions held in March; the last is booked for May.", "Amber"),
      ("5.2", "Seek accreditation from the Domestic Abuse Housing Alliance (DAHA).",
       "Head of Housing", "2025/26", "Not started", "Red"),
      ("5.3", "Report the number of IDVA referrals made by Housing to the CSP each quarter.",
       "Housing Options Manager / IDVA Service Manager", "Ongoing",
       "Behind schedule - the first report is now due at the June Board.", "Amber")]),
    (["Recommendation 6: The CSP should share the learning from this review with partners "
      "across the county."],
     [("6.1", "Hold a learning event for practitioners from all agencies.",
       "Community Safety Manager", "Within 3 months of publication",
       "Completed 05/02/2025 - learning event held for 85 practitioners.", "Green"),
      ("6.2", "Send a seven-minute briefing to the Eastbridge Safeguarding Adults Board and "
       "the county Domestic Abuse Board.", "DHR Coordinator", "Prior to publication",
       "Completed 14/01/2025.", "Green")]),
]


def build_rec_rows(path: Path) -> None:
    doc = new_plan(Page(landscape=True, font_pt=10))
    title(doc, ["Safer Eastbridge Partnership",
                "Domestic Homicide Review into the death of Adult A",
                "Action Plan"])
    doc.add_paragraph(
        "This plan sets out how the Partnership and its agencies will put the review's six "
        "recommendations into practice. Progress is reported to the Safer Eastbridge "
        "Partnership Board every quarter; the RAG column gives the lead officer's own "
        "assessment at the last update (March 2025).")
    doc.add_paragraph("")
    widths = REC_ROWS_WIDTHS
    table = plan_table(doc, REC_ROWS_HEADERS, widths)
    for recommendation, actions in REC_ROWS:
        full_width_row(table, widths, recommendation, ROW_FILL)
        for action in actions:
            add_row(table, widths, list(action))
    doc.save(path)


# --- 2. theme-column-merged -------------------------------------------------------------

THEME_HEADERS = ["Theme", "No.", "Recommendation", "Actions", "Lead agency", "Timescale",
                 "Progress"]
THEME_WIDTHS = [3.3, 1.1, 6.5, 6.6, 3.0, 2.4, 3.2]

THEMES = [
    ("Risk assessment and MARAC", [
        ("1", "Northmoor Police and the IDVA service should ensure that when a DASH risk "
         "assessment is reviewed and its grading lowered, the reason is recorded and the "
         "victim is told.",
         ["• Amend the DASH review guidance to require a recorded rationale",
          "• Add a mandatory rationale field to the crime recording system",
          "• Quarterly audit of lowered gradings by the Force Domestic Abuse Lead"],
         "Northmoor Police / IDVA service", "December 2023",
         "Completed (Nov 2023). Guidance reissued and the system field is live."),
        ("2", "The MARAC Steering Group should review the MARAC referral threshold so that "
         "repeated incidents below the high-risk threshold are escalated.",
         ["• Review the repeat referral definition against SafeLives guidance",
          "• Agree and publish a revised threshold",
          "• Brief all referring agencies on the change"],
         "MARAC Steering Group", "Q4 2023/24",
         "Revised threshold agreed; briefings delayed until the new MARAC coordinator is in "
         "post."),
        ("3", "All agencies attending MARAC should ensure that the actions agreed at the "
         "meeting are recorded on their own case records within five working days.",
         ["• MARAC coordinator to circulate actions within two working days",
          "• Each agency to audit a sample of its MARAC cases",
          "• Audit results to be reported to the Steering Group"],
         "MARAC Coordinator & all MARAC agencies", "Summer 2024", "Not started"),
    ]),
    ("Health", [
        ("4", ["The ICB should seek assurance that GP practices in Northmoor follow up when a "
               "patient discloses domestic abuse to another health professional.",
               "Ms X told a practice nurse about her partner's behaviour in 2021; this was not "
               "seen by her GP."],
         ["• Safeguarding lead GP to issue a practice briefing",
          "• Include domestic abuse follow-up in the annual practice safeguarding audit",
          "• Share a template for recording disclosures in the patient record"],
         "Northmoor ICB", "March 2024",
         "Briefing circulated to all practices; audit booked for June."),
        ("5", "The Mental Health Trust should ensure that its crisis team asks about domestic "
         "abuse in private when a patient's partner is present at an assessment.",
         ["• Update the crisis assessment template to prompt for a private conversation",
          "• Deliver training to all crisis team staff"],
         "Mental Health Trust", "2024",
         "Partly done - template updated; training planned for the autumn."),
    ]),
    ("Training and awareness", [
        ("6", ["The CSP should commission domestic abuse training for frontline staff in all "
               "partner agencies, covering coercive control, economic abuse and the needs of "
               "older victims.",
               "The training should be evaluated so that the CSP can see whether it changes "
               "practice, not only how many people attended."],
         ["• Agree the training specification with partner agencies",
          "• Commission a provider through the council's procurement process",
          "• Deliver five multi-agency sessions across the district",
          "• Add an older victims module to the e-learning offer",
          "• Evaluate the sessions at three and six months"],
         "Northmoor CSP", "April 2024",
         "Update Jan 2025: three of five sessions held."),
        ("7", "Children's Social Care should ensure that practitioners consider the impact of "
         "domestic abuse on children who do not live in the household, including adult "
         "children.",
         ["• Amend the assessment practice guidance",
          "• Include the learning from this review in the quarterly practice week",
          "• Audit ten assessments where domestic abuse was a factor"],
         "Children's Social Care", "Within 6 months of publication",
         "On track - guidance drafted and with the Principal Social Worker for sign-off."),
        ("8", "Schools should be reminded of Operation Encompass notifications and how to "
         "respond to them on the morning after an incident.",
         ["• Reminder to all designated safeguarding leads",
          "• Include Operation Encompass in the annual safeguarding training for schools"],
         "Education Safeguarding Team", "Autumn 2023",
         "Closed - reminder issued to all schools in October 2023."),
    ]),
    ("Housing and homelessness", [
        ("9", "Northmoor District Council should treat a tenant's request to be rehoused "
         "because of a partner's behaviour as a disclosure of risk and offer a referral to the "
         "IDVA service.",
         ["• Change the housing register policy and application form",
          "• Train housing options staff in asking about domestic abuse",
          "• Record IDVA referrals made from housing applications"],
         "Housing", "30/06/2024",
         "Behind schedule - the policy change is awaiting Cabinet approval."),
        ("10", "Registered housing providers in the district should sign the Make a Stand "
         "pledge.",
         ["• Write to all registered providers",
          "• Report the number of signatories to the CSP"],
         "Housing / Registered providers", "TBC", "Not yet begun"),
    ]),
]


def build_theme_column(path: Path) -> None:
    doc = new_plan(Page(landscape=True, font_pt=10))
    title(doc, ["Northmoor Community Safety Partnership",
                "Domestic Homicide Review: Ms X - Action Plan"])
    widths = THEME_WIDTHS
    table = plan_table(doc, THEME_HEADERS, widths)
    for theme, recommendations in THEMES:
        first = None
        for number, text, actions, lead, timescale, progress in recommendations:
            row = add_row(table, widths, ["", number, text, actions, lead, timescale,
                                          progress])
            if first is None:
                first = row
        merged = first.cells[0].merge(table.rows[-1].cells[0])
        fill(merged, theme, bold=True)
        shade(merged, "F2F2F2")
    doc.save(path)


# --- 3. parts-restart-numbering ---------------------------------------------------------

HOME_OFFICE_HEADERS = [
    "Recommendation", "Scope of recommendation i.e. local or regional", "Action to take",
    "Lead Agency", "Key milestones achieved in enacting recommendation", "Target Date",
    "Date of completion and Outcome",
]
HOME_OFFICE_WIDTHS = [6.0, 2.4, 5.2, 2.8, 4.6, 2.2, 3.4]

PART_ONE = [
    (["1. The Partnership should ensure that all agencies understand and use the Westvale "
      "domestic abuse information sharing agreement, so that information about risk is shared "
      "without waiting for consent when a victim is at high risk."],
     "Local",
     ["a) Re-launch the information sharing agreement at the Partnership Board.",
      "b) Each agency to name a lead who will brief its staff.",
      "c) Audit information sharing in MARAC cases after six months."],
     "Westvale Safer Communities Partnership",
     ["Agreement re-launched", "Agency leads named", "Audit report to the Board"],
     "31/03/2024", "Completed 14.11.2023 - agreement re-launched and leads named."),
    (["2. Agencies should ensure that their staff know how to refer a perpetrator to a "
      "behaviour change programme, and that referrals are followed up.",
      "The review found that Mr D asked his GP and his probation officer for help with his "
      "anger on four occasions and was not referred."],
     "Regional",
     ["a) Publish the referral pathway for the regional perpetrator programme.",
      "b) Include the pathway in all agencies' domestic abuse training."],
     "Probation Service / Westvale CSP", ["Pathway published", "Training updated"],
     "Q3 2024/25",
     "Ongoing - pathway published in July 2024; training materials being updated."),
    (["3. The Partnership should seek assurance that the learning from this review has changed "
      "practice, through a multi-agency audit twelve months after publication."],
     "Local and regional",
     ["a) Agree the audit questions with the Safeguarding Adults Board.",
      "b) Complete the audit and report the findings."],
     "Westvale Safer Communities Partnership", ["Audit questions agreed", "Audit completed"],
     "12 months after publication",
     "Agencies will be able to show that the learning from this review is embedded."),
]

PART_TWO = [
    ("Westvale Police", [
        (["1. Westvale Police should ensure that officers attending a domestic abuse incident "
          "check for previous incidents involving either party at any address."],
         "Local",
         ["a) Update the attending officer checklist.",
          "b) Remind control room staff to search by name as well as address."],
         "Westvale Police", ["Checklist updated", "Control room briefing delivered"],
         "January 2024", "Completed 09.01.2024"),
        (["2. Westvale Police should review its use of Domestic Violence Protection Notices "
          "where the victim does not support an arrest."],
         "Local",
         ["a) Review all DVPN applications in the last 12 months.",
          "b) Issue guidance to inspectors on authorising notices."],
         "Westvale Police", ["Review completed", "Guidance issued"],
         "Summer 2024", "In progress - review completed; guidance being drafted."),
    ]),
    ("Adult Social Care", [
        (["3. Adult Social Care should ensure that carers' assessments consider whether the "
          "carer is experiencing, or perpetrating, domestic abuse.",
          "Adult C was assessed as her husband's carer in 2022, and the assessment did not ask "
          "about their relationship."],
         "Local",
         ["a) Add domestic abuse questions to the carer's assessment form.",
          "b) Train assessors in asking the questions safely.",
          "c) Audit 20 carers' assessments."],
         "Adult Social Care", ["Form updated", "Training delivered", "Audit completed"],
         "Q2 2024", ""),
        (["4. Adult Social Care should make sure that a safeguarding concern raised by a "
          "family member is acknowledged and the family member told of the outcome."],
         "Local",
         ["a) Amend the safeguarding procedure.",
          "b) Write to the family of Adult C to explain the changes."],
         "Adult Social Care", ["Procedure amended"], "Prior to publication",
         "Completed 02.05.2024 - procedure amended and letter sent to the family."),
    ]),
    ("GP Practice (Riverside Surgery)", [
        (["5. The practice should code domestic abuse disclosures in the records of both the "
          "victim and the perpetrator where both are registered with it."],
         "Local",
         ["a) Practice safeguarding lead to brief all clinicians.",
          "b) Search the register for patients with a disclosure and no code."],
         "Riverside Surgery", ["Clinicians briefed", "Register search completed"],
         "Within 3 months of publication", "Briefing completed; register search ongoing."),
    ]),
    ("Probation Service", [
        (["6. The Probation Service should ensure that domestic abuse enquiries with the police "
          "and Children's Social Care are repeated when a person on licence moves address."],
         "National",
         ["a) Remind practitioners of the national policy framework requirement.",
          "b) Include address changes in the quarterly case audit."],
         "Probation Service", ["Reminder issued", "Audit tool amended"],
         "30.06.2024", "Not started"),
    ]),
]


def build_parts(path: Path) -> None:
    doc = new_plan(Page(landscape=True, font_pt=9.5, margin_cm=1.5))
    title(doc, ["Westvale Safer Communities Partnership",
                "Domestic Homicide Review - Adult C",
                "Action Plan"])
    widths = HOME_OFFICE_WIDTHS
    heading(doc, "Part 1: Multi-agency recommendations")
    table = plan_table(doc, HOME_OFFICE_HEADERS, widths)
    for row in PART_ONE:
        add_row(table, widths, list(row))
    doc.add_paragraph("")
    heading(doc, "Part 2: Single agency recommendations")
    table = plan_table(doc, HOME_OFFICE_HEADERS, widths)
    for agency, rows in PART_TWO:
        full_width_row(table, widths, agency, AGENCY_FILL)
        for row in rows:
            add_row(table, widths, list(row))
    doc.save(path)


# --- 4. rag-shading-key -----------------------------------------------------------------

BLUE, GREEN, AMBER, RED = "5B9BD5", "00B050", "FFC000", "FF0000"
RAG_KEY = [(BLUE, "Blue - Complete and evidenced"), (GREEN, "Green - On track"),
           (AMBER, "Amber - Some slippage"), (RED, "Red - Not started / at risk")]
RAG_HEADERS = ["Rec no.", "Recommendation", "Actions", "Owner", "Target date",
               "Evidence of impact", "RAG"]
RAG_WIDTHS = [1.5, 6.8, 7.2, 3.2, 2.4, 4.6, 1.0]

RAG_ROWS = [
    ("1", "Haverleigh CSP to ensure that the domestic abuse needs assessment includes older "
     "victims and victims with care and support needs.",
     ["1. Add data from Adult Social Care safeguarding enquiries to the needs assessment.",
      "2. Consult older people's groups on access to domestic abuse services.",
      "3. Publish the refreshed needs assessment."],
     "Haverleigh CSP", "March 2024",
     "Needs assessment published with a chapter on older victims.", BLUE),
    ("2", "The IDVA service to offer a face-to-face appointment to every high-risk victim who "
     "cannot safely use the telephone.",
     ["1. Agree venues in GP surgeries and libraries.",
      "2. Change the IDVA service's first-contact procedure."],
     "IDVA Service", "Q2 2024/25",
     "Proportion of high-risk victims engaging with the IDVA service.", GREEN),
    ("3", "Haverleigh Police to make sure that a victim's withdrawal of a complaint is "
     "followed by a further risk assessment before the case is closed.",
     ["1. Amend the case closure checklist.",
      "2. Brief public protection supervisors.",
      "3. Dip sample closed cases each quarter."],
     "Haverleigh Police", "June 2024",
     "Dip sample shows a risk assessment on every withdrawn case.", AMBER),
    ("4", ["Haverleigh Hospitals NHS Trust to ensure that emergency department staff ask about "
           "domestic abuse when a patient attends with an injury that does not match the "
           "explanation given.",
           "Ms Y attended the emergency department three times with injuries in the year "
           "before her death."],
     ["1. Add a routine enquiry prompt to the emergency department triage record.",
      "2. Place a hospital IDVA in the emergency department four days a week.",
      "3. Report hospital IDVA referrals to the Trust safeguarding committee."],
     "Hospital Trust / IDVA Service", "December 2024",
     "Increase in referrals from the emergency department to the hospital IDVA.", GREEN),
    ("5", ["Adult Social Care to review how it responds when a person with care and support "
           "needs declines a safeguarding enquiry and is at risk from a partner.",
           "Ms Y declined two safeguarding enquiries in 2022. Both were closed without a "
           "discussion with the police or the IDVA service, and without a check on whether "
           "her partner was present when she declined."],
     ["1. Review the self-neglect and refusal guidance.",
      "2. Hold a practice learning session on legal literacy (Care Act 2014 and inherent "
      "jurisdiction).",
      "3. Require a manager's agreement before an enquiry declined by a person at risk from "
      "a partner is closed.",
      "4. Audit declined enquiries after six months."],
     "ASC", "Autumn 2024",
     "Practitioners know the legal options when consent is refused.", RED),
    ("6", "Housing to ensure that a request for a lock change or a move on grounds of safety "
     "is referred to the Sanctuary scheme and the IDVA service.",
     ["1. Update the repairs triage script.",
      "2. Train contact centre staff."],
     "Haverleigh Homes", "31/10/2024",
     "All safety-related repair requests referred within one working day.", AMBER),
    ("7", "The CSP to publish the learning from this review in a seven-minute briefing for "
     "all partner agencies.",
     ["1. Write and circulate the briefing.",
      "2. Hold two lunchtime learning sessions."],
     "Haverleigh CSP", "Within 2 months of publication",
     "Briefing downloaded and sessions attended by all partner agencies.", BLUE),
    ("8", "The ICB to seek assurance that GP practices record the names of people who "
     "accompany a patient to appointments, where the patient has disclosed domestic abuse.",
     ["1. Issue guidance through the ICB safeguarding newsletter.",
      "2. Include the question in the practice safeguarding self-assessment."],
     "ICB", "2024/25",
     "Self-assessments show the guidance is followed in every practice.", RED),
]

RAG_GLOSSARY = [
    ("ASC", "Adult Social Care"),
    ("CSP", "Community Safety Partnership"),
    ("DHR", "Domestic Homicide Review"),
    ("ICB", "Integrated Care Board"),
    ("IDVA", "Independent Domestic Violence Advisor"),
    ("MARAC", "Multi-Agency Risk Assessment Conference"),
]


def build_rag_key(path: Path) -> None:
    doc = new_plan(Page(landscape=True, font_pt=10))
    title(doc, ["Haverleigh Community Safety Partnership",
                "DHR 2023/01 (Ms Y) - Action Plan and Progress Tracker"])
    heading(doc, "RAG key", size=10)
    key = doc.add_table(rows=0, cols=2)
    key.style = "Table Grid"
    key.autofit = False
    for column, width in zip(key.columns, [1.2, 6.0], strict=True):
        column.width = Cm(width)
    for colour, label in RAG_KEY:
        row = key.add_row()
        set_widths(row, [1.2, 6.0])
        shade(row.cells[0], colour)
        fill(row.cells[1], label)
    doc.add_paragraph("")
    widths = RAG_WIDTHS
    table = plan_table(doc, RAG_HEADERS, widths)
    for number, text, actions, owner, date, evidence, colour in RAG_ROWS:
        row = add_row(table, widths, [number, text, actions, owner, date, evidence, ""])
        shade(row.cells[-1], colour)
    doc.add_paragraph("")
    heading(doc, "Glossary")
    glossary = doc.add_table(rows=0, cols=2)
    glossary.style = "Table Grid"
    glossary.autofit = False
    for column, width in zip(glossary.columns, [2.5, 9.0], strict=True):
        column.width = Cm(width)
    for acronym, expansion in RAG_GLOSSARY:
        row = glossary.add_row()
        set_widths(row, [2.5, 9.0])
        fill(row.cells[0], acronym, bold=True)
        fill(row.cells[1], expansion)
    doc.save(path)


# --- 5. narrow-broken-headers -----------------------------------------------------------

NARROW_HEADERS = ["Ref", "Recommendation", "Scope", "Action", "Lead", "Key milestones",
                  "Target date", "Progress update", "RAG", "Measure of success"]
NARROW_WIDTHS = [0.8, 5.3, 0.9, 5.0, 2.2, 3.6, 1.05, 3.7, 1.45, 3.4]

NARROW_ROWS = [
    ("R1", "The Safeguarding Children Partnership and the CSP should make sure that schools "
     "are told when a pupil's parent is the victim of a high-risk domestic abuse incident.",
     "Local",
     ["Extend Operation Encompass notifications to cover incidents reported by other "
      "agencies.", "Brief designated safeguarding leads."],
     ["Police", "Schools"],
     ["• Notification process agreed", "• Briefing delivered to all schools"],
     "Sep 2024", "Process agreed; briefings completed in two of three school clusters.",
     "Amber", "Schools receive a notification for every high-risk incident."),
    ("R2", "Kingsford Police should ensure that a Clare's Law disclosure is considered "
     "whenever a new partner of a serial perpetrator is identified.",
     "Local",
     ["Add a Clare's Law prompt to the serial perpetrator management plan."],
     ["Police"],
     ["• Prompt added to the plan template"],
     "Dec 2023", "Complete - prompt added November 2023.", "Green",
     "Disclosures made to new partners of serial perpetrators."),
    ("R3", ["The Mental Health Trust should ensure that care coordinators ask patients about "
            "their safety at home at every care programme approach review.",
            "Adult B's care coordinator knew of her partner's drinking but did not ask whether "
            "she felt safe."],
     "Regional",
     ["Revise the care programme approach review template.",
      "Train care coordinators in routine enquiry.",
      "Audit 30 review records."],
     ["Mental Health Trust"],
     ["• Template revised", "• Training delivered", "• Audit completed"],
     "Mar 2025", "Template revised; training delayed by staff shortages.", "Amber",
     "Routine enquiry recorded at every review in the audit sample."),
    ("R4", "Adult Social Care and the Mental Health Trust should hold joint supervision on "
     "cases where a person with care needs is at risk from a family member.",
     "Local",
     ["Agree terms of reference for joint supervision.",
      "Run a six-month pilot in the north locality."],
     ["ASC", "Mental Health Trust"],
     ["• Terms of reference agreed", "• Pilot started", "• Pilot evaluated"],
     "Jun 2025", "Not started", "Red", "Fewer cases closed with the risk unresolved."),
    ("R5", "The Probation Service should share its risk management plan with the IDVA "
     "service for every case heard at MARAC.",
     "National",
     ["Agree an information sharing protocol with the IDVA service.",
      "Add MARAC cases to the Probation case audit."],
     ["Probation", "IDVA service"],
     ["• Protocol signed", "• Audit includes MARAC cases"],
     "Oct 2024", "Completed 21/10/2024. Protocol signed by both services.", "Green",
     "IDVAs hold a current risk management plan for every shared case."),
    ("R6", "The CSP should ask the Home Office to include economic abuse in the next revision "
     "of the DHR statutory guidance.",
     "National",
     ["Write to the Home Office DHR team with the learning from this review."],
     ["CSP"],
     ["• Letter sent"],
     "Prior to publication", "Letter sent 03/06/2024; response awaited.", "Amber",
     "Economic abuse named in the revised guidance."),
    ("R7", "GP practices should ensure that a patient's request to change their contact "
     "details is checked for signs that a partner is controlling their contact with the "
     "practice.",
     "Local",
     ["Issue a briefing to practice managers.",
      "Include the issue in the IRIS training for reception staff."],
     ["ICB", "GP practices"],
     ["• Briefing issued", "• IRIS training updated"],
     "Jan 2025", "On track - briefing issued; IRIS session planned.", "Amber",
     "Practices report concerns to the IRIS advocate educator."),
    ("R8", ["Kingsford Council Housing should make sure that a homeless application from a "
            "person fleeing domestic abuse is assessed on the day it is made, and that the "
            "applicant is offered safe temporary accommodation away from the perpetrator's "
            "area.",
            "Adult B was placed in temporary accommodation two streets from her former "
            "partner's address and returned to him within a week."],
     "Local",
     ["Amend the homelessness triage procedure so that domestic abuse cases are seen the "
      "same day.",
      "Agree out-of-area placements with neighbouring councils.",
      "Train housing options officers in DASH risk assessment.",
      "Report placements within the perpetrator's area to the CSP."],
     ["Housing", "IDVA service"],
     ["• Triage procedure amended", "• Reciprocal arrangement signed",
      "• Officers trained", "• First quarterly report"],
     "2024/25", "Triage changed in May 2024; reciprocal arrangement still being negotiated; "
     "training booked for the spring.", "Amber",
     "No victim placed within a mile of the perpetrator's address without a safety plan."),
    ("R9", "Children's Social Care should ensure that an assessment of a family where "
     "domestic abuse is known includes a conversation with each parent on their own.",
     "Local",
     ["Update the child and family assessment guidance.",
      "Add the learning from this review to the practice week programme."],
     ["Children's Social Care"],
     ["• Guidance updated", "• Practice week held"],
     "Q4 2024/25", "Not started", "Red",
     "Assessments audited show separate conversations with each parent."),
    ("R10", "All agencies should check that their domestic abuse training covers the "
     "particular risks to victims who are also carers.",
     "Regional",
     ["Each agency to review its training against the regional standard.",
      "CSP to collect returns and report gaps to the Oversight Group."],
     ["All agencies", "CSP"],
     ["• Returns received from every agency", "• Gap report to the Oversight Group"],
     "Nov 2024", "Completed 28/11/2024 - gap report presented.", "Green",
     "Training in every agency covers victims who are carers."),
]


def build_narrow(path: Path) -> None:
    doc = new_plan(Page(landscape=True, font_pt=8.5, margin_cm=1.27))
    title(doc, ["Kingsford Community Safety Partnership",
                "Domestic Homicide Review 'Adult B' - Recommendations Action Plan"])
    doc.add_paragraph(
        "Lead agencies update this plan before each meeting of the DHR Oversight Group. RAG: "
        "Red - not started; Amber - in progress; Green - complete.")
    doc.add_paragraph("")
    widths = NARROW_WIDTHS
    table = plan_table(doc, NARROW_HEADERS, widths, header_pt=9)
    for row in NARROW_ROWS:
        add_row(table, widths, list(row))
    doc.save(path)


# --- 6. agency-column-outcomes ----------------------------------------------------------

AGENCY_HEADERS = ["Agency", "Rec", "Recommendation", "Action(s)", "By when",
                  "Intended outcome", "Update"]
AGENCY_WIDTHS = [2.6, 1.1, 6.2, 6.4, 2.6, 4.4, 3.8]

AGENCY_ROWS = [
    ("Ashcombe Police", "1",
     "Officers should complete a DASH risk assessment with the victim in private at every "
     "domestic abuse incident, and record why when that is not possible.",
     ["Remind all response officers through the daily briefing system.",
      "Add the 'not in private' reason field to the DASH form."],
     "2023/24",
     "Every DASH assessment is completed in private or the reason recorded.",
     "Complete - reminder issued and field added in January 2024."),
    ("Ashcombe Police", "2",
     "The force should review how Domestic Abuse Officers hand over cases when the DAO "
     "allocated is on leave.",
     ["Review the DAO allocation and cover arrangements.",
      "Publish a cover rota for each area."],
     "by the end of Q1 2025/26",
     "No high-risk case is left without an allocated DAO.",
     "In progress - review under way."),
    ("Ashcombe Police", "3",
     ["The force should provide coercive control training for all frontline officers and "
      "staff, building on the Domestic Abuse Matters programme.",
      "The training should include the learning from this review about the way Mr Z "
      "controlled Ms W's finances and her contact with her family."],
     ["Commission Domestic Abuse Matters refresher training.",
      "Deliver the training to all response and neighbourhood teams.",
      "Evaluate the training through a survey of victims' experience.",
      "Report completion rates to the CSP."],
     "September 2023 – February 2024",
     ["Officers recognise coercive and controlling behaviour.",
      "More arrests and charges for controlling or coercive behaviour."],
     "Behind schedule - 62% of officers trained by February 2024; the rest by June."),
    ("ASC", "4",
     "Adult Social Care should make sure that a safeguarding concern about domestic abuse is "
     "not closed until the adult has been offered a referral to the IDVA service.",
     ["Change the case closure checklist.",
      "Audit closed domestic abuse concerns."],
     "30.09.24",
     "Every adult with a domestic abuse concern is offered an IDVA referral.",
     "Completed 30.09.24"),
    ("ASC", "5",
     "ASC should work with the ICB to agree how hospital discharge teams share concerns about "
     "domestic abuse with the adult's social worker.",
     ["Agree a discharge information sharing process with the ICB."],
     "TBC",
     "Concerns identified in hospital reach the social worker before discharge.",
     "Not started - awaiting the ICB's new discharge policy."),
    ("ICB", "6",
     "The ICB should ensure that GP practices are aware of the local domestic abuse services "
     "and how to refer to them.",
     ["Send the directory of local services to every practice.",
      "Add the directory to the ICB safeguarding web pages."],
     "within 3 months of sign-off",
     "GP practices refer victims to local specialist services.",
     "Directory sent to all practices; web pages to be updated in the spring."),
    ("ICB", "7",
     "The ICB should commission an audit of how practices record domestic abuse in the "
     "records of household members.",
     ["Commission the audit.", "Report the findings to the Safeguarding Adults Board."],
     "Mar 23 Sep 23",
     "Practices record household members' domestic abuse consistently.",
     "Completed (Sep 2023). Audit report presented to the Board."),
    ("Ashcombe Homes", "8",
     "Ashcombe Homes should train its neighbourhood officers to recognise domestic abuse "
     "when visiting tenants about rent arrears or anti-social behaviour.",
     ["Deliver DAHA-approved training to all neighbourhood officers.",
      "Add a domestic abuse question to the tenancy visit form."],
     "2024",
     "Neighbourhood officers identify domestic abuse and refer to the IDVA service.",
     "Ongoing - half of the officers trained."),
    ("Ashcombe Homes", "9",
     "Ashcombe Homes should share information about domestic abuse reported by neighbours "
     "with the police and the IDVA service.",
     ["Agree an information sharing protocol with Ashcombe Police.",
      "Brief the anti-social behaviour team on the protocol."],
     "Q3 2024",
     "Reports by neighbours reach the police and the IDVA service within one working day.",
     "Protocol drafted; with Ashcombe Police for comment."),
    ("Probation Service", "10",
     ["Probation should check with the police and Children's Social Care before approving a "
      "change of address for a person on licence with a history of domestic abuse.",
      "Mr Z moved into Ms W's home while on licence without checks being made."],
     ["Remind practitioners of the address check requirement.",
      "Include address checks in the quarterly case audit.",
      "Report the audit findings to the CSP."],
     "End of March 2024",
     "Every change of address is checked before it is approved.",
     "Completed 22.03.2024"),
    ("CSP", "11",
     "The CSP should monitor this action plan at every meeting until all actions are "
     "complete.",
     ["Add the plan to the CSP Board agenda."],
     "Ongoing",
     "The plan is delivered on time.",
     ""),
]

AGENCY_ABBREVIATIONS = [
    "ASC – Adult Social Care",
    "ICB: Integrated Care Board",
    "DAO = Domestic Abuse Officer",
    "DAHA – Domestic Abuse Housing Alliance",
    "IDVA – Independent Domestic Violence Advisor",
]


def build_agency_column(path: Path) -> None:
    doc = new_plan(Page(landscape=True, font_pt=10))
    title(doc, ["Ashcombe Community Safety Partnership",
                "Domestic Homicide Review (Ms W) Action Plan"])
    heading(doc, "Abbreviations", size=11)
    for line in AGENCY_ABBREVIATIONS:
        doc.add_paragraph(line)
    doc.add_paragraph("")
    widths = AGENCY_WIDTHS
    table = plan_table(doc, AGENCY_HEADERS, widths)
    for row in AGENCY_ROWS:
        add_row(table, widths, list(row))
    doc.save(path)


@dataclass(frozen=True)
class Plan:
    build: Callable[[Path], None]
    tagged: bool = False
    """Also export `<name>-tagged.pdf`: tagged PDFs carry table structure in the file."""


PLANS = {
    "rec-rows-numbered-actions": Plan(build_rec_rows),
    "theme-column-merged": Plan(build_theme_column),
    "parts-restart-numbering": Plan(build_parts, tagged=True),
    "rag-shading-key": Plan(build_rag_key),
    "narrow-broken-headers": Plan(build_narrow),
    "agency-column-outcomes": Plan(build_agency_column, tagged=True),
}


def main(names: list[str]) -> None:
    """Build the named plans (all of them without arguments)."""
    unknown = [name for name in names if name not in PLANS]
    if unknown:
        sys.exit(f"make_corpus_a: unknown plan {', '.join(unknown)}; known: {', '.join(PLANS)}")
    for name in names or PLANS:
        docx = HERE / f"{name}.docx"
        PLANS[name].build(docx)
        print(to_pdf(docx))
        if PLANS[name].tagged:
            print(to_pdf(docx, tagged=True))


if __name__ == "__main__":
    main(sys.argv[1:])
