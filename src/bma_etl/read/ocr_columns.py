"""An OCR'd page set in two text columns, read column by column.

Stage: read. A page a writer set in two columns (a Word or Writer section of two
columns, a print that saves paper) flows its text down the left column, then the
right one. Tesseract reads each column as blocks of its own, but a column's line
stands on the row of the line beside it in the other (a writer sets both on one
grid of lines), and :func:`~.ocr_side_blocks.rows_across_blocks`, which puts a
borderless form's labels and values back on their rows, would join every line of
the left column to the line beside it: the history's entries and the project's
fields interleave. :mod:`.pdf_multicolumn` reads a text layer's columns apart; this
does so for a scan, from the words' geometry only (:func:`column_parts`):

- a gutter: a band down the page, at least :data:`MIN_GUTTER` line heights wide,
  that no word crosses (but those of lines wider than :data:`SPANNING` of the text,
  and of the page's top and foot lines: a heading, a running head, a page number);
- two columns of equal width (:data:`EQUAL_WIDTH`) either side of it, each of at
  least :data:`MIN_LINES` lines;
- prose on both sides: at least :data:`MIN_WRAPS` lines of each column (and
  :data:`WRAP_SHARE` of them) fill its width and go on in the line under them, as
  text wraps at a column's edge.

A one-column page with a table keeps its rows: a borderless form's label column
is narrower than its values' (a table's columns are seldom of one width), its
labels do not wrap at one right edge, and a table of many columns has no single
gutter near the middle. Lines that run over the gutter (a heading over both
columns) end one run of columns and start the next; each run is read left column
first. Not told apart yet: a borderless table of two halves of one width whose
cells wrap on both sides (its rows align across the gap, but so do the lines of two
columns a writer sets on one grid); it is read as two columns.
"""

from __future__ import annotations

import statistics
from itertools import pairwise

from bma_etl.read.ocr_tsv import TsvLine

#: Narrowest gutter, in median line heights (Word's default gap of 0.5 inch is about
#: two lines of 12 pt text; a word space about a third of one).
MIN_GUTTER = 0.8
#: The narrower column's width is at least this share of the wider's.
EQUAL_WIDTH = 0.8
#: Least lines in each column.
MIN_LINES = 6
#: A line fills its column when it ends within this share of the column's width of
#: the column's right edge (its longest line's end).
FULL_REACH = 0.15
#: Least lines of each column that fill it and go on in the line under them...
MIN_WRAPS = 3
#: ...and their least share of the column's lines.
WRAP_SHARE = 0.15
#: The line under a filled line starts within this many line heights below it.
WRAP_PITCH = 1.8
#: A line wider than this share of the text runs over both columns (a heading).
SPANNING = 0.6


def column_parts(lines: list[TsvLine]) -> list[list[TsvLine]]:
    """``lines`` (reading order) as the parts read one after the other: left column first.

    A page not set in two columns is one part, ``[lines]`` as given. On a page set in
    two columns (see the module), each run of lines between headings spanning both
    gives its left column's lines, then its right column's, each in the order given;
    a line whose words lie on both sides of the gutter (Tesseract joined a row
    across it) is cut there in two. Pieces are never changed.
    """
    if len(lines) < 2 * MIN_LINES:
        return [lines]
    height = statistics.median(line.height for line in lines)
    left = min(p.left for line in lines for p in line.pieces)
    right = max(p.right for line in lines for p in line.pieces)
    # a heading over both columns, and the page's top and foot lines (a running head,
    # a page number in the middle) may cross the gutter: it is looked for without them
    ends = sorted(lines, key=lambda line: min(p.top for p in line.pieces))
    narrow = [line for line in lines if _right(line) - _left(line) <= SPANNING * (right - left)
              and line is not ends[0] and line is not ends[-1]]
    gutter = _gutter(narrow, left, right, MIN_GUTTER * height)
    if gutter is None:
        return [lines]
    parts: list[list[TsvLine]] = []
    run: list[TsvLine] = []
    split = False
    for line in [*lines, None]:
        if line is not None and not any(gutter[0] < p.right and p.left < gutter[1]
                                        for p in line.pieces):
            run.append(line)
            continue
        columns = _in_columns(run, gutter, height)
        split = split or columns is not None
        parts.extend(columns or [run])
        run = []
        if line is not None:  # over both columns: goes on in the part before, if whole
            if parts and columns is None:
                parts[-1].append(line)
            else:
                parts.append([line])
    if not split:
        return [lines]
    return [part for part in parts if part]


def _left(line: TsvLine) -> int:
    return min(p.left for p in line.pieces)


def _right(line: TsvLine) -> int:
    return max(p.right for p in line.pieces)


def _gutter(lines: list[TsvLine], left: int, right: int, least: float
            ) -> tuple[int, int] | None:
    """The band (x from, x to; pixels) no word crosses that parts two equal columns."""
    pieces = sorted((p.left, p.right) for line in lines for p in line.pieces)
    if not pieces:
        return None
    best: tuple[int, int] | None = None
    reach = pieces[0][1]
    for low, high in pieces[1:]:
        if low - reach >= least:
            widths = sorted((reach - left, right - low))
            if widths[0] >= EQUAL_WIDTH * widths[1] and (
                    best is None or low - reach > best[1] - best[0]):
                best = (reach, low)
        reach = max(reach, high)
    return best


def _in_columns(run: list[TsvLine], gutter: tuple[int, int], height: float
                ) -> list[list[TsvLine]] | None:
    """``run`` as its left column's lines and its right's, or None when it is no columns."""
    sides: tuple[list[TsvLine], list[TsvLine]] = ([], [])
    for line in run:
        before = [p for p in line.pieces if p.right <= gutter[0]]
        after = [p for p in line.pieces if p.left >= gutter[1]]
        if before:
            sides[0].append(TsvLine(line.height, before) if after else line)
        if after:
            sides[1].append(TsvLine(line.height, after) if before else line)
    if not all(_prose(side, height) for side in sides):
        return None
    return [sides[0], sides[1]]


def _prose(side: list[TsvLine], height: float) -> bool:
    """Whether a column's lines are text wrapped at its right edge (:data:`MIN_WRAPS`)."""
    if len(side) < MIN_LINES:
        return False
    lefts = [_left(line) for line in side]
    edge = max(_right(line) for line in side)
    width = edge - min(lefts)
    ordered = sorted(side, key=lambda line: min(p.top for p in line.pieces))
    wraps = 0
    for line, under in pairwise(ordered):
        top = min(p.top for p in under.pieces)
        bottom = max(p.bottom for p in line.pieces)
        if _right(line) >= edge - FULL_REACH * width and top - bottom <= WRAP_PITCH * height \
                and _left(under) <= min(lefts) + FULL_REACH * width:
            wraps += 1
    return wraps >= max(MIN_WRAPS, WRAP_SHARE * len(side))

