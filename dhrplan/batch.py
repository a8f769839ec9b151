"""Convert many inputs into one output folder: in parallel, incrementally, never half-written.

Each file is converted (hashed, parsed, normalized, validated and encoded: all the work that
hostile input can make slow or large) in its own worker process, so that `--timeout` and
`--max-memory` bound it and no failure, however strange, stops the other files. The parent
alone writes to the output folder, which it locks for the run; it records each finished file
in the manifest as it finishes, so a killed batch keeps its progress, and it removes the
temporary files an earlier killed run left.

The parts: inputs.py finds the files and names their outputs, workers.py runs the worker
processes, progress.py draws the bar, combined.py writes the `--combine` files; this module
decides what to skip, writes each plan's outputs and keeps the manifest.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dhrplan import __version__, pipeline
from dhrplan.inputs import Input, discover, held_names, name_outputs
from dhrplan.names import shown
from dhrplan.outcomes import Converted, Failed, Unchanged, one_line
from dhrplan.output.files import remove_stale_temporaries, write_bytes
from dhrplan.output.folderlock import FolderBusy, locked
from dhrplan.output.manifest import (
    CONVERTED,
    FAILED,
    SKIPPED,
    Entry,
    Manifest,
    OutputFile,
)
from dhrplan.progress import Progress
from dhrplan.workers import Job, Limits, run_workers

if TYPE_CHECKING:
    from dhrplan.normalize.record import Plan
    from dhrplan.output.copies import Copy

FORMATS = ("json", "csv")


class FolderError(Exception):
    """The output folder cannot take this run (in use by another run, not writable)."""


@dataclass(frozen=True)
class Config:
    """What a `convert` run was asked to do."""
    outdir: Path
    formats: tuple[str, ...] = FORMATS
    combine: bool = False
    jobs: int = 1
    force: bool = False
    options: pipeline.Options = pipeline.Options()
    timeout: float | None = None
    progress: bool = False
    max_memory: int | None = None
    """Bytes of address space per worker; None: no limit."""
    as_of: date | None = None
    """The day progress is judged on (None: today)."""
    published: date | None = None
    """The day relative target dates count from (`--published`)."""


@dataclass
class FileResult:
    """One input's line in the run's summary."""
    shown: str
    status: str
    recommendations: int = 0
    warnings: int = 0
    error: str | None = None
    details: tuple[str, ...] = ()
    """The warnings themselves, for --verbose."""


ResultShown = Callable[[FileResult, int], None]
"""Called as each file finishes, with the width of the longest name of the run."""


@dataclass
class Report:
    """What a run did, for the summary and the exit status."""
    results: list[FileResult] = field(default_factory=list)
    combined: list[Path] = field(default_factory=list)
    duplicates: list[Copy] = field(default_factory=list)
    renamed: list[Input] = field(default_factory=list)
    """Inputs whose output name took a number because another input holds the plain one."""
    overdue: str | None = None
    combine_error: str | None = None
    manifest_error: str | None = None

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == FAILED]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.combine_error or self.manifest_error else 0


def _settings(config: Config) -> dict[str, object]:
    return {
        "formats": sorted(config.formats),
        "backend": config.options.backend,
        "max_pages": config.options.max_pages,
        "published": str(config.options.published or ""),
        "dhrplan": __version__,
    }


def _write_outputs(
    item: Input, blobs: Sequence[tuple[str, bytes]], config: Config
) -> list[OutputFile]:
    """JSON then CSV, each atomically; if one cannot be written, none of them is left."""
    written: list[OutputFile] = []
    try:
        for suffix, data in blobs:
            relative = f"{item.stem}.{suffix}"
            write_bytes(config.outdir / relative, data)
            written.append(OutputFile(relative, hashlib.sha256(data).hexdigest()))
    except BaseException:
        _remove(written, config.outdir)
        raise
    return written


def _remove(outputs: Sequence[OutputFile], outdir: Path) -> None:
    for out in outputs:
        # in a folder made read-only the file stays, but the manifest no longer lists it
        with contextlib.suppress(OSError):
            (outdir / out.path).unlink(missing_ok=True)


def _remove_outputs(entry: Entry | None, outdir: Path) -> None:
    """A failed input keeps no earlier outputs that would look like its current result."""
    _remove(entry.outputs if entry else (), outdir)


def _remove_stale(previous: Entry, entry: Entry, outdir: Path) -> None:
    """Outputs an earlier run wrote for this input under another name (its folder gained a
    file with the same stem, a clash went away): no stale copy stays beside the new one,
    nor the review page of a JSON that is gone."""
    kept = {o.path for o in entry.outputs}
    stale = [o for o in previous.outputs if o.path not in kept]
    _remove(stale, outdir)
    for out in stale:
        if out.path.endswith(".json"):
            page = out.path.removesuffix(".json") + ".review.html"
            with contextlib.suppress(OSError):
                (outdir / page).unlink(missing_ok=True)


def _expected_outputs(item: Input, config: Config) -> set[str]:
    return {f"{item.stem}.{suffix}" for suffix in config.formats}


def _reusable(entry: Entry | None, item: Input, config: Config) -> bool:
    """The outputs the entry records are this input's, as these settings make them: if the
    file's hash is still the recorded one, the worker says so and nothing is redone."""
    return (
        not config.force
        and entry is not None
        and entry.ok
        and entry.sha256 is not None
        and entry.settings == _settings(config)
        and {o.path for o in entry.outputs} == _expected_outputs(item, config)
        and (not config.combine or entry.output(".json") is not None)
        and entry.outputs_intact(config.outdir)
    )


def _check_writable(outdir: Path) -> None:
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise FolderError("output folder is not writable")


def run(
    paths: Sequence[Path], config: Config, stderr: TextIO = sys.stderr,
    on_result: ResultShown | None = None,
) -> Report:
    """Convert `paths` into `config.outdir`; failures are reported on `stderr`, one line each.

    Raises `FolderError` when the folder is in use by another run or cannot be written."""
    config.outdir.mkdir(parents=True, exist_ok=True)
    _check_writable(config.outdir)
    try:
        with locked(config.outdir):
            return _run(paths, config, stderr, on_result)
    except FolderBusy as busy:
        raise FolderError(str(busy)) from None


def _run(
    paths: Sequence[Path], config: Config, stderr: TextIO, on_result: ResultShown | None
) -> Report:
    remove_stale_temporaries(config.outdir)
    found, rejected = discover(paths, config.outdir)
    manifest = Manifest.load(config.outdir)
    # an input that is gone (its folder moved or renamed) holds no name: its successor takes it
    inputs = name_outputs(found, held_names({k: [o.path for o in e.outputs]
                                             for k, e in manifest.entries.items()
                                             if e.ok and os.path.exists(k)}))
    report = Report(renamed=[i for i in inputs if i.clash is not None])
    progress = Progress(len(inputs) + len(rejected), stderr, config.progress)
    fresh: dict[str, Plan] = {}
    results: dict[str, FileResult] = {}
    width = max((len(i.shown) for i in (*inputs, *rejected)), default=0)

    def record(result: FileResult) -> None:
        results[result.shown] = result
        if on_result is not None:
            progress.clear()
            on_result(result, width)
            progress.redraw()

    def fail(name: str, reason: str) -> FileResult:
        progress.say(f"dhrplan: {name}: {reason}")
        return FileResult(name, FAILED, error=reason)

    def save() -> None:
        try:
            manifest.save(config.outdir)
        except OSError as error:
            if report.manifest_error is None:
                report.manifest_error = one_line(
                    f"cannot write the manifest: {error.strerror or error}"
                )
                progress.say(f"dhrplan: {shown(config.outdir)}: {report.manifest_error}")

    for bad in rejected:
        key = os.path.abspath(bad.path)
        _remove_outputs(manifest.entries.get(key), config.outdir)
        manifest.put(Entry(key, shown(bad.path.name), None, FAILED, error=bad.reason))
        record(fail(bad.shown, bad.reason))
        progress.step(bad.shown)

    jobs = []
    for item in inputs:
        previous = manifest.entries.get(str(item.path))
        reusable = previous is not None and _reusable(previous, item, config)
        jobs.append(Job(item, previous.sha256 if reusable and previous else None))

    try:
        # cores the files leave idle read the pages of the files there are
        page_workers = config.jobs // max(1, min(config.jobs, len(jobs)))
        options = replace(config.options, page_workers=page_workers)
        limits = Limits(config.timeout, config.max_memory)
        for job, outcome in run_workers(jobs, options, config.formats, config.jobs, limits):
            item = job.item
            key = str(item.path)
            previous = manifest.entries.get(key)
            if isinstance(outcome, Unchanged) and previous is not None:
                previous.status = SKIPPED
                entry = previous
                record(FileResult(
                    item.shown, SKIPPED, previous.recommendations, len(previous.warnings),
                    details=tuple(previous.warnings),
                ))
            else:
                entry = _finish(item, outcome, config, record, fail)
                if entry.status == FAILED:
                    _remove_outputs(previous, config.outdir)
                elif previous is not None:
                    _remove_stale(previous, entry, config.outdir)
                if entry.status == CONVERTED and isinstance(outcome, Converted):
                    fresh[key] = outcome.plan
            manifest.put(entry)
            save()
            progress.step(item.shown)
        if config.combine:
            from dhrplan.combined import write_combined
            from dhrplan.normalize.progress import Tracking

            tracking = Tracking(config.as_of or date.today(), config.published)
            try:
                combined = write_combined(
                    manifest, fresh, config.outdir, progress.say, tracking
                )
                report.combined = combined.paths
                report.duplicates = combined.duplicates
                report.overdue = combined.overdue
            except OSError as error:
                report.combine_error = one_line(
                    f"cannot write the combined files: {error.strerror or error}"
                )
                progress.say(f"dhrplan: {report.combine_error}")
    finally:
        progress.close()
        save()
    report.results = [results[k] for k in sorted(results)]
    return report


def _finish(item: Input, outcome: Converted | Unchanged | Failed, config: Config,
            record: Callable[[FileResult], None],
            fail: Callable[[str, str], FileResult]) -> Entry:
    """The manifest entry of a file its worker converted, or failed."""
    from dhrplan.output.tables import all_warnings

    key = str(item.path)
    if isinstance(outcome, Converted):
        try:
            outputs = _write_outputs(item, outcome.blobs, config)
        except OSError as error:
            outcome = Failed(one_line(f"cannot write output: {error.strerror or error}"),
                             outcome.sha256)
        else:
            plan = outcome.plan
            entry = Entry(
                key, item.source, outcome.sha256, CONVERTED,
                recommendations=len(plan.recommendations), warnings=all_warnings(plan),
                outputs=outputs, settings=_settings(config),
            )
            record(FileResult(
                item.shown, CONVERTED, entry.recommendations, len(entry.warnings),
                details=tuple(entry.warnings),
            ))
            return entry
    if isinstance(outcome, Unchanged):  # only asked for files with an entry
        outcome = Failed("internal error: unchanged file without a manifest entry")
    record(fail(item.shown, outcome.reason))
    return Entry(key, item.source, outcome.sha256, FAILED, error=outcome.reason)
