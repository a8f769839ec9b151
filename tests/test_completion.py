"""Completion cells: one row per real-world phrase, samples first, asserting every field."""

from datetime import date

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.normalize.completion import parse_completion, tick_status
from dhrplan.normalize.record import Completion

LONG_COMPLETE = (
    "Complete. Both safeguarding children and domestic abuse training completed. Further "
    "session for domestic abuse provided to junior staff. Practice have been provided with "
    "additional resources including display on reception screen. Practice has a nominated "
    "domestic abuse champion."
)

# raw, status, date, expected warning fragment (None: no warnings at all)
CASES = [
    # --- samples/somerset-dhr-012-action-plan.txt
    ("Completed 29.11.15", "complete", date(2015, 11, 29), None),
    ("Complete", "complete", None, None),
    ("Complete Service transition policy updated.", "complete", None, None),
    ("Complete. Discussed at practice education event to ensure social questions/discussions "
     "captured in patient's consultations", "complete", None, None),
    (LONG_COMPLETE, "complete", None, None),
    ("In Place", "complete", None, None),
    ("Publication awaited", "in_progress", None, None),
    ("The policy has now been ratified and will be circulated in the GP bulletin in June.",
     "in_progress", None, None),
    ("This advice has been circulated but is also reiterated in training.",
     "complete", None, None),
    # --- samples/somerset-dhr-lily-action-plan.txt: intended outcomes, not progress
    ("Efficient /effective multi-agency process supporting victims of domestic abuse.",
     "unknown", None, "states no progress"),
    ("Agencies record ethnicity.", "unknown", None, '"Agencies record ethnicity." states no'),
    ("Training programme included AFV and professionals understand the dynamics of such "
     "abuse.", "unknown", None, "states no progress"),
    ("Improved services for victims of DA.", "unknown", None, "states no progress"),
    ("Professionals understand the support that can be provided to a vulnerable adult when "
     "the referral does not meet the threshold of the Care Act 2014",
     "unknown", None, "states no progress"),
    # --- RAG ratings and status words
    ("Green", "complete", None, None),
    ("Amber", "in_progress", None, None),
    ("Red", "not_started", None, None),
    ("RAG: Amber", "in_progress", None, None),
    ("RAG status Red", "not_started", None, None),
    ("Green - done 1.2.16", "complete", date(2016, 2, 1), None),
    ("Red flag procedures reviewed", "unknown", None, "states no progress"),
    ("Not started", "not_started", None, None),
    ("Not yet started", "not_started", None, None),
    ("In progress", "in_progress", None, None),
    ("Ongoing", "in_progress", None, None),
    ("Status: Complete", "complete", None, None),
    ("Complete - will be reviewed annually", "complete", None, None),
    ("Training completed; policy review not started", "in_progress", None, None),
    ("Not complete", "unknown", None, "not whether it started"),
    # --- dates: exact days only, for complete cells only
    ("Completed March 2016", "complete", None, None),
    ("Completed 31 st May 2016", "complete", date(2016, 5, 31), None),
    ("Completed 1.3.16 and 5.4.16", "complete", date(2016, 4, 5), "latest was kept"),
    ("Completed 31/02/2016", "complete", None, '"31/02/2016" could not be read'),
    ("In progress - due 31.3.17", "in_progress", None, "date was not kept"),
    # --- "<" and ">" that are not markup stay in the text
    ("Completed 29.11.15 (<3 months after publication; >90% of staff trained)",
     "complete", date(2015, 11, 29), None),
    # --- progress as people write it (issue 8; the corpus plans)
    ("Update Jan 2025: three of five sessions held", "in_progress", None, None),
    ("Briefing circulated to all practices; audit booked for June", "in_progress", None, None),
    ("Prompt added to the template; audit planned for March", "in_progress", None, None),
    ("Template updated; training to follow", "in_progress", None, None),
    ("On track – sessions booked for March", "in_progress", None, None),
    ("Behind schedule – waiting for the data from the ICB", "in_progress", None, None),
    ("Delayed", "in_progress", None, None),
    # --- a status per line: several items' statuses (or rows a text export ran together)
    ("Complete\nIn progress", "in_progress", None, "rolled up to in progress"),
    ("Complete In progress", "in_progress", None, "rolled up to in progress"),
    ("Not started\nComplete\nComplete", "in_progress", None, "a status per line"),
    ("Complete\nComplete", "complete", None, None),
    ("Not started\nNot started", "not_started", None, None),
    ("In progress – waiting for\nthe data", "in_progress", None, None),
    # --- a lone "Evidence" column's cells (corpus G): what shows the work done
    ("Protocol signed by both parties on 02/06/2025.", "complete", date(2025, 6, 2), None),
    ("Protocol to be signed in June", "in_progress", None, None),
    ("Revised procedure published on the intranet, 14/03/2025.", "complete",
     date(2025, 3, 14), None),
    ("Training register: 45 of 60 staff trained.", "in_progress", None, None),
    # not quite done: progress, not complete
    ("90% complete", "in_progress", None, None),
    ("Nearly complete", "in_progress", None, None),
    ("Almost complete - final audit booked", "in_progress", None, None),
    ("Completed in part", "in_progress", None, None),
    ("100% complete", "complete", None, None),
    # a done word the rest of the cell takes back, or a deadline: unknown, with a warning
    ("Closed - not completed", "unknown", None, "unfinished"),
    ("Complete by March 2025", "unknown", None, "by when"),
    ("Partly done", "in_progress", None, None),
    ("Completed (Nov 2023)", "complete", None, None),
    ("Closed", "complete", None, None),
    ("Not started", "not_started", None, None),
    ("Not yet begun - waiting for the revised statutory guidance.", "not_started", None, None),
    ("Directory sent to all practices; web pages to be updated in the spring.", "in_progress",
     None, None),
    ("Revised threshold agreed; briefings delayed until the new MARAC coordinator is in post.",
     "in_progress", None, None),
    ("Pilot running since May; evaluation due in the autumn", "in_progress", None, None),
    ("Training delivered to all 40 neighbourhood officers.", "complete", None, None),
    ("Two revised policies received; one outstanding (housing provider).", "in_progress", None,
     None),
    ("Amber", "in_progress", None, None),
    ("RAG: Green", "complete", None, None),
    # "Outstanding" / "Overdue" alone: not done, not whether begun (as "Not complete")
    ("Outstanding", "unknown", None, "unfinished"),
    ("Action overdue", "unknown", None, "unfinished"),
    ("In progress but overdue", "in_progress", None, None),
    # an opening "Completed" with part of the work still to do is in progress
    ("Completed, one action outstanding", "in_progress", None, None),
    ("Complete - two actions remaining", "in_progress", None, None),
    ("Complete - nothing outstanding", "complete", None, None),
    # "Completed by <day>": a bound, not the day it was done
    ("Completed by 31/03/2025", "complete", None, "complete by"),
    ("Completed by the CSP on 12/03/2025", "complete", date(2025, 3, 12), None),
    # --- more real-world phrasings (round 3; REAL-PLANS.md S8, S10 and council trackers)
    ("Fully implemented", "complete", None, None),
    ("Not progressed", "not_started", None, None),
    ("Awaiting confirmation of progress", "unknown", None, "reports no update"),
    ("No update received", "unknown", None, "reports no update"),
    ("Awaiting update", "unknown", None, "reports no update"),
    ("Update requested from Housing", "unknown", None, "reports no update"),
    ("Training delivered; awaiting confirmation from the ICB", "in_progress", None, None),
    ("Accepted", "unknown", None, "response to the recommendation"),
    ("Not accepted", "unknown", None, "response to the recommendation"),
    ("Accepted in part", "unknown", None, "response to the recommendation"),
    ("Response: Agreed", "unknown", None, "response to the recommendation"),
    ("Superseded", "unknown", None, "withdrawn or superseded"),
    ("Withdrawn", "unknown", None, "withdrawn or superseded"),
    ("No longer required", "unknown", None, "withdrawn or superseded"),
    ("Closed - superseded by the new DA strategy", "unknown", None, "withdrawn or superseded"),
    ("Ongoing", "in_progress", None, None),
    ("In progress – 60%", "in_progress", None, None),
    ("Partially complete", "in_progress", None, None),
    ("Partially implemented", "in_progress", None, None),
    ("Not yet started", "not_started", None, None),
    ("Complete and embedded", "complete", None, None),
    ("Embedded in practice", "complete", None, None),
    ("Business as usual", "complete", None, None),
    ("Complete – evidence provided", "complete", None, None),
    ("Green (complete)", "complete", None, None),
    ("Green – on track", "in_progress", None, None),
    ("Blue", "complete", None, None),
    ("BRAG: Blue", "complete", None, None),
    ("B", "complete", None, None),
    ("G", "complete", None, None),
    ("A", "in_progress", None, None),
    ("R", "not_started", None, None),
    ("\u2713", "complete", None, None),
    ("\u2714", "complete", None, None),
    ("Yes", "complete", None, None),
    ("Y", "complete", None, None),
    ("No", "unknown", None, "not whether it started"),
    ("X", "unknown", None, "a cross"),
    ("Not fully implemented", "unknown", None, "not whether it started"),
    ("Amber/Green", "in_progress", None, None),
    ("Red/Amber", "in_progress", None, None),
    ("Green/Green", "complete", None, None),
    # several dated updates: the latest decides, in whichever order they are written
    ("Jan 2024: training booked / Jun 2024: training delivered to all staff",
     "complete", None, None),
    ("Jan 2024: policy drafted\nJun 2024: policy ratified and circulated", "complete", None,
     None),
    ("Update 03/2024: complete. Update 01/2024: in progress", "complete", None, None),
    ("Update 12.01.24: training booked\nUpdate 20.06.24: complete, all staff trained 18.06.24",
     "complete", date(2024, 6, 18), None),
    ("March 2024: complete. September 2024: audit found gaps; training is being repeated",
     "in_progress", None, None),
    # an intended outcome states no progress
    ("Agencies will be able to show that the learning from this review is embedded.",
     "unknown", None, "states no progress"),
    ("Staff are able to recognise coercive control in older victims", "unknown", None,
     "states no progress"),
    # --- round 4: agreement is not completion; BRAG in the cell
    ("Agreed at Board, implementation from April", "in_progress", None, None),
    (
        "Agreed at the CSP Board in January 2025",
        "unknown",
        None,
        "says it was agreed, not that the work was done",
    ),
    ("Approved at Board", "unknown", None, "says it was agreed, not that the work was done"),
    ("Approved", "unknown", None, "says it was agreed, not that the work was done"),
    ("Policy approved by the Board in March 2024", "complete", None, None),
    ("Final version agreed", "complete", None, None),
    ("Closure agreed", "complete", None, None),
    ("Agreed - to be implemented", "in_progress", None, None),
    ("BRAG: Blue", "complete", None, None),
    ("BRAG: Green", "in_progress", None, None),
    ("BRAG - Amber", "in_progress", None, None),
    ("BRAG rating: Red", "not_started", None, None),
    ("B/R/A/G: Green", "in_progress", None, None),
    ("Blue - completed", "complete", None, None),
    ("Blue – complete and closed", "complete", None, None),
    ("Blue (closed)", "complete", None, None),
    ("Status: Blue", "complete", None, None),
    ("Blue / Complete", "complete", None, None),
    ("Complete - Blue", "complete", None, None),
    ("G - complete", "complete", None, None),
    ("A - in progress", "in_progress", None, None),
    ("RED", "not_started", None, None),
    ("Green.", "complete", None, None),
    ("Red – off track", "in_progress", None, None),
    ("Amber – delayed", "in_progress", None, None),
    ("Amber: work ongoing", "in_progress", None, None),
    ("Red: not yet started", "not_started", None, None),
    ("Green (BAU)", "complete", None, None),
    ("Purple", "unknown", None, "states no progress"),
    # --- complete, and what only looks like it
    (
        "Complete – superseded by new policy",
        "unknown",
        None,
        "says the recommendation was withdrawn or superse",
    ),
    ("Complete - transferred to business as usual", "complete", None, None),
    ("Completion expected March 2025", "in_progress", None, None),
    ("Completion expected", "in_progress", None, None),
    ("Expected to complete in June", "in_progress", None, None),
    ("Anticipated completion June 2025", "in_progress", None, None),
    ("Completion expected by end of Q4", "in_progress", None, None),
    ("Implementation from April 2025", "in_progress", None, None),
    ("Implementation planned for Q1 2025/26", "in_progress", None, None),
    ("Not yet complete", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Incomplete", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Not fully complete", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Closed – superseded", "unknown", None, "says the recommendation was withdrawn or superse"),
    (
        "Closed (merged with action 4)",
        "unknown",
        None,
        "says the recommendation was withdrawn or superse",
    ),
    ("Closed – no further action", "complete", None, None),
    ("Closed - evidence received", "complete", None, None),
    ("Ongoing (business as usual)", "in_progress", None, "may mean done and now routine"),
    ("Ongoing BAU", "in_progress", None, "may mean done and now routine"),
    ("Ongoing - embedded", "in_progress", None, "may mean done and now routine"),
    ("Embedded and business as usual", "complete", None, None),
    ("Now part of business as usual", "complete", None, None),
    ("Mainstreamed", "complete", None, None),
    ("Moved to business as usual", "complete", None, None),
    ("Ready for closure", "complete", None, None),
    ("Recommended for closure", "complete", None, None),
    ("Completed, awaiting sign off by CSP", "complete", None, None),
    ("Completed (partially)", "in_progress", None, None),
    ("Complete in part", "in_progress", None, None),
    ("Partially completed", "in_progress", None, None),
    ("Half complete", "in_progress", None, None),
    ("Part delivered", "in_progress", None, None),
    ("Not delivered", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Met", "complete", None, None),
    ("Target met", "complete", None, None),
    ("Not met", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Partially met", "in_progress", None, None),
    ("Partially achieved", "in_progress", None, None),
    ("Not achieved", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Fully achieved", "complete", None, None),
    ("Finalised", "complete", None, None),
    ("Actioned", "complete", None, None),
    ("Resolved", "complete", None, None),
    ("Being embedded", "in_progress", None, None),
    ("Not yet embedded", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Not in place", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Partly in place", "in_progress", None, None),
    # --- in progress as people write it
    ("Under review", "in_progress", None, None),
    ("Being reviewed", "in_progress", None, None),
    ("Continuing", "in_progress", None, None),
    ("Work continues", "in_progress", None, None),
    ("Work is ongoing", "in_progress", None, None),
    ("Off track", "in_progress", None, None),
    ("Not on target", "in_progress", None, None),
    ("Progress made", "in_progress", None, None),
    ("Good progress", "in_progress", None, None),
    ("Limited progress", "in_progress", None, None),
    ("Initial meeting held", "in_progress", None, None),
    ("Accepted - action plan in place", "in_progress", None, None),
    ("Revised date agreed – June 2025", "in_progress", None, None),
    ("Revised target date June 2025", "in_progress", None, None),
    ("Extended to June 2025", "in_progress", None, None),
    ("Deadline extended", "in_progress", None, None),
    ("Slipped to Q1 2025/26", "in_progress", None, None),
    ("Consultation closed; final version due June", "in_progress", None, None),
    ("Due March 2025", "in_progress", None, None),
    ("Training has been delivered to 80% of staff", "in_progress", None, None),
    ("80% of staff trained", "in_progress", None, None),
    ("Training delivered to 50 staff; further sessions planned", "in_progress", None, None),
    ("3 of 4 actions complete", "in_progress", None, None),
    ("Partially", "in_progress", None, None),
    ("Partial", "in_progress", None, None),
    ("50%", "in_progress", None, None),
    ("100%", "complete", None, None),
    ("0%", "not_started", None, None),
    ("Draft completed; consultation underway", "in_progress", None, None),
    ("Policy written and awaiting ratification", "in_progress", None, None),
    ("Awaiting sign-off", "in_progress", None, None),
    ("Assurance awaited", "in_progress", None, None),
    ("Response awaited from the Home Office", "in_progress", None, None),
    # --- not started
    ("Not due to start until 2025", "not_started", None, None),
    ("Due to start April 2025", "not_started", None, None),
    ("Not commenced", "not_started", None, None),
    ("Yet to commence", "not_started", None, None),
    ("Open – not started", "not_started", None, None),
    ("Work has not started", "not_started", None, None),
    ("No progress made", "not_started", None, None),
    # --- closed without the work, and nothing said
    (
        "Carried forward to 2025/26 plan",
        "unknown",
        None,
        "says the recommendation was withdrawn or superse",
    ),
    (
        "Transferred to the DA strategy action plan",
        "unknown",
        None,
        "says the recommendation was withdrawn or superse",
    ),
    ("Cancelled", "unknown", None, "says the recommendation was withdrawn or superse"),
    ("Deferred", "unknown", None, "states no progress"),
    ("On hold", "unknown", None, "states no progress"),
    ("No further action required", "unknown", None, "states no progress"),
    ("N/A", "unknown", None, "states no progress"),
    ("See above", "unknown", None, "states no progress"),
    ("No change since last update", "unknown", None, "states no progress"),
    ("Evidence submitted", "unknown", None, "states no progress"),
    ("Discussed at Board", "unknown", None, "states no progress"),
    ("Policy in draft", "in_progress", None, None),
    # --- round 4, second pass
    (
        "Closed - partially completed",
        "unknown",
        None,
        "says it was closed with the work only partly don",
    ),
    ("Closed (not accepted)", "unknown", None, "says the recommendation was withdrawn or superse"),
    (
        "Not accepted – see rationale",
        "unknown",
        None,
        "says the recommendation was withdrawn or superse",
    ),
    (
        "Rejected – national issue",
        "unknown",
        None,
        "says the recommendation was withdrawn or superse",
    ),
    ("Closed – actions complete", "complete", None, None),
    ("Reminder sent", "unknown", None, "reports no update, so nothing is known of the wo"),
    ("Chased", "unknown", None, "reports no update, so nothing is known of the wo"),
    ("Began in January", "in_progress", None, None),
    ("Commenced April 2025", "in_progress", None, None),
    ("Audit undertaken", "complete", None, None),
    ("Survey carried out", "complete", None, None),
    ("Undertaken in March 2025", "complete", None, None),
    ("Incorporated into the DA strategy", "complete", None, None),
    ("Guidance amended", "complete", None, None),
    ("Task and finish group established", "complete", None, None),
    ("Funding secured", "complete", None, None),
    ("Post advertised", "in_progress", None, None),
    ("Post filled", "complete", None, None),
    ("Largely met", "in_progress", None, None),
    ("Mostly achieved", "in_progress", None, None),
    ("Substantially achieved", "in_progress", None, None),
    ("Achieved in part", "in_progress", None, None),
    ("On schedule", "in_progress", None, None),
    ("Ahead of schedule", "in_progress", None, None),
    ("Stalled", "in_progress", None, None),
    ("Awaiting funding", "in_progress", None, None),
    ("Being rolled out", "in_progress", None, None),
    ("Rolled out", "complete", None, None),
    ("Roll-out due June 2025", "in_progress", None, None),
    ("Review completed; recommendations being implemented", "in_progress", None, None),
    ("Agreed and implemented", "complete", None, None),
    ("Agreed; awaiting implementation", "in_progress", None, None),
    ("Agreed in principle", "unknown", None, "says it was agreed, not that the work was done"),
    ("Accepted – not yet started", "not_started", None, None),
    ("Not yet achieved", "unknown", None, "says the work is unfinished, not whether it star"),
    ("Letter sent; no response yet", "in_progress", None, None),
    ("Awaiting response", "unknown", None, "reports no update, so nothing is known of the wo"),
    ("Complete. Further audit planned for 2025", "complete", None, None),
    ("Meeting held 12/03/2025", "complete", date(2025, 3, 12), None),
    ("Target date not yet reached", "unknown", None, "not whether it started"),
    # complete said in the future is not complete; complete said unsure is kept, and said
    ("Will be complete by March 2025", "in_progress", None, None),
    ("Should be complete by March 2025", "in_progress", None, None),
    ("Completed by March 2025", "complete", None, None),
    ("Complete?", "complete", None, "not confirmed"),
    ("Complete (tbc)", "complete", None, "not confirmed"),
    ("Complete - to be confirmed", "complete", None, "not confirmed"),
    ("Complete – awaiting confirmation", "complete", None, "not confirmed"),
    ("Complete - awaiting evidence", "complete", None, "not confirmed"),
    ("Believed complete", "complete", None, "not confirmed"),
    ("Complete (unverified)", "complete", None, "not confirmed"),
    ("Confirmed complete", "complete", None, None),
    ("Reported as complete", "complete", None, None),
    # one dated update: its words say the status, its day is the completion date
    ("Update 12/05/2025: complete", "complete", date(2025, 5, 12), None),
    ("12/05/2025 – complete", "complete", date(2025, 5, 12), None),
    ("Jan 2025: policy drafted", "in_progress", None, None),
    ("Green 12/05/2025", "complete", date(2025, 5, 12), None),
    ("Blue - completed 12/05/2025", "complete", date(2025, 5, 12), None),
    ("Complete – signed off 12/05/2025 by CSP", "complete", date(2025, 5, 12), None),
    ("Completed 2025/03/31", "complete", date(2025, 3, 31), None),
    ("Completed 31 March 2025/26", "complete", date(2026, 3, 31), None),
    ("Not started (due 31/03/2025)", "not_started", None, "date was not kept"),
    # a negation of any done word; some done and some not is in progress
    ("Not yet established", "unknown", None, "not whether it started"),
    ("Not yet ratified", "unknown", None, "not whether it started"),
    ("Not set up", "unknown", None, "not whether it started"),
    ("Never commissioned", "unknown", None, "not whether it started"),
    ("Not required", "unknown", None, "withdrawn or superseded"),
    ("Not applicable", "unknown", None, "withdrawn or superseded"),
    ("Policy revised, not yet ratified", "in_progress", None, None),
    ("Training delivered but not yet embedded", "in_progress", None, None),
    ("Group established; terms of reference not agreed", "in_progress", None, None),
    # a step taken towards the work: under way
    ("Training commissioned, first cohort in May.", "in_progress", None, None),
    ("Commissioned", "in_progress", None, None),
    ("Meeting arranged with the ICB", "in_progress", None, None),
    ("Out to consultation", "in_progress", None, None),
    ("Policy under consultation until June", "in_progress", None, None),
    ("Paused while the service is recommissioned", "in_progress", None, None),
    ("On hold", "unknown", None, "states no progress"),
]


# a tick column's header, its cell, the status the tick says
TICKS = [
    ("Achieved (tick)", "\u2713", "complete"),
    ("Achieved (tick)", "\u2714", "complete"),
    ("On Target to Achieve", "\u2713", "in_progress"),
    ("On track", "Yes", "in_progress"),
    ("Completed", "\u2713", "complete"),
    ("Achieved", "\uf0fc", "complete"),  # Word's Wingdings tick, inserted as a symbol
    ("Not started", "\u2713", "not_started"),
    # no tick, or a header that names no state: nothing said
    ("Achieved (tick)", "", None),
    ("Achieved (tick)", "x", None),
    ("Achieved (tick)", "Partly", None),
    ("Notes", "\u2713", None),
    ("Not complete", "\u2713", None),
]


@pytest.mark.parametrize(("header", "cell", "status"), TICKS)
def test_a_tick_says_the_state_its_column_names(header: str, cell: str, status) -> None:
    assert tick_status(header, cell) == status


@pytest.mark.parametrize("raw, status, completed_on, warning", CASES,
                         ids=[c[0][:40] for c in CASES])
def test_parse_completion(raw, status, completed_on, warning):
    completion, warnings = parse_completion(raw)
    assert completion == Completion(raw=" ".join(raw.split()), status=status, date=completed_on)
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1
        assert warning in warnings[0]


@pytest.mark.parametrize("raw", ["", "  ", "\n"])
def test_empty_cell(raw):
    assert parse_completion(raw) == (None, [])


def test_line_breaks_are_dropped_from_raw():
    completion, warnings = parse_completion("Completed\n29.11.15")
    assert completion == Completion("Completed 29.11.15", "complete", date(2015, 11, 29))
    assert warnings == []


def test_exported_markup_reads_as_its_text():
    completion, warnings = parse_completion(
        cell_from_markup("<p>Completed</p>\n<p>29.11.15</p>").text
    )
    assert completion == Completion("Completed 29.11.15", "complete", date(2015, 11, 29))
    assert warnings == []
