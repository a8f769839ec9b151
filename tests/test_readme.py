"""The README shows real output: its `make demo` summary and its JSON excerpt are checked
against a conversion of the samples, so neither can drift from what the tool does."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from sample_facts import SAMPLES

from dhrplan.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


def _block_after(title: str) -> str:
    start = README.index(title)
    match = re.compile(r"```\w*\n(.*?)```", re.S).search(README, start)
    assert match, title
    return match.group(1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """`make demo`'s command, run from a folder holding samples/ like the repository."""
    root = tmp_path_factory.mktemp("demo")
    shutil.copytree(SAMPLES, root / "samples")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        output: list[str] = []
        patch.setattr("builtins.print", lambda *a, **k: output.append(" ".join(map(str, a))))
        assert main(["convert", "samples", "-o", "out", "--format", "json,csv", "--combine",
                     "--as-of", "2026-12-01"]) == 0
    return "\n".join(output), root / "out"


def _file_lines_sorted(text: str) -> list[str]:
    """Each file's line is printed as it finishes, so their order varies with -j."""
    lines = text.strip().splitlines()
    files = sorted(line for line in lines if line.startswith(("converted ", "skipped ", "failed ")))
    return files + [line for line in lines if line not in files]


def test_demo_summary_is_the_one_shown(demo: tuple[str, Path]) -> None:
    printed, _ = demo
    shown = _block_after("## What `make demo` prints")
    assert _file_lines_sorted(printed) == _file_lines_sorted(shown)


def test_json_excerpt_is_real_output(demo: tuple[str, Path]) -> None:
    _, out = demo
    shown = _block_after("One recommendation of `out/somerset-dhr-lily-action-plan.pdf.json`")
    shown = shown.replace('"... 3 more actions ..."', "")
    shown = re.sub(r",\s*\]", "]", shown)
    excerpt = json.loads(shown)
    real = json.loads((out / "somerset-dhr-lily-action-plan.pdf.json").read_text("utf-8"))
    record = real["recommendations"][0]
    for key, value in excerpt.items():
        if key == "actions":
            assert value == record["actions"][: len(value)]
        else:
            assert value == record[key], key


def test_library_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLES.parent)
    namespace: dict = {}
    exec(_block_after("As a library:"), namespace)
    assert len(namespace["document"]["recommendations"]) == 8


WORD_HTML = ["tests/fixtures/council-plan.docx", "tests/fixtures/html/council-plan-govuk.html"]


@pytest.fixture(scope="module")
def word_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The README's Word and HTML command, run from a folder laid out like the repository."""
    root = tmp_path_factory.mktemp("wordhtml")
    repo = SAMPLES.parent
    for name in WORD_HTML:  # with the files beside it that share its stem, which name it
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        for sibling in (repo / name).parent.glob(f"{Path(name).stem}.*"):
            shutil.copy(sibling, root / name.rsplit("/", 1)[0] / sibling.name)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        output: list[str] = []
        patch.setattr("builtins.print", lambda *a, **k: output.append(" ".join(map(str, a))))
        assert main(["convert", *WORD_HTML, "-o", "out"]) == 0
    return "\n".join(output), root / "out"


def test_word_and_html_output_is_the_one_shown(word_html: tuple[str, Path]) -> None:
    printed, out = word_html
    block = _block_after("## Word and HTML").strip().splitlines()
    assert block[0] == f"$ dhrplan convert {' '.join(WORD_HTML)} -o out"
    assert _file_lines_sorted(printed) == _file_lines_sorted("\n".join(block[1:]))
    shown = _block_after("One recommendation of `out/council-plan.docx.json`")
    excerpt = json.loads(re.sub(r",\s*\]", "]", shown.replace('"... 2 more actions ..."', "")))
    real = json.loads((out / "council-plan.docx.json").read_text("utf-8"))
    record = next(r for r in real["recommendations"] if r["id"] == excerpt["id"])
    for key, value in excerpt.items():
        if key == "actions":
            assert value == record["actions"][: len(value)] and len(record["actions"]) == 3
        else:
            assert value == record[key], key
    html = json.loads((out / "council-plan-govuk.json").read_text("utf-8"))
    same = next(r for r in html["recommendations"] if r["id"] == "council-plan-govuk-marac-1")
    assert {k: v for k, v in same.items() if k != "id"} == {
        k: v for k, v in record.items() if k != "id"
    }


def test_database_query_is_real_output(demo: tuple[str, Path]) -> None:
    """The README's SQL run against the demo's plans.sqlite gives the rows it shows."""
    import contextlib
    import sqlite3

    _, out = demo
    block = _block_after("every other output. For example").strip().splitlines()
    query = re.fullmatch(r'\$ sqlite3 out/plans.sqlite "(.*)"', block[0])
    assert query
    with contextlib.closing(sqlite3.connect(out / "plans.sqlite")) as db:
        rows = ["|".join(map(str, row)) for row in db.execute(query.group(1))]
    assert rows == [line.strip() for line in block[1:]]
