"""What HTML producers write for a browser to draw by rules the one HTML parser
(`htmlparse.py`) does not apply, turned into the plain markup it reads: Google Docs'
class-only styles, Word's list markers.

Both run on a parsed page before `html.py` reads it; neither needs a CSS engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dhrplan.extract.htmlparse import BLOCK_TAGS, PROPERTY_START, HtmlElement, tag_of
from dhrplan.extract.wordnumbering import bullet_glyph

_CLASS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_NOISE = re.compile(r"/\*.*?\*/|<!--|-->|@import[^;]*;", re.S)
_AT_BLOCK = re.compile(r"@[a-z-]+[^{};]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.I)
"""`@media print{...}`, `@supports`: rules that hold only sometimes, never applied."""


def apply_class_styles(page: HtmlElement) -> None:
    """Write the page's style rules into the `style` of the elements they select, so that
    bold and fills read from `style` see them, as Google Docs exports every style as a class
    rule: one class (`.c5{background-color:#00b050}`), several (`.c1.c2`), a tag with classes
    (`td.c3`, `p.c4`) and descendants or children of those (`table td.c3`, `p.c4 span`,
    `.c7 > span`). Rules apply in CSS's order, by specificity, then the later over the
    earlier, and the element's own style over all. Selectors with anything else (`li:before`,
    `[dir=rtl]`, `a + b`) are not applied, nor rules inside `@media`; a rule that is more than
    one class gives only bold and fills (`ul.lst-kix_a-0{list-style-type:none}` goes with
    markers drawn by a `:before` rule, which is not applied: applied alone, it would drop
    them)."""
    rules: list[_Rule] = []
    for sheet in page.iter("style"):
        css = _AT_BLOCK.sub("", _CSS_NOISE.sub("", sheet.text_content()))
        for selectors, body in _CLASS_RULE.findall(css):
            declarations = _declarations(body)
            for selector in selectors.split(","):
                parsed = _selector(selector)
                if parsed is None or not declarations:
                    continue
                kept = declarations if _one_class(parsed) else [
                    (k, v) for k, v in declarations if k in _COMPOUND_PROPERTIES]
                if kept:
                    rules.append(_Rule(parsed, _specificity(parsed), len(rules), kept))
    if not rules:
        return
    by_key: dict[str, list[_Rule]] = {}
    for rule in rules:
        by_key.setdefault(_key(rule.parts[-1][1]), []).append(rule)
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        keys = {"*", tag_of(element), *(f".{c}" for c in element.get("class", "").split())}
        if element.get("id"):
            keys.add(f"#{element.get('id')}")
        matched = [rule for key in keys for rule in by_key.get(key, ())
                   if _matches(element, rule.parts, len(rule.parts) - 1)]
        if not matched:
            continue
        merged: dict[str, str] = {}
        for rule in sorted(matched, key=lambda r: (r.specificity, r.order)):
            merged.update(rule.declarations)
        merged.update(_declarations(element.get("style", "")))
        element.set("style", ";".join(f"{k}:{v}" for k, v in merged.items()))


@dataclass(frozen=True)
class _Compound:
    """One compound selector: a tag (or any), classes, an id."""

    tag: str | None
    classes: tuple[str, ...]
    id: str | None


@dataclass(frozen=True)
class _Rule:
    parts: tuple[tuple[str, _Compound], ...]
    """(combinator before it: " " descendant, ">" child, "" for the first), left to right."""
    specificity: tuple[int, int, int]
    order: int
    declarations: list[tuple[str, str]]


_COMPOUND = re.compile(r"(?P<tag>[A-Za-z][\w-]*|\*)?(?P<rest>(?:[.#][A-Za-z_][\w-]*)*)")
_NAME = re.compile(r"([.#])([A-Za-z_][\w-]*)")
_COMPOUND_PROPERTIES = frozenset({"font-weight", "background", "background-color"})
"""What a rule of more than one class may set: bold and fills, which the readers use."""


def _selector(text: str) -> tuple[tuple[str, _Compound], ...] | None:
    """A selector of compounds joined by descendant or child combinators, or None."""
    tokens = re.findall(r"\s*>\s*|\s+|[^\s>]+", text.strip())
    parts: list[tuple[str, _Compound]] = []
    combinator = ""
    for token in tokens:
        if not token.strip():
            combinator = combinator or " "
            continue
        if token.strip() == ">":
            combinator = ">"
            continue
        m = _COMPOUND.fullmatch(token)
        if m is None or not token:
            return None
        names = _NAME.findall(m["rest"] or "")
        ids = [n for kind, n in names if kind == "#"]
        tag = m["tag"]
        compound = _Compound(None if tag in (None, "*") else tag.lower(),
                             tuple(n for kind, n in names if kind == "."),
                             ids[0] if len(ids) == 1 else None)
        if len(ids) > 1 or (compound.tag is None and not compound.classes and not ids
                            and tag != "*"):
            return None
        if parts and not combinator:
            return None
        parts.append((combinator if parts else "", compound))
        combinator = ""
    return tuple(parts) if parts else None


def _one_class(parts: tuple[tuple[str, _Compound], ...]) -> bool:
    compound = parts[0][1]
    return len(parts) == 1 and compound.tag is None and compound.id is None \
        and len(compound.classes) == 1


def _specificity(parts: tuple[tuple[str, _Compound], ...]) -> tuple[int, int, int]:
    return (sum(c.id is not None for _, c in parts), sum(len(c.classes) for _, c in parts),
            sum(c.tag is not None for _, c in parts))


def _key(compound: _Compound) -> str:
    """The index a rule is found by: its last compound's id, first class, or tag."""
    if compound.id:
        return f"#{compound.id}"
    if compound.classes:
        return f".{compound.classes[0]}"
    return compound.tag or "*"


def _fits(element: HtmlElement, compound: _Compound) -> bool:
    if compound.tag is not None and tag_of(element) != compound.tag:
        return False
    if compound.id is not None and element.get("id") != compound.id:
        return False
    classes = set(element.get("class", "").split())
    return all(c in classes for c in compound.classes)


def _matches(element: HtmlElement, parts: tuple[tuple[str, _Compound], ...], i: int) -> bool:
    """Whether `element` is selected by `parts[: i + 1]` (its last compound first)."""
    combinator, compound = parts[i]
    if not _fits(element, compound):
        return False
    if i == 0:
        return True
    parent = element.getparent()
    if combinator == ">":
        return parent is not None and _matches(parent, parts, i - 1)
    for ancestor in element.iterancestors():
        if isinstance(ancestor.tag, str) and _matches(ancestor, parts, i - 1):
            return True
    return False


def _declarations(body: str) -> list[tuple[str, str]]:
    """(property, value) pairs of a CSS declaration block, names lower-cased."""
    pairs = []
    for declaration in body.split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip() and value.strip():
            pairs.append((name.strip().lower(), value.strip()))
    return pairs


_WORD_MARKER_PAD = re.compile(rf"{PROPERTY_START}font\s*:\s*7(?:\.0)?pt", re.I)
"""Word's padding after a list marker: `<span style='font:7.0pt "Times New Roman"'>` of
non-breaking spaces, in "Save as Web Page" and "Web Page, Filtered" alike."""
_SPACE = " \xa0\t\r\n"
MAX_MARKER = 8
"""Word's list markers are a glyph or a label ("1.", "iii)", "1.2.3"); more is text."""


def word_list_markers(page: HtmlElement) -> None:
    """Word writes a list's marker as text at the start of the paragraph, followed by its 7pt
    padding span. A bullet is one character of its Symbol, Wingdings or Courier New font ("·",
    "§", "Ø", "o", U+F0B7), drawn as the .docx reader draws it (`wordnumbering.bullet_glyph`),
    so that "o Text" is a sub-bullet, not a word; a label ("1.", "a)", "1.2", even a bare "1")
    is kept as written."""
    for pad in page.iter("span"):
        if not _WORD_MARKER_PAD.search(pad.get("style", "")) or pad.text_content().strip(
            _SPACE
        ):
            continue
        holder = pad.getparent()
        if holder is None or holder.index(pad) != 0:
            continue
        marker = (holder.text or "").strip(_SPACE)
        if not marker or len(marker) > MAX_MARKER or not _starts_paragraph(holder):
            continue
        if len(marker) == 1 and not marker.isdigit() and (
            not marker.isalnum() or marker == "o" or _in_symbol_font(holder)
        ):
            holder.text = bullet_glyph(marker)


_SYMBOL_FONT = re.compile(
    rf"{PROPERTY_START}font-family\s*:\s*[\"']?(?:Symbol|Wingdings|Webdings)", re.I
)
"""Fonts whose characters are pictures: Wingdings' "Ø" is an arrow bullet, not a letter."""


def _in_symbol_font(element: HtmlElement) -> bool:
    for node in (element, *element.iterancestors()):
        if _SYMBOL_FONT.search(node.get("style", "")):
            return True
        if tag_of(node) in BLOCK_TAGS:
            return False
    return False


def _starts_paragraph(element: HtmlElement) -> bool:
    """Nothing is written before the element in its paragraph (its nearest block)."""
    ancestors = list(element.iterancestors())
    block = next((a for a in ancestors if tag_of(a) in BLOCK_TAGS), None)
    if block is None:
        return False
    before: list[str] = []
    for node in block.iter():
        if node is element:
            break
        if isinstance(node.tag, str):
            before.append(node.text or "")
        if node not in ancestors:
            before.append(node.tail or "")
    return not "".join(before).strip(_SPACE)


_COMMENT_ANCHOR = "[starts-with(@href, '#cmnt') or starts-with(@href, '#_msocom_')]"


def drop_comments(page: HtmlElement) -> None:
    """Reviewers' comments are not the document (the .docx reader ignores them too): Google
    Docs marks them `<sup><a href="#cmnt1">[a]</a></sup>` in the text and lists them at the end
    in `<div>`s opened by `<a href="#cmnt_ref1">`; Word writes `<a href="#_msocom_1">[A1]</a>`
    and a `<div style='mso-element:comment-list'>` ("Web Page, Filtered": `class=msocomtxt`)."""
    doomed = [
        *page.xpath(f"//sup[a{_COMMENT_ANCHOR}]"),
        *page.xpath(f"//a{_COMMENT_ANCHOR}[not(parent::sup)]"),
        *page.xpath("//div[.//a[starts-with(@href, '#cmnt_ref')]]"
                    "[not(.//table)][not(ancestor::td)]"),
        *page.xpath("//div[contains(translate(@style, ' ', ''), 'mso-element:comment-list')]"),
        *page.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' msocomtxt ')]"
                    "|//hr[@class='msocomoff']"),
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


_NOTE_REFERENCE = (
    "//a[contains(concat(' ', normalize-space(@class), ' '), ' sdfootnoteanc ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' sdendnoteanc ')"
    " or starts-with(@href, '#_ftn') or starts-with(@href, '#_edn')"
    " or (starts-with(@href, '#ftnt') and not(starts-with(@href, '#ftnt_ref')))]"
)
_NOTE_BODY = (
    "//div[starts-with(@id, 'sdfootnote') or starts-with(@id, 'sdendnote')]"
    "|//div[contains(translate(@style, ' ', ''), 'mso-element:footnote-list')"
    " or contains(translate(@style, ' ', ''), 'mso-element:endnote-list')]"
    "|//div[.//a[starts-with(@href, '#ftnt_ref')]][not(.//table)][not(ancestor::td)]"
)
_RUNNING_PART = (
    "/html/body/div[@title='header' or @title='footer']"
    "|//div[contains(translate(@style, ' ', ''), 'mso-element:header')"
    " or contains(translate(@style, ' ', ''), 'mso-element:footer')]"
)


def drop_notes(page: HtmlElement) -> None:
    """Footnotes and endnotes, and the page header and footer, are not the plan (the .docx
    reader reads only the body, and the PDF reader leaves footnotes out): a note's mark
    against a date ("31/03/2025<sup>1</sup>") would make it "31/03/20251", and a header's
    table of the document's name and version would be read before the title. LibreOffice
    marks references `class=sdfootnoteanc` and writes the notes in `<div id=sdfootnote1>`
    and the header in `<div title=header>`; Word links `#_ftn1` and writes
    `mso-element:footnote-list` and `mso-element:header` divs; Google Docs links `#ftnt1`
    from a `<sup>` and lists the notes in divs that link back (`#ftnt_ref1`)."""
    doomed = [*page.xpath(_NOTE_REFERENCE), *page.xpath(_NOTE_BODY),
              *page.xpath(_RUNNING_PART)]
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail
        element.drop_tree()
        if tag_of(parent) == "sup" and not parent.text_content().strip():
            if tail and tail.strip():
                continue
            parent.drop_tree()  # the empty <sup> around the mark, keeping its tail
