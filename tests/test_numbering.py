"""Recommendation numbers: labels at the start of recommendation text and number columns."""

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.extract.numbering import clean_number, number_cell, split_label
from dhrplan.extract.numberwords import word_value

# recommendation text, number, text without its label
LABELS = [
    # --- samples/somerset-dhr-012-action-plan.txt
    ("1) The police should seek to take opportunities to engage with domestic abuse victims",
     "1", "The police should seek to take opportunities to engage with domestic abuse victims"),
    ("2) Where DASH assessments are changed by police", "2",
     "Where DASH assessments are changed by police"),
    ("7) Promotion of escalation processes within all agencies", "7",
     "Promotion of escalation processes within all agencies"),
    ("1) Ensure that all comprehensive case audits address:\n• Clarity of recording", "1",
     "Ensure that all comprehensive case audits address:\n• Clarity of recording"),
    # --- samples/somerset-dhr-lily-action-plan.txt
    ("Recommendation One\nTo carry out a review of the MARAC", "1",
     "To carry out a review of the MARAC"),
    ("Recommendation Two\nAs part of SSP communication strategy", "2",
     "As part of SSP communication strategy"),
    ("Recommendation Six\nSomerset Safeguarding Adult Board (SSAB) to review", "6",
     "Somerset Safeguarding Adult Board (SSAB) to review"),
    ("Recommendation Eight\nAll agencies involved in this review", "8",
     "All agencies involved in this review"),
    ("4. SSP to review its training for professionals", "4",
     "SSP to review its training for professionals"),
    ("1 Safelives to complete the review", "1", "Safelives to complete the review"),
    ("Recommendation One", "1", ""),
    # --- other councils' plans
    ("R3 Ensure that GP practices record", "R3", "Ensure that GP practices record"),
    ("R3: Ensure that GP practices record", "R3", "Ensure that GP practices record"),
    ("R 3 Ensure that GP practices record", "R3", "Ensure that GP practices record"),
    ("R12 Agencies to review", "R12", "Agencies to review"),
    ("R1.2 Agencies to review", "R1.2", "Agencies to review"),
    ("2.1 Review the information sharing protocol", "2.1",
     "Review the information sharing protocol"),
    ("2.1. Review the information sharing protocol", "2.1",
     "Review the information sharing protocol"),
    ("1.1 The police to brief staff", "1.1", "The police to brief staff"),
    ("Recommendation 12: Agencies should ensure", "12", "Agencies should ensure"),
    ("Recommendation 4\nAgencies should ensure", "4", "Agencies should ensure"),
    ("Recommendation 1 – The police should", "1", "The police should"),
    ("Recommendation 1. The police should", "1", "The police should"),
    ("Recommendation 1:\nThe police should", "1", "The police should"),
    ("Recommendation No. 4: Agencies should", "4", "Agencies should"),
    ("Recommendation Twelve: Agencies should", "12", "Agencies should"),
    ("Recommendation Thirteen", "13", ""),
    ("Recommendation Twenty-One: Agencies should", "21", "Agencies should"),
    ("Recommendation Twenty One - Agencies should", "21", "Agencies should"),
    ("Recommendation Fifty-Nine", "59", ""),
    ("Recommendation Seventeen\nAgencies should", "17", "Agencies should"),
    ("Rec 3 - Agencies should", "3", "Agencies should"),
    ("Rec. 3 – Agencies should", "3", "Agencies should"),
    ("Rec. 2: Agencies should", "2", "Agencies should"),
    ("Rec. No. 7 - Agencies should", "7", "Agencies should"),
    ("REC 5 Agencies should", "5", "Agencies should"),
    ("12) Agencies should", "12", "Agencies should"),
    ("15. Agencies should", "15", "Agencies should"),
    ("1.Review policies", "1", "Review policies"),
    ("1)Review policies", "1", "Review policies"),
    ("10 Agencies to share information", "10", "Agencies to share information"),
    ("  3)  The police  ", "3", "The police"),
    # --- the body that made the recommendation before the word (S2 of shared/REAL-PLANS.md)
    ("DHR Recommendation 1: Harrowmere Constabulary should", "1",
     "Harrowmere Constabulary should"),
    ("HMIC Recommendation 4 – By September the force should", "4",
     "By September the force should"),
    ("SAB Recommendation 2. The Board should", "2", "The Board should"),
    # --- sub-items in the text (S4): "2 (i)", "4(ii)", "3 (a)"
    ("2 (i) Larchfield Police should remind officers", "2(i)",
     "Larchfield Police should remind officers"),
    ("4(ii) Adult Social Care should audit", "4(ii)", "Adult Social Care should audit"),
    ("3 (a). Agencies should", "3(a)", "Agencies should"),
    # --- must not match: times, counts and years at the start of ordinary text
    ("3 months following review publication", None, "3 months following review publication"),
    ("24-48 hours from referral date", None, "24-48 hours from referral date"),
    ("2016 review of the policy", None, "2016 review of the policy"),
    ("2016 Review of the policy", None, "2016 Review of the policy"),
    ("To carry out a review of the MARAC", None, "To carry out a review of the MARAC"),
    ("3 month post publication", None, "3 month post publication"),
    ("6 weeks prior to the transfer date", None, "6 weeks prior to the transfer date"),
    ("5 days of the initial contact", None, "5 days of the initial contact"),
    ("100 staff trained", None, "100 staff trained"),
    ("2 (in total) agencies should", None, "2 (in total) agencies should"),
    ("Dhr recommendation 1: agencies", None, "Dhr recommendation 1: agencies"),
    ("Police Recommendations are", None, "Police Recommendations are"),
    ("R&D team to review", None, "R&D team to review"),
    ("Recommendation: Agencies should", None, "Recommendation: Agencies should"),
    ("Recommendations One", None, "Recommendations One"),
    ("One recommendation is", None, "One recommendation is"),
    ("Ensure that all comprehensive case audits", None,
     "Ensure that all comprehensive case audits"),
    ("", None, ""),
]


@pytest.mark.parametrize(("text", "number", "rest"), LABELS)
def test_split_label(text: str, number: str | None, rest: str) -> None:
    assert split_label(text) == (number, rest)


# number column cell (exported markup), number
CELLS = [
    # --- samples/somerset-dhr-lily-action-plan.txt number column
    ("<b>1</b>", "1"),
    ("<b>2</b>", "2"),
    ("<b>4.</b>", "4"),
    ("<b>7.</b>", "7"),
    ("<b>MARAC</b>", None),
    ("<b>Communication</b>", None),
    ("<b>Other</b>", None),
    ("", None),
    # --- other councils' plans
    ("1", "1"),
    ("4.", "4"),
    ("12)", "12"),
    ("  7.  ", "7"),
    ("R3", "R3"),
    ("R 3", "R3"),
    ("R3.", "R3"),
    ("Rec 3", "3"),
    ("Rec. 3", "3"),
    ("Recommendation 2", "2"),
    ("Recommendation Six", "6"),
    ("One", "1"),
    ("Twenty-one", "21"),
    ("Two", "2"),
    ("2.1", "2.1"),
    ("21", "21"),
    ("2016", None),
    ("3 months", None),
    ("N/A", None),
    ("SSP", None),
]


@pytest.mark.parametrize(("markup", "number"), CELLS)
def test_number_cell(markup: str, number: str | None) -> None:
    assert number_cell(cell_from_markup(markup).text) == number


# raw label, clean number
CLEAN = [
    ("Two", "2"),
    ("twelve", "12"),
    ("Six:", "6"),
    ("R 3", "R3"),
    ("r3", "R3"),
    ("4.", "4"),
    ("3)", "3"),
    ("2.1", "2.1"),
    (" 12 ", "12"),
    ("Twenty-one", "21"),
    ("twenty one", "21"),
    ("Fifty", "50"),
    ("Nineteen)", "19"),
]


@pytest.mark.parametrize(("raw", "number"), CLEAN)
def test_clean_number(raw: str, number: str) -> None:
    assert clean_number(raw) == number


# number words shared by numbering and target dates ("within six months"): zero to 59
WORDS = [
    ("zero", 0),
    ("One", 1),
    ("six", 6),
    ("Twelve", 12),
    ("seventeen", 17),
    ("nineteen", 19),
    ("twenty", 20),
    ("Twenty-one", 21),
    ("twenty one", 21),
    ("forty-nine", 49),
    ("fifty", 50),
    ("fifty-two", 52),
    ("Fifty-Nine", 59),
    ("sixty", None),
    ("twenty-twelve", None),
    ("twenty one two", None),
    ("a", None),
    ("6", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "value"), WORDS)
def test_word_value(text: str, value: int | None) -> None:
    assert word_value(text) == value
