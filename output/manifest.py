"""OUTDIR/manifest.json: what each input became, so a re-run can skip unchanged inputs.

One entry per input, keyed by its absolute path (stored relative to the output folder, so
the folder and its inputs can move together). Entries from earlier runs stay until the same
input is converted again or another input takes over their output files, so the combined files
can cover every plan ever converted into the folder.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from dhrplan.output.files import sha256_file, write_bytes

FILENAME = "manifest.json"
VERSION = 1

CONVERTED, SKIPPED, FAILED = "converted", "skipped", "failed"


@dataclass(frozen=True)
class OutputFile:
    """One file an input's conversion wrote, with its hash."""
    path: str
    """Relative to the output folder, with forward slashes."""
    sha256: str


@dataclass
class Entry:
    """What the manifest knows of one input: its hash, status and outputs."""
    path: str
    """The input's absolute path (in the file: relative to the output folder)."""
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


def _entry(doc: dict[str, Any], base: Path) -> Entry:
    outputs = [
        OutputFile(path=o["path"], sha256=o["sha256"])
        for o in doc.get("outputs", [])
        if _inside(o["path"])
    ]
    return Entry(
        path=os.path.normpath(base / doc["path"]),
        source=doc.get("source") or Path(doc["path"]).name,
        sha256=doc.get("sha256"),
        status=doc["status"],
        recommendations=int(doc.get("recommendations", 0)),
        warnings=list(doc.get("warnings", [])),
        error=doc.get("error"),
        outputs=outputs,
        settings=dict(doc.get("settings", {})),
    )


def _stored(path: str, base: Path) -> str:
    """Relative to the output folder when the two share a folder below the root (they move
    together); an input elsewhere keeps its absolute path."""
    if os.path.commonpath([path, base]) == os.sep:
        return path
    return Path(os.path.relpath(path, base)).as_posix()


@dataclass
class Manifest:
    """The output folder's record of the inputs converted into it."""
    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, outdir: Path) -> Manifest:
        """The folder's manifest; a missing or unreadable one means nothing is known yet."""
        try:
            doc = json.loads((outdir / FILENAME).read_text("utf-8"))
            entries = [_entry(e, outdir.resolve()) for e in doc["inputs"]]
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

    def to_dict(self, outdir: Path) -> dict[str, Any]:
        base = outdir.resolve()
        inputs = []
        for key in sorted(self.entries):
            doc = asdict(self.entries[key])
            doc["path"] = _stored(key, base)
            inputs.append(doc)
        return {"manifest_version": VERSION, "inputs": inputs}

    def save(self, outdir: Path) -> None:
        """Atomically, as each file finishes, so a killed batch keeps what it had done."""
        text = json.dumps(self.to_dict(outdir), ensure_ascii=False, indent=2) + "\n"
        # a file name that is not UTF-8 holds lone surrogates: "backslashreplace" writes
        # them as the JSON escapes ("\udcff") that load() reads back to the same name
        write_bytes(outdir / FILENAME, text.encode("utf-8", "backslashreplace"))
