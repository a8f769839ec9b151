"""The plan's own glossary: a two-column table of acronyms and what they stand for."""

from __future__ import annotations

import regex

from dhrplan.extract.model import Table
from dhrplan.extract.patterncache import compiled

_EXPANSION = compiled(r"\p{L}{2,}")
"""An expansion has words; a contents table's page numbers do not."""
_ACRONYM = compiled(r"^[\p{Lu}][\p{L}\d&/\-]{0,11}$")


def _is_acronym(text: str) -> bool:
    """ "SSP", "SomFT", "DA": short, one word, mostly capitals."""
    text = text.strip()
    if not _ACRONYM.match(text):
        return False
    capitals = sum(1 for ch in text if ch.isupper())
    return capitals >= 2 and capitals * 2 >= len(text)


def glossary_from_table(table: Table) -> dict[str, str] | None:
    """The table's acronym -> expansion pairs, or None when it is not a glossary. A wide
    glossary sets its pairs side by side ("Abbreviation | Meaning | Abbreviation | Meaning"):
    each couple of columns is read in turn, left to right, row by row."""
    width = len(table.header.cells)
    if width % 2 or not width:
        return None
    heads = [tuple(c.text.strip().lower() for c in table.header.cells[k:k + 2])
             for k in range(0, width, 2)]
    if width > 2 and (len(set(heads)) > 1 or _is_acronym(table.header.cells[0].text)):
        return None  # pairs side by side repeat their header; a plan table does not
    rows = [table.header, *table.rows]
    pairs = [
        (r.cells[c].text.strip(), " ".join(r.cells[c + 1].text.split()))
        for c in range(0, width, 2) for r in rows if c + 1 < len(r.cells)
    ]
    pairs = [(a, e) for a, e in pairs if a or e]  # the last row of pairs may be half empty
    header = {(table.header.cells[c].text.strip(), " ".join(table.header.cells[c + 1].text.split()))
              for c in range(0, width, 2)}
    pairs = [p for p in pairs if p not in header or _is_acronym(p[0])]  # "Acronym | Meaning"
    hits = [(a, e) for a, e in pairs if _is_acronym(a) and _EXPANSION.search(e)]
    if len(hits) < 2 or len(hits) * 10 < len(pairs) * 7:
        return None
    return dict(hits)


_GLOSSARY_HEADING = compiled(
    r"^\W*(?:glossary|abbreviations|acronyms|list\s+of\s+(?:abbreviations|acronyms)|key\s+to\s+"
    r"abbreviations|terms\s+used)\b(?:\s+(?:and|&)\s+\w+)?\W*$",
    regex.I,
)
_PAIR = compiled(
    r"^\s*(?P<a>[\p{Lu}][\p{L}\d&/\-]{0,11})\s*(?:[–—:=]|\s-\s|\t)\s*(?P<e>.+?)\s*$"
)


def glossary_from_paragraphs(paragraphs: list[str]) -> dict[str, str]:
    """ "ASC – Adult Social Care", "ICB: Integrated Care Board", "DAO = Domestic Abuse
    Officer": pairs in the paragraphs under an "Abbreviations" / "Glossary" / "Acronyms"
    heading, up to the first paragraph that is not one."""
    found: dict[str, str] = {}
    inside = False
    for text in paragraphs:
        for line in text.split("\n"):
            if _GLOSSARY_HEADING.match(line):
                inside = True
                continue
            if not inside:
                continue
            m = _PAIR.match(line)
            if m and _is_acronym(m["a"]) and _EXPANSION.search(m["e"]):
                found[m["a"]] = " ".join(m["e"].split())
            elif line.strip():
                inside = False
    return found
