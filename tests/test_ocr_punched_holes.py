"""Punched holes' shadows in a scan's margin are paper: painted white before OCR.

A sheet filed in a binder, scanned at 200 dpi, shows its holes as dark disks
5-8 mm across in its left margin (a half-moon where the page edge cuts one);
Tesseract read one as letters into a report's detail (``... และ Tn\\n9จเฉอวยู.``,
the 21st outside test's ``A_skew_border_holes.tif``). A page is drawn from known
marks: text lines from the margin in, a row's first letters and a ``|`` rule near
the margin, a filled box and a disk a text line runs through; holes are put beside
them. :func:`~.ocr_holes.without_holes` paints the holes white and leaves every
other mark's pixels as they were.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bma_etl.read.ocr_holes import without_holes

from thai_fonts import font_file

DPI = 200
MM = DPI / 25.4
#: A text line's words (Thai, as a form's rows begin).
WORDS = "\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e04\u0e23\u0e31\u0e49\u0e07\u0e17\u0e35\u0e48 6"


def _page() -> tuple[Image.Image, list[tuple[int, int, int, int]], np.ndarray]:
    """An A4 page at :data:`DPI`: its image, the holes' boxes, and the mask of its other ink."""
    page = Image.new("L", (round(210 * MM), round(297 * MM)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_file("Garuda")), round(12 / 72 * DPI))
    for k in range(40):
        y = round((25 + 6 * k) * MM)
        draw.text((round(25 * MM), y), f"{WORDS} {k}", fill=0, font=font)
    # a row's first letters and a "|" rule near the margin
    draw.text((round(13 * MM), round(40 * MM)), "1.", fill=0, font=font)
    draw.line((round(21 * MM), round(100 * MM), round(21 * MM), round(200 * MM)), fill=0, width=3)
    # a filled box and a disk a text line runs through: ink, not holes
    draw.rectangle((round(8 * MM), round(220 * MM), round(14 * MM), round(226 * MM)), fill=0)
    r = 3.3 * MM
    cx, cy = 11 * MM, 250 * MM
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=20)
    draw.line((cx, cy, 30 * MM, cy), fill=0, width=4)
    ink = np.asarray(page) < 128
    holes = []
    for x, y, radius in ((11 * MM, 80 * MM, 3.0 * MM), (11 * MM, 160 * MM, 4.0 * MM),
                         (0, 120 * MM, 3.3 * MM), (page.width, 190 * MM, 3.0 * MM)):
        box = (round(y - radius), round(y + radius) + 1, round(x - radius), round(x + radius) + 1)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=25)
        holes.append(box)
    blurred = page.filter(ImageFilter.GaussianBlur(0.8))
    return blurred, holes, ink


def test_holes_go_and_every_other_mark_stays() -> None:
    page, holes, ink = _page()
    before = np.asarray(page)
    after = np.asarray(without_holes(page, DPI))
    width = before.shape[1]
    for top, bottom, left, right in holes:
        inside = after[top:bottom, max(0, left):min(width, right)]
        assert (inside < 128).sum() == 0, (top, left)
    # every other mark keeps its pixels (its own and a blur's width round it)
    kept = np.asarray(Image.fromarray(ink).filter(ImageFilter.MaxFilter(5)))
    assert kept.sum() > 10000
    assert np.array_equal(after[kept], before[kept])


def test_a_page_without_holes_is_left_alone() -> None:
    page = Image.new("L", (round(210 * MM), round(297 * MM)), 255)
    ImageDraw.Draw(page).text((round(25 * MM), round(30 * MM)), WORDS, fill=0,
                              font=ImageFont.truetype(str(font_file("Garuda")), 33))
    assert without_holes(page, DPI) is page
