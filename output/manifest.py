"""OUTDIR/manifest.json: what each input became, so a re-run can skip unchanged inputs.

One entry per input, keyed by its absolute path. Entries from earlier runs stay until the same
input is converted again or another input takes over their output files, so the combined files
can cover every plan ever converted into the folder.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from dhrplan.output.files import sha256_file, write_text

FILENAME = "manifest.json"
VERSION = 1

CONVERTED, SKIPPED, FAILED = "converted", "skipped", "failed"


@dataclass(frozen=True)
class OutputFile:
    path: str
    """Relative to the output folder, with forward slashes."""
    sha256: str


@dataclass
class Entry:
    path: str
    """The input's absolute path."""
    source: str
    """The label the input's rows carry in the combined files."""
    sha256: str | None
    status: str
    recommendations: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    outputs: list[OutputFile] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    """What else shaped the outputs (formats, backend, page limit, version)."""

    @property
    def ok(self) -> bool:
        return self.status in (CONVERTED, SKIPPED)

    def output(self, suffix: str) -> OutputFile | None:
        return next((o for o in self.outputs if o.path.endswith(suffix)), None)

    def outputs_intact(self, outdir: Path) -> bool:
        """Every recorded output still exists with the bytes this tool wrote."""
        for out in self.outputs:
            target = outdir / out.path
            if not target.is_file() or sha256_file(target) != out.sha256:
                return False
        return True


def _inside(relative: str) -> bool:
    """Output paths from a manifest on disk must stay inside the folder: they may be deleted."""
    parts = PurePosixPath(relative).parts
    return bool(parts) and not PurePosixPath(relative).is_absolute() and ".." not in parts


def _entry(doc: dict[str, Any]) -> Entry:
    outputs = [
        OutputFile(path=o["path"], sha256=o["sha256"])
        for o in doc.get("outputs", [])
        if _inside(o["path"])
    ]
    return Entry(
        path=doc["path"],
        source=doc.get("source") or Path(doc["path"]).name,
        sha256=doc.get("sha256"),
        status=doc["status"],
        recommendations=int(doc.get("recommendations", 0)),
        warnings=list(doc.get("warnings", [])),
        error=doc.get("error"),
        outputs=outputs,
        settings=dict(doc.get("settings", {})),
    )


@dataclass
class Manifest:
    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, outdir: Path) -> Manifest:
        """The folder's manifest; a missing or unreadable one means nothing is known yet."""
        try:
            doc = json.loads((outdir / FILENAME).read_text("utf-8"))
            entries = [_entry(e) for e in doc["inputs"]]
        except (OSError, ValueError, KeyError, TypeError):
            return cls()
        return cls({e.path: e for e in entries})

    def put(self, entry: Entry) -> None:
        """Record `entry`, dropping older entries whose outputs it has overwritten."""
        taken = {o.path for o in entry.outputs}
        for key, other in list(self.entries.items()):
            if key != entry.path and taken & {o.path for o in other.outputs}:
                del self.entries[key]
        self.entries[entry.path] = entry

    def to_dict(self) -> dict[str, Any]:
        return {
            "manifest_version": VERSION,
            "inputs": [asdict(self.entries[k]) for k in sorted(self.entries)],
        }

    def save(self, outdir: Path) -> None:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        write_text(outdir / FILENAME, text)
