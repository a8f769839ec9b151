"""Convert many inputs into one output folder: in parallel, incrementally, never half-written.

Each file is read (parsed: the slow part, and the one exposed to hostile input) in its own
worker process, so that a pathological file can be killed at `--timeout` without holding the
batch and no failure, however strange, stops the other files. The parent process turns each
read document into records, validates them and alone writes to the output folder; it imports
the normalize and output stages while the first worker reads, so a single plan pays for
start-up once, on two cores.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import signal
import sys
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path, PurePosixPath
from typing import TextIO, TypeVar

from dhrplan import __version__, pipeline
from dhrplan.extract.model import ExtractError
from dhrplan.normalize.record import Plan
from dhrplan.output import csvfile
from dhrplan.output.files import sha256_file, write_bytes
from dhrplan.output.manifest import (
    CONVERTED,
    FAILED,
    SKIPPED,
    Entry,
    Manifest,
    OutputFile,
)
from dhrplan.output.manifest import FILENAME as MANIFEST
from dhrplan.output.tables import (
    SourcedPlan,
    actions_table,
    all_warnings,
    recommendations_table,
    workbook_tables,
)

FORMATS = ("json", "csv")
T = TypeVar("T")
COMBINED = ("recommendations.csv", "actions.csv", "plans.xlsx")
RESERVED_STEMS = frozenset(PurePosixPath(name).stem.casefold() for name in (*COMBINED, MANIFEST))
"""Stems of the files the tool writes at the top of the output folder, whatever the flags."""


@dataclass(frozen=True)
class Config:
    outdir: Path
    formats: tuple[str, ...] = FORMATS
    combine: bool = False
    jobs: int = 1
    force: bool = False
    options: pipeline.Options = pipeline.Options()
    timeout: float | None = None
    progress: bool = False


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


@dataclass
class FileResult:
    shown: str
    status: str
    recommendations: int = 0
    warnings: int = 0
    error: str | None = None


@dataclass
class Report:
    results: list[FileResult] = field(default_factory=list)
    combined: list[Path] = field(default_factory=list)
    combine_error: str | None = None

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == FAILED]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.combine_error else 0


def one_line(text: str) -> str:
    return " ".join(text.split()) or "unknown error"


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


@dataclass(frozen=True)
class Converted:
    read: pipeline.Read


@dataclass(frozen=True)
class Failed:
    reason: str


Outcome = Converted | Failed


def _reason(error: ExtractError, path: Path) -> str:
    """Readers start their messages with the path; the batch names the file itself."""
    text = one_line(str(error))
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text


def _guarded(
    step: Callable[[], T], path: Path, expected: tuple[type[Exception], ...] = ()
) -> T | Failed:
    """`step()`, or why it failed in one line: never raises. Errors of the `expected` types,
    like `ExtractError`, are reasons; any other is an internal error."""
    try:
        return step()
    except ExtractError as error:
        return Failed(_reason(error, path))
    except expected as error:
        return Failed(one_line(str(error)))
    except Exception as error:
        return Failed(one_line(f"internal error: {type(error).__name__}: {error}"))


def read_one(path: Path, options: pipeline.Options, sha256: str | None = None) -> Outcome:
    """Runs in the worker."""
    return _guarded(lambda: Converted(pipeline.read_file(path, options, sha256)), path)


def normalize_one(read: pipeline.Read, path: Path, options: pipeline.Options) -> Plan | Failed:
    """Runs in the parent, which has imported the normalize stage while the worker read."""
    return _guarded(lambda: pipeline.plan_from(read, options), path)


def document_one(plan: Plan, path: Path) -> bytes | Failed:
    """The plan's JSON document, or why not (an invalid document is never written)."""
    from dhrplan.output.jsondoc import InvalidDocument, validated_json

    return _guarded(lambda: validated_json(plan), path, (InvalidDocument,))


def _worker(conn: Connection, path: Path, options: pipeline.Options, sha256: str) -> None:
    """Runs in the child: Ctrl-C is the parent's to handle, and library chatter stays quiet."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    outcome = read_one(path, options, sha256)
    try:
        conn.send(outcome)
    except Exception as error:
        conn.send(Failed(one_line(f"internal error: cannot return result: {error}")))
    finally:
        conn.close()


def _context() -> BaseContext:
    """fork starts fastest; elsewhere fall back to spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@dataclass
class _Running:
    item: Input
    process: BaseProcess
    deadline: float | None


def _died(process: BaseProcess) -> Failed:
    code = process.exitcode
    if code is not None and code < 0:
        return Failed(f"internal error: worker killed by signal {-code}")
    return Failed(f"internal error: worker stopped without a result (exit code {code})")


def _warm_up(items: Sequence[Input]) -> None:
    import dhrplan.output.jsondoc

    dhrplan.output.jsondoc.schema()
    pipeline.preload(pdf=any(i.path.suffix.lower() in pipeline.PDF_SUFFIXES for i in items))


def run_workers(
    items: Sequence[Input], config: Config, hashes: Mapping[Path, str]
) -> Iterator[tuple[Input, Outcome]]:
    """Outcomes in completion order, at most `config.jobs` worker processes alive at once.

    `hashes` holds each input's SHA-256, computed once by the parent: workers do not hash."""
    ctx = _context()
    warmed = False
    pending = deque(items)
    running: dict[Connection, _Running] = {}
    try:
        while pending or running:
            while pending and len(running) < config.jobs:
                item = pending.popleft()
                receiver, sender = ctx.Pipe(duplex=False)
                sys.stdout.flush()
                sys.stderr.flush()
                process = ctx.Process(
                    target=_worker,
                    args=(sender, item.path, config.options, hashes[item.path]),
                    name=item.shown,
                )
                process.start()
                sender.close()
                if not warmed:
                    # while the first worker reads its file, load what the parent and the
                    # workers forked after it need: they then share it instead of importing
                    warmed = True
                    _warm_up(items)
                deadline = time.monotonic() + config.timeout if config.timeout else None
                running[receiver] = _Running(item, process, deadline)
            deadlines = [r.deadline for r in running.values() if r.deadline is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            for conn in wait(list(running), wait_for):
                assert isinstance(conn, Connection)
                run = running.pop(conn)
                try:
                    outcome: Outcome = conn.recv()
                except (EOFError, OSError):
                    run.process.join()
                    outcome = _died(run.process)
                conn.close()
                run.process.join()
                yield run.item, outcome
            now = time.monotonic()
            for conn, run in list(running.items()):
                if run.deadline is not None and now >= run.deadline:
                    run.process.kill()
                    run.process.join()
                    conn.close()
                    del running[conn]
                    yield run.item, Failed(f"timed out after {config.timeout:g} seconds")
    finally:
        for conn, run in running.items():
            run.process.kill()
            run.process.join()
            conn.close()


class Progress:
    """A one-line bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = enabled and total > 0

    def _draw(self, name: str) -> None:
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r\x1b[K[{bar}] {self.done}/{self.total} {Path(name).name[:50]}")
        self.stream.flush()

    def step(self, name: str) -> None:
        self.done += 1
        if self.enabled:
            self._draw(name)

    def say(self, line: str) -> None:
        """Print a line without tearing the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        if self.enabled and self.done:
            self._draw("")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _settings(config: Config) -> dict[str, object]:
    return {
        "formats": sorted(config.formats),
        "backend": config.options.backend,
        "max_pages": config.options.max_pages,
        "dhrplan": __version__,
    }


def _converted(
    item: Input, plan: Plan, sha: str, outputs: list[OutputFile], config: Config
) -> Entry:
    return Entry(
        str(item.path), item.source, sha, CONVERTED,
        recommendations=len(plan.recommendations), warnings=all_warnings(plan),
        outputs=outputs, settings=_settings(config),
    )


def _write_outputs(
    item: Input, plan: Plan, document: bytes, config: Config
) -> list[OutputFile]:
    """JSON then CSV, each atomically; if one cannot be written, none of them is left."""
    written: list[OutputFile] = []
    blobs: list[tuple[str, bytes]] = []
    if "json" in config.formats:
        blobs.append(("json", document))
    if "csv" in config.formats:
        table = recommendations_table([SourcedPlan(item.source, plan)])
        blobs.append(("csv", csvfile.encode(table)))
    try:
        for suffix, data in blobs:
            relative = f"{item.stem}.{suffix}"
            write_bytes(config.outdir / relative, data)
            written.append(OutputFile(relative, hashlib.sha256(data).hexdigest()))
    except BaseException:
        for out in written:
            (config.outdir / out.path).unlink(missing_ok=True)
        raise
    return written


def _complete(
    item: Input, outcome: Outcome, config: Config
) -> tuple[Plan, list[OutputFile]] | Failed:
    """A worker's read document to records, validated and written; or why not."""
    if isinstance(outcome, Failed):
        return outcome
    plan = normalize_one(outcome.read, item.path, config.options)
    if isinstance(plan, Failed):
        return plan
    document = document_one(plan, item.path)
    if isinstance(document, Failed):
        return document
    try:
        return plan, _write_outputs(item, plan, document, config)
    except OSError as error:
        return Failed(one_line(f"cannot write output: {error}"))


def _remove_outputs(entry: Entry | None, outdir: Path) -> None:
    """A failed input keeps no earlier outputs that would look like its current result."""
    for out in entry.outputs if entry else ():
        (outdir / out.path).unlink(missing_ok=True)


def _expected_outputs(item: Input, config: Config) -> set[str]:
    return {f"{item.stem}.{suffix}" for suffix in config.formats}


def _unchanged(entry: Entry | None, sha: str, item: Input, config: Config) -> bool:
    return (
        entry is not None
        and entry.ok
        and entry.sha256 == sha
        and entry.settings == _settings(config)
        and {o.path for o in entry.outputs} == _expected_outputs(item, config)
        and (not config.combine or entry.output(".json") is not None)
        and entry.outputs_intact(config.outdir)
    )


def _load_plan(entry: Entry, outdir: Path) -> Plan:
    out = entry.output(".json")
    if out is None:
        raise ValueError("it has no JSON output")
    path = outdir / out.path
    if not path.is_file() or sha256_file(path) != out.sha256:
        raise ValueError(f"{out.path} is missing or was changed since it was written")
    from dhrplan.output.jsondoc import plan_from_dict, validation_errors

    doc = json.loads(path.read_text("utf-8"))
    if validation_errors(doc):
        raise ValueError(f"{out.path} does not match the schema")
    return plan_from_dict(doc)


def _combine(
    manifest: Manifest, fresh: dict[str, Plan], config: Config, progress: Progress
) -> list[Path]:
    """The combined files cover every plan the manifest records as converted or skipped."""
    items: list[SourcedPlan] = []
    for key in sorted(manifest.entries, key=lambda k: manifest.entries[k].source):
        entry = manifest.entries[key]
        if not entry.ok:
            continue
        plan = fresh.get(key)
        if plan is None:
            try:
                plan = _load_plan(entry, config.outdir)
            except (OSError, ValueError, KeyError, TypeError) as error:
                progress.say(
                    f"dhrplan: warning: {entry.source} left out of the combined files: "
                    f"{one_line(str(error))}"
                )
                continue
        items.append(SourcedPlan(entry.source, plan))
    paths = [config.outdir / name for name in COMBINED]
    csvfile.write(paths[0], recommendations_table(items))
    csvfile.write(paths[1], actions_table(items))
    from dhrplan.output import xlsx  # openpyxl costs a quarter second to import

    xlsx.write(paths[2], workbook_tables(items))
    return paths


def run(paths: Sequence[Path], config: Config, stderr: TextIO = sys.stderr) -> Report:
    """Convert `paths` into `config.outdir`; failures are reported on `stderr`, one line each."""
    config.outdir.mkdir(parents=True, exist_ok=True)
    inputs, rejected = discover(paths, config.outdir)
    manifest = Manifest.load(config.outdir)
    report = Report()
    progress = Progress(len(inputs) + len(rejected), stderr, config.progress)
    fresh: dict[str, Plan] = {}
    results: dict[str, FileResult] = {}

    def fail(shown: str, reason: str) -> FileResult:
        progress.say(f"dhrplan: {shown}: {reason}")
        return FileResult(shown, FAILED, error=reason)

    for bad in rejected:
        key = str(bad.path.resolve())
        _remove_outputs(manifest.entries.get(key), config.outdir)
        manifest.put(Entry(key, bad.path.name, None, FAILED, error=bad.reason))
        results[bad.shown] = fail(bad.shown, bad.reason)
        progress.step(bad.shown)

    todo: list[Input] = []
    hashes: dict[Path, str] = {}
    for item in inputs:
        key = str(item.path)
        previous = manifest.entries.get(key)
        try:
            sha = sha256_file(item.path)
        except OSError as error:
            reason = f"cannot read: {error.strerror or error}"
            _remove_outputs(previous, config.outdir)
            manifest.put(Entry(key, item.source, None, FAILED, error=reason))
            results[item.shown] = fail(item.shown, reason)
            progress.step(item.shown)
            continue
        hashes[item.path] = sha
        if not config.force and _unchanged(previous, sha, item, config):
            assert previous is not None
            previous.status = SKIPPED
            manifest.put(previous)
            results[item.shown] = FileResult(
                item.shown, SKIPPED, previous.recommendations, len(previous.warnings)
            )
            progress.step(item.shown)
        else:
            todo.append(item)

    try:
        for item, outcome in run_workers(todo, config, hashes):
            key = str(item.path)
            done = _complete(item, outcome, config)
            if isinstance(done, Failed):
                _remove_outputs(manifest.entries.get(key), config.outdir)
                entry = Entry(key, item.source, hashes[item.path], FAILED, error=done.reason)
                results[item.shown] = fail(item.shown, done.reason)
            else:
                plan, outputs = done
                entry = _converted(item, plan, hashes[item.path], outputs, config)
                fresh[key] = plan
                results[item.shown] = FileResult(
                    item.shown, CONVERTED, entry.recommendations, len(entry.warnings)
                )
            manifest.put(entry)
            progress.step(item.shown)
        if config.combine:
            try:
                report.combined = _combine(manifest, fresh, config, progress)
            except OSError as error:
                report.combine_error = one_line(f"cannot write the combined files: {error}")
                progress.say(f"dhrplan: {report.combine_error}")
    finally:
        progress.close()
        manifest.save(config.outdir)
    report.results = [results[k] for k in sorted(results)]
    return report
