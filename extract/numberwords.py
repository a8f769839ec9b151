"""Numbers written as words, zero to fifty-nine: "Six", "twelve", "Twenty-one", "fifty two".

Shared by recommendation numbering ("Recommendation Twelve") and relative target dates
("within six months").  `NUMBER_WORD` is a regex fragment (no flags of its own: callers
compile it case-insensitively); `word_value` turns a match into its value.
"""

from __future__ import annotations

import regex

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

# Tens first, with an optional unit ("twenty-one", "twenty one"); longer units before their
# prefixes ("seventeen" before "seven").
NUMBER_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[\s\-](?:" + "|".join(_UNITS[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)


def word_value(text: str) -> int | None:
    """29 for "Twenty-nine" or "twenty nine"; None for anything that is not a number word."""
    words = regex.split(r"[\s\-]+", text.strip().lower())
    if len(words) == 1 and words[0] in _UNITS:
        return _UNITS.index(words[0])
    if words[0] in _TENS and len(words) <= 2 and all(w in _UNITS[1:10] for w in words[1:]):
        return _TENS[words[0]] + sum(_UNITS.index(w) for w in words[1:])
    return None
