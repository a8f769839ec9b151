"""The records of a PDF in a form two PDFs of the same plan can be compared in: every field
but the cells' places on the page, the id without the file's stem (it names the file, not
the record), the warnings as the set of what they concern (code and field)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from dhrplan.pipeline import Options, convert_file


def records(path: Path, backend: str = "pdfium") -> list[dict]:
    plan = convert_file(path, Options(backend=backend))
    out = []
    for record in plan.recommendations:
        fields = dataclasses.asdict(record)
        assert fields["id"].startswith(f"{path.stem}-"), fields["id"]
        fields["id"] = fields["id"].removeprefix(f"{path.stem}-")
        del fields["source_regions"]  # where the cells sit on the page, which each PDF lays out
        # what was guessed, not how the message quotes it (quotes follow the page's lines)
        fields["warnings"] = sorted({(w["code"], w["field"]) for w in fields["warnings"]},
                                    key=str)
        out.append(fields)
    return out


def differences(expected: list[dict], got: list[dict]) -> list[str]:
    """"record id: field" for every field that differs (and any record missing or extra)."""
    found = [f"{len(expected)} records, got {len(got)}"] if len(expected) != len(got) else []
    for a, b in zip(expected, got, strict=False):
        found.extend(f"{a['id']}: {key}" for key in a if a[key] != b.get(key))
    return found
