"""Target date cells: one row per real-world phrase, samples first, asserting every field."""

from datetime import date

import pytest

from dhrplan.extract.cellhtml import cell_from_markup
from dhrplan.normalize.dates import find_dates, parse_target_dates
from dhrplan.normalize.record import TargetDate


def day(raw: str, y: int, m: int, d: int) -> TargetDate:
    return TargetDate(raw, "date", date(y, m, d), date(y, m, d))


def span(raw: str, kind: str, start: tuple[int, int, int], end: tuple[int, int, int]):
    return TargetDate(raw, kind, date(*start), date(*end))


def rel(raw: str, months: int | None = None, weeks: int | None = None, anchor=None):
    return TargetDate(raw, "relative", offset_months=months, offset_weeks=weeks, anchor=anchor)


def plain(raw: str, kind: str, anchor: str | None = None) -> TargetDate:
    return TargetDate(raw, kind, anchor=anchor)


TRAINING = (
    "Training completed in December 2015. Safeguarding Children Training booked "
    "February 2016 (includes domestic abuse case study)"
)

# raw, expected records, expected warning fragment (None: no warnings at all)
CASES = [
    # --- Welsh months, as bilingual plans print them (corpus G): never a whole year
    ("Mehefin 2025", [span("Mehefin 2025", "month", (2025, 6, 1), (2025, 6, 30))], None),
    ("Tachwedd 2025", [span("Tachwedd 2025", "month", (2025, 11, 1), (2025, 11, 30))], None),
    ("31 Mawrth 2026", [day("31 Mawrth 2026", 2026, 3, 31)], None),
    ("Mai 2025", [span("Mai 2025", "month", (2025, 5, 1), (2025, 5, 31))], None),
    # --- phrases from samples/somerset-dhr-012-action-plan.txt
    ("31.12.2016", [day("31.12.2016", 2016, 12, 31)], None),
    ("30.6.2016", [day("30.6.2016", 2016, 6, 30)], None),
    ("31 st May 2016", [day("31 st May 2016", 2016, 5, 31)], None),
    ("28 th February 2016", [day("28 th February 2016", 2016, 2, 28)], None),
    ("30 th June 2016", [day("30 th June 2016", 2016, 6, 30)], None),
    ("May 2016", [span("May 2016", "month", (2016, 5, 1), (2016, 5, 31))], None),
    ("February 2016", [span("February 2016", "month", (2016, 2, 1), (2016, 2, 29))], None),
    ("Within 3 months of the completion of the DHR",
     [rel("Within 3 months of the completion of the DHR", 3, anchor="review_completion")], None),
    ("Within 3 month of the completion of the DHR",
     [rel("Within 3 month of the completion of the DHR", 3, anchor="review_completion")], None),
    ("3 months following review publication",
     [rel("3 months following review publication", 3, anchor="publication")], None),
    ("3 months post publication of the report",
     [rel("3 months post publication of the report", 3, anchor="publication")], None),
    ("3 months following publication of report",
     [rel("3 months following publication of report", 3, anchor="publication")], None),
    ("3 months following publication",
     [rel("3 months following publication", 3, anchor="publication")], None),
    ("1 month from date of report publication",
     [rel("1 month from date of report publication", 1, anchor="publication")], None),
    ("Ongoing", [plain("Ongoing", "ongoing")], None),
    ("Prior to publication", [plain("Prior to publication", "event", "publication")], None),
    ("31 st May 2016 31 st May 2016",
     [day("31 st May 2016", 2016, 5, 31), day("31 st May 2016", 2016, 5, 31)], None),
    ("31 st January 2016 28 th February 2016",
     [day("31 st January 2016", 2016, 1, 31), day("28 th February 2016", 2016, 2, 28)], None),
    (TRAINING, [
        span("Training completed in December 2015", "month", (2015, 12, 1), (2015, 12, 31)),
        span("Safeguarding Children Training booked February 2016 (includes domestic abuse "
             "case study)", "month", (2016, 2, 1), (2016, 2, 29)),
    ], None),
    ("Practice team education event planned for January 2016",
     [span("Practice team education event planned for January 2016", "month",
           (2016, 1, 1), (2016, 1, 31))], None),
    ("Safety Net newsletter/or GP bulletin March 2016",
     [span("Safety Net newsletter/or GP bulletin March 2016", "month",
           (2016, 3, 1), (2016, 3, 31))], None),
    # cell text as extract/ gives it, with a line break
    ("Within 3 months of\nthe completion of the DHR",
     [rel("Within 3 months of the completion of the DHR", 3, anchor="review_completion")], None),
    # --- phrases from samples/somerset-dhr-lily-action-plan.txt
    ("Autumn 2022", [span("Autumn 2022", "season", (2022, 9, 1), (2022, 11, 30))], None),
    ("Dec 22", [span("Dec 22", "month", (2022, 12, 1), (2022, 12, 31))],
     'target date "Dec 22" read as December 2022; it may mean 22 December'),
    ("Summer 2023", [span("Summer 2023", "season", (2023, 6, 1), (2023, 8, 31))], None),
    ("2023", [span("2023", "year", (2023, 1, 1), (2023, 12, 31))], None),
    ("Dec 2022", [span("Dec 2022", "month", (2022, 12, 1), (2022, 12, 31))], None),
    ("Implemented", [plain("Implemented", "implemented")], None),
    ("within six months of publication",
     [rel("within six months of publication", 6, anchor="publication")], None),
    # --- other phrases from the issue
    ("Autumn 2015", [span("Autumn 2015", "season", (2015, 9, 1), (2015, 11, 30))], None),
    ("Winter 2015", [span("Winter 2015", "season", (2015, 12, 1), (2016, 2, 29))], None),
    ("Winter 2015/16", [span("Winter 2015/16", "season", (2015, 12, 1), (2016, 2, 29))], None),
    ("Spring 2016", [span("Spring 2016", "season", (2016, 3, 1), (2016, 5, 31))], None),
    ("Q2 2024/25", [span("Q2 2024/25", "quarter", (2024, 7, 1), (2024, 9, 30))], None),
    ("Q4 2024/25", [span("Q4 2024/25", "quarter", (2025, 1, 1), (2025, 3, 31))], None),
    ("Q1 2024-25", [span("Q1 2024-25", "quarter", (2024, 4, 1), (2024, 6, 30))], None),
    ("Q2 2024", [span("Q2 2024", "quarter", (2024, 4, 1), (2024, 6, 30))], None),
    ("2024/25", [span("2024/25", "year", (2024, 4, 1), (2025, 3, 31))], None),
    ("End of June 2024", [day("End of June 2024", 2024, 6, 30)], None),
    ("Within 12 weeks", [rel("Within 12 weeks", weeks=12)], "Within 12 weeks"),
    ("Within 3 months of the DHR", [rel("Within 3 months of the DHR", 3)], "no event"),
    ("within a year of publication",
     [rel("within a year of publication", 12, anchor="publication")], None),
    ("Immediate", [plain("Immediate", "event")], None),
    ("Immediately", [plain("Immediately", "event")], None),
    ("In place", [plain("In place", "implemented")], None),
    ("Before publication", [plain("Before publication", "event", "publication")], None),
    ("Prior to final publication",
     [plain("Prior to final publication", "event", "publication")], None),
    ("On completion of the DHR",
     [plain("On completion of the DHR", "event", "review_completion")], None),
    # --- obvious variants
    ("31/12/2016", [day("31/12/2016", 2016, 12, 31)], None),
    ("31-12-2016", [day("31-12-2016", 2016, 12, 31)], None),
    ("29.11.15", [day("29.11.15", 2015, 11, 29)], None),
    ("2016-12-31", [day("2016-12-31", 2016, 12, 31)], None),
    ("31 December 2016", [day("31 December 2016", 2016, 12, 31)], None),
    ("December 31, 2016", [day("December 31, 2016", 2016, 12, 31)], None),
    ("31st Dec 2016", [day("31st Dec 2016", 2016, 12, 31)], None),
    ("1st April 2017", [day("1st April 2017", 2017, 4, 1)], None),
    ("Sept 2016", [span("Sept 2016", "month", (2016, 9, 1), (2016, 9, 30))], None),
    ("end of March 2017", [day("end of March 2017", 2017, 3, 31)], None),
    ("by end of 2023", [day("by end of 2023", 2023, 12, 31)], None),
    ("March/April 2016",
     [span("March/April 2016", "month", (2016, 3, 1), (2016, 4, 30))], "range"),
    ("To be implemented by May 2016",
     [span("To be implemented by May 2016", "month", (2016, 5, 1), (2016, 5, 31))], None),
    ("31.12.2016 and 31.3.2017",
     [day("31.12.2016", 2016, 12, 31), day("31.3.2017", 2017, 3, 31)], None),
    ("Within 3-6 months of publication",
     [rel("Within 3-6 months of publication", 6, anchor="publication")], "upper bound"),
    ("3 months after the review is published",
     [rel("3 months after the review is published", 3, anchor="publication")], None),
    ("Within twelve weeks", [rel("Within twelve weeks", weeks=12)], "no event"),
    ("End of Q2 2024/25", [day("End of Q2 2024/25", 2024, 9, 30)], None),
    ("FY 2016/17", [span("FY 2016/17", "year", (2016, 4, 1), (2017, 3, 31))], None),
    ("6/2016", [span("6/2016", "month", (2016, 6, 1), (2016, 6, 30))], None),
    ("31st of May, 2016", [day("31st of May, 2016", 2016, 5, 31)], None),
    ("Mid-2016", [span("Mid-2016", "year", (2016, 1, 1), (2016, 12, 31))], "whole period"),
    ("Early March 2016",
     [span("Early March 2016", "month", (2016, 3, 1), (2016, 3, 31))], "whole period"),
    ("Review in June with final report December 2016", [
        plain("Review in June", "unknown"),
        span("with final report December 2016", "month", (2016, 12, 1), (2016, 12, 31)),
    ], '"June" could not be read: it gives no year'),
    # --- a month and a two-digit year: Excel's mmm-yy and friends (20yy)
    ("Mar-24", [span("Mar-24", "month", (2024, 3, 1), (2024, 3, 31))], None),
    ("Sep-23", [span("Sep-23", "month", (2023, 9, 1), (2023, 9, 30))], None),
    ("Dec-22", [span("Dec-22", "month", (2022, 12, 1), (2022, 12, 31))], None),
    # Excel's day-month-year with dashes: the day kept, not read as the month alone
    ("15-Mar-25", [span("15-Mar-25", "date", (2025, 3, 15), (2025, 3, 15))], None),
    ("15-Mar-2025", [span("15-Mar-2025", "date", (2025, 3, 15), (2025, 3, 15))], None),
    # two months each with its year, parted by a slash: not a month without a year and a year
    ("December 2024/January 2025",
     [span("December 2024", "month", (2024, 12, 1), (2024, 12, 31)),
      span("January 2025", "month", (2025, 1, 1), (2025, 1, 31))], None),
    ("Sept 2024/Oct 2024",
     [span("Sept 2024", "month", (2024, 9, 1), (2024, 9, 30)),
      span("Oct 2024", "month", (2024, 10, 1), (2024, 10, 31))], None),
    ("May-24", [span("May-24", "month", (2024, 5, 1), (2024, 5, 31))], None),
    ("Sept-2024", [span("Sept-2024", "month", (2024, 9, 1), (2024, 9, 30))], None),
    ("Dec '22", [span("Dec '22", "month", (2022, 12, 1), (2022, 12, 31))], None),
    ("December 2022", [span("December 2022", "month", (2022, 12, 1), (2022, 12, 31))], None),
    ("Mar-24 / Sep-24", [span("Mar-24", "month", (2024, 3, 1), (2024, 3, 31)),
                         span("Sep-24", "month", (2024, 9, 1), (2024, 9, 30))], None),
    # a bare number 1-31 after a month is read as the year, with a warning naming the day
    ("Mar 24", [span("Mar 24", "month", (2024, 3, 1), (2024, 3, 31))],
     'target date "Mar 24" read as March 2024; it may mean 24 March'),
    ("June 30", [span("June 30", "month", (2030, 6, 1), (2030, 6, 30))],
     'target date "June 30" read as June 2030; it may mean 30 June'),
    ("Sept, 23", [span("Sept, 23", "month", (2023, 9, 1), (2023, 9, 30))],
     'read as September 2023; it may mean 23 September'),
    ("End of Mar 24", [day("End of Mar 24", 2024, 3, 31)],
     'read as March 2024; it may mean 24 March'),
    ("Feb 30", [span("Feb 30", "month", (2030, 2, 1), (2030, 2, 28))], None),  # no 30 Feb
    ("June 30th", [plain("June 30th", "unknown")], '"June 30th" could not be read: it gives no'),
    # --- a year range: a financial year; only a bare "2024-2025" could mean two years
    ("2024 - 2025", [span("2024 - 2025", "year", (2024, 4, 1), (2025, 3, 31))],
     'target date "2024 - 2025" read as financial year 2024/25 (April to March); '
     "it may mean the calendar years 2024 to 2025"),
    ("2024-2025", [span("2024-2025", "year", (2024, 4, 1), (2025, 3, 31))],
     "it may mean the calendar years 2024 to 2025"),
    ("2024\u20132025", [span("2024-2025", "year", (2024, 4, 1), (2025, 3, 31))],
     "it may mean the calendar years 2024 to 2025"),
    ("FY 2024/25", [span("FY 2024/25", "year", (2024, 4, 1), (2025, 3, 31))], None),
    ("2024-25", [span("2024-25", "year", (2024, 4, 1), (2025, 3, 31))], None),
    ("2024/2025", [span("2024/2025", "year", (2024, 4, 1), (2025, 3, 31))], None),
    ("FY 2024-2025", [span("FY 2024-2025", "year", (2024, 4, 1), (2025, 3, 31))], None),
    ("Financial year 2024-2025",
     [span("Financial year 2024-2025", "year", (2024, 4, 1), (2025, 3, 31))], None),
    # --- counts written as words (shared with recommendation numbering)
    ("Within fifty-two weeks of publication",
     [rel("Within fifty-two weeks of publication", weeks=52, anchor="publication")], None),
    ("Within twenty-one months of publication",
     [rel("Within twenty-one months of publication", 21, anchor="publication")], None),
    ("within eighteen months of publication",
     [rel("within eighteen months of publication", 18, anchor="publication")], None),
    ("Six to twelve months following publication",
     [rel("Six to twelve months following publication", 12, anchor="publication")],
     "upper bound"),
    # --- "<" and ">" that are not markup stay in the text
    ("<3 months of publication (>1 agency)",
     [rel("<3 months of publication (>1 agency)", 3, anchor="publication")], None),
    # --- more real-world phrasings (round 3): weeks, ends, open-ended and revised targets
    ("w/c 12 June 2023", [span("w/c 12 June 2023", "span", (2023, 6, 12), (2023, 6, 18))], None),
    ("W/C 4th March 2024",
     [span("W/C 4th March 2024", "span", (2024, 3, 4), (2024, 3, 10))], None),
    ("week commencing 12.06.23",
     [span("week commencing 12.06.23", "span", (2023, 6, 12), (2023, 6, 18))], None),
    ("Q3 2024", [span("Q3 2024", "quarter", (2024, 7, 1), (2024, 9, 30))], None),
    ("Q3 2024/25", [span("Q3 2024/25", "quarter", (2024, 10, 1), (2024, 12, 31))], None),
    ("end of March 2024", [day("end of March 2024", 2024, 3, 31)], None),
    ("End March 2024", [day("End March 2024", 2024, 3, 31)], None),
    ("by end March 24", [day("by end March 24", 2024, 3, 31)], "it may mean 24 March"),
    ("31st March 2024", [day("31st March 2024", 2024, 3, 31)], None),
    ("Spring 2024", [span("Spring 2024", "season", (2024, 3, 1), (2024, 5, 31))], None),
    ("Autumn term 2023", [span("Autumn term 2023", "season", (2023, 9, 1), (2023, 12, 31))],
     None),
    ("Summer term 2024", [span("Summer term 2024", "season", (2024, 4, 1), (2024, 7, 31))],
     None),
    ("ASAP", [plain("ASAP", "event")], None),
    ("As soon as possible", [plain("As soon as possible", "event")], None),
    ("Ongoing – reviewed quarterly", [plain("Ongoing - reviewed quarterly", "ongoing")], None),
    ("Quarterly", [plain("Quarterly", "ongoing")], None),
    ("Reviewed annually", [plain("Reviewed annually", "ongoing")], None),
    ("Six monthly", [plain("Six monthly", "ongoing")], None),
    ("Six months after publication",
     [rel("Six months after publication", 6, anchor="publication")], None),
    ("Following publication", [plain("Following publication", "event", "publication")], None),
    ("After publication of the report",
     [plain("After publication of the report", "event", "publication")], None),
    ("From April 2024", [TargetDate("From April 2024", "ongoing", date(2024, 4, 1))], None),
    ("April 2024 onwards", [TargetDate("April 2024 onwards", "ongoing", date(2024, 4, 1))],
     None),
    ("2024 onwards", [TargetDate("2024 onwards", "ongoing", date(2024, 1, 1))], None),
    ("From 1 April 2024", [TargetDate("From 1 April 2024", "ongoing", date(2024, 4, 1))], None),
    ("Ongoing from Jan 2024",
     [TargetDate("Ongoing from Jan 2024", "ongoing", date(2024, 1, 1))], None),
    ("Completed", [plain("Completed", "implemented")], None),
    ("Complete", [plain("Complete", "implemented")], None),
    ("Complete - March 2024",
     [span("Complete - March 2024", "month", (2024, 3, 1), (2024, 3, 31))], None),
    ("Dec 2022 TBC", [span("Dec 2022 TBC", "month", (2022, 12, 1), (2022, 12, 31))], None),
    # the revised date is the target: the superseded one is in `raw`, not a date of its own
    ("March 2024 (revised to June 2024)",
     [span("March 2024 (revised to June 2024)", "month", (2024, 6, 1), (2024, 6, 30))], None),
    ("30/06/2024 – extended to 30/09/2024",
     [day("30/06/2024 - extended to 30/09/2024", 2024, 9, 30)], None),
    ("31.03.24 revised 30.06.24", [day("31.03.24 revised 30.06.24", 2024, 6, 30)], None),
    ("Jun-24 (extended to Dec-24)",
     [span("Jun-24 (extended to Dec-24)", "month", (2024, 12, 1), (2024, 12, 31))], None),
    ("Original: May 2024; Revised: Sept 2024",
     [span("Original: May 2024; Revised: Sept 2024", "month", (2024, 9, 1), (2024, 9, 30))],
     None),
    ("June 2024 (was March 2024)",
     [span("June 2024 (was March 2024)", "month", (2024, 6, 1), (2024, 6, 30))], None),
    # "revised from" names the old date, after the new one or before it: not a start
    ("April 2025 (revised from Jan 2025)",
     [span("April 2025 (revised from Jan 2025)", "month", (2025, 4, 1), (2025, 4, 30))], None),
    ("Revised from March 2025 to June 2025",
     [span("Revised from March 2025 to June 2025", "month", (2025, 6, 1), (2025, 6, 30))],
     None),
    ("Moved from 31/01/2025 to 30/04/2025",
     [day("Moved from 31/01/2025 to 30/04/2025", 2025, 4, 30)], None),
    ("Changed from Q1 to Q2 2025/26",
     [span("Changed from Q1 to Q2 2025/26", "quarter", (2025, 7, 1), (2025, 9, 30))], None),
    ("Revised date: June 2025 (from March 2025)",
     [span("Revised date: June 2025 (from March 2025)", "month", (2025, 6, 1), (2025, 6, 30))],
     None),
    ("Ongoing (from April 2025)",
     [TargetDate("Ongoing (from April 2025)", "ongoing", date(2025, 4, 1))], None),
    ("Delayed from June 2025",
     [span("Delayed from June 2025", "month", (2025, 6, 1), (2025, 6, 30))], "was moved"),
    # "After", "No earlier than": the earliest day, not the deadline; kept and said
    ("After April 2025",
     [span("After April 2025", "month", (2025, 4, 1), (2025, 4, 30))], "earliest date"),
    ("No earlier than 30/06/2025",
     [day("No earlier than 30/06/2025", 2025, 6, 30)], "earliest date"),
    ("1st half of 2025", [span("1st half of 2025", "span", (2025, 1, 1), (2025, 6, 30))], None),
    ("FY24/25 Q4", [span("FY24/25 Q4", "quarter", (2025, 1, 1), (2025, 3, 31))], None),
    ("Deferred to Q2 2025/26",
     [span("Deferred to Q2 2025/26", "quarter", (2025, 7, 1), (2025, 9, 30))], None),
    ("1 April 2024 - 31 March 2025",
     [span("1 April 2024 - 31 March 2025", "span", (2024, 4, 1), (2025, 3, 31))], None),
    ("01/04/2024 to 31/03/2025",
     [span("01/04/2024 to 31/03/2025", "span", (2024, 4, 1), (2025, 3, 31))], None),
    ("Immediate and ongoing", [plain("Immediate", "event"), plain("ongoing", "ongoing")],
     None),
    ("Sept 2024 (delayed)", [span("Sept 2024 (delayed)", "month", (2024, 9, 1), (2024, 9, 30))],
     "was moved and the cell gives no new date"),
    ("March 2024 - revised date TBC",
     [span("March 2024 - revised date TBC", "month", (2024, 3, 1), (2024, 3, 31))],
     "was moved and the cell gives no new date"),
    ("Originally March 2024, now June 2024",
     [span("Originally March 2024, now June 2024", "month", (2024, 6, 1), (2024, 6, 30))],
     None),
    # still unreadable: unknown with a warning
    ("End Q4", [plain("End Q4", "unknown")], '"End Q4" could not be read'),
    ("By 31st March", [plain("By 31st March", "unknown")], "it gives no year"),
    ("w/c 31 February 2024", [plain("w/c 31 February 2024", "unknown")], "no such day"),
    # --- what cannot be read: unknown plus a warning, never a wrong date
    # no date yet, said on purpose: unknown without alarm
    ("TBC", [plain("TBC", "unknown")], None),
    ("N/A", [plain("N/A", "unknown")], None),
    ("To be confirmed", [plain("To be confirmed", "unknown")], None),
    # one span, and two months in one cell (every part read, never "23 Sep 23" + "Mar")
    ("September 2023 – February 2024",
     [TargetDate("September 2023 - February 2024", "span", date(2023, 9, 1), date(2024, 2, 29))],
     None),
    ("30.09.24", [TargetDate("30.09.24", "date", date(2024, 9, 30), date(2024, 9, 30))], None),
    ("30/09/24", [TargetDate("30/09/24", "date", date(2024, 9, 30), date(2024, 9, 30))], None),
    ("by the end of Q1 2025/26",
     [TargetDate("by the end of Q1 2025/26", "date", date(2025, 6, 30), date(2025, 6, 30))], None),
    ("2023/24", [TargetDate("2023/24", "year", date(2023, 4, 1), date(2024, 3, 31))], None),
    ("within 3 months of sign-off",
     [TargetDate("within 3 months of sign-off", "relative", offset_months=3,
                 anchor="review_completion")], None),
    ("Asap-ish", [plain("Asap-ish", "unknown")], '"Asap-ish" could not be read'),
    ("31/02/2016", [plain("31/02/2016", "unknown")], '"31/02/2016" could not be read'),
    ("12/31/2016", [plain("12/31/2016", "unknown")], '"12/31/2016" could not be read'),
    ("Spring", [plain("Spring", "unknown")], '"Spring" could not be read'),
    ("31 May", [plain("31 May", "unknown")], '"31 May" could not be read'),
    ("Q2 2024/26", [plain("Q2 2024/26", "unknown")], '"Q2 2024/26" could not be read'),
    ("Summer 2023/24", [plain("Summer 2023/24", "unknown")], "could not be read"),
    ("April/March 2016", [plain("April/March 2016", "unknown")], "could not be read"),
    ("Feb 29 2015", [plain("Feb 29 2015", "unknown")], "no such day"),
    ("13/2016", [plain("13/2016", "unknown")], "no such month"),
    ("2015-2017", [plain("2015-2017", "unknown")], "could not be read"),
    ("By March", [plain("By March", "unknown")], '"March" could not be read'),
    # a year a narrow column broke, its halves joined by a space: never 2020-12-31
    ("31.12.20 16", [plain("31.12.20 16", "unknown")], '"31.12.20 16" could not be read'),
    ("31.12.201 6", [plain("31.12.201 6", "unknown")], '"31.12.201 6" could not be read'),
    ("By 31.12.20 16", [plain("By 31.12.20 16", "unknown")], "could not be read"),
    ("March 20 16", [plain("March 20 16", "unknown")], "could not be read"),
    ("Summer 20 23", [plain("Summer 20 23", "unknown")], "could not be read"),
    ("May be revised", [plain("May be revised", "unknown")], "could not be read"),
    # --- round 4: a month of a financial year (April to March): nothing left unread
    ("May 2024/25", [span("May 2024/25", "month", (2024, 5, 1), (2024, 5, 31))], None),
    ("March 2025-26", [span("March 2025-26", "month", (2026, 3, 1), (2026, 3, 31))], None),
    ("March 2025/26", [span("March 2025/26", "month", (2026, 3, 1), (2026, 3, 31))], None),
    ("January 2025/26", [span("January 2025/26", "month", (2026, 1, 1), (2026, 1, 31))], None),
    ("April 2024/25", [span("April 2024/25", "month", (2024, 4, 1), (2024, 4, 30))], None),
    ("Sept 2024/25", [span("Sept 2024/25", "month", (2024, 9, 1), (2024, 9, 30))], None),
    ("May 2024/2025", [span("May 2024/2025", "month", (2024, 5, 1), (2024, 5, 31))], None),
    ("End of March 2025/26", [day("End of March 2025/26", 2026, 3, 31)], None),
    (
        "March 2024/26",
        [plain("March 2024/26", "unknown")],
        "could not be read: the financial year is not two",
    ),
    # --- quarters written out, or after their year
    (
        "Quarter 3 2024/25",
        [span("Quarter 3 2024/25", "quarter", (2024, 10, 1), (2024, 12, 31))],
        None,
    ),
    ("Qtr 2 2025/26", [span("Qtr 2 2025/26", "quarter", (2025, 7, 1), (2025, 9, 30))], None),
    (
        "Third quarter 2024/25",
        [span("Third quarter 2024/25", "quarter", (2024, 10, 1), (2024, 12, 31))],
        None,
    ),
    ("Q4 FY 2024/25", [span("Q4 FY 2024/25", "quarter", (2025, 1, 1), (2025, 3, 31))], None),
    ("Q2 24/25", [span("Q2 24/25", "quarter", (2024, 7, 1), (2024, 9, 30))], None),
    ("Q2 FY24/25", [span("Q2 FY24/25", "quarter", (2024, 7, 1), (2024, 9, 30))], None),
    ("2024-25 Q2", [span("2024-25 Q2", "quarter", (2024, 7, 1), (2024, 9, 30))], None),
    ("2025/26 Q1", [span("2025/26 Q1", "quarter", (2025, 4, 1), (2025, 6, 30))], None),
    ("Quarter 1 2025", [span("Quarter 1 2025", "quarter", (2025, 1, 1), (2025, 3, 31))], None),
    ("By end of Q3 2024/25", [day("By end of Q3 2024/25", 2024, 12, 31)], None),
    (
        "Q3 2024/25 (Oct-Dec 2024)",
        [
            span("Q3 2024/25", "quarter", (2024, 10, 1), (2024, 12, 31)),
            span("(Oct-Dec 2024)", "month", (2024, 10, 1), (2024, 12, 31)),
        ],
        None,
    ),
    ("End of Q4", [plain("End of Q4", "unknown")], "could not be read"),
    ("Q1", [plain("Q1", "unknown")], "could not be read"),
    # --- financial years with two-digit years after "FY"; halves; academic years
    ("FY24/25", [span("FY24/25", "year", (2024, 4, 1), (2025, 3, 31))], None),
    ("FY 24/25", [span("FY 24/25", "year", (2024, 4, 1), (2025, 3, 31))], None),
    ("end FY 24/25", [day("end FY 24/25", 2025, 3, 31)], None),
    (
        "End of the financial year 2024/25",
        [day("End of the financial year 2024/25", 2025, 3, 31)],
        None,
    ),
    ("By the end of 2024/25", [day("By the end of 2024/25", 2025, 3, 31)], None),
    ("Year end 2024/25", [day("Year end 2024/25", 2025, 3, 31)], None),
    ("End of financial year", [plain("End of financial year", "unknown")], "could not be read"),
    ("H1 2025", [span("H1 2025", "span", (2025, 1, 1), (2025, 6, 30))], None),
    ("H2 2024/25", [span("H2 2024/25", "span", (2024, 10, 1), (2025, 3, 31))], None),
    ("First half of 2025", [span("First half of 2025", "span", (2025, 1, 1), (2025, 6, 30))], None),
    (
        "Second half of 2024",
        [span("Second half of 2024", "span", (2024, 7, 1), (2024, 12, 31))],
        None,
    ),
    (
        "Academic year 2024/25",
        [span("Academic year 2024/25", "year", (2024, 9, 1), (2025, 8, 31))],
        None,
    ),
    # --- weeks ending, seasons and months in ranges and lists
    ("w/e 14 June 2024", [span("w/e 14 June 2024", "span", (2024, 6, 8), (2024, 6, 14))], None),
    ("w/e 07/03/2025", [span("w/e 07/03/2025", "span", (2025, 3, 1), (2025, 3, 7))], None),
    (
        "Week ending 14th March 2025",
        [span("Week ending 14th March 2025", "span", (2025, 3, 8), (2025, 3, 14))],
        None,
    ),
    (
        "Spring/Summer 2025",
        [span("Spring/Summer 2025", "season", (2025, 3, 1), (2025, 8, 31))],
        "was read as a range of seasons",
    ),
    (
        "Spring to Summer 2025",
        [span("Spring to Summer 2025", "season", (2025, 3, 1), (2025, 8, 31))],
        None,
    ),
    (
        "Autumn/Winter 2024",
        [span("Autumn/Winter 2024", "season", (2024, 9, 1), (2025, 2, 28))],
        "was read as a range of seasons",
    ),
    (
        "Winter/Spring 2025",
        [plain("Winter/Spring 2025", "unknown")],
        "could not be read: the seasons are out of order",
    ),
    ("Jan–Mar 2025", [span("Jan-Mar 2025", "month", (2025, 1, 1), (2025, 3, 31))], None),
    ("Jan-Mar 2025", [span("Jan-Mar 2025", "month", (2025, 1, 1), (2025, 3, 31))], None),
    (
        "November - December 2024",
        [span("November - December 2024", "month", (2024, 11, 1), (2024, 12, 31))],
        None,
    ),
    (
        "Nov/Dec 2024",
        [span("Nov/Dec 2024", "month", (2024, 11, 1), (2024, 12, 31))],
        "was read as a range of months",
    ),
    (
        "March and September 2025",
        [
            span("March", "month", (2025, 3, 1), (2025, 3, 31)),
            span("September 2025", "month", (2025, 9, 1), (2025, 9, 30)),
        ],
        None,
    ),
    (
        "Mar & Sep 2025",
        [
            span("Mar", "month", (2025, 3, 1), (2025, 3, 31)),
            span("Sep 2025", "month", (2025, 9, 1), (2025, 9, 30)),
        ],
        None,
    ),
    (
        "Mar, Jun and Sep 2025",
        [
            span("Mar", "month", (2025, 3, 1), (2025, 3, 31)),
            span("Jun", "month", (2025, 6, 1), (2025, 6, 30)),
            span("Sep 2025", "month", (2025, 9, 1), (2025, 9, 30)),
        ],
        None,
    ),
    ("Sep 24 - Mar 25", [span("Sep 24 - Mar 25", "span", (2024, 9, 1), (2025, 3, 31))], None),
    ("Jan 25 - Mar 25", [span("Jan 25 - Mar 25", "span", (2025, 1, 1), (2025, 3, 31))], None),
    (
        "Oct 2024 – Jan 2025",
        [span("Oct 2024 - Jan 2025", "span", (2024, 10, 1), (2025, 1, 31))],
        None,
    ),
    (
        "Apr 2024 – Mar 2025",
        [span("Apr 2024 - Mar 2025", "span", (2024, 4, 1), (2025, 3, 31))],
        None,
    ),
    (
        "1st April 2025 – 31st March 2026",
        [span("1st April 2025 - 31st March 2026", "span", (2025, 4, 1), (2026, 3, 31))],
        None,
    ),
    ("1.4.24 - 31.3.25", [span("1.4.24 - 31.3.25", "span", (2024, 4, 1), (2025, 3, 31))], None),
    (
        "Dec 2024 / Mar 2025",
        [
            span("Dec 2024", "month", (2024, 12, 1), (2024, 12, 31)),
            span("Mar 2025", "month", (2025, 3, 1), (2025, 3, 31)),
        ],
        None,
    ),
    (
        "31/03/2025 30/06/2025",
        [day("31/03/2025", 2025, 3, 31), day("30/06/2025", 2025, 6, 30)],
        None,
    ),
    (
        "March 2025 / September 2025",
        [
            span("March 2025", "month", (2025, 3, 1), (2025, 3, 31)),
            span("September 2025", "month", (2025, 9, 1), (2025, 9, 30)),
        ],
        None,
    ),
    (
        "2024/25 and 2025/26",
        [
            span("2024/25", "year", (2024, 4, 1), (2025, 3, 31)),
            span("2025/26", "year", (2025, 4, 1), (2026, 3, 31)),
        ],
        None,
    ),
    # --- days as plans write them
    ("1st April 2025", [day("1st April 2025", 2025, 4, 1)], None),
    ("Tuesday 1st April 2025", [day("Tuesday 1st April 2025", 2025, 4, 1)], None),
    ("31st Mar 25", [day("31st Mar 25", 2025, 3, 31)], None),
    ("31 Mar 2025", [day("31 Mar 2025", 2025, 3, 31)], None),
    ("31-Mar-2025", [day("31-Mar-2025", 2025, 3, 31)], None),
    ("31.3.25", [day("31.3.25", 2025, 3, 31)], None),
    ("1/4/25", [day("1/4/25", 2025, 4, 1)], None),
    ("30 Sept. 2024", [day("30 Sept. 2024", 2024, 9, 30)], None),
    ("1st Oct. 2024", [day("1st Oct. 2024", 2024, 10, 1)], None),
    ("April 25th 2025", [day("April 25th 2025", 2025, 4, 25)], None),
    ("25th April, 2025", [day("25th April, 2025", 2025, 4, 25)], None),
    ("No later than 31 March 2025", [day("No later than 31 March 2025", 2025, 3, 31)], None),
    ("On or before 30/06/2025", [day("On or before 30/06/2025", 2025, 6, 30)], None),
    ("Target: 31/12/2024", [day("Target: 31/12/2024", 2024, 12, 31)], None),
    ("By 31/03/25 (year end)", [day("By 31/03/25 (year end)", 2025, 3, 31)], None),
    ("Sept 2024", [span("Sept 2024", "month", (2024, 9, 1), (2024, 9, 30))], None),
    (
        "Sept. 24",
        [span("Sept. 24", "month", (2024, 9, 1), (2024, 9, 30))],
        "read as September 2024; it may mean 24 September",
    ),
    ("Sept '24", [span("Sept '24", "month", (2024, 9, 1), (2024, 9, 30))], None),
    ("Mar. 2025", [span("Mar. 2025", "month", (2025, 3, 1), (2025, 3, 31))], None),
    ("Apr-25", [span("Apr-25", "month", (2025, 4, 1), (2025, 4, 30))], None),
    ("April-2025", [span("April-2025", "month", (2025, 4, 1), (2025, 4, 30))], None),
    # --- revised targets: the new date only
    (
        "By Dec 2024 (revised to Mar 2025)",
        [span("By Dec 2024 (revised to Mar 2025)", "month", (2025, 3, 1), (2025, 3, 31))],
        None,
    ),
    (
        "Dec 2024 (now Mar 2025)",
        [span("Dec 2024 (now Mar 2025)", "month", (2025, 3, 1), (2025, 3, 31))],
        None,
    ),
    (
        "Dec 2024 → Mar 2025",
        [span("Dec 2024 → Mar 2025", "month", (2025, 3, 1), (2025, 3, 31))],
        None,
    ),
    (
        "Dec 2024, revised Mar 2025",
        [span("Dec 2024, revised Mar 2025", "month", (2025, 3, 1), (2025, 3, 31))],
        None,
    ),
    (
        "Was Dec 2024, now Mar 2025",
        [span("Was Dec 2024, now Mar 2025", "month", (2025, 3, 1), (2025, 3, 31))],
        None,
    ),
    (
        "Target: Dec 2024 Revised: Mar 2025",
        [span("Target: Dec 2024 Revised: Mar 2025", "month", (2025, 3, 1), (2025, 3, 31))],
        None,
    ),
    (
        "Dec 2024 - revised to March 2025 due to staffing",
        [
            span(
                "Dec 2024 - revised to March 2025 due to staffing",
                "month",
                (2025, 3, 1),
                (2025, 3, 31),
            )
        ],
        None,
    ),
    # --- recurring work, events, holidays, relative periods
    ("Every six months", [plain("Every six months", "ongoing")], None),
    ("Reviewed every 12 months", [plain("Reviewed every 12 months", "ongoing")], None),
    ("Every quarter", [plain("Every quarter", "ongoing")], None),
    ("Twice yearly", [plain("Twice yearly", "ongoing")], None),
    ("Twice a year", [plain("Twice a year", "ongoing")], None),
    ("6-monthly", [plain("6-monthly", "ongoing")], None),
    ("3 monthly", [plain("3 monthly", "ongoing")], None),
    ("12 monthly review", [plain("12 monthly review", "ongoing")], None),
    ("Ongoing – 6 monthly review", [plain("Ongoing - 6 monthly review", "ongoing")], None),
    ("Ongoing, quarterly reporting", [plain("Ongoing, quarterly reporting", "ongoing")], None),
    ("Monthly from April 2025",
     [TargetDate("Monthly from April 2025", "ongoing", date(2025, 4, 1))], None),
    ("Quarterly from Q1 2025/26",
     [TargetDate("Quarterly from Q1 2025/26", "ongoing", date(2025, 4, 1))], None),
    ("Bi-monthly", [plain("Bi-monthly", "ongoing")], None),
    ("Annually", [plain("Annually", "ongoing")], None),
    ("Ongoing – reviewed annually", [plain("Ongoing - reviewed annually", "ongoing")], None),
    (
        "Ongoing, reviewed every 6 months",
        [plain("Ongoing, reviewed every 6 months", "ongoing")],
        None,
    ),
    (
        "Annually in April",
        [plain("Annually in April", "unknown")],
        "could not be read: it gives no year",
    ),
    ("By Christmas 2024", [day("By Christmas 2024", 2024, 12, 25)], None),
    ("New Year 2025", [day("New Year 2025", 2025, 1, 1)], "was read as 1 January"),
    (
        "Easter 2025",
        [plain("Easter 2025", "unknown")],
        "could not be read: Easter moves from year to yea",
    ),
    (
        "Immediate – by 31 Jan 2025",
        [plain("Immediate", "event"), day("by 31 Jan 2025", 2025, 1, 31)],
        None,
    ),
    ("Pre-publication", [plain("Pre-publication", "event", "publication")], None),
    ("Upon publication", [plain("Upon publication", "event", "publication")], None),
    ("Within 6 months", [rel("Within 6 months", 6)], "names no event to count from"),
    (
        "Within 3 months of CSP sign-off",
        [rel("Within 3 months of CSP sign-off", 3, anchor="review_completion")],
        None,
    ),
    (
        "Within 6 months of the review being signed off",
        [rel("Within 6 months of the review being signed off", 6, anchor="review_completion")],
        None,
    ),
    (
        "12 months from sign off",
        [rel("12 months from sign off", 12, anchor="review_completion")],
        None,
    ),
    ("Within 28 days", [plain("Within 28 days", "unknown")], "could not be read"),
    ("Short term", [plain("Short term", "unknown")], "could not be read"),
    (
        "Medium term (6-12 months)",
        [rel("Medium term (6-12 months)", 12)],
        "was read as its upper bound and names no event t",
    ),
    # --- open-ended and done
    ("From Sept 2024", [TargetDate("From Sept 2024", "ongoing", date(2024, 9, 1))], None),
    (
        "Ongoing from April 2025",
        [TargetDate("Ongoing from April 2025", "ongoing", date(2025, 4, 1))],
        None,
    ),
    ("2025 onwards", [TargetDate("2025 onwards", "ongoing", date(2025, 1, 1))], None),
    (
        "April 2025 - ongoing",
        [TargetDate("April 2025 - ongoing", "ongoing", date(2025, 4, 1))],
        None,
    ),
    ("Delivered", [plain("Delivered", "implemented")], None),
    ("Completed – 12/03/2024", [day("Completed - 12/03/2024", 2024, 3, 12)], None),
    ("N/A – completed", [plain("N/A - completed", "unknown")], "could not be read"),
    ("Ongoing/BAU", [plain("Ongoing/BAU", "ongoing")], None),
    ("Not yet agreed", [plain("Not yet agreed", "unknown")], "could not be read"),
    (
        "TBC - awaiting national guidance",
        [plain("TBC - awaiting national guidance", "unknown")],
        "could not be read",
    ),
    # --- round 4, second pass: quarter ranges, year-first quarters, one-year FY, weeks in months
    (
        "Q3/Q4 2024/25",
        [span("Q3/Q4 2024/25", "span", (2024, 10, 1), (2025, 3, 31))],
        "was read as a range of quarters",
    ),
    ("Q3-Q4 2024/25", [span("Q3-Q4 2024/25", "span", (2024, 10, 1), (2025, 3, 31))], None),
    ("Q3 & Q4 2024/25", [span("Q3 & Q4 2024/25", "span", (2024, 10, 1), (2025, 3, 31))], None),
    ("Q1-Q2 2025", [span("Q1-Q2 2025", "span", (2025, 1, 1), (2025, 6, 30))], None),
    ("2025 Q1", [span("2025 Q1", "quarter", (2025, 1, 1), (2025, 3, 31))], None),
    ("FY 2025", [plain("FY 2025", "unknown")], "could not be read: one year does not say which f"),
    ("FY25", [plain("FY25", "unknown")], "could not be read: one year does not say which f"),
    ("FY2025/26", [span("FY2025/26", "year", (2025, 4, 1), (2026, 3, 31))], None),
    ("Aut 2024", [span("Aut 2024", "season", (2024, 9, 1), (2024, 11, 30))], None),
    (
        "1st week of March 2025",
        [span("1st week of March 2025", "month", (2025, 3, 1), (2025, 3, 31))],
        "was read as the whole period",
    ),
    (
        "Last week of March 2025",
        [span("Last week of March 2025", "month", (2025, 3, 1), (2025, 3, 31))],
        "was read as the whole period",
    ),
    (
        "From 1 April 2025 to 31 March 2026",
        [span("From 1 April 2025 to 31 March 2026", "span", (2025, 4, 1), (2026, 3, 31))],
        None,
    ),
    (
        "Between April and June 2025",
        [span("Between April and June 2025", "month", (2025, 4, 1), (2025, 6, 30))],
        None,
    ),
    ("Since April 2024", [TargetDate("Since April 2024", "ongoing", date(2024, 4, 1))], None),
    ("Since 2023", [TargetDate("Since 2023", "ongoing", date(2023, 1, 1))], None),
    (
        "Started January 2025",
        [TargetDate("Started January 2025", "ongoing", date(2025, 1, 1))],
        None,
    ),
    (
        "In place since 2023",
        [plain("In place", "implemented"), TargetDate("since 2023", "ongoing", date(2023, 1, 1))],
        None,
    ),
    ("2025/03/31", [day("2025/03/31", 2025, 3, 31)], None),
    ("31.03.2025.", [day("31.03.2025.", 2025, 3, 31)], None),
    ("Sept - Dec 2024", [span("Sept - Dec 2024", "month", (2024, 9, 1), (2024, 12, 31))], None),
    ("Dec 24 – Jan 25", [span("Dec 24 - Jan 25", "span", (2024, 12, 1), (2025, 1, 31))], None),
    ("Winter 24/25", [span("Winter 24/25", "season", (2024, 12, 1), (2025, 2, 28))], None),
    # a day or a season with a financial year: the one of that year, or unread where the
    # financial and academic years disagree
    ("31 March 2025/26", [day("31 March 2025/26", 2026, 3, 31)], None),
    ("March 2025 - 2026", [span("March 2025 - 2026", "month", (2026, 3, 1), (2026, 3, 31))],
     "it may mean from March 2025"),
    ("2024 - 25 - 26", [span("2024 - 25 - 26", "year", (2024, 4, 1), (2025, 3, 31))],
     'is followed by "- 26", which was not read'),
    ("1st April 2024/25", [day("1st April 2024/25", 2024, 4, 1)], None),
    ("March 31 2025/26", [day("March 31 2025/26", 2026, 3, 31)], None),
    ("31 March 2025 - 30 June 2025",
     [span("31 March 2025 - 30 June 2025", "span", (2025, 3, 31), (2025, 6, 30))], None),
    ("Autumn 2024/25", [span("Autumn 2024/25", "season", (2024, 9, 1), (2024, 11, 30))], None),
    ("Winter 2024-25", [span("Winter 2024-25", "season", (2024, 12, 1), (2025, 2, 28))], None),
    ("Summer 2024-25", [plain("Summer 2024-25", "unknown")], "the years do not fit the season"),
    ("Spring 2025/26", [plain("Spring 2025/26", "unknown")], "the years do not fit the season"),
    ("Autumn 24", [span("Autumn 24", "season", (2024, 9, 1), (2024, 11, 30))], None),
    ("Year 2 (2025/26)", [span("Year 2 (2025/26)", "year", (2025, 4, 1), (2026, 3, 31))], None),
    (
        "Beginning of 2025",
        [span("Beginning of 2025", "year", (2025, 1, 1), (2025, 12, 31))],
        "was read as the whole period",
    ),
    ("03/25", [plain("03/25", "unknown")], "could not be read"),
    ("31/3", [plain("31/3", "unknown")], "could not be read"),
    ("By May", [plain("By May", "unknown")], "could not be read"),
]


@pytest.mark.parametrize("raw, expected, warning", CASES, ids=[c[0][:40] for c in CASES])
def test_parse_target_dates(raw, expected, warning):
    dates, warnings = parse_target_dates(raw)
    assert dates == expected
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1
        assert warning in warnings[0]


@pytest.mark.parametrize("raw", ["", "   ", "\n"])
def test_empty_cell(raw):
    assert parse_target_dates(raw) == ([], [])


def test_exported_markup_reads_as_its_text():
    cell = cell_from_markup("<p>Within 3 months of</p>\n<p>the completion of the DHR</p>")
    assert parse_target_dates(cell.text) == (
        [rel("Within 3 months of the completion of the DHR", 3, anchor="review_completion")], []
    )


@pytest.mark.parametrize("raw, expected", [
    ("Completed 29.11.15", [("29.11.15", date(2015, 11, 29))]),
    ("Done 31/02/2016", [("31/02/2016", None)]),
    ("Completed March 2016", []),
])
def test_find_dates(raw, expected):
    assert find_dates(raw) == expected


def test_two_months_in_one_cell_are_both_read() -> None:
    """ "Mar 23 Sep 23" is March and September 2023, never "23 Sep 23" and a lost "Mar"."""
    dates, warnings = parse_target_dates("Mar 23 Sep 23")
    assert [(d.kind, d.start, d.end) for d in dates] == [
        ("month", date(2023, 3, 1), date(2023, 3, 31)),
        ("month", date(2023, 9, 1), date(2023, 9, 30)),
    ]
    assert [w.split(";")[1].strip() for w in warnings] == [
        "it may mean 23 March", "it may mean 23 September",
    ]
