"""PDF action plans -> `Document`: per page, ruled tables as fragments and the text around
them as headings.

Pages are read one at a time and released, so memory stays flat with the page count; only
the small blocks are kept. Every failure of the PDF parser becomes an `ExtractError` naming
the file and the reason.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from dhrplan.extract.borderless import continue_at_top
from dhrplan.extract.columnbreaks import split_document_column_breaks
from dhrplan.extract.formats import BACKENDS, DEFAULT_BACKEND
from dhrplan.extract.geometry import GeometrySource, PageGeometry, PdfplumberSource
from dhrplan.extract.grid import GridSettings, Lattice, regrid_columns
from dhrplan.extract.model import Block, Document, ExtractError, Heading, Row, TableFragment
from dhrplan.extract.numbering import holds_recommendations
from dhrplan.extract.pagepool import PageCrashed, can_fork, map_pages
from dhrplan.extract.pdf_page import PageLayout, layout_page
from dhrplan.extract.pdfintegrity import check_pdf
from dhrplan.extract.running import running_key, running_threshold
from dhrplan.extract.textgrid import find_tables, wall_new_columns

LatticeFinder = Callable[[PageGeometry], list[Lattice]]


@dataclass(frozen=True)
class PagePoolSettings:
    """When a PDF's pages are worth reading in page processes. A page process costs CPU time
    of its own before it reads a page (fork, its own open file, the fonts parsed again), and
    on a machine whose cores other work keeps busy that time is taken from the others rather
    than found idle: so a process must take over enough pages that its start is at most
    about a tenth of their reading, and a short plan is read in one process."""

    pages_per_process: int = 4
    """Reading with pdfminer (pdfplumber, about 90 ms of CPU a page): a page process costs
    about 40 ms. On the 3-page sample, two page processes cost 85 ms more CPU than none and
    the run was slower, not faster, on a busy 2-CPU machine (median of 6); from 4 pages
    each the start is a tenth of the reading."""
    pdfium_pages_per_process: int = 8
    """Reading with PDFium, which reads a page in 15-35 ms, about what a page process costs
    to start: on the 12-page sample, two page processes read it in 110 ms a page against
    72 ms in one (a busy 2-CPU machine, median of 3); from 8 pages each, long plans still
    gain."""

    def per_process(self, backend: str) -> int:
        return self.pdfium_pages_per_process if backend == "pdfium" else self.pages_per_process


PAGE_POOL = PagePoolSettings()


def read_pdf(
    path: Path,
    *,
    backend: str = DEFAULT_BACKEND,
    password: str | None = None,
    max_pages: int | None = None,
    settings: GridSettings | None = None,
    workers: int = 1,
) -> Document:
    """`workers` > 1 reads the pages of a long PDF in up to that many processes at once
    (where fork is available); the document is the same either way."""
    path = Path(path)
    if backend not in BACKENDS:
        raise ExtractError(f"{path}: unknown PDF backend {backend!r} (use {' or '.join(BACKENDS)})")
    _check_header(path)
    structure = check_pdf(path, password, max_pages)
    source = _open(path, password, backend)
    try:
        if max_pages is not None and source.page_count > max_pages:
            raise ExtractError(
                f"{path}: {source.page_count} pages is more than the limit of {max_pages}"
            )
        settings = settings or GridSettings()
        workers = min(workers, source.page_count // PAGE_POOL.per_process(backend))
        # made here even when page processes make their own: a backend that cannot start
        # (camelot not installed) says so, rather than its page processes dying at start-up
        finder = _finder(backend, path, password, settings)
        if workers > 1 and can_fork():
            reader = partial(_page_reader, path, backend, password, settings)
            scans = _parallel(path, reader, source.page_count, workers)
        else:
            scans = map(partial(_scan, path, source, finder), range(1, source.page_count + 1))
        layouts, warnings, chars = _read_pages(scans)
    except BaseException:
        _close_quietly(source)
        raise
    source.close()
    if chars == 0:
        raise ExtractError(f"{path}: no text layer (a scanned PDF?); it needs OCR first")
    if not holds_recommendations(b for layout in layouts for b in layout.blocks):
        raise ExtractError(f"{path}: no action-plan table found")
    blocks = _drop_running_lines(layouts, source.page_count)
    split_document_column_breaks(blocks)
    return Document(
        path=path,
        format="pdf",
        page_count=source.page_count,
        blocks=blocks,
        warnings=structure.warnings + warnings,
    )


def _close_quietly(source: GeometrySource) -> None:
    """Closing after a failure must not replace the failure with its own error (pdfminer
    raises again on the damage it already reported)."""
    with contextlib.suppress(Exception):
        source.close()


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise ExtractError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if b"%PDF-" not in head:
        raise ExtractError(f"{path}: not a PDF file")


def _open(path: Path, password: str | None, backend: str = DEFAULT_BACKEND) -> GeometrySource:
    try:
        if backend == "pdfium":
            from dhrplan.extract.geometry_pdfium import PdfiumSource

            return PdfiumSource(path, password)
        return PdfplumberSource(path, password)
    except Exception as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        name = type(cause).__name__
        if "Password" in name:
            if password:
                raise ExtractError(f"{path}: PDF is encrypted and the password is wrong") from exc
            raise ExtractError(
                f"{path}: PDF is encrypted; pass its password with --password"
            ) from exc
        if "Encrypt" in name:
            raise ExtractError(f"{path}: PDF is encrypted in an unsupported way ({cause})") from exc
        raise ExtractError(f"{path}: corrupt or truncated PDF ({name})") from exc


def _finder(
    backend: str, path: Path, password: str | None, settings: GridSettings
) -> LatticeFinder:
    if backend == "camelot":
        from dhrplan.extract.camelot_backend import CamelotLattices

        return CamelotLattices(path, password)
    # fully ruled tables as find_lattices gives them; tables ruled between rows only are
    # completed from the words
    return lambda geometry: find_tables(geometry, settings)


PageScan = tuple[PageGeometry, list[Lattice]]


def _scan(path: Path, source: GeometrySource, finder: LatticeFinder, number: int) -> PageScan:
    """One page's geometry and tables: the slow part, independent of the other pages."""
    try:
        geometry = source.page(number)
        lattices = finder(geometry)
        if geometry.tagged:
            from dhrplan.extract.tagtables import follow_tags  # tagged pages only

            lattices, geometry.tag_tables_unfollowed = follow_tags(geometry, lattices)
        return geometry, lattices
    except ExtractError:
        raise
    except Exception as exc:
        raise ExtractError(
            f"{path}: corrupt PDF, page {number} cannot be read ({type(exc).__name__})"
        ) from exc


def _page_reader(
    path: Path, backend: str, password: str | None, settings: GridSettings
) -> Callable[[int], PageScan]:
    """Runs in each page process: its own open file, its own finder."""
    source = _open(path, password, backend)
    return partial(_scan, path, source, _finder(backend, path, password, settings))


def _parallel(
    path: Path, reader: Callable[[], Callable[[int], PageScan]], page_count: int, workers: int
) -> Iterator[PageScan]:
    try:
        yield from map_pages(reader, range(1, page_count + 1), workers)
    except PageCrashed as exc:
        raise ExtractError(f"{path}: a page reader stopped unexpectedly ({exc})") from exc


def carry_columns(
    lattices: list[Lattice], last_columns: list[float] | None,
    geometry: PageGeometry | None = None,
) -> list[float] | None:
    """A table's columns carry over to the next page (a continued table's first lattice is
    regridded to them; on a tagged page, `geometry`, one read from its tags is built again
    on them); returns the columns the page leaves for the next."""
    if lattices and last_columns is not None:
        if geometry is not None and lattices[0].from_tags:
            from dhrplan.extract.tagtables import continue_columns  # tagged pages only

            lattices[0] = continue_columns(geometry, lattices[0], last_columns)
        own = lattices[0].xs
        lattices[0] = regrid_columns(lattices[0], last_columns)
        if geometry is not None and lattices[0].xs is not own:
            lattices[0] = wall_new_columns(lattices[0], own, geometry.words)
    return lattices[-1].xs if lattices else last_columns


def page_scans(
    path: Path, backend: str = DEFAULT_BACKEND, password: str | None = None, last: int = 0,
    settings: GridSettings | None = None,
) -> Iterator[PageScan]:
    """Pages 1 to `last` (0: all) as `read_pdf` sees them, columns carried over, for a
    picture of what the reader decided (`dhrplan debug`). Call `read_pdf` first: it checks
    the file and turns every failure into one line."""
    source = _open(path, password, backend)
    try:
        finder = _finder(backend, path, password, settings or GridSettings())
        last_columns: list[float] | None = None
        for number in range(1, (last or source.page_count) + 1):
            geometry, lattices = _scan(path, source, finder, number)
            last_columns = carry_columns(lattices, last_columns, geometry)
            yield geometry, lattices
    finally:
        _close_quietly(source)


def _read_pages(scans: Iterable[PageScan]) -> tuple[list[PageLayout], list[str], int]:
    """Page by page in order: a table's columns carry over to the next page."""
    layouts: list[PageLayout] = []
    warnings: list[str] = []
    chars = 0
    blank_pages: list[int] = []
    tagged_pages: list[int] = []
    text_pages: list[int] = []
    untagged: dict[int, int] = {}
    disagreeing: dict[int, int] = {}
    unfollowed: dict[int, int] = {}
    inferred: dict[str, list[int]] = {}
    last_columns: list[float] | None = None
    last_row: int | None = None
    for geometry, lattices in scans:
        number = geometry.number
        chars += geometry.char_count
        if geometry.char_count == 0:
            blank_pages.append(number)
        lattices = continue_at_top(geometry, lattices, last_columns)
        last_columns = carry_columns(lattices, last_columns, geometry)
        for how in dict.fromkeys(lat.inferred for lat in lattices if lat.inferred):
            inferred.setdefault(how, []).append(number)
        layout = layout_page(geometry, lattices)
        last_row = _continued_rows(lattices, layout, last_row)
        if geometry.tagged:
            tagged_pages.append(number)
        if geometry.words:
            text_pages.append(number)
        if layout.untagged_cells:
            untagged[number] = layout.untagged_cells
        if layout.tag_cells_disagreeing:
            disagreeing[number] = layout.tag_cells_disagreeing
        if geometry.tag_tables_unfollowed:
            unfollowed[number] = geometry.tag_tables_unfollowed
        layouts.append(layout)
    bare = [n for n in text_pages if n not in tagged_pages]
    if tagged_pages and bare:
        warnings.append(
            "tagged PDF, but page(s) without tags: their paragraphs are read from the layout: "
            + ", ".join(map(str, bare))
        )
    if tagged_pages and untagged:
        warnings.append(
            "tagged PDF, but the tags of some cells are missing or disagree with the page; "
            "their paragraphs are read from the layout: "
            + ", ".join(f"page {page} ({n} cells)" for page, n in untagged.items())
        )
    if tagged_pages and disagreeing:
        warnings.append(
            "tagged PDF, but the table cells of its tags disagree with the page's grid; "
            "those cells' words are placed by the layout: "
            + ", ".join(f"page {page} ({n} cells)" for page, n in disagreeing.items())
        )
    if unfollowed:
        warnings.append(
            "tagged PDF, but the rows and cells of some tables' tags disagree with the page; "
            "those tables are read from the layout: "
            + ", ".join(f"page {page} ({n} tables)" for page, n in unfollowed.items())
        )
    warnings.extend(
        f"tables drawn without full ruling lines on page(s) {', '.join(map(str, pages))}: "
        f"{how}"
        for how, pages in inferred.items()
    )
    if chars and blank_pages:
        warnings.append(
            f"pages without a text layer (scanned?), their content is missing: "
            f"{', '.join(map(str, blank_pages))}"
        )
    return layouts, warnings, chars


def _continued_rows(
    lattices: list[Lattice], layout: PageLayout, last_row: int | None
) -> int | None:
    """Tagged tables: the page's first table's rows say whether they are the rest of the
    row the page before ended with (the same TR) or rows of their own (`Row.continues`);
    returns the TR the page ends with, for the next page (None where no tags tell)."""
    fragments = [b for b in layout.blocks if isinstance(b, TableFragment)]
    if lattices and fragments and lattices[0].row_keys is not None and last_row is not None:
        for row, key in zip(fragments[0].rows, lattices[0].row_keys, strict=False):
            if key is not None:
                row.continues = key == last_row
    if lattices and lattices[-1].row_keys:
        return lattices[-1].row_keys[-1]
    return None


def _row_key(row: Row) -> str:
    return running_key(" | ".join(c.text for c in row.cells if not c.empty))


def _drop_running_tables(layouts: list[PageLayout], page_count: int) -> None:
    """A table of one row at the top of most pages (a page header's table: the document's
    name, its version, "OFFICIAL") is furniture, not the plan's; where a page draws it right
    against the plan's table (under a short top margin, or the plan's header row repeated
    under it), the grid reads it as that table's first row, which is dropped too: otherwise
    it stands between the page's rows and the row the page break cut."""
    firsts = [
        b.rows[0] if isinstance(b := layout.blocks[0], TableFragment) and b.rows else None
        for layout in layouts if layout.blocks
    ]
    alone = {
        _row_key(layout.blocks[0].rows[0]) for layout in layouts
        if layout.blocks and isinstance(layout.blocks[0], TableFragment)
        and len(layout.blocks[0].rows) == 1
    }
    pages_with = Counter(_row_key(r) for r in firsts if r is not None)
    running = {k for k in alone if k and pages_with[k] >= running_threshold(page_count) > 1}
    for layout in layouts:
        first = layout.blocks[0] if layout.blocks else None
        if not isinstance(first, TableFragment) or not first.rows \
                or _row_key(first.rows[0]) not in running:
            continue
        if len(first.rows) == 1:
            layout.blocks.pop(0)
        else:
            layout.blocks[0] = TableFragment(first.rows[1:], first.page)


def _drop_running_lines(layouts: list[PageLayout], page_count: int) -> list[Block]:
    """All blocks, minus margin lines that repeat (digits aside) on most pages, and the
    tables of a page header (`_drop_running_tables`)."""
    def key(heading: Heading) -> str:
        return running_key(heading.text)

    if page_count > 1:
        _drop_running_tables(layouts, page_count)

    pages_with: Counter[str] = Counter()
    for layout in layouts:
        pages_with.update({key(h) for h in layout.margin_headings})
    threshold = running_threshold(page_count)
    running = {text for text, n in pages_with.items() if n >= threshold}
    blocks: list[Block] = []
    for layout in layouts:
        margin = {id(h) for h in layout.margin_headings if key(h) in running}
        blocks.extend(
            b for b in layout.blocks if not (isinstance(b, Heading) and id(b) in margin)
        )
    return blocks
