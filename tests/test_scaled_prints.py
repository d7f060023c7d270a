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

    from bma_etl.read.pdf_forms import page_shapes
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
