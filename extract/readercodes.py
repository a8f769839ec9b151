"""The stable codes of readers' document-level messages (output/plan.schema.json), told by
how each message starts, so that a reader's notes stay plain strings in the model."""

from __future__ import annotations

from dhrplan.extract.tags import warning_code

LAYOUT_TEXT = "layout_text"
"""A text export laid out as pages (`pdftotext -layout`) whose tables' rows or columns could
not all be told from the text."""
LAYOUT_MESSAGE = "layout text"
"""How the layout-text reader's such messages start (extract/layouttext.py)."""


def message_code(message: str) -> str:
    """`LAYOUT_TEXT` for what the layout-text reader is unsure of; the tagged-PDF reader's
    codes (`tags.warning_code`) for the rest."""
    return LAYOUT_TEXT if message.startswith(LAYOUT_MESSAGE) else warning_code(message)
