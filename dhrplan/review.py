"""`dhrplan review`: one self-contained HTML page per plan, every recommendation as a card
beside the place it was read from, so whoever publishes or analyses a converted plan can
check it record by record instead of searching the PDF by eye.

A PDF record's card shows a crop of each page its cells are on, with those cells outlined
(the record's `source_regions`); a record from a format without pages (.docx, HTML, text
exports) shows its cells as text. Crops are PNG data URIs and the script and style are
inline: the page needs no network and no file beside it. Filters (records with warnings, a
section, a status) and j/k navigation are plain JavaScript; the filters also follow the
address's fragment ("#warnings", "#status=complete"), so a link can open a filtered view,
or one record with one of its actions outlined ("#record=r0&action=1").
"""

from __future__ import annotations

import base64
import html
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from dhrplan.extract.model import ExtractError
from dhrplan.normalize.record import Action, Plan, Recommendation, SourceRegion, TargetDate
from dhrplan.output.files import sha256_file
from dhrplan.pageimage import render_pages, to_pixels
from dhrplan.pipeline import Options, convert_file


@dataclass(frozen=True)
class ReviewSettings:
    scale: float = 1.5
    """Pixels per point of the crops (108 dpi): a cell's print stays legible while a plan of
    forty records stays a few megabytes."""
    margin: float = 6.0
    """Points of page kept around the record's cells, so the ruling around them shows."""
    outline: int = 3
    """Width in pixels of the outline drawn round each cell the record used."""


TEXT_OUTLINE = (0, 90, 255)
"""The recommendation text's cells (blue); every other cell the record used is orange."""
OTHER_OUTLINE = (240, 120, 0)


def review_plan(
    plan: Plan, source: Path | None, password: str | None = None,
    settings: ReviewSettings = ReviewSettings(),
) -> str:
    """The review page of `plan`; `source` is the PDF it was read from (needed for crops,
    unused for other formats)."""
    crops: dict[str, list[str]] = {}
    if plan.source.format == "pdf":
        if source is None or not source.is_file():
            raise ExtractError(
                f"{plan.source.file}: the PDF it was read from is needed for the crops; "
                "it is not beside the JSON (pass --source FILE.pdf)")
        if sha256_file(source) != plan.source.sha256:
            raise ExtractError(f"{source}: not the file {plan.source.file} was read from "
                               "(its sha256 differs)")
        crops = _crops(plan.recommendations, source, password, settings)
    cards = "\n".join(_card(i, rec, crops.get(rec.id, []), plan) for i, rec in
                      enumerate(plan.recommendations))
    sections = sorted({r.section or "" for r in plan.recommendations})
    statuses = sorted({_status(r) for r in plan.recommendations})
    with_warnings = sum(1 for r in plan.recommendations if r.warnings)
    title = plan.title or plan.source.file
    return PAGE.format(
        title=_e(title),
        file=_e(plan.source.file),
        count=len(plan.recommendations),
        warned=with_warnings,
        sections="".join(f'<option value="{_e(s)}">{_e(s or "(none)")}</option>'
                         for s in sections),
        statuses="".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in statuses),
        cards=cards,
        style=STYLE,
        script=SCRIPT,
    )


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _status(record: Recommendation) -> str:
    return record.completion.status if record.completion else "none"


@dataclass(frozen=True)
class Crop:
    """One page's crop of a record, and where each action's own regions sit in it."""

    uri: str
    actions: list[tuple[int, str, tuple[float, float, float, float]]]
    """(action index, field, (left, top, width, height) in % of the crop)."""


def _crops(
    records: list[Recommendation], source: Path, password: str | None, settings: ReviewSettings
) -> dict[str, list[Crop]]:
    """Per record, one crop per page its cells are on."""
    pages = sorted({r.page for rec in records for r in rec.source_regions
                    if r.page and r.bbox})
    images = render_pages(source, pages, settings.scale, password)
    found: dict[str, list[Crop]] = {}
    for record in records:
        for page, regions in _by_page(record.source_regions).items():
            found.setdefault(record.id, []).append(
                _crop(images[page], regions, settings))
    return found


def _by_page(regions: Iterable[SourceRegion]) -> dict[int, list[SourceRegion]]:
    pages: dict[int, list[SourceRegion]] = {}
    for region in regions:
        if region.page and region.bbox:
            pages.setdefault(region.page, []).append(region)
    return dict(sorted(pages.items()))


def crop_box(regions: list[SourceRegion], margin: float) -> tuple[float, float, float, float]:
    """The union of the regions' boxes with `margin` around, in points."""
    boxes = [r.bbox for r in regions if r.bbox]
    return (min(b[0] for b in boxes) - margin, min(b[1] for b in boxes) - margin,
            max(b[2] for b in boxes) + margin, max(b[3] for b in boxes) + margin)


def _crop(page: Image.Image, regions: list[SourceRegion], settings: ReviewSettings) -> Crop:
    """The page cut to the record's regions, the record's own cells outlined; the actions'
    regions are placed for the page to outline the action selected."""
    scale = settings.scale
    x0, top, x1, bottom = to_pixels(crop_box(regions, settings.margin), scale)
    x0, top = max(0, x0), max(0, top)
    x1, bottom = min(page.width, x1), min(page.height, bottom)
    image = page.crop((x0, top, x1, bottom))
    draw = ImageDraw.Draw(image)
    placed: list[tuple[int, str, tuple[float, float, float, float]]] = []
    for region in regions:
        bx0, btop, bx1, bbottom = to_pixels(region.bbox or [], scale)
        if region.action is not None:
            width, height = max(1, x1 - x0), max(1, bottom - top)
            placed.append((region.action, region.field, (
                round(100 * (bx0 - x0) / width, 2), round(100 * (btop - top) / height, 2),
                round(100 * (bx1 - bx0) / width, 2), round(100 * (bbottom - btop) / height, 2))))
            continue
        colour = TEXT_OUTLINE if region.field == "text" else OTHER_OUTLINE
        draw.rectangle((bx0 - x0, btop - top, bx1 - x0, bbottom - top), outline=colour,
                       width=settings.outline)
    buffer = io.BytesIO()
    image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(
        buffer, "PNG", optimize=True)
    uri = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return Crop(uri, placed)


def _figure(record: Recommendation, crop: Crop) -> str:
    marks = "".join(
        f'<span class="act" data-action="{i}" data-field="{_e(name)}" style="left:{left}%;'
        f'top:{top}%;width:{width}%;height:{height}%"></span>'
        for i, name, (left, top, width, height) in crop.actions)
    return (f'<div class="figure"><img class="crop" alt="source of {_e(record.id)}" '
            f'src="{crop.uri}">{marks}</div>')


def _dates(dates: list[TargetDate] | None) -> str:
    if not dates:
        return ""
    items = []
    for d in dates:
        read = d.kind
        if d.start or d.end:
            read += f" {d.start or '…'} to {d.end or '…'}"
        if d.offset_months or d.offset_weeks:
            read += f" +{d.offset_months or 0} months {d.offset_weeks or 0} weeks"
            read += f" after {d.anchor}" if d.anchor else ""
        items.append(f'<li><q>{_e(d.raw)}</q> → <span class="read">{_e(read)}</span></li>')
    return f'<ul class="dates">{"".join(items)}</ul>'


def _action(index: int, action: Action) -> str:
    owners = ", ".join(o.name for o in action.owners or [])
    parts = [f'<span class="label">{_e(action.label)}</span> ' if action.label else "",
             _e(action.text).replace("\n", "<br>")]
    if owners:
        parts.append(f' <span class="owners">— {_e(owners)}</span>')
    if action.completion:
        parts.append(f' <span class="status">[{_e(action.completion.status)}]</span>')
    parts.append(_dates(action.target_dates))
    return f'<li data-action="{index}" tabindex="0">{"".join(parts)}</li>'


def _cells_as_text(record: Recommendation, plan: Plan) -> str:
    """The source cells of a record from a format without pages: column, field and text."""
    columns = plan.tables[record.table].columns if record.table < len(plan.tables) else []
    rows = []
    def place(region: SourceRegion) -> tuple[object, ...]:
        return region.column, region.page, region.table, region.row, region.text

    owners: dict[tuple[object, ...], list[str]] = {}
    for region in record.source_regions:
        if region.action is not None:
            owners.setdefault(place(region), []).append(str(region.action))
    for region in record.source_regions:
        if region.action is not None:
            continue  # the record's own cells hold the action's
        header = columns[region.column].header if region.column < len(columns) else ""
        where = (f"table {region.table + 1}, row {region.row + 1}"
                 if region.table is not None and region.row is not None else "")
        mine = owners.get(place(region))
        marks = f' data-actions="{" ".join(mine)}"' if mine else ""
        rows.append(f"<tr{marks}><th>{_e(header)}<small>{_e(region.field)} {_e(where)}</small></th>"
                    f"<td>{_e(region.text or '').replace(chr(10), '<br>')}</td></tr>")
    return f'<table class="cells">{"".join(rows)}</table>'


def _card(index: int, record: Recommendation, crops: list[Crop], plan: Plan) -> str:
    warnings = "".join(
        f'<li><code>{_e(w.code)}</code> {_e(w.field or "")}: {_e(w.message)}</li>'
        for w in record.warnings)
    completion = record.completion
    status = _status(record)
    source = "".join(_figure(record, crop) for crop in crops) if crops else _cells_as_text(
        record, plan)
    owners = ", ".join(o.name + (f" ({o.expansion})" if o.expansion else "")
                       for o in record.owners)
    return CARD.format(
        index=index,
        id=_e(record.id),
        section=_e(record.section or ""),
        status=_e(status),
        warned="yes" if record.warnings else "no",
        crops=len(crops),
        number=_e(record.number or "—"),
        section_text=_e(record.section or "(no section)"),
        pages=_e(", ".join(map(str, record.pages)) or "—"),
        text=_e(record.text).replace("\n", "<br>"),
        actions="".join(_action(i, a) for i, a in enumerate(record.actions)),
        owners=_e(owners or "—"),
        dates=_dates(record.target_dates) or "—",
        completion=_e(completion.raw if completion else "—"),
        warnings=f'<ul class="warnings">{warnings}</ul>' if warnings else "",
        source=source,
    )


def load_plan(path: Path, options: Options | None = None) -> tuple[Plan, Path | None]:
    """A plan to review and the file it was read from: a converted JSON document (its
    source looked for beside it) or a plan file converted now."""
    from dhrplan.output.jsondoc import plan_from_dict, validation_errors
    if path.suffix.lower() != ".json":
        return convert_file(path, options or Options()), path
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExtractError(f"{path}: not a readable JSON document ({exc})") from exc
    problems = validation_errors(doc)
    if problems:
        raise ExtractError(f"{path}: not a dhrplan document ({problems[0]})")
    plan = plan_from_dict(doc)
    return plan, _source_of(path) or path.parent / plan.source.file


def _source_of(document: Path) -> Path | None:
    """The input a JSON document was converted from, as the manifest of the output folder
    holding it (its folder or one above) records it."""
    from dhrplan.output.manifest import FILENAME, Manifest

    for folder in list(document.resolve().parents)[:3]:
        if (folder / FILENAME).is_file():
            relative = document.resolve().relative_to(folder).as_posix()
            for entry in Manifest.load(folder).entries.values():
                found = entry.output(".json")
                if found is not None and found.path == relative:
                    return Path(entry.path)
    return None


CARD = """<article class="card" id="r{index}" tabindex="-1" data-id="{id}" data-section="{section}"
 data-status="{status}" data-warnings="{warned}" data-crops="{crops}">
<div class="record">
<h2><span class="number">{number}</span> <span class="section">{section_text}</span>
<small class="id">{id} · pages {pages}</small></h2>
<div class="what"><p class="text">{text}</p>
<h3>Actions</h3><ol class="actions">{actions}</ol></div>
<div class="facts"><dl><dt>Owners</dt><dd>{owners}</dd><dt>Target dates</dt><dd>{dates}</dd>
<dt>Status</dt><dd><span class="status">{status}</span> <q>{completion}</q></dd></dl>
{warnings}</div>
</div>
<div class="source">{source}</div>
</article>"""

STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f4f4f4;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:8px 16px;
z-index:1}
header h1{font-size:17px;margin:0 0 4px}
.card{background:#fff;margin:12px 16px;padding:12px;border:1px solid #ccc;border-radius:4px;
scroll-margin-top:calc(var(--head,64px) + 8px)}
.record{display:grid;grid-template-columns:1fr 1fr;gap:0 24px}
.record h2{grid-column:1/3}
@media (min-width:900px){.card{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.5fr);
gap:16px;align-items:start}.record{grid-template-columns:1fr}.record h2{grid-column:1}
.source{position:sticky;top:calc(var(--head,64px) + 8px)}}
.card[hidden]{display:none}
.card.current{outline:3px solid #0a5cff}
.card h2{font-size:16px;margin:0}
.number{background:#222;color:#fff;padding:0 6px;border-radius:3px}
.id{display:block;color:#777;font-weight:normal}
.warnings{background:#fff3cd;border-left:4px solid #e0a800;padding:6px 6px 6px 24px}
.warnings code{background:#ffe08a}
.source{overflow-x:auto}
.figure{position:relative;width:fit-content;max-width:100%;margin-bottom:8px;cursor:zoom-in}
.figure.zoom{max-width:none;cursor:zoom-out}
.crop{max-width:100%;display:block;border:1px solid #999;box-sizing:border-box}
.figure.zoom .crop{max-width:none}
.act{position:absolute;display:none;box-sizing:border-box;border:solid #c0007a;
border-width:0 4px;background:rgba(192,0,122,.16)}
.act.sel{display:block}
.actions li{cursor:pointer;border-radius:3px;padding:1px 3px}
.actions li:hover{background:#f3e6ef}.actions li.sel{background:#f9d3ea}
.cells tr.sel{background:#f9d3ea}
.cells th{text-align:left;vertical-align:top;width:30%}
.cells small{display:block;color:#777;font-weight:normal}
.cells td{white-space:normal;border-bottom:1px solid #eee}
dt{font-weight:bold;float:left;clear:left;width:100px}dd{margin-left:110px}
.read{color:#075}
"""

SCRIPT = """
const cards=[...document.querySelectorAll('.card')];
const only=document.getElementById('only-warnings'),
 section=document.getElementById('section'), status=document.getElementById('status');
function apply(){
 let shown=0;
 for(const c of cards){
  const hide=(only.checked&&c.dataset.warnings!=='yes')||
   (section.value!=='*'&&c.dataset.section!==section.value)||
   (status.value!=='*'&&c.dataset.status!==status.value);
  c.hidden=hide; if(!hide) shown++;
 }
 document.getElementById('shown').textContent=shown;
}
function fromHash(){
 const h=new URLSearchParams(decodeURIComponent(location.hash.slice(1)));
 only.checked=h.has('warnings');
 if(h.has('section')) section.value=h.get('section');
 if(h.has('status')) status.value=h.get('status');
 apply();
 const card=h.has('record')&&document.getElementById(h.get('record'));
 if(card){at=cards.indexOf(card); go(0); if(h.has('action')) pick(card,h.get('action'));}
}
let at=-1;
function pick(card,i){
 const n=String(i);
 card.querySelectorAll('.actions li').forEach(x=>x.classList.toggle('sel',x.dataset.action===n));
 card.querySelectorAll('.act').forEach(x=>x.classList.toggle('sel',x.dataset.action===n));
 card.querySelectorAll('tr[data-actions]').forEach(
  x=>x.classList.toggle('sel',x.dataset.actions.split(' ').includes(n)));
 card.dataset.action=n;
 const mark=card.querySelector('.act.sel');
 if(mark&&mark.closest('.zoom')) mark.scrollIntoView({block:'nearest',inline:'center'});
}
function stepAction(card,by){
 const count=card.querySelectorAll('.actions li').length; if(!count) return;
 const now=Number(card.dataset.action??-1);
 pick(card,now<0?(by>0?0:count-1):Math.max(0,Math.min(count-1,now+by)));
}
document.addEventListener('click',e=>{
 const fig=e.target.closest('.figure');
 if(fig){fig.classList.toggle('zoom'); return;}
 const li=e.target.closest('.actions li'); if(!li) return;
 const card=li.closest('.card');
 pick(card,card.dataset.action===li.dataset.action?-1:li.dataset.action);
});
function go(step){
 const visible=cards.filter(c=>!c.hidden); if(!visible.length) return;
 const now=visible.indexOf(cards[at]);
 const next=visible[Math.max(0,Math.min(visible.length-1,now<0?0:now+step))];
 cards.forEach(c=>c.classList.remove('current'));
 next.classList.add('current'); next.focus(); next.scrollIntoView({block:'start'});
 at=cards.indexOf(next);
}
document.addEventListener('keydown',e=>{
 if(e.target.tagName==='SELECT'||e.target.tagName==='INPUT') return;
 if(e.key==='j') go(1); else if(e.key==='k') go(-1);
 else if((e.key==='n'||e.key==='p')&&at>=0) stepAction(cards[at],e.key==='n'?1:-1);
 else if((e.key==='Enter'||e.key===' ')&&e.target.matches('.actions li')){
  e.preventDefault(); e.target.click();
 }
});
function head(){document.body.style.setProperty('--head',
 document.querySelector('header').offsetHeight+'px');}
window.addEventListener('resize',head); head();
[only,section,status].forEach(x=>x.addEventListener('change',apply));
window.addEventListener('hashchange',fromHash);
fromHash();
"""

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;
 style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Review: {title}</title><style>{style}</style></head>
<body>
<header><h1>Review: {title}</h1>
<div>{file}: {count} recommendations, {warned} with warnings; <span id="shown">{count}</span>
shown. <label><input type="checkbox" id="only-warnings"> only with warnings</label>
<label>section <select id="section"><option value="*">all</option>{sections}</select></label>
<label>status <select id="status"><option value="*">all</option>{statuses}</select></label>
<small>j / k: next / previous record; n / p: its next / previous action (or click one) to
outline it in the source; click a crop to see it full size</small></div></header>
<main>
{cards}
</main>
<script>{script}</script>
</body></html>
"""


def write_review(plan: Plan, source: Path | None, out: Path, password: str | None = None) -> None:
    """The review page written atomically: nothing is left half-written."""
    from dhrplan.output.files import write_text

    write_text(out, review_plan(plan, source, password))


def review_outputs(outdir: Path, password: str | None = None) -> list[str]:
    """`convert --review`: `<stem>.review.html` beside each plan's JSON in `outdir` (every
    plan its manifest lists, as `--combine` covers them); returns one line per failure."""
    from dhrplan.output.jsondoc import plan_from_dict
    from dhrplan.output.manifest import Manifest

    failures: list[str] = []
    for entry in Manifest.load(outdir).entries.values():
        output = entry.output(".json") if entry.ok else None
        if output is None:
            continue
        target = outdir / output.path
        try:
            plan = plan_from_dict(json.loads(target.read_text("utf-8")))
            write_review(plan, Path(entry.path),
                         target.with_name(target.name.removesuffix(".json") + ".review.html"),
                         password)
        except (OSError, ValueError, ExtractError) as exc:
            failures.append(f"{target}: no review page: {exc}")
    return failures
