"""ms per page for each PDF, same run: whole processes first (`dhrplan convert` with the
default backend and with pdfplumber, and a bare pdfplumber `extract_tables()` script, so
start-up and imports are counted alike), wall time and CPU time (user + system, the process
and its children), with their peak memory and the ratios that matter, then in-process work
(dhrplan's reader with each backend, pdfplumber's `extract_tables()`, camelot lattice).

    .venv/bin/python benchmarks/bench.py samples/*.pdf [--long 50] [--runs 5]

Besides the PDFs named, it times a long plan it builds itself: the first PDF's pages repeated
to `--long` pages (its table runs on across every page, as a long plan's does).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

SLOW_PAGES = 20
"""camelot renders every page to an image (about half a second a page): on longer PDFs it is
left out so that a bench run stays a minute or two."""


@dataclass
class Run:
    seconds: float
    peak_kb: int
    """Peak resident memory of the process and the children it waited for."""
    cpu: float = 0.0
    """User + system seconds of the process and the children it waited for: on a machine
    other work keeps busy, wall time says as much about the others as about the command."""


LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
      os.waitstatus_to_exitcode(status))
"""
"""Runs a command and prints its wall time, CPU time, peak memory and exit code. A child's
peak memory (`ru_maxrss`) counts the memory of the process it was forked from, so the bench,
which has loaded every reader in-process, does not fork the measured command itself: this
small launcher does, from a fresh interpreter."""


def whole_process(argv: list[str]) -> Run:
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *argv], capture_output=True, text=True, check=True
    )
    seconds, cpu, peak_kb, code = done.stdout.split()[-4:]
    if int(code) != 0:
        raise RuntimeError(f"{argv[2:4]} exited {code}: {done.stderr.strip()[-200:]}")
    return Run(float(seconds), int(peak_kb), float(cpu))


def in_process(fn: Callable[[], object]) -> Run:
    start = time.perf_counter()
    fn()
    return Run(time.perf_counter() - start, 0)


def dhrplan_cli(pdf: Path, backend: str | None = None) -> Run:
    with tempfile.TemporaryDirectory() as out:
        extra = ["--backend", backend] if backend else []
        return whole_process(
            [sys.executable, "-m", "dhrplan", "convert", str(pdf), "-o", out, "--format",
             "json,csv", *extra]
        )


PDFPLUMBER_SCRIPT = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as doc:
    for page in doc.pages:
        page.extract_tables()
        page.close()
"""


def pdfplumber_tables_process(pdf: Path) -> Run:
    return whole_process([sys.executable, "-c", PDFPLUMBER_SCRIPT, str(pdf)])


def dhrplan_reader(pdf: Path, backend: str = "pdfium", workers: int = 1) -> None:
    from dhrplan.extract.pdf import read_pdf

    read_pdf(pdf, backend=backend, workers=workers)


def pdfplumber_tables(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            page.extract_tables()
            page.close()


def camelot_lattice(pdf: Path) -> None:
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        camelot.read_pdf(str(pdf), pages="all", flavor="lattice")


def compile_sources() -> None:
    """Byte-compile dhrplan's modules as pip does on install: an editable checkout run with
    PYTHONDONTWRITEBYTECODE (as CI machines often are) would otherwise compile every module
    on every run, and pdfplumber, installed by pip, would not."""
    import compileall

    root = Path(__file__).resolve().parent.parent
    for folder in ("dhrplan", "extract", "normalize", "output"):
        compileall.compile_dir(root / folder, quiet=1)


def page_count(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def long_plan(source: Path, pages: int, target: Path) -> Path:
    """`source`'s pages repeated until the PDF has `pages` pages."""
    import pypdfium2

    src = pypdfium2.PdfDocument(source)
    out = pypdfium2.PdfDocument.new()
    try:
        n = len(src)
        while len(out) < pages:
            take = min(n, pages - len(out))
            out.import_pages(src, list(range(take)))
        out.save(target)
    finally:
        out.close()
        src.close()
    return target


WHOLE = "whole process"
MEASURES: list[tuple[str, str, Callable[[Path], Run]]] = [
    (WHOLE, "dhrplan convert (default backend: pdfium)", dhrplan_cli),
    (WHOLE, "dhrplan convert --backend pdfplumber", lambda p: dhrplan_cli(p, "pdfplumber")),
    (WHOLE, "pdfplumber extract_tables()", pdfplumber_tables_process),
    ("in-process", "dhrplan reader (pdfium)", lambda p: in_process(lambda: dhrplan_reader(p))),
    ("in-process", "dhrplan reader (pdfium), -j 2 (page processes from 8 pages)",
     lambda p: in_process(lambda: dhrplan_reader(p, workers=2))),
    ("in-process", "dhrplan reader (pdfplumber)",
     lambda p: in_process(lambda: dhrplan_reader(p, "pdfplumber"))),
    ("in-process", "dhrplan reader (camelot)",
     lambda p: in_process(lambda: dhrplan_reader(p, "camelot"))),
    ("in-process", "pdfplumber extract_tables()",
     lambda p: in_process(lambda: pdfplumber_tables(p))),
    ("in-process", "camelot lattice", lambda p: in_process(lambda: camelot_lattice(p))),
]
RATIO = ("dhrplan convert (default backend: pdfium)", "pdfplumber extract_tables()")
FLOOR = 0.6
"""Issue 9's floor: dhrplan's whole process at most this share of pdfplumber's time a page."""


def bench(pdf: Path, runs: int) -> None:
    pages = page_count(pdf)
    dhrplan_reader(pdf)  # warm imports so the in-process numbers are per-file work
    dhrplan_reader(pdf, "pdfplumber")
    measures = [m for m in MEASURES if pages <= SLOW_PAGES or "camelot" not in m[1]]
    # runs interleave the measures, so that a busy moment of a shared machine slows every
    # measure of that run rather than one measure's every run
    results: dict[tuple[str, str], list[Run]] = {(kind, name): [] for kind, name, _ in measures}
    failed: dict[tuple[str, str], str] = {}
    for _ in range(runs):
        for kind, name, fn in measures:
            if (kind, name) in failed:
                continue
            try:
                results[kind, name].append(fn(pdf))
            except Exception as exc:  # a missing optional backend should not hide the rest
                failed[kind, name] = f"{type(exc).__name__}: {exc}"
    print(f"\n{pdf.name}: {pages} pages, median of {runs} runs, ms per page "
          "(whole processes: wall, then CPU)")
    per_page: dict[tuple[str, str], float] = {}
    cpu_per_page: dict[tuple[str, str], float] = {}
    for kind, name, _ in measures:
        label = f"  {kind + ',':14s} {name:46s}"
        if (kind, name) in failed:
            print(f"{label} failed: {failed[kind, name]}")
            continue
        found = results[kind, name]
        per_page[kind, name] = 1000 * statistics.median(r.seconds for r in found) / pages
        cpu = ""
        if kind == WHOLE:
            cpu_per_page[kind, name] = 1000 * statistics.median(r.cpu for r in found) / pages
            cpu = f"   CPU {cpu_per_page[kind, name]:8.1f}"
        peak = max(r.peak_kb for r in found)
        memory = f"   peak {peak / 1024:6.1f} MB" if peak else ""
        print(f"{label} {per_page[kind, name]:8.1f}{cpu}{memory}")
    ours, theirs = ((WHOLE, name) for name in RATIO)
    if ours in per_page and theirs in per_page:
        ratio = per_page[ours] / per_page[theirs]
        cpu_ratio = cpu_per_page[ours] / cpu_per_page[theirs]
        verdict = "meets" if ratio <= FLOOR else "misses"
        print(f"  whole process: dhrplan convert takes {ratio:.2f}x the wall time of "
              f"pdfplumber's bare extract_tables() ({1 / ratio:.2f}x its speed; {verdict} "
              f"the {FLOOR}x floor) and {cpu_ratio:.2f}x its CPU time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--long", type=int, default=50,
                        help="pages of the long plan built from the first PDF (0: none)")
    args = parser.parse_args()
    compile_sources()
    print(f"{date.today()}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {_load()}")
    with tempfile.TemporaryDirectory() as folder:
        pdfs = list(args.pdfs)
        if args.long:
            target = Path(folder) / f"{args.pdfs[0].stem}-x{args.long}pages.pdf"
            pdfs.append(long_plan(args.pdfs[0], args.long, target))
        for pdf in pdfs:
            bench(pdf, args.runs)
    print(f"\nafter the runs: {_load()}")


def _load() -> str:
    """How busy the machine was: other work slows wall time far more than CPU time."""
    if not hasattr(os, "getloadavg"):
        return "load average unknown"
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


if __name__ == "__main__":
    main()
