"""What the tests know about the sample plans in samples/, read from the plans themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

AGENCIES = [
    "Avon and Somerset Police",
    "Children's Social Care",
    "Somerset Safeguarding Children Board (LSCB)",
    "Adult Social Care (Somerset County Council)",
    "Somerset Partnership NHS Trust",
    "Somerset Clinical Commissioning Group",
    "Bournemouth Churches Housing Association (to include SIDAS (Knightstone HA))",
    "Mendip District Council Housing Department",
    "Curo Group",
    "Safer Somerset Partnership",
    "Yeovil District Hospital NHS Foundation Trust",
]
"""The agency headings of the Somerset DHR 012 plan, in order."""


def _dates(dates: list[dict[str, Any]] | None) -> list[list[Any]] | None:
    if dates is None:
        return None
    return [
        [t["kind"], t["start"], t["end"], t["offset_months"], t["offset_weeks"], t["anchor"]]
        for t in dates
    ]


def _completion(completion: dict[str, Any] | None) -> list[Any] | None:
    return [completion["status"], completion["date"]] if completion else None


def view(record: dict[str, Any]) -> dict[str, Any]:
    """A recommendation from the JSON document, reduced to what a reader checks by eye:
    everything but the raw cell texts already shown elsewhere and the warnings."""
    return {
        "id": record["id"],
        "section": record["section"],
        "section_expansion": record["section_expansion"],
        "number": record["number"],
        "text": record["text"],
        "ownership": record["ownership"],
        "scope": record["scope"]["levels"] if record["scope"] else None,
        "actions": [
            [
                a["label"],
                a["text"],
                [o["name"] for o in a["owners"]] if a["owners"] is not None else None,
                _dates(a["target_dates"]),
                _completion(a["completion"]),
            ]
            for a in record["actions"]
        ],
        "owners": [[o["name"], o["expansion"]] for o in record["owners"]],
        "milestones": record["milestones"],
        "target_dates": _dates(record["target_dates"]),
        "completion": _completion(record["completion"]),
        "extra": record["extra"],
    }
