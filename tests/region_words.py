"""The words a PDF prints inside a box, to check that a record's regions (and the review's
crops) are the places its text came from."""

from __future__ import annotations

import re
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
    with pdfplumber.open(pdf) as doc:
        for page_number, (x0, top, x1, bottom) in boxes:
            for word in doc.pages[page_number - 1].extract_words():
                xmid, ymid = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
                if x0 <= xmid <= x1 and top <= ymid <= bottom:
                    found.extend(words_of(word["text"]))
    return "".join(found)
