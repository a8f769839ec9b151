"""The schema compiled to Python once and cached, so that checking a document costs no start-up.

Importing jsonschema and building its validator took most of a short plan's fixed cost (about
0.15 s of a 0.35 s run). fastjsonschema turns the schema into a Python function; the function is
written to the user's cache folder under the schema's hash and imported from its bytecode after
that, in a few milliseconds.

It only says yes or no. A document it rejects is checked again by jsonschema
(`jsondoc.validation_errors`), which stays the authority and gives the messages. It is used
only while every keyword of the schema means the same in draft 7 (what fastjsonschema
implements) as in draft 2020-12 (what the schema declares): a schema that gains another
keyword, or anything failing here (no writable cache, no fastjsonschema), falls back to
jsonschema alone.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dhrplan.extract.usercache import cache_folder

SAME_IN_DRAFT7 = frozenset({
    "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "default",
    "examples", "type", "properties", "required", "additionalProperties", "items", "enum",
    "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "minItems", "maxItems", "uniqueItems", "anyOf", "allOf", "oneOf", "not",
    "format",
})
"""Keywords fastjsonschema checks as draft 2020-12 does. Not here: `items` as a list and a
`$ref` with sibling keywords (both mean something else in draft 7), and formats other than
`date` (each library knows its own list)."""

FORMATS = frozenset({"date"})
ANNOTATIONS = frozenset({"$comment", "title", "description", "default", "examples"})
SUBSCHEMA_MAPS = ("properties", "$defs")
SUBSCHEMA = ("items", "additionalProperties", "not")
SUBSCHEMA_LISTS = ("anyOf", "allOf", "oneOf")

Check = Callable[[Any], bool]

GENERATED_BY = "dhrplan-schemacheck-1"
"""Part of the cache key with the schema: a change to how the code is generated here gets a
new file instead of an old one."""


def _schemas(node: Any) -> Iterator[dict[str, Any]]:
    """Every (sub)schema object of a schema."""
    if not isinstance(node, dict):
        return
    yield node
    for key in SUBSCHEMA_MAPS:
        for sub in (node.get(key) or {}).values():
            yield from _schemas(sub)
    for key in SUBSCHEMA:
        yield from _schemas(node.get(key))
    for key in SUBSCHEMA_LISTS:
        for sub in node.get(key) or ():
            yield from _schemas(sub)


def portable(schema: dict[str, Any]) -> bool:
    """True when fastjsonschema's draft 7 reads every keyword of `schema` as 2020-12 does."""
    for node in _schemas(schema):
        if not SAME_IN_DRAFT7.issuperset(node):
            return False
        if "$ref" in node and not ANNOTATIONS.issuperset(set(node) - {"$ref"}):
            return False
        if isinstance(node.get("items"), list):
            return False
        if "format" in node and node["format"] not in FORMATS:
            return False
    return True


def compiled(schema_text: str, folder: Path | None = None) -> Check | None:
    """A function telling whether a document matches the schema, or None (use jsonschema)."""
    digest = hashlib.sha256(f"{GENERATED_BY}\n{schema_text}".encode()).hexdigest()[:16]
    folder = folder or cache_folder()
    path = folder / f"plan_schema_{digest}.py"
    try:
        if not path.is_file():
            schema = json.loads(schema_text)
            if not portable(schema):
                return None
            _write(path, _generate(schema))
        _byte_compile(path)
        spec = importlib.util.spec_from_file_location(f"dhrplan_plan_schema_{digest}", path)
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        validate = module.validate
        failure = module.JsonSchemaValueException
    except Exception:
        return None

    def check(doc: Any) -> bool:
        try:
            validate(doc)
        except failure:
            return False
        return True

    return check


LIBRARY_IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException"
STANDALONE = """
class JsonSchemaValueException(ValueError):
    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)


class JsonSchemaValuesException(JsonSchemaValueException):
    def __init__(self, errors):
        super().__init__(str(errors))
"""
"""The generated code's only use of fastjsonschema is its two exception classes; defined in
the file itself, loading the checker does not import the library (its code generators)."""


def _generate(schema: dict[str, Any]) -> str:
    import fastjsonschema

    draft7 = {key: value for key, value in schema.items() if key != "$id"}
    draft7["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile_to_code(draft7).replace(LIBRARY_IMPORT, STANDALONE, 1)


def _byte_compile(path: Path) -> None:
    """Write the module's bytecode beside it if it is missing. Importing does so only where
    bytecode may be written, and many set-ups forbid it (PYTHONDONTWRITEBYTECODE, as on CI
    machines and this project's): then every run compiled the 180 kB module again, about
    40 ms, more than loading it costs. A folder where it cannot be written just costs that."""
    bytecode = Path(importlib.util.cache_from_source(str(path)))
    if bytecode.is_file():
        return
    import py_compile

    try:
        py_compile.compile(str(path), cfile=str(bytecode), doraise=True)
    except (OSError, py_compile.PyCompileError):
        return


def _write(path: Path, code: str) -> None:
    """Atomically, so that two processes compiling at once never import half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".plan_schema_", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(code)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
