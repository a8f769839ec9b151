# ruff: noqa: E501  (the plans' sentences stay on one line each)
"""Build corpus D: four invented plans with no table, the recommendations written as
running text (REAL-PLANS.md S6, S8): a heading "Recommendation 1" (or "Recommendation 1:"
and its text), paragraphs, bullets, and labelled lines ("Response: Accepted", "Action
taken/to be taken:", "Lead: ...", "Target date: ...", "Progress: ..."), or a numbered list under a
"Recommendations" heading.

    .venv/bin/python tests/corpus/make_corpus_d.py   # chromium for the PDFs

Each plan is one list of blocks written three ways: `<name>.html` (a council page saved
from a browser, or a GOV.UK-style publication, with its navigation, cookie banner and
footer), `<name>.docx` (python-docx: heading styles, List Bullet / List Number paragraphs
whose glyphs come from Word's numbering, bold labels) and, for the first two, `<name>.pdf`,
the HTML printed by headless Chromium (the pages' print styles hide their furniture, as
GOV.UK's and most councils' do). Every council, person and case is invented. The
expected records (`<name>.expected.json`) were written by reading the page, not from this
file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "fixtures"))
sys.path.insert(0, str(HERE.parent))
from docx_builders import NumberedDocument, numbered  # noqa: E402
from make_producers import CHROMIUM_FLAGS  # noqa: E402

Block = tuple  # ("h1".."h4", text) | ("p", text) | ("b", text) | ("label", label, value)
#               | ("ul", [items]) | ("ol", [items]) | ("ol", [items], first number)

EXEC_SUMMARY: list[Block] = [
    ("h1", "Domestic Homicide Review into the death of 'Mrs D' – Executive Summary"),
    ("p", "Harbourside Community Safety Partnership commissioned this review in May 2023, following the death of Mrs D, aged 71, at her home in Harbourside."),
    ("h2", "1. Introduction"),
    ("p", "The review examined the contact that agencies had with Mrs D and her husband in the three years before her death. Eleven agencies provided chronologies and six provided individual management reviews."),
    ("h2", "2. Key findings"),
    ("p", "Mrs D saw her GP, her pharmacist and her dentist regularly, but none of them asked her about her home life. Professionals did not recognise coercive control in an older couple."),
    ("ul", ["Mrs D disclosed low mood to her GP on four occasions.", "Police attended the address twice and recorded the incidents as verbal arguments."]),
    ("h2", "3. Recommendations"),
    ("p", "The review panel made the following recommendations."),
    ("h3", "Recommendation 1"),
    ("p", "Harbourside Community Safety Partnership should commission domestic abuse awareness training for staff in community pharmacies and dental practices."),
    ("p", "The training should cover:"),
    ("ul", ["how coercive control presents in older victims;", "how to ask about domestic abuse safely;", "where to refer a patient who discloses abuse."]),
    ("h3", "Recommendation 2"),
    ("p", "Harbourside Police should review how officers record the voice of the victim when they attend a domestic incident involving older people."),
    ("h3", "Recommendation 3"),
    ("p", "The Integrated Care Board should remind GP practices to ask about domestic abuse when a patient discloses low mood or anxiety."),
    ("p", "The reminder should be repeated each year."),
    ("ul", ["Include a prompt in the practice clinical system.", "Share the learning from this review at the protected learning time event."]),
    ("h3", "Recommendation 4"),
    ("p", "Harbourside Homes should add questions about domestic abuse to its annual tenancy visit for tenants aged over 65."),
    ("ul", ["Revise the tenancy visit form.", "Brief housing officers on the new questions."]),
    ("h2", "4. Next steps"),
    ("p", "The Partnership will publish an action plan setting out how each recommendation will be delivered, and will monitor its progress every quarter."),
]

RESPONSE_TRACKER: list[Block] = [
    ("h1", "Northmoor Police: response to the recommendations of Domestic Homicide Review 'Adult K'"),
    ("p", "Published 12 March 2025"),
    ("p", "This page sets out the recommendations made to Northmoor Police by the review, the force's response to each, and the action it has taken or will take."),
    ("h2", "Recommendation 1"),
    ("p", "Northmoor Police should ensure that every domestic abuse risk assessment completed by a call handler is reviewed by a supervisor within 24 hours."),
    ("label", "Response", "Accepted"),
    ("label", "Action taken/to be taken", ""),
    ("ul", ["A supervisor review step has been added to the call handling system.", "Compliance will be audited monthly by the Public Protection Unit."]),
    ("label", "Target date", "June 2025"),
    ("label", "Progress", "In progress – 60%"),
    ("h2", "Recommendation 2"),
    ("p", "Northmoor Police should provide training on stalking and harassment to all neighbourhood officers."),
    ("label", "Response", "Accepted"),
    ("label", "Action taken/to be taken", ""),
    ("ul", ["A one-day course on stalking has been written with the National Stalking Helpline.", "All 212 neighbourhood officers have attended the course."]),
    ("label", "Lead", "Head of Public Protection"),
    ("label", "Target date", "31st March 2025"),
    ("label", "Progress", "Complete – evidence provided"),
    ("h2", "Recommendation 3"),
    ("p", "Northmoor Police should appoint a dedicated domestic abuse officer in each custody suite."),
    ("label", "Response", "Not accepted"),
    ("p", "Custody staff already receive domestic abuse training, and a dedicated officer in each suite cannot be funded."),
    ("h2", "Recommendation 4: Northmoor Police should share the learning from this review with the Northmoor MARAC."),
    ("label", "Response", "Accepted in part"),
    ("label", "Action taken/to be taken", ""),
    ("ul", ["Present the learning to the MARAC steering group.", "Add a case study to the MARAC induction pack."]),
    ("label", "Lead", "DA Lead, Police"),
    ("label", "Target date", "March 2024 (revised to September 2024)"),
    ("label", "Progress", "Jan 2024: presentation booked / Jul 2024: learning presented; case study added to the induction pack"),
    ("h2", "Contact"),
    ("p", "Questions about this page can be sent to the Northmoor Police professional standards department."),
]

AGENCY_SECTIONS: list[Block] = [
    ("h1", "Westbury Safer Partnership – Domestic Homicide Review 'Ms L' – Recommendations"),
    ("p", "The review's recommendations are set out below, multi-agency recommendations first and then those for single agencies."),
    ("h2", "Multi-agency recommendations"),
    ("b", "Recommendation 1: Westbury Safer Partnership should develop a protocol for sharing information about domestic abuse between schools and children's services."),
    ("label", "Actions", ""),
    ("ol", ["Draft the protocol with the designated safeguarding leads.", "Consult head teachers on the draft."]),
    ("label", "Lead agency", "Westbury Safer Partnership"),
    ("label", "Timescale", "Within six months of publication"),
    ("b", "Recommendation 2: All agencies should remind staff that a victim's disclosure to one agency must be shared with the MARAC."),
    ("label", "Actions", ""),
    ("ol", ["Issue a briefing to all staff.", "Check at the next MARAC audit that referrals name every agency told."]),
    ("label", "Lead agency", "All agencies"),
    ("label", "Timescale", "Q3 2025/26"),
    ("h2", "Single agency recommendations"),
    ("h3", "Police"),
    ("b", "Recommendation 3: Westbury Police should make sure that officers check the police national computer for previous partners of a suspect."),
    ("label", "Actions", ""),
    ("ol", ["Update the domestic abuse attendance checklist."]),
    ("label", "Lead agency", "Police"),
    ("label", "Timescale", "w/c 12 January 2026"),
    ("h3", "Adult Social Care"),
    ("b", "Recommendation 4: Adult Social Care should include domestic abuse in its carer's assessment."),
    ("ul", ["Add a domestic abuse question to the carer's assessment form.", "Train assessors to ask it."]),
    ("label", "Lead agency", "ASC"),
    ("label", "Timescale", "From April 2026"),
    ("h2", "Glossary"),
    ("p", "ASC – Adult Social Care"),
    ("p", "MARAC – Multi-Agency Risk Assessment Conference"),
]

NUMBERED_LIST: list[Block] = [
    ("h1", "Kingsford Community Safety Partnership – Domestic Homicide Review 'Mr T' – Executive Summary"),
    ("p", "This summary sets out what the review found and what it recommends. Mr T was 44 when he was killed by his former partner."),
    ("h2", "Findings"),
    ("p", "Mr T told his GP and a hospital nurse that his partner had hurt him, but neither asked him about domestic abuse."),
    ("h2", "Recommendations"),
    ("p", "The panel recommends that:"),
    ("ol", ["Kingsford Community Safety Partnership should publicise domestic abuse services for male victims in places men use, such as sports clubs and barbers.",
            "Kingsford Hospital should ensure that emergency department staff ask about domestic abuse when a patient attends with an injury."]),
    ("ul", ["Include routine enquiry in the emergency department induction.", "Audit twenty case notes each quarter."]),
    ("ol", ["Kingsford Borough Council should record domestic abuse disclosures on the tenancy file.",
            "GP practices should code a disclosure of domestic abuse so that it is seen at the next appointment."], 3),
    ("h2", "Lessons learned"),
    ("p", "Male victims of domestic abuse may not see themselves as victims."),
]

PLANS = {
    "running-text-exec-summary": (EXEC_SUMMARY, "council", True),
    "running-text-response-tracker": (RESPONSE_TRACKER, "govuk", True),
    "running-text-agency-sections": (AGENCY_SECTIONS, "council", False),
    "running-text-numbered-list": (NUMBERED_LIST, "govuk", False),
}


def html_body(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2", "h3", "h4"):
            out.append(f"<{kind}>{escape(block[1])}</{kind}>")
        elif kind == "p":
            out.append(f"<p>{escape(block[1])}</p>")
        elif kind == "b":
            out.append(f"<p><strong>{escape(block[1])}</strong></p>")
        elif kind == "label":
            value = f" {escape(block[2])}" if block[2] else ""
            out.append(f"<p><strong>{escape(block[1])}:</strong>{value}</p>")
        else:
            items = "".join(f"<li>{escape(item)}</li>" for item in block[1])
            start = f' start="{block[2]}"' if len(block) > 2 else ""
            out.append(f"<{kind}{start}>{items}</{kind}>")
    return "\n".join(out)


COUNCIL = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Council</title>
<style>body {{ font-family: Arial, sans-serif; font-size: 11pt; }}
@media print {{ .cookie-banner, .skip-link, .site-header, .breadcrumb, .site-footer {{ display: none; }} }}</style>
<script>window.dataLayer = window.dataLayer || [];</script></head>
<body>
<div id="ccc" class="cookie-banner"><p>We use cookies to make this site work.</p><button>Accept</button></div>
<a class="skip-link" href="#content">Skip to main content</a>
<header class="site-header"><a href="/">Home</a><nav><ul><li><a href="/bins">Bins and recycling</a></li><li><a href="/csp">Community safety</a></li></ul></nav></header>
<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/csp">Community safety</a></li><li>Domestic homicide reviews</li></ol></nav>
<main id="content">
{body}
</main>
<footer class="site-footer"><p>© Council. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li></ul></footer>
</body></html>
"""

GOVUK = """<!DOCTYPE html>
<html lang="en" class="govuk-template"><head><meta charset="utf-8"><title>{title} - GOV.UK</title>
<style>body {{ font-family: Arial, sans-serif; font-size: 11pt; }}
@media print {{ .govuk-cookie-banner, .govuk-skip-link, .govuk-header, .govuk-footer {{ display: none; }} }}</style></head>
<body class="govuk-template__body">
<div class="govuk-cookie-banner" role="region" aria-label="Cookies on GOV.UK"><p>We'd like to use additional cookies.</p></div>
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-header" role="banner"><a href="/" class="govuk-header__link">GOV.UK</a></header>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content" role="main">
<div class="govuk-govspeak">
{body}
</div></main></div>
<footer class="govuk-footer" role="contentinfo"><p>All content is available under the Open Government Licence v3.0</p></footer>
<script src="/assets/govuk-frontend.js"></script>
</body></html>
"""


def write_html(path: Path, blocks: list[Block], style: str) -> None:
    template = COUNCIL if style == "council" else GOVUK
    path.write_text(template.format(title=escape(blocks[0][1]), body=html_body(blocks)), "utf-8")


def write_docx(path: Path, blocks: list[Block]) -> None:
    """Headings in heading styles, bullets in List Bullet, numbered lists in a decimal list
    of Word's numbering restarted for each list (as a council restarts them by hand)."""
    numbering = NumberedDocument()
    doc = numbering.doc
    decimal: int | None = None
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2", "h3", "h4"):
            doc.add_heading(block[1], level=int(kind[1]))
        elif kind == "p":
            doc.add_paragraph(block[1])
        elif kind == "b":
            doc.add_paragraph().add_run(block[1]).bold = True
        elif kind == "label":
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{block[1]}:").bold = True
            if block[2]:
                paragraph.add_run(f" {block[2]}")
        elif kind == "ul":
            for item in block[1]:
                doc.add_paragraph(item, style="List Bullet")
        else:
            if decimal is None:
                num_id = decimal = numbering.list_style([("decimal", "%1.")])
            else:
                start = block[2] if len(block) > 2 else 1
                num_id = numbering.restart(numbering.abstract_of(decimal), start=start)
            for item in block[1]:
                numbered(doc.add_paragraph(item), num_id)
    doc.save(str(path))


def write_pdf(html: Path, pdf: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile",
             f"--print-to-pdf={pdf}", html.resolve().as_uri()],
            check=True, capture_output=True, timeout=180,
        )


def main(names: list[str]) -> None:
    for name, (blocks, style, pdf) in PLANS.items():
        if names and name not in names:
            continue
        write_html(HERE / f"{name}.html", blocks, style)
        write_docx(HERE / f"{name}.docx", blocks)
        if pdf:
            write_pdf(HERE / f"{name}.html", HERE / f"{name}.pdf")
        print("wrote", name)


if __name__ == "__main__":
    main(sys.argv[1:])
