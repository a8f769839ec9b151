"""Scope cells: one row per real-world phrase, samples first."""

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.normalize.record import Scope
from dhrplan.normalize.scope import parse_scope, reach_of

CASES = [
    # --- samples
    ("Local", ["local"]),
    ("National and Local", ["local", "national"]),
    ("National and Local?", ["local", "national"]),
    ("Local (Somerset)", ["local"]),
    ("(Somerset county)", ["local"]),
    ("Local (Somerset county)", ["local"]),
    # --- other phrases from the issue
    ("National", ["national"]),
    ("Regional", ["regional"]),
    ("Local and regional", ["local", "regional"]),
    ("Local / National", ["local", "national"]),
    ("Regional, National and Local", ["local", "regional", "national"]),
    ("Mendip District", ["local"]),
    ("South West", ["regional"]),
    ("England and Wales", ["national"]),
    ("nationally", ["national"]),
    # --- "<" and ">" that are not markup stay in the text
    ("Local (<5 sites) and National (>1 agency)", ["local", "national"]),
    # --- round 4: more places and reaches
    ("Scotland", ["national"]),
    ("Northern Ireland", ["national"]),
    ("National (Home Office)", ["national"]),
    ("Home Office", ["national"]),
    ("Pan-London", ["regional"]),
    ("London-wide", ["regional"]),
    ("Peninsula-wide", ["regional"]),
    ("Countywide", ["local"]),
    ("Borough-wide", ["local"]),
    ("Local & Regional", ["local", "regional"]),
    ("Local, Regional, National", ["local", "regional", "national"]),
    ("Local authority area", ["local"]),
    ("Local government", ["local"]),
    ("Not local", []),
    ("Not national", []),  # a negation before any level word, not only "local"
    ("Non-local", []),
    ("Local (not regional)", ["local"]),
    ("Sub-regional", ["regional"]),
    # --- unrecognised: no levels, raw kept
    ("Multi-agency", []),
    ("Force-wide", []),
    ("Somerset", []),
    ("Internal", []),
    ("?", []),
    # --- round 6: scope cells of DHR / SAR plans; a place then "wide", or "Pan-" and a
    # place, is a local reach ("Pan-Dorset"); an agency's own reach ("Force-wide") no level
    ("Multi agency", []),
    ("Single agency (Police)", []),
    ("Single agency", []),
    ("Single Agency – Health", []),
    ("Pan Dorset", ["local"]),
    ("Local and national", ["local", "national"]),
    ("Local & National", ["local", "national"]),
    ("Local/Regional/National", ["local", "regional", "national"]),
    ("Local – Dorset", ["local"]),
    ("County-wide", ["local"]),
    ("Cumbria wide", ["local"]),
    ("Force wide", []),
    ("Trust-wide", []),
    ("Organisation-wide", []),
    ("South West region", ["regional"]),
    ("Regional (South West)", ["regional"]),
    ("National – Home Office", ["national"]),
    ("National (for Home Office)", ["national"]),
    ("Local (CSP area)", ["local"]),
    ("Local only", ["local"]),
    ("Partnership wide", ["local"]),
    ("Partnership", []),
    ("All agencies", []),
    ("Internal (single agency)", []),
    ("External", []),
    ("Multi-agency / Local", ["local"]),
    ("Local (multi-agency)", ["local"]),
    ("Countywide (Dorset, BCP)", ["local"]),
    ("BCP and Dorset", []),
    ("Dorset-wide", ["local"]),
    ("West Midlands", ["regional"]),
    ("Wales", ["national"]),
    ("Welsh Government", []),
    ("UK-wide", ["national"]),
    ("UK", ["national"]),
    ("All Wales", ["national"]),
    ("London", []),
    ("Greater Manchester", []),
    ("Merseyside", []),
    ("N/A", []),
    ("TBC", []),
    ("Local – consider national", ["local", "national"]),
    ("Local, with national learning", ["local", "national"]),
    ("National implications", ["national"]),
    ("Local with national implications", ["local", "national"]),
    ("Both", []),
]


@pytest.mark.parametrize("raw, levels", CASES, ids=[c[0] for c in CASES])
def test_parse_scope(raw, levels):
    assert parse_scope(raw) == Scope(raw=raw, levels=levels)


@pytest.mark.parametrize("raw", ["", "  ", "\n"])
def test_empty_cell(raw):
    assert parse_scope(raw) is None


# a theme heading, the levels of the reach it ends with (None: it names no reach)
REACHES = [
    ("Theme 2 – Processes – Countywide", ["local"]),
    ("Theme 4 – Training – Cumbria wide", ["local"]),
    ("Theme 3 – Training – Fellside district", ["local"]),
    ("Theme 1 - Information sharing - National", ["national"]),
    ("Theme 5 — Housing — regional", ["regional"]),
    # no reach: no dash, a long last part, an agency named at the end
    ("Theme 2 Processes", None),
    ("Countywide", None),
    ("Priority 1 – Learning from reviews reaches practitioners in the county", None),
    ("Part 2 – Somerset County Council", None),
    ("Theme 1 – Cumbria wide data sharing", None),
    (None, None),
]


@pytest.mark.parametrize(("section", "levels"), REACHES)
def test_a_theme_heading_ends_with_its_reach(section: str | None, levels) -> None:
    scope = reach_of(section)
    assert (scope.levels if scope else None) == levels


def test_line_breaks_are_dropped_from_raw():
    assert parse_scope("Local (Somerset\ncounty)") == Scope("Local (Somerset county)", ["local"])


def test_exported_markup_reads_as_its_text():
    assert parse_scope(cell_from_markup("<p>Local (Somerset</p>\n<p>county)</p>").text) == Scope(
        "Local (Somerset county)", ["local"]
    )
