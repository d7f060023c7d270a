"""Two pages side by side on a scanned sheet (2-up), found from where the ink stands.

Stage: read (runs in the PDF worker process). A scanned sheet has no text layer
for :mod:`.pdf_sheets` to measure, and OCR would read the lines of its two pages
at one height as one line. :func:`scan_gutter` looks at the sheet's image instead,
rendered small (:data:`LOOK_DPI`): ink is what is clearly darker than the paper
around it (a copier's shading or a shadow is paper, not ink). The sheet holds two
pages when a band of columns near its middle (:data:`~.pdf_sheets.MIDDLE_SHARE`)
carries no ink from the top of the ink to its bottom, at least
:data:`MIN_GUTTER_LINES` line heights wide, with a page's worth of lines on each
side (:data:`~.pdf_sheets.MIN_LINES` lines over :data:`MIN_SIDE_SHARE` of the
sheet's width); of several such bands, the one over the sheet's middle. A table's
rules, a title or a picture that crosses the band keep the sheet whole, and so do
two sides that stand line for line on the same rows (the two columns of one table
drawn without rules: :data:`~.pdf_sheets.SHARED_ROWS`, compared with the scan's
skew taken out). Each page is then OCR'd
alone from its part of the sheet (:mod:`.pdf_layers`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from bma_etl.read.ocr_orient import SHEET_DPI, stands_sideways
from bma_etl.read.pdf_sheets import MIDDLE_SHARE, MIN_LINES, SHARED_ROWS

#: Resolution the sheet is looked at (pixels per inch): a line of a page scaled to
#: half a sheet is still several pixels high and a thin rule still dark; the look
#: costs a few tens of milliseconds.
LOOK_DPI = 100
#: A pixel darker than this share of the paper around it is ink.
INK_SHARE = 0.75
#: Side of the square (pixels at :data:`LOOK_DPI`) over which the paper's
#: brightness is taken as the brightest pixel (wider than a letter's stroke).
PAPER_BLOCK = 8
#: Narrowest band between two pages, in the lines' median height (a scaled page's
#: two margins leave several times this).
MIN_GUTTER_LINES = 1.5
#: Fewest inked pixels that make a row or a column inked (specks and noise are fewer).
NOISE_PIXELS = 2
#: Least width of each side's ink, as a share of the sheet's width, for a page.
MIN_SIDE_SHARE = 0.05
#: A row of ink thinner than this share of the median row, this close to the next,
#: is part of it (Thai marks above and below a line stand apart from it).
THIN_SHARE = 0.5
#: Skews (degrees) a scan is tried at before the rows of its two sides are compared.
SKEWS = tuple(step / 4 for step in range(-10, 11))
#: Least share of a sheet's rows a gutter shadow inks (:func:`without_shadow`).
SHADOW_SHARE = 0.9
#: Least share of a sheet's rows the leaned columns of a gutter shadow's edge ink.
SHADOW_EDGE = 0.25
#: Widest gutter shadow, as a share of the sheet's width.
SHADOW_WIDTH = 0.06
#: Two rows of ink stand on the same line when their middles are this share of a
#: line's height apart or less.
SAME_ROW_SHARE = 0.35


def look_at(page: Any, dpi: float = LOOK_DPI) -> np.ndarray:
    """A pdfium ``page`` rendered in grey at ``dpi``: 2-D uint8 pixels (rows, columns)."""
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    return np.asarray(image, dtype=np.uint8)


def ink_of(grey: np.ndarray) -> np.ndarray:
    """Which pixels of ``grey`` (2-D uint8) are ink: a boolean array of the same shape.

    The paper's brightness is the brightest pixel of each :data:`PAPER_BLOCK`
    square and its neighbours, so a sheet darkened toward a corner or under a
    shadow keeps its paper white and its letters ink; a dark pixel with fewer
    than two dark neighbours is a speck, not ink.
    """
    rows, cols = grey.shape
    block = PAPER_BLOCK
    padded = np.full((-(-rows // block) * block, -(-cols // block) * block), 0, np.uint8)
    padded[:rows, :cols] = grey
    tiles = padded.reshape(padded.shape[0] // block, block, padded.shape[1] // block, block)
    brightest = tiles.max(axis=(1, 3))
    around = np.pad(brightest, 1, mode="edge")
    paper = np.max([around[1 + dy:around.shape[0] - 1 + dy, 1 + dx:around.shape[1] - 1 + dx]
                    for dy in (-1, 0, 1) for dx in (-1, 0, 1)], axis=0)
    paper = np.repeat(np.repeat(paper, block, axis=0), block, axis=1)[:rows, :cols]
    ink = (grey.astype(np.float32) < INK_SHARE * paper.astype(np.float32)) & (paper > 64)
    # a speck of noise stands alone; a letter's stroke or a rule has inked neighbours
    near = np.pad(ink, 1).astype(np.uint8)
    count = sum(near[1 + dy:near.shape[0] - 1 + dy, 1 + dx:near.shape[1] - 1 + dx]
                for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
    return ink & (count >= 2)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """The runs of True in a 1-D boolean array: (first, last + 1) each."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.nonzero(edges == 1)[0].tolist(), np.nonzero(edges == -1)[0].tolist(),
                    strict=True))


def _skew(block: np.ndarray) -> float:
    """The slope of the lines of ink in ``block`` (rows per column), from :data:`SKEWS`.

    The slope at which the ink's rows, leaned back, stand most sharply apart (the
    sum of the squares of the row counts is largest).
    """
    ys, xs = np.nonzero(block)
    if len(ys) < 100:
        return 0.0
    best, slope = -1.0, 0.0
    for angle in SKEWS:
        lean = float(np.tan(np.radians(angle)))
        rows = np.round(ys - xs * lean).astype(np.int64)
        sharp = float(np.square(np.bincount(rows - rows.min()).astype(np.float64)).sum())
        if sharp > best:
            best, slope = sharp, lean
    return slope


def _lines(ink: np.ndarray, left: int = 0, slope: float = 0.0) -> list[tuple[int, int]]:
    """Lines of ink in ``ink``, the part of a sheet from column ``left`` on.

    Rows are leaned back by ``slope`` (rows per column of the sheet); a thin row
    (a line's marks above or below it, split off by a gap) joins the line next to
    it. Returns (top, bottom + 1) of each line, in the sheet's rows.
    """
    ys, xs = np.nonzero(ink)
    if not len(ys):
        return []
    lift = int(np.ceil(abs(slope) * (left + ink.shape[1])))
    rows = np.round(ys - (xs + left) * slope).astype(np.int64) + lift
    found = _runs(np.bincount(rows, minlength=ink.shape[0] + 2 * lift + 1) >= NOISE_PIXELS)
    if not found:
        return []
    tall = float(np.median([b - a for a, b in found]))
    lines: list[tuple[int, int]] = []
    for a, b in found:
        if lines and (b - a < THIN_SHARE * tall or lines[-1][1] - lines[-1][0]
                      < THIN_SHARE * tall) and a - lines[-1][1] <= THIN_SHARE * tall:
            lines[-1] = (lines[-1][0], b)
        else:
            lines.append((a, b))
    return [(a - lift, b - lift) for a, b in lines]


def without_shadow(ink: np.ndarray) -> np.ndarray:
    """``ink`` (2-D bool, a sheet) without a bound booklet's gutter shadow down its middle.

    A booklet opened flat on a scanner leaves a dark stripe where the pages meet: as
    dark as ink and sharp-edged, it would carry ink across the gutter from the top
    of the sheet to its bottom. Such a stripe is a run of columns near the middle
    (:data:`~.pdf_sheets.MIDDLE_SHARE`), leaned as the scan is skewed (:data:`SKEWS`),
    inked on at least :data:`SHADOW_SHARE` of the sheet's rows and no wider than
    :data:`SHADOW_WIDTH` of the sheet; its pixels are taken for paper. A table's
    rule down the middle is no shadow when the table's other rules cross it: they
    stay, and keep the band from being free.
    """
    height, width = ink.shape
    low, high = int(width * (0.5 - MIDDLE_SHARE)), int(np.ceil(width * (0.5 + MIDDLE_SHARE)))
    ys, xs = np.nonzero(ink[:, low:high])
    if len(ys) < SHADOW_SHARE * height:
        return ink
    lift = int(np.ceil(height * np.tan(np.radians(max(SKEWS)))))
    best: tuple[int, np.ndarray] | None = None
    for angle in SKEWS:
        leaned = np.round(xs + ys * np.tan(np.radians(angle))).astype(np.int64) + lift
        rows = np.bincount(leaned, minlength=high - low + 2 * lift + 1)
        if rows.max() >= SHADOW_SHARE * height and (best is None or rows.max() > rows[best[0]]):
            best = (int(rows.argmax()), leaned)
    if best is None:
        return ink
    column, leaned = best
    counts = np.bincount(leaned)
    # the stripe: the leaned columns about the fullest that are inked on most rows
    first = last = column
    while first > 0 and counts[first - 1] >= SHADOW_EDGE * height:
        first -= 1
    while last + 1 < len(counts) and counts[last + 1] >= SHADOW_EDGE * height:
        last += 1
    if last + 1 - first > SHADOW_WIDTH * width:
        return ink
    out = ink.copy()
    gone = (leaned >= first - 2) & (leaned <= last + 2)  # and its soft edges
    out[ys[gone], xs[gone] + low] = False
    return out


def scan_gutter(grey: np.ndarray) -> float | None:
    """Where a scanned sheet of two pages side by side is cut, as a share of its width.

    ``grey``: the sheet's image (2-D uint8, :func:`look_at`), already known to be
    landscape. Returns None for a sheet that holds one page (see the module
    docstring). The cut is the sheet's middle when it falls in the band, else the
    band's middle.
    """
    ink = without_shadow(ink_of(grey))
    height, width = ink.shape
    inked = np.nonzero(ink.sum(axis=1) >= NOISE_PIXELS)[0]
    if width <= height or len(inked) == 0:
        return None
    block = ink[inked[0]:inked[-1] + 1]
    free = block.sum(axis=0) < NOISE_PIXELS
    low, high, middle = width * (0.5 - MIDDLE_SHARE), width * (0.5 + MIDDLE_SHARE), width / 2
    bands = [(a, b) for a, b in _runs(free) if b > low and a < high and 0 < a and b < width]
    # the band over the middle first (an imposition centres each page in its half)
    bands.sort(key=lambda band: (not band[0] <= middle <= band[1], band[0] - band[1]))
    slope = _skew(block) if bands else 0.0
    for left_edge, right_edge in bands:
        if _two_pages(block, left_edge, right_edge, slope):
            cut = middle if left_edge <= middle <= right_edge else (left_edge + right_edge) / 2
            return cut / width
    return None


def _two_pages(block: np.ndarray, left_edge: int, right_edge: int, slope: float) -> bool:
    """Whether the ink either side of a free band (columns) is two pages (module docstring).

    ``slope``: the scan's skew (:func:`_skew`), taken out before rows are compared.
    """
    sides = (block[:, :left_edge], block[:, right_edge:])
    lines = [_lines(sides[0], 0, slope), _lines(sides[1], right_edge, slope)]
    if min(len(found) for found in lines) < MIN_LINES:
        return False
    tall = float(np.median([b - a for found in lines for a, b in found]))
    if right_edge - left_edge < MIN_GUTTER_LINES * tall:
        return False
    for side in sides:  # a page's width of ink, not a column of marks or numbers
        columns = np.nonzero(side.sum(axis=0) >= NOISE_PIXELS)[0]
        if columns[-1] - columns[0] < MIN_SIDE_SHARE * block.shape[1]:
            return False
    return not _line_for_line(lines[0], lines[1], tall)


def _line_for_line(left: list[tuple[int, int]], right: list[tuple[int, int]],
                   tall: float) -> bool:
    """Whether nearly every row of ink on each side has one beside it (one table's rows)."""
    def shared(these: list[tuple[int, int]], those: list[tuple[int, int]]) -> float:
        return sum(any(abs((a + b) - (c + d)) / 2 <= SAME_ROW_SHARE * tall for c, d in those)
                   for a, b in these) / len(these)

    return shared(left, right) >= SHARED_ROWS and shared(right, left) >= SHARED_ROWS


def left_only(grey: np.ndarray, cut: float) -> bool:
    """Whether a scanned sheet holds ink left of ``cut`` (a share of its width) only.

    The last sheet of a document of an odd number of pages printed 2-up, asked
    after a sheet the same size was cut at ``cut``.
    """
    ink = without_shadow(ink_of(grey))
    at = round(cut * ink.shape[1])
    return bool((ink[:, :at].sum(axis=0) >= NOISE_PIXELS).any()) \
        and not (ink[:, at:].sum(axis=1) >= NOISE_PIXELS).any()


def scan_sheet(page: Any, size: tuple[float, float],
               last: tuple[float, tuple[float, float]] | None
               ) -> tuple[float, tuple[int, ...]] | None:
    """Where a scanned sheet of two pages is cut (points) and which sides hold a page.

    ``page``: a pypdfium2 page of no text; ``size``: its width and height (points);
    ``last``: the cut and size of the sheet before, whose left page alone may go on.
    None when the page is no such sheet (or stands sideways: one page turned).
    """
    grey = look_at(page)
    share = scan_gutter(grey)
    if share is not None and not stands_sideways(look_at(page, SHEET_DPI), SHEET_DPI):
        return share * size[0], (0, 1)
    if last is not None and last[1] == size and left_only(grey, last[0] / size[0]):
        return last[0], (0,)
    return None
