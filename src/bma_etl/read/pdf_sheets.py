"""Two pages printed side by side on one sheet (2-up), found from geometry and read apart.

Stage: read (runs in the PDF worker process). A report printed 2-up (N-up, a
booklet: two pages scaled to about 70 % on one landscape sheet) holds two pages
whose lines stand at the same heights: read as one page, each line of the left
page and the line beside it on the right page would become one line of cells.
:func:`sheet_gutter` finds such a sheet from where its text and rules stand, never
from what program made it: a band down the sheet's middle that no line of text
and no rule or image crosses, from the top of the text to its bottom, with a
page's worth of lines and letters on each side. A page of two columns is kept whole when
something crosses the band (a title, a table's rules or a cell running over it),
when its lines run from one side to the other as a table's rows do (two pages are
written one after the other: :data:`ROW_SHARE`), or when its two sides stand line
for line on shared baselines, as the rows of a two-column table drawn cell by cell
do (:data:`SHARED_ROWS`), unless the right side's text is the left side's page
frame moved half the sheet over (:func:`_one_page_moved`: two full pages of one
program's flowing text share their grid too; a short last page standing in that frame
a paragraph's margin off the left page's first line is a page too, unless the sides
stand as a table's rows). :func:`keep_half` then takes away,
in memory only, what the page draws on the other side (a page drawn as a Form
XObject by pypdf, pikepdf or PyMuPDF is one object; a page drawn directly at
half size is many, each taken by where it stands) and moves the right half to
the sheet's left edge, so each half is read as a page of its own.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from statistics import median
from typing import Any

from bma_etl.read.pdf_forms import Box, Matrix, box_through, then
from bma_etl.read.pdf_glyph_codes import moved_page
from bma_etl.read.pdf_line import TextLine, replaced

#: The band between two pages lies within this share of the sheet's width either
#: side of its middle (an imposition centres each page in its half).
MIDDLE_SHARE = 0.1
#: Narrowest band (in the text's median font sizes) taken for the margins of two
#: pages (a scaled page's two margins leave several times this).
MIN_GUTTER_EM = 1.5
#: Fewest lines of text on each side for a side to be taken for a page.
MIN_LINES = 3
#: Fewest letters (not white space) on each side for a side to be taken for a page.
MIN_SIDE_CHARS = 40
#: A path or image covering this share of the sheet both ways is its background or
#: frame, not a rule crossing the band.
SHEET_COVER = 0.9
#: A path or image reaching this close to the cut (points) stands on it: two ruled
#: cells that meet in the middle of a page are one table, while a page printed in
#: its half keeps its margin clear of the cut.
TOUCH = 1.0
#: Two sides whose lines stand on shared baselines (within :data:`SAME_BASELINE_EM`)
#: for this share of the lines of each side are the rows of one table.
SHARED_ROWS = 0.9
SAME_BASELINE_EM = 0.25

#: Most share of the right side's lines that may go on from the left side (one line
#: with text on both sides of the band, as a table's row is) for two pages.
ROW_SHARE = 0.2
#: How near (in font sizes) the right side's text must stand to the left side's
#: moved half the sheet over for the two to be one page's frame (:func:`_one_page_moved`).
PAGE_MOVED_EM = 0.25
#: How near (in font sizes) a short right page's first baseline must stand to the
#: left page's first baseline for the two to be one page's frame (a heading's or a
#: paragraph's top margin kept on a document's first page, dropped on a page it
#: goes on to): a page too short to be told from a table's column otherwise.
PAGE_TOP_EM = 2.0
#: How far above and below its baseline a line is taken to reach, in its font sizes,
#: when the sheet's lines are gathered into bands (:func:`_rows_in_bands`): a Thai
#: line's marks and the leading to the next line of its paragraph (a pitch of up to
#: 1.9 font sizes) chain one cell's lines into one band; a row's padding parts two rows.
BAND_REACH_EM = (1.0, 0.9)

Side = int  # 0: the left half, 1: the right half


def piece_spans(line: TextLine) -> list[tuple[float, float]]:
    """Where a line's text stands across the page: each cell's left and right (points)."""
    if line.cells and len(line.ends) == len(line.cells):
        return [(left, max(left, right)) for left, right in zip(line.cells, line.ends,
                                                                  strict=True)]
    return [(line.left, max(line.left, line.right))]


def sheet_gutter(lines: list[TextLine], shapes: list[Box], width: float, height: float
                 ) -> float | None:
    """Where a sheet of two pages side by side is cut (x, points), or None for one page.

    ``lines``: the sheet's lines as :func:`.pdf_layout.page_lines` reads them (before
    rows are joined); ``shapes``: the boxes of its paths and images (left, bottom,
    right, top; :func:`.pdf_open.page_shapes`); ``width``, ``height``: the sheet as
    shown (points). Only a landscape sheet is asked (two portrait pages side by
    side; two landscape pages on a portrait sheet stand one above the other and are
    not looked for). The cut is the sheet's middle when it falls in the band, else
    the band's middle.
    """
    placed = [piece for line in lines if line.text.strip() and line.baseline is not None
              for piece in _far_apart(line, height)]
    if width <= height or len(placed) < 2 * MIN_LINES:
        return None
    size = median(line.size for line in placed if line.size > 1.0) \
        if any(line.size > 1.0 for line in placed) else 10.0
    band = _free_band([piece for line in placed for piece in piece_spans(line)], width)
    if band is None or band[1] - band[0] < MIN_GUTTER_EM * size:
        return None
    left_edge, right_edge = band
    middle = width / 2
    cut = middle if left_edge <= middle <= right_edge else (left_edge + right_edge) / 2
    for box in shapes:
        if box[2] - box[0] >= SHEET_COVER * width and box[3] - box[1] >= SHEET_COVER * height:
            continue
        if (box[0] < left_edge and box[2] > right_edge) or \
                box[0] - TOUCH <= cut <= box[2] + TOUCH:
            return None  # a rule, a table's frame or a picture runs over the band or the cut
    # Each line's text on either side: pdfium may give a row's two sides as one line.
    sides: tuple[list[TextLine], list[TextLine]] = ([], [])
    for line in placed:
        pieces = piece_spans(line)
        if pieces[0][0] < left_edge + 1.0:
            sides[0].append(line)
        if pieces[-1][1] > right_edge - 1.0:
            sides[1].append(line)
    if not (sides[0] and sides[1]):
        return None
    # (a page's frame moved half the sheet over is two pages, whatever stands in them)
    moved = _one_page_moved(*sides, band, width, size)
    # A short last page in that frame whose first line stands a paragraph's margin off
    # the left page's (a browser keeps the first page's top margin, drops it on a page
    # it breaks to) is a page too, unless the two sides stand as a table's rows.
    framed = moved or _one_page_moved(*sides, band, width, size, PAGE_TOP_EM)
    if not moved and ((min(len(sides[0]), len(sides[1])) < MIN_LINES and not framed)
                      or _rows_of_one_table(*sides) or _rows_in_bands(*sides)):
        return None
    # Two pages are written one after the other, so no line of one goes on in the
    # other; a table's row is one line with cells on both sides of its gap.
    left = {id(line) for line in sides[0]}
    rows = sum(1 for line in sides[1] if id(line) in left)
    if rows > ROW_SHARE * len(sides[1]):
        return None
    right = {id(line) for line in sides[1]}
    for side, other in ((sides[0], right), (sides[1], left)):
        # a page's worth of text, not a table's column of marks (a schedule's arrows)
        if sum(len("".join(line.text.split())) for line in side if id(line) not in other) \
                < (1 if framed else MIN_SIDE_CHARS):
            return None
    return cut


def left_only(lines: list[TextLine], shapes: list[Box], cut: float, width: float,
              height: float) -> bool:
    """Whether a sheet holds a page in its left half only, nothing at or right of ``cut``.

    The last sheet of a document of an odd number of pages printed 2-up: asked of
    a sheet after one :func:`sheet_gutter` cut at ``cut``, the same size (points).
    """
    placed = [line for line in lines if line.text.strip() and line.baseline is not None]
    return bool(placed) and all(piece[1] < cut for line in placed for piece in piece_spans(line)) \
        and all(box[2] < cut - TOUCH for box in shapes
                if box[2] - box[0] < SHEET_COVER * width or box[3] - box[1] < SHEET_COVER * height)


def _free_band(pieces: list[tuple[float, float]], width: float) -> tuple[float, float] | None:
    """The widest stretch across the sheet's middle that no piece of text covers."""
    low, high = width * (0.5 - MIDDLE_SHARE), width * (0.5 + MIDDLE_SHARE)
    best: tuple[float, float] | None = None
    reach = 0.0  # the right edge of the text seen so far, left to right
    for left, right in sorted(pieces):
        if left > reach and left > low and reach < high:
            if best is None or left - reach > best[1] - best[0]:
                best = (reach, left)
        reach = max(reach, right)
    if reach < high:  # nothing right of the middle: no second page
        return None
    return best


def _rows_of_one_table(left: list[TextLine], right: list[TextLine]) -> bool:
    """Whether nearly every line on each side has a line beside it on the other (one table)."""
    def shared(these: list[TextLine], those: list[TextLine]) -> float:
        return sum(any(abs((a.baseline or 0.0) - (b.baseline or 0.0))
                       <= SAME_BASELINE_EM * max(a.size, b.size, 1.0) for b in those)
                   for a in these) / len(these)

    return shared(left, right) >= SHARED_ROWS and shared(right, left) >= SHARED_ROWS


def _rows_in_bands(left: list[TextLine], right: list[TextLine]) -> bool:
    """Whether the two sides' lines fall into a table's rows: bands each holding both sides.

    A borderless table whose cells wrap to different line counts (Chromium's
    justified cells, ``vertical-align: middle``) leaves its columns' lines on no
    shared baselines (:func:`_rows_of_one_table`), but each row's lines on both sides
    stand in one band down the sheet that no line crosses out of, the rows' padding
    between bands. Two pages side by side leave such bands by chance only: their
    lines, at their own pitches, chain into one band or leave bands of one side.
    The lines are gathered into bands (each reaching :data:`BAND_REACH_EM` of its
    font size above and below its baseline); the sides are one table's columns when
    :data:`MIN_LINES` bands or more hold lines of both sides and those bands hold
    :data:`SHARED_ROWS` of the lines.
    """
    ids = {id(line) for line in left}
    both = ids & {id(line) for line in right}
    spans = sorted(((line.baseline or 0.0) - BAND_REACH_EM[1] * line.size,
                    (line.baseline or 0.0) + BAND_REACH_EM[0] * line.size,
                    id(line)) for line in {id(line): line for line in left + right}.values())
    bands: list[tuple[float, set[int]]] = []  # each band's top and its lines
    for low, high, key in spans:
        if bands and low <= bands[-1][0]:
            bands[-1] = (max(bands[-1][0], high), bands[-1][1] | {key})
        else:
            bands.append((high, {key}))
    shared = [keys for _, keys in bands
              if keys & both or (keys & ids and keys - ids)]
    return len(shared) >= MIN_LINES and \
        sum(len(keys) for keys in shared) >= SHARED_ROWS * len(spans)


def _one_page_moved(left: list[TextLine], right: list[TextLine], band: tuple[float, float],
                    width: float, size: float, top_em: float = PAGE_MOVED_EM) -> bool:
    """Whether the right side's text is the left side's page frame moved half the sheet over.

    Two pages of one document set on one grid (the same margins, the same line
    pitch: a 2-up print of flowing text) stand line for line as a two-column
    table's rows do; but an imposition puts each page in its half, so the right
    page's text begins half the sheet's ``width`` right of where the left page's
    begins and its first line on the left page's first line's baseline (within
    :data:`PAGE_MOVED_EM` of the text's ``size``). A table's second column begins
    where its cells are drawn, not at the first column's start moved by half the
    sheet. ``band``: the free band between the sides (points); ``top_em``: how near
    (font sizes) the two first baselines must stand (:data:`PAGE_TOP_EM` for a short
    page, whose first line a paragraph's margin may have moved).
    """
    slack = PAGE_MOVED_EM * size
    starts = [min(lefts) for line in right
              if (lefts := [piece[0] for piece in piece_spans(line) if piece[0] > band[1] - 1.0])]
    if not starts:
        return False
    moved = min(starts) - min(piece_spans(line)[0][0] for line in left)
    tops = max(line.baseline or 0.0 for line in right) - max(line.baseline or 0.0
                                                             for line in left)
    return abs(moved - width / 2) <= slack and abs(tops) <= top_em * size


def _far_apart(line: TextLine, height: float) -> list[TextLine]:
    """``line`` cut where its cells stand more than half the sheet's ``height`` apart.

    pdfium may write no break between the left page's last piece and the right
    page's first line (Chromium draws the tone mark of the line a page break moved
    to the next page at the foot of the page before, under an ``/ActualText`` of
    its cluster: a speck), and the two become cells of one line. A table row's
    cells stand at most a row's half height apart (a cell centred beside a tall
    one), never half a sheet: such cells are lines of their own here, each at its
    first cell's baseline (:attr:`TextLine.heights`).
    """
    cells, heights = line.cells, line.heights
    if len(cells) < 2 or len(heights) != len(cells) or len(line.ends) != len(cells):
        return [line]
    texts = line.text.split("\t")
    if len(texts) != len(cells):
        return [line]
    starts = [0] + [k for k in range(1, len(cells))
                    if abs(heights[k] - heights[k - 1]) > height / 2]
    if len(starts) == 1:
        return [line]
    return [replaced(line, text="\t".join(texts[a:b]), baseline=heights[a],
                     cells=cells[a:b], ends=line.ends[a:b], heights=heights[a:b],
                     left=cells[a], right=line.ends[b - 1],
                     spaces=line.spaces[a:b] if len(line.spaces) == len(cells) else ())
            for a, b in zip(starts, [*starts[1:], len(cells)], strict=True)]


def keep_half(page: Any, cut: float, side: Side, size: tuple[float, float]
              ) -> tuple[float, float]:
    """Leave on the pdfium ``page`` only what it draws on one side of ``cut``; the half's size.

    :func:`keep_part` of the half left (``side`` 0) or right (1) of ``cut`` (x,
    points); ``size``: the sheet as shown (width, height; points).
    """
    width, height = size
    return keep_part(page, (0.0, 0.0, cut, height) if side == 0 else (cut, 0.0, width, height),
                     size)


def keep_part(page: Any, part: Box, size: tuple[float, float]) -> tuple[float, float]:
    """Leave on the pdfium ``page`` only what it draws inside ``part``; the part's size.

    ``part``: (left, bottom, right, top; points, the sheet as shown), its edges
    inside the sheet cuts between pages. An object is kept where the middle of its
    box stands; a Form XObject that reaches over a cut (a whole sheet drawn as one
    form) is looked into and its objects taken the same way. The part is moved to
    the sheet's lower left corner and the page's boxes become the part's. Only the
    page in memory changes, never the file; a text page made afterwards reads the
    part. ``size``: the sheet as shown (width, height; points). Returns the part's
    width and height (points).
    """
    import pypdfium2.raw as pdfium_c

    handle = getattr(page, "raw", page)
    cuts = _cuts(part, size)
    take_objects(handle, lambda box: any(box[axis] < at < box[axis + 2] for axis, at, _ in cuts),
                 lambda box: any(((box[axis] + box[axis + 2]) / 2 < at) != below
                                 for axis, at, below in cuts))
    left, bottom, right, top = part
    if left or bottom:
        for i in range(pdfium_c.FPDFPage_CountObjects(handle)):
            obj = pdfium_c.FPDFPage_GetObject(handle, i)
            pdfium_c.FPDFPageObj_Transform(obj, 1.0, 0.0, 0.0, 1.0, -left, -bottom)
            # pdfium moves an object without its clip path: a browser clips a table
            # row a column's or a page's foot cut to that column
            pdfium_c.FPDFPageObj_TransformClipPath(obj, 1.0, 0.0, 0.0, 1.0, -left, -bottom)
        moved_page(page, -left, -bottom)  # (the file's glyph codes are found where it drew them)
    pdfium_c.FPDFPage_SetMediaBox(handle, 0.0, 0.0, right - left, top - bottom)
    pdfium_c.FPDFPage_SetCropBox(handle, 0.0, 0.0, right - left, top - bottom)
    return right - left, top - bottom


#: A cut: (axis, at, keep_below), axis 0 for x and 1 for y; what stands below ``at``
#: on that axis is kept when ``keep_below``, else what stands at or above it.
_Cut = tuple[int, float, bool]


def _cuts(part: Box, size: tuple[float, float]) -> list[_Cut]:
    """The edges of ``part`` that cut the sheet (those inside it), as :data:`_Cut`."""
    width, height = size
    cuts: list[_Cut] = []
    for axis, low, high, end in ((0, part[0], part[2], width), (1, part[1], part[3], height)):
        if low > 0.0:
            cuts.append((axis, low, False))
        if high < end:
            cuts.append((axis, high, True))
    return cuts


def take_objects(page: Any, looks_into: Callable[[Box], bool], goes: Callable[[Box], bool]
                 ) -> None:
    """Remove from the pdfium ``page`` (in memory) each object whose box ``goes``.

    Boxes are (left, bottom, right, top; points, the page as shown). A Form XObject
    whose box ``looks_into`` (it reaches over a cut: a whole sheet drawn as one form)
    is looked into instead, eight forms deep at most, its objects' boxes taken
    through its matrix.
    """
    import pypdfium2.raw as pdfium_c

    _take(getattr(page, "raw", page), looks_into, goes, None, pdfium_c.FPDFPage_CountObjects,
          pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPage_RemoveObject)


def _take(parent: Any, looks_into: Callable[[Box], bool], goes: Callable[[Box], bool],
          to_page: Matrix | None, count: Any, get: Any, remove: Any, level: int = 0) -> None:
    """:func:`take_objects` of ``parent`` (a page or a form object)."""
    import pypdfium2.raw as pdfium_c

    corners = [ctypes.c_float() for _ in range(4)]
    matrix = pdfium_c.FS_MATRIX()
    gone = []
    for i in range(max(int(count(parent)), 0)):
        obj = get(parent, i)
        if not obj or not pdfium_c.FPDFPageObj_GetBounds(obj, *corners):
            continue
        box = (corners[0].value, corners[1].value, corners[2].value, corners[3].value)
        if to_page is not None:
            box = box_through(to_page, box)
        if looks_into(box) and pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM \
                and level < 8 and pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            inner = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            _take(obj, looks_into, goes, inner if to_page is None else then(inner, to_page),
                  pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                  pdfium_c.FPDFFormObj_RemoveObject, level + 1)
            continue
        if goes(box):
            gone.append(obj)
    for obj in gone:
        if remove(parent, obj):
            pdfium_c.FPDFPageObj_Destroy(obj)
