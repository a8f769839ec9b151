"""The words that name an action plan's columns, shared by every reader.

The PDF reader asks whether a bold line is a table header (`extract/borderless.py`), the
normalizer which role each column plays (`normalize/columns.py`); both read these lists, so
a header word added here is known to both.

Each role's words are regular expressions matched case-insensitively on the header with
its whitespace normalised. `HEADER_WORDS` are the same words spelled out, for gluing a
header that a narrow column broke into pieces ("Sc / op / e", "Tar / get date").
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from dhrplan.extract.patterncache import compiled

ROLE_WORDS: tuple[tuple[str, str], ...] = (
    # order matters only for ties at the same position: the first listed wins
    ("outcomes", r"outcomes?\s+sought|(?:intended|desired|expected|anticipated|planned)\s+"
                 r"outcomes?|measures?\s+of\s+success|success\s+measures?|evidence\s+of\s+"
                 r"(?:impact|success|effectiveness)|impact|how\s+(?:\w+\s+){0,4}measured"
                 r"|how\s+will\s+(?:we|you|they)\s+know|success\s+criteria|outcomes?\s+measures?"),
    ("rag", r"\bb?rag\b|(?:b\s*/\s*)?r\s*/\s*a\s*/\s*g"),
    ("completion", r"complet\w*|compltn|\bcompl?\b\.?|outcomes?|progress|\bprog\b\.?|update"
                   r"|status|evidence|achieved"
                   r"|current\s+position|position\s+statement|\bclosed\b|signed[\s\-]+off"
                   r"|^\W*done\W*$"),
    ("section", r"themes?|category|categories|areas?|priority\s+areas?|workstreams?|strands?"),
    ("recommendation", r"recommendations?|findings?|learning|lessons?|overarching|objectives?"
                       r"|issues?\s+identified|areas?\s+(?:for|of)\s+(?:improvement|development)"
                       r"|what\s+will\s+(?:it|we|they|the\s+\w+)\s+do\b"),
    ("agency", r"agenc(?:y|ies)|organi[sz]ations?|\borgs?\b\.?|\bdepts?\b\.?|departments?"
               r"|directorates?"),
    ("owner", r"holders?|lead|responsib\w*|\bresp\b\.?|owners?|\bwho(?:m)?\b|officers?"
              r"|accountab\w*|addressed|\bcontacts?\b|sponsors?"),
    ("milestones", r"milestones?"),
    ("target", r"target|\bwhen\b|timescales?|deadline|\bdue\b|\bdates?\b|time\s*frames?"
               r"|timings?|\b(?:short|medium|long)[\s\-]+term\b"),
    ("scope", r"scope|level"),
    ("action", r"actions?|\bwhat\b|tasks?|activit\w*|interventions?|steps|sub[\s\-]?actions?"
               r"|\bhow\s+will\b|\bhow\s+(?:\w+\s+){0,3}(?:done|delivered|met)\b|^\W*how\W*$"),
)
"""(role, pattern) pairs; "agency" is a grouping when left of the recommendation column
and an owner otherwise (`normalize/columns.py` decides). A business plan's "What will it
do?" is its objective (the recommendation) and "How will the partnership do this?" its
actions; "How this will be done" / "How it will be delivered" name the actions too, and a
tracker's bare "How?" its actions ("What? | Who? | How? | When?", `header_roles`)."""

NUMBER_HEADER = compiled(
    r"^\s*(?:rec(?:ommendation)?\.?\s*|(?:sub[\s\-]?)?action\s*)?(?:no|num(?:ber)?|ref(?:erence)?(?:\s*(?:no|"
    r"number))?|id|#)\.?\s*:?\s*$|^\s*(?:rec|item)\.?\s*$",
    regex.I,
)
"""A number/reference column: "No.", "Ref", "#", "Rec", "Rec No.", "Action Ref Number",
"Sub-action ref"."""

RESPONSE_LABEL = compiled(
    r"^(?:(?:agency|organisation(?:al)?|management|force|council|our|recommendation)\s+)?"
    r"(?:response|decision|accepted|agreed)(?:\s+(?:to\s+(?:the\s+)?recommendation|status))?"
    r"\s*\??$",
    regex.I,
)
"""A label for the agency's response to a recommendation ("Response: Accepted", "Agency
response: Not accepted", "Recommendation agreed?"): not progress, so not the completion,
nor a second recommendation column; kept under `extra`."""

HEADER_WORDS = frozenset(
    """recommendation recommendations finding findings learning overarching scope level
    action actions task tasks activity activities intervention interventions steps holder
    holders lead agency agencies responsible responsibility owner owners officer officers
    accountable milestone milestones target date dates timescale timescales deadline due
    timeframe timing progress update updates status complete completed completion outcome
    outcomes evidence achieved theme themes category area areas workstream strand rag
    reference ref number measure measures success impact intended desired expected sought
    key required organisation organization person comments notes item items lessons lesson
    learned learnt issue issues identified improvement development position statement
    criteria closed signed""".split()
)
"""Whole header words, for gluing the pieces a narrow column broke them into."""

IMPERATIVE_VERBS = frozenset(
    """Add Agree Amend Appoint Approve Arrange Audit Brief Build Carry Check Circulate
    Commission Complete Confirm Consider Consult Convene Create Deliver Design Develop
    Disseminate Distribute Draft Embed Ensure Establish Evaluate Extend Finalise Finalize
    Hold Identify Implement Include Introduce Invite Issue Launch Map Monitor Organise
    Organize Pilot Present Produce Promote Provide Publicise Publicize Publish Raise Ratify
    Re-write Record Refresh Remind Report Revise Review Rewrite Roll Run Set Share Test Train
    Undertake Update Write""".split()
)
"""Verbs that open an action or milestone ("Audit closed cases", "Train all staff"): after a
finished sentence, such a word on the next line starts the next item, and run-on milestones
are re-split at them."""

_ROLE_WORD = compiled(
    "|".join(f"(?:{p})" for _, p in ROLE_WORDS) + "|" + NUMBER_HEADER.pattern, regex.I
)


def glue_broken_header(text: str) -> str:
    """ "Sc op e" -> "Scope", "Tar get date" -> "Target date", "Recommen dation" ->
    "Recommendation": adjacent pieces are joined when together they spell a header word and
    a piece alone does not."""
    pieces = text.split()
    out: list[str] = []
    i = 0
    while i < len(pieces):
        best = i + 1
        for j in range(min(len(pieces), i + 5), i + 1, -1):
            joined = "".join(pieces[i:j]).casefold().strip(".:()/")
            if joined in HEADER_WORDS and not all(
                p.casefold().strip(".:()/") in HEADER_WORDS for p in pieces[i:j]
            ):
                best = j
                break
        out.append("".join(pieces[i:best]))
        i = best
    return " ".join(out)


def names_a_column(text: str) -> bool:
    """Whether a cell's text names a column of an action plan (a header cell)."""
    return bool(_ROLE_WORD.search(glue_broken_header(" ".join(text.split()))))


# --- reading a header as a person reads it --------------------------------------------

_SCOPE_LEVELS = compiled(r"\b(?:local|regional|national)\b|\bsingle\b.{0,12}\bmulti", regex.I)
_OUTCOMES = compiled(dict(ROLE_WORDS)["outcomes"], regex.I)
_PATTERNS = tuple((role, compiled(p, regex.I)) for role, p in ROLE_WORDS if role != "outcomes")
# Where a header's head phrase ends: "Scope | of recommendation", "Key milestones | achieved
# in enacting recommendation", "Specific action | to meet the recommendation".
_QUALIFIER = compiled(
    r"\s(?:of|for|to|in|on|i\.?e\.?|e\.?g\.?|achieved|which)\b"
    r"(?!\s+(?:improvement|development)\b)|\s*[(:]", regex.I
)
"""("Area for improvement" is one name: its "for" qualifies nothing.)"""
_RAG_HEADER = compiled(dict(ROLE_WORDS)["rag"], regex.I)
_STATE = compiled(r"\bon\s+(?:target|track|schedule)\b", regex.I)
"""A header naming a state of the work ("On target to achieve", "On track"), not a date."""
_DONE_DATE = compiled(r"complet|compltn|\bcompl?\b|signed[\s\-]+off|closed", regex.I)
_PLANNED = compiled(r"target|timescale|deadline|\bdue\b|to be|planned|expected", regex.I)
_SUPPORTING = compiled(
    r"\b(?:partners?|support\w*|other|contribut\w*|assist\w*|additional|secondary)\b",
    regex.I)
"""Agencies that help rather than lead ("Partner agencies", "Supporting organisations",
"Other agencies involved"): neither the grouping the recommendation sits under nor its
owner, so their column is kept under `extra`. ("Agencies involved" alone, in a
multi-agency table, names the agencies the recommendation is for: the owners.)"""
_PARTNERS = compiled(r"^(?:key\s+|other\s+|delivery\s+)?partners?$", regex.I)
"""A column headed "Partners" or "Key partners" alone: the helpers again."""
_DUE_COMPLETION = compiled(
    r"^(?:to\s+be\s+completed|complet(?:e|ion))\s+by\b(?!\s+whom)"
    r"|\b(?:expected|projected|estimated|anticipated|planned|proposed|intended)\s+"
    r"(?:date\s+(?:of|for)\s+)?complet", regex.I)
"""When the work is to be done ("Completion by", "To be completed by", "Expected
completion"): a deadline, not a state; read as the completion, its dates were no status
and the plan lost its targets."""
_DONE_BY = compiled(r"^(?:\w+\s+){0,2}by(?:\s+whom)?$", regex.I)
"""An action "by" someone ("Action by", "Action required by"): who does it."""
_ADDRESSEE = compiled(
    r"\b(?:made|directed|addressed|given|assigned|allocated|sent|owed)\s+to\b"
    r"|\bfor\s+the\s+attention\s+of\b", regex.I)
"""Whom a recommendation is for ("Recommendation made to", "Directed to"): the owner. Read
by its head noun, "Recommendation made to" was a second recommendation column and was
dropped; its agencies were found only where the cells read as agency names."""
_EVENT_DATE = compiled(
    r"^(?=.*\bdates?\b).*\b(?:agreed|added|raised|made|identified|opened|logged|reported"
    r"|updated?|accepted|approved|published|entered|created|received|actioned|recorded"
    r"|notes?|noted)\b"
    r"|^\s*last\s+updated?\s*:?\s*$", regex.I)
"""The day something else happened ("Date agreed", "Date of last update", "Date
recommendation made", a tracker's "Notes | Note Date"): not the day the work is due, so no
target, even when it stands left of the target column or names an update, which the
duplicate rule would prefer."""


_START = compiled(r"\b(?:start(?:s|ed|ing)?|commenc\w*|begin(?:s|ning)?|began)\b"
                  r"|^(?:date\s+)?from(?:\s+date)?$", regex.I)
_END = compiled(r"\b(?:end(?:s|ed|ing)?|finish\w*|complet\w*|due|deadline|clos\w*|until|to)\b",
                regex.I)
"""A column of the days work starts ("Start", "Start date", "Timescale: Start" over
"End"): no deadline, which is the end; read as the target, the start took the role from the
end column beside it (the first of two target columns wins) and every deadline was early."""


def names_start_date(header: str) -> bool:
    """ "Start date", "Date commenced", "Timescale Start": the day the work begins."""
    text = " ".join(header.split())
    return bool(_START.search(text)) and not _END.search(text)


def names_event_date(header: str) -> bool:
    """ "Date agreed", "Date of last update": a date column that is no deadline (a "Date
    agreed for completion" is one, so completion and planned words keep it a target)."""
    text = " ".join(header.split())
    return bool(_EVENT_DATE.search(text)) and not (
        _PLANNED.search(text) or _DONE_DATE.search(text))


def kept_as_extra(header: str) -> bool:
    """A header that names what its column is and that it is none of the roles: its
    cells may read like owners or dates, but the content reading must leave it alone."""
    return names_helpers(header) or names_event_date(header) or names_start_date(header)


def names_helpers(header: str) -> bool:
    """ "Partner agencies", "Supporting organisations": a column of agencies that help. Its
    cells read like owners, so the content reading must leave it alone too."""
    text = " ".join(header.split())
    found = _rightmost_role(text)
    if _PARTNERS.match(text):
        return True
    return bool(found and found[1] == "agency" and _SUPPORTING.search(text))


def _rightmost_role(text: str) -> tuple[int, str] | None:
    """In "Action Holder" or "Target Date" the last role word is the head noun."""
    best: tuple[int, str] | None = None
    for role, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if best is None or m.end() > best[0]:
                best = (m.end(), role)
    return best


def role_of(header: str) -> str | None:
    """The role a column plays, read from its header the way a person reads it: by its head
    noun ("Action *Holder*"), before any qualifier ("Scope *of recommendation*"), by the
    first of two names ("Recommendation/ Overarching Action"). Content-based roles, for
    headers that say nothing, are normalize/columns.py's."""
    text = glue_broken_header(" ".join(header.split()))
    if not text:
        return None
    if NUMBER_HEADER.match(text):
        return "number"
    if names_event_date(text) or names_start_date(text):
        return None
    if _SCOPE_LEVELS.search(text):
        return "scope"
    if _OUTCOMES.search(text):
        return "outcomes"
    if _RAG_HEADER.search(text):
        return "rag"  # "RAG Status", "Progress (RAG)": the rating is the column's point
    if _STATE.search(text):
        return "completion"  # "On Target to Achieve": a state, ticked, not a date
    if RESPONSE_LABEL.match(text):
        return None  # "Agency response": accepted or not, neither a grouping nor an owner
    if _DUE_COMPLETION.search(text):
        return "target"
    addressee = _ADDRESSEE.search(text)
    if addressee and (_rightmost_role(text[: addressee.start()]) or (0, "action"))[1] in (
            "recommendation", "action"):
        return "owner"  # "Recommendation made to" (but "Date sent to the Board" is a date)
    first = text.split("/")[0].strip()  # "Recommendation/ Overarching Action": one column,
    if first != text and role_of(first):  # two names; the first is the one it goes by
        return role_of(first)
    cut = _QUALIFIER.search(text)
    head = text[: cut.start()] if cut and cut.start() > 0 else text
    found = _rightmost_role(head) or _rightmost_role(text)
    role = found[1] if found else None
    if role == "agency" and regex.search(r"\blead|responsib|\bowner", head, regex.I):
        return "owner"  # "Lead Agency", "Responsible agency"
    if role == "action" and _DONE_BY.match(text):
        return "owner"
    if role == "agency" and names_helpers(text):
        return None  # "Partner agencies" beside "Lead Agency": read as a section, each row's
        # helpers became its section; with no owner column they became its owners
    if role == "target" and names_done_date(text):
        return "completion"
    if role == "section" and regex.search(r"recommend", head, regex.I) is None and len(
        text.split()
    ) > 3:
        return None  # "Area of concern identified in the review" is not a grouping
    return role


SEVERAL = frozenset({"outcomes"})
"""Roles that several columns may play: outcomes are a list, and business plans give the
desired outcome and how impact is measured side by side."""
_OUTRIGHT = {
    "completion": compiled(r"progress|\brag\b|status|update|complet|compltn", regex.I),
    "recommendation": compiled(r"recommend", regex.I),
    "target": compiled(r"\b(?:revised|new|updated|current|amended|extended)\b", regex.I),
}
"""Per role, the words that make one of two columns of that role the one it goes by: the
status over an outcome, the recommendation over a finding, a revised target over the first."""
_BODY = compiled(r"agenc|organi[sz]ation", regex.I)
_PERSON = compiled(r"officer|person|individual|manager|\bname|contact", regex.I)
"""Of a "Lead officer" and a "Lead agency" column, the agency is the owner: the body
accountable, by which plans are compared; the officer is kept under `extra` (the first of
two owner columns won, so the order of the two decided who owned the plan)."""


_EVIDENCE = compiled(r"\bevidence\b", regex.I)


def names_evidence(header: str) -> bool:
    """ "Evidence", "Evidence of completion": what shows the work done, or what will show
    it; the status only where no column says the status itself, and then a guess (an
    "Evidence" cell may list what is still to come: "Audit report to the Board")."""
    return bool(_EVIDENCE.search(header))


def _wins(role: str, text: str, other: str) -> bool:
    """Whether the column headed `text` takes `role` from the one headed `other`."""
    if role == "completion" and names_evidence(text) != names_evidence(other):
        return names_evidence(other)  # "Evidence of completion" beside "Status": the status
    if role == "completion" and names_done_date(text) != names_done_date(other):
        return names_done_date(other)  # "Date completed" beside "Progress": the progress,
        # the day done read from the other (normalize/records.py); the first one won, and
        # every row not yet done lost its progress
    if role == "owner":
        return bool(_BODY.search(text) and _PERSON.search(other) and not _BODY.search(other))
    outright = _OUTRIGHT.get(role)
    return bool(outright and outright.search(text) and not outright.search(other))


_COMPLETION_DATE = compiled(
    r"^(?:completion|complete|compl?\.?)\s+dates?$|^dates?\s+(?:of|for)\s+completion$",
    regex.I)
"""A bare "Completion date" (not "Date completed"): the day work is done, or the day it is
to be done by; which one, only the other columns tell."""


def names_completion_date(header: str) -> bool:
    """A bare "Completion date": in a table with no target column it is the plan's deadline
    (a plan sets a date for each action; a column of done dates sits beside one), a guess
    that every record it feeds is warned of."""
    return bool(_COMPLETION_DATE.match(" ".join(header.split())))


_ACTION_NUMBER = compiled(r"\b(?:sub[\s\-]?)?actions?\b|\bsub\b|\btasks?\b", regex.I)
"""A number header that names actions ("Action No", "Sub-action ref", "Task no")."""


def _action_numbers(texts: Sequence[str], roles: list[str | None]) -> None:
    """Of two number columns, the one whose header names actions ("Rec No" | ... | "Action
    No") numbers the actions (1.1, 1.2), not the recommendations: as a second number
    column it was dropped and every action lost its label. Alone, "Action Ref Number" stays
    the number column (each row's ref, normalize/records.py)."""
    numbers = [i for i, r in enumerate(roles) if r == "number"]
    if len(numbers) < 2:
        return
    named = [i for i in numbers if _ACTION_NUMBER.search(texts[i])]
    if len(named) == 1:
        roles[named[0]] = "action_number"


TWO_LANGUAGES = compiled(r"\s+/\s+")
"""Between the two languages of one cell ("Argymhelliad / Recommendation"): a slash with
space on both sides ("Police/Schools", "and/or" are one language)."""
_BILINGUAL_SHARE = 0.75
"""Share of a header's filled cells written in two languages for the table to be
bilingual: nearly all, as a "Ref" or "RAG" may be left in one; an English header with a few
"Lead / Support" cells is one language, and its "Police / Schools" two owners."""


def bilingual_side(texts: Sequence[str]) -> int | None:
    """Which half (0 or 1) of a header written in two languages ("Rhif / No", "Target date
    / Dyddiad targed") names the roles, as Welsh councils print them; None for a header in
    one language. Every cell split in two must name a role in the same half only, and at
    least three cells and nearly all but the short codes must be split."""
    filled = [t for t in texts if len(t.strip()) > 4]  # "Ref", "RAG", "No.": one language
    sides: list[int] = []
    for text in filled:
        halves = TWO_LANGUAGES.split(" ".join(text.split()))
        if len(halves) != 2:
            continue
        named = [bool(NUMBER_HEADER.match(h) or role_of(h)) for h in halves]
        if named[0] == named[1]:
            return None  # "Owner / Lead": two names in one language
        sides.append(0 if named[0] else 1)
    if len(sides) < 3 or len(sides) < _BILINGUAL_SHARE * len(filled) or len(set(sides)) > 1:
        return None
    return sides[0]


def in_one_language(text: str, side: int) -> str:
    """A cell written in two languages ("Mehefin 2025 / June 2025", its halves perhaps
    wrapped over two lines) as the half on `side`; with several lines in two languages,
    each line's half; a line not split in two stays whole."""
    halves = TWO_LANGUAGES.split(text.strip())
    if len(halves) == 2:
        return " ".join(halves[side].split())  # a short value's lines are its wraps
    lines = []
    for line in text.split("\n"):
        halves = TWO_LANGUAGES.split(line.strip())
        lines.append(halves[side] if len(halves) == 2 else line)
    return "\n".join(lines)


_PERIOD = compiled(
    r"\bQ[1-4]\b|\bquarter\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[./]\d{2,4}\b|\b(?:jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:spring|summer|autumn|winter)\b", regex.I)


def names_period(header: str) -> bool:
    """ "Update Q2", "Progress – June 2025": a progress column of one period of several."""
    return bool(_PERIOD.search(header))


_HORIZON = compiled(r"\b(?:short|medium|long)[\s\-]+term\b|\bimmediate\b|\d\s*months?\b",
                    regex.I)


def names_horizon(header: str) -> bool:
    """ "Short term (0-6 months)", "Medium term": a timescale column of several, ticked
    for the horizon a row's work falls in."""
    return bool(_HORIZON.search(header))


def header_roles(texts: Sequence[str]) -> list[str | None]:
    """Each header cell's role, one role to one column but for `SEVERAL` (of two, the one
    that names it outright wins: "Outcome" then "Progress" makes Progress the status, "Key
    finding" then "Recommendation" the recommendations), the actions' own number column
    beside the recommendations' (`_action_numbers`), and
    an unnamed column just left of the recommendations their numbers."""
    side = bilingual_side(texts)
    if side is not None:
        texts = [in_one_language(t, side) for t in texts]
    roles = [role_of(t) for t in texts]
    _action_numbers(texts, roles)
    _what_then_how(texts, roles)
    deadline = next((i for i, t in enumerate(texts) if names_completion_date(t)), None)
    if deadline is not None and "target" not in roles:
        roles[deadline] = "target"
    for i, role in enumerate(roles):
        if role is None or role in SEVERAL:
            continue
        earlier = roles.index(role)
        if earlier == i:
            continue
        if role == "completion" and names_period(texts[i]) and names_period(texts[earlier]):
            continue  # "Update Q1" | "Update Q2": each row's latest is its status (records)
        if role == "target" and names_horizon(texts[i]) and names_horizon(texts[earlier]):
            continue  # "Short term" | "Medium term": the ticked one is the row's (records)
        if _wins(role, texts[i], texts[earlier]):
            roles[earlier] = None
        else:
            roles[i] = None
    return roles


_BARE_WHAT = compiled(r"^\W*what\W*$", regex.I)


def _what_then_how(texts: Sequence[str], roles: list[str | None]) -> None:
    """A tracker headed "What? | Who? | How? | When?" (Torbay's improvement tracker): what is
    to be achieved is the recommendation, how it is done its actions; read as two action
    columns, the second was dropped with every action in it."""
    if "recommendation" in roles:
        return
    whats = [i for i, t in enumerate(texts) if roles[i] == "action" and _BARE_WHAT.match(t)]
    if whats and any(r == "action" and i not in whats for i, r in enumerate(roles)):
        roles[whats[0]] = "recommendation"


def unnamed_number_column(texts: Sequence[str], roles: Sequence[str | None], i: int) -> bool:
    """An empty header left of the recommendation column heads their numbers (Lily's)."""
    return not texts[i].strip() and i + 1 < len(roles) and roles[i + 1] == "recommendation"


_BRAG = compiled(r"\bbrag\b|\bb\s*/\s*r\s*/\s*a\s*/\s*g\b", regex.I)


def names_brag(header: str) -> bool:
    """ "BRAG", "B/R/A/G status": a column rated Blue, Red, Amber, Green (blue complete)."""
    return bool(_BRAG.search(header))


def names_done_date(header: str) -> bool:
    """ "Date completed", "Completion date": a column of the days work was done, not planned."""
    text = " ".join(header.split())
    dated = regex.search(r"\bdate|\bwhen\b", text, regex.I)
    return bool(_DONE_DATE.search(text) and dated) and not _PLANNED.search(text)


_PLACEHOLDER = compiled(
    r"""^\W*(?:(?:click|tap|click\s+or\s+tap)\s+(?:here\s+)?to\s+enter\s+(?:(?:a\s+)?text|a\s+date)
        |choose\s+an\s+item|enter\s+(?:text|a\s+date)\s+here)\W*$""", regex.I | regex.X)


def word_placeholder(text: str) -> bool:
    """Word's prompt in an empty content control ("Click or tap here to enter text.", "Click
    or tap to enter a date.", "Choose an item."): a template's blank, printed grey in its
    PDF and written into its HTML, never the plan's words."""
    return bool(_PLACEHOLDER.match(" ".join(text.split())))
