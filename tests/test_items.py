"""Actions and milestones: labels, bullets, inline successor labels and run-on milestones."""

import pytest

from dhrplan.normalize.items import Item, milestones, split_items, split_run_on

# cell text, items as (label, text)
ITEMS = [
    # --- samples/somerset-dhr-012-action-plan.txt
    (
        "a. Forcewide circulation to Managers to directly brief operational staff.\n"
        "b. To be raised with the Force Domestic Abuse lead for consideration",
        [("a", "Forcewide circulation to Managers to directly brief operational staff."),
         ("b", "To be raised with the Force Domestic Abuse lead for consideration")],
    ),
    (
        "a. Forcewide circulation to Managers to directly brief operational staff. b. To be "
        "raised with the Force Domestic Abuse lead",
        [("a", "Forcewide circulation to Managers to directly brief operational staff."),
         ("b", "To be raised with the Force Domestic Abuse lead")],
    ),
    (
        "BCHA - To include within general implementation planned for new business\n"
        "Commissioners to request as part of exit plan",
        [(None, "BCHA - To include within general implementation planned for new business"),
         (None, "Commissioners to request as part of exit plan")],
    ),
    ("Review and update current raining", [(None, "Review and update current raining")]),
    ("In Place", [(None, "In Place")]),
    ("Review policy and re-write where necessary\nRatify policy",
     [(None, "Review policy and re-write where necessary"), (None, "Ratify policy")]),
    # --- samples/somerset-dhr-lily-action-plan.txt
    (
        "1 Safelives to complete the review of present operation of the MARAC.\n"
        "2 SSP to review findings and develop an action plan.\n"
        "3. Work with partnership agencies to develop updated procedures.\n"
        "4. SSP to review implementation of the new process of the MARAC.",
        [("1", "Safelives to complete the review of present operation of the MARAC."),
         ("2", "SSP to review findings and develop an action plan."),
         ("3", "Work with partnership agencies to develop updated procedures."),
         ("4", "SSP to review implementation of the new process of the MARAC.")],
    ),
    (
        "1. SSP to review its training curriculum. To ensure AFV is include.\n2.",
        [("1", "SSP to review its training curriculum. To ensure AFV is include.")],
    ),
    (
        "• Updated and improved operating of the MARAC which better supports victims of DA.\n"
        "• Deep dive case review to ensure success of updated MARAC procedures.",
        [(None, "Updated and improved operating of the MARAC which better supports victims of DA."),
         (None, "Deep dive case review to ensure success of updated MARAC procedures.")],
    ),
    ("Update Communication strategy to include AFV.\nCampaign to highlight AFV",
     [(None, "Update Communication strategy to include AFV."),
      (None, "Campaign to highlight AFV")]),
    ("1. Update report to SSP", [("1", "Update report to SSP")]),
    ("2 Implementation of DA Matters within ASC.",
     [("2", "Implementation of DA Matters within ASC.")]),
    # --- other councils' plans
    ("i. Review policy\nii. Ratify policy\niii. Publish policy",
     [("i", "Review policy"), ("ii", "Ratify policy"), ("iii", "Publish policy")]),
    ("v. Review policy\nvi. Ratify policy", [("v", "Review policy"), ("vi", "Ratify policy")]),
    ("i. Review policy. ii. Ratify policy.", [("i", "Review policy."), ("ii", "Ratify policy.")]),
    ("(a) Review policy\n(b) Ratify policy", [("a", "Review policy"), ("b", "Ratify policy")]),
    ("a) Review policy\nb) Ratify policy", [("a", "Review policy"), ("b", "Ratify policy")]),
    ("1) Review policy\n2) Ratify policy", [("1", "Review policy"), ("2", "Ratify policy")]),
    ("1. Review. 2. Ratify. 3. Publish",
     [("1", "Review."), ("2", "Ratify."), ("3", "Publish")]),
    ("a. Brief staff; b. Audit files; c. Report to SSP",
     [("a", "Brief staff;"), ("b", "Audit files;"), ("c", "Report to SSP")]),
    ("- Review policy\n- Ratify policy", [(None, "Review policy"), (None, "Ratify policy")]),
    ("– Review policy", [(None, "Review policy")]),
    ("* Review policy", [(None, "Review policy")]),
    ("➢ Review policy", [(None, "Review policy")]),
    ("▪ Review policy", [(None, "Review policy")]),
    # inline labels that are not the successor are left in the text
    ("a. Review policy. c. Something else", [("a", "Review policy. c. Something else")]),
    ("Review the policy, e.g. 3. Then ratify", [(None, "Review the policy, e.g. 3. Then ratify")]),
    ("Review (i) policy (ii) procedure", [(None, "Review (i) policy (ii) procedure")]),
    ("Step 1. Review", [(None, "Step 1. Review")]),
    ("1 month from date of report publication",
     [(None, "1 month from date of report publication")]),
    # empty items dropped
    ("", []),
    ("  \n ", []),
    ("•", []),
    ("a.", []),
    ("1. Review policy\n2.\n3. Publish policy", [("1", "Review policy"), ("3", "Publish policy")]),
    # --- the Lily plan's actions as a flattening converter leaves them: bare numbers inline
    (
        "1 Safelives to complete the review of the MARAC. 2 SSP to review findings. 3. Work "
        "with partnership agencies.",
        [("1", "Safelives to complete the review of the MARAC."), ("2", "SSP to review findings."),
         ("3", "Work with partnership agencies.")],
    ),
    ("1. Training module to be provided. 2.", [("1", "Training module to be provided.")]),
    ("1 Review within 3 months. 2 weeks later, audit",
     [("1", "Review within 3 months. 2 weeks later, audit")]),
]


@pytest.mark.parametrize(("text", "items"), ITEMS)
def test_split_items(text: str, items: list[tuple[str | None, str]]) -> None:
    assert split_items(text) == [Item(label, body) for label, body in items]


# one paragraph of milestones, expected pieces
RUN_ON = [
    # --- samples/somerset-dhr-012-action-plan.txt
    ("Review current procedures Revise current procedures Implement new procedure",
     ["Review current procedures", "Revise current procedures", "Implement new procedure"]),
    ("Audit of current procedure and practice Revise procedures if required Review and audit "
     "after 6 months to ensure desired outcome is being achieved",
     ["Audit of current procedure and practice", "Revise procedures if required",
      "Review and audit after 6 months to ensure desired outcome is being achieved"]),
    ("Review Policy Re-write policy Ratify new policy Publicize new policy and organize training "
     "where appropriate on use of DVRIM – to all relevant staff",
     ["Review Policy", "Re-write policy", "Ratify new policy",
      "Publicize new policy and organize training where appropriate on use of DVRIM – to all "
      "relevant staff"]),
    ("Review current procedures Re-write procedures Ratify new procedures Publicise new "
     "procedures to all relevant staff",
     ["Review current procedures", "Re-write procedures", "Ratify new procedures",
      "Publicise new procedures to all relevant staff"]),
    ("Review policies Re-write policies Publicise policies and train staff where appropriate",
     ["Review policies", "Re-write policies",
      "Publicise policies and train staff where appropriate"]),
    ("Review procedures Re-write procedures Publicise new procedure.",
     ["Review procedures", "Re-write procedures", "Publicise new procedure."]),
    ("Audit current procedures Review audit results and implement any changes required.",
     ["Audit current procedures", "Review audit results and implement any changes required."]),
    ("Review current procedures Amend current procedures Implement new procedures and "
     "publicise to all relevant staff",
     ["Review current procedures", "Amend current procedures",
      "Implement new procedures and publicise to all relevant staff"]),
    ("Review IMPACT Pathways website Add new “women’s page”, linking into existing websites",
     ["Review IMPACT Pathways website", "Add new “women’s page”, linking into existing websites"]),
    ("Briefing to be written outlining positive proactive approach Briefing to be approved by "
     "Force DA Lead Briefing to be circulated",
     ["Briefing to be written outlining positive proactive approach",
      "Briefing to be approved by Force DA Lead", "Briefing to be circulated"]),
    ("Review and audit current procedures", ["Review and audit current procedures"]),
    ("Review of training", ["Review of training"]),
    ("Guidance clarifying how DASH assessments should be completed and reviewed to be produced "
     "and circulated.",
     ["Guidance clarifying how DASH assessments should be completed and reviewed to be produced "
      "and circulated."]),
    ("Review of DASH assessments which have been changed to ensure decision making rationale is "
     "clearly evidenced",
     ["Review of DASH assessments which have been changed to ensure decision making rationale is "
      "clearly evidenced"]),
    # --- samples/somerset-dhr-lily-action-plan.txt: must not split
    ("Police, CCG and SomFT report to SSP on the outcome of training and the impact on support to "
     "victims of DA.",
     ["Police, CCG and SomFT report to SSP on the outcome of training and the impact on support "
      "to victims of DA."]),
    ("Campaign to the wider community about AVF.", ["Campaign to the wider community about AVF."]),
    ("Online training to include trauma-based approach to supporting victims of DA.",
     ["Online training to include trauma-based approach to supporting victims of DA."]),
    ("Review by agencies via supervision of professionals the impact of training to better "
     "understand trauma within a victim's life and how support should reflect this.",
     ["Review by agencies via supervision of professionals the impact of training to better "
      "understand trauma within a victim's life and how support should reflect this."]),
    ("Agency will provide this information.", ["Agency will provide this information."]),
    ("Review of actions by agencies involved in this review.",
     ["Review of actions by agencies involved in this review."]),
    ("Training delivered.", ["Training delivered."]),
    # --- other councils' plans
    ("Develop Training Package Deliver Training Evaluate Training",
     ["Develop Training Package", "Deliver Training", "Evaluate Training"]),
    ("Draft protocol Consult partners Publish protocol",
     ["Draft protocol", "Consult partners", "Publish protocol"]),
    ("Safeguarding team to Review and Update the policy",
     ["Safeguarding team to Review and Update the policy"]),
    ("Staff to Complete training", ["Staff to Complete training"]),
    ("Staff to attend Training by March", ["Staff to attend Training by March"]),
    ("Report to SSP Review Board on progress", ["Report to SSP Review Board on progress"]),
    ("Share learning with GP practices", ["Share learning with GP practices"]),
    ("Quarterly Review of cases", ["Quarterly Review of cases"]),
    ("Risk Assessment Training delivered to all staff",
     ["Risk Assessment Training delivered to all staff"]),
    ("Review Of Policy Completed", ["Review Of Policy Completed"]),
    ("Agencies to Review procedures", ["Agencies to Review procedures"]),
]


@pytest.mark.parametrize(("text", "pieces"), RUN_ON)
def test_split_run_on(text: str, pieces: list[str]) -> None:
    assert split_run_on(text) == pieces


# milestone cell, milestones, warned that run-on text was re-split
MILESTONES = [
    # --- samples/somerset-dhr-012-action-plan.txt
    ("Briefing to be written outlining positive proactive approach\n"
     "Briefing to be approved by Force DA Lead\nBriefing to be circulated",
     ["Briefing to be written outlining positive proactive approach",
      "Briefing to be approved by Force DA Lead", "Briefing to be circulated"], False),
    ("Review current procedures Revise current procedures Implement new procedure",
     ["Review current procedures", "Revise current procedures", "Implement new procedure"], True),
    ("Review Policy Re-write policy Ratify new policy\nPublicise new policy to all relevant staff",
     ["Review Policy", "Re-write policy", "Ratify new policy",
      "Publicise new policy to all relevant staff"], True),
    ("Review and audit current procedures", ["Review and audit current procedures"], False),
    ("", [], False),
    # --- samples/somerset-dhr-lily-action-plan.txt
    ("• Updated and improved operating of the MARAC which better supports victims of DA.\n"
     "• Deep dive case review to ensure success of updated MARAC procedures.",
     ["Updated and improved operating of the MARAC which better supports victims of DA.",
      "Deep dive case review to ensure success of updated MARAC procedures."], False),
    ("1. Review of training modules.\n2. Inclusion of module relating to AFV.",
     ["Review of training modules.", "Inclusion of module relating to AFV."], False),
    ("1. Training delivered.\n2. Review of success of training and support for possible suicide "
     "victims.",
     ["Training delivered.",
      "Review of success of training and support for possible suicide victims."], False),
    ("Campaign to the wider community about AVF.",
     ["Campaign to the wider community about AVF."], False),
    ("Online training to include trauma-based approach to supporting victims of DA.\n"
     "Police, CCG and SomFT report to SSP on the outcome of training and the impact on support to "
     "victims of DA.",
     ["Online training to include trauma-based approach to supporting victims of DA.",
      "Police, CCG and SomFT report to SSP on the outcome of training and the impact on support "
      "to victims of DA."], False),
    # --- other councils' plans
    ("a. Draft protocol Consult partners Publish protocol\nb. Audit use after 6 months",
     ["Draft protocol", "Consult partners", "Publish protocol", "Audit use after 6 months"],
     True),
]


@pytest.mark.parametrize(("text", "expected", "warned"), MILESTONES)
def test_milestones(text: str, expected: list[str], warned: bool) -> None:
    got, warnings = milestones(text)
    assert got == expected
    if warned:
        assert len(warnings) == 1
        assert warnings[0].startswith("milestones split at capitalised verbs (line breaks lost)")
    else:
        assert warnings == []
