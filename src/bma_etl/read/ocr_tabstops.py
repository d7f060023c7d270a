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
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from bma_etl.read.ocr_tsv import TsvLine

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


@dataclass(frozen=True, slots=True)
class TabStops:
    """Where a page's cells start, to tell a tab from a word space.

    ``space``: the page's common word space (pixels); ``margin``: the left margin the
    pen returns to and ``stop`` the grid's step (pixels), ``stop`` None when the page
    shows no grid; ``columns``: x positions (pixels) where :data:`SHARED_LINES`
    lines start a cell; ``dpi``: pixels per inch.
    """

    space: float
    margin: float
    stop: float | None
    columns: tuple[float, ...]
    dpi: float

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
    return TabStops(space, margin, stop, columns, dpi)


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
    slack = SHARED_SLACK * dpi
    columns: list[float] = []
    group: list[tuple[int, int]] = []
    for x, n in [*tabbed, (10**9, -1)]:
        if group and x - group[0][0] > 2 * slack:
            if len({line for _, line in group}) >= SHARED_LINES:
                columns.append(float(statistics.median(gx for gx, _ in group)))
            group = []
        group.append((x, n))
    return tuple(columns)
