"""The same plan converted twice: the same bytes under two names, or a PDF and its export.

The combined outputs keep one copy of each plan, so that joins and counts across plans do
not double it, and list every input with the copy that stands for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dhrplan.normalize.record import Plan
from dhrplan.output.keys import plan_key
from dhrplan.output.tables import SourcedPlan, Table, Value

SAME_BYTES = "same bytes"
SAME_CONTENT = "same title and recommendations"
FORMAT_RANK = {"pdf": 0, "docx": 1, "html": 2, "markdown": 3, "tsv": 4, "layout": 5}
"""The copy kept: the published original (its pages are in the records) before exports."""


@dataclass(frozen=True)
class CopySettings:
    min_same_texts: float = 0.75
    """Share of recommendation texts that must read the same: a text export loses a
    paragraph break or a word at a page break here and there (README: a few fields in the
    44 records of Somerset 012 differ), while two plans of one CSP share a title and at most
    a few texts."""


@dataclass(frozen=True)
class Copy:
    source: str
    key: str
    """The key of the plan kept for it."""
    kept: str
    """The source whose copy the combined outputs keep (itself when it is kept)."""
    reason: str | None
    """SAME_BYTES or SAME_CONTENT; None for a plan converted once."""


@dataclass(frozen=True)
class Copies:
    kept: list[SourcedPlan]
    inputs: list[Copy]

    @property
    def duplicates(self) -> list[Copy]:
        return [c for c in self.inputs if c.reason is not None and c.source != c.kept]


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def same_plan(a: Plan, b: Plan, settings: CopySettings = CopySettings()) -> bool:
    """Same title, same numbers in the same order, and mostly the same texts."""
    if not a.title or _words(a.title) != _words(b.title):
        return False
    if [r.number for r in a.recommendations] != [r.number for r in b.recommendations]:
        return False
    pairs = zip(a.recommendations, b.recommendations, strict=True)
    same = sum(_words(x.text) == _words(y.text) for x, y in pairs)
    return same >= settings.min_same_texts * len(a.recommendations)


def _rank(item: SourcedPlan) -> tuple[int, str]:
    return FORMAT_RANK.get(item.plan.source.format, len(FORMAT_RANK)), item.source


def find_copies(items: Sequence[SourcedPlan], settings: CopySettings = CopySettings()) -> Copies:
    groups: list[list[SourcedPlan]] = []
    for item in sorted(items, key=_rank):
        for group in groups:
            if plan_key(group[0].plan) == plan_key(item.plan) or same_plan(
                group[0].plan, item.plan, settings
            ):
                group.append(item)
                break
        else:
            groups.append([item])
    kept: list[SourcedPlan] = []
    inputs: list[Copy] = []
    for group in groups:
        first = group[0]
        kept.append(first)
        for item in group:
            if len(group) == 1:
                reason = None
            elif any(plan_key(o.plan) == plan_key(item.plan) for o in group if o is not item):
                reason = SAME_BYTES
            else:
                reason = SAME_CONTENT
            inputs.append(Copy(item.source, plan_key(first.plan), first.source, reason))
    order = {item.source: i for i, item in enumerate(items)}
    kept.sort(key=lambda k: order[k.source])
    inputs.sort(key=lambda c: order[c.source])
    return Copies(kept, inputs)


COPY_COLUMNS = ("source_file", "plan_key", "kept", "kept_source", "reason")


def copies_table(copies: Copies) -> Table:
    """Every input of the combined outputs: kept (1), or the copy kept in its place."""
    rows: list[tuple[Value, ...]] = [
        (c.source, c.key, int(c.source == c.kept), c.kept, c.reason) for c in copies.inputs
    ]
    return Table("Copies", COPY_COLUMNS, rows)
