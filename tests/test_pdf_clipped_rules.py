"""Rules a browser draws past the page's foot and clips away cut no line into cells.

Chromium prints a ruled table that a page break cuts by drawing the cut row's rules
on past the printable area, down through its print footer
(``file:///…/page.html`` and ``1/2``), and clipping them there. Read without the
clip, those rules cut the footer into cells: it was no longer known as the
browser's footer, and the rows at the top of the next page were joined into it as
the rest of a cut row (the month rows of a project-detail page lost). The truth is
the values the page (``bench/corpus/web.py`` ``project_detail_long``) was
generated from.
"""

from __future__ import annotations

import ctypes
import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_open import clipped, page_shapes

from corpus import render
from corpus.score import score
from corpus.web import project_detail_long
from thai_fonts import font_file


def _rules_clipped(pdf: Path) -> int:
    """How many paths of the print its clip paths cut (drawn past the printable area)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    count = 0
    document = pdfium.PdfDocument(str(pdf))
    for page in document:
        for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
            if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            corners = [ctypes.c_float() for _ in range(4)]
            pdfium_c.FPDFPageObj_GetBounds(obj, *corners)
            box = (corners[0].value, corners[1].value, corners[2].value, corners[3].value)
            count += clipped(obj, box) != box
    document.close()
    return count


@pytest.mark.parametrize("seed", [0, 3, 6])
def test_detail_page_printed_with_a_table_cut_at_the_page_foot_reads_every_field(
        seed: int, tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("chromium not installed: apt-get install chromium (make venv installs it)")
    doc = project_detail_long(random.Random(f"clip-{seed}"))
    pdf = tmp_path / "detail.chromium.pdf"
    render.render_chromium(doc, pdf, "Sarabun", font_file("Sarabun"), random.Random(seed),
                           header_footer=True, paper="A4")
    assert _rules_clipped(pdf) > 0  # a row the page's foot cut, its rules drawn on
    result = score(process_file(pdf), doc.truth)
    assert not result.lost, "\n".join(f"{k}: want {w!r} got {g!r} ({kind})"
                                      for k, w, g, kind in result.lost)
    assert len(doc.tables["monthly_progress"]) == 12


def test_clip_cuts_a_rule_to_the_printable_area(tmp_path: Path) -> None:
    """A rule drawn from inside the clip to past it keeps only its part inside."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    with pdf.rect_clip(x=20, y=20, w=100, h=100):  # mm from the top left
        pdf.line(50, 50, 50, 200)
    pdf.line(150, 50, 150, 200)
    path = tmp_path / "clip.pdf"
    pdf.output(str(path))
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    paths, _images = page_shapes(document[0])
    document.close()
    mm = 72 / 25.4
    height = 297 * mm
    spans = sorted((round(box[0] / mm), round((height - box[3]) / mm),
                    round((height - box[1]) / mm)) for box in paths)
    assert spans == [(50, 50, 120), (150, 50, 200)]
