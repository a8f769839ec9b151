"""The JSON document: `Plan` to a plain dict and back, and validation against the published
schema."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dhrplan.normalize.record import (
    Action,
    AnchorDate,
    ColumnRole,
    Completion,
    Owner,
    Plan,
    PlanWarning,
    Recommendation,
    Scope,
    Source,
    SourceRegion,
    TableMap,
    TargetDate,
)
from dhrplan.output.schemacheck import Check, compiled

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator


class InvalidDocument(ValueError):
    """A plan whose document does not match the schema; the message says where first."""


@cache
def _schema_text() -> str:
    # beside this module, as the package installs it (importlib.resources would be its
    # own import, about 5 ms of a short plan's run, for the same file)
    return Path(__file__).with_name("plan.schema.json").read_text("utf-8")


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema shipped with the package (output/plan.schema.json)."""
    return json.loads(_schema_text())


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _fast_check() -> Check | None:
    return compiled(_schema_text())


def prepare() -> None:
    """Load the schema checker now (a batch does it while its first worker reads): the cached
    compiled schema, or jsonschema when it cannot be used."""
    if _fast_check() is None:
        _validator()


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    """`dataclasses.asdict` with dates as ISO strings and tuples as lists, in one walk (asdict
    deep-copies every string and number it reaches, a tenth of writing a plan's JSON)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def _regions_under_actions(record: dict[str, Any]) -> None:
    """An action's own regions go under the action (`SourceRegion.action` names it); the
    record keeps the cells it was read from."""
    regions = record["source_regions"]
    for region in regions:
        if region["action"] is not None:
            record["actions"][region["action"]].setdefault("source_regions", []).append(region)
    record["source_regions"] = [r for r in regions if r["action"] is None]
    for region in regions:
        del region["action"]


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The document exactly as written to disk: dates as ISO strings, keys as in the schema."""
    doc = _plain(plan)
    for record in doc["recommendations"]:
        _regions_under_actions(record)
    return doc


def validation_errors(doc: Any) -> list[str]:
    """Readable schema errors, each with the JSON path of the offending value."""
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message}" for e in errors]


def is_valid(doc: Any) -> bool:
    """The document matches the schema (the cached compiled check when it can be used)."""
    fast = _fast_check()
    return (fast is not None and fast(doc)) or not validation_errors(doc)


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def validated_json(plan: Plan) -> bytes:
    """The plan's document as written to disk; `InvalidDocument` if it does not match the
    schema (so nothing invalid is ever written)."""
    doc = plan_to_dict(plan)
    if is_valid(doc):
        return dumps(doc).encode("utf-8")
    problems = validation_errors(doc)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InvalidDocument(f"invalid plan document: {problems[0]}{more}")
    return dumps(doc).encode("utf-8")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _target_date(doc: dict[str, Any]) -> TargetDate:
    return TargetDate(
        raw=doc["raw"], kind=doc["kind"], start=_date(doc["start"]), end=_date(doc["end"]),
        offset_months=doc["offset_months"], offset_weeks=doc["offset_weeks"],
        anchor=doc["anchor"],
    )


def _completion_from(doc: dict[str, Any] | None) -> Completion | None:
    if doc is None:
        return None
    return Completion(raw=doc["raw"], status=doc["status"], date=_date(doc["date"]),
                      rag=doc.get("rag"))


def _warnings_from(docs: list[dict[str, Any]]) -> list[PlanWarning]:
    return [PlanWarning(code=w["code"], field=w["field"], message=w["message"]) for w in docs]


def _table_from(doc: dict[str, Any]) -> TableMap:
    return TableMap(
        pages=list(doc["pages"]), heading=doc["heading"], header_row=doc["header_row"],
        columns=[ColumnRole(c["header"], c["role"], c["source"]) for c in doc["columns"]],
    )


def _owners_from(docs: list[dict[str, Any]] | None) -> list[Owner] | None:
    if docs is None:
        return None
    return [Owner(name=o["name"], expansion=o["expansion"]) for o in docs]


def _action_from(doc: dict[str, Any]) -> Action:
    dates = doc.get("target_dates")
    return Action(
        label=doc["label"],
        text=doc["text"],
        owners=_owners_from(doc.get("owners")),
        target_dates=None if dates is None else [_target_date(d) for d in dates],
        completion=_completion_from(doc.get("completion")),
    )


def _recommendation_from(doc: dict[str, Any]) -> Recommendation:
    scope = doc["scope"]
    return Recommendation(
        id=doc["id"],
        section=doc["section"],
        section_expansion=doc["section_expansion"],
        number=doc["number"],
        text=doc["text"],
        ownership=list(doc["ownership"]),
        scope=None if scope is None else Scope(raw=scope["raw"], levels=list(scope["levels"])),
        actions=[_action_from(a) for a in doc["actions"]],
        owners=_owners_from(doc["owners"]) or [],
        milestones=list(doc["milestones"]),
        outcomes=list(doc["outcomes"]),
        target_dates=[_target_date(d) for d in doc["target_dates"]],
        completion=_completion_from(doc["completion"]),
        extra=dict(doc["extra"]),
        pages=list(doc["pages"]),
        rows=[list(r) for r in doc["rows"]],
        table=doc["table"],
        warnings=_warnings_from(doc["warnings"]),
        source_regions=[
            *(SourceRegion(**r) for r in doc.get("source_regions", [])),
            *(SourceRegion(**r, action=i) for i, a in enumerate(doc["actions"])
              for r in a.get("source_regions", [])),
        ],
    )


def plan_from_dict(doc: dict[str, Any]) -> Plan:
    """The inverse of `plan_to_dict`, for plans read back from a schema-valid file."""
    src = doc["source"]
    return Plan(
        schema_version=doc["schema_version"],
        source=Source(
            file=src["file"], sha256=src["sha256"], format=src["format"],
            pages=src["pages"], backend=src.get("backend"),
        ),
        title=doc["title"],
        glossary=dict(doc["glossary"]),
        tables=[_table_from(t) for t in doc["tables"]],
        recommendations=[_recommendation_from(r) for r in doc["recommendations"]],
        warnings=_warnings_from(doc["warnings"]),
        anchors=[AnchorDate(a["event"], date.fromisoformat(a["date"]), a["source"], a["raw"])
                 for a in doc.get("anchors", [])],
    )
