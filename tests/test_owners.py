"""Owners from the action-holder column and "Ownership:" lines in recommendation text."""

import pytest

from dhrplan.normalize.owners import split_owners, take_ownership
from dhrplan.normalize.record import Owner

# the Lily plan's glossary (samples/somerset-dhr-lily-action-plan.txt), as the plan prints it
GLOSSARY = {
    "AFV": "Adult Family Violence",
    "ASC": "Somerset Adult Social Care",
    "CCG": "Somerset Clinical Commissioning Group DA",
    "DA": "Domestic Abuse",
    "MARAC": "Multi Agency Risk Assessment Conference",
    "SSP": "Safer Somerset partnership",
    "SSAB": "Somerset Safeguarding Adult Board",
    "SomFT": "Somerset Partnership NHS Foundation trust",
}

# owner cell, owners as (name, expansion)
OWNERS = [
    # --- samples/somerset-dhr-012-action-plan.txt
    ("Head of Safeguarding / Safeguarding adults lead / Named nurse for Childrens Safeguarding",
     [("Head of Safeguarding", None), ("Safeguarding adults lead", None),
      ("Named nurse for Childrens Safeguarding", None)]),
    ("Head of Safeguarding / Safeguarding adults lead /\nNamed nurse for Childrens Safeguarding",
     [("Head of Safeguarding", None), ("Safeguarding adults lead", None),
      ("Named nurse for Childrens Safeguarding", None)]),
    ("CCG/ NHS England Surgery Staff",
     [("CCG", "Somerset Clinical Commissioning Group DA"), ("NHS England Surgery Staff", None)]),
    ("CCG/ SCC Knightstone CCG Safeguarding team",
     [("CCG", "Somerset Clinical Commissioning Group DA"),
      ("SCC Knightstone CCG Safeguarding team", None)]),
    ("Pathways Coordinator (Via Detective Inspector Phil Jones)",
     [("Pathways Coordinator (Via Detective Inspector Phil Jones)", None)]),
    ("Agency MARAC Lead / SCC ASC Principal Social Worker",
     [("Agency MARAC Lead", None), ("SCC ASC Principal Social Worker", None)]),
    ("Jessica Wheeler\nSCC (IDVA service commissioners)",
     [("Jessica Wheeler", None), ("SCC (IDVA service commissioners)", None)]),
    ("George O'Neill (SCC ASC Principal Social Worker) / Suzanne Harris (SCC Senior "
     "Commissioning Officer IPV (Domestic Abuse Training Lead)).",
     [("George O'Neill (SCC ASC Principal Social Worker)", None),
      ("Suzanne Harris (SCC Senior Commissioning Officer IPV (Domestic Abuse Training Lead))",
       None)]),
    ("Richard Painter / Safeguarding adults lead",
     [("Richard Painter", None), ("Safeguarding adults lead", None)]),
    ("Somerset Named GP/ Designated Nurse",
     [("Somerset Named GP", None), ("Designated Nurse", None)]),
    ("Sarah Michael (DA specialist)", [("Sarah Michael (DA specialist)", None)]),
    ("Deputy Director Children & Families", [("Deputy Director Children & Families", None)]),
    ("All agencies involved with high risk DA victims.",
     [("All agencies involved with high risk DA victims", None)]),
    ("Detective Inspector Phil Jones", [("Detective Inspector Phil Jones", None)]),
    ("Clinical Governance YDH", [("Clinical Governance YDH", None)]),
    # --- samples/somerset-dhr-lily-action-plan.txt
    ("SSP", [("SSP", "Safer Somerset partnership")]),
    ("Safer Somerset Partnership/ agency training",
     [("Safer Somerset Partnership", None), ("agency training", None)]),
    ("Somerset Safeguarding Adult Board", [("Somerset Safeguarding Adult Board", None)]),
    # --- other councils' plans
    ("Police; CCG; SomFT",
     [("Police", None), ("CCG", "Somerset Clinical Commissioning Group DA"),
      ("SomFT", "Somerset Partnership NHS Foundation trust")]),
    ("SSAB\nASC", [("SSAB", "Somerset Safeguarding Adult Board"),
                  ("ASC", "Somerset Adult Social Care")]),
    (" SSP ", [("SSP", "Safer Somerset partnership")]),
    ("MARAC Coordinator", [("MARAC Coordinator", None)]),
    ("Head of Service (Adults/Children)", [("Head of Service (Adults/Children)", None)]),
    ("DA Lead / ", [("DA Lead", None)]),
    # --- more real-world phrasings (round 3): a role and whose, groups, comma lists
    ("DA Lead, Police", [("DA Lead, Police", None)]),
    ("Community Safety Manager, Borough Council",
     [("Community Safety Manager, Borough Council", None)]),
    ("Head of Safeguarding (CCG)", [("Head of Safeguarding (CCG)", None)]),
    ("All agencies", [("All agencies", None)]),
    ("All CSP partners", [("All CSP partners", None)]),
    ("Police / Children's Social Care", [("Police", None), ("Children's Social Care", None)]),
    ("GP practices via ICB", [("GP practices via ICB", None)]),
    ("Police, Probation, Housing", [("Police", None), ("Probation", None), ("Housing", None)]),
    ("Police, Probation and Housing",
     [("Police", None), ("Probation", None), ("Housing", None)]),
    ("Police and Probation", [("Police", None), ("Probation", None)]),
    ("Adult Social Care and Housing", [("Adult Social Care", None), ("Housing", None)]),
    ("Health and Social Care Partnership", [("Health and Social Care Partnership", None)]),
    ("Lead: Police", [("Police", None)]),
    ("Lead: CSP Manager; Support: Public Health", [("CSP Manager", None), ("Public Health", None)]),
    ("Lead agency: Police / Supporting agencies: Housing",
     [("Police", None), ("Housing", None)]),
    ("Partners: Probation", [("Probation", None)]),
    ("Police (DCI Public Protection)", [("Police (DCI Public Protection)", None)]),
    ("MARAC Chair and Coordinator", [("MARAC Chair and Coordinator", None)]),
    ("Chair of the CSP", [("Chair of the CSP", None)]),
    ("SSP, CCG", [("SSP", "Safer Somerset partnership"),
                  ("CCG", "Somerset Clinical Commissioning Group DA")]),
    ("", []),
    ("  \n ", []),
    ("-", []),
    # --- round 4: leads and who supports them, roles with commas, names with "and"
    ("Lead Agency: Police, supported by Health", [("Police", None), ("Health", None)]),
    (
        "Lead Agency: Police supported by Housing and ASC",
        [("Police", None), ("Housing", None), ("ASC", "Somerset Adult Social Care")],
    ),
    ("Lead: CSP; supported by all agencies", [("CSP", None), ("all agencies", None)]),
    ("Police with support from Housing", [("Police", None), ("Housing", None)]),
    ("CSP in partnership with Public Health", [("CSP", None), ("Public Health", None)]),
    ("Lead – Police; Support – Health", [("Police", None), ("Health", None)]),
    ("Lead - CSP Manager", [("CSP Manager", None)]),
    ("Lead Officer: Jane Smith, DA Co-ordinator", [("Jane Smith, DA Co-ordinator", None)]),
    ("Owner: Head of Safeguarding", [("Head of Safeguarding", None)]),
    ("Responsible: CSP Manager", [("CSP Manager", None)]),
    ("Police (lead) / Health (support)", [("Police (lead)", None), ("Health (support)", None)]),
    (
        "Police (Lead); ASC (Support)",
        [("Police (Lead)", None), ("ASC (Support)", "Somerset Adult Social Care")],
    ),
    ("All agencies", [("All agencies", None)]),
    ("All partner agencies", [("All partner agencies", None)]),
    ("Each agency", [("Each agency", None)]),
    ("All agencies (via CSP)", [("All agencies (via CSP)", None)]),
    ("CSP (chair)", [("CSP (chair)", None)]),
    ("Head of Safeguarding, NHS Somerset ICB", [("Head of Safeguarding, NHS Somerset ICB", None)]),
    (
        "Designated Nurse for Safeguarding Adults, ICB",
        [("Designated Nurse for Safeguarding Adults, ICB", None)],
    ),
    (
        "Named GP for Safeguarding, Somerset ICB",
        [("Named GP for Safeguarding, Somerset ICB", None)],
    ),
    ("Service Manager, Adult Social Care", [("Service Manager, Adult Social Care", None)]),
    (
        "Detective Chief Inspector, Public Protection, Avon and Somerset Police",
        [("Detective Chief Inspector, Public Protection, Avon and Somerset Police", None)],
    ),
    (
        "Assistant Director, Housing and Communities",
        [("Assistant Director, Housing and Communities", None)],
    ),
    (
        "Business Manager, Safeguarding Adults Board",
        [("Business Manager, Safeguarding Adults Board", None)],
    ),
    ("DA Co-ordinator (Council)", [("DA Co-ordinator (Council)", None)]),
    ("Police / Health", [("Police", None), ("Health", None)]),
    ("Police; Health; Housing", [("Police", None), ("Health", None), ("Housing", None)]),
    ("Police – DA Lead", [("Police – DA Lead", None)]),
    ("Health - Designated Nurse", [("Health - Designated Nurse", None)]),
    ("Housing (Strategic Lead)", [("Housing (Strategic Lead)", None)]),
    ("Police and Crime Commissioner", [("Police and Crime Commissioner", None)]),
    (
        "Office of the Police and Crime Commissioner (OPCC)",
        [("Office of the Police and Crime Commissioner (OPCC)", None)],
    ),
    ("Fire and Rescue Service", [("Fire and Rescue Service", None)]),
    ("Police and Fire and Rescue Service", [("Police", None), ("Fire and Rescue Service", None)]),
    ("Health and Wellbeing Board", [("Health and Wellbeing Board", None)]),
    ("CSP, SAB and LSCP", [("CSP", None), ("SAB", None), ("LSCP", None)]),
    ("CSP & SAB", [("CSP", None), ("SAB", None)]),
    (
        "Police, Probation, ASC and Housing",
        [
            ("Police", None),
            ("Probation", None),
            ("ASC", "Somerset Adult Social Care"),
            ("Housing", None),
        ],
    ),
    ("MARAC Co-ordinator / IDVA Manager", [("MARAC Co-ordinator", None), ("IDVA Manager", None)]),
    ("Public Health / Commissioning", [("Public Health", None), ("Commissioning", None)]),
    ("Safeguarding Leads for all agencies", [("Safeguarding Leads for all agencies", None)]),
    ("Each agency's safeguarding lead", [("Each agency's safeguarding lead", None)]),
    ("Director of Public Health", [("Director of Public Health", None)]),
    (
        "South Western Ambulance Service NHS Foundation Trust",
        [("South Western Ambulance Service NHS Foundation Trust", None)],
    ),
    (
        "Substance misuse service (Turning Point)",
        [("Substance misuse service (Turning Point)", None)],
    ),
    ("Training Sub-group of the CSP", [("Training Sub-group of the CSP", None)]),
    ("Learning & Development Team", [("Learning & Development Team", None)]),
    ("TBC", []),
    ("N/A", []),
    # paragraphs of one name the author broke: joined, not two owners
    ("Head of Safeguarding,\nNHS Somerset ICB", [("Head of Safeguarding, NHS Somerset ICB", None)]),
    ("DA Co-ordinator\n(Council)", [("DA Co-ordinator (Council)", None)]),
    ("Police\n(lead)", [("Police (lead)", None)]),
    ("Police and\nProbation", [("Police", None), ("Probation", None)]),
    ("Police\nall agencies", [("Police", None), ("all agencies", None)]),
    ("Police (supported by Health)", [("Police", None), ("Health", None)]),
    ("Lead agency – Police", [("Police", None)]),
    ("Lead: Police. Support: Health", [("Police", None), ("Health", None)]),
    ("Lead: Police Support: Health", [("Police", None), ("Health", None)]),
    ("Police (Lead Agency)", [("Police (Lead Agency)", None)]),
    ("CSP Chair", [("CSP Chair", None)]),
    ("Chair, CSP", [("Chair, CSP", None)]),
    (
        "Community Safety Partnership / DA Strategic Board",
        [("Community Safety Partnership", None), ("DA Strategic Board", None)],
    ),
    (
        "Named Nurse, Safeguarding Children, Somerset NHS Foundation Trust",
        [("Named Nurse, Safeguarding Children, Somerset NHS Foundation Trust", None)],
    ),
    (
        "Head of Adult Safeguarding – Somerset Council",
        [("Head of Adult Safeguarding – Somerset Council", None)],
    ),
    (
        "GP practices (via ICB safeguarding team)",
        [("GP practices (via ICB safeguarding team)", None)],
    ),
    ("Integrated Care Board (ICB)", [("Integrated Care Board (ICB)", None)]),
    ("Police & CPS", [("Police", None), ("CPS", None)]),
    ("Police, Health and Social Care", [("Police", None), ("Health and Social Care", None)]),
    (
        "Housing, Police and ASC",
        [("Housing", None), ("Police", None), ("ASC", "Somerset Adult Social Care")],
    ),
    (
        "Police, Children's Social Care and Education",
        [("Police", None), ("Children's Social Care", None), ("Education", None)],
    ),
    ("ASC, CSC", [("ASC", "Somerset Adult Social Care"), ("CSC", None)]),
    (
        "Director of Children's Services / Director of Adult Social Services",
        [("Director of Children's Services", None), ("Director of Adult Social Services", None)],
    ),
    ("Chief Executive, Somerset Council", [("Chief Executive, Somerset Council", None)]),
    ("OPCC and Police", [("OPCC", None), ("Police", None)]),
    ("Jane Smith (Head of Safeguarding)", [("Jane Smith (Head of Safeguarding)", None)]),
    ("J. Smith / K. Jones", [("J. Smith", None), ("K. Jones", None)]),
    ("Dr A. Patel, Named GP", [("Dr A. Patel, Named GP", None)]),
    ("Partnership Manager (CSP)", [("Partnership Manager (CSP)", None)]),
    # a bracketed detail (who in the agency) does not stop "and" parting two agencies
    ("Police (DI Smith) and Probation (SPO Jones)",
     [("Police (DI Smith)", None), ("Probation (SPO Jones)", None)]),
    ("Head of Service (Adults and Children)", [("Head of Service (Adults and Children)", None)]),
    # --- round 6: owner cells as council officers write them; a paragraph that is a role
    # naming no service ("Head of Service") is joined to the one under it, which says whose
    ("CSP Manager / DA Coordinator", [("CSP Manager", None), ("DA Coordinator", None)]),
    ("All partners of the CSP", [("All partners of the CSP", None)]),
    ("ICB (formerly CCG)", [("ICB (formerly CCG)", None)]),
    # the glossary expands the name before a bracket naming the body's other name
    ("CCG (now ICB)", [("CCG (now ICB)", "Somerset Clinical Commissioning Group DA")]),
    ("SSP (formerly the CSP)", [("SSP (formerly the CSP)", "Safer Somerset partnership")]),
    ("SSP (Chair)", [("SSP (Chair)", "Safer Somerset partnership")]),
    ("SSP (DI Smith)", [("SSP (DI Smith)", None)]),  # a person in it: not the body itself
    ("Head of Service, Adult Social Care", [("Head of Service, Adult Social Care", None)]),
    ("Head of Service – Adult Social Care", [("Head of Service – Adult Social Care", None)]),
    ("Head of Service - Children's Services", [("Head of Service - Children's Services", None)]),
    ("Police / Probation / Health", [("Police", None), ("Probation", None), ("Health", None)]),
    ("Police; Probation; Health", [("Police", None), ("Probation", None), ("Health", None)]),
    ("Police & Probation", [("Police", None), ("Probation", None)]),
    ("Avon and Somerset Police", [("Avon and Somerset Police", None)]),
    ("Devon and Cornwall Police", [("Devon and Cornwall Police", None)]),
    ("Thames Valley Police", [("Thames Valley Police", None)]),
    (
        "Tees, Esk and Wear Valleys NHS Foundation Trust",
        [("Tees, Esk and Wear Valleys NHS Foundation Trust", None)],
    ),
    (
        "Barnet, Enfield and Haringey Mental Health Trust",
        [("Barnet, Enfield and Haringey Mental Health Trust", None)],
    ),
    (
        "Dorset HealthCare University NHS Foundation Trust",
        [("Dorset HealthCare University NHS Foundation Trust", None)],
    ),
    ("University Hospitals Dorset", [("University Hospitals Dorset", None)]),
    ("Hampshire and Isle of Wight ICB", [("Hampshire and Isle of Wight ICB", None)]),
    ("NHS Dorset (ICB)", [("NHS Dorset (ICB)", None)]),
    (
        "Designated Nurse Safeguarding Adults, ICB",
        [("Designated Nurse Safeguarding Adults, ICB", None)],
    ),
    ("Named GP for Safeguarding, ICB", [("Named GP for Safeguarding, ICB", None)]),
    (
        "Safeguarding Adults Board Business Manager",
        [("Safeguarding Adults Board Business Manager", None)],
    ),
    ("SAB / SCP / CSP", [("SAB", None), ("SCP", None), ("CSP", None)]),
    ("Chair of the DHR Panel", [("Chair of the DHR Panel", None)]),
    ("DHR Panel Chair", [("DHR Panel Chair", None)]),
    ("DHR Steering Group", [("DHR Steering Group", None)]),
    ("Domestic Abuse Partnership Board", [("Domestic Abuse Partnership Board", None)]),
    (
        "Domestic Abuse Local Partnership Board (DALPB)",
        [("Domestic Abuse Local Partnership Board (DALPB)", None)],
    ),
    (
        "Housing Options Manager, District Council",
        [("Housing Options Manager, District Council", None)],
    ),
    (
        "Strategic Lead for Domestic Abuse (Council)",
        [("Strategic Lead for Domestic Abuse (Council)", None)],
    ),
    ("IDVA Service Manager (Victim Support)", [("IDVA Service Manager (Victim Support)", None)]),
    ("National Probation Service", [("National Probation Service", None)]),
    ("Probation Service (formerly CRC)", [("Probation Service (formerly CRC)", None)]),
    ("Probation (PDU Head)", [("Probation (PDU Head)", None)]),
    ("GP practice", [("GP practice", None)]),
    ("All GP practices", [("All GP practices", None)]),
    ("Primary Care", [("Primary Care", None)]),
    ("Local Authority", [("Local Authority", None)]),
    ("Adult Social Care", [("Adult Social Care", None)]),
    ("Children's Social Care", [("Children's Social Care", None)]),
    (
        "Children's Services and Adult Social Care",
        [("Children's Services", None), ("Adult Social Care", None)],
    ),
    ("Head of Safeguarding, Acute Trust", [("Head of Safeguarding, Acute Trust", None)]),
    ("Lead: CSP Manager", [("CSP Manager", None)]),
    ("Lead - Police", [("Police", None)]),
    ("Owner: DA Coordinator", [("DA Coordinator", None)]),
    (
        "Detective Chief Inspector, Public Protection",
        [("Detective Chief Inspector, Public Protection", None)],
    ),
    ("DCI Public Protection", [("DCI Public Protection", None)]),
    ("Supt. Public Protection", [("Supt. Public Protection", None)]),
    ("Mental Health Trust", [("Mental Health Trust", None)]),
    (
        "Drug and Alcohol Service (Turning Point)",
        [("Drug and Alcohol Service (Turning Point)", None)],
    ),
    ("Change Grow Live (CGL)", [("Change Grow Live (CGL)", None)]),
    ("Women's Aid", [("Women's Aid", None)]),
    ("Refuge", [("Refuge", None)]),
    ("Home Office", [("Home Office", None)]),
    ("Department of Health and Social Care", [("Department of Health and Social Care", None)]),
    ("NHS England", [("NHS England", None)]),
    (
        "Office of the Police and Crime Commissioner",
        [("Office of the Police and Crime Commissioner", None)],
    ),
    ("OPCC", [("OPCC", None)]),
    ("PCC", [("PCC", None)]),
    ("Police and Crime Commissioner's Office", [("Police and Crime Commissioner's Office", None)]),
    (
        "Community Safety Manager and Domestic Abuse Lead",
        [("Community Safety Manager", None), ("Domestic Abuse Lead", None)],
    ),
    ("Partners", [("Partners", None)]),
    ("Multi-agency", [("Multi-agency", None)]),
    ("All", [("All", None)]),
    ("CSP Manager\nDA Coordinator", [("CSP Manager", None), ("DA Coordinator", None)]),
    ("Police\nProbation", [("Police", None), ("Probation", None)]),
    ("Head of Service\nAdult Social Care", [("Head of Service, Adult Social Care", None)]),
]


@pytest.mark.parametrize(("text", "owners"), OWNERS)
def test_split_owners(text: str, owners: list[tuple[str, str | None]]) -> None:
    assert split_owners(text, GLOSSARY) == ([Owner(name, exp) for name, exp in owners], [])


def test_split_owners_without_glossary() -> None:
    assert split_owners("SSP / CCG", {}) == ([Owner("SSP"), Owner("CCG")], [])


# recommendation text, owners from "Ownership:" lines, text left
OWNERSHIP = [
    # --- one agency whose name holds "and" / "&"
    ("Ownership: Police and Crime Commissioner", ["Police and Crime Commissioner"], ""),
    ("Ownership: CSP, Police and Crime Commissioner", ["CSP", "Police and Crime Commissioner"],
     ""),
    # --- a lead and its support, labelled or not
    ("Ownership: Police, supported by Health", ["Police", "Health"], ""),
    ("Owner: Lead: Police; Support: Health", ["Police", "Health"], ""),
    ("Ownership - SSP (lead), CCG", ["SSP (lead)", "CCG"], ""),
    ("Ownership: Avon and Somerset Police", ["Avon and Somerset Police"], ""),
    ("Ownership: Health & Wellbeing Board", ["Health & Wellbeing Board"], ""),
    ("Ownership: Children and Families Service", ["Children and Families Service"], ""),
    # --- samples/somerset-dhr-lily-action-plan.txt
    ("To carry out a review of the MARAC.\nOwnership: Safer Somerset Partnership",
     ["Safer Somerset Partnership"], "To carry out a review of the MARAC."),
    ("The Police, SomFT and CCG to identify training.\nOwnership; Police, SomFT, CCG",
     ["Police", "SomFT", "CCG"], "The Police, SomFT and CCG to identify training."),
    ("Health practitioners to understand the suicide risk.\n"
     "Ownership; Police, CCG, SomFT and Adult Social Care.",
     ["Police", "CCG", "SomFT", "Adult Social Care"],
     "Health practitioners to understand the suicide risk."),
    ("SSP to review its training.\nOwnership; Safer Somerset Partnership",
     ["Safer Somerset Partnership"], "SSP to review its training."),
    ("Ownership: Safer Somerset Partnership", ["Safer Somerset Partnership"], ""),
    ("All agencies to be reminded of the importance of recording ethnicity.", [],
     "All agencies to be reminded of the importance of recording ethnicity."),
    # --- other councils' plans
    ("Owner: SSP", ["SSP"], ""),
    ("Owned by - Police & CCG", ["Police", "CCG"], ""),
    ("OWNERSHIP: SSP", ["SSP"], ""),
    ("Ownership : SSP", ["SSP"], ""),
    ("Ownership – SSP", ["SSP"], ""),
    ("Ownership: Safer Somerset Partnership and SSAB", ["Safer Somerset Partnership", "SSAB"], ""),
    ("Ownership; Police, SomFT, CCG\nReview the training.", ["Police", "SomFT", "CCG"],
     "Review the training."),
    ("The ownership of risk: rests with agencies", [],
     "The ownership of risk: rests with agencies"),
    ("Text with Ownership: SSP inline", [], "Text with Ownership: SSP inline"),
    ("Ownership:", [], "Ownership:"),
]


@pytest.mark.parametrize(("text", "owners", "rest"), OWNERSHIP)
def test_take_ownership(text: str, owners: list[str], rest: str) -> None:
    assert take_ownership(text) == (owners, rest)


# a paragraph its reader took for one wrapped name, its printed lines, the owners
PRINTED = [
    ("Police Schools", ("Police", "Schools"), ["Police", "Schools"]),
    ("Probation IDVA service", ("Probation", "IDVA service"), ["Probation", "IDVA service"]),
    ("All agencies CSP", ("All agencies", "CSP"), ["All agencies", "CSP"]),
    ("Housing IDVA service", ("Housing", "IDVA service"), ["Housing", "IDVA service"]),
    # one name wrapped: the line below carries it on, or a line names no agency
    ("Somerset Safeguarding Adults Board", ("Somerset Safeguarding Adults", "Board"),
     ["Somerset Safeguarding Adults Board"]),
    ("Detective Inspector Phil Jones", ("Detective Inspector Phil", "Jones"),
     ["Detective Inspector Phil Jones"]),
    ("Avon and Somerset Police", ("Avon and", "Somerset Police"), ["Avon and Somerset Police"]),
    ("Somerset Partnership NHS Foundation Trust", ("Somerset Partnership NHS",
                                                  "Foundation Trust"),
     ["Somerset Partnership NHS Foundation Trust"]),
    ("Head of Safeguarding (ASC)", ("Head of Safeguarding", "(ASC)"),
     ["Head of Safeguarding (ASC)"]),
    ("MARAC Steering Group", ("MARAC", "Steering Group"), ["MARAC Steering Group"]),
    # an organisation of its own after the one above ("Adult Social Care" is no role)
    ("Brackenford Police Adult Social Care IDVA Service",
     ("Brackenford Police", "Adult Social Care", "IDVA Service"),
     ["Brackenford Police", "Adult Social Care", "IDVA Service"]),
    ("Somerset NHS Foundation Trust", ("Somerset NHS", "Foundation Trust"),
     ["Somerset NHS Foundation Trust"]),
    # a role or team within the organisation above carries its name on
    ("Mental Health Trust Safeguarding Lead", ("Mental Health Trust", "Safeguarding Lead"),
     ["Mental Health Trust Safeguarding Lead"]),
    ("Eastbridge ICB Safeguarding Team", ("Eastbridge ICB", "Safeguarding Team"),
     ["Eastbridge ICB Safeguarding Team"]),
]


@pytest.mark.parametrize(("text", "lines", "owners"), PRINTED)
def test_owners_on_printed_lines(text: str, lines: tuple[str, ...], owners: list[str]) -> None:
    got, warnings = split_owners(text, {}, lines)
    assert [o.name for o in got] == owners
    assert bool(warnings) is (len(owners) > 1)


# lines that gather into several agencies, or make one long name: kept whole, and warned
UNSURE = [
    ("Community Safety Partnership Brackenford Police",
     ("Community Safety", "Partnership", "Brackenford Police")),
    ("Children's Social Care Health Visiting Service",
     ("Children's Social", "Care", "Health Visiting Service")),
    ("Marshfield District Council Housing", ("Marshfield", "District", "Council", "Housing")),
]


@pytest.mark.parametrize(("text", "lines"), UNSURE)
def test_owners_that_may_be_several_are_kept_whole_and_warned(
    text: str, lines: tuple[str, ...]
) -> None:
    got, warnings = split_owners(text, {}, lines)
    assert [o.name for o in got] == [text]
    assert len(warnings) == 1 and "may be several owners" in warnings[0]


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("Police, Health", True),  # two agencies, or one name: said
        ("Safer Somerset Partnership, Public Health", True),
        ("DA Lead, Police", False),  # a role, then whose
        ("Community Safety Manager, Westshire Council", False),
        ("Police, Probation, Housing", False),  # split: three owners
        ("Police (lead), Health, Housing", True),  # a part's role does not hide the list
        ("Named GP for Safeguarding, Somerset ICB", False),  # a role, then whose
        ("Lead Agency: Police, supported by Health", False),  # split: two owners
        ("Lead agency - Police; partner agencies - Health, Housing", True),
        ("Police, Health, ASC", True),  # an acronym is an agency too
        ("Public Health, Somerset Council", True),  # a team and whose, or two owners
        ("Named GP, Named Nurse", True),  # two roles: two people, or one with two titles
        ("Refuge, Victim Support, IDVA service", True),  # three parts, no role: a list
        ("Head of Service, Adult Social Care, Westshire Council", False),  # a role and whose
        ("CSP Chair & Head of Community Safety", True),  # "&" joining two roles
        ("Head of Safeguarding and Quality", False),  # one role's remit
        ("Learning and Development Lead", False),
        # "and" joining two sides that each name a service: a directorate, or two owners
        ("Public Health and Housing", True),
        ("Education and Early Help", True),
        ("SSP and agencies involved in this review", True),
        ("Police, Probation and Health", True),
        ("Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust", True),
        ("MARAC Chair and Coordinator", False),  # a bare role word shares the name before it
        ("Avon and Somerset Police", False),
        ("Drug and Alcohol Service", False),
    ],
)
def test_a_comma_list_kept_whole_says_so(text: str, warned: bool) -> None:
    _, warnings = split_owners(text, {})
    assert any("kept whole" in w for w in warnings) is warned
