"""Bad inputs: one clear line each on stderr, no output for them, exit 1, good files converted.

Every bad file is built here from the real samples or with reportlab, never committed.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pdf_builders import image_only_pdf, text_only_pdf
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LILY_TXT = SAMPLES / "somerset-dhr-lily-action-plan.txt"
LILY_PDF = SAMPLES / "somerset-dhr-lily-action-plan.pdf"
PASSWORD = "pw"


def dhrplan(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dhrplan", *map(str, args)],
        capture_output=True, text=True, timeout=300,
    )


def _cell_markup(cell: str) -> str:
    """The sample's HTML cell as reportlab paragraph markup: one line per paragraph."""
    text = re.sub(r"</(p|li)>|<br\s*/?>", "\n", cell)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return "<br/>".join(html.escape(line.strip()) for line in text.split("\n") if line.strip())


def encrypted_plan_pdf(path: Path) -> None:
    """The Lily sample's action-plan table as a ruled PDF table, encrypted with PASSWORD."""
    style = getSampleStyleSheet()["BodyText"]
    lines = LILY_TXT.read_text("utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln.count("\t") == 7]
    header = rows[0]
    body = [r for r in rows if r != header and "Recommendation</b>" not in r[1]]
    table = Table(
        [[Paragraph(_cell_markup(c), style) for c in row] for row in [header, *body]],
        colWidths=[50, 160, 50, 170, 80, 110, 60, 100],
        repeatRows=1,
    )
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), encrypt=PASSWORD)
    doc.build([Paragraph("ACTION PLAN", style), table])


def zip_named_pdf(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("plan.txt", LILY_TXT.read_text("utf-8"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    pdf = LILY_PDF.read_bytes()
    (root / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (root / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    (root / "empty.pdf").write_bytes(b"")
    (root / "empty.txt").write_bytes(b"")
    (root / "random.txt").write_bytes(os.urandom(4000))
    zip_named_pdf(root / "archive.pdf")
    encrypted_plan_pdf(root / "encrypted.pdf")
    image_only_pdf(root / "scanned.pdf")
    text_only_pdf(root / "minutes.pdf")
    (root / "notes.docx").write_bytes(b"PK\x03\x04 not a plan")
    (root / "slides.pptx").write_bytes(b"PK\x03\x04 not a plan either")
    text = LILY_TXT.read_text("utf-8")
    (root / "windows-1252.txt").write_bytes(text.encode("cp1252", errors="replace"))
    (root / "good.txt").write_bytes(LILY_TXT.read_bytes())
    return root


EXPECTED_REASONS = {
    "truncated.pdf": r"corrupt|truncated",
    "corrupt.pdf": r"corrupt|truncated",
    "empty.pdf": r"empty|not a pdf",
    "empty.txt": r"empty",
    "random.txt": r"binary|not readable|not .*text",
    "archive.pdf": r"not a pdf",
    "encrypted.pdf": r"encrypted",
    "scanned.pdf": r"no text layer|scanned",
    "minutes.pdf": r"no action-plan table",
    "notes.docx": r"not a \.docx \(not a zip archive\)",
    "slides.pptx": r"unsupported file type",
}
GOOD = ("good.txt", "windows-1252.txt")


@pytest.fixture(scope="module")
def run(folder: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("out")
    names = sorted(EXPECTED_REASONS) + list(GOOD)
    before = {n: ((folder / n).read_bytes(), (folder / n).stat().st_mtime_ns) for n in names}
    done = dhrplan("convert", *(folder / n for n in names), "-o", out, "-j", "2", "--combine")
    after = {n: ((folder / n).read_bytes(), (folder / n).stat().st_mtime_ns) for n in names}
    assert after == before, "inputs must never be modified"
    return done, out


def test_exit_status_is_1_and_nothing_leaks(run) -> None:
    done, _ = run
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.parametrize("name", sorted(EXPECTED_REASONS))
def test_one_clear_line_per_bad_file(run, folder: Path, name: str) -> None:
    done, out = run
    lines = [ln for ln in done.stderr.splitlines() if f"{folder / name}:" in ln]
    assert len(lines) == 1, done.stderr
    reason = lines[0].split(f"{folder / name}: ", 1)[1]
    assert re.search(EXPECTED_REASONS[name], reason, re.IGNORECASE), reason
    assert not list(out.glob(f"{Path(name).stem}.*"))
    entry = next(
        e for e in json.loads((out / "manifest.json").read_text("utf-8"))["inputs"]
        if Path(e["path"]).name == name
    )
    assert entry["status"] == "failed" and entry["error"] == reason


def test_good_files_convert_including_windows_1252(run) -> None:
    done, out = run
    for name in GOOD:
        doc = json.loads((out / f"{Path(name).stem}.json").read_text("utf-8"))
        assert len(doc["recommendations"]) == 8
        assert (out / f"{Path(name).stem}.csv").is_file()
    cp1252 = json.loads((out / "windows-1252.json").read_text("utf-8"))
    assert "“What to do if it’s not Safeguarding”" in json.dumps(cp1252, ensure_ascii=False)
    assert len(done.stderr.strip().splitlines()) == len(EXPECTED_REASONS)


def test_combined_files_hold_only_the_good_plans(run) -> None:
    _, out = run
    rows = (out / "recommendations.csv").read_text("utf-8-sig")
    sources = {r["source_file"] for r in csv.DictReader(io.StringIO(rows))}
    assert "good.txt" in sources and "encrypted.pdf" not in rows
    # the Windows-1252 copy of the same plan is kept once, and the copies table says so
    with contextlib.closing(sqlite3.connect(out / "plans.sqlite")) as db:
        kept = dict(db.execute("SELECT source_file, kept_source FROM copies").fetchall())
    assert kept["windows-1252.txt"] == "good.txt" and "encrypted.pdf" not in kept


def test_encrypted_pdf_opens_with_its_password(folder: Path, tmp_path: Path) -> None:
    done = dhrplan("convert", folder / "encrypted.pdf", "-o", tmp_path, "--password", PASSWORD)
    assert done.returncode == 0, done.stderr
    doc = json.loads((tmp_path / "encrypted.json").read_text("utf-8"))
    assert len(doc["recommendations"]) == 8
    wrong = dhrplan("convert", folder / "encrypted.pdf", "-o", tmp_path / "x", "--password", "no")
    assert wrong.returncode == 1
    assert "password" in wrong.stderr and len(wrong.stderr.splitlines()) == 1


def test_a_folder_skips_unsupported_files_silently(folder: Path, tmp_path: Path) -> None:
    done = dhrplan("convert", folder, "-o", tmp_path, "-j", "2", "--format", "json")
    assert "slides.pptx" not in done.stderr
    assert done.returncode == 1
    assert (tmp_path / "good.json").is_file()


def test_missing_input_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    done = dhrplan("convert", missing, LILY_TXT, "-o", tmp_path / "out")
    assert done.returncode == 1
    assert done.stderr.strip() == f"dhrplan: {missing}: no such file or folder"
    assert (tmp_path / "out" / f"{LILY_TXT.name}.json").is_file()


def test_max_pages_is_passed_to_the_reader(tmp_path: Path) -> None:
    done = dhrplan("convert", LILY_PDF, "-o", tmp_path, "--max-pages", "1")
    assert done.returncode == 1
    assert "limit of 1" in done.stderr and len(done.stderr.splitlines()) == 1
    assert not (tmp_path / f"{LILY_PDF.stem}.json").exists()
