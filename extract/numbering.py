"""Recommendation numbers: "1)", "4.", "R3", "2.1", "Recommendation One", or a number column."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from dhrplan.extract.labels import BRACKETED_SUB
from dhrplan.extract.model import Heading, TableFragment
from dhrplan.extract.numberwords import NUMBER_WORD, word_value
from dhrplan.extract.patterncache import compiled

_NUM = r"(?:\d{1,3}(?:\.\d{1,2})*[a-z]?|" + NUMBER_WORD + r")"

_CODE = (
    r"(?-i:[A-Z]{1,6}\d{1,3}(?:[./\-][A-Z]{0,6}\d{1,3})*"
    r"|(?:[A-Z]{1,6}/)+[A-Z]{0,6}\d{1,3}(?:[./][A-Z]{0,6}\d{1,3})*)"
)
"""A coded reference: "MA1", "DHR17/R3", "PROVUL8.5", "NP/DHR3/2"."""
_SUB = rf"(?:\s*{BRACKETED_SUB})?"
"""A sub-item in brackets: "2 (i)", "4(ii)"."""
# A label at the start of recommendation text. The bare-number form needs ")", ":" or "."
# (not a decimal point) or a following capital, so "24-48 hours", "3 months" or "1.5 hours"
# are never read as numbers; it may carry a sub-item ("2 (i) The Police should ..."). The
# word "Recommendation" may follow the initials of the body that made it ("DHR
# Recommendation 1:", "HMIC Recommendation 4 –").
_LABEL = compiled(
    rf"""^\s*(?:
        (?:(?-i:[A-Z]{{2,6}})\s+)?(?:recommendation|rec\.?)\s*(?:no\.?\s*)?(?P<n>{_NUM})\b
        \s*[.:)\-–]?
      | (?P<r>R\s?\d{{1,3}}(?:\.\d{{1,2}})*)\b\s*[.:)\-–]?
      | \((?P<p>\d{{1,3}})\)
      | (?P<d>\d{{1,3}}(?:\.\d{{1,2}})*{_SUB})(?:[.)](?!\d)|:|(?=\s+(?-i:\p{{Lu}})))
      | (?P<c>{_CODE})(?:\s*[.:)\-–]|(?=\s+(?-i:\p{{Lu}})))
    )\s*""",
    regex.I | regex.X,
)
_CELL = compiled(
    rf"^\s*(?:(?:recommendation|rec\.?)\s*)?(?P<n>(?:R?\s?{_NUM}|{_CODE}){_SUB})\s*[.:)]?\s*$",
    regex.I,
)


def clean_number(raw: str) -> str:
    """ "Two" -> "2", "Twenty-one" -> "21", "R 3" -> "R3", "4." -> "4"."""
    text = raw.strip().rstrip(".:")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(".:")
    value = word_value(text)
    if value is not None:
        return str(value)
    text = text.replace(" ", "")
    return text.upper() if text[:1] in "rR" and text[1:2].isdigit() else text


def number_cell(text: str) -> str | None:
    """The number in a number column ("1", "4.", "R3", "Six"), or None."""
    m = _CELL.match(text)
    return clean_number(m.group("n")) if m else None


def split_label(text: str) -> tuple[str | None, str]:
    """(number, text without its label) for recommendation text that starts with a label."""
    m = _LABEL.match(text)
    if not m:
        return None, text.strip()
    raw = m.group("n") or m.group("r") or m.group("p") or m.group("d") or m.group("c")
    return clean_number(raw), text[m.end() :].strip()


_RECOMMENDATION_WORD = compiled(r"^\s*(?:recommendation|rec\.?)\s*(?:no\.?\s*)?\S", regex.I)


def recommendation_heading(text: str) -> tuple[str, str] | None:
    """(number, text after it) for a line that opens a recommendation written as running
    text: "Recommendation 1", "Recommendation 4: The CSP should ...", "Recommendation One";
    None for anything else, a bare "1." included (numbered paragraphs are everywhere)."""
    if not _RECOMMENDATION_WORD.match(text):
        return None
    number, rest = split_label(text)
    return (number, rest) if number is not None else None


RECOMMENDATIONS_HEADING = compiled(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:the\s+)?(?:review'?s\s+|panel'?s\s+)?recommendations?"
    r"(?:\s+(?:of|from|made\s+by)\s+the\s+(?:review|panel|dhr))?\W*$",
    regex.I,
)
"""A heading that says only "Recommendations" ("3. Recommendations", "The review's
recommendations"): it names no section, and may head a numbered list of them."""
NUMBERED_ITEM = compiled(r"^\s*\(?(?P<n>\d{1,3})[.)]\s+(?P<rest>\S.*)$", regex.S)
"""A numbered paragraph or list item ("1. The CSP should ...", "(2) Police to ...")."""


def holds_recommendations(blocks: Iterable[object]) -> bool:
    """A document worth reading: a table, or recommendations as running text ("Recommendation
    1" headings, or a numbered list under a "Recommendations" heading). Readers refuse
    anything else as not an action plan."""
    listing = False
    for b in blocks:
        if isinstance(b, TableFragment):
            return True
        if not isinstance(b, Heading):
            continue
        if recommendation_heading(b.text) is not None:
            return True
        if b.bold and RECOMMENDATIONS_HEADING.match(b.text):
            listing = True
        elif listing and NUMBERED_ITEM.match(b.text):
            return True
    return False


def label_only(text: str) -> str | None:
    """The number of a line that is only a label ("Recommendation 3", "Rec 3:"): a heading
    or field label that numbers what follows it, not the start of its text."""
    number, rest = split_label(" ".join(text.split()))
    return number if number is not None and not rest.strip(" :.-\u2013") else None
