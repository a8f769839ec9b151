"""Read the "Target Date" cell of a DHR action plan into typed `TargetDate` records.

Plans are written by hand, so one cell may hold an exact date ("31 st May 2016"), a
month ("Dec 22"), a season, a quarter, a year, a period relative to the review or its
publication, a status word ("Ongoing") or several of these at once.  The rules here are
general patterns, tried from the most to the least specific, each claiming its span of
the cell so that a weaker pattern cannot re-read part of a stronger one (the "2016" in
"31.12.2016" is never also a year).

Conventions (UK plans):
- numeric dates are day first; two-digit years are 20yy;
- a month and a two-digit number is a month and year ("Dec 22", "Dec '22", Excel's
  "Mar-24"); when the number is written bare and could be a day of that month ("June 30")
  the reading is kept with a warning naming the other reading;
- a month spans its first to last day, a year 1 Jan to 31 Dec, an exact date start == end;
- seasons are meteorological; winter YYYY is Dec YYYY to the end of Feb YYYY+1;
- "Q2 2024/25" is a financial quarter (Q1 = Apr-Jun), "Q2 2024" a calendar one (also
  "Quarter 2", "second quarter", "2024-25 Q2", "Q3/Q4 2024/25", "FY24/25 Q4"); "H1 2025",
  "1st half of 2025" a half year; "After April 2025", "No earlier than June 2025" keep the
  date with a warning (it is the earliest day, not a deadline);
- a month or day with a financial year is the one in that year: "May 2024/25" is May 2024,
  "March 2025-26" March 2026; "Academic year 2024/25" is September to August; "FY 2025"
  (which financial year?) and a spring or summer of "2024/25" are not read;
- "2024/25", "2024-25" and "FY 2024-2025" are financial years (April to March); so is a
  bare "2024-2025", with a warning that it may mean the two calendar years;
- "end of <period>" (or "end <period>") is the last day of that period, as a kind "date";
- "w/c 12 June 2023" (week commencing) is the span of that week; school terms ("Autumn
  term 2023") are the months they touch;
- "From April 2024", "April 2024 onwards" are kind "ongoing" from that period's first day,
  with no end; recurring work alone in the cell ("Quarterly") is "ongoing"; "ASAP" is an
  event like "Immediate"; "Completed" alone is "implemented";
- a target the plan moved ("March 2024 (revised to June 2024)", "30/06/2024 - extended to
  30/09/2024", "June 2024 (was March 2024)", "April 2025 (revised from Jan 2025)", "Revised
  from March to June 2025") gives only the revised date, its `raw` keeping
  the whole cell, so the old date is shown but never counted as a target;
- what cannot be read is kind "unknown" with a warning, never a guessed date; a reading
  that is kept but could be wrong carries a warning too, and so does a month name or a
  "/26" that no rule read.

Each record's `raw` is the part of the cell that produced it: the text from the end of
the previous date up to the end of this one, so that words such as "Training completed in"
stay with their date; text after the last date is kept on the last record.  A cell with
one date therefore keeps the whole cell as `raw`.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

import regex

from dhrplan.extract.numberwords import NUMBER_WORD, word_value
from dhrplan.extract.patterncache import compiled

from .record import TargetDate

# --- vocabulary -------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # Welsh, as Welsh councils' bilingual plans print them ("Mehefin 2025 / June 2025"):
    # read as an unknown word, "Mehefin 2025" was the whole year 2025, unwarned
    "ion": 1, "chw": 2, "maw": 3, "ebr": 4, "mai": 5, "meh": 6,
    "gor": 7, "aws": 8, "med": 9, "hyd": 10, "tac": 11, "rha": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd"
    r"|rhagfyr)\b\.?"
)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "aut": 9, "fall": 9, "winter": 12}
_SEASON = r"(?:spring|summer|autumn|aut\b\.?|fall|winter)\b"

# A count of months, weeks or years: digits, "a"/"an" (one) or a number word ("six").
# Atomic, so "twenty-one months" is never re-read as the range "twenty to one months".
_NUMBER = rf"(?>\d{{1,3}}|{NUMBER_WORD}|an?\b)"

_YEAR4 = r"(?:19|20)\d{2}"
_YEAR_REST = r"\s\d{2}(?![\d./\-]|\s*(?:days?|weeks?|months?|years?)\b)"
"""The rest of a year a narrow column broke off ("31.12.20 16", "March 20 16"): a two-digit
year followed by it is not read as 2020 (the cell is unknown, with a warning)."""
_YEAR = rf"(?:\d{{4}}|'?\d{{2}}(?!{_YEAR_REST}))"  # 2016, 16, '16
_ORD = r"(?:\s*(?:st|nd|rd|th)\b)?"
_END_OF = r"(?P<endof>(?:by\s+)?(?:the\s+)?end\s+(?:of\s+)?(?:the\s+)?)?"
""""end of March 2024", and the "end March 24" of plans written in a hurry."""
_NO_DIGIT_BEFORE = r"(?<![\d./\-])"
_NO_DIGIT_AFTER = r"(?![\d]|[./\-]\d)"

# Words that may follow "of/following/post/from/after" in a relative target date.
_ANCHOR_WORDS = (
    r"the|a|its|this|date|of|review|report|dhr|dhrs|overview|final|full|publication|"
    r"published|publishing|completion|completed|conclusion|concluded|domestic|homicide|"
    r"being|is|was|has|been|finally|plan|action|sign|signed|off|sign-off|approval|approved|"
    r"csp|panel|board|partnership"
)
_RELATIVE_TAIL = (
    rf"(?P<tail>(?:\s+(?:of|following|post|from|after)\b(?:[\s\-]+(?:{_ANCHOR_WORDS})\b)+)?)"
)


def _year(text: str) -> int:
    """Turn "16", "'16" or "2016" into 2016: two-digit years are this century."""
    text = text.lstrip("'")
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _month(text: str) -> int:
    return _MONTHS[text.strip(".").lower()[:3]]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _longest(month: int) -> int:
    """The most days the month can have (29 for February)."""
    return calendar.monthrange(2000, month)[1]


# --- reading one matched span -------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """What one pattern read from its span; `problem` set means kind "unknown"."""

    kind: str
    start: date | None = None
    end: date | None = None
    offset_months: int | None = None
    offset_weeks: int | None = None
    anchor: str | None = None
    problem: str | None = None
    note: str | None = None  # a warning for a reading that was kept but guessed


_NO_YEAR = "it gives no year"


def _unknown(problem: str) -> _Reading:
    return _Reading("unknown", problem=problem)


def _exact(year: int, month: int, day: int) -> _Reading:
    try:
        value = date(year, month, day)
    except ValueError:
        return _unknown("there is no such day")
    return _Reading("date", value, value)


def _period(kind: str, start: date, end: date, m: regex.Match[str]) -> _Reading:
    """A period, or its last day when the text says "end of ..."."""
    if m.groupdict().get("endof"):
        return _Reading("date", end, end)
    return _Reading(kind, start, end)


def _read_numeric(m: regex.Match[str]) -> _Reading:
    return _exact(_year(m["y"]), int(m["m"]), int(m["d"]))


def _read_marked(m: regex.Match[str]) -> _Reading:
    """A day whose four-digit year runs on into a digit or two: a footnote or endnote mark
    the text lost its superscript for; the day is read and the mark said."""
    reading = _read_numeric(m)
    return reading if reading.problem else replace(
        reading, note="ends in a digit or two after the year, read as a footnote mark")


def _read_iso(m: regex.Match[str]) -> _Reading:
    return _exact(int(m["y"]), int(m["m"]), int(m["d"]))


def _read_day_month(m: regex.Match[str]) -> _Reading:
    """ "31 May 2016"; with a financial year, "31 March 2025/26", the day in that year (31
    March 2026), as a month of it is (`_read_month_in_fy`)."""
    month = _month(m["mon"])
    if m.groupdict().get("y2") is None:
        return _exact(_year(m["y"]), month, int(m["d"]))
    year = _fy_start(m)
    if year is None:
        return _unknown("the financial year is not two consecutive years")
    return _exact(year + 1 if month < 4 else year, month, int(m["d"]))


_EITHER = compiled(r"/|\bor\b", regex.IGNORECASE)
"""Between two months or seasons, a word that may mean either of them ("March/April",
"Spring or Summer"), not the range from one to the other ("Jan - Mar", "Spring to Summer")."""


def _read_month_range(m: regex.Match[str]) -> _Reading:
    year = _year(m["y"])
    first, last = _month(m["mon1"]), _month(m["mon2"])
    if last <= first:
        return _unknown("the months are out of order")
    reading = _period("month", date(year, first, 1), _month_end(year, last), m)
    if reading.kind == "month" and _EITHER.search(m["rsep"]):
        return replace(reading, note="was read as a range of months")
    return reading


def _read_month_in_fy(m: regex.Match[str]) -> _Reading:
    """ "May 2024/25", "March 2025-26": that month of the financial year (April to March),
    so January to March fall in its second calendar year (March 2025-26 is March 2026)."""
    year = _fy_start(m)
    if year is None:
        return _unknown("the financial year is not two consecutive years")
    month = _month(m["mon"])
    first = year
    if month < 4:
        year += 1
    reading = _period("month", date(year, month, 1), _month_end(year, month), m)
    if regex.search(r"\d{4}\s*-\s*\d{4}", m[0]):  # "March 2025 - 2026" may be a span
        reading = replace(reading, note=(
            f"read as {calendar.month_name[month]} {year}, in financial year {first}/"
            f"{(first + 1) % 100:02d}; it may mean from {calendar.month_name[month]} {first}"))
    return reading


def _read_month_span(m: regex.Match[str]) -> _Reading:
    """ "September 2023 - February 2024": one span from the first month to the last."""
    start = date(_year(m["y1"]), _month(m["mon1"]), 1)
    y2 = _year(m["y2"])
    end = _month_end(y2, _month(m["mon2"]))
    if end <= start:
        return _unknown("the months are out of order")
    return _Reading("span", start, end)


def _read_month_year(m: regex.Match[str]) -> _Reading:
    year, month = _year(m["y"]), _month(m["mon"])
    reading = _period("month", date(year, month, 1), _month_end(year, month), m)
    # "June 30" may be 30 June: a bare two-digit number after a month is read as the year
    # (the plans' "Dec 22"), but says so when it could also be a day of that month.
    # "Dec '22" and Excel's "Dec-22" are not ambiguous.
    number = m["y"]
    if "-" not in m["sep"] and len(number) == 2 and 1 <= int(number) <= _longest(month):
        name = calendar.month_name[month]
        reading = replace(reading, note=f"read as {name} {year}; it may mean {int(number)} {name}")
    return reading


def _read_listed_month(m: regex.Match[str]) -> _Reading:
    """ "March" of "March and September 2025": the year is the one after the last month."""
    year, month = _year(m["y"]), _month(m["mon"])
    return _period("month", date(year, month, 1), _month_end(year, month), m)


def _read_numeric_month_year(m: regex.Match[str]) -> _Reading:
    month = int(m["m"])
    if not 1 <= month <= 12:
        return _unknown("there is no such month")
    year = int(m["y"])
    return _period("month", date(year, month, 1), _month_end(year, month), m)


def _season_span(season: str, year: int) -> tuple[date, date]:
    first = _SEASONS[season.lower().rstrip(".")]
    if first == 12:
        return date(year, 12, 1), _month_end(year + 1, 2)
    return date(year, first, 1), _month_end(year, first + 2)


_SEASON_ORDER = ("spring", "summer", "autumn", "winter")


def _season_key(name: str) -> str:
    name = name.lower().rstrip(".")
    return "autumn" if name in ("fall", "aut") else name


def _read_season_range(m: regex.Match[str]) -> _Reading:
    """ "Spring/Summer 2025", "Autumn - Winter 2024": from the first season's start to the
    last one's end, in one year; said when the words may mean either season."""
    year = _year(m["y"])
    first, last = _season_key(m["s1"]), _season_key(m["season"])
    if _SEASON_ORDER.index(last) <= _SEASON_ORDER.index(first):
        return _unknown("the seasons are out of order")
    start, _ = _season_span(first, year)
    _, end = _season_span(last, year)
    reading = _period("season", start, end, m)
    if reading.kind == "season" and _EITHER.search(m["rsep"]):
        return replace(reading, note="was read as a range of seasons")
    return reading


def _read_season(m: regex.Match[str]) -> _Reading:
    year = _year(m["y"])
    # "Winter 2015/16" spans the two years; "Autumn 2024/25" is the autumn of 2024 in a
    # financial and an academic year alike; a spring or summer of "2024/25" is 2024 in one
    # and 2025 in the other, so it is not read
    if m["y2"] is not None and (
        _season_key(m["season"]) in ("spring", "summer")
        or _year(m["y2"]) % 100 != (year + 1) % 100
    ):
        return _unknown("the years do not fit the season")
    start, end = _season_span(m["season"], year)
    return _period("season", start, end, m)


_TERMS = {"autumn": (9, 12), "spring": (1, 4), "summer": (4, 7)}
"""School terms, by the months they touch: autumn September to Christmas, spring January to
Easter, summer Easter to July (Easter moves, so its month is counted in full)."""


def _read_term(m: regex.Match[str]) -> _Reading:
    year = _year(m["y"])
    first, last = _TERMS[m["term"].lower()]
    return _period("season", date(year, first, 1), _month_end(year, last), m)


def _read_week(m: regex.Match[str]) -> _Reading:
    """ "w/c 12 June 2023": the week that begins that day; "w/e 14 June 2024" (week
    ending) the week that ends on it."""
    month = _month(m["mon"]) if m["mon"] else int(m["m"])
    day = _exact(_year(m["y"]), month, int(m["d"]))
    if day.problem or day.start is None:
        return day
    if m["ending"]:
        return _Reading("span", day.start - timedelta(days=6), day.start)
    return _Reading("span", day.start, day.start + timedelta(days=6))


def _read_no_year(m: regex.Match[str]) -> _Reading:
    return _unknown(_NO_YEAR)


def _fy_start(m: regex.Match[str]) -> int | None:
    """First calendar year of a financial year "2024/25", or None if the years do not follow."""
    first, second = _year(m["y"]), _year(m["y2"])
    return first if second == first + 1 else None


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4}


def _quarter(m: regex.Match[str]) -> int:
    """ "Q3", "Qtr 3", "Quarter 3", "third quarter": 3."""
    return int(m["q"]) if m["q"] else _ORDINALS[m["qw"].lower()]


def _read_fin_quarter(m: regex.Match[str]) -> _Reading:
    year = _fy_start(m)
    if year is None:
        return _unknown("the financial year is not two consecutive years")
    quarter = _quarter(m)
    first_month = 4 + 3 * (quarter - 1)  # Q1 = Apr-Jun ... Q4 = Jan-Mar of the next year
    if first_month > 12:
        year, first_month = year + 1, first_month - 12
    start = date(year, first_month, 1)
    return _period("quarter", start, _month_end(year, first_month + 2), m)


def _quarter_months(m: regex.Match[str], quarter: int) -> tuple[int, int] | None:
    """(year, first month) of a quarter of the financial year the match names ("2024/25"),
    or of its calendar year; None when the financial year's years do not follow."""
    if m["cal"]:
        return int(m["cal"]), 1 + 3 * (quarter - 1)
    year = _fy_start(m)
    if year is None:
        return None
    first_month = 4 + 3 * (quarter - 1)
    return (year + 1, first_month - 12) if first_month > 12 else (year, first_month)


def _read_quarter_range(m: regex.Match[str]) -> _Reading:
    """ "Q3/Q4 2024/25", "Q1-Q2 2025": from the first quarter's start to the last one's end;
    said when the words may mean either quarter."""
    first, last = int(m["q1"]), _quarter(m)
    if last <= first:
        return _unknown("the quarters are out of order")
    start, end = _quarter_months(m, first), _quarter_months(m, last)
    if start is None or end is None:
        return _unknown("the financial year is not two consecutive years")
    reading = _period("span", date(*start, 1), _month_end(end[0], end[1] + 2), m)
    if reading.kind == "span" and _EITHER.search(m["rsep"]):
        return replace(reading, note="was read as a range of quarters")
    return reading


def _read_cal_quarter(m: regex.Match[str]) -> _Reading:
    year, first_month = int(m["y"]), 1 + 3 * (_quarter(m) - 1)
    return _period("quarter", date(year, first_month, 1), _month_end(year, first_month + 2), m)


def _read_fin_year(m: regex.Match[str]) -> _Reading:
    year = _fy_start(m)
    if year is None:
        return _unknown("the financial year is not two consecutive years")
    reading = _period("year", date(year, 4, 1), date(year + 1, 3, 31), m)
    # "2024/25", "2024-25" and "FY 2024-2025" are how UK plans write a financial year;
    # a bare "2024-2025" reads the same way but could mean the two calendar years.
    if not m["fy"] and m["sep"] == "-" and len(m["y2"]) == 4:
        reading = replace(reading, note=(
            f"read as financial year {year}/{(year + 1) % 100:02d} (April to March); "
            f"it may mean the calendar years {year} to {year + 1}"
        ))
    beside = _beside_year(m.string, m.start(), m.end(), numbers=False)
    if beside and reading.start != reading.end and reading.note is None:
        reading = replace(reading, note=f'was read as the whole financial year; "{beside}" '
                                        "beside it was not read")
    return reading


def _read_half(m: regex.Match[str]) -> _Reading:
    """ "H1 2025" (January to June), "H2 2024/25" (October 2024 to March 2025): half of a
    calendar or, written with two years, a financial year."""
    half = int(m["h"]) if m["h"] else (1 if m["hw"].lower() in ("first", "1st") else 2)
    if m["y2"] is not None:
        year = _fy_start(m)
        if year is None:
            return _unknown("the financial year is not two consecutive years")
        first_month = 4 if half == 1 else 10
    else:
        year, first_month = _year(m["y"]), 1 if half == 1 else 7
    start = date(year, first_month, 1)
    last_year, last_month = (year, first_month + 5) if first_month + 5 <= 12 else (year + 1, 3)
    return _period("span", start, _month_end(last_year, last_month), m)


def _read_academic_year(m: regex.Match[str]) -> _Reading:
    """ "Academic year 2024/25": September 2024 to August 2025 (not April to March)."""
    year = _fy_start(m)
    if year is None:
        return _unknown("the academic year is not two consecutive years")
    return _period("year", date(year, 9, 1), date(year + 1, 8, 31), m)


def _read_christmas(m: regex.Match[str]) -> _Reading:
    """ "By Christmas 2024": 25 December, not the whole year."""
    return _exact(_year(m["y"]), 12, 25)


def _read_new_year(m: regex.Match[str]) -> _Reading:
    """ "New Year 2025": 1 January, said, since it may mean the weeks after it."""
    return replace(_exact(_year(m["y"]), 1, 1), note="was read as 1 January")


def _read_year(m: regex.Match[str]) -> _Reading:
    year = int(m["y"])
    reading = _period("year", date(year, 1, 1), date(year, 12, 31), m)
    beside = _beside_year(m.string, m.start(), m.end())
    if beside and reading.start != reading.end:
        return replace(reading, note=f'was read as the whole year; "{beside}" beside it '
                                     'was not read')
    return reading


_PERIOD_WORD = compiled(
    r"""^(?:terms?|half|holidays?|hols|academic|school|semester|EOY|FYE|FY|YE|mid|year[\s\-]?end
        |quarter|qtr|week|wk|\d{1,2}(?:st|nd|rd|th)?)$""", regex.IGNORECASE | regex.VERBOSE)
"""Beside a bare year, a word that narrows it or names another period ("Term 1 2025", "EOY
2025", "2025 academic year", "31 03 2025"): the year alone is not what the cell means."""
_MISSPELT_MONTH = compiled(
    r"(?:january|february|september|october|november|december|august){e<=2}"
    r"|(?:march|april){e<=1}", regex.IGNORECASE)
"""A month name written wrong ("Febuary", "Sptember"): no rule reads it, so the year after
it would be read alone."""
_WORD = compiled(r"[^\W\d_]+|\d+(?:st|nd|rd|th)?", regex.IGNORECASE)


def _beside_year(text: str, start: int, end: int, numbers: bool = True) -> str | None:
    """The word just before or after a bare year (three before) that narrows it or names
    another period (`_PERIOD_WORD`, `_MISSPELT_MONTH`), or None. Text a stronger rule
    claimed is "\\0" and never a word."""
    before = _WORD.findall(text[max(0, start - 24):start].split("\0")[-1])[-3:]
    after = _WORD.findall(text[end:end + 16].split("\0")[0])[:1]
    for word in (*before, *after):
        if word[0].isdigit() and not numbers:
            continue  # "Year 2 (2025/26)": a plan's year number, not part of the date
        if _PERIOD_WORD.match(word) or (len(word) > 4 and _MISSPELT_MONTH.fullmatch(word)):
            return word
    return None


def _anchor(tail: str) -> str | None:
    """Which event a relative period counts from: publication wins over "review"."""
    words = tail.lower()
    if regex.search(r"\bpublicat|\bpublish", words):
        return "publication"
    if regex.search(r"\bcomplet|\bconclu|\bsign[\s\-]*off|\bsigned|\bapprov", words):
        return "review_completion"  # the review is signed off when it is completed
    return None


def _read_relative(m: regex.Match[str]) -> _Reading:
    count_text = m["n"].lower()
    if count_text.isdigit():
        count = int(count_text)
    elif count_text in ("a", "an"):
        count = 1
    else:
        count = word_value(count_text)
        if count is None:  # not reached: _NUMBER matches only digits and number words
            return _unknown("the count is not a number")
    unit = m["unit"].lower()
    months = weeks = None
    if unit.startswith("week"):
        weeks = count
    elif unit.startswith("year"):
        months = 12 * count
    else:
        months = count
    anchor = _anchor(m["tail"])
    notes = []
    if m["n0"]:
        notes.append("was read as its upper bound")
    if not anchor:
        notes.append("names no event to count from")
    note = " and ".join(notes) or None
    return _Reading("relative", offset_months=months, offset_weeks=weeks, anchor=anchor, note=note)


def _fixed(kind: str, anchor: str | None = None) -> Callable[[regex.Match[str]], _Reading]:
    def read(m: regex.Match[str]) -> _Reading:
        return _Reading(kind, anchor=anchor)

    return read


def _unreadable(problem: str) -> Callable[[regex.Match[str]], _Reading]:
    """A rule for text that names a date no rule can give ("FY 2025", "Easter 2025"):
    claimed, so that it is unknown with its reason rather than misread by a weaker rule."""
    def read(m: regex.Match[str]) -> _Reading:
        return _unknown(problem)

    return read


def _read_on_event(m: regex.Match[str]) -> _Reading:
    return _Reading("event", anchor=_anchor(m.group(0)))


# --- patterns, most specific first ------------------------------------------------------
# Rules meant for a whole cell ("TBC", "Quarterly") match from "^" over non-word characters
# other than "\0", which marks text a stronger rule has already claimed.

_Rule = tuple[regex.Pattern[str], Callable[[regex.Match[str]], _Reading]]


def _rule(pattern: str, read: Callable[[regex.Match[str]], _Reading]) -> _Rule:
    return compiled(pattern, regex.IGNORECASE | regex.VERBOSE), read


_FY_REST = r"(?:(?<=\d{4})\s*[/\-]\s*(?P<y2>\d{4}|\d{2})(?![\d./\-]|\s*\w))?"
"""The second year of a financial year after a day's year ("31 March 2025/26"); not the day
of a second date ("31 March 2025 - 30 June 2025")."""

_LABEL_WORD = (r"\b(?:phase|stage|step|part|action|rec(?:ommendation)?|item|point|priority"
               r"|objective|theme|workstream|milestone)")
"""A word a number labels ("Phase 2 Mar 2017": phase two, due March), so that number is no
day of the month after it."""

_EXACT_RULES: list[_Rule] = [
    # year first ("2025-03-31", "2025/03/31"): the year leads, so month then day
    _rule(rf"""{_NO_DIGIT_BEFORE}(?P<y>{_YEAR4})(?P<sep>[\-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})
               {_NO_DIGIT_AFTER}""", _read_iso),
    _rule(rf"""{_NO_DIGIT_BEFORE}(?P<d>\d{{1,2}}) \s*(?P<sep>[./\-]) \s*(?P<m>\d{{1,2}})
               \s*(?P=sep) \s*(?P<y>\d{{4}}|\d{{2}}(?!{_YEAR_REST})){_NO_DIGIT_AFTER}""",
          _read_numeric),
    # a footnote mark printed against the year ("31/03/2025¹" read as "31/03/20251")
    _rule(rf"""{_NO_DIGIT_BEFORE}(?P<d>\d{{1,2}})(?P<sep>[./\-])(?P<m>\d{{1,2}})(?P=sep)
               (?P<y>{_YEAR4})\d{{1,2}}(?!\d)""", _read_marked),
    _rule(rf"""\b(?:(?:by\s+)?(?:the\s+)?end\s+(?:of\s+)?)?  # "end of 31 May" is just 31 May
               (?<!\d)(?<!{_LABEL_WORD}\s*)(?P<d>\d{{1,2}}){_ORD} (?:\s*of\s+|-\s*|\s*)
               (?P<mon>{_MONTH}) \s*[,\-]?\s*
               (?P<y>{_YEAR}){_FY_REST}(?!\d)""", _read_day_month),
    _rule(rf"""\b(?P<mon>{_MONTH}) \s*(?P<d>\d{{1,2}}){_ORD} ,?\s+(?P<y>{_YEAR4}){_FY_REST}
               (?!\d)""", _read_day_month),
]

_WEEK_RULE: _Rule = _rule(
    rf"""\b(?:w\s*/\s*c|w\.c\.|week\s+(?:commencing|beginning|starting)
           |(?P<ending>w\s*/\s*e|w\.e\.|week\s+ending))\s*(?:the\s+)?
         (?:(?<!\d)(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+)?(?P<mon>{_MONTH}),?\s*(?P<y>{_YEAR})(?!\d)
          | {_NO_DIGIT_BEFORE}(?P<d>\d{{1,2}})\s*(?P<sep>[./\-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*
            (?P<y>\d{{4}}|\d{{2}}){_NO_DIGIT_AFTER})""", _read_week)

_QUARTER = (
    r"(?:\bQ(?:tr\.?|uarter)?\s*(?P<q>[1-4])(?!\d)"
    r"|\b(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b)"
)
"""A quarter as plans write it: "Q3", "Qtr 3", "Quarter 3", "third quarter"."""
_FY_YEARS = rf"(?P<y>{_YEAR4})\s*[/\-]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d)"
"""A financial year's two years, "2024/25", "2024-2025"."""
_FY_YEARS_SHORT = r"(?P<y>(?:19|20)\d{2}|\d{2})\s*[/\-]\s*(?P<y2>\d{4}|\d{2})(?!\d)"
"""The same, or "24/25" where a quarter or "FY" already says it is a financial year."""

_RULES: list[_Rule] = [_WEEK_RULE, *_EXACT_RULES] + [
    # periods
    _rule(rf"""{_END_OF}\bQ(?P<q1>[1-4]) \s*(?P<rsep>/|-|to|&|and|or)\s* {_QUARTER}
               \s*(?:of\s+)?(?:FY\s*)?(?:{_FY_YEARS_SHORT}|(?P<cal>{_YEAR4})(?![\d/\-]))""",
          _read_quarter_range),
    _rule(rf"""{_END_OF}{_QUARTER} \s*(?:of\s+)?(?:the\s+)?(?:FY\s*)?
               {_FY_YEARS_SHORT}""", _read_fin_quarter),
    # "FY24/25 Q4": two-digit years after "FY", the quarter after them
    _rule(rf"""{_END_OF}\bFY\s*{_NO_DIGIT_BEFORE}{_FY_YEARS_SHORT}
               \s*[,\-:]?\s*{_QUARTER}""", _read_fin_quarter),
    # "2024-25 Q2", "2024/25 - Quarter 2": the year first
    _rule(rf"""{_END_OF}(?:\bFY\s*)?{_NO_DIGIT_BEFORE}{_FY_YEARS}
               \s*[,\-:]?\s*{_QUARTER}""", _read_fin_quarter),
    _rule(rf"""{_END_OF}{_QUARTER} \s*(?:of\s+)?(?P<y>{_YEAR4})(?![\d/\-])""",
          _read_cal_quarter),
    _rule(rf"""{_END_OF}{_NO_DIGIT_BEFORE}(?P<y>{_YEAR4})(?!\s*[/\-]\s*\d)\s*[,\-:]?\s*{_QUARTER}""",
          _read_cal_quarter),
    _rule(rf"""\bFY\s*(?:{_YEAR4}|\d{{2}})(?![\d/\-])""",
          _unreadable("one year does not say which financial year (2024/25 or 2025/26)")),
    _rule(rf"""{_END_OF}(?:\bH(?P<h>[12])|\b(?P<hw>first|second|1st|2nd)\s+half\s+(?:of\s+)?(?:the\s+)?)
               \s*(?:FY\s*)?(?P<y>{_YEAR4})(?:\s*[/\-]\s*(?P<y2>\d{{4}}|\d{{2}}))?(?!\d)""",
          _read_half),
    _rule(rf"""{_END_OF}\b(?:the\s+)?(?:academic|school)\s+year\s*(?:of\s+)?
               {_FY_YEARS}""", _read_academic_year),
    _rule(rf"""\b(?:the\s+)?(?:academic|school)\s+year\s*(?:of\s+)?{_YEAR4}(?![\d/\-])
               | {_NO_DIGIT_BEFORE}\b{_YEAR4}\s+(?:academic|school)\s+year\b""",
          _unreadable("one year does not say which academic year (2024/25 or 2025/26)")),
    _rule(rf"""\b(?:christmas|xmas)\s*(?P<y>{_YEAR4})(?!\d)""", _read_christmas),
    _rule(rf"""\bnew\s+year\s*(?P<y>{_YEAR4})(?!\d)""", _read_new_year),
    _rule(rf"""\b(?:easter|whitsun)\s*(?:of\s+)?{_YEAR4}(?!\d)""",
          _unreadable("Easter moves from year to year")),
    _rule(rf"""{_END_OF}\b(?P<term>autumn|spring|summer) \s+term\s*(?:of\s+)?(?P<y>{_YEAR4})
               (?![\d/])""", _read_term),
    _rule(rf"""{_END_OF}\b(?P<s1>{_SEASON}) \s*(?P<rsep>/|-|to|or|and|&)\s*
               (?P<season>{_SEASON}) \s*(?:of\s+)?(?P<y>{_YEAR})(?![\d/])""", _read_season_range),
    _rule(rf"""{_END_OF}\b(?P<season>{_SEASON}) \s*(?:of\s+)?(?P<y>{_YEAR})
               (?:\s*[/\-]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\s*\w))?(?!\d)""", _read_season),
    _rule(rf"""\b(?:from\s+)?(?P<mon1>{_MONTH}) ,?\s*(?P<y1>{_YEAR})
               \s*(?:-|to|until|till)\s* (?P<mon2>{_MONTH}) ,?\s*(?P<y2>{_YEAR})(?!\d)""",
          _read_month_span),
    _rule(rf"""{_END_OF}\b(?P<mon>{_MONTH}) ,?\s*{_FY_YEARS}""",
          _read_month_in_fy),
    _rule(rf"""\bbetween\s+(?P<mon1>{_MONTH}) \s*(?P<rsep>and|&)\s* (?P<mon2>{_MONTH})
               ,?\s*(?P<y>{_YEAR})(?!\d)""", _read_month_range),
    # "March and September 2025", "Mar, Jun & Sep 2025": each month, in the year after the last
    _rule(rf"""{_END_OF}\b(?P<mon>{_MONTH}) (?=(?:\s*(?:,|and|&)\s*{_MONTH})+ ,?\s*(?P<y>{_YEAR4})
               (?!\d|\s*[/\-]\s*\d))""", _read_listed_month),
    _rule(rf"""{_END_OF}\b(?P<mon1>{_MONTH}) \s*(?P<rsep>/|-|to|or)\s* (?P<mon2>{_MONTH})
               ,?\s*(?P<y>{_YEAR})(?!\d)""", _read_month_range),
    # "Dec 2022", "Dec 22", "Dec '22", Excel's "Dec-22"; not "June 30th" (a day, no year)
    _rule(rf"""{_END_OF}\b(?P<mon>{_MONTH}) (?P<sep>\s*-\s*|,?\s*) (?P<y>{_YEAR})
               (?!\d|\s*/\s*\d|\s*(?:st|nd|rd|th)\b)""", _read_month_year),
    _rule(rf"""{_END_OF}{_NO_DIGIT_BEFORE}(?P<m>\d{{1,2}})[./](?P<y>{_YEAR4}){_NO_DIGIT_AFTER}""",
          _read_numeric_month_year),
    _rule(rf"""{_END_OF}(?:\b(?P<fy>(?:the\s+)?(?:financial\s+year|FY))\s*)?{_NO_DIGIT_BEFORE}
               (?P<y>{_YEAR4})\s*(?P<sep>[/\-])\s*(?P<y2>\d{{4}}|\d{{2}}){_NO_DIGIT_AFTER}""",
          _read_fin_year),
    # "FY 24/25", "financial year 24-25": two-digit years, read as a year only after "FY"
    _rule(rf"""{_END_OF}\b(?P<fy>(?:the\s+)?(?:financial\s+year|FY))\s*{_NO_DIGIT_BEFORE}
               (?P<y>\d{{2}})\s*(?P<sep>[/\-])\s*(?P<y2>\d{{2}}){_NO_DIGIT_AFTER}""",
          _read_fin_year),
    _rule(rf"""{_END_OF}(?<![\d./]|\d-)\b(?P<y>{_YEAR4})\b{_NO_DIGIT_AFTER}""", _read_year),
    # recurring work written with a count ("Every six months"): no deadline, ongoing
    _rule(rf"""\b(?:every|each)\s+(?:{_NUMBER}\s+)?(?:months?|weeks?|years?|quarters?|terms?)\b
               | \b(?:once|twice)\s+(?:a|per|each)\s+(?:year|month|quarter|term)\b
               | (?<![\d./\-])\b(?:\d{{1,2}}|{NUMBER_WORD})[\s\-]?(?:monthly|weekly|yearly)\b""",
          _fixed("ongoing")),
    # relative periods and events; a count of days is not kept ("30 days after publication"
    # would otherwise be read as the day of publication)
    _rule(rf"""\b(?:(?:with)?in\s+|by\s+|after\s+|no\s+later\s+than\s+)?(?:the\s+)?(?:next\s+)?
               (?<![\d./\-])(?P<n>{_NUMBER}) [\s\-]*(?:working\s+|calendar\s+|business\s+)?days?\b
               {_RELATIVE_TAIL}""",
          _unreadable("a count of days is not kept (only months and weeks)")),
    _rule(rf"""\b(?:(?:with)?in\s+|by\s+|after\s+|no\s+later\s+than\s+)?(?:the\s+)?
               (?:next\s+)?(?:(?P<n0>{_NUMBER})\s*(?:-|to)\s*)?  # "3-6 months": upper bound
               (?P<n>{_NUMBER}) [\s\-]*(?P<unit>months?|weeks?|years?)\b
               {_RELATIVE_TAIL}""", _read_relative),
    _rule(r"""(?:\b(?:prior\s+to|before|ahead\s+of|in\s+advance\s+of)\s+(?:the\s+)?(?:final\s+)?
              |\bpre[\s\-]?)(?:publication|publishing)\b(?:\s+of\s+(?:the\s+)?(?:final\s+)?(?:overview\s+)?
              (?:report|review|dhr)\b)?""", _fixed("event", "publication")),
    _rule(r"""\b(?:(?:up)?on|following|after|at|in\s+line\s+with)\s+(?:the\s+)?(?:final\s+)?
              (?:publication|completion)\b
              (?:\s+of\s+(?:the\s+)?(?:final\s+)?(?:overview\s+)?(?:report|review|dhr)\b)?""",
          _read_on_event),
    _rule(r"\bon[\s\-]?going\b", _fixed("ongoing")),
    # "BAU" as the whole cell: the work is now routine, with no deadline of its own
    _rule(r"^[^\w\0]*(?:business\s+as\s+usual|BAU)[^\w\0]*$", _fixed("ongoing")),
    # no date yet, said on purpose: unknown, and nothing to warn about
    _rule(r"""^[^\w\0]*(?:TBC|TBA|TBD|N\s*/\s*A|n\.a\.|not\s+applicable|to\s+be\s+(?:confirmed|agreed|
              decided|set)|none)[^\w\0]*$""", _fixed("unknown")),
    # recurring work ("Quarterly", "Reviewed annually"): ongoing, when it is the whole cell
    _rule(r"""^[^\w\0]*(?:(?:reviewed|review|reported|reporting|updates?|on\s+an?)\s+)?
              (?:quarterly|monthly|annually|annual|yearly|bi-?annually|six[\s\-]?monthly|
              weekly|fortnightly|termly|regularly|bi-?monthly|half[\s\-]?yearly|bi-?annual|
              twice\s+(?:a\s+)?(?:year(?:ly)?|annually|month(?:ly)?)|(?:once\s+)?a\s+year)
              (?:\s+(?:basis|reviews?|updates?|reporting|thereafter))?[^\w\0]*$""",
          _fixed("ongoing")),
    _rule(r"(?<!\b(?:be|not|yet)\s+)\b(?:implemented|in\s+place)\b", _fixed("implemented")),
    # "Completed" in a target-date column: the work is done, no date is given
    _rule(r"^[^\w\0]*(?:complete[d]?|done|achieved|finished|delivered)[^\w\0]*$",
          _fixed("implemented")),
    _rule(r"""\b(?:immediate(?:ly)?|with\s+immediate\s+effect|asap(?![\-\w])|a\.s\.a\.p\b\.?
              |as\s+soon\s+as\s+(?:possible|practicable)\b)""", _fixed("event")),
    # incomplete dates: claimed so that they become unknown rather than nothing
    _rule(rf"""(?<!\d)\b\d{{1,2}}{_ORD}\s*(?:of\s+)?{_MONTH}  # "31 May"
               | \b{_MONTH}\s*\d{{1,2}}\s*(?:st|nd|rd|th)\b  # "June 30th"
            """, _read_no_year),
    _rule(rf"\b{_SEASON}", _read_no_year),
    # "may" is left out: it is far more often the verb than a month without a year
    _rule(r"""\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?
              |sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b""",
          _read_no_year),
]


def _stray_months(cell: str, found: list[tuple[int, int, _Reading]]) -> list[str]:
    """Month names outside every span a reading claimed ("Mar" of "Mar & Sep 2025" read
    as September alone); a lower-case "may" is the verb."""
    rest = cell
    for start, end, _ in found:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    return [m for m in regex.findall(rf"\b{_MONTH}", rest, regex.I) if m != "may"]


def _unread(cell: str, found: list[tuple[int, int, _Reading]]) -> int:
    """How much of the cell a reading leaves unread: problems (x100), plus month names
    outside every span or left without a year ("Sep" of "Sep 24 - Mar 25" read as "Sep"
    and "24 - Mar 25")."""
    months = len(_stray_months(cell, found))
    no_year = sum(1 for *_, r in found if r.problem == _NO_YEAR)
    problems = sum(1 for *_, r in found if r.problem and r.problem != _NO_YEAR)
    return 100 * problems + months + no_year


_MONTHS_FIRST: list[_Rule] = [r for r in _RULES if r[1] is not _read_day_month]
"""The rules without day-month-year, for cells of month-year pairs ("Mar 23 Sep 23")."""


def _clean(text: str) -> str:
    """The cell on one line, dashes made hyphens: extract/ has already turned markup into text."""
    return " ".join(text.replace("\u2013", "-").replace("\u2014", "-").split())


def _read_safely(read: Callable[[regex.Match[str]], _Reading], m: regex.Match[str]) -> _Reading:
    """A year the calendar cannot hold ("Spring 0000", "Winter 9999") is unreadable, not an
    error that fails the whole plan."""
    try:
        return read(m)
    except (ValueError, OverflowError):
        return _unknown("the year is out of range")


def _scan(text: str, rules: list[_Rule]) -> list[tuple[int, int, _Reading]]:
    """Every span the rules read, in text order; each span is claimed by one rule only."""
    claimed = text
    found: list[tuple[int, int, _Reading]] = []
    for pattern, read in rules:
        new = [(m.start(), m.end(), _read_safely(read, m)) for m in pattern.finditer(claimed)
               if m.end() > m.start()]
        if new:  # one pass per rule, not one copy of the cell per match (quadratic)
            pieces, previous = [], 0
            for start, end, _ in new:
                pieces += [claimed[previous:start], "\0" * (end - start)]
                previous = end
            claimed = "".join(pieces) + claimed[previous:]
        found += new
    # rules only match unclaimed text, so spans cannot overlap; sorting restores text order
    return sorted(found, key=lambda item: item[0])


# Words that narrow a period this parser keeps whole ("Mid 2016" is read as all of 2016).
_QUALIFIER = compiled(
    r"""\b(?:early|mid|late|(?:the\s+)?(?:beginning|start|middle)\s+of
        |(?:the\s+)?(?:first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+(?:week|fortnight)
          \s+(?:of|in)\s+(?:the\s+)?)[\s\-]*$""", regex.IGNORECASE | regex.VERBOSE
)

_EARLIEST = compiled(
    r"""\b(?:after|not\s+before|no\s+(?:earlier|sooner)\s+than|not\s+until|at\s+the\s+earliest
        |beyond)\s*$""", regex.IGNORECASE | regex.VERBOSE)
"""Before a date, words that make it the earliest day, not the deadline ("After April
2025", "No earlier than June 2025"): the date is kept and the cell warned."""
_QUALIFIER_REACH = 64
"""Characters before a date searched for a qualifier (the longest is under 30): searching
the whole cell before each date was quadratic, minutes for a 1 MB cell."""

_LEADING_NOISE = compiled(r"^(?:[\s.,;:/&+\-]|\b(?:and|or|then)\b)+", regex.IGNORECASE)
_TRAILING_NOISE = compiled(r"[\s,;:/&+\-]+$")


def _segments(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Split the cell so each date keeps the words before it; the tail joins the last one."""
    raws = []
    previous = 0
    for index, (_, end) in enumerate(spans):
        stop = len(text) if index == len(spans) - 1 else end
        piece = _LEADING_NOISE.sub("", text[previous:stop])
        raws.append(_TRAILING_NOISE.sub("", piece) or text[previous:stop].strip())
        previous = end
    return raws


_Found = list[tuple[int, int, _Reading]]

_REVISED = compiled(
    r"""\b(?:revised|extended|moved|deferred|postponed|rescheduled|re-?scheduled|put\s+back|
          pushed\s+back|delayed|changed|amended|slipped|re-?set|new\s+(?:target\s+)?date|now|
          revised\s+(?:target\s+)?date)\b | \u2192 | -> | =>""", regex.IGNORECASE | regex.VERBOSE)
"""A date superseded by the one after it ("March 2024 (revised to June 2024)")."""
_MOVED_FROM = (r"(?:revised|extended|moved|deferred|postponed|rescheduled|re-?scheduled|"
               r"put\s+back|pushed\s+back|delayed|changed|amended|slipped|brought\s+forward)"
               r"\s+from")
_WAS = compiled(r"\b(?:was|originally|previously|formerly|original(?:\s+date)?|"
                + _MOVED_FROM + r")\s*:?\s*$", regex.IGNORECASE)
"""A date superseded by the one before it ("June 2024 (was March 2024)", "April 2025
(revised from Jan 2025)")."""
_BARE_FROM = compiled(r"\(\s*from\s*$", regex.IGNORECASE)
"""A bracketed "(from March 2025)" after a revised date: the date it was moved from."""
_FROM_AFTER = compiled(r"\s+from\b", regex.IGNORECASE)
"""After a revision word, "from" names the old date ("revised from Jan 2025"), not the new."""


def _moves_to(cell: str) -> list[regex.Match[str]]:
    """The revision words that point at the date after them: "revised to June", not the
    "revised from Jan" whose date after it is the superseded one."""
    return [m for m in _REVISED.finditer(cell) if not _FROM_AFTER.match(cell, m.end())]


def _current(cell: str, found: _Found) -> _Found:
    """Only the dates in force where a plan moved its target: a date followed by "revised
    to", "extended to", "deferred to" ... another date, or one marked "was" / "originally"
    beside another, is superseded; the revised date is the target."""
    found = [_moved_span(cell, f) for f in found]
    dated = [f for f in found if f[2].start is not None or f[2].kind == "relative"]
    if len(dated) < 2:
        return found
    dropped: set[int] = set()
    for m in _moves_to(cell):
        if any(f[0] >= m.end() for f in dated):
            dropped |= {id(f) for f in dated if f[1] <= m.start()}
    revised_at = [m.end() for m in _REVISED.finditer(cell)]
    for f in dated:
        before = cell[max(0, f[0] - 24):f[0]]
        moved = _WAS.search(before) or (  # "Revised date: June 2025 (from March 2025)"
            _BARE_FROM.search(before) and any(at <= f[0] for at in revised_at))
        if moved and len(dated) - len(dropped) > 1:
            dropped.add(id(f))
    kept = [f for f in found if id(f) not in dropped]
    return kept if any(f in kept for f in dated) else found


_MOVED_BEFORE = compiled(r"\b" + _MOVED_FROM + r"\s*:?\s*$", regex.IGNORECASE)
_LEAD_FROM = compiled(r"\s*from\s+", regex.IGNORECASE)
_SPAN_TO = compiled(r"\s+(?:to|until|till)\s+|\s*[\-\u2013\u2014]\s*", regex.IGNORECASE)


def _moved_span(cell: str, f: tuple[int, int, _Reading]) -> tuple[int, int, _Reading]:
    """ "Revised from March 2025 to June 2025": after "revised from", the two ends of what
    reads as a span are the old and the new target, so only the part after "to" is read."""
    if f[2].start is None or not _moved_from(cell, f):
        return f
    seps = list(_SPAN_TO.finditer(cell, f[0], f[1]))
    if not seps:
        return f
    tail = seps[-1].end()
    again = _scan(cell[tail:f[1]], _RULES)
    if len(again) != 1 or again[0][2].start is None or again[0][2].problem:
        return f
    return (tail + again[0][0], tail + again[0][1], again[0][2])


def _revised_later(cell: str, found: _Found) -> bool:
    """ "Sept 2024 (delayed)", "March 2024 - revised date TBC": the target was moved, and the
    cell does not say where to."""
    dated = [f for f in found if f[2].start is not None or f[2].kind == "relative"]
    ends = [f[1] for f in dated]
    return bool(ends) and (any(m.start() >= max(ends) for m in _moves_to(cell))
                           or all(_moved_from(cell, f) for f in dated))


def _moved_from(cell: str, f: tuple[int, int, _Reading]) -> bool:
    """ "Revised from Jan 2025": the date is the old target, not a start."""
    lead = _LEAD_FROM.match(cell, f[0])
    return bool(_MOVED_BEFORE.search(cell, max(0, f[0] - 24), lead.end() if lead else f[0]))


_FROM = compiled(r"\b(?:from|starting|commencing|effective|since|started|begun|began|commenced)"
                 r"(?:\s+(?:in|on))?\s*$", regex.IGNORECASE)
"""Before a date, words that say the work starts (or started) then: "From", "Since"."""
_ONWARDS = compiled(r"\s*(?:on-?wards?|(?:and|[\-,;]|then)\s+(?:then\s+)?(?:on[\s\-]?going|beyond|"
                    r"onwards))\b", regex.IGNORECASE)
"""After a date, "onwards", "and beyond", "- ongoing": work that starts then."""
_DAY_RANGE = compiled(r"^\s*(?:-|to|until|till)\s*$", regex.IGNORECASE)


def _open_ended(cell: str, found: _Found) -> _Found:
    """ "From April 2024", "April 2024 onwards", "Ongoing from Jan 2024": work that starts
    then and goes on: kind "ongoing" from that period's first day, with no end (a due date
    would state more than the plan). Two days joined by a dash or "to" are one span."""
    out: _Found = []
    onwards_end = -1
    for start, end, reading in found:
        if start < onwards_end and reading.kind == "ongoing" and reading.start is None:
            continue  # the "ongoing" of "April 2025 - ongoing", read with its date
        if out and reading.kind == out[-1][2].kind == "ongoing" \
                and reading.start is None and out[-1][2].start is None:
            out[-1] = (out[-1][0], end, out[-1][2])  # "Ongoing, reviewed every 6 months": one
            continue

        if out and reading.kind == "date" and out[-1][2].kind in ("date", "ongoing") \
                and out[-1][2].start is not None and _DAY_RANGE.match(cell[out[-1][1]:start]) \
                and (out[-1][2].end or out[-1][2].start) < reading.start:
            first = out.pop()
            out.append((first[0], end, _Reading("span", first[2].start, reading.end)))
            continue
        onwards = _ONWARDS.match(cell, end) if reading.start is not None else None
        if onwards:
            onwards_end = onwards.end()
        if reading.start is not None and not reading.problem and (
            _FROM.search(cell, max(0, start - 24), start) or onwards
        ) and not _moved_from(cell, (start, end, reading)):
            if out and out[-1][2].kind == "ongoing" and out[-1][2].start is None:
                out.pop()  # "Ongoing from Jan 2024": one open-ended date
            out.append((start, end, _Reading("ongoing", reading.start)))
            continue
        out.append((start, end, reading))
    return out


_CUT_AFTER = compiled(r"\s*[/\-]\s*\d+")
"""Right after a date, a slash or dash and a number: part of the date that no rule read
("March 2025-26" before financial-year months were read); said, never dropped."""


def parse_target_dates(text: str) -> tuple[list[TargetDate], list[str]]:
    """All target dates in one cell, plus warnings for what had to be guessed or could not be read.

    Nothing is guessed silently: an impossible or incomplete date, or a cell with no
    readable date at all, gives one kind "unknown" record and a warning naming the text.
    """
    cell = _clean(text or "")
    if not cell:
        return [], []
    found = _scan(cell, _RULES)
    if _unread(cell, found) % 100:
        # "Mar 23 Sep 23" is two months, not "23 Sep 23" and an unreadable "Mar": of two
        # readings, the one that leaves nothing unread
        other = _scan(cell, _MONTHS_FIRST)
        if _unread(cell, other) < _unread(cell, found):
            found = other
    if not found:
        return [TargetDate(raw=cell, kind="unknown")], [f'target date "{cell}" could not be read']
    stray = _stray_months(cell, found)
    starts = {start for start, _, _ in found}
    cut = [(cell[start:end].strip(), m[0].strip()) for start, end, reading in found
           if not reading.problem and (m := _CUT_AFTER.match(cell, end))
           and not any(end <= s < m.end() for s in starts)]
    found = _open_ended(cell, _current(cell, found))
    raws = _segments(cell, [(start, end) for start, end, _ in found])
    dates: list[TargetDate] = []
    warnings: list[str] = []
    for span, rest in cut:
        warnings.append(f'target date "{span}" is followed by "{rest}", which was not read')
    if stray:
        warnings.append(f'target date "{cell}" names {", ".join(stray)}, which was not read '
                        "as a date")
    if _revised_later(cell, found):
        warnings.append(f'target date "{cell}" was moved and the cell gives no new date; '
                        "the date written was kept")
    for raw, (start, end, reading) in zip(raws, found, strict=True):
        span = cell[start:end].strip()
        if reading.problem:
            dates.append(TargetDate(raw=raw, kind="unknown"))
            warnings.append(f'target date "{span}" could not be read: {reading.problem}')
            continue
        qualifier = _QUALIFIER.search(cell, max(0, start - _QUALIFIER_REACH), start)
        if reading.note and not (qualifier and reading.note.startswith("was read as the whole")):
            warnings.append(f'target date "{span}" {reading.note}')
        if reading.start is not None and _EARLIEST.search(
                cell, max(0, start - _QUALIFIER_REACH), start):
            warnings.append(f'target date "{raw}" names the earliest date, not a deadline; '
                            "the date was kept")
        if qualifier and reading.start is not None and reading.start != reading.end:
            warnings.append(
                f'target date "{qualifier[0]}{span}" was read as the whole period'
            )
        dates.append(TargetDate(
            raw=raw, kind=reading.kind, start=reading.start, end=reading.end,
            offset_months=reading.offset_months, offset_weeks=reading.offset_weeks,
            anchor=reading.anchor,
        ))
    return dates, warnings


def find_dates(text: str) -> list[tuple[str, date | None]]:
    """Every exact (day-precise) date written in the text, as (text, date).

    The date is None when the text names an impossible day such as 31/02/2016, so callers
    can warn instead of dropping it silently.
    """
    cell = _clean(text or "")
    return [(cell[s:e].strip(), r.start if r.problem is None else None)
            for s, e, r in _scan(cell, _EXACT_RULES)]

