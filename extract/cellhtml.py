"""HTML inside a text-export cell to plain cell text.

Exporters put Word paragraphs as <p>, list items as <li> and line breaks as <br>; those become
"\n": the markup is parsed by the one HTML parser (`htmlparse.py`) and read as a browser shows
it. A bullet character in running text ("audits address: • Clarity • Rationale") also starts a
paragraph, because that is what it was before the export flattened it.
"""

from __future__ import annotations

import re

from dhrplan.extract.htmlparse import parse_fragment, render
from dhrplan.extract.labels import BULLETS, TICKS
from dhrplan.extract.model import Cell

_INLINE_BULLET = re.compile(rf"\s*[{BULLETS}]\s*")
_TICK_ONLY = re.compile(rf"^\s*[{TICKS}]\s*$")
_MARKUP = re.compile(r"<[a-zA-Z/!]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
"""A tag or an entity: what makes a cell HTML rather than text with a "<" or "&" in it."""
_MD_BOLD = re.compile(r"\*\*([^*]+)\*\*|__([^_]+)__")


def tidy(text: str) -> str:
    """Collapse spaces inside paragraphs, drop empty paragraphs, split inline bullets."""
    # a lone "\r" is a line break too (tabula writes cells' lines so)
    text = text.replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for para in text.split("\n"):
        if _TICK_ONLY.match(para):
            paragraphs.append(para.strip())  # a tick column's mark (labels.TICKS)
            continue
        for i, piece in enumerate(_INLINE_BULLET.split(para)):
            words = " ".join(piece.split())
            if words:
                paragraphs.append(f"• {words}" if i else words)
    return "\n".join(paragraphs)


_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
"""Markdown escapes punctuation that would start syntax: "1\\." is "1."."""


def cell_from_markup(raw: str) -> Cell:
    """A cell from exported markup: HTML tags, entities and markdown bold all allowed."""
    raw = _MD_ESCAPE.sub(r"\1", raw)
    bold_md = bool(_MD_BOLD.fullmatch(raw.strip()))
    raw = _MD_BOLD.sub(lambda m: m.group(1) or m.group(2), raw)
    if not _MARKUP.search(raw):
        text = tidy(raw)  # "Health & Wellbeing Board" is text, not markup
        return Cell(text, bold=bold_md and bool(text))
    rendered = render(parse_fragment(raw))
    text = tidy(rendered.text)
    return Cell(text, bold=bool(text) and (bold_md or rendered.bold))
