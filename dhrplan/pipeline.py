"""One input file to one validated `Plan`: read, stitch, normalize."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dhrplan.normalize.record import Plan


@dataclass(frozen=True)
class Options:
    backend: str = "pdfplumber"
    password: str | None = None
    max_pages: int | None = None


def convert_file(path: Path, options: Options = Options()) -> Plan:
    """Read one plan. Raises `ExtractError` with a one-line reason when it cannot."""
    raise NotImplementedError
