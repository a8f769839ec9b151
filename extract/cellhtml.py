"""HTML inside a text-export cell to plain cell text.

Exporters put Word paragraphs as <p>, list items as <li> and line breaks as <br>; those become
"\n". A bullet character in running text ("audits address: • Clarity • Rationale") also starts
a paragraph, because that is what it was before the export flattened it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from dhrplan.extract.labels import BULLETS
from dhrplan.extract.model import Cell

_BLOCK_TAGS = {"p", "br", "li", "ul", "ol", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD_TAGS = {"b", "strong"}
_INLINE_BULLET = re.compile(rf"\s*[{BULLETS}]\s*")
_MD_BOLD = re.compile(r"\*\*([^*]+)\*\*|__([^_]+)__")


class _CellParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.bold_depth = 0
        self.bold_chars = 0
        self.plain_chars = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag in _BOLD_TAGS:
            self.bold_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag in _BOLD_TAGS and self.bold_depth:
            self.bold_depth -= 1

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        visible = len(data.strip())
        if self.bold_depth:
            self.bold_chars += visible
        else:
            self.plain_chars += visible


def tidy(text: str) -> str:
    """Collapse spaces inside paragraphs, drop empty paragraphs, split inline bullets."""
    # a lone "\r" is a line break too (tabula writes cells' lines so)
    text = text.replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for para in text.split("\n"):
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
    if "<" not in raw and "&" not in raw:
        text = tidy(raw)
        return Cell(text, bold=bold_md and bool(text))
    parser = _CellParser()
    parser.feed(raw)
    parser.close()
    text = tidy("".join(parser.parts))
    bold = bool(text) and (bold_md or (parser.bold_chars > 0 and parser.plain_chars == 0))
    return Cell(text, bold=bold)
