"""Word features councils' templates have, through the .docx reader, its LibreOffice PDF and
HTML (tests/fixtures/make_word_features.py), and producers' HTML (make_html_features.py):
content controls, tracked changes and moves, a nested table, a text box, fields and
hyperlinks, a footnote mark after a date, soft breaks, merges both ways, a repeated header
row, hidden text, a page header's table; Google Docs' compound CSS selectors, <thead> and
<tbody> twice, rowspan and colspan, <br> and inline styles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_docx_reader import _docx_with_body, records

from dhrplan.extract.docx import read_docx
from dhrplan.extract.html import read_html
from dhrplan.extract.htmlparse import parse_page, render
from dhrplan.extract.model import TableFragment
from dhrplan.extract.producerhtml import drop_notes
from dhrplan.extract.vocabulary import word_placeholder
from dhrplan.normalize.items import split_items
from dhrplan.pipeline import convert_file

FIXTURES = Path(__file__).parent / "fixtures"
DOCX = FIXTURES / "word-features.docx"
PDF = FIXTURES / "word-features.pdf"
HTML = FIXTURES / "html" / "word-features.html"
sys.path.insert(0, str(FIXTURES))
import make_html_features  # noqa: E402

TICKED, EMPTY = "\u2612", "\u2610"
LONG = (
    "The partnership will review how agencies share information about repeat victims of "
    "domestic abuse, so that each referral is seen alongside the earlier ones and risk is "
    "assessed on the whole history rather than the latest incident alone."
)
LEARNING = ("Deliver a learning event for practitioners across the partnership and record who "
            "attended.")
# number, text, owners, target dates (kind, start), status, actions (label, text)
EXPECTED = [
    ("1", "Police should review the domestic abuse risk assessment used at first response.",
     ["Police", "Probation"], [("date", "2025-03-31")], "complete",
     [(None, "Audit 50 cases; brief supervisors.")]),
    ("2", "Adult Social Care should update its self-neglect policy to include domestic abuse.",
     ["Head of Service, Adult Social Care"], [], "in_progress",
     [(None, "Revise the policy and publish it on the SAB website."),
      (None, "Flowchart attached")]),
    ("3", LONG, ["CSP Manager", "DA Coordinator", "All agencies"],
     [("month", "2025-09-01"), ("ongoing", None)], "not_started",
     [("a", "Agree an information-sharing protocol."),
      ("b", "Train MASH staff on the protocol.")]),
    ("5", "The ICB should remind GP practices to ask about domestic abuse at every contact.",
     ["ICB (formerly CCG)"], [("quarter", "2025-07-01")], None,
     [(None, "Issue a bulletin and audit the response:"), (None, "Step When"),
      (None, "Bulletin May 2025")]),
    ("6", "Probation should check the police record of every new case.", ["Probation"],
     [("date", "2025-12-31")], "in_progress",
     [(None, "Add a prompt to the case allocation checklist.")]),
    *[(str(n), LONG, ["Westshire Safeguarding Adults Board"], [("season", "2026-03-01")],
       "unknown", [(None, LEARNING)]) for n in (7, 8, 9)],
]


def _read(path: Path) -> list[tuple]:
    plan = convert_file(path)
    return [
        (r.number, r.text, [o.name for o in r.owners],
         [(t.kind, t.start and t.start.isoformat()) for t in r.target_dates],
         r.completion and r.completion.status, [(a.label, a.text) for a in r.actions])
        for r in plan.recommendations
    ]


def test_docx_reads_through_its_word_features() -> None:
    """Tracked insertions read, deletions, moves away and a deleted row not; a row inserted
    as a change read; content controls around the table, a row and a cell looked through,
    and one showing its placeholder empty; a field's result without its instruction; hidden
    text (on a run, by a character style) left out; the footnote's mark and its note left
    out; a text box's text a line of its cell; the page header's table not read."""
    assert _read(DOCX) == EXPECTED
    plan = convert_file(DOCX)
    assert plan.title == "Westshire Domestic Homicide Review 07: Action Plan"
    warned = {r.number: sorted({(w.code, w.field) for w in r.warnings})
              for r in plan.recommendations}
    assert warned["5"] == [("paragraphs_unsure", "actions")]  # the nested table's lines
    assert warned["1"] == warned["2"] == warned["3"] == warned["6"] == []
    text = repr(read_docx(DOCX).blocks)
    for gone in ("by all officers", "Brief supervisors. ", "DRAFT", "check wording",
                 "HYPERLINK", "Withdrawn recommendation", "Revised from December",
                 "Click or tap", "Choose an item", "Version 3"):
        assert gone not in text, gone


def test_html_of_the_plan_gives_the_docx_records() -> None:
    """LibreOffice's HTML: the footnote's mark and note, and the page header's table
    (`<div title="header">`), are left out; the nested table is read a row a line, as the
    .docx is; placeholders are blank."""
    assert records(HTML) == records(DOCX)
    assert convert_file(HTML).title == convert_file(DOCX).title


def test_pdf_of_the_plan() -> None:
    """The PDF: the page header's table on both pages is furniture (on page 2 the grid drew
    it against the repeated header row), so the row cut by the page break is joined; the
    footnotes under the table do not end it; the footnote mark after the year is read as one
    (warned); the placeholders printed grey are blank. (test_docx_reader compares every
    field with the .docx.)"""
    got = _read(PDF)
    assert [g[0] for g in got] == [e[0] for e in EXPECTED]
    assert got[3][5] == [(None, "Issue a bulletin and audit the response:"),
                         (None, "Step When Bulletin May 2025")]
    assert [g for i, g in enumerate(got) if i != 3] == [
        e for i, e in enumerate(EXPECTED) if i != 3]
    plan = convert_file(PDF)
    assert plan.title == "Westshire Domestic Homicide Review 07: Action Plan"
    first = plan.recommendations[0]
    assert [(w.code, w.field) for w in first.warnings] == [("date_unread", "target_dates")]
    assert "footnote mark" in first.warnings[0].message
    assert [w.code for w in plan.recommendations[5].warnings] == ["row_joined", "status_unread"]
    assert not any("OFFICIAL" in str(w) for w in plan.warnings)


def test_tagged_pdf_of_the_plan() -> None:
    """Word tags its PDFs: the table nested in a cell is a tagged table of its own inside the
    ruled grid's cell; it is that cell's text, not a table whose lattice replaced the grid
    (which lost every row of page 1 but the cut one)."""
    assert _read(FIXTURES / "word-features-tagged.pdf") == _read(PDF)


def test_word_placeholders() -> None:
    for text in ("Click or tap here to enter text.", "Click or tap to enter a date.",
                 "Choose an item.", "Click here to enter text.", " click here to enter a date "):
        assert word_placeholder(text), text
    for text in ("Choose an item to audit", "Click here", "Enter the date of the review", ""):
        assert not word_placeholder(text), text


def test_committed_html_pages_are_the_generators() -> None:
    assert (FIXTURES / "html" / "gdocs-compound.html").read_text(encoding="utf-8") == \
        make_html_features.gdocs_page()
    assert (FIXTURES / "html" / "two-bodies.html").read_text(encoding="utf-8") == \
        make_html_features.TWO_BODIES


def test_google_docs_compound_selectors() -> None:
    """Bold set by "p.c4 span" and ".c5 > .c6" (the header and theme rows), fills by
    ".c1.c2", "table td.c3" and "td.c7.c8" (a RAG column shaded with no words); a
    `:hover` and an `@media print` rule are not applied; the lists' bullets stay."""
    path = FIXTURES / "html" / "gdocs-compound.html"
    rows = [row for block in read_html(path).blocks if isinstance(block, TableFragment)
            for row in block.rows]
    assert [c.bold for c in rows[0].cells] == [True] * 6
    assert rows[1].cells[0].text == "Training" and rows[1].cells[0].bold
    assert [r.cells[5].fill for r in rows[2:]] == ["#00b050", "#ffc000", "#ff0000"]
    assert not any(c.bold for r in rows[2:] for c in r.cells)
    plan = convert_file(path)
    assert [(r.section, r.number, r.completion.status, [a.text for a in r.actions])
            for r in plan.recommendations] == [
        ("Training", "1", "complete", ["Book four sessions", "Record who attended"]),
        ("Training", "2", "in_progress", ["Add a module to the induction"]),
        ("Training", "3", "not_started", ["Audit 20 records per practice"]),
    ]
    assert all([w.code for w in r.warnings] == ["status_from_colour"]
               for r in plan.recommendations)


@pytest.mark.parametrize("cell, items", [
    ("Actions:\n• Book\n• Record", ["Book", "Record"]),
    ("Key actions:\na. One\nb. Two", ["One", "Two"]),
    ("Actions:\nBook", ["Actions:", "Book"]),  # no bullets under it: not a label line
    ("Training:\n• Book", ["Training:", "Book"]),  # names no column: kept
])
def test_a_label_line_over_bullets_is_no_item(cell: str, items: list[str]) -> None:
    assert [i.text for i in split_items(cell)] == items


def test_two_bodies_spans_breaks_and_inline_styles() -> None:
    """<thead>/<tbody> twice (the header repeated before the second agency is no record),
    <th colspan> theme rows as sections, a rowspan recommendation over its two actions with
    their own owners, dates and statuses, <br> as line breaks, inline bold and fills."""
    plan = convert_file(FIXTURES / "html" / "two-bodies.html")
    got = [(r.section, r.number, r.text, [o.name for o in r.owners],
            r.completion and r.completion.status,
            [(a.label, a.text, a.completion and a.completion.status) for a in r.actions])
           for r in plan.recommendations]
    assert got == [
        ("Police", "1", "Police should review how repeat calls from one address are flagged.",
         ["DI Smith", "Public Protection", "DCI Jones"], "in_progress",
         [("a", "Brief call handlers", "complete"),
          ("b", "Audit flagged addresses", "in_progress")]),
        ("Health", "2", "The ICB should issue guidance on routine enquiry\nto every GP practice.",
         ["Designated Nurse, ICB"], "not_started",
         [(None, "Issue guidance", None), (None, "Check uptake", None)]),
        ("Health", "3", "Mental health services should ask about domestic abuse at every "
         "assessment.", ["Head of Safeguarding"], None,
         [(None, "Update the assessment form", None)]),
    ]
    assert [(t.kind, t.start and t.start.isoformat()) for t in plan.recommendations[1]
            .target_dates] == [("span", "2025-05-12")]


def test_check_boxes_and_hidden_paragraph_styles(tmp_path: Path) -> None:
    """A status cell of check box content controls (the glyphs Word shows) and one of legacy
    check box form fields (Word draws the box: no text) read as the ticked option; a
    paragraph whose style is hidden is left out."""
    def box(checked: bool) -> str:
        glyph = TICKED if checked else EMPTY
        return ('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="'
                f'{int(checked)}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>'
                f"{glyph}</w:t></w:r></w:sdtContent></w:sdt>")

    def form(checked: bool) -> str:
        state = '<w:checked/>' if checked else '<w:default w:val="0"/>'
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>{state}'
                '</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX '
                '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def run(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve"> {text} </w:t></w:r>'

    def cell(inner: str) -> str:
        return f"<w:tc><w:p>{inner}</w:p></w:tc>"

    options = ["Complete", "In progress", "Not started"]
    controls = "".join(box(o == "In progress") + run(o) for o in options)
    fields = "".join(form(o == "Not started") + run(o) for o in options)
    hidden = ('<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr><w:r><w:t>Guidance for authors'
              '</w:t></w:r></w:p>')
    body = (
        "<w:tbl><w:tr>" + "".join(cell(run(h)) for h in
                                  ["Recommendation", "Lead agency", "Status"]) + "</w:tr>"
        + "<w:tr>" + cell(run("1. Review the MARAC")) + cell(run("SSP")) + cell(controls)
        + "</w:tr><w:tr>" + cell(run("2. Train staff")) + cell(run("Police")) + cell(fields)
        + "</w:tr></w:tbl>" + hidden
    )
    styles = ('<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/>'
              '<w:rPr><w:vanish/></w:rPr></w:style>')
    path = _docx_with_body(tmp_path / "boxes.docx", body.replace(
        "<w:sdtPr>", '<w:sdtPr xmlns:w14="http://schemas.microsoft.com/office/word/2010/'
        'wordml">'), styles)
    plan = convert_file(path)
    assert [(r.number, r.completion.status) for r in plan.recommendations] == [
        ("1", "in_progress"), ("2", "not_started")]
    assert "Guidance for authors" not in repr(read_docx(path).blocks)
    assert plan.recommendations[1].completion.raw == (
        "\u2610 Complete \u2610 In progress \u2612 Not started")


def test_a_title_row_repeated_over_the_header() -> None:
    """A title row spanning the table over the header row, both repeated on every page:
    what a row after a page break starts is read by the header's columns, not the title's
    one cell, so recommendation 5 at the top of page 3 is no part of 4 (it was, warned)."""
    for path in (FIXTURES / "word-title-header.docx", FIXTURES / "word-title-header.pdf"):
        plan = convert_file(path)
        assert [(r.number, [a.label for a in r.actions]) for r in plan.recommendations] == [
            (str(n), [f"{n}a", f"{n}b"]) for n in range(1, 8)], path.suffix
        assert [o.name for o in plan.recommendations[0].owners] == ["Police", "Health"]
        assert [[(t.kind, t.start.month) for t in a.target_dates]
                for a in plan.recommendations[0].actions] == [[("month", 3)], [("month", 6)]]


def test_text_boxes_in_the_body_and_deleted_cells(tmp_path: Path) -> None:
    """A text box anchored in a body paragraph (a cover's title) is read as paragraphs of its
    own, once (Word writes it twice: DrawingML and its VML fallback); a cell deleted as a
    tracked change (`w:cellDel`) is not read."""
    box = ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
           'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
           '<w:p><w:r><w:t>Eastvale DHR 9 Action Plan</w:t></w:r></w:p></w:txbxContent>'
           '</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>'
           'Eastvale DHR 9 Action Plan</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r></w:p>')
    row = "<w:tr>{}</w:tr>"
    cell = "<w:tc>{}<w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    gone = "<w:tcPr><w:cellDel w:id='3' w:author='x'/></w:tcPr>"
    body = box + "<w:tbl>" + row.format(
        cell.format("", "Recommendation") + cell.format("", "Lead agency")
    ) + row.format(
        cell.format("", "1. Review the MARAC") + cell.format(gone, "Old lead")
        + cell.format("", "SSP")
    ) + "</w:tbl>"
    document = read_docx(_docx_with_body(tmp_path / "box.docx", body))
    assert [b.text for b in document.blocks if not isinstance(b, TableFragment)] == [
        "Eastvale DHR 9 Action Plan"]
    table = next(b for b in document.blocks if isinstance(b, TableFragment))
    assert table.rows[1].texts == ["1. Review the MARAC", "SSP"]


@pytest.mark.parametrize("markup, kept", [
    # Word "Save as Web Page": the reference and the footnote list
    ('<p>31/03/2025<a href="#_ftn1" name="_ftnref1"><span class="MsoFootnoteReference">[1]'
     '</span></a></p><div style="mso-element:footnote-list"><p>[1] Revised</p></div>',
     "31/03/2025"),
    # Google Docs
    ('<p>31/03/2025<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p><div><p>'
     '<a href="#ftnt_ref1" id="ftnt1">[1]</a><span> Revised</span></p></div>', "31/03/2025"),
    # LibreOffice, with its header and footer
    ('<div title="header"><p>OFFICIAL</p></div><p>31/03/2025<sup><a class="sdfootnoteanc" '
     'href="#sdfootnote1sym"><sup>1</sup></a></sup></p><div id="sdfootnote1"><p>Revised</p>'
     '</div><div title="footer"><p>Page 1</p></div>', "31/03/2025"),
    # a link to another page is no note
    ('<p>See <a href="#section-2">section 2</a></p>', "See section 2"),
])
def test_footnotes_headers_and_footers_are_dropped_from_html(markup: str, kept: str) -> None:
    page = parse_page(f"<html><body>{markup}</body></html>")
    drop_notes(page)
    assert " ".join(render(page.find("body")).text.split()) == kept


def test_a_one_row_table_above_the_title(tmp_path: Path) -> None:
    """A page header's strip ("DHR 07 Action Plan | Version 3 | OFFICIAL") printed once above
    the title (a browser's print of a saved page) does not hide the title, which would then
    be every record's section."""
    page = tmp_path / "strip.html"
    page.write_text(
        "<html><body><table><tr><td>DHR Westshire 07 Action Plan</td><td>Version 3</td>"
        "<td>OFFICIAL</td></tr></table><h1>Westshire Domestic Homicide Review 07: Action Plan"
        "</h1><table><tr><th>No.</th><th>Recommendation</th><th>Lead agency</th>"
        "<th>Target date</th></tr><tr><td>1</td><td>Police should review the risk "
        "assessment.</td><td>Police</td><td>March 2026</td></tr></table></body></html>",
        encoding="utf-8")
    plan = convert_file(page)
    assert plan.title == "Westshire Domestic Homicide Review 07: Action Plan"
    assert [(r.number, r.section) for r in plan.recommendations] == [("1", None)]
