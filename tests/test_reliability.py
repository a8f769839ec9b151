"""Hostile input and faults: no silent loss, no hang, bounded memory (issue 10).

Every case is a small generated input or a fault injected into a real run; the cases that
would take gigabytes run under a memory limit, so the module is safe on a small CI machine.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from dhrplan.cli import main
from dhrplan.output.manifest import FILENAME

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LILY_PDF = SAMPLES / "somerset-dhr-lily-action-plan.pdf"
LILY_TXT = SAMPLES / "somerset-dhr-lily-action-plan.txt"
CASE_012 = SAMPLES / "somerset-dhr-012-action-plan.txt"
BACKENDS = ("pdfplumber", "pdfium")


def copy(sample: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or sample.name)
    shutil.copy(sample, target)
    return target


def manifest(out: Path) -> list[dict]:
    return json.loads((out / FILENAME).read_text("utf-8"))["inputs"]


def run_cli(*args: str | Path, timeout: float = 60, env: dict | None = None,
            preexec=None) -> subprocess.CompletedProcess[str]:
    """dhrplan in a process of its own, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "dhrplan", *map(str, args)],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
        env={**os.environ, **(env or {})}, preexec_fn=preexec,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr, result.stderr


def raw_pdf(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A PDF written object by object, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets.get(number, 0)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def stream(data: bytes, compress: bool = True) -> bytes:
    body = zlib.compress(data) if compress else data
    flate = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(body), flate) + body + b"\nendstream"


PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (Recommendation) Tj ET"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(page: bytes, extra: dict[int, bytes] | None = None) -> bytes:
    return raw_pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: page,
        4: stream(PAGE_TEXT),
        5: FONT,
        **(extra or {}),
    })


# --- silent loss ---------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_content_stream_that_does_not_decode_fails_the_file(
    tmp_path: Path, backend: str, capsys
) -> None:
    """One flipped bit in page 2's content stream still inflates (only the checksum tells),
    and used to merge two recommendations without a word."""
    data = bytearray(LILY_PDF.read_bytes())
    data[5818] ^= 0x10
    bad = tmp_path / "in" / "lily.pdf"
    bad.parent.mkdir()
    bad.write_bytes(bytes(data))
    out = tmp_path / "out"
    assert main(["convert", str(bad), "-o", str(out), "--backend", backend]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (f"dhrplan: {bad}: damaged PDF: page 2: its content stream fails its "
                    "checksum (its text was changed)")
    assert sorted(p.name for p in out.iterdir()) == [FILENAME]


def test_a_truncated_content_stream_fails_the_file(tmp_path: Path, capsys) -> None:
    cut = zlib.compress(PAGE_TEXT * 50)[:-30]
    pdf = tmp_path / "cut.pdf"
    pdf.write_bytes(one_page(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        {4: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(cut) + cut
            + b"\nendstream"},
    ))
    assert main(["convert", str(pdf), "-o", str(tmp_path / "out")]) == 1
    assert "damaged PDF: page 1: its content stream is cut short" in capsys.readouterr().err


def test_a_damaged_image_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    from dhrplan.extract.pdfintegrity import check_pdf

    image = zlib.compress(b"\xff" * 3000)
    broken = image[:20] + bytes([image[20] ^ 0xFF]) + image[21:]
    pdf = tmp_path / "image.pdf"
    pdf.write_bytes(one_page(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        {6: b"<< /Type /XObject /Subtype /Image /Width 10 /Height 100 /BitsPerComponent 8 "
            b"/ColorSpace /DeviceRGB /Length %d /Filter /FlateDecode >>\nstream\n"
            % len(broken) + broken + b"\nendstream"},
    ))
    structure = check_pdf(pdf)
    assert structure.page_count == 1
    assert structure.warnings == [
        "damaged PDF: images on page(s) 1 do not decode; the text does not depend on them"
    ]
