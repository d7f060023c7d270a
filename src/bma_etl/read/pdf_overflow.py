"""A ruled cell's wrapped lines that run past its row's bottom rule into the row below.

Stage: read (runs in the PDF worker process; a helper of
:func:`.pdf_tables.with_table_rows`, on the pieces it found in table cells; y in
points, up the page). A spreadsheet printed with rows not fitted to their wrapped
cells (Excel's or Calc's default row height, "wrap text" on) draws each cell's later
lines at the cell's line pitch on down the page, clipped at the row's rule: the
heading ``งบประมาณ`` / ``(บาท)``, the name ``โครงการอาหารกลางวัน…ระดับ`` / ``ประถมศึกษา``,
the total label ``รวมงบ`` / ``ประมาณ`` / ``ทั้งสิ้น``. The text layer keeps those lines,
and by where they stand each one lay in the next row's cell: glued to the first
line of the next row's name, or to its unit, or read as its own.

Such a line is told from the next row's own first line by two things, either enough:

- it overprints a line of the cell it lies in (their boxes overlap: no cell sets
  two of its lines so close), standing above it; or
- it stands nearer its row's top rule than a row's first line stands in the table
  (:data:`CLOSER_EM` font sizes nearer than most rows' highest piece).

and it goes on the cell above: that cell's last line (same column) stands one line
pitch above it (:data:`PITCH_EM`), and for the second, its first word had no room left
on that cell's line (a title run on over empty cells is never wrapped). It then goes
back to that cell (:func:`overflow_moves`);
a further line of the same cell goes with it when it overprints the row's own too.
Where the print clips each cell, its clip says whose a hidden line is, wherever it
stands (:mod:`.pdf_clip_cells`): a page whose clips hid lines is not looked at here.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import median
from typing import Protocol, TypeVar

from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_rowspans import column_at
from bma_etl.read.pdf_table_ids import JOIN

#: A cell's line pitch, font sizes: one line's baseline is this far above the next's.
PITCH_EM = (1.05, 2.1)
#: Two lines of one cell whose baselines stand closer than this (font sizes) and whose
#: x ranges overlap draw over each other: one of them is another cell's.
OVERPRINT_EM = 0.8
#: A line this much (font sizes) nearer its row's top rule than the table's rows'
#: first lines stand started in the row above.
CLOSER_EM = 0.12

Row = tuple[float, float, float, float]  # top rule, bottom rule, left, right (points)


class _HasCell(Protocol):
    """A piece's table cell (:class:`.pdf_tables._Cell`)."""

    @property
    def row(self) -> Row: ...

    @property
    def column(self) -> int: ...

    @property
    def columns(self) -> tuple[float, ...]: ...


C = TypeVar("C", bound=_HasCell)
Found = list[tuple[int, list[tuple[str, float, float, bool, float]], list[C]]]
#: A piece: line index, piece index, baseline, left, right, font size.
_Piece = tuple[int, int, float, float, float, float]


def overflow_moves(found: Found[C], lines: list[TextLine],
                   cell: Callable[[Row, int, tuple[float, ...]], C]) -> dict[tuple[int, int], C]:
    """The pieces that are the cell above's lines run over its rule, and where they go.

    ``found``: per line, its index in ``lines``, its pieces ``(text, x, end, spaced,
    baseline)`` and each piece's cell; ``cell`` makes a cell from a row, a column and
    the row's column edges. Returns ``{(line index, piece index): its cell in the row
    above}`` for each piece moved there.
    """
    cells: dict[tuple[Row, int], list[_Piece]] = {}
    grids: dict[Row, tuple[float, ...]] = {}
    for index, pieces, where in found:
        line = lines[index]
        size = line.size
        if size <= 0.0:
            continue
        # each piece's own baseline: pieces of a line may stand a little apart
        texts = line.text.split("\t")
        own = [h for t, h in zip(texts, line.heights, strict=True) if t.strip()] \
            if len(texts) == len(line.heights) else []
        for k, ((text, x, end, _, y), at) in enumerate(zip(pieces, where, strict=True)):
            y = own[k] if len(own) == len(pieces) else y
            right = end if end > x else x + 0.45 * size * len(text)
            cells.setdefault((at.row, at.column), []).append((index, k, y, x, right, size))
            grids[at.row] = at.columns
    usual = _usual_offsets(cells)
    moves: dict[tuple[int, int], C] = {}
    for (row, col), column in sorted(cells.items(), key=lambda kv: -kv[0][0][0]):
        above = next((r for r in grids if abs(r[1] - row[0]) <= JOIN
                      and r[2] < row[3] and row[2] < r[3]), None)
        if above is None or col not in usual:
            continue
        others = [_offset(p, row) for (r, c), ps in cells.items() if r == row and c != col
                  for p in ps]
        for piece in sorted(column, key=lambda p: -p[2]):
            index, k, y, x, right, size = piece
            over = column_at(grids[above], x)
            last = [p for p in cells.get((above, over), []) if p[2] > y]
            if not last or not PITCH_EM[0] <= (min(p[2] for p in last) - y) / size <= PITCH_EM[1]:
                continue
            # a wrapped cell's next line: its first word had no room left on the line above
            edges = (*grids[above], above[3])
            word = (right - x) * _first_word_share(lines[index].text.split("\t"), k)
            wraps = max(p[4] for p in last) + word > edges[min(over + 1, len(edges) - 1)]
            off = abs(_offset(piece, row) - usual[col])
            # overprints the row's own line, which stands where the column's first lines do
            overprints = any(abs(y - p[2]) / size < OVERPRINT_EM and p[3] < right and x < p[4]
                             and abs(_offset(p, row) - usual[col]) < off
                             for p in column if p is not piece)
            # or the cell's only line, off where the column's and the row's first lines stand
            alone = wraps and len(column) == 1 and bool(others) and off > CLOSER_EM and all(
                abs(_offset(piece, row) - o) > CLOSER_EM for o in others)
            if overprints or alone:
                moves[(index, k)] = cell(above, over, grids[above])
                cells.setdefault((above, over), []).append(piece)
                column.remove(piece)
    return moves


def _offset(piece: _Piece, row: Row) -> float:
    """How far below its row's top rule a piece's baseline stands (font sizes; negative)."""
    return (piece[2] - row[0]) / piece[5]


def _usual_offsets(cells: dict[tuple[Row, int], list[_Piece]]) -> dict[int, float]:
    """Per column: where its cells' first lines stand in their rows.

    The median over the rows of each cell's highest line's :func:`_offset`; a column
    of fewer than three rows is left out (too few to tell).
    """
    firsts: dict[int, list[float]] = {}
    for (row, column), pieces in cells.items():
        if pieces:
            firsts.setdefault(column, []).append(max(_offset(p, row) for p in pieces))
    return {column: median(offs) for column, offs in firsts.items() if len(offs) >= 3}


def _first_word_share(texts: list[str], k: int) -> float:
    """The share of the ``k``-th non-empty piece of ``texts`` its first word takes (0..1)."""
    pieces = [t.strip() for t in texts if t.strip()]
    if k >= len(pieces) or not pieces[k]:
        return 1.0
    return len(pieces[k].split()[0]) / len(pieces[k])
