"""Four pages printed on one sheet (4-up), two rows of two, found from geometry.

Stage: read (runs in the PDF worker process). A report printed four pages to a
sheet ("pages per sheet: 4", pdfjam ``--nup 2x2``, pypdf) holds its pages scaled to
half their size in the sheet's quarters: read as one page, each line of the left
pages and the line beside it on the right would become one line of cells, and the
pages below would be read between the lines of those above. :func:`quarters` finds
such a sheet from where its text and rules stand, never from what program made it:
a band across the sheet's middle that no line of text and no rule or image crosses
from its left to its right, and above it two pages side by side as
:func:`.pdf_sheets.sheet_gutter` finds them on a sheet of two. Below the band, two
pages cut at the same place, one page in the left quarter only (the last sheet of
a document of three pages, of seven), or nothing. The last sheet of a document of
five pages (one page, in the upper left quarter) is taken by the cuts of the sheet
before it (:func:`left_quarter_only`). Each quarter holding a page is then read
alone (:func:`.pdf_sheets.keep_part`), the upper row first, left to right.
"""

from __future__ import annotations

from statistics import median

from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_sheets import (
    MIDDLE_SHARE,
    SHEET_COVER,
    TOUCH,
    _free_band,
    left_only,
    piece_spans,
    sheet_gutter,
)

#: How far below its baseline a line's letters reach, in its font size (the tails
#: of ฤ ฦ ญ ฐ and the marks below a letter; a line's extent across the band).
DESCENT_EM = 0.35
#: How far above its baseline a line's letters reach, in its font size (tone marks
#: over upper vowels).
ASCENT_EM = 1.1
#: Narrowest band between the two rows of pages, in the text's median font sizes: a
#: foot and a head margin scaled to half leave several times this, more than a
#: paragraph's or a table's spacing on a page set in columns (:mod:`.pdf_multicolumn`).
MIN_ROW_GAP_EM = 3.0
#: Two rows' cuts between their left and right pages agree within this many
#: points (one imposition places every page alike).
SAME_CUT = 2.0

#: A 4-up sheet's cuts: (x between left and right pages, y between the rows; points).
Cuts = tuple[float, float]


def quarters(lines: list[TextLine], shapes: list[Box], width: float, height: float,
             last: Cuts | None = None) -> tuple[Cuts, list[Box]] | None:
    """The cuts of a portrait sheet of four pages and its quarters that hold a page.

    ``lines``: the sheet's lines as :func:`.pdf_layout.page_lines` reads them
    (baselines in points up from the sheet's foot); ``shapes``: its paths' and
    images' boxes (left, bottom, right, top); ``width``, ``height``: the sheet as
    shown (points). Returns the cuts and the quarters holding a page, in reading
    order (each as a box in the sheet's points), or None for a sheet that is not
    four pages (a landscape sheet of two is :mod:`.pdf_sheets`'s to find). ``last``:
    the cuts of the sheet before, of the same size, when it was cut in four: a
    sheet with a page in its upper left quarter only is that page.
    """
    found = _quarters(lines, shapes, width, height)
    if found is None and last is not None and \
            left_quarter_only(lines, shapes, last, width, height):
        return last, [(0.0, last[1], last[0], height)]
    return found


def _quarters(lines: list[TextLine], shapes: list[Box], width: float, height: float,
              ) -> tuple[Cuts, list[Box]] | None:
    """:func:`quarters` of a sheet alone."""
    placed = [line for line in lines if line.text.strip() and line.baseline is not None]
    if height <= width or not placed or _upper_row_spanned(placed, width, height):
        return None
    size = median(line.size for line in placed if line.size > 1.0) \
        if any(line.size > 1.0 for line in placed) else 10.0
    band = _free_band([_extent(line) for line in placed], height)
    if band is None or band[1] - band[0] < MIN_ROW_GAP_EM * size:
        return None
    middle = height / 2
    low, high = band
    cut_y = middle if low <= middle <= high else (low + high) / 2
    drawn = [box for box in shapes
             if box[2] - box[0] < SHEET_COVER * width or box[3] - box[1] < SHEET_COVER * height]
    if any((box[1] < low and box[3] > high) or box[1] - TOUCH <= cut_y <= box[3] + TOUCH
           for box in drawn):
        return None  # a rule, a table's frame or a picture runs over the band
    upper = [line for line in placed if (line.baseline or 0.0) > cut_y]
    lower = [line for line in placed if (line.baseline or 0.0) < cut_y]
    up_shapes = [box for box in drawn if box[1] > cut_y]
    low_shapes = [box for box in drawn if box[3] < cut_y]
    row = height - cut_y
    cut_x = sheet_gutter(upper, up_shapes, width, row)
    if cut_x is None:
        return None
    parts = [(0.0, cut_y, cut_x, height), (cut_x, cut_y, width, height)]
    if lower or low_shapes:
        below = sheet_gutter(lower, low_shapes, width, cut_y)
        if below is not None and abs(below - cut_x) <= SAME_CUT:
            parts += [(0.0, 0.0, cut_x, cut_y), (cut_x, 0.0, width, cut_y)]
        elif below is None and lower and left_only(lower, low_shapes, cut_x, width, cut_y):
            parts.append((0.0, 0.0, cut_x, cut_y))
        else:
            return None
    return (cut_x, cut_y), parts


def _upper_row_spanned(lines: list[TextLine], width: float, height: float) -> bool:
    """Whether a line of the sheet's upper part runs across its middle: no 4-up sheet.

    The quick test before the band between rows is looked for. A line whose baseline
    stands above :data:`~.pdf_sheets.MIDDLE_SHARE` over the sheet's middle height is
    above any band :func:`_quarters` can cut at, so in the upper row, where
    :func:`.pdf_sheets.sheet_gutter` finds no gutter when one piece of a line covers
    the middle of the sheet's width (within the same share, :data:`TOUCH` more).
    """
    over = height * (0.5 + MIDDLE_SHARE) + TOUCH
    low, high = width * (0.5 - MIDDLE_SHARE) - TOUCH, width * (0.5 + MIDDLE_SHARE) + TOUCH
    return any((line.baseline or 0.0) > over and any(left < low and right > high
                                                     for left, right in piece_spans(line))
               for line in lines)


def left_quarter_only(lines: list[TextLine], shapes: list[Box], cuts: Cuts, width: float,
                      height: float) -> bool:
    """Whether a sheet holds a page in its upper left quarter only, as cut by ``cuts``.

    The last sheet of a document of five pages (of nine...) printed 4-up: asked of
    a sheet after one :func:`quarters` cut, the same size (points).
    """
    cut_x, cut_y = cuts
    placed = [line for line in lines if line.text.strip() and line.baseline is not None]
    drawn = [box for box in shapes
             if box[2] - box[0] < SHEET_COVER * width or box[3] - box[1] < SHEET_COVER * height]
    return bool(placed) and all(_extent(line)[0] > cut_y for line in placed) \
        and all(box[1] > cut_y + TOUCH for box in drawn) \
        and left_only(placed, drawn, cut_x, width, height)


def _extent(line: TextLine) -> tuple[float, float]:
    """How far up the sheet a line's letters stand: (bottom, top; points)."""
    base, size = line.baseline or 0.0, max(line.size, 1.0)
    return base - max(DESCENT_EM * size, line.depth), base + ASCENT_EM * size
