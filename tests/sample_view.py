"""The fields of a record that tests compare, in a compact form that reads like the source."""

from __future__ import annotations

from typing import Any


def view(record: dict[str, Any]) -> dict[str, Any]:
    """A recommendation from the JSON document, reduced to what a reader checks by eye."""
    completion = record["completion"]
    return {
        "section": record["section"],
        "number": record["number"],
        "text": record["text"],
        "ownership": record["ownership"],
        "scope": record["scope"]["levels"] if record["scope"] else None,
        "actions": [[a["label"], a["text"]] for a in record["actions"]],
        "owners": [o["name"] for o in record["owners"]],
        "milestones": record["milestones"],
        "target_dates": [
            [t["kind"], t["start"], t["end"], t["offset_months"], t["offset_weeks"], t["anchor"]]
            for t in record["target_dates"]
        ],
        "completion": [completion["status"], completion["date"]] if completion else None,
    }
