"""One input file to one validated `Plan`: read, stitch, normalize."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dhrplan.extract.formats import (
    DEFAULT_BACKEND,
    DOCX_SUFFIXES,
    HTML_SUFFIXES,
    OFFICE_SUFFIXES,
    PDF_SUFFIXES,
    TEXT_SUFFIXES,
)
from dhrplan.extract.model import Document, ExtractError
from dhrplan.names import printable
from dhrplan.output.files import sha256_file

if TYPE_CHECKING:
    from datetime import date

    from dhrplan.normalize.record import Plan

SUPPORTED_SUFFIXES = (
    PDF_SUFFIXES | TEXT_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES | OFFICE_SUFFIXES
)
SUPPORTED_LIST = ", ".join(sorted(SUPPORTED_SUFFIXES))
"""The suffixes as messages and help show them."""


@dataclass(frozen=True)
class Options:
    """How an input is read: the PDF backend and password, page limits, the publication day."""
    backend: str = DEFAULT_BACKEND
    password: str | None = None
    max_pages: int | None = None
    page_workers: int = 1
    """Processes reading one PDF's pages at once; output never depends on it."""
    published: date | None = None
    """`--published`: replaces the publication day the plan states (its `anchors`)."""


def read_document(path: Path, options: Options) -> Document:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from dhrplan.extract.pdf import read_pdf

        return read_pdf(
            path,
            backend=options.backend,
            password=options.password,
            max_pages=options.max_pages,
            workers=options.page_workers,
        )
    if suffix in TEXT_SUFFIXES:
        from dhrplan.extract.text import read_text

        return read_text(path)
    if suffix in DOCX_SUFFIXES:
        from dhrplan.extract.docx import read_docx

        return read_docx(path)
    if suffix in HTML_SUFFIXES:
        from dhrplan.extract.html import read_html

        return read_html(path)
    if suffix in OFFICE_SUFFIXES:
        from dhrplan.extract.soffice import read_office

        return read_office(path)
    raise ExtractError(
        f"{path}: unsupported file type '{suffix or path.name}' "
        f"(expected one of {SUPPORTED_LIST})"
    )


@dataclass(frozen=True)
class Read:
    """An input read into the document model, with the hash of the bytes it was read from."""

    document: Document
    sha256: str


def read_file(path: Path, options: Options = Options(), sha256: str | None = None) -> Read:
    """The extract stage alone: parsing untrusted files, the part a batch isolates.

    `sha256` is the hash of the file when the caller has computed it already (the batch does,
    to skip unchanged inputs); otherwise it is computed here, reading the file in blocks."""
    if not path.is_file():
        raise ExtractError(f"{path}: no such file")
    if sha256 is None:
        sha256 = sha256_file(path)
    return Read(read_document(path, options), sha256)


def plan_from(read: Read, options: Options = Options()) -> Plan:
    """The normalize stage: records from a read document."""
    from dhrplan.normalize.plan import build_plan

    backend = options.backend if read.document.format == "pdf" else None
    document = read.document
    if printable(document.path.name) != document.path.name:
        # a name that is not UTF-8 cannot be written in JSON (source, ids): its escaped form
        document = replace(document, path=document.path.with_name(printable(document.path.name)))
    plan = build_plan(document, read.sha256, backend)
    if options.published is not None:
        from dhrplan.normalize.anchordays import with_published

        plan.anchors = with_published(plan.anchors, options.published)
    if not plan.recommendations:
        # a table with no usable rows is no plan, as much as no table is
        raise ExtractError(f"{read.document.path}: no recommendations found in its tables")
    return plan


def convert_file(path: Path, options: Options = Options()) -> Plan:
    """Read one plan. Raises `ExtractError` with a one-line reason when it cannot."""
    return plan_from(read_file(path, options), options)


def preload(
    pdf: bool = True, text: bool = True, backend: str = DEFAULT_BACKEND, fallback: bool = True
) -> None:
    """Import the heavy modules now: a batch does it while its first worker reads, so that
    the parent can normalize and later workers, forked from it, share them; a worker, before
    its file. `fallback`: also pdfminer, which the PDFium reader needs only for the files its
    own object reader leaves to it (a batch pays for it once; one file only when it needs it)."""
    import dhrplan.normalize.plan  # noqa: F401

    if text:
        import dhrplan.extract.text  # noqa: F401
    if pdf:
        import dhrplan.extract.pdf  # noqa: F401

        if backend == "pdfium":
            import dhrplan.extract.geometry_pdfium

            dhrplan.extract.geometry_pdfium.preload(fallback)
        else:
            import pdfplumber  # noqa: F401
