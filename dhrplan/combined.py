"""`--combine`: the folder's plans in one recommendations.csv, actions.csv and plans.xlsx.

The output modules are imported when the files are written: the command line imports this
module at start-up for the file names alone, and openpyxl takes a quarter second to load."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dhrplan.outcomes import one_line
from dhrplan.output.files import sha256_file
from dhrplan.output.manifest import Entry, Manifest

if TYPE_CHECKING:
    from dhrplan.normalize.record import Plan

COMBINED = ("recommendations.csv", "actions.csv", "plans.xlsx")


def _load_plan(entry: Entry, outdir: Path) -> Plan:
    out = entry.output(".json")
    if out is None:
        raise ValueError("it has no JSON output")
    path = outdir / out.path
    if not path.is_file() or sha256_file(path) != out.sha256:
        raise ValueError(f"{out.path} is missing or was changed since it was written")
    from dhrplan.output.jsondoc import is_valid, plan_from_dict

    doc = json.loads(path.read_text("utf-8"))
    if not is_valid(doc):
        raise ValueError(f"{out.path} does not match the schema")
    return plan_from_dict(doc)


def write_combined(
    manifest: Manifest, fresh: Mapping[str, Plan], outdir: Path, warn: Callable[[str], None]
) -> list[Path]:
    """The combined files cover every plan the manifest records as converted or skipped;
    `fresh` holds the plans of this run, the others are read back from their JSON."""
    from dhrplan.output import csvfile, xlsx
    from dhrplan.output.tables import (
        SourcedPlan,
        actions_table,
        recommendations_table,
        workbook_tables,
    )

    items: list[SourcedPlan] = []
    for key in sorted(manifest.entries, key=lambda k: manifest.entries[k].source):
        entry = manifest.entries[key]
        if not entry.ok:
            continue
        plan = fresh.get(key)
        if plan is None:
            try:
                plan = _load_plan(entry, outdir)
            except (OSError, ValueError, KeyError, TypeError) as error:
                warn(
                    f"dhrplan: warning: {entry.source} left out of the combined files: "
                    f"{one_line(str(error))}"
                )
                continue
        items.append(SourcedPlan(entry.source, plan))
    paths = [outdir / name for name in COMBINED]
    csvfile.write(paths[0], recommendations_table(items))
    csvfile.write(paths[1], actions_table(items))
    xlsx.write(paths[2], workbook_tables(items))
    return paths
