"""Build corpus G: twelve invented action plans in layouts corpora A to F do not have (issue
8, round 6): a Safeguarding Adults Review plan "Learning point | Recommendation | Agency |
Action | Evidence | Target date | Status" (an Evidence column beside the status); a
recommendation number column and an "Action No" column (1.1, 1.2) side by side, the
recommendation merged down over its actions, with both a "Lead officer" and a "Lead agency"
column; Welsh bilingual headers ("Argymhelliad / Recommendation") and bilingual status
words; recommendations as Word-numbered paragraphs, each with its own table of actions,
dates as "w/c 12/05/2025", "Quarterly review", "Ongoing"; an agency merged down the first
column over a page break; a one-letter "RAG" column (G / A / R) first and the owner last;
a group header "Timescale" over "Start" and "End" (two header rows); a "Recommendation
made to" column with a lone "Evidence" column and no status; a progress column per quarter
("Update Q1" | "Update Q2" | "Update Q3"), filled in as the year goes on; a tracker's
clipped headers ("Rec. No.", "Resp.", "Tgt date", "Prog. Update") with a directorate column
and the day done ("Date Compl.") left of the progress; "Timescale" over three horizon
columns ("Short term (0-6 months)", ...), ticked; and the lead agency merged down, with the
recommendation, over its action rows.

The text exports are tests/fixtures/make_converter_exports.py's and make_layout_exports.py's.

    .venv/bin/python tests/corpus/make_corpus_g.py [NAME...]  # needs soffice and chromium

The builders are corpus B's (`make_corpus_b.py`) and the PDFs LibreOffice's
(`make_fixtures.to_pdf`); six plans are also exported as tagged PDFs. The LibreOffice HTML
page (tests/corpus/html/) and its Chromium print (tests/corpus/chromium/) are written as for
corpus F (`make_corpus_f.companions`). Every partnership, person and case is invented. The
expected records (`<name>.expected.json`) were drafted from the .docx reader's output, then
checked field by field against the printed plan and corrected where the reader was wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "fixtures"))
from docx.shared import Cm  # noqa: E402
from make_corpus_b import (  # noqa: E402
    BULLET,
    HEADER_FILL,
    Page,
    Plan,
    add_para,
    add_row,
    add_table,
    build,
    merge_down,
    shade,
    title_block,
    write_cell,
)
from make_corpus_f import companions  # noqa: E402
from make_fixtures import set_repeat_header  # noqa: E402

# --- 31. sar-learning-evidence-status -----------------------------------------------------

def sar_learning_evidence_status(doc) -> None:
    title_block(doc, ["Harlow Cross Safeguarding Adults Board",
                      "Safeguarding Adults Review 'Mr P' – Action Plan"], size_pt=13)
    add_para(doc, "The Board accepted the six learning points of the review. Each agency "
             "records the evidence it will use to show that its action is done; the Status "
             "column is updated at each meeting of the SAR Subgroup.", space_after_pt=10)
    table = add_table(doc, ["Learning point", "Recommendation", "Agency", "Action",
                            "Evidence", "Target date", "Status"],
                      [3.6, 5.4, 2.6, 5.0, 3.8, 2.2, 2.4])
    rows = [
        ("Mr P's refusal of care was accepted without exploring why.",
         "Adult Social Care should make sure that a refusal of care by an adult who "
         "self-neglects is followed by a conversation about the reasons.",
         "Adult Social Care",
         [BULLET + "Revise the self-neglect practice guidance.",
          BULLET + "Brief all locality teams on the revision."],
         "Revised guidance on the intranet; briefing attendance list.", "June 2025",
         "Complete"),
        ("No agency held the whole picture of his contacts.",
         "The Board should agree a multi-agency risk meeting for adults who self-neglect and "
         "refuse support.", "Harlow Cross SAB",
         "Draft terms of reference for the risk meeting and consult partners.",
         "Terms of reference approved by the Board, 12/03/2025.", "March 2025",
         "In progress – consultation closes in April"),
        ("Hoarding was seen as a housing matter only.",
         "Harlow Cross Homes should refer a tenant whose hoarding puts them at risk to Adult "
         "Social Care.", "Harlow Cross Homes",
         "Add a safeguarding referral step to the hoarding procedure.",
         "Procedure v2; audit of referrals.", "September 2025", "Not started"),
        ("The GP did not know that Mr P had stopped collecting his medication.",
         ["Community pharmacies should tell the GP when a patient stops collecting repeat "
          "medication.",
          "Mr P's prescriptions went uncollected for eleven weeks."],
         "Integrated Care Board",
         "Agree a notification route between pharmacies and practices.",
         "Notification route in the pharmacy contract; data from the first quarter.",
         "December 2025", "In progress"),
        ("Fire risk was not shared with the Fire Service.",
         "Agencies should refer an adult with a high fire risk to the Fire and Rescue Service "
         "for a home safety visit.", "Fire and Rescue Service",
         "Promote the home safety visit referral form to all partners.",
         "Referral numbers reported to the Subgroup each quarter.", "2025/26", "Complete"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Owner of the plan: the SAR Subgroup of the Harlow Cross SAB.")


# --- 32. rec-and-action-numbers -----------------------------------------------------------

def rec_and_action_numbers(doc) -> None:
    title_block(doc, ["Penmarsh Community Safety Partnership",
                      "Domestic Homicide Review 'Anna' – Action Plan"], size_pt=13)
    add_para(doc, "Each recommendation has a number; each of its actions has its own number "
             "(1.1, 1.2, ...), a lead officer in a lead agency, a target date and progress.",
             space_after_pt=10)
    table = add_table(doc, ["Rec No", "Recommendation", "Action No", "Action",
                            "Lead officer", "Lead agency", "Target date", "Progress"],
                      [1.2, 5.6, 1.4, 5.4, 2.8, 2.8, 2.2, 3.6])
    recs = [
        ("1", "Penmarsh Police should make sure that a victim's disclosure of strangulation "
              "is recorded and raises the risk assessment.",
         [("1.1", "Add non-fatal strangulation to the DASH guidance.", "DI Hale",
           "Penmarsh Police", "April 2025", "Complete"),
          ("1.2", "Train response officers in asking about strangulation.", "DI Hale",
           "Penmarsh Police", "October 2025", "In progress – 3 of 6 teams trained")]),
        ("2", "The Hospital Trust should ask every patient who attends with a neck injury "
              "whether they have been harmed by someone they know.",
         [("2.1", "Add the question to the emergency department triage form.",
           "Named Nurse Adults", "Penmarsh Hospital Trust", "July 2025", "Complete"),
          ("2.2", "Audit forty triage records.", "Named Nurse Adults",
           "Penmarsh Hospital Trust", "January 2026", "Not started"),
          ("2.3", "Report the audit to the Trust Safeguarding Committee.",
           "Head of Safeguarding", "Penmarsh Hospital Trust", "March 2026",
           "Not started")]),
        ("3", "The CSP should publish a briefing on non-fatal strangulation for all agencies.",
         [("3.1", "Write and publish a seven-minute briefing.", "CSP Manager",
           "Penmarsh CSP", "June 2025", "Complete")]),
    ]
    for number, text, actions in recs:
        first = len(table.rows)
        for i, action in enumerate(actions):
            add_row(table, [number if i == 0 else "", text if i == 0 else "", *action])
        merge_down(table, 0, first, len(table.rows) - 1)
        merge_down(table, 1, first, len(table.rows) - 1)
    add_para(doc)
    add_para(doc, "Monitored by the Penmarsh DHR Oversight Group.")


# --- 33. welsh-bilingual-headers ----------------------------------------------------------

def welsh_bilingual_headers(doc) -> None:
    title_block(doc, ["Partneriaeth Diogelwch Cymunedol Cwm Tawel / Cwm Tawel Community "
                      "Safety Partnership",
                      "Adolygiad Dynladdiad Domestig 'Megan' – Cynllun Gweithredu / "
                      "Domestic Homicide Review 'Megan' – Action Plan"], size_pt=12)
    add_para(doc, "Mae'r cynllun hwn ar gael yn Gymraeg ac yn Saesneg. This plan is available "
             "in Welsh and in English.", space_after_pt=10)
    table = add_table(doc, ["Rhif / No", "Argymhelliad / Recommendation",
                            "Cam gweithredu / Action", "Asiantaeth arweiniol / Lead agency",
                            "Dyddiad targed / Target date", "Cynnydd / Progress"],
                      [1.4, 5.4, 4.6, 2.8, 2.4, 2.8])
    rows = [
        ("1", "Heddlu Cwm Tawel Police should offer every victim the choice of speaking to an "
              "officer in Welsh.",
         "Record each officer's Welsh language skill on the duty system.", "Heddlu Cwm Tawel "
         "Police", "Mehefin 2025 / June 2025", "Wedi'i gwblhau / Complete"),
        ("2", "The Health Board should make sure that a patient who discloses abuse is offered "
              "a referral to the IDVA service.",
         [BULLET + "Add the IDVA referral to the health board's safeguarding pathway.",
          BULLET + "Brief ward managers on the referral."],
         "Bwrdd Iechyd / Health Board", "31/12/2025", "Ar waith / In progress"),
        ("3", "The Partnership should commission specialist support for older victims in "
              "rural areas.", "Commission a rural outreach service for two years.",
         "Partneriaeth / Partnership", "2025/26", "Heb ddechrau / Not started"),
        ("4", "The Council should share this review's learning with schools.",
         "Run a learning event for designated safeguarding leads.", "Cyngor / Council",
         "Tachwedd 2025 / November 2025", "Ar waith / In progress"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Cymeradwywyd gan y Bwrdd / Approved by the Board.")


# --- 34. numbered-paragraphs-action-tables ------------------------------------------------

def numbered_paragraphs_action_tables(doc) -> None:
    title_block(doc, ["Thornbury Vale Safer Partnership",
                      "Domestic Abuse Related Death Review 'Colin' – Action Plan"],
                size_pt=13)
    add_para(doc, "The review made three recommendations. Each is followed by the actions "
             "agreed to deliver it. Status: Complete, On track, Delayed or Not started.",
             space_after_pt=10)
    header = ["Action", "Lead", "Timescale", "Status"]
    widths = [8.0, 3.4, 2.6, 2.8]
    recs = [
        ("The Partnership should make sure that older men who are victims of domestic abuse "
         "know where to get help.",
         [("Publish a leaflet for older men in GP surgeries and libraries.",
           "Communications Lead", "w/c 12/05/2025", "Complete"),
          ("Add a page for male victims to the partnership website.", "Communications Lead",
           "June 2025", "On track")]),
        ("Thornbury Vale Police should review how officers assess risk when the victim is a "
         "man and the suspect his adult child.",
         [("Dip-sample twenty incidents of this kind.", "DI Public Protection",
           "September 2025", "Delayed"),
          ("Present the findings to the DA Strategic Board.", "DI Public Protection",
           "Quarterly review", "Not started")]),
        ("Agencies should keep the learning from this review in their training.",
         [("Include a case study from this review in the multi-agency training.",
           "Training Coordinator", "Ongoing", "On track")]),
    ]
    for text, actions in recs:
        para = add_para(doc, text, bold=True, style="List Number", space_after_pt=4)
        para.paragraph_format.keep_with_next = True
        table = add_table(doc, header, widths)
        for action in actions:
            add_row(table, action)
        add_para(doc, space_after_pt=8)
    add_para(doc, "Next review: the Partnership Board in October 2025.")


# --- 35. agency-merged-over-pages ---------------------------------------------------------

def agency_merged_over_pages(doc) -> None:
    """The agency is merged down the first column over its rows; the Police's rows run onto
    the second page, where Word leaves the merged cell blank under the repeated header."""
    title_block(doc, ["Ferrybridge Community Safety Partnership",
                      "Domestic Homicide Review 'Ruth' – Single Agency Action Plan"],
                size_pt=13)
    add_para(doc, "Each agency's recommendations are grouped under its name. Agencies report "
             "progress to the DHR Panel every quarter.", space_after_pt=10)
    table = add_table(doc, ["Agency", "No", "Recommendation", "Action", "Target date",
                            "Status"], [2.4, 0.9, 4.8, 4.6, 2.0, 2.3])
    detail = ("The Panel found that this happened more than once, and each time the chance to "
              "ask the victim directly was lost because the contact was treated as routine.")
    groups = [
        ("Ferrybridge Police", [
            ("1", ["Ferrybridge Police should make sure that officers speak to the victim "
                   "alone at every domestic incident.", detail],
             [BULLET + "Remind officers through the daily briefing.",
              BULLET + "Add a prompt to the body-worn video guidance."], "May 2025",
             "Complete"),
            ("2", ["Ferrybridge Police should refer every repeat victim to the MARAC.",
                   detail], "Add a repeat-victim check to the MARAC referral process.",
             "July 2025", "In progress"),
            ("3", ["Ferrybridge Police should share the risk assessment with the IDVA "
                   "service within one working day.", detail],
             "Agree a secure email route with the IDVA service.", "September 2025",
             "In progress"),
            ("4", ["Ferrybridge Police should check the perpetrator's history across force "
                   "boundaries before grading a call.", detail],
             [BULLET + "Give call handlers access to the regional database.",
              BULLET + "Train call handlers in using it."], "December 2025", "Not started"),
            ("5", ["Ferrybridge Police should tell the victim when the suspect is released "
                   "from custody.", detail],
             "Add a release notification to the custody checklist.", "Quarterly review",
             "In progress"),
        ]),
        ("Ferrybridge Homes", [
            ("6", ["Ferrybridge Homes should ask about domestic abuse when a tenant reports "
                   "damage to a door.", detail], "Add the question to the repairs script.",
             "June 2025", "Complete"),
            ("7", ["Ferrybridge Homes should offer a sanctuary scheme to every tenant "
                   "assessed as high risk.", detail],
             "Publish the sanctuary scheme criteria.", "October 2025", "Not started"),
        ]),
    ]
    for agency, recs in groups:
        first = len(table.rows)
        for i, (number, text, action, date, status) in enumerate(recs):
            add_row(table, [agency if i == 0 else "", number, text, action, date, status])
        merge_down(table, 0, first, len(table.rows) - 1)
    add_para(doc)
    add_para(doc, "Agreed by the Ferrybridge DHR Panel.")


# --- 36. rag-letter-first-owner-last ------------------------------------------------------

def rag_letter_first_owner_last(doc) -> None:
    title_block(doc, ["Oakhurst Community Safety Partnership",
                      "DHR 'Kerry' – Recommendations and RAG Rating"], size_pt=13)
    add_para(doc, "RAG: G – complete; A – in progress; R – not started. The rating comes "
             "first so that the Board can see at a glance what is behind.",
             space_after_pt=10)
    table = add_table(doc, ["RAG", "Ref", "Recommendation", "Action", "Timescale", "Owner"],
                      [1.1, 1.1, 5.4, 4.6, 2.2, 2.6])
    rows = [
        ("G", "K1", "Oakhurst Council should make sure that its housing team asks about "
                    "domestic abuse when a tenant falls into rent arrears.",
         "Add the question to the arrears procedure.", "April 2025", "Oakhurst Council"),
        ("A", "K2", "The ICB should remind practices to record a patient's disclosure of "
                    "abuse in the records of any children in the household.",
         [BULLET + "Issue a practice bulletin.", BULLET + "Audit twenty records."],
         "September 2025", "Integrated Care Board"),
        ("R", "K3", "Oakhurst Police should review how it responds to a breach of a "
                    "non-molestation order.",
         "Review a sample of thirty breaches.", "March 2026", "Oakhurst Police"),
        ("A", "K4", "The CSP should run a campaign on economic abuse.",
         "Commission campaign materials and a launch event.", "Autumn 2025", "CSP"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Reviewed by the Oakhurst CSP Board.")


# --- 37. two-row-header-timescale ---------------------------------------------------------

def two_row_header_timescale(doc) -> None:
    """Header of two rows: "Timescale" over "Start" and "End"; the other header cells are
    merged down over both rows."""
    title_block(doc, ["Lowmoor Partnership", "Domestic Homicide Review 'Adult L'",
                      "Action Plan"], size_pt=13)
    add_para(doc, "Each action has a start and an end date; the end date is the date by which "
             "the action is to be complete.", space_after_pt=10)
    widths = [1.1, 5.4, 5.0, 2.8, 2.0, 2.0, 2.6]
    table = doc.add_table(rows=2, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    top = ["Ref", "Recommendation", "Action", "Responsible", "Timescale", "", "Status"]
    sub = ["", "", "", "", "Start", "End", ""]
    for row, values in zip(table.rows, (top, sub), strict=True):
        set_repeat_header(row)
        for cell, width, text in zip(row.cells, widths, values, strict=True):
            cell.width = Cm(width)
            write_cell(cell, text, bold=True)
            shade(cell, HEADER_FILL)
    merged = table.rows[0].cells[4].merge(table.rows[0].cells[5])
    write_cell(merged, "Timescale", bold=True)
    for column in (0, 1, 2, 3, 6):
        merge_down(table, column, 0, 1)
    rows = [
        ("1", "Lowmoor Council should make sure that a carer's assessment asks whether the "
              "carer feels safe.", "Add the question to the carer's assessment form.",
         "Adult Social Care", "January 2025", "April 2025", "Complete"),
        ("2", "Lowmoor Police should record the relationship between the victim and the "
              "suspect on every domestic incident.",
         [BULLET + "Make the relationship field mandatory.",
          BULLET + "Check compliance each month."], "Lowmoor Police", "March 2025",
         "September 2025", "In progress"),
        ("3", "The Mental Health Trust should involve the family in discharge planning when a "
              "patient has harmed a relative.", "Revise the discharge planning policy.",
         "Mental Health Trust", "June 2025", "December 2025", "Not started"),
    ]
    for values in rows:
        add_row(table, values)
    add_para(doc)
    add_para(doc, "Agreed by the Lowmoor Partnership Board.")


# --- 38. made-to-lone-evidence ------------------------------------------------------------

def made_to_lone_evidence(doc) -> None:
    title_block(doc, ["Brackley Heath Community Safety Partnership",
                      "Domestic Homicide Review 'Denise' – Recommendations"], size_pt=13)
    add_para(doc, "The recommendations below were made to the agencies named. Agencies "
             "send the evidence that each recommendation has been implemented to the CSP.",
             space_after_pt=10)
    table = add_table(doc, ["No.", "Recommendation", "Recommendation made to",
                            "Action agreed", "Date", "Evidence"],
                      [0.9, 4.8, 2.6, 3.8, 1.8, 3.1])
    rows = [
        ("1", "The agency should make sure that a victim's request to withdraw a complaint is "
              "discussed with a supervisor.", "Brackley Heath Police",
         "Amend the withdrawal procedure.", "March 2025",
         "Revised procedure published on the intranet, 14/03/2025."),
        ("2", "The agency should train its staff in recognising coercive control.",
         "Brackley Heath Council", "Run coercive control training for frontline staff.",
         "September 2025", "Training register: 45 of 60 staff trained."),
        ("3", "The practices should ask about domestic abuse at every new patient check.",
         "GP practices", "Add the question to the new patient template.", "December 2025",
         ""),
        ("4", "The Trust should share a patient's risk to a partner with the partner's GP.",
         "Mental Health Trust", "Agree an information sharing protocol with the ICB.",
         "2025/26", "Protocol signed by both parties on 02/06/2025."),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Monitored by the Brackley Heath DHR Subgroup.")


# --- 39. quarterly-update-columns ---------------------------------------------------------

def quarterly_update_columns(doc) -> None:
    """A progress column per quarter, filled in as the year goes on: each row's latest
    update is its status, the earlier ones its history."""
    title_block(doc, ["Elmsworth Community Safety Partnership",
                      "Domestic Homicide Review 'Jane' – Action Plan Tracker 2025/26"],
                size_pt=13)
    add_para(doc, "Leads add an update each quarter; an empty cell means no update was "
             "received that quarter.", space_after_pt=10)
    table = add_table(doc, ["Ref", "Recommendation", "Lead", "Target date", "Update Q1",
                            "Update Q2", "Update Q3"],
                      [1.1, 6.4, 3.0, 2.4, 4.0, 4.0, 4.0])
    rows = [
        ("J1", "Elmsworth Police should make sure that a stalking risk assessment is "
               "completed whenever a victim reports being followed.", "Elmsworth Police",
         "September 2025", "Not started – awaiting the new form",
         "In progress – form issued to two districts", "Complete – in use force-wide"),
        ("J2", "The ICB should ask GP practices to record a patient's disclosure of stalking.",
         "Integrated Care Board", "December 2025", "Not started",
         "In progress – guidance drafted", ""),
        ("J3", "The CSP should commission stalking awareness training for housing staff.",
         "CSP Manager", "March 2026", "Not started", "", ""),
        ("J4", "Elmsworth Homes should change the locks for a tenant who is being stalked "
               "within 24 hours of a request.", "Elmsworth Homes", "June 2025",
         "Complete – procedure changed 12/05/2025", "", ""),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Reviewed by the Elmsworth DHR Subgroup each quarter.")


# --- 40. abbreviated-headers-done-date -----------------------------------------------------

def abbreviated_headers_done_date(doc) -> None:
    """A council tracker's clipped headers, a directorate column beside the owner, and the
    day each recommendation was done in its own column left of the progress."""
    title_block(doc, ["Marchbank Borough Council – Community Safety Partnership",
                      "DHR 'Sophie' – Recommendation Tracker"], size_pt=13)
    add_para(doc, "Directorates update the tracker before each Partnership Board. A date "
             "in 'Date Compl.' means the recommendation has been signed off as complete.",
             space_after_pt=10)
    table = add_table(doc, ["Rec. No.", "Recommendation", "Directorate", "Resp.",
                            "Tgt date", "Date Compl.", "Prog. Update"],
                      [1.4, 7.0, 3.0, 3.0, 2.2, 2.2, 6.0])
    rows = [
        ("1", "Marchbank Council should make sure that the housing register flags an "
              "applicant who has disclosed domestic abuse.", "Place",
         "Housing Options Manager", "June 2025", "02/06/2025",
         "Flag added to the register and staff briefed."),
        ("2", "Adult Social Care should offer a carer's assessment to every carer who lives "
              "with the person they care for.", "Adults and Health",
         "Principal Social Worker", "December 2025", "",
         "In progress – 40% of carers offered an assessment"),
        ("3", "Children's Services should record the voice of the child at every domestic "
              "abuse referral.", "Children's Services", "Head of Safeguarding",
         "March 2026", "", ""),
        ("4", "The Partnership should publish a seven-minute briefing on this review.",
         "Community Safety", "CSP Manager", "July 2025", "15/07/2025", "Complete"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Tracker owned by the Marchbank CSP team.")


# --- 41. horizon-tick-timescale -----------------------------------------------------------

def horizon_tick_timescale(doc) -> None:
    """A group header "Timescale" over three horizon columns, a tick in the one each
    recommendation falls in; the other header cells merged down over both header rows."""
    title_block(doc, ["Wexcombe Safer Communities Partnership",
                      "Domestic Homicide Review 'Leon' – Action Plan"], size_pt=13)
    add_para(doc, "Timescales run from the publication of the review. Tick the horizon in "
             "which the recommendation will be delivered.", space_after_pt=10)
    widths = [1.0, 7.6, 3.2, 2.6, 2.6, 2.6, 3.4]
    table = doc.add_table(rows=2, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    top = ["No", "Recommendation", "Lead agency", "Timescale", "", "", "Progress"]
    sub = ["", "", "", "Short term (0-6 months)", "Medium term (6-12 months)",
           "Long term (12-24 months)", ""]
    for row, values in zip(table.rows, (top, sub), strict=True):
        set_repeat_header(row)
        for cell, width, text in zip(row.cells, widths, values, strict=True):
            cell.width = Cm(width)
            write_cell(cell, text, bold=True)
            shade(cell, HEADER_FILL)
    merged = table.rows[0].cells[3].merge(table.rows[0].cells[5])
    write_cell(merged, "Timescale", bold=True)
    for column in (0, 1, 2, 6):
        merge_down(table, column, 0, 1)
    tick = "\u2713"
    rows = [
        ("1", "Wexcombe Police should give every victim of stalking a named officer.",
         "Wexcombe Police", tick, "", "", "Complete"),
        ("2", ["The ICB should make sure that GP practices can see a patient's MARAC "
               "referral.", "Two practices did not know that the victim had been referred."],
         "Integrated Care Board", "", tick, "", "In progress – system change requested"),
        ("3", "The Partnership should commission a service for older victims.",
         "Wexcombe SCP", "", "", tick, "Not started"),
    ]
    for values in rows:
        add_row(table, values)
    add_para(doc)
    add_para(doc, "Approved by the Wexcombe SCP Board.")


# --- 42. lead-merged-over-actions ---------------------------------------------------------

def lead_merged_over_actions(doc) -> None:
    """The recommendation, its number and its lead agency each merged down over the
    recommendation's action rows; every action has its own date and status."""
    title_block(doc, ["Hartcliffe Vale Community Safety Partnership",
                      "Domestic Homicide Review 'Amira' – Action Plan"], size_pt=13)
    add_para(doc, "The lead agency is responsible for every action under its "
             "recommendation.", space_after_pt=10)
    table = add_table(doc, ["No", "Recommendation", "Action", "Lead agency", "Target date",
                            "Status"], [1.0, 7.0, 7.0, 3.6, 2.6, 3.4])
    recs = [
        ("1", "Hartcliffe Vale Police should make sure that a victim who reports honour-based "
              "abuse is referred to the specialist service.", "Hartcliffe Vale Police",
         [("Add the specialist service to the referral guidance.", "June 2025", "Complete"),
          ("Train public protection officers in honour-based abuse.", "October 2025",
           "In progress")]),
        ("2", "The Integrated Care Board should make sure that GP practices offer an "
              "interpreter who is not a family member.", "Integrated Care Board",
         [("Remind practices of the interpreting contract.", "May 2025", "Complete"),
          ("Audit twenty consultations that used an interpreter.", "January 2026",
           "Not started"),
          ("Report the audit to the Safeguarding Board.", "March 2026", "Not started")]),
    ]
    for number, text, lead, actions in recs:
        first = len(table.rows)
        for i, (action, date, status) in enumerate(actions):
            add_row(table, [number if i == 0 else "", text if i == 0 else "", action,
                            lead if i == 0 else "", date, status])
        for column in (0, 1, 3):
            merge_down(table, column, first, len(table.rows) - 1)
    add_para(doc)
    add_para(doc, "Monitored by the Hartcliffe Vale DHR Panel.")


PLANS = {
    "sar-learning-evidence-status": Plan(
        sar_learning_evidence_status, Page(landscape=True, size_pt=9.5, margin_cm=1.5),
        tagged=True),
    "rec-and-action-numbers": Plan(
        rec_and_action_numbers, Page(landscape=True, size_pt=9.5, margin_cm=1.5),
        tagged=True),
    "welsh-bilingual-headers": Plan(welsh_bilingual_headers, Page(landscape=True, size_pt=10)),
    "numbered-paragraphs-action-tables": Plan(
        numbered_paragraphs_action_tables, Page(size_pt=10), tagged=True),
    "agency-merged-over-pages": Plan(agency_merged_over_pages, Page(size_pt=11), tagged=True),
    "rag-letter-first-owner-last": Plan(rag_letter_first_owner_last, Page(size_pt=10)),
    "two-row-header-timescale": Plan(
        two_row_header_timescale, Page(landscape=True, size_pt=10)),
    "made-to-lone-evidence": Plan(made_to_lone_evidence, Page(size_pt=10)),
    "quarterly-update-columns": Plan(
        quarterly_update_columns, Page(landscape=True, size_pt=9.5, margin_cm=1.5)),
    "abbreviated-headers-done-date": Plan(
        abbreviated_headers_done_date, Page(landscape=True, size_pt=9.5, margin_cm=1.5),
        tagged=True),
    "horizon-tick-timescale": Plan(horizon_tick_timescale, Page(landscape=True, size_pt=10)),
    "lead-merged-over-actions": Plan(
        lead_merged_over_actions, Page(landscape=True, size_pt=10), tagged=True),
}


def main(names: list[str]) -> None:
    """Build the named plans (all of them without arguments)."""
    build(PLANS, names)
    for name in names or PLANS:
        companions(name)


if __name__ == "__main__":
    main(sys.argv[1:])
