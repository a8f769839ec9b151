"""The command line around the outputs: -o -, --format xlsx/sqlite, validate and the
manifest, --quiet/--verbose, a line per file as it finishes; getting started: the Makefile
and `python -m dhrplan` without dhrplan installed; camelot missing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dhrplan import batch
from dhrplan.cli import main
from dhrplan.extract.model import ExtractError
from dhrplan.extract.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LILY = SAMPLES / "somerset-dhr-lily-action-plan.txt"
CASE_012 = SAMPLES / "somerset-dhr-012-action-plan.txt"


def test_dash_writes_the_one_plan_to_stdout(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["convert", str(LILY), "-o", "-"]) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["source"]["file"] == LILY.name and len(doc["recommendations"]) == 8
    assert captured.err.startswith(f"converted  {LILY}  8 recommendations")
    assert list(tmp_path.iterdir()) == [] and not Path("-").exists()


@pytest.mark.parametrize("extra", [[str(CASE_012)], ["--combine"], ["--format", "csv"]])
def test_dash_refuses_more_than_one_plan_or_other_formats(extra: list[str], capsys) -> None:
    assert main(["convert", str(LILY), *extra, "-o", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1


@pytest.mark.parametrize(("formats", "written"), [
    ("sqlite", {"plans.sqlite", "plans.xlsx", f"{LILY.name}.json"}),
    ("xlsx,csv", {"plans.xlsx", f"{LILY.name}.json", f"{LILY.name}.csv"}),
])
def test_xlsx_and_sqlite_formats_imply_the_combined_outputs(
    tmp_path: Path, formats: str, written: set[str]
) -> None:
    assert main(["convert", str(LILY), "-o", str(tmp_path), "--format", formats, "-q"]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert written <= names
    assert (f"{LILY.name}.csv" in names) == ("csv" in formats)


def test_an_unknown_format_names_every_writable_one(capsys) -> None:
    assert main(["convert", str(LILY), "-o", "x", "--format", "pdf"]) == 2
    assert "json, csv, xlsx, sqlite" in capsys.readouterr().err


def test_validate_skips_the_manifest(tmp_path: Path, capsys) -> None:
    assert main(["convert", str(LILY), "-o", str(tmp_path), "-q"]) == 0
    capsys.readouterr()
    assert main(["validate", *map(str, sorted(tmp_path.glob("*.json")))]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert f"{tmp_path / 'manifest.json'}: skipped (a run's manifest, not a plan)" in printed
    assert f"{tmp_path / (LILY.name + '.json')}: valid" in printed


def test_quiet_prints_the_totals_and_verbose_each_warning(tmp_path: Path, capsys) -> None:
    assert main(["convert", str(LILY), "-o", str(tmp_path / "q"), "-q"]) == 0
    quiet = capsys.readouterr().out.splitlines()
    assert quiet[0].startswith("1 file: 1 converted") and not any(
        line.startswith("converted") for line in quiet)
    assert main(["convert", str(LILY), "-o", str(tmp_path / "v"), "-v"]) == 0
    verbose = capsys.readouterr().out.splitlines()
    assert verbose[0].startswith("converted")
    manifest = json.loads((tmp_path / "v" / "manifest.json").read_text("utf-8"))
    warnings = manifest["inputs"][0]["warnings"]
    details = [line for line in verbose if line.startswith("    ")]
    assert details == [f"    {w}" for w in warnings] and len(details) > 3


def test_each_file_is_reported_as_it_finishes(tmp_path: Path) -> None:
    seen: list[str] = []
    report = batch.run(
        [LILY, CASE_012, tmp_path / "missing.txt"], batch.Config(tmp_path / "out"),
        on_result=lambda result, width: seen.append(f"{result.status} {result.shown}"),
    )
    assert sorted(seen) == sorted(f"{r.status} {r.shown}" for r in report.results)
    assert len(seen) == 3


def test_a_line_per_file_reaches_a_pipe(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dhrplan", "convert", str(LILY), "-o", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].startswith(f"converted  {LILY}")


def test_python_m_without_dhrplan_installed_is_one_line() -> None:
    """-S: no site-packages, so the repository's dhrplan/ folder is found without its
    subpackages, as with a Python that never installed it."""
    done = subprocess.run([sys.executable, "-S", "-m", "dhrplan", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "dhrplan is not installed for this Python" in done.stderr
    assert ".venv/bin/dhrplan" in done.stderr


def test_camelot_missing_says_so_with_page_processes(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "camelot", None)
    for workers in (1, 4):
        with pytest.raises(ExtractError, match="camelot backend needs"):
            read_pdf(SAMPLES / "somerset-dhr-012-action-plan.pdf", backend="camelot",
                     workers=workers)


@pytest.fixture
def make_copy(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("")
    return tmp_path


def make(folder: Path, *args: str) -> str:
    done = subprocess.run(["make", "-C", str(folder), *args], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_broken_venv_is_made_again(make_copy: Path) -> None:
    bin_dir = make_copy / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text("#!/bin/sh\nexit 1\n")
    (bin_dir / "python").chmod(0o755)
    (make_copy / ".venv" / ".installed-run").touch()
    planned = make(make_copy, "-n", "demo")
    assert "rm -rf .venv" in planned and "pip install --quiet -e ." in planned
    assert "[test" not in planned  # the demo installs what running needs only
    assert "-e '.[test,camelot]'" in make(make_copy, "-n", "test")


def test_make_clean_says_what_it_removes(make_copy: Path) -> None:
    (make_copy / "out").mkdir()
    said = make(make_copy, "clean")
    assert "removing out .pytest_cache .ruff_cache" in said
    assert not (make_copy / "out").exists()
