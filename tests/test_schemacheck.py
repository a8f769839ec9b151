"""The cached compiled schema says what jsonschema says: yes to the real documents, no to every
broken one, and it steps aside (None) for schemas it cannot check the same way."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from sample_facts import SAMPLES

from dhrplan.output.jsondoc import _schema_text, plan_to_dict, schema, validation_errors
from dhrplan.output.schemacheck import compiled, portable
from dhrplan.pipeline import convert_file


@pytest.fixture(scope="module")
def check(tmp_path_factory: pytest.TempPathFactory):
    found = compiled(_schema_text(), tmp_path_factory.mktemp("cache"))
    assert found is not None
    return found


@pytest.fixture(scope="module")
def document() -> dict:
    return plan_to_dict(convert_file(SAMPLES / "somerset-dhr-lily-action-plan.txt"))


def test_the_real_documents_pass(check, document):
    assert validation_errors(document) == []
    assert check(document)


def _set(path: str, value):
    def change(doc: dict) -> None:
        *parents, last = path.split(".")
        node = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is KeyError:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return change


BROKEN = {
    "required field missing": _set("source.sha256", KeyError),
    "bad hash": _set("source.sha256", "not-a-hash"),
    "unknown format": _set("source.format", "odt"),
    "pages below 0": _set("source.pages", -1),
    "pages not an integer": _set("source.pages", "3"),
    "extra top-level field": _set("colour", "red"),
    "extra record field": _set("recommendations.0.rag", "green"),
    "record text not a string": _set("recommendations.0.text", 7),
    "unknown status": _set("recommendations.0.completion.status", "done"),
    "not a calendar date": _set("recommendations.0.target_dates.0.start", "2022-02-30"),
    "date in another form": _set("recommendations.0.target_dates.0.start", "1/9/2022"),
    "unknown scope level": _set("recommendations.0.scope.levels", ["galactic"]),
    "empty file name": _set("source.file", ""),
    "warnings not a list": _set("warnings", "none"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_every_broken_document_is_refused_by_both(check, document, name):
    broken = copy.deepcopy(document)
    BROKEN[name](broken)
    assert validation_errors(broken), name
    assert not check(broken), name


@pytest.mark.parametrize(
    ("extra", "usable"),
    [
        ({}, True),
        ({"unevaluatedProperties": False}, False),  # no such keyword in draft 7
        ({"prefixItems": [{"type": "string"}]}, False),
        ({"properties": {"a": {"$ref": "#/$defs/x", "type": "string"}}}, False),  # siblings
        ({"properties": {"a": {"$ref": "#/$defs/x", "description": "a note"}}}, True),
        ({"properties": {"a": {"type": "array", "items": [{"type": "string"}]}}}, False),
        ({"properties": {"a": {"type": "string", "format": "email"}}}, False),
        ({"properties": {"a": {"anyOf": [{"type": "string"}, {"dependentRequired": {}}]}}},
         False),
    ],
)
def test_only_schemas_checked_the_same_in_draft_7(extra, usable):
    base = {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$defs": {"x": {"type": "string"}}, "type": "object"}
    assert portable({**base, **extra}) is usable


def test_the_shipped_schema_is_checked_fast():
    assert portable(schema())


def test_compiled_once_then_loaded_from_the_cache(tmp_path: Path, document):
    first = compiled(_schema_text(), tmp_path)
    (generated,) = tmp_path.glob("plan_schema_*.py")
    stamp = generated.stat().st_mtime_ns
    again = compiled(_schema_text(), tmp_path)
    assert first is not None and again is not None and again(document)
    assert generated.stat().st_mtime_ns == stamp
    assert "import fastjsonschema" not in generated.read_text()
    assert "from fastjsonschema" not in generated.read_text()


def test_no_cache_folder_or_another_schema_falls_back(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert compiled(_schema_text(), blocked) is None  # a file where the folder should be
    other = {**schema(), "unevaluatedProperties": False}
    assert compiled(json.dumps(other), tmp_path) is None
    assert Draft202012Validator(other).is_valid({}) is False  # jsonschema still checks it


def test_bytecode_is_cached_even_where_imports_may_not_write_it(tmp_path: Path, monkeypatch):
    # PYTHONDONTWRITEBYTECODE (CI, this project's machines) would otherwise leave every run
    # compiling the generated module from source again
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert compiled(_schema_text(), tmp_path) is not None
    (generated,) = tmp_path.glob("plan_schema_*.py")
    bytecode = Path(importlib.util.cache_from_source(str(generated)))
    assert bytecode.is_file()
    stamp = bytecode.stat().st_mtime_ns
    assert compiled(_schema_text(), tmp_path) is not None
    assert bytecode.stat().st_mtime_ns == stamp
