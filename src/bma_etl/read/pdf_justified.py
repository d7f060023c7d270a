"""Justification gaps inside the cells of a borderless table on a PDF page.

Stage: read. Used by :func:`.pdf_columns.with_columns` on the lines of one table
that no rules box (:class:`~.pdf_layout.TextLine`, x in points, tabs between cells),
before :mod:`.pdf_borderless` joins its wrapped rows.

:func:`unjustified`: a justified line, and above all one in Thai distributed
justification (Word's ``thaiDistribute``: every line spread to the column's
width by gaps between letters and words), has gaps as wide as a cell gap inside
one cell. Such a gap is not where the columns of the other rows are: few other
rows start a cell there, more have text running across it, and the line ends
flush with the text that runs across. Its two cells are one again. So too an item's
number and its words on a spread first line, the item's next line running across
where the words start (:func:`_goes_on_across`).
"""

from __future__ import annotations

import re

from bma_etl.read.pdf_cuts import SPLIT_EM
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import MAX_SPACE_EM, replaced, spread
from bma_etl.read.pdf_tables import join_pieces
from bma_etl.read.pdf_tabstops import on_stop

#: A line ends flush with its column when it ends within this many font sizes of
#: the column's right edge (justified and distributed lines end on it).
FLUSH_EM = 0.5


def _extents(line: TextLine) -> list[tuple[float, float]]:
    if len(line.ends) != len(line.cells):
        return []
    return list(zip(line.cells, line.ends, strict=True))


def unjustified(rows: list[TextLine]) -> list[TextLine]:
    """``rows`` with the cells that justification gaps split joined back (see module)."""
    size = max(row.size for row in rows) or 1.0
    extents = [_extents(row) for row in rows]
    out = []
    for i, row in enumerate(rows):
        if len(row.cells) < 2 or not extents[i]:
            out.append(row)
            continue
        # cell 0 is never joined to a cell before it: its edge is not asked
        loose = [None] + [_loose(rows, extents, i, k, size) for k in range(1, len(row.cells))]
        keep = [0]
        for k in range(1, len(row.cells)):
            run = k  # the cells from k on that start where no column of the other rows does
            while run + 1 < len(row.cells) and loose[run + 1] is not None:
                run += 1
            edge = loose[k]
            if edge is not None and extents[i][run][1] >= edge - FLUSH_EM * size:
                continue  # a justification gap: cell k goes on the cell before
            keep.append(k)
        if len(keep) == len(row.cells):
            out.append(row)
            continue
        out.append(_merged(row, keep))
    return out


def _loose(rows: list[TextLine], extents: list[list[tuple[float, float]]], i: int, k: int,
           size: float) -> float | None:
    """Where the text running across cell ``k`` of row ``i`` ends, if it is no column.

    The right edge of its column, when more than twice as many other rows run across
    its start as start a cell there, or two or more lines of the column of cell
    ``k - 1`` do, or one that every cell starting there (words or numbers, not a
    vertical header's glyphs) ends flush with; and most of them end flush on that
    edge (a justified column; of the lines that could be spread: justification
    stretches a line's spaces, so a line of unbroken Thai words ends where its last
    word does, short of the edge) and, in the last two cases, a column starts right of
    it or none right of the cell's start (the table's last column). Distributed
    justification spreads ``ร้อยละ ๙๐`` to a narrow column's edge
    in every row, so each row's first line starts a cell at ``๙๐``, but the row's
    next lines (``ของน้ำหนัก``) or another row's (``ร้อยละ ๑๐๐``) run across it.
    None when that start is a column of the table.
    """
    x, before = rows[i].cells[k], rows[i].cells[k - 1] if k else None
    support = sum(1 for j, other in enumerate(rows) if j != i
                  and any(abs(c - x) <= size for c in other.cells))
    if not support and _goes_on_across(rows, extents, i, k, size):
        return extents[i][k][1]
    runs = [j for j, other in enumerate(extents) if j != i for left, end in other
            if left + size < x and end > x + FLUSH_EM * size]
    spans = [(left, end, " " in piece.strip()) for j, other in enumerate(extents) if j != i
             for (left, end), piece in zip(other, rows[j].text.split("\t"), strict=False)
             if left + size < x and end > x + FLUSH_EM * size]
    # rows whose space ends at a column two other rows start a cell at, and the only ones
    # that run across it, start a cell there (each line's own: :func:`_space_at`)
    if support >= 2 and runs and all(_space_at(rows[j], x, size) for j in runs):
        support, spans = support + len(set(runs)), []
    across = [end for _, end, _ in spans]
    wrapped = [end for left, end, _ in spans if before is not None and abs(left - before) <= size]
    if len(across) >= 2 and len(across) > 2 * support:
        edge = _justified_edge(across, size)  # most lines across end on a justified edge
        spans = [span for span in spans if span[1] <= edge + FLUSH_EM * size]
        flush = sum(1 for _, end, _ in spans if end >= edge - FLUSH_EM * size)
        spaced = sum(1 for _, end, space in spans if space or end >= edge - FLUSH_EM * size)
        own = extents[i][k][1]
        if flush == 1 and any(abs(end - edge) <= FLUSH_EM * size for _, end in extents[i][k:]):
            flush, spaced = 2, spaced + 1  # the row's own line is the second one flush
        elif not any(space for *_, space in spans) and edge <= own + FLUSH_EM * size:
            return own  # lines that could not be spread, none past the row's spread line
        return edge if flush >= 2 and 2 * flush >= spaced else None
    if not wrapped:
        return None
    starting = [end for j, other in enumerate(extents) if j != i
                for left, end in other if abs(left - x) <= size]
    texts = [piece for j, other in enumerate(rows) if j == i or any(
        abs(c - x) <= size for c in other.cells) for c, piece in zip(
        other.cells, other.text.split("\t"), strict=False) if abs(c - x) <= size]
    worded = all(sum(ch.isalnum() for ch in piece) >= 2 for piece in texts)
    inner = max(c for row in rows for c in row.cells)  # the last column's start
    for edge in sorted(wrapped, reverse=True):  # a header line may run further
        flush = sum(1 for end in wrapped if abs(end - edge) <= FLUSH_EM * size)
        alike = worded and all(abs(end - edge) <= FLUSH_EM * size  # or one, where each
                               for end in [extents[i][k][1], *starting])  # cell at x ends on it
        if 2 * flush >= len(wrapped) and (flush >= 2 or alike):
            # a column starts right of the edge, or none starts right of x: the table's
            # last column, whose distributed line (``๕๐๐,๐๐๐.-`` … ``บาท``) leaves no
            # column of its own to its right
            return edge if edge + FLUSH_EM * size < inner or inner <= x + size else None
    return None


def _space_at(row: TextLine, x: float, size: float) -> bool:
    """Whether a written space of ``row`` ends at ``x`` (points).

    A cell set closer than a tab's gap beside the one before it (a name's last line
    ending near the next column: ``…ริมคลอง ๑``, an amount's first digit) reads as a
    word space. At a column that other rows start cells at (:func:`_loose`), such rows,
    when no other row runs across the column's start, start a cell there too; where no
    other row starts one, a space there is a word's (``2. โครงการ…`` under
    ``1.⇥โครงการ…``, whose gap the distributed line widened), and where other lines run
    across, a justified line's space may end anywhere.
    """
    return any(abs(right - x) <= SPLIT_EM * size for _, right in row.gaps)


def _goes_on_across(rows: list[TextLine], extents: list[list[tuple[float, float]]], i: int,
                    k: int, size: float) -> bool:
    """Whether row ``i``'s cells ``k - 1`` and ``k`` are an item's number and its words.

    Cell ``k - 1`` holds an item's number alone (``1.``, ``๓)``), and the next line
    has a piece that starts where that cell does and runs across cell ``k``'s start,
    ending short of where the row's line ends: the item's last line, not spread, under
    its first line spread to the column's edge by justification (``1.`` ⇥ ``โครงการ…เขต``
    over ``บางขุนเทียน…``, Chromium's print of ``text-align: justify``).
    """
    if i + 1 >= len(rows) or not extents[i + 1] or k >= len(extents[i]) \
            or not _ITEM_NUMBER.fullmatch(rows[i].text.split("\t")[k - 1].strip()):
        return False
    x, before, own = rows[i].cells[k], rows[i].cells[k - 1], extents[i][k][1]
    return any(abs(left - before) <= size and x + size < end < own - size
               for left, end in extents[i + 1])


#: An item's number alone in a cell (``1.``, ``๑.``, ``2)``).
_ITEM_NUMBER = re.compile("[0-9\u0e50-\u0e59]{1,3}[.)]")


def _justified_edge(ends: list[float], size: float) -> float:
    """The right edge (points) that the lines ending at ``ends`` (two or more) are spread to.

    The furthest end, unless one line alone runs past two that end together (a total
    row's label across two columns: ``รวม ๕ ขั้นตอน คิดเป็นร้อยละ ๑๐๐``): then theirs.
    """
    xs = sorted(ends, reverse=True)
    if len(xs) > 2 and xs[0] - xs[1] > FLUSH_EM * size >= xs[1] - xs[2]:
        return xs[1]
    return xs[0]


def _merged(row: TextLine, keep: list[int]) -> TextLine:
    pieces = row.text.split("\t")
    texts, cells, ends, heights, spaces, gaps = [], [], [], [], [], list(row.gaps)
    known = len(row.spaces) == len(row.cells)
    for k, piece in enumerate(pieces):
        if k in keep:
            texts.append(piece)
            cells.append(row.cells[k])
            ends.append(row.ends[k])
            if row.heights:
                heights.append(row.heights[k])
            spaces.append(known and row.spaces[k])
        else:
            joined = texts[-1] + " " + piece if _spaced(row, k) else join_pieces(texts[-1], piece)
            if row.gaps and joined.count(" ") > texts[-1].count(" ") + piece.count(" "):
                gaps.append((row.ends[k - 1], row.cells[k]))  # a space put in: its sides
            texts[-1], ends[-1], spaces[-1] = joined, row.ends[k], known and row.spaces[k]
    return replaced(row, text="\t".join(texts), cells=tuple(cells), ends=tuple(ends),
                    heights=tuple(heights) if row.heights else (), gaps=tuple(sorted(gaps)),
                    spaces=tuple(spaces) if known else ())


def _spaced(row: TextLine, k: int) -> bool:
    """Whether the tab before cell ``k`` stands for a written space (False: unknown)."""
    return len(row.spaces) == len(row.cells) and row.spaces[k - 1]


#: The narrowest space a line spread by justification is taken to have had
#: (font sizes), on a page that shows no space of its own (:func:`page_space`): the
#: room it would leave at one such space per gap is the most.
SPACE_EM = 0.2
#: How much wider than drawn a writer may have measured a word (a share of its
#: width): fpdf2 with text shaping breaks lines on the font's advances and draws the
#: glyphs kerned (Norasi's digit pairs: ``16111672-0229`` is 101 pt measured, 91 pt
#: drawn at 16 pt).
KERNED_SHARE = 0.12


def with_spread_lines(lines: list[TextLine]) -> None:
    """Join, in place, the cells of a page's running-text lines that justification spread.

    ``lines``: one page's lines as read (x in points), before tables are found. A
    justified paragraph's line that the next word did not fit is spread to the
    margin; with few words (``ชื่อโครงการที่ ๑`` before a project name longer than
    the rest of the line: fpdf2's ``align="J"``) its gaps are as wide as a table's
    and it reads as cells. Such a line (no ruled table's) ends flush with the page's
    right edge, its gaps are alike, the next line starts where it does at a
    paragraph's pitch in the same size, and that line's first word would not have
    fitted in the room the line leaves with one space per gap and one before the
    word, each as wide as the page's own (:func:`page_space`; :data:`SPACE_EM` where
    the page shows none: Loma's 0.34 em left ``09/11/2561 :`` / ``จัดประชุม…`` a
    point short, where 0.2 em let the word fit). A writer that breaks
    lines on the font's advances and draws them kerned (fpdf2 with text shaping)
    measured the word wider than drawn (:data:`KERNED_SHARE`) and its spaces as the
    font's: when every gap holds a written space, the room is taken at the widest
    natural space (:data:`.pdf_line.MAX_SPACE_EM`), one more before the word. A line
    with a cell at a column of the page's rows (:func:`column_starts`) is a table's
    row: fpdf2 sets a tab row's cells at tab stops and cuts a project name too long
    for the line at the margin (``1`` ⇥ ``โครงการ…เ`` / ``ขตหนองจอก`` ⇥ ``10,416,400 บาท``).
    """
    edge = max((line.right for line in lines if line.text.strip()), default=0.0)
    columns = column_starts(lines, edge)
    space = page_space(lines, edge)
    for i, line in enumerate(lines[:-1]):
        nxt, size = lines[i + 1], line.size or 1.0
        if (len(line.cells) < 2 or len(line.ends) != len(line.cells) or line.table is not None
                or nxt.table is not None or line.right < edge - FLUSH_EM * size
                or line.baseline is None or nxt.baseline is None
                or not 0.5 * size < abs(nxt.baseline - line.baseline) <= 2.0 * size
                or abs(nxt.size - line.size) > 0.5 or abs(nxt.left - line.left) > FLUSH_EM * size):
            continue
        gaps = [line.cells[k] - line.ends[k - 1] for k in range(1, len(line.cells))]
        if max(gaps) - min(gaps) > FLUSH_EM * size:
            continue  # justification widens every gap alike
        if any(at_column(columns, i, x, size) for x in line.cells[1:]):
            continue  # a cell at a column of the page's table rows
        natural = sum(e - c for c, e in zip(line.cells, line.ends, strict=True))
        # a space per gap and one before the next word, each the page's own or the narrowest
        room = edge - line.left - natural - (len(gaps) + 1) * (space or SPACE_EM) * size
        known = len(line.spaces) == len(line.cells)  # every gap is a space
        if known and all(line.spaces[:-1]):  # spaces written: the room as a writer measured it
            room = edge - line.left - natural - (len(gaps) + 1) * MAX_SPACE_EM * size
            room /= 1.0 + KERNED_SHARE
        if nxt.first_word > room:
            joined = _merged(replaced(line, spaces=(True,) * len(line.cells)), [0])
            lines[i] = replaced(joined, spaces=line.spaces[-1:] if known else ())



#: Fewest spaces on a page's lines that no alignment spread that show the font's space.
FEWEST_SPACES = 5


def page_space(lines: list[TextLine], edge: float) -> float | None:
    """The width (font sizes) of a page's spaces, where lines short of its edge show it.

    ``edge``: the page's right text edge (points). The median of the white-space runs
    (:attr:`TextLine.gaps`) of the lines of one cell that end more than a font size
    short of ``edge`` (a justified paragraph's last lines: nothing spread them), when
    there are :data:`FEWEST_SPACES` or more, kept within :data:`SPACE_EM` and
    :data:`.pdf_line.MAX_SPACE_EM`; None otherwise. pdfium measures a run from the
    advance of the letter before to the next letter, so a run is the font's space:
    0.34 em in Loma and Garuda, 0.38 in Kinnari, 0.24 in Sarabun.
    """
    runs = sorted((b - a) / line.size for line in lines
                  if line.gaps and len(line.cells) < 2 and line.size > 0.0
                  and line.right < edge - line.size for a, b in line.gaps)
    if len(runs) < FEWEST_SPACES:
        return None
    return min(max(runs[len(runs) // 2], SPACE_EM), MAX_SPACE_EM)


#: A cell starts at a column when it starts within this many font sizes of it.
COLUMN_EM = 0.25


def column_starts(lines: list[TextLine], edge: float) -> list[tuple[int, float]]:
    """Where (index in ``lines``, x in points) a page's lines start a cell no alignment placed.

    ``edge``: the page's right text edge. The cells after the first of the lines
    (no ruled table's) that no alignment spread (:attr:`TextLine.spread`), but the
    last cell of a line ending flush with ``edge``: justification puts a line's last
    word there, and the cells of a line of few words anywhere before it.
    """
    out: list[tuple[int, float]] = []
    for i, line in enumerate(lines):
        if len(line.cells) < 2 or line.table is not None or line.spread > 0.0:
            continue
        flush = line.right >= edge - FLUSH_EM * (line.size or 1.0)
        out.extend((i, x) for x in (line.cells[1:-1] if flush else line.cells[1:]))
    return out


def at_column(columns: list[tuple[int, float]], i: int, x: float, size: float) -> bool:
    """Whether a cell of line ``i`` starting at ``x`` starts at a column of another line.

    ``columns``: :func:`column_starts` of the page; ``size``: line ``i``'s font size.
    """
    return any(j != i and abs(x - c) <= COLUMN_EM * size for j, c in columns)


def justified(lines: list[TextLine], i: int, margin: float, page_right: float,
              columns: list[tuple[int, float]],
              grid: tuple[float, float] | None = None) -> bool:
    """Whether ``lines[i]`` is a justified paragraph's line, its spaces stretched into cells.

    Justification widens every space of a line by the same amount until it reaches
    the margin (:attr:`TextLine.spread`): a line of few words gets gaps a tab wide.
    Such a line starts at the page's left ``margin``, ends at its right edge
    (``page_right``, within a font size) and all its wide gaps are even; a table
    row's cells stand wherever its columns start. Its words filled most of the line
    (the next word did not fit): a short line spread over the whole width is a
    distributed alignment's label, whose cells :mod:`.pdf_wraps` keeps apart. The
    gaps before cells at a column of the page's other rows (``columns``,
    :func:`column_starts`) are a table's and show no spread: a tab row whose two tab
    gaps happen to be alike (``๑`` ⇥ ``โครงการ…`` ⇥ ``ส่วนแผน``) is a row. So are
    those before a cell on the page's grid of tab stops (``grid``: the margin the
    stops count from and the points between them, :func:`.pdf_tabstops.tab_grid`;
    None: the page shows none): a tab row's three tab gaps alike, its last cell
    wrapped at the margin, is a row too.
    """
    line = lines[i]
    size = line.size or 1.0
    if not (line.spread > 0.0 and line.table is None and len(line.cells) > 1
            and abs(line.cells[0] - margin) <= size and line.right >= page_right - size
            and line.spread < (line.right - line.cells[0]) / 2):
        return False
    if len(line.ends) != len(line.cells) or not any(
            at_column(columns, i, x, size) for x in line.cells[1:]):
        return True
    runs = [b - a for a, b in line.gaps if grid is None or not on_stop(b, *grid)] + [
        c - e for e, c in zip(line.ends, line.cells[1:], strict=False)
        if not at_column(columns, i, c, size) and (grid is None or not on_stop(c, *grid))]
    return spread(runs, size) > 0.0
