"""Cell text from word boxes: soft wraps undone, paragraphs kept, words a narrow column broke
glued back. Each case is a cell as LibreOffice wrapped it in the re-laid-out sample plans
(tests/fixtures/relayout-*.pdf), rebuilt here with 5 pt characters so the geometry is exact."""

from __future__ import annotations

import pytest

from dhrplan.extract.celltext import SPACE_WIDTH, cell_text, known_words, unsure_break
from dhrplan.extract.geometry import Word

SIZE = 10.0
CHAR = 5.0
SPACE = SPACE_WIDTH * SIZE
PADDING = 2.0
LEADING = 12.0


def words_of(
    lines: list[str], gaps: dict[int, float] | None = None,
    indents: dict[int, float] | None = None,
) -> list[Word]:
    """The lines' words, left-aligned from x = PADDING (plus `indents[i]` on line i), one
    line every LEADING points (plus `gaps[i]` above line i)."""
    words, top = [], 0.0
    for i, line in enumerate(lines):
        top += (gaps or {}).get(i, 0.0)
        x = PADDING + (indents or {}).get(i, 0.0)
        for text in line.split(" "):
            words.append(Word(text, x, top, x + CHAR * len(text), top + SIZE, "Arial", SIZE))
            x += CHAR * len(text) + SPACE
        top += LEADING
    return words


def read(lines: list[str], width_of: str, slack: float = 1.0, **kwargs) -> str:
    """The cell is as wide as the line `width_of` plus `slack` points (and padding)."""
    right = max(w.x1 for w in words_of([width_of])) + slack
    return cell_text(words_of(lines, **kwargs), 0.0, right + PADDING)


@pytest.mark.parametrize(("lines", "width_of", "expected"), [
    # a word the column was too narrow for, glued back
    (["Recommendati", "on"], "Recommendati", "Recommendation"),
    (["Pathways", "Coordinat", "or"], "Coordinat", "Pathways Coordinator"),
    (["Head of", "Safeguardi", "ng"], "Safeguardi", "Head of Safeguarding"),
    (["31.12.20", "16"], "31.12.20", "31.12.2016"),
    (["procedures", "."], "procedures", "procedures."),
    (["Review of", "unachieve", "d MARAC"], "unachieve", "Review of unachieved MARAC"),
    # the tail is itself broken: "publicatio" / "n" is judged as "publication"
    (["3 months", "following", "publicatio", "n of report"], "publicatio",
     "3 months following publication of report"),
    # two words that happened to fill the line stay two words
    (["Safeguarding", "adults lead"], "Safeguarding", "Safeguarding adults lead"),
    (["Communication", "strategy"], "Communication", "Communication strategy"),
    (["(Somerset", "county)"], "(Somerset", "(Somerset county)"),
    (["in relation to DVPN/DVPO", "and Stalking"], "in relation to DVPN/DVPO",
     "in relation to DVPN/DVPO and Stalking"),
    (["Safer Somerset", "Partnership"], "Safer Somerset", "Safer Somerset Partnership"),
    # a word that does not fit a line starts one, so a half-word is alone on its line
    (["of the", "paramou", "ntcy principle"], "paramou", "of the paramountcy principle"),
    (["provider and", "implementatio", "n plan"], "implementatio",
     "provider and implementation plan"),
    # an unknown word, then a whole one: two words
    (["Forcewide", "circulation to"], "Forcewide", "Forcewide circulation to"),
])
def test_broken_words(lines: list[str], width_of: str, expected: str) -> None:
    assert read(lines, width_of) == expected


@pytest.mark.parametrize(("lines", "width_of", "slack", "expected"), [
    # "Briefing" had no room: a wrap, but a capitalised verb after a content word opens the
    # next milestone
    (["positive proactive approach", "Briefing to be approved"], "positive proactive approach",
     1.0, "positive proactive approach\nBriefing to be approved"),
    # a list whose items open alike, even when a narrow column leaves one word on a line
    (["Briefing", "to be", "approved", "by Force", "DA Lead", "Briefing", "to be", "circulated"],
     "circulated", 1.0, "Briefing to be approved by Force DA Lead\nBriefing to be circulated"),
    # a name going on is not a new paragraph
    (["produce an internal", "Domestic Abuse protocol"], "produce an internal", 1.0,
     "produce an internal Domestic Abuse protocol"),
    # "to" would have fitted: the line ended on purpose
    (["Review policy", "to be agreed"], "Review policy", 20.0, "Review policy\nto be agreed"),
    # "to" would have fitted by less than a point: Writer wraps such words, so still a wrap
    (["Review policy", "to be agreed"], "Review policy", SPACE + 2 * CHAR + 0.5,
     "Review policy to be agreed"),
    # a dash the line had no room for continues the sentence; one with room is a bullet
    (["the use of DVRIM", "– to all staff"], "the use of DVRIM", 1.0,
     "the use of DVRIM – to all staff"),
    (["the use of DVRIM", "– to all staff"], "the use of DVRIM", 30.0,
     "the use of DVRIM\n• to all staff"),
])
def test_wraps_and_paragraphs(lines: list[str], width_of: str, slack: float, expected: str):
    assert read(lines, width_of, slack) == expected


def test_space_after_a_paragraph_is_a_paragraph_break() -> None:
    lines = ["Update Communication", "strategy to include AFV.", "Campaign to highlight AFV"]
    assert read(lines, lines[1]) == (
        "Update Communication strategy to include AFV. Campaign to highlight AFV"
    )
    assert read(lines, lines[1], gaps={2: 4.0}) == (
        "Update Communication strategy to include AFV.\nCampaign to highlight AFV"
    )


def test_page_names_are_capitalised_words_met_mid_sentence_beside_another() -> None:
    page = words_of(["the Trust Domestic Abuse Policy", "to review Ratify policy"])
    names = known_words(page).names
    assert {"Trust", "Domestic", "Abuse", "Policy"} <= names
    assert "Ratify" not in names


@pytest.mark.parametrize(
    ("last", "word", "unsure"),
    [
        ("abuse.", "Agencies", True),  # a sentence ends where its line is full
        ("re-launched", "Agency", True),  # the next milestone, or a name going on
        ("live", "90%", True),  # the next milestone opening with a figure, or a figure
        ("trained", "Briefing", True),
        ("within", "3", False),  # a function word never ends an item
        ("the", "Police", False),
        ("to", "Domestic", False),
        ("specialist", "DA", False),  # an acronym is a name, not a common word
        ("review", "of", False),
        ("abuse.", "and", False),
        ("Police", "2024", False),  # after a name, a year goes on
    ],
)
def test_unsure_break(last: str, word: str, unsure: bool) -> None:
    assert unsure_break(last, word) is unsure


@pytest.mark.parametrize(("lines", "unsure"), [
    # a sentence ends where the line is full, then a capital: told as unsure
    (["controlling behaviour.", "Training should cover"], ["controlling behaviour."]),
    # ... and so does a bracketed aside after a finished sentence
    (["behaviour. (Recommendation 5 (page 11))", "Training should cover"],
     ["behaviour. (Recommendation 5 (page 11))"]),
    # a bracket that closes inside a sentence goes on: no doubt
    (["the Trust (and its partners)", "Board meets"], []),
    (["the Trust (and its partners)", "board meets"], []),
])
def test_a_full_line_that_ends_a_sentence_is_told_as_unsure(
    lines: list[str], unsure: list[str]
) -> None:
    told: list[str] = []
    cell_text(words_of(lines), 0.0, max(w.x1 for w in words_of(lines[:1])) + 1.0 + PADDING,
              unsure=told)
    assert told == unsure


ITEMS = ["• Add a domestic abuse themed case", "audit to the programme.",
         "• Report the findings to the Board.", "The report will include all the",
         "views of the practitioners."]


@pytest.mark.parametrize(("lines", "indents", "expected"), [
    # a note under a list item, indented past the list's hang: its own paragraph, though
    # its first word would not have fitted after "Board."
    (ITEMS, {1: 10.0, 3: 20.0, 4: 20.0},
     "• Add a domestic abuse themed case audit to the programme.\n"
     "• Report the findings to the Board.\n"
     "The report will include all the views of the practitioners."),
    # the same lines all wrapped at the hang: one item
    (ITEMS, {1: 10.0, 3: 10.0, 4: 10.0},
     "• Add a domestic abuse themed case audit to the programme.\n"
     "• Report the findings to the Board. The report will include all the views of the "
     "practitioners."),
    # a bullet typed as text: its lines wrap under the bullet
    (ITEMS, {},
     "• Add a domestic abuse themed case audit to the programme.\n"
     "• Report the findings to the Board. The report will include all the views of the "
     "practitioners."),
    # a wrapped line, then one indented further: a new paragraph ("Mandatory ...")
    (["• Build a stalking screening tool into", "the domestic abuse risk form.",
      "Mandatory for all domestic abuse", "reports from 1 April 2024."],
     {1: 10.0, 2: 20.0, 3: 20.0},
     "• Build a stalking screening tool into the domestic abuse risk form.\n"
     "Mandatory for all domestic abuse reports from 1 April 2024."),
    # a first-line indent: the lines below start further left, one paragraph
    (["Agencies should ensure that their", "staff know how to refer a person to",
      "the behaviour change programme."], {0: 15.0},
     "Agencies should ensure that their staff know how to refer a person to the behaviour "
     "change programme."),
    # centred lines start where their lengths put them: no indent is read
    (["Agencies should ensure that their", "staff can refer", "perpetrators to a programme."],
     {1: 43.0, 2: 10.0},
     "Agencies should ensure that their staff can refer perpetrators to a programme."),
])
def test_a_line_starting_off_the_paragraphs_left_edge_starts_a_paragraph(
    lines: list[str], indents: dict[int, float], expected: str
) -> None:
    cell = words_of(lines, indents=indents)
    right = max(w.x1 for w in cell) + 0.5
    ends = [max(w.x1 for w in words_of([line], indents={0: indents.get(i, 0.0)}))
            for i, line in enumerate(lines)]
    firsts = [CHAR * len(line.split(" ")[0]) for line in lines]
    # every break but before a bullet is one where the next word would not have fitted:
    # only the indent tells
    assert all(end + SPACE + first > right - 1.0
               for end, first, line in zip(ends, firsts[1:], lines[1:], strict=False)
               if not line.startswith("•"))
    assert cell_text(cell, 0.0, right + PADDING) == expected
