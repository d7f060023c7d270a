"""A scanned page's tab stops: white space that ends where the page's cells start is a tab.

Stage: read. Consumes the word pieces of an OCR'd page (or one column of it,
:class:`~.ocr_tsv.TsvLine`, pixels of the image read) before
:mod:`~.ocr_layout` builds their lines; gives a :class:`TabStops` that tells a
cell's white space from a word's.

A program that prints a text's tab rows (LibreOffice from a text file, on its
default stops every 1.25 cm; Word and fpdf2 every half inch) moves the pen to the
next stop, however little room the cell before left: a cell that ends near a stop
leaves a gap far narrower than :data:`~.ocr_layout.TAB_GAP` line heights, which
was read as a word space (a plan's indicator name ran on into its first target,
``…เมืองพี่เมืองน้อง ๗ ราย``). The word boxes still show the stops: on such a page
the words after wide white space start on one grid from the left margin the pen
returns to (:func:`tab_stops`), a few pixels right of each stop (the letter's side
bearing), and a table's cells start at x positions many lines share. White space
at least :data:`WIDE_SPACE` times the page's word space whose far side lands on the
grid (:data:`BEFORE` / :data:`AFTER`) or on such a shared start
(:data:`SHARED_LINES` lines) is a tab (:meth:`TabStops.is_tab`). A word after a
plain word space that happens to start on a stop stays a word; a tab narrower
than a word space is not seen (the text layer tells it by the pen's exact
position, :mod:`.pdf_tabstops`; a scan cannot).

A cell that ends closer still to its stop leaves a gap no wider than a word space
(a plan's step ``…กรุงเทพมหานคร 10`` before its share, a project's name before
its amount ``…แสงสว่าง 14,768,500 บาท``). Such a gap is a tab only before a number alone
in a table row's cell (:meth:`TabStops.with_cell_starts`): the line has a tab
already, the number is the last word before the next tab or the line's end, and it
starts where :data:`SHARED_LINES` lines start a cell after a tab
(:attr:`TabStops.anchors`), one of them within :data:`NEAR_LINES` line heights
above or below it. Running text has no tab; a number in a wrapped cell's text
(``ได้ครบ ๔ ขั้นตอน``, ``ร้อยละ ๘๐ ของ…``, ``11 ราย 20 ผลิตภัณฑ์``) has words after
it; an amount with its ``บาท`` after it is not seen (its name keeps it).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from bma_etl.read.ocr_tsv import TsvLine, TsvPiece

#: Default tab stops (inches): half an inch (Word, fpdf2) and 1.25 cm (LibreOffice).
DEFAULT_STOPS = (0.5, 1.25 / 2.54)
#: The printed stop may be this much (a share) longer or shorter on the scan: a
#: printer's or scanner's scale (the grid that fits best is taken).
SCALE_SLACK = 0.02
#: A word's ink starts this far left of its stop at most (inches: a scan's remaining
#: skew, a letter drawn over its origin) ...
BEFORE = 0.015
#: ... and this far right of it (inches: the letter's side bearing; on generated
#: 200 dpi scans read at 300 dpi, 0 to 5 pixels).
AFTER = 0.03
#: White space this many times the page's common word space, or wider, may be a tab
#: (a tab that ended near its stop: 2.5-4 times on the generated scans; word spaces
#: vary up to 1.9 times).
WIDE_SPACE = 2.0
#: A page shows a grid of stops with this many cells starting on it at least ...
MIN_ON_GRID = 5
#: ... this share of the words after wide white space (a word lands on a stop by
#: chance about one time in ten).
MIN_SHARE = 0.4
#: A cell start (after a tab's gap) this many lines share is a table column, ...
SHARED_LINES = 3
#: ... each within this many inches of their median.
SHARED_SLACK = 0.02
#: A narrow gap is a tab before a column's cell when a line this many line heights
#: above or below (top to top) starts a cell there after a tab: the rows of one
#: table (a step table's rows, two or three lines apart with their wraps).
NEAR_LINES = 10.0


@dataclass(frozen=True, slots=True)
class TabStops:
    """Where a page's cells start, to tell a tab from a word space.

    ``space``: the page's common word space (pixels); ``margin``: the left margin the
    pen returns to and ``stop`` the grid's step (pixels), ``stop`` None when the page
    shows no grid; ``columns``: x positions (pixels) where :data:`SHARED_LINES`
    lines start a cell; ``dpi``: pixels per inch; ``anchors``: each x position
    (pixels) where :data:`SHARED_LINES` lines start a cell after any tab
    (:meth:`is_tab`), with those lines' tops (pixels, sorted).
    """

    space: float
    margin: float
    stop: float | None
    columns: tuple[float, ...]
    dpi: float
    anchors: tuple[tuple[float, tuple[int, ...]], ...] = ()

    def on_grid(self, x: float) -> bool:
        """Whether a word whose ink starts at ``x`` (pixels) stands on one of the stops."""
        if self.stop is None:
            return False
        k = round((x - self.margin) / self.stop)
        off = x - self.margin - k * self.stop
        return k >= 1 and -BEFORE * self.dpi <= off <= AFTER * self.dpi

    def is_tab(self, gap: float, x: float) -> bool:
        """Whether white space ``gap`` pixels wide before a word starting at ``x`` is a tab."""
        if gap < WIDE_SPACE * self.space:
            return False
        slack = SHARED_SLACK * self.dpi
        return self.on_grid(x) or any(abs(x - c) <= slack for c in self.columns)

    def at_column(self, x: float, top: int, height: float) -> bool:
        """Whether a word at ``x`` on a line whose top is ``top`` starts a table's cell.

        True when ``x`` (pixels) is within :data:`SHARED_SLACK` of one of the
        :attr:`anchors` and another line of it starts within :data:`NEAR_LINES`
        times ``height`` (the line's height, pixels) of ``top``. The caller asks only
        for a line that has a tab already, after a gap Tesseract wrote a space in.
        """
        slack, near = SHARED_SLACK * self.dpi, NEAR_LINES * height
        return any(abs(x - c) <= slack and any(0 < abs(top - t) <= near for t in tops)
                   for c, tops in self.anchors)

    def with_cell_starts(self, pieces: list[TsvPiece], tabs: list[bool], height: float,
                         joined: list[bool]) -> list[bool]:
        """``tabs`` with the word spaces before a number alone in a table's cell made tabs.

        ``pieces``: one line's word pieces; ``tabs`` and ``joined``: for each gap
        between two pieces (``len(pieces) - 1``), whether it is a tab already and
        whether the pieces are one word; ``height``: the line's height (pixels). A
        gap becomes a tab when the piece after it starts with a digit (Arabic or
        Thai), its word is the last before a tab or the line's end, and it starts at
        a column (:meth:`at_column`). A number OCR glued to the word before
        (``…มหานคร10``, no space written) is left alone: a letter OCR made of a
        digit's ink glues the same way (``ว0`` for ``90``). Call it for a line
        that has a tab.
        """
        top = min(p.top for p in pieces)
        out = list(tabs)
        for i, piece in enumerate(pieces[1:]):
            if tabs[i] or joined[i] or not piece.text[:1].isdigit():
                continue
            j = i + 1
            while j < len(tabs) and joined[j] and not tabs[j]:
                j += 1
            if (j == len(tabs) or tabs[j]) and self.at_column(piece.left, top, height):
                out[i] = True
        return out


def tab_stops(lines: list[TsvLine], dpi: float, tab_gap: float) -> TabStops | None:
    """The tab stops of ``lines`` (a page or one column of it), None when it shows none.

    ``dpi``: pixels per inch of the image read; ``tab_gap``: white space this many
    line heights wide is a tab already (:data:`~.ocr_layout.TAB_GAP`). Word spaces
    are the gaps Tesseract wrote a space in (``spaces``), or, unknown, gaps of a
    quarter line or more.
    """
    if dpi <= 0 or not lines:
        return None
    spaces: list[int] = []
    wide: list[tuple[int, int, int]] = []  # (line, gap, x after it)
    for n, line in enumerate(lines):
        for before, piece in zip(line.pieces, line.pieces[1:], strict=False):
            gap = piece.left - before.right
            if gap >= tab_gap * line.height:
                wide.append((n, gap, piece.left))
            elif piece.spaces or (piece.spaces is None and gap >= line.height / 4):
                spaces.append(gap)
                wide.append((n, gap, piece.left))
    if len(spaces) < MIN_ON_GRID:
        return None
    space = float(max(statistics.median(spaces), 1))
    starts = [x for _, gap, x in wide if gap >= WIDE_SPACE * space]
    margin = _margin(lines, dpi)
    stop = _grid(starts, margin, dpi)
    tabbed = sorted((x, n) for n, gap, x in wide if gap >= tab_gap * lines[n].height)
    columns = _shared(tabbed, dpi)
    if stop is None and not columns:
        return None
    found = TabStops(space, margin, stop, columns, dpi)
    cells = sorted((x, n) for n, gap, x in wide
                   if gap >= tab_gap * lines[n].height or found.is_tab(gap, x))
    tops = [min((p.top for p in line.pieces), default=0) for line in lines]
    anchors = tuple((x, tuple(sorted({tops[n] for n in group})))
                    for x, group in _shared_groups(cells, dpi))
    return TabStops(space, margin, stop, columns, dpi, anchors)


def _margin(lines: list[TsvLine], dpi: float) -> float:
    """Where most of the lines start (pixels): the median start near the commonest one."""
    lefts = [line.pieces[0].left for line in lines if line.pieces]
    step = max(SHARED_SLACK * dpi, 1.0)
    common, _ = Counter(round(x / step) for x in lefts).most_common(1)[0]
    return float(statistics.median(x for x in lefts if abs(x / step - common) <= 1))


def _grid(starts: list[int], margin: float, dpi: float) -> float | None:
    """The stop (pixels) most of ``starts`` stand on, right of ``margin``; None if none."""
    if len(starts) < MIN_ON_GRID:
        return None
    best, most = None, 0
    for inches in DEFAULT_STOPS:
        steps = round(2 * SCALE_SLACK / 0.002)
        for i in range(steps + 1):
            stop = inches * dpi * (1 - SCALE_SLACK + i * 0.002)
            grid = TabStops(1.0, margin, stop, (), dpi)
            hits = sum(grid.on_grid(x) for x in starts)
            if hits > most:
                best, most = stop, hits
    if most < MIN_ON_GRID or most < MIN_SHARE * len(starts):
        return None
    return best


def _shared(tabbed: list[tuple[int, int]], dpi: float) -> tuple[float, ...]:
    """The x positions (pixels) where :data:`SHARED_LINES` lines or more start a cell.

    ``tabbed``: ``(x, line)`` of each cell start after a tab's gap, sorted by x.
    """
    return tuple(x for x, _ in _shared_groups(tabbed, dpi))


def _shared_groups(tabbed: list[tuple[int, int]], dpi: float
                   ) -> list[tuple[float, tuple[int, ...]]]:
    """Each x position (pixels) :func:`_shared` finds, with the lines (indices) there."""
    slack = SHARED_SLACK * dpi
    columns: list[tuple[float, tuple[int, ...]]] = []
    group: list[tuple[int, int]] = []
    for x, n in [*tabbed, (10**9, -1)]:
        if group and x - group[0][0] > 2 * slack:
            lines = tuple(sorted({line for _, line in group}))
            if len(lines) >= SHARED_LINES:
                columns.append((float(statistics.median(gx for gx, _ in group)), lines))
            group = []
        group.append((x, n))
    return columns
