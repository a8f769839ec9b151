"""`--combine`: the folder's plans in recommendations.csv, actions.csv, plans.xlsx, plans.sqlite.

The same plan converted twice (output/copies.py) is kept once in all of them.

The output modules are imported when the files are written: the command line imports this
module at start-up for the file names alone, and openpyxl takes a quarter second to load."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dhrplan.outcomes import one_line
from dhrplan.output.files import sha256_file
from dhrplan.output.manifest import Entry, Manifest

if TYPE_CHECKING:
    from dhrplan.normalize.progress import Tracking
    from dhrplan.normalize.record import Plan
    from dhrplan.output.copies import Copy

COMBINED = ("recommendations.csv", "actions.csv", "plans.xlsx", "plans.sqlite")


@dataclass
class Combined:
    """What the combined files hold, for the summary."""

    paths: list[Path] = field(default_factory=list)
    duplicates: list[Copy] = field(default_factory=list)
    overdue: str | None = None


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
    manifest: Manifest, fresh: Mapping[str, Plan], outdir: Path, warn: Callable[[str], None],
    tracking: Tracking,
) -> Combined:
    """The combined files cover every plan the manifest records as converted or skipped;
    `fresh` holds the plans of this run, the others are read back from their JSON."""
    from dhrplan.output import csvfile, database, overdue, xlsx
    from dhrplan.output.copies import copies_table, find_copies
    from dhrplan.output.dictionary import dictionary_table
    from dhrplan.output.tables import SourcedPlan, all_tables

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
    copies = find_copies(items)
    tables = all_tables(copies.kept, tracking)
    tables.insert(1, copies_table(copies))
    named = {t.name: t for t in tables}
    paths = [outdir / name for name in COMBINED]
    csvfile.write(paths[0], named["Recommendations"])
    csvfile.write(paths[1], named["Actions"])
    late = overdue.overdue_table(copies.kept, tracking)
    sheets = [*tables, late]
    xlsx.write(paths[2], [*sheets, dictionary_table(sheets)])
    database.write(paths[3], tables)
    return Combined(paths, copies.duplicates, overdue.summary(copies.kept, tracking))
