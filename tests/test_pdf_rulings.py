"""Tables whose style draws only some rulings: the council plan written with rules between rows
only (with and without a shaded header row) and without any rulings reads as the fully ruled
one does. Unit tests build small pages by hand to pin down the column rules."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dhrplan.extract.geometry import PageGeometry, PdfplumberSource, Segment, Word
from dhrplan.extract.grid import find_lattices
from dhrplan.extract.textgrid import TextGridSettings, column_boundaries, find_tables
from dhrplan.pipeline import convert_file

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = (
    "number", "section", "text", "actions", "owners", "milestones", "target_dates", "completion",
)


def records(path: Path) -> list[dict]:
    plan = convert_file(path)
    return [{f: dataclasses.asdict(r)[f] for f in FIELDS} for r in plan.recommendations]


@pytest.fixture(scope="module")
def ruled_records():
    found = records(FIXTURES / "council-plan.pdf")
    assert len(found) == 9  # 6 police, 1 children's social care, 2 partnership themes
    return found


@pytest.mark.parametrize("name", ["council-plan-hrules.pdf", "council-plan-hrules-plain.pdf"])
def test_rules_between_rows_only_read_like_the_ruled_plan(name, ruled_records):
    assert records(FIXTURES / name) == ruled_records


def test_rules_only_finds_no_grid_without_the_text():
    """The fixture really lacks vertical rulings: the grid finder alone sees no table body."""
    source = PdfplumberSource(FIXTURES / "council-plan-hrules-plain.pdf")
    try:
        assert source.page_count == 5
        for number in range(1, source.page_count + 1):
            geometry = source.page(number)
            assert find_lattices(geometry.segments) == []
            assert find_tables(geometry)
    finally:
        source.close()


def test_borderless_table_reads_like_the_ruled_plan(ruled_records):
    """No rulings at all: the header of column names, the text gaps and the row starts in
    every column give the same records (see test_pdf_borderless.py for the rules)."""
    assert records(FIXTURES / "council-plan-borderless.pdf") == ruled_records


def test_borderless_table_is_not_read_when_switched_off():
    source = PdfplumberSource(FIXTURES / "council-plan-borderless.pdf")
    try:
        geometry = source.page(1)
        assert find_tables(geometry, settings=TextGridSettings(borderless=False)) == []
    finally:
        source.close()


# --- hand-built pages -------------------------------------------------------------------

CHAR = 5.0
"""Width of a character in the hand-built words."""
SPACE = 2.8
"""Width of a space at 10pt in Arial."""


def word(text: str, x0: float, top: float, bold: bool = False) -> Word:
    font = "Arial-BoldMT" if bold else "ArialMT"
    return Word(text, x0, top, x0 + CHAR * len(text), top + 10, font, 10)


def line(text: str, x0: float, top: float, bold: bool = False) -> list[Word]:
    """Words set with single spaces."""
    words, x = [], x0
    for part in text.split():
        words.append(word(part, x, top, bold))
        x += CHAR * len(part) + SPACE
    return words


def hrule(y: float, x0: float = 50, x1: float = 350) -> Segment:
    return Segment(x0, y, x1, y)


def rect(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    """A filled rectangle's four edges, as the geometry sources give them."""
    return [
        Segment(x0, top, x1, top), Segment(x0, bottom, x1, bottom),
        Segment(x0, top, x0, bottom), Segment(x1, top, x1, bottom),
    ]


def page(words: list[Word], segments: list[Segment]) -> PageGeometry:
    return PageGeometry(1, 400, 600, words, segments, sum(len(w.text) for w in words))


# Three columns at 50 | 150 | 250 | 350 with 5pt cell padding: text starts at 55, 155, 255.
ROWS = [
    line("Rec", 55, 105) + line("Owner", 155, 105) + line("Date", 255, 105),
    line("Train staff", 55, 125) + line("Police", 155, 125) + line("May 2024", 255, 125),
]
RULES = [hrule(100), hrule(120), hrule(140)]


@pytest.mark.parametrize(
    ("name", "bands", "hints", "expected"),
    [
        ("text gaps, one padding left of the text", ROWS, [], [50, 150, 250, 350]),
        ("a shaded cell edge wins over the gap", ROWS, [149.0], [50, 149.0, 250, 350]),
        ("a hint where text crosses still counts", ROWS, [200.0], [50, 150, 200, 250, 350]),
        (
            "a full-width theme row does not vote",
            [*ROWS, line("Theme one: information sharing between every agency", 55, 145)],
            [],
            [50, 150, 250, 350],
        ),
        (
            "a bullet's tab is not a column gap",
            [[word("•", 55, 105), *line("item", 75, 105), *line("Police", 155, 105)]],
            [],
            [50, 150, 350],
        ),
        (
            "spaces between words are not gaps",
            [line("one two three four", 55, 105)],
            [],
            [50, 350],
        ),
        ("no words, no hints: one column", [[]], [], [50, 350]),
    ],
)
def test_column_boundaries(name, bands, hints, expected):
    found = column_boundaries(bands, 50, 350, hints)
    assert found == pytest.approx(expected), name


def test_columns_need_a_gap_wider_than_the_setting():
    bands = [line("Rec", 55, 105) + line("Owner", 76, 105)]  # 6pt between "Rec" and "Owner"
    assert column_boundaries(bands, 50, 350) == pytest.approx([50, 71, 350])
    wide = TextGridSettings(min_column_gap=8.0)
    assert column_boundaries(bands, 50, 350, settings=wide) == pytest.approx([50, 350])


def only(lattices):
    assert len(lattices) == 1
    return lattices[0]


def test_rules_between_rows_make_a_grid():
    lattice = only(find_tables(page([w for row in ROWS for w in row], RULES)))
    assert lattice.xs == pytest.approx([50, 150, 250, 350])
    assert lattice.ys == pytest.approx([100, 120, 140])
    assert all(all(walls) for walls in lattice.v_walls)
    assert [(s.row, s.col, s.cols) for s in lattice.spans()] == [
        (r, c, 1) for r in range(2) for c in range(3)
    ]


def test_text_crossing_a_boundary_is_a_merged_cell():
    theme = line("Theme one: information sharing", 55, 145, bold=True)  # 55..205
    words = [w for row in ROWS for w in row] + theme
    lattice = only(find_tables(page(words, [*RULES, hrule(160)])))
    assert lattice.v_walls[2] == [True, False, True, True]
    assert [(s.col, s.cols) for s in lattice.spans() if s.row == 2] == [(0, 2), (2, 1)]


def test_partial_rule_merges_the_columns_it_does_not_underline():
    """A recommendation merged down beside two actions: the rule between the actions runs
    under the second and third columns only."""
    words = (
        line("Rec", 55, 105) + line("Action", 155, 105) + line("Date", 255, 105)
        + line("First", 155, 125) + line("May", 255, 125)
        + line("Second", 155, 145) + line("June", 255, 145)
    )
    rules = [hrule(100), hrule(120), hrule(140, 150, 350), hrule(160)]
    lattice = only(find_tables(page(words, rules)))
    assert lattice.ys == pytest.approx([100, 120, 140, 160])
    assert lattice.h_walls[2] == [False, True, True]
    spans = {(s.row, s.col): s.rows for s in lattice.spans()}
    assert spans[(1, 0)] == 2 and spans[(1, 1)] == 1 and spans[(2, 1)] == 1


def test_shaded_header_cells_give_exact_columns():
    shading = rect(50, 100, 151, 120) + rect(151, 100, 248, 120) + rect(248, 100, 350, 120)
    words = [*line("Rec", 55, 105, True), *line("Owner", 155, 105, True)]
    words += line("Date", 255, 105, True)
    words += line("Train staff", 55, 125) + line("Police", 155, 125) + line("May", 255, 125)
    assert len(find_lattices(shading + RULES)) == 1  # the shading alone: a one-row grid
    lattice = only(find_tables(page(words, shading + RULES)))
    assert lattice.xs == pytest.approx([50, 151, 248, 350])
    assert lattice.n_rows == 2


def test_repeated_header_mid_stack_starts_a_new_table():
    header = line("Rec", 55, 105, True) + line("Owner", 155, 105, True)
    second = [dataclasses.replace(w, top=w.top + 60, bottom=w.bottom + 60) for w in header]
    words = header + line("Train", 55, 125) + line("Police", 155, 125)
    words += line("Children's Social Care", 55, 145, bold=True) + second
    words += line("Audit", 55, 185) + line("Council", 155, 185)
    rules = [hrule(y) for y in (100, 120, 140, 160, 180, 200)]
    tables = find_tables(page(words, rules))
    assert [(t.ys[0], t.ys[-1]) for t in tables] == [(100, 140), (160, 200)]


@pytest.mark.parametrize(
    ("name", "words", "segments"),
    [
        ("a boxed paragraph", line("Note: reviewed annually", 55, 105), [hrule(100), hrule(120)]),
        ("rules of different widths", ROWS[0], [hrule(100), hrule(120, 50, 300)]),
        ("short rules are underlines", ROWS[0], [hrule(100, 55, 100), hrule(120, 55, 100)]),
        ("one rule", ROWS[0], [hrule(100)]),
    ],
)
def test_no_table(name, words, segments):
    assert find_tables(page(words, segments)) == [], name


def test_fully_ruled_grid_is_left_as_find_lattices_gives_it():
    grid = [Segment(x, 100, x, 140) for x in (50, 150, 250, 350)] + RULES
    words = [w for row in ROWS for w in row]
    assert find_tables(page(words, grid)) == find_lattices(grid)
    assert find_tables(page(words, RULES), settings=TextGridSettings(enabled=False)) == []
