"""Build .docx plans in tests with python-docx, with what its API does not reach: list
definitions in the numbering part, cell shading, merges, tracked changes, comments."""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

HEADER = ["Recommendation", "Scope", "Action", "Lead Agency", "Target Date", "Progress"]


class NumberedDocument:
    """A python-docx document and the list definitions added to its numbering part."""

    def __init__(self) -> None:
        self.doc = Document()
        self.numbering = self.doc.part.numbering_part.element
        self._next = 900

    def list_style(self, levels: list[tuple[str, str]], start: int = 1) -> int:
        """A new abstract list with (numFmt, lvlText) per level; returns its first w:num id."""
        abstract_id = self._next
        self._next += 1
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
        )
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        self._abstract = abstract_id
        return self.restart(abstract_id, restart=False)

    def restart(self, abstract_id: int, restart: bool = True, start: int = 1) -> int:
        """A new w:num instance of a list: a list of its own, counting from `start`."""
        num_id = self._next
        self._next += 1
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            if restart else ""
        )
        self.numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        ))
        return num_id

    def abstract_of(self, num_id: int) -> int:
        for num in self.numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == str(num_id):
                return int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
        raise KeyError(num_id)


def numbered(paragraph, num_id: int, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def write(cell, paragraphs: list[str], num_id: int | None = None, bold: bool = False) -> list:
    """The cell's paragraphs, each in the list `num_id` when given."""
    cell.text = ""
    made = []
    for i, text in enumerate(paragraphs):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        para.add_run(text).bold = bold
        if num_id is not None:
            numbered(para, num_id)
        made.append(para)
    return made


def shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def repeat_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def tracked(paragraph, inserted: str, deleted: str) -> None:
    """A tracked insertion and a tracked deletion at the end of the paragraph."""
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="Editor" w:date="2024-03-01T10:00:00Z">'
        f"<w:r><w:t xml:space=\"preserve\">{inserted}</w:t></w:r></w:ins>"
    ))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="Editor" w:date="2024-03-01T10:00:00Z">'
        f"<w:r><w:delText xml:space=\"preserve\">{deleted}</w:delText></w:r></w:del>"
    ))


def comment(paragraph, doc, text: str) -> None:
    """A comment on the paragraph (python-docx 1.2 writes the comments part)."""
    doc.add_comment(paragraph.runs, text=text, author="Reviewer", initials="RV")
