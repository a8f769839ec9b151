"""The days a plan's relative target dates count from, where the plan itself states them.

"3 months post publication of the report" has a due date only once the publication day is
known; a plan's title block often states it ("Date of publication: 12 March 2024",
"Report signed off by the CSP on 5 May 2023"). Only text outside the plan's own tables is
read (paragraphs and the cover's detail tables), since a recommendation may well mention
other publications. A label with its date and nothing else ("Published: March 2024", a
"Date of final report" cell beside its date) is taken as stated; a date found inside a
sentence about the report is taken with a warning; two different days for one event give
none, with a warning. A month or season counts from its last day, so that nothing is called
overdue before it can be.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import regex

from dhrplan.extract.model import Heading, Table
from dhrplan.extract.patterncache import compiled
from dhrplan.normalize.anchordays import PUBLICATION, REVIEW_COMPLETION
from dhrplan.normalize.dates import parse_target_dates
from dhrplan.normalize.record import AnchorDate, PlanWarning

_LABELS = (
    (PUBLICATION, r"(?:date\s+of\s+publication|publication\s+date|date\s+published|"
                  r"published(?:\s+on)?|publication)"),
    (REVIEW_COMPLETION, r"(?:date\s+of\s+(?:the\s+)?final\s+(?:overview\s+)?report|"
                        r"final\s+(?:overview\s+)?report\s+date|"
                        r"date\s+(?:of\s+)?(?:the\s+)?(?:report\s+|review\s+)?"
                        r"(?:signed[\s\-]+off|sign[\s\-]*off|completed|completion|approved|"
                        r"approval)|"
                        r"(?:report|review)\s+(?:signed[\s\-]+off|completed|approved)(?:\s+on)?|"
                        r"signed[\s\-]+off(?:\s+on)?)"),
)
_LABEL = {event: compiled(rf"^\s*{words}\s*(?:[:\-–—]\s*)?(?P<date>.+?)\s*\.?\s*$",
                               regex.I | regex.S)
          for event, words in _LABELS}
"""The whole text is a label and its date: a title-block line or cell."""
_LABEL_ONLY = {event: compiled(rf"^\s*{words}\s*:?\s*$", regex.I) for event, words in _LABELS}
"""A cell that is only the label: its date is the next cell."""

_SUBJECT = r"\b(?:report|review|DHR|DARDR|plan)\b"
_IN_TEXT = (
    (PUBLICATION, compiled(
        rf"{_SUBJECT}[^.;]{{0,60}}?\bpublished\b[^.;]{{0,40}}?\b(?:on|in)\s+(?P<date>[^.;]+)",
        regex.I)),
    (REVIEW_COMPLETION, compiled(
        rf"{_SUBJECT}[^.;]{{0,60}}?\b(?:signed[\s\-]+off|approved|completed|concluded|"
        rf"finali[sz]ed)\b[^.;]{{0,60}}?\b(?:on|in)\s+(?P<date>[^.;]+)", regex.I)),
)
"""A sentence about the report that dates its publication or sign-off."""


_DETAIL_COLUMNS = 4
"""A cover's document-details table has a label and a value, at most two pairs a row; a
wider table is a plan's or a list's, whose text may date other publications."""


@dataclass(frozen=True)
class _Found:
    """An event's date as the plan states it."""
    event: str
    day: date
    raw: str
    in_text: bool


_DATE_ONLY = compiled(
    r"^\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|"
    r"winter)[a-z]*\b)\S*(?:\s+\S+){0,3}\s*$", regex.I)
"""What follows a label when it is a date and nothing else: "12 March 2024", "May 2023"."""


def _day(text: str, whole: bool) -> date | None:
    """The last day the text's first date covers; with `whole`, the text must be that date
    and nothing else."""
    if whole and not _DATE_ONLY.match(text):
        return None
    dates, problems = parse_target_dates(text)
    if not dates or dates[0].end is None or dates[0].kind == "relative":
        return None
    if whole and (len(dates) > 1 or problems):
        return None
    return dates[0].end


def _in_line(text: str) -> list[_Found]:
    line = " ".join(text.split())
    for event, pattern in _LABEL.items():
        if (m := pattern.match(line)) and (day := _day(m["date"], whole=True)):
            return [_Found(event, day, line, in_text=False)]
    found = []
    for event, pattern in _IN_TEXT:
        for m in pattern.finditer(line):
            if day := _day(m["date"], whole=False):
                found.append(_Found(event, day, line, in_text=True))
    return found


def _in_row(cells: list[str]) -> list[_Found]:
    found = []
    for here, after in zip(cells, [*cells[1:], ""], strict=True):
        for event, pattern in _LABEL_ONLY.items():
            if pattern.match(here) and (day := _day(after, whole=True)):
                found.append(_Found(event, day, f"{' '.join(here.split())} {after}", False))
        found.extend(_in_line(here))
    return found


def _texts(blocks: Iterable[Heading | Table], plan_tables: list[Table]) -> list[_Found]:
    found: list[_Found] = []
    for block in blocks:
        if isinstance(block, Heading):
            found.extend(_in_line(block.text))
        elif len(block.header.cells) <= _DETAIL_COLUMNS and not any(
                block is t for t in plan_tables):
            for row in [block.header, *block.rows]:
                found.extend(_in_row([c.text for c in row.cells]))
    return found


def stated_anchors(
    blocks: Iterable[Heading | Table], plan_tables: list[Table]
) -> tuple[list[AnchorDate], list[PlanWarning]]:
    """The publication and review-completion days the plan states, with a warning for each
    read from a sentence and for each event given two different days."""
    anchors: list[AnchorDate] = []
    warnings: list[PlanWarning] = []
    found = _texts(blocks, plan_tables)
    for event in (PUBLICATION, REVIEW_COMPLETION):
        mine = [f for f in found if f.event == event]
        labelled = [f for f in mine if not f.in_text] or mine
        days = sorted({f.day for f in labelled})
        if len(days) > 1:
            shown = ", ".join(d.isoformat() for d in days)
            warnings.append(PlanWarning("anchor_conflict", "anchors", (
                f"the plan gives {event.replace('_', ' ')} as {shown}; relative target "
                "dates counting from it stay undated (give --published)")))
            continue
        if not days:
            continue
        first = labelled[0]
        anchors.append(AnchorDate(event, first.day, "plan", first.raw))
        if first.in_text:
            warnings.append(PlanWarning("anchor_from_text", "anchors", (
                f"{event.replace('_', ' ')} read as {first.day.isoformat()} from the "
                f'sentence "{first.raw[:80]}"')))
    return anchors, warnings
