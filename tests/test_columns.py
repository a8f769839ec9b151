"""Column roles from header words, for the samples' headers and other councils' plans."""

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.extract.model import Row
from dhrplan.extract.vocabulary import bilingual_side, header_roles, in_one_language
from dhrplan.normalize.columns import map_columns, role_from_content, role_of

# header text, role (None: kept under `extra`)
ROLES = [
    # --- samples/somerset-dhr-012-action-plan.txt
    ("Recommendation", "recommendation"),
    ("Scope", "scope"),
    ("Action Required", "action"),
    ("Action Holder", "owner"),
    ("Key Milestones", "milestones"),
    ("Target Date", "target"),
    ("Date of Completion and Outcome", "completion"),
    # --- samples/somerset-dhr-lily-action-plan.txt
    ("Action", "action"),
    ("Lead Agency", "owner"),
    ("Key Milestone", "milestones"),
    ("Compltn date/Outcome", "completion"),
    ("Compltn date/Outcomes", "completion"),
    ("", None),
    # --- the Home Office DHR action plan template and its variants
    ("Scope of recommendation i.e. local or regional", "scope"),
    ("Action to take", "action"),
    ("Key milestones achieved in enacting recommendation", "milestones"),
    ("Date of completion and Outcome", "completion"),
    ("Specific action to meet the recommendation", "action"),
    ("Target date for completion", "target"),
    ("Scope of recommendation (local/regional/national)", "scope"),
    ("Local/Regional/National", "scope"),
    ("National/Local", "scope"),
    ("Local or Regional", "scope"),
    ("Single/Multi agency", "scope"),
    ("Date to be completed by", "target"),
    ("Date of review", "target"),
    ("Recommendation ID", "number"),
    ("Recommendation No:", "number"),
    ("ID", "number"),
    ("Single agency / multi agency", "scope"),
    ("Desired outcome", "outcomes"),
    ("Intended outcome", "outcomes"),
    ("Expected outcomes", "outcomes"),
    # --- other councils' plans
    ("Lead Officer", "owner"),
    ("Agency", "agency"),
    ("Agency Lead", "owner"),
    ("Lead", "owner"),
    ("Lead person", "owner"),
    ("Owner", "owner"),
    ("Owner/Lead", "owner"),
    ("Who", "owner"),
    ("By whom", "owner"),
    ("Responsible", "owner"),
    ("Responsible Officer", "owner"),
    ("Person responsible", "owner"),
    ("Lead Agency / Officer", "owner"),
    # agencies that help: neither the grouping nor the owner (kept under extra)
    ("Partner Agencies", None),
    ("Supporting organisations", None),
    ("Other agencies involved", None),
    ("Contributing agencies", None),
    ("Lead and partner agencies", "owner"),
    ("Agencies involved", "agency"),
    # the day something else happened is no deadline
    ("Date agreed", None),
    ("Date of last update", None),
    ("Date recommendation made", None),
    ("Date actioned", None),
    ("Date agreed for completion", "completion"),
    ("Date due", "target"),
    # when the work is to be done is a deadline, not a state
    ("Completion by", "target"),
    ("To be completed by", "target"),
    ("Expected completion", "target"),
    ("Projected completion date", "target"),
    ("Completed by", "completion"),
    # an action "by" someone: who does it
    ("Action by", "owner"),
    ("Action required by", "owner"),
    # the agency's response (accepted or not) is neither a grouping nor an owner
    ("Agency Response", None),
    ("By when", "target"),
    ("Timescale", "target"),
    ("Timescales", "target"),
    ("Deadline", "target"),
    ("Due date", "target"),
    ("Date", "target"),
    ("Review date", "target"),
    ("Progress", "completion"),
    ("Progress update", "completion"),
    ("RAG", "rag"),
    ("RAG Status", "rag"),
    ("Update", "completion"),
    ("Status", "completion"),
    ("Outcome", "completion"),
    ("Completion Date", "completion"),
    ("Date completed", "completion"),
    ("Date of completion & outcome", "completion"),
    ("Evidence of completion", "completion"),
    ("No.", "number"),
    ("No", "number"),
    ("Number", "number"),
    ("Ref", "number"),
    ("Ref.", "number"),
    ("Reference", "number"),
    ("#", "number"),
    ("Rec No.", "number"),
    ("Recommendation No", "number"),
    ("Recommendation Number", "number"),
    ("Recommendation ref", "number"),
    ("Recommendation / Learning", "recommendation"),
    ("Findings", "recommendation"),
    ("Key Learning", "recommendation"),
    ("Action to take", "action"),
    ("Actions to take", "action"),
    ("Milestones", "milestones"),
    ("Level", "scope"),
    ("  Target\n  Date ", "target"),
    ("Comments", None),
    ("Notes", None),
    ("Resources", None),
    ("Priority", None),
    ("Monitoring", None),
    ("Sign off", None),
    # --- header words a narrow column broke into pieces
    ("Sc op e", "scope"),
    ("Sc\nop\ne", "scope"),
    ("Re f", "number"),
    ("Recommen dation", "recommendation"),
    ("Recommen dation area", "section"),
    ("Tar get date", "target"),
    ("Tar\nget\ndate", "target"),
    ("Recommendati on", "recommendation"),
    ("Ite m", "number"),
    # --- roles besides the samples'
    ("Theme", "section"),
    ("Recommendation theme", "section"),
    ("Area", "section"),
    ("Category", "section"),
    ("Outcome sought", "outcomes"),
    ("Intended outcome", "outcomes"),
    ("Measure of success", "outcomes"),
    ("Evidence of impact", "outcomes"),
    ("What will impact be and how measured", "outcomes"),
    ("RAG rating", "rag"),
    ("Progress (RAG)", "rag"),
    ("Progress update", "completion"),
    ("Update on progress", "completion"),
    ("Delivery Status", "completion"),
    ("Agency", "agency"),
    ("Responsible agency", "owner"),
    ("Addressed to", "owner"),
    ("Responsible lead/ group", "owner"),
    ("By when", "target"),
    ("Rec", "number"),
    ("Rec No.", "number"),
    ("Action Ref Number", "number"),
    ("Sub-Action", "action"),
    ("Recommendation/ Overarching Action", "recommendation"),
    ("Area of concern identified in the review", None),
    # --- a business plan (S5 of shared/REAL-PLANS.md) and a review template (S4)
    ("What will it do?", "recommendation"),
    ("How will the partnership do this?", "action"),
    ("How will the LSCB do this?", "action"),
    ("How this will be done", "action"),
    ("How will it be delivered?", "action"),
    ("How will this be measured?", "outcomes"),
    ("How will we know it has worked?", "outcomes"),
    ("What is desired outcome", "outcomes"),
    ("Objective", "recommendation"),
    ("On Target to Achieve", "completion"),
    ("On track", "completion"),
    ("Achieved (tick)", "completion"),
    ("Give expected new achievement date", "target"),
    # round 4: headers of other councils' templates
    ("Area for improvement", "recommendation"),
    ("Areas for development", "recommendation"),
    ("Lessons learned", "recommendation"),
    ("Lesson learnt", "recommendation"),
    ("Issue identified", "recommendation"),
    ("Success criteria", "outcomes"),
    ("Organisation", "agency"),
    ("Lead organisation", "owner"),
    ("Current position", "completion"),
    ("Position statement", "completion"),
    ("Closed?", "completion"),
    ("Date closed", "completion"),
    ("Date signed off", "completion"),
    ("Review date", "target"),
    ("Theme", "section"),
    ("Priority area", "section"),
    ("Date agreed", None),
    ("Date action agreed", None),
    ("Date raised", None),
    ("Date of last update", None),
    ("Last updated", None),
    ("Date added", None),
    ("Revised target date", "target"),
    # --- corpus G: whom a recommendation is for, and the day work starts
    ("Recommendation made to", "owner"),
    ("Recommendation directed to", "owner"),
    ("Directed to", "owner"),
    ("Action allocated to", "owner"),
    ("For the attention of", "owner"),
    ("Date sent to the Board", "target"),
    ("Start date", None),
    ("Date started", None),
    ("Planned start", None),
    ("Commencement date", None),
    ("End date", "target"),
    ("Start / end date", "target"),
    ("Date from", None),
    ("Target date (from publication)", "target"),
    # --- a tracker's clipped headers
    ("Date Compl.", "completion"),
    ("Comp. Date", "completion"),
    ("Target Compl. Date", "target"),
    ("Prog. Update", "completion"),
    ("Resp.", "owner"),
    ("Key contact", "owner"),
    ("Executive sponsor", "owner"),
    ("Org", "agency"),
    ("Dept", "agency"),
    ("Directorate", "agency"),
    ("Lead Dept", "owner"),
    ("Compliance", None),
    # --- docs/wordings.md: published trackers and plans (W1 Torbay, W2 Harrogate, S5, S8)
    ("What?", "action"),
    ("Who?", "owner"),
    ("How?", "action"),
    ("When?", "target"),
    ("Success measures", "outcomes"),
    ("Current Status", "completion"),
    ("Outcome – (report for Q1, Q2, Q3, Q4)", "completion"),
    ("Expected Outcome", "outcomes"),
    ("Due Date", "target"),
    ("Notes", None),
    ("Note Date", None),
    ("Date noted", None),
    ("Outcome measures", "outcomes"),
    ("Done?", "completion"),
    ("Recommendation agreed?", None),
    ("Accepted?", None),
    ("Action taken/to be taken", "action"),
    ("Evidence of completion", "completion"),
    ("Status at 31/03/2025", "completion"),
    ("Status as at March 2025", "completion"),
    ("Progress as at 31/03/2025", "completion"),
    ("Target completion date", "target"),
    ("Date of next review", "target"),
]


@pytest.mark.parametrize(("header", "role"), ROLES)
def test_role_of(header: str, role: str | None) -> None:
    assert role_of(header) == role


TRACKERS = [
    # a tracker's "What? | Who? | How? | When?" (docs/wordings.md W1): what is to be
    # achieved is the recommendation, how its actions
    (["NOS", "What?", "Who?", "How?", "When?", "Success measures", "Current Status"],
     [None, "recommendation", "owner", "action", "target", "outcomes", "completion"]),
    (["What?", "Who?", "When?"], ["action", "owner", "target"]),
    (["Expected Outcome", "Action", "Due Date", "Responsible Officer", "Notes", "Note Date"],
     ["outcomes", "action", "target", "owner", None, None]),
]


@pytest.mark.parametrize(("texts", "roles"), TRACKERS)
def test_a_trackers_headers(texts: list[str], roles: list[str | None]) -> None:
    assert header_roles(texts) == roles


def header(*texts: str) -> Row:
    return Row([cell_from_markup(t) for t in texts], [1])


H012 = ("Recommendation", "Scope", "Action Required", "Action Holder", "Key Milestones",
        "Target Date", "Date of Completion and Outcome")
ROLES_012 = ["recommendation", "scope", "action", "owner", "milestones", "target", "completion"]
LILY = ("", "<i>Recommendation</i>", "<i>Scope</i>", "<i>Action</i>", "<i>Lead Agency</i>",
        "<i>Key Milestone</i>", "<i>Target Date</i>", "<i>Compltn date/Outcome</i>")

# header cells, body rows (or None), roles, names, is an action plan
MAPS = [
    (H012, None, ROLES_012, list(H012), True),
    # the Lily table: the empty first header left of "Recommendation" is the number column
    (LILY, None, ["number", *ROLES_012],
     ["column 1", "Recommendation", "Scope", "Action", "Lead Agency", "Key Milestone",
      "Target Date", "Compltn date/Outcome"], True),
    # an unnamed column of short numbers elsewhere is the number column too
    (("Recommendation", "", "Action"), [("x", "1", "y"), ("x", "2.", "y"), ("x", "R3", "y")],
     ["recommendation", "number", "action"], ["Recommendation", "column 2", "Action"], False),
    # an unnamed column of agency names is read from its content as the owners
    (("Recommendation", "", "Action"), [("x", "Police", "y"), ("x", "Health", "y"),
                                        ("x", "2", "y")],
     ["recommendation", "owner", "action"], ["Recommendation", "column 2", "Action"], True),
    # ... but not an unnamed column of assorted words
    (("Recommendation", "", "Action"), [("x", "went to the shop", "y"), ("x", "2", "y"),
                                        ("x", "to be", "y")],
     ["recommendation", None, "action"], ["Recommendation", "column 2", "Action"], False),
    # a second column of the same role is kept as extra
    (("Recommendation", "Action", "Actions", "Lead", "Lead Agency", "Comments"), None,
     ["recommendation", "action", None, "owner", None, None],
     ["Recommendation", "Action", "Actions", "Lead", "Lead Agency", "Comments"], True),
    (("Ref", "Recommendation", "Lead Officer", "By when", "Progress", "RAG"), None,
     ["number", "recommendation", "owner", "target", "completion", "rag"],
     ["Ref", "Recommendation", "Lead Officer", "By when", "Progress", "RAG"], True),
    (("Recommendation", "Action", "Lead"), None, ["recommendation", "action", "owner"],
     ["Recommendation", "Action", "Lead"], True),
    # a column of helping agencies is kept under extra, even when its cells read as owners:
    # read as a grouping each row's helpers became its section, read as owners its owners
    (("No", "Recommendation", "Lead Agency", "Partner Agencies", "Target Date"),
     [("1", "x", "CSP", "Housing, Police", "March 2025"), ("2", "x", "ICB", "Police", "May 2025")],
     ["number", "recommendation", "owner", None, "target"],
     ["No", "Recommendation", "Lead Agency", "Partner Agencies", "Target Date"], True),
    # a date column of another event keeps the target column its own, wherever it stands
    # and whatever it names ("update" would win the duplicate rule), and its dates are no
    # reason to read it as a target when there is none
    (("Rec", "Recommendation", "Date agreed", "Action", "Target date", "Progress"), None,
     ["number", "recommendation", None, "action", "target", "completion"],
     ["Rec", "Recommendation", "Date agreed", "Action", "Target date", "Progress"], True),
    (("Recommendation", "Action", "Lead", "Target date", "Date of last update", "Update"), None,
     ["recommendation", "action", "owner", "target", None, "completion"],
     ["Recommendation", "Action", "Lead", "Target date", "Date of last update", "Update"],
     True),
    (("Recommendation", "Action", "Lead", "Date agreed"),
     [("x", "y", "Police", "March 2025"), ("x", "y", "Housing", "May 2025")],
     ["recommendation", "action", "owner", None],
     ["Recommendation", "Action", "Lead", "Date agreed"], True),
    (("Recommendation", "Action", "Key partners", "By when"),
     [("x", "y", "Police", "March 2025"), ("x", "y", "Housing", "May 2025")],
     ["recommendation", "action", None, "target"],
     ["Recommendation", "Action", "Key partners", "By when"], True),
    # the plainest lists a review publishes: numbered recommendations and one thing about them
    (("#", "Recommendation", "Addressed to"), None, ["number", "recommendation", "owner"],
     ["#", "Recommendation", "Addressed to"], True),
    (("No.", "Recommendation", "Progress update"), None,
     ["number", "recommendation", "completion"], ["No.", "Recommendation", "Progress update"],
     True),
    (("Ref", "Recommendation", "Target date"), None, ["number", "recommendation", "target"],
     ["Ref", "Recommendation", "Target date"], True),
    # a business plan: objective, actions, two outcome columns (outcomes are a list)
    (("What will it do?", "How will the partnership do this?", "Responsible lead/ group",
      "By when", "What is desired outcome", "What will impact be and how measured"), None,
     ["recommendation", "action", "owner", "target", "outcomes", "outcomes"],
     ["What will it do?", "How will the partnership do this?", "Responsible lead/ group",
      "By when", "What is desired outcome", "What will impact be and how measured"], True),
    # a review template: the tick columns are states, kept beside the progress column
    (("Recommendation", "Responsible Officer", "Update on progress", "Achieved (tick)",
      "On Target to Achieve", "Give expected new achievement date"), None,
     ["recommendation", "owner", "completion", None, None, "target"],
     ["Recommendation", "Responsible Officer", "Update on progress", "Achieved (tick)",
      "On Target to Achieve", "Give expected new achievement date"], True),
    # tables that are not action plans
    (("Recommendation", "Addressed to"), None, ["recommendation", "owner"],
     ["Recommendation", "Addressed to"], False),
    (("Recommendation", "Comments"), None, ["recommendation", None],
     ["Recommendation", "Comments"], False),
    (("Avon and Somerset Police", "2"), None, [None, None], ["Avon and Somerset Police", "2"],
     False),
    (("<b>AFV</b>", "<b>Adult Family Violence</b>"), None, [None, None],
     ["AFV", "Adult Family Violence"], False),
]


@pytest.mark.parametrize(("cells", "body", "roles", "names", "plan"), MAPS)
def test_map_columns(
    cells: tuple[str, ...],
    body: list[tuple[str, ...]] | None,
    roles: list[str | None],
    names: list[str],
    plan: bool,
) -> None:
    rows = [header(*r) for r in body] if body is not None else None
    columns = map_columns(header(*cells), rows)
    assert columns.roles == roles
    assert columns.names == names
    assert columns.is_action_plan is plan
    for role in roles:
        if role is not None:
            assert columns.index(role) == roles.index(role)
    assert columns.index("nonexistent") is None


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        (["Recommendation", "Outcome", "Progress"], ["recommendation", None, "completion"]),
        (["Recommendation", "Progress", "Outcome"], ["recommendation", "completion", None]),
        (["Area for improvement", "Recommendation", "Action"], [None, "recommendation", "action"]),
        (["Key finding", "Recommendation", "Lead"], [None, "recommendation", "owner"]),
        (["Lessons learned", "Action", "Lead"], ["recommendation", "action", "owner"]),
        # a revised target over the first one; days the plan logs are no deadlines
        (["Action", "Original target date", "Revised target date", "Status"],
         ["action", None, "target", "completion"]),
        (["Action", "Target date", "Revised date", "Status"],
         ["action", None, "target", "completion"]),
        (["Action", "Date agreed", "Target date"], ["action", None, "target"]),
        (["Action", "Date raised", "Due date"], ["action", None, "target"]),
        (["Action", "Target date", "Date of last update", "Update"],
         ["action", "target", None, "completion"]),
        (["Action", "Last updated", "Progress"], ["action", None, "completion"]),
        (
            ["Recommendation ID", "Recommendation", "Desired outcome", "Lead agency", "RAG"],
            ["number", "recommendation", "outcomes", "owner", "rag"],
        ),
        # corpus G: the lead agency over the lead officer, whichever comes first
        (["Action", "Lead officer", "Lead agency", "Target date"],
         ["action", None, "owner", "target"]),
        (["Action", "Lead agency", "Responsible officer", "Target date"],
         ["action", "owner", None, "target"]),
        (["Action", "Owner", "Lead agency"], ["action", "owner", None]),
        # the status over evidence, whichever comes first; evidence alone is the completion
        (["Action", "Evidence of completion", "Status"], ["action", None, "completion"]),
        (["Action", "Status", "Evidence"], ["action", "completion", None]),
        (["Action", "Evidence", "RAG"], ["action", "completion", "rag"]),
        # "Action No" beside "Rec No" numbers the actions; alone it is the number column
        (["Rec No", "Recommendation", "Action No", "Action", "Lead"],
         ["number", "recommendation", "action_number", "action", "owner"]),
        (["Ref", "Recommendation", "Sub-action ref", "Sub-action", "Owner"],
         ["number", "recommendation", "action_number", "action", "owner"]),
        (["Action Ref Number", "Recommendation", "Sub-Action", "Delivery Status"],
         ["number", "recommendation", "action", "completion"]),
        # of a column of done days and a progress column, the progress is the status
        (["Action", "Target date", "Date completed", "Progress update"],
         ["action", "target", None, "completion"]),
        (["Action", "Tgt date", "Date Compl.", "Prog. Update"],
         ["action", "target", None, "completion"]),
        (["Action", "Target date", "Comp. Date"], ["action", "target", "completion"]),
        # progress by period: every one kept, each row's latest is its status (records)
        (["Action", "Update Q1", "Update Q2", "Update Q3"],
         ["action", "completion", "completion", "completion"]),
        (["Action", "Progress June 2025", "Progress September 2025"],
         ["action", "completion", "completion"]),
        # timescales by horizon, ticked: every one kept, the ticked one is the row's
        (["Recommendation", "Timescale Short term (0-6 months)",
          "Timescale Medium term (6-12 months)", "Timescale Long term (12-24 months)"],
         ["recommendation", "target", "target", "target"]),
        (["Action", "Short term", "Medium term", "Long term"],
         ["action", "target", "target", "target"]),
        (["Action", "Target date", "Revised target date"], ["action", None, "target"]),
        # a group header over two: the start is no deadline, the end is
        (["Ref", "Action", "Timescale Start", "Timescale End", "Status"],
         ["number", "action", None, "target", "completion"]),
        # a header in two languages is read by the half that names the roles
        (["Rhif / No", "Argymhelliad / Recommendation", "Cam gweithredu / Action",
          "Asiantaeth arweiniol / Lead agency", "Dyddiad targed / Target date"],
         ["number", "recommendation", "action", "owner", "target"]),
        (["No / Rhif", "Recommendation / Argymhelliad", "Action / Cam gweithredu",
          "Progress / Cynnydd", "RAG"],
         ["number", "recommendation", "action", "completion", "rag"]),
    ],
)
def test_the_column_that_names_a_role_outright_wins(headers: list[str], roles: list) -> None:
    assert map_columns(Row([cell_from_markup(h) for h in headers], [1])).roles == roles


@pytest.mark.parametrize(
    ("headers", "roles", "guessed"),
    [
        # a bare "Completion date" with no target column beside it is the deadline (warned),
        # which leaves the status to the update column
        (["Action", "Lead", "Completion date", "RAG", "Comments / Update"],
         ["action", "owner", "target", "rag", "completion"], [2]),
        (["Action", "Lead", "Date of completion", "Progress"],
         ["action", "owner", "target", "completion"], [2]),
        # beside a target column it is the day the work was done
        (["Action", "Lead", "Target date", "Completion date"],
         ["action", "owner", "target", "completion"], []),
        # "Date completed" says the work is done, whatever else the table has
        (["Action", "Lead", "Date completed", "Notes"],
         ["action", "owner", "completion", None], []),
        (["Action", "Lead", "Date of completion and Outcome"],
         ["action", "owner", "completion"], []),
    ],
)
def test_a_completion_date_without_a_target_column_is_the_deadline(
    headers: list[str], roles: list, guessed: list[int]
) -> None:
    columns = map_columns(Row([cell_from_markup(h) for h in headers], [1]))
    assert (columns.roles, columns.guessed) == (roles, guessed)


def test_a_lone_evidence_column_is_the_completion_warned() -> None:
    """Evidence may list what is still to come ("Audit report to the Board"): read as the
    status only where nothing else is, and then a guess every record it feeds is warned of."""
    lone = map_columns(header("No.", "Recommendation", "Action", "Evidence"))
    assert lone.roles[3] == "completion" and lone.guessed == [3]
    beside = map_columns(header("No.", "Recommendation", "Evidence", "Status"))
    assert beside.roles[2:] == [None, "completion"] and beside.guessed == []


# header cells, which half names the roles (None: one language)
BILINGUAL = [
    (["Rhif / No", "Argymhelliad / Recommendation", "Cam gweithredu / Action", "Statws / Status"],
     1),
    (["Ref", "Recommendation / Argymhelliad", "Action / Cam gweithredu", "Lead / Arweinydd"], 0),
    (["Recommendation/ Overarching Action", "Sub-Action", "Delivery Status"], None),
    (["Owner / Lead", "Action / Task", "Target / Due"], None),  # two names, one language
    (["No", "Recommendation", "Action", "Police / Schools"], None),
    (["Ref", "Argymhelliad / Recommendation", "Cam gweithredu / Action",
      "Dyddiad targed / Target date", "RAG"], 1),  # short codes left in one language
    (["No", "Recommendation", "Lead / Support", "Progress / Comments", "Target date"], None),
]


@pytest.mark.parametrize(("texts", "side"), BILINGUAL)
def test_a_header_in_two_languages_names_its_roles_in_one_half(texts, side) -> None:
    assert bilingual_side(texts) == side


@pytest.mark.parametrize(("text", "side", "kept"), [
    ("Mehefin 2025 / June 2025", 1, "June 2025"),
    ("Tachwedd 2025 /\nNovember 2025", 1, "November 2025"),
    ("Bwrdd Iechyd / Health Board", 1, "Health Board"),
    ("Heddlu / Police\nCyngor / Council", 1, "Police\nCouncil"),
    ("Complete / Cwblhawyd", 0, "Complete"),
    ("31/12/2025", 1, "31/12/2025"),
])
def test_a_value_in_two_languages_is_read_in_the_headers_half(text, side, kept) -> None:
    assert in_one_language(text, side) == kept


def test_duplicate_headers_keep_both_values_under_extra() -> None:
    columns = map_columns(Row([cell_from_markup(h) for h in ["Recommendation", "Update",
                                                             "Update"]], [1]))
    assert columns.names == ["Recommendation", "Update", "Update (column 3)"]


# cells of a column with no useful header, glossary, the role the content gives (None: none)
CONTENT = [
    (["1", "2", "3."], {}, "number"),
    (["R1", "R2", "R10"], {}, "number"),
    (["DHR17/R1", "DHR17/R2"], {}, "number"),
    (["March 2024", "31.12.2024", "Q3 2024/25", "Ongoing"], {}, "target"),
    (["Local", "Regional", "Local and national"], {}, "scope"),
    (["Police", "Adult Social Care", "ICB Safeguarding Team", "CSP"], {}, "owner"),
    (["ASC", "ICB"], {"ASC": "Adult Social Care", "ICB": "Integrated Care Board"}, "owner"),
    (["Complete", "On track - sessions booked", "Not started", "Delayed"], {}, "completion"),
    (["Green", "Amber", "Red"], {}, "rag"),
    (["The CSP should commission a review of the MARAC.",
      "Agencies should ensure that staff are trained in coercive control."], {},
     "recommendation"),
    (["Draft the briefing and send it to every partner agency.",
      "• Add a repeat-address flag to the system.\n• Brief all call handlers on the flag.",
      "Commission a multi-agency audit of ten cases."], {}, "action"),
    # no agreement, or too little to go on
    (["Agree a protocol with the ICB.", "The CSP should publish a briefing."], {}, None),
    (["1", "Police", "March 2024", "went to the shop"], {}, None),
    (["Police"], {}, None),
]


@pytest.mark.parametrize(("cells", "glossary", "role"), CONTENT)
def test_role_from_content(cells: list[str], glossary: dict[str, str], role: str | None) -> None:
    assert role_from_content(cells, glossary)[0] == role


def test_a_column_shaded_but_empty_is_a_rag_column() -> None:
    assert role_from_content(["", "", ""], {}, ["#00b050", "#ffc000", "#ff0000"]) == (
        "rag", 1.0
    )


def test_a_header_with_no_role_words_leaves_roles_to_content() -> None:
    body = [header("1", "The CSP should review the MARAC.", "CSP", "March 2024", "Complete"),
            header("2", "Agencies should train their staff.", "Police", "2025", "Delayed")]
    columns = map_columns(header("Item", "Detail", "Who", "When", "Update"), body)
    assert columns.roles == ["number", "recommendation", "owner", "target", "completion"]
    assert columns.sources == ["header", "content", "header", "header", "header"]
    assert columns.guessed == []  # every cell agreed
    columns = map_columns(None, body)
    assert columns.roles[:4] == ["number", "recommendation", "owner", "target"]
    assert set(columns.sources) == {"content"}


def test_a_form_with_row_labels_and_a_detail_column_maps_both_from_content() -> None:
    """A form of four columns: row labels on the left ("Recommendation 1", "Action 1.1",
    "Progress") are the number column, "Detail" (recommendations and actions) the text."""
    body = [header("Recommendation 1", "The Police should refer every victim to MARAC.",
                   "Police", "June 2025"),
            header("Action 1.1", "Remind officers of the timescale.", "DCI", "April 2025"),
            header("Progress", "Complete – reminder issued.", "", "")]
    columns = map_columns(header("", "Detail", "Lead", "Target date"), body)
    assert columns.roles == ["number", "recommendation", "owner", "target"]
    assert columns.sources[:2] == ["content", "content"]
    assert columns.unsure == (1,)  # the "Progress" row's value is neither
