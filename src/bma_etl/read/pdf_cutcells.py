"""Cells closer than a tab in a borderless row a page break cut, told apart by its two parts.

Stage: read. Used by :func:`.pdf_cutrows.join_cut_row` on the last line of a page
and the first of the next (:class:`~.pdf_layout.TextLine`, x in points). A table of
narrow columns (a web page's, printed by LibreOffice Writer/Web) sets its cells
closer than a tab's gap (:data:`.pdf_glyphs.TAB_GAP_EM`): a row cut at the page's
foot after its first line is one line of running text (``รายงานครั้ง :: 20/12/2568 :
อยู่ระหว่างขั้นตอนการ : เป็นไป : เป็นไปตาม``), and the cells it goes on with on the
next page may stand on one line too (``แผน เป้าหมาย``). Alone, neither shows its
columns; together they do: the columns one part's cells start at are where the other
part's white space ends (:func:`cut_at_columns`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from bma_etl.read.pdf_cuts import SPLIT_EM
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced

#: White space this many font sizes wide or more, at the same place in both parts of a
#: row, is a column's padding (a word space is 0.25-0.5 em in the Thai fonts).
WIDE_EM = 1.0
#: White space this many font sizes wide or more is wider than any word space: where
#: it ends at another line's piece's start, a cell ends before it (:func:`cut_at_starts`).
#: A wrapped cell's line ends short of its padding, so the gap to the next cell is
#: that padding and what room the line left: 0.6-0.9 em at 12-16 pt.
PADDING_EM = 0.55

_SPACES = re.compile("[ \u00a0]+")


def cell_spaces(line: TextLine, k: int) -> tuple[tuple[float, float], ...] | None:
    """The two sides (x, points) of each white-space run in ``line``'s cell ``k``; None: unknown.

    From :attr:`TextLine.cell_gaps` (a row joined from cells side by side) or, for a
    line drawn as one, :attr:`TextLine.gaps` inside the cell's extent; known only when
    they are as many as the cell's text has runs.
    """
    pieces = [p for p in line.text.split("\t") if p.strip()]
    if len(pieces) != len(line.cells) or len(line.ends) != len(line.cells):
        return None
    runs = len(_SPACES.findall(pieces[k].strip()))
    if len(line.cell_gaps) == len(line.cells):
        found = line.cell_gaps[k]
        if not all(line.cells[k] <= a and b <= line.ends[k] for a, b in found):
            return None  # (cells cut or joined since)
    elif line.gaps and len(_SPACES.findall(line.text.strip())) == len(line.gaps):
        found = tuple(g for g in line.gaps if line.cells[k] <= g[0] and g[1] <= line.ends[k])
    else:
        return None
    return found if len(found) == runs else None


def cut_at_columns(line: TextLine, columns: list[float]) -> TextLine:
    """``line`` with each cell cut where a run of its white space ends at one of ``columns``.

    A cell is cut at the columns that start inside it (more than :data:`.pdf_cuts.SPLIT_EM`
    font sizes from its ends) when, for each of them, one of its white-space runs ends
    within that of the column (:func:`cell_spaces`; as
    :func:`.pdf_cuts.split_cells_at_columns` cuts a line whose spaces are all known); a
    cell whose spaces are unknown stays whole.
    """
    pieces = [p for p in line.text.split("\t") if p.strip()]
    if len(pieces) != len(line.cells) or len(line.ends) != len(line.cells):
        return line
    size = line.size or 1.0
    texts, cells, ends, own = [], [], [], []  # own: each new cell's spaces (() if unknown)
    for k, piece in enumerate(pieces):
        spaces = cell_spaces(line, k) or ()
        piece = piece.strip()
        runs = list(_SPACES.finditer(piece))
        inside = [x for x in columns
                  if line.cells[k] + SPLIT_EM * size < x < line.ends[k] - SPLIT_EM * size]
        near = [[n for n, (_, b) in enumerate(spaces) if abs(b - x) <= SPLIT_EM * size]
                for x in inside]
        cuts = sorted({found[0] for found in near}) if all(near) else []
        start, done, last = line.cells[k], 0, -1
        for n in [*cuts, len(runs)]:
            texts.append(piece[done:runs[n].start()] if n < len(runs) else piece[done:])
            cells.append(start)
            ends.append(spaces[n][0] if n < len(runs) else line.ends[k])
            own.append(spaces[last + 1:n] if n < len(runs) else spaces[last + 1:])
            if n < len(runs):
                start, done, last = spaces[n][1], runs[n].end(), n
    if len(cells) == len(line.cells):
        return line
    whole = len(_SPACES.findall(line.text.strip())) == len(line.gaps)
    return replaced(line, text="\t".join(texts), cells=tuple(cells), ends=tuple(ends),
                    heights=(), spaces=(), cell_gaps=tuple(own),
                    gaps=tuple(g for spaces in own for g in spaces) if whole else ())


def cut_row_at(row: TextLine, cont: TextLine) -> TextLine:
    """``row`` (one cell: a row's first line at a page's foot) cut at the columns of ``cont``.

    ``cont``: the next page's first line, cells of a row of two or more. The columns:
    where ``cont``'s cells start, and where white space :data:`WIDE_EM` font sizes wide
    or more ends at the same place (within :data:`.pdf_cuts.SPLIT_EM` font sizes) in
    both lines (two cells of ``cont``'s that stand on one line closer than a tab). The
    row is cut only when it starts at ``cont``'s first cell and has a white-space run
    ending at each of those columns inside it (:func:`cut_at_columns`); else unchanged.
    A row that would be cut once only, where white space narrower than a cell's padding
    (:data:`PADDING_EM`) ends, stays whole: a word space where the next row's cell
    happened to start (a summary table's total, ``รวมงบประมาณทั้งสิ้น`` ⇥
    ``๒๑,๕๙๗,๓๐๐.- บาท``, under a project row printed as running text). Each cell's
    room is measured against the row's narrowest gap; with one gap alone it is unknown.
    """
    size = max(row.size, cont.size) or 1.0
    if "\t" in row.text or len(row.cells) != 1 or len(cont.cells) < 2 or cont.table is not None \
            or abs(row.cells[0] - cont.cells[0]) > SPLIT_EM * size or not row.gaps:
        return row
    wide = [b for a, b in row.gaps if b - a >= WIDE_EM * size]
    columns = list(cont.cells[1:])
    for k in range(len(cont.cells)):
        columns += [b for a, b in cell_spaces(cont, k) or () if b - a >= WIDE_EM * size
                    and any(abs(b - x) <= SPLIT_EM * size for x in wide)]
    inside = [x for x in columns if row.left + SPLIT_EM * size < x < row.right - SPLIT_EM * size]
    if not all(any(abs(b - x) <= SPLIT_EM * size for _, b in row.gaps) for x in inside):
        return row
    cut = cut_at_columns(replaced(row, ends=(row.right,)) if len(row.ends) != 1 else row,
                         sorted(columns))
    if cut is row or len(cut.cells) < 2:
        return row
    if len(cut.cells) == 2 and cut.cells[1] - cut.ends[0] < PADDING_EM * size:
        return row  # one cut at a word space: a coincidence, no column
    # each cell's room before its column's edge: the white space before the next cell
    # beyond the narrowest such (the cells' padding); the last cell's is unknown, none
    # (one gap alone is its own narrowest: no measure of the room, unknown)
    apart = [b - a for a, b in zip(cut.ends, cut.cells[1:], strict=False)]
    if len(apart) < 2:
        return replaced(cut, room=(math.nan,) * len(cut.cells))
    return replaced(cut, room=(*(gap - min(apart) for gap in apart), 0.0))


def cut_at_starts(text: str, left: float, right: float, gaps: tuple[tuple[float, float], ...],
                  size: float, starts: Callable[[], list[float]]
                  ) -> list[tuple[str, float, float, tuple[tuple[float, float], ...]]]:
    """One line's piece cut where wide white space (:data:`PADDING_EM`) ends at a piece's start.

    ``text`` stands from ``left`` to ``right`` (points), its white-space runs' sides
    ``gaps``; ``starts``: gives where the pieces of the other lines of its run start
    (asked only when a run is that wide). A cell's first line set beside the next
    cell's closer than a tab (``: เป็นไป : เป็นไป`` over ``ตามเป้า``, a narrow
    table's two flag columns) is two pieces when white space that
    wide ends within :data:`.pdf_cuts.SPLIT_EM` font sizes of where a piece of another
    line starts. Returns the pieces (text, left, right, gaps), the piece alone when
    there is no such white space or its runs are unknown.
    """
    text = text.strip()
    runs = list(_SPACES.finditer(text))
    size = size or 1.0
    if len(runs) != len(gaps):
        return [(text, left, right, gaps)]
    widths = [b - a for a, b in gaps]
    wide = [n for n, width in enumerate(widths) if width >= WIDE_EM * size
            or (width >= PADDING_EM * size and _wider_than_its_spaces(n, widths))]
    widest = _widest(widths)
    flush = [widest] if widest is not None and widest not in wide else []
    others = starts() if wide or flush else []
    cuts = sorted([n for n in wide if any(abs(x - gaps[n][1]) <= SPLIT_EM * size for x in others)]
                  + [n for n in flush if any(abs(x - gaps[n][1]) <= FLUSH_EM * size
                                             for x in others)])
    out, done, start, last = [], 0, left, 0
    for n in cuts:
        out.append((text[done:runs[n].start()], start, gaps[n][0], gaps[last:n]))
        done, start, last = runs[n].end(), gaps[n][1], n + 1
    out.append((text[done:], start, right, gaps[last:]))
    return out


#: A gap narrower than :data:`PADDING_EM` but wider than its line's every other gap
#: is a cell's padding where it ends this close (font sizes) to where another line's
#: piece starts: LibreOffice sets Kinnari's flag cells ``: ไม่เป็นไป : ไม่เป็นไป`` 0.44 em
#: apart, the next cell's second line (``ตามเป้า``) starting where the gap ends.
FLUSH_EM = 0.05


def _widest(widths: list[float]) -> int | None:
    """The gap of a line wider than each of its other gaps (``widths``, points), if one is.

    None for a line of one gap or none, or when the widest is matched by another.
    One pass to the widest and one to check it, not each gap against every other.
    """
    if len(widths) < 2:
        return None
    n = max(range(len(widths)), key=widths.__getitem__)
    return n if all(widths[n] > w for i, w in enumerate(widths) if i != n) else None


#: A gap under :data:`WIDE_EM` is a cell's padding only when this many times as wide
#: as the line's other gaps (their median): a font whose word space is wide (Loma,
#: fpdf2) sets a name's every gap alike, ``ระยะ 20 ปี``, however wide.
PADDING_OVER_SPACES = 1.5


def _wider_than_its_spaces(n: int, widths: list[float]) -> bool:
    """Whether gap ``n`` of a line is wider than its other gaps (``widths``, points)."""
    others = sorted(width for i, width in enumerate(widths) if i != n)
    return not others or widths[n] >= PADDING_OVER_SPACES * others[len(others) // 2]
