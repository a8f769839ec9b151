"""English words, to tell a word a narrow column broke in two ("Recommendati" / "on") from
two words that happened to wrap there ("Safeguarding" / "adults").

The list is SCOWL's British English word list (Debian's wbritish, casefolded, possessives
dropped; the copyright notice is at the top of words.txt.gz). It is loaded the first time a
line ends full against its cell's edge, which most pages never ask.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


@cache
def english_words() -> frozenset[str]:
    data = resources.files("dhrplan.extract").joinpath("words.txt.gz").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))
