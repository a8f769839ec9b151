"""Column roles from header words, so plans with other column orders and names still map."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dhrplan.extract.model import Row

ROLES = (
    "number",
    "recommendation",
    "scope",
    "action",
    "owner",
    "milestones",
    "target",
    "completion",
)

# Checked in order: the first pattern that matches a header wins, so the more specific come
# first ("Action Holder" is an owner, not an action; "Date of Completion" is not a target date).
_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.I))
    for role, pattern in (
        (
            "number",
            r"^\s*(?:no\.?|num(?:ber)?|ref(?:erence)?\.?|#|rec(?:ommendation)?\s*(?:no|number|ref)\.?)\s*$",
        ),
        ("completion", r"complet|compltn|outcome|progress|\brag\b|update|status|achieved|evidence"),
        ("recommendation", r"recommendation|finding|learning"),
        ("owner", r"holder|lead|agenc|responsib|owner|\bwho\b|officer|accountab"),
        ("milestones", r"milestone"),
        ("target", r"target|by when|timescale|deadline|due|date|timeframe|when"),
        ("scope", r"scope|level"),
        ("action", r"action|what|task|activit|intervention"),
    )
)
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


def role_of(header: str) -> str | None:
    text = " ".join(header.split())
    if not text:
        return None
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(text):
            return role
    return None


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
            role = None
        roles.append(role)
        names.append(" ".join(cell.text.split()) or f"column {i + 1}")
    return ColumnMap(roles, names)
