"""A read `Document` to a `Plan`: stitch its tables, find title and glossary, build records."""

from __future__ import annotations

import regex

from dhrplan import SCHEMA_VERSION
from dhrplan.extract.model import Document, ExtractError, Heading, Table
from dhrplan.extract.stitch import stitch
from dhrplan.normalize.glossary import glossary_from_table
from dhrplan.normalize.layouts import plan_tables
from dhrplan.normalize.record import Plan, Source
from dhrplan.normalize.records import RecordBuilder, classify_for_stitch

_TITLE_WORDS = regex.compile(r"\b(?:review|action\s+plan|DHR|homicide)\b", regex.I)
_NOT_TITLE = regex.compile(r"^(?:appendix|annex|glossary|contents|agencies)\b", regex.I)


def _title(blocks: list[Heading | Table]) -> str | None:
    """The heading lines before the first wide table that name the review; capitals lines
    next to it belong to the same title block ("SAFER SOMERSET PARTNERSHIP / DOMESTIC HOMICIDE
    ..."). Two-column tables (a cover's document details, a glossary) may come before it, but
    a title block does not run across them."""
    lead: list[tuple[str, int]] = []
    part = 0
    for block in blocks:
        if isinstance(block, Table):
            if len(block.header.cells) > 2:
                break
            part += 1
        elif not _NOT_TITLE.match(block.text):
            lead.append((block.text, part))
    hits = [i for i, (text, _) in enumerate(lead) if _TITLE_WORDS.search(text)]
    if not hits:
        return None

    def joins(a: int, b: int) -> bool:
        return lead[a][1] == lead[b][1] and lead[a][0].isupper() and lead[b][0].isupper()

    start = end = hits[0]
    while start > 0 and joins(start - 1, start):
        start -= 1
    while end + 1 < len(lead) and joins(end, end + 1):
        end += 1
    return " ".join(text for text, _ in lead[start : end + 1])


def build_plan(document: Document, sha256: str, backend: str | None) -> Plan:
    blocks = stitch(document.blocks, classify_for_stitch)
    tables = [b for b in blocks if isinstance(b, Table)]
    glossary: dict[str, str] = {}
    for table in tables:
        glossary.update(glossary_from_table(table) or {})

    title = _title(blocks)
    chosen, layout_warnings = plan_tables(tables)
    warnings = [*document.warnings, *layout_warnings]
    builder = RecordBuilder(document.path.stem, glossary)
    for table, columns in chosen:
        section = table.heading if table.heading != title else None
        builder.add_table(table, columns, section)
    if not chosen:
        raise ExtractError(
            f"{document.path}: no action-plan table found (no table with a Recommendation "
            "column and at least two of Scope, Action, Owner, Milestones, Target date, Progress)"
        )
    source = Source(document.path.name, sha256, document.format, document.page_count, backend)
    return Plan(SCHEMA_VERSION, source, title, glossary, builder.records, warnings)
