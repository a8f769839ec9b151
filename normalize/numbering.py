"""Recommendation numbers: "1)", "4.", "R3", "2.1", "Recommendation One", or a number column."""

from __future__ import annotations

import regex

_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
WORD_NUMBERS = {w: i for i, w in enumerate(_WORDS)}
_NUM = r"(?:\d{1,3}(?:\.\d{1,2})*|" + "|".join(_WORDS) + r")"

# A label at the start of recommendation text. The bare-number form needs ")" or "." or a
# following capital so "24-48 hours" or "3 months" are never read as numbers.
_LABEL = regex.compile(
    rf"""^\s*(?:
        (?:recommendation|rec\.?)\s*(?:no\.?\s*)?(?P<n>{_NUM})\b\s*[.:)\-–]?
      | (?P<r>R\s?\d{{1,3}}(?:\.\d{{1,2}})*)\b\s*[.:)\-–]?
      | (?P<d>\d{{1,3}}(?:\.\d{{1,2}})*)(?:[.)]|(?=\s+(?-i:\p{{Lu}})))
    )\s*""",
    regex.I | regex.X,
)
_CELL = regex.compile(
    rf"^\s*(?:(?:recommendation|rec\.?)\s*)?(?P<n>R?\s?{_NUM})\s*[.:)]?\s*$", regex.I
)


def clean_number(raw: str) -> str:
    """ "Two" -> "2", "R 3" -> "R3", "4." -> "4"."""
    text = raw.strip().rstrip(".:)").replace(" ", "")
    word = WORD_NUMBERS.get(text.lower())
    if word is not None:
        return str(word)
    return text.upper() if text[:1] in "rR" else text


def number_cell(text: str) -> str | None:
    """The number in a number column ("1", "<b>4.</b>", "R3"), or None."""
    m = _CELL.match(text)
    return clean_number(m.group("n")) if m else None


def split_label(text: str) -> tuple[str | None, str]:
    """(number, text without its label) for recommendation text that starts with a label."""
    m = _LABEL.match(text)
    if not m:
        return None, text.strip()
    raw = m.group("n") or m.group("r") or m.group("d")
    return clean_number(raw), text[m.end() :].strip()
