"""A sheet feeder's streak down a scanned page: erased before OCR, and no table rule.

Stage: read (in the worker: :func:`~.ocr._read_level` asks, after the page's rules
are found). Dust on a sheet feeder's glass draws a thin straight line down every
page it scans, through the text: the twenty-third outside tester's 4-pixel streak through
``ร้อยละ 88.00`` made OCR lose two percents and read ``แสนแสบ`` as ``liduuau``, and
it was taken for a table's rule, splitting the lines it crossed into cells.
:func:`streaks` finds such a line: a few columns of pixels (:data:`MOST_WIDTH`) darker
than the paper beside them down most of the page (:data:`LEAST_SHARE`), which text
touches on both sides here and there (:data:`LEAST_CROSSED`: it crosses lines of
text; a column divider stands in a gutter) and which no horizontal rule meets (a
table's side does). :func:`without_streaks` paints each streak with the lighter of
the pixels on its two sides, row by row (a letter's stroke across it stays ink), and
drops it from the page's rules.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

    from bma_etl.read.ocr_image import PageRules

#: A streak is at most this wide (inches: 6 pixels at 300 dpi; a 4-pixel streak)...
MOST_WIDTH = 0.02
#: ...darker than the paper on its sides by this many grey levels...
LEAST_DARKER = 40
#: ...in this share of the page's rows or more (the text's ink on a column is far less)...
LEAST_SHARE = 0.6
#: ...and text touches it on both sides in this share of its rows or more.
LEAST_CROSSED = 0.004
#: The paper beside a streak is looked at this far (inches) from it.
SIDE = 0.02


def streaks(image: Image.Image, dpi: float, rules: PageRules) -> list[tuple[int, int]]:
    """The streaks down a level grey page image: ``(first, last)`` columns of each.

    ``rules``: the page's rules (:func:`~.ocr_image.page_rules`); a dark line that a
    horizontal rule meets is a table's and is no streak.
    """
    import numpy as np

    pixels = np.asarray(image.convert("L"), dtype=np.int16)
    height, width = pixels.shape
    side = max(2, round(dpi * SIDE))
    if width < 4 * side or height < 10:
        return []
    # the grey a column is at or under in LEAST_SHARE of its rows: the paper's, unless
    # the column is dark most of its way down
    column = np.percentile(pixels[::4], 100 * LEAST_SHARE, axis=0)  # every 4th row will do
    widest = max(1, round(dpi * MOST_WIDTH))
    dark = np.flatnonzero(column <= float(np.median(column)) - LEAST_DARKER)
    out: list[tuple[int, int]] = []
    for run in np.split(dark, np.flatnonzero(np.diff(dark) > 1) + 1) if dark.size else ():
        first, last = int(run[0]), int(run[-1])
        if last - first + 1 > widest or first < side or last >= width - side:
            continue
        paper = min(float(np.median(column[max(0, first - 3 * side):first - 1])),
                    float(np.median(column[last + 2:last + 3 * side])))
        if float(column[first:last + 1].max()) <= paper - LEAST_DARKER \
                and _crossed(pixels, first, last, paper) \
                and not _met(rules, (first + last) / 2, side):
            out.append((first, last))
    return out


def _crossed(pixels: object, first: int, last: int, paper: float) -> bool:
    """Whether ink touches columns ``first``..``last`` on both sides in enough rows."""
    import numpy as np

    grid = np.asarray(pixels)
    dark = paper - 2 * LEAST_DARKER
    both = (grid[:, max(0, first - 2)] < dark) & (grid[:, min(grid.shape[1] - 1, last + 2)] < dark)
    return bool(both.mean() >= LEAST_CROSSED)


def _met(rules: PageRules, x: float, near: int) -> bool:
    """Whether a horizontal rule of ``rules`` reaches column ``x`` (within ``near`` pixels)."""
    return any(left - near <= x <= right + near for _, left, right in rules.horizontal)


def without_streaks(image: Image.Image, dpi: float, rules: PageRules
                    ) -> tuple[Image.Image, PageRules]:
    """``image`` with its streaks (:func:`streaks`) painted over, and ``rules`` without them.

    Each streak's pixels take, row by row, the lighter of the pixels two columns
    outside it on either side. The image and rules are returned as given when the
    page has no streak.
    """
    import numpy as np
    from PIL import Image as PilImage

    found = streaks(image, dpi, rules)
    if not found:
        return image, rules
    pixels = np.array(image.convert("L"))
    width = pixels.shape[1]
    for first, last in found:
        left = pixels[:, max(0, first - 2)]
        right = pixels[:, min(width - 1, last + 2)]
        pixels[:, first:last + 1] = np.maximum(left, right)[:, None]
    near = max(2, round(dpi * SIDE))
    vertical = tuple(rule for rule in rules.vertical
                     if not any(first - near <= rule[0] <= last + near for first, last in found))
    return PilImage.fromarray(pixels, "L"), replace(rules, vertical=vertical)
