"""Recommendation numbers: "1)", "4.", "R3", "2.1", "Recommendation One", or a number column."""

from __future__ import annotations

import regex

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[\s\-](?:" + "|".join(_UNITS[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)
_NUM = r"(?:\d{1,3}(?:\.\d{1,2})*[a-z]?|" + _WORD + r")"

# A label at the start of recommendation text. The bare-number form needs ")", ":" or "."
# (not a decimal point) or a following capital, so "24-48 hours", "3 months" or "1.5 hours"
# are never read as numbers.
_LABEL = regex.compile(
    rf"""^\s*(?:
        (?:recommendation|rec\.?)\s*(?:no\.?\s*)?(?P<n>{_NUM})\b\s*[.:)\-–]?
      | (?P<r>R\s?\d{{1,3}}(?:\.\d{{1,2}})*)\b\s*[.:)\-–]?
      | \((?P<p>\d{{1,3}})\)
      | (?P<d>\d{{1,3}}(?:\.\d{{1,2}})*)(?:[.)](?!\d)|:|(?=\s+(?-i:\p{{Lu}})))
    )\s*""",
    regex.I | regex.X,
)
_CELL = regex.compile(
    rf"^\s*(?:(?:recommendation|rec\.?)\s*)?(?P<n>R?\s?{_NUM})\s*[.:)]?\s*$", regex.I
)


def _word_value(text: str) -> int | None:
    words = regex.split(r"[\s\-]+", text.lower())
    if len(words) == 1 and words[0] in _UNITS:
        return _UNITS.index(words[0])
    if words[0] in _TENS and all(w in _UNITS[1:10] for w in words[1:]):
        return _TENS[words[0]] + sum(_UNITS.index(w) for w in words[1:])
    return None


def clean_number(raw: str) -> str:
    """ "Two" -> "2", "Twenty-one" -> "21", "R 3" -> "R3", "4." -> "4"."""
    text = raw.strip().rstrip(".:)")
    value = _word_value(text)
    if value is not None:
        return str(value)
    text = text.replace(" ", "")
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
    raw = m.group("n") or m.group("r") or m.group("p") or m.group("d")
    return clean_number(raw), text[m.end() :].strip()
