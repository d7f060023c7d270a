"""A punched hole's shadow in a scan's margin is paper, not ink: it is painted white.

Stage: read. Consumes a level greyscale page image (``L``, after
:func:`~.ocr_image.levelled`: a desk or a scanner's dark ground around the paper
is cut away by :func:`~.ocr_paper.on_paper`) and its dpi; produces it with every
punched hole's shadow painted white. A sheet filed in a binder and scanned shows
its holes as dark disks 5-8 mm across in its outer margin (the scanner's lid is
dark behind them), or as half-moons where the page edge cuts them. Tesseract
reads such a disk as letters (``Tn``, ``9จเฉอวยู.``) and puts them into the text
line beside it.

A hole is an 8-connected piece of ink (Otsu's threshold) within :data:`MARGIN` of
an edge, :data:`HOLE_MIN`-:data:`HOLE_MAX` across, about as wide as tall (a
half-moon touching the edge: half as wide across the edge), solid
(:data:`MIN_FILL` of its box or more: a disk fills 79 %, a letter or a rule far
less) and alone (no ink within :data:`CLEAR` of its box: no text line runs
through it). A row's first letters or a ``|`` rule are thin, not solid disks,
and stay.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from bma_etl.read.ocr_colour import _boxes, _labelled_runs
from bma_etl.read.ocr_image import otsu_threshold

#: Holes are looked for within this many inches of an edge (~30 mm): an office
#: punch sets its holes 10-15 mm in.
MARGIN = 1.2
#: A hole's shadow is this many inches across, at least and at most (4-10 mm:
#: punches cut 5-8 mm, the shadow blurs it a little either way).
HOLE_MIN = 0.16
HOLE_MAX = 0.40
#: A whole hole is no more than this times as wide as tall (or tall as wide).
MAX_ASPECT = 1.4
#: A hole's ink fills at least this share of its box (a disk: pi / 4; its
#: half-moon at the page edge the same), at most :data:`MAX_FILL` (a square).
MIN_FILL = 0.6
MAX_FILL = 0.92
#: No other ink lies within this many inches of a hole's box (~1.5 mm)...
CLEAR = 0.06
#: ...but for a speck: this share of the ring round the box.
RING_SPECK = 0.01


def without_holes(image: Image.Image, dpi: float) -> Image.Image:
    """``image`` (greyscale) with every punched hole's shadow in its margin painted white.

    Returns ``image`` itself when it shows no hole.
    """
    grey = image if image.mode == "L" else image.convert("L")
    pixels = np.asarray(grey)
    ink = pixels < otsu_threshold(grey)
    height, width = ink.shape
    margin = round(MARGIN * dpi)
    if height <= 2 * margin or width <= 2 * margin:
        return image
    clear = max(1, round(CLEAR * dpi))
    holes: list[tuple[int, int, int, int]] = []
    # the four margins as strips (top, left offsets), each searched on its own
    strips = ((0, 0, margin, width), (height - margin, 0, height, width),
              (0, 0, height, margin), (0, width - margin, height, width))
    for top, left, bottom, right in strips:
        holes += _solid_pieces(ink[top:bottom, left:right], dpi, (top, left), (height, width))
    found = [h for h in set(holes) if _alone(ink, h, clear)]
    if not found:
        return image
    out = pixels.copy()
    for a, b, c, d in found:
        out[max(0, a - clear):min(height, b + clear),
            max(0, c - clear):min(width, d + clear)] = 255
    return Image.fromarray(out, mode="L")


def _solid_pieces(ink: np.ndarray, dpi: float, at: tuple[int, int], page: tuple[int, int]
                  ) -> list[tuple[int, int, int, int]]:
    """The page boxes (top, bottom, left, right; ends exclusive) of hole-like pieces of ``ink``.

    ``ink`` is a margin strip whose top left corner is at ``at`` (row, column) on a
    page ``page`` (rows, columns) large. A piece touching the strip's inner side goes
    on into the page and is none.
    """
    row, start, end, label = _labelled_runs(ink)
    if not len(row):
        return []
    count = int(label.max()) + 1
    top, bottom, left, right = _boxes(label, count, row, row, start, end - 1)
    area = np.zeros(count, dtype=np.int64)
    np.add.at(area, label, end - start)
    rows, cols = ink.shape
    least, most = HOLE_MIN * dpi, HOLE_MAX * dpi
    out = []
    for i in np.nonzero(area >= (least * least) / 2)[0]:
        a, b = int(top[i]) + at[0], int(bottom[i]) + at[0]
        c, d = int(left[i]) + at[1], int(right[i]) + at[1]
        inner = ((a > 0 and top[i] == 0) or (b < page[0] - 1 and bottom[i] == rows - 1)
                 or (c > 0 and left[i] == 0) or (d < page[1] - 1 and right[i] == cols - 1))
        if inner or not _hole_shape(b - a + 1, d - c + 1, int(area[i]), least, most,
                                    across=_cut_by_edge(a, b, c, d, page)):
            continue
        out.append((a, b + 1, c, d + 1))
    return out


def _cut_by_edge(top: int, bottom: int, left: int, right: int, page: tuple[int, int]) -> str:
    """``"rows"`` or ``"cols"`` when the piece touches a side that cuts across them, else ``""``.

    ``rows`` (top or bottom edge): its height is cut; ``cols`` (left or right): its width.
    Inclusive page rows and columns; ``page`` is (rows, columns).
    """
    if left == 0 or right == page[1] - 1:
        return "cols"
    if top == 0 or bottom == page[0] - 1:
        return "rows"
    return ""


def _hole_shape(tall: int, wide: int, area: int, least: float, most: float,
                across: str) -> bool:
    """Whether a piece ``tall`` x ``wide`` with ``area`` ink pixels is a hole's shadow.

    ``across``: which of its sides a page edge may have cut (:func:`_cut_by_edge`):
    that side is anything from a third of a hole to a whole one.
    """
    fill = area / (tall * wide)
    if not MIN_FILL <= fill <= MAX_FILL:
        return False
    along, cut = (tall, wide) if across == "cols" else (wide, tall)
    if not least <= along <= most:
        return False
    if across:
        return along / 3 <= cut <= along * MAX_ASPECT
    return along <= cut * MAX_ASPECT and cut <= along * MAX_ASPECT


def _alone(ink: np.ndarray, box: tuple[int, int, int, int], clear: int) -> bool:
    """Whether the ring :data:`CLEAR` wide round ``box`` (ends exclusive) holds no ink.

    A speck of the scan's noise (:data:`RING_SPECK` of the ring) does not count.
    """
    a, b, c, d = box
    rows, cols = ink.shape
    wide = ink[max(0, a - clear):min(rows, b + clear), max(0, c - clear):min(cols, d + clear)]
    ring = wide.size - (b - a) * (d - c)
    return int(wide.sum()) - int(ink[a:b, c:d].sum()) <= RING_SPECK * ring
