"""A borderless table's cell whose lines the PDF wrote one after the other: one line again.

Stage: read (runs in the PDF worker process; works on the lines of
:func:`.pdf_layout.page_lines` in the order the PDF wrote them, before they are put
in reading order). A program that draws a table cell by cell (Qt's ``QPdfWriter``
printing a ``QTextDocument``, a PDF library drawing each cell as a text box of its
own: ReportLab, fpdf2's ``multi_cell``, PyMuPDF's ``insert_textbox``) writes the
first cell's lines top to bottom, then goes back up the page for the next cell.
Where the table has no rules, nothing but that order tells which lines are one
cell's: put in reading order, a wrapped name's second line stood under the row as
a line of its own, and a row's cells stood a few points apart (Qt sets a cell of
Thai digits higher than a Thai name's), so the name was read cut after its first
line and its rest went to the next row or into the unit column.

:func:`cell_blocks` finds such cells from where their lines stand and the order
they were written in, never from the program's name, and makes each one line.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bma_etl.read.pdf_cuts import cut_inside_number
from bma_etl.read.pdf_line import TextLine, replaced
from bma_etl.read.pdf_tables import join_pieces

#: A cell's next line stands this many font sizes under the one before, at least and
#: at most (single spacing 1.1-1.3 em; Qt sets Thai lines 1.8 em apart).
PITCH_EM = (0.9, 2.4)
#: A cell's lines follow one another at one pitch: steps this many font sizes apart
#: at most.
EVEN_EM = 0.15
#: Lines of one cell start together (left-aligned) or are centred on one x, within
#: this many font sizes.
ALIGN_EM = 1.0
#: The text the PDF writes after a cell's last line stands this many font sizes
#: higher, at least (the next cell of the row: the pen went back up the page) ...
UP_EM = 0.5
#: ... and no more than this many font sizes above the cell's first line (a cell
#: set a little higher in its row: Qt sets Thai digits 2 points above Thai letters).
ABOVE_EM = 1.0
#: A line that leaves room for the next line's first word and this many font sizes
#: more before the cell's widest line ended on its own: no wrap of one cell.
ROOM_EM = 1.0
#: Rows of a table set apart by padding stand this many font sizes further apart than
#: a cell's lines, at least (Qt: 0.14; a word processor's rows of no padding: none).
ROW_PAD_EM = 0.05
#: Two lines of sizes further apart than this share are no lines of one cell.
SAME_SIZE = 0.15
#: A vertical rule this many font sizes or less off a cell's lines boxes them: a
#: ruled table's cell, which :mod:`.pdf_tables` reads by its rules.
RULED_EM = 2.0

_SPACES = re.compile("[ \u00a0]+")

#: A vertical rule: ``(x, bottom, top)`` in points.
Rule = tuple[float, float, float]


def cell_blocks(lines: list[TextLine], rules: tuple[Rule, ...] = ()) -> list[TextLine]:
    """``lines`` (in the order the PDF wrote them) with each cell written alone made one line.

    A cell is a run of two lines or more, one written right after the other, each
    under the one before at one line pitch (:data:`PITCH_EM`, :data:`EVEN_EM`) and
    starting where the last cell of the first one starts (or centred on it:
    :data:`ALIGN_EM`), each line but the last wrapped (:data:`ROOM_EM`), that the PDF
    enters or leaves by going back up the page: the line written right after it
    stands higher (:data:`UP_EM`, not more than :data:`ABOVE_EM` above its first line)
    and right of it (the row's next cell), or the line written right before it stands
    lower and left of it (the row's cell before); and under which its table goes on,
    on its page, in rows set apart (:func:`_row_below`). A line of the cell the run
    cannot take (one spread with tabs) leaves the cell as it is, and a row one of
    whose other cells' lines is left apart is left whole (:func:`_beside_stray`).
    Its lines are joined into its first one as one cell
    (:func:`.pdf_tables.join_pieces`; a space where a line ended in one; an amount
    cut at a line's end is one amount: :func:`.pdf_cuts.cut_inside_number`), which
    keeps the first one's baseline and reaches as deep as the last
    (:attr:`~.pdf_line.TextLine.depth`). A run a vertical rule boxes (``rules``: the
    page's, ``(x, bottom, top)``, points; :data:`RULED_EM`) is left
    to the ruled table's reading. Returns a new list; ``lines`` is not changed.
    """
    runs: dict[int, int] = {}  # each cell's first line -> the end of its run
    i = 0
    while i < len(lines):
        end = _run_end(lines, i)
        if end > i + 1 and _written_apart(lines, i, end) and _row_below(lines, i, end) \
                and not _ruled(lines[i:end], rules):
            runs[i] = end
            i = end
        else:
            i += 1
    while True:  # a row is joined whole or not at all
        kept = {i: end for i, end in runs.items() if not _beside_stray(lines, i, end, runs)}
        if len(kept) == len(runs):
            break
        runs = kept
    out: list[TextLine] = []
    i = 0
    while i < len(lines):
        end = runs.get(i, i + 1)
        out.append(_joined(lines[i:end]) if end > i + 1 else lines[i])
        i = end
    return out


def _beside_stray(lines: list[TextLine], i: int, end: int, runs: dict[int, int]) -> bool:
    """Whether a line of another cell of the row of ``lines[i:end]`` stays a line of its own.

    It stands beside the run (left or right of it), lower than the row's first line
    (:data:`UP_EM`: a cell centred in its row) and higher than the run's last, and is
    no line under the first of a cell joined (``runs``): joined, the run's row would
    hold it under its one line, where the reading of rows of cells side by side
    (:mod:`.pdf_page`), which reads such a row from its lines, no longer finds it.
    """
    inner = {k for start, stop in runs.items() for k in range(start + 1, stop)}
    size = lines[i].size
    top, bottom = lines[i].baseline or 0.0, lines[end - 1].baseline or 0.0
    left = min(line.left for line in lines[i + 1:end])
    right = max(line.right for line in lines[i:end])
    return any(k not in inner and k not in range(i, end) and _placed(line)
               and bottom - UP_EM * size < (line.baseline or 0.0) < top - UP_EM * size
               and (line.right <= left + ALIGN_EM * size or line.left >= right - ALIGN_EM * size)
               for k, line in enumerate(lines))


def _placed(line: TextLine) -> bool:
    """Whether ``line`` has text, a place and a size, and is no ruled table's row."""
    return line.baseline is not None and line.size > 1.0 and line.table is None \
        and bool(line.text.strip())


def _run_end(lines: list[TextLine], i: int) -> int:
    """Where the run of one cell's lines that starts at ``lines[i]`` ends (exclusive)."""
    first = lines[i]
    if not _placed(first) or not first.cells:
        return i + 1
    size = first.size
    x = _column(first, lines[i + 1] if i + 1 < len(lines) else None)
    middle = (x + first.right) / 2
    step = 0.0
    j = i + 1
    while j < len(lines):
        line, above = lines[j], lines[j - 1]
        if not _placed(line) or "\t" in line.text or len(line.cells) > 1 \
                or abs(line.size - size) > SAME_SIZE * size:
            break
        down = (above.baseline or 0.0) - (line.baseline or 0.0)
        if not PITCH_EM[0] * size <= down <= PITCH_EM[1] * size \
                or (step and abs(down - step) > EVEN_EM * size):
            break
        if abs(line.left - x) > ALIGN_EM * size \
                and abs((line.left + line.right) / 2 - middle) > ALIGN_EM * size:
            break
        step = down
        j += 1
    if j == i + 1 or (j < len(lines) and _goes_on(lines[j - 1], lines[j], x, step)):
        return i + 1  # (a line of the cell it cannot take: the cell is left as it is)
    edge = max(lines[k].right for k in range(i, j))
    for k in range(i, j - 1):  # a line short of the next one's first word: no wrap
        if edge - lines[k].right > _first_word(lines[k + 1]) + ROOM_EM * size:
            return i + 1
    return j


def _goes_on(last: TextLine, line: TextLine, x: float, step: float) -> bool:
    """Whether the cell goes on at ``line``, written after ``last``.

    ``line`` starts at ``x`` and stands a line pitch (``step``, points) under ``last``.
    """
    if line.baseline is None or last.baseline is None or not line.cells:
        return False
    size = last.size
    down = last.baseline - line.baseline
    return abs(line.cells[0] - x) <= ALIGN_EM * size and abs(down - step) <= EVEN_EM * size


def _column(first: TextLine, below: TextLine | None) -> float:
    """Where the cell whose lines go on under ``first`` starts in it (x, points).

    Its last cell's start, or the start of a word of that cell's that ``below``
    starts under: two cells a narrow gap parts, which pdfium wrote as one piece
    (``ด้านการจราจร ๑. โครงการ…`` over ``โดยสาร…``), split there by :func:`_joined`.
    """
    x = first.cells[-1]
    if below is None or not first.gaps:
        return x
    size = first.size
    return next((b for a, b in first.gaps if a > x and abs(below.left - b) <= ALIGN_EM * size
                 and abs(below.left - x) > ALIGN_EM * size), x)


def _first_word(line: TextLine) -> float:
    """The width (points) of ``line``'s first word, up to its first space.

    A no-break space binds (``ที่\u00a0๓`` wraps as one word).
    """
    text = line.text.strip(" \u00a0")
    runs = len(_SPACES.findall(text.split(" ", 1)[0]))  # no-break spaces in the word
    if " " in text and len(line.gaps) > runs:
        return line.gaps[runs][0] - line.left
    return line.right - line.left


def _written_apart(lines: list[TextLine], i: int, end: int) -> bool:
    """Whether the PDF goes back up the page right after ``lines[i:end]`` or to reach them."""
    first, last = lines[i], lines[end - 1]
    size = first.size
    top, bottom = first.baseline or 0.0, last.baseline or 0.0
    right = max(line.right for line in lines[i:end])
    if end < len(lines) and _placed(lines[end]):
        after = lines[end]
        high = after.baseline or 0.0
        if bottom + UP_EM * size <= high <= top + ABOVE_EM * size \
                and after.left >= right - ALIGN_EM * size:
            return True
    if i > 0 and _placed(lines[i - 1]):
        before = lines[i - 1]
        low = before.baseline or 0.0
        if low <= top - UP_EM * size and before.right <= first.cells[-1] + ALIGN_EM * size:
            return True
    return False


def _row_below(lines: list[TextLine], i: int, end: int) -> bool:
    """Whether the table goes on under the cell ``lines[i:end]`` on its page.

    A line of the cell's size stands under its last line, where its row (its first
    cell: the leftmost line on its first line's height) or its column starts (no page
    number), and the nearest one
    further than one step (:data:`ROW_PAD_EM`): a word processor sets rows of one
    line at the cells' own pitch, which may be rows, not lines of one cell. A cell
    with none under it may go on on the next page (a row the page break cut), whose
    reading (:mod:`.pdf_cutrows`) joins the lines of its cells as they stand.
    """
    first, last = lines[i], lines[end - 1]
    size = first.size
    bottom = last.baseline or 0.0
    step = max(((first.baseline or 0.0) - bottom) / (end - i - 1), size)
    top = first.baseline or 0.0
    row = min(line.left for line in lines if line.baseline is not None and line.text.strip()
              and abs(line.baseline - top) <= ABOVE_EM * size)  # the row's first cell
    starts = (row, first.left, _column(first, lines[i + 1]))
    under = [line.baseline for line in lines if line.baseline is not None
             and line.text.strip() and abs(line.size - size) <= SAME_SIZE * size
             and line.baseline <= bottom - UP_EM * size
             and any(abs(line.left - x) <= ALIGN_EM * size for x in starts)]
    return bool(under) and bottom - max(under) > step + ROW_PAD_EM * size


def _ruled(run: list[TextLine], rules: tuple[Rule, ...]) -> bool:
    """Whether a vertical rule stands beside ``run``'s lines (a ruled table's cell)."""
    if not rules:
        return False
    size = run[0].size
    top, bottom = run[0].baseline or 0.0, run[-1].baseline or 0.0
    left = run[0].cells[-1] if run[0].cells else run[0].left
    left = min([left, *(line.left for line in run[1:])])
    right = max(line.right for line in run)
    return any(rule_bottom <= top + size and rule_top >= bottom
               and left - RULED_EM * size <= x <= right + RULED_EM * size
               for x, rule_bottom, rule_top in rules)


def _joined(run: list[TextLine]) -> TextLine:
    """The lines of one cell (``run``, top to bottom) as its first line, the cell one piece.

    Its :attr:`~.pdf_layout.TextLine.room` tells, per cell, how far short of the
    cell's widest line its last line ends (points): the cell's last line's, the
    others' none (one line each).
    """
    first = run[0]
    if len(run) > 1 and first.gaps and len(_SPACES.findall(first.text)) == len(first.gaps):
        x = _column(first, run[1])
        if x != first.cells[-1]:  # the last cell's lines go on under a word of it: cut
            first = _cut(first, x)
    text = first.text
    for above, line in pairwise(run):
        piece = line.text.strip(" \u00a0")
        if cut_inside_number(text.rsplit("\t", 1)[-1], piece):
            text += piece  # an amount the cell's edge cut (``๑`` / ``๒,๗๑๕,๙๐๐ บาท``)
        else:
            text = f"{text} {piece}" if above.spaced_end else join_pieces(text, piece)
    right = max(line.right for line in run)
    ends = (*first.ends[:-1], right) if first.ends else ()
    gaps = tuple(g for line in run for g in line.gaps)
    if len(_SPACES.findall(text)) != len(gaps):
        gaps = ()
    room = (*(0.0 for _ in ends[:-1]), right - run[-1].right) if ends else ()
    return replaced(first, text=text, right=right, ends=ends, gaps=gaps, room=room,
                    spaced_end=run[-1].spaced_end, last_word=run[-1].last_word,
                    depth=(first.baseline or 0.0) - (run[-1].baseline or 0.0),
                    unmapped=sum(line.unmapped for line in run),
                    am_tails=sum(line.am_tails for line in run),
                    loose_marks=sum(line.loose_marks for line in run), jumps=())


def _cut(line: TextLine, x: float) -> TextLine:
    """``line`` with its white-space run that ends at ``x`` (one of its gaps) made a tab."""
    k = next(n for n, (_, b) in enumerate(line.gaps) if b == x)
    run = list(_SPACES.finditer(line.text))[k]
    text = line.text[:run.start()] + "\t" + line.text[run.end():]
    gaps = line.gaps[:k] + line.gaps[k + 1:]
    cells = (*line.cells, x)
    ends = (*line.ends[:-1], line.gaps[k][0], line.ends[-1]) if line.ends else ()
    heights = (*line.heights, line.heights[-1]) if line.heights else ()
    spaces = (*line.spaces[:-1], True, line.spaces[-1]) if line.spaces else ()
    return replaced(line, text=text, gaps=gaps, cells=cells, ends=ends, heights=heights,
                    spaces=spaces)
