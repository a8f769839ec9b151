"""Camelot's lattice tables as our `Lattice`s.

Camelot finds ruling lines in a rendered image of the page, which also copes with borders
drawn as images or odd vector paths. Only its grid is used (column and row positions and
which cell sides have a ruling); the cell text is built from the same words as the default
backend, so paragraphs, bullets and bold are decided identically.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from dhrplan.extract.geometry import PageGeometry
from dhrplan.extract.grid import Lattice
from dhrplan.extract.model import ExtractError


def _camelot():
    try:
        import camelot
    except ImportError as exc:
        raise ExtractError(
            "the camelot backend needs: pip install 'dhrplan[camelot]'"
        ) from exc
    return camelot


MAX_RENDER_SIDE = 5_000.0
"""Points. Camelot renders each page as an image to find its rulings; the largest paper
size, A0, is 3,370 pt, while a 14,400 pt page took camelot past 6 GB."""


class CamelotLattices:
    """Callable finding the tables of one page with `camelot.read_pdf(flavor="lattice")`."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        self._camelot = _camelot()
        self._path = path
        self._password = password

    def __call__(self, geometry: PageGeometry) -> list[Lattice]:
        if max(geometry.width, geometry.height) > MAX_RENDER_SIDE:
            raise ExtractError(
                f"{self._path}: page {geometry.number} is {geometry.width:g} x "
                f"{geometry.height:g} pt, too large for the camelot backend to render "
                f"(limit {MAX_RENDER_SIDE:g} pt a side); try --backend pdfplumber"
            )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                tables = self._camelot.read_pdf(
                    str(self._path),
                    pages=str(geometry.number),
                    flavor="lattice",
                    password=self._password,
                    suppress_stdout=True,
                )
            except ExtractError:
                raise
            except Exception as exc:
                raise ExtractError(
                    f"{self._path}: camelot could not read page {geometry.number} "
                    f"({type(exc).__name__}: {exc})"
                ) from exc
        lattices = [to_lattice(table, geometry.height) for table in tables]
        found = [lat for lat in lattices if lat.n_rows * lat.n_cols >= 2]
        found.sort(key=lambda lat: (lat.ys[0], lat.xs[0]))
        return found


def to_lattice(table, page_height: float) -> Lattice:
    """Camelot's bottom-up PDF coordinates and per-cell border flags -> a top-down Lattice."""
    xs = [float(table.cols[0][0])] + [float(right) for _, right in table.cols]
    ys = [page_height - float(table.rows[0][0])] + [
        page_height - float(bottom) for _, bottom in table.rows
    ]
    cells = table.cells
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    v_walls = [
        [cells[r][i].left if i < n_cols else cells[r][n_cols - 1].right for i in range(n_cols + 1)]
        for r in range(n_rows)
    ]
    h_walls = [
        [cells[i][c].top if i < n_rows else cells[n_rows - 1][c].bottom for c in range(n_cols)]
        for i in range(n_rows + 1)
    ]
    return Lattice(xs, ys, v_walls, h_walls)
