"""The two sample plans laid out again by LibreOffice in twelve page layouts
(tests/fixtures/make_relayouts.py): A4 and US Letter, portrait and landscape, 8 to 12 pt,
serif, sans and Calibri (Carlito, with ligatures); fully ruled, ruled between rows only;
headers repeated or not, rows that may or may not break across pages; sections as rows of
one table or as headings between tables; a cover page with a title-block table and a
contents list. Rows break across pages elsewhere and narrow columns break words: every PDF
gives the records of its text export, through both PDF backends, but for the differences
listed here.

What is left is what the page does not show: a paragraph that ends where its line is full
(without space after it, nothing tells it from a wrapped line), two owners whose line break
looks like a wrap, a slash followed by a wrap, and a cell the export itself garbled. The
PDFs are built from the export's own text, so none of the export's losses
(tests/test_pdf_crossformat.py) appear here."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pdf_crossformat import FIELDS, records

from dhrplan.pipeline import convert_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
STEMS = {"012": "somerset-dhr-012-action-plan", "lily": "somerset-dhr-lily-action-plan"}
LAYOUTS = [
    "a4-portrait", "a4-landscape-serif", "letter-landscape-9pt", "a4-portrait-12pt-serif",
    "a4-landscape-hrules", "a4-landscape-calibri-spaced", "letter-portrait-cantsplit",
    "letter-portrait-norepeat-cantsplit", "a4-landscape-sections-as-headings",
    "a4-landscape-one-table", "a4-portrait-8pt", "a4-landscape-cover-headingstyles",
]

FULL_LINE_PARAGRAPH = "a paragraph ended where its line was full, read as a wrap"
# "Jessica Wheeler" / "SCC (IDVA service commissioners)": two owners on two lines, but
# "SCC" did not fit after "Wheeler", so the break looks like a wrap (as in the sample PDF)
TWO_OWNERS = "two owners on two lines that look like one wrapped line"
# 012: recommendation 0 "themselves." / "A culture of approach", 1 "recorded." / "The
# recording", 2 "compromised." / "This may"; Lily: 1 "include AFV." / "Campaign to highlight
# AFV" (two actions become one), 2 "reflect this." / "Police, CCG and SomFT" (milestones)
KNOWN_DIFFERENCES = {
    ("012", "a4-portrait"): {(0, "text"): FULL_LINE_PARAGRAPH, (30, "owners"): TWO_OWNERS},
    ("012", "letter-landscape-9pt"): {(0, "text"): FULL_LINE_PARAGRAPH},
    ("012", "a4-portrait-12pt-serif"): {
        (1, "text"): FULL_LINE_PARAGRAPH,
        (2, "text"): FULL_LINE_PARAGRAPH,
        (7, "scope"): "the export's own 'Local (Somerset) county)', whose ')' wrapped alone",
        (28, "target_dates"): "'newsletter/or' wrapped after the slash: most slashes that "
                              "end a line in these plans are followed by a space",
        (30, "owners"): TWO_OWNERS,
    },
    ("012", "a4-landscape-hrules"): {(30, "owners"): TWO_OWNERS},
    ("012", "letter-portrait-cantsplit"): {
        (1, "text"): FULL_LINE_PARAGRAPH,
        (2, "text"): FULL_LINE_PARAGRAPH,
        (30, "owners"): TWO_OWNERS,
    },
    ("012", "letter-portrait-norepeat-cantsplit"): {
        (1, "text"): FULL_LINE_PARAGRAPH,
        (2, "text"): FULL_LINE_PARAGRAPH,
        (30, "owners"): TWO_OWNERS,
    },
    ("012", "a4-landscape-sections-as-headings"): {(30, "owners"): TWO_OWNERS},
    ("012", "a4-landscape-one-table"): {
        (2, "text"): FULL_LINE_PARAGRAPH,
        (30, "owners"): TWO_OWNERS,
    },
    ("012", "a4-landscape-cover-headingstyles"): {(30, "owners"): TWO_OWNERS},
    ("lily", "a4-portrait"): {(1, "actions"): FULL_LINE_PARAGRAPH},
    ("lily", "a4-portrait-8pt"): {(1, "actions"): FULL_LINE_PARAGRAPH},
    ("lily", "a4-portrait-12pt-serif"): {
        (0, "completion"): "'Efficient /effective' wrapped after the slash",
        (1, "actions"): FULL_LINE_PARAGRAPH,
        (2, "milestones"): FULL_LINE_PARAGRAPH,
    },
    **{
        ("lily", layout): {
            (1, "actions"): FULL_LINE_PARAGRAPH,
            (2, "milestones"): FULL_LINE_PARAGRAPH,
        }
        for layout in (
            "a4-landscape-hrules", "letter-portrait-cantsplit",
            "letter-portrait-norepeat-cantsplit", "a4-landscape-one-table",
            "a4-landscape-cover-headingstyles",
        )
    },
}


@pytest.fixture(scope="module")
def text_records() -> dict[str, list[dict]]:
    return {short: records(ROOT / "samples" / f"{stem}.txt") for short, stem in STEMS.items()}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("short", list(STEMS))
@pytest.mark.parametrize("backend", ["pdfplumber", "pdfium"])
def test_relayout_gives_the_text_exports_records(
    short: str, layout: str, backend: str, text_records: dict[str, list[dict]]
) -> None:
    pdf = FIXTURES / f"relayout-{short}-{layout}.pdf"
    from_pdf, from_text = records(pdf, backend), text_records[short]
    assert len(from_pdf) == len(from_text)
    assert [(r["section"], r["number"]) for r in from_pdf] == [
        (r["section"], r["number"]) for r in from_text
    ]
    differences = {
        (i, field)
        for i, (a, b) in enumerate(zip(from_text, from_pdf, strict=True))
        for field in FIELDS
        if a[field] != b[field]
    }
    assert differences == set(KNOWN_DIFFERENCES.get((short, layout), {}))


@pytest.mark.parametrize("short", list(STEMS))
def test_relayout_titles(short: str) -> None:
    title = convert_file(ROOT / "samples" / f"{STEMS[short]}.txt").title
    for layout in LAYOUTS:
        assert convert_file(FIXTURES / f"relayout-{short}-{layout}.pdf").title == title


@pytest.mark.parametrize("short", list(STEMS))
def test_camelot_agrees_on_a_relayout(short: str) -> None:
    pytest.importorskip("camelot")
    pdf = FIXTURES / f"relayout-{short}-a4-portrait.pdf"
    assert records(pdf, "camelot") == records(pdf)
