"""Text exports (markdown pipe tables, tab-separated rows): decoding, blocks and page breaks."""

from pathlib import Path

import pytest
from sample_facts import AGENCIES, SAMPLES

from dhrplan.extract.model import ExtractError, Heading, TableFragment
from dhrplan.extract.text import decode, parse_text, read_text

PATH = Path("plan.txt")

# --- decode -------------------------------------------------------------------------------

# bytes, decoded text
DECODED = [
    ("Children’s Social Care".encode("cp1252"), "Children’s Social Care"),
    ("Children’s Social Care".encode(), "Children’s Social Care"),
    ("\ufeffRecommendation\tScope".encode(), "Recommendation\tScope"),
    ("\ufeffChildren’s Social Care".encode(), "Children’s Social Care"),
    (
        "“women’s page” – i.e. survivor pathway".encode("cp1252"),
        "“women’s page” – i.e. survivor pathway",
    ),
    ("Café £50".encode("cp1252"), "Café £50"),
    (b"Recommendation\tScope\r\n1)\tLocal\r\n", "Recommendation\tScope\r\n1)\tLocal\r\n"),
]


@pytest.mark.parametrize(("data", "text"), DECODED)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data, PATH) == text


# bytes, fragment of the error message
REFUSED = [
    (b"", "empty"),
    (b"  \r\n\n\t ", "empty"),
    (b"%PDF-1.4\n\x00\x00binary", "binary"),
    (b"PK\x03\x04\x00\x00word/document.xml", "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
    (bytes(range(1, 9)) * 20 + b"Recommendation", "binary"),
    (b"\x81\x8d\x8f\x90\x9d", "not readable"),
]


@pytest.mark.parametrize(("data", "message"), REFUSED)
def test_decode_refuses(data: bytes, message: str) -> None:
    with pytest.raises(ExtractError, match=message):
        decode(data, PATH)


# --- parse_text -----------------------------------------------------------------------------


def summary(text: str, fmt: str = "tsv") -> list[tuple]:
    """("H", text, page, bold) per heading, ("T", page, [row texts]) per table fragment."""
    doc = parse_text(text, PATH, fmt)
    out: list[tuple] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(("H", block.text, block.page, block.bold))
        else:
            assert isinstance(block, TableFragment)
            for row in block.rows:
                assert row.pages == [block.page]
            out.append(("T", block.page, [row.texts for row in block.rows]))
    return out


HEADER3 = ["Recommendation", "Scope", "Action"]

# input text, expected blocks
PARSED = [
    # the 012 plan: heading, header, a row cut by a page break (blank line, no header repeat)
    (
        "Avon and Somerset Police\n\nRecommendation\tScope\tAction\n"
        "2) Where DASH assessments are changed by police\tLocal\ta. Forcewide circulation to\n"
        "\n<p>staff or police officers after the event</p>\t\t<p>Managers</p>\n",
        [
            ("H", "Avon and Somerset Police", 1, False),
            ("T", 1, [HEADER3, ["2) Where DASH assessments are changed by police", "Local",
                                "a. Forcewide circulation to"]]),
            ("T", 2, [["staff or police officers after the event", "", "Managers"]]),
        ],
    ),
    # the 012 plan: several blank lines between fragments still make one page break
    (
        "A\tB\n1\t2\n\n\n\n3\t4\n",
        [("T", 1, [["A", "B"], ["1", "2"]]), ("T", 2, [["3", "4"]])],
    ),
    # the 012 plan: a TSV "---" separator row after the last row of a page is dropped
    (
        "A\tB\tC\n1\t2\t3\n\n4\t5\t6\n---\t--\t---\n",
        [("T", 1, [["A", "B", "C"], ["1", "2", "3"]]), ("T", 2, [["4", "5", "6"]])],
    ),
    # the 012 plan (Curo Group): a separator under the header, then the rows on the next page
    (
        "Curo Group\n\nA\tB\n----------------\t-------\n\n1) To gain\tLocal\n",
        [("H", "Curo Group", 1, False), ("T", 1, [["A", "B"]]),
         ("T", 2, [["1) To gain", "Local"]])],
    ),
    # a heading between two tables of the same width: a new section, not a page break
    (
        "A\tB\n1\t2\n\nCuro Group\n\nA\tB\n3\t4\n",
        [("T", 1, [["A", "B"], ["1", "2"]]), ("H", "Curo Group", 1, False),
         ("T", 1, [["A", "B"], ["3", "4"]])],
    ),
    # a table of another width after a blank line (contents table, then the plan): no page break
    (
        "Police\t2\nHealth\t6\n\nA\tB\tC\n1\t2\t3\n",
        [("T", 1, [["Police", "2"], ["Health", "6"]]),
         ("T", 1, [["A", "B", "C"], ["1", "2", "3"]])],
    ),
    # rows shorter than the fragment are padded to its width
    (
        "A\tB\tC\n1\t2\n3\t4\t5\n",
        [("T", 1, [["A", "B", "C"], ["1", "2", ""], ["3", "4", "5"]])],
    ),
    # the Lily plan: a bold multi-line markdown title and a bold glossary heading
    (
        "**SAFER SOMERSET PARTNERSHIP  \nDOMESTIC HOMICIDE REVIEW- LILY  \nACTION PLAN**\n\n"
        "**GLOSSARY**\n\n<b>AFV</b>\t<b>Adult Family Violence</b>\n<b>SSP</b>\t<b>Safer Somerset "
        "partnership</b>\n",
        [
            ("H", "SAFER SOMERSET PARTNERSHIP DOMESTIC HOMICIDE REVIEW- LILY ACTION PLAN", 1, True),
            ("H", "GLOSSARY", 1, True),
            ("T", 1, [["AFV", "Adult Family Violence"], ["SSP", "Safer Somerset partnership"]]),
        ],
    ),
    (
        "<b>Training</b>\n\nA\tB\n",
        [("H", "Training", 1, True), ("T", 1, [["A", "B"]])],
    ),
    # markdown: "#" headings, pipe tables with |---| and aligned separators, page breaks
    (
        "# Avon and Somerset Police\n\n| Recommendation | Scope | Action |\n|---|---|---|\n"
        "| 1) The police | Local | a. Brief |\n\n| cont | | b. Raise |\n\n"
        "## Children's Social Care\n\n| Recommendation | Scope | Action |\n"
        "|:---|---:|:---:|\n| 1) Ensure | Local | Audit |\n",
        [
            ("H", "Avon and Somerset Police", 1, False),
            ("T", 1, [HEADER3, ["1) The police", "Local", "a. Brief"]]),
            ("T", 2, [["cont", "", "b. Raise"]]),
            ("H", "Children's Social Care", 2, False),
            ("T", 2, [HEADER3, ["1) Ensure", "Local", "Audit"]]),
        ],
    ),
    (
        "**Children's Social Care**\n\n|A|B|\n|--|--|\n|<b>1</b>|x &amp; y|\n",
        [("H", "Children's Social Care", 1, True), ("T", 1, [["A", "B"], ["1", "x & y"]])],
    ),
    # a pipe table whose lines lack the closing pipe
    (
        "| A | B\n|---|---\n| 1 | 2\n",
        [("T", 1, [["A", "B"], ["1", "2"]])],
    ),
    # paragraph lines of one heading are joined; markdown quote marks removed
    (
        "Somerset Domestic Homicide\nReview 012 Action Plan\n\nA\tB\n",
        [("H", "Somerset Domestic Homicide Review 012 Action Plan", 1, False),
         ("T", 1, [["A", "B"]])],
    ),
    (
        "> Appendix B\n\nA\tB\n",
        [("H", "Appendix B", 1, False), ("T", 1, [["A", "B"]])],
    ),
    # Windows line ends
    (
        "A\tB\r\n1\t2\r\n\r\n3\t4\r\n",
        [("T", 1, [["A", "B"], ["1", "2"]]), ("T", 2, [["3", "4"]])],
    ),
]


@pytest.mark.parametrize(("text", "blocks"), PARSED)
def test_parse_text_blocks(text: str, blocks: list[tuple]) -> None:
    fmt = "markdown" if "|" in text else "tsv"
    assert summary(text, fmt) == blocks


# input text, page count, warning (None: no warnings)
PAGES = [
    ("A\tB\n1\t2\n", 1, None),
    ("A\tB\n1\t2\n\n3\t4\n", 2, "page numbers are inferred from the 1 table break"),
    ("A\tB\n1\t2\n\n3\t4\n\nA\tB\n5\t6\n", 3, "page numbers are inferred from the 2 table breaks"),
    ("A\tB\n1\t2\n\nHeading\n\nA\tB\n3\t4\n", 1, None),
    ("A\tB\n1\t2\n\nA\tB\tC\n3\t4\t5\n", 1, None),
]


@pytest.mark.parametrize(("text", "pages", "warning"), PAGES)
def test_page_count_at_table_breaks(text: str, pages: int, warning: str | None) -> None:
    doc = parse_text(text, PATH, "tsv")
    assert doc.page_count == pages
    assert doc.format == "tsv"
    if warning is None:
        assert doc.warnings == []
    else:
        assert len(doc.warnings) == 1 and warning in doc.warnings[0]


NO_TABLE = [
    "Appendix B\n\nSomerset Domestic Homicide Review 012 Action Plan\n",
    "| not a table\n",
    "   \n",
]


@pytest.mark.parametrize("text", NO_TABLE)
def test_parse_text_without_table_is_refused(text: str) -> None:
    with pytest.raises(ExtractError, match="no table found"):
        parse_text(text, PATH, "tsv")


# --- read_text on files -----------------------------------------------------------------------

# file name, bytes, format, page count, [heading texts], fragment widths
FILES = [
    ("plan.md", b"# Police\n\n| A | B |\n|---|---|\n| 1 | 2 |\n", "markdown", 1,
     ["Police"], [2]),
    ("plan.tsv", b"Police\n\nA\tB\n1\t2\n\n3\t4\n", "tsv", 2, ["Police"], [2, 2]),
    ("plan.txt", "Children’s Social Care\n\nA\tB\n".encode("cp1252"), "tsv", 1,
     ["Children’s Social Care"], [2]),
    ("plan.txt", "\ufeff| A | B |\n|---|---|\n".encode(), "markdown", 1, [], [2]),
]


@pytest.mark.parametrize(("name", "data", "fmt", "pages", "headings", "widths"), FILES)
def test_read_text_file(
    tmp_path: Path,
    name: str,
    data: bytes,
    fmt: str,
    pages: int,
    headings: list[str],
    widths: list[int],
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_text(path)
    assert doc.path == path
    assert doc.format == fmt
    assert doc.page_count == pages
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == headings
    assert [b.width for b in doc.blocks if isinstance(b, TableFragment)] == widths


@pytest.mark.parametrize(("data", "message"), [(b"", "empty"), (b"\x00\x01\x02", "binary"),
                                               (b"Just a paragraph\n", "no table")])
def test_read_text_refuses(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    with pytest.raises(ExtractError, match=message):
        read_text(path)


# --- the sample exports -------------------------------------------------------------------------

SOMERSET_012_HEADINGS = [
    "Appendix B",
    "Somerset Domestic Homicide Review 012 Action Plan",
    "Agencies/Partnerships Who Are Allocated Actions Within This DHR",
    *AGENCIES,
]
LILY_HEADINGS = [
    "SAFER SOMERSET PARTNERSHIP DOMESTIC HOMICIDE REVIEW- LILY ACTION PLAN",
    "GLOSSARY",
]

# stem, page count, headings, fragment widths, fragment pages
SAMPLE_FILES = [
    (
        "somerset-dhr-012-action-plan",
        19,
        SOMERSET_012_HEADINGS,
        [2] + [7] * 29,
        [1, 1, 2, 3, 4, 4, 5, 6, 6, 7, 7, 8, 9, 10, 11, 11, 12, 12, 13, 13, 14, 15, 16, 16, 17,
         17, 18, 18, 19, 19],
    ),
    (
        "somerset-dhr-lily-action-plan",
        6,
        LILY_HEADINGS,
        [2, 8, 8, 8, 8, 8, 8],
        [1, 1, 2, 3, 4, 5, 6],
    ),
]


FLATTENED = {
    # the 012 export marks paragraphs (<p>) in some agencies' tables and flattens every cell
    # of the others to one line
    "somerset-dhr-012-action-plan": [
        "8 tables of the text export have each cell on one line (39 cells over 100 "
        "characters): paragraph breaks inside cells cannot be told from wrapped lines, so "
        "paragraphs and list items may run together"
    ],
}


@pytest.mark.parametrize(("stem", "pages", "headings", "widths", "fragment_pages"), SAMPLE_FILES)
def test_sample_exports(
    stem: str, pages: int, headings: list[str], widths: list[int], fragment_pages: list[int]
) -> None:
    doc = read_text(SAMPLES / f"{stem}.txt")
    fragments = [b for b in doc.blocks if isinstance(b, TableFragment)]
    assert doc.format == "tsv"
    assert doc.page_count == pages
    assert doc.warnings == [
        f"page numbers are inferred from the {pages - 1} table breaks in the text export",
        *FLATTENED.get(stem, []),
    ]
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == headings
    assert [f.width for f in fragments] == widths
    assert [f.page for f in fragments] == fragment_pages
    for fragment in fragments:
        assert all(len(row.cells) == fragment.width for row in fragment.rows)


# stem, (fragment index, row index), expected row texts
SAMPLE_ROWS = [
    # the contents table keeps its curly apostrophe and dotted leaders
    ("somerset-dhr-012-action-plan", (0, 1), ["Children’s Social Care", "6"]),
    ("somerset-dhr-012-action-plan", (0, 5), ["Somerset Clinical Commissioning Group.....", "17"]),
    # the top of Police recommendation 2, cut at the page break
    (
        "somerset-dhr-012-action-plan",
        (1, 2),
        ["2) Where DASH assessments are changed by police", "Local", "a. Forcewide circulation to",
         "Detective Inspector Phil", "Guidance clarifying how", "Within 3 months of", ""],
    ),
    # ... and its rest, first row of the next page
    (
        "somerset-dhr-012-action-plan",
        (2, 0),
        ["staff or police officers after the event, the rationale for that change should always "
         "be recorded.\nThe recording of decision making rationale would allow for more "
         "effective ongoing case review.",
         "",
         "Managers to directly brief operational staff.\nb. To be raised with the Force Domestic "
         "Abuse lead for consideration within the Force DA Action plan",
         "Jones",
         "DASH assessments should be completed and reviewed to be produced and circulated.\n"
         "Review of DASH assessments which have been changed to ensure decision making rationale "
         "is clearly evidenced",
         "the completion of the DHR",
         ""],
    ),
    # the ASC "Change / procedures" row: its top has an empty recommendation cell
    (
        "somerset-dhr-012-action-plan",
        (10, 2),
        ["", "", "Change", "", "Review current", "3 months", ""],
    ),
    # the Lily number column, section rows and bold cells after markup
    ("somerset-dhr-lily-action-plan", (1, 1), ["MARAC", "", "", "", "", "", "", ""]),
    (
        "somerset-dhr-lily-action-plan",
        (5, 0),
        ["", "Social Care.", "", "", "", "", "", "to manage the risks"],
    ),
    (
        "somerset-dhr-lily-action-plan",
        (0, 8),
        ["SomFT", "Somerset Partnership NHS Foundation trust"],
    ),
]


@pytest.mark.parametrize(("stem", "where", "texts"), SAMPLE_ROWS)
def test_sample_rows(stem: str, where: tuple[int, int], texts: list[str]) -> None:
    doc = read_text(SAMPLES / f"{stem}.txt")
    fragments = [b for b in doc.blocks if isinstance(b, TableFragment)]
    fragment, row = where
    assert fragments[fragment].rows[row].texts == texts
