"""A PDF page's lines as a page: reading order, blank lines, cells side by side.

Which lines the page wrapped is judged in :mod:`.pdf_wraps`.

Stage: read (runs in the PDF worker process; works on :class:`.pdf_layout.TextLine`
lists that :func:`.pdf_layout.page_lines` made).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import pairwise, permutations

from bma_etl.furniture_marks import browser_print_edges
from bma_etl.read.pdf_cell_blocks import cell_blocks
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import cells_apart, replaced
from bma_etl.read.pdf_row_offsets import offset_rows, ruled_apart
from bma_etl.read.pdf_rowlines import (
    ends_short,
    label_beside_items,
    tab_set,
    table_pieces,
    wrapped_together,
)
from bma_etl.read.pdf_runs import Piece, column_text, last_rooms, run_columns, with_stretched_tails
from bma_etl.read.pdf_tables import Rule


def in_reading_order(lines: list[TextLine],
                     rules: tuple[tuple[float, float, float], ...] = ()) -> list[TextLine]:
    """The page's lines top to bottom (a program may write its header and footer last).

    ``lines`` are in the order the PDF wrote them: a cell of a table without rules
    written line after line apart from its row is made one line first
    (:func:`.pdf_cell_blocks.cell_blocks`; ``rules``: the page's vertical rules,
    ``(x, bottom, top)`` in points). Lines on one baseline keep the order the PDF
    wrote them in; a line without text or position is dropped (blank lines come
    back from the spacing).
    """
    lines = cell_blocks(lines, rules)
    placed = [line for line in lines if line.text and line.baseline is not None]
    if len(placed) != sum(1 for line in lines if line.text):
        return lines  # positions unknown (surrogates shifted indices): keep the PDF's order
    return sorted(placed, key=lambda line: -(line.baseline or 0.0))


#: Most blank lines put for one vertical gap.
MAX_BLANK_LINES = 5


#: Lines looked at under a line for the next line of its column (:func:`line_pitches`).
PITCH_LOOKAHEAD = 4


def line_pitches(pages: list[list[TextLine]]) -> dict[float, float]:
    """The single-line pitch of each font size: the least baseline step between two lines.

    Taken over the whole document, as one page may set every line apart; between
    two lines that follow one another, or a line and the next of its size and column
    (:data:`PITCH_LOOKAHEAD`): a wrapped cell's lines, a centred cell's line between.
    """
    pitches: dict[float, float] = {}
    for lines in pages:
        for i, above in enumerate(lines):
            if above.baseline is None:
                continue
            for k, below in enumerate(lines[i + 1:i + 1 + PITCH_LOOKAHEAD]):
                if below.baseline is None:
                    continue
                step = above.baseline - below.baseline
                if above.size == below.size and step >= below.size > 1.0 and (
                        not k or (below.left < above.right and above.left < below.right
                                  and step <= 2 * below.size)):
                    pitches[below.size] = min(step, pitches.get(below.size, step))
                    break
                if step >= above.size:
                    break  # the lines between must stand within a font size under it
    return pitches


def with_blank_lines(lines: list[TextLine], pitches: dict[float, float]) -> list[TextLine]:
    """The page's lines with an empty line for each empty line's height between two lines.

    Paragraphs set apart by space come out set apart by blank lines, as the
    extractors read them in text files (and a table ends where space follows it).
    Two rows of one ruled table (:mod:`.pdf_tables`) get none between them, nor does
    a row of a borderless table whose first cell wrapped onto lines of its own and
    the next row, that the cells' padding sets apart (less than
    :data:`PADDED_PITCH` line pitches; :func:`_same_columns`): a blank line there
    would end the table inside the row.
    """
    out: list[TextLine] = []
    above: TextLine | None = None
    rows: list[TextLine] = []  # the rows of cells since the last blank line
    for line in lines:
        pitch = pitches.get(line.size)
        same_table = above is not None and line.table is not None and above.table == line.table
        if above is not None and above.baseline is not None and line.baseline is not None \
                and pitch and not same_table:
            gap = above.baseline - above.depth - line.baseline
            blanks = round(gap / pitch) - 1
            if blanks == 1 and gap < PADDED_PITCH * pitch and len(above.cells) == 1 and any(
                    _same_columns(row, line) and abs(above.cells[0] - row.cells[0])
                    <= (row.size or 1.0) for row in rows):
                blanks = 0
            if blanks > 0:
                out.extend([TextLine("")] * min(blanks, MAX_BLANK_LINES))
                rows = []
        out.append(line)
        if line.text:
            above = line
            if len(line.cells) > 1:
                rows.append(line)
    return out


def _same_columns(row: TextLine, line: TextLine) -> bool:
    """Whether ``line`` is the next row of ``row``'s table.

    It has cells, and starts its first cell and another where ``row`` does (within
    a font size).
    """
    size = max(row.size, line.size) or 1.0
    shared = [x for x in line.cells if any(abs(x - c) <= size for c in row.cells)]
    return len(line.cells) > 1 and abs(line.cells[0] - row.cells[0]) <= size \
        and len(shared) >= 2


#: Two lines whose baselines are closer than this share of the line pitch stand on
#: one line (cells a program wrote out of order), not one above the other.
SAME_LINE_PITCH = 0.25
#: Lines that follow one another at most this many line pitches apart form one run
#: (the rows of a table whose cells are padded stand further apart).
RUN_PITCH = 1.1
#: Lines of sizes further apart than this share are no cells of one row (a running
#: header in small print above a table's first row).
SAME_SIZE = 0.15
#: Two runs of lines at most this many line pitches apart may be two rows of one
#: table set apart by their cells' padding and centring (a blank line stands 2 apart).
PADDED_PITCH = 1.95
#: Pitch assumed, in font sizes, for a size whose pitch the document never shows.
DEFAULT_PITCH_EM = 1.3


def with_side_by_side(lines: list[TextLine], pitches: dict[float, float] | None = None,
                      rules: tuple[Rule, ...] = ()) -> list[TextLine]:
    """Cells that stand side by side at different heights made one line of tab-separated cells.

    A borderless table (a web page's) centres a cell's text in its row: beside a
    label that wraps over two lines a value stands half a line lower, and a label
    of three lines has its value on its middle line, so the row comes out top to
    bottom as ``** ปัญหาของ`` / ``ไม่มี`` / ``โครงการ :``. Lines that follow one
    another at most :data:`RUN_PITCH` line pitches apart (``pitches``: font size →
    pitch, :func:`line_pitches`) form a run; its pieces whose x extents overlap are
    one column. The run is one row when it has two columns or more, no column
    holds two cells of one line, and either a piece of one column stands between
    two lines of another that follow one another (a run's pitch apart at most), off
    their pitch by a quarter pitch or more (they interleave: the first lines of two
    top-aligned rows of a word processor's table, far apart, do not), or the run
    has two columns, the pieces of one stand on lines that follow one another and
    the other holds pieces above and below them, their middles within half a pitch
    (a cell centred beside a wrapped one, on the same line pitch; a word a writer
    set far to the right of one line of a paragraph is no centred cell, nor is one
    word on the text's right edge, where three lines end: justification put it; lines
    that end short are a cell's only beside one label left of them,
    :func:`.pdf_rowlines.label_beside_items`). Each column's pieces are joined top to
    bottom and the cells go left to right. Lines closer than :data:`SAME_LINE_PITCH`
    of a pitch stand on one line and are joined the same way, as are cells of one row
    set at baselines less than a font size apart (:func:`.pdf_row_offsets.offset_rows`);
    a ruled table's rows (:mod:`.pdf_tables`) are left alone, and so is a
    browser's print header or footer (:func:`bma_etl.furniture_marks.browser_print_edges`), a
    line's pitch above a centred row that opens the page. A horizontal rule between
    two lines ends a run (``rules``: the page's horizontal rules, ``(y, left, right)``
    in points; :func:`ruled_apart`): rows of a ruled table whose rows differ in font
    (a row of Latin letters alone, that a browser sets in its Latin font, lower than
    the Thai rows) may stand a line pitch apart.
    """
    pitches = pitches or {}
    margins = {id(lines[k]) for k in browser_print_edges([line.text for line in lines])}

    def pitch(line: TextLine) -> float:
        return pitches.get(line.size) or DEFAULT_PITCH_EM * line.size

    def usable(line: TextLine) -> bool:
        return line.baseline is not None and line.table is None and line.size > 1.0 \
            and bool(line.text.strip()) and id(line) not in margins

    def near(last: TextLine | None, line: TextLine, pitches_apart: float) -> bool:
        return last is not None and usable(line) and usable(last) and \
            abs(line.size - last.size) <= SAME_SIZE * line.size and \
            last.baseline - line.baseline <= pitches_apart * pitch(line)  # type: ignore[operator]

    def beside(last: TextLine, line: TextLine) -> bool:
        # one baseline, sizes apart: a filled form field's value set smaller than its label,
        # in a gap of its label's line (the baselines asked first: most lines stand a
        # pitch below the last)
        return last.baseline is not None and line.baseline is not None and \
            abs(last.baseline - line.baseline) <= SAME_LINE_PITCH * min(
                pitch(line), pitch(last)) and \
            cells_apart(last, line) and usable(line) and usable(last)

    # Cells on one line first (pieces a program wrote out of order), then runs.
    joined: list[TextLine] = []
    offset = offset_rows(lines, [usable(line) for line in lines], rules)  # value cells set higher
    for k, line in enumerate(lines):
        if joined and (near(joined[-1], line, SAME_LINE_PITCH) or beside(joined[-1], line)
                       or k in offset):
            both = _joined([joined[-1], line])
            if both is not None:
                joined[-1] = both
                continue
        joined.append(line)
    fit = [usable(line) for line in joined]  # (each line asked once from here on)
    ends = sorted((line.right, line.size) for line, ok in zip(joined, fit, strict=True) if ok)
    edge = ends[-1][0] if len(ends) > 2 and ends[-3][0] >= ends[-1][0] - ends[-1][1] / 2 else 0.0

    def follows(k: int, pitches_apart: float) -> bool:  # near(joined[k - 1], joined[k], ...)
        last, line = joined[k - 1], joined[k]
        return fit[k - 1] and fit[k] and abs(line.size - last.size) <= SAME_SIZE * line.size \
            and last.baseline - line.baseline <= pitches_apart * pitch(line)  # type: ignore[operator]

    runs: list[list[TextLine]] = []
    firsts: list[int] = []  # where each run starts in ``joined``
    for k, line in enumerate(joined):
        if runs and follows(k, RUN_PITCH) and not ruled_apart(joined[k - 1], line, rules):
            runs[-1].append(line)
        else:
            runs.append([line])
            firsts.append(k)

    @cache
    def columns(k: int) -> list[list[Piece]]:  # a run's, found once (it is a neighbour too)
        return run_columns(runs[k])

    @cache
    def on_page() -> list[Piece]:  # the page's table rows' pieces (asked for few runs)
        return table_pieces([line for line, ok in zip(joined, fit, strict=True) if ok])

    out: list[TextLine] = []
    for i, run in enumerate(runs):
        if len(run) < 2:
            out.extend(run)
            continue
        size = pitch(max(run, key=lambda ln: ln.size))
        padded = []  # the runs next to it that may be rows of its table
        if i > 0 and follows(firsts[i], PADDED_PITCH):
            padded.append(i - 1)
        if i + 1 < len(runs) and follows(firsts[i + 1], PADDED_PITCH):
            padded.append(i + 1)
        if _is_row(columns(i), run, size, edge) or wrapped_together(columns(i), on_page()) \
                or (_padded_row(columns(i), run, (columns(k) for k in padded))
                    and not ends_short(columns(i), on_page())):
            out.append(_joined(run, with_stretched_tails(columns(i), on_page())) or run[0])
        else:
            out.extend(run)
    return out


def _padded_row(columns: list[list[Piece]], run: list[TextLine],
                neighbours: Iterable[list[list[Piece]]]) -> bool:
    """Whether a run is one row of a table whose rows are set apart by padding.

    The run has two columns or more, two of them wrapped (a cell over two lines or
    more, one after the other: one wrapped cell beside single lines is as likely a
    table's item and its heading, and pieces with a line between them, such as the
    numbers justification set on the right edge of a paragraph's lines
    ``ชื่อตัวชี้วัดที่ … ๓`` / ``ระดับ…`` / ``ชื่อโครงการที่ … ๑``, are no cell's
    lines), no column holds two cells of one line, and a
    run next to it, a little more than a line pitch away (:data:`PADDED_PITCH`),
    has cells in two columns or more, one of them one of its own: rows of one
    table, each its own run. ``columns``: the run's (:func:`run_columns`), and
    ``neighbours`` those of the runs next to it.
    """
    if len(columns) < 2 or any(len({p.line for p in c}) < len(c) for c in columns) \
            or sum(1 for c in columns if _wrapped(c)) < 2:
        return False
    size = max(line.size for line in run)
    lefts = [min(p.left for p in c) for c in columns]
    for theirs in neighbours:
        shared = sum(1 for c in theirs if any(abs(min(p.left for p in c) - x) <= size
                                              for x in lefts))
        if len(theirs) >= 2 and shared >= 1:
            return True
    return False


def _wrapped(column: list[Piece]) -> bool:
    """Whether a column's pieces are a cell wrapped: two lines or more, one after the other."""
    own = sorted({p.line for p in column})
    return len(own) > 1 and own == list(range(own[0], own[-1] + 1))


def _is_row(columns: list[list[Piece]], run: list[TextLine], pitch: float,
            edge: float = 0.0) -> bool:
    """Whether a run (its ``columns``: :func:`run_columns`) is one row of cells side by side."""
    if len(columns) < 2 or any(len({p.line for p in c}) < len(c) for c in columns):
        return False  # two cells of one line in one column: a table's columns, not a row's
    margin = SAME_LINE_PITCH * pitch
    for ca, cb in permutations(columns, 2):
        heights = sorted({p.baseline for p in ca})
        if any(low + margin < b.baseline < high - margin <= low + RUN_PITCH * pitch
               and margin < (high - b.baseline) % pitch < pitch - margin
               for b in cb for low, high in pairwise(heights)):
            return True  # a cell stands between two lines of another: they interleave
    if len(columns) != 2:
        return False
    for column in columns:
        own = sorted({p.line for p in column})
        if own != list(range(own[0], own[-1] + 1)):
            continue  # a cell's lines follow one another
        top = max(p.baseline for p in column)
        bottom = min(p.baseline for p in column)
        for other in columns:
            high = max(p.baseline for p in other)
            low = min(p.baseline for p in other)
            if other is not column and high > top + margin and low < bottom - margin \
                    and abs((top + bottom) - (high + low)) <= pitch \
                    and all(low - margin <= p.baseline <= high + margin
                            for c in columns for p in c) \
                    and not _justified_word(column, other, edge, pitch) \
                    and not tab_set(other, max(line.size for line in run)) \
                    and (not _unwrapped(other, max(line.size for line in run))
                         or label_beside_items(column, other, max(ln.size for ln in run))):
                return True  # a cell centred beside the row's tallest one
    return False


def _unwrapped(column: list[Piece], size: float) -> bool:
    """Whether one of ``column``'s lines ends short of room for the next line's first word.

    A cell's lines wrap: each but its last ends where the next one's first word
    (up to its first space) would not have fitted before the column's right edge.
    A line that leaves room for it and a font ``size`` more ended on its own: lines
    of several rows (a table's heading over its first row, and the next row's
    number a page break left alone at the foot, ``ลำดับที่ ด้าน/แผนงาน …`` /
    ``1 ด้าน… 1. โครงการ…`` / ``2.``), which the piece beside the middle one is no
    cell centred beside.
    """
    ordered = sorted(column, key=lambda p: -p.baseline)
    edge = max(p.right for p in column)
    for above, below in pairwise(ordered):
        word = (below.gaps[0][0] if below.gaps else below.right) - below.left
        if edge - above.right > word + size:
            return True
    return False


def _justified_word(column: list[Piece], other: list[Piece], edge: float, pitch: float) -> bool:
    """Whether ``column`` is one word right of ``other``, on the text's right ``edge``."""
    return len(column) == 1 and edge > 0.0 and " " not in column[0].text.strip() \
        and column[0].right >= edge - pitch / 2 and column[0].left > max(p.right for p in other)


def _joined(lines: list[TextLine], columns: list[list[Piece]] | None = None) -> TextLine | None:
    """Lines made one of tab-separated cells, each column's pieces top to bottom.

    None when their pieces do not stand in two columns or more (``columns``:
    :func:`run_columns`, when already found).
    """
    if columns is None:
        columns = run_columns(lines)
    if len(columns) < 2:
        return None
    texts, spaces = zip(*(column_text(column) for column in columns), strict=True)
    top = lines[0]
    bottom = min(line.baseline - line.depth for line in lines if line.baseline is not None)
    # the spaces' sides (a distributed row's cells closer than a tab are cut by them)
    gaps = tuple(g for column in columns for g in column[0].gaps) \
        if all(len(column) == 1 for column in columns) else ()
    text = "\t".join(texts)
    return replaced(top, text=text, size=max(line.size for line in lines), spaces=spaces,
                    spaced_end=spaces[-1],
                    gaps=gaps if len(re.findall("[ \u00a0]+", text)) == len(gaps) else (),
                    depth=(top.baseline or bottom) - bottom,
                    cells=tuple(column[0].left for column in columns),
                    ends=tuple(max(p.right for p in column) for column in columns),
                    room=last_rooms(lines, columns),  # each last line's, short of the widest
                    heights=tuple(max(p.baseline for p in column) for column in columns),
                    cell_gaps=tuple(column[0].gaps if len(column) == 1 else ()
                                    for column in columns),
                    left=min(line.left for line in lines),
                    right=max(line.right for line in lines))
