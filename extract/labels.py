"""What starts a list item in a cell: bullet glyphs and item labels ("a.", "ii)", "(3)").

One vocabulary for every place that has to recognise an item: PDF cell text (a line that
starts an item is a new paragraph), stitching (a cut cell whose rest starts an item is a new
line), text exports (inline bullets) and the action and milestone splitters.
"""

from __future__ import annotations

import regex

from dhrplan.extract.words import FUNCTION_WORDS, NAMES_IN_RUNNING_TEXT

BULLETS = "•▪◦●■□▫‣∙·➢✓\uf0b7\uf0a7\uf0d8\uf076"
"""Bullet glyphs, including the private-use Symbol/Wingdings code points Word exports."""
TICKS = "\u2713\u2714\u2611\u221a\u2705\uf0fc\uf0fe"
"""Tick glyphs, Word's Wingdings tick and ticked box (private-use U+F0FC, U+F0FE) among
them: "✓" is a bullet too, but a cell holding only a tick marks a tick column ("Achieved
(tick)") and keeps it."""
DASHES = "-–—"
"""Dashes act as bullets only at the start of a line and before a space."""

LABEL = r"\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)]"
"""An item label as printed: 1. 2) a. b) ii. (iv) A."""

ITEM_LABEL = regex.compile(rf"^{LABEL}$")
"""A whole word that is an item label."""

SUB_LABEL = r"\d{1,2}[a-z](?:[.)]\s*|\s+)(?=\p{Lu})"
"""An action numbered under its recommendation: "1a Map current training", "2b) Agree"."""

ITEM_START = regex.compile(rf"^(?:[{BULLETS}]|[{DASHES}]\s|{LABEL}\s|{SUB_LABEL})")
"""Text that starts with a bullet or a label."""

SUB_ITEM_START = regex.compile(rf"^{SUB_LABEL}")
"""A line that opens with an action's sub-number ("1b Agree framework")."""


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
