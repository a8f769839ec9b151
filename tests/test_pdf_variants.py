"""The council plan and the Home Office plan with their page breaks moved
(tests/fixtures/make_fixture_variants.py): other page sizes, fonts, padding, and blank lines
that push a break inside a recommendation merged down over its actions, between its action
rows, inside bullets and lettered items. Every variant gives the reference PDF's
recommendations with the same structure: sections, numbers, scope, milestones, and each
action's own owners, target dates and progress."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dhrplan.pipeline import Options, convert_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCES = {
    "council-plan": FIXTURES / "council-plan.pdf",
    "home-office": FIXTURES / "home-office-template.pdf",
}
VARIANTS = sorted(p.stem.removeprefix("variant-") for p in FIXTURES.glob("variant-*.pdf"))

KNOWN = {
    # "Briefing" alone on a line (the column is narrow at 12 pt), then "to be circulated":
    # the one-word line gives nothing to tell a new milestone from a wrapped one
    ("council-plan-a4-12pt", 3): "milestones",
}


def structure(path: Path, backend: str = "pdfplumber") -> list[dict]:
    plan = convert_file(path, Options(backend=backend))
    out = []
    for record in plan.recommendations:
        d = dataclasses.asdict(record)
        out.append({
            "section": d["section"], "number": d["number"], "scope": d["scope"],
            "owners": d["owners"], "target_dates": d["target_dates"],
            "completion": d["completion"], "milestones": d["milestones"],
            "actions": [(a["owners"], a["target_dates"], a["completion"]) for a in d["actions"]],
        })
    return out


@pytest.fixture(scope="module")
def references() -> dict[str, list[dict]]:
    return {name: structure(path) for name, path in REFERENCES.items()}


def test_variants_exist() -> None:
    assert len(VARIANTS) >= 20


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("backend", ["pdfplumber", "pdfium"])
def test_variant_has_the_reference_structure(
    variant: str, backend: str, references: dict[str, list[dict]]
) -> None:
    plan = next(name for name in REFERENCES if variant.startswith(name))
    got, want = structure(FIXTURES / f"variant-{variant}.pdf", backend), references[plan]
    assert len(got) == len(want)
    differing = {
        (variant, i): field
        for i, (a, b) in enumerate(zip(got, want, strict=True))
        for field in a
        if a[field] != b[field]
    }
    assert differing == {k: v for k, v in KNOWN.items() if k[0] == variant}


@pytest.mark.parametrize("variant", [v for v in VARIANTS if "shift-merged" in v])
def test_recommendation_merged_over_a_page_break(variant: str) -> None:
    """The MARAC recommendation spans three action rows; the variants put the page break in
    its first row, between its rows, and beside its last row: the record is the same."""
    def marac(path: Path) -> dict:
        plan = convert_file(path)
        (record,) = [r for r in plan.recommendations if r.section == "MARAC"]
        d = dataclasses.asdict(record)
        return {k: v for k, v in d.items()
                if k not in ("pages", "warnings", "id", "source_regions")}

    got = marac(FIXTURES / f"variant-{variant}.pdf")
    assert got == marac(REFERENCES["council-plan"])
    assert [a["owners"][0]["name"] for a in got["actions"]] == ["SSP", "Safelives", "SSP"]
