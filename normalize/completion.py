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

The completion date is kept only when the status is complete and the cell names an exact
day ("Completed 29.11.15").  A month ("Completed March 2016") gives date None: a month is
not a completion date, and inventing its first or last day would state more than the plan.
"""

from __future__ import annotations

import regex

from dhrplan.extract.labels import TICKS
from dhrplan.extract.patterncache import compiled

from .dates import find_dates
from .record import Completion

_FLAGS = regex.IGNORECASE | regex.VERBOSE

_RAG = compiled(
    r"""\bRAG(?:\s+(?:status|rating))?\s*[:=\-]?\s*(?P<colour>green|amber|red)\b
      | ^\W*(?P<colour>green|amber|red)\b(?=\s*(?:$|[^\w\s]))  # "Green - ...", not "Red flag"
    """,
    _FLAGS,
)
_RAG_STATUS = {"green": "complete", "amber": "in_progress", "red": "not_started",
               "blue": "complete"}
_RAG_ALONE = compiled(
    r"^\W*(?:rag\s*(?:status|rating)?\s*[:=\-]?\s*)?(?P<colour>green|amber|red|blue|[GARB])\W*$",
    regex.I,
)
_LETTERS = {"g": "green", "a": "amber", "r": "red", "b": "blue"}


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
    ("not_started", compiled(
        r"""\bnot\s+(?:yet\s+)?(?:been\s+)?(?:started|commenced|begun)\b
          | \byet\s+to\s+(?:start|begin|commence)\b
          | \bno\s+progress\b""", _FLAGS)),
    ("negated", compiled(
        r"""\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?
              (?:complete|completed|done|implemented|achieved|finished|in\s+place)\b
          | \bincomplete\b""", _FLAGS)),
    ("in_progress", compiled(
        r"""\bin\s+progress\b | \bon[\s\-]?going\b | \bunder\s*way\b | \bin\s+hand\b
          | \bawait(?:ed|ing)\b | \bpending\b | \bpart(?:ial)?ly\s+complete[d]?\b
          | \bpart\s+complete[d]?\b | \bwill\s+be\s+(?!able\b)\w+ed\b | \b(?:is|are)\s+being\b
          | \b(?:to\s+be|yet\s+to\s+be)\s+\w+ed\b | \boutstanding\b | \bremaining\b
          | \b(?:started|commenced|begun)\b | \bdrafted\b | \bscheduled\b | \bbooked\b
          | \bin\s+development\b | \bon\s+(?:track|target)\b | \bbehind\s+(?:schedule|target)\b
          | \bdelayed\b | \bslipp(?:ed|age)\b | \bpart(?:ly|ially)?\s+(?:done|met|achieved)\b
          | \b(?:at\s+risk|overdue)\b | \bin\s+train\b | \bprogressing\b
          | ^update\b | \brunning\b | \bpilot(?:ed|ing)?\b | \bdue\s+(?:in|by)\b
          | \b(?:one|two|three|four|five|six|\d+)\s+(?:of|out\s+of)\s+
            (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b""", _FLAGS)),
    ("complete", compiled(
        r"""\bcomplete[d]?\b | \bdone\b | \bachieved\b | \bimplemented\b | \bin\s+place\b
          | \bfinished\b | \bsigned[\s\-]?off\b | \bclosed\b
          | \b(?:has|have|had)\s+(?:(?:now|already|also|all|both|since)\s+)*been\s+\w+""",
        _FLAGS)),
    # work reported done ("Directory sent", "Briefing circulated"): weighed as complete, but
    # never taken as a leading status word, since "Revised threshold agreed" opens with an
    # adjective
    ("done", compiled(
        r"""\b(?:sent|circulated|held|delivered|agreed|issued|published|launched|received|
              written|appointed|introduced|shared|rolled\s+out|ratified|approved|updated|
              revised|adopted|trained|attended|recruited)\b""", _FLAGS)),
]

_NEGATED = "says the work is unfinished, not whether it started"

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


def _status(text: str) -> tuple[str, str | None]:
    """The status the words support, and why it is "unknown" when they do not state one."""
    rag = _RAG.search(text)
    if rag:
        return _RAG_STATUS[rag["colour"].lower()], None
    found = _signals(text)
    if not found:
        return "unknown", "states no progress"
    lead = _LEADING.match(text)
    if found[0][0] == (lead.end() if lead else 0) and found[0][1] != "done":
        first = found[0][1]
        return (first, None) if first != "negated" else ("unknown", _NEGATED)
    names = {"complete" if name == "done" else name for _, name in found}
    if "in_progress" in names or {"complete", "not_started"} <= names:
        return "in_progress", None
    for name in ("complete", "not_started"):
        if name in names:
            return name, None
    return "unknown", _NEGATED


_ONLY_A_DATE = compiled(r"^\W*(?:completed?\s*(?:on)?\s*)?[\d./\-\s]+\W*$", regex.I)


def parse_completion(text: str, dates_done: bool = False) -> tuple[Completion | None, list[str]]:
    """Status and completion date of one cell, plus warnings; None for an empty cell.

    The date is set only for status complete and an exact day (see the module docstring).
    `dates_done`: the column records when work was done ("Date completed"), so a cell that
    is only a day says it was completed that day.
    """
    cell = " ".join((text or "").split())  # one line: extract/ has already removed markup
    if not cell:
        return None, []
    warnings: list[str] = []
    if dates_done and _ONLY_A_DATE.match(cell):
        days = [value for _, value in find_dates(cell) if value is not None]
        if len(days) == 1:
            return Completion(raw=cell, status="complete", date=days[0]), []
    status, reason = _status(cell)
    if reason:
        warnings.append(f"completion {_quote(cell)} {reason}; status unknown")

    found = find_dates(cell)
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
    elif days:
        warnings.append(f"completion {_quote(cell)} gives a date but is not complete; "
                        "the date was not kept")
    return Completion(raw=cell, status=status, date=completed_on), warnings


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
