"""`pdfobjects` and `fontnames` read a plain PDF exactly as pdfminer does (every object, the
structure check's result, each page's font names and descents), and leave every other file
to pdfminer: the PDFium path gives the same records without importing it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import PSLiteral

from dhrplan.extract import fontnames, pdfintegrity, pdfobjects
from dhrplan.extract.geometry_pdfium import _FontDictionaries
from dhrplan.extract.model import ExtractError
from dhrplan.extract.textlines import pdfminer_module

ROOT = Path(__file__).resolve().parent.parent
PLAIN = [
    ROOT / "samples" / "somerset-dhr-lily-action-plan.pdf",  # LibreOffice, TrueType subsets
    ROOT / "samples" / "somerset-dhr-012-action-plan.pdf",
    ROOT / "tests" / "fixtures" / "council-plan-tagged.pdf",  # a structure tree
    ROOT / "tests" / "corpus" / "agency-column-outcomes.pdf",
]
LEFT_TO_PDFMINER = [
    ROOT / "tests" / "fixtures" / "council-plan-chromium.pdf",  # Type0 fonts
    ROOT / "tests" / "fixtures" / "council-plan-reportlab.pdf",  # ASCII85 character maps
]


def _shape(value: Any) -> Any:
    """A value of either parser in one comparable form (a stream without its end of line)."""
    if isinstance(value, PSLiteral | pdfobjects.Name):
        return ("name", value.name)
    if isinstance(value, PDFObjRef | pdfobjects.Ref):
        return ("ref", value.objid)
    if isinstance(value, PDFStream | pdfobjects.Stream):
        return ("stream", _shape(value.attrs), value.rawdata.rstrip(b"\r\n"))
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return (type(value).__name__, value)


@pytest.mark.parametrize("pdf", PLAIN, ids=lambda p: p.name)
def test_every_object_is_read_as_pdfminer_reads_it(pdf: Path) -> None:
    ours = pdfobjects.PdfObjects.open(pdf)
    with pdf.open("rb") as fh:
        theirs = PDFDocument(PDFParser(fh))
        assert _shape(ours.catalog) == _shape(theirs.catalog)
        assert len(ours.offsets) > 20
        for objid in ours.offsets:
            assert _shape(ours.getobj(objid)) == _shape(theirs.getobj(objid)), objid


def _pdfminer_fonts(pdf: Path) -> _FontDictionaries:
    fonts = _FontDictionaries.__new__(_FontDictionaries)
    fonts._path, fonts._password, fonts._fh, fonts._plain, fonts._next = pdf, None, None, None, 1
    fonts._open()
    return fonts


@pytest.mark.parametrize("pdf", PLAIN + LEFT_TO_PDFMINER, ids=lambda p: p.name)
def test_the_structure_and_fonts_are_pdfminers(pdf: Path, monkeypatch) -> None:
    plain = pdfintegrity._plain_structure(pdf, None, pdfintegrity.IntegritySettings())
    assert plain is not None
    with monkeypatch.context() as m:
        m.setattr(pdfintegrity, "_plain_structure", lambda *args: None)
        theirs = pdfintegrity.check_pdf(pdf)
    assert (plain.page_count, plain.warnings) == (theirs.page_count, theirs.warnings)

    ours, reference = _FontDictionaries(pdf, None), _pdfminer_fonts(pdf)
    read_plain = ours._plain is not None
    for number in range(1, len(pdfium.PdfDocument(pdf)) + 1):
        assert ours.page(number) == reference.page(number), number
    assert (ours._plain is not None) == (pdf in PLAIN)  # the others were handed to pdfminer
    assert read_plain  # both kinds start plain; Type0 fonts and ASCII85 maps are left
    ours.close()
    reference.close()


def _outcome(pdf: Path) -> object:
    try:
        found = pdfintegrity.check_pdf(pdf)
    except ExtractError as exc:
        return str(exc)
    return found.page_count, found.warnings


def test_a_table_that_points_elsewhere_is_left_to_pdfminer(tmp_path: Path, monkeypatch) -> None:
    data = PLAIN[0].read_bytes()
    at = data.index(b"/Type", 200)
    shifted = tmp_path / "shifted.pdf"
    shifted.write_bytes(data[:at] + data[at + 1:])  # every later offset is one byte late
    with pytest.raises(pdfobjects.Unsupported):
        doc = pdfobjects.PdfObjects.open(shifted)
        for objid in doc.offsets:
            doc.getobj(objid)
    found = _outcome(shifted)
    monkeypatch.setattr(pdfintegrity, "_plain_structure", lambda *args: None)
    assert found == _outcome(shifted)


def test_damage_is_named_by_pdfminers_walk(tmp_path: Path) -> None:
    data = bytearray(PLAIN[0].read_bytes())
    start = data.index(b"stream\n", data.index(b"/FlateDecode")) + 7
    data[start + 40] ^= 0xFF
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(data))
    assert pdfintegrity._plain_structure(damaged, None, pdfintegrity.IntegritySettings()) is None
    with pytest.raises(ExtractError, match="damaged PDF"):
        pdfintegrity.check_pdf(damaged)


def test_an_untagged_standard_name_takes_pdfminers_metrics() -> None:
    metrics = pdfminer_module("fontmetrics")
    assert metrics is not None
    assert fontnames._standard_metrics() is not None
    assert {"Helvetica", "Arial,Bold", "TimesNewRoman"} <= set(fontnames._standard_metrics())
    assert all("+" not in name for name in metrics.FONT_METRICS)  # never a subset's tag
