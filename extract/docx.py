"""Word .docx plans read from their XML (WordprocessingML) with lxml.

Why lxml and not python-docx: everything this reader needs is below python-docx's API.
python-docx returns a merged cell's object in every grid position it covers, has no automatic
numbering, and its paragraph text reads only the runs directly under the paragraph, so a
tracked insertion (`w:ins`) is lost. On the XML each rule is a line or two: `w:gridSpan` and
`w:vMerge` give the merges, `w:ins` is read and `w:del` is not, `w:numPr` with numbering.xml
gives the labels (`wordnumbering.py`). python-docx stays a test dependency (the tests build
.docx files with it).

A .docx has no pages: fragments and headings carry `NO_PAGE`, rows an empty page list and
their (table, row) position. Each body table is one fragment; stitching joins tables only as
it joins any two tables with no heading between them.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from dhrplan.extract.cellhtml import tidy
from dhrplan.extract.model import (
    NESTED_TABLE_NOTE,
    NO_PAGE,
    PARAGRAPHS_UNSURE,
    Block,
    Cell,
    Document,
    ExtractError,
    Heading,
    Row,
    RowNote,
    TableFragment,
    is_frame,
)
from dhrplan.extract.numbering import holds_recommendations
from dhrplan.extract.wordnumbering import Numbering, W, w, wval

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File (OLE) header: a password-protected .docx is stored in one, so is a .doc."""
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
"""Word's "Strict Open XML" files name the same elements in this namespace."""


@dataclass(frozen=True)
class DocxSettings:
    max_part_bytes: int = 256 * 1024 * 1024
    """Largest unpacked XML part read. A plan's document.xml is a few MB; a part that unpacks
    to more is a zip bomb, not a plan."""


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_SKIPPED = {
    w("del"), w("moveFrom"), w("instrText"), w("delText"), w("delInstrText"),
    w("footnoteReference"), w("endnoteReference"), w("commentReference"),
    w("drawing"), w("pict"), w("object"), w("rPr"), w("pPr"), w("tcPr"), w("trPr"),
    w("tblPr"), w("sectPr"), w("fldData"),
}
"""Elements whose text Word does not show in the line: tracked deletions (and moves away),
field instructions, note and comment references, drawings and text boxes, properties."""
_TRUE = {None, "1", "true", "on"}


def _flag(element: etree._Element | None) -> bool | None:
    """A toggle property (`w:b`, `w:vanish`): True, False, or None when not set here."""
    if element is None:
        return None
    return wval(element) in _TRUE


@dataclass(frozen=True)
class _Style:
    based_on: str | None
    bold: bool | None
    num: tuple[str, int] | None
    outline: int | None
    hidden: bool | None = None
    """`w:vanish` in the style's run properties: its text is not shown."""


class _Styles:
    """Paragraph and character styles: what they inherit (`w:basedOn`), their bold, list
    numbering and heading level."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.iter(w("style")):
            sid = wval(style, "styleId")
            if sid is None:
                continue
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in _TRUE - {None}:
                self.default_paragraph = sid
            ppr = style.find(w("pPr"))
            num = _num_pr(ppr.find(w("numPr"))) if ppr is not None else None
            outline = _outline(ppr)
            name = (wval(style.find(w("name"))) or "").casefold()
            if outline is None and re.fullmatch(r"heading [1-9]|title", name):
                outline = int(name[-1]) - 1 if name[-1].isdigit() else 0
            rpr = style.find(w("rPr"))
            self.styles[sid] = _Style(
                wval(style.find(w("basedOn"))),
                _flag(rpr.find(w("b"))) if rpr is not None else None,
                num,
                outline,
                _flag(rpr.find(w("vanish"))) if rpr is not None else None,
            )

    def _chain(self, sid: str | None):
        seen: set[str] = set()
        while sid is not None and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid].based_on

    def bold(self, sid: str | None) -> bool:
        return next((s.bold for s in self._chain(sid) if s.bold is not None), False)

    def hidden(self, sid: str | None) -> bool:
        return next((s.hidden for s in self._chain(sid) if s.hidden is not None), False)

    def num(self, sid: str | None) -> tuple[str, int] | None:
        return next((s.num for s in self._chain(sid) if s.num is not None), None)

    def outline(self, sid: str | None) -> int | None:
        return next((s.outline for s in self._chain(sid) if s.outline is not None), None)


def _outline(ppr: etree._Element | None) -> int | None:
    """`w:outlineLvl` 0-8: a heading level; 9 is Word's "body text"."""
    value = wval(ppr.find(w("outlineLvl"))) if ppr is not None else None
    return int(value) if value and value.isdigit() and int(value) < 9 else None


def _num_pr(num_pr: etree._Element | None) -> tuple[str, int] | None:
    if num_pr is None:
        return None
    num_id = wval(num_pr.find(w("numId")))
    ilvl = wval(num_pr.find(w("ilvl"))) or "0"
    if num_id is None:
        return None
    return num_id, int(ilvl) if ilvl.isdigit() else 0


@dataclass(frozen=True)
class _Paragraph:
    text: str
    bold: bool
    heading: bool
    """A heading style (an outline level) or a paragraph all in bold."""


def _fill(shd: etree._Element | None) -> str | None:
    """`w:shd` as "#rrggbb": the fill, or the pattern colour of a solid pattern."""
    if shd is None:
        return None
    colour = shd.get(w("color")) if wval(shd) == "solid" else shd.get(w("fill"))
    if not colour or len(colour) != 6:
        return None
    try:
        int(colour, 16)
    except ValueError:
        return None
    return f"#{colour.lower()}"


def _paragraph_fill(tc: etree._Element) -> str | None:
    """Shading set on the cell's paragraphs instead of the cell (some RAG templates): the
    fill when every paragraph with text has the same one."""
    fills = {
        _fill(p.find(f"{w('pPr')}/{w('shd')}"))
        for p in tc.iter(w("p"))
        if any(t.text and t.text.strip() for t in p.iter(w("t")))
    }
    return fills.pop() if len(fills) == 1 else None


class _Reader:
    def __init__(self, path: Path, parts: dict[str, etree._Element | None]) -> None:
        self.path = path
        self.styles = _Styles(parts["styles"])
        self.numbering = Numbering.parse(parts["numbering"], parts["styles"])
        self.warnings: list[str] = []
        self.tables = 0

    # paragraphs -------------------------------------------------------------------------
    def paragraph(self, p: etree._Element, boxes: bool = False) -> _Paragraph:
        """One paragraph's text, bold and heading; `boxes`: with the text of text boxes it
        holds, each on lines of its own (in a cell, where the box is drawn with the cell's
        text; a box floating beside a body paragraph is left out)."""
        ppr = p.find(w("pPr"))
        style = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        style = style or self.styles.default_paragraph
        base_bold = self.styles.bold(style)
        chunks: list[str] = []
        bold_chars = plain_chars = 0
        for text, bold in self._runs(p, base_bold, boxes, self.styles.hidden(style)):
            chunks.append(text)
            visible = len(text.strip())
            if bold:
                bold_chars += visible
            else:
                plain_chars += visible
        text = "".join(chunks)
        num = _num_pr(ppr.find(w("numPr"))) if ppr is not None else None
        num = num if num is not None else self.styles.num(style)
        if num is not None:
            # an empty numbered paragraph takes its number too (Word draws it)
            label = self.numbering.label(*num)
            if label and text.strip():
                text = f"{label} {text.lstrip()}"
        bold = bold_chars > 0 and plain_chars == 0
        own = ppr.find(w("outlineLvl")) if ppr is not None else None
        outline = _outline(ppr) if own is not None else self.styles.outline(style)
        return _Paragraph(text, bold, outline is not None or bold)

    def _runs(self, element: etree._Element, base_bold: bool, boxes: bool = False,
              base_hidden: bool = False):
        """(text, bold) of each piece of shown text under `element`, in order."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED or _placeholder(child):
                continue
            if tag == w("r"):
                yield from self._run(child, base_bold, boxes, base_hidden)
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Fallback")
                if choice is not None:
                    yield from self._runs(choice, base_bold, boxes, base_hidden)
            elif tag != w("tbl"):
                # w:ins, w:hyperlink, w:smartTag, w:fldSimple, w:sdt/w:sdtContent, w:customXml
                yield from self._runs(child, base_bold, boxes, base_hidden)

    def _run(self, run: etree._Element, base_bold: bool, boxes: bool = False,
             base_hidden: bool = False):
        rpr = run.find(w("rPr"))
        bold = base_bold
        if rpr is None and base_hidden:
            return  # the paragraph's style hides its text
        if rpr is not None:
            char_style = wval(rpr.find(w("rStyle")))
            hidden = _flag(rpr.find(w("vanish")))
            if hidden or (hidden is None and (
                    base_hidden or (char_style and self.styles.hidden(char_style)))):
                return  # hidden text, set on the run, by its character or paragraph style
            if char_style is not None and self.styles.bold(char_style):
                bold = True
            own = _flag(rpr.find(w("b")))
            bold = own if own is not None else bold
        for part in run:
            tag = part.tag
            if tag == w("t"):
                yield part.text or "", bold
            elif tag in (w("tab"), w("ptab")):
                yield " ", bold
            elif tag in (w("br"), w("cr")):
                yield "\n", bold
            elif tag == w("noBreakHyphen"):
                yield "-", bold
            elif tag == w("fldChar"):
                box = part.find(f"{w('ffData')}/{w('checkBox')}")
                if box is not None:  # a legacy check box form field: Word draws the box
                    yield _form_box(box), bold
            elif boxes and tag in _BOX_HOLDERS:
                lines = [self.paragraph(p).text for p in _box_paragraphs(part)]
                if any(line.strip() for line in lines):
                    yield "\n" + "\n".join(lines) + "\n", bold
            elif tag == w("sym"):
                code = part.get(w("char")) or ""
                try:
                    yield chr(int(code, 16)), bold
                except ValueError:
                    continue

    # body -------------------------------------------------------------------------------
    def body(self, body: etree._Element) -> list[Block]:
        blocks: list[Block] = []
        for element in _content(body):
            if element.tag == w("p"):
                # a text box anchored here (a cover's title, a note) is printed as paragraphs
                # of its own: each one a heading, before the paragraph's own text
                for box in (b for r in element.iter(w("r")) for part in r
                            if part.tag in _BOX_HOLDERS for b in _box_paragraphs(part)):
                    inner = self.paragraph(box)
                    if tidy(inner.text):
                        blocks.append(Heading(tidy(inner.text).replace("\n", " "), NO_PAGE,
                                              inner.heading))
                para = self.paragraph(element)
                text = tidy(para.text).replace("\n", " ")
                if text:
                    blocks.append(Heading(text, NO_PAGE, para.heading))
            elif element.tag == w("tbl") and _layout_table(element):
                for row in _rows(element):
                    for cell in _cells(row):
                        blocks.extend(self.body(cell))
            elif element.tag == w("tbl"):
                rows = self.table(element, self.tables)
                self.tables += 1
                if rows:
                    blocks.append(TableFragment(rows, NO_PAGE))
        return blocks

    def cell_text(self, tc: etree._Element, where: str) -> tuple[str, bool]:
        paragraphs: list[str] = []
        bold = True
        any_text = False
        for element in _content(tc):
            if element.tag == w("p"):
                para = self.paragraph(element, boxes=True)
                paragraphs.append(para.text)
                if para.text.strip():
                    any_text = True
                    bold = bold and para.bold
            elif element.tag == w("tbl"):
                self.warnings.append(f"a table nested in {where} is flattened into its text")
                for row in _rows(element):
                    # a row of the nested table is one line, its cells side by side, as the
                    # page shows it (and a PDF of it reads): not a paragraph per cell
                    texts = [" ".join(self.cell_text(cell, where)[0].split())
                             for cell in _cells(row)]
                    line = " ".join(t for t in texts if t)
                    paragraphs.append(line)
                    any_text = any_text or bool(line)
        text = tidy("\n".join(paragraphs))
        return text, bold and any_text

    def table(self, tbl: etree._Element, index: int) -> list[Row]:
        grid_cols = len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}"))
        laid: list[list[Cell]] = []
        notes: list[list[RowNote]] = []
        starts: dict[int, tuple[int, int]] = {}
        """Column -> (row, span) of the vertical merge running down that column."""
        source_rows: list[int] = []
        notes: list[list[RowNote]] = []
        for r, tr in enumerate(_rows(tbl)):
            row_notes: list[RowNote] = []
            trpr = tr.find(w("trPr"))
            if trpr is not None and trpr.find(w("del")) is not None:
                continue  # a row deleted as a tracked change
            cells: list[Cell] = []
            row_notes: list[RowNote] = []
            before = wval(trpr.find(w("gridBefore"))) if trpr is not None else None
            cells.extend(Cell() for _ in range(int(before) if before and before.isdigit() else 0))
            for tc in _cells(tr):
                tcpr = tc.find(w("tcPr"))
                if tcpr is not None and tcpr.find(w("cellDel")) is not None:
                    continue  # a cell deleted as a tracked change
                span_value = wval(tcpr.find(w("gridSpan"))) if tcpr is not None else None
                span = max(1, int(span_value)) if span_value and span_value.isdigit() else 1
                vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                col = len(cells)
                fill = _fill(tcpr.find(w("shd"))) if tcpr is not None else None
                fill = fill or _paragraph_fill(tc)
                if vmerge is not None and wval(vmerge) != "restart" and col in starts:
                    cells.append(Cell(merged=True, fill=fill))
                else:
                    text, bold = self.cell_text(tc, f"table {index + 1}, row {r + 1}")
                    cells.append(Cell(text, bold, fill=fill))
                    if any(e.tag == w("tbl") for e in _content(tc)):
                        row_notes.append(RowNote(PARAGRAPHS_UNSURE, NESTED_TABLE_NOTE, col))
                    if vmerge is not None:
                        starts[col] = (len(laid), span)
                    else:
                        starts.pop(col, None)
                cells.extend(Cell(fill=fill) for _ in range(span - 1))
            laid.append(cells)
            notes.append(row_notes)
            source_rows.append(r)
        width = max([grid_cols, *(len(c) for c in laid)], default=0)
        return [
            Row([*cells, *(Cell() for _ in range(width - len(cells)))], [], row_notes,
                position=(index, r))
            for cells, row_notes, r in zip(laid, notes, source_rows, strict=True)
        ]


_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("smartTag")}
"""Elements that only wrap block content (content controls, custom XML, inserted rows)."""


def _placeholder(element: etree._Element) -> bool:
    """An empty content control showing its placeholder ("Click or tap to enter a date.",
    "Choose an item."): the template's prompt, not the plan's text."""
    return element.tag == w("sdt") and element.find(
        f"{w('sdtPr')}/{w('showingPlcHdr')}") is not None


def _form_box(box: etree._Element) -> str:
    """A legacy check box (FORMCHECKBOX) as the glyph a content control's box shows: "☒"
    ticked, "☐" not; its `w:checked`, else its `w:default`."""
    state = box.find(w("checked"))
    if state is None:
        state = box.find(w("default"))
        ticked = state is not None and wval(state) in ("1", "true", "on")
    else:
        ticked = _flag(state) is True
    return "\u2612 " if ticked else "\u2610 "


_BOX_HOLDERS = {w("drawing"), w("pict"), f"{{{_MC}}}AlternateContent"}
"""What holds a text box in a run: DrawingML, VML, or both as Word writes them."""


def _box_paragraphs(holder: etree._Element) -> list[etree._Element]:
    """The paragraphs of the text boxes in `holder`; of Word's two copies of one box (the
    DrawingML choice and its VML fallback) only the first."""
    if holder.tag == f"{{{_MC}}}AlternateContent":
        copies = [c for c in holder if isinstance(c.tag, str)]
        holder = next((c for c in copies if c.find(f".//{w('txbxContent')}") is not None),
                      holder)
    boxes = [box for box in holder.iter(w("txbxContent"))
             if not any(a.tag == w("txbxContent") for a in box.iterancestors())]
    return [p for box in boxes for p in _content(box) if p.tag == w("p")]


def _content(parent: etree._Element):
    """Paragraphs and tables directly under a body or cell, through content controls."""
    for child in parent:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag in _WRAPPERS and not _placeholder(child):
            yield from _content(child)


def _children(parent: etree._Element, tag: str):
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _rows(tbl: etree._Element):
    return _children(tbl, w("tr"))


def _cells(tr: etree._Element):
    return _children(tr, w("tc"))


def _layout_table(tbl: etree._Element) -> bool:
    """A table framing the plan (`model.is_frame`)."""
    return is_frame(
        len(list(_rows(tbl))),
        (
            len(list(_rows(inner)))
            for row in _rows(tbl)
            for cell in _cells(row)
            for inner in _content(cell)
            if inner.tag == w("tbl")
        ),
    )


def _main_part(archive: zipfile.ZipFile, path: Path) -> str:
    """The main document part named by [Content_Types].xml, word/document.xml by default."""
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    for name in names:
        if name.endswith("document.xml") and name.count("/") == 1:
            return name
    raise ExtractError(f"{path}: a zip archive but not a Word document (no word/document.xml)")


def _part(
    archive: zipfile.ZipFile, name: str, path: Path, settings: DocxSettings
) -> etree._Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > settings.max_part_bytes:
        raise ExtractError(f"{path}: {name} unpacks to {info.file_size} bytes: not a plan")
    try:
        data = archive.read(info).replace(STRICT_NAMESPACE, W.encode())
        return etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExtractError(f"{path}: damaged .docx ({name}: {exc})") from None
    except Exception as exc:  # zlib.error and the like from a corrupt member
        raise ExtractError(f"{path}: damaged .docx ({name}: {exc})") from None


_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
"""The stream an encrypted .docx keeps inside its OLE file (directory names are UTF-16)."""


def check_container(path: Path) -> str:
    """What the file is before unzipping: "docx", or "doc" for an old binary Word file with a
    .docx name. Word stores a password-protected .docx in an OLE compound file as well; that
    and anything that is not a zip are refused."""
    with path.open("rb") as handle:
        head = handle.read(1 << 20)
    if not head:
        raise ExtractError(f"{path}: the file is empty")
    if head.startswith(OLE_MAGIC):
        if _ENCRYPTED_STREAM in head:
            raise ExtractError(
                f"{path}: a password-protected Word file: remove the password in Word "
                "(File > Info > Protect Document) and save it again"
            )
        return "doc"
    if not zipfile.is_zipfile(path):
        raise ExtractError(f"{path}: not a .docx (not a zip archive)")
    return "docx"


def read_docx(path: Path, settings: DocxSettings = DocxSettings()) -> Document:
    if check_container(path) == "doc":
        from dhrplan.extract.soffice import read_office  # it reads its .docx with this module

        return read_office(path)
    try:
        with zipfile.ZipFile(path) as archive:
            main = _main_part(archive, path)
            folder = main.rsplit("/", 1)[0]
            parts = {
                "document": _part(archive, main, path, settings),
                "styles": _part(archive, f"{folder}/styles.xml", path, settings),
                "numbering": _part(archive, f"{folder}/numbering.xml", path, settings),
            }
    except zipfile.BadZipFile as exc:
        raise ExtractError(f"{path}: damaged .docx ({exc})") from None
    document = parts["document"]
    body = document.find(w("body")) if document is not None else None
    if body is None:
        raise ExtractError(f"{path}: a zip archive but not a Word document (no document body)")
    reader = _Reader(path, parts)
    blocks = reader.body(body)
    if not holds_recommendations(blocks):
        raise ExtractError(f"{path}: no table found: not an action-plan document")
    return Document(path, "docx", NO_PAGE, blocks, reader.warnings)
