"""Drafts (`structure.py`) to `Recommendation` records: every cell read by its normalizer.

Where a recommendation spans several rows (a cell merged down over its action rows, or
action rows beneath a full-width recommendation row), each row carries its own action, owner,
target date and progress, so those actions get their own `owners`, `target_dates` and
`completion`, and the recommendation's status rolls up from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dhrplan.extract.labels import BRACKETED_SUB, BULLETS
from dhrplan.extract.model import Row, RowNote
from dhrplan.extract.numbering import number_cell, split_label
from dhrplan.extract.rowkinds import cell_text_at as _cell
from dhrplan.extract.vocabulary import names_brag, names_done_date
from dhrplan.normalize.columns import ColumnMap
from dhrplan.normalize.completion import (
    BRAG_KEY,
    RAG_WORDS,
    TICK,
    parse_completion,
    rag_word,
    rolled_up,
    status_lines,
    tick_status,
)
from dhrplan.normalize.dates import parse_target_dates
from dhrplan.normalize.items import milestones, split_items
from dhrplan.normalize.owners import split_owners, take_ownership
from dhrplan.normalize.rag import COMMON_KEY, colour_name
from dhrplan.normalize.record import (
    Action,
    Completion,
    Owner,
    PlanWarning,
    Recommendation,
    SourceRegion,
    TargetDate,
)
from dhrplan.normalize.regions import action_regions, source_regions
from dhrplan.normalize.rowlevels import row_label
from dhrplan.normalize.scope import parse_scope, reach_of
from dhrplan.normalize.structure import Draft

FIELD_OF_ROLE = {
    "number": "number", "section": "section", "agency": "section",
    "recommendation": "text", "action": "actions", "owner": "owners",
    "milestones": "milestones", "target": "target_dates", "scope": "scope",
    "completion": "completion", "rag": "completion", "outcomes": "outcomes",
    "action_number": "actions",
}
"""The record field each column role fills, for warnings that name the field."""


_OUTCOME_HEADER = re.compile(r"\boutcomes?\b", re.I)
"""A progress column that also holds outcomes ("Date of completion and Outcome",
"Outcome / progress"): a cell that states no progress states the outcome sought."""
_SUB_ITEM = re.compile(rf"^(?P<base>.+?){BRACKETED_SUB}$")
_BULLET = re.compile(rf"^\s*[{BULLETS}]\s*")
"""A bullet in recommendation text, printed in whatever glyph: kept as "• "."""
_AFFIRMED = re.compile(r"^\s*(?:yes|y)\b\s*[\-–—:,.]?\s*", re.I)
"""A "Yes" ("Yes – 14.10.2025") in a column headed by the done state ("Completed",
"Achieved"): done, on the date after it, as a tick there is."""
_BY_DATE = re.compile(r"\bby\s+(?P<date>[^()]+?)\s*\)?\s*$", re.I)
"""A section that sets its own deadline ("SHORT TERM TARGETS (Achievable within 6 months
ie, by June 2025)"): the target of its recommendations that give none."""
_DEADLINE = re.compile(r"\b(?:targets?|achiev\w*|complet\w*|deliver\w*|due|deadlines?)\b", re.I)
"""The words that make "by <date>" a deadline ("Recommendations agreed by June 2024" is not)."""


def _lines(row: Row, index: int | None) -> tuple[str, ...]:
    if index is None or index >= len(row.cells) or row.cells[index].merged:
        return ()
    return row.cells[index].lines


def _refs_number_actions(rows: list[Row], columns: ColumnMap) -> bool:
    """Every row of one recommendation carries its own ref, none the parent of the others
    ("PROVUL8.1", "PROVUL8.2" beside an overarching recommendation repeated on each): the
    refs label the rows' actions, not the recommendation ("1" then "1.1", "1.2" does not)."""
    index = columns.index("number")
    if len(rows) < 2 or index is None or not columns.has("action"):
        return False
    refs = [number_cell(_cell(r, index)) for r in rows]
    if not all(refs) or len(set(refs)) < len(refs):
        return False
    head = refs[0]
    return not any(ref.startswith(head) for ref in refs[1:])


def _dedupe_owners(owners: list[Owner]) -> list[Owner]:
    seen: dict[str, Owner] = {}
    for owner in owners:
        seen.setdefault(owner.name, owner)
    return list(seen.values())


def _slug(text: str | None, limit: int = 40) -> str:
    """A readable id part, cut at a word boundary, never inside a word."""
    words = re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).split()
    out: list[str] = []
    for word in words:
        if out and len("-".join([*out, word])) > limit:
            break
        out.append(word[:limit])
    return "-".join(out) or "plan"




def row_warning(note: RowNote, columns: ColumnMap) -> PlanWarning:
    """A note a reader left on a row, as a warning on the field its column fills."""
    index = note.column
    role = columns.roles[index] if index is not None and index < len(columns.roles) else None
    return PlanWarning(note.code, FIELD_OF_ROLE.get(role or ""), str(note))


_CARRIED = ("owner", "target", "completion", "rag")
"""Per-action values a cell merged down over several action rows gives each of them."""


def _carried_down(rows: list[Row], columns: ColumnMap) -> dict[int, tuple[Row, frozenset[str]]]:
    """The record's rows whose owner, target or status cell is merged down from the row
    above ("Police" over both of a recommendation's action rows): each as read with that
    cell's value, and the roles so carried. Read as blank, the second action had no owner,
    silently; exports keep no merges, so there a blank stays blank."""
    carried: dict[int, tuple[Row, frozenset[str]]] = {}
    for k in range(1, len(rows)):
        above = carried.get(k - 1, (rows[k - 1], frozenset()))[0]
        cells, took = list(rows[k].cells), set()
        for role in _CARRIED:
            for i in columns.indices(role):
                if i < len(cells) and cells[i].merged and i < len(above.cells):
                    cells[i] = replace(above.cells[i], merged=False)
                    took.add(role)
        if took:
            carried[k] = (replace(rows[k], cells=cells), frozenset(took))
    return carried


def _shaded_blank(row: Row, index: int) -> bool:
    """A cell with no words whose shading is a RAG colour: plans that show status by colour
    put it in whatever column names the status ("Delivery status", "Progress"), not only
    under "RAG"."""
    if index >= len(row.cells) or row.cells[index].merged:
        return False
    cell = row.cells[index]
    return not cell.text.strip() and colour_name(cell.fill) is not None


def _blank_below(row: Row, index: int | None, above: Row) -> bool:
    """A blank cell, not known to be merged, under one with text."""
    if index is None or index >= len(row.cells) or row.cells[index].merged:
        return False
    return not row.cells[index].text.strip() and bool(_cell(above, index))


def _target_text(row: Row, columns: ColumnMap) -> str:
    """The row's target: its target cell, or of several timescale columns ("Short term
    (0-6 months)" | "Medium term (6-12 months)"), the header of each one ticked and the text
    of each one written in."""
    indices = columns.indices("target")
    if len(indices) < 2:
        return _cell(row, columns.index("target"))
    texts = [columns.names[i] if TICK.match(_cell(row, i)) else _cell(row, i) for i in indices]
    return "\n".join(t for t in texts if t)


def _blank_rag(rows: list[Row], index: int | None) -> bool:
    """A RAG column with nothing in the record's rows: neither a word nor a fill."""
    if index is None:
        return False
    cells = [r.cells[index] for r in rows if index < len(r.cells)]
    return bool(cells) and all(c.empty and not c.fill for c in cells)


def _coded(code: str, field_name: str | None, messages: list[str]) -> list[PlanWarning]:
    return [PlanWarning(code, field_name, m) for m in messages]


_DEFINITE = ("complete", "in_progress", "not_started")
"""Statuses progress words can state against a RAG rating; "unknown" states nothing."""


@dataclass
class RecordBuilder:
    """Collects recommendations over all tables of one plan."""

    stem: str
    glossary: dict[str, str]
    key: dict[str, str] | None = None
    """The plan's own RAG colour key (colour -> status), if it prints one."""
    brag: bool = False
    """Some table of the plan rates a row Blue (`ColumnMap.brag`): the whole plan rates in
    BRAG, where green is on track."""
    records: list[Recommendation] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)
    _next: dict[str, int] = field(default_factory=dict)

    def _unique(self, base: str) -> str:
        """The id, or "-2", "-3" after it when taken; counted per id, so a table repeating
        one number on thousands of rows stays linear."""
        rec_id, n = base, self._next.get(base, 2)
        while rec_id in self._ids:
            rec_id, n = f"{base}-{n}", n + 1
        self._next[base] = n
        self._ids.add(rec_id)
        return rec_id

    def _completion(
        self, row: Row, columns: ColumnMap, warnings: list[PlanWarning]
    ) -> Completion | None:
        """The row's status (`_ticked_completion`), with the day a column of done days
        ("Date completed") gives beside the progress column that took the status role."""
        done = next((i for i, name in enumerate(columns.names)
                     if columns.roles[i] is None and names_done_date(name)), None)
        if done is None or not _cell(row, done):
            return self._ticked_completion(row, columns, warnings)
        own: list[PlanWarning] = []
        completion = self._ticked_completion(row, columns, own)
        day, _ = parse_completion(_cell(row, done), True)
        when = day.date if day and day.status == "complete" else None
        if when is None:
            warnings.extend(own)
            return completion
        if completion is None or completion.status == "unknown" and completion.rag is None:
            warnings.extend(w for w in own if w.code != "status_unread")
            return Completion(completion.raw if completion else day.raw, "complete", when)
        warnings.extend(own)
        if completion.status == "complete":
            return replace(completion, date=completion.date or when)
        warnings.append(PlanWarning(
            "status_unread", "completion",
            f"the progress reads as {completion.status}, but {columns.names[done]!r} gives "
            f"the day it was done ({when.isoformat()}); the progress kept",
        ))
        return completion

    def _ticked_completion(
        self, row: Row, columns: ColumnMap, warnings: list[PlanWarning]
    ) -> Completion | None:
        """The row's status: a tick in a column headed by a state ("Achieved (tick)", "On
        target to achieve") decides it, the progress text kept as `raw`; else what the
        progress and RAG cells say."""
        ticks = [
            status for i, name in enumerate(columns.names)
            if columns.roles[i] is None and i < len(row.cells) and not row.cells[i].merged
            and (status := tick_status(name, row.cells[i].text))
        ]
        if not ticks:
            return self._stated_completion(row, columns, warnings)
        stated = self._stated_completion(row, columns, [])
        if len(set(ticks)) > 1:
            warnings.append(PlanWarning(
                "status_unread", "completion",
                f"ticks in columns for different states ({', '.join(ticks)}); the first kept",
            ))
        elif stated and stated.status not in ("unknown", ticks[0]):
            warnings.append(PlanWarning(
                "status_unread", "completion",
                f"the tick says {ticks[0]}, the update {stated.raw!r} reads as "
                f"{stated.status}; the tick kept",
            ))
        done_on = stated.date if stated and stated.status == ticks[0] == "complete" else None
        return Completion(stated.raw if stated else "\u2713", ticks[0], done_on)

    def _stated_completion(
        self, row: Row, columns: ColumnMap, warnings: list[PlanWarning]
    ) -> Completion | None:
        """Progress words, a RAG word, or a RAG cell's shading; the RAG rating decides the
        status when there is one, the progress text is kept as `raw`."""
        index = next((i for i in reversed(columns.indices("completion")) if _cell(row, i)),
                     columns.index("completion"))  # of progress by period, the latest given
        text = _cell(row, index)
        done_dates = index is not None and names_done_date(columns.names[index])
        rag_index = columns.index("rag")
        if rag_index is None and index is not None and _shaded_blank(row, index):
            rag_index = index  # a status column shaded, not worded: its colour is its rating
        brag = self.brag or columns.brag or any(
            names_brag(columns.names[i]) for i in (index, rag_index) if i is not None)
        words = {**RAG_WORDS, **(BRAG_KEY if brag else {}), **(self.key or {})}
        affirmed = _AFFIRMED.match(text) if index is not None else None
        if affirmed and tick_status(columns.names[index], "yes") == "complete":
            completion, messages = parse_completion(
                f"Completed {text[affirmed.end():]}".strip(), done_dates, words)
            completion = replace(completion, raw=text) if completion else None
        else:
            completion, messages = parse_completion(text, done_dates, words)
        if rag_index is None or rag_index >= len(row.cells):
            warnings.extend(_coded("status_unread", "completion", messages))
            return completion
        cell = row.cells[rag_index]
        word = rag_word(cell.text) if not cell.merged else None
        shade = colour_name(cell.fill)
        key = self.key or (BRAG_KEY if brag else COMMON_KEY)
        status, rag = None, None
        if word:  # the colour, unless words after it say otherwise ("Green - on track")
            said, _ = parse_completion(cell.text, False, words)
            status = said.status if said and said.status != "unknown" else words.get(word)
            rag = cell.text.strip()
        elif shade and not cell.text.strip():
            status, rag = key.get(shade), cell.fill
            if status:
                how = ("the plan's own key" if self.key else
                       "BRAG: blue complete, green on track" if brag else
                       "green complete, amber in progress")
                warnings.append(PlanWarning(
                    "status_from_colour", "completion",
                    f"status {status} read from the RAG cell's {shade} shading ({how})",
                ))
        if status is None:
            warnings.extend(_coded("status_unread", "completion", messages))
            if cell.text.strip() and not word:  # a RAG column written in words
                rag_completion, more = parse_completion(cell.text)
                warnings.extend(_coded("status_unread", "completion", more))
                return completion or rag_completion
            return completion
        if completion and completion.status in _DEFINITE and completion.status != status:
            warnings.append(PlanWarning(  # "Completed 31/03/2025" rated "R": one is wrong
                "status_unread", "completion",
                f"the RAG rating reads as {status}, the progress {completion.raw!r} as "
                f"{completion.status}; the rating kept",
            ))
        raw = completion.raw if completion else (cell.text.strip() or f"RAG {shade}")
        done_on = completion.date if completion and status == "complete" else None
        return Completion(raw, status, done_on, rag)

    def _actions(
        self, row: Row, columns: ColumnMap, first: bool, own_row: bool,
        number: str | None = None,
    ) -> list[Action]:
        """The row's action items. A row that is an action of its own (its own ref, or its
        own owner and date beside a merged recommendation) is one action: its paragraphs
        and bullets are that action's parts, unless it labels several ("a.", "b.")."""
        items = split_items(_cell(row, columns.index("action")))
        labels = columns.index("action_number")  # "Action No" beside "Rec No": every row's
        row_number = row_label(_cell(row, labels)) if labels is not None else (  # own
            None if first else row_label(_cell(row, columns.index("number"))))
        if row_number is not None and row_number == number:
            row_number = None  # the recommendation's own number repeated on its action rows
        labelled = sum(1 for item in items if item.label) > 1
        if len(items) > 1 and not labelled and (row_number is not None or own_row):
            return [Action(row_number, "\n".join(item.text for item in items))]
        return [Action(item.label or row_number, item.text) for item in items]

    def add(self, draft: Draft) -> None:
        columns = draft.columns
        rows = draft.rows
        warnings = list(draft.warnings)
        if draft.head:
            head_columns = draft.head_columns or columns
            warnings.extend(row_warning(m, head_columns) for m in draft.head.warnings)
        for row in rows:
            warnings.extend(row_warning(m, columns) for m in row.warnings)
        warnings.extend(
            PlanWarning(
                "column_from_content", FIELD_OF_ROLE.get(columns.roles[i] or ""),
                f"column {i + 1} ({columns.names[i]!r}) was read as {columns.roles[i]}, a "
                "guess from what its cells hold or from the columns beside it",
            )
            for i in columns.guessed
        )

        first = rows[0] if rows else None
        number = number_cell(_cell(first, columns.index("number"))) if first else None
        own_refs = draft.text is None and _refs_number_actions(rows, columns)
        if own_refs and not (number and _SUB_ITEM.match(number)):
            number = None  # "PROVUL8.1", "PROVUL8.2": each row's ref is its action's
        source_text = draft.text if draft.text is not None else (
            _cell(first, columns.index("recommendation")) if first else "")
        label_number, text = split_label(source_text)
        if draft.text is not None and first is not None and number is not None:
            number = None  # the rows' refs number the actions, the row above the record
        if number and label_number and number != label_number:
            warnings.append(PlanWarning(
                "number_conflict", "number",
                f"the number column says {number}, the text says {label_number}",
            ))
        number = draft.number or number or label_number
        first_label = None
        sub = _SUB_ITEM.match(number) if number and columns.has("action") else None
        if sub:
            number, first_label = sub["base"], number  # "2 (i)": the first action of 2
        if number is None:
            warnings.append(PlanWarning("no_number", "number", "no recommendation number found"))
        ownership, text = take_ownership(text)
        text = "\n".join(_BULLET.sub("• ", para) for para in text.split("\n"))

        per_row = len(rows) > 1 or draft.text is not None
        actions: list[Action] = []
        action_places: list[SourceRegion] = []
        owners: list[Owner] = []
        targets: list[TargetDate] = []
        completions: list[Completion] = []
        miles: list[str] = []
        outcomes: list[str] = []
        agency_owns = not columns.has("owner") and columns.has("agency")
        completion = columns.index("completion")
        outcome_column = (
            completion is not None and not columns.has("outcomes")
            and _OUTCOME_HEADER.search(columns.names[completion]) is not None
        )
        carried = _carried_down(rows, columns)
        for k, row in enumerate(rows):
            read, took = carried.get(k, (row, frozenset()))
            owner = columns.index("owner")
            row_owners, w = split_owners(_cell(read, owner), self.glossary, _lines(read, owner))
            warnings.extend(_coded("owners_unsure", "owners", w))
            above = carried.get(k - 1, (rows[k - 1],))[0] if k else row
            if k and per_row and _blank_below(row, owner, above):
                warnings.append(PlanWarning(
                    "owners_unsure", "actions",
                    "an action row's owner cell is blank under one that names an owner: none, "
                    "or that one merged down over both (which a text export cannot show)"))
            if agency_owns and draft.section:
                row_owners = [Owner(draft.section, self.glossary.get(draft.section))]
            row_targets, w = parse_target_dates(_target_text(read, columns))
            warnings.extend(_coded("date_unread", "target_dates", w))
            row_completion = self._completion(read, columns, warnings)
            if row_completion and row_completion.status == "unknown" and outcome_column:
                outcomes.append(row_completion.raw)  # "Outcome / progress": an outcome
            row_miles, w = milestones(_cell(row, columns.index("milestones")))
            warnings.extend(_coded("milestones_resplit", "milestones", w))
            for index in columns.indices("outcomes"):
                outcomes.extend(i.text for i in split_items(_cell(row, index)))
            row_actions = self._actions(
                row, columns, first=row is first and draft.text is None and not own_refs,
                own_row=per_row, number=number)
            paired = [columns.names[i] for i in columns.indices("completion")
                      if len(status_lines(_cell(read, i))) > 1]
            if len(row_targets) > 1:
                paired.insert(0, columns.names[columns.index("target") or 0])
            if not per_row and len(row_actions) > 1 and paired:
                warnings.append(PlanWarning(  # "June 2025" / "October 2025" beside two
                    "paragraphs_unsure", "actions",  # actions: each action's, or rows
                    f"the row's {len(row_actions)} actions stand beside several values "
                    f"of {paired[0]!r}: each may be an action's own, which is not read"))
            if row is first and first_label and len(row_actions) == 1:
                row_actions[0].label = first_label
            places = action_regions(row, columns.index("action"), [a.text for a in row_actions],
                                    columns, FIELD_OF_ROLE, own_row=per_row)
            for index, place in enumerate(places, start=len(actions)):
                action_places.extend(replace(r, action=index) for r in place)
            for action in row_actions:
                if per_row:
                    action.owners = row_owners
                    action.target_dates = row_targets
                    action.completion = row_completion
                actions.append(action)
            if "owner" not in took:  # a value merged down is counted once, where it is
                owners.extend(row_owners)
            if "target" not in took:
                targets.extend(row_targets)
            miles.extend(row_miles)
            if row_completion and not took & {"completion", "rag"}:
                completions.append(row_completion)

        if not completions and _blank_rag(rows, columns.index("rag")):
            warnings.append(PlanWarning(
                "status_unread", "completion",
                "the RAG cell is blank, with no shading read: a rating shown only by a colour "
                "this file does not keep (a text export keeps none) is unknown",
            ))
        scope = next((s for r in rows if (s := parse_scope(_cell(r, columns.index("scope"))))),
                     None)
        if scope is None and not columns.has("scope"):
            scope = reach_of(draft.section)  # "Theme 2 – Processes – Countywide"
        if not targets and draft.section and _DEADLINE.search(draft.section) and (
                by := _BY_DATE.search(draft.section)):
            horizon, _ = parse_target_dates(by["date"])
            if horizon and all(d.kind != "unknown" for d in horizon):
                targets = horizon
        extra: dict[str, str] = {}
        for i, role in enumerate(columns.roles):
            if role is None:
                value = "\n".join(t for r in rows if (t := _cell(r, i)))
                if value:
                    extra[columns.names[i]] = value

        spanned = [*([draft.head] if draft.head else []), *rows]
        section = draft.section
        rec_id = f"{self.stem}-{_slug(section)}-{_slug(number, 12) if number else ''}"
        rec_id = rec_id.rstrip("-") if number else f"{rec_id}{len(self.records) + 1}"
        rec_id = self._unique(rec_id)
        self.records.append(
            Recommendation(
                id=rec_id,
                section=section,
                section_expansion=self.glossary.get(section or ""),
                number=number,
                text=text,
                ownership=ownership,
                scope=scope,
                actions=actions,
                owners=_dedupe_owners(owners),
                milestones=miles,
                outcomes=outcomes,
                target_dates=targets,
                completion=rolled_up(completions),
                extra=extra,
                pages=sorted({p for r in spanned for p in r.pages}),
                rows=[list(r.position) for r in spanned if r.position is not None],
                table=draft.table,
                warnings=list(dict.fromkeys(warnings)),
                source_regions=[*source_regions(rows, columns, FIELD_OF_ROLE, draft.head),
                                *action_places],
            )
        )
