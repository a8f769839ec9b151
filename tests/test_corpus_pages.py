"""The corpus's plans saved as HTML pages by LibreOffice ("Save as HTML", the way a council
puts a Word plan on its website; tests/corpus/html/, made with
`soffice --headless --convert-to html`), and those pages printed to PDF by Chromium
(tests/corpus/chromium/, `chromium --headless --print-to-pdf`, which draws list bullets as
shapes, not characters, and repeats no header): each gives the records a person reads in
the plan, as the .docx does."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_view import CORPUS, WARNING_FIELD, differences, expected, plans

from dhrplan.extract.html import read_html
from dhrplan.extract.model import Heading
from dhrplan.output.jsondoc import plan_to_dict, validation_errors
from dhrplan.pipeline import convert_file

PAGES = CORPUS / "html"
PRINTS = CORPUS / "chromium"


def test_every_corpus_plan_has_its_page_and_its_print() -> None:
    assert sorted(p.stem for p in PAGES.glob("*.html")) == plans()
    assert sorted(p.stem for p in PRINTS.glob("*.pdf")) == plans()


PAGE_CUT = ("a cell cut by Chromium's page break after a sentence, the rest on the next page "
            "starting with a capital: a paragraph break or the sentence going on, the print "
            "does not tell; read as a break (warned, paragraphs_unsure)")
CUT_PRINTS = {"parent-rows-over-pages": {(2, "text"): PAGE_CUT, (5, "text"): PAGE_CUT}}


@pytest.mark.parametrize("source", [PAGES / "{}.html", PRINTS / "{}.pdf"], ids=["html", "chromium"])
@pytest.mark.parametrize("plan", plans())
def test_a_saved_page_and_its_print_give_the_expected_records(plan: str, source: Path) -> None:
    path = Path(str(source).format(plan))
    doc = plan_to_dict(convert_file(path))
    want = expected(plan)
    known = CUT_PRINTS.get(plan, {}) if path.parent == PRINTS else {}
    assert validation_errors(doc) == []
    assert (doc["title"], doc["glossary"]) == (want["title"], want["glossary"])
    assert len(doc["recommendations"]) == len(want["recommendations"])
    assert set(differences(doc, want)) == set(known)
    for index, field in known:
        warned = {w["field"] for w in doc["recommendations"][index]["warnings"]}
        assert WARNING_FIELD[field] in warned or None in warned


def test_list_items_outside_tables_keep_their_markers(tmp_path: Path) -> None:
    """A recommendation set above its table, with a bulleted list: the items read as the
    .docx and PDF readers give them ("• ..."), numbered lists with their numbers."""
    page = tmp_path / "plan.html"
    page.write_text(
        "<p>Recommendation 1: Housing should make sure that every disclosure:</p>"
        "<ul><li><p>is recorded;</p></li><li>• leads to a DASH offer.</li></ul>"
        "<ol start='3'><li>Third</li><li>Fourth</li></ol>"
        "<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Audit</td><td>CSP</td></tr></table>",
        encoding="utf-8",
    )
    texts = [b.text for b in read_html(page).blocks if isinstance(b, Heading)]
    assert texts[1:] == ["• is recorded;", "• leads to a DASH offer.", "3. Third", "4. Fourth"]

