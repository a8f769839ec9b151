"""Running headers and footers: lines that repeat, digits aside, on most pages ("Page 3 of
12"). A PDF shows them in the margins; a text export has them between the tables of two
pages, where they would otherwise cut a table in two."""

from __future__ import annotations

import math

from dhrplan.extract.patterncache import compiled

DIGITS = compiled(r"\d+")


def running_key(text: str) -> str:
    """The line with its numbers blanked: "Page 3 of 12" and "Page 4 of 12" are alike."""
    return DIGITS.sub("#", " ".join(text.split()).casefold())


def running_threshold(pages: int) -> int:
    """On how many pages a line must repeat to be a running header or footer."""
    return max(2, math.ceil(pages / 2))


PAGE_NUMBER = compiled(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$")
"""A page-number line ("Page 3 of 12", "3/12", "3") once `running_key` has blanked it."""
