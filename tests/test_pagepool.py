"""Pages read in parallel processes: same document as one process, in page order, failures
raised at their page, a crashed reader reported, not hung on."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from pdf_builders import table_pdf

from dhrplan.extract import pdf
from dhrplan.extract.model import ExtractError
from dhrplan.extract.pagepool import PageCrashed, can_fork, map_pages
from dhrplan.extract.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

pytestmark = pytest.mark.skipif(not can_fork(), reason="page processes need fork")


RENDEZVOUS: Path | None = None
"""A folder where each reader process leaves its pid (set by the test before forking)."""


def _pid_reader():
    """Reads a page once both processes are reading, so that on a busy machine the first
    one cannot take every page before the second asks for one (no failure of the pool)."""
    assert RENDEZVOUS is not None
    folder = RENDEZVOUS

    def read(number: int) -> tuple[int, int]:
        (folder / f"{os.getpid()}.reading").touch()
        for _ in range(3000):
            if len(list(folder.glob("*.reading"))) >= 2:
                break
            time.sleep(0.01)
        return number, os.getpid()

    return read


def test_results_in_page_order_from_other_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "RENDEZVOUS", tmp_path)
    results = list(map_pages(_pid_reader, range(1, 18), workers=2))
    assert [number for number, _ in results] == list(range(1, 18))
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids
    assert len(pids) == 2


def _failing_reader():
    def read(number: int) -> int:
        if number == 3:
            raise ValueError("page 3 is broken")
        return number

    return read


def test_a_page_error_is_raised_when_its_turn_comes():
    seen = []
    with pytest.raises(ValueError, match="page 3 is broken"):
        for number in map_pages(_failing_reader, range(1, 7), workers=2):
            seen.append(number)
    assert seen == [1, 2]


def _crashing_reader():
    def read(number: int) -> int:
        if number == 2:
            os._exit(3)
        return number

    return read


def test_a_crashed_reader_is_reported_not_waited_for():
    with pytest.raises(PageCrashed):
        list(map_pages(_crashing_reader, range(1, 5), workers=2))


@pytest.mark.parametrize("path", [
    ROOT / "samples" / "somerset-dhr-012-action-plan.pdf",
    ROOT / "samples" / "somerset-dhr-lily-action-plan.pdf",
    FIXTURES / "council-plan.pdf",
    FIXTURES / "council-plan-hrules.pdf",
    FIXTURES / "home-office-template.pdf",
], ids=lambda p: p.stem)
@pytest.mark.parametrize("backend", ["pdfplumber", "pdfium"])
def test_parallel_reading_gives_the_same_document(
    path: Path, backend: str, monkeypatch: pytest.MonkeyPatch
):
    pools = _count_pools(monkeypatch, pages_per_process=1)
    assert read_pdf(path, backend=backend, workers=2) == read_pdf(path, backend=backend)
    assert pools == [2]


def _count_pools(monkeypatch: pytest.MonkeyPatch, pages_per_process: int) -> list[int]:
    """The number of processes of each page pool `read_pdf` starts, every backend's page
    processes taking `pages_per_process` pages (0: the shipped settings)."""
    pools: list[int] = []

    def counted(open_reader, numbers, workers):
        pools.append(workers)
        return map_pages(open_reader, numbers, workers)

    monkeypatch.setattr(pdf, "map_pages", counted)
    if pages_per_process:
        every = pdf.PagePoolSettings(pages_per_process, pages_per_process)
        monkeypatch.setattr(pdf, "PAGE_POOL", every)
    return pools


@pytest.mark.parametrize(("backend", "pages", "pool"), [
    ("pdfplumber", 3, None),  # a short plan: page processes would cost more than they save
    ("pdfplumber", 8, 2),
    ("pdfium", 12, None),
    ("pdfium", 16, 2),
])
def test_page_processes_only_where_they_pay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str, pages: int, pool: int | None
):
    pools = _count_pools(monkeypatch, pages_per_process=0)  # the shipped thresholds
    path = table_pdf(tmp_path / "plan.pdf", pages)
    assert read_pdf(path, backend=backend, workers=2).page_count == pages
    assert pools == ([pool] if pool else [])


@pytest.mark.parametrize(("pages", "workers", "pool"), [
    (3, 2, None),  # a short PDF is read in one process
    (5, 2, None),
    (6, 2, 2),
    (6, 4, 2),
    (12, 4, 4),
    (12, 1, None),
])
def test_long_pdfs_get_page_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: int, workers: int, pool: int | None
):
    pools = _count_pools(monkeypatch, pages_per_process=3)
    path = table_pdf(tmp_path / "plan.pdf", pages)
    assert read_pdf(path, workers=workers).page_count == pages
    assert pools == ([pool] if pool else [])


def test_parallel_reading_keeps_the_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pools = _count_pools(monkeypatch, pages_per_process=1)
    path = table_pdf(tmp_path / "long.pdf", 3, encrypt="s3cret")
    with pytest.raises(ExtractError, match=r"long\.pdf.*encrypted.*--password"):
        read_pdf(path, workers=2)
    assert read_pdf(path, password="s3cret", workers=3) == read_pdf(path, password="s3cret")
    assert pools == [3]
