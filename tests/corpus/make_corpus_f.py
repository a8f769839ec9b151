"""Build corpus F: nine invented DHR action plans in layouts corpora A to E do not have
(issue 8, round 4): a borderless table with a plain header, date first and owner last; a
"B / G / A / R" status column with nested "1." / "1.1" numbering and a BRAG key; lettered
action rows "a)", "b)" under their recommendation in single- and multi-agency tables whose
numbering restarts; the recommendation number in a narrow column beside a text merged over
two of Word's grid columns; forms of four columns (label | detail | lead | date); a
landscape table of nine narrow columns with a glossary of two pairs of columns at the end;
a form with its recommendations side by side, a column each; recommendation rows and their
"(a)", "(b)" action rows over two pages, the header repeated, rows cut by the page break;
a borderless table whose narrow recommendation column breaks its plain header.

    .venv/bin/python tests/corpus/make_corpus_f.py [NAME...]  # needs soffice and chromium

The builders are corpus B's (`make_corpus_b.py`) and the PDFs LibreOffice's
(`make_fixtures.to_pdf`); five plans are also exported as tagged PDFs. The HTML page
(LibreOffice "Save as HTML", tests/corpus/html/) and its Chromium print (tests/corpus/
chromium/) are written too; the text exports come from
tests/fixtures/make_converter_exports.py. Every partnership, person and case is invented.
The expected records (`<name>.expected.json`) were drafted from the .docx reader's output
once it read each layout, then checked field by field against the printed plan.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docx.shared import Cm

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "fixtures"))
from make_corpus_b import (  # noqa: E402
    BULLET,
    HEADER_FILL,
    THEME_FILL,
    Cell,
    Page,
    Plan,
    add_para,
    add_row,
    add_table,
    build,
    shade,
    title_block,
    write_cell,
)
from make_fixtures import BORDERLESS, apply_look, set_repeat_header  # noqa: E402
from make_producers import CHROMIUM_FLAGS  # noqa: E402


def plain_table(doc, header: Sequence[str], widths_cm: Sequence[float]):
    """A table with no rules and no shading, its header in plain type (not bold)."""
    table = doc.add_table(rows=1, cols=len(header))
    apply_look(table, BORDERLESS)
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        write_cell(cell, text)
    return table


# --- 22. borderless-date-first ------------------------------------------------------------

def borderless_date_first(doc) -> None:
    title_block(doc, ["Kestrel Vale Community Safety Partnership",
                      "Domestic Homicide Review 'Paula' – Action Plan"], size_pt=13)
    add_para(doc, "The panel agreed the actions below at its meeting in May 2025. The plan "
             "is ordered by when each action is due, soonest first.", space_after_pt=10)
    table = plain_table(doc, ["Target completion date", "Ref", "Recommendation",
                              "How this will be done", "Responsible organisation"],
                        [1.9, 1.0, 6.0, 5.6, 2.5])
    rows = [
        ("July 2025", "R3", "The CSP should publish a seven-minute briefing on the learning "
         "from this review.", "Draft the briefing and send it to every partner agency.",
         "CSP"),
        ("30/09/2025", "R1", ["Kestrel Vale Police should make sure that a repeat caller "
                              "at the same address is flagged to the attending officers.",
                              "Paula's neighbours called the police four times in two "
                              "months."],
         [BULLET + "Add a repeat-address flag to the control room system.",
          BULLET + "Brief all call handlers on the flag."], "Kestrel Vale Police"),
        ("December 2025", "R2", "GP practices should ask about domestic abuse when a patient "
         "attends with an injury she says came from a fall.",
         "Circulate routine enquiry guidance to every practice.",
         "Integrated Care Board"),
        ("March 2026", "R4", "The Housing service should offer a home visit when a tenant "
         "asks to end a joint tenancy.",
         [BULLET + "Amend the tenancy procedure.",
          BULLET + "Train the tenancy team."], "Kestrel Homes"),
        ("2026/27", "R5", "The CSP should check, through an audit, that these actions have "
         "made a difference.", "Commission a multi-agency audit of ten cases.", "CSP"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Plan owner: Kestrel Vale CSP DHR Subgroup.")


# --- 23. brag-letters-nested-numbering ----------------------------------------------------

def brag_letters_nested_numbering(doc) -> None:
    title_block(doc, ["Oldbridge Safeguarding Partnership",
                      "DHR 'Thomas' – Recommendations Tracker"], size_pt=13)
    add_para(doc, "Each recommendation is numbered 1., 2., ... and its actions 1.1, 1.2, "
             "... The Status column uses the partnership's BRAG rating: B = Blue, complete; "
             "G = Green, on track; A = Amber, some delay; R = Red, not started.",
             space_after_pt=10)
    table = add_table(doc, ["No.", "Recommendation / Action", "Lead", "Due", "Status"],
                      [1.2, 9.5, 3.2, 2.2, 1.6])
    rows = [
        ("1.", "Oldbridge Council should make sure that adult social care staff ask a carer "
         "about their own safety at every review.", "", "", ""),
        ("1.1", "Add a question on the carer's safety to the review form.",
         "Adult Social Care", "June 2025", "B"),
        ("1.2", "Train review officers in asking the question.", "Adult Social Care",
         "September 2025", "G"),
        ("2.", "The Mental Health Trust should share its risk assessment with the GP when a "
         "patient threatens a family member.", "", "", ""),
        ("2.1", "Amend the discharge letter template.", "Mental Health Trust",
         "August 2025", "BRAG: Blue"),
        ("2.2", "Audit twenty discharge letters.", "Mental Health Trust", "January 2026",
         "A"),
        ("3.", "The Partnership should raise awareness of domestic abuse by adult sons and "
         "daughters.", "", "", ""),
        ("3.1", "Run a campaign in libraries and GP surgeries.", "Communications Team",
         "Spring 2026", "R"),
    ]
    for row in rows:
        add_row(table, row, bold_first=False)
    add_para(doc)
    add_para(doc, "Next update: the Partnership Board in March 2026.")


# --- 24. lettered-action-rows-two-tables --------------------------------------------------

def lettered_action_rows_two_tables(doc) -> None:
    title_block(doc, ["Marlow Fen Community Safety Partnership",
                      "Domestic Homicide Review 'Sadia' – Action Plan"], size_pt=13)
    add_para(doc, "Under each recommendation are the actions agreed, lettered a), b), ... "
             "Each action has its own lead, date and progress.", space_after_pt=10)
    doc.add_heading("Single agency recommendations", level=1)
    table = add_table(doc, ["Ref", "Recommendation and actions", "Lead officer",
                            "Target date", "Progress"], [1.2, 8.6, 3.0, 2.4, 3.6])
    rows = [
        ("1", "Marlow Fen Police should ensure that an interpreter is used whenever a victim "
         "does not speak English, and never a family member.", "", "", ""),
        ("a)", "Issue guidance on the use of interpreters.", "DI Safeguarding",
         "April 2025", "Complete"),
        ("b)", "Add an interpreter field to the incident record.", "DI Safeguarding",
         "October 2025", "In progress – change requested"),
        ("2", "The Hospital Trust should offer every woman seen alone at the antenatal "
         "booking the chance to disclose abuse.", "", "", ""),
        ("a)", "Change the booking appointment so that part is always seen alone.",
         "Head of Midwifery", "June 2025", "Complete"),
        ("b)", "Audit bookings for evidence that women were seen alone.",
         "Head of Midwifery", "December 2025", "Not started"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc, space_after_pt=8)
    doc.add_heading("Multi-agency recommendations", level=1)
    table = add_table(doc, ["No.", "Recommendation", "Agencies", "Outcome sought",
                            "Target"], [1.2, 8.0, 3.6, 4.0, 2.0])
    rows = [
        ("1", "Agencies should agree a shared approach to honour-based abuse.",
         ["Marlow Fen Police", "Children's Services"],
         "Practitioners recognise honour-based abuse", "2025/26"),
        ("2", "The CSP should commission training on forced marriage for all agencies.",
         "Community Safety Partnership", "Staff know how to respond to forced marriage",
         "March 2026"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Monitored by the Marlow Fen DHR Standing Group.")


# --- 25. number-column-merged-text --------------------------------------------------------

def number_column_merged_text(doc) -> None:
    """The template's grid has six columns; the recommendation text spans two of them in
    every row, so the page shows five."""
    title_block(doc, ["Greystone Partnership", "Domestic Homicide Review 'Adult C'",
                      "Action Plan"], size_pt=13)
    add_para(doc, "The review panel made four recommendations.", space_after_pt=10)
    widths = [1.0, 5.0, 3.4, 3.2, 2.4, 3.0]
    table = doc.add_table(rows=1, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)

    def merged_row(row, values: Sequence[Cell], *, bold: bool = False) -> None:
        for i, cell in enumerate(row.cells):
            cell.width = Cm(widths[i])
        cells = [row.cells[0], row.cells[1].merge(row.cells[2]), *row.cells[3:]]
        for cell, value in zip(cells, values, strict=True):
            write_cell(cell, value, bold=bold)
            if bold:
                shade(cell, HEADER_FILL)

    set_repeat_header(table.rows[0])
    merged_row(table.rows[0], ["No", "Recommendation", "Lead agency", "Target date",
                               "Completed"], bold=True)
    rows = [
        ("1", "Greystone Adult Social Care should ensure that the needs of a carer are "
         "assessed separately from those of the person cared for.", "Adult Social Care",
         "September 2025", "Yes – August 2025"),
        ("2", ["Greystone Police should make sure that officers speak to both parties "
               "separately at every domestic abuse incident.",
               "Officers spoke to Adult C in front of her husband on both occasions."],
         "Greystone Police", "31.12.2025", "No"),
        ("3", "The ICB should remind GP practices that a patient's carer may also be a "
         "victim.", "Integrated Care Board", "Autumn 2025", "Yes – 14.10.2025"),
        ("4", "The Partnership should share this review's learning with its neighbouring "
         "partnerships.", "Greystone Partnership", "Ongoing", "No"),
    ]
    for values in rows:
        merged_row(table.add_row(), values)
    add_para(doc)
    add_para(doc, "Agreed by the Greystone Partnership Board.")


# --- 26. form-four-columns ----------------------------------------------------------------

def form_four_columns(doc) -> None:
    title_block(doc, ["Northcote Community Safety Partnership",
                      "Domestic Homicide Review 'Irene' – Action Plan"], size_pt=13)
    add_para(doc, "Each recommendation has its own table: the recommendation, then its "
             "actions with the lead and target date of each, then the latest progress.",
             space_after_pt=10)
    widths = (3.0, 8.0, 3.4, 2.6)
    recs = [
        ("Recommendation 1", "Northcote Police should refer every high-risk victim to the "
         "MARAC within two working days.", "Northcote Police", "June 2025",
         [("Action 1.1", "Remind officers of the referral timescale.", "DCI Public "
           "Protection", "April 2025"),
          ("Action 1.2", "Report referral times to the MARAC steering group.",
           "MARAC Coordinator", "June 2025")],
         "Complete – reminder issued 02/04/2025; first report made in June."),
        ("Recommendation 2", "The ICB should make sure that practices record a disclosure "
         "of domestic abuse in the victim's record.", "Integrated Care Board",
         "December 2025",
         [("Action 2.1", "Issue recording guidance to practices.", "Named GP",
           "September 2025")],
         "In progress – guidance drafted."),
        ("Recommendation 3", "Northcote Homes should ask about domestic abuse when a tenant "
         "reports repeated damage to a door or window.", "Northcote Homes", "March 2026",
         [("Action 3.1", "Add the question to the repairs script.", "Repairs Manager",
           "January 2026"),
          ("Action 3.2", "Train repairs operatives.", "Repairs Manager", "March 2026")],
         "Not started"),
    ]
    for label, text, lead, date, actions, progress in recs:
        table = doc.add_table(rows=0, cols=4)
        table.style = "Table Grid"
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)

        def row(values: Sequence[Cell], *, head: bool = False, merge: bool = False,
                table=table) -> None:
            cells = table.add_row().cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = Cm(width)
            if merge:
                cells = [cells[0], cells[1].merge(cells[3])]
            for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
                write_cell(cell, value, bold=head or i == 0)
                if head or i == 0:
                    shade(cell, HEADER_FILL)

        row(["", "Detail", "Lead", "Target date"], head=True)
        row([label, text, lead, date])
        for action in actions:
            row(list(action))
        row(["Progress", progress], merge=True)
        add_para(doc, space_after_pt=8)
    add_para(doc, "Progress is reported to the CSP Board each quarter.")


# --- 27. nine-columns-glossary-pairs ------------------------------------------------------

NINE_HEADER = ["Ref", "Theme", "Recommendation", "Scope", "Action", "Lead", "Target",
               "Progress update", "RAG"]


def nine_columns_glossary_pairs(doc) -> None:
    title_block(doc, ["Ravensmoor Community Safety Partnership",
                      "Domestic Homicide Review 'Ms J' – Action Plan"], size_pt=12)
    add_para(doc, "The action plan is reviewed by the DHR Subgroup every quarter. Each "
             "action is rated Red, Amber or Green in the RAG column.", space_after_pt=8)
    table = add_table(doc, NINE_HEADER, [1.0, 2.2, 5.6, 1.6, 5.4, 2.4, 2.0, 4.6, 1.6])
    rows = [
        ("1", "Risk", "Ravensmoor Police should make sure that a DASH risk assessment is "
         "reviewed by a supervisor within 24 hours.", "Local",
         [BULLET + "Issue a supervisor checklist.", BULLET + "Dip-sample 20 DASH forms "
          "each month."], "Ravensmoor Police", "April 2025",
         "Checklist issued; dip sampling started in March.", "Green"),
        ("2", "Risk", "The MARAC should review every case where the victim has been "
         "referred three times in a year.", "Local", "Add a repeat-referral review to the "
         "MARAC agenda.", "MARAC Chair", "June 2025",
         "Agreed at the steering group; first review in July.", "Amber"),
        ("3", "Training", ["The CSP should make coercive control training available to all "
                           "agencies.",
                           "In this case no agency recognised the pattern of control."],
         "Local", [BULLET + "Commission a training provider.",
                   BULLET + "Run six sessions a year."], "CSP Manager", "March 2026",
         "Provider being commissioned; the tender closed in November.", "Amber"),
        ("4", "Training", "GP practices should include domestic abuse in their annual "
         "safeguarding training.", "Local", "Add a domestic abuse module to the GP "
         "training.", "ICB", "Autumn 2025", "Not started.", "Red"),
        ("5", "Information sharing", "The Home Office should set out how agencies share "
         "information about a perpetrator who moves between areas.", "National",
         "Write to the Home Office with this review's findings.", "CSP Chair", "May 2025",
         "Letter sent 12/05/2025.", "Green"),
        ("6", "Information sharing", "Ravensmoor Council should share housing records with "
         "the police when a tenant is referred to MARAC.", "Local", "Agree an information "
         "sharing protocol.", "Head of Housing", "September 2025",
         "Protocol drafted; legal review under way.", "Amber"),
        ("7", "Support", "The CSP should make sure that older victims know where to get "
         "help.", "Local", [BULLET + "Publish leaflets in GP surgeries and pharmacies.",
                            BULLET + "Brief the older people's forum."],
         "CSP Manager", "2025/26", "Leaflets printed; forum briefed in October.", "Green"),
        ("8", "Support", "The IDVA service should contact every high-risk victim within "
         "two working days of referral.", "Local", "Monitor contact times every month.",
         "IDVA Service", "Ongoing", "Monitoring in place since January.", "Green"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc, space_after_pt=10)
    add_para(doc, "Glossary", bold=True, size_pt=11, space_after_pt=4)
    glossary = doc.add_table(rows=1, cols=4)
    glossary.style = "Table Grid"
    glossary.autofit = False
    widths = [2.6, 6.0, 2.6, 6.0]
    for column, width in zip(glossary.columns, widths, strict=True):
        column.width = Cm(width)
    pairs = [
        ("CSP", "Community Safety Partnership", "ICB", "Integrated Care Board"),
        ("DASH", "Domestic Abuse, Stalking and Harassment risk checklist", "IDVA",
         "Independent Domestic Violence Advisor"),
        ("GP", "General Practitioner", "MARAC", "Multi-Agency Risk Assessment Conference"),
    ]
    for cell, text in zip(glossary.rows[0].cells, ["Abbreviation", "Meaning",
                                                   "Abbreviation", "Meaning"], strict=True):
        write_cell(cell, text, bold=True)
        shade(cell, THEME_FILL)
    for values in pairs:
        add_row(glossary, values)


# --- 28. side-by-side-form --------------------------------------------------------------

def side_by_side_form(doc) -> None:
    """One table, the field labels down the left and a column per recommendation."""
    title_block(doc, ["Hollinbrook Community Safety Partnership",
                      "Domestic Homicide Review 'Mr K' – Action Plan"], size_pt=13)
    add_para(doc, "The review made three recommendations, set out side by side below. The "
             "partnership's DHR Subgroup checks progress at each meeting.", space_after_pt=10)
    fields = ["Recommendation", "Lead agency", "Actions", "Target date", "Progress"]
    recs = [
        ["Hollinbrook Police should make sure that a man reporting abuse by a partner is "
         "offered a referral to a male victims' service.", "Hollinbrook Police",
         [BULLET + "Add the service to the referral guidance.",
          BULLET + "Brief response officers."], "June 2025", "Complete – guidance issued"],
        ["The GP practice should record a disclosure of abuse in both partners' records.",
         "Integrated Care Board", "Issue recording guidance to all practices.",
         "September 2025", "In progress – guidance drafted"],
        ["The partnership should publish where men can get help.",
         "Community Safety Partnership", "Publish a leaflet and a web page.",
         "2025/26", "Not started"],
    ]
    widths = [3.0, 4.6, 4.6, 4.6]
    table = doc.add_table(rows=1, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for i, cell in enumerate(table.rows[0].cells):
        write_cell(cell, "" if i == 0 else f"Recommendation {i}", bold=True)
        shade(cell, HEADER_FILL)
    for k, label in enumerate(fields):
        cells = table.add_row().cells
        write_cell(cells[0], label, bold=True)
        shade(cells[0], HEADER_FILL)
        for cell, rec in zip(cells[1:], recs, strict=True):
            write_cell(cell, rec[k])
    add_para(doc)
    add_para(doc, "Agreed by the Hollinbrook CSP Board.")


# --- 29. parent-rows-over-pages -----------------------------------------------------------

def parent_rows_over_pages(doc) -> None:
    """Recommendation rows and their "(a)", "(b)" action rows over three pages, the header
    repeated by Word on each, rows cut by the page breaks."""
    title_block(doc, ["Westerleigh Safer Partnership",
                      "Domestic Homicide Review 'Louise' – Action Plan and Progress"],
                size_pt=13)
    add_para(doc, "Each recommendation is followed by the actions agreed to deliver it. "
             "The RAG column gives the lead's rating at the last Subgroup meeting.",
             space_after_pt=10)
    table = add_table(doc, ["Ref", "Recommendation / action", "Owner", "Target date", "RAG"],
                      [1.3, 9.0, 3.0, 2.2, 1.5])
    agencies = ["Westerleigh Police", "Adult Social Care", "Westerleigh Homes",
                "Mental Health Trust", "Integrated Care Board", "Probation Service"]
    subjects = [
        "record the victim's own account of each incident, taken away from the suspect",
        "consider whether an adult with care needs is being harmed by the person who cares "
        "for them",
        "ask about domestic abuse whenever a tenant asks to move urgently",
        "share a patient's risk to a partner with that partner's GP",
        "make routine enquiry about domestic abuse part of every new patient check",
        "tell the police when a person on licence starts a new relationship",
    ]
    detail = ("The review found that this did not happen on several occasions, and that "
              "no one noticed because each contact was seen on its own. The lead will report "
              "on the change to the Subgroup and give examples from practice.")
    ratings = [("Green", "Amber"), ("Amber", "Red"), ("Green", "Green"), ("Red", "Red"),
               ("Amber", "Green"), ("Green", "Amber")]
    months = ["April 2025", "June 2025", "September 2025", "December 2025", "March 2026",
              "June 2026"]
    for n, (agency, subject, rating) in enumerate(zip(agencies, subjects, ratings,
                                                      strict=True), start=1):
        add_row(table, [str(n), [f"{agency} should {subject}.", detail], "", "", ""])
        add_row(table, ["(a)", f"Revise the {agency} procedure and brief all staff on it.",
                        agency, months[n - 1], rating[0]])
        add_row(table, ["(b)", ["Audit twenty cases six months after the change.",
                                "The audit will be presented to the Subgroup."],
                        agency, months[min(n, 5)], rating[1]])
    add_para(doc)
    add_para(doc, "Next review of this plan: the Subgroup's meeting in July 2026.")


# --- 30. borderless-narrow-recommendation -------------------------------------------------

def borderless_narrow_recommendation(doc) -> None:
    """No rulings, a plain header, the recommendation in a narrow column (its header broken
    "Recomme" / "ndation") beside a wide action column."""
    title_block(doc, ["Ambleside Vale Community Safety Partnership",
                      "DHR 'Mrs R' – Action Plan"], size_pt=13)
    add_para(doc, "The recommendations are short; the actions agreed for each are set out "
             "beside them.", space_after_pt=10)
    table = plain_table(doc, ["No", "Recommendation", "Action", "Lead", "Target date",
                              "Status"], [0.9, 2.1, 6.2, 2.8, 2.2, 2.6])
    rows = [
        ("1", "Police should flag repeat callers.",
         "Add a repeat-caller flag to the control room system and brief call handlers.",
         "Police", "June 2025", "Complete"),
        ("2", "GPs should ask about abuse at every injury.",
         "Circulate routine enquiry guidance to every practice.", "ICB", "May 2026",
         "Not started"),
        ("3", "Housing should visit tenants who ask to move.",
         "Amend the tenancy procedure so that a home visit is offered.",
         "Ambleside Homes", "2026/27", "In progress – procedure drafted"),
        ("4", "The CSP should share this review's learning.",
         "Publish a seven-minute briefing.", "CSP", "September 2025", "Complete"),
    ]
    for row in rows:
        add_row(table, row)
    add_para(doc)
    add_para(doc, "Reviewed by the Ambleside Vale CSP Board each quarter.")


PLANS = {
    "borderless-date-first": Plan(borderless_date_first, Page(size_pt=10)),
    "brag-letters-nested-numbering": Plan(
        brag_letters_nested_numbering, Page(size_pt=10), tagged=True),
    "lettered-action-rows-two-tables": Plan(
        lettered_action_rows_two_tables, Page(size_pt=10), tagged=True),
    "number-column-merged-text": Plan(number_column_merged_text, Page(size_pt=10)),
    "form-four-columns": Plan(form_four_columns, Page(size_pt=10)),
    "nine-columns-glossary-pairs": Plan(
        nine_columns_glossary_pairs, Page(landscape=True, size_pt=9, margin_cm=1.2),
        tagged=True),
    "side-by-side-form": Plan(side_by_side_form, Page(size_pt=10), tagged=True),
    "parent-rows-over-pages": Plan(parent_rows_over_pages, Page(size_pt=11), tagged=True),
    "borderless-narrow-recommendation": Plan(borderless_narrow_recommendation, Page(size_pt=10)),
}


def companions(name: str) -> None:
    """LibreOffice's HTML page of the .docx (tests/corpus/html/) and Chromium's print of it
    (tests/corpus/chromium/), as for corpora A to E."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if soffice is None or browser is None:
        sys.exit("soffice and chromium are needed")
    html = HERE / "html" / f"{name}.html"
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "html", "--outdir", out, str(HERE / f"{name}.docx")],
            check=True, capture_output=True, timeout=180,
        )
        shutil.move(Path(out) / f"{name}.html", html)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile",
             f"--print-to-pdf={HERE / 'chromium' / f'{name}.pdf'}", html.resolve().as_uri()],
            check=True, capture_output=True, timeout=180,
        )
    print(html)


def main(names: list[str]) -> None:
    """Build the named plans (all of them without arguments)."""
    build(PLANS, names)
    for name in names or PLANS:
        companions(name)


if __name__ == "__main__":
    main(sys.argv[1:])
