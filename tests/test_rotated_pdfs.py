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
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf
from bma_etl.read.pdf_open import page_shapes, render_page
from bma_etl.read.pdf_upright import upright

from corpus import render
from corpus.forms import legacy_form
from corpus.plans import action_plan
from corpus.scan import scan_pdf
from corpus.score import score
from corpus.web import progress_history
from thai_fonts import font_file

SEED = 9090
#: Points a turned page is set in from its sheet's edge.
MARGIN = 36.0
GENERATORS = {"legacy_tab": lambda rng: legacy_form(rng, "tab"),
              "web_history": progress_history, "plan": action_plan}


def stored_turned(upright_pdf: Path, out: Path, rotate: int, margin: float = 0.0,
                  shown: bool = True) -> None:
    """Write ``upright_pdf`` with each page stored turned and ``/Rotate rotate`` showing it upright.

    Each page becomes a form XObject on a sheet ``margin`` points wider on every
    side, drawn under the matrix that sets it in from the sheet's edge and turns it
    ``rotate`` degrees counter-clockwise (so the viewer's clockwise ``/Rotate`` turns
    it back). ``rotate``: 0, 90, 180 or 270 (0: the same pages, placed unturned).
    ``shown`` False: no ``/Rotate`` is set, the content shows turned on its sheet (a
    landscape form placed turned on portrait paper by an imposition tool).
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
        if shown:
            page.set_rotation(rotate)
    dest.save(out)


def drawn_turned(out: Path, rotate: int, font: str, font_path: Path,
                 lines: list[tuple[float, float, str]], rule: tuple[float, float, float],
                 shown: bool = True) -> None:
    """A ReportLab A4 page drawn turned under ``rotate`` (degrees, counter-clockwise).

    ``lines``: (x, y, text) in the upright page's points; ``rule``: a horizontal
    rule (y, left, right) there. ``setPageRotation`` shows the page upright;
    ``shown`` False: none is set, a landscape page drawn turned on the portrait sheet
    (its ``lines`` in the landscape page's points).
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
    if not shown:  # the landscape page turned onto the portrait sheet
        width, height = height, width
    c.translate(*{90: (height, 0.0), 180: (width, height), 270: (0.0, width)}[rotate])
    c.rotate(rotate)
    c.setFont(font, 12)
    for x, y, text in lines:
        c.drawString(x, y, text)
    c.setLineWidth(0.5)
    c.line(rule[1], rule[0], rule[2], rule[0])
    if shown:
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


def _assert_placed_upright(page: Any, lines: list[tuple[float, float, str]],
                           rule: tuple[float, float, float]) -> None:
    """Assert ``lines`` (x, baseline, words) and ``rule`` (y, left, right) stand as drawn.

    ``page``: a pypdfium2 page, already read upright (:func:`upright`).
    """
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
        _assert_placed_upright(page, lines, rule)


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


PRINTERS = ("reportlab", "fpdf2")


def _printed(printer: str, doc: object, out: Path, seed: str) -> None:
    if printer == "reportlab":
        render.render_reportlab(doc, out, "Garuda", font_file("Garuda"), random.Random(seed))
    else:
        render.render_fpdf(doc, out, "Loma", font_file("Loma"), random.Random(seed),
                           shaping=False, pt=12)


@pytest.mark.parametrize("printer", PRINTERS)
@pytest.mark.parametrize("generator", tuple(GENERATORS))
def test_content_drawn_turned_on_its_sheet_reads_in_its_own_direction(
        generator: str, printer: str, tmp_path: Path) -> None:
    # No /Rotate: the page placed turned (90 or 270 degrees) on a sheet the other way
    # round, its text matrices turned; it must read as its upright twin, every value.
    doc = GENERATORS[generator](random.Random(f"{SEED}-drawn-{generator}"))
    straight = tmp_path / f"{generator}.pdf"
    _printed(printer, doc, straight, f"{SEED}-drawn-{generator}-print")
    twin = tmp_path / f"{generator}.rot0.pdf"
    stored_turned(straight, twin, 0, MARGIN)
    want = _read(twin)
    for rotate in (90, 270):
        turned = tmp_path / f"{generator}.drawn{rotate}.pdf"
        stored_turned(straight, turned, rotate, MARGIN, shown=False)
        result = score(process_file(turned), doc.truth)
        assert result.total > 0
        assert not result.lost, f"drawn turned {rotate}: " + "\n".join(
            f"{k}: want {w!r} got {g!r} ({kind})" for k, w, g, kind in result.lost)
        assert _read(turned) == want, f"drawn turned {rotate} reads otherwise than upright"


@pytest.mark.parametrize("rotate", (90, 270))
def test_text_drawn_turned_without_rotate_is_placed_as_upright(rotate: int,
                                                              tmp_path: Path) -> None:
    # ReportLab draws a landscape page turned on portrait A4 (the text in the page's own
    # content, no form): read back in the landscape page's points.
    rng = random.Random(f"{SEED}-drawn-places-{rotate}")
    lines = [(rng.uniform(50, 500), y, f"บรรทัด {i} ค่า {rng.randint(10, 999)}")
             for i, y in enumerate((540.0, 480.0, 420.0, 300.0, 200.0, 120.0, 90.0, 60.0))]
    rule = (rng.uniform(300, 500), 60.0, rng.uniform(400, 780))
    path = tmp_path / f"drawn{rotate}.pdf"
    drawn_turned(path, rotate, "Garuda", font_file("Garuda"), lines, rule, shown=False)
    with pdfium.PdfDocument(path) as pdf:
        page = pdf[0]
        assert page.get_size() == pytest.approx((595.2756, 841.8898), abs=0.01)  # portrait
        assert upright(page) == pytest.approx((841.8898, 595.2756), abs=0.01)  # landscape
        _assert_placed_upright(page, lines, rule)


def test_a_few_turned_heads_in_an_upright_page_leave_it_as_it_is(tmp_path: Path) -> None:
    # Upright rows with two column heads drawn turned: the page is not turned.
    from reportlab.pdfgen import canvas

    path = tmp_path / "heads.pdf"
    c = canvas.Canvas(str(path), pagesize=(595.2756, 841.8898))
    for i in range(12):
        c.drawString(72, 700 - 20 * i, f"row {i} value {i * 7}")
    for x in (400.0, 430.0):
        c.saveState()
        c.translate(x, 700)
        c.rotate(90)
        c.drawString(0, 0, "turned head")
        c.restoreState()
    c.showPage()
    c.save()
    with pdfium.PdfDocument(path) as pdf:
        page = pdf[0]
        assert upright(page) == pytest.approx((595.2756, 841.8898), abs=0.01)
        assert page.get_textpage().get_charbox(0, loose=False)[0] == pytest.approx(72, abs=1.5)


def test_many_turned_glyph_heads_drawn_first_leave_an_upright_page_as_it_is(
        tmp_path: Path) -> None:
    # Twelve column heads set vertical, one glyph per text object and drawn first (72
    # turned objects, few characters), then thirty upright rows: the page is judged by
    # all its characters, not its first objects, so it stays and every row reads.
    from reportlab.pdfgen import canvas

    from bma_etl.read.pdf_layers import read_layers

    rng = random.Random(f"{SEED}-glyph-heads")
    path = tmp_path / "glyph_heads.pdf"
    c = canvas.Canvas(str(path), pagesize=(595.2756, 841.8898))
    for k in range(12):
        c.saveState()
        c.translate(200 + 30 * k, 760)
        c.rotate(90)
        for i, glyph in enumerate("Month "[:5] + str(k % 10)):
            c.drawString(7 * i, 0, glyph)
        c.restoreState()
    rows = [f"row {i} value {rng.randint(100, 99999)}" for i in range(30)]
    for i, row in enumerate(rows):
        c.drawString(72, 700 - 20 * i, row)
    c.showPage()
    c.save()
    with pdfium.PdfDocument(path) as pdf:
        page = pdf[0]
        assert upright(page) == pytest.approx((595.2756, 841.8898), abs=0.01)
    text = read_layers(path.read_bytes(), path.name)[0].text
    assert [row for row in rows if row not in text] == [], text[:300]


def test_a_short_last_page_of_an_upright_print_given_rotate_reads_as_the_others(
        tmp_path: Path) -> None:
    # ``qpdf --rotate=+90`` of an upright print: every page shows turned, each is read as
    # stored. The last page holds two short lines, too few letters to tell alone which
    # way it reads: it reads as the document's other pages did, not turned.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "Garuda" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Garuda", str(font_file("Garuda"))))
    rng = random.Random(f"{SEED}-short-last")
    body = [f"ผลงานเดือนที่ {month} ร้อยละ {rng.randint(10, 99)}" for month in range(1, 11)]
    last = [f"ผลงานเดือนที่ {month}" for month in (11, 12)]
    upright_pdf, turned = tmp_path / "upright.pdf", tmp_path / "turned.pdf"
    c = canvas.Canvas(str(upright_pdf), pagesize=(841.8898, 595.2756))
    for page in (body, last):
        c.setFont("Garuda", 12)
        for i, line in enumerate(page):
            c.drawString(72, 520 - 24 * i, line)
        c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(upright_pdf)
    for page in pdf:
        page.set_rotation(90)
    pdf.save(turned)
    pdf.close()
    lines = extract_pdf(turned.read_bytes(), turned.name).text.split("\n")
    for line in body + last:
        assert line in lines, line
