"""A scan whose PDF page is sized for fewer dots to the inch than the image has reads as itself.

A scanner or a conversion tool that writes a 300 dpi scan's pixels on a page declared at
72 dpi makes a page about 875 x 1240 mm: rendered at the OCR resolution it would be
over the megapixel limit, and the file was refused ("over 36 megapixels even at 150
dpi"). Such a page is read at its image's own pixels. The form is generated from known
values, printed, its first page scanned at 300 dpi, and its pixels written on a page
declared at 72 and at 300 dpi: both read the same fields.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_open import render_page

from corpus import render
from corpus.forms import legacy_form
from corpus.scan import scan_pdf
from corpus.score import score
from thai_fonts import font_file


def _scanned(tmp_path: Path) -> tuple[Image.Image, dict[str, object]]:
    doc = legacy_form(random.Random("declared-dpi"), "tab")
    printed = tmp_path / "form.pdf"
    render.render_reportlab(doc, printed, "Garuda", font_file("Garuda"),
                            random.Random("declared-dpi-print"))
    scan = tmp_path / "form.scan.pdf"
    scan_pdf(printed, scan, 300, "1bit", random.Random(5), max_pages=1)
    with pdfium.PdfDocument(scan) as pdf:
        pixels = pdf[0].render(scale=300 / 72, grayscale=True).to_pil()
    return pixels, doc.truth


def test_scan_declared_at_72_dpi_reads_like_the_scan_at_its_own_resolution(
        tmp_path: Path) -> None:
    pixels, truth = _scanned(tmp_path)
    results = {}
    for declared in (300, 72):
        page = tmp_path / f"form.{declared}.pdf"
        pixels.save(page, resolution=declared)
        image = tmp_path / f"page.{declared}.pgm"
        used = render_page(page.read_bytes(), page.name, 0, str(image), 300)
        with Image.open(image) as rendered:
            assert rendered.size == pixels.size, declared  # its own pixels, not more
        assert used == declared
        results[declared] = score(process_file(page), truth)
    assert results[72].quarantined is None, results[72].quarantined
    assert results[300].right >= 10, results[300].lost  # the form's first page, scanned
    assert results[72].right == results[300].right, results[72].lost
