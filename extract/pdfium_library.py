"""PDFium's C functions as the PDFium reader calls them: pypdfium2's generated bindings
(`pypdfium2_raw`, which `pypdfium2.raw` re-exports), the library started once per process
with the configuration pypdfium2 starts it with, and the few document, page and text-page
calls the reader made through pypdfium2's objects, with the same checks and messages.

pypdfium2's object layer (its configuration, version, helper and finalizer modules) costs
about 6 ms to import, a fortieth of a 3-page plan's whole run, for four calls the reader
makes itself; the page images of `debug` and `review` still use it.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from pathlib import Path
from types import ModuleType


class PdfiumError(RuntimeError):
    """PDFium could not open the document or a page (pypdfium2's name, which `pdf._open`'s
    message shows, and its messages). `err_code`: FPDF_GetLastError's, for the document."""

    def __init__(self, message: str, err_code: int | None = None) -> None:
        super().__init__(message)
        self.err_code = err_code


ERRORS = {
    0: "Success",
    1: "Unknown error",
    2: "File access error",
    3: "Data format error",
    4: "Incorrect password error",
    5: "Unsupported security scheme error",
    6: "Page not found or content error",
}
"""FPDF_ERR_* as pypdfium2 words them (`internal.consts.ErrorToStr`)."""

FALLBACK_MEDIABOX = (0, 0, 612, 792)
"""pypdfium2's `get_mediabox()` for a page without one: US Letter."""


@cache
def bindings() -> ModuleType:
    """The bindings, PDFium started: by pypdfium2 when it is imported already (it starts the
    library on import), else here, as it does (a later import of pypdfium2 starting it again
    is a no-op in PDFium)."""
    import pypdfium2_raw as raw

    if "pypdfium2" not in sys.modules:
        config = raw.FPDF_LIBRARY_CONFIG(
            version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0
        )
        raw.FPDF_InitLibraryWithConfig(config)
    return raw


def open_document(path: Path, password: str | None):
    """FPDF_DOCUMENT of the file, as `pypdfium2.PdfDocument(path, password)` opens it."""
    raw = bindings()
    resolved = Path(path).expanduser().resolve()
    if not resolved.is_file():
        raise FileNotFoundError(resolved)
    name = (str(resolved) + "\x00").encode("utf-8", errors="surrogateescape")
    secret = (password + "\x00").encode("utf-8") if password is not None else None
    pdf = raw.FPDF_LoadDocument(name, secret)
    if raw.FPDF_GetPageCount(pdf) < 1:
        code = raw.FPDF_GetLastError()
        if pdf:
            raw.FPDF_CloseDocument(pdf)
        raise PdfiumError(
            f"Failed to load document (PDFium: {ERRORS.get(code, f'Unhandled constant {code}')}).",
            err_code=code,
        )
    return pdf


def load_page(pdf, index: int):
    page = bindings().FPDF_LoadPage(pdf, index)
    if not page:
        raise PdfiumError("Failed to load page.")
    return page


def load_textpage(page):
    textpage = bindings().FPDFText_LoadPage(page)
    if not textpage:
        raise PdfiumError("Failed to load text page.")
    return textpage


def char_count(textpage) -> int:
    count = bindings().FPDFText_CountChars(textpage)
    if count == -1:
        raise PdfiumError("Failed to get character count.")
    return count


def rotation(page) -> int:
    """Clockwise, in degrees."""
    quarter = bindings().FPDFPage_GetRotation(page)
    if quarter not in (0, 1, 2, 3):
        raise PdfiumError("Failed to get page rotation.")
    return quarter * 90


def mediabox(page) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not bindings().FPDFPage_GetMediaBox(page, left, bottom, right, top):
        return FALLBACK_MEDIABOX
    return left.value, bottom.value, right.value, top.value
