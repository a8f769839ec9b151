"""The batch: output naming, incremental re-runs, the manifest, atomic writes, worker isolation."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from dhrplan import batch, pipeline
from dhrplan.cli import main
from dhrplan.output import files
from dhrplan.output.manifest import FILENAME, Manifest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LILY = SAMPLES / "somerset-dhr-lily-action-plan.txt"
CASE_012 = SAMPLES / "somerset-dhr-012-action-plan.txt"
REAL_READ = pipeline.read_file
REAL_PLAN = pipeline.plan_from


def copy(sample: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or sample.name)
    shutil.copy(sample, target)
    return target


def manifest(out: Path) -> dict[str, dict]:
    doc = json.loads((out / FILENAME).read_text("utf-8"))
    return {Path(e["path"]).name: e for e in doc["inputs"]}


def convert(*args: str | Path) -> int:
    return main(["convert", *map(str, args), "-j", "2"])


def named(paths: list[Path], out: Path) -> dict[str, str]:
    found, rejected = batch.discover(paths, out)
    assert rejected == []
    inputs = batch.name_outputs(found, batch.held_names({}))
    return {str(i.stem): i.shown for i in inputs}


def test_output_names_depend_on_the_file_and_its_folder_only(tmp_path: Path) -> None:
    root = tmp_path / "in"
    copy(LILY, root / "a")
    copy(LILY, root / "b")
    copy(LILY, root / "b", "somerset-dhr-lily-action-plan.md")
    copy(CASE_012, root / "c" / "deep")
    (root / "notes.pptx").write_bytes(b"skipped silently")
    copy(CASE_012, root / ".hidden")
    folder = named([root], tmp_path / "out")
    assert folder == {
        "somerset-dhr-lily-action-plan": f"{root}/a/somerset-dhr-lily-action-plan.txt",
        "somerset-dhr-lily-action-plan.txt": f"{root}/b/somerset-dhr-lily-action-plan.txt",
        "somerset-dhr-lily-action-plan.md": f"{root}/b/somerset-dhr-lily-action-plan.md",
        "somerset-dhr-012-action-plan": f"{root}/c/deep/somerset-dhr-012-action-plan.txt",
    }
    # each file named alone, or with files of other folders, gets the name it got above
    for name, shown in folder.items():
        assert named([Path(shown)], tmp_path / "out") == {name: shown}
    mixed = [root / "b" / LILY.name, root / "c"]
    assert named(mixed, tmp_path / "out") == {
        k: v for k, v in folder.items() if "/b/" in v and v.endswith(".txt") or "/c/" in v
    }


def test_same_file_name_in_two_folders_takes_a_number_the_same_way_every_run(
    tmp_path: Path, capsys
) -> None:
    a, b = copy(LILY, tmp_path / "a"), copy(CASE_012, tmp_path / "b", LILY.name)
    out = tmp_path / "out"
    assert convert(b, a, "-o", out) == 0  # path order decides, not the command line's
    printed = capsys.readouterr().out
    said = f"same output name: {b} is written as {LILY.stem}-2.*, since {LILY.stem}.* is {a}'s"
    assert said in printed
    plain = json.loads((out / f"{LILY.stem}.json").read_text("utf-8"))
    numbered = json.loads((out / f"{LILY.stem}-2.json").read_text("utf-8"))
    assert len(plain["recommendations"]) == 8 and len(numbered["recommendations"]) == 44
    assert convert(b, "-o", out) == 0  # alone, b keeps its name: a holds the plain one
    assert "skipped" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == sorted([
        FILENAME, f"{LILY.stem}.json", f"{LILY.stem}.csv", f"{LILY.stem}-2.json",
        f"{LILY.stem}-2.csv",
    ])
    moved = tmp_path / "moved"
    a.parent.rename(moved)  # a's folder renamed: its file takes its name back, nothing stale
    assert convert(moved / LILY.name, "-o", out) == 0
    assert "same output name" not in capsys.readouterr().out
    assert json.loads((out / f"{LILY.stem}.json").read_text("utf-8"))["source"]["file"] == \
        LILY.name
    entries = json.loads((out / FILENAME).read_text("utf-8"))["inputs"]
    assert sorted(e["path"] for e in entries) == [  # a's entry gave way to its successor
        f"../b/{LILY.name}", f"../moved/{LILY.name}"]


def test_an_input_renamed_by_its_folder_leaves_no_stale_copy(tmp_path: Path, capsys) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    lily = copy(LILY, folder)
    assert convert(lily, "-o", out, "--review") == 0
    assert (out / f"{LILY.stem}.review.html").is_file()
    copy(LILY, folder, f"{LILY.stem}.md")  # the folder now holds two plans of that stem
    for given in (lily, folder):  # alone or with its folder: the same name
        assert convert(given, "-o", out) == 0
        assert sorted(p.name for p in out.iterdir() if p.name != FILENAME) == sorted(
            f"{name}.{ext}" for name in (LILY.name, f"{LILY.stem}.md")
            for ext in ("json", "csv") if given == folder or name == LILY.name
        )
    assert set(manifest(out)) == {LILY.name, f"{LILY.stem}.md"}


def test_same_file_named_twice_is_converted_once(tmp_path: Path) -> None:
    path = copy(LILY, tmp_path / "in")
    inputs, _ = batch.discover([path, tmp_path / "in", path], tmp_path / "out")
    assert len(inputs) == 1


def test_output_folder_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "in"
    copy(LILY, root)
    copy(CASE_012, root / "out")
    inputs, _ = batch.discover([root], root / "out")
    assert [i.path.name for i in inputs] == [LILY.name]


def test_rerun_skips_unchanged_inputs_and_force_redoes_them(tmp_path: Path, capsys) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    lily, case = copy(LILY, inputs), copy(CASE_012, inputs)
    assert convert(inputs, "-o", out) == 0
    first = manifest(out)
    assert {e["status"] for e in first.values()} == {"converted"}
    json_out = out / f"{LILY.stem}.json"
    written_at = json_out.stat().st_mtime_ns

    capsys.readouterr()
    assert convert(inputs, "-o", out) == 0
    assert {e["status"] for e in manifest(out).values()} == {"skipped"}
    assert json_out.stat().st_mtime_ns == written_at
    summary = capsys.readouterr().out
    assert "2 skipped" in summary and "8 recommendations" in summary

    with case.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    (out / f"{LILY.stem}.csv").unlink()
    assert convert(inputs, "-o", out) == 0
    assert {n: e["status"] for n, e in manifest(out).items()} == {
        lily.name: "converted", case.name: "converted",
    }

    assert convert(inputs, "-o", out, "--force") == 0
    assert {e["status"] for e in manifest(out).values()} == {"converted"}

    assert convert(inputs, "-o", out, "--format", "json") == 0
    assert {e["status"] for e in manifest(out).values()} == {"converted"}


def test_manifest_records_each_input(tmp_path: Path) -> None:
    good = copy(LILY, tmp_path / "in")
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    assert convert(good, empty, "-o", out) == 1
    entries = manifest(out)
    ok, bad = entries[good.name], entries[empty.name]
    assert ok["path"] == f"../in/{good.name}"  # relative to the output folder
    assert ok["sha256"] == files.sha256_file(good)
    assert ok["status"] == "converted"
    assert ok["recommendations"] == 8
    assert isinstance(ok["warnings"], list)
    assert ok["error"] is None
    assert sorted(o["path"] for o in ok["outputs"]) == [f"{LILY.stem}.csv", f"{LILY.stem}.json"]
    for output in ok["outputs"]:
        assert files.sha256_file(out / output["path"]) == output["sha256"]
    assert bad["status"] == "failed" and bad["error"] and bad["outputs"] == []


def test_combined_files_cover_plans_from_earlier_runs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    lily = copy(LILY, tmp_path / "one")
    case = copy(CASE_012, tmp_path / "two")
    assert convert(lily, "-o", out, "--combine") == 0
    assert convert(case, "-o", out, "--combine") == 0
    assert convert(lily, case, "-o", out, "--combine") == 0
    assert {e["status"] for e in manifest(out).values()} == {"skipped"}
    text = (out / "recommendations.csv").read_text("utf-8-sig")
    assert text.count(LILY.name) >= 8 and text.count(CASE_012.name) >= 44
    plans = (out / "actions.csv").read_text("utf-8-sig")
    assert LILY.name in plans and CASE_012.name in plans


def test_a_failed_rerun_removes_the_earlier_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    plan = copy(LILY, tmp_path / "in")
    assert convert(plan, "-o", out) == 0
    plan.write_bytes(b"")
    assert convert(plan, "-o", out) == 1
    assert not list(out.glob(f"{LILY.stem}.*"))
    assert manifest(out)[plan.name]["status"] == "failed"


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    plans = [copy(LILY, tmp_path / "in"), copy(CASE_012, tmp_path / "in")]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in plans}
    assert convert(tmp_path / "in", "-o", tmp_path / "out", "--combine") == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in plans} == before


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    files.write_text(target, "finished\n")
    with pytest.raises(KeyboardInterrupt), files.atomic_writer(target) as handle:
        handle.write(b"half")
        raise KeyboardInterrupt
    assert target.read_text() == "finished\n"
    assert os.listdir(tmp_path) == ["plan.json"]


def _slow_or_real(path: Path, options: pipeline.Options, sha256: str | None = None):
    if path.name.startswith("slow"):
        time.sleep(60)
    if path.name.startswith("crash"):
        os._exit(3)
    if path.name.startswith("bug"):
        raise RuntimeError("something broke\nover two lines")
    return REAL_READ(path, options, sha256)


def test_timeout_and_crashes_fail_one_file_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(pipeline, "read_file", _slow_or_real)
    folder = tmp_path / "in"
    good = copy(LILY, folder)
    for name in ("slow.txt", "crash.txt", "bug.txt"):
        copy(LILY, folder, name)
    started = time.monotonic()
    assert convert(folder, "-o", tmp_path / "out", "--timeout", "2") == 1
    assert time.monotonic() - started < 30
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3
    assert any("slow.txt: timed out after 2 seconds" in line for line in err)
    assert any("crash.txt: internal error: worker stopped" in line for line in err)
    assert any("bug.txt: internal error: RuntimeError: something broke over two lines" in line
               for line in err)
    assert (tmp_path / "out" / f"{good.stem}.json").is_file()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        FILENAME, f"{good.stem}.csv", f"{good.stem}.json",
    ]


def test_an_invalid_document_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def wrong_version(read: pipeline.Read, options: pipeline.Options):
        plan = REAL_PLAN(read, options)
        plan.schema_version = "0.9"
        return plan

    monkeypatch.setattr(pipeline, "plan_from", wrong_version)
    out = tmp_path / "out"
    assert convert(LILY, "-o", out) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"dhrplan: {LILY}: invalid plan document: $.schema_version")
    assert [p.name for p in out.iterdir()] == [FILENAME]


def test_stderr_is_quiet_when_not_a_terminal(tmp_path: Path, capsys) -> None:
    assert convert(LILY, "-o", tmp_path / "out") == 0
    assert capsys.readouterr().err == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only(tmp_path: Path) -> None:
    shown, hidden = Terminal(), io.StringIO()
    for stream in (shown, hidden):
        config = batch.Config(outdir=tmp_path / "out", progress=stream.isatty(), force=True)
        report = batch.run([LILY], config, stream)
        assert report.exit_code == 0
    assert "[" in shown.getvalue() and "1/1" in shown.getvalue()
    assert hidden.getvalue() == ""


def test_manifest_survives_garbage(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / FILENAME).write_text("{broken", "utf-8")
    assert Manifest.load(out).entries == {}
    assert convert(LILY, "-o", out) == 0
    assert manifest(out)[LILY.name]["status"] == "converted"


def test_at_most_jobs_workers_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    busy, log = tmp_path / "busy", tmp_path / "log"
    busy.mkdir()

    def counted(path: Path, options: pipeline.Options, sha256: str | None = None):
        marker = busy / path.name
        marker.touch()
        with log.open("a") as handle:
            handle.write(f"{len(list(busy.iterdir()))}\n")
        time.sleep(0.2)
        marker.unlink()
        return REAL_READ(path, options, sha256)

    monkeypatch.setattr(pipeline, "read_file", counted)
    folder = tmp_path / "in"
    for i in range(5):
        copy(LILY, folder, f"plan-{i}.txt")
    assert main(["convert", str(folder), "-o", str(tmp_path / "out"), "-j", "2"]) == 0
    seen = [int(n) for n in log.read_text().split()]
    assert len(seen) == 5 and max(seen) <= 2


def test_manifest_never_points_outside_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    entry = {
        "path": str((tmp_path / "gone.txt").resolve()), "source": "gone.txt", "sha256": None,
        "status": "converted",
        "outputs": [{"path": "../victim.txt", "sha256": "0" * 64},
                    {"path": str(victim), "sha256": "0" * 64}],
    }
    (out / FILENAME).write_text(json.dumps({"manifest_version": 1, "inputs": [entry]}))
    assert Manifest.load(out).entries[entry["path"]].outputs == []
    assert convert(tmp_path / "gone.txt", "-o", out) == 1
    assert victim.read_text() == "keep me"


RESERVED = ("manifest.txt", "recommendations.md", "actions.txt", "plans.tsv")


def test_inputs_named_like_the_tools_own_files_keep_their_suffix(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for name in RESERVED:
        copy(LILY, root, name)
    copy(LILY, root / "sub", "Manifest.txt")
    copy(LILY, root / "other", "manifest.md")
    assert sorted(named([root], tmp_path / "out")) == [
        "Manifest.txt-2", "actions.txt", "manifest.md", "manifest.txt", "plans.tsv",
        "recommendations.md",
    ]


@pytest.mark.parametrize("combine", [False, True])
def test_outputs_never_overwrite_the_manifest_or_combined_files(
    tmp_path: Path, combine: bool
) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    for name in RESERVED:
        copy(LILY, root, name)
    assert convert(root, "-o", out, *(["--combine"] if combine else [])) == 0
    entries = manifest(out)
    assert set(entries) == set(RESERVED)
    for name in RESERVED:
        assert entries[name]["status"] == "converted"
        doc = json.loads((out / f"{name}.json").read_text("utf-8"))
        assert doc["source"]["file"] == name
        assert (out / f"{name}.csv").is_file()
    assert not (out / "plans.csv").exists() and not (out / "actions.json").exists()
    if combine:  # four copies of one plan: kept once, and the copies table names them all
        text = (out / "recommendations.csv").read_text("utf-8-sig")
        assert sum(name in text for name in RESERVED) == 1
        with contextlib.closing(sqlite3.connect(out / "plans.sqlite")) as db:
            listed = dict(db.execute("SELECT source_file, reason FROM copies").fetchall())
        assert listed == dict.fromkeys(RESERVED, "same bytes")
    assert convert(root, "-o", out, *(["--combine"] if combine else [])) == 0
    assert {e["status"] for e in manifest(out).values()} == {"skipped"}


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777


def test_new_files_get_the_mode_open_would_give_them(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "new.json"
    files.write_text(target, "x\n")
    assert mode(target) == 0o644
    os.umask(0o007)
    other = tmp_path / "other.json"
    files.write_bytes(other, b"x\n")
    assert mode(other) == 0o660


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "shared.csv"
    target.write_text("old\n")
    os.chmod(target, 0o664)
    files.write_text(target, "new\n")
    assert target.read_text() == "new\n" and mode(target) == 0o664


def test_every_output_is_readable_like_any_new_file(tmp_path: Path, umask_022) -> None:
    out = tmp_path / "out"
    assert convert(LILY, "-o", out, "--combine") == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([
        FILENAME, f"{LILY.name}.json", f"{LILY.name}.csv",
        "recommendations.csv", "actions.csv", "plans.xlsx", "plans.sqlite",
    ])
    assert {p.name: mode(p) for p in out.iterdir()} == dict.fromkeys(written, 0o644)


def test_a_failed_csv_write_leaves_no_json_behind(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    (out / f"{LILY.name}.csv").mkdir(parents=True)
    assert convert(LILY, "-o", out) == 1
    assert "cannot write output" in capsys.readouterr().err
    assert not (out / f"{LILY.name}.json").exists()
    entry = manifest(out)[LILY.name]
    assert entry["status"] == "failed" and entry["outputs"] == []



def test_read_file_takes_a_known_hash_or_streams_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = hashlib.sha256(LILY.read_bytes()).hexdigest()
    assert pipeline.read_file(LILY, pipeline.Options(), "ab" * 32).sha256 == "ab" * 32

    reads: list[Path] = []
    real_read_bytes = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self)
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    pipeline.read_document(LILY, pipeline.Options())
    by_reader = len(reads)
    reads.clear()
    assert pipeline.read_file(LILY).sha256 == expected
    assert len(reads) == by_reader


def test_workers_get_the_hash_the_parent_computed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "hashes"

    def logged(path: Path, options: pipeline.Options, sha256: str | None = None):
        with log.open("a") as handle:
            handle.write(f"{path.name} {sha256}\n")
        return REAL_READ(path, options, sha256)

    monkeypatch.setattr(pipeline, "read_file", logged)
    plans = [copy(LILY, tmp_path / "in"), copy(CASE_012, tmp_path / "in")]
    assert convert(tmp_path / "in", "-o", tmp_path / "out") == 0
    assert sorted(log.read_text().splitlines()) == sorted(
        f"{p.name} {files.sha256_file(p)}" for p in plans
    )


def test_discovery_and_warm_up_follow_the_pipelines_suffixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    copy(LILY, folder, "plan.wpd")
    copy(LILY, folder, "plan.txt")
    monkeypatch.setattr(pipeline, "SUPPORTED_SUFFIXES", pipeline.SUPPORTED_SUFFIXES | {".wpd"})
    inputs, _ = batch.discover([folder], tmp_path / "out")
    assert sorted(i.path.name for i in inputs) == ["plan.txt", "plan.wpd"]

    preloaded: list[bool] = []
    monkeypatch.setattr(pipeline, "preload", lambda pdf, text, backend: preloaded.append(pdf))
    monkeypatch.setattr(pipeline, "PDF_SUFFIXES", pipeline.PDF_SUFFIXES | {".txt"})
    batch.run([folder / "plan.txt"], batch.Config(outdir=tmp_path / "out"), io.StringIO())
    assert preloaded == []  # no later worker to share anything with: nothing loaded twice
    copy(LILY, folder, "plan2.txt")
    batch.run([folder / "plan.txt", folder / "plan2.txt"],
              batch.Config(outdir=tmp_path / "out2"), io.StringIO())
    assert preloaded == [True]


def test_a_bug_while_writing_a_document_fails_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from dhrplan.output import jsondoc

    real = jsondoc.plan_to_dict

    def broken_for_lily(plan):
        if plan.source.file == LILY.name:
            raise RuntimeError("no\ndocument")
        return real(plan)

    monkeypatch.setattr(jsondoc, "plan_to_dict", broken_for_lily)
    out = tmp_path / "out"
    assert convert(LILY, CASE_012, "-o", out) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line == f"dhrplan: {LILY}: internal error: RuntimeError: no document"
    statuses = {n: e["status"] for n, e in manifest(out).items()}
    assert statuses == {LILY.name: "failed", CASE_012.name: "converted"}


def _record_page_workers(path: Path, options: pipeline.Options, sha256: str | None = None):
    (path.parent.parent / f"{path.name}.workers").write_text(str(options.page_workers))
    return REAL_READ(path, options, sha256)


@pytest.mark.parametrize(("files", "jobs", "page_workers"), [
    (1, 2, 2),  # one plan: its pages share the two cores
    (1, 1, 1),
    (2, 2, 1),  # a core per plan already
    (3, 2, 1),
    (2, 4, 2),
])
def test_cores_the_files_leave_idle_read_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: int, jobs: int, page_workers: int
) -> None:
    monkeypatch.setattr(pipeline, "read_file", _record_page_workers)
    for n in range(files):
        copy(LILY, tmp_path / "in", f"plan{n}.txt")
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                 "-j", str(jobs)]) == 0
    recorded = [p.read_text() for p in sorted(tmp_path.glob("*.workers"))]
    assert recorded == [str(page_workers)] * files


def _slow_with_a_page_reader(path: Path, options: pipeline.Options, sha256: str | None = None):
    child = os.fork()
    if child == 0:
        time.sleep(60)
        os._exit(0)
    (path.parent.parent / "reader.pid").write_text(str(child))
    time.sleep(60)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_timed_out_file_takes_its_page_readers_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "read_file", _slow_with_a_page_reader)
    copy(LILY, tmp_path / "in", "slow.txt")
    assert convert(tmp_path / "in", "-o", tmp_path / "out", "--timeout", "1") == 1
    reader = int((tmp_path / "reader.pid").read_text())
    deadline = time.monotonic() + 10
    while _running(reader) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(reader)
