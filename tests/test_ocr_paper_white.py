"""A grey scan's paper is made white before OCR; a 1-bit scan is left as it is.

Tesseract's line recogniser reads the grey image it is given: on a grey scan the
paper's noise, JPEG's ringing and the specks the median kept are faint marks it
reads as letters (``หลักแล 553ยง``). ``read/ocr_paper.whitened`` sets the paper
(pixels at or over Otsu's threshold) to white and keeps the ink's grey levels.
Input generated: a page printed in Thai with amounts (fpdf2, a corpus font), scanned
grey and 1-bit at 200 dpi by the corpus's scanner (``bench/corpus/scan.scan_pdf``:
skew, blur, noise, specks, JPEG), rendered at 300 dpi as the pipeline renders it; the
truth is the printed values.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image

from bma_etl.read.ocr import ocr_image
from bma_etl.read.ocr_image import cleaned, levelled, median3

from corpus import render
from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

#: Lines printed: a plan's budget rows, their amounts the values read back.
AMOUNTS = ("2,048,700.00", "8,006,900.00", "29,671,800.00")
LINES = [
    f"โครงการอบรมครุภัณฑ์การแพทย์สำหรับโรงพยาบาลในสังกัด {AMOUNTS[0]} บาท ส่วนโยธา",
    f"โครงการพัฒนาทางเท้าและไฟฟ้าแสงสว่างในพื้นที่เขตตลิ่งชัน {AMOUNTS[1]} บาท ส่วนแผนงานฯ",
    f"รวมงบประมาณทั้งสิ้น {AMOUNTS[2]} บาท",
] * 4


def _scanned(tmp_path: Path, mode: str, seed: int) -> Image.Image:
    """The printed page scanned at 200 dpi in ``mode``, rendered at 300 dpi in grey."""
    family, font_path = next(iter(fonts_or_fail(["Sarabun"]).items()))
    pdf = render.fpdf_page(family, font_path, 14)
    render.fpdf_lines(pdf, LINES, 8)
    printed = tmp_path / "printed.pdf"
    pdf.output(str(printed))
    scan = tmp_path / f"scan{mode}.pdf"
    scan_pdf(printed, scan, 200, mode, random.Random(seed))
    doc = pypdfium2.PdfDocument(str(scan))
    try:
        return doc[0].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def test_a_grey_scans_paper_is_white_and_its_ink_kept(tmp_path: Path) -> None:
    """The paper (noise, specks, JPEG) comes out pure white; the ink's dark pixels stay.

    The amounts are read from the page (a space OCR sets after a comma aside:
    the amount readers take ``2,048, 700.00``).
    """
    scan = _scanned(tmp_path, "grey", 11)
    denoised = np.asarray(median3(levelled(scan)))
    assert (denoised == 255).mean() < 0.1  # the median leaves the paper grey
    page = np.asarray(cleaned(scan))
    assert (page == 255).mean() > 0.85  # white paper
    dark = denoised < 128
    assert dark.sum() > 10_000 and (page[dark] == denoised[dark]).all()  # the ink as it was
    text = ocr_image(Image.fromarray(page), dpi=300).text.replace(" ", "")
    for amount in AMOUNTS:
        assert amount in text


def test_a_one_bit_scan_is_left_as_it_is(tmp_path: Path) -> None:
    """A 1-bit scan's page is white paper already: cleaned() gives the median's pixels."""
    scan = _scanned(tmp_path, "1bit", 11)
    denoised = median3(levelled(scan))
    assert (np.asarray(denoised) == 255).mean() > 0.5
    assert cleaned(scan).tobytes() == denoised.tobytes()
