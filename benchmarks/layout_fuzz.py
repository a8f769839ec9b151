"""Plans in layouts nobody wrote by hand: random combinations of the ways councils lay out an
action plan, built as .docx and (through LibreOffice) PDF, each read back and compared with
what the generator put in it.

    .venv/bin/python benchmarks/layout_fuzz.py [--plans 30] [--seed 1] [--keep DIR] [--show]

A hand-made corpus tests the layouts its authors thought of; this draws each plan's columns
(which roles, in which order, under which of the header wordings real plans use), its
sections (none, a heading above each table, a full-width row, a theme column merged down),
its actions (items in one cell, or rows of their own under a recommendation merged down,
left blank or repeated), its numbering, date and status wordings, and its page orientation,
then fills it with plausible text. Every record is compared on what the generator decides
and a reader must recover: section, number, text, the actions' texts, the owners, the
target dates and the status. Prints per reader the records read exactly, the differing
ones, and those that differ on a field no warning names (silent wrongs): the last must be
none. Needs LibreOffice (`soffice`) for the PDFs; without it only the .docx are read.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from dhrplan.extract.model import ExtractError
from dhrplan.output.jsondoc import plan_to_dict
from dhrplan.pipeline import Options, convert_file

HEADERS = {
    "number": ["No.", "Ref", "Rec No.", "#", "Number", "Recommendation number"],
    "recommendation": ["Recommendation", "Recommendations", "DHR Recommendation",
                       "Recommendation from the review", "Learning / Recommendation"],
    "action": ["Action", "Actions", "Action required", "Action to take", "Actions to be taken",
               "How will this be achieved?", "Specific action"],
    "owner": ["Lead agency", "Lead", "Action holder", "Responsible officer", "Owner",
              "Lead organisation", "Responsible agency", "Lead officer / agency"],
    "target": ["Target date", "Timescale", "By when", "Completion by", "Target completion date",
               "Deadline", "Due date"],
    "progress": ["Progress", "Progress update", "Status", "Update", "Progress to date",
                 "Current status", "RAG / Progress"],
    "theme": ["Theme", "Area", "Learning theme", "Category"],
    "scope": ["Scope", "Local / regional / national", "Scope of recommendation", "Level"],
}

SCOPES = [("Local", ["local"]), ("National", ["national"]), ("Regional", ["regional"]),
          ("Local and regional", ["local", "regional"]), ("Local", ["local"])]

AGENCIES = ["Police", "Adult Social Care", "Children's Social Care", "Integrated Care Board",
            "Probation Service", "Community Safety Partnership", "Housing Services",
            "Mental Health Trust", "Domestic Abuse Service", "Public Health",
            "Ambulance Service", "Safeguarding Adults Board"]

RECOMMENDATIONS = [
    "should review its guidance on responding to disclosures of domestic abuse, so that every "
    "disclosure is recorded and followed by a risk assessment",
    "should make sure that practitioners ask about coercive and controlling behaviour when a "
    "victim presents with repeated injuries",
    "should strengthen information sharing with partner agencies when a perpetrator moves "
    "between areas",
    "should deliver training to frontline staff on recognising economic abuse and the "
    "support available",
    "should audit its referrals to the MARAC to check that high-risk cases are referred "
    "within the agreed timescale",
    "should introduce routine enquiry about domestic abuse in its assessment process",
    "should ensure that the voice of the child is recorded in every assessment where "
    "domestic abuse is known",
    "should review how it follows up missed appointments where a patient is known to be at "
    "risk of domestic abuse",
    "should publish clear pathways for older victims of domestic abuse and share them with "
    "partner agencies",
    "should assure the partnership that the learning from this review has been embedded in "
    "practice",
    "should develop a protocol for joint visits where there is a history of violence at the "
    "address",
    "should consider how carers' assessments identify abuse by the person being cared for",
]

ACTIONS = [
    "Update the domestic abuse policy and circulate it to all staff.",
    "Deliver a briefing on the findings of the review to team managers.",
    "Add a prompt about coercive control to the assessment template.",
    "Audit a sample of twenty cases and report the findings to the board.",
    "Run two multi-agency learning events on the themes of the review.",
    "Agree an information sharing protocol with neighbouring partnerships.",
    "Include domestic abuse in the induction programme for new staff.",
    "Review the referral pathway with the IDVA service.",
    "Publish a seven-minute briefing on the partnership website.",
    "Report progress on this recommendation to the partnership every quarter.",
    "Check that the revised guidance is being used through supervision.",
    "Commission refresher training for safeguarding leads.",
]

DATES = [  # as written, kind, start, end
    ("31/03/2025", "date", "2025-03-31", "2025-03-31"),
    ("30 June 2025", "date", "2025-06-30", "2025-06-30"),
    ("September 2025", "month", "2025-09-01", "2025-09-30"),
    ("Dec 2025", "month", "2025-12-01", "2025-12-31"),
    ("30.09.25", "date", "2025-09-30", "2025-09-30"),
    ("31st January 2026", "date", "2026-01-31", "2026-01-31"),
    ("March 2026", "month", "2026-03-01", "2026-03-31"),
    ("Q3 2025/26", "quarter", "2025-10-01", "2025-12-31"),
    ("2025/26", "year", "2025-04-01", "2026-03-31"),
    ("Summer 2025", "season", "2025-06-01", "2025-08-31"),
]

STATUSES = [  # as written, status
    ("Complete", "complete"),
    ("Completed", "complete"),
    ("In progress", "in_progress"),
    ("Ongoing", "in_progress"),
    ("Not started", "not_started"),
    ("Training delivered to 80% of staff; the rest booked for May.", "in_progress"),
    ("Complete – policy ratified by the board.", "complete"),
    ("On track", "in_progress"),
    ("Not yet started", "not_started"),
    ("Green – complete", "complete"),
    ("Amber – in progress", "in_progress"),
]

SECTIONS = ["Multi-agency recommendations", "Single agency recommendations: Police",
            "Health", "Housing and homelessness", "Children and families",
            "Partnership learning"]


@dataclass
class Action:
    text: str
    owner: str | None
    date: tuple[str, str, str, str] | None
    status: tuple[str, str] | None


@dataclass
class Rec:
    section: str | None
    number: str
    printed_number: str
    text: str
    owner: str | None
    date: tuple[str, str, str, str] | None
    status: tuple[str, str] | None
    actions: list[Action] = field(default_factory=list)
    scope: tuple[str, list[str]] | None = None


@dataclass
class Layout:
    roles: list[str]
    headers: dict[str, str]
    sections: str  # none | heading | row | theme
    actions: str  # cell | merged | blank | repeated (how the action rows show their rec)
    number_style: str  # column | prefix
    landscape: bool
    marker: str  # what starts each action item in a cell ("", "• ", "a) "...)
    numbering: str  # how a recommendation's number is printed, "{n}" its count
    borders: str  # grid | none
    repeat_header: bool
    shaded: bool  # the header row (and full-width section rows) filled


def draw_layout(rng: random.Random) -> Layout:
    roles = ["recommendation"]
    number_style = rng.choice(["column", "column", "prefix"])
    if number_style == "column":
        roles.insert(0, "number")
    others = []
    while len([r for r in others if r != "action"]) < 1:  # a plan says at least who or when
        others = [r for r in ("action", "scope", "owner", "target", "progress")
                  if rng.random() < (0.3 if r == "scope" else 0.8)]
    if rng.random() < 0.3:
        rng.shuffle(others)
    roles += others
    sections = rng.choice(["none", "heading", "row", "theme"])
    if sections == "theme":
        roles.insert(0, "theme")
    actions = rng.choice(["cell", "merged", "blank", "repeated"]) if "action" in roles else "cell"
    return Layout(roles, {r: rng.choice(HEADERS[r]) for r in roles}, sections, actions,
                  number_style, rng.random() < 0.5, rng.choice(["", "", "• ", "- ", "a) "]),
                  rng.choice(["{n}", "{n}.", "R{n}", "{n})"]), rng.choice(["grid", "grid", "none"]),
                  rng.random() < 0.5, rng.random() < 0.6)


def draw_plan(rng: random.Random, layout: Layout) -> list[Rec]:
    recs: list[Rec] = []
    n_sections = 1 if layout.sections == "none" else rng.randint(2, 3)
    names = rng.sample(SECTIONS, n_sections)
    number = 0
    texts = rng.sample(RECOMMENDATIONS, len(RECOMMENDATIONS))
    for s in range(n_sections):
        for _ in range(rng.randint(2, 4)):
            number += 1
            agency = rng.choice(AGENCIES)
            action_texts = rng.sample(ACTIONS, 3)
            acts = []
            rows = layout.actions != "cell"  # each action in a row with its own fields
            if "action" in layout.roles:
                for k in range(rng.randint(1, 3)):
                    acts.append(Action(
                        action_texts[k],
                        rng.choice(AGENCIES) if rows and "owner" in layout.roles else None,
                        rng.choice(DATES) if rows and "target" in layout.roles else None,
                        rng.choice(STATUSES) if rows and "progress" in layout.roles else None))
            own = not (rows and acts)  # the recommendation's row holds the fields
            printed = layout.numbering.format(n=number)
            recs.append(Rec(
                None if layout.sections == "none" else names[s],
                printed.rstrip(".)"), printed,
                f"{agency} {texts[(number - 1) % len(texts)]}.",
                rng.choice(AGENCIES) if own and "owner" in layout.roles else None,
                rng.choice(DATES) if own and "target" in layout.roles else None,
                rng.choice(STATUSES) if own and "progress" in layout.roles else None,
                acts,
                rng.choice(SCOPES) if "scope" in layout.roles else None))
    return recs


def _shade(cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def _write(cell, text: str | list[str], bold: bool = False) -> None:
    paragraphs = [text] if isinstance(text, str) else text
    cell.text = ""
    first = cell.paragraphs[0]
    for i, line in enumerate(paragraphs):
        para = first if i == 0 else cell.add_paragraph()
        run = para.add_run(line)
        run.bold = bold
        run.font.size = Pt(9)


def _header_row(table, layout: Layout) -> None:
    row = table.rows[0]
    for cell, role in zip(row.cells, layout.roles, strict=True):
        _write(cell, layout.headers[role], bold=True)
        if layout.shaded:
            _shade(cell, "D9E2F3")


def _cells_for(layout: Layout, rec: Rec, action: Action | None, first: bool,
               single: bool) -> dict[str, str | list[str]]:
    """What each column of one table row says."""
    out: dict[str, str | list[str]] = {}
    shows_rec = first or layout.actions == "repeated"
    if "number" in layout.roles:
        out["number"] = rec.printed_number if shows_rec else ""
    text = rec.text if layout.number_style == "column" else f"{rec.printed_number} {rec.text}"
    out["recommendation"] = text if shows_rec else ""
    out["scope"] = rec.scope[0] if rec.scope and shows_rec else ""
    if single:  # one row for the recommendation, its actions as items of one cell
        markers = [layout.marker.replace("a)", f"{chr(97 + k)})") for k in range(len(rec.actions))]
        out["action"] = [m + a.text for m, a in zip(markers, rec.actions, strict=True)]
        out["owner"] = rec.owner or ""
        out["target"] = rec.date[0] if rec.date else ""
        out["progress"] = rec.status[0] if rec.status else ""
    else:
        assert action is not None
        out["action"] = action.text
        out["owner"] = action.owner or ""
        out["target"] = action.date[0] if action.date else ""
        out["progress"] = action.status[0] if action.status else ""
    if "theme" in layout.roles:
        out["theme"] = rec.section or ""
    return out


def build_docx(layout: Layout, recs: list[Rec], title: str, path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    if layout.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    doc.add_heading(title, level=1)
    doc.add_paragraph("This action plan sets out the recommendations of the review and the "
                      "actions agreed by the partnership to deliver them.")
    groups: list[tuple[str | None, list[Rec]]] = []
    for rec in recs:
        if not groups or groups[-1][0] != rec.section:
            groups.append((rec.section, []))
        groups[-1][1].append(rec)
    table = None
    single = layout.actions == "cell"
    for name, members in groups:
        if layout.sections == "heading" or table is None:
            if layout.sections == "heading":
                doc.add_heading(name, level=2)
            table = doc.add_table(rows=1, cols=len(layout.roles))
            if layout.borders == "grid":
                table.style = "Table Grid"
            _header_row(table, layout)
            if layout.repeat_header:
                flag = OxmlElement("w:tblHeader")
                table.rows[0]._tr.get_or_add_trPr().append(flag)
        if layout.sections == "row":
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            _write(merged, name or "", bold=True)
            if layout.shaded:
                _shade(merged, "F2F2F2")
        theme_start = len(table.rows)
        for rec in members:
            start = len(table.rows)
            for k, action in enumerate([None] if single or not rec.actions else rec.actions):
                cells = _cells_for(layout, rec, action, k == 0, single or not rec.actions)
                row = table.add_row()
                for cell, role in zip(row.cells, layout.roles, strict=True):
                    if role == "theme" and len(table.rows) - 1 > theme_start:
                        continue
                    _write(cell, cells.get(role, ""))
            if layout.actions == "merged" and len(table.rows) - start > 1:
                for role in ("number", "recommendation"):
                    if role in layout.roles:
                        i = layout.roles.index(role)
                        top = table.rows[start].cells[i]
                        top.merge(table.rows[len(table.rows) - 1].cells[i])
        if layout.sections == "theme" and len(table.rows) - theme_start > 1:
            top = table.rows[theme_start].cells[0]
            top.merge(table.rows[len(table.rows) - 1].cells[0])
            _write(top, name or "")
    doc.save(path)


def expected(recs: list[Rec]) -> list[dict]:
    out = []
    for rec in recs:
        owners = [rec.owner] if rec.owner else []
        dates = [rec.date] if rec.date else []
        statuses = [rec.status[1]] if rec.status else []
        for a in rec.actions:
            owners += [a.owner] if a.owner else []
            dates += [a.date] if a.date else []
            statuses += [a.status[1]] if a.status else []
        out.append({
            "section": rec.section, "number": rec.number, "text": rec.text,
            "actions": [a.text for a in rec.actions],
            "owners": sorted(set(owners)),
            "target_dates": sorted({(d[2], d[3]) for d in dates}),
            "status": _rolled(statuses),
            "scope": rec.scope[1] if rec.scope else None,
        })
    return out


def _rolled(statuses: list[str]) -> str | None:
    if not statuses:
        return None
    if all(s == "complete" for s in statuses):
        return "complete"
    if all(s == "not_started" for s in statuses):
        return "not_started"
    return "in_progress"


def got(record: dict) -> dict:
    owners = [o["name"] for o in record["owners"] or []]
    dates = list(record["target_dates"] or [])
    for a in record["actions"]:
        owners += [o["name"] for o in a["owners"] or []]
        dates += a["target_dates"] or []
    completion = record["completion"]
    return {
        "section": record["section"], "number": record["number"], "text": record["text"],
        "actions": [a["text"] for a in record["actions"]],
        "owners": sorted(set(owners)),
        "target_dates": sorted({(d["start"] or "", d["end"] or "") for d in dates}),
        "status": completion["status"] if completion else None,
        "scope": record["scope"]["levels"] if record["scope"] else None,
    }


WARNED_AS = {"section": {"section"}, "number": {"number"}, "text": {"text"},
             "actions": {"actions"}, "owners": {"owners"}, "target_dates": {"target_dates"},
             "status": {"completion"}, "scope": {"scope"}}


@dataclass
class Tally:
    records: int = 0
    exact: int = 0
    silent_wrong: list[str] = field(default_factory=list)
    warned_wrong: int = 0


def compare(name: str, doc: dict, want: list[dict], tally: Tally, show: bool) -> None:
    records = doc["recommendations"]
    for i, w in enumerate(want):
        tally.records += 1
        if i >= len(records):
            tally.silent_wrong.append(f"{name} #{i + 1}: missing")
            continue
        g = got(records[i])
        diffs = [f for f in w if g[f] != w[f]]
        if not diffs:
            tally.exact += 1
            continue
        warned = {x["field"] for x in records[i]["warnings"]}  # as benchmarks/evaluate_corpus
        silent = [f for f in diffs if not (WARNED_AS[f] & warned) and None not in warned]
        if silent:
            tally.silent_wrong.append(f"{name} #{i + 1}: " + "; ".join(
                f"{f}: got {g[f]!r}, want {w[f]!r}" for f in silent))
        else:
            tally.warned_wrong += 1
        if show and not silent:
            print(f"  warned {name} #{i + 1}: {diffs}")
    if len(records) > len(want):
        tally.silent_wrong.append(f"{name}: {len(records) - len(want)} extra records")


def soffice_pdfs(docs: list[Path], out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: reading the .docx only", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), *map(str, docs)],
                       check=True, capture_output=True, timeout=900)


def export_texts(pdfs: list[Path]) -> list[str]:
    """Each PDF's text exports beside it, in the converter styles of
    tests/fixtures/make_converter_exports.py; returns their suffixes."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fixtures"))
    import pdfplumber
    from make_converter_exports import page_blocks, render

    styles = ["br.md", "lines.tsv", "flat.md"]
    for pdf in pdfs:
        if not pdf.exists():
            continue
        with pdfplumber.open(pdf) as doc:
            pages = [page_blocks(page) for page in doc.pages]
        for style in styles:
            pdf.with_suffix(f".{style}").write_text(render(pages, style), "utf-8")
        if shutil.which("pdftotext"):
            subprocess.run(["pdftotext", "-layout", str(pdf), str(pdf.with_suffix(".layout.txt"))],
                           check=True)
    return [f".{style}" for style in styles] + (
        [".layout.txt"] if shutil.which("pdftotext") else [])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder to keep the plans in")
    parser.add_argument("--show", action="store_true", help="list the warned differences too")
    parser.add_argument("--exports", action="store_true",
                        help="also read the PDFs' text exports (pdfplumber's tables as <br>, "
                             "newline and flattened cells; pdftotext -layout where installed)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dhrplan-fuzz-"))
    folder.mkdir(parents=True, exist_ok=True)
    plans: dict[str, tuple[Layout, list[Rec]]] = {}
    for k in range(args.plans):
        rng = random.Random(args.seed * 100_003 + k)
        layout = draw_layout(rng)
        recs = draw_plan(rng, layout)
        name = f"fuzz-{args.seed}-{k:03d}"
        build_docx(layout, recs, f"Domestic Homicide Review {name}: Action Plan",
                   folder / f"{name}.docx")
        (folder / f"{name}.layout.json").write_text(json.dumps(layout.__dict__, indent=1))
        plans[name] = (layout, recs)
    soffice_pdfs([folder / f"{n}.docx" for n in plans], folder)
    readers = [".docx", ".pdf"]
    if args.exports:  # a borderless table's export is its header alone: pdfplumber sees no grid
        readers += export_texts([folder / f"{n}.pdf" for n, (layout, _) in plans.items()
                                 if layout.borders == "grid"])
    tallies: dict[str, Tally] = {}
    for name, (_layout, recs) in plans.items():
        want = expected(recs)
        for suffix in readers:
            path = folder / f"{name}{suffix}"
            if not path.exists():
                continue
            tally = tallies.setdefault(suffix, Tally())
            try:
                doc = plan_to_dict(convert_file(path, Options()))
            except ExtractError as error:
                tally.records += len(want)
                tally.silent_wrong.append(f"{path.name}: {error}")
                continue
            compare(path.name, doc, want, tally, args.show)
    silent = 0
    for suffix, tally in tallies.items():
        print(f"{suffix}: {tally.exact}/{tally.records} records exact, {tally.warned_wrong} "
              f"differing with a warning, {len(tally.silent_wrong)} silent wrongs")
        for line in tally.silent_wrong:
            print("  " + line)
        silent += len(tally.silent_wrong)
    print(f"plans in {folder}")
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
