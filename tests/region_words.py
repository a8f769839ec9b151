"""The words a PDF prints inside a box, to check that a record's regions (and the review's
crops) are the places its text came from."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pdfplumber

_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def words_in_boxes(pdf: Path, boxes: list[tuple[int, list[float]]]) -> str:
    """The words whose centre lies in any of the (page, [x0, top, x1, bottom]) boxes, lower
    case, run together without spaces or punctuation, so that a word the PDF hyphenated at a
    line end ("assess-" / "ments") is found whole."""
    found: list[str] = []
    for page_number, (x0, top, x1, bottom) in boxes:
        for text, xmid, ymid in _page_words(pdf)[page_number - 1]:
            if x0 <= xmid <= x1 and top <= ymid <= bottom:
                found.extend(words_of(text))
    return "".join(found)


@cache
def _page_words(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Each page's words with their centres, read once per file."""
    with pdfplumber.open(pdf) as doc:
        return [[(w["text"], (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2)
                 for w in page.extract_words()] for page in doc.pages]
