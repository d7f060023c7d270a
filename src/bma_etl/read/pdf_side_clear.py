"""Whether a side column found beside a page's text stands clear of it down the page.

Stage: read (runs in the PDF worker process). :func:`.pdf_side_column.side_column`
finds a block of lines parted from the page's text by an empty gap; a web page's side
column (a sidebar, an ``<aside>``) is such a block, and so is a column of a table
whose cells stand far from the next column (an action plan's body beside a narrow
column of numbers, a schedule's columns printed by a browser). What tells them
apart is the rest of the page: the page's own text never enters a side column's
stretch across the page, above it or below it, but a table's rows do, one cell on
each side of the gap. :func:`clear_beside` is asked before a side column is read
apart; when in doubt the page is read whole, as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from statistics import median

from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_sheets import TOUCH

#: Most of a side column's lines that may stand on a baseline of the main column's
#: (a sidebar in its own type and pitch meets the page's lines now and then; a
#: table's column beside its rows meets them row by row).
MAX_SHARED_ROWS = 0.5
#: Share of the page's height at its top and its bottom where a browser prints its
#: own header and footer (date, title; the page's address, ``11/11``): their lines
#: stand on both sides of any gap and are not the page's text.
MARGIN_SHARE = 0.05
#: Widest step between two lines of a side column, in the main column's line pitch
#: beside it: a sidebar's items follow one another at its own pitch (smaller type, or
#: the page's); a table's column of one short cell a row (a number) steps a row at a
#: time, two lines of the page's text and more.
MAX_STEP_PITCHES = 1.5


def clear_beside(lines: list[TextLine], pieces: list[list[tuple[float, float]]],
                 own: Iterable[int], side: Box, width: float, height: float) -> bool:
    """Whether no line but the side column's own enters its stretch without crossing it.

    ``lines``: the page's lines (text, baseline set), ``pieces``: each line's cells'
    (left, right) in points (:func:`.pdf_sheets.piece_spans`); ``own``: the indexes of
    the run of lines the side column was found in (its lines and the page's beside
    them); ``side``: the side column's box (left, bottom, right, top; points), on the
    page's left when it starts at 0, else on its right; ``width``, ``height``: the page
    as shown (points). A line above or below the run that reaches into the side
    column's stretch is a line across the page (a navigation bar, a footer, a wide
    paragraph: one piece over the cut) or a table's row (a cell each side) or more of
    a column: only the first keeps the side column; a line in the page's top or
    bottom margin (:data:`MARGIN_SHARE`: a browser's header and footer) is not asked.
    """
    ran = set(own)
    left = side[0] <= TOUCH
    cut = side[2] if left else side[0]
    low, high = MARGIN_SHARE * height, (1.0 - MARGIN_SHARE) * height
    for k, line in enumerate(lines):
        if k in ran or line.baseline is None or not low <= line.baseline <= high:
            continue
        these = pieces[k]
        enters = any(p[0] < cut - TOUCH if left else p[1] > cut + TOUCH for p in these)
        if enters and not any(p[0] < cut < p[1] for p in these):
            return False
    return 0.0 < cut < width


def spaced_as_rows(own: list[float], main: list[float]) -> bool:
    """Whether a side column's lines step down as a table's rows do, not as a list's.

    ``own``: the side column's baselines, ``main``: the baselines of the main column's
    lines beside it (points, from the page's top down). True when a step between two
    of its lines is wider than :data:`MAX_STEP_PITCHES` of the main column's usual
    line pitch (its median step), or the main column has too few lines to tell.
    """
    steps = sorted({round(b, 1) for b in main}, reverse=True)
    pitches = [high - low for high, low in pairwise(steps) if high - low > 1.0]
    if len(pitches) < 2:
        return True
    pitch = median(pitches)
    return any(high - low > MAX_STEP_PITCHES * pitch
               for high, low in pairwise(own))
