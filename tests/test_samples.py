"""The two real plans in samples/ as text exports: every record, field by field.

tests/expected/*.json were written by reading each plan's source cell by cell (paragraphs,
labels, owners and dates as the plan prints them); every field of `sample_facts.view` is
compared: all of a record but the raw cell texts and the warnings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sample_facts import AGENCIES, SAMPLES, view

from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

EXPECTED = Path(__file__).parent / "expected"
STEMS = ["somerset-dhr-012-action-plan", "somerset-dhr-lily-action-plan"]


@pytest.fixture(scope="module", params=STEMS)
def converted(request: pytest.FixtureRequest) -> tuple[dict, dict]:
    stem = request.param
    doc = plan_to_dict(convert_file(SAMPLES / f"{stem}.txt"))
    expected = json.loads((EXPECTED / f"{stem}.json").read_text("utf-8"))
    return doc, expected


def test_document_is_valid(converted: tuple[dict, dict]) -> None:
    doc, _ = converted
    assert validation_errors(doc) == []


def test_title_and_glossary(converted: tuple[dict, dict]) -> None:
    doc, expected = converted
    assert doc["title"] == expected["title"]
    assert doc["glossary"] == expected["glossary"]


def test_every_record_field_by_field(converted: tuple[dict, dict]) -> None:
    doc, expected = converted
    got = [dict(view(r), pages=r["pages"]) for r in doc["recommendations"]]
    assert len(got) == len(expected["recommendations"])
    for record, want in zip(got, expected["recommendations"], strict=True):
        for key, value in want.items():
            assert record[key] == value, f"{want['section']} #{want['number']}: {key}"


def test_somerset_012_has_44_recommendations_under_11_agencies() -> None:
    doc = plan_to_dict(convert_file(SAMPLES / "somerset-dhr-012-action-plan.txt"))
    sections = list(dict.fromkeys(r["section"] for r in doc["recommendations"]))
    assert len(doc["recommendations"]) == 44
    assert sections == AGENCIES


def test_lily_has_8_recommendations_under_four_themes_with_glossary() -> None:
    doc = plan_to_dict(convert_file(SAMPLES / "somerset-dhr-lily-action-plan.txt"))
    assert [r["number"] for r in doc["recommendations"]] == [str(n) for n in range(1, 9)]
    assert list(dict.fromkeys(r["section"] for r in doc["recommendations"])) == [
        "MARAC", "Communication", "Training", "Other",
    ]
    first = doc["recommendations"][0]
    assert first["section_expansion"] == "Multi Agency Risk Assessment Conference"
    assert doc["recommendations"][0]["owners"] == [
        {"name": "SSP", "expansion": "Safer Somerset partnership"}
    ]
    assert len(doc["glossary"]) == 9


@pytest.mark.parametrize("stem", STEMS)
def test_nothing_from_headers_page_breaks_or_index_leaks(stem: str) -> None:
    doc = plan_to_dict(convert_file(SAMPLES / f"{stem}.txt"))
    header_words = {"Recommendation", "Scope", "Action Required", "Action Holder",
                    "Key Milestones", "Target Date", "Lead Agency", "Key Milestone"}
    for record in doc["recommendations"]:
        texts = [record["text"], *record["milestones"], *(a["text"] for a in record["actions"])]
        texts += [o["name"] for o in record["owners"]]
        for text in texts:
            assert text.strip() not in header_words, record["id"]
            assert "---" not in text and "<" not in text, record["id"]
            assert not text.rstrip().endswith(("\t", "|")), record["id"]
        assert record["pages"], record["id"]


def test_rows_joined_across_page_breaks_say_so() -> None:
    doc = plan_to_dict(convert_file(SAMPLES / "somerset-dhr-012-action-plan.txt"))
    police_2 = doc["recommendations"][1]
    assert police_2["pages"] == [1, 2]
    assert any("page break" in w["message"] for w in police_2["warnings"])
    assert "page numbers are inferred" in doc["warnings"][0]["message"]


def test_ids_are_unique_and_stable() -> None:
    path = SAMPLES / "somerset-dhr-012-action-plan.txt"
    first = [r["id"] for r in plan_to_dict(convert_file(path))["recommendations"]]
    again = [r["id"] for r in plan_to_dict(convert_file(path))["recommendations"]]
    assert first == again
    assert len(set(first)) == len(first)
    assert first[0] == "somerset-dhr-012-action-plan-avon-and-somerset-police-1"
