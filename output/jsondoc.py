"""The JSON document: `Plan` to a plain dict, and validation against the published schema."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from dhrplan.normalize.record import Plan


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema shipped with the package (output/plan.schema.json)."""
    text = resources.files("dhrplan.output").joinpath("plan.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The document exactly as written to disk: dates as ISO strings, keys as in the schema."""
    return _plain(dataclasses.asdict(plan))


def validation_errors(doc: Any) -> list[str]:
    """Readable schema errors, each with the JSON path of the offending value."""
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message}" for e in errors]


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
