"""Ruled tables of a PDF page: a row and its cells from the rules the page draws.

Stage: read (runs in the PDF worker process). A table drawn as boxes wraps each cell's
text inside its column: one table row comes out of the text layer as several lines,
each holding a piece of some of the cells (``รายงานครั้งที่`` / ``1``, ``งบประมา`` /
``ณ``, ``: เป็นไปตา`` / ``มแผน``), and a program that writes the table cell by cell
even puts a later cell's first line after an earlier cell's last. :func:`page_rules`
reads the page's thin drawn lines and boxes; :func:`with_table_rows` puts every piece
that lies in a box of a table (a band between two horizontal rules, at least two
columns wide) back into its cell and makes each row one line, its cells joined by
tabs, empty cells kept, as the layouts read tab tables in text files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bma_etl.read.pdf_cell_cuts import SPREAD_DIGITS, cut_number, cut_run, word_edges
from bma_etl.read.pdf_clip_cells import BODY_EM
from bma_etl.read.pdf_cuts import cut_inside_number
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import pen_left, replaced
from bma_etl.read.pdf_open import Box, page_shapes
from bma_etl.read.pdf_overflow import overflow_moves
from bma_etl.read.pdf_rowspans import (
    DITTO,
    Band,
    column_at,
    merged_bands,
    spanned_rows,
    spread,
)
from bma_etl.read.pdf_table_ids import JOIN, SLACK, one_each, table_ids
from bma_etl.read.pdf_tabstops import tabs_at
from bma_etl.rows import cell_separator

#: A drawn path this thin (points) is a rule.
THIN = 2.5
#: A rule shorter than this (points) is a mark, not a rule.
MIN_RULE = 6.0
#: A band holding text on more distinct baselines than this is a frame around text,
#: not a table row. A row of a plan's step or project table runs to a page of
#: wrapped cell text (A4 at 7 pt: about 110 baselines); pieces of several cells on
#: one baseline count once.
MAX_LINES_PER_ROW = 120


@dataclass(frozen=True, slots=True)
class Rules:
    """A page's rules: vertical ``(x, bottom, top)`` and horizontal ``(y, left, right)``."""

    vertical: tuple[tuple[float, float, float], ...] = ()
    horizontal: tuple[tuple[float, float, float], ...] = ()

    def vertical_at(self, y: float) -> list[tuple[float, float, float]]:
        """The vertical rules that cross height ``y``."""
        return [v for v in self.vertical if v[1] - SLACK <= y <= v[2] + SLACK]


Rule = tuple[float, float, float]  # (x, bottom, top) or (y, left, right)
Grid = tuple[tuple[float, ...], float, float]  # a band's column edges, its top and bottom


def page_rules(page: Any) -> Rules:
    """The rules a pdfium page draws: thin paths, and the sides of boxes."""
    return rules_of(page_shapes(page)[0])


def rules_of(paths: list[Box]) -> Rules:
    """The rules among a page's paths (their boxes): thin paths, and the sides of boxes."""
    vertical: list[tuple[float, float, float]] = []
    horizontal: list[tuple[float, float, float]] = []
    for left, bottom, right, top in paths:
        width, height = right - left, top - bottom
        if width <= THIN and height >= MIN_RULE:
            vertical.append(((left + right) / 2, bottom, top))
        elif height <= THIN and width >= MIN_RULE:
            horizontal.append(((bottom + top) / 2, left, right))
        elif width >= MIN_RULE and height >= MIN_RULE:  # a box: its four sides
            vertical += [(left, bottom, top), (right, bottom, top)]
            horizontal += [(bottom, left, right), (top, left, right)]
    return Rules(_merged(vertical), _merged(horizontal))


def _merged(rules: list[tuple[float, float, float]]) -> tuple[tuple[float, float, float], ...]:
    """Collinear rules that touch or overlap, made one (each cell drawn as its own box).

    Rules are first gathered by position (a rule within :data:`JOIN` of the first
    of a group joins it, wherever a rounding would bucket them), then each
    group's rules are joined along their length; rules of one group that do not
    touch (two tables' column rules a point apart) stay apart, each at its own
    position.

    >>> _merged([(416.0, 42.0, 120.0), (416.5, 118.0, 400.0), (300.0, 42.0, 120.0)])
    ((300.0, 42.0, 120.0), (416.0, 42.0, 400.0))
    >>> _merged([(99.6, 10.0, 50.0), (100.4, 50.0, 90.0), (101.2, 100.0, 200.0)])
    ((99.6, 10.0, 90.0), (101.2, 100.0, 200.0))
    """
    groups: list[list[tuple[float, float, float]]] = []
    for rule in sorted(rules):
        if groups and rule[0] - groups[-1][0][0] <= JOIN:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    out: list[list[float]] = []
    for group in groups:
        joined: list[list[float]] = []
        for at, start, end in sorted(group, key=lambda r: (r[1], r[2])):
            last = joined[-1] if joined else None
            if last is not None and start <= last[2] + JOIN:
                last[2] = max(last[2], end)
                continue
            joined.append([at, start, end])
        out += joined
    return tuple((a, b, c) for a, b, c in sorted(out))


def _extents(line: TextLine) -> list[tuple[str, float, float, bool, float]]:
    """The line's tab-separated pieces: text, x at start and end, written space at end, baseline.

    An end of 0 is unknown; the space is :attr:`TextLine.spaces`. A piece's baseline is
    the line's unless its own (:attr:`TextLine.heights`) stands half a font size or
    more off it: a piece of the next line pdfium ran into this one.
    """
    texts, y = line.text.split("\t"), line.baseline or 0.0
    if len(texts) == len(line.cells):
        ends = line.ends if len(line.ends) == len(texts) else (0.0,) * len(texts)
        spaces = line.spaces if len(line.spaces) == len(texts) else (False,) * len(texts)
        ys = [h if abs(h - y) >= line.size / 2 else y for h in line.heights] \
            if len(line.heights) == len(texts) and line.size > 0.0 else [y] * len(texts)
        return [(t, x, end, sp, h) for t, x, end, sp, h in zip(
            texts, line.cells, ends, spaces, ys, strict=True) if t.strip()]
    return [(line.text.replace("\t", " "), line.left, line.right, line.spaced_end, y)] \
        if line.text.strip() else []


@dataclass(frozen=True, slots=True)
class _Cell:
    row: tuple[float, float, float, float]  # top, bottom, left and right of the table
    column: int
    columns: tuple[float, ...]  # the left edge of every column of the row


def _cell_of(x: float, y: float, rules: Rules,
             bands: dict[tuple[Rule, Rule], Grid] | None = None
             ) -> _Cell | None:
    """The table cell holding the point, or None outside a table of two columns or more.

    ``bands``: the column edges of each band already found (one page's, shared by its lines).
    """
    # the nearest rules across x above and below the point, in one pass over the rules
    top: Rule | None = None
    bottom: Rule | None = None
    for h in rules.horizontal:
        if h[1] - SLACK <= x <= h[2] + SLACK and not _past_side(h, x, rules):
            if h[0] > y:
                if top is None or h[0] < top[0]:
                    top = h
            elif h[0] < y and (bottom is None or h[0] > bottom[0]):
                bottom = h
    if top is None or bottom is None:
        return None
    known = bands.get((top, bottom)) if bands is not None else None
    if known is None:
        top_left, top_right, top_y = spread(top, rules.horizontal, rules.vertical)
        low_left, low_right, low_y = spread(bottom, rules.horizontal, rules.vertical)
        left_edge, right_edge = max(top_left, low_left), min(top_right, low_right)
        middle = (top[0] + bottom[0]) / 2
        known = (one_each(tuple(sorted({round(v[0], 1) for v in rules.vertical_at(middle)
                                        if left_edge - JOIN <= v[0] <= right_edge + JOIN
                                        and v[1] - JOIN <= bottom[0]
                                        and v[2] + JOIN >= top[0]}))), top_y, low_y)
        if bands is not None:
            bands[(top, bottom)] = known
    xs, top_y, low_y = known
    if len(xs) < 3 or not xs[0] - SLACK <= x <= xs[-1] + SLACK:
        return None
    column = max(i for i, edge in enumerate(xs[:-1]) if edge <= x + SLACK)
    return _Cell((top_y, low_y, xs[0], xs[-1]), column, tuple(xs[:-1]))


def cell_at(x: float, y: float, rules: Rules) -> tuple[float, float, float, float] | None:
    """The ruled cell at the point: left, bottom, right, top (points); None as :func:`_cell_of`."""
    if (cell := _cell_of(x, y, rules)) is None:
        return None
    edges = (*cell.columns, cell.row[3])
    return edges[cell.column], cell.row[1], edges[cell.column + 1], cell.row[0]


def _past_side(h: Rule, x: float, rules: Rules) -> bool:
    """Whether ``x`` lies past the column rule a horizontal rule ``h`` stops at.

    A cell merged over two rows has no rule across it between them: the rule under
    the first row stops at the merged cell's side, and the merged cell's text, set
    right past that side (a spreadsheet's cell padding is under a point), is no text
    of the first row's band.
    """
    if h[1] + JOIN < x < h[2] - JOIN:
        return False
    return any(v[1] - JOIN <= h[0] <= v[2] + JOIN and (
        (abs(v[0] - h[2]) <= JOIN and x > v[0]) or (abs(v[0] - h[1]) <= JOIN and x < v[0]))
        for v in rules.vertical)


def _cut_at_rules(line: TextLine, rules: Rules,
                  bands: dict[tuple[Rule, Rule], Grid]) -> TextLine:
    """``line`` with each white space a column's rule runs through a tab.

    A cell spread to its column's edge (Thai distributed justification: ``ลำดับที่``)
    leaves less than a tab's gap before the next cell's text (``ตัวชี้วัด``): one piece.
    The left edge of the row's cell after a space, a rule in it (:data:`SLACK`), parts them.
    """
    if line.baseline is None or not line.gaps:
        return line
    cut = []
    for n, (a, b) in enumerate(line.gaps):
        after = _cell_of(b, line.baseline, rules, bands)
        start = max((x for x in line.cells if x <= a), default=None)
        if after is None or start is None or not \
                a - SLACK <= after.columns[after.column] <= b + SLACK:
            continue
        before = _cell_of(start, line.baseline, rules, bands)
        if before is not None and before.row == after.row and before.column < after.column:
            cut.append(n)
    return tabs_at(line, cut)


def join_pieces(left: str, right: str) -> str:
    """Two pieces of one cell joined (:func:`bma_etl.rows.cell_separator`).

    >>> join_pieces("งบประมา", "ณ"), join_pieces("13,077,40", "0 บาท")
    ('งบประมาณ', '13,077,400 บาท')
    >>> join_pieces("898,300.", "00 บาท")
    '898,300.00 บาท'
    >>> join_pieces("31.50", "% :"), join_pieces("ครั้งที่ 2.", "ดำเนินการ")
    ('31.50 % :', 'ครั้งที่ 2. ดำเนินการ')
    """
    return left + cell_separator(left, right) + right if left else right


def with_table_rows(lines: list[TextLine], rules: Rules,
                    wraps_at_spaces: bool = False) -> list[TextLine]:
    """``lines`` with each ruled table row made one line of tab-separated cells.

    Lines outside any table, or only partly inside one, stay as they are. A line a
    cell's clip hid (:attr:`~.pdf_line.TextLine.clip`) goes to that cell wherever it
    stands (:mod:`.pdf_clip_cells`). A row keeps the baseline of its first line in
    view and the table's id (:func:`table_ids`),
    so no blank line is put between two rows of one table, and one is put between
    two tables stacked with no gap. A cell's lines join as :func:`join_pieces`
    says, or with a space after a line the PDF ended with a written space
    (LibreOffice) or, for a writer that wraps only at spaces (``wraps_at_spaces``:
    :func:`.pdf_wraps.writer_rules`), after a line that did not cut a run too long
    for the cell (:func:`.pdf_cell_cuts.cut_run`). A cell merged over rows goes to its
    first row, and each other row it covers gets :data:`~.pdf_rowspans.DITTO` there
    (:mod:`.pdf_rowspans`).
    """
    if len(rules.horizontal) < 2 or len(rules.vertical) < 3:
        return lines
    rows: dict[tuple[float, float, float, float],
               list[tuple[int, _Cell, str, float, float, float, bool]]] = {}
    placed: dict[int, tuple[float, float, float, float]] = {}
    bands: dict[tuple[Rule, Rule], Grid] = {}
    lines = [_cut_at_rules(line, rules, bands) for line in lines]
    found: list[tuple[int, list[tuple[str, float, float, bool, float]], list[_Cell]]] = []
    # a page whose cells' clips hid lines (:mod:`.pdf_clip_cells`): its rows may be shorter
    # than their lines, a line's baseline on its row's bottom rule; its letters stand over it
    clipped = any(line.clip for line in lines)
    body = BODY_EM if clipped else 0.0
    for index, line in enumerate(lines):
        if line.baseline is None:
            continue
        pieces, clip, lift = _extents(line), line.clip, body * line.size
        if clip is None:
            maybe = [_cell_of(pen_left(t, x, end, line.size), y + lift, rules, bands)
                     for t, x, end, _, y in pieces]
        else:  # a line a cell's clip hides: in that cell
            maybe = [_cell_of(min(max(x, clip[0]), clip[2]), (clip[1] + clip[3]) / 2, rules,
                              bands) for _, x, _, _, _ in pieces]
        if pieces and all(c is not None for c in maybe):
            found.append((index, pieces, [c for c in maybe if c is not None]))
    # a cell merged over rows: its text in its first row (:mod:`.pdf_rowspans`)
    firsts = merged_bands(c.row for _, _, cells in found for c in cells)
    grids = {c.row: c.columns for _, _, cells in found for c in cells}
    merged: dict[Band, float] = {}  # each merged band holding text: its column's left edge
    # lines run over a rule (:mod:`.pdf_overflow`): on a page whose cells' clips hid some,
    # every such line was hidden, and is in its cell
    moved = {} if clipped else overflow_moves(found, lines, _Cell)
    for index, pieces, cells in found:
        for k, cell in enumerate(cells):
            if cell.row in firsts and firsts[cell.row] in grids:
                at = merged[cell.row] = cell.columns[cell.column]
                first = firsts[cell.row]
                cells[k] = _Cell(first, column_at(grids[first], at), grids[first])
        own = {c.row for k, c in enumerate(cells) if (index, k) not in moved}
        cells = [moved.get((index, k), c) for k, c in enumerate(cells)]
        if len(own or {cells[0].row}) != 1:
            continue
        for (text, x, end, spaced, y), cell in zip(pieces, cells, strict=True):
            rows.setdefault(cell.row, []).append((index, cell, text.strip(), -y, x, end, spaced))
        placed[index] = min(own or {cells[0].row})
    ids = table_ids({row: members[0][1].columns for row, members in rows.items()})
    # rows over more distinct baselines than a row holds: their lines stay as they are
    tall = {row for row, members in rows.items()
            if len({round(m[3]) for m in members}) > MAX_LINES_PER_ROW}
    leads: dict[tuple[float, float, float, float], int] = {}  # each row's first line in view
    for index in sorted(placed, key=lambda k: lines[k].clip is not None):
        leads.setdefault(placed[index], index)
    out: list[TextLine] = []
    for index, line in enumerate(lines):
        row = placed.get(index)
        if row is None or row in tall:
            out.append(line)
            continue
        if leads[row] != index:
            continue
        members = rows[row]
        columns = members[0][1].columns
        texts = [""] * len(columns)
        size = max(lines[m[0]].size for m in members)
        last: dict[int, tuple[str, float, float, bool]] = {}  # each cell's line above
        tails: dict[int, float] = {}  # where the last word of each cell's line above starts
        for i, cell, text, _, x, end, space in sorted(members, key=lambda m: (m[3], m[4])):
            above, col = last.get(cell.column), cell.column
            right = columns[col + 1] if col + 1 < len(columns) else cell.row[3]
            # a piece with no white space is one word (its line may have no gaps to tell)
            tail, head = (x, end - x) if end and " " not in text \
                else word_edges(lines[i].gaps, x, end)
            cut = above is not None and cut_run(above, tails.get(col, 0.0), head, columns[col],
                                             right, size)
            spaced = above is not None and bool(texts[col]) and not cell_separator(
                texts[col], text) and (above[3] or (wraps_at_spaces and not cut))
            tight = text.replace(" ", "") if SPREAD_DIGITS.fullmatch(text.strip()) else text
            if above is not None and texts[col] and cut_inside_number(texts[col], tight):
                texts[col] += tight.strip()  # an amount the cell's edge cut (``๓๘๓,`` / ``๒๐๐``)
            elif spaced:
                texts[col] = f"{texts[col]} {text}"
            elif above is not None and (cut or not wraps_at_spaces) and cut_number(
                    texts[col], text, above, x, end, columns[col], right):
                texts[col] += text
            else:
                texts[col] = join_pieces(texts[col], text)
            last[col], tails[col] = (text, x, end, space), tail
        for band, at in merged.items():  # a row a merged cell covers: a ditto mark
            if row != firsts[band] and row in spanned_rows(band, rows, firsts[band]) \
                    and not texts[column_at(columns, at)].strip():
                texts[column_at(columns, at)] = DITTO
        out.append(replaced(line, text="\t".join(texts), size=size,
                            cells=tuple(x + SLACK for x in columns), ends=(),
                            table=ids[row]))
    return out
