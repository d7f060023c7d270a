"""Borderless tables of a PDF page: top-aligned wrapped rows.

Stage: read. Used by :func:`.pdf_columns.with_columns` on the lines of one table
that no rules box (:class:`~.pdf_layout.TextLine`, x in points, tabs between cells),
once :func:`.pdf_justified.unjustified` has closed its justification gaps.

:func:`top_aligned_rows`: a word processor's borderless table sets each cell's
text from the top of its row, so a row of wrapped cells comes out as several
lines (``รายงา`` / ``นครั้ง`` / ``ที่1`` in a narrow first column beside a long
detail). A line goes on the row above when each of its cells goes on a cell of
the line above that filled its column (it wrapped); the rows are joined only
in a table that shows such a row: a line with its first column empty under a
line with text there.
"""

from __future__ import annotations

from itertools import pairwise

from bma_etl.read.pdf_cuts import (
    cut_inside_number,
    cut_inside_word,
    numbers_apart,
    thai_ends,
    word_across,
    years_row,
)
from bma_etl.read.pdf_justified import FLUSH_EM
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced
from bma_etl.read.pdf_row_wraps import (
    ITEM_NO,
    each_wraps,
    goes_on_each,
    under_number,
    word_left,
)
from bma_etl.read.pdf_tables import join_pieces
from bma_etl.read.pdf_tabstops import ON_GRID, on_tab_grid
from bma_etl.read.pdf_wraps import WRAP_SPACE_EM, advance, advance_share, first_unit

#: Widest word that a line of a cell may have left for the next line (font sizes):
#: ``อิเล็กทรอนิกส์`` is 6 to 7.
WORD_EM = 8.0
#: Most room (font sizes) between a column's edge and the next column's start: the
#: cells' padding (Word: 0.19 cm a side; a padded web table: up to 16 px a side,
#: 3 font sizes at 8 pt) and a little more (the lines of a narrow column that end
#: together end a short word before its edge). A ragged column's lines that end
#: together do so further off (11 font sizes in sample 003's step table).
PAD_EM = 5.0
#: Most line pitches between two lines of one cell (a padded table sets rows further
#: apart; LibreOffice sets a cell's lines up to a sixth of a pitch further by their glyphs).
LINE_PITCHES = 1.2


def _columns_of(text: str) -> dict[int, str]:
    """A tab-aligned row's cells by column (empty cells left out)."""
    return {k: piece for k, piece in enumerate(text.split("\t")) if piece.strip()}


def top_aligned_rows(lines: list[TextLine], anchors: list[float], pitch: float,
                     page_right: float | None = None,
                     known: dict[float, float] | None = None,
                     below_row: bool = False) -> list[TextLine]:
    """The lines of each top-aligned wrapped row of one table joined into one.

    ``lines`` are tab-aligned (column ``k`` starts at ``anchors[k]``; see module); a cell's
    lines follow one another at most :data:`LINE_PITCHES` line pitches (``pitch``,
    points) apart. ``page_right``: the right edge (points) of the page's text, which
    no column runs past (None: unknown). ``known``: column start -> right edge (points)
    of the same table's rows above, for a column whose edge these lines do not show.
    ``below_row``: the first of these lines, or the line right above them, stands in
    the table's columns past its first (a centred row's long cell, begun above its
    short cells): as with ``known``, the first line is no table's first, whose header
    titles :func:`each_wraps` guards.
    A line set at a tab stop under one set at stops goes on no line (:func:`_opens_at_stop`).
    """
    cols = [_columns_of(line.text) for line in lines]
    if _flowing(lines, cols, anchors):
        return lines
    size = max(line.size for line in lines) or 1.0
    # Each piece's right end: a line's pieces are its cells in order.
    right: list[dict[int, float]] = []
    for line, c in zip(lines, cols, strict=True):
        ends = line.ends if len(line.ends) == len(c) else ()
        right.append(dict(zip(sorted(c), ends, strict=True)) if ends else {})
    edge = _edges(right, anchors, size, page_right)
    reach = {k: max(r[k] for r in right if k in r and r[k] < anchors[k + 1])  # the furthest
             for k in range(len(anchors) - 1)  # a piece stays in its column (past the edge
             if any(k in r and r[k] < anchors[k + 1] for r in right)}  # the others end on)
    for k, x in enumerate(anchors):
        edge.setdefault(k, next((e for a, e in (known or {}).items() if abs(a - x) <= size), 0.0))
    edge = {k: e for k, e in edge.items() if e}
    most: dict[int, int] = {}  # each column's most characters on a line of one line
    for line, c in zip(lines, cols, strict=True):
        for k, piece in c.items() if not line.depth else ():
            most[k] = max(most.get(k, 1), advance(piece))
    last = len(anchors) - 1  # (a tab past the last anchor: a cell in the last column)
    runs = [{k: _run(line, c, k, r[k] - anchors[min(k, last)], pitch, most) for k in c if k in r}
            for line, c, r in zip(lines, cols, right, strict=True)]
    groups: list[list[int]] = [[0]]
    years: set[int] = set()  # the lines that are a header's years (no cell wraps there)
    for i in range(1, len(lines)):
        group = groups[-1]
        above, here = right[group[-1]], right[i]
        top, low = lines[group[-1]].baseline, lines[i].baseline
        if years_row(cols[i], group == [0]):
            years.add(i)
        depth = lines[group[-1]].depth  # (a line of cells side by side: see goes_on_each)
        lowest = top is not None and low is not None and top - low > LINE_PITCHES * pitch
        if lowest:  # a pitch under the line's lowest piece: each cell's last line filled
            above = _last_ends(lines[group[-1]], above)
        goes_on = bool(cols[i]) and lines[i].table is None and top is not None \
            and low is not None and (not lowest or (
                top - depth - low <= LINE_PITCHES * pitch and (group[0] > 0 or bool(known)
                                                               or below_row)  # (no header's)
                and goes_on_each(cols[group[-1]], cols[i]))) and set(cols[i]) \
            <= set(cols[group[-1]]) and not numbers_apart(cols[group[-1]], cols[i]) \
            and i not in years and group[-1] not in years
        cut = [k for k in cols[i]  # an amount cut at the line above: ๗ / ,๓๖๘,๓๐๐.๐
               if goes_on and cut_inside_number(cols[group[-1]].get(k, ""), cols[i][k])]
        filled = goes_on and (any(k > 0 for k in cut) or all(
            k in cut or (k in above and k in edge and k in here
                         and here[k] <= max(edge[k] + FLUSH_EM * size, reach.get(k, 0.0))
                         and above[k] >= edge[k] - _room(cols[i][k], runs[i][k], size))
            for k in cols[i]))
        if goes_on and 0 in cols[i]:  # the first column goes on: a word cut there, a
            first = " ".join(cols[g][0] for g in group if 0 in cols[g])  # row of lines
            alone = set(cols[i]) == {0}  # (a line of the first column's words only)
            goes_on = filled and (cut_inside_word(first, cols[i][0]) or len(group) > 1
                                  or any(k > 0 for k in cut) or (
                (len(cols[i]) > 1 or alone) and above[0] >= edge[0] - FLUSH_EM * size
                and thai_ends(first, cols[i][0]))  # or Thai words cut at its edge, or
                or (alone and ITEM_NO.fullmatch(first.strip()) is not None)  # 'ก.' / words
                or each_wraps(cols[group[-1]], cols[i],  # or each of
                               group[0] == 0 and not (known or below_row))
                or (len(cols[i]) > 1 and (group[0] > 0 or bool(known) or below_row)
                    and word_left(first, cols[i][0])  # or, under a row that is not the
                    and 0 in edge and above[0] >= edge[0]  # table's first line (a header's
                    - _room(cols[i][0], runs[i][0], size)))  # cells end flush in
            # distributed justification), a word that did not fit its line (``มน.``)
            goes_on = goes_on and not under_number(lines[group[0]], lines[i], size) \
                and not _flows_on(lines[group[-1]], cols[group[-1]], lines[i], cols[i],
                                  page_right, size)
        else:
            goes_on = filled
        if goes_on and _opens_at_stop(lines[group[-1]], lines[i], anchors[0]):
            goes_on = False
        if goes_on:
            group.append(i)
        else:
            groups.append([i])
    out = [lines[g[0]] if len(g) == 1 else _row(lines, cols, right, g, anchors) for g in groups]
    return [replaced(row, room=_last_room(row, right[g[-1]], edge, anchors, lines[g[-1]],
                                          {} if len(g) < 2 or lines[g[-2]].depth else right[g[-2]]))
            for row, g in zip(out, groups, strict=True)]



def _last_room(row: TextLine, last: dict[int, float], edge: dict[int, float], anchors:
               list[float], line: TextLine, above: dict[int, float]) -> tuple[float, ...]:
    """Per cell of ``row``: the room (points) its last line leaves before the column's edge.

    ``last``: the right end of each piece of the row's last line (``line``), by
    column; a cell it leaves empty (unless the line before, ``above``, ends in it:
    LibreOffice sets a cell's lines by its glyphs, a deeper ``(ส่วนแผนงานฯ)`` goes to the
    next page where a shallower line fits) has unbounded room, and one of a column
    without an edge (too few lines on the page end together to show it) an unknown
    room, NaN: no evidence either way. A ``line`` of cells joined before
    (:attr:`TextLine.depth`) ends each at its widest.
    """
    if line.depth:
        if len(line.room) != len(last):
            return ()
        last = {k: end - room for (k, end), room in zip(sorted(last.items()), line.room,
                                                        strict=True)}
    out = []
    for x in row.cells:
        k = min(range(len(anchors)), key=lambda a: abs(anchors[a] - x))
        end = last.get(k, above.get(k))
        out.append(float("inf") if end is None else edge[k] - end if k in edge else float("nan"))
    return tuple(out)


def _edges(right: list[dict[int, float]], anchors: list[float], size: float,
           page_right: float | None = None) -> dict[int, float]:
    """Each column's right edge (points): where two lines or more of it end together.

    A column's pieces end before the next column starts; its edge is the furthest
    end that another piece's end lies within a font size of, past one piece at
    most (one long line of a column of paragraphs says nothing of the others; one
    piece that ran further than the rest, a word that a wrapped neighbour could not
    take, does not hide the edge the others end on; two short lines of a ragged
    column that end together are no edge, nor are ends further than
    :data:`PAD_EM` font sizes from the next column's start: a column's edge is
    that start less the cells' padding). A column of two pieces or more without two such ends
    (a narrow column of words that distributed justification could not spread:
    ``ไม่เป็นไป`` / ``ตามเป้าหมาย``) takes the furthest it may reach: the next
    column's start less :data:`FLUSH_EM`, or for the last column ``page_right``
    (a line fills it only where it ends that close); else it has no edge.
    """
    ends: dict[int, list[float]] = {}
    for r in right:
        for k, end in r.items():
            if k + 1 >= len(anchors) or end < anchors[k + 1]:
                ends.setdefault(k, []).append(end)
    edge: dict[int, float] = {}
    for k, xs in ends.items():
        xs.sort(reverse=True)
        near = anchors[k + 1] - PAD_EM * size if k + 1 < len(anchors) else 0.0
        edge_at = next((a for a, b in pairwise(xs[:3]) if a - b <= size and a >= near), None)
        if edge_at is None and len(xs) >= 2:
            bound = anchors[k + 1] - FLUSH_EM * size if k + 1 < len(anchors) else min(
                page_right or xs[0], xs[0] + size)
            edge_at = max(bound, xs[0])
        if edge_at is not None:
            edge[k] = edge_at
    return edge


def _flowing(lines: list[TextLine], cols: list[dict[int, str]], anchors: list[float]) -> bool:
    """Whether the lines are text set at tab stops rather than a table's cells.

    A fifth of them or more run over the start of the column after one of their pieces.
    """
    over = 0
    for line, c in zip(lines, cols, strict=True):
        if len(line.ends) == len(c) and any(
                k + 1 < len(anchors) and end > anchors[k + 1]
                for k, end in zip(sorted(c), line.ends, strict=True)):
            over += 1
    return over >= 2 and 5 * over >= len(lines)


def _last_ends(line: TextLine, right: dict[int, float]) -> dict[int, float]:
    """Where each cell's last line of ``line`` ends (points), by column.

    ``right``: each piece's right end (its widest line), by column; a line of cells
    set side by side (:attr:`.pdf_layout.TextLine.depth`) tells how far short of that
    each cell's last line ends (:attr:`.pdf_layout.TextLine.room`); else, or unknown,
    ``right`` itself.
    """
    if not line.depth or len(line.room) != len(right):
        return right
    return {k: end - room for (k, end), room in zip(sorted(right.items()), line.room,
                                                    strict=True)}


def _run(line: TextLine, cols: dict[int, str], k: int, width: float, pitch: float,
         most: dict[int, int]) -> float:
    """How far (points) column ``k``'s piece of ``line`` runs, its lines end to end.

    ``width``: the piece's width (its widest line). A line of cells set side by side
    (:attr:`.pdf_layout.TextLine.depth`, ``pitch`` points a line) may hold a piece of
    several lines: as many as it has more characters (:func:`.pdf_wraps.advance`)
    than ``most``, the most a line of one line holds in that column (those lines, by
    column), at most the line's lines. Its first word takes a share of all of them
    (:func:`_room`), not of one line.
    """
    if not line.depth or pitch <= 0 or k not in most:
        return width
    lines = min(1 + round(line.depth / pitch), round(advance(cols[k]) / most[k]))
    return width * max(1, lines)


def _room(piece: str, width: float, size: float) -> float:
    """How much room a filled column may leave at a line's end.

    The width of the first word (:func:`.pdf_wraps.first_unit`, its share of the
    piece's :func:`.pdf_wraps.advance_share`; at most :data:`WORD_EM` font sizes) of the
    ``piece`` on the next line (``width`` points wide), that did not fit, and :data:`FLUSH_EM`.
    """
    text = piece.strip()
    word = first_unit(text)
    return FLUSH_EM * size + min(WORD_EM * size, width * advance_share(word, text))


def _flows_on(above: TextLine, cols_above: dict[int, str], line: TextLine,
              cols: dict[int, str], page_right: float | None, size: float) -> bool:
    """Whether ``line``'s first piece goes on the last piece of the line above, as running text.

    Text set at tab stops wraps at the page's right edge (``page_right``, points)
    to its left margin: the last piece of the line above

    - reaches the edge cut inside a word that the line's first piece ends
      (:func:`.pdf_cuts.word_across`: ``…ความสำเ`` / ``ร็จใน…``), or
    - was wrapped at a space, its cells set by a pen moved to the next default tab
      stop (:func:`.pdf_tabstops.on_tab_grid`, from the left margin ``line`` opens
      at: fpdf2 as bench/corpus/render.fpdf_lines prints a tab row), and the first
      word of ``line`` would not have fitted after it (``… พ.ศ. ๒๕๖๐ ๒๓`` /
      ``ผลิตภัณฑ์⇥เพิ่มขึ้น…``): such a program wraps a row only at the page's edge,
      never inside a column. A table's own cells (a word processor's, padded) stand
      on no such grid, so its rows whose last column reaches the margin still wrap;

    in either case the first column's own text was not cut inside a word there (a
    table's row whose first cell goes on). Two such lines can happen to share their
    tab stops and look like a wrapped table row.
    """
    last = max(cols_above, default=0)
    if page_right is None or last == 0 or 0 not in cols or not above.ends or not line.cells \
            or cut_inside_word(cols_above.get(0, ""), cols[0]):
        return False
    if above.ends[-1] >= page_right - FLUSH_EM * size and word_across(cols_above[last], cols[0]):
        return True
    return on_tab_grid(above.cells[1:], line.cells[0]) \
        and above.ends[-1] + WRAP_SPACE_EM * size + line.first_word > page_right


def _opens_at_stop(above: TextLine, line: TextLine, margin: float) -> bool:
    """Whether ``line`` opens a line of its own at a tab stop, under a line set at stops too.

    A program that prints a tab row by moving its pen to the next default tab stop
    (:func:`.pdf_tabstops.on_tab_grid`, right of the left ``margin``, points: the
    table's first column starts there) wraps a row only at the page's edge, back to
    that margin: a line opening at a stop right of it (``⇥⇥๔. โครงการ…``) is a row of
    its own, even where its cells end where those of the line above do
    (``…๑๓,๓๒๙,๑๐๐.- บาท`` over ``…๑๔,๗๓๓,๙๐๐.- บาท``) and so look like one cell's
    lines. A table's own padded cells stand on no such grid.
    """
    return on_tab_grid(line.cells, margin) \
        and on_tab_grid([x for x in above.cells if abs(x - margin) > ON_GRID], margin)


def runs_on_at_margin(lines: list[TextLine], margin: float, page_right: float | None,
                      pitch: float) -> bool:
    """Whether a line of ``lines`` wraps at the page's right edge into the next, as prose does.

    Running text set at tab stops (a text file's row printed as flowing lines, a
    header's cells at the same stops above it) wraps at the page's right edge
    (``page_right``, points) back to its left ``margin``. A line with cells wraps
    into the next, one line ``pitch`` (points) below and opening at the margin, when

    - its last piece ends within a font size of the edge, cut inside a dictionary
      word (:func:`.pdf_cuts.word_across`) that the next line ends
      (``…ในการลดปริม`` / ``าณมูลฝอย…``) and its own first piece does not, or
    - the next line's first piece runs past the start of its last piece (no column
      holds it) and its first word would not have fitted after it, before the edge
      (``…ชุมชน⇥นิยาม`` / ``การลดปริมาณมูลฝอย…ชุมชน หมายถึง``).

    A table's cell wraps inside its own column, never into the first one: such lines
    are no table's rows, and their gaps are tab stops, not justification to close.
    """
    if page_right is None:
        return False
    for above, line in pairwise(lines):
        size = max(above.size, line.size) or 1.0
        if above.table is not None or line.table is not None or len(above.cells) < 2 \
                or not line.cells or len(above.ends) != len(above.cells) \
                or len(line.ends) != len(line.cells) or above.baseline is None \
                or line.baseline is None or abs(line.cells[0] - margin) > size \
                or not 0 < above.baseline - line.baseline <= LINE_PITCHES * pitch:
            continue
        pieces, head = above.text.split("\t"), line.text.split("\t")[0]
        if above.ends[-1] >= page_right - size and word_across(pieces[-1], head) \
                and not word_across(pieces[0], head):
            return True
        if line.ends[0] > above.cells[-1] + size \
                and above.natural_right + WRAP_SPACE_EM * size + line.first_word > page_right:
            return True
    return False


def _row(lines: list[TextLine], cols: list[dict[int, str]], right: list[dict[int, float]],
         group: list[int], anchors: list[float]) -> TextLine:
    """The lines of ``group`` made one row: each column's pieces top to bottom."""
    joined: dict[int, str] = {}
    ends: dict[int, float] = {}
    for i in group:
        for k, piece in cols[i].items():
            done = joined.get(k, "")
            joined[k] = done + piece.strip() if done and cut_inside_number(done, piece) \
                else join_pieces(done, piece.strip())
            ends[k] = max(ends.get(k, 0.0), right[i].get(k, 0.0))
    order = sorted(joined)
    text = "\t".join(joined.get(k, "") for k in range(order[-1] + 1))
    if order == [0]:
        text += "\t"
    top = lines[group[0]]
    bottom = min((b for b in (lines[i].baseline for i in group) if b is not None),
                 default=top.baseline or 0.0)
    cells = tuple(anchors[k] if k < len(anchors) else top.left for k in order)
    return replaced(top, text=text, cells=cells, ends=tuple(ends[k] for k in order),
                    heights=(), spaces=(), size=max(lines[i].size for i in group),
                    depth=(top.baseline or 0.0) - (bottom or 0.0),
                    left=min(lines[i].left for i in group),
                    right=max(lines[i].right for i in group))
