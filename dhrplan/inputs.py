"""Which files a batch converts, and the name each one's outputs take in the output folder."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dhrplan import pipeline
from dhrplan.combined import COMBINED
from dhrplan.output.manifest import FILENAME as MANIFEST

RESERVED_STEMS = frozenset(PurePosixPath(name).stem.casefold() for name in (*COMBINED, MANIFEST))
"""Stems of the files the tool writes at the top of the output folder, whatever the flags."""


@dataclass(frozen=True)
class Input:
    path: Path
    """Resolved, so the same file named twice is converted once."""
    shown: str
    """The path as the user would recognise it, for messages."""
    stem: PurePosixPath
    """Where its outputs go, relative to the output folder and without an extension."""

    @property
    def source(self) -> str:
        return str(self.stem.parent / self.path.name)


@dataclass(frozen=True)
class Rejected:
    path: Path
    shown: str
    reason: str


def _supported(path: Path) -> bool:
    return path.suffix.lower() in pipeline.SUPPORTED_SUFFIXES


def _walk(folder: Path, skip: Path) -> list[Path]:
    """Supported files under `folder`, depth first and sorted; hidden entries are left out."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (here / d).resolve() != skip
        )
        found.extend(
            here / f for f in sorted(files) if not f.startswith(".") and _supported(Path(f))
        )
    return found


def _reserved(stem: PurePosixPath) -> bool:
    return stem.parent == PurePosixPath(".") and stem.name.casefold() in RESERVED_STEMS


def _name_outputs(found: list[tuple[Path, str]]) -> list[Input]:
    """`<stem>` when the stem is unique; otherwise mirror subfolders, then keep the suffix.

    The suffix is kept too where `<stem>` would be one of the tool's own files (the manifest,
    the combined files), so `manifest.txt` becomes `manifest.txt.json`."""
    by_stem: dict[str, list[tuple[Path, str]]] = {}
    for path, shown in found:
        by_stem.setdefault(path.stem.casefold(), []).append((path, shown))
    inputs: list[Input] = []
    for group in by_stem.values():
        if len(group) == 1:
            path, shown = group[0]
            stem = PurePosixPath(path.stem)
            inputs.append(Input(path, shown, PurePosixPath(path.name) if _reserved(stem) else stem))
            continue
        common = Path(os.path.commonpath([p.parent for p, _ in group]))
        folders = [PurePosixPath(p.parent.relative_to(common).as_posix()) for p, _ in group]
        clashes = {f for f in folders if folders.count(f) > 1}
        for (path, shown), folder in zip(group, folders, strict=True):
            name = path.name if folder in clashes or _reserved(folder / path.stem) else path.stem
            inputs.append(Input(path, shown, folder / name))
    return sorted(inputs, key=lambda i: i.shown)


def _problem(given: Path) -> str | None:
    """Why a path named on the command line cannot be read as plans, if it cannot."""
    if given.is_dir():
        return None
    if given.is_file():
        if _supported(given):
            return None
        kind = given.suffix or "no extension"
        return f"unsupported file type ({kind}); expected one of {pipeline.SUPPORTED_LIST}"
    return "not a regular file" if given.exists() else "no such file or folder"


def discover(paths: Sequence[Path], outdir: Path) -> tuple[list[Input], list[Rejected]]:
    """Files named on the command line and the supported files under folders named there."""
    skip = outdir.resolve()
    found: dict[Path, str] = {}
    rejected: list[Rejected] = []
    for given in paths:
        problem = _problem(given)
        files = _walk(given, skip) if given.is_dir() else [given]
        if given.is_dir() and not files:
            problem = f"no plan files ({pipeline.SUPPORTED_LIST}) in folder"
        if problem:
            rejected.append(Rejected(given, str(given), problem))
            continue
        for file in files:
            found.setdefault(file.resolve(), str(file))
    return _name_outputs(list(found.items())), rejected
