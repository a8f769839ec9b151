"""What starts a list item in a cell: bullet glyphs and item labels ("a.", "ii)", "(3)").

One vocabulary for every place that has to recognise an item: PDF cell text (a line that
starts an item is a new paragraph), stitching (a cut cell whose rest starts an item is a new
line), text exports (inline bullets) and the action and milestone splitters.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from dhrplan.extract.patterncache import compiled
from dhrplan.extract.words import FUNCTION_WORDS, NAMES_IN_RUNNING_TEXT

BULLETS = "•▪◦●■□▫‣∙·➢✓\uf0b7\uf0a7\uf0d8\uf076"
"""Bullet glyphs, including the private-use Symbol/Wingdings code points Word exports."""
TICKS = "\u2713\u2714\u2611\u221a\u2705\uf0fc\uf0fe"
"""Tick glyphs, Word's Wingdings tick and ticked box (private-use U+F0FC, U+F0FE) among
them: "✓" is a bullet too, but a cell holding only a tick marks a tick column ("Achieved
(tick)") and keeps it."""
DASHES = "-–—"
"""Dashes act as bullets only at the start of a line and before a space."""
SPACED_BULLETS = DASHES + "*+"
"""Marks that are bullets only before a space: dashes, and the list marks of text exports."""

_LABEL_BODY = r"\d{1,2}|[a-zA-Z]|[ivx]{1,5}|[IVX]{1,5}"
LABEL = rf"\(?(?:{_LABEL_BODY})[.)]"
"""An item label as printed: 1. 2) a. b) ii. (iv) A."""

ITEM_LABEL = compiled(rf"^{LABEL}$")
"""A whole word that is an item label."""

_SUB_NUMBER = r"\d{1,2}(?:[a-z]|\.\d{1,2})"
SUB_LABEL = rf"{_SUB_NUMBER}(?:[.)]\s*|\s+)(?=\p{{Lu}})"
"""An action numbered under its recommendation: "1a Map current training", "2b) Agree",
"1.2 Publish the strategy" (before a capital, so "2.5 hours" is no label)."""

BRACKETED_SUB = r"\((?:[ivx]{1,4}|[a-z])\)"
"""A sub-item number in brackets after its parent's: "2 (i)", "4(ii)", "3(b)"."""

ITEM_START = compiled(rf"^(?:[{BULLETS}]|[{SPACED_BULLETS}]\s|{LABEL}\s|{SUB_LABEL})")
"""Text that starts with a bullet or a label."""

SUB_ITEM_START = compiled(rf"^{SUB_LABEL}")
"""A line that opens with an action's sub-number ("1b Agree framework")."""

_MARKER = compiled(
    rf"""^(?:
        (?P<bullet>[{BULLETS}]|[{SPACED_BULLETS}](?=\s))\s*
      | \(?(?P<label>{_LABEL_BODY})[.)](?:\s+|$)
      | (?P<sub>{_SUB_NUMBER})(?:[.)]\s*|\s+)(?=\p{{Lu}})
      | (?P<number>\d{{1,2}})\s+(?=\p{{Lu}})
    )""",
    regex.X,
)
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


@dataclass(frozen=True)
class Marker:
    """What opens a paragraph as an item: its label ("b", "ii", "3", "1a"; None for a
    bullet) and where the item's own text starts."""

    label: str | None
    end: int


def leading_marker(paragraph: str) -> Marker | None:
    """The bullet or label a paragraph opens with. At a paragraph's start a bare number
    before a capital counts too ("2 SSP to review"), as Word's list numbering exports it."""
    m = _MARKER.match(paragraph)
    if not m:
        return None
    return Marker(m.group("label") or m.group("sub") or m.group("number"), m.end())


def successor(label: str) -> str | None:
    """The label the next item of the same list carries: a->b, ii->iii, 2->3."""
    low = label.lower()
    head, dot, tail = low.rpartition(".")
    if dot and head.isdigit() and tail.isdigit():
        return f"{head}.{int(tail) + 1}"  # "1.1" -> "1.2"
    if low.isdigit():
        return str(int(low) + 1)
    if low in _ROMAN[:-1]:
        nxt = _ROMAN[_ROMAN.index(low) + 1]
        return nxt if label.islower() else nxt.upper()
    if len(low) == 1 and low < "z":
        return chr(ord(label) + 1)
    return None


def inline_label(label: str, text: str) -> tuple[int, int] | None:
    """Where item ``label`` opens inside running text whose breaks were lost: after a
    sentence end, as "b." / "(b)" / "b)", or a bare number before a capital
    ("...MARAC. 2 SSP to review"), as at a paragraph start. Returns the span to cut."""
    key = regex.escape(label)
    m = regex.search(
        rf"(?<=[.;:!?])\s+(?:\(?{key}[.)](?:\s+(?=\S)|\s*$)|{key}\s+(?=\p{{Lu}}))", text
    )
    return (m.start(), m.end()) if m else None


def is_bullet(char: str) -> bool:
    return char in BULLETS or char in DASHES


def opens_labelled(last: str, word: str) -> bool:
    """ "Ownership: Safer Somerset Partnership" after a finished sentence ("...abuse."): a
    label that opens a paragraph of its own (the page sets it in bold; a text export shows
    only the colon)."""
    return (
        len(word) > 2
        and word[-1] in ":;"
        and word[0].isupper()
        and word[1:-1].isalpha()
        and last[-1:] in (".", "!", "?")
    )


def opens_item(last: str, word: str) -> bool:
    """A capitalised common word after a lower-case content word: the next item of a list
    whose line break was lost ("...proactive approach" / "Briefing to be approved",
    "Ratify new procedures" / "Publicise new procedures"). Mid-sentence, a capital after
    such a word is rare."""
    core = word[1:].replace("-", "")
    return (
        last.replace("-", "").isalpha()  # "re-launched" / "Agency leads named"
        and last.islower()
        and last not in FUNCTION_WORDS
        and len(word) > 1
        and word[0].isupper()
        and core.isalpha()
        and core.islower()
        and word.casefold() not in NAMES_IN_RUNNING_TEXT
    )
