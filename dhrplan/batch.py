"""Convert many inputs into one output folder: in parallel, incrementally, never half-written.

Each file is read (parsed: the slow part, and the one exposed to hostile input) in its own
worker process, so that a pathological file can be killed at `--timeout` without holding the
batch and no failure, however strange, stops the other files. The parent process turns each
read document into records, validates them and alone writes to the output folder; it imports
the normalize and output stages while the first worker reads, so a single plan pays for
start-up once, on two cores.

The parts: inputs.py finds the files and names their outputs, workers.py runs the worker
processes, progress.py draws the bar, combined.py writes the `--combine` files; this module
decides what to skip, writes each plan's outputs and keeps the manifest.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dhrplan import __version__, pipeline
from dhrplan.inputs import Input, discover
from dhrplan.outcomes import Failed, Outcome, guarded, one_line
from dhrplan.output.files import sha256_file, write_bytes
from dhrplan.output.manifest import (
    CONVERTED,
    FAILED,
    SKIPPED,
    Entry,
    Manifest,
    OutputFile,
)
from dhrplan.progress import Progress
from dhrplan.workers import run_workers

if TYPE_CHECKING:
    from dhrplan.normalize.record import Plan

FORMATS = ("json", "csv")


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


def normalize_one(read: pipeline.Read, path: Path, options: pipeline.Options) -> Plan | Failed:
    """Runs in the parent, which has imported the normalize stage while the worker read."""
    return guarded(lambda: pipeline.plan_from(read, options), path)


def document_one(plan: Plan, path: Path) -> bytes | Failed:
    """The plan's JSON document, or why not (an invalid document is never written)."""
    from dhrplan.output.jsondoc import InvalidDocument, validated_json

    return guarded(lambda: validated_json(plan), path, (InvalidDocument,))


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
    from dhrplan.output.tables import all_warnings

    return Entry(
        str(item.path), item.source, sha, CONVERTED,
        recommendations=len(plan.recommendations), warnings=all_warnings(plan),
        outputs=outputs, settings=_settings(config),
    )


def _write_outputs(
    item: Input, plan: Plan, document: bytes, config: Config
) -> list[OutputFile]:
    """JSON then CSV, each atomically; if one cannot be written, none of them is left."""
    from dhrplan.output import csvfile
    from dhrplan.output.tables import SourcedPlan, recommendations_table

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
        # cores the files leave idle read the pages of the files there are
        page_workers = config.jobs // max(1, min(config.jobs, len(todo)))
        options = replace(config.options, page_workers=page_workers)
        for item, outcome in run_workers(todo, hashes, options, config.jobs, config.timeout):
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
            from dhrplan.combined import write_combined

            try:
                report.combined = write_combined(manifest, fresh, config.outdir, progress.say)
            except OSError as error:
                report.combine_error = one_line(f"cannot write the combined files: {error}")
                progress.say(f"dhrplan: {report.combine_error}")
    finally:
        progress.close()
        manifest.save(config.outdir)
    report.results = [results[k] for k in sorted(results)]
    return report
