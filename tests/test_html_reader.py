"""HTML plans (extract/html.py): the council plan as a GOV.UK accessible publication and as a
council page saved from a browser (tests/fixtures/html/, written by
tests/fixtures/make_html.py) give the records of its .docx, and so of its PDF but for what
the PDF loses; the page furniture around the tables is never read."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from test_docx_reader import KNOWN_PDF_DIFFERENCES, records
from test_pdf_crossformat import FIELDS

from dhrplan.extract.html import colour, read_html
from dhrplan.extract.htmlparse import decode_page, parse_fragment, table_grid
from dhrplan.extract.model import NO_PAGE, ExtractError, Heading, TableFragment
from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = {
    "govuk": FIXTURES / "html" / "council-plan-govuk.html",
    "saved": FIXTURES / "html" / "council-plan-saved.html",
}


@pytest.fixture(scope="module")
def from_docx() -> list[dict]:
    return records(FIXTURES / "council-plan.docx")


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_page_gives_the_records_of_the_docx(page: str, from_docx: list[dict]) -> None:
    assert records(PAGES[page]) == from_docx


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_page_gives_the_records_of_the_pdf_but_what_the_pdf_loses(page: str) -> None:
    from_html, from_pdf = records(PAGES[page]), records(FIXTURES / "council-plan.pdf")
    differences = {
        ("council-plan", i): {f for f in FIELDS if a[f] != b[f]}
        for i, (a, b) in enumerate(zip(from_pdf, from_html, strict=True))
    }
    assert {k: v for k, v in differences.items() if v} == {
        k: v for k, v in KNOWN_PDF_DIFFERENCES.items() if k[0] == "council-plan"
    }


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_page_document(page: str) -> None:
    plan = convert_file(PAGES[page])
    document = plan_to_dict(plan)
    assert validation_errors(document) == []
    assert document["source"]["format"] == "html" and document["source"]["pages"] == 0
    assert document["title"] == "Somerset Domestic Homicide Review 099 Action Plan"
    assert all(r["pages"] == [] for r in document["recommendations"])
    assert document["warnings"] == []


FURNITURE = ["cookie", "GOV.UK", "Skip to", "Home", "Bins", "Breadcrumb", "Licence", "Search",
             "_ga", "Hidden print-only", "Domestic Homicide Reviews", "document.write"]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_furniture_is_not_read(page: str) -> None:
    blocks = read_html(PAGES[page]).blocks
    shown = repr([b.text if isinstance(b, Heading) else b.rows for b in blocks]).casefold()
    assert [w for w in FURNITURE if w.casefold() in shown] == []
    tables = [b for b in blocks if isinstance(b, TableFragment)]
    assert [len(t.rows) for t in tables] == [7, 2, 7]  # the cookie table is not one of them


@pytest.mark.parametrize(
    ("page", "fills"),
    [("govuk", ["#00703c", "#ffdd00", "#d4351c", None]),
     ("saved", ["#008000", "#ffa500", "#ff0000", None])],
)
def test_tables_fills_merges_and_positions(page: str, fills: list) -> None:
    document = read_html(PAGES[page])
    police, csc, themes = (b for b in document.blocks if isinstance(b, TableFragment))
    assert all(b.page == NO_PAGE for b in document.blocks)
    assert [r.position for r in themes.rows] == [(2, r) for r in range(7)]
    assert all(r.pages == [] for r in themes.rows)
    assert police.rows[0].cells[0].text == "Recommendation" and police.rows[0].cells[0].bold
    assert police.rows[0].cells[0].fill == ("#d9d9d9" if page == "saved" else None)
    assert police.rows[1].cells[2].text == (
        "a. Forcewide circulation to Managers to directly brief operational staff.\n"
        "b. To be raised with the Force Domestic Abuse lead for consideration within the Force "
        "DA Action plan"
    )
    assert csc.rows[1].cells[0].text.split("\n")[1] == "• Clarity of recording"
    theme = themes.rows[1]  # a section row: one header cell across the table
    assert theme.texts == ["MARAC", "", "", "", "", ""] and theme.cells[0].bold
    assert theme.cells[0].fill == "#f2f2f2"
    first, second, third = themes.rows[2:5]  # number and recommendation: rowspan="3"
    assert first.cells[1].text.startswith("Recommendation One\nTo carry out a review")
    for row in (second, third):
        assert row.cells[0].merged and row.cells[1].merged and not row.cells[2].merged
        assert row.texts[:2] == ["", ""]
    progress = [themes.rows[i].cells[5] for i in (2, 3, 4, 6)]
    assert [c.fill for c in progress] == fills
    assert [c.text for c in progress] == [
        "Complete", "In progress", "Not started", "The wider community understand AFV.",
    ]


def test_saved_page_charset_from_its_meta_tag() -> None:
    data = PAGES["saved"].read_bytes()
    assert "–".encode("cp1252") in data and "–".encode() not in data
    headings = [b.text for b in read_html(PAGES["saved"]).blocks if isinstance(b, Heading)]
    assert headings[-1] == "Page last updated: 3 March 2024 – Community Safety Team"


DECODE = [
    (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "<p>café</p>", "utf-8"),
    ("\ufeff<p>café</p>".encode("utf-16-le"), "<p>café</p>", "utf-16-le"),
    ("\ufeff<p>café</p>".encode("utf-16-be"), "<p>café</p>", "utf-16-be"),
    (b'<meta charset="windows-1252"><p>caf\xe9 \x96</p>',
     '<meta charset="windows-1252"><p>café –</p>', "windows-1252"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>\x93q\x94</p>',
     '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>“q”</p>',
     "cp1252"),
    (b'<?xml version="1.0" encoding="iso-8859-15"?><p>\xa4</p>',
     '<?xml version="1.0" encoding="iso-8859-15"?><p>€</p>', "iso-8859-15"),
    (b"<p>caf\xc3\xa9</p>", "<p>café</p>", "utf-8"),
    (b"<p>caf\xe9</p>", "<p>café</p>", "cp1252"),
    (b'<meta charset="no-such-codec"><p>caf\xc3\xa9</p>',
     '<meta charset="no-such-codec"><p>café</p>', "utf-8"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), DECODE)
def test_decode_page(data: bytes, text: str, encoding: str) -> None:
    assert decode_page(data) == (text, encoding)


COLOURS = [
    ("#FF0000", "#ff0000"), ("#f00", "#ff0000"), ("00B050", "#00b050"),
    ("rgb(0, 112, 60)", "#00703c"), ("Green", "#008000"), ("amber", "#ffbf00"),
    ("transparent", None), ("inherit", None), ("", None), (None, None), ("#12", None),
]


@pytest.mark.parametrize(("value", "hex_colour"), COLOURS)
def test_colour(value: str | None, hex_colour: str | None) -> None:
    assert colour(value) == hex_colour


def _grid(markup: str) -> list[list[str]]:
    table = parse_fragment(markup).find(".//table")
    return [[c.element.text_content() if c.element is not None else ("^" if c.covered_from_above
             else "") for c in row] for row in table_grid(table)]


def test_spans_are_capped_and_kept_in_their_row_group() -> None:
    rows = _grid('<table><tr><td colspan="3000000">x</td></tr>'
                 '<tr><td rowspan="99999">y</td><td>z</td></tr><tr><td>w</td></tr></table>')
    assert len(rows) == 3 and len(rows[0]) == 64
    assert rows[1][:2] == ["y", "z"] and rows[2][:2] == ["^", "w"]
    grouped = _grid("<table><thead><tr><th rowspan=0>A</th><th>B</th></tr><tr><th>C</th></tr>"
                    "</thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>")
    assert grouped == [["A", "B"], ["^", "C"], ["1", "2"]]


def _page(tmp_path: Path, body: str, name: str = "plan.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body>"
                    "</html>", encoding="utf-8")
    return path


PLAN_TABLE = (
    "<table><tr><th>Recommendation</th><th>Action</th><th>Lead agency</th><th>Target date</th>"
    "</tr><tr><td>1. Review the MARAC</td><td>Commission review{nested}</td><td>SSP</td>"
    "<td>March 2025</td></tr></table>"
)


def test_nested_table_is_flattened_with_a_warning(tmp_path: Path) -> None:
    nested = "<table><tr><td>Step one</td><td>June</td></tr></table>"
    document = read_html(_page(tmp_path, PLAN_TABLE.format(nested=nested)))
    table = next(b for b in document.blocks if isinstance(b, TableFragment))
    assert table.rows[1].cells[1].text == "Commission review\nStep one June"  # a row a line
    assert document.warnings == [
        "a table nested in table 1, row 2 is flattened into its cell's text"
    ]
    assert [(n.code, n.column) for n in table.rows[1].warnings] == [("paragraphs_unsure", 1)]
    plan = convert_file(_page(tmp_path, PLAN_TABLE.format(nested=nested), "again.html"))
    assert [w.field for w in plan.recommendations[0].warnings] == ["actions"]


@pytest.mark.parametrize("suffix", [".html", ".htm", ".xhtml"])
def test_suffixes(tmp_path: Path, suffix: str) -> None:
    path = _page(tmp_path, "<h2>Police</h2>" + PLAN_TABLE.format(nested=""), f"plan{suffix}")
    plan = convert_file(path)
    assert [(r.section, r.number, r.text) for r in plan.recommendations] == [
        ("Police", "1", "Review the MARAC"),
    ]


BAD_PAGES = [
    ("<p>No table here, only minutes.</p>", "no table found: not an action-plan page"),
    ('<div class="cookie-banner"><table><tr><td>_ga</td><td>2 years</td></tr></table></div>',
     "no table found"),
    ("<script>document.write('<table><tr><td>x</td></tr></table>')</script>", "no table found"),
]


@pytest.mark.parametrize(("body", "reason"), BAD_PAGES)
def test_page_without_a_table_is_one_line(tmp_path: Path, body: str, reason: str) -> None:
    path = _page(tmp_path, body)
    with pytest.raises(ExtractError) as error:
        read_html(path)
    assert str(error.value).startswith(f"{path}: {reason}") and "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "the file is empty"), (b"  \n", "the file is empty"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not an HTML page")],
)
def test_not_a_page(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "plan.html"
    path.write_bytes(data)
    with pytest.raises(ExtractError, match=reason):
        read_html(path)


def test_html_and_docx_records_keep_ids_by_stem() -> None:
    plan = convert_file(PAGES["govuk"])
    assert plan.recommendations[0].id.startswith("council-plan-govuk-")
    assert dataclasses.asdict(plan.recommendations[0])["pages"] == []


def test_saved_page_inside_a_form_and_a_layout_table_without_a_role(
    tmp_path: Path, from_docx: list[dict]
) -> None:
    """Old CMS pages: the whole page inside an ASP.NET <form>, a wrapper whose class names
    the menu, and a layout table with no role: the plan is still all read."""
    text = PAGES["saved"].read_bytes().decode("cp1252")
    text = text.replace(' role="presentation"', "")
    text = text.replace('<body bgcolor="#FFFFFF">',
                        '<body><form id="aspnetForm" action="/dhr"><div class="page nav-open">')
    text = text.replace("</body>", "</div></form></body>")
    assert "presentation" not in text
    path = tmp_path / "aspnet.html"
    path.write_bytes(text.encode("cp1252"))
    assert records(path) == from_docx
    shown = repr(read_html(path).blocks)
    assert "Bins and recycling" not in shown and "_ga" not in shown


def test_tfoot_is_drawn_last_and_screen_reader_text_is_not_read(tmp_path: Path) -> None:
    body = (
        "<table><thead><tr><th>Recommendation"
        '<span class="govuk-visually-hidden"> (number and text)</span></th><th>Owner</th>'
        "</tr></thead><tfoot><tr><td>Last reviewed March 2025</td><td></td></tr></tfoot>"
        "<tbody><tr><td>1. Review</td><td>SSP</td></tr></tbody></table>"
    )
    table = read_html(_page(tmp_path, body)).blocks[0]
    assert [r.texts for r in table.rows] == [
        ["Recommendation", "Owner"], ["1. Review", "SSP"], ["Last reviewed March 2025", ""],
    ]


def test_data_table_with_a_small_table_in_a_cell_is_data(tmp_path: Path) -> None:
    body = (
        "<table><tr><th>Recommendation</th><th>Action</th><th>Lead agency</th></tr>"
        "<tr><td>1. Review the MARAC</td><td>Commission review"
        "<table><tr><td>Step one</td></tr></table></td><td>SSP</td></tr>"
        "<tr><td>2. Audit cases</td><td>Audit</td><td>SSP</td></tr></table>"
    )
    document = read_html(_page(tmp_path, body))
    tables = [b for b in document.blocks if isinstance(b, TableFragment)]
    assert len(tables) == 1 and len(tables[0].rows) == 3
    assert tables[0].rows[1].cells[1].text == "Commission review\nStep one"


def test_control_characters_deep_in_a_page_are_dropped(tmp_path: Path) -> None:
    padding = "<p>" + "x " * 3000 + "</p>"
    path = _page(tmp_path, padding + "<h2>Po\x00lice</h2>" + PLAN_TABLE.format(nested="\x07"))
    plan = convert_file(path)
    assert [(r.section, r.number) for r in plan.recommendations] == [("Police", "1")]


def test_loose_text_and_inline_elements_make_one_paragraph(tmp_path: Path) -> None:
    body = ('<div>Safer <b>Somerset</b> <i>Partnership</i>\n  action plan<br>'
            "<span>Updated</span> 2024</div>" + PLAN_TABLE.format(nested=""))
    headings = [b.text for b in read_html(_page(tmp_path, body)).blocks
                if isinstance(b, Heading)]
    assert headings == ["Safer Somerset Partnership action plan", "Updated 2024"]


DEFINITION_PAGE = """<html><head><title>DHR Sarah action plan</title></head><body><main>
<h1>Domestic Homicide Review 'Sarah': action plan</h1><p>Published 12 May 2025.</p>
<h2>Recommendation 1</h2>
<p>Brookfield Police should make sure that officers check for previous call-outs.</p>
<dl><dt>Action</dt><dd>Add a prompt to the incident system.</dd>
<dt>Lead agency</dt><dd>Brookfield Police</dd><dt>Target date</dt><dd>30 September 2025</dd>
<dt>Progress</dt><dd>In progress – system change requested.</dd></dl>
<h2>Recommendation 2</h2><p>The CSP should publish guidance for employers.</p>
<dl><dt>Action</dt><dd>Write the guidance.</dd><dd>Publish it on the CSP's site.</dd>
<dt>Lead agency</dt><dd>Community Safety Partnership</dd><dt>Target date</dt>
<dd>March 2026</dd><dt>Progress</dt><dd>Not started</dd></dl>
<dl><dt>Contact</dt><dd>csp@example.org</dd></dl>
</main></body></html>"""


def test_definition_lists_under_their_recommendations_are_forms(tmp_path: Path) -> None:
    """A web page that sets each recommendation as a paragraph (under its "Recommendation N"
    heading) and its fields as a definition list: each list is a two-column table, read as
    a form whose recommendation is the paragraph above it; a one-term list stays text."""
    page = tmp_path / "plan.html"
    page.write_text(DEFINITION_PAGE, encoding="utf-8")
    tables = [b for b in read_html(page).blocks if isinstance(b, TableFragment)]
    assert [[c.text for c in r.cells] for r in tables[1].rows][0] == [
        "Action", "Write the guidance.\nPublish it on the CSP's site."]
    assert len(tables) == 2
    doc = plan_to_dict(convert_file(page))
    assert validation_errors(doc) == []
    got = [(r["number"], r["text"], [o["name"] for o in r["owners"]],
            [t["end"] for t in r["target_dates"]], r["completion"]["status"])
           for r in doc["recommendations"]]
    assert got == [
        ("1", "Brookfield Police should make sure that officers check for previous call-outs.",
         ["Brookfield Police"], ["2025-09-30"], "in_progress"),
        ("2", "The CSP should publish guidance for employers.",
         ["Community Safety Partnership"], ["2026-03-31"], "not_started"),
    ]
    assert all(any(w["code"] == "table_transposed" for w in r["warnings"])
               for r in doc["recommendations"])
