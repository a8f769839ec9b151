"""Column roles from header words, so plans with other column orders and names still map."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dhrplan.extract.model import Row

_NUMBER = re.compile(
    r"^\s*(?:rec(?:ommendation)?\.?\s*)?(?:no|num(?:ber)?|ref(?:erence)?|id|#)\.?\s*:?\s*$",
    re.I,
)
# Headers that list scope levels ("Local/Regional/National", "Single / multi agency").
_SCOPE_LEVELS = re.compile(r"\b(?:local|regional|national)\b|\bsingle\b.{0,12}\bmulti", re.I)
# An outcome the plan hopes for is not progress: such a column is kept under `extra`.
_HOPED_FOR = re.compile(r"\b(?:intended|desired|expected|anticipated|planned)\s+outcome", re.I)
_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.I))
    for role, pattern in (
        ("completion", r"complet\w*|compltn|outcomes?|progress|\brag\b|update|status|evidence"),
        ("recommendation", r"recommendations?|findings?|learning"),
        ("owner", r"holders?|lead|agenc\w*|responsib\w*|owners?|\bwho\b|officers?|accountab\w*"),
        ("milestones", r"milestones?"),
        ("target", r"target|\bwhen\b|timescales?|deadline|\bdue\b|\bdates?\b|time\s*frame"),
        ("scope", r"scope|level"),
        ("action", r"actions?|\bwhat\b|tasks?|activit\w*|interventions?|steps"),
    )
)
# Where a header's head phrase ends: "Scope | of recommendation", "Key milestones | achieved
# in enacting recommendation", "Specific action | to meet the recommendation".
_QUALIFIER = re.compile(r"\s(?:of|for|to|in|on|i\.?e\.?|e\.?g\.?|achieved|which)\b|\s*[(:]", re.I)
_NUMBERISH = re.compile(r"^\s*(?:R|Rec\.?\s*)?\d{1,3}(?:\.\d{1,2})?[.)]?\s*$", re.I)


@dataclass(frozen=True)
class ColumnMap:
    roles: list[str | None]
    """One role per column (None: kept under `extra`)."""
    names: list[str]
    """Header text per column, used as the key under `extra`."""

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    @property
    def is_action_plan(self) -> bool:
        """A table is an action plan when it has recommendations and at least two other roles."""
        others = {r for r in self.roles if r not in (None, "recommendation", "number")}
        return "recommendation" in self.roles and len(others) >= 2


# "Date of completion", "Completion date": when it was done, unless the header plans it.
_DONE_DATE = re.compile(r"complet|compltn", re.I)
_PLANNED = re.compile(r"target|timescale|deadline|\bdue\b|to be|planned|expected", re.I)


_PROGRESS_WORDS = re.compile(r"progress|\brag\b|status|update|complet|compltn", re.I)


def _strength(header: str) -> int:
    """Of two columns with one role, the one that names it outright wins."""
    return 1 if _PROGRESS_WORDS.search(header) else 0


def _rightmost_role(text: str) -> str | None:
    """In "Action Holder" or "Target Date" the last role word is the head noun."""
    best: tuple[int, str] | None = None
    for role, pattern in _ROLE_WORDS:
        for m in pattern.finditer(text):
            if best is None or m.end() > best[0]:
                best = (m.end(), role)
    return best[1] if best else None


def role_of(header: str) -> str | None:
    """The role a column plays, read from its header the way a person reads it."""
    text = " ".join(header.split())
    if not text:
        return None
    if _NUMBER.match(text):
        return "number"
    if _SCOPE_LEVELS.search(text):
        return "scope"
    if _HOPED_FOR.search(text):
        return None
    cut = _QUALIFIER.search(text)
    head = text[: cut.start()] if cut and cut.start() > 0 else text
    role = _rightmost_role(head) or _rightmost_role(text)
    if role == "target" and _DONE_DATE.search(text) and not _PLANNED.search(text):
        return "completion"
    return role


def map_columns(header: Row, body: list[Row] | None = None) -> ColumnMap:
    """Roles by header words; an unnamed column of short numbers is the number column."""
    roles: list[str | None] = []
    names: list[str] = []
    own = [role_of(c.text) for c in header.cells]
    for i, cell in enumerate(header.cells):
        role = own[i]
        if role is None and cell.empty and i + 1 < len(own) and own[i + 1] == "recommendation":
            role = "number"
        if role is None and cell.empty and body:
            values = [r.cells[i].text for r in body if i < len(r.cells) and not r.cells[i].empty]
            numeric = [v for v in values if _NUMBERISH.match(v)]
            if numeric and len(numeric) * 2 >= len(values):
                role = "number"
        if role in roles:
            earlier = roles.index(role)
            if _strength(cell.text) > _strength(names[earlier]):
                roles[earlier] = None  # "Outcome" then "Progress": progress is the status
            else:
                role = None
        roles.append(role)
        name = " ".join(cell.text.split()) or f"column {i + 1}"
        names.append(name if name not in names else f"{name} (column {i + 1})")
    return ColumnMap(roles, names)
