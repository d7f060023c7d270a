"""A Thai amount OCR cut into words apart is read as one number (``read/ocr_thai_digits``).

Generated plans scanned at 150 and 200 dpi: the Thai model read a blurred ``๘`` as
an Arabic ``6`` (``๑๕,๕6๓๐,๕6๐๐.-``), which cut the amount into runs read alone, each
a part of the number; an amount whose digits stand a little apart is given as two
words with a space (``๑๕,๘ ๓๖,๘๐๐``). The amount is drawn first at 16 pt, 150 dpi,
scaled to the 300 dpi it is read at; OCR's words are written over it as Tesseract
gives them; the readings are the amount, or the words stay apart when the ink
between them is a word's space.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bma_etl.read.ocr_thai_digits import thai_digit_readings, thai_digit_runs

THAI = str.maketrans("0123456789", "".join(chr(0x0E50 + n) for n in range(10)))
FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
HEAD = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
        "\tconf\ttext")
AMOUNT = "15,836,800".translate(THAI)


def _drawn(parts: list[str], space: float) -> tuple[Image.Image, list[tuple[int, ...]]]:
    """``parts`` drawn one after another ``space`` pixels (150 dpi) apart, read at 300.

    Returns the page and each part's box in its pixels.
    """
    font = ImageFont.truetype(FONT, round(16 * 150 / 72))
    page = Image.new("L", (600, 150), 255)
    draw = ImageDraw.Draw(page)
    x, boxes = 75.0, []
    for part in parts:
        draw.text((x, 45), part, font=font, fill=30)
        boxes.append(draw.textbbox((x, 45), part, font=font))
        x += font.getlength(part) + space
    rng = np.random.default_rng(5)
    noisy = np.asarray(page, dtype=float) + rng.normal(0, 8, (page.height, page.width))
    scan = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(0.5))
    return (scan.resize((1200, 300), Image.Resampling.BICUBIC),
            [tuple(round(2 * c) for c in box) for box in boxes])


def _tsv(words: list[tuple[str, tuple[int, ...]]]) -> str:
    """One line of TSV words: ``(text, (left, top, right, bottom))``."""
    rows = [HEAD]
    for n, (text, (left, top, right, bottom)) in enumerate(words, start=1):
        rows.append("\t".join(["5", "1", "1", "1", "1", str(n), str(left), str(top),
                               str(right - left), str(bottom - top), "90", text]))
    return "\n".join(rows) + "\n"


def test_arabic_digit_inside_a_number_keeps_one_run() -> None:
    """``๑๕,๕6๓๐,๕6๐๐.-``: the ``6`` OCR read for ``๘`` is a word of the run."""
    words = [("\u0e51\u0e55,\u0e55", (0, 0, 80, 40)), ("6", (82, 0, 90, 40)),
             ("\u0e53\u0e50,", (92, 0, 150, 40))]
    txt = "\u0e51\u0e55,\u0e556\u0e53\u0e50, \u0e1a\u0e32\u0e17\n"
    assert thai_digit_runs(_tsv(words), txt) == [([1, 2, 3], (0, 0, 150, 40))]


def test_amount_cut_with_a_space_read_as_one() -> None:
    """Two words a digit's gap apart that read as one amount grouped by thousands."""
    page, (first, then) = _drawn([AMOUNT[:4], AMOUNT[4:]], space=1)
    words = [("\u0e51\u0e55,\u0e55", first), ("\u0e53\u0e50,\u0e55\u0e50\u0e50", then)]
    txt = "\u0e51\u0e55,\u0e55 \u0e53\u0e50,\u0e55\u0e50\u0e50\n"
    assert thai_digit_readings(page, _tsv(words), txt) == {1: AMOUNT, 2: ""}


def test_words_a_space_apart_stay_apart() -> None:
    """The same words the face's space apart are two numbers, each read alone."""
    space = ImageFont.truetype(FONT, round(16 * 150 / 72)).getlength(" ")
    page, (first, then) = _drawn([AMOUNT[:4], AMOUNT[4:]], space=space)
    words = [("\u0e51\u0e55,\u0e55", first), ("\u0e53\u0e50,\u0e55\u0e50\u0e50", then)]
    txt = "\u0e51\u0e55,\u0e55 \u0e53\u0e50,\u0e55\u0e50\u0e50\n"
    assert thai_digit_readings(page, _tsv(words), txt) == {1: AMOUNT[:4], 2: AMOUNT[4:]}
