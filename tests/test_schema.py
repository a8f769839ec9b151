"""The JSON Schema is the contract: the typed records must say exactly what it says."""

from __future__ import annotations

import dataclasses

from dhrplan.normalize import record
from dhrplan.output.jsondoc import schema


def properties(name: str) -> set[str]:
    return set(schema()["$defs"][name]["properties"])


def test_enums_match_the_schema() -> None:
    defs = schema()["$defs"]
    assert list(record.TARGET_KINDS) == defs["target_date"]["properties"]["kind"]["enum"]
    assert [*record.ANCHORS, None] == defs["target_date"]["properties"]["anchor"]["enum"]
    assert list(record.STATUSES) == defs["completion"]["properties"]["status"]["enum"]
    levels = defs["recommendation"]["properties"]["scope"]["properties"]["levels"]
    assert list(record.LEVELS) == levels["items"]["enum"]


def test_record_fields_are_the_schema_properties() -> None:
    fields = {cls: {f.name for f in dataclasses.fields(cls)} for cls in (
        record.Recommendation, record.Action, record.TargetDate, record.Completion,
        record.Owner,
    )}
    assert fields[record.Recommendation] == properties("recommendation")
    # an action's own source_regions are the record's that name it (SourceRegion.action)
    assert fields[record.Action] | {"source_regions"} == properties("action")
    assert fields[record.TargetDate] == properties("target_date")
    assert fields[record.Completion] == properties("completion")
    assert fields[record.Owner] == properties("owner")
    plan = {f.name for f in dataclasses.fields(record.Plan)}
    assert plan == set(schema()["properties"])
    region = {f.name for f in dataclasses.fields(record.SourceRegion)}
    assert region - {"action"} == properties("source_region")
    source = {f.name for f in dataclasses.fields(record.Source)}
    assert source == set(schema()["properties"]["source"]["properties"])
