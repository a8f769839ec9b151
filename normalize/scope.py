"""Read the "Scope" cell into a typed `Scope`: which of local, regional, national apply.

Plans write "Local", "National and Local?", "Local (Somerset county)" or only
"(Somerset county)".  Levels come from the level words and from words that name a kind of
place: a county, district, borough, city, town or parish is local; England, Wales,
Scotland, Northern Ireland, the UK or the Home Office is national; a region, an English
compass region, London as a whole or the (South West) peninsula is regional; "not local",
"non-local", "not national" name no level.  A bare place name
such as "Somerset" is not recognised (there is no gazetteer here), so a cell with no such
word gives no levels; the text is always kept in `raw`, question marks included.
"""

from __future__ import annotations

import regex

from dhrplan.extract.patterncache import compiled

from .record import LEVELS, Scope

_FLAGS = regex.IGNORECASE | regex.VERBOSE

_LEVEL_WORDS = {
    "local": compiled(
        r"""(?<!\bnot\s+)\blocal(?:ly)?\b | \b(?:county|district|borough|city|town|parish)\b
          | \bcounty[\s\-]?wide\b""", _FLAGS),
    "regional": compiled(
        r"""\bregion(?:al|ally|s)?\b | \b(?:north|south)[\s\-]?(?:east|west)\b
          | \b(?:east|west)\s+midlands\b | \bpan[\s\-]?london\b | \blondon[\s\-]?wide\b
          | \bpeninsula\b""", _FLAGS),
    "national": compiled(
        r"""\bnational(?:ly)?\b | \bnation[\s\-]?wide\b | \bUK\b | \bUnited\s+Kingdom\b
          | \bEngland\b | \bWales\b | \bScotland\b | \bNorthern\s+Ireland\b
          | \bGreat\s+Britain\b | \bHome\s+Office\b""", _FLAGS),
}


def parse_scope(text: str) -> Scope | None:
    """Levels named by one scope cell, in the order local, regional, national; None if empty."""
    raw = " ".join((text or "").split())  # one line: extract/ has already removed markup
    if not raw:
        return None
    levels = [lvl for lvl in LEVELS if any(
        not _NOT.search(raw, max(0, m.start() - 8), m.start())
        for m in _LEVEL_WORDS[lvl].finditer(raw))]
    if not levels and _PLACE_WIDE.search(raw) and not _BODY_WIDE.search(raw):
        levels = ["local"]  # "Cumbria wide", "Pan-Dorset": across a local area
    return Scope(raw=raw, levels=levels)


_NOT = compiled(r"\b(?:not|non)[\s\-]*$", regex.I)
"""Right before a level word, a negation ("Not national", "Non-local", "Local (not
regional)"): that level does not apply."""


_REACH_END = compiled(
    r"(?:wide|local|regional|national|district|county|borough|city|region)$", regex.I)
_PLACE_WIDE = compiled(
    r"^\p{Lu}[\w'.]*(?:\s\p{Lu}[\w'.]*)?[\s\-]wide$|^(?i:pan)[\s\-]\p{Lu}[\w'.]*(?:\s\p{Lu}[\w'.]*)?$")
"""A place, then "wide" ("Cumbria wide", "Kent-wide"), or "Pan-" and a place ("Pan-Dorset"):
a reach across a local area; the national and regional places ("UK wide", "Pan-London")
are read by their level words first."""
_BODY_WIDE = compiled(
    r"^(?:force|trust|organi[sz]ation|agency|service|system|workforce|staff|team|board)\b",
    regex.I)
"""An organisation, then "wide" ("Force-wide", "Trust-wide"): the whole of one agency, which
is no place's level."""
_DASH = compiled(r"\s+[\-–—]\s+")


def reach_of(section: str | None) -> Scope | None:
    """The reach a theme heading ends with ("Theme 2 – Processes – Countywide", "Theme 3 –
    Training – Fellside district"): the scope of its recommendations where the plan has no
    scope column. The last dash-separated part must be short and end in a word of reach, so
    an agency named at the end ("Part 2 – Somerset County Council") is no reach."""
    parts = _DASH.split(section or "")
    if len(parts) < 2:
        return None
    reach = parts[-1].strip()
    if len(reach.split()) > 3 or not _REACH_END.search(reach):
        return None
    scope = parse_scope(reach)  # "Cumbria wide" is local there too
    return scope if scope and scope.levels else None
