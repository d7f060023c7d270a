"""Rows of a borderless table that follow one another as closely as one cell's lines.

Stage: read (runs in the PDF worker process; a helper of
:func:`.pdf_page.with_side_by_side`, on :class:`~.pdf_runs.Piece` lists, x in points).
A browser prints a page's table with no Thai font in its CSS in two fonts: a row of
Latin letters and digits alone (``Policy ID`` / ``12``, ``Start Date`` /
``2023-10-01 00:00:00.000``) in its Latin font, whose lines are lower than the Thai
fallback's. Without borders such rows stand a line pitch apart, as closely as the
lines of one wrapped cell, and a run of them (``ชื่อโครงการ`` / ``Policy ID`` /
``Branch ID`` / ``Kpi ID``) looks like one padded row of two wrapped cells. A cell's
lines wrap: each but its last leaves too little room in its column for the next
line's first word. A line that leaves room for it and a font size more ended on its
own: it is a row's last line, and the line under it the next row's
(:func:`ends_short`). A column's width is the widest piece the page sets in it, on
its rows of two cells or more (:func:`table_pieces`): its left edge, centre or right
edge within a font size of the column's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_runs import Piece, line_pieces


def table_pieces(lines: Sequence[TextLine]) -> list[Piece]:
    """The pieces of those of ``lines`` (a page's) that have a baseline and two cells or more."""
    return [p for line in lines if line.baseline is not None and len(line.cells) > 1
            for p in line_pieces(line)]


#: Where a piece stands, by each alignment a column may have: left edge, centre, right edge.
_SIDES = (lambda p: p.left, lambda p: (p.left + p.right) / 2, lambda p: p.right)


def _width(column: list[Piece], page: list[Piece], size: float) -> float:
    """The width (points) of a column: its widest piece, or the page's set in line with it.

    The column's pieces share their left edges, else their centres, else their right
    edges, within ``size`` points; a piece of ``page`` that stands there as well is
    the same column's (pieces that share none: the column's own widest).
    """
    width = max(p.right - p.left for p in column)
    for at in _SIDES:
        xs = [at(p) for p in column]
        if max(xs) - min(xs) <= size:
            return max([width, *(q.right - q.left for q in page
                                 if min(xs) - size <= at(q) <= max(xs) + size)])
    return width


def ends_short(columns: list[list[Piece]], page: list[Piece]) -> bool:
    """Whether a column of a run holds a line that ended with room for the next one's first word.

    ``columns``: a run's (:func:`.pdf_runs.run_columns`); ``page``: the page's
    :func:`table_pieces`. Of a column's pieces on lines that follow one another, a
    piece (not the lowest) that leaves more room in the column's width
    (:func:`_width`) than the next piece's first word (up to its first space) and
    a font size more did not wrap there: the pieces are rows of their own.
    """
    for column in columns:
        ordered = sorted(column, key=lambda p: -p.baseline)
        lines = [p.line for p in ordered]
        if len(ordered) < 2 or lines != list(range(lines[0], lines[0] + len(lines))):
            continue
        size = max(p.size for p in column) or 1.0
        width = _width(column, page, size)
        for above, below in pairwise(ordered):
            word = (below.gaps[0][0] if below.gaps else below.right) - below.left
            if width - (above.right - above.left) > word + size:
                return True
    return False


def label_beside_items(column: list[Piece], other: list[Piece], size: float) -> bool:
    """Whether ``column`` is one label left of ``other``'s lines, which start together.

    A web page's label/value table centres a cell in its row by default: a one-line
    label stands at the middle of its value's lines, and a value of items, one a line
    (``1. ...`` / ``2. ...`` / ``3. ...``: the objectives), ends its lines short, as
    lines of several rows do. Its lines all start within a font ``size`` of one
    another, right of the label's end: the label's value, its lines the row's height.
    """
    if len(column) != 1 or len(other) < 2:
        return False
    lefts = [p.left for p in other]
    return column[0].right < min(lefts) and max(lefts) - min(lefts) <= size


def tab_set(column: list[Piece], size: float) -> bool:
    """Whether ``column``'s pieces are lines of text, not the lines of one cell.

    A cell's lines start together (left-aligned or justified; a hanging or first-line
    indent moves only its first line, or all but the first), or are centred or end
    together. A piece that starts more than a font ``size`` right of the pieces
    above and below it, neither centred nor ending with both, is a line set at a tab
    stop between lines at the margin: running text whose last tab's text wrapped onto
    the margin (``… บาท`` / ``: เป็นไปตามแผน : เป็น`` … ``ไปตามเป้าหมาย``), which the
    piece beside it is no cell centred beside.
    """
    ordered = sorted(column, key=lambda p: -p.baseline)
    for above, piece, below in zip(ordered, ordered[1:], ordered[2:], strict=False):
        if piece.left > max(above.left, below.left) + size \
                and not all(abs(piece.left + piece.right - p.left - p.right) <= 2 * size
                            for p in (above, below)) \
                and not all(abs(piece.right - p.right) <= size for p in (above, below)):
            return True
    return False


#: Most room (font sizes) a line of a wrapped cell leaves at its end: a browser breaks
#: Thai at dictionary words, a few letters wide, with no space to say where one ends.
WRAP_ROOM_EM = 2.0


def wrapped_together(columns: list[list[Piece]], page: list[Piece]) -> bool:
    """Whether a run's two columns are both cells wrapped over the same lines: one row.

    ``columns``: a run's (:func:`.pdf_runs.run_columns`); ``page``: the page's
    :func:`table_pieces`. Each column's pieces stand on lines that follow one another,
    two or more, the shorter column's among the other's, and every piece but a
    column's lowest leaves less room in its column's width (:func:`_width`) than the
    next piece's first word, and than :data:`WRAP_ROOM_EM` font sizes: each line
    wrapped into the next, so the lines of both are one row's. A label/value row a page
    break cut, its label over two lines (``หลักการและ`` / ``เหตุผล``), stands beside the
    value's lines on their baselines (the browser sets the label on the part of the row
    left on the page), with nothing between them to show they interleave; two rows
    leave room at the end of a label or of a value.
    """
    if len(columns) != 2:
        return False
    ordered = [sorted(column, key=lambda p: -p.baseline) for column in columns]
    lines = sorted(([p.line for p in column] for column in ordered), key=len)
    if len(lines[0]) < 2 or any(own != list(range(own[0], own[0] + len(own))) for own in lines) \
            or not set(lines[0]) <= set(lines[1]):
        return False
    for column in ordered:
        size = max(p.size for p in column) or 1.0
        width = _width(column, page, size)
        for above, below in pairwise(column):
            word = (below.gaps[0][0] if below.gaps else below.right) - below.left
            if width - (above.right - above.left) >= min(word, WRAP_ROOM_EM * size):
                return False
    return True
