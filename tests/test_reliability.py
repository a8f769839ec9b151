"""Hostile input and faults: no silent loss, no hang, bounded memory (issue 10).

Every case is a small generated input or a fault injected into a real run; the cases that
would take gigabytes run under a memory limit, so the module is safe on a small CI machine.
"""

from __future__ import annotations

import io
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
                    "checksum (its bytes were changed)")
    assert sorted(p.name for p in out.iterdir()) == [FILENAME]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_damaged_or_missing_font_fails_the_file(tmp_path: Path, backend: str) -> None:
    """PDFium reads glyph widths and characters from the embedded font: one changed byte in
    it changed the text of 60 in 150 mutated copies of the Lily plan, without a word."""
    font = bytearray(LILY_PDF.read_bytes())
    font[12098] ^= 0x10
    missing = bytearray(LILY_PDF.read_bytes())
    at = missing.index(b"19 0 obj")
    missing[at + 1] = ord(":")  # object 19, a character map, is no longer in the file
    for name, data in (("font.pdf", font), ("missing.pdf", missing)):
        (tmp_path / name).write_bytes(bytes(data))
    result = run_cli("convert", tmp_path / "font.pdf", tmp_path / "missing.pdf",
                     "-o", tmp_path / "out", "--backend", backend)
    assert result.returncode == 1
    # each failure is said as its worker ends: two workers may end in either order
    assert sorted(result.stderr.splitlines()) == [
        f"dhrplan: {tmp_path / 'font.pdf'}: damaged PDF: pages 1, 2, 3: on page 1, an embedded "
        "font fails its checksum (its bytes were changed)",
        f"dhrplan: {tmp_path / 'missing.pdf'}: damaged PDF: pages 1, 2, 3: on page 1, a font's "
        "character map is missing (object 19 is not in the file)",
    ]


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


def test_output_names_are_unique_by_construction(tmp_path: Path) -> None:
    """`a.txt` and `a.txt.md` both used to write `a.txt.json`, one plan silently lost."""
    folder = tmp_path / "in"
    for name in ("a.txt", "a.md", "a.txt.md"):
        copy(LILY_TXT, folder, name)
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", str(out), "-j", "2"]) == 0
    entries = manifest(out)
    assert len(entries) == 3
    jsons = sorted(o["path"] for e in entries for o in e["outputs"] if o["path"].endswith("json"))
    assert jsons == ["a.md.json", "a.txt.json", "a.txt.md.json"]


def test_a_second_run_into_a_busy_folder_is_refused(tmp_path: Path) -> None:
    from dhrplan.output.folderlock import locked

    out = tmp_path / "out"
    out.mkdir()
    with locked(out):
        result = run_cli("convert", LILY_TXT, "-o", out)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"dhrplan: {out}: another dhrplan run is writing to this output folder; "
        "run again when it has finished"
    )
    assert list(out.iterdir()) == []
    assert run_cli("convert", LILY_TXT, "-o", out).returncode == 0


def deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """What a folder without read permission does, also when the tests run as root (whom
    chmod does not stop)."""
    real_scandir, real_access = os.scandir, os.access

    def scandir(path="."):
        if Path(path) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def access(path, mode, **kwargs):
        if Path(path) == denied and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", access)


def test_an_unreadable_subfolder_fails_its_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    folder = tmp_path / "in"
    copy(LILY_TXT, folder)
    copy(CASE_012, folder / "locked")
    deny(monkeypatch, folder / "locked")
    assert main(["convert", str(folder), "-o", str(tmp_path / "out")]) == 1
    out, err = capsys.readouterr()
    assert err.strip() == f"dhrplan: {folder / 'locked'}: cannot read folder: Permission denied"
    assert "1 converted" in out and "1 failed" in out


def test_a_read_only_output_folder_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(LILY_TXT), "-o", str(out)]) == 0
    capsys.readouterr()
    deny(monkeypatch, out)
    for extra in ([], ["--force"]):
        assert main(["convert", str(LILY_TXT), "-o", str(out), *extra]) == 1
        assert capsys.readouterr().err.strip() == f"dhrplan: {out}: output folder is not writable"


def test_a_killed_batch_keeps_its_progress_and_temporaries_are_cleaned(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    copy(LILY_TXT, folder)
    (folder / "z-slow.txt").write_text(  # a file that takes long to read
        LILY_TXT.read_text("utf-8") + "\n" + "| x | y |\n|---|---|\n"
        + "| 1 | Dec 2024 |\n" * 400_000
    )
    out.mkdir()
    stale = out / ".plan.json.0123abcd.tmp"
    stale.write_text("left by a killed run")
    process = subprocess.Popen(
        [sys.executable, "-m", "dhrplan", "convert", str(folder), "-o", str(out), "-j", "1"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (out / FILENAME).exists():
        time.sleep(0.1)
    process.kill()
    process.wait()
    entries = manifest(out)
    assert [e["source"] for e in entries] == [LILY_TXT.name]  # the first file was kept
    assert not stale.exists()
    time.sleep(0.5)  # the orphaned worker dies with its parent
    assert subprocess.run(["pgrep", "-f", str(folder)], capture_output=True).returncode == 1


# --- hangs and unbounded cost --------------------------------------------------------------


def target_date_plan(cell: str) -> str:
    header = "| No. | Recommendation | Action | Lead | Target date |\n|---|---|---|---|---|\n"
    return header + f"| 1 | Review the training | Deliver it | Police | {cell} |\n"


def test_the_timeout_covers_normalizing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys) -> None:
    """The parent used to normalize outside the timeout: a slow step there held the batch."""
    from dhrplan import pipeline

    real = pipeline.plan_from

    def slow(read, options):
        time.sleep(30)
        return real(read, options)

    monkeypatch.setattr(pipeline, "plan_from", slow)
    started = time.monotonic()
    assert main(["convert", str(LILY_TXT), "-o", str(tmp_path / "out"), "--timeout", "1"]) == 1
    assert time.monotonic() - started < 10
    assert "timed out after 1 seconds" in capsys.readouterr().err


def test_a_huge_cell_and_a_long_table_convert_in_seconds(tmp_path: Path) -> None:
    cell = tmp_path / "cell.md"
    cell.write_text(target_date_plan("Dec 2022 " * 12_000))
    rows = tmp_path / "rows.md"
    rows.write_text(target_date_plan("Dec 2024") + "| | more | more | | |\n" * 5_000)
    started = time.monotonic()
    result = run_cli("convert", cell, rows, "-o", tmp_path / "out", "-j", "2")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_only_regular_files_are_inputs(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "in"
    copy(LILY_TXT, folder)
    odd = folder / "odd.txt"
    if kind == "fifo":
        os.mkfifo(odd)
    else:
        odd.symlink_to("/dev/zero")
    result = run_cli("convert", folder, "-o", tmp_path / "out", timeout=30)
    no_traceback(result)
    assert result.returncode == 1
    assert f"dhrplan: {odd}: not a regular file" in result.stderr
    assert "1 converted" in result.stdout


def test_a_decompression_bomb_is_refused(tmp_path: Path) -> None:
    bomb = zlib.compress(b" " * (300 << 20), 9)  # 300 MB of spaces in 300 KB
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(one_page(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        {4: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb
            + b"\nendstream"},
    ))
    result = run_cli("convert", pdf, "-o", tmp_path / "out", "--max-memory", "1024")
    no_traceback(result)
    assert result.returncode == 1
    assert "damaged PDF: page 1: its content stream inflates past the limit of 256 MB" \
        in result.stderr


def test_a_worker_over_its_memory_limit_fails_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from dhrplan import pipeline

    real = pipeline.read_file

    def greedy(path, options, sha256=None):
        if path.name.startswith("greedy"):
            _ = bytearray(2 << 30)
        return real(path, options, sha256)

    monkeypatch.setattr(pipeline, "read_file", greedy)
    folder = tmp_path / "in"
    copy(LILY_TXT, folder)
    copy(LILY_TXT, folder, "greedy.txt")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", str(out), "--max-memory", "1024"]) == 1
    err = capsys.readouterr().err
    assert "greedy.txt: out of memory: the file needs more than the --max-memory limit" in err
    assert {e["status"] for e in manifest(out)} == {"converted", "failed"}


def test_rowspan_bombs_are_refused_in_one_line(tmp_path: Path) -> None:
    row = "<tr>" + '<td rowspan=999999 colspan=64>x</td>' * 3 + "</tr>\n"
    export = tmp_path / "bomb.md"
    export.write_text("<table>\n" + row * 1500 + "</table>\n")
    result = run_cli("convert", export, "-o", tmp_path / "out", "--max-memory", "1024")
    no_traceback(result)
    assert result.returncode == 1
    assert "an HTML table wider than 64 columns, larger than any action plan" in result.stderr


def test_a_huge_unclosed_html_table_is_refused_at_once(tmp_path: Path) -> None:
    export = tmp_path / "unclosed.md"
    export.write_text("<table><tr><th>No.</th><th>Recommendation</th><th>Action</th></tr>"
                      + "<tr><td>1</td><td>x</td><td>y</td>" * 300_000)
    started = time.monotonic()
    result = run_cli("convert", export, "-o", tmp_path / "out")
    assert time.monotonic() - started < 20
    assert result.returncode == 1
    assert "an HTML table of more than 500,000 cells, larger than any action plan" \
        in result.stderr


def test_a_reference_loop_fails_at_once(tmp_path: Path) -> None:
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(one_page(
        b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        {6: b"6 0 R"},
    ))
    for backend in BACKENDS:
        result = run_cli("convert", pdf, "-o", tmp_path / "out", "--backend", backend,
                         timeout=20)
        assert result.returncode == 1
        assert "damaged PDF: reference loop at object 6" in result.stderr


def test_there_is_a_default_timeout() -> None:
    from dhrplan.cli import build_parser

    args = build_parser().parse_args(["convert", "x", "-o", "y"])
    assert args.timeout == 300
    assert build_parser().parse_args(["convert", "x", "-o", "y", "--timeout", "0"]).timeout == 0


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_that_ends_the_parent_ends_its_workers(tmp_path: Path, stop: int) -> None:
    slow = tmp_path / "in" / "slow-plan.txt"
    slow.parent.mkdir()
    slow.write_text(target_date_plan("Dec 2024") + "| | more | more | | |\n" * 300_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "dhrplan", "convert", str(slow), "-o", str(tmp_path / "out")],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(2)
    process.send_signal(stop)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 128 + stop
    assert err.strip().endswith(f"dhrplan: stopped by {signal.Signals(stop).name}")
    time.sleep(0.5)
    assert subprocess.run(["pgrep", "-f", str(slow)], capture_output=True).returncode == 1


def test_max_pages_refuses_from_the_page_count(tmp_path: Path) -> None:
    kids = b" ".join(b"3 0 R" for _ in range(100_000))
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(raw_pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + kids + b"] /Count 100000 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: stream(PAGE_TEXT),
        5: FONT,
    }))
    started = time.monotonic()
    result = run_cli("convert", pdf, "-o", tmp_path / "out", "--max-pages", "10")
    assert time.monotonic() - started < 8
    assert result.returncode == 1
    assert "100000 pages is more than the limit of 10" in result.stderr


# --- whole-batch aborts ----------------------------------------------------------------------


def test_a_symlink_loop_fails_one_entry(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    copy(LILY_TXT, folder)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    result = run_cli("convert", folder, "-o", tmp_path / "out")
    no_traceback(result)
    assert result.returncode == 1
    assert f"dhrplan: {folder / 'loop.txt'}: symbolic link loop" in result.stderr
    assert "1 converted" in result.stdout


def test_names_that_are_not_utf8_or_hold_controls_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(b"plan-\xff.txt")
    shutil.copy(LILY_TXT, folder / odd)
    (folder / "bad\n\x1b[31mname.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run_cli("convert", folder, "-o", out, "--combine")
    no_traceback(result)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"dhrplan: {folder}/bad\\n\\x1b[31mname.txt: the file is empty"
    ]
    assert "plan-\\xff.txt" in result.stdout
    entries = {e["source"]: e for e in manifest(out)}
    assert entries["plan-\\xff.txt"]["status"] == "converted"
    document = json.loads((out / os.fsdecode(b"plan-\xff.json")).read_text("utf-8"))
    assert document["source"]["file"] == "plan-\\xff.txt"
    assert main(["convert", str(folder), "-o", str(out)]) == 1  # the manifest reads back


def test_a_full_disk_loses_nothing_and_says_so(tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes every write past 20 KB fail as a full disk would."""
    import resource

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    out = tmp_path / "out"
    result = run_cli("convert", CASE_012, LILY_TXT, "-o", out, "--combine", preexec=small_disk)
    no_traceback(result)
    assert result.returncode == 1
    assert "cannot write output: File too large" in result.stderr
    assert "2 files:" in result.stdout  # the summary is printed
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_ctrl_c_during_the_workbook_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from dhrplan.output import xlsx

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(xlsx, "build", interrupted)
    out = tmp_path / "out"
    assert main(["convert", str(LILY_TXT), "-o", str(out), "--combine"]) == 130
    assert capsys.readouterr().err.strip() == "dhrplan: interrupted"
    assert not (out / "plans.xlsx").exists()
    assert [e["status"] for e in manifest(out)] == ["converted"]


@pytest.mark.parametrize("cell", ["Spring 0000", "Dec 0000", "Winter 9999"])
def test_a_year_out_of_range_is_an_unknown_date(tmp_path: Path, cell: str) -> None:
    from dhrplan.pipeline import convert_file

    export = tmp_path / "plan.md"
    export.write_text(target_date_plan(cell))
    (record,) = convert_file(export).recommendations
    assert [d.kind for d in record.target_dates] == ["unknown"]
    assert f'target date "{cell}" could not be read: the year is out of range' in [
        w.message for w in record.warnings
    ]


# --- smaller -------------------------------------------------------------------------------


def test_the_password_comes_from_a_file_or_the_environment(tmp_path: Path) -> None:
    from test_bad_input import PASSWORD, encrypted_plan_pdf

    pdf = tmp_path / "locked.pdf"
    encrypted_plan_pdf(pdf)
    secret = tmp_path / "password"
    secret.write_text(f"{PASSWORD}\n")
    assert run_cli("convert", pdf, "-o", tmp_path / "a", "--password-file", secret).returncode == 0
    result = run_cli("convert", pdf, "-o", tmp_path / "b", env={"DHRPLAN_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    assert run_cli("convert", pdf, "-o", tmp_path / "c").returncode == 1
    assert "--password-file" in run_cli("convert", "--help").stdout


def test_a_stem_that_only_just_fits_is_written(tmp_path: Path) -> None:
    name = "p" * 245 + ".txt"  # the JSON's name is 250 bytes, its temporary's used to be 264
    out = tmp_path / "out"
    assert main(["convert", str(copy(LILY_TXT, tmp_path / "in", name)), "-o", str(out)]) == 0
    assert (out / ("p" * 245 + ".json")).is_file()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_unicode_text_exports_with_a_bom_convert(tmp_path: Path, codec: str) -> None:
    import codecs

    from dhrplan.pipeline import convert_file

    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    export = tmp_path / "plan.txt"
    export.write_bytes(bom + LILY_TXT.read_text("utf-8").encode(codec))
    assert len(convert_file(export).recommendations) == 8


def test_a_table_without_usable_rows_fails(tmp_path: Path, capsys) -> None:
    export = tmp_path / "empty-table.md"
    export.write_text(
        "| No. | Recommendation | Action | Lead |\n|---|---|---|---|\n| - | - | - | - |\n"
    )
    assert main(["convert", str(export), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip() == (
        f"dhrplan: {export}: no recommendations found in its tables"
    )


def test_the_manifest_stores_paths_relative_to_the_output_folder(tmp_path: Path) -> None:
    plan = copy(LILY_TXT, tmp_path / "in")
    out = tmp_path / "out"
    assert main(["convert", str(plan), "-o", str(out)]) == 0
    (entry,) = manifest(out)
    assert entry["path"] == f"../in/{plan.name}"
    moved = tmp_path / "moved"
    (tmp_path / "in").rename(moved / "in") if moved.mkdir() is None else None
    out.rename(moved / "out")
    assert main(["convert", str(moved / "in"), "-o", str(moved / "out")]) == 0
    assert [e["status"] for e in manifest(moved / "out")] == ["skipped"]


# --- fuzzing -------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from dhrplan import batch  # noqa: E402

FUZZ_SETTINGS = dict(deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture,
                                            HealthCheck.too_slow])
FUZZ_PDF = settings(max_examples=12, **FUZZ_SETTINGS)
"""Few: each example converts the 3-page plan once or twice (about a second)."""
FUZZ_TEXT = settings(max_examples=30, **FUZZ_SETTINGS)
FUZZ_TIMEOUT = 20.0


def convert_in_batch(path: Path, out: Path) -> batch.FileResult:
    """Through the real batch, its workers, limits and all: never raises."""
    config = batch.Config(outdir=out, jobs=1, force=True, timeout=FUZZ_TIMEOUT,
                          max_memory=1 << 30)
    started = time.monotonic()
    (result,) = batch.run([path], config, io.StringIO()).results
    assert time.monotonic() - started < FUZZ_TIMEOUT + 10
    assert result.status in ("converted", "failed")
    if result.error:
        assert "\n" not in result.error
        assert "internal error" not in result.error, result.error
    return result


def _flate_streams(data: bytes) -> list[tuple[int, int]]:
    import re

    spans = []
    for m in re.finditer(rb"/FlateDecode[^>]*>>\s*stream\r?\n", data):
        end = data.find(b"endstream", m.end())
        spans.append((m.end(), end))
    return spans


LILY_BYTES = LILY_PDF.read_bytes()
LILY_STREAMS = _flate_streams(LILY_BYTES)


def _records(out: Path, name: str) -> list[dict]:
    doc = json.loads((out / f"{name}.json").read_text("utf-8"))
    return [{k: v for k, v in r.items() if k != "warnings"} for r in doc["recommendations"]]


@FUZZ_PDF
@given(position=st.integers(0, len(LILY_BYTES) - 1), flip=st.integers(1, 255),
       backend=st.sampled_from(BACKENDS))
def test_fuzz_mutated_pdfs_convert_faithfully_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory, position: int, flip: int, backend: str
) -> None:
    """A byte changed inside a compressed stream either fails the file, or is named in a
    warning, or changed nothing the plan shows."""
    folder = tmp_path_factory.mktemp("fuzz")
    clean = folder / "clean" / "lily.pdf"
    copy(LILY_PDF, clean.parent, clean.name)
    data = bytearray(LILY_BYTES)
    data[position] ^= flip
    bad = copy(LILY_PDF, folder / "bad", "lily.pdf")
    bad.write_bytes(bytes(data))
    result = convert_in_batch(bad, folder / "out")
    in_stream = any(start <= position < end for start, end in LILY_STREAMS)
    if result.status == "converted" and in_stream:
        document = json.loads((folder / "out" / "lily.json").read_text("utf-8"))
        damaged = any("damaged" in w for w in document["warnings"])
        if not damaged:
            convert_in_batch(clean, folder / "clean-out")
            assert _records(folder / "out", "lily") == _records(folder / "clean-out", "lily")


CELL = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@FUZZ_TEXT
@given(
    header=st.lists(st.sampled_from(["No.", "Recommendation", "Action", "Lead", "Target date",
                                     "Progress", "Scope", ""]), min_size=1, max_size=7),
    rows=st.lists(st.lists(CELL, max_size=8), max_size=12),
    separator=st.sampled_from(["|", "\t", "<td>"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    garbage=st.binary(max_size=64),
)
def test_fuzz_generated_text_exports_convert_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory, header: list[str], rows: list[list[str]],
    separator: str, encoding: str, garbage: bytes,
) -> None:
    def line(cells: list[str]) -> str:
        if separator == "|":
            return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"
        if separator == "<td>":  # spans as converters write them, some out of range
            return "<tr>" + "".join(
                f'<td rowspan="{len(c) % 4}" colspan="{len(c) % 3 + 1}">{c}</td>' for c in cells
            ) + "</tr>"
        return "\t".join(cells)

    lines = [line(header)]
    if separator == "|":
        lines.append(line(["---"] * len(header)))
    lines += [line(r) for r in rows]
    text = "\n".join(lines) + "\n"
    if separator == "<td>":
        text = f"<table>{text}" + ("</table>" if len(rows) % 2 else "")  # some left open
    folder = tmp_path_factory.mktemp("fuzz")
    export = folder / "plan.md"
    export.write_bytes(text.encode(encoding, "replace") + garbage)
    convert_in_batch(export, folder / "out")


def test_a_form_fan_out_bomb_fails_at_once(tmp_path: Path) -> None:
    """Ten forms, each drawing the next ten times: 10^10 draws from a few hundred bytes."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> /XObject << /X 10 0 R >> >> >>",
        4: stream(PAGE_TEXT + b" /X Do"),
        5: FONT,
    }
    for level in range(10, 20):
        child = b"/X Do " * 10 if level < 19 else PAGE_TEXT
        body = zlib.compress(child)
        resources = b"/Resources << /XObject << /X %d 0 R >> >>" % (level + 1) if level < 19 \
            else b"/Resources << /Font << /F1 5 0 R >> >>"
        objects[level] = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] %s "
                          b"/Length %d /Filter /FlateDecode >>\nstream\n" % (resources, len(body))
                          + body + b"\nendstream")
    pdf = tmp_path / "fan-out.pdf"
    pdf.write_bytes(raw_pdf(objects))
    for backend in BACKENDS:
        started = time.monotonic()
        result = run_cli("convert", pdf, "-o", tmp_path / "out", "--backend", backend)
        assert time.monotonic() - started < 10
        assert result.returncode == 1
        assert "damaged PDF: forms drawn more than 100,000 times on one page" in result.stderr


def test_pages_too_large_to_render_are_refused(tmp_path: Path) -> None:
    from dhrplan.extract.camelot_backend import CamelotLattices
    from dhrplan.extract.geometry import PageGeometry
    from dhrplan.extract.model import ExtractError

    huge = tmp_path / "huge.pdf"
    huge.write_bytes(one_page(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 20000 20000] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>"
    ))
    result = run_cli("convert", huge, "-o", tmp_path / "out")
    assert "damaged PDF: a page 20000 points across, larger than PDF allows (14400)" \
        in result.stderr
    page = PageGeometry(1, 14_400, 14_400, [], [], 0)
    with pytest.raises(ExtractError, match="too large for the camelot backend to render"):
        CamelotLattices(huge)(page)


def test_an_error_while_closing_does_not_replace_the_real_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dhrplan.extract import geometry
    from dhrplan.extract.model import ExtractError
    from dhrplan.extract.pdf import read_pdf

    def broken_page(self, number):
        raise ExtractError(f"{LILY_PDF}: corrupt PDF, page {number} cannot be read")

    def broken_close(self):
        raise RuntimeError("MalformedPDFException while closing")

    monkeypatch.setattr(geometry.PdfplumberSource, "page", broken_page)
    monkeypatch.setattr(geometry.PdfplumberSource, "close", broken_close)
    with pytest.raises(ExtractError, match="page 1 cannot be read"):
        read_pdf(LILY_PDF, backend="pdfplumber")


def test_a_failed_helper_thread_ends_its_worker_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The page pool's thread, unable to start under the memory limit, used to leave the
    worker waiting until the timeout, and printed a traceback."""
    import threading

    from dhrplan import pipeline

    def thread_dies(path, options, sha256=None):
        def fail() -> None:
            raise RuntimeError("can't start new thread")

        threading.Thread(target=fail).start()
        time.sleep(60)

    monkeypatch.setattr(pipeline, "read_file", thread_dies)
    started = time.monotonic()
    assert main(["convert", str(LILY_TXT), "-o", str(tmp_path / "out")]) == 1
    assert time.monotonic() - started < 20
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().startswith(f"dhrplan: {LILY_TXT}: internal error: a worker thread failed")
