"""Amounts printed in Thai digits on a scan are read glyph by glyph (``read/ocr_thai_digits``).

Debian's Thai model has no ``๔ ๖ ๗ ๘ ๙``: the twenty-first tester's plan scanned at
150 dpi read ``๗,๔๕๐,๐๐๐`` as ``๓,๕๕๐,๐๐๐`` and ``๒,๗๕๘,๒๕๐`` as ``๒,ฒ๕๕,๒๕๐``, and
every amount was NULL. The amounts here are written first, drawn in Thai digits
with a Thai face at 150 and 200 dpi, given paper noise and blur, scaled up to the
300 dpi the page is read at (as a low-resolution scan is, ``read/ocr_grid``), and
read back: the reading is the amount written, or nothing (never another number).
One OCR'd page checks the whole reading: the model's words come back right.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bma_etl.read.ocr import ocr_image
from bma_etl.read.ocr_digit_glyphs import read_digits
from bma_etl.read.ocr_thai_digits import thai_digit_runs

THAI = str.maketrans("0123456789", "\u0e50\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e59")
#: Amounts holding every digit, the ones the model lacks most.
AMOUNTS = ("7,450,000", "1,285,500.50", "8,735,500.50", "684,320.25", "3,961,748", "418,250")
FONTS = "/usr/share/fonts/truetype/tlwg/"


def _scanned(lines: list[str], face: str, dpi: int, seed: int
             ) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A page of ``lines`` in ``face`` at 16 pt, scanned at ``dpi`` and read at 300.

    Returns the page and each line's box (of its ink as drawn) in the page's pixels.
    """
    rng = np.random.default_rng(seed)
    font = ImageFont.truetype(FONTS + face + ".ttf", round(16 * dpi / 72))
    step = round(16 * dpi / 72 * 1.8)
    page = Image.new("L", (round(5 * dpi), step * (len(lines) + 1)), 255)
    draw = ImageDraw.Draw(page)
    boxes = []
    for n, line in enumerate(lines):
        at = (round(0.5 * dpi), step * n + step // 2)
        draw.text(at, line, font=font, fill=40)
        boxes.append(draw.textbbox(at, line, font=font))
    noisy = np.asarray(page, dtype=float) + rng.normal(0, 10, (page.height, page.width))
    scan = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(0.6))
    scale = 300 / dpi
    read = scan.resize((round(scan.width * scale), round(scan.height * scale)),
                       Image.Resampling.BICUBIC)
    return read, [(round(a * scale), round(b * scale), round(c * scale), round(d * scale))
                  for a, b, c, d in boxes]


@pytest.mark.parametrize(("face", "dpi"), [("Laksaman", 150), ("Laksaman", 200),
                                           ("Loma", 150), ("Kinnari", 200)])
def test_amounts_read_back(face: str, dpi: int) -> None:
    """Every amount reads back as written (Laksaman is TH Sarabun's free twin)."""
    written = [a.translate(THAI) for a in AMOUNTS]
    page, boxes = _scanned(written, face, dpi, seed=dpi)
    assert [read_digits(page, box) for box in boxes] == written


def test_letters_are_not_digits() -> None:
    """A word of Thai letters (the unit after an amount) gives no reading."""
    page, boxes = _scanned(["\u0e1a\u0e32\u0e17", "\u0e2a\u0e48\u0e27\u0e19"], "Laksaman",
                           150, seed=3)
    assert [read_digits(page, box) for box in boxes] == [None, None]


def test_ocr_page_reads_thai_digits() -> None:
    """An OCR'd 150 dpi page of a plan's amounts gives the amounts written."""
    written = [f"\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13 {a.translate(THAI)} "
               "\u0e1a\u0e32\u0e17" for a in AMOUNTS[:4]]
    page, _ = _scanned(written, "Laksaman", 150, seed=11)
    text = ocr_image(page, dpi=300).text
    for amount in AMOUNTS[:4]:
        assert amount.translate(THAI) in text


def _tsv_row(level: int, box: tuple[int, int, int, int], text: str | None) -> str:
    cells = [str(level), "1", "1", "1", "1", "1", *(str(c) for c in box), "90"]
    return "\t".join([*cells, text] if text is not None else cells)


def test_runs_join_a_number_given_a_word_a_digit() -> None:
    """Words of one number with nothing between them in the text are one run."""
    tsv = "\n".join([
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
        "\tconf\ttext",
        _tsv_row(4, (0, 0, 900, 40), None),  # a line's row: no text cell
        _tsv_row(5, (0, 0, 120, 40), "\u0e07\u0e1a"),
        _tsv_row(5, (140, 0, 30, 40), "\u0e51,"),
        _tsv_row(5, (172, 0, 90, 40), "\u0e55\u0e55\u0e50,"),
        _tsv_row(5, (264, 0, 30, 40), "\u0e50\u0e50"),
        _tsv_row(5, (320, 0, 60, 40), "\u0e1a\u0e32\u0e17"),
        _tsv_row(5, (400, 0, 30, 40), "\u0e52"),
    ])
    txt = "\u0e07\u0e1a \u0e51,\u0e55\u0e55\u0e50,\u0e50\u0e50 \u0e1a\u0e32\u0e17 \u0e52\n"
    assert thai_digit_runs(tsv, txt) == [([3, 4, 5], (140, 0, 294, 40)), ([7], (400, 0, 430, 40))]
