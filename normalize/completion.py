"""Read the "Date of Completion and Outcome" cell into a typed `Completion`.

The column mixes progress reports ("Completed 29.11.15", "Publication awaited"), RAG
colours and statements of the outcome an action is meant to achieve ("Agencies record
ethnicity.").  Only an explicit progress word sets a status: a sentence that describes a
desired state is not evidence that anything happened, so it gives "unknown".

Rules, in order:
1. a RAG colour ("Green", "RAG: Amber") is the status: green complete, amber in
   progress, red not started;
2. a cell that begins with a status word ("Complete. Discussed at ...", "Ongoing - ...")
   takes that status: authors put the status first and commentary after;
3. otherwise the words are weighed: anything still pending ("awaited", "will be",
   "in progress") makes it in progress, even next to finished work ("has now been
   ratified and will be circulated"); finished work alone is complete; "not started"
   alone is not started; finished and not started parts together are in progress;
4. a negated completion ("not complete") does not say whether work began: unknown.

Cells that are one mark or word with a meaning of their own come first: a tick, "Yes" or
"Y" is complete; "No" unfinished (unknown); a cross either (unknown); "Accepted" / "Not
accepted" the agency's response, not progress (unknown). "No update received", "Awaiting
confirmation of progress" say nothing is known (unknown); "Superseded", "Withdrawn", "No
longer required" close a recommendation without the work being done (unknown). A RAG
colour (also BRAG's blue, and the letters B, R, A, G alone) gives way to a status word after
it ("Green - on track" is in progress: the plan's green means on track); a cell naming
BRAG reads green as on track. A cell of several dated updates ("Jan 2024: ... / Jun 2024:
...") is read by its latest update alone, one dated update by its words.

An agreement is not completion: "Agreed at Board" is unknown unless it names the thing made
("Policy approved"); a negated done word is unfinished; done and undone parts together are
in progress; a complete said unsure ("Complete (tbc)") is kept with a warning.

The completion date is kept only when the status is complete and the cell names an exact
day ("Completed 29.11.15").  A month ("Completed March 2016") gives date None: a month is
not a completion date, and inventing its first or last day would state more than the plan.
"""

from __future__ import annotations

import regex

from dhrplan.extract.labels import TICKS
from dhrplan.extract.patterncache import compiled
from dhrplan.extract.vocabulary import names_brag

from .dates import find_dates, parse_target_dates
from .record import Completion

_FLAGS = regex.IGNORECASE | regex.VERBOSE

_RAG = compiled(
    r"""(?:\bB?RAG|\b(?:B\s*/\s*)?R\s*/\s*A\s*/\s*G|^\W*(?=rated))(?:\s+(?:status|rating|rated)
        |\s*rated)?\s*[:=\-]?\s*
        (?P<colour>green|amber|yellow|red|blue)\b
      | ^\W*(?:(?:current|overall|latest)?\s*status\s*[:=\-\u2013\u2014]\s*)?
        (?P<colour>green|amber|yellow|red|blue)\b(?=\s*(?:$|[^\w\s]|\d))
        # "Green - ...", "Status: Blue", not "Red flag"
      | ^\W*(?P<colour>[GARB])\s+[\-\u2013\u2014:]\s+  # "G - complete"; "A." is a label
    """,
    _FLAGS,
)
COMMON_KEY = {"green": "complete", "amber": "in_progress", "red": "not_started"}
"""What RAG colours mean where the plan prints no key of its own."""
BRAG_KEY = {"blue": "complete", "green": "in_progress", "amber": "in_progress",
            "red": "not_started"}
"""BRAG (Blue, Red, Amber, Green), as NHS and council trackers use it: blue is complete and
green only on track, so a column headed "BRAG" reads green as in progress."""
RAG_WORDS = {**COMMON_KEY, "blue": "complete"}
"""Colour words in a progress cell: a "Blue" can only be BRAG's complete."""
_RAG_ALONE = compiled(
    r"^\W*(?:(?:b?rag\s*)?(?:status|rating)?\s*[:=\-]?\s*)?(?P<colour>green|amber|yellow|red|blue|[GARB])"
    r"\W*$",
    regex.I,
)
_LETTERS = {"g": "green", "a": "amber", "r": "red", "b": "blue", "yellow": "amber"}
"""A letter alone, and yellow: some scales (Red, Yellow, Green) name amber so, and a yellow
fill is read as amber too (`rag.colour_name`)."""


_RATING_CELL = 40
"""A rating cell is a word or a few ("Blue - complete"); a long cell that opens with "Blue"
is prose ("Blue - the light service was briefed ...")."""


def rates_blue(text: str) -> bool:
    """Whether a status cell is rated Blue: only BRAG has blue, so its plan's green is on
    track, not complete."""
    return len(text) <= _RATING_CELL and rag_word(text) == "blue"


def rag_word(text: str) -> str | None:
    """The RAG colour a cell names ("Green", "RAG: Amber", "A"), lower case, or None."""
    cell = " ".join(text.split())
    m = _RAG_ALONE.match(cell) or _RAG.search(cell)
    if not m:
        return None
    colour = m["colour"].lower()
    return _LETTERS.get(colour, colour)

# Checked in this order; each claims its words so "not started" is not also "started".
_SIGNALS: list[tuple[str, regex.Pattern[str]]] = [
    # the agency has not reported: nothing is known of the work ("No update received")
    ("no_update", compiled(
        r"""\bno\s+(?:update|response|return|information|evidence)s?
              (?:\s+(?:received|provided|given|available|submitted|yet))?\b
          | \bawait(?:ing|s)?\s+(?:an?\s+)?(?:update|confirmation|response|information|return)\b
          | \bupdate\s+(?:requested|awaited|pending|outstanding|not\s+(?:received|provided))\b
          | \bnot\s+known\b | \breminders?\s+(?:sent|issued) | \bchased\b""", _FLAGS)),
    # closed without being done ("Superseded", "Withdrawn", "No longer required")
    ("withdrawn", compiled(
        r"""\b(?:superseded|withdrawn|cancell?ed|subsumed|rescinded|replaced\s+by
              |merged\s+(?:with|into)|(?:no\s+longer|not)\s+(?:required|needed|applicable|relevant)
              |carried\s+(?:forward|over)|transferred\s+to|rolled\s+(?:forward|over)
              |(?:incorporated|absorbed|subsumed|moved)\s+(?:in(?:to)?|within)\s+(?:the\s+|an?\s+)?
                (?:[\w'&\-]+\s+){0,5}(?:action|work|business|delivery|improvement)\s+plan
              |(?:^|(?<=\())\W*(?:not\s+(?:accepted|agreed)|rejected|declined))\b""",
        _FLAGS)),
    ("not_started", compiled(
        r"""\bnot\s+(?:yet\s+)?(?:been\s+)?(?:started|commenced|begun|progressed)\b
          | \byet\s+to\s+(?:start|begin|commence)\b | ^\W*0\s*%\W*$
          | \b(?:not\s+)?due\s+to\s+(?:start|begin|commence)\b
          | \bno\s+progress\b""", _FLAGS)),
    ("negated", compiled(
        r"""\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+)?
              (?:complete|done|in\s+place|met|set\s+up|\w+(?:ed|en))\b
          | \bincomplete\b""", _FLAGS)),
    ("in_progress", compiled(
        r"""\bin\s+progress\b | \bon[\s\-]?going\b | \bunder\s*way\b | \bin\s+hand\b
          | \bawait(?:ed|ing)\b | \bpending\b | \bpart(?:ial)?ly\s+complete[d]?\b
          | \bpart\s+complete[d]?\b | \bwill\s+be\s+(?!able\b)\w+ed\b | \b(?:is|are)\s+being\b
          | \b(?:to\s+be|yet\s+to\s+be)\s+\w+ed\b | \boutstanding\b | \bremaining\b
          | \b(?:started|commenced|begun|began)\b | \bdrafted\b | \bscheduled\b | \bbooked\b
          | \bcommissioned\b | \barranged\b | \b(?:out\s+(?:to|for)|under)\s+consultation\b
          | \bsome\s+issues\b | \blagging\b | \b(?:weeks?|months?)\s+behind\b
          | \bpaused\b
          | \bplanned\b | \bto\s+follow\b
          | \bbeing\s+(?!able\b)\w+(?:ed|en)\b | \bunder\s+(?:review|development|construction)\b
          | \b(?:off|not\s+on)\s+(?:track|target)\b | \bcontinu(?:es|ing)\b
          | \b(?:completion|implementation|delivery|launch|roll[\s\-]?out|go[\s\-]live)\s+
              (?:is\s+|now\s+)?(?:expected|anticipated|planned|due|scheduled|from|in|by|
              to\s+(?:start|begin|follow))\b
          | \b(?:expected|anticipated|due|on\s+course|set)\s+to\s+(?:be\s+)?
              (?:complete|finish|conclude|deliver)\w*
          | \b(?:anticipated|expected|estimated|projected|forecast)\s+(?:completion|end|delivery)\b
          | \b(?:good|some|limited|little|significant|steady|slow|further|positive|initial)\s+
              progress\b | \bprogress\s+(?:made|being\s+made|continues|to\s+date)\b
          | \b(?:initial|first)\s+(?:meeting|session|stage|phase|draft|discussions?|steps?)\b
          | \baction\s+plan\s+(?:is\s+)?(?:now\s+)?in\s+place\b
          | \b(?:on|ahead\s+of)\s+schedule\b | \bstalled\b | \badvertised\b
          | \b(?:will|should|shall|would|must|is\s+due\s+to|is\s+expected\s+to)\s+(?:now\s+)?be\s+
              (?:fully\s+)?(?:complete[d]?|done|finished|in\s+place|implemented|delivered|closed)\b
          | \bin\s+draft\b | \bdraft\s+(?:stage|form|version\s+(?:circulated|produced|shared))\b
          | \bdraft\s+(?:[\w\-]+\s+){0,3}?(?:written|produced|prepared|completed?|circulated|
              shared|developed|created|agreed|submitted|done)\b
          | (?<![\d./])(?P<done>\d{1,3})\s*/\s*(?!(?P=done)\b)\d{1,3}\s+(?:[\w\-]+\s+){0,2}?
              (?:complete[d]?|done|implemented|delivered|achieved|met)\b
          | \b(?:revised|new|extended|amended)\s+(?:target\s+|completion\s+|due\s+)?
              (?:date|deadline|timescale)\b
          | \b(?:deadline|timescale|target(?:\s+date)?)\s+(?:has\s+been\s+)?(?:extended|revised|
              moved|amended)\b | \bextended\s+to\b
          | \bdue\s+(?:on|for|at|end|next|this|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|
              q[1-4]|spring|summer|autumn|winter|\d)
          | \bhalf[\s\-]?(?:way|complete[d]?|done|finished)\b
          | \bcomplete[d]?\s*[(\-\u2013,]?\s*(?:partial(?:ly)?|in\s+part)\b
          | (?<![\d.])\d{1,2}(?:\.\d+)?\s*%\s*of\b
          | ^\W*(?:[1-9]\d?(?:\.\d+)?)\s*%\W*$
          | ^\W*(?:partial(?:ly)?|part)\W*$
          | \b(?:nearly|almost|largely|mostly|substantially)\s+
              (?:complete[d]?|done|finished|implemented|in\s+place|achieved|met|delivered)\b
          | (?<![\d.])\d{1,2}(?:\.\d+)?\s*%\s*(?:complete[d]?|done|implemented|delivered)\b
          | \b(?:complete[d]?|implemented|delivered|achieved|met)\s+in\s+part\b
          | \bpart(?:ial)?ly\s+(?:implemented|embedded|in\s+place|delivered)\b
          | \bpart[\s\-]+(?:implemented|embedded|delivered|achieved|met|done)\b
          | \bin\s+development\b | \bon\s+(?:track|target)\b | \bbehind\s+(?:schedule|target)\b
          | \bdelayed\b | \bslipp(?:ed|age)\b | \bpart(?:ly|ially)?\s+(?:done|met|achieved)\b
          | \b(?:at\s+risk|overdue)\b | \bin\s+train\b | \bprogressing\b
          | ^update\b | \brunning\b | \bpilot(?:ed|ing)?\b | \bdue\s+(?:in|by)\b
          | \b(?:one|two|three|four|five|six|\d+)\s+(?:of|out\s+of)\s+
            (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b""", _FLAGS)),
    ("complete", compiled(
        r"""\bcomplete[d]?\b | \bdone\b | \bachieved\b | \bimplemented\b | \bin\s+place\b
          | \bfinished\b | \bsigned[\s\-]?off\b | \bclosed\b | \bfinali[sz]ed\b
          | \bactioned\b | \bresolved\b | ^\W*(?:(?:target|fully)\s+)?met\W*$ | \bmainstreamed\b
          | \b(?:ready|recommended|proposed|submitted|put\s+forward)\s+for\s+closure\b
          | \brecommend(?:ed)?\s+(?:for\s+)?closure\b
          | \bclosure\s+(?:agreed|approved|confirmed)\b | ^\W*100\s*%\W*$
          | (?<!\b(?:is|are|be|becomes?|remains?)\s+)\bembedded\b
          | \bbusiness\s+as\s+usual\b | \bBAU\b
          | \b(?:has|have|had)\s+(?:(?:now|already|also|all|both|since)\s+)*been\s+\w+""",
        _FLAGS)),
    # work reported done ("Directory sent", "Briefing circulated"): weighed as complete, but
    # never taken as a leading status word, since "Revised threshold agreed" opens with an
    # adjective
    ("done", compiled(
        r"""\b(?:sent|circulated|held|delivered|agreed|issued|published|launched|received|
              written|appointed|introduced|shared|rolled\s+out|ratified|approved|updated|
              revised|adopted|trained|attended|recruited|presented|added|undertaken|
              carried\s+out|conducted|incorporated|amended|established|set\s+up|
              secured|filled|signed|countersigned)\b""", _FLAGS)),
]

_NEGATED = "says the work is unfinished, not whether it started"
_AGREED = "says it was agreed, not that the work was done"
_NO_UPDATE = "reports no update, so nothing is known of the work"
_WITHDRAWN = "says the recommendation was withdrawn or superseded, not that the work was done"
_RESPONSE = "gives the response to the recommendation (accepted or not), not its progress"
_ON_HOLD = "states no progress: the work is on hold, which says nothing of how far it got"
_CROSS = "is a cross, which plans use for done and for not done alike"

_WHOLE_CELL: list[tuple[regex.Pattern[str], str, str | None]] = [
    (compiled(r"^\s*(?:[\u2713\u2714\u2611\u221a]+|yes|y)\s*\.?\s*$", regex.I),
     "complete", None),
    (compiled(r"^\s*(?:no|n)\s*\.?\s*$", regex.I), "unknown", _NEGATED),
    (compiled(r"^\s*[xX\u2717\u2718\u2612]\s*$"), "unknown", _CROSS),
    (compiled(r"""^\W*(?:(?:action|actions|work|still|currently|now)\s+)*
                   (?:outstanding|overdue|pending|planned)
                   (?:\W+(?:but\s+)?(?:pending|awaiting|subject\s+to)\s+(?:funding|resources?
                   |approval|agreement))?\W*$""", _FLAGS), "unknown", _NEGATED),
    (compiled(r"""^\W*(?:(?:action|work|currently|now|status)\s*[:\-]?\s+)*on\s+hold\b
                   (?:\s*[\-\u2013:,(]?\s*(?:pending|awaiting|until|while|due\s+to|following
                   |subject\s+to)\b.*)?$""", _FLAGS), "unknown", _ON_HOLD),
    (compiled(
        r"""^\W*(?:(?:recommendation|response)\s*[:\-]?\s*)?(?:(?:fully|partially|partly)\s+)?
            (?:accepted|agreed|not\s+(?:accepted|agreed)|rejected|declined|noted
              |accepted\s+in\s+(?:part|principle))\W*$""", _FLAGS),
     "unknown", _RESPONSE),
]
"""Cells that are one mark or one word with a meaning of its own: a tick or "Yes" in a status
or done column is complete; "No" says not done; a cross is either; "Accepted" is the agency's
response to the recommendation, which plans print in the status column too (S8);
"Outstanding", "Overdue", "Pending" or "Planned" alone says, as "Not complete" does, that the
work is not done, not whether it began (next to other words they are weighed as in progress:
"one outstanding", "audit planned for March"); "On hold" (pending anything) says nothing of
how far the work got."""

_LEADING = compiled(r"^[\W_]*(?:status\s*[:\-]\s*)?", regex.IGNORECASE)


def _quote(text: str, limit: int = 60) -> str:
    """The cell as warnings name it: quoted, and shortened when long."""
    return f'"{text if len(text) <= limit else text[: limit - 1].rstrip() + "…"}"'


def _signals(text: str) -> list[tuple[int, str]]:
    """(position, signal) for every progress phrase, each word read by one signal only."""
    claimed = text
    found: list[tuple[int, str]] = []
    for name, pattern in _SIGNALS:
        matches = list(pattern.finditer(claimed))
        for m in matches:
            found.append((m.start(), name))
            claimed = claimed[: m.start()] + "\0" * (m.end() - m.start()) + claimed[m.end():]
    return sorted(found)


def _leading(text: str, found: list[tuple[int, str]]) -> str | None:
    """The status word a cell opens with ("Complete. Discussed at ...", "- on track")."""
    lead = _LEADING.match(text)
    if found and found[0][0] == (lead.end() if lead else 0) and found[0][1] != "done":
        return found[0][1]
    return None


_REASONS = {"negated": _NEGATED, "no_update": _NO_UPDATE, "withdrawn": _WITHDRAWN}


_TWO_COLOURS = compiled(
    r"^\W*(green|amber|yellow|red|blue)\s*[/\-\u2013]\s*(green|amber|yellow|red|blue)\W*$",
    regex.I)
_CLOSED = compiled(r"^\W*(?:closed|complete[d]?)\b(?!.*\b(?:business\s+as\s+usual|BAU)\b)",
                   regex.I)
"""A cell that opens "Closed" or "Complete" and says it was superseded: not done (but
"Complete - transferred to business as usual" is)."""
_OPENS_CLOSED = compiled(r"^\W*closed\b", regex.I)
_CLOSED_PART = "says it was closed with the work only partly done"
_AGREEMENT = compiled(r"agreed|approved|endorsed|supported", regex.I)
"""Done words that report a decision ("Agreed at Board"): what was decided may be the
recommendation itself, which says nothing of the work, unless the cell names the thing made
("Policy approved", "Final version agreed")."""
_MADE_THING = compiled(
    r"""\b(?:polic(?:y|ies)|protocols?|procedures?|guidance|strategy|pathways?|terms\s+of\s+
        reference|documents?|versions?|templates?|toolkits?|leaflets?|frameworks?|forms?|
        checklists?|guides?|standards?|specifications?|contracts?|briefings?|criteria|
        thresholds?|process(?:es)?|programmes?|training|funding|budgets?|posts?|roles?)\b""",
    _FLAGS)
_TO_COMPLETE_BY = compiled(r"^\W*(?:to\s+)?complete\s+(?:by|before|no\s+later\s+than)\b", regex.I)
_WHEN_DUE = "says by when the work is to be complete, not that it is"
_PART_LEFT = compiled(
    r"""(?<!\b(?:no|nothing|none)\b[^.;]{0,25})
        \b(?:outstanding|remain(?:ing|s\s+to\s+be)|still\s+to\s+(?:be|do|complete))\b""",
    _FLAGS)
"""After an opening "Completed", part of the work still to do ("Completed, one action
outstanding"): the whole is in progress; "Complete - nothing outstanding" is complete."""


def _status(text: str, key: dict[str, str] | None = None) -> tuple[str, str | None]:
    """The status the words support, and why it is "unknown" when they do not state one."""
    for pattern, status, reason in _WHOLE_CELL:
        if pattern.match(text):
            return status, reason
    two = _TWO_COLOURS.match(text)
    if two:  # "Amber/Green", "Red-Amber": between two ratings; "Blue/Green" is BRAG's
        colours = [_LETTERS.get(c.lower(), c.lower()) for c in two.groups()]
        scale = BRAG_KEY if "blue" in colours else (key or RAG_WORDS)
        both = {scale.get(c) or RAG_WORDS[c] for c in colours}
        return (both.pop(), None) if len(both) == 1 else ("in_progress", None)
    colour = rag_word(text)
    if colour:
        # the words after the colour say how this plan uses it ("Green - on track")
        rest = (_RAG_ALONE.sub("", text) if _RAG_ALONE.match(text) else _RAG.sub("", text, 1))
        said = _leading(rest, _signals(rest))
        if said in ("complete", "in_progress", "not_started"):
            return said, None
        if names_brag(text):
            key = BRAG_KEY  # "BRAG: Green": the cell names its scale, where green is on track
        return (key or RAG_WORDS).get(colour) or RAG_WORDS[colour], None
    found = _signals(text)
    if not found:
        return "unknown", "states no progress"
    first = _leading(text, found)
    if first is not None:
        if first == "no_update" and any(n in ("in_progress", "complete", "done", "not_started")
                                        for _, n in found):
            first = "in_progress"  # "Awaiting confirmation; training delivered"
        if first == "complete" and "withdrawn" in {n for _, n in found} and _CLOSED.match(text):
            return "unknown", _WITHDRAWN  # "Closed - superseded by the new strategy"
        if first == "complete" and "in_progress" in {n for _, n in found} \
                and _OPENS_CLOSED.match(text):
            return "unknown", _CLOSED_PART  # "Closed - partially completed"
        if first == "complete" and "negated" in {n for _, n in found}:
            return "unknown", _NEGATED  # "Closed - not completed"
        if first == "complete" and _PART_LEFT.search(text):
            return "in_progress", None  # "Completed, one action outstanding"
        if first == "complete" and _TO_COMPLETE_BY.match(text):
            return "unknown", _WHEN_DUE  # "Complete by March 2025": when, not whether
        return (first, None) if first not in _REASONS else ("unknown", _REASONS[first])
    if all(name == "done" and _AGREEMENT.match(text, at) for at, name in found) \
            and not _MADE_THING.search(text):
        return "unknown", _AGREED  # "Agreed at the CSP Board in January 2025"
    names = {"complete" if name == "done" else name for _, name in found}
    if "withdrawn" in names and not names & {"in_progress", "not_started"}:
        return "unknown", _WITHDRAWN
    if "no_update" in names:
        names = (names - {"no_update"}) | {"in_progress"}  # "awaiting ..." after other news
    names -= {"withdrawn"}
    if "in_progress" in names or {"complete", "not_started"} <= names \
            or {"complete", "negated"} <= names:  # "Policy revised, not yet ratified"
        return "in_progress", None
    for name in ("complete", "not_started"):
        if name in names:
            return name, None
    return "unknown", _NEGATED


_UPDATE_DATE = (
    r"(?:\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}|\d{1,2}[./]\d{4}"
    r"|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?\s*'?\d{2,4}|Q[1-4]\s*\d{4}(?:/\d{2,4})?)"
)
_UPDATE = compiled(
    rf"(?:(?<=^|[\n/;.])|(?=\bupdate))\s*(?:update[ds]?\s*(?:on\s+|as\s+(?:at|of)\s+)?[:\-]?\s*)?"
    rf"\(?(?P<when>{_UPDATE_DATE})\)?\s*[:\-\u2013]",
    regex.I,
)
"""The start of one dated progress update in a cell that holds several ("Jan 2024: ... /
Jun 2024: ...", "Update 03/2024: ..."): at the cell's start or after a line break, "/", ";"
or "."."""


def latest_update(text: str) -> str | None:
    """The text of the latest of several dated updates in one cell, which alone says how the
    work stands now (plans add an update each review and keep the earlier ones); None when
    the cell is not a list of dated updates or their dates cannot be ordered."""
    starts = list(_UPDATE.finditer(text))
    if len(starts) < 2:
        return None
    updates: list[tuple[object, str]] = []
    for m, nxt in zip(starts, [*starts[1:], None], strict=True):
        dates, problems = parse_target_dates(m["when"])
        if problems or len(dates) != 1 or dates[0].end is None:
            return None
        body = text[m.end():nxt.start() if nxt else len(text)]
        updates.append((dates[0].end, body.strip(" \n/;")))
    ends = [end for end, _ in updates]
    if len(set(ends)) != len(ends):
        return None
    return max(updates, key=lambda u: u[0])[1]  # type: ignore[arg-type, return-value]


_UNCONFIRMED = compiled(
    r"""\?\s*$ | ^\W*\? | \b(?:tbc|to\s+be\s+confirmed|unconfirmed|unverified
        |not\s+(?:yet\s+)?verified|awaiting\s+(?:confirmation|verification|evidence|assurance)|believed|assumed
        |thought\s+to\s+be|subject\s+to\s+(?:confirmation|verification|evidence)
        |evidence\s+(?:awaited|outstanding|required|to\s+follow|requested))\b""", _FLAGS)
"""A cell that says complete and in the same breath that it is not confirmed ("Complete
(tbc)", "Believed complete", "Complete - awaiting evidence"): the status is kept, and said."""
_UNCONFIRMED_NOTE = "says complete but not confirmed; the status was kept"
_ROUTINE = compiled(
    r"""\bon[\s\-]?going\b.*\b(?:business\s+as\s+usual|BAU|embedded|mainstreamed|routine)\b
      | \b(?:business\s+as\s+usual|BAU|embedded|mainstreamed)\b.*\bon[\s\-]?going\b""", _FLAGS)
"""Ongoing and routine together ("Ongoing (business as usual)", "Ongoing - embedded"): the
work goes on, or it is done and now part of practice; read as in progress, and said."""
_ROUTINE_NOTE = ("says ongoing and business as usual: read as in progress, though it may mean "
                 "done and now routine")

_ONLY_A_DATE = compiled(r"^\W*(?:completed?\s*(?:on)?\s*)?[\d./\-\s]+\W*$", regex.I)


def rolled_up(parts: list[Completion]) -> Completion | None:
    """One completion for a recommendation whose actions report progress separately: all
    complete is complete (on the latest date, if every one has a date); any progress is in
    progress; all not started is not started; anything else unknown."""
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    statuses = {p.status for p in parts}
    raw = "\n".join(p.raw for p in parts)
    if statuses == {"complete"}:
        dates = [p.date for p in parts if p.date is not None]
        return Completion(raw, "complete", max(dates) if len(dates) == len(parts) else None)
    if statuses & {"complete", "in_progress"}:
        return Completion(raw, "in_progress")
    if statuses == {"not_started"}:
        return Completion(raw, "not_started")
    return Completion(raw, "unknown")


_DEFINITE = frozenset({"complete", "in_progress", "not_started"})


_BARE_STATUS = compiled(
    r"(?:complete[d]?|in\s+progress|not\s+(?:yet\s+)?started|on\s+track|delayed|ongoing"
    r"|overdue|closed)", regex.I)
_BARE_STATUSES = compiled(rf"^(?:{_BARE_STATUS.pattern})(?:\s+(?:{_BARE_STATUS.pattern}))+$",
                          regex.I)
"""Bare status words one after another ("Complete In progress"): several items' statuses
whose line breaks a text export lost."""


def status_lines(text: str) -> list[str]:
    """A cell's lines, bare status words run together split apart."""
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if len(lines) == 1 and _BARE_STATUSES.match(lines[0]):
        return [m.group(0) for m in _BARE_STATUS.finditer(lines[0])]
    return lines


def _statuses_by_line(text: str, key: dict[str, str] | None) -> list[str] | None:
    """The statuses of a cell whose lines each state one and do not all agree ("Complete" /
    "In progress": two actions' statuses, or rows run together); None otherwise."""
    lines = status_lines(text)
    if len(lines) < 2:
        return None
    statuses = [_status(line, key) for line in lines]
    if any(reason or status not in _DEFINITE for status, reason in statuses):
        return None
    found = [status for status, _ in statuses]
    return found if len(set(found)) > 1 else None


def parse_completion(
    text: str, dates_done: bool = False, key: dict[str, str] | None = None
) -> tuple[Completion | None, list[str]]:
    """Status and completion date of one cell, plus warnings; None for an empty cell.

    The date is set only for status complete and an exact day (see the module docstring).
    `dates_done`: the column records when work was done ("Date completed"), so a cell that
    is only a day says it was completed that day. `key`: what the plan's colours mean
    (its own printed key, or BRAG's), for a colour word in the cell.
    """
    cell = " ".join((text or "").split())  # one line: extract/ has already removed markup
    if not cell:
        return None, []
    warnings: list[str] = []
    if dates_done and _ONLY_A_DATE.match(cell):
        days = [value for _, value in find_dates(cell) if value is not None]
        if len(days) == 1:
            return Completion(raw=cell, status="complete", date=days[0]), []
    boxes = ticked_options(cell)
    if boxes is not None:  # "☐ Complete ☒ In progress ☐ Not started": the ticked option
        if not boxes:
            return Completion(raw=cell, status="unknown"), [
                f"completion {_quote(cell)} {_NONE_TICKED}; status unknown"]
        text = boxes
    latest = latest_update(text or "")
    by_line = _statuses_by_line(text, key) if latest is None else None
    if by_line:  # read whole, the first line's word was the cell's: "Complete" won
        rolled = rolled_up([Completion(line, status) for line, status in zip(
            status_lines(text), by_line, strict=True)])
        return Completion(cell, rolled.status if rolled else "unknown"), [
            f"completion {_quote(cell)} gives a status per line "
            f"({', '.join(s.replace('_', ' ') for s in by_line)}): read as several items, "
            f"rolled up to {(rolled.status if rolled else 'unknown').replace('_', ' ')}"]
    lone = _UPDATE.match(cell) if latest is None else None
    said = latest or (cell[lone.end():] if lone and cell[lone.end():].strip() else cell)
    if boxes:
        said = boxes
    # the status from the update's words ("Update 12/05/2025: complete"), not its label
    status, reason = _status(" ".join(said.split()), key)
    if reason:
        warnings.append(f"completion {_quote(cell)} {reason}; status unknown")
    elif status == "complete" and _UNCONFIRMED.search(said):
        warnings.append(f"completion {_quote(cell)} {_UNCONFIRMED_NOTE}")
    elif status == "in_progress" and _ROUTINE.search(said):
        warnings.append(f"completion {_quote(cell)} {_ROUTINE_NOTE}")

    found = find_dates(" ".join(latest.split()) if latest else cell)
    for raw, value in found:
        if value is None:
            warnings.append(f'completion date "{raw}" could not be read: there is no such day')
    days = sorted({value for _, value in found if value is not None})
    completed_on = None
    if days and status == "complete":
        completed_on = days[-1]
        if len(days) > 1:
            warnings.append(
                f"completion {_quote(cell)} gives several dates; the latest was kept"
            )
        searched = " ".join(latest.split()) if latest else cell
        if any(value == completed_on and regex.search(
                _BOUND_BEFORE + regex.escape(raw), searched, regex.I) for raw, value in found):
            completed_on = None
            warnings.append(f"completion {_quote(cell)} gives the day it was complete by, "
                            "not the day; the date was not kept")
    elif days:
        warnings.append(f"completion {_quote(cell)} gives a date but is not complete; "
                        "the date was not kept")
    return Completion(raw=cell, status=status, date=completed_on), warnings


_CHECKED = "\u2612\u2611\u2713\u2714\uf0fe\uf078"
"""Ticked boxes: ballot boxes with an X or a tick, Word's check box content control glyphs
(MS Gothic's U+2612, Wingdings' U+F0FE / U+F078 as symbols) and ticks."""
_UNCHECKED = "\u2610\uf06f\uf0a8\u25a1"
"""Empty boxes: U+2610, Wingdings' U+F06F / U+F0A8, a white square."""
_BOX = compiled(rf"[{_CHECKED}{_UNCHECKED}]")
_NONE_TICKED = "offers options with boxes but none is ticked"


def ticked_options(cell: str) -> str | None:
    """In a cell of options with boxes ("☒ Complete ☐ In progress ☐ Not started", a template's
    check box content controls; or "Complete ☐ In progress ☒"), the ticked options' words
    (with a label before them: "Complete: ☒ Yes ☐ No" is "Complete: Yes"); "" when no box is
    ticked; None when the cell has fewer than two boxes (a lone tick is read as it is)."""
    found = list(_BOX.finditer(cell))
    if len(found) < 2 or not any(m[0] in _UNCHECKED for m in found):
        return None
    after = not cell[: found[0].start()].strip(" :-\u2013") or bool(
        cell[found[-1].end():].strip(" .;,"))
    label = ""
    options: list[tuple[bool, str]] = []
    if after:  # the box before its option
        label = cell[: found[0].start()].strip()
        for m, nxt in zip(found, [*found[1:], None], strict=True):
            options.append((m[0] in _CHECKED, cell[m.end(): nxt.start() if nxt else None]))
    else:  # the option before its box
        previous = 0
        for m in found:
            options.append((m[0] in _CHECKED, cell[previous: m.start()]))
            previous = m.end()
    ticked = [" ".join(text.split()).strip(" ,;/") for checked, text in options if checked]
    if not ticked:
        return ""
    words = "; ".join(t for t in ticked if t)
    if label and regex.fullmatch(r"(?i)no|n", words):
        return f"not {label.rstrip(' :')}"
    return f"{label} {words}".strip() if label else words


_BOUND_BEFORE = r"\b(?:by|before|no\s+later\s+than|prior\s+to|ahead\s+of)\s+(?:the\s+)?"
"""Before a day in a done cell, words making it a bound ("Completed by 31/03/2025"): the
work ended on that day or earlier, so the day is no completion date."""


TICK = compiled(rf"^[\W_]*(?:[{TICKS}]|yes|y)[\W_]*$", regex.I)
"""A tick in a tick column: the tick glyphs Word and PDFs print, or "Yes"."""


def tick_status(header: str, cell: str) -> str | None:
    """The status a tick says in a column headed by a state ("Achieved (tick)", "On Target
    to Achieve", "Completed"): that state, read from the header's words; None when the cell
    holds no tick or the header names no state."""
    if not TICK.match(cell or ""):
        return None
    status, _ = _status(" ".join(header.replace("(tick)", " ").split()))
    return status if status not in ("unknown", "negated") else None
