"""Pages printed scaled into another read as the same pages printed at full size.

"Fit to page", "shrink to the printable area", 2-up and booklet printing (and
PyMuPDF's ``show_pdf_page``) place each printed page into a new one as a Form
XObject drawn through a matrix. pdfium gives two things in the form's own space:
the bounds of the paths inside it (a ruled table's rules) and the place of each
character an ``/ActualText`` span gives (Chromium writes one for every Thai
cluster with a mark), so at 70 % ``สำ`` stood where the full-size page had it
(:mod:`bma_etl.read.pdf_forms`). Generated documents are printed by Chromium,
each page placed into a new PDF at full size (moved) and at 70 % and 50 % with
pypdfium2's XObject API; the truth is the generated values.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_open import page_shapes

from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.score import score

SEED = 7070


def placed(src: Path, out: Path, scale: float, dx: float, dy: float) -> None:
    """Every page of ``src`` drawn as a Form XObject scaled by ``scale``, moved by (dx, dy)."""
    pdf = pdfium.PdfDocument(src)
    dest = pdfium.PdfDocument.new()
    try:
        for i in range(len(pdf)):
            width, height = pdf[i].get_size()
            obj = pdf.page_as_xobject(i, dest).as_pageobject()
            obj.transform(pdfium.PdfMatrix().scale(scale, scale).translate(dx, dy))
            page = dest.new_page(width, height)
            page.insert_obj(obj)
            page.gen_content()
        dest.save(out)
    finally:
        dest.close()
        pdf.close()


@pytest.mark.parametrize("generator", ["web_detail", "legacy_pipe"])
def test_chromium_prints_scaled_into_a_page_read_as_printed(generator: str,
                                                            tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    found = fonts.available()
    font = "Sarabun" if "Sarabun" in found else sorted(found)[0]
    doc = GENERATORS[generator](random.Random(f"{SEED}-{generator}"))
    truth = json.loads(doc.truth_json())
    printed = tmp_path / "printed.pdf"
    render.render_chromium(doc, printed, font, found[font], random.Random(SEED),
                           header_footer=False)
    for scale, dx, dy in ((1.0, 18.0, -24.0), (0.7, 40.0, 60.0), (0.5, 30.0, 300.0)):
        pdf = tmp_path / f"scaled-{scale}.pdf"
        placed(printed, pdf, scale, dx, dy)
        assert _misplaced(printed, pdf, scale, dx, dy) == []
        right, total, lost = score(process_file(pdf), truth)
        assert right == total, (scale, right, total, lost[:6])


def _misplaced(printed: Path, placed_pdf: Path, scale: float, dx: float,
               dy: float) -> list[tuple[int, int, str]]:
    """The characters of ``placed_pdf`` whose origin or loose box edges are not
    those of ``printed`` scaled by ``scale`` and moved by (dx, dy) (within 0.05 pt)."""
    from bma_etl.read.pdf_glyphs import Glyphs

    wrong = []
    one, two = pdfium.PdfDocument(printed), pdfium.PdfDocument(placed_pdf)
    try:
        for p in range(len(one)):
            a, b = Glyphs(one[p].get_textpage()), Glyphs(two[p].get_textpage())
            raw = one[p].get_textpage().get_text_range()
            for i, char in enumerate(raw):
                if a.generated(i):
                    continue
                want = [scale * x + dx for x in a.edges(i)]
                got = list(b.edges(i))
                origin, moved = a.origin(i), b.origin(i)
                if origin is not None and moved is not None:
                    want += [scale * origin[0] + dx, scale * origin[1] + dy]
                    got += list(moved)
                if got != pytest.approx(want, abs=0.05):
                    wrong.append((p, i, char))
    finally:
        one.close()
        two.close()
    return wrong[:8]


def test_rules_inside_a_scaled_form_stand_where_the_page_draws_them() -> None:
    """A box drawn in a form placed at half size, moved: its sides where they are drawn."""
    import io

    from reportlab.pdfgen import canvas

    from bma_etl.read.pdf_tables import rules_of

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(600, 800))
    page.setLineWidth(0.5)
    page.beginForm("cell")
    page.rect(200, 400, 150, 50)
    page.endForm()
    page.doForm("cell")  # once at full size
    page.saveState()
    page.translate(100, 50)
    page.scale(0.5, 0.5)
    page.doForm("cell")  # once at half size: x 200..275, y 250..275
    page.restoreState()
    page.showPage()
    page.save()
    pdf = pdfium.PdfDocument(out.getvalue())
    try:
        rules = rules_of(page_shapes(pdf[0])[0])
    finally:
        pdf.close()
    assert [x for x, _, _ in rules.vertical] == pytest.approx([200, 200, 275, 350], abs=0.6)
    assert sorted(y for y, _, _ in rules.horizontal) == pytest.approx([250, 275, 400, 450],
                                                                     abs=0.6)


@pytest.mark.parametrize("size", [5.5, 11.0])
def test_text_running_over_a_grid_cell_is_one_cell(size: float, tmp_path: Path) -> None:
    """A spreadsheet printed small (Calc's fit to width: 5.5 pt): a cell's text runs
    over the empty cell right of it, where the grid stops, and the next row's rule
    ends at that row's foot, a fifth of a point under the baseline. The line is
    one cell (``100.00`` read ``10 0.00`` before); a row of two cells keeps them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from bma_etl.read.pdf_breaks import closed
    from bma_etl.read.pdf_layout import page_lines
    from bma_etl.read.pdf_tables import rules_of

    from thai_fonts import font_file

    pdfmetrics.registerFont(TTFont("GridThai", str(font_file("Garuda"))))
    rng = random.Random(f"{SEED}-grid-{size}")
    pitch, left, split, right = 1.35 * size, 50.0, 50.0 + 16 * size, 50.0 + 50 * size
    rows: list[tuple[str, ...]] = []
    for k in range(12):
        amount = f"{rng.choice((10, 30, 45, 60, 90, 100))}.00"
        if k % 2:
            rows.append((f"{rng.randint(1, 99)}.{rng.randint(0, 9)}", f"ร้อยละ {amount}"))
        else:
            rows.append((f"({k // 2 + 1}) ความคืบหน้าโครงการฯ ร้อยละ {amount} "
                         f"(2022-{rng.randint(1, 12):02d}-{rng.randint(10, 28)})",))
    pdf = tmp_path / "grid.pdf"
    page = canvas.Canvas(str(pdf), pagesize=(595, 842))
    page.setLineWidth(0.3)
    page.setFont("GridThai", size)
    top = 780.0
    for k, cells in enumerate(rows):
        foot = top - (k + 1) * pitch
        page.line(left, foot, right, foot)
        page.line(left, foot + pitch, right, foot + pitch)
        page.line(left, foot, left, foot + pitch)
        page.line(right, foot, right, foot + pitch)
        if len(cells) == 2:  # the grid between two filled cells; none under overflowing text
            page.line(split, foot, split, foot + pitch)
        page.drawString(left + 2, foot + 0.2, cells[0])
        if len(cells) == 2:
            page.drawString(split + 2, foot + 0.2, cells[1])
    page.showPage()
    page.save()
    document = pdfium.PdfDocument(str(pdf))
    try:
        rules, _cut = closed(rules_of(page_shapes(document[0])[0]))
        lines = page_lines(document[0].get_textpage(), rules.vertical)
    finally:
        document.close()
    assert [line.text for line in lines if line.text] == ["\t".join(cells) for cells in rows]
