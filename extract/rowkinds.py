"""What each row of a plan table is, by the columns' roles: the one row classifier that
stitching (does the row after a page break start something new?) and the plan's structure
(normalize/structure.py) share.

Roles come from a `Columns` (normalize's `ColumnMap`, with roles read from content too, or
`HeaderRoles` here, from the header's words alone, which is what stitching has).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

from dhrplan.extract.model import Row
from dhrplan.extract.numbering import number_cell, split_label
from dhrplan.extract.vocabulary import header_roles, unnamed_number_column, word_placeholder


@dataclass(frozen=True)
class RowSettings:
    """Thresholds of the row reading, with their reasons."""

    section_max_words: int = 12
    """A section label is a name ("Adult Social Care", "Theme 2 - Processes - Cumbria
    wide"), not a sentence."""
    min_fresh_cells: int = 2
    """Cells that must start on one line for it to start a row where no rule tells the rows
    (a cell starts where its column had no text on the line above, or opens an item there):
    a row of an action plan fills several cells at once; one cell alone starting is a cell
    resuming after an empty paragraph, or a second paragraph."""


SETTINGS = RowSettings()

_PAGE_ARTEFACT = re.compile(r"^\s*(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d{1,3})\s*$", re.I)
"""A row holding only "Page 3 of 12" or a page number is debris of the export."""
_RULE = re.compile(r"^\s*[-–—_=.:|]+\s*$")
"""Nor is a row of dashes (a table rule or a separator line the export kept)."""
_PART = re.compile(
    r"^\s*(?:part|section)\s+(?:\d+|[ivx]+|one|two|three|four)\b|\b(?:single|multi)[\s\-]*"
    r"agency\b|\brecommendations?\s*$",
    re.I,
)
"""A heading that names a part of the plan rather than an agency or theme."""


def starts_row(fresh: int, labelled: int = 0) -> bool:
    """Whether a line starts a table's row, by how many of its cells start there: `fresh`
    in columns with no text on the line above, `labelled` opening an item ("b)") in a column
    that had. The rule of every reader that sees lines but no rules (borderless PDF tables,
    layout text)."""
    return fresh > 0 and fresh + labelled >= SETTINGS.min_fresh_cells


def part_heading(text: str) -> bool:
    """ "Part 1: Multi-agency recommendations", "Single agency recommendations"."""
    return bool(_PART.search(text))
_NOT_SECTION = re.compile(
    r"^\s*(?:key|glossary|abbreviations|acronyms|contents|appendix|annex|notes?|date|"
    r"version|author|status|page|action\s+plan|recommendations?\s+(?:and\s+)?action\s+plan)\b"
    r"|\baction\s+plan\s*$",
    re.I,
)



Kind = Literal["empty", "section", "full", "numbered", "text", "action"]
"""empty; section: a theme or agency row; full: a full-width recommendation; numbered: starts
a recommendation with a number; text: recommendation text but no number; action: no
recommendation text, other cells filled."""


class Columns(Protocol):
    roles: list[str | None]

    def index(self, role: str) -> int | None: ...

    def has(self, role: str) -> bool: ...


@dataclass(frozen=True)
class HeaderRoles:
    """Column roles from the header's words alone."""

    roles: list[str | None]

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def has(self, role: str) -> bool:
        return role in self.roles


@lru_cache(maxsize=64)
def roles_of_header(texts: tuple[str, ...]) -> HeaderRoles:
    roles = header_roles(texts)
    for i, role in enumerate(roles):
        if role is None and unnamed_number_column(texts, roles, i):
            roles[i] = "number"
    return HeaderRoles(roles)


def cell_text_at(row: Row, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    cell = row.cells[index]
    return "" if cell.merged or word_placeholder(cell.text) else cell.text.strip()



def is_section_label(text: str, bold: bool = False) -> bool:
    """A short name ("MARAC", "Adult Social Care"), not a sentence, a number or an item."""
    text = text.strip()
    if not text or "\n" in text or len(text.split()) > SETTINGS.section_max_words:
        return False
    if number_cell(text) or split_label(text)[0] is not None and not part_heading(text):
        return False
    if _NOT_SECTION.match(text):
        return False
    return bold or not text.endswith((".", ",", ";")) and text[:1].isupper()


def _numbered_theme(text: str, bold: bool) -> bool:
    """A full-width row "1 IDENTIFYING RISK": a numbered name set apart by capitals or bold,
    as trackers number their themes; a numbered sentence is a recommendation."""
    number, body = split_label(text)
    return (number is not None and not is_full_recommendation(text)
            and (bold or body.isupper()) and is_section_label(body, bold))


def is_full_recommendation(text: str) -> bool:
    """A full-width row that is a recommendation: "Recommendation 3: The CSP should ..."."""
    number, body = split_label(text)
    return number is not None and len(body.split()) >= 4


def classify(columns: Columns, row: Row) -> Kind:
    """What a row is: empty (debris, rules, page numbers), a section (a theme or agency
    label, or only the grouping columns filled), a full-width recommendation, a row that
    starts a numbered recommendation, recommendation text without a number, or an action
    row beneath a recommendation."""
    filled = [i for i in row.filled() if not row.cells[i].merged]
    if not filled:
        return "empty"
    if all(_RULE.match(row.cells[i].text) for i in filled):
        return "empty"
    lone = filled[0]
    if len(filled) == 1 and lone != columns.index("number") and \
            _PAGE_ARTEFACT.match(row.cells[lone].text):
        return "empty"
    groups = {columns.index("section"), columns.index("agency")} - {None}
    if filled and all(i in groups for i in filled):
        return "section"
    rec = columns.index("recommendation")
    number = columns.index("number")
    if len(filled) == 1 and len(columns.roles) > 2:
        cell = row.cells[lone]
        leading = {0, number, rec, *groups} - {None}
        if lone in leading or rec is None:
            if is_full_recommendation(cell.text) and (rec is None or lone != rec):
                return "full"
            if lone in leading and (is_section_label(cell.text, cell.bold)
                                    or _numbered_theme(cell.text, cell.bold)):
                return "section"
    number_text = number_cell(cell_text_at(row, number))
    text = cell_text_at(row, rec)
    if number_text:
        # "1.2" beside an empty recommendation cell numbers an action of recommendation 1
        if rec is not None and not text and ("." in number_text or "(" in number_text):
            return "action"
        return "numbered" if rec is not None or not columns.has("action") else "action"
    if text:
        return "numbered" if split_label(text)[0] is not None else "text"
    if rec is None and len(filled) == 1 and is_full_recommendation(row.cells[lone].text):
        return "full"
    return "action"




def starts_something(header: Row, row: Row) -> Kind:
    """What stitching asks of a row after a page break: does it start something new?"""
    kind = classify(roles_of_header(tuple(header.texts)), row)
    return "numbered" if kind == "full" else kind
