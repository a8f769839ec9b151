"""The command line as users run it: subcommands, exit codes, quiet stderr when not a terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dhrplan.cli import main
from dhrplan.output.jsondoc import schema

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LILY = SAMPLES / "somerset-dhr-lily-action-plan.txt"


def dhrplan(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dhrplan", *args],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )


def test_schema_prints_the_published_schema() -> None:
    done = dhrplan("schema")
    assert done.returncode == 0
    assert json.loads(done.stdout) == schema()


def test_convert_then_validate(tmp_path: Path) -> None:
    done = dhrplan("convert", str(LILY), "-o", str(tmp_path / "out"), "-j", "1")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "converted" in done.stdout and "8 recommendations" in done.stdout
    written = tmp_path / "out" / f"{LILY.name}.json"
    assert (tmp_path / "out" / f"{LILY.name}.csv").is_file()
    checked = dhrplan("validate", str(written))
    assert checked.returncode == 0
    assert checked.stdout.strip() == f"{written}: valid"


def test_validate_reports_one_line_per_problem(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(LILY), "-o", str(out), "--format", "json", "-j", "1"]) == 0
    doc = json.loads((out / f"{LILY.name}.json").read_text("utf-8"))
    doc["schema_version"] = "9.9"
    del doc["title"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(doc), "utf-8")
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", "utf-8")
    capsys.readouterr()
    assert main(["validate", str(out / f"{LILY.name}.json"), str(broken), str(garbage)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert sum(line.startswith(f"{broken}: ") for line in lines) == 2
    assert sum(line.startswith(f"{garbage}: not JSON") for line in lines) == 1
    assert f"{out / LILY.name}.json: valid" in lines


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["convert", str(LILY)],
        ["convert", str(LILY), "-o", "out", "--format", "json,pdf"],
        ["convert", str(LILY), "-o", "out", "-j", "0"],
        ["convert", str(LILY), "-o", "out", "--backend", "tabula"],
        ["convert", str(LILY), "-o", "out", "--max-pages", "none"],
        ["convert", str(LILY), "-o", "out", "--timeout", "-1"],
        ["frobnicate"],
        ["validate"],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path, capsys) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_help_exits_0(capsys) -> None:
    assert main(["convert", "--help"]) == 0
    assert "--combine" in capsys.readouterr().out


def test_output_path_that_is_a_file_is_one_clear_error(tmp_path: Path, capsys) -> None:
    taken = tmp_path / "taken"
    taken.write_text("x")
    assert main(["convert", str(LILY), "-o", str(taken)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"dhrplan: {taken}: cannot create output folder")
    assert "\n" not in err


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "dhrplan"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.startswith("dhrplan ")


def test_help_lists_every_supported_suffix_and_what_max_pages_does(capsys) -> None:
    from dhrplan.pipeline import SUPPORTED_SUFFIXES

    assert main(["--help"]) == 0
    overview = capsys.readouterr().out
    assert main(["convert", "--help"]) == 0
    words = " ".join(capsys.readouterr().out.split())
    for suffix in SUPPORTED_SUFFIXES:
        assert f"{suffix}," in overview or f"{suffix})" in overview
        assert f"{suffix}," in words or f"{suffix} files" in words
    assert "--max-pages N fail any PDF of more than N pages" in words


def test_backend_choices_are_the_pdf_readers_own() -> None:
    from dhrplan import cli
    from dhrplan.extract import pdf

    convert = next(
        parser
        for action in cli.build_parser()._actions
        if isinstance(action, cli.argparse._SubParsersAction)
        for name, parser in action.choices.items()
        if name == "convert"
    )
    (backend,) = [a for a in convert._actions if "--backend" in a.option_strings]
    assert backend.choices is pdf.BACKENDS
