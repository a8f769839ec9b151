"""`dhrplan review`: every record beside the right place of its source, in a page a real
browser opens with its filters working."""

from __future__ import annotations

import base64
import html
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from region_words import words_in_boxes, words_of
from sample_facts import SAMPLES

from dhrplan.cli import main
from dhrplan.normalize.record import Plan
from dhrplan.pipeline import convert_file
from dhrplan.review import ReviewSettings, _by_page, crop_box, review_plan

LILY = SAMPLES / "somerset-dhr-lily-action-plan.pdf"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                    "(apt-get install chromium)")
_IMG = re.compile(r'<img class="crop" alt="source of ([^"]+)" src="data:image/png;base64,([^"]+)"')


COUNCIL = Path(__file__).parent / "fixtures" / "council-plan.pdf"


@pytest.fixture(scope="module")
def council_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Plan]:
    """The review page of a PDF where some records have warnings and some not, with
    several sections and statuses."""
    plan = convert_file(COUNCIL)
    out = tmp_path_factory.mktemp("review") / "council.review.html"
    out.write_text(review_plan(plan, COUNCIL), "utf-8")
    return out, plan


def test_crops_hold_the_words_of_the_recommendation_text() -> None:
    plan = convert_file(LILY)
    page = review_plan(plan, LILY)
    crops: dict[str, list[Image.Image]] = {}
    for rec_id, data in _IMG.findall(page):
        crops.setdefault(rec_id, []).append(Image.open(io.BytesIO(base64.b64decode(data))))
    settings = ReviewSettings()
    assert set(crops) == {r.id for r in plan.recommendations}
    for record in plan.recommendations:
        by_page = _by_page(record.source_regions)
        boxes = [(page_no, list(crop_box(regions, settings.margin)))
                 for page_no, regions in by_page.items()]
        missing = [w for w in words_of(record.text) if w not in words_in_boxes(LILY, boxes)]
        assert not missing, (record.id, missing)
        assert len(crops[record.id]) == len(boxes)  # one crop per page, of that box
        for image, (_, (x0, top, x1, bottom)) in zip(crops[record.id], boxes, strict=True):
            assert abs(image.width - (x1 - x0) * settings.scale) <= 2 + settings.margin * 2
            assert abs(image.height - (bottom - top) * settings.scale) <= 2 + settings.margin * 2


def test_text_and_word_inputs_show_their_cells_as_text(tmp_path: Path) -> None:
    for source in (SAMPLES / "somerset-dhr-lily-action-plan.txt",
                   Path(__file__).parent / "fixtures" / "council-plan.docx"):
        out = tmp_path / f"{source.stem}.html"
        assert main(["review", str(source), "-o", str(out)]) == 0
        page = out.read_text("utf-8")
        plan = convert_file(source)
        assert "<img" not in page
        assert page.count('<table class="cells">') == len(plan.recommendations)
        first = plan.recommendations[0]
        assert first.text.split("\n")[0][:40] in page.replace("<br>", "\n")


def test_convert_review_and_json_review_need_no_network(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(LILY), "-o", str(out), "--review", "--format", "json"]) == 0
    page = (out / "somerset-dhr-lily-action-plan.pdf.review.html").read_text("utf-8")
    assert page.count('class="card"') == 8
    assert not re.search(r'(?:src|href)="(?!data:)', page)  # nothing fetched from anywhere
    again = tmp_path / "again.html"  # the JSON's source found through the manifest
    assert main(["review", str(out / "somerset-dhr-lily-action-plan.pdf.json"), "-o",
                 str(again)]) == 0
    assert again.read_text("utf-8") == page


def test_review_of_a_json_without_its_pdf_is_one_line(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(LILY), "-o", str(out), "--format", "json"]) == 0
    alone = tmp_path / "alone.json"
    shutil.copy(out / "somerset-dhr-lily-action-plan.pdf.json", alone)
    target = tmp_path / "r.html"
    assert main(["review", str(alone), "-o", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert "--source" in err and len(err.splitlines()) == 1 and not target.exists()


def _dom(page: Path, fragment: str = "") -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--dump-dom", page.as_uri() + fragment],
        capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def _cards(dom: str) -> list[str]:
    return re.findall(r'<article class="card"[^>]*>', dom)


@needs_chromium
def test_browser_shows_every_record_with_its_crop(council_page: tuple[Path, Plan],
                                                   tmp_path: Path) -> None:
    page, plan = council_page
    dom = _dom(page)
    cards = _cards(dom)
    assert len(cards) == len(plan.recommendations)
    assert not any(" hidden" in c for c in cards)
    for record in plan.recommendations:  # each card holds its record's crop
        card = dom.split(f'data-id="{record.id}"', 1)[1].split("</article>", 1)[0]
        assert f'<img class="crop" alt="source of {record.id}"' in card
    assert f'<span id="shown">{len(plan.recommendations)}</span>' in dom  # the script ran
    shot = tmp_path / "shot.png"
    assert CHROMIUM is not None
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--hide-scrollbars",
                    "--window-size=1000,700", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=60, check=True)
    assert Image.open(shot).size == (1000, 700)


@needs_chromium
@pytest.mark.parametrize("fragment", ["#warnings", "#status=complete", "#section=MARAC"])
def test_browser_filters_show_only_the_matching_records(
    council_page: tuple[Path, Plan], fragment: str
) -> None:
    page, plan = council_page
    wanted = {
        "#warnings": lambda r: bool(r.warnings),
        "#status=complete": lambda r: r.completion is not None
        and r.completion.status == "complete",
        "#section=MARAC": lambda r: r.section == "MARAC",
    }[fragment]
    shown = {r.id for r in plan.recommendations if wanted(r)}
    assert 0 < len(shown) < len(plan.recommendations)  # the filter has something to do
    dom = _dom(page, fragment)
    visible = {m for c in _cards(dom) if " hidden" not in c
               for m in re.findall(r'data-id="([^"]+)"', c)}
    assert visible == shown
    assert f'<span id="shown">{len(shown)}</span>' in dom


@needs_chromium
def test_browser_j_and_k_move_between_records(council_page: tuple[Path, Plan],
                                              tmp_path: Path) -> None:
    keys = "".join(f"document.dispatchEvent(new KeyboardEvent('keydown',{{key:'{k}'}}));"
                   for k in "jjjk")
    pressed = tmp_path / "pressed.html"
    pressed.write_text(council_page[0].read_text("utf-8").replace(
        "</body>", f"<script>{keys}</script></body>"), "utf-8")
    current = re.findall(r'<article class="card current" id="(r\d+)"', _dom(pressed))
    assert current == ["r1"]


PROBE = """<script>
window.addEventListener('load', () => {
 const box = e => { const r = e.getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom]; };
 const cards = [...document.querySelectorAll('.card')].map(c => ({
  record: box(c.querySelector('.record')), crop: box(c.querySelector('.crop'))}));
 document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j'}));
 document.dispatchEvent(new KeyboardEvent('keydown', {key: 'n'}));
 document.dispatchEvent(new KeyboardEvent('keydown', {key: 'n'}));
 const card = document.querySelector('.card.current');
 const marks = [...card.querySelectorAll('.act.sel')].map(box);
 document.body.dataset.probe = JSON.stringify({width: innerWidth, cards, marks,
  crop: box(card.querySelector('.crop')), picked: card.querySelector('.actions li.sel')
  ?.dataset.action});
});
</script>"""
"""Measures the laid-out page once its crops are decoded: where each card's record and
crop are, and the outline of the action that n / n selected (the second of the first card)."""


@pytest.fixture(scope="module")
def lily_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Plan]:
    """A plan whose actions share their cells, so each action's outline is a band."""
    plan = convert_file(LILY)
    out = tmp_path_factory.mktemp("review") / "lily.review.html"
    out.write_text(review_plan(plan, LILY), "utf-8")
    return out, plan


def _probe(page: Path, tmp_path: Path, width: int, height: int) -> dict:
    probed = tmp_path / f"probe-{width}.html"
    probed.write_text(page.read_text("utf-8").replace("</body>", PROBE + "</body>"), "utf-8")
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--hide-scrollbars", "--virtual-time-budget=3000",
         f"--window-size={width},{height}", "--dump-dom", probed.as_uri()],
        capture_output=True, text=True, timeout=60, check=True)
    found = re.search(r'data-probe="([^"]+)"', done.stdout)
    assert found, "the probe did not run"
    return json.loads(html.unescape(found[1]))


@needs_chromium
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1024, 768)])
def test_on_a_laptop_screen_each_crop_sits_beside_its_card_and_outlines_the_action(
    lily_page: tuple[Path, Plan], tmp_path: Path, width: int, height: int
) -> None:
    page, plan = lily_page
    probe = _probe(page, tmp_path, width, height)
    assert probe["width"] == width
    assert len(probe["cards"]) == len(plan.recommendations)
    for card in probe["cards"]:
        (_, rtop, rx1, rbottom), (cx0, ctop, cx1, cbottom) = card["record"], card["crop"]
        assert cx0 >= rx1 and ctop < rbottom and cbottom > rtop  # beside, not below
        assert cx1 <= width and cx1 - cx0 > 0.4 * width  # wide enough to read
    assert probe["picked"] == "1"
    first = plan.recommendations[0]
    own = [r for r in first.source_regions if r.action == 1 and r.page == 1]
    assert len(probe["marks"]) == len(own) > 0
    x0, top, x1, bottom = probe["crop"]
    for mx0, mtop, mx1, mbottom in probe["marks"]:  # inside the crop, a band of it
        assert x0 - 1 <= mx0 < mx1 <= x1 + 1 and top - 1 <= mtop < mbottom <= bottom + 1
        assert mbottom - mtop < (bottom - top) / 2
    if width == 1280:  # the picture: the outline drawn right of the card's text
        shot = tmp_path / "shot.png"
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--disable-background-networking",
                        "--hide-scrollbars", "--virtual-time-budget=3000",
                        f"--window-size={width},{height}", f"--screenshot={shot}",
                        (tmp_path / f"probe-{width}.html").as_uri()],
                       capture_output=True, timeout=60, check=True)
        image = Image.open(shot).convert("RGB")
        assert image.size == (width, height)
        outline = [x for x in range(0, width, 2) for y in range(0, height, 2)
                   if _near(image.getpixel((x, y)), (192, 0, 122))]
        assert len(outline) > 40 and min(outline) > probe["cards"][0]["record"][2]


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 40 for a, b in zip(pixel, colour, strict=True))
