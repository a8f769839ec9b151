"""Tagged PDFs: a table's rows and cells from its Table/TR/TD tags where no ruling lines draw
them (`extract/tagtables.py`).

The fixtures (tests/fixtures/make_tag_tables.py) are one invented plan in Word's cell
spacing, with a theme row across the table, a recommendation merged down over its actions, a
cell merged across two columns, paragraphs and bullets in cells and a row cut by the page
break: without borders (python-docx's "Normal Table") and ruled between rows only, each
printed by LibreOffice tagged and untagged, and as an HTML table without CSS borders printed
by Chromium. Every tagged print gives the records of the .docx. Of the untagged prints, read
from the layout alone, the one ruled between rows does too; the borderless one loses its
second page, whose paragraph spacing keeps the columns' lines off a common baseline
(`borderless`, Alignment).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dhrplan.extract.geometry import PageGeometry, Word
from dhrplan.extract.grid import Lattice
from dhrplan.extract.model import Cell, Row, TableFragment
from dhrplan.extract.pdf import _read_pages, read_pdf
from dhrplan.extract.stitch import stitch
from dhrplan.extract.tags import Tag, tag_of, warning_code
from dhrplan.extract.tagtables import follow_tags
from dhrplan.output.jsondoc import plan_to_dict
from dhrplan.pipeline import Options, convert_file

sys.path.insert(0, str(Path(__file__).parent))
from corpus_view import view  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
TAGGED = ["tag-tables-borderless-tagged.pdf", "tag-tables-hrules-tagged.pdf",
          "tag-tables-chromium.pdf"]
BACKENDS = ["pdfium", "pdfplumber"]


def _records(path: Path, backend: str = "pdfium") -> tuple[list[dict], dict]:
    doc = plan_to_dict(convert_file(path, Options(backend=backend)))
    return [view(r) for r in doc["recommendations"]], doc


@pytest.fixture(scope="module")
def docx_records() -> list[dict]:
    records, _ = _records(FIXTURES / "tag-tables-borderless.docx")
    assert len(records) == 9
    return records


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", TAGGED)
def test_tagged_print_gives_the_records_of_the_docx(name, backend, docx_records):
    records, doc = _records(FIXTURES / name, backend)
    assert records == docx_records
    assert not [w for w in doc["warnings"] if w["code"] == "tags_fallback"]


def test_the_fixture_holds_what_the_tags_must_decide(docx_records):
    """The merged-down recommendation keeps both its actions (with their owners), the cell
    merged across is one action, and the row the page break cut is whole."""
    first, *_, sixth, _, _, last = docx_records
    assert first["owners"] == ["Police", "Health"]
    assert len(first["actions"]) == 2
    assert first["text"].count("\n") == 1
    assert sixth["number"] == "6" and sixth["text"].count("\n") == 2
    assert last["actions"][0]["text"] == "Actions to be agreed at the next board meeting."


@pytest.mark.parametrize("stem", ["tag-tables-borderless", "tag-tables-hrules"])
def test_tags_replace_the_grid_the_layout_would_infer(stem):
    untagged = read_pdf(FIXTURES / f"{stem}.pdf")
    tagged = read_pdf(FIXTURES / f"{stem}-tagged.pdf")
    assert any("without full ruling lines" in w for w in untagged.warnings)
    assert not [w for w in tagged.warnings if "without full ruling lines" in w or "tag" in w]


@pytest.mark.parametrize("backend", BACKENDS)
def test_untagged_rules_between_rows_keep_a_column_a_merged_cell_hid(backend, docx_records):
    """On page 2 of the untagged print ruled between rows, the cell merged across Action and
    Lead agency hides the edge between them from the text's gaps; regridded onto page 1's
    columns, every row's text shows the edge again (`textgrid.wall_new_columns`), where
    before the owners ran into the actions without a warning."""
    records, _ = _records(FIXTURES / "tag-tables-hrules.pdf", backend)
    assert records == docx_records


# --- the rule on pages built here --------------------------------------------------------

def _word(text: str, x0: float, line: int, cell: int, row: int, table: int = 1) -> Word:
    top = 100.0 + 12.0 * line
    return Word(text, x0, top, x0 + 6.0 * len(text), top + 10.0, "Arial", 10.0,
                paragraph=cell, cell=cell, row=row, table=table)


def _page(words: list[Word]) -> PageGeometry:
    return PageGeometry(1, 595.0, 842.0, words, [], sum(len(w.text) for w in words),
                        tagged=True)


COLUMNS = (60.0, 160.0, 260.0)
"""Where each column's text starts (the columns are 100 pt wide)."""


def _table() -> list[Word]:
    """Header; a recommendation merged down beside two action rows; a theme row across."""
    a, b, c = COLUMNS
    return [
        _word("Recommendation", a, 0, 1, 1), _word("Action", b, 0, 2, 1),
        _word("Owner", c, 0, 3, 1),
        _word("Agencies", a, 1, 4, 2), _word("should", a, 2, 4, 2), _word("share", a, 3, 4, 2),
        _word("Draft", b, 1, 5, 2), _word("Police", c, 1, 6, 2),
        _word("Audit", b, 3, 7, 3), _word("Health", c, 3, 8, 3),
        _word("Theme", a, 5, 9, 4), _word("two:", a + 40, 5, 9, 4),
        _word("training", a + 70, 5, 9, 4), _word("for", b + 30, 5, 9, 4),
        _word("everyone", b + 60, 5, 9, 4), _word("concerned", c + 20, 5, 9, 4),
    ]


def test_a_borderless_tagged_table_becomes_a_lattice_with_its_merges():
    (lattice,), unfollowed = follow_tags(_page(_table()), [])
    assert unfollowed == 0 and lattice.from_tags and lattice.inferred is None
    assert lattice.n_rows == 4 and lattice.n_cols == 3
    # one padding (half the narrowest gap, at most 6 pt) left of each column's text
    assert [round(x, 1) for x in lattice.xs] == [54.0, 154.0, 254.0, 340.0]
    assert lattice.h_walls[2] == [False, True, True]  # the recommendation merged down
    assert lattice.v_walls[3] == [True, False, False, True]  # the theme row across
    assert lattice.v_walls[1] == [True, True, True, True]


def test_an_inferred_grid_gives_way_and_a_ruled_one_stays():
    words = _table()
    inferred = Lattice([50.0, 350.0], [95.0, 170.0], [[True, True]] * 1, [[True]] * 2,
                       "columns from the gaps between words")
    (lattice,), _ = follow_tags(_page(words), [inferred])
    assert lattice.from_tags
    ruled = Lattice(lattice.xs, lattice.ys, lattice.v_walls, lattice.h_walls)
    assert follow_tags(_page(words), [ruled]) == ([ruled], 0)


def test_a_ruled_box_around_several_tagged_cells_gives_way():
    """Edges of shading around the whole table (or down a column and along the header) make
    a grid whose one cell would hold the text of many tagged cells."""
    box = Lattice([50.0, 350.0], [95.0, 170.0], [[True, True]], [[True], [True]])
    (lattice,), _ = follow_tags(_page(_table()), [box])
    assert lattice.from_tags and lattice.n_cols == 3


def test_the_swatches_of_a_colour_key_are_a_column():
    """A colour key: shaded cells without text beside their labels, a one-column tagged
    table on its own; the shading's edges give it its first column."""
    labels = [_word("Green", 80.0, 0, 1, 1), _word("Amber", 80.0, 1, 2, 2),
              _word("Red", 80.0, 2, 3, 3)]
    swatches = Lattice([50.0, 74.0], [99.0, 111.0, 123.0, 135.0], [[True, True]] * 3,
                       [[True]] * 4)
    (lattice,), _ = follow_tags(_page(labels), [swatches])
    assert lattice.n_cols == 2 and lattice.xs[:2] == [50.0, 74.0]


@pytest.mark.parametrize(("case", "words"), [
    ("two cells of a row overlap", [
        _word("Recommendation", 60.0, 0, 1, 1), _word("Action", 100.0, 0, 2, 1),
        _word("Owner", 260.0, 0, 3, 1)]),
    ("two rows on one line", [
        _word("Recommendation", 60.0, 0, 1, 1), _word("Action", 160.0, 0, 2, 2),
        _word("Owner", 260.0, 1, 3, 1)]),
    ("one cell in two rows", [
        _word("Recommendation", 60.0, 0, 1, 1), _word("Action", 160.0, 0, 2, 1),
        _word("Owner", 260.0, 2, 2, 2)]),
])
def test_tags_that_disagree_with_the_page_leave_it_to_the_layout(case, words):
    inferred = Lattice([50.0, 150.0, 350.0], [95.0, 140.0], [[True, True, True]],
                       [[True, True], [True, True]], "rows and columns from text alignment")
    assert follow_tags(_page(words), [inferred]) == ([inferred], 1), case


@pytest.mark.parametrize(("spanned", "wall"), [(2, False), (1, True), (5, False)])
def test_a_cell_merged_down_by_its_row_span(spanned, wall):
    """An owner merged down beside two actions, its text shorter than its first row: its
    RowSpan merges it over the empty cell below, not over the next row's own owner."""
    from dataclasses import replace

    words = [replace(w, cell_rows=spanned) if w.text == "Police" else w
             for w in _table() if w.text != "Health"]
    (lattice,), _ = follow_tags(_page(words), [])
    assert lattice.h_walls[2][2] is wall
    assert lattice.h_walls[3][2] is True  # the theme row below is its own


def _untagged(text: str, x0: float, line: int) -> Word:
    top = 100.0 + 12.0 * line
    return Word(text, x0, top, x0 + 6.0 * len(text), top + 10.0, "Arial", 10.0)


@pytest.mark.parametrize(("above", "rows"), [
    ([_untagged("Recommendation", 60.0, -1), _untagged("Action", 160.0, -1)], 5),
    ([_untagged("OFFICIAL", 60.0, -1)], 4),  # a running header: one block
    ([_untagged("Recommendation", 60.0, -4), _untagged("Action", 160.0, -4)], 4),  # far above
])
def test_a_header_repeated_as_an_artifact_is_the_tables_first_row(above, rows):
    (lattice,), _ = follow_tags(_page(above + _table()), [])
    assert lattice.n_rows == rows


def test_a_one_column_tagged_table_is_text():
    words = [_word("Contents", 60.0, 0, 1, 1), _word("Introduction", 60.0, 1, 2, 2)]
    assert follow_tags(_page(words), []) == ([], 0)


def test_the_reader_warns_where_tags_were_not_followed():
    page = _page(_table())
    page.tag_tables_unfollowed = 1
    _, warnings, _ = _read_pages([(page, [])])
    (message,) = [w for w in warnings if "rows and cells" in w]
    assert warning_code(message) == "tags_fallback"
    assert "page 1 (1 tables)" in message


@pytest.mark.parametrize(("chain", "tag"), [
    ([("P", 5), ("TD", 4), ("TR", 3), ("Table", 2), ("Document", 1)], Tag(5, 4, 3, 2)),
    ([("Span", 6), ("P", 5), ("TH", 4), ("TR", 3), ("THead", 7), ("Table", 2)],
     Tag(5, 4, 3, 2)),
    ([("LBody", 8), ("LI", 9), ("L", 10), ("TD", 4), ("TR", 3), ("Table", 2)],
     Tag(9, 4, 3, 2)),
    ([("P", 5), ("Document", 1)], Tag(5, None)),
    ([("P", 5), ("TD", 4), ("TR", 3), ("TD", 11), ("TR", 12), ("Table", 2)],
     Tag(5, 4, 3, None)),
])
def test_tag_of_names_cell_row_and_table(chain, tag):
    assert tag_of(chain) == tag


# --- corpus plans with their borders taken away ------------------------------------------

CORPUS_PRINTS = [
    "corpus-theme-column-merged-borderless-tagged.pdf",  # a theme column and header shaded
    "corpus-rag-shading-key-borderless-tagged.pdf",  # a colour key: shaded cells, no text
    "corpus-coded-refs-bullets-borderless-chromium.pdf",  # rows cut between list items
    "corpus-rec-rows-numbered-actions-borderless-chromium.pdf",
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", CORPUS_PRINTS)
def test_corpus_plans_without_borders_give_their_expected_records(name, backend):
    from corpus_view import differences, expected

    plan = name.removeprefix("corpus-").rsplit("-borderless", 1)[0]
    _, doc = _records(FIXTURES / name, backend)
    assert differences(doc, expected(plan)) == []


def _row(*texts: str, continues: bool | None = None) -> Row:
    return Row([Cell(t) for t in texts], [1], continues=continues)


@pytest.mark.parametrize(("continues", "rows"), [(True, 1), (False, 2), (None, 2)])
def test_stitch_follows_what_the_tags_say_of_a_row_after_a_page_break(continues, rows):
    """'Draft a protocol covering:' / '• when ...': nothing in the text says the rest of a
    row (the list is not one the row began), the TR says it."""
    header = _row("Ref", "Action", "Lead")
    first = TableFragment([header, _row("4.1", "Draft a protocol covering:", "ASC")], 1)
    rest = _row("", "• when an enquiry is needed", "", continues=continues)
    second = TableFragment([_row("Ref", "Action", "Lead"), rest], 2)
    (table,) = stitch([first, second])
    assert len(table.rows) == rows
