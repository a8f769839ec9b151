"""The corpus's expected records and the tool's records in one comparable shape.

`tests/corpus/<plan>.expected.json` were written by reading each plan; `view` projects a
converted document's record onto the same fields, so a test (tests/test_corpus.py) and the
evaluation (benchmarks/evaluate_corpus.py) compare like with like.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"
FIELDS = (
    "section", "number", "text", "scope", "owners", "target_dates", "status",
    "completion_date", "milestones", "outcomes", "actions",
)
"""The compared fields; the schema field a warning names for each (`WARNING_FIELD`)."""
WARNING_FIELD = {
    "section": "section", "number": "number", "text": "text", "scope": "scope",
    "owners": "owners", "target_dates": "target_dates", "status": "completion",
    "completion_date": "completion", "milestones": "milestones", "outcomes": "outcomes",
    "actions": "actions",
}


def plans() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json"))


def table_plans() -> list[str]:
    """The plans laid out as tables; the others (`running-text-*`) have none."""
    return [p for p in plans() if not p.startswith("running-text-")]


def expected(plan: str) -> dict[str, Any]:
    return json.loads((CORPUS / f"{plan}.expected.json").read_text("utf-8"))


def _dates(dates: list[dict] | None) -> list[dict] | None:
    if dates is None:
        return None
    return [{"kind": d["kind"], "start": d["start"], "end": d["end"]} for d in dates]


def _owners(owners: list[dict] | None) -> list[str] | None:
    return None if owners is None else [o["name"] for o in owners]


def _status(completion: dict | None) -> str | None:
    return None if completion is None else completion["status"]


def view(record: dict[str, Any]) -> dict[str, Any]:
    completion = record["completion"]
    return {
        "section": record["section"],
        "number": record["number"],
        "text": record["text"],
        "scope": record["scope"]["levels"] if record["scope"] else None,
        "owners": _owners(record["owners"]),
        "target_dates": _dates(record["target_dates"]),
        "status": _status(completion),
        "completion_date": completion["date"] if completion else None,
        "milestones": record["milestones"],
        "outcomes": record["outcomes"],
        "actions": [
            {
                "label": a["label"], "text": a["text"], "owners": _owners(a["owners"]),
                "target_dates": _dates(a["target_dates"]), "status": _status(a["completion"]),
            }
            for a in record["actions"]
        ],
    }


def differences(doc: dict[str, Any], want: dict[str, Any]) -> list[tuple[int, str]]:
    """(expected record index, field) for every field that differs; a missing or extra
    record counts as every field differing."""
    got = [view(r) for r in doc["recommendations"]]
    wanted = want["recommendations"]
    diffs: list[tuple[int, str]] = []
    for i, w in enumerate(wanted):
        g = got[i] if i < len(got) else None
        for f in FIELDS:
            if g is None or g[f] != w.get(f):
                diffs.append((i, f))
    for i in range(len(wanted), len(got)):
        diffs.extend((i, f) for f in FIELDS)
    return diffs
