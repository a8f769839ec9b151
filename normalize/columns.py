"""Which column means what: roles from header words, and from content where the header is
unknown, ambiguous or missing.

A person reads a header's head noun ("Action *Holder*", "Scope *of recommendation*") and,
when the header says nothing ("Detail", "", "Column 4"), looks at what the cells hold:
dates are target dates, short agency names are owners, "X should ..." sentences are
recommendations. `map_columns` does both and records, per column, where the role came from,
so the document can show why a column was read as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from dhrplan.extract.labels import leading_marker
from dhrplan.extract.model import Row
from dhrplan.extract.numbering import number_cell, split_label
from dhrplan.extract.patterncache import compiled
from dhrplan.extract.vocabulary import (
    IMPERATIVE_VERBS,
    header_roles,
    kept_as_extra,
    names_completion_date,
    names_evidence,
    role_of,
    unnamed_number_column,
)
from dhrplan.normalize.completion import parse_completion, rag_word, rates_blue
from dhrplan.normalize.dates import parse_target_dates
from dhrplan.normalize.owners import looks_like_owner
from dhrplan.normalize.rowlevels import row_label
from dhrplan.normalize.scope import parse_scope

ROLES = (
    "number", "section", "agency", "recommendation", "action", "owner", "milestones",
    "target", "scope", "completion", "rag", "outcomes", "action_number",
)



@dataclass(frozen=True)
class ColumnSettings:
    """Thresholds of the content reading, with their reasons."""

    content_share: float = 0.6
    """Share of a column's filled cells that must look alike for the content to name its
    role: most, so one odd cell does not decide, not all, since plans are written by hand."""
    min_cells: int = 2
    """Filled cells needed before content is trusted: one cell proves nothing."""
    sentence_words: int = 12
    """A recommendation is a sentence: cells this long or longer, on average."""
    short_words: int = 6
    """Owners, scopes and dates are short: no line longer than this."""


SETTINGS = ColumnSettings()


@dataclass(frozen=True)
class ColumnMap:
    """The role of each column of a table."""
    roles: list[str | None]
    """One role per column (None: kept under `extra`)."""
    names: list[str]
    """Header text per column, used as the key under `extra`."""
    sources: list[str] = field(default_factory=list)
    """Per column: "header" (its words), "content" (what its cells hold) or "none"."""
    unsure: tuple[int, ...] = ()
    """Columns whose role came from content that not every cell supports."""
    brag: bool = False
    """The status or RAG column rates some row Blue: a BRAG scale, where blue is complete
    and green only on track, whatever the header says; one such table makes the plan BRAG
    (`RecordBuilder.brag`)."""

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def has(self, role: str) -> bool:
        return role in self.roles

    @property
    def guessed(self) -> list[int]:
        """Columns whose role was read from content that some cells contradict: every
        record they feed says so. A column of numbers with no header is no guess."""
        return [i for i in self.unsure if self.roles[i]]

    def indices(self, role: str) -> list[int]:
        """Every column of a role several columns may play (outcomes)."""
        return [i for i, r in enumerate(self.roles) if r == role]

    @property
    def is_bare_list(self) -> bool:
        """Recommendations with their numbers and one thing about them (who they are for,
        by when, how far), nothing else: the list an overview report prints before its
        action plan, or the whole plan when alone."""
        return len(set(self.roles) - {None, "number", "recommendation"}) <= 1

    @property
    def is_action_plan(self) -> bool:
        """Recommendations (or actions) and at least two other roles; or numbered
        recommendations and one thing about them ("# | Recommendation | Addressed to",
        "No. | Recommendation | Progress"), the plainest lists a review publishes. Two
        columns with no number ("Recommendation | Comments") are no plan."""
        others = {r for r in self.roles if r not in (None, "recommendation", "number")}
        return ("recommendation" in self.roles and len(others) >= 2) or (
            "action" in self.roles and len(others - {"action"}) >= 2
        ) or ({"recommendation", "number"} <= set(self.roles) and bool(others - {"action"}))


# --- content -----------------------------------------------------------------------------

_SHOULD = compiled(
    r"\b(?:should|must|shall|need(?:s)?\s+to|to\s+ensure|is\s+recommended|are\s+recommended"
    r"|will\s+(?:review|ensure|develop|consider))\b",
    regex.I,
)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _is_date_cell(text: str) -> bool:
    dates, _ = parse_target_dates(text)
    return bool(dates) and all(d.kind != "unknown" for d in dates) and len(text.split()) <= 14


def _is_status_cell(text: str) -> bool:
    if rag_word(text):
        return True
    completion, _ = parse_completion(text)
    return completion is not None and completion.status != "unknown"


def _is_scope_cell(text: str) -> bool:
    scope = parse_scope(text)
    return scope is not None and bool(scope.levels) and len(text.split()) <= 5


def _is_owner_cell(text: str, glossary: dict[str, str]) -> bool:
    lines = _lines(text)
    return bool(lines) and all(
        len(ln.split()) <= SETTINGS.short_words and looks_like_owner(ln, glossary) for ln in lines
    )


def _item_text(paragraph: str) -> str:
    """The paragraph without the bullet or label it opens with."""
    marker = leading_marker(paragraph)
    return paragraph[marker.end:].strip() if marker else paragraph.strip()


def _is_action_cell(text: str) -> bool:
    """Imperative items ("Add a flag to ...", "• Train the team."): every paragraph, its
    bullet or label aside, opens with an action verb, and none reads as "X should ..."."""
    items = [_item_text(ln) for ln in _lines(text)]
    return bool(items) and not _SHOULD.search(text) and not _is_status_cell(text) and all(
        item.split()[0] in IMPERATIVE_VERBS for item in items if item.split()
    ) and any(item.split() for item in items)


def _is_sentence(text: str) -> bool:
    _, body = split_label(text)
    return len(body.split()) >= SETTINGS.sentence_words or bool(_SHOULD.search(body))


def reads_as_recommendation(text: str) -> bool:
    """ "X should ...", "The CSP must ...": a sentence that recommends."""
    return bool(_SHOULD.search(text))


_TESTS = (
    ("number", lambda t, g: number_cell(t) is not None),
    ("target", lambda t, g: _is_date_cell(t)),
    ("scope", lambda t, g: _is_scope_cell(t)),
    ("rag", lambda t, g: rag_word(t) is not None and len(t.split()) <= 2),
    ("completion", lambda t, g: _is_status_cell(t)),
    ("owner", _is_owner_cell),
    ("action", lambda t, g: _is_action_cell(t)),
)


def role_from_content(
    cells: Sequence[str], glossary: dict[str, str], fills: Sequence[str | None] = ()
) -> tuple[str | None, float]:
    """The role most of a column's filled cells support and the share that do, or None
    when they do not agree."""
    filled = [c for c in cells if c.strip()]
    if not filled and sum(1 for f in fills if f) >= SETTINGS.min_cells:
        return "rag", 1.0  # shading and no text: a RAG column drawn in colour
    if len(filled) < SETTINGS.min_cells:
        return None, 0.0
    tests = [*_TESTS, ("recommendation", lambda t, g: _is_sentence(t))]
    for role, test in tests:
        share = sum(1 for c in filled if test(c, glossary)) / len(filled)
        if share >= SETTINGS.content_share:
            return role, share
    return None, 0.0


def labels_rows(cells: Sequence[str]) -> bool:
    """A column of row labels, as a form with several columns prints on its left: each row's
    kind and number ("Recommendation 1", "Action 1.1") or the name of the field the row
    gives ("Progress"), at least `min_cells` of them numbered."""
    filled = [" ".join(c.split()) for c in cells if c.strip()]
    numbered = [c for c in filled if row_label(c) is not None]
    return len(numbered) >= SETTINGS.min_cells and any(
        not c[:1].isdigit() for c in numbered) and all(
        c in numbered or (role_of(c) is not None and len(c.split()) <= SETTINGS.short_words)
        for c in filled)


def _text_column_from_content(
    roles: list[str | None], sources: list[str], unsure: list[int], body: Sequence[Row],
) -> None:
    """A table with neither a recommendation nor an action column: the unnamed column
    ("Detail") whose cells are recommendations and actions ("X should ...", "Remind
    officers ...") holds both, the numbering telling which (normalize/rowlevels.py)."""
    for i, role in enumerate(roles):
        if role is not None:
            continue
        cells = [r.cells[i].text for r in body if i < len(r.cells) and r.cells[i].text.strip()]
        if len(cells) < SETTINGS.min_cells:
            continue
        share = sum(1 for c in cells if _is_sentence(c) or _is_action_cell(c)) / len(cells)
        if share >= SETTINGS.content_share:
            roles[i], sources[i] = "recommendation", "content"
            if share < 1.0:
                unsure.append(i)
            return


def cell_fits(role: str | None, text: str, glossary: dict[str, str]) -> bool | None:
    """Whether one cell could hold a value of the role (a date for a target, short agency
    names for an owner or agency, a status or RAG word for progress), by the same tests as a
    column's content; None for roles whose values may be any text."""
    tests = {**dict(_TESTS), "agency": _is_owner_cell, "rag": lambda t, g: _is_status_cell(t)}
    tests.pop("action")  # an action may be worded any way; only a column's are mostly verbs
    test = tests.get(role or "")
    return None if test is None else bool(test(text, glossary))


def map_columns(
    header: Row | None,
    body: Sequence[Row] | None = (),
    glossary: dict[str, str] | None = None,
    width: int | None = None,
) -> ColumnMap:
    """Roles by header words, then by content for the columns the header leaves unnamed.

    `header` None means the table has no header row: every role comes from content.
    """
    glossary = glossary or {}
    body = body or ()
    width = width or (len(header.cells) if header else max((len(r.cells) for r in body),
                                                          default=0))
    texts = [header.cells[i].text if header and i < len(header.cells) else ""
             for i in range(width)]
    roles = header_roles(texts)
    sources = ["header" if r else "none" for r in roles]

    unsure = [i for i, t in enumerate(texts) if roles[i] == "target" and names_completion_date(t)
              or roles[i] == "completion" and names_evidence(t)]
    body = [r for r in body if len(r.filled()) > 1]  # a full-width row (a theme) is no cell
    for i in range(width):
        if roles[i] is not None or kept_as_extra(texts[i]):
            continue
        column = [r.cells[i].text for r in body if i < len(r.cells) and not r.cells[i].merged]
        fills = [r.cells[i].fill for r in body if i < len(r.cells)]
        guess, share = role_from_content(column, glossary, fills)
        if not texts[i].strip() and labels_rows(column):
            guess, share = "number", 1.0
        if guess is None and unnamed_number_column(texts, roles, i):
            guess, share = "number", 1.0
        if guess and guess not in roles:
            roles[i], sources[i] = guess, "content"
            if share < 1.0:
                unsure.append(i)

    if "recommendation" not in roles and "action" not in roles:
        _text_column_from_content(roles, sources, unsure, body)

    agency = roles.index("agency") if "agency" in roles else None
    if agency is not None:
        rec = roles.index("recommendation") if "recommendation" in roles else None
        if (rec is None or agency > rec) and "owner" not in roles:
            roles[agency] = "owner"  # "Recommendation | Agency | ...": who does it

    rated = [i for i, r in enumerate(roles) if r in ("completion", "rag")]
    brag = any(rates_blue(r.cells[i].text) for r in body for i in rated if i < len(r.cells))

    names: list[str] = []
    for i, text in enumerate(texts):
        name = " ".join(text.split()) or f"column {i + 1}"
        names.append(name if name not in names else f"{name} (column {i + 1})")
    return ColumnMap(roles, names, sources, tuple(unsure), brag)


def looks_like_header(row: Row) -> bool:
    """A row that names columns: two or more cells with role words, and no cell that reads
    as content (a date, a long sentence)."""
    named = [c for c in row.cells if not c.empty and role_of(c.text)]
    if len(named) < 2:
        return False
    return not any(len(c.text.split()) > 14 for c in row.cells)
