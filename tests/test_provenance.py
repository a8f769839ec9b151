"""Each record keeps the cells it was read from (`source_regions`): PDF cells their page and
box, carried through the joins of rows a page break cut; other formats their position and
text."""

from __future__ import annotations

from pathlib import Path

import pytest
from region_words import words_in_boxes, words_of
from sample_facts import SAMPLES

from dhrplan.extract.model import Cell, Region, Row
from dhrplan.extract.stitch import join_rows
from dhrplan.output.jsondoc import plan_from_dict, plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

FIXTURES = Path(__file__).parent / "fixtures"
PDFS = [SAMPLES / "somerset-dhr-lily-action-plan.pdf", SAMPLES / "somerset-dhr-012-action-plan.pdf",
        FIXTURES / "council-plan.pdf"]


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_text_regions_hold_the_words_of_the_recommendation(pdf: Path) -> None:
    plan = convert_file(pdf)
    for record in plan.recommendations:
        boxes = [(r.page, r.bbox) for r in record.source_regions if r.field == "text"]
        assert boxes, record.id
        assert all(r.page in record.pages for r in record.source_regions), record.id
        inside = words_in_boxes(pdf, boxes)
        missing = [w for w in words_of(record.text) if w not in inside]
        assert not missing, (record.id, missing)


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_each_action_has_a_region_of_its_own_holding_its_words(pdf: Path) -> None:
    """An action's own regions (`SourceRegion.action`; in the JSON under the action): the
    lines of its cell that hold its text, so actions sharing a cell get boxes of their own;
    an action with a row of its own also its owner, date and progress cells."""
    plan = convert_file(pdf)
    doc = plan_to_dict(plan)
    shared = 0
    for record, written in zip(plan.recommendations, doc["recommendations"], strict=True):
        assert all(r.get("action") is None for r in written["source_regions"])
        texts = []
        for i, action in enumerate(record.actions):
            own = [r for r in record.source_regions if r.action == i]
            assert [{**vars(r)} for r in own] == [
                {**r, "action": i} for r in written["actions"][i]["source_regions"]]
            boxes = [(r.page, r.bbox) for r in own if r.field == "actions"]
            assert boxes and all(r.page in record.pages for r in own), (record.id, i)
            inside = words_in_boxes(pdf, boxes)
            missing = [w for w in words_of(action.text) if w not in inside]
            assert not missing, (record.id, i, missing)
            for region in own:
                if region.field == "owners" and action.owners:
                    assert words_of(action.owners[0].name)[0] in words_in_boxes(
                        pdf, [(region.page, region.bbox)])
            texts.append(inside)
        for a, b in zip(texts, texts[1:], strict=False):  # neighbours: boxes of their own
            shared += a != b
    assert shared >= (5 if "somerset" in pdf.name else 0)


def test_a_row_cut_by_a_page_break_keeps_a_region_on_each_page() -> None:
    plan = convert_file(SAMPLES / "somerset-dhr-012-action-plan.pdf")
    joined = [r for r in plan.recommendations
              if any(w.code == "row_joined" for w in r.warnings)]
    assert joined
    for record in joined:
        pages = {region.page for region in record.source_regions}
        assert len(pages) >= 2, record.id


def test_join_rows_carries_both_regions() -> None:
    top = Row([Cell("Training for", regions=(Region(1, 10, 700, 90, 780),))], [1])
    rest = Row([Cell("all staff", regions=(Region(2, 10, 60, 90, 80),))], [2])
    assert join_rows(top, rest).cells[0].regions == (*top.cells[0].regions,
                                                      *rest.cells[0].regions)


def test_docx_regions_give_position_and_text() -> None:
    plan = convert_file(FIXTURES / "council-plan.docx")
    for record in plan.recommendations:
        assert record.source_regions, record.id
        for region in record.source_regions:
            assert region.bbox is None and region.page is None
            assert region.table is not None and region.row is not None
            assert [region.table, region.row] in record.rows
            assert region.text and region.text.strip()
        text = " ".join(r.text or "" for r in record.source_regions if r.field == "text")
        assert set(words_of(record.text)) <= set(words_of(text)), record.id


def test_regions_are_in_the_schema_and_read_back() -> None:
    plan = convert_file(SAMPLES / "somerset-dhr-lily-action-plan.pdf")
    doc = plan_to_dict(plan)
    assert not validation_errors(doc)
    assert plan_from_dict(doc).recommendations[0].source_regions == \
        plan.recommendations[0].source_regions
    del doc["recommendations"][0]["source_regions"]  # documents written before it
    assert not validation_errors(doc)
    doc["recommendations"][1]["source_regions"][0]["bbox"] = [1, 2, 3]
    assert validation_errors(doc)
