"""The leader eraser's window sums, kept in small numbers, find the same dots.

``ocr_leaders.small_blobs`` sums ink in windows of a summed-area table kept modulo 256
(or 65536) for speed. The truth is the same sums in 64-bit numbers, worked out here
from the definition: on random ink of several densities, at 150, 300 and 600 dpi (one
table modulo 256, one modulo 65536), with white margins or none (only the ink's box is
summed), the pieces found must be the same. A page with no leader comes back as the
very image given.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from bma_etl.read import ocr_leaders
from bma_etl.read.ocr_leaders import (
    DOT_CLEAR,
    DOT_MAX,
    DOT_MIN_AREA,
    Blob,
    small_blobs,
    without_leaders,
)


def _reference(ink: np.ndarray, dpi: float) -> list[Blob]:
    """:func:`small_blobs` worked out with 64-bit sums of each window."""
    size = max(2, round(DOT_MAX * dpi))
    clear = max(1, round(DOT_CLEAR * dpi))
    least = max(2, round(DOT_MIN_AREA * dpi * dpi))
    rows, cols = ink.shape
    table = np.zeros((rows + 1, cols + 1), dtype=np.int64)
    table[1:, 1:] = ink.cumsum(axis=0, dtype=np.int64).cumsum(axis=1, dtype=np.int64)
    wide = size + 2 * clear
    ys, xs = rows - wide + 1, cols - wide + 1

    def window(at: int, side: int) -> np.ndarray:
        b = at + side
        return (table[b:b + ys, b:b + xs] - table[at:at + ys, b:b + xs]
                - table[b:b + ys, at:at + xs] + table[at:at + ys, at:at + xs])

    whole = (window(0, wide) - window(clear, size) <= least // 2) & (window(clear, size) >= least)
    covered = np.zeros((rows, cols), dtype=bool)
    for y, x in np.argwhere(whole):
        covered[y + clear:y + clear + size, x + clear:x + clear + size] = True
    return ocr_leaders._parts(ink & covered)


@pytest.mark.parametrize("dpi", [150, 300, 600])
@pytest.mark.parametrize("density", [0.002, 0.02, 0.2])
@pytest.mark.parametrize("margin", [0, 9, 40])
def test_window_sums_in_small_numbers_find_the_same_pieces(
        dpi: int, density: float, margin: int) -> None:
    rng = np.random.default_rng(round(dpi / density) + margin)
    ink = rng.random((260, 340)) < density
    # dots of a few sizes, alone, in rows: the pieces the eraser looks for
    for i in range(12):
        y, x, side = 20 + 19 * i, 30 + 23 * i, 2 + i % 6
        ink[y:y + side, x:x + side] = True
    if margin:  # white margins (the eraser sums the ink's box only), a dot at their edge
        ink[:margin] = ink[-margin:] = False
        ink[:, :margin] = ink[:, -margin:] = False
        ink[margin:margin + 4, margin:margin + 4] = True
    want = sorted(_reference(ink, dpi), key=lambda b: (b.top, b.left))
    assert sorted(small_blobs(ink, dpi), key=lambda b: (b.top, b.left)) == want
    if density < 0.1:
        assert want, "no piece to compare"


def test_a_page_without_leaders_is_given_back_as_it_is() -> None:
    image = Image.new("L", (1200, 300), 255)
    draw = ImageDraw.Draw(image)
    for i in range(8):  # strokes of letters, an ellipsis, a colon
        draw.rectangle((100 + 60 * i, 100, 130 + 60 * i, 150), fill=0)
    for i in range(3):
        draw.ellipse((700 + 17 * i, 143, 707 + 17 * i, 150), fill=0)
    draw.ellipse((800, 143, 807, 150), fill=0)
    draw.ellipse((800, 121, 807, 128), fill=0)
    assert without_leaders(image, 300) is image
