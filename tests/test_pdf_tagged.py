"""Tagged PDFs: the structure tree decides a cell's paragraph breaks, read per page through
the page's StructParents and the ParentTree, the same through both backends; where the tags
are missing or disagree with the lines, the layout decides (and a warning says so).

The fixtures are LibreOffice's tagged export (`UseTaggedPDF`) of the fixture .docx files
(make_fixtures.py, make_home_office.py); each gives the records of the untagged PDF of the
same .docx, except where the tags show what the page cannot: the two paragraphs of the police
recommendations, whose first ends where its line is full."""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

import pytest
from same_records import differences, records

from dhrplan.extract.celltext import cell_text, group_lines, tag_breaks
from dhrplan.extract.geometry import PageGeometry, PdfplumberSource, Segment, Word
from dhrplan.extract.geometry_pdfium import PdfiumSource
from dhrplan.extract.grid import find_lattices
from dhrplan.extract.model import TableFragment
from dhrplan.extract.pdf import read_pdf
from dhrplan.extract.pdf_page import layout_page

FIXTURES = Path(__file__).parent / "fixtures"
PLANS = ["council-plan", "council-plan-hrules", "council-plan-hrules-plain",
         "council-plan-borderless", "council-plan-rag", "home-office-template"]
BACKENDS = ["pdfium", "pdfplumber"]

POLICE_TWO_PARAGRAPHS = [
    f"{rec}: {field}"
    for rec, fields in (
        ("avon-and-somerset-police-1", ("text", "warnings")),
        ("avon-and-somerset-police-2", ("text", "warnings")),
        ("avon-and-somerset-police-3", ("warnings",)),
        ("avon-and-somerset-police-1-2", ("text", "warnings")),
        ("avon-and-somerset-police-2-2", ("text", "warnings")),
        ("avon-and-somerset-police-3-2", ("warnings",)),
    )
    for field in fields
]
"""What the tags tell and the page does not: each police recommendation is two paragraphs
(the untagged reading joins them, and says in a warning that the break it read as a wrap may
end a paragraph, as it does wherever a line ends a sentence with no room to spare; the
tagged reading knows, so it has no such warning), and so the second's milestones need no
re-splitting at capitalised verbs."""

EXPECTED_DIFFERENCES = {name: POLICE_TWO_PARAGRAPHS for name in PLANS}
EXPECTED_DIFFERENCES["home-office-template"] = []


def tagged(name: str) -> Path:
    return FIXTURES / f"{name}-tagged.pdf"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", PLANS)
def test_tagged_pdf_gives_the_untagged_records(name, backend):
    plain = records(FIXTURES / f"{name}.pdf", backend)
    assert len(plain) == 9
    assert differences(plain, records(tagged(name), backend)) == EXPECTED_DIFFERENCES[name]


@pytest.mark.parametrize("backend", BACKENDS)
def test_tags_keep_the_paragraphs_the_page_does_not_show(backend, monkeypatch):
    monkeypatch.syspath_prepend(str(FIXTURES))
    builder = importlib.import_module("make_fixtures")
    got = {r["id"]: r for r in records(tagged("council-plan"), backend)}
    first, second = (paragraphs for paragraphs, *_ in builder.POLICE[:2])
    assert got["avon-and-somerset-police-1"]["text"] == "\n".join(
        [first[0].removeprefix("1) "), *first[1:]]
    )
    assert got["avon-and-somerset-police-2"]["text"].split("\n") == [
        second[0].removeprefix("2) "), *second[1:]
    ]
    plain = {r["id"]: r for r in records(FIXTURES / "council-plan.pdf", backend)}
    assert "\n" not in plain["avon-and-somerset-police-1"]["text"]


def partition(words: list[Word]) -> list[tuple[str, int | None]]:
    """Each word with its paragraph numbered in order of appearance (keys differ by backend)."""
    numbers: dict[int, int] = {}
    return [(w.text, None if w.paragraph is None else numbers.setdefault(w.paragraph,
                                                                            len(numbers)))
            for w in words]


@pytest.mark.parametrize("name", PLANS)
def test_both_backends_read_the_same_paragraphs(name):
    a, b = PdfplumberSource(tagged(name)), PdfiumSource(tagged(name))
    try:
        for number in range(1, a.page_count + 1):
            pa, pb = a.page(number), b.page(number)
            assert pa.tagged and pb.tagged, f"page {number}"
            assert partition(pb.words) == partition(pa.words), f"page {number}"
            assert sum(k is not None for _, k in partition(pa.words)) > 0.5 * len(pa.words)
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("source", [PdfplumberSource, PdfiumSource])
def test_untagged_pdfs_have_no_paragraph_ids(source):
    geometry = source(FIXTURES / "council-plan.pdf")
    try:
        page = geometry.page(1)
        assert not page.tagged and all(w.paragraph is None for w in page.words)
    finally:
        geometry.close()


@pytest.mark.parametrize("source", [PdfplumberSource, PdfiumSource])
def test_a_paragraph_cut_by_the_page_break_is_read_per_page(source):
    """Page 2 opens with the rest of a recommendation cut at the break: its element holds
    MCIDs of pages 1 and 2, numbered per page. Read per page, the rest is one paragraph;
    with the element's ids of every page its words split where page 1's ids collide."""
    geometry = source(tagged("council-plan"))
    try:
        geometry.page(1)
        page = geometry.page(2)
    finally:
        geometry.close()
    rest = "rationale would allow for more effective ongoing case review.".split()
    words = [w for w in page.words if w.x1 < 130]  # the first column
    start = next(i for i, w in enumerate(words) if w.text == rest[0])
    cut = words[start:start + len(rest)]
    assert [w.text for w in cut] == rest
    assert len({w.paragraph for w in cut}) == 1 and cut[0].paragraph is not None


def cell(lines: list[str], paragraphs: list[int | None] | None, width: float = 60.0) -> str:
    """A cell of 5 pt characters, one line every 12 pt; `paragraphs[i]` tags line i."""
    words = []
    for i, line in enumerate(lines):
        x = 2.0
        for text in line.split():
            key = None if paragraphs is None else paragraphs[i]
            words.append(Word(text, x, 12.0 * i, x + 5 * len(text), 12.0 * i + 10, "Arial",
                              10.0, key))
            x += 5 * len(text) + 2.78
    return cell_text(words, 0.0, width)


@pytest.mark.parametrize(
    ("lines", "paragraphs", "expected"),
    [
        # a paragraph ending on a full line: the page shows a wrap, the tags a new paragraph
        (["Review the", "policy.", "Staff trained"], None, "Review the policy. Staff trained"),
        (["Review the", "policy.", "Train staff"], [1, 1, 2],
         "Review the policy.\nTrain staff"),
        (["Review the", "policy.", "Train staff"], [1, 1, 1], "Review the policy. Train staff"),
        # an item label opening a line reads as a new item from the page alone; the tags say
        # it is the same paragraph wrapped
        (["see section", "2) of it"], None, "see section\n2) of it"),
        (["see section", "2) of it"], [1, 1], "see section 2) of it"),
        # a line ending where the next word would have fitted is a line break even inside
        # one paragraph (Shift+Enter)
        (["Notes:", "one two"], [1, 1], "Notes:\none two"),
        # tags that cannot decide (a word untagged, a paragraph resumed): the page decides
        (["see section", "2) of it"], [1, None], "see section\n2) of it"),
        (["see section", "2) of it", "nowadays"], [1, 2, 1], "see section\n2) of it nowadays"),
        (["see section", "2) of it", "nowadays"], [1, 1, 1],
         "see section 2) of it nowadays"),
    ],
)
def test_tags_decide_paragraph_breaks(lines, paragraphs, expected):
    assert cell(lines, paragraphs) == expected


def words_in_lines(paragraphs: list[list[int | None]]) -> list[Word]:
    return [Word(f"w{i}{j}", 5 + 20 * j, 12.0 * i, 20 + 20 * j, 12.0 * i + 10, "Arial", 10.0,
                 key) for i, keys in enumerate(paragraphs) for j, key in enumerate(keys)]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        ([[1, 1], [1], [2, 2]], [False, True]),
        ([[1, None], [1]], None),  # a word without a tag
        ([[1, 2], [2]], None),  # two paragraphs on one line
        ([[1], [2], [1]], None),  # a paragraph taken up again after another
    ],
)
def test_tag_breaks(paragraphs, expected):
    assert tag_breaks(group_lines(words_in_lines(paragraphs))) == expected


def boxed_page(words: list[Word], tagged_page: bool) -> PageGeometry:
    """The words in the first cell of a ruled 2 x 2 table in the middle of the page."""
    xs, ys = (100, 200, 300), (300, 360, 420)
    rules = [Segment(x, ys[0], x, ys[-1]) for x in xs] + [
        Segment(xs[0], y, xs[-1], y) for y in ys
    ]
    placed = [replace(w, x0=w.x0 + 100, x1=w.x1 + 100, top=w.top + 303, bottom=w.bottom + 303)
              for w in words]
    return PageGeometry(1, 400, 800, placed, rules, 10, tagged=tagged_page)


def test_cells_whose_tags_disagree_are_counted_for_the_warning():
    words = words_in_lines([[1], [2], [1]])
    geometry = boxed_page(words, True)
    layout = layout_page(geometry, find_lattices(geometry.segments))
    assert layout.untagged_cells == 1
    (table,) = [b for b in layout.blocks if isinstance(b, TableFragment)]
    assert table.rows[0].cells[0].text.count("w") == 3
    untagged = boxed_page([replace(w, paragraph=None) for w in words], True)
    assert layout_page(untagged, find_lattices(untagged.segments)).untagged_cells == 0


def test_tagged_fixtures_read_without_tag_warnings():
    for name in PLANS:
        doc = read_pdf(tagged(name))
        assert not [w for w in doc.warnings if "tag" in w], name
