"""The worker pool: each input is converted in its own process, from hashing its bytes to
its validated, encoded outputs, so that `--timeout` and `--max-memory` bound all the work a
file causes, a pathological file can be killed without holding the batch, and no failure,
however strange, stops the other files. The parent only writes what the workers return.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from dhrplan import classcode, pipeline
from dhrplan.extract.pagepool import die_with_parent
from dhrplan.inputs import Input
from dhrplan.names import shown
from dhrplan.outcomes import OUT_OF_MEMORY, Converted, Failed, Outcome, Unchanged, guarded, one_line
from dhrplan.output.files import sha256_file


@dataclass(frozen=True)
class Limits:
    """What one file may cost. Without limits, one hostile file (a reference loop, a
    decompression bomb, a million-row table) holds the batch forever or takes the machine's
    memory; with them it fails alone, in one line."""

    timeout: float | None = None
    """Seconds for the whole file (hash, read, normalize, validate, encode); None: none."""
    memory: int | None = None
    """Bytes of memory per worker process; None: none."""


DEFAULT_TIMEOUT = 300.0
"""The command line's default `--timeout`: the 12-page sample converts in about a second,
and the slowest real plan seen (200 pages, camelot) in under a minute; five minutes only
ever stops a file that would never finish."""

MEMORY_SHARE = 0.5
"""The command line's default `--max-memory`: this share of the machine's physical memory,
divided between the `-j` workers (at least `MIN_MEMORY` each), so the workers together leave
half of it to the rest of the machine."""
MIN_MEMORY = 1 << 30
"""The least default: camelot converts the 12-page sample in 600 MB, the other backends in
100 MB; 1 GB leaves room."""
LEAST_MEMORY = 256 << 20
"""The least `--max-memory` accepted: below it a worker cannot start its helper threads."""
THREAD_DIED = 70


def default_memory(jobs: int) -> int | None:
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None
    return max(MIN_MEMORY, int(physical * MEMORY_SHARE) // max(1, jobs))


@dataclass(frozen=True)
class Job:
    """One input for a worker to convert."""
    item: Input
    unchanged_sha: str | None = None
    """The hash the manifest recorded, when the outputs made from it are intact: a file still
    of that hash is not converted again."""


def convert_one(job: Job, options: pipeline.Options, formats: Sequence[str]) -> Outcome:
    """Runs in the worker: hash, read, normalize, validate and encode one file."""
    path = job.item.path
    try:
        sha = sha256_file(path)
    except OSError as error:
        return Failed(shown(f"cannot read: {error.strerror or error}"))
    except MemoryError:
        return Failed(OUT_OF_MEMORY)
    if sha == job.unchanged_sha:
        return Unchanged(sha)
    outcome = guarded(lambda: _converted(job.item, sha, options, formats), path,
                      _expected_errors())
    return Failed(outcome.reason, sha) if isinstance(outcome, Failed) else outcome


def _expected_errors() -> tuple[type[Exception], ...]:
    from dhrplan.output.jsondoc import InvalidDocument

    return (InvalidDocument,)


def _converted(
    item: Input, sha: str, options: pipeline.Options, formats: Sequence[str]
) -> Converted:
    from dhrplan.output import csvfile
    from dhrplan.output.jsondoc import validated_json
    from dhrplan.output.tables import SourcedPlan, recommendations_table

    plan = pipeline.plan_from(pipeline.read_file(item.path, options, sha), options)
    blobs: list[tuple[str, bytes]] = []
    if "json" in formats:
        blobs.append(("json", validated_json(plan)))
    if "csv" in formats:
        table = recommendations_table([SourcedPlan(item.source, plan)])
        blobs.append(("csv", csvfile.encode(table)))
    return Converted(plan, sha, tuple(blobs))


def _limit_memory(limit: int | None) -> None:
    """RLIMIT_DATA where the kernel counts mappings in it (Linux 4.7 on): the memory a worker
    writes, not the address space it reserves (thread stacks, malloc arenas, OpenBLAS
    buffers), which grows with the machine's cores rather than with the file."""
    if limit is None:
        return
    import resource

    which = resource.RLIMIT_DATA if sys.platform.startswith("linux") else resource.RLIMIT_AS
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(which, (limit, limit))


def _worker(conn: Connection, job: Job, options: pipeline.Options, formats: Sequence[str],
            memory: int | None, parent: int) -> None:
    """Runs in the child: it dies with the parent, Ctrl-C is the parent's to handle, and
    library chatter stays quiet."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, signal.SIG_DFL)
    die_with_parent()
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the line above took effect
    if hasattr(os, "setpgid"):
        os.setpgid(0, 0)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    # a helper thread that dies (the page pool's, unable to start a thread under the memory
    # limit) would leave the worker waiting for it until the timeout: end the worker now
    threading.excepthook = lambda args: os._exit(THREAD_DIED)
    _limit_memory(memory)
    if job.unchanged_sha is None:  # (a file the manifest knows is most likely unchanged)
        _load_for(job.item.path, options.backend)
    outcome = convert_one(job, options, formats)
    try:
        conn.send(outcome)
    except MemoryError:
        conn.send(Failed(OUT_OF_MEMORY, getattr(outcome, "sha256", None)))
    except Exception as error:
        conn.send(Failed(one_line(f"internal error: cannot return result: {error}")))
    finally:
        conn.close()


def _load_for(path: Path, backend: str) -> None:
    """Import what converting `path` needs with the garbage collector paused, then freeze it:
    modules live as long as the worker, so collections walking them while they load (about
    5 ms of a short plan's run) free nothing. What fails to import here fails again, and is
    reported, in `convert_one`."""
    suffix = path.suffix.lower()
    gc.disable()
    try:
        with contextlib.suppress(Exception):
            pipeline.preload(
                pdf=suffix in pipeline.PDF_SUFFIXES,
                text=suffix in pipeline.TEXT_SUFFIXES,
                backend=backend,
                fallback=False,
            )
            import dhrplan.output.csvfile
            import dhrplan.output.jsondoc  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()
    classcode.save()  # a worker ends with os._exit, which runs no exit handler


def _context() -> BaseContext:
    """fork starts fastest; elsewhere fall back to spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@dataclass
class _Running:
    """A worker process and the job it converts."""
    job: Job
    process: BaseProcess
    deadline: float | None


def _died(process: BaseProcess, memory: int | None) -> Failed:
    code = process.exitcode
    hint = " (out of memory? see --max-memory)" if memory is not None else ""
    if code is not None and code < 0:
        return Failed(f"internal error: worker killed by signal {-code}{hint}")
    if code == THREAD_DIED:
        return Failed(f"internal error: a worker thread failed{hint}")
    return Failed(f"internal error: worker stopped without a result (exit code {code}){hint}")


def _parent_needs() -> None:
    """What the parent itself uses for every converted file (the record classes a result
    unpickles into, the warnings it counts), imported before the first fork so that the
    workers inherit it instead of importing it again each. With the garbage collector paused
    and what it loaded frozen after, as in `_load_for` (the fork would freeze it anyway)."""
    gc.disable()
    try:
        import dhrplan.normalize.record
        import dhrplan.output.tables  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()


def _warm_up(jobs: Sequence[Job], backend: str) -> None:
    """While the first worker reads, load what the workers forked after it need: they then
    share it instead of importing it each. With no file left to convert after the first it
    would be work done twice (the first worker imports it for itself), so none is done."""
    later = {j.item.path.suffix.lower() for j in jobs[1:] if j.unchanged_sha is None}
    if not later:
        return
    import dhrplan.output.jsondoc

    dhrplan.output.jsondoc.prepare()
    pipeline.preload(
        pdf=not later.isdisjoint(pipeline.PDF_SUFFIXES),
        text=not later.isdisjoint(pipeline.TEXT_SUFFIXES),
        backend=backend,
    )


def _own_group(process: BaseProcess) -> None:
    """The worker leads a process group of its own, so that killing the group also stops the
    page readers it may have forked (and Ctrl-C reaches the parent alone)."""
    if hasattr(os, "setpgid") and process.pid is not None:
        with contextlib.suppress(OSError):  # already exited, or already the leader
            os.setpgid(process.pid, process.pid)


def _kill(process: BaseProcess) -> None:
    if hasattr(os, "killpg") and process.pid is not None:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
    process.kill()


def run_workers(
    jobs: Sequence[Job],
    options: pipeline.Options,
    formats: Sequence[str],
    processes: int,
    limits: Limits,
) -> Iterator[tuple[Job, Outcome]]:
    """Outcomes in completion order, at most `processes` workers alive at once, each killed
    after `limits.timeout` seconds; every worker is killed when this generator is closed or
    interrupted."""
    ctx = _context()
    if any(job.unchanged_sha is None for job in jobs):
        _parent_needs()
    classcode.save()  # before the fork: else every worker would write what it inherits
    warmed = False
    pending = deque(jobs)
    running: dict[Connection, _Running] = {}
    timeout = limits.timeout
    try:
        while pending or running:
            while pending and len(running) < processes:
                job = pending.popleft()
                receiver, sender = ctx.Pipe(duplex=False)
                sys.stdout.flush()
                sys.stderr.flush()
                # what is alive now (the modules, mostly) lives as long as the processes: the
                # garbage collector of neither then walks it again, nor the child's writes to
                # its objects' headers copy the parent's pages, nor the parent's exit
                # (about 20 ms of a 3-page plan's run)
                gc.freeze()
                process = ctx.Process(
                    target=_worker,
                    args=(sender, job, options, tuple(formats), limits.memory, os.getpid()),
                    name=job.item.shown,
                )
                process.start()
                _own_group(process)
                sender.close()
                if not warmed:
                    # while the first worker reads its file, load what the workers forked
                    # after it need: they then share it instead of importing it
                    warmed = True
                    _warm_up(jobs, options.backend)
                deadline = time.monotonic() + timeout if timeout else None
                running[receiver] = _Running(job, process, deadline)
            deadlines = [r.deadline for r in running.values() if r.deadline is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            for conn in wait(list(running), wait_for):
                assert isinstance(conn, Connection)
                run = running.pop(conn)
                try:
                    outcome: Outcome = conn.recv()
                except (EOFError, OSError):
                    run.process.join()
                    outcome = _died(run.process, limits.memory)
                conn.close()
                run.process.join()
                yield run.job, outcome
            now = time.monotonic()
            for conn, run in list(running.items()):
                if run.deadline is not None and now >= run.deadline:
                    _kill(run.process)
                    run.process.join()
                    conn.close()
                    del running[conn]
                    yield run.job, Failed(f"timed out after {timeout:g} seconds")
    finally:
        for conn, run in running.items():
            _kill(run.process)
            run.process.join()
            conn.close()
