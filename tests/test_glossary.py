"""The plan's own glossary table, and two-column tables that are not glossaries."""

from pathlib import Path

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.extract.model import Row, Table
from dhrplan.extract.stitch import stitch
from dhrplan.extract.text import read_text
from dhrplan.normalize.glossary import glossary_from_table


def table(*rows: tuple[str, ...]) -> Table:
    cells = [Row([cell_from_markup(t) for t in r], [1]) for r in rows]
    return Table(cells[0], cells[1:], None)


# samples/somerset-dhr-lily-action-plan.txt: the glossary is the first table, no header row
LILY = [
    ("<b>AFV</b>", "<b>Adult Family Violence</b>"),
    ("<b>ASC</b>", "<b>Somerset Adult Social Care</b>"),
    ("<b>CCG</b>", "<b>Somerset Clinical Commissioning Group DA</b>"),
    ("<b>DA</b>", "<b>Domestic Abuse</b>"),
    ("<b>DASH</b>", "<b>Domestic Abuse Stalking and Honour based violence risk assessment "
                    "tool.</b>"),
    ("<b>MARAC</b>", "<b>Multi Agency Risk Assessment Conference</b>"),
    ("<b>SSP</b>", "<b>Safer Somerset partnership</b>"),
    ("<b>SSAB</b>", "<b>Somerset Safeguarding Adult Board</b>"),
    ("<b>SomFT</b>", "<b>Somerset Partnership NHS Foundation trust</b>"),
]
LILY_GLOSSARY = {
    "AFV": "Adult Family Violence",
    "ASC": "Somerset Adult Social Care",
    "CCG": "Somerset Clinical Commissioning Group DA",
    "DA": "Domestic Abuse",
    "DASH": "Domestic Abuse Stalking and Honour based violence risk assessment tool.",
    "MARAC": "Multi Agency Risk Assessment Conference",
    "SSP": "Safer Somerset partnership",
    "SSAB": "Somerset Safeguarding Adult Board",
    "SomFT": "Somerset Partnership NHS Foundation trust",
}

# samples/somerset-dhr-012-action-plan.txt: the contents table (agency | page)
CONTENTS_012 = [
    ("Avon and Somerset Police", "2"),
    ("Children’s Social Care", "6"),
    ("Somerset Safeguarding Children Board (LSCB)", "9"),
    ("Adult Social Care (Somerset County Council)", "10"),
    ("Somerset Partnership NHS Trust", "15"),
    ("Somerset Clinical Commissioning Group.....", "17"),
    ("Bournemouth Churches Housing Association (to include SIDAS (Knightstone HA))", "19"),
    ("Mendip District Council Housing Department.....", "23"),
    ("Curo Group.....", "24"),
    ("Safer Somerset Partnership", "25"),
    ("Yeovil District Hospital NHS Foundation Trust.....", "26"),
]

# table rows, glossary (None: not a glossary)
GLOSSARIES = [
    (LILY, LILY_GLOSSARY),
    (CONTENTS_012, None),
    # --- other councils' plans
    ([("Acronym", "Meaning"), ("MARAC", "Multi Agency Risk Assessment Conference"),
      ("IDVA", "Independent Domestic Violence Advisor"), ("DHR", "Domestic Homicide Review")],
     {"MARAC": "Multi Agency Risk Assessment Conference",
      "IDVA": "Independent Domestic Violence Advisor", "DHR": "Domestic Homicide Review"}),
    ([("Abbreviation", "Full name"), ("A&E", "Accident and Emergency"),
      ("GP", "General Practitioner"), ("CAMHS", "Child and Adolescent Mental Health Services"),
      ("NHS", "National Health Service")],
     {"A&E": "Accident and Emergency", "GP": "General Practitioner",
      "CAMHS": "Child and Adolescent Mental Health Services", "NHS": "National Health Service"}),
    ([("DVPN/DVPO", "Domestic Violence Protection Notice / Order"),
      ("IPV", "Intimate Partner Violence")],
     {"DVPN/DVPO": "Domestic Violence Protection Notice / Order",
      "IPV": "Intimate Partner Violence"}),
    ([("MASH", "Multi-Agency Safeguarding Hub"), ("SCC", "Somerset County Council"),
      ("SARC", "Sexual Assault Referral Centre")],
     {"MASH": "Multi-Agency Safeguarding Hub", "SCC": "Somerset County Council",
      "SARC": "Sexual Assault Referral Centre"}),
    ([("IDVA", "Independent Domestic Violence Advisor"),
      ("MARAC", "Multi Agency\nRisk Assessment  Conference")],
     {"IDVA": "Independent Domestic Violence Advisor",
      "MARAC": "Multi Agency Risk Assessment Conference"}),
    # pairs side by side: two couples of columns, the last row half empty
    ([("Abbreviation", "Meaning", "Abbreviation", "Meaning"),
      ("CSP", "Community Safety Partnership", "ICB", "Integrated Care Board"),
      ("GP", "General Practitioner", "", "")],
     {"CSP": "Community Safety Partnership", "GP": "General Practitioner",
      "ICB": "Integrated Care Board"}),
    # not glossaries
    ([("Agency", "Recommendation", "Owner", "Date"),
      ("ICB", "The ICB should brief practices.", "ICB", "June 2025"),
      ("CSP", "The CSP should publish a briefing.", "CSP", "May 2025")], None),
    ([("No", "Recommendation", "Lead", "Date"),
      ("1", "The CSP should brief staff.", "CSP", "June 2025")], None),
    ([("Section", "Page"), ("Introduction", "2"), ("Police", "4"), ("CCG", "6"), ("ASC", "9")],
     None),
    ([("Recommendation", "Action"), ("1) The police should", "Brief staff")], None),
    ([("1", "2"), ("3", "4")], None),
    ([("SSP", "Safer Somerset partnership"), ("DA", "Domestic Abuse"), ("I", "one")], None),
    ([("DA", "Domestic Abuse"), ("IDVA", "")], None),
    ([("SSP", "Safer Somerset partnership")], None),
    ([("SSP", "Safer Somerset partnership", "x"), ("DA", "Domestic Abuse", "y"),
      ("CCG", "Clinical Commissioning Group", "z")], None),
]


@pytest.mark.parametrize(("rows", "glossary"), GLOSSARIES)
def test_glossary_from_table(rows: list[tuple[str, ...]], glossary: dict[str, str] | None) -> None:
    assert glossary_from_table(table(*rows)) == glossary


SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# stem, glossaries found over the stitched tables of the whole export
SAMPLE_GLOSSARIES = [
    ("somerset-dhr-lily-action-plan", [LILY_GLOSSARY]),
    ("somerset-dhr-012-action-plan", []),
]


@pytest.mark.parametrize(("stem", "expected"), SAMPLE_GLOSSARIES)
def test_sample_glossaries(stem: str, expected: list[dict[str, str]]) -> None:
    blocks = stitch(read_text(SAMPLES / f"{stem}.txt").blocks)
    found = [g for b in blocks if isinstance(b, Table) if (g := glossary_from_table(b))]
    assert found == expected
