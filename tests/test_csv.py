"""Per-plan and combined CSV: Excel-friendly encoding, RFC 4180 rows, lists as lines in a cell."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from dhrplan import batch, pipeline
from dhrplan.cli import main
from dhrplan.normalize.record import Plan
from dhrplan.output import csvfile
from dhrplan.output.jsondoc import plan_from_dict, plan_to_dict
from dhrplan.output.tables import (
    ACTION_COLUMNS,
    RECOMMENDATION_COLUMNS,
    TRACKING_COLUMNS,
    SourcedPlan,
    neutralise,
    recommendations_table,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LILY = SAMPLES / "somerset-dhr-lily-action-plan.txt"
CASE_012 = SAMPLES / "somerset-dhr-012-action-plan.txt"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def lily_plan() -> Plan:
    return pipeline.convert_file(LILY)


@pytest.fixture(scope="module")
def converted(combined_samples: Path) -> Path:
    return combined_samples


def test_per_plan_csv_starts_with_bom_and_uses_crlf(converted: Path) -> None:
    data = (converted / "somerset-dhr-lily-action-plan.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = data[3:].split(b"\r\n", 1)[0].decode()
    assert header == ",".join(RECOMMENDATION_COLUMNS)


def test_one_row_per_recommendation(converted: Path) -> None:
    for stem in ("somerset-dhr-lily-action-plan", "somerset-dhr-012-action-plan"):
        doc = json.loads((converted / f"{stem}.json").read_text("utf-8"))
        rows = read_csv(converted / f"{stem}.csv")
        assert len(rows) == len(doc["recommendations"]) > 0
        assert [r["recommendation_id"] for r in rows] == [r["id"] for r in doc["recommendations"]]


def test_lists_survive_a_round_trip_as_lines_in_one_cell(converted: Path) -> None:
    doc = json.loads((converted / "somerset-dhr-lily-action-plan.json").read_text("utf-8"))
    rows = read_csv(converted / "somerset-dhr-lily-action-plan.csv")
    multi = [
        (rec, row) for rec, row in zip(doc["recommendations"], rows, strict=True)
        if len(rec["milestones"]) > 1
    ]
    assert multi, "the sample has recommendations with several milestones"
    for rec, row in multi:
        assert row["milestones"] == neutralise("\n".join(rec["milestones"]))
        assert "\n" in row["milestones"]


def test_dates_are_iso(converted: Path) -> None:
    rows = read_csv(converted / "somerset-dhr-lily-action-plan.csv")
    dates = [r[c] for r in rows for c in ("target_start", "target_end", "completion_date") if r[c]]
    assert dates
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)


def test_combined_recommendations_cover_every_plan(converted: Path) -> None:
    rows = read_csv(converted / "recommendations.csv")
    expected = sum(
        len(json.loads((converted / f"{s.stem}.json").read_text("utf-8"))["recommendations"])
        for s in (LILY, CASE_012)
    )
    assert len(rows) == expected
    assert {r["source_file"] for r in rows} == {LILY.name, CASE_012.name}
    assert all(r["recommendation_id"] for r in rows)


def test_combined_actions_show_only_each_actions_own_fields(converted: Path) -> None:
    docs = {
        s.name: json.loads((converted / f"{s.stem}.json").read_text("utf-8"))
        for s in (LILY, CASE_012)
    }
    rows = read_csv(converted / "actions.csv")
    assert list(rows[0]) == [*ACTION_COLUMNS, *TRACKING_COLUMNS]
    expected = [
        (name, rec["id"], action)
        for name in sorted(docs)
        for rec in docs[name]["recommendations"]
        for action in rec["actions"]
    ]
    assert len(rows) == len(expected) > 0
    for row, (name, rec_id, action) in zip(rows, expected, strict=True):
        assert (row["source_file"], row["recommendation_id"]) == (name, rec_id)
        assert row["text"] == neutralise(action["text"])
        if not action.get("owners"):
            assert row["owners"] == ""
        if not action.get("target_dates"):
            assert row["target_dates"] == row["target_start"] == ""
        if not action.get("completion"):
            assert row["completion_status"] == row["completion"] == ""


def test_formula_looking_text_is_neutralised(lily_plan: Plan) -> None:
    first = lily_plan.recommendations[0]
    hostile = dataclasses.replace(
        first, text='=HYPERLINK("http://x","y")', section="+1", milestones=["@SUM(A1)", "-2"]
    )
    plan = dataclasses.replace(lily_plan, recommendations=[hostile])
    text = csvfile.encode(recommendations_table([SourcedPlan("x.txt", plan)])).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["text"] == '\'=HYPERLINK("http://x","y")'
    assert row["section"] == "'+1"
    assert row["milestones"] == "'@SUM(A1)\n-2"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_neutralise_prefixes_an_apostrophe(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", [date(2023, 1, 2), 3, None, "plain text", "1 = 1"])
def test_neutralise_leaves_typed_and_harmless_values(value: object) -> None:
    assert neutralise(value) == value  # type: ignore[arg-type]


def test_plan_read_back_from_json_flattens_like_the_original(lily_plan: Plan) -> None:
    again = plan_from_dict(json.loads(json.dumps(plan_to_dict(lily_plan))))
    assert again == lily_plan
    table = recommendations_table([SourcedPlan("a", lily_plan)])
    assert recommendations_table([SourcedPlan("a", again)]) == table


def test_format_json_only_writes_no_csv(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(LILY), "-o", str(out), "--format", "json", "-j", "1"]) == 0
    assert (out / f"{LILY.name}.json").is_file()
    assert not list(out.glob("*.csv"))
    assert batch.FORMATS == ("json", "csv")


def test_validated_json_is_the_document_or_why_it_is_invalid(lily_plan: Plan) -> None:
    from dhrplan.output.jsondoc import InvalidDocument, validated_json

    assert json.loads(validated_json(lily_plan)) == plan_to_dict(lily_plan)
    wrong = dataclasses.replace(lily_plan, schema_version="0.9")
    with pytest.raises(InvalidDocument, match=r"^invalid plan document: \$\.schema_version"):
        validated_json(wrong)
