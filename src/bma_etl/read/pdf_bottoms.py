"""Borderless rows whose cells sit at the row's foot: a wrapped cell's first lines above.

Stage: read (runs in the PDF worker process). A spreadsheet sets each cell's text at
the foot of its row (bottom alignment, Calc's and Excel's default): in a row whose
value wraps over two lines, the one-line label stands beside the value's last line,
and the value's first line comes above it, alone in its column::

                       : โครงการอบรมศูนย์บริการสาธารณสุขเพื่อยกระดับ
    ชื่อโครงการ/กิจกรรม   คุณภาพชีวิตของประชาชนในพื้นที่เขตราษฎร์บูรณะ

Read line by line, the first line is a row without a label and the label takes only
the value's end. :func:`bottom_aligned_rows` puts such head lines back in front of
the row below, cell by cell, on the page's geometry only: the head lines leave the
first column empty, each is full (it runs to its column's edge: the cell wrapped
there), the row below follows at one line pitch and fills the first column and every
column the head lines fill, and the line above the head is no line of the same cell
(more than a line pitch and a half above, or a blank line: the space between two
rows). A table that
starts its page opens with no head: there a row a page break cut goes on.
"""

from __future__ import annotations

from bma_etl.read.pdf_line import TextLine, replaced
from bma_etl.read.pdf_tables import join_pieces

#: Most line pitches between two lines of one cell (the head and the row below).
CELL_PITCHES = 1.25
#: Least line pitches between a row's last line and the next row's head.
ROW_PITCHES = 1.5
#: A head line is full when it ends within this many font sizes of its column's edge
#: (Thai wraps between words, and a long word leaves that much room).
FULL_EM = 6.0


def _columns(line: TextLine) -> dict[int, str]:
    return {k: t for k, t in enumerate(line.text.split("\t")) if t.strip()}


def _full(line: TextLine, cols: dict[int, str], edges: dict[int, float]) -> bool:
    """Whether each of ``line``'s cells runs to its column's edge, as a wrapped line does.

    ``edges``: column -> the furthest end (points) of the column's cells.
    """
    if len(line.ends) != len(cols):
        return False
    size = line.size or 1.0
    return all(end >= edges.get(k, end) - FULL_EM * size
               for k, end in zip(sorted(cols), line.ends, strict=True))


def bottom_aligned_rows(lines: list[TextLine], anchors: list[float], pitch: float,
                        above: TextLine | None = None) -> list[TextLine]:
    """``lines`` with each bottom-aligned row's head lines joined into the row below.

    ``lines``: one borderless table's tab-aligned rows, column ``k`` starting at
    ``anchors[k]``; ``pitch``: the table's line pitch (points); ``above``: the page's
    line above the table (None: the table starts the page). A joined row keeps the
    geometry of its label's line; its cells' text is the head lines' text and then its
    own (:func:`~.pdf_tables.join_pieces`: Thai cut between words joins with no space).
    """
    if len(anchors) < 2 or len(lines) < 2:
        return lines
    lines = [above, *lines] if above is not None else list(lines)
    cols = [_columns(line) for line in lines]
    edges: dict[int, float] = {}
    for line, c in zip(lines, cols, strict=True):
        if len(line.ends) == len(c):
            for k, end in zip(sorted(c), line.ends, strict=True):
                edges[k] = max(end, edges.get(k, end))
    out: list[TextLine] = []
    heads: list[int] = []
    for i, line in enumerate(lines):
        if heads and _takes(lines, cols, heads, i, pitch):
            texts = line.text.split("\t")
            for k in range(len(texts)):
                for h in reversed(heads):
                    if k in cols[h]:
                        texts[k] = join_pieces(cols[h][k].strip(), texts[k].strip())
            out = out[:len(out) - len(heads)]
            line = replaced(line, text="\t".join(texts))
            heads = []
        elif heads and not _head(lines, cols, i, pitch, edges, heads[-1]):
            heads = []
        if not heads and _head(lines, cols, i, pitch, edges, None):
            heads = [i]
        elif heads and heads[-1] != i and _head(lines, cols, i, pitch, edges, heads[-1]):
            heads.append(i)
        out.append(line)
    return out[1:] if above is not None else out


def _gap(upper: TextLine, lower: TextLine) -> float | None:
    """Points from ``upper``'s lowest piece down to ``lower``'s baseline (None: unknown).

    A line whose cells were joined side by side (:attr:`TextLine.depth`: a row's flag
    cells' third line set beside its detail's second) ends at its lowest piece: the
    next line of the detail stands a line pitch under that piece, not two under the
    line's own baseline, and is no head of the row below.
    """
    if upper.baseline is None or lower.baseline is None:
        return None
    return upper.baseline - upper.depth - lower.baseline


def _head(lines: list[TextLine], cols: list[dict[int, str]], i: int, pitch: float,
          edges: dict[int, float], previous: int | None) -> bool:
    """Whether line ``i`` may open or go on a bottom-aligned row's head.

    ``previous``: the head line it would go on from (None: it would open the head).
    """
    line = lines[i]
    if not cols[i] or 0 in cols[i] or line.table is not None \
            or not _full(line, cols[i], edges):
        return False
    if previous is not None:
        gap = _gap(lines[previous], line)
        return previous == i - 1 and gap is not None and gap <= CELL_PITCHES * pitch
    if i == 0:  # (the table starts the page: a row a page break cut goes on there)
        return False
    if not lines[i - 1].text.strip():  # a blank line: space between two rows
        return True
    gap = _gap(lines[i - 1], line)
    return gap is not None and gap > ROW_PITCHES * pitch


def _takes(lines: list[TextLine], cols: list[dict[int, str]], heads: list[int], i: int,
           pitch: float) -> bool:
    """Whether line ``i``, right under head lines ``heads``, is their row's label line."""
    gap = _gap(lines[heads[-1]], lines[i])
    return heads[-1] == i - 1 and gap is not None and gap <= CELL_PITCHES * pitch \
        and 0 in cols[i] and lines[i].table is None \
        and all(set(cols[h]) <= set(cols[i]) for h in heads)
