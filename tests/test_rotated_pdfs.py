"""PDF pages stored rotated (``/Rotate`` 90, 180, 270) read as the upright print.

A scanner, a viewer's "rotate and save" or an office printer stores a portrait
page landscape, its content drawn turned and ``/Rotate`` set so that it shows
upright. pdfium places the characters and paths of such a page in the unrotated
space: every line ran up the page and no layout was recognised (an outside
tester's Chromium prints on US Letter, stored with ``/Rotate 90``: all quarantined).

The documents are generated (``bench/corpus``), printed by ReportLab (ruled
tables: the rules must turn with the text) and stored turned two ways: the page
placed as a form XObject with the turn in its matrix (what pymupdf's
``show_pdf_page`` and imposition tools write), and drawn on a ReportLab canvas
under a rotate transform with ``setPageRotation``. The truth is the generated
values, and the turned file must read exactly as its upright twin.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf
from bma_etl.read.pdf_open import page_shapes, render_page, upright

from conftest import font_file
from corpus import render
from corpus.forms import legacy_form
from corpus.plans import action_plan
from corpus.scan import scan_pdf
from corpus.score import score
from corpus.web import progress_history

SEED = 9090
#: Points a turned page is set in from its sheet's edge.
MARGIN = 36.0
GENERATORS = {"legacy_tab": lambda rng: legacy_form(rng, "tab"),
              "web_history": progress_history, "plan": action_plan}


def stored_turned(upright_pdf: Path, out: Path, rotate: int, margin: float = 0.0) -> None:
    """Write ``upright_pdf`` with each page stored turned and ``/Rotate rotate`` showing it upright.

    Each page becomes a form XObject on a sheet ``margin`` points wider on every
    side, drawn under the matrix that sets it in from the sheet's edge and turns it
    ``rotate`` degrees counter-clockwise (so the viewer's clockwise ``/Rotate`` turns
    it back). ``rotate``: 0, 90, 180 or 270 (0: the same pages, placed unturned).
    """
    src = pdfium.PdfDocument(upright_pdf)
    dest = pdfium.PdfDocument.new()
    for index in range(len(src)):
        width, height = (side + 2 * margin for side in src[index].get_size())
        turned = rotate in (90, 270)
        page = dest.new_page(height if turned else width, width if turned else height)
        placed = src.page_as_xobject(index, dest).as_pageobject()
        # set in by the margin, counter-clockwise by rotate, back onto the sheet
        shift = {0: (0.0, 0.0), 90: (height, 0.0), 180: (width, height), 270: (0.0, width)}[rotate]
        placed.transform(pdfium.PdfMatrix().translate(margin, margin)
                         .rotate(rotate, ccw=True).translate(*shift))
        page.insert_obj(placed)
        page.gen_content()
        page.set_rotation(rotate)
    dest.save(out)


def drawn_turned(out: Path, rotate: int, font: str, font_path: Path,
                 lines: list[tuple[float, float, str]], rule: tuple[float, float, float]) -> None:
    """A ReportLab A4 page drawn turned under ``rotate`` (degrees, counter-clockwise).

    ``lines``: (x, y, text) in the upright page's points; ``rule``: a horizontal
    rule (y, left, right) there. ``setPageRotation`` shows the page upright.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(font_path)))
    width, height = A4
    # ReportLab takes the shown size: with /Rotate 90 or 270 it stores the page landscape.
    c = canvas.Canvas(str(out), pagesize=(width, height))
    c.translate(*{90: (height, 0.0), 180: (width, height), 270: (0.0, width)}[rotate])
    c.rotate(rotate)
    c.setFont(font, 12)
    for x, y, text in lines:
        c.drawString(x, y, text)
    c.setLineWidth(0.5)
    c.line(rule[1], rule[0], rule[2], rule[0])
    c.setPageRotation(rotate)
    c.showPage()
    c.save()


def _shown(path: Path) -> list[bytes]:
    """Each page as a viewer shows it (``/Rotate`` applied), grey at 36 dpi, thresholded."""
    pdf = pdfium.PdfDocument(path)
    try:
        return [page.render(scale=0.5, grayscale=True).to_pil().point(lambda v: 255 * (v > 128))
                .tobytes() for page in pdf]
    finally:
        pdf.close()


#: Fields that name the file itself (its hash, name and path), not what it says.
_OWN = {"doc_id", "source_path", "file_name"}


def _read(path: Path) -> tuple[str, dict[str, list[dict[str, object]]]]:
    """The document's text and its records' fields, those naming the file itself left out."""
    done = process_file(path)
    return done.text, {table: [{k: v for k, v in r.model_dump().items() if k not in _OWN}
                               for r in rows] for table, rows in done.tables.items()}


@pytest.mark.parametrize("generator", tuple(GENERATORS))
def test_page_stored_turned_reads_as_the_upright_print(generator: str, tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(f"{SEED}-{generator}"))
    straight = tmp_path / f"{generator}.pdf"
    render.render_reportlab(doc, straight, "Garuda", font_file("Garuda"),
                            random.Random(f"{SEED}-{generator}-print"))
    # The upright twin is written the same way unturned: the writer's name in the
    # file's metadata (which the reader's rules for wraps look at) is pdfium's in both.
    # The page is set in from the sheet's edge (as printing on larger paper does): its
    # rules stand in the form's space, its text and the sheet's are placed by the form.
    twin = tmp_path / f"{generator}.rot0.pdf"
    stored_turned(straight, twin, 0, MARGIN)
    want = _read(twin)
    for rotate in (90, 180, 270):
        turned = tmp_path / f"{generator}.rot{rotate}.pdf"
        stored_turned(straight, turned, rotate, MARGIN)
        assert _shown(turned) == _shown(twin), f"/Rotate {rotate} does not show upright"
        result = score(process_file(turned), doc.truth)
        assert result.total > 0
        assert not result.lost, f"/Rotate {rotate}: " + "\n".join(
            f"{k}: want {w!r} got {g!r} ({kind})" for k, w, g, kind in result.lost)
        assert _read(turned) == want, f"/Rotate {rotate} reads otherwise than upright"


@pytest.mark.parametrize("rotate", (90, 180, 270))
def test_turned_page_gives_text_and_rules_where_they_show(rotate: int, tmp_path: Path) -> None:
    # Known places on the upright A4 page; read back in the shown page's points.
    rng = random.Random(f"{SEED}-places-{rotate}")
    lines = [(rng.uniform(50, 300), y, f"บรรทัด {i} ค่า {rng.randint(10, 999)}")
             for i, y in enumerate((760.0, 700.0, 640.0, 400.0, 90.0))]
    rule = (rng.uniform(300, 600), 60.0, rng.uniform(400, 540))
    path = tmp_path / f"rot{rotate}.pdf"
    drawn_turned(path, rotate, "Garuda", font_file("Garuda"), lines, rule)
    with pdfium.PdfDocument(path) as pdf:
        page = pdf[0]
        assert upright(page) == pytest.approx((595.2756, 841.8898), abs=0.01)  # A4 portrait
        assert page.get_rotation() == 0
        text = page.get_textpage()
        try:
            for x, y, words in lines:
                at = text.get_text_range().index(words)
                box = text.get_charbox(at, loose=False)  # its first letter's ink
                assert box[0] == pytest.approx(x, abs=1.5), words
                assert box[1] <= y + 1.0 and box[3] > y, words  # on its baseline, upright
        finally:
            text.close()
        paths, _images = page_shapes(page)
        y, left, right = rule
        assert any(abs((b + t) / 2 - y) < 1.0 and abs(le - left) < 1.0 and abs(r - right) < 1.0
                   for le, b, r, t in paths), paths


def test_upright_page_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "turned.pdf"
    drawn_turned(path, 90, "Garuda", font_file("Garuda"), [(72.0, 700.0, "ก")], (500, 60, 400))
    with pdfium.PdfDocument(path) as pdf:
        page = pdf[0]
        assert upright(page) == upright(page)  # turned once only
        assert page.get_textpage().get_charbox(0, loose=False)[0] == pytest.approx(72, abs=1.5)


def test_scan_stored_turned_is_rendered_and_read_upright(tmp_path: Path) -> None:
    # A scan a scanner stored landscape with /Rotate 90: OCR must see the page as shown.
    doc = progress_history(random.Random(f"{SEED}-scan"))
    straight = tmp_path / "history.pdf"
    render.render_reportlab(doc, straight, "Garuda", font_file("Garuda"),
                            random.Random(f"{SEED}-scan-print"))
    scan = tmp_path / "history.scan.pdf"
    scan_pdf(straight, scan, 200, "grey", random.Random(SEED), max_pages=1)
    turned = tmp_path / "history.scan.rot90.pdf"
    stored_turned(scan, turned, 90)
    images = []
    for path in (scan, turned):
        image = tmp_path / f"{path.stem}.png"
        render_page(path.read_bytes(), path.name, 0, str(image), 100)
        with Image.open(image) as shown:
            images.append((shown.size, shown.point(lambda v: 255 * (v > 128)).tobytes()))
    assert images[0] == images[1], "the stored-turned scan is not rendered as shown"
    assert extract_pdf(turned.read_bytes(), turned.name).text \
        == extract_pdf(scan.read_bytes(), scan.name).text


@pytest.mark.parametrize("generator", tuple(GENERATORS))
def test_upright_print_given_a_rotate_reads_as_printed(generator: str, tmp_path: Path) -> None:
    """``qpdf --rotate`` (or a viewer's turn saved) on an upright print: the page shows
    turned, its text running down or backwards as shown; it is read as stored."""
    doc = GENERATORS[generator](random.Random(f"{SEED}-given-{generator}"))
    straight = tmp_path / f"{generator}.pdf"
    render.render_reportlab(doc, straight, "Loma", font_file("Loma"),
                            random.Random(f"{SEED}-given-{generator}-print"))
    want = _read(straight)
    for rotate in (90, 180, 270):
        turned = tmp_path / f"{generator}.given{rotate}.pdf"
        with pdfium.PdfDocument(straight) as pdf:
            for page in pdf:
                page.set_rotation(rotate)
            pdf.save(turned)
        result = score(process_file(turned), doc.truth)
        assert result.total > 0 and not result.lost, (rotate, result.lost[:4])
        assert _read(turned)[1] == want[1], f"/Rotate {rotate} given reads otherwise"
