"""Markup in text-export cells to plain cell text: one row per real cell, samples first."""

import pytest

from dhrplan.extract.cellhtml import cell_from_markup, tidy

# raw cell, expected text, expected bold
CASES = [
    # --- cells from samples/somerset-dhr-012-action-plan.txt
    (
        "<p>a. Forcewide circulation to Managers to directly brief operational staff.</p> "
        "<p>b. To be raised with the Force Domestic Abuse lead</p>",
        "a. Forcewide circulation to Managers to directly brief operational staff.\n"
        "b. To be raised with the Force Domestic Abuse lead",
        False,
    ),
    ("<p>Jones</p>", "Jones", False),
    ("<p>Local</p>", "Local", False),
    (
        '1) Ensure that all comprehensive case audits address: <ul style="list-style-type: '
        'none"> • Clarity of recording • Rationale for decision making • Management oversight '
        "of progress on actions • The voice and experience of the child",
        "1) Ensure that all comprehensive case audits address:\n• Clarity of recording\n"
        "• Rationale for decision making\n• Management oversight of progress on actions\n"
        "• The voice and experience of the child",
        False,
    ),
    (
        "<p>“women’s page”, linking into existing websites – i.e. survivor pathway</p>",
        "“women’s page”, linking into existing websites – i.e. survivor pathway",
        False,
    ),
    ("Deputy Director Children & Families", "Deputy Director Children & Families", False),
    ("31.12.2016", "31.12.2016", False),
    ("", "", False),
    ("<p></p>", "", False),
    # --- cells from samples/somerset-dhr-lily-action-plan.txt
    ("<b>AFV</b>", "AFV", True),
    ("<b>Adult Family Violence</b>", "Adult Family Violence", True),
    ("<b>1</b>", "1", True),
    ("<b>4.</b>", "4.", True),
    ("<b>MARAC</b>", "MARAC", True),
    ("<b>Social Care.</b>", "Social Care.", True),
    ("<i>Recommendation</i>", "Recommendation", False),
    ("<i>Compltn date/Outcome</i>", "Compltn date/Outcome", False),
    ("<b>Compltn date/Outcomes</b>", "Compltn date/Outcomes", True),
    (
        '<p style="text-align: center;"><b><i>Recommendation One</i></b></p> <p>To carry out a '
        "review of the MARAC.</p> <p><b><i>Ownership: Safer Somerset Partnership</i></b></p>",
        "Recommendation One\nTo carry out a review of the MARAC.\n"
        "Ownership: Safer Somerset Partnership",
        False,
    ),
    ("<b><i>Ownership: Safer Somerset Partnership</i></b>", "Ownership: Safer Somerset Partnership",
     True),
    (
        '<ol style="list-style-type: none"> <li>1. SSP to review its training curriculum.</li> '
        "<li>2.</li> </ol>",
        "1. SSP to review its training curriculum.\n2.",
        False,
    ),
    (
        '<ul style="list-style-type: none"> <li>• Updated and improved operating of the MARAC.'
        "</li> <li>• Deep dive case review.</li> </ul>",
        "• Updated and improved operating of the MARAC.\n• Deep dive case review.",
        False,
    ),
    ("**GLOSSARY**", "GLOSSARY", True),
    # --- general variants from other councils' exports
    ("Children &amp; Families", "Children & Families", False),
    ("Named&nbsp;GP", "Named GP", False),
    ("Children&#8217;s Social Care", "Children’s Social Care", False),
    ("Children&#x2019;s Social Care", "Children’s Social Care", False),
    ("Children&#39;s Services", "Children's Services", False),
    ("a &lt;b&gt; c", "a <b> c", False),
    ("Review policy<br>Ratify policy", "Review policy\nRatify policy", False),
    ("Review policy<br/>Ratify policy", "Review policy\nRatify policy", False),
    ("Review policy<br />Ratify policy", "Review policy\nRatify policy", False),
    ("Review policy\rRatify policy", "Review policy\nRatify policy", False),
    ("Review policy\r\nRatify policy", "Review policy\nRatify policy", False),
    ("<P>Review</P><P>Ratify</P>", "Review\nRatify", False),
    ("<div>Review</div><div>Ratify</div>", "Review\nRatify", False),
    # a list draws its markers, as a browser (and the PDF of the same plan) shows them, unless
    # its style says none or the item's text has its own label
    ("<ul><li>Review</li><li></li><li>Ratify</li></ul>", "• Review\n• Ratify", False),
    ('<ol type="a"><li>Review</li><li>Ratify</li></ol>', "a. Review\nb. Ratify", False),
    ('<ol start="3"><li>Review</li><li>Ratify</li></ol>', "3. Review\n4. Ratify", False),
    ('<ol type="i"><li>Review<li>Ratify<li>Publish</ol>', "i. Review\nii. Ratify\niii. Publish",
     False),
    ("<ol><li>1) Review</li><li>2) Ratify</li></ol>", "1) Review\n2) Ratify", False),
    ('<ul style="list-style: none"><li>Review</li></ul>', "Review", False),
    ('<ul class="govuk-list"><li>Review</li></ul>', "Review", False),
    ('<ul class="govuk-list govuk-list--bullet"><li>Review</li></ul>', "• Review", False),
    ("<p>Review the\n   policy</p>", "Review the policy", False),
    ('<span style="font-weight: bold">Lead</span>', "Lead", True),
    ("<p>Shown</p><script>hidden()</script><p hidden>no</p>", "Shown", False),
    ("<p>Re\x01view\x0c</p>", "Review", False),  # control characters the parser refuses
    ("<ol><li><p>Review</p><p>the policy</p></li><li>\n<p>Ratify</p></li></ol>",
     "1. Review\nthe policy\n2. Ratify", False),
    ("<p>A</p>  <p>   </p>  <p>B</p>", "A\nB", False),
    ("<p><span>Review</span>   the   policy</p>", "Review the policy", False),
    ("31<sup>st</sup> May 2016", "31st May 2016", False),
    ("<strong>Lead Agency</strong>", "Lead Agency", True),
    ("<B>Training</B>", "Training", True),
    ("<strong>Lead</strong>&nbsp;", "Lead", True),
    ("<b>Part</b> plain", "Part plain", False),
    ("<b>A</b>, <i>b</i>", "A, b", False),
    ("<b></b>", "", False),
    ("<b>&nbsp;</b>", "", False),
    ("&nbsp;", "", False),
    ("**Ownership:** SSP", "Ownership: SSP", False),
    ("__Training__", "Training", True),
    ("**<b>Other</b>**", "Other", True),
    ("Update • Complete", "Update\n• Complete", False),
    ("● Review ● Ratify", "• Review\n• Ratify", False),
    ("▪ Review", "• Review", False),
    ("Under 18s <3 months", "Under 18s <3 months", False),
    ("score < 10 & rising", "score < 10 & rising", False),
    ("R&D team", "R&D team", False),
    ("Line one\r\nLine two", "Line one\nLine two", False),
    ("Head of Safeguarding / Named nurse", "Head of Safeguarding / Named nurse", False),
]


@pytest.mark.parametrize(("raw", "text", "bold"), CASES)
def test_cell_from_markup(raw: str, text: str, bold: bool) -> None:
    cell = cell_from_markup(raw)
    assert cell.text == text
    assert cell.bold is bold


# raw text, tidied text
TIDY = [
    ("  Review   the \t policy  ", "Review the policy"),
    ("Review\n\n\nRatify", "Review\nRatify"),
    ("Named\xa0GP", "Named GP"),
    ("Review\r\nRatify", "Review\nRatify"),
    ("audits address: • Clarity • Rationale", "audits address:\n• Clarity\n• Rationale"),
    ("•Clarity of recording", "• Clarity of recording"),
    ("•", ""),
    ("   \n  \n", ""),
]


@pytest.mark.parametrize(("raw", "tidied"), TIDY)
def test_tidy(raw: str, tidied: str) -> None:
    assert tidy(raw) == tidied
