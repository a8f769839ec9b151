"""ms per page for each PDF, same run: whole processes (`dhrplan convert` with the default and
the pdfium backend, and a bare pdfplumber `extract_tables()` script, so start-up and imports
are counted alike), then in-process work (dhrplan's reader with each backend, pdfplumber's
`extract_tables()`, camelot lattice).

    .venv/bin/python benchmarks/bench.py samples/*.pdf [--runs 3]
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
from datetime import date
from pathlib import Path


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def dhrplan_cli(pdf: Path, backend: str = "pdfplumber") -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "dhrplan", "convert", str(pdf), "-o", out,
             "--backend", backend],
            check=True, capture_output=True,
        )


PDFPLUMBER_SCRIPT = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as doc:
    for page in doc.pages:
        page.extract_tables()
        page.close()
"""


def pdfplumber_tables_process(pdf: Path) -> None:
    subprocess.run(
        [sys.executable, "-c", PDFPLUMBER_SCRIPT, str(pdf)], check=True, capture_output=True
    )


def dhrplan_reader(pdf: Path, backend: str = "pdfplumber", workers: int = 1) -> None:
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
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_sources()
    measures: list[tuple[str, Callable[[Path], object]]] = [
        ("dhrplan convert (subprocess)", dhrplan_cli),
        ("dhrplan convert --backend pdfium (subprocess)", lambda p: dhrplan_cli(p, "pdfium")),
        ("pdfplumber extract_tables (subprocess)", pdfplumber_tables_process),
        ("dhrplan read_pdf pdfplumber", dhrplan_reader),
        ("dhrplan read_pdf pdfplumber, pages in 2 processes",
         lambda p: dhrplan_reader(p, workers=2)),
        ("dhrplan read_pdf pdfium", lambda p: dhrplan_reader(p, "pdfium")),
        ("dhrplan read_pdf camelot", lambda p: dhrplan_reader(p, "camelot")),
        ("pdfplumber extract_tables", pdfplumber_tables),
        ("camelot lattice", camelot_lattice),
    ]
    print(f"{date.today()}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}")
    for pdf in args.pdfs:
        pages = page_count(pdf)
        dhrplan_reader(pdf)  # warm imports so the in-process numbers are per-file work
        dhrplan_reader(pdf, "pdfium")
        # runs interleave the measures, so that a busy moment of a shared machine slows
        # every measure of that run rather than one measure's every run
        times: dict[str, list[float]] = {name: [] for name, _ in measures}
        failed: dict[str, str] = {}
        for _ in range(args.runs):
            for name, fn in measures:
                if name in failed:
                    continue
                try:
                    times[name].append(median_seconds(lambda fn=fn, pdf=pdf: fn(pdf), 1))
                except Exception as exc:  # a missing optional backend should not hide the rest
                    failed[name] = f"{type(exc).__name__}: {exc}"
        print(f"{pdf.name}: {pages} pages, median of {args.runs} runs, ms per page")
        for name, _ in measures:
            if name in failed:
                print(f"  {name:52s} failed: {failed[name]}")
            else:
                print(f"  {name:52s} {1000 * statistics.median(times[name]) / pages:8.1f}")

if __name__ == "__main__":
    main()
