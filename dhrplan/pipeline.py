"""One input file to one validated `Plan`: read, stitch, normalize."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from dhrplan.extract.model import Document, ExtractError
from dhrplan.extract.text import TEXT_SUFFIXES, read_text
from dhrplan.normalize.record import Plan

PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES


@dataclass(frozen=True)
class Options:
    backend: str = "pdfplumber"
    password: str | None = None
    max_pages: int | None = None


def read_document(path: Path, options: Options) -> Document:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from dhrplan.extract.pdf import read_pdf

        return read_pdf(
            path, backend=options.backend, password=options.password, max_pages=options.max_pages
        )
    if suffix in TEXT_SUFFIXES:
        return read_text(path)
    raise ExtractError(
        f"{path}: unsupported file type '{suffix or path.name}' "
        f"(expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))})"
    )


def convert_file(path: Path, options: Options = Options()) -> Plan:
    """Read one plan. Raises `ExtractError` with a one-line reason when it cannot."""
    from dhrplan.normalize.plan import build_plan

    if not path.is_file():
        raise ExtractError(f"{path}: no such file")
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    document = read_document(path, options)
    backend = options.backend if document.format == "pdf" else None
    return build_plan(document, sha256, backend)


def preload(pdf: bool = True) -> None:
    """Import the heavy stages now, so that worker processes forked later share them."""
    import dhrplan.normalize.plan  # noqa: F401

    if pdf:
        import dhrplan.extract.pdf  # noqa: F401
