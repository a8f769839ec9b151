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
