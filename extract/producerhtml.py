"""What HTML producers write for a browser to draw by rules the one HTML parser
(`htmlparse.py`) does not apply, turned into the plain markup it reads: Google Docs'
class-only styles, Word's list markers.

Both run on a parsed page before `html.py` reads it; neither needs a CSS engine.
"""

from __future__ import annotations

import re

from dhrplan.extract.htmlparse import BLOCK_TAGS, PROPERTY_START, HtmlElement, tag_of
from dhrplan.extract.wordnumbering import bullet_glyph

_CLASS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"\.([A-Za-z_][\w-]*)")
_CSS_NOISE = re.compile(r"/\*.*?\*/|<!--|-->|@import[^;]*;", re.S)
_AT_BLOCK = re.compile(r"@[a-z-]+[^{};]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.I)
"""`@media print{...}`, `@supports`: rules that hold only sometimes, never applied."""


def apply_class_styles(page: HtmlElement) -> None:
    """Write the page's simple class rules (`.c5{background-color:#00b050}`, one class per
    selector, as Google Docs exports every style) into the `style` of the elements that carry
    those classes, so that bold and fills read from `style` see them. Later rules win over
    earlier ones and the element's own style over all, as in CSS; rules with any other
    selector (`ul.lst-kix_a-0`, `table td`, `li:before`) are not applied: no CSS engine."""
    rules: dict[str, list[tuple[str, str]]] = {}
    for sheet in page.iter("style"):
        css = _AT_BLOCK.sub("", _CSS_NOISE.sub("", sheet.text_content()))
        for selectors, body in _CLASS_RULE.findall(css):
            declarations = _declarations(body)
            for selector in selectors.split(","):
                simple = _CLASS_SELECTOR.fullmatch(selector.strip())
                if simple and declarations:
                    rules.setdefault(simple.group(1), []).extend(declarations)
    if not rules:
        return
    order = {name: i for i, name in enumerate(rules)}
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        classes = [c for c in element.get("class", "").split() if c in rules]
        if not classes:
            continue
        merged: dict[str, str] = {}
        for name in sorted(classes, key=order.__getitem__):
            merged.update(rules[name])
        merged.update(_declarations(element.get("style", "")))
        element.set("style", ";".join(f"{k}:{v}" for k, v in merged.items()))


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
