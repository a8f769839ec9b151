"""Which files a batch converts, and the name each one's outputs take in the output folder.

Only regular files are inputs (a FIFO or a link to /dev/zero named `plan.txt` would block or
never end); a folder that cannot be read, a link that loops or leads nowhere, is a failed
entry of its own while the batch goes on. Hidden files and folders are left out.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from dhrplan import pipeline
from dhrplan.combined import COMBINED
from dhrplan.names import shown as printable
from dhrplan.output.manifest import FILENAME as MANIFEST

RESERVED_STEMS = frozenset(PurePosixPath(name).stem.casefold() for name in (*COMBINED, MANIFEST))
"""Stems of the files the tool writes at the top of the output folder, whatever the flags."""


@dataclass(frozen=True)
class Input:
    """A plan file a run converts, and where its outputs go."""
    path: Path
    """Resolved, so the same file named twice is converted once."""
    shown: str
    """The path as the user would recognise it, for messages."""
    stem: PurePosixPath
    """Where its outputs go, relative to the output folder and without an extension."""
    clash: tuple[str, str] | None = None
    """When its plain output name is another input's and it took `-2`: that name, and the
    other input (as shown, or its path when it was converted in an earlier run)."""

    @property
    def source(self) -> str:
        """The label its rows carry in the combined files: its file name, or where its
        output name had to take a number, its path as given (two such files share a name)."""
        return printable(self.path.name) if self.clash is None else self.shown


@dataclass(frozen=True)
class Rejected:
    """A path the run cannot convert, and why."""
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


def _base_name(path: Path, listing: Sequence[str]) -> PurePosixPath:
    """`<stem>`, or `<name>` (the suffix kept) when another plan file in the same folder
    would give the same name (`x.pdf` beside `x.txt`; `a.txt.md` beside `a.txt`) or the stem
    is one of the tool's own files (`manifest.txt`). It depends on the file's folder on
    disk, never on what else the command line names, so a file converted alone or with its
    folder gets the same name."""
    stem = path.stem.casefold()
    others = [n for n in listing if n != path.name]
    clash = any(stem in (PurePosixPath(n).stem.casefold(), n.casefold()) for n in others)
    return PurePosixPath(path.name if clash or stem in RESERVED_STEMS else path.stem)


def _listing(folder: Path, cache: dict[Path, list[str]]) -> list[str]:
    """The plan files in `folder` that naming looks at (hidden ones left out, as the walk
    leaves them out); an unreadable folder lists nothing."""
    if folder not in cache:
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        cache[folder] = [n for n in names if not n.startswith(".") and _supported(Path(n))]
    return cache[folder]


def _numbered(base: PurePosixPath, n: int) -> PurePosixPath:
    return base if n == 1 else base.with_name(f"{base.name}-{n}")


def held_names(outputs: dict[str, Sequence[str]]) -> dict[str, str]:
    """Output names (casefolded, without the format's extension) from each input's path to
    the outputs an earlier run wrote for it."""
    held: dict[str, str] = {}
    for path, files in outputs.items():
        for file in files:
            held[str(PurePosixPath(file).with_suffix("")).casefold()] = path
    return held


def name_outputs(found: Sequence[Input], held: dict[str, str]) -> list[Input]:
    """Each input's output name, unique in the output folder (case-insensitively).

    `held` maps each name (casefolded) that an earlier run's input holds in the output
    folder to that input's path. An input keeps a name it already holds; a name held by
    another input, or taken by an input earlier in path order, moves the input on to
    `<name>-2`, `<name>-3`: so the same file name from two folders is resolved the same way
    in every run, and the input that had a name first keeps it. `Input.clash` says which
    input holds the plain name, for the summary."""
    ordered = sorted(found, key=lambda i: (str(i.path).casefold(), str(i.path)))
    here = {str(i.path) for i in ordered}
    taken = {name: path for name, path in held.items() if path not in here}
    shown_as = {str(i.path): i.shown for i in ordered}
    kept: dict[str, int] = {}
    for item in ordered:  # a name an input already holds stays its name
        for n in range(1, len(held) + 2):
            name = str(_numbered(item.stem, n)).casefold()
            if held.get(name) == str(item.path) and name not in taken:
                taken[name] = str(item.path)
                kept[str(item.path)] = n
                break
    named: list[Input] = []
    for item in ordered:
        n = kept.get(str(item.path), 1)
        while str(item.path) not in kept and str(_numbered(item.stem, n)).casefold() in taken:
            n += 1
        stem = _numbered(item.stem, n)
        taken[str(stem).casefold()] = str(item.path)
        owner = taken.get(str(item.stem).casefold(), "")
        clash = None if n == 1 else (str(item.stem), shown_as.get(owner, printable(owner)))
        named.append(replace(item, stem=stem, clash=clash))
    return sorted(named, key=lambda i: i.shown)


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
    found: dict[Path, Input] = {}
    rejected: list[Rejected] = []
    listings: dict[Path, list[str]] = {}
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
                base = _base_name(file, _listing(file.parent, listings))
                found.setdefault(real, Input(real, printable(file), base))
    return list(found.values()), rejected
