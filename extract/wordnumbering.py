"""Word automatic numbering: the labels Word draws before list paragraphs ("1)", "a.", "ii.",
bullets) from word/numbering.xml, which the paragraph text itself never contains.

A paragraph is numbered by its own `w:numPr` or by its style's; `w:num` instances point at an
`w:abstractNum` that defines each level's format and label pattern ("%1)", "%1.%2."), and
may restart a level (`w:startOverride`) where the instance is first used. Counters run per
abstract list, in document order, as Word counts them: instances of one list continue each
other, a level's counter goes up each time it is used and the deeper levels start again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from dhrplan.extract.labels import BULLETS, DASHES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{tag}"


def wval(element: etree._Element | None, attribute: str = "val") -> str | None:
    return None if element is None else element.get(w(attribute))


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    """`w:isLgl`: every number in the label is shown in decimal ("1.1", not "I.a")."""


_BULLET_GLYPHS = {"o": "◦", "§": "▪", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓"}
"""Symbol and Wingdings characters Word uses for bullets, as they look on the page; any other
private-use character (the Symbol bullet U+F0B7 first) is drawn as a round bullet."""

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa.. (the letter repeated)."""
    if n < 1:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(n)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def bullet_glyph(text: str) -> str:
    char = text.strip()[:1]
    if not char:
        return ""
    if char in _BULLET_GLYPHS:
        return _BULLET_GLYPHS[char]
    if "\ue000" <= char <= "\uf8ff" or char not in BULLETS + DASHES + "*":
        return "•"
    return char


def _level(lvl: etree._Element) -> Level:
    start = wval(lvl.find(w("start")))
    return Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=wval(lvl.find(w("numFmt"))) or "decimal",
        text=wval(lvl.find(w("lvlText"))) or "",
        legal=lvl.find(w("isLgl")) is not None,
    )


def _levels(parent: etree._Element) -> dict[int, Level]:
    found: dict[int, Level] = {}
    for lvl in parent.iter(w("lvl")):
        ilvl = wval(lvl, "ilvl")
        if ilvl and ilvl.isdigit():
            found[int(ilvl)] = _level(lvl)
    return found


_PLACEHOLDER = re.compile(r"%([1-9])")


def _follow_style_links(
    root: etree._Element, styles: etree._Element | None, abstract: dict[str | None, dict]
) -> None:
    """An abstract list defined by a list style (`w:numStyleLink`) has no levels of its own:
    they are those of the list the style's `w:numId` points at."""
    if styles is None:
        return
    style_num = {}
    for style in styles.iter(w("style")):
        num_id = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        if num_id is not None:
            style_num[wval(style, "styleId")] = wval(num_id)
    num_abstract = {
        wval(n, "numId"): wval(n.find(w("abstractNumId"))) for n in root.iter(w("num"))
    }
    for element in root.iter(w("abstractNum")):
        link = wval(element.find(w("numStyleLink")))
        aid = wval(element, "abstractNumId")
        if link and not abstract.get(aid):
            target = num_abstract.get(style_num.get(link))
            if target != aid:
                abstract[aid] = abstract.get(target, {})


@dataclass
class Numbering:
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    """Each `w:num` id's levels, overrides applied."""
    lists: dict[str, str] = field(default_factory=dict)
    """`w:num` id -> the abstract list it is an instance of; instances of one list share its
    counters (Word and LibreOffice write a continued list as a second instance)."""
    restarts: dict[str, set[int]] = field(default_factory=dict)
    """Levels a `w:num` restarts (`w:startOverride`) where it is first used."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    used: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def parse(
        cls, root: etree._Element | None, styles: etree._Element | None = None
    ) -> Numbering:
        if root is None:
            return cls()
        abstract = {
            wval(a, "abstractNumId"): _levels(a) for a in root.iter(w("abstractNum"))
        }
        _follow_style_links(root, styles, abstract)
        numbering = cls()
        for num in root.iter(w("num")):
            num_id = wval(num, "numId")
            abstract_id = wval(num.find(w("abstractNumId"))) or ""
            base = dict(abstract.get(abstract_id, {}))
            restarts: set[int] = set()
            for override in num.iter(w("lvlOverride")):
                ilvl = wval(override, "ilvl")
                if not (ilvl and ilvl.isdigit()):
                    continue
                level = _levels(override).get(int(ilvl), base.get(int(ilvl), Level()))
                start = wval(override.find(w("startOverride")))
                if start and start.isdigit():
                    level = Level(int(start), level.fmt, level.text, level.legal)
                    restarts.add(int(ilvl))
                base[int(ilvl)] = level
            if num_id is not None:
                numbering.levels[num_id] = base
                numbering.lists[num_id] = abstract_id
                numbering.restarts[num_id] = restarts
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list `num_id` at level `ilvl`; "" for none
        (numId 0 switches numbering off)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        level = levels[ilvl]
        if level.fmt == "bullet":
            return bullet_glyph(level.text)
        counters = self.counters.setdefault(self.lists[num_id], {})
        if ilvl in self.restarts[num_id] and (num_id, ilvl) not in self.used:
            counters.pop(ilvl, None)
        self.used.add((num_id, ilvl))
        for shallower in range(ilvl):
            # a list that starts at a deeper level counts its parents as used once
            counters.setdefault(shallower, levels.get(shallower, Level()).start)
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def number(m: re.Match[str]) -> str:
            at = int(m.group(1)) - 1
            shown = levels.get(at, Level())
            value = counters.get(at, shown.start)
            return format_number(value, "decimal" if level.legal else shown.fmt)

        return _PLACEHOLDER.sub(number, level.text).strip()
