"""Recommendations written as running text, not in a table.

Executive summaries published as council web pages, and inspectorate-style trackers, give
each recommendation as a heading ("Recommendation 1", or "Recommendation 1:" and its text)
followed by paragraphs, bullets and labelled lines ("Response: Accepted", "Action taken/to
be taken:", "Lead: ...", "Target date: ...", "Progress: ..."; REAL-PLANS.md S6, S8). A
person reads such a page as:

- a recommendation runs from its heading to the next recommendation heading or the next
  short bold heading ("Next steps", "Police", "Glossary");
- its text is the heading's own words and the plain paragraphs under it;
- its actions are the items after an action label ("Action taken/to be taken:",
  "Actions:"), or, where it has none, its bullets and numbered items;
- a labelled line whose label names a column of a plan (`extract/vocabulary.role_of`:
  "Lead", "Target date", "Progress") fills that field, and the paragraphs after it carry
  it on; a "Response" line is kept under `extra`;
- a short bold heading between recommendations names their section ("Multi-agency
  recommendations", "Police"), except one that only says "Recommendations";
- a page with no "Recommendation N" heading may list them under a "Recommendations"
  heading, numbered ("1. The CSP should ..."): each numbered item is one.

The records are built by `records.py` like a table's: each recommendation becomes one row
of a table made for it, whose columns are the fields found (listed in the document's
`tables` with role source "content"). Every record says, in a `running_text` warning, that
where its text ends and which lines are its actions were read from the page's layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from dhrplan.extract.labels import ITEM_START
from dhrplan.extract.model import NO_PAGE, Cell, Heading, Row, Table
from dhrplan.extract.numbering import (
    NUMBERED_ITEM,
    RECOMMENDATIONS_HEADING,
    recommendation_heading,
)
from dhrplan.extract.patterncache import compiled
from dhrplan.extract.rowkinds import SETTINGS as ROWS
from dhrplan.extract.rowkinds import is_section_label, part_heading
from dhrplan.extract.vocabulary import RESPONSE_LABEL, role_of
from dhrplan.normalize.columns import ColumnMap
from dhrplan.normalize.record import ColumnRole, PlanWarning, TableMap
from dhrplan.normalize.structure import Draft


@dataclass(frozen=True)
class ProseSettings:
    """Thresholds of the running-text reading, with their reasons."""

    label_max_words: int = 5
    """A field label is a short name ("Action taken/to be taken", "Lead agency"); longer text
    before a colon is a sentence introducing a list ("The training should cover:")."""


SETTINGS = ProseSettings()

_FIELDS = ("action", "owner", "target", "completion", "milestones", "outcomes", "scope")
"""The roles a labelled line may fill, in the order their columns are listed."""
_ROLE_OF_LABEL = {"agency": "owner", "rag": "completion"}
"""Roles a label takes here, where nothing is grouped by columns: "Agency" is who owns it."""
_LABEL = compiled(r"^\s*(?P<label>[^\W\d][^:]{0,60}?)\s*:\s*(?P<value>.*)$", regex.S)
_SENTENCE = compiled(r"\b(?:should|will|must|shall|would)\b", regex.I)
_SEPARATED = compiled(
    r"^\s*(?:recommendation|rec\.?)\s*(?:no\.?\s*)?[^\s:.)\-–]+\s*(?:[:.)\-–]|$)", regex.I
)

WARNING = (
    "read from running text, not a table: the recommendation is its heading (or numbered "
    "item) and the paragraphs under it, its actions the items after an action label (or "
    "its bullets), labelled lines its fields; where its text ends was read from the page's "
    "headings"
)


def field_label(text: str) -> tuple[str, str, str | None] | None:
    """(label, value, role) for a labelled line ("Lead: Police" -> owner); role None for a
    "Response" line; None for a line that is no label ("The training should cover:")."""
    m = _LABEL.match(text)
    if not m:
        return None
    label = m["label"].strip()
    if len(label.split()) > SETTINGS.label_max_words or _SENTENCE.search(label):
        return None
    if RESPONSE_LABEL.match(label):
        return label, m["value"].strip(), None
    role = role_of(label)
    role = _ROLE_OF_LABEL.get(role or "", role)
    if role not in _FIELDS:
        return None
    return label, m["value"].strip(), role


@dataclass
class _Recommendation:
    """A recommendation read from running text, as its lines are gathered."""
    section: str | None
    number: str
    text: list[str]
    pages: set[int]
    fields: dict[str, list[str]] = field(default_factory=dict)
    """Role (or a response label under `extra`) -> its lines."""
    items: list[str] = field(default_factory=list)
    """Bullets and numbered items, for the actions when no action label gives them."""
    action_label: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    """Role -> the label the plan gives it ("Lead", "Target date"), for the column names."""


@dataclass
class ProsePlan:
    """The running-text recommendations of a plan, ready for `records.RecordBuilder`."""

    drafts: list[Draft]
    table: TableMap


def _opens(heading: Heading) -> tuple[str, str] | None:
    """A recommendation heading: bold ("Recommendation 2"), or set apart by its punctuation
    ("Recommendation 4: The CSP should ..."); a sentence that mentions one ("Recommendation 2
    was accepted by all agencies") is not."""
    found = recommendation_heading(heading.text)
    if found is None or not (heading.bold or _SEPARATED.match(heading.text)):
        return None
    return found


def _listed(heading: Heading, current: _Recommendation | None) -> tuple[str, str] | None:
    """A numbered item of the list under a "Recommendations" heading ("1. The CSP should
    ..."), numbered on from the one before (1 for the first); an item numbered otherwise
    (a list restarting at 1 under recommendation 3) is an item of that recommendation, and
    a short bold heading ("4. Next steps") is no item."""
    m = NUMBERED_ITEM.match(heading.text)
    if m is None or _ends(heading):
        return None
    expected = int(current.number) + 1 if current and current.number.isdigit() else 1
    return (m["n"], m["rest"].strip()) if int(m["n"]) == expected else None


def _ends(heading: Heading) -> bool:
    """A short bold heading: the recommendation above it is over."""
    text = heading.text.strip()
    return heading.bold and len(text.split()) <= ROWS.section_max_words and \
        not text.endswith((".", ";", ","))


def _section(heading: Heading) -> str | None:
    text = " ".join(heading.text.split())
    if RECOMMENDATIONS_HEADING.match(text):
        return None
    return text if is_section_label(text, bold=True) or part_heading(text) else None


def _read(blocks: Sequence[Heading | Table], title: set[str]) -> list[_Recommendation]:
    found: list[_Recommendation] = []
    current: _Recommendation | None = None
    section: str | None = None
    open_key: str | None = None  # the labelled field that the lines below carry on
    # without any "Recommendation N" heading, a numbered list under a "Recommendations"
    # heading holds them, one item each
    by_list = not any(isinstance(b, Heading) and _opens(b) for b in blocks)
    listing = False
    for block in blocks:
        if not isinstance(block, Heading):
            current, listing = None, False  # a table ends the running text
            continue
        text = " ".join(block.text.split())
        if not text or text in title:
            continue
        opened = _opens(block) if not by_list else _listed(block, current) if listing else None
        if opened is not None:
            number, rest = opened
            current = _Recommendation(section, number, [rest] if rest else [], {block.page})
            found.append(current)
            open_key = None
            continue
        labelled = field_label(text) if current is not None else None
        if labelled is None and _ends(block):
            current, open_key = None, None
            section = _section(block)
            listing = by_list and bool(RECOMMENDATIONS_HEADING.match(text))
            continue
        if current is None:
            continue
        current.pages.add(block.page)
        if labelled is not None:
            label, value, role = labelled
            open_key = role or label
            current.fields.setdefault(open_key, [])
            current.labels.setdefault(open_key, label)
            if value:
                current.fields[open_key].append(value)
            current.action_label = current.action_label or role == "action"
        elif open_key is not None:
            current.fields[open_key].append(text)
        elif ITEM_START.match(text):
            current.items.append(text)
        else:
            current.text.append(text)
    return found


_ITEM_BODY = compiled(rf"{ITEM_START.pattern}\s*(?P<first>\S)")


def _continues_text(rec: _Recommendation) -> bool:
    """Bullets that finish a sentence of the text ("The training should cover:" / "how
    coercive control presents ...;"), each starting in lower case, are the recommendation's
    own words, not its actions."""
    if not rec.text or not rec.text[-1].endswith(":"):
        return False
    firsts = [m["first"] for item in rec.items if (m := _ITEM_BODY.match(item))]
    return len(firsts) == len(rec.items) and all(f.islower() for f in firsts)


def prose_plan(blocks: Sequence[Heading | Table], title: set[str]) -> ProsePlan | None:
    """The plan's recommendations from its running text, or None when it has none."""
    recommendations = _read(blocks, title)
    if not recommendations:
        return None
    for rec in recommendations:
        if rec.items and not rec.action_label and not _continues_text(rec):
            rec.fields["action"] = rec.items  # no action label: the bullets are the actions
        elif rec.items:
            rec.text.extend(rec.items)  # bullets of the recommendation's own text
    roles = [r for r in _FIELDS if any(r in rec.fields for rec in recommendations)]
    extras = list(dict.fromkeys(
        k for rec in recommendations for k in rec.fields if k not in _FIELDS))
    keys = ["number", "recommendation", *roles, *extras]
    labels = {k: label for rec in recommendations for k, label in rec.labels.items()}
    names = ["Recommendation number", "Paragraphs",
             *(labels.get(r, "Bullets" if r == "action" else r) for r in roles), *extras]
    columns = ColumnMap(
        [k if k in ("number", "recommendation", *_FIELDS) else None for k in keys],
        names, ["content"] * len(keys),
    )
    drafts = []
    pages: set[int] = set()
    for rec in recommendations:
        values = {"number": [rec.number], "recommendation": rec.text, **rec.fields}
        cells = [Cell("\n".join(values.get(k, []))) for k in keys]
        rec_pages = sorted(p for p in rec.pages if p != NO_PAGE)
        pages.update(rec_pages)
        drafts.append(Draft(rec.section, [Row(cells, rec_pages)], columns, 0,
                            warnings=[PlanWarning("running_text", None, WARNING)]))
    table = TableMap(sorted(pages), None, False,
                     [ColumnRole(n, r, "content") for n, r in zip(names, columns.roles,
                                                                  strict=True)])
    return ProsePlan(drafts, table)
