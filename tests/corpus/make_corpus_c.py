"""Build corpus C: six invented DHR action plans in layouts taken from real published
plans that corpora A and B do not have (issue 8; sources S1, S2, S4, S5, S7 of
shared/REAL-PLANS.md, and the single/multi-agency split of DHR overview reports).

    .venv/bin/python tests/corpus/make_corpus_c.py [NAME...]  # needs soffice (LibreOffice)

The builders are corpus B's (`make_corpus_b.py`) and the PDFs LibreOffice's
(`make_fixtures.to_pdf`); three plans are also exported as tagged PDFs. Every partnership,
person and case is invented. The expected records (`<name>.expected.json`) were written by
reading the printed plans, not from this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_corpus_b import (  # noqa: E402
    BULLET,
    Page,
    Plan,
    add_para,
    add_row,
    add_table,
    build,
    full_width_row,
    title_block,
)

TICK = "\u2713"


# --- 13. police-overarching-sub-actions (S2) ----------------------------------------------

def police_overarching_sub_actions(doc) -> None:
    title_block(doc, ["Harrowmere Constabulary", "Domestic Abuse Improvement Plan – "
                      "response to DHR 'Adult F' (public version)"], size_pt=13)
    add_para(doc, "This plan brings together the actions the force has agreed in response to "
             "the domestic homicide review into the death of Adult F. Each recommendation of "
             "the review is broken into sub-actions, each with its own reference. Delivery "
             "status is reported to the Force Vulnerability Board every two months.",
             space_after_pt=10)
    table = add_table(doc, ["Action Ref Number", "Recommendation/ Overarching Action",
                            "Sub-Action", "Delivery Status"], [2.6, 8.4, 10.2, 4.8])
    recs = [
        ("DHR Recommendation 1: Harrowmere Constabulary should ensure that every officer "
         "attending a domestic abuse incident completes the risk assessment with the victim "
         "in person and away from the suspect.",
         [("PROVUL8.1", ["Revise the domestic abuse attendance policy.",
                         "• make clear that the risk assessment is completed face to face;",
                         "• set out what officers must do when the victim cannot be seen "
                         "alone."], "Complete"),
          ("PROVUL8.2", "Add a mandatory field to the crime recording system recording "
                        "whether the victim was seen alone.", "Complete"),
          ("PROVUL8.3", "Supervisors to check a sample of five risk assessments each month "
                        "and feed back to the officer.",
           "In progress – sampling started in all three districts")]),
        ("DHR Recommendation 2: Harrowmere Constabulary should review how it responds to "
         "reports of stalking by a former partner, so that a pattern of behaviour is seen "
         "and not a series of separate incidents.",
         [("PROVUL9.1", "Appoint a stalking lead in each district.", "Complete"),
          ("PROVUL9.2", ["Deliver stalking awareness training to all response officers.",
                         "The training will be given by the National Stalking Helpline and "
                         "will include a case study from this review.",
                         "• Phase 1: response officers;",
                         "• Phase 2: call handlers and control room staff."],
           "In progress – phase 1 delivered, phase 2 booked for the spring"),
          ("PROVUL9.3", "Audit 40 stalking reports to check that previous incidents were "
                        "linked.", "Not started")]),
        ("DHR Recommendation 3: Harrowmere Constabulary should ensure that a victim's "
         "withdrawal of support for a prosecution is always followed by a review of the "
         "risk to the victim and of evidence-led prosecution.",
         [("PROVUL10.1", "Publish guidance on evidence-led prosecution for investigating "
                         "officers.", "Complete"),
          ("PROVUL10.2", "Body-worn video to be switched on at every domestic abuse "
                         "incident and the footage retained.", "Complete")]),
        ("DHR Recommendation 4: Harrowmere Constabulary should make sure that information "
         "about a suspect's previous partners is sought and recorded when a new victim "
         "reports domestic abuse.",
         [("PROVUL11.1", "Brief all public protection staff on checking previous "
                         "relationships.", "Not started"),
          ("PROVUL11.2", "Include a prompt on previous partners in the investigation plan "
                         "template.", "Not started")]),
        ("DHR Recommendation 5: Harrowmere Constabulary should share domestic abuse "
         "incidents with the victim's GP practice, with the victim's consent, within three "
         "working days.",
         [("PROVUL12.1", ["Agree an information sharing protocol with the ICB.",
                          "The protocol will name a single point of contact in each "
                          "practice."], "Complete"),
          ("PROVUL12.2", "Set up a secure e-mail route to each practice.", "Complete"),
          ("PROVUL12.3", "Review the first six months of notifications with the ICB.",
           "Delayed – review moved to the next quarter")]),
        ("DHR Recommendation 6: Harrowmere Constabulary should ensure that call handlers "
         "can see all previous calls from an address when grading a domestic abuse call.",
         [("PROVUL13.1", "Introduce a repeat-address flag on the command and control "
                         "system.", "Complete"),
          ("PROVUL13.2", "Train all call handlers in the use of the flag.", "Complete")]),
    ]
    for text, actions in recs:
        for ref, action, status in actions:
            add_row(table, [ref, text, action, status])
    add_para(doc)
    add_para(doc, "Owner: Detective Chief Superintendent, Public Protection.")


# --- 14. horizon-parts-tick-columns (S4) -------------------------------------------------

def horizon_parts_tick_columns(doc) -> None:
    title_block(doc, ["Larchfield Safer Communities Partnership",
                      "DHR 'Ms G' – Action Plan Review, January 2025"], size_pt=13)
    add_para(doc, "This review template records, for each recommendation of the overview "
             "report, the responsible officer's update and whether the target has been "
             "achieved. Officers tick the Achieved column when the work is complete, or the "
             "On Target column when it is under way and expected on time; where neither is "
             "ticked a new achievement date is given. Page numbers refer to the overview "
             "report.", space_after_pt=6)
    add_para(doc, "Targets are grouped by when they should be achieved. Short term targets "
             "were agreed when the overview report was accepted by the Partnership in "
             "December 2024; medium term targets need work by more than one agency, or "
             "depend on training that has still to be commissioned.", space_after_pt=10)
    table = add_table(doc, ["Recommendation", "Responsible Officer", "Update on progress",
                            "Achieved (tick)", "On Target to Achieve",
                            "Give expected new achievement date"],
                      [7.0, 2.8, 4.2, 1.4, 1.4, 2.2])
    full_width_row(table, "SHORT TERM TARGETS (Achievable within 6 months ie, by June 2025)")
    rows = [
        ("1 The Partnership should publish a seven-minute briefing on the learning from this "
         "review and send it to every partner agency. (Recommendation 1 (page 6))",
         "DHR Coordinator", "Briefing published in October and sent to 31 agencies.",
         TICK, "", ""),
        ("2 (i) Larchfield Police should remind officers that a victim's account should be "
         "taken away from the suspect. (Recommendation 2 (page 7))",
         "Detective Inspector, Safeguarding", "Reminder issued through daily briefings.",
         TICK, "", ""),
        (["2 (ii) Larchfield Police should check, through dip sampling, that accounts are "
          "taken away from the suspect.",
          "The sample should include incidents attended at night and at weekends."],
         "Detective Inspector, Safeguarding", "First sample of 30 incidents under way.",
         "", TICK, ""),
        ("3 Larchfield Hospitals NHS Trust should make domestic abuse enquiry routine in the "
         "maternity booking appointment. (Recommendation 4 (page 9))",
         "Head of Midwifery", "Question added to the booking template; audit planned.",
         "", TICK, ""),
    ]
    for row in rows:
        add_row(table, row)
    full_width_row(table, "MEDIUM TERM TARGETS (Achievable within 12 months ie, by "
                          "December 2025)")
    rows = [
        (["4 (i) Adult Social Care should train its safeguarding team in coercive and "
          "controlling behaviour. (Recommendation 5 (page 11))",
          "Training should cover:",
          BULLET + "how coercive control can look like care;",
          BULLET + "how to speak to the adult alone."],
         "Principal Social Worker",
         "Trainer commissioned; training delayed until the new year.", "", "", "March 2026"),
        ("4 (ii) Adult Social Care should audit 20 safeguarding enquiries for evidence that "
         "coercive control was considered.", "Principal Social Worker",
         "Not started: depends on the training in 4 (i).", "", "", "June 2026"),
        ("5 Larchfield Homes should adopt the Domestic Abuse Housing Alliance standards. "
         "(Recommendation 6 (page 12))", "Head of Housing Management",
         "Gap analysis completed; accreditation application being prepared.", "", TICK, ""),
        ("6 The Partnership should ask the Home Office to add guidance on older victims to "
         "the statutory guidance. (Recommendation 8 (page 14))", "CSP Chair",
         "Letter sent 14.11.2024; reply received.", TICK, "", ""),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Next review: July 2025.")


# --- 15. business-plan-by-when-conditions (S5) --------------------------------------------

def business_plan_by_when_conditions(doc) -> None:
    title_block(doc, ["Ashcombe Domestic Abuse Partnership", "Business Plan 2025-26: "
                      "learning from domestic homicide reviews"], size_pt=13)
    add_para(doc, "The partnership's business plan sets out what it will do in 2025-26 in "
             "response to the domestic homicide reviews published in the last two years, "
             "how it will do it, and how it will know it has made a difference. It is "
             "monitored by the partnership's executive group.", space_after_pt=6)
    add_para(doc, "Three reviews were published in 2023 and 2024. Each found that the victim "
             "had been in contact with several agencies and that none of them had the whole "
             "picture. Two found that practitioners did not recognise coercive control, and "
             "all three found that older victims and their families did not know where to "
             "get help. The priorities below answer those findings. Where a date depends on "
             "another piece of work, the plan says so.", space_after_pt=6)
    add_para(doc, "The executive group will receive a progress report against each priority "
             "every six months, and the impact measures will be reported in the "
             "partnership's annual report.", space_after_pt=10)
    table = add_table(doc, ["What will it do?", "How will the partnership do this?",
                            "Responsible lead/ group", "By when", "What is desired outcome",
                            "What will impact be and how measured"],
                      [4.4, 5.4, 2.6, 2.4, 3.4, 4.0])
    full_width_row(table, "Priority 1 – Learning from reviews reaches practitioners")
    rows = [
        ("Make the learning from every published DHR available to frontline staff.",
         [BULLET + "Publish a seven-minute briefing for each review.",
          BULLET + "Hold a learning event after each publication."],
         "DHR Subgroup", "September 2025 (website permitting)",
         "Practitioners know the learning from local reviews",
         "Attendance at learning events; survey of practitioners"),
        ("Train practitioners in recognising coercive control.",
         ["Multi-agency training delivered by the partnership's trainers.",
          "Single agency training checked through the annual safeguarding audit."],
         "Training Subgroup", "March 2026 as per training strategy",
         "Practitioners recognise coercive control",
         "Pre- and post-course questionnaires; audit of case files"),
        ("Check that agencies have acted on DHR recommendations.",
         "Each agency reports progress on its actions to the executive group twice a year.",
         "Executive group", "As per strategy and action plan",
         "Recommendations are implemented", "Number of actions completed on time"),
    ]
    for row in rows:
        add_row(table, row)
    full_width_row(table, "Priority 2 – Victims are identified earlier")
    rows = [
        ("Improve identification of domestic abuse in health settings.",
         [BULLET + "Extend IRIS to the remaining GP practices.",
          BULLET + "Place an IDVA in the emergency department."],
         "ICB Safeguarding Team", "December 2025",
         "More victims identified and referred by health services",
         "Referrals to the IDVA service from health settings"),
        ("Raise awareness of domestic abuse among older people and their families.",
         "Awareness campaign in GP surgeries, pharmacies and libraries.",
         "Communications group", "Spring 2026",
         "Older victims know where to get help",
         "Calls to the helpline from people over 60"),
        ("Make sure that victims discussed at MARAC are offered support.",
         "The IDVA service contacts every victim within two working days of the meeting.",
         "MARAC Steering Group", "Ongoing",
         "Every MARAC victim is offered support",
         "Share of victims contacted within two working days"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Approved by the Ashcombe Domestic Abuse Partnership executive group.")


# --- 16. addressed-to-minimal (S7) -------------------------------------------------------

def addressed_to_minimal(doc) -> None:
    title_block(doc, ["Domestic Homicide Review – 'Karen'", "Recommendations"], size_pt=13)
    add_para(doc, "The review panel made the following recommendations. Each names the body "
             "it is addressed to; the partnership's action plan will set out how and when "
             "each will be delivered.", space_after_pt=6)
    add_para(doc, "Karen was 73 when she was killed by her husband, who was 76, at their home "
             "in Sussbury. She had cared for him for six years after his stroke. In the "
             "three years before her death she saw her GP eleven times, twice with injuries "
             "she said were from falls, and she was seen once at the emergency department. "
             "The police were called to the home once, by a neighbour, and no offence was "
             "recorded. Adult Social Care assessed her husband's needs twice and offered a "
             "carer's assessment, which she declined.", space_after_pt=6)
    add_para(doc, "The panel found that no agency asked Karen about domestic abuse, and that "
             "her role as a carer was seen as the reason for her injuries and her low mood. "
             "Agencies did not share what they knew, so that no one saw the pattern. The "
             "recommendations below are addressed to the bodies that can make the changes "
             "needed; three are addressed to the partnership itself.", space_after_pt=10)
    table = add_table(doc, ["#", "Recommendation", "Addressed to"], [1.0, 12.0, 4.0])
    rows = [
        ("The Community Safety Partnership should publish this review's learning in a "
         "seven-minute briefing for all partner agencies.", "Community Safety Partnership"),
        ("The Community Safety Partnership should seek assurance that agencies ask about "
         "domestic abuse when a patient or client presents with depression.",
         "Community Safety Partnership"),
        ("The Safer Communities Partnership should review how the local domestic abuse "
         "services are publicised to men who are victims.", "Safer Communities Partnership"),
        ("Sussbury Police should ensure that officers record the views of children present "
         "at domestic abuse incidents.", "Sussbury Police"),
        ("Sussbury Police should review its use of domestic violence protection notices "
         "where the victim does not support action.", "Sussbury Police"),
        ("The ICB should ensure that GP practices record a disclosure of domestic abuse in "
         "both partners' records where both are patients.", "Integrated Care Board"),
        ("The ICB should promote routine enquiry about domestic abuse in the annual health "
         "check of patients with a learning disability.", "Integrated Care Board"),
        (["Sussbury Adult Social Care should ensure that a carer's assessment considers "
          "whether the carer is at risk from the person they care for.",
          "Karen was her husband's carer for six years and was never asked about her own "
          "safety."], "Adult Social Care"),
        ("Sussbury Homes should train its income officers to recognise economic abuse when "
         "a tenant falls into arrears.", "Sussbury Homes"),
        ("The Mental Health Trust should share risk information with the partner of a "
         "patient who has threatened them.", "Mental Health Trust"),
        ("The Probation Service should tell the police when a person on licence starts a "
         "new relationship.", "Probation Service"),
        ("The Community Safety Partnership should ask the Home Office to publish guidance "
         "on reviews where the victim and perpetrator were both over 70.",
         "Community Safety Partnership"),
    ]
    for i, (text, to) in enumerate(rows, start=1):
        add_row(table, [str(i), text, to])
    add_para(doc)
    add_para(doc, "The review was chaired by an independent chair appointed by the "
             "partnership.")


# --- 17. home-office-theme-reach (S1) -----------------------------------------------------

def home_office_theme_reach(doc) -> None:
    title_block(doc, ["Fellside Community Safety Partnership", "Domestic Homicide Review – "
                      "'Joanne'", "Action Plan"], size_pt=13)
    add_para(doc, "The recommendations are grouped by theme. The theme row says how far each "
             "recommendation reaches: across the county, or within one district.",
             space_after_pt=10)
    table = add_table(doc, ["Recommendation", "Action to take", "Lead",
                            "Key milestones achieved in enacting recommendation",
                            "Target date", "Date of completion and outcome"],
                      [6.0, 5.6, 2.8, 4.4, 2.4, 4.2])
    themes = [
        ("Theme 1 – Information sharing – Countywide", [
            ("1. Agencies should share information about domestic abuse with the MARAC "
             "before each meeting, using the agreed template.",
             "Re-issue the MARAC information sharing template to all agencies.", "MARAC Chair",
             "Template re-issued", "31.03.2025", "Completed 18.02.2025"),
            (["2. The Fellside CSP should make sure that GP practices receive MARAC outcomes "
              "for their patients.",
              "In this case Joanne's GP did not know she had been discussed at MARAC."],
             [BULLET + "Add the GP practice to the MARAC referral form.",
              BULLET + "Send outcomes to practices within five working days."],
             "MARAC Coordinator", ["Form amended", "Outcomes sent by secure e-mail"],
             "June 2025", "Ongoing – form amended, outcome process being tested"),
        ]),
        ("Theme 2 – Processes – Countywide", [
            ("3. Fellside Police should ensure that a domestic abuse report is linked to "
             "previous reports about the same couple.",
             "Introduce a linked-incident check in the crime recording system.",
             "Fellside Police", "System change specified", "Autumn 2025",
             "Not started – awaiting the system supplier"),
            ("4. Adult Social Care should record domestic abuse as a category of concern in "
             "every safeguarding referral where it is disclosed.",
             "Update the referral screening procedure.", "Adult Social Care",
             "Procedure updated", "December 2024", "Completed 02.12.2024"),
        ]),
        ("Theme 3 – Training – Fellside district", [
            ("5. Fellside District Council should train its housing officers in the DASH "
             "risk checklist.",
             ["Deliver DASH training to all housing officers.",
              "Include the training in the induction of new officers."],
             "Fellside District Council", ["Training delivered to 24 officers"],
             "September 2025", "In progress – 24 of 30 officers trained"),
            ("6. The CSP should hold a learning event on this review for practitioners in "
             "the district.", "Organise and hold the learning event.", "CSP Manager",
             "Event held", "March 2025", "Completed 12.03.2025"),
        ]),
    ]
    for theme, rows in themes:
        full_width_row(table, theme)
        for row in rows:
            add_row(table, row)
    add_para(doc)
    add_para(doc, "Progress is reported to the Fellside CSP Board each quarter.")


# --- 18. single-and-multi-agency-tables (issue 8's split, from DHR overview reports) -----

SINGLE_HEADER = ["No.", "Recommendation", "Actions", "Lead officer", "Timescale", "Progress"]
SINGLE_WIDTHS = [1.2, 7.4, 7.4, 3.6, 2.6, 4.4]


def single_and_multi_agency_tables(doc) -> None:
    title_block(doc, ["Brackenford Community Safety Partnership",
                      "Domestic Homicide Review 'Mr H' – Action Plan"], size_pt=13)
    add_para(doc, "The review made eight recommendations. Five are for single agencies and "
             "are monitored by each agency's own safeguarding lead; three are for the "
             "partnership as a whole and are monitored by the DHR Standing Group, which "
             "rates each one Red, Amber or Green at every meeting.", space_after_pt=10)
    doc.add_heading("Part A: Single agency recommendations", level=1)
    agencies = [
        ("Brackenford Police", [
            ("1", "Brackenford Police should ensure that a male victim of domestic abuse is "
             "offered the same referral to specialist support as a female victim.",
             [BULLET + "Amend the referral guidance for response officers.",
              BULLET + "Add the male victims' service to the referral pathway."],
             "DI, Public Protection", "June 2025", "Complete – guidance issued 03.04.2025"),
            ("2", ["Brackenford Police should review how it records incidents where both "
                   "partners make allegations against each other.",
                   "Mr H was recorded as the perpetrator on three occasions when he had "
                   "called the police himself."],
             [BULLET + "Review a sample of 50 counter-allegation incidents.",
              BULLET + "Brief supervisors on identifying the primary aggressor."],
             "DI, Public Protection", "December 2025",
             "In progress – sample reviewed, briefing being written"),
        ]),
        ("Brackenford Hospitals NHS Trust", [
            ("1", "The Trust should ensure that staff in the emergency department ask about "
             "domestic abuse when a man presents with injuries from an assault.",
             "Add a routine enquiry prompt to the assault pathway.",
             "Named Nurse, Adult Safeguarding", "September 2025", "Not started"),
            ("2", "The Trust should include male victims in its domestic abuse training.",
             [BULLET + "Revise the level 3 training package.",
              BULLET + "Deliver the revised package to emergency department staff."],
             "Named Nurse, Adult Safeguarding", "March 2026",
             "In progress – package revised, delivery from January"),
        ]),
        ("Adult Social Care", [
            ("1", "Adult Social Care should ensure that a safeguarding enquiry about a man "
             "with care and support needs considers whether he is a victim of domestic abuse.",
             "Update the enquiry guidance and the recording form.",
             "Head of Adult Safeguarding", "31.07.2025", "Completed 15.07.2025"),
        ]),
    ]
    for agency, rows in agencies:
        add_para(doc, agency, bold=True, size_pt=11, space_after_pt=4)
        table = add_table(doc, SINGLE_HEADER, SINGLE_WIDTHS)
        for row in rows:
            add_row(table, row)
        add_para(doc, space_after_pt=8)
    doc.add_heading("Part B: Multi-agency recommendations", level=1)
    add_para(doc, "RAG ratings were agreed by the DHR Standing Group on 10 November 2025.",
             space_after_pt=6)
    table = add_table(doc, ["Rec", "Recommendation", "Agencies involved", "Intended outcome",
                            "Date due", "RAG status"], [1.4, 9.0, 4.2, 5.4, 2.4, 2.2])
    rows = [
        ("MA1", ["The Community Safety Partnership should commission a service for male "
                 "victims of domestic abuse, or make sure that an existing service is "
                 "commissioned to support men.",
                 "The review heard that Mr H searched online for help for men and found none "
                 "in the county."],
         ["Community Safety Partnership", "Public Health"],
         "Male victims can get specialist support in Brackenford", "April 2026", "Amber"),
        ("MA2", "The partnership should run a campaign that tells men where to get help.",
         ["Community Safety Partnership", "Brackenford Police"],
         "More men contact the helpline", "Summer 2025", "Green"),
        ("MA3", "Agencies should agree how they will identify the primary aggressor where both "
         "partners make allegations.",
         ["Brackenford Police", "Adult Social Care", "IDVA Service"],
         "Victims are not wrongly recorded as perpetrators", "2026/27", "Red"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Plan owner: DHR Standing Group, Brackenford Community Safety Partnership.")


PLANS = {
    "police-overarching-sub-actions": Plan(
        police_overarching_sub_actions, Page(landscape=True, size_pt=9, margin_cm=1.5),
        tagged=True),
    "horizon-parts-tick-columns": Plan(horizon_parts_tick_columns, Page(size_pt=11)),
    "business-plan-by-when-conditions": Plan(
        business_plan_by_when_conditions, Page(landscape=True, size_pt=11, margin_cm=1.5)),
    "addressed-to-minimal": Plan(addressed_to_minimal, Page(size_pt=12), tagged=True),
    "home-office-theme-reach": Plan(
        home_office_theme_reach, Page(landscape=True, size_pt=11, margin_cm=1.5)),
    "single-and-multi-agency-tables": Plan(
        single_and_multi_agency_tables, Page(landscape=True, size_pt=10.5, margin_cm=1.5),
        tagged=True),
}


def main(names: list[str]) -> None:
    """Build the named plans (all of them without arguments)."""
    build(PLANS, names)


if __name__ == "__main__":
    main(sys.argv[1:])
