"""A page's table rows aligned into columns: one tab per column a row skips.

Stage: read. Consumes a page's :class:`~.pdf_layout.TextLine` list (PDF text
layer or OCR, cells as left edges in points or pixels, tabs between cells) and
gives the same lines with tabs added, so that a row's cells stand in the
table's columns as a text file's tab rows do. Used by :mod:`.pdf` and
:mod:`.ocr_layout`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

from bma_etl.read.pdf_borderless import (
    LINE_PITCHES,
    WORD_EM,
    _columns_of,
    _flowing,
    _room,
    runs_on_at_margin,
    top_aligned_rows,
)
from bma_etl.read.pdf_bottoms import bottom_aligned_rows
from bma_etl.read.pdf_cells import offset_cells, own_pitch
from bma_etl.read.pdf_cutcells import cut_at_columns
from bma_etl.read.pdf_cuts import (
    SPLIT_EM,
    cut_inside_word,
    split_at_columns,
    split_cells_at_columns,
)
from bma_etl.read.pdf_glyphs import TAB_GAP_EM
from bma_etl.read.pdf_justified import column_starts, justified, unjustified
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced
from bma_etl.read.pdf_margins import ends_page, margin_lines, opens_page
from bma_etl.read.pdf_page import DEFAULT_PITCH_EM, SAME_SIZE
from bma_etl.read.pdf_row_wraps import word_left
from bma_etl.read.pdf_tabstops import pen_margin, tab_grid


def with_columns(lines: list[TextLine], borderless: bool = False,
                 pitches: dict[float, float] | None = None,
                 before: TextLine | None = None,
                 after: TextLine | None = None) -> list[TextLine]:
    """Tab rows with their empty cells back: one tab per column a row skips.

    Consecutive lines that have cells (tabs, or an indent of a tab's width from
    the page's left margin) form a table. Their cells' left edges, gathered, give
    the table's columns; each row then gets as many tabs before a cell as columns
    lie between it and the previous one. A one-cell line inside a table is a row
    that fills the first column only, and ends with a tab. A ruled table
    (:attr:`TextLine.table`) is a table of its own, with its own columns. A
    browser's print header and footer, printed in the page's margin, and a page
    number standing apart at the page's top or foot (:func:`margin_lines`)
    neither set the margin nor join a table. With ``borderless`` (a PDF's text layer), a table
    no rules box first has its justification gaps closed and then its top-aligned
    wrapped rows joined (:mod:`.pdf_borderless`; ``pitches``: font size → line
    pitch, :func:`.pdf_page.line_pitches`; ``before``: the previous page's last line
    of text, :func:`.pdf_margins.last_text_line`, which running text goes on from into
    the rows that open the page, ``after`` the next page's first, which running text
    goes on to from the rows that end it: :func:`_flowing_through`).
    """
    edge = margin_lines(lines)
    starts = [line.cells[0] for k, line in enumerate(lines) if line.cells and k not in edge]
    if not starts:
        return lines
    margin = min(starts)
    page_right = max(line.right for k, line in enumerate(lines) if k not in edge)

    column_cells = [(k, x) for k, x in column_starts(lines, page_right) if k not in edge]
    stop, pen = (tab_grid([lines]), pen_margin(lines)) if borderless else (None, None)
    grid = None if stop is None or pen is None else (pen, stop)  # a word processor's stops
    lines = [_one_cell_line(line) if k not in edge and justified(lines, k, margin, page_right,
                                                                  column_cells, grid)
             else line for k, line in enumerate(lines)]

    def is_row(k: int) -> bool:
        cells, tab = lines[k].cells, TAB_GAP_EM * (lines[k].size or 1.0)
        return k not in edge and bool(cells) and (len(cells) > 1 or cells[0] >= margin + tab)

    if borderless:
        lines = _split_beside_tables(lines, edge, is_row, margin)
    out: list[TextLine | None] = list(lines)
    foot = max((k for k, line in enumerate(lines) if line.text.strip() and k not in edge),
               default=-1)
    known: dict[float, float] = {}  # the last borderless table's columns: start -> edge
    i = 0
    while i < len(lines):
        if borderless and i == foot and len(known) > 2 and lines[i].table is None:
            cut = split_at_columns(lines[i], sorted(known))  # a row cut at the page's foot
            lines[i] = out[i] = cut or lines[i]
        if not is_row(i):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j - 1].table == lines[j].table and (
                is_row(j) or (lines[j].cells and j + 1 < len(lines) and is_row(j + 1))):
            j += 1
        if borderless:
            while (k := _first_cells(lines, i, j, margin, foot)) > j:
                j = k
                while j < len(lines) and lines[j - 1].table == lines[j].table and is_row(j):
                    j += 1
        if any(len(row.cells) > 1 for row in lines[i:j]):  # an indented line alone is no table
            out[i:j], columns = _table_rows(lines[i:j], margin, borderless, pitches or {},
                                            page_right, known if j > foot else None,
                                            lines[i - 1] if i else None,
                                            lines[j] if j < len(lines) else None,
                                            before if opens_page(lines, i, edge) else None,
                                            after if ends_page(lines, j, edge) else None)
            if borderless and lines[i].table is None and len(columns) > 2:
                size = max(row.size for row in lines[i:j]) or 1.0
                same = len(columns) == len(known) and all(
                    abs(a - b) <= size for a, b in zip(sorted(columns), sorted(known),
                                                       strict=True))
                known = {x: max(end, known.get(x, 0.0)) for x, end in columns.items()} \
                    if same else columns
        i = j
    return [line for line in out if line is not None]


def _one_cell_line(line: TextLine) -> TextLine:
    """``line`` with its cells joined by spaces: a justified line's stretched spaces."""
    pieces = line.text.split("\t")
    gaps = [*line.gaps, *zip(line.ends[:-1], line.cells[1:], strict=False)] \
        if line.gaps and len(line.ends) == len(line.cells) else []
    return replaced(line, text=" ".join(pieces), cells=line.cells[:1], ends=line.ends[-1:],
                    heights=line.heights[:1], gaps=tuple(sorted(gaps)),
                    spaces=line.spaces[-1:])


def _first_cells(lines: list[TextLine], i: int, j: int, margin: float,
                 foot: int | None = None) -> int:
    """Where the table ``lines[i:j]`` goes on past one-cell lines of its first column.

    A narrow first column of a borderless table wraps its cell over short lines of
    their own under the row (``ระดับความ`` / ``สำเร็`` / ``จ``, a step's words one
    to a line): each starts where the table's first column does (the page's
    ``margin``, or a padded cell's inset from it) and ends before the table's
    second column (where two of its rows or more start a cell, once their
    justification gaps are closed: :func:`.pdf_justified.unjustified`). When a row of the
    table follows them, they are part of it:
    the index of that row; so are they when the first of them goes on the table's
    last first cell inside a word (:func:`.pdf_cuts.cut_inside_word`) and the column
    is narrow (:data:`.pdf_borderless.WORD_EM` font sizes at most), or when they
    run to the page's last inked line (index ``foot``; the row goes on on the next
    page): the index past them; else ``j``.
    """
    starts = [row.cells[1] for row in lines[i:j] if len(row.cells) > 1]
    if not starts or not _one_cell(lines, j):
        return j  # (no one-cell line under the table: its columns need not be measured)
    size = max(row.size for row in lines[i:j]) or 1.0
    first = min(row.cells[0] for row in lines[i:j] if row.cells)  # (padded: off the margin)
    # the second column: where two rows start a cell, justification gaps closed (a
    # justified line's stretched gap in the first column, ``๑.⇥ดำเนินการ``, is none; the
    # one-cell lines under it, short of the last row's third cell, run across it)
    under, last = j, lines[j - 1]
    while len(last.cells) > 2 and _one_cell(lines, under) and abs(
            lines[under].cells[0] - first) <= size and lines[under].right < last.cells[2]:
        under += 1
    closed = unjustified(lines[i:under])[:j - i]
    second = min((x for x in _columns(closed, size) if x > margin + size),
                 default=min([row.cells[1] for row in closed if len(row.cells) > 1] or starts))
    k = j
    while _one_cell(lines, k) and abs(lines[k].cells[0] - first) <= (lines[k].size or 1.0) \
            and lines[k].right < second:
        k += 1
    if k > j and second - margin <= WORD_EM * (lines[j].size or 1.0) \
            and cut_inside_word(lines[j - 1].text.split("\t")[0], lines[j].text):
        return k  # the last row's first cell goes on below it (``ประม`` / ``าณ``)
    if k > j and foot is not None and k > foot:
        return k  # the last row's first cell goes on to the page's foot
    if k > j and (k >= len(lines) or not lines[k].text.strip()) \
            and _first_goes_below(lines, i, j, first, second):
        return k  # the last row's first cell ends below its other cells, the table with it
    if k == j or k >= len(lines) or len(lines[k].cells) < 2 or lines[k].table is not None:
        return j
    return k


def _first_goes_below(lines: list[TextLine], i: int, j: int, first: float,
                      second: float) -> bool:
    """Whether ``lines[j]``, a one-cell line under the table ``lines[i:j]``, goes on its first cell.

    The table's last line has text in the first column (starting at ``first``), which
    ends within the room ``lines[j]``'s first word needed of that column's right edge
    (the furthest a first cell ends before the ``second`` column starts): the word did
    not fit and was wrapped (``…ภารกิจของ`` / ``หน่วย`` / ``งาน``); it opens with a Thai
    letter under words, not a number (:func:`.pdf_row_wraps.word_left`), one line's
    pitch below (no more than the table's own pitch between lines).
    """
    last, line = lines[j - 1], lines[j]
    size = max(last.size, line.size) or 1.0
    ends = [row.ends[0] for row in lines[i:j] if row.cells and len(row.ends) == len(row.cells)
            and abs(row.cells[0] - first) <= size and row.ends[0] < second]
    tops = [row.baseline for row in lines[i:j + 1] if row.baseline is not None]
    if not ends or len(tops) < 3 or len(last.ends) != len(last.cells) \
            or abs(last.cells[0] - first) > size or last.baseline is None \
            or line.baseline is None:
        return False
    pitch = min(a - b for a, b in pairwise(tops))
    room = _room(line.text, line.right - line.cells[0], size)
    return 0 < last.baseline - line.baseline <= LINE_PITCHES * max(pitch, 0.0) \
        and word_left(last.text.split("\t")[0], line.text) and last.ends[0] >= max(ends) - room


def _split_beside_tables(lines: list[TextLine], edge: set[int],
                         is_row: Callable[[int], bool], margin: float) -> list[TextLine]:
    """``lines`` with each one-cell line next to a borderless table cut at its columns.

    The table: the run of rows (``is_row``) right above or below the line, its
    justification gaps closed (:func:`.pdf_justified.unjustified`); its columns:
    where two of those rows or more start a cell (one gap of a justified paragraph's
    line is none); see
    :func:`.pdf_cuts.split_at_columns`.
    """
    out = list(lines)
    closed: dict[tuple[int, int], list[TextLine]] = {}  # a run's rows, unjustified once
    for k, line in enumerate(lines):
        if k in edge or line.table is not None or len(line.cells) != 1 or is_row(k):
            continue
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(lines) and is_row(j) and lines[j].table is None:
                j += step
            span = (j + 1, k) if step < 0 else (k + 1, j)  # the run, top down
            if span[0] == span[1]:
                continue
            run = lines[span[0]:span[1]]
            size = max(row.size for row in run) or 1.0
            if span not in closed:
                closed[span] = unjustified(run)
            anchors = _columns(closed[span], size)
            if not anchors:
                continue
            if anchors[0] >= margin + TAB_GAP_EM * size:
                anchors.insert(0, margin)
            cut = split_at_columns(line, anchors)
            if cut is not None:
                out[k] = cut
                break
    return out


def _columns(rows: list[TextLine], size: float) -> list[float]:
    """Where two of ``rows`` or more start a cell (x, points): a borderless table's columns.

    One line's gaps make no column (a justified paragraph's, a distributed line's).
    """
    anchors: list[float] = []
    for x in sorted(x for row in rows for x in row.cells):
        if not anchors or x - anchors[-1] > size:
            anchors.append(x)
    return [x for x in anchors
            if sum(any(abs(c - x) <= size for c in row.cells) for row in rows) >= 2]


def _one_cell(lines: list[TextLine], k: int) -> bool:
    """Whether ``lines[k]`` is an inked line of one cell outside any ruled table."""
    return k < len(lines) and lines[k].table is None and len(lines[k].cells) == 1 \
        and "\t" not in lines[k].text and bool(lines[k].text.strip())


def _table_rows(rows: list[TextLine], margin: float, borderless: bool = False,
                pitches: dict[float, float] | None = None,
                page_right: float | None = None, known: dict[float, float] | None = None,
                above: TextLine | None = None, below: TextLine | None = None,
                before: TextLine | None = None, after: TextLine | None = None
                ) -> tuple[list[TextLine | None], dict[float, float]]:
    """The rows tab-aligned, and the table's columns (start -> furthest cell end, points).

    A row joined into the one above leaves None in its place.
    ``page_right``: the right edge (points) of the page's text (see
    :func:`.pdf_borderless.top_aligned_rows`). ``known``: the columns (start -> edge,
    points) of the borderless table above on the page, for rows at the page's foot: a
    row the page break cut is too short to show its table's columns and edges.
    ``above``: the page's line above the rows (None: they start the page; see
    :func:`.pdf_bottoms.bottom_aligned_rows`). ``below``: the page's line under them
    (None: they end the page); ``before``: the previous page's last line of text, for
    rows that open the page, ``after`` the next page's first, for rows that end it.
    Rows of running text set at tab stops (:func:`_flowing_through`) are joined
    neither way.
    """
    ruled = rows[0].table is not None
    size = max(row.size for row in rows) or 1.0
    pitch = (pitches or {}).get(size) or DEFAULT_PITCH_EM * size
    prose = borderless and not ruled and runs_on_at_margin(
        [*rows, *([below] if below is not None else [])], margin, page_right, pitch)
    if borderless and not ruled and not prose:
        rows = unjustified(rows)
        own = _columns(rows, size)
        columns = own + [x for x in known or {} if all(abs(x - c) > size for c in own)]
        if not all(any(abs(x - k) <= size for k in known or {}) for row in rows
                   for x in row.cells):
            known, columns = None, own  # a table of its own columns under the one above
        # (a row of cells already: its own table's columns, or those of the table above
        # when it is too short to show any or stands in them at the page's foot: two flag
        # cells closer than a tab); a cut may leave a piece narrower than a font size (an
        # amount's first digit set beside a name)
        rows = [_split(row, sorted(columns if len(row.cells) == 1 or not own or known
                                   else own)) for row in rows]
    tolerance = size  # left-aligned cells of a column start within a font size
    anchors: list[float] = []
    for x in sorted(x for row in rows for x in row.cells):
        if not anchors or x - anchors[-1] > tolerance:
            anchors.append(x)
    if anchors[0] >= margin + TAB_GAP_EM * size and rows[0].table is None:  # (ruled: its own)
        anchors.insert(0, margin)  # every row leaves the first column empty
    out = []
    for row in rows:
        pieces = row.text.split("\t")
        cols = [bisect_right(anchors, x + tolerance) - 1 for x in row.cells]
        text = "\t" * cols[0] + pieces[0]
        for previous, col, piece in zip(cols, cols[1:], pieces[1:], strict=False):
            text += "\t" * max(1, col - previous) + piece
        if len(pieces) == 1 and cols[0] == 0:
            text += "\t"
        out.append(replaced(row, text=text))
    reach: dict[float, float] = {}
    for row in out:  # each column's furthest end, of the cells that stay in their column
        cols = [k for k, piece in enumerate(row.text.split("\t")) if piece.strip()]
        for k, end in zip(cols, row.ends if len(row.ends) == len(cols) else (), strict=False):
            if k >= len(anchors):  # (two cells in one column: tabs past the last anchor)
                break
            if k + 1 == len(anchors) or end < anchors[k + 1]:
                reach[anchors[k]] = max(end, reach.get(anchors[k], 0.0))
    if not borderless or ruled or len(anchors) < 2 or prose:  # (one column: justified
        return list(out), reach  # prose whose spread gaps were closed, no rows to join)
    pitch = own_pitch(out, pitch)
    joined = offset_cells(out, pitch)
    if not _flowing_through(joined, anchors, pitch, above, below, before, after):
        # the row's long cell began above its short ones (a centred row), or on a line
        # right above these: no table's first line, whose header titles may end flush
        below_row = any(line is not None and line.table is None and bool(line.cells) and all(
            any(abs(x - a) <= tolerance for a in anchors[1:]) for x in line.cells)
            for line in (above, out[0]))
        joined = top_aligned_rows(bottom_aligned_rows(joined, anchors, pitch, above), anchors,
                                  pitch, page_right, known, below_row)
    return [*joined, *[None] * (len(out) - len(joined))], reach


def _split(row: TextLine, columns: list[float]) -> TextLine:
    """``row`` with its cells cut at the table's ``columns`` (:mod:`.pdf_cuts`).

    :func:`.pdf_cuts.split_cells_at_columns`; a row joined from cells side by side knows
    no line's spaces, only those of its cells of one piece
    (:func:`.pdf_cutcells.cut_at_columns`).
    """
    if row.gaps:
        return split_cells_at_columns(row, columns, SPLIT_EM)
    return cut_at_columns(row, columns)


def _flowing_through(rows: list[TextLine], anchors: list[float], pitch: float,
                     above: TextLine | None, below: TextLine | None,
                     before: TextLine | None = None, after: TextLine | None = None) -> bool:
    """Whether tab-aligned ``rows`` are running text set at tab stops, not a borderless table.

    :func:`.pdf_borderless._flowing` over the rows and the lines right above and
    below them (``above``, ``below``: one cell that starts at the first column's
    start, of their size, :data:`.pdf_borderless.LINE_PITCHES` line pitches off at
    most): such a line that runs over the second column's start is running text
    that goes on into the rows or out of them. A text file's long row printed as
    wrapping lines leaves its flags (``เป็นไปตามแผน⇥: ไม่เป็นไป…``) right above the
    next row's head (``รายงานครั้งที่2⇥:: 4/3/2568 :``), between lines of their text
    (``…บาท`` / ``จัดประชุม…``): two lines that are no row whose cells wrapped; a
    budget's unit and the flags (``บาท⇥: เป็นไปตามแผน…``) under an indented line
    that runs over too are no foot of a bottom-aligned cell. A table's heading that
    ran its cells together is one line over, not two: the table stays. Rows that
    open a page count the previous page's last line of text (``before``) too, rows
    that end one the next page's first (``after``).
    """
    size = max(row.size for row in rows) or 1.0
    around = [line for line, row, apart in ((above, rows[0], True), (below, rows[-1], True),
                                            (before, rows[0], False), (after, rows[-1], False))
              if line is not None
              and line.table is None and len(line.cells) == 1 and "\t" not in line.text.strip()
              and line.baseline is not None and row.baseline is not None
              and abs(line.size - row.size) <= SAME_SIZE * size
              and (not apart or abs(line.baseline - row.baseline) <= LINE_PITCHES * pitch)
              and abs(line.cells[0] - anchors[0]) <= size and len(line.ends) == 1]
    return _flowing([*around, *rows], [_columns_of(line.text.strip()) for line in around]
                    + [_columns_of(row.text) for row in rows], anchors)
