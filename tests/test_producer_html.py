"""Word's and Google Docs' HTML of one plan (tests/fixtures/make_producer_html.py) give the
cells and the records of the .docx they were saved from: Word's list markers, `<o:p>`,
conditional comments and zero-height column row; Google Docs' class-only bold and fills."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_docx_reader import records

from dhrplan.extract.cellhtml import tidy
from dhrplan.extract.docx import read_docx
from dhrplan.extract.html import cell_fill, read_html
from dhrplan.extract.htmlparse import hidden, parse_page, render
from dhrplan.extract.model import Document, TableFragment
from dhrplan.extract.producerhtml import apply_class_styles, word_list_markers
from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

HTML = Path(__file__).parent / "fixtures" / "html"
sys.path.insert(0, str(HTML.parent))
import make_producer_html  # noqa: E402

PAGES = {
    "word": HTML / "producer-plan-word.htm",
    "word-filtered": HTML / "producer-plan-word-filtered.htm",
    "gdocs": HTML / "producer-plan-gdocs.html",
}
DOCX = HTML / "producer-plan.docx"


def cells(document: Document) -> list[list[tuple]]:
    return [[(c.text, c.bold, c.fill, c.merged) for c in row.cells]
            for block in document.blocks if isinstance(block, TableFragment)
            for row in block.rows]


@pytest.fixture(scope="module")
def docx_cells() -> list[list[tuple]]:
    return cells(read_docx(DOCX))


def test_committed_pages_are_the_generators() -> None:
    assert PAGES["word"].read_bytes() == make_producer_html.word_page(True).replace(
        "\n", "\r\n").encode("cp1252")
    assert PAGES["gdocs"].read_text(encoding="utf-8") == make_producer_html.gdocs_page()


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_page_gives_the_cells_of_the_docx(page: str, docx_cells: list[list[tuple]]) -> None:
    got = cells(read_html(PAGES[page]))
    assert got == docx_cells
    header = got[len(make_producer_html.GLOSSARY)]
    assert [c[:2] for c in header] == [(h, True) for h in make_producer_html.HEADER]
    action = got[len(make_producer_html.GLOSSARY) + 1][2][0]
    assert action.splitlines()[1:] == ["• routine enquiry about domestic abuse",
                                       "• the DASH risk checklist",
                                       "• including its stalking questions",
                                       "• referral to the IDVA service"]
    protocol = got[len(make_producer_html.GLOSSARY) + 5][2][0]
    assert protocol.splitlines()[1:] == ["1. Draft the protocol", "2. Consult partner agencies",
                                         "3. Sign off at the Partnership Board"]
    assert [row[5][2] for row in got[4:]] == [
        "#00b050", "#ffc000", "#00b050", "#00b050", "#ffc000", "#ff0000", "#ff0000",
        "#ffc000", "#00b050"]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_page_gives_the_records_of_the_docx(page: str) -> None:
    expected = records(DOCX)
    assert [r["completion"]["rag"] if r["completion"] else None for r in expected] == [
        None, "#00b050", None, "#ff0000", None]  # mixed RAG across actions: no one colour
    assert records(PAGES[page]) == expected


def test_bold_run_with_word_bidi_weight_is_bold() -> None:
    page = parse_page("<p><b style='mso-bidi-font-weight:normal'>Action</b></p>")
    assert render(page).bold
    page = parse_page("<p><b style='font-weight:normal'>Action</b></p>")
    assert not render(page).bold


@pytest.mark.parametrize(
    ("css", "markup", "bold", "fill"),
    [
        (".a{font-weight:700}.f{background-color:#00b050}",
         '<td class="f"><span class="a">x</span>', True, "#00b050"),
        # the later rule wins, and the element's own style over every rule
        (".a{font-weight:700}.b{font-weight:400}", '<td><span class="a b">x</span>', False, None),
        (".b{font-weight:400}.a{font-weight:700}", '<td><span class="b a">x</span>', True, None),
        (".f{background-color:#00b050}",
         '<td class="f" style="background-color:#ff0000">x', False, "#ff0000"),
        # compound selectors as Google Docs writes them: a tag with a class, several classes,
        # descendants and children; a descendant rule needs its ancestor
        ("td.f{background-color:#00b050} .t .f{font-weight:700}",
         '<td class="f">x', False, "#00b050"),
        (".c1.c2{background-color:#ffc000}", '<td class="c2 c1">x', False, "#ffc000"),
        (".c1.c2{background-color:#ffc000}", '<td class="c2">x', False, None),
        ("table td.c3{background-color:#ff0000}", '<td class="c3">x', False, "#ff0000"),
        ("p.c4 span{font-weight:700}", '<td><p class="c4"><span>x</span></p>', True, None),
        ("p.c4 span{font-weight:700}", '<td><p><span class="c4">x</span></p>', False, None),
        ("tr > td.c5{background:#00b050}", '<td class="c5">x', False, "#00b050"),
        ("div > td.c5{background:#00b050}", '<td class="c5">x', False, None),
        # by specificity, then order: ".c6" after "td.c6" does not win over it
        ("td.c6{background-color:#ff0000}.c6{background-color:#00b050}",
         '<td class="c6">x', False, "#ff0000"),
        (".c6{background-color:#00b050}.c6.c7{background-color:#ffc000}",
         '<td class="c6 c7">x', False, "#ffc000"),
        # pseudo-classes, attributes and sibling combinators are not applied; a rule of more
        # than one class gives bold and fills only (not Google Docs' list-style of its lists)
        ("td.f:hover{background:red} td[dir=rtl]{background:red} span + td{background:red}",
         '<td class="f" dir="rtl">x', False, None),
        ("td.f{display:none;background:#00b050}", '<td class="f">x', False, "#00b050"),
        ("/* .f{background:red} */ @import url(x.css); .g,.f{background:#ffc000}",
         '<td class="f">x', False, "#ffc000"),
        # conditional rules are not applied; @page and @font-face are no class rules
        ("@media print{.f{background:#ff0000}.a{font-weight:700}} .f{background:#00b050}"
         "@page WordSection1{size:595pt 842pt}@font-face{font-family:X}",
         '<td class="f"><span class="a">x</span>', False, "#00b050"),
    ],
)
def test_class_rules(css: str, markup: str, bold: bool, fill: str | None) -> None:
    page = parse_page(f"<html><head><style>{css}</style></head><body><table><tr>{markup}"
                      "</td></tr></table></body></html>")
    apply_class_styles(page)
    td = page.find(".//td")
    assert (render(td).bold, cell_fill(td)) == (bold, fill)


@pytest.mark.parametrize(
    ("row", "is_hidden"),
    [("<tr height=0><td></td><td style='border:none'></td></tr>", True),
     ("<tr style='height:0pt'><td></td></tr>", True),
     ("<tr height=0><td>Text</td></tr>", False),  # something in it: read, never dropped
     ("<tr style='line-height:0'><td></td></tr>", False)],
)
def test_empty_zero_height_row_is_not_drawn(row: str, is_hidden: bool) -> None:
    page = parse_page(f"<table>{row}</table>")
    assert hidden(page.find(".//tr")) is is_hidden


PAD = "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span>"


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        # Save as Web Page: the marker in a mso-list:Ignore span, revealed to other browsers
        (f"<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>"
         f"·{PAD}</span></span><![endif]>Text", "• Text"),
        (f"<span style='font-family:\"Courier New\"'>o{PAD}</span>Text", "• Text"),
        (f"<span style='font-family:Wingdings'>§{PAD}</span>Text", "• Text"),
        (f"<span style='font-family:Wingdings'>Ø{PAD}</span>Text", "• Text"),
        (f"<span style='font-family:Symbol'>\uf0b7{PAD}</span>Text", "• Text"),
        # labels are kept as written, even ones the label rules do not know
        (f"<span style='mso-list:Ignore'>a){PAD}</span>Text", "a) Text"),
        (f"<span>1.2.{PAD}</span>Text", "1.2. Text"),
        (f"<span>1{PAD}</span>Text", "1 Text"),
        # not at the start of its paragraph, or longer than a marker: text
        (f"Total <span>o{PAD}</span>Text", "Total o Text"),
        (f"<span>overall{PAD}</span>Text", "overall Text"),
        (f"<span>Ø{PAD}</span>Text", "Ø Text"),  # a letter unless its font is Wingdings
    ],
)
def test_word_list_markers(paragraph: str, text: str) -> None:
    page = parse_page(f"<html><body><p class=MsoListParagraph>{paragraph}</p></body></html>")
    word_list_markers(page)
    assert tidy(render(page.find(".//p")).text) == text


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_page_document_is_the_docx_document(page: str) -> None:
    expected, got = plan_to_dict(convert_file(DOCX)), plan_to_dict(convert_file(PAGES[page]))
    assert validation_errors(got) == []
    assert got["title"] == expected["title"] == make_producer_html.TITLE
    assert got["warnings"] == expected["warnings"]
    assert got["glossary"] == expected["glossary"] == dict(make_producer_html.GLOSSARY)


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_reviewers_comments_are_not_read(page: str) -> None:
    blocks = read_html(PAGES[page]).blocks
    shown = repr([b.rows if isinstance(b, TableFragment) else b.text for b in blocks])
    assert [w for w in ("Check with the Police", "[CS1]", "[a]") if w in shown] == []
