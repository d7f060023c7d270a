"""Thai digits broken apart or touching, on a 150 dpi scan, read glyph by glyph.

Generated plans scanned at 150 dpi in one bit broke a thin face's ``๒`` into its head
and stroke side by side and ran ``๕๖`` or ``๗๔`` into one piece; the glyph reader
(``read/ocr_digit_glyphs``) left every such number as Tesseract read it (``๒๕๖๕`` as
``๒๕๒๕``). Numbers are written first, drawn glyph by glyph at 16 pt and 150 dpi with a
digit broken by a white line down its middle or the digits moved together until they
touch, noised, blurred, scaled to 300 dpi, and read back: the number written, or
nothing (never another number).
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bma_etl.read.ocr_digit_glyphs import read_digits

THAI = str.maketrans("0123456789", "".join(chr(0x0E50 + n) for n in range(10)))
FONTS = "/usr/share/fonts/truetype/tlwg/"
DPI = 150


def _scanned(number: str, face: str, *, kern: float = 0.0, broken: int | None = None,
             seed: int = 1) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """``number`` drawn a glyph at a time, scanned at 150 dpi and read at 300; its box.

    ``kern``: pixels (at 150 dpi) each glyph is moved towards the last; ``broken``: the
    index of a glyph cut by a one-pixel white line down its middle.
    """
    font = ImageFont.truetype(FONTS + face + ".ttf", round(16 * DPI / 72))
    page = Image.new("L", (4 * DPI, DPI), 255)
    draw = ImageDraw.Draw(page)
    x, y = 0.5 * DPI, 0.3 * DPI
    boxes = []
    for glyph in number:
        draw.text((x, y), glyph, font=font, fill=30)
        boxes.append(draw.textbbox((x, y), glyph, font=font))
        x += font.getlength(glyph) - kern
    if broken is not None:
        left, top, right, bottom = boxes[broken]
        draw.line([((left + right) // 2, top), ((left + right) // 2, bottom)], fill=255)
    rng = np.random.default_rng(seed)
    noisy = np.asarray(page, dtype=float) + rng.normal(0, 8, (page.height, page.width))
    scan = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(0.5))
    scale = 300 / DPI
    read = scan.resize((round(scan.width * scale), round(scan.height * scale)),
                       Image.Resampling.BICUBIC)
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes),
           max(b[2] for b in boxes), max(b[3] for b in boxes))
    return read, (round(box[0] * scale), round(box[1] * scale),
                  round(box[2] * scale), round(box[3] * scale))


@pytest.mark.parametrize("face", ["Norasi", "Garuda", "Laksaman", "Waree", "Umpush"])
def test_broken_digit_read(face: str) -> None:
    """A ``๒`` broken into two pieces side by side is joined and read."""
    written = "2565".translate(THAI)
    page, box = _scanned(written, face, broken=0)
    assert read_digits(page, box) == written


@pytest.mark.parametrize(("face", "number", "kern"), [
    ("Norasi", "2565", 2.0), ("Waree", "6,744,100", 3.0), ("Umpush", "6,744,100", 3.0),
    ("Kinnari", "3,936,800", 2.0)])
def test_touching_digits_read(face: str, number: str, kern: float) -> None:
    """Two digits run into one piece are cut where both sides read surely."""
    written = number.translate(THAI)
    page, box = _scanned(written, face, kern=kern)
    assert read_digits(page, box) == written


@pytest.mark.parametrize("face", ["Norasi", "Garuda", "Laksaman", "Loma", "Kinnari",
                                  "Sawasdee", "Waree", "Umpush"])
def test_worn_numbers_never_misread(face: str) -> None:
    """Broken or touching, a number reads as written or not at all (Garuda's ``๗๔``
    touching once read ``๓๔``: its ``๗`` cut short of its stem)."""
    for number in ("2565", "6,744,100", "3,936,800"):
        written = number.translate(THAI)
        for options in ({"kern": 2.0}, {"kern": 3.0}, {"broken": 0}, {"broken": 2}):
            page, box = _scanned(written, face, **options)  # type: ignore[arg-type]
            assert read_digits(page, box) in (written, None), (number, options)
