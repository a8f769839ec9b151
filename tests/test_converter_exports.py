"""Text exports of the fixture PDFs as other PDF-to-text converters write them
(tests/fixtures/make_converter_exports.py, pdfplumber's own table and text extraction):
every visual line kept as `<br>` in markdown or as newlines in quoted tab-separated cells,
or each cell flattened to one line, in markdown and tab-separated. Each gives the records its
PDF gives, but for the fields listed here, which the export itself lost: what the page shows
by anything other than its lines' lengths (the space after a paragraph, bold), and
in flattened cells every line break."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pdf_crossformat import FIELDS, records

from dhrplan.extract.model import Cell, Row, TableFragment
from dhrplan.extract.text import parse_text, read_text
from dhrplan.extract.textlines import column_styles, table_columns
from dhrplan.pipeline import convert_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXPORTS = FIXTURES / "exports"
PDFS = {
    "somerset-dhr-012-action-plan": ROOT / "samples" / "somerset-dhr-012-action-plan.pdf",
    "somerset-dhr-lily-action-plan": ROOT / "samples" / "somerset-dhr-lily-action-plan.pdf",
    **{
        stem: FIXTURES / f"{stem}.pdf"
        for stem in (
            "council-plan", "home-office-template", "relayout-012-a4-portrait-8pt",
            "relayout-012-a4-landscape-serif", "relayout-012-letter-portrait-cantsplit",
            "relayout-lily-a4-landscape-calibri-spaced", "relayout-lily-a4-portrait-12pt-serif",
            "relayout-lily-a4-portrait", "relayout-lily-letter-landscape-9pt",
            "relayout-012-a4-landscape-one-table", "relayout-012-a4-landscape-calibri-spaced",
            "variant-home-office-a4-portrait",
        )
    },
}
LINES = ("br.md", "lines.tsv")
FLAT = ("flat.md", "flat.tsv")

SPACED = (
    "a paragraph end the PDF shows by the space after it, on a line nearly full: the "
    "export has the lines only (the record warns of the break)"
)
NEAR = "a paragraph end where the next word nearly fitted, read as a wrap (the record warns)"
FLATTENED = (
    "a paragraph break the flattening made a space, before words that do not open an item "
    "('include AFV.' / 'Campaign to highlight AFV'); the document warns"
)
CUT_ACRONYM = (
    "a flattened cell cut by a page break goes on with an acronym ('unachieved' / 'MARAC "
    "actions'): without its lines, nothing tells the wrap"
)
SPACED_STOP = "'procedures .': a full stop wrapped alone, kept apart as the plans' own 'abuse .'"
FINE = (
    "'Jessica Wheeler' / 'SCC': a paragraph end where the next word fitted by less than a "
    "character count can tell; the PDF measures it in points"
)
PDF_JOINED = (
    "two owners the PDF reads as one wrapped line (tests/test_pdf_relayouts.py); the "
    "flattened export happens to keep them apart"
)
UNKNOWN_NAME = (
    "'Somers et': a name the word list lacks, broken by the narrow column and written whole "
    "nowhere in the document"
)

_012 = {(0, "text"): SPACED, (2, "text"): SPACED}
KNOWN_DIFFERENCES: dict[tuple[str, str], dict[tuple[int, str], str]] = {
    **{("council-plan", s): {(2, "text"): FLATTENED, (5, "text"): FLATTENED} for s in FLAT},
    **{("somerset-dhr-012-action-plan", s): {(0, "text"): SPACED} for s in LINES},
    **{
        ("somerset-dhr-012-action-plan", s): {**_012, (31, "actions"): FLATTENED}
        for s in FLAT
    },
    **{
        ("somerset-dhr-lily-action-plan", s): {
            (1, "actions"): FLATTENED, (2, "milestones"): FLATTENED,
        }
        for s in FLAT
    },
    **{
        ("relayout-012-a4-landscape-serif", s): {**_012, (30, "owners"): NEAR}
        for s in LINES + FLAT
    },
    **{("relayout-012-a4-portrait-8pt", s): {**_012, (30, "owners"): NEAR} for s in LINES},
    **{
        ("relayout-012-a4-portrait-8pt", s): {
            **_012, (1, "text"): FLATTENED, (30, "owners"): NEAR, (42, "actions"): CUT_ACRONYM,
        }
        for s in FLAT
    },
    **{
        ("relayout-012-letter-portrait-cantsplit", s): {(0, "text"): SPACED}
        for s in LINES + FLAT
    },
    **{("relayout-lily-a4-landscape-calibri-spaced", s): {(1, "actions"): SPACED} for s in LINES},
    **{
        ("relayout-lily-a4-landscape-calibri-spaced", s): {
            (1, "actions"): SPACED, (2, "milestones"): FLATTENED,
        }
        for s in FLAT
    },
    **{("relayout-lily-a4-portrait-12pt-serif", s): {(0, "milestones"): SPACED_STOP} for s in FLAT},
    **{("relayout-012-a4-landscape-calibri-spaced", s): {(30, "owners"): FINE} for s in LINES},
    **{
        ("relayout-012-a4-landscape-calibri-spaced", s): {
            **_012, (1, "text"): FLATTENED, (30, "owners"): FINE,
        }
        for s in FLAT
    },
    **{
        ("relayout-012-a4-landscape-one-table", s): {
            (0, "text"): SPACED, (1, "text"): FLATTENED, (31, "owners"): PDF_JOINED,
        }
        for s in FLAT
    },
    **{
        ("variant-home-office-a4-portrait", s): {
            **{(i, "owners"): UNKNOWN_NAME for i in (0, 2, 3, 5, 6, 8)},
            **{(i, "actions"): SPACED_STOP for i in (0, 3, 6)},
            (3, "milestones"): FLATTENED,
        }
        for s in FLAT
    },
    **{("relayout-lily-a4-portrait", s): {(2, "milestones"): FLATTENED} for s in FLAT},
    **{("relayout-lily-letter-landscape-9pt", s): {(2, "milestones"): NEAR} for s in LINES},
    **{
        ("relayout-lily-letter-landscape-9pt", s): {
            (1, "actions"): FLATTENED, (2, "milestones"): FLATTENED,
        }
        for s in FLAT
    },
}

_PDF_RECORDS: dict[str, list[dict]] = {}


def pdf_records(stem: str) -> list[dict]:
    if stem not in _PDF_RECORDS:
        _PDF_RECORDS[stem] = records(PDFS[stem])
    return _PDF_RECORDS[stem]


@pytest.mark.parametrize("style", LINES + FLAT)
@pytest.mark.parametrize("stem", list(PDFS))
def test_export_gives_the_pdfs_records(stem: str, style: str) -> None:
    from_pdf, from_export = pdf_records(stem), records(EXPORTS / f"{stem}.{style}")
    assert [(r["section"], r["number"]) for r in from_export] == [
        (r["section"], r["number"]) for r in from_pdf
    ]
    differences = {
        (i, field)
        for i, (a, b) in enumerate(zip(from_pdf, from_export, strict=True))
        for field in FIELDS
        if a[field] != b[field]
    }
    assert differences == set(KNOWN_DIFFERENCES.get((stem, style), {}))


@pytest.mark.parametrize("stem", list(PDFS))
def test_every_export_is_committed(stem: str) -> None:
    for style in LINES + FLAT:
        assert (EXPORTS / f"{stem}.{style}").stat().st_size > 1000


@pytest.mark.parametrize("style", LINES + FLAT)
def test_a_broken_date_reads_whole(style: str) -> None:
    """The council plan's "31.12.2016" in a column too narrow for it: every style gives the
    day, never 2020."""
    plan = convert_file(EXPORTS / f"council-plan.{style}")
    dates = [d for r in plan.recommendations for d in r.target_dates if "31.12" in d.raw]
    assert dates
    assert {str(d.start) for d in dates} == {"2016-12-31"}


@pytest.mark.parametrize("style", FLAT)
def test_flattened_exports_warn(style: str) -> None:
    warnings = read_text(EXPORTS / f"somerset-dhr-lily-action-plan.{style}").warnings
    assert any("each cell on one line" in w for w in warnings)


def test_nearly_fitting_breaks_are_named_in_the_record() -> None:
    plan = convert_file(EXPORTS / "relayout-lily-letter-landscape-9pt.br.md")
    assert any("nearly fitted" in w.message for w in plan.warnings)
    notes = [w for r in plan.recommendations for w in r.warnings if "nearly fitted" in w.message]
    assert any('"reflect this."' in w.message for w in notes)
    assert {w.code for w in notes} == {"paragraphs_unsure"}
    assert {w.field for w in notes} == {"milestones"}  # the column the note names


# --- small tables in each style ------------------------------------------------------------

HEADER = "| Recommen<br>dation | Scop<br>e | Action | Target<br>Date |\n|---|---|---|---|\n"


def cells(text: str, fmt: str = "markdown") -> list[list[str]]:
    doc = parse_text(text, Path("plan.md"), fmt)
    return [r.texts for b in doc.blocks if isinstance(b, TableFragment) for r in b.rows]


LINE_CASES = [
    # a narrow column: the header's broken words glued back, the wrapped lines joined, the
    # items kept apart, the date made whole
    (
        HEADER
        + "| 1) Police to<br>brief all<br>operational<br>staff. | Local | a. Review<br>training<br>"
        "b. Audit<br>DASH | 31.12.20<br>16 |\n",
        [
            ["Recommendation", "Scope", "Action", "Target Date"],
            ["1) Police to brief all operational staff.", "Local",
             "a. Review training\nb. Audit DASH", "31.12.2016"],
        ],
    ),
    # a line whose next word would have fitted ended on purpose
    (
        HEADER
        + "| Brief the<br>operational<br>staff. | Local | Review the<br>package<br>Report on<br>"
        "sessions | Dec<br>2016 |\n",
        [
            ["Recommendation", "Scope", "Action", "Target Date"],
            ["Brief the operational staff.", "Local", "Review the package\nReport on sessions",
             "Dec 2016"],
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LINE_CASES)
def test_visual_lines_become_paragraphs(text: str, expected: list[list[str]]) -> None:
    assert cells(text) == expected


def test_quoted_tab_separated_lines() -> None:
    text = (
        'Recommendation\t"Scop\ne"\tAction\n'
        '"1) Police to brief all\noperational staff."\tLocal\t"a. Review\nb. Audit"\n'
    )
    assert cells(text, "tsv") == [
        ["Recommendation", "Scope", "Action"],
        ["1) Police to brief all operational staff.", "Local", "a. Review\nb. Audit"],
    ]


def test_breaks_between_paragraphs_are_kept() -> None:
    """A converter that writes `<br>` between whole paragraphs: most lines are short of the
    column's width, so the breaks are paragraph breaks."""
    text = HEADER + (
        "| Review the policy<br>Ratify it<br>Publicise the new policy to all relevant staff"
        " | Local | Audit<br>Report | 2016 |\n"
    )
    assert cells(text)[1][0] == (
        "Review the policy\nRatify it\nPublicise the new policy to all relevant staff"
    )


FLAT_CASES = [
    ("completi on of the DHR", "completion of the DHR"),
    ("31.12.20 16", "31.12.2016"),
    ("Multi- Agency Safeguarding Hub", "Multi-Agency Safeguarding Hub"),
    ("to be achieved in a number of ways", "to be achieved in a number of ways"),
    ("Safer Somers et Partnership in Somerset", "Safer Somerset Partnership in Somerset"),
    ("victims of abuse. Ownership: Safer Somerset", "victims of abuse.\nOwnership: Safer Somerset"),
    ("Review policy Ratify policy", "Review policy\nRatify policy"),
    ("an internal Domestic Abuse protocol", "an internal Domestic Abuse protocol"),
    ("additional training module to ne provided", "additional training module to ne provided"),
]


@pytest.mark.parametrize(("flat", "expected"), FLAT_CASES)
def test_flattened_cells(flat: str, expected: str) -> None:
    text = f"Recommendation\tAction\n1) {flat}\t{flat}\n"
    assert cells(text, "tsv")[1] == [f"1) {expected}", expected]


def test_a_column_with_few_breaks_goes_by_the_table() -> None:
    """A column with one break, where the next word fitted ("SSP" / "Safer Somerset
    Partnership"), in a table whose other column wraps at every line: too little to call
    its style its own."""
    wrapped = "The police should\nseek to take\nopportunities to\nengage with victims."
    fragment = TableFragment(
        [Row([Cell("Recommendation"), Cell("Lead")], [1]),
         Row([Cell(wrapped), Cell("SSP\nSafer Somerset Partnership")], [1])],
        1,
    )
    assert column_styles(table_columns([fragment])) == ["lines", "lines"]
    owners = Cell("SSP\nSafer Somerset Partnership")
    alone = TableFragment([Row([Cell("Lead")], [1]), Row([owners], [1])], 1)
    assert column_styles(table_columns([alone])) == ["breaks"]


def test_html_table_lines() -> None:
    """An HTML table whose cells keep the PDF's lines as `<br>` (no `<p>`) reads the same."""
    text = (
        "<table><tr><th>Recommen<br>dation</th><th>Scop<br>e</th></tr><tr><td>1) Police to"
        "<br>brief all<br>operational<br>staff.</td><td>Local</td></tr></table>\n"
    )
    assert cells(text) == [
        ["Recommendation", "Scope"], ["1) Police to brief all operational staff.", "Local"],
    ]


def test_a_stray_quote_does_not_swallow_rows() -> None:
    text = (
        "Recommendation\tScope\tAction\n"
        '"Safe Lives standards\tLocal\tReview\n2) Audit\tLocal\tAudit\n3) x\tLocal\t"y"\n'
    )
    assert cells(text, "tsv")[1:] == [
        ['"Safe Lives standards', "Local", "Review"],
        ["2) Audit", "Local", "Audit"],
        ["3) x", "Local", "y"],
    ]


@pytest.mark.parametrize(
    ("refs", "expected"),
    [
        (["R1", "R2", "R9", "R1 0", "R1 1"], ["R1", "R2", "R9", "R10", "R11"]),
        (["1", "2", "9", "1 0"], ["1", "2", "9", "10"]),
        (["MA1", "MA2", "MA1 2"], ["MA1", "MA2", "MA12"]),
        # a column of two-word cells is no column of refs: "Q4 2024" stays two words
        (["Q4 2024", "Q1 2025", "Q2 2025"], ["Q4 2024", "Q1 2025", "Q2 2025"]),
        (["R1", "Police 2"], ["R1", "Police 2"]),
    ],
)
def test_a_ref_the_flattening_broke_is_glued_by_its_column(
    refs: list[str], expected: list[str]
) -> None:
    long = "The police should seek to take opportunities to engage with victims " * 2
    text = "Ref\tRecommendation\n" + "".join(f"{r}\t{long}\n" for r in refs)
    assert [row[0] for row in cells(text, "tsv")[1:]] == expected


def test_running_text_written_a_line_per_paragraph_is_joined() -> None:
    """Outside its tables, an export that writes each visual line of the PDF as a paragraph:
    a line whose next word would not have fitted goes on in the next."""
    lines = [
        "The Panel would like to thank the family of Ms X for their contribution to the",
        "review. Her daughter asked that the plan should make it easier for older women to",
        "find help.",
        "Recommendation 1: The Partnership should commission a review of how domestic",
        "abuse services are publicised to older victims.",
    ]
    table = "| Action | Owner |\n|---|---|\n| Review | CSP |\n"
    doc = parse_text("\n\n".join(lines) + "\n\n" + table, Path("plan.md"), "markdown")
    headings = [b.text for b in doc.blocks if not isinstance(b, TableFragment)]
    assert headings == [
        " ".join(lines[:3]),
        " ".join(lines[3:]),
    ]
    assert any("each line of the text outside its tables" in w for w in doc.warnings)


def test_running_paragraphs_of_an_export_stay_paragraphs() -> None:
    """Whole paragraphs, one per line, of any length: kept as they are."""
    paragraphs = [
        "SAFER SOMERSET PARTNERSHIP",
        "DOMESTIC HOMICIDE REVIEW - LILY",
        "ACTION PLAN",
        "This plan was agreed by the Partnership in March 2023 and is reviewed every quarter "
        "by the DHR Standing Panel.",
        "GLOSSARY",
    ]
    table = "| Action | Owner |\n|---|---|\n| Review | CSP |\n"
    doc = parse_text("\n\n".join(paragraphs) + "\n\n" + table, Path("plan.md"), "markdown")
    assert [b.text for b in doc.blocks if not isinstance(b, TableFragment)] == paragraphs
