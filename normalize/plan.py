"""A read `Document` to a `Plan`: stitch its tables, find title and glossary, read the
plan's structure and build records."""

from __future__ import annotations

import regex

from dhrplan import SCHEMA_VERSION
from dhrplan.extract.model import Document, ExtractError, Heading, Table
from dhrplan.extract.patterncache import compiled
from dhrplan.extract.readercodes import message_code
from dhrplan.extract.stitch import stitch
from dhrplan.extract.vocabulary import TWO_LANGUAGES
from dhrplan.normalize.anchors import stated_anchors
from dhrplan.normalize.glossary import glossary_from_paragraphs, glossary_from_table
from dhrplan.normalize.prose import prose_plan
from dhrplan.normalize.rag import plan_key
from dhrplan.normalize.record import ColumnRole, Plan, PlanWarning, Source, TableMap
from dhrplan.normalize.records import RecordBuilder
from dhrplan.normalize.structure import PlanTable, drafts_for, plan_tables

_ORGANISATION = compiled(
    r"\b(?:partnership|council|board|CSP|safer|community\s+safety|borough|county|city|police"
    r"|constabulary|NHS|trust)\b", regex.I
)
"""The opening line above a title names who publishes it ("Kingsford Community Safety
Partnership"); a page's label ("Independent report") does not."""
_TITLE_WORDS = compiled(r"\b(?:review|action\s+plan|DHR|homicide|DARDR)\b", regex.I)
_PLAN_WORDS = compiled(r"^(?:recommendations|action\s+plan|improvement\s+plan)$", regex.I)
"""A short line under the title that says what the document is ("Recommendations"): part
of the title, not a section of the plan."""
_SUBTITLE_WORDS = 8
"""A plain line under a bold title this short is a subtitle; a longer one opens the text."""
_LEADER = compiled(r"\.{4,}|…{2,}")
"""Dot leaders: a contents line ("MARAC.........2"), never part of the title."""
_NOT_TITLE = compiled(r"^(?:appendix|annex|glossary|contents|agencies|abbreviations)\b",
                           regex.I)


def _title(blocks: list[Heading | Table]) -> list[str]:
    """The heading lines before the first wide table that name the review; capitals lines
    next to it belong to the same title block ("SAFER SOMERSET PARTNERSHIP / DOMESTIC HOMICIDE
    ..."). Two-column tables (a cover's document details, a glossary) and tables of one row
    (a page header's "DHR 07 Action Plan | Version 3 | OFFICIAL", printed once when a browser
    prints the page) may come before it, but a title block does not run across them."""
    lead: list[tuple[str, int]] = []
    bold: list[bool] = []
    part = 0
    for block in blocks:
        if isinstance(block, Table):
            if len(block.header.cells) > 2 and block.rows:
                break
            part += 1
        elif not _NOT_TITLE.match(block.text) and not _LEADER.search(block.text):
            lead.append((block.text, part))
            bold.append(block.bold)
    hits = [i for i, (text, _) in enumerate(lead) if _TITLE_WORDS.search(text)]
    if not hits:
        return []

    def line(text: str) -> bool:
        """A title line; one in two languages ("X / Y") as long as its longer half."""
        words = max(len(half.split()) for half in TWO_LANGUAGES.split(text))
        return words <= 14 and not text.rstrip().endswith((".", ":", ";"))

    def short(text: str) -> bool:
        return len(text.split()) <= _SUBTITLE_WORDS

    def capitals(a: int, b: int) -> bool:
        return lead[a][0].isupper() and lead[b][0].isupper()

    def joins_before(a: int) -> bool:
        """The line above the title's first line: capitals next to capitals, or the
        document's opening line ("Kingsford Community Safety Partnership")."""
        return lead[a][1] == lead[a + 1][1] and (
            capitals(a, a + 1) or (a == 0 and line(lead[a][0]) and line(lead[a + 1][0])
                                   and bool(_ORGANISATION.search(lead[a][0]))))

    def joins_after(b: int) -> bool:
        """The line below: capitals next to capitals, or a short line that names the plan
        too ("Action Plan"), never a part heading ("Single agency recommendations"), nor
        plain text under a bold title (the first line of the introduction), unless short
        enough to be a subtitle ("Action Plan – updated March 2024")."""
        return lead[b][1] == lead[b - 1][1] and (
            capitals(b - 1, b) or (line(lead[b][0]) and bool(_TITLE_WORDS.search(lead[b][0]))
                                   and (bold[b] >= bold[b - 1] or short(lead[b][0])))
            or bool(_PLAN_WORDS.match(lead[b][0].strip())))

    start = end = hits[0]
    while start > 0 and joins_before(start - 1):
        start -= 1
    while end + 1 < len(lead) and joins_after(end + 1):
        end += 1
    return [text for text, _ in lead[start : end + 1]]


def _table_map(reading: PlanTable) -> TableMap:
    columns = reading.columns
    return TableMap(
        pages=reading.table.pages,
        heading=reading.heading,
        header_row=reading.header is not None,
        columns=[ColumnRole(name, role, source) for name, role, source
                 in zip(columns.names, columns.roles, columns.sources, strict=True)],
    )


def build_plan(document: Document, sha256: str, backend: str | None) -> Plan:
    blocks = stitch(document.blocks)
    tables = [b for b in blocks if isinstance(b, Table)]
    glossary = glossary_from_paragraphs([b.text for b in blocks if isinstance(b, Heading)])
    for table in tables:
        glossary.update(glossary_from_table(table) or {})

    title_lines = _title(blocks)
    title = " ".join(title_lines) or None
    chosen, layout_warnings = plan_tables(blocks, glossary, set(title_lines))
    prose = prose_plan(blocks, set(title_lines)) if not chosen else None
    if not chosen and prose is None:
        raise ExtractError(
            f"{document.path}: no action-plan table found (no table with a Recommendation "
            "or Action column and at least two of Scope, Owner, Milestones, Target date, "
            "Progress, or numbered recommendations and one of them)"
        )
    warnings = [*(PlanWarning(message_code(w), None, w) for w in document.warnings),
                *layout_warnings]
    builder = RecordBuilder(document.path.stem, glossary, plan_key(tables),
                            brag=any(t.columns.brag for t in chosen))
    for draft in drafts_for(chosen) if prose is None else prose.drafts:
        builder.add(draft)
    if not builder.records:
        raise ExtractError(f"{document.path}: no recommendations found in its tables")
    anchors, anchor_warnings = stated_anchors(blocks, [t.table for t in chosen])
    source = Source(document.path.name, sha256, document.format, document.page_count, backend)
    maps = [_table_map(t) for t in chosen] if prose is None else [prose.table]
    return Plan(SCHEMA_VERSION, source, title, glossary, maps, builder.records,
                [*warnings, *anchor_warnings], anchors)
