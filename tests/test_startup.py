"""What a short plan's run loads: its fixed start-up is most of its time, so the command, the
parent of a batch and a plan's worker import only what that file needs. Each check runs in a
fresh interpreter, where `sys.modules` tells what was imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LILY_PDF = SAMPLES / "somerset-dhr-lily-action-plan.pdf"
LILY_TXT = SAMPLES / "somerset-dhr-lily-action-plan.txt"

NEVER_FOR_A_CONVERT = {"pdfplumber", "openpyxl", "jsonschema", "PIL", "camelot"}
"""Libraries a JSON and CSV convert with the default backend does not use: the pdfplumber
and camelot backends, XLSX, page pictures, and jsonschema, which only explains a document
the cached compiled schema refuses."""
PDF_ONLY = {"pdfminer", "pypdfium2", "pypdfium2_raw"}
"""The PDF reader's libraries (pdfminer for the structure check and the font dictionaries of
the files `extract/pdfobjects.py` leaves to it; PDFium's bindings, `pypdfium2_raw`, and
pypdfium2's object layer over them, which only page pictures use)."""
MARKUP = {"lxml"}
"""What reads .docx and HTML, and the cell markup of text exports: never a PDF's."""

SCRIPT = """
import json, sys
from pathlib import Path, PurePosixPath

def loaded():
    return sorted(sys.modules)

import dhrplan.cli
report = {"cli": loaded()}
from dhrplan.cli import main
path, out = Path(sys.argv[1]), sys.argv[2]
assert main(["convert", str(path), "-o", out, "-q"]) == 0
report["parent"] = loaded()
# what the worker process runs, here in-process so that its imports can be seen
from dhrplan import pipeline
from dhrplan.inputs import Input
from dhrplan.outcomes import Converted
from dhrplan.workers import Job, _load_for, convert_one
job = Job(Input(path, path.name, PurePosixPath(path.stem)))
_load_for(path, pipeline.Options().backend)  # what the worker imports before converting
assert isinstance(convert_one(job, pipeline.Options(), ("json", "csv")), Converted)
report["worker"] = loaded()
print(json.dumps(report))
"""


def _loaded(path: Path, out: Path, cache: Path) -> dict[str, set[str]]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.splitlines()[-1])
    return {where: {name.split(".")[0] for name in names} | set(names)
            for where, names in found.items()}


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder a first (cold) run has filled: it compiles the schema once."""
    cache = tmp_path_factory.mktemp("cache")
    cold = _loaded(LILY_TXT, tmp_path_factory.mktemp("out"), cache)
    assert "dhrplan" in cold["worker"]
    assert list((cache / "dhrplan").glob("plan_schema_*.py"))
    assert list((cache / "dhrplan" / "__pycache__").glob("plan_schema_*.pyc"))
    return cache


def test_the_command_loads_no_reader_library(warm_cache: Path, tmp_path: Path) -> None:
    found = _loaded(LILY_TXT, tmp_path, warm_cache)
    readers = NEVER_FOR_A_CONVERT | PDF_ONLY | MARKUP
    assert not found["cli"] & (readers | {"regex", "fastjsonschema"})
    # the parent writes what its worker made: it never reads, normalizes or validates
    assert not found["parent"] & (readers | {"regex", "fastjsonschema"})
    assert not found["parent"] & {"dhrplan.normalize.plan", "dhrplan.output.jsondoc"}
    assert "dhrplan.normalize.plan" in found["worker"]
    # progress tracking is the combined outputs': neither a plan's CSV nor the parent uses it
    assert "dhrplan.normalize.progress" not in found["worker"]


def test_a_text_export_loads_no_pdf_library(warm_cache: Path, tmp_path: Path) -> None:
    found = _loaded(LILY_TXT, tmp_path, warm_cache)
    assert not found["worker"] & (NEVER_FOR_A_CONVERT | PDF_ONLY)
    # a second run checks with the cached compiled schema, without fastjsonschema itself
    assert "fastjsonschema" not in found["worker"]


def test_a_pdf_loads_only_the_default_readers_libraries(warm_cache: Path, tmp_path: Path) -> None:
    found = _loaded(LILY_PDF, tmp_path, warm_cache)
    assert "pypdfium2_raw" in found["worker"]
    # PDFium's C functions are called directly: pypdfium2's object layer is page pictures'
    assert "pypdfium2" not in found["worker"]
    assert not found["worker"] & (NEVER_FOR_A_CONVERT | MARKUP | {"fastjsonschema"})
    # a plain PDF's structure and fonts are read without pdfminer and what it imports
    assert not found["worker"] & {"pdfminer", "cryptography", "charset_normalizer"}


COMPILES = """
import json, sys
import regex
made = []
original = regex.compile
def counting(pattern, flags=0, **kwargs):
    made.append(pattern)
    return original(pattern, flags, **kwargs)
regex.compile = counting
import dhrplan.extract.pdf, dhrplan.normalize.plan
print(json.dumps(len(made)))
"""
"""Imports the PDF reader and the normalizers and prints how many patterns `regex` compiled."""


def _compiles(cache: Path) -> int:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", COMPILES], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_the_readers_patterns_are_compiled_once_and_loaded_after(tmp_path: Path) -> None:
    cold = _compiles(tmp_path)
    assert cold >= 50  # the dates, owners, completion, labels, vocabulary... patterns
    [cache] = (tmp_path / "dhrplan").glob("regex_pattern_codes_*.pickle")
    written = cache.read_bytes()
    # the rest come from the file (a few normalizers still compile their own few)
    assert _compiles(tmp_path) <= cold // 4
    assert cache.read_bytes() == written  # nothing was missing, nothing written again


def test_a_damaged_pattern_cache_is_compiled_again(tmp_path: Path) -> None:
    cold = _compiles(tmp_path)
    [cache] = (tmp_path / "dhrplan").glob("regex_pattern_codes_*.pickle")
    cache.write_bytes(cache.read_bytes()[:1000])  # cut short
    assert _compiles(tmp_path) == cold
    assert _compiles(tmp_path) <= cold // 4  # and written whole again


def test_a_cached_pattern_matches_as_the_compiled_one(tmp_path: Path) -> None:
    import pickle

    import regex

    _compiles(tmp_path)
    [cache] = (tmp_path / "dhrplan").glob("regex_pattern_codes_*.pickle")
    codes = pickle.loads(cache.read_bytes())
    patterns = {key: pickle.loads(code) for key, code in codes.items()}
    texts = ["31 May 2024", "by end of Q1 2023/24", "Within 6 months of publication",
             "Police and Children's Services", "Recommendation 3a", "Ongoing - RAG: Green",
             "Page 2 of 3", "Target date", "1.2 (a)"]
    for (pattern, flags), cached in patterns.items():
        fresh = regex.compile(pattern, flags)
        assert (cached.pattern, cached.flags, cached.groupindex) == (
            fresh.pattern, fresh.flags, fresh.groupindex)
        for text in texts:
            assert [m.span() for m in cached.finditer(text)] == [
                m.span() for m in fresh.finditer(text)], pattern


class _Unloadable:
    """Pickles to something that fails when unpickled."""

    def __reduce__(self):
        import operator

        return operator.truediv, (1, 0)


def test_a_pattern_not_asked_for_is_never_unpickled(tmp_path: Path) -> None:
    """The file is shared by every dhrplan version on the machine: a process unpickles only
    the patterns it asks for, not the others' (an entry that cannot be unpickled is never
    touched, and nothing is compiled again)."""
    import pickle

    cold = _compiles(tmp_path)
    [cache] = (tmp_path / "dhrplan").glob("regex_pattern_codes_*.pickle")
    codes = pickle.loads(cache.read_bytes())
    codes[("an older version's pattern", 0)] = pickle.dumps(_Unloadable())
    cache.write_bytes(pickle.dumps(codes))
    assert _compiles(tmp_path) <= cold // 4


CLASSES = """
import builtins, dataclasses, json, sys
import dhrplan, dhrplan.classcode as classcode
made = []
def counting(source, *args, **kwargs):
    made.append(source)
    return builtins.compile(source, *args, **kwargs)
classcode.compile = counting
import dhrplan.extract.pdf, dhrplan.normalize.plan, dhrplan.output.jsondoc

@dataclasses.dataclass(frozen=True)
class Outside:
    outside_only_field: int

from dataclasses import FrozenInstanceError
from dhrplan.normalize.record import PlanWarning
warning = PlanWarning("date_unread", "target_date", "why")
try:
    warning.code = "other"
    frozen = False
except FrozenInstanceError:
    frozen = True
print(json.dumps({"compiled": len(made), "repr": repr(warning), "frozen": frozen,
                  "equal": warning == PlanWarning("date_unread", "target_date", "why"),
                  "hash": hash(warning) == hash(PlanWarning("date_unread", "target_date", "why")),
                  "outside": Outside(1) == Outside(1)}))
"""
"""Makes the readers' and normalizers' classes (and one of a program's own), counts the
generated methods compiled for dhrplan's, and shows that a cached class behaves as made."""


def _classes(cache: Path) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", CLASSES], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def _class_file(cache: Path) -> Path:
    [found] = (cache / "dhrplan").glob("dataclass_codes_*.marshal")
    return found


def test_the_classes_methods_are_compiled_once_and_loaded_after(tmp_path: Path) -> None:
    cold = _classes(tmp_path)
    assert cold["compiled"] >= 200  # __init__, __repr__, __eq__... of about 90 classes
    written = _class_file(tmp_path).read_bytes()
    warm = _classes(tmp_path)
    assert warm["compiled"] == 0
    assert _class_file(tmp_path).read_bytes() == written
    # a cached class is the class the compiled text makes
    assert warm == {**cold, "compiled": 0}
    assert warm["repr"] == "PlanWarning(code='date_unread', field='target_date', message='why')"
    assert warm["frozen"] and warm["equal"] and warm["hash"] and warm["outside"]
    # a program's own classes are its own: never written to dhrplan's file
    assert b"outside_only_field" not in written


def test_a_convert_leaves_every_class_its_worker_made_cached(tmp_path: Path) -> None:
    """The worker ends with os._exit, which runs no exit handler: it saves what it compiled
    itself, else every later worker would compile the normalizers' classes again."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "dhrplan", "convert", str(LILY_PDF), "-o", str(tmp_path / "out"),
         "-q"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert _classes(tmp_path / "cache")["compiled"] == 0


def test_a_damaged_class_cache_is_compiled_again(tmp_path: Path) -> None:
    cold = _classes(tmp_path)
    cache = _class_file(tmp_path)
    cache.write_bytes(cache.read_bytes()[:1000])  # cut short
    assert _classes(tmp_path) == cold
    assert _classes(tmp_path)["compiled"] == 0  # and written whole again
