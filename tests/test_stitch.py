"""Stitching table fragments across page breaks: cut cells, repeated headers, whole tables."""

from pathlib import Path

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.extract.model import ROW_JOINED, Cell, Heading, Row, RowNote, Table, TableFragment
from dhrplan.extract.stitch import join_text, same_header, stitch
from dhrplan.extract.text import read_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# --- join_text: the two parts of a cell cut by a page break ------------------------------------

# top part, rest, joined cell
JOINS = [
    # --- cut cells from samples/somerset-dhr-012-action-plan.txt
    ("Detective Inspector Phil", "Jones", "Detective Inspector Phil Jones"),
    ("Within 3 months of", "the completion of the DHR",
     "Within 3 months of the completion of the DHR"),
    ("Change", "procedures", "Change procedures"),
    ("Review current", "procedures Re-write procedures",
     "Review current procedures Re-write procedures"),
    ("3 months", "following review publication", "3 months following review publication"),
    (
        "BCHA - To include within general implementation planned for new business",
        "Commissioners to request as part of exit plan for outgoing provider",
        "BCHA - To include within general implementation planned for new business\n"
        "Commissioners to request as part of exit plan for outgoing provider",
    ),
    ("Jessica Wheeler", "SCC (IDVA service commissioners)",
     "Jessica Wheeler\nSCC (IDVA service commissioners)"),
    ("George O'Neill", "(SCC ASC Principal Social Worker)",
     "George O'Neill (SCC ASC Principal Social Worker)"),
    ("Pathways Coordinator (Via Detective Inspector Phil", "Jones)",
     "Pathways Coordinator (Via Detective Inspector Phil Jones)"),
    ("Review IMPACT Pathways website Add new", "“women’s page”, linking into existing websites",
     "Review IMPACT Pathways website Add new “women’s page”, linking into existing websites"),
    ("2) Where DASH assessments are changed by police",
     "staff or police officers after the event",
     "2) Where DASH assessments are changed by police staff or police officers after the event"),
    ("a. Forcewide circulation to",
     "Managers to directly brief operational staff.\nb. To be raised",
     "a. Forcewide circulation to Managers to directly brief operational staff.\nb. To be raised"),
    ("Guidance clarifying how", "DASH assessments should be completed",
     "Guidance clarifying how DASH assessments should be completed"),
    ("3) For Child In Need cases, ensure that the expectations of",
     "visiting frequency, and regularity of review",
     "3) For Child In Need cases, ensure that the expectations of visiting frequency, and "
     "regularity of review"),
    ("Local (Somerset", "county)", "Local (Somerset county)"),
    ("Audit of current procedure and", "practice Revise procedures if required",
     "Audit of current procedure and practice Revise procedures if required"),
    ("Review and audit after 6", "months to ensure desired outcome is being achieved",
     "Review and audit after 6 months to ensure desired outcome is being achieved"),
    ("Review policy and re-write where necessary", "Ratify policy",
     "Review policy and re-write where necessary\nRatify policy"),
    ("Head of Safeguarding / Safeguarding adults lead /", "Named nurse for Childrens Safeguarding",
     "Head of Safeguarding / Safeguarding adults lead / Named nurse for Childrens Safeguarding"),
    ("Somerset Partnership Safeguarding Service to develop closer", "working protocols",
     "Somerset Partnership Safeguarding Service to develop closer working protocols"),
    ("IDVA Somerset Service", "Provider", "IDVA Somerset Service Provider"),
    ("Review current procedures Revise current procedures Implement new", "procedure",
     "Review current procedures Revise current procedures Implement new procedure"),
    ("31 st January 2016", "28 th February 2016", "31 st January 2016\n28 th February 2016"),
    ("Implement case management", "meeting between IDVA and outreach service",
     "Implement case management meeting between IDVA and outreach service"),
    ("Sarah Michael", "(DA specialist)", "Sarah Michael (DA specialist)"),
    ("Safeguarding Children Training booked February 2016 (includes domestic abuse",
     "case study)",
     "Safeguarding Children Training booked February 2016 (includes domestic abuse case study)"),
    ("Complete. Both safeguarding children and domestic abuse training completed.",
     "Practice have been provided with additional resources",
     "Complete. Both safeguarding children and domestic abuse training completed.\n"
     "Practice have been provided with additional resources"),
    ("Review of unachieved MARAC actions", "during MARAC meetings",
     "Review of unachieved MARAC actions during MARAC meetings"),
    ("MARAC to review actions which are not complete due to a", "barrier. MARAC attendees",
     "MARAC to review actions which are not complete due to a barrier. MARAC attendees"),
    # --- cut cells from samples/somerset-dhr-lily-action-plan.txt
    ("Ownership; Police, CCG, SomFT and Adult", "Social Care.",
     "Ownership; Police, CCG, SomFT and Adult Social Care."),
    ("better support is provided to victims", "to manage the risks",
     "better support is provided to victims to manage the risks"),
    ("3 CCG to promote best practice to GPs about trauma",
     "informed approach for supporting victims of DA.",
     "3 CCG to promote best practice to GPs about trauma informed approach for supporting "
     "victims of DA."),
    ("Review by agencies of the impact of training to better understand",
     "trauma within a victim's life",
     "Review by agencies of the impact of training to better understand trauma within a "
     "victim's life"),
    ("Safer Somerset Partnership/", "agency training",
     "Safer Somerset Partnership/ agency training"),
    ("1. Review of training modules.", "2. Inclusion of module relating to AFV.",
     "1. Review of training modules.\n2. Inclusion of module relating to AFV."),
    # --- general variants
    ("", "Jones", "Jones"),
    ("Jones", "", "Jones"),
    ("   ", "Jones", "Jones"),
    ("Publicise new policy", "• Train staff", "Publicise new policy\n• Train staff"),
    ("Review policy", "2. Ratify policy", "Review policy\n2. Ratify policy"),
    ("Review policy.", "(b) Ratify policy", "Review policy.\n(b) Ratify policy"),
    ("Review and revise current procedures", "– Publicise to staff",
     "Review and revise current procedures\n– Publicise to staff"),
    ("Step one completed.", "Step two", "Step one completed.\nStep two"),
    ("DA Lead", "SSP", "DA Lead\nSSP"),
    ("Police", "CCG", "Police\nCCG"),
    ("31.12.2016", "31.03.2017", "31.12.2016\n31.03.2017"),
    ("Quarter 1", "2017/18", "Quarter 1\n2017/18"),
    ("Within 6 months of publication", "Complete", "Within 6 months of publication\nComplete"),
    ("Somerset Named GP/", "Designated Nurse", "Somerset Named GP/ Designated Nurse"),
    ("Head of Service, Children's", "Services", "Head of Service, Children's Services"),
    ("Adult Social Care -", "Safeguarding Lead", "Adult Social Care - Safeguarding Lead"),
    ("End of", "March 2017", "End of March 2017"),
    ("Multi Agency Risk", "Assessment Conference", "Multi Agency Risk Assessment Conference"),
    ("Review the policy;", "Ratify the policy", "Review the policy; Ratify the policy"),
    ("Review the policy  ", "  and ratify it", "Review the policy and ratify it"),
]


@pytest.mark.parametrize(("before", "after", "joined"), JOINS)
def test_join_text(before: str, after: str, joined: str) -> None:
    assert join_text(before, after) == joined


# --- same_header: repeated header rows -------------------------------------------------------


def row(*texts: str, pages: tuple[int, ...] = (1,)) -> Row:
    return Row([cell_from_markup(t) for t in texts], list(pages))


H012 = ("Recommendation", "Scope", "Action Required", "Action Holder", "Key Milestones",
        "Target Date", "Date of Completion and Outcome")
LILY_ITALIC = ("", "<i>Recommendation</i>", "<i>Scope</i>", "<i>Action</i>", "<i>Lead Agency</i>",
               "<i>Key Milestone</i>", "<i>Target Date</i>", "<i>Compltn date/Outcome</i>")
LILY_BOLD = ("", "<b>Recommendation</b>", "<b>Scope</b>", "<b>Action</b>", "<b>Lead Agency</b>",
             "<b>Key Milestone</b>", "<b>Target Date</b>", "<b>Compltn date/Outcome</b>")
LILY_BOLD_S = LILY_BOLD[:-1] + ("<b>Compltn date/Outcomes</b>",)

# header, row, is a repeat of the header
HEADERS = [
    (H012, H012, True),
    (LILY_ITALIC, LILY_BOLD, True),
    (LILY_ITALIC, LILY_BOLD_S, True),
    (LILY_BOLD_S, LILY_ITALIC, True),
    (H012, tuple(f"<b>{h}</b>" for h in H012), True),
    (H012, tuple(h.upper() for h in H012), True),
    (H012, ("Recommendations", "Scope", "Actions Required", "Action Holders", "Key Milestone",
            "Target Dates", "Date of Completion & Outcomes"), True),
    (H012, H012[:-1] + ("",), True),
    (("Recommendation", "Scope"), ("Recommendation:", "Scope."), True),
    (("Recommendation", "Action"), ("Recommendation", "Actions"), True),
    # repeated on a page of other column widths, narrow columns break the words elsewhere
    (("Recommendati on", "Scop e", "Action Required", "Tar get Date"),
     ("Recommendation", "Scope", "Action Requir ed", "Target Date"), True),
    # not repeats
    (H012, ("1) The police", "Local", "a. Brief", "DI Jones", "Briefing", "Within 3 months", ""),
     False),
    (H012, H012[:6], False),
    (H012, ("Recommendation", "Scope", "Action", "Lead", "Key Milestones", "Target Date",
            "Progress"), False),
    (("Recommendation", "Scope", "Action", "Lead", "Milestone", "Target", "Progress"),
     ("Recommendation", "Scope", "Action", "Lead", "", "", ""), False),
    (("Recommendation", "Action"), ("Recommendation", "Action Required"), False),
    (("", ""), ("", ""), False),
    (LILY_BOLD, ("", "<b>Social Care.</b>", "", "", "", "", "", "to manage the risks"), False),
]


@pytest.mark.parametrize(("header", "other", "repeat"), HEADERS)
def test_same_header(header: tuple[str, ...], other: tuple[str, ...], repeat: bool) -> None:
    assert same_header(row(*header), row(*other)) is repeat


# --- stitch over hand-built fragments ---------------------------------------------------------


def frag(page: int, *rows: tuple[str, ...]) -> TableFragment:
    return TableFragment([row(*r, pages=(page,)) for r in rows], page)


def tables(blocks: list) -> list[Table]:
    out = stitch(blocks)
    return [b for b in out if isinstance(b, Table)]


E7 = ("",) * 7
POLICE_2_TOP = ("2) Where DASH assessments are changed by police", "Local",
                "a. Forcewide circulation to", "Detective Inspector Phil",
                "Guidance clarifying how", "Within 3 months of", "")
POLICE_2_REST = ("<p>staff or police officers after the event.</p>", "",
                 "<p>Managers to directly brief operational staff.</p>", "<p>Jones</p>",
                 "<p>DASH assessments should be completed.</p>",
                 "<p>the completion of the DHR</p>", "")
POLICE_2_JOINED = ["2) Where DASH assessments are changed by police staff or police officers after "
                   "the event.", "Local",
                   "a. Forcewide circulation to Managers to directly brief operational staff.",
                   "Detective Inspector Phil Jones",
                   "Guidance clarifying how DASH assessments should be completed.",
                   "Within 3 months of the completion of the DHR", ""]
POLICE_3 = ("3) The police should use elements of this DHR", "Local", "To be raised",
            "Detective Inspector Phil Jones", "", "Within 3 months of the completion of the DHR",
            "")

ASC_1 = ("1) With ASC case recording the AIS functionality should be used.", "Local",
         "Change current procedures", "SCC ASC Principal Social Worker", "",
         "3 months following review publication", "")
ASC_TOP = ("", "", "Change", "", "Review current", "3 months", "")
ASC_2_REST = ("2) Where a vulnerable adult is the victim of control and coercion.", "Local",
              "procedures", "SCC ASC Principal Social Worker",
              "procedures Re-write procedures Ratify new procedures",
              "following review publication", "")
ASC_2_JOINED = ["2) Where a vulnerable adult is the victim of control and coercion.", "Local",
                "Change procedures", "SCC ASC Principal Social Worker",
                "Review current procedures Re-write procedures Ratify new procedures",
                "3 months following review publication", ""]

CSC_4_TOP = ("4) Ensure that Core Groups are held in a timely manner.", "Local (Somerset county)",
             "", "Deputy Director Children & Families",
             "Audit of current procedure and practice Revise procedures if required Review and "
             "audit after 6", "31.12.2016", "")
CSC_4_REST = ("", "", "", "", "months to ensure desired outcome is being achieved", "", "")

LILY_5 = ("<b>5.</b>", "<p>Health practitioners to understand the suicide risk.</p> "
          "<p><b>Ownership; Police, CCG, SomFT and Adult</b></p>", "Local",
          "1. Relevant practitioners to access the course.", "SSP", "1. Training delivered.",
          "2023", "Professional understand the suicide risk and better support is provided to "
          "victims")
LILY_5_REST = ("", "<b>Social Care.</b>", "", "", "", "", "", "to manage the risks")
LILY_6 = ("<b>6</b>", "<p><b>Recommendation Six</b></p> <p>SSAB to review guidance.</p>",
          "Local", "1. To include the inclusion.", "<b>SSAB</b>", "1. Promotion.", "Dec 2022",
          "Professionals understand the support")

TITLE6 = ("Action Plan - DHR Uma", "", "", "", "", "")
GROUP6 = ("No.", "Recommendation", "Actions", "", "", "RAG")
HEAD6 = ("", "", "What", "Who", "When", "")
REC6_1 = ("1", "The CSP should audit referrals.", "Audit referrals.", "CSP", "March 2025",
          "Green")
REC6_2 = ("2", "Health should train staff.", "Deliver training.", "ICB", "June 2025", "Amber")

# blocks, expected [(heading, [row texts], [row pages])] per table, joined-row warnings
STITCHED = [
    # Police recommendation 2: the rest of the row is the first row of the next page
    (
        [Heading("Avon and Somerset Police", 1), frag(1, H012, POLICE_2_TOP),
         frag(2, POLICE_2_REST, POLICE_3)],
        [("Avon and Somerset Police", [POLICE_2_JOINED, list(POLICE_3)], [[1, 2], [2]])],
        ["row joined across a page break (pages 1, 2)"],
    ),
    # the repeated header on the next page is dropped before the continuation is joined
    (
        [frag(1, H012, POLICE_2_TOP), frag(2, H012, POLICE_2_REST, POLICE_3)],
        [(None, [POLICE_2_JOINED, list(POLICE_3)], [[1, 2], [2]])],
        ["row joined across a page break (pages 1, 2)"],
    ),
    # CSC recommendation 4: the continuation row has an empty recommendation cell
    (
        [frag(5, H012, CSC_4_TOP), frag(6, H012, CSC_4_REST)],
        [(None, [["4) Ensure that Core Groups are held in a timely manner.",
                  "Local (Somerset county)", "", "Deputy Director Children & Families",
                  "Audit of current procedure and practice Revise procedures if required Review "
                  "and audit after 6 months to ensure desired outcome is being achieved",
                  "31.12.2016", ""]], [[5, 6]])],
        ["row joined across a page break (pages 5, 6)"],
    ),
    # ASC "Change / procedures": the top of recommendation 2 (empty recommendation cell) is on
    # page 7, its number and the rest of every cell on page 8
    (
        [Heading("Adult Social Care (Somerset County Council)", 7),
         frag(7, H012, ASC_1, ASC_TOP), frag(8, H012, ASC_2_REST)],
        [("Adult Social Care (Somerset County Council)", [list(ASC_1), ASC_2_JOINED],
          [[7], [7, 8]])],
        ["row joined across a page break (pages 7, 8)"],
    ),
    # Lily "Social Care.": the continuation sits BEFORE the repeated header of the next page
    (
        [frag(4, LILY_BOLD, LILY_5), frag(5, LILY_5_REST, LILY_BOLD_S, LILY_6)],
        [(None, [["5.", "Health practitioners to understand the suicide risk.\n"
                  "Ownership; Police, CCG, SomFT and Adult Social Care.", "Local",
                  "1. Relevant practitioners to access the course.", "SSP",
                  "1. Training delivered.", "2023",
                  "Professional understand the suicide risk and better support is provided to "
                  "victims to manage the risks"],
                 ["6", "Recommendation Six\nSSAB to review guidance.", "Local",
                  "1. To include the inclusion.", "SSAB", "1. Promotion.", "Dec 2022",
                  "Professionals understand the support"]], [[4, 5], [5]])],
        ["row joined across a page break (pages 4, 5)"],
    ),
    # a numbered row at the top of the next page starts a new recommendation
    (
        [frag(1, H012, POLICE_3), frag(2, H012, ASC_1)],
        [(None, [list(POLICE_3), list(ASC_1)], [[1], [2]])],
        [],
    ),
    # a theme row at the top of the next page is never joined
    (
        [frag(1, LILY_BOLD, LILY_5), frag(2, ("", "<b>Training</b>", "", "", "", "", "", ""),
                                          LILY_6)],
        [(None, [[cell_from_markup(t).text for t in LILY_5],
                 ["", "Training", "", "", "", "", "", ""],
                 [cell_from_markup(t).text for t in LILY_6]], [[1], [2], [2]])],
        [],
    ),
    # a heading between fragments starts a new table, even with the same width
    (
        [Heading("Avon and Somerset Police", 1), frag(1, H012, POLICE_2_TOP),
         Heading("Children's Social Care", 2), frag(2, H012, POLICE_2_REST)],
        [("Avon and Somerset Police", [list(POLICE_2_TOP)], [[1]]),
         ("Children's Social Care", [[cell_from_markup(t).text for t in POLICE_2_REST]], [[2]])],
        [],
    ),
    # a fragment of another width starts a new table with its own header
    (
        [Heading("Agencies", 1),
         frag(1, ("Avon and Somerset Police", "2"), ("Children’s Social Care", "6")),
         frag(1, H012, POLICE_3)],
        [("Agencies", [["Children’s Social Care", "6"]], [[1]]),
         (None, [list(POLICE_3)], [[1]])],
        [],
    ),
    # a title row and the header under it, both repeated on the next page, are both
    # dropped (only the title was: the header joined the row the page break cut)
    (
        [frag(1, TITLE6, HEAD6, REC6_1), frag(2, TITLE6, HEAD6, REC6_2)],
        [(None, [list(HEAD6), list(REC6_1), list(REC6_2)], [[1], [1], [2]])],
        [],
    ),
    # a header over two rows ("Actions" over "What | Who | When") repeats whole too
    (
        [frag(1, GROUP6, HEAD6, REC6_1), frag(2, GROUP6, HEAD6, REC6_2)],
        [(None, [list(HEAD6), list(REC6_1), list(REC6_2)], [[1], [1], [2]])],
        [],
    ),
    # ... but a first row under a repeated header that differs from the table's first row
    # only by its number is content, kept
    (
        [frag(1, HEAD6, REC6_1), frag(2, HEAD6, ("4", *REC6_1[1:]))],
        [(None, [list(REC6_1), ["4", *REC6_1[1:]]], [[1], [2]])],
        [],
    ),
    # repeated headers and empty rows inside one page are dropped
    (
        [frag(1, H012, POLICE_3, E7, H012, ASC_1)],
        [(None, [list(POLICE_3), list(ASC_1)], [[1], [1]])],
        [],
    ),
]


@pytest.mark.parametrize(("blocks", "expected", "warnings"), STITCHED)
def test_stitch(blocks: list, expected: list[tuple], warnings: list[str]) -> None:
    got = tables(blocks)
    assert len(got) == len(expected)
    for table, (heading, texts, pages) in zip(got, expected, strict=True):
        assert table.heading == heading
        assert [r.texts for r in table.rows] == texts
        assert [r.pages for r in table.rows] == pages
    assert [str(w) for t in got for r in t.rows for w in r.warnings] == warnings


def test_stitch_keeps_headings_in_order() -> None:
    blocks = [Heading("Appendix B", 1), Heading("Avon and Somerset Police", 1),
              frag(1, H012, POLICE_3), Heading("Curo Group", 2), frag(2, H012, ASC_1)]
    out = stitch(blocks)
    kinds = [b.text if isinstance(b, Heading) else b.heading for b in out]
    assert kinds == ["Appendix B", "Avon and Somerset Police", "Avon and Somerset Police",
                     "Curo Group", "Curo Group"]
    assert [type(b).__name__ for b in out] == ["Heading", "Heading", "Table", "Heading", "Table"]
    assert out[2].header.texts == list(H012)
    assert out[2].pages == [1]


def test_joined_cells_keep_bold_only_when_both_parts_are_bold() -> None:
    got = tables([frag(4, LILY_BOLD, LILY_5), frag(5, LILY_5_REST, LILY_6)])
    joined = got[0].rows[0]
    assert joined.cells[0].bold  # "<b>5.</b>" over an empty cell
    assert not joined.cells[1].bold  # plain paragraph + bold "Social Care."
    assert not joined.cells[7].bold


# --- the sample exports stitched ----------------------------------------------------------------

# stem, table heading, row index, expected pages, {column: expected text}
SAMPLE_JOINS = [
    ("somerset-dhr-012-action-plan", "Avon and Somerset Police", 1, [1, 2],
     {3: "Detective Inspector Phil Jones", 5: "Within 3 months of the completion of the DHR"}),
    ("somerset-dhr-012-action-plan", "Avon and Somerset Police", 4, [3, 4],
     {3: "Pathways Coordinator (Via Detective Inspector Phil Jones)"}),
    ("somerset-dhr-012-action-plan", "Adult Social Care (Somerset County Council)", 1, [7, 8],
     {2: "Change procedures", 5: "3 months following review publication"}),
    ("somerset-dhr-012-action-plan", "Adult Social Care (Somerset County Council)", 5, [10, 11],
     {3: "George O'Neill (SCC ASC Principal Social Worker)"}),
    ("somerset-dhr-012-action-plan", "Somerset Safeguarding Children Board (LSCB)", 1, [6, 7],
     {2: "Review policy and re-write where necessary\nRatify policy"}),
    ("somerset-dhr-012-action-plan",
     "Bournemouth Churches Housing Association (to include SIDAS (Knightstone HA))", 1, [13, 14],
     {3: "Jessica Wheeler\nSCC (IDVA service commissioners)",
      5: "31 st January 2016\n28 th February 2016"}),
    ("somerset-dhr-012-action-plan", "Safer Somerset Partnership", 0, [18, 19],
     {2: "Review of unachieved MARAC actions during MARAC meetings"}),
    ("somerset-dhr-lily-action-plan", None, 7, [4, 5],
     {7: "Professional understand the suicide risk and links to domestic abuse and better "
         "support is provided to victims to manage the risks"}),
]


@pytest.mark.parametrize(("stem", "heading", "index", "pages", "cells"), SAMPLE_JOINS)
def test_sample_joins(
    stem: str, heading: str | None, index: int, pages: list[int], cells: dict[int, str]
) -> None:
    out = stitch(read_text(SAMPLES / f"{stem}.txt").blocks)
    table = next(b for b in out if isinstance(b, Table) and b.heading == heading)
    got = table.rows[index]
    assert got.pages == pages
    note = f"row joined across a page break (pages {', '.join(map(str, pages))})"
    assert RowNote(ROW_JOINED, note) in got.warnings
    for column, text in cells.items():
        assert got.cells[column].text == text


def test_lily_social_care_joins_the_ownership_line() -> None:
    out = stitch(read_text(SAMPLES / "somerset-dhr-lily-action-plan.txt").blocks)
    plan = next(b for b in out if isinstance(b, Table) and len(b.header.cells) == 8)
    texts = [r.cells[1].text for r in plan.rows]
    assert texts[7].endswith("Ownership; Police, CCG, SomFT and Adult Social Care.")
    assert "Social Care." not in texts
    assert [r.cells[0].text for r in plan.rows if r.cells[0].text] == [
        "MARAC", "1", "Communication", "2", "Training", "3", "4.", "5.", "Other", "6", "7.", "8.",
    ]
    assert plan.pages == [1, 2, 3, 4, 5, 6]


# --- PDF-only hints: the room left on a cut line, cells merged down over several rows ------

# top part, room left on its last line (ems), rest, joined cell
ROOM_JOINS = [
    # no room for "MARAC" after "unachieved": the line wrapped, the sentence goes on
    ("Review of unachieved", 3.2, "MARAC actions during MARAC meetings",
     "Review of unachieved MARAC actions during MARAC meetings"),
    # ample room: the paragraph had ended
    ("Review of unachieved actions", 12.0, "MARAC meetings to follow",
     "Review of unachieved actions\nMARAC meetings to follow"),
    # no room, but a capitalised verb after a content word opens the next item
    ("Re-write procedures\nRatify new procedures", 0.5, "Publicise new procedures to all staff",
     "Re-write procedures\nRatify new procedures\nPublicise new procedures to all staff"),
    # a word broken where the page broke, the line full to its last character
    ("directly brief operation", 0.3, "al staff.", "directly brief operational staff."),
]


@pytest.mark.parametrize(("before", "room", "after", "joined"), ROOM_JOINS)
def test_join_text_with_room(before: str, room: float, after: str, joined: str) -> None:
    assert join_text(before, after, room) == joined


def _row(page: int, *cells: str | Cell) -> Row:
    return Row([c if isinstance(c, Cell) else Cell(c) for c in cells], [page])


MERGED = Cell(merged=True)
HEADER = ("No.", "Recommendation", "Action", "Lead Agency", "Target Date")


def test_a_merged_recommendation_cut_by_a_page_break() -> None:
    """The recommendation is merged down over three action rows; the page breaks between
    the first and second action, inside the recommendation: its rest joins its start, and the
    second action stays an action of its own."""
    page1 = TableFragment([
        _row(1, *HEADER),
        _row(1, "1", Cell("To carry out a review of the MARAC, referrals by", room=0.4),
             "1. Safelives to complete the review.", "SSP", "Autumn 2022"),
    ], 1)
    page2 = TableFragment([
        _row(2, *HEADER),
        _row(2, "", "agencies and the support offered.", "2. SSP to review findings.",
             "Safelives", "Dec 22"),
        _row(2, MERGED, MERGED, "3. SSP to review the new process.", "SSP", "Summer 2023"),
    ], 2)
    (table,) = stitch([page1, page2])
    assert [r.texts for r in table.rows] == [
        ["1", "To carry out a review of the MARAC, referrals by agencies and the support "
         "offered.", "1. Safelives to complete the review.", "SSP", "Autumn 2022"],
        ["", "", "2. SSP to review findings.", "Safelives", "Dec 22"],
        ["", "", "3. SSP to review the new process.", "SSP", "Summer 2023"],
    ]
    assert table.rows[0].pages == [1, 2]
    continued = [w for w in table.rows[0].warnings if "merged cell continued" in w.message]
    assert [w.column for w in continued] == [1]


def test_a_new_merged_recommendation_at_the_top_of_a_page_stays_new() -> None:
    page1 = TableFragment([
        _row(1, *HEADER),
        _row(1, "", Cell("Review the referral pathway.", room=9.0), "Audit referrals.", "SSP",
             "Dec 22"),
    ], 1)
    page2 = TableFragment([
        _row(2, *HEADER),
        _row(2, "", "Publish the new pathway.", "Write guidance.", "SSP", "2023"),
        _row(2, MERGED, MERGED, "Train staff.", "Police", "2023"),
    ], 2)
    (table,) = stitch([page1, page2])
    assert [r.texts[1] for r in table.rows] == [
        "Review the referral pathway.", "Publish the new pathway.", "",
    ]
