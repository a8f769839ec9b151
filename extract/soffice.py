""".doc, .odt and .rtf plans: LibreOffice converts them to .docx in a temporary folder, and the
.docx reader reads that. Writing a reader for each of these formats would duplicate the .docx
one; LibreOffice's import of them is the reference councils' own PDFs come from.

The converted copy and LibreOffice's throwaway profile live in one temporary folder that is
removed whatever happens; the document keeps the original path and its own format name.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dhrplan.extract.docx import read_docx
from dhrplan.extract.model import Document, ExtractError

INSTALL_HINT = "install it so that soffice is on the PATH (e.g. apt-get install libreoffice-writer)"


@dataclass(frozen=True)
class SofficeSettings:
    timeout: float = 120.0
    """Seconds LibreOffice may take to convert one file. A plan takes a few seconds; its first
    start with a fresh profile about ten. A file that takes longer (or a password prompt
    LibreOffice cannot show) is given up."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(path: Path, folder: Path, settings: SofficeSettings = SofficeSettings()) -> Path:
    """`path` converted to a .docx inside `folder`."""
    program = soffice()
    if program is None:
        raise ExtractError(f"{path}: reading {path.suffix} files needs LibreOffice: {INSTALL_HINT}")
    if not path.stat().st_size:
        raise ExtractError(f"{path}: the file is empty")
    profile = folder / "profile"
    out = folder / "out"
    out.mkdir()
    # A copy with a plain name: LibreOffice names its output after the input, and reads
    # options out of some file names. A binary .doc named .docx is given its real suffix.
    suffix = path.suffix.lower()
    source = folder / f"plan{'.doc' if suffix == '.docx' else suffix}"
    shutil.copyfile(path, source)
    command = [
        program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=settings.timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ExtractError(
            f"{path}: LibreOffice did not convert it within {settings.timeout:.0f} s"
        ) from None
    converted = out / "plan.docx"
    if not converted.is_file():
        raise ExtractError(
            f"{path}: LibreOffice could not read it as a {path.suffix} document "
            "(damaged, password-protected or not that format)"
        )
    return converted


def read_office(path: Path, settings: SofficeSettings = SofficeSettings()) -> Document:
    with tempfile.TemporaryDirectory(prefix="dhrplan-soffice-") as folder:
        converted = to_docx(path, Path(folder), settings)
        try:
            document = read_docx(converted)
        except ExtractError as exc:
            raise ExtractError(str(exc).replace(str(converted), str(path))) from None
    document.path = path
    document.format = "docx"
    if path.suffix.lower() == ".docx":
        note = "an old binary Word (.doc) file named .docx, read through LibreOffice"
    else:
        note = f"read through LibreOffice's conversion of the {path.suffix} file"
    document.warnings.append(note)
    return document
