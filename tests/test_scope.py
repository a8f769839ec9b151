"""Scope cells: one row per real-world phrase, samples first."""

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.normalize.record import Scope
from dhrplan.normalize.scope import parse_scope

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
    # --- unrecognised: no levels, raw kept
    ("Somerset", []),
    ("Internal", []),
    ("?", []),
]


@pytest.mark.parametrize("raw, levels", CASES, ids=[c[0] for c in CASES])
def test_parse_scope(raw, levels):
    assert parse_scope(raw) == Scope(raw=raw, levels=levels)


@pytest.mark.parametrize("raw", ["", "  ", "\n"])
def test_empty_cell(raw):
    assert parse_scope(raw) is None


def test_line_breaks_are_dropped_from_raw():
    assert parse_scope("Local (Somerset\ncounty)") == Scope("Local (Somerset county)", ["local"])


def test_exported_markup_reads_as_its_text():
    assert parse_scope(cell_from_markup("<p>Local (Somerset</p>\n<p>county)</p>").text) == Scope(
        "Local (Somerset county)", ["local"]
    )
