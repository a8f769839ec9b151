"""The worker pool: each input is read in its own process, so that a pathological file can be
killed at `--timeout` without holding the batch and no failure, however strange, stops the
other files.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import time
import warnings
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from dhrplan import pipeline
from dhrplan.inputs import Input
from dhrplan.outcomes import Converted, Failed, Outcome, guarded, one_line


def read_one(path: Path, options: pipeline.Options, sha256: str | None = None) -> Outcome:
    """Runs in the worker."""
    return guarded(lambda: Converted(pipeline.read_file(path, options, sha256)), path)


def _worker(conn: Connection, path: Path, options: pipeline.Options, sha256: str) -> None:
    """Runs in the child: Ctrl-C is the parent's to handle, and library chatter stays quiet."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "setpgid"):
        os.setpgid(0, 0)
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


def _warm_up(items: Sequence[Input], backend: str) -> None:
    """What the parent needs, and the PDF reader too if more workers will be forked from it."""
    import dhrplan.output.jsondoc

    dhrplan.output.jsondoc.prepare()
    later = {i.path.suffix.lower() for i in items[1:]}
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
    items: Sequence[Input],
    hashes: Mapping[Path, str],
    options: pipeline.Options,
    jobs: int,
    timeout: float | None,
) -> Iterator[tuple[Input, Outcome]]:
    """Outcomes in completion order, at most `jobs` worker processes alive at once, each killed
    after `timeout` seconds.

    `hashes` holds each input's SHA-256, computed once by the parent: workers do not hash."""
    ctx = _context()
    warmed = False
    pending = deque(items)
    running: dict[Connection, _Running] = {}
    try:
        while pending or running:
            while pending and len(running) < jobs:
                item = pending.popleft()
                receiver, sender = ctx.Pipe(duplex=False)
                sys.stdout.flush()
                sys.stderr.flush()
                process = ctx.Process(
                    target=_worker,
                    args=(sender, item.path, options, hashes[item.path]),
                    name=item.shown,
                )
                process.start()
                _own_group(process)
                sender.close()
                if not warmed:
                    # while the first worker reads its file, load what the parent and the
                    # workers forked after it need: they then share it instead of importing
                    warmed = True
                    _warm_up(items, options.backend)
                deadline = time.monotonic() + timeout if timeout else None
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
                    _kill(run.process)
                    run.process.join()
                    conn.close()
                    del running[conn]
                    yield run.item, Failed(f"timed out after {timeout:g} seconds")
    finally:
        for conn, run in running.items():
            _kill(run.process)
            run.process.join()
            conn.close()
