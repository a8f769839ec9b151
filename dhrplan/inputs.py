"""Which files a batch converts, and the name each one's outputs take in the output folder.

Only regular files are inputs (a FIFO or a link to /dev/zero named `plan.txt` would block or
never end); a folder that cannot be read, a link that loops or leads nowhere, is a failed
entry of its own while the batch goes on. Hidden files and folders are left out.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dhrplan import pipeline
from dhrplan.combined import COMBINED
from dhrplan.names import shown as printable
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
        return printable(self.stem.parent / self.path.name)


@dataclass(frozen=True)
class Rejected:
    path: Path
    shown: str
    reason: str


def _supported(path: Path) -> bool:
    return path.suffix.lower() in pipeline.SUPPORTED_SUFFIXES


def _resolved(path: Path) -> Path | str:
    """The real path, or why there is none (a link that loops or leads nowhere)."""
    try:
        return path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError as error:
        return f"cannot follow the path: {error.strerror or error}"


def _not_regular(path: Path) -> str | None:
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    return "not a regular file" + (" (a named pipe)" if stat.S_ISFIFO(mode) else "")


def _walk(folder: Path, skip: Path) -> tuple[list[Path], list[Rejected]]:
    """Supported files under `folder`, depth first and sorted, and the folders that could
    not be read; hidden entries are left out."""
    found: list[Path] = []
    unreadable: list[Rejected] = []

    def failed(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        reason = f"cannot read folder: {error.strerror or error}"
        unreadable.append(Rejected(where, printable(where), reason))

    for root, dirs, files in os.walk(folder, onerror=failed):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and _resolved(here / d) != skip)
        found.extend(
            here / f for f in sorted(files) if not f.startswith(".") and _supported(Path(f))
        )
    return found, unreadable


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
    return _unique(sorted(inputs, key=lambda i: i.shown))


def _unique(inputs: list[Input]) -> list[Input]:
    """Output names unique by construction: `a.txt` and `a.txt.md` both name `a.txt`, so
    where names clash, each input that dropped its suffix keeps it; a clash left after that
    (names differing only in case) takes a number, `a.txt-2`."""
    def key(stem: PurePosixPath) -> str:
        return str(stem).casefold()

    def clashing(items: list[Input]) -> set[str]:
        counts: dict[str, int] = {}
        for item in items:
            counts[key(item.stem)] = counts.get(key(item.stem), 0) + 1
        return {k for k, n in counts.items() if n > 1}

    for _ in range(len(inputs)):
        clashes = clashing(inputs)
        if not clashes:
            return inputs
        changed = False
        for i, item in enumerate(inputs):
            full = item.stem.parent / item.path.name
            if key(item.stem) in clashes and item.stem != full:
                inputs[i] = Input(item.path, item.shown, full)
                changed = True
        if not changed:
            break
    taken = {key(item.stem) for item in inputs}
    seen: set[str] = set()
    for i, item in enumerate(inputs):
        if key(item.stem) not in seen:
            seen.add(key(item.stem))
            continue
        n = 2
        while key(stem := item.stem.with_name(f"{item.stem.name}-{n}")) in taken:
            n += 1
        taken.add(key(stem))
        inputs[i] = Input(item.path, item.shown, stem)
    return inputs


def _problem(given: Path) -> str | None:
    """Why a path named on the command line cannot be read as plans, if it cannot."""
    if isinstance(where := _resolved(given), str):
        return where if given.is_symlink() else "no such file or folder"
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
        files, unreadable = _walk(given, skip) if given.is_dir() and not problem else ([given], [])
        rejected.extend(unreadable)
        if given.is_dir() and not files and not unreadable:
            problem = f"no plan files ({pipeline.SUPPORTED_LIST}) in folder"
        if problem:
            rejected.append(Rejected(given, printable(given), problem))
            continue
        for file in files:
            real = _resolved(file)
            why = real if isinstance(real, str) else _not_regular(real)
            if why:
                rejected.append(Rejected(file, printable(file), why))
            else:
                assert isinstance(real, Path)
                found.setdefault(real, printable(file))
    return _name_outputs(list(found.items())), rejected
