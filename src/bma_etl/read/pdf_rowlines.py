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
