"""Cells set at default tab stops, whatever white space they leave before them.

Stage: read (runs in the PDF worker process; works on a page's
:class:`.pdf_line.TextLine` list as :func:`.pdf_layout.page_lines` made it, before
ruled rows are joined and columns aligned). A program that prints a text's tab rows
by moving the pen to the next default tab stop (every half inch or 1.25 cm from the
left margin, as a word processor's stops stand; fpdf2 as
bench/corpus/render.fpdf_lines prints) starts each cell exactly on that grid,
however little room the cell before left: a short cell ending just before a stop
leaves a gap narrower than :data:`.pdf_glyphs.TAB_GAP_EM` (even narrower than a
space), which the line builder reads as a word space. A page whose cells stand on
such a grid shows it (:func:`tab_grid`); then white space whose far side lands on
the grid (to :data:`ON_GRID` points) is a cell break, unless it is as wide as the
page's word space (a word that happens to start on a stop). Only a table's header
over its second row is cut so (:func:`with_tab_stops`): the header of a plan's
target table ran into its row of years, and the targets under them were lost; and,
in a line set at stops already, the white space before its figures (a step's share
set on the stop its description ended a space or more short of).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Any

from bma_etl.normalize.digits import DIGIT
from bma_etl.read.pdf_line import TextLine, replaced

#: Default tab stops (points): half an inch (Word, fpdf2 as a word processor's) and
#: 1.25 cm (LibreOffice).
DEFAULT_STOPS = (36.0, 1.25 / 2.54 * 72)
#: A cell starts on a stop when it stands this close to it (points): a program writes
#: the pen's position to a hundredth of a point; a word after a space lands within
#: this of a stop one time in 900.
ON_GRID = 0.02
#: A document shows a grid of stops with at least this many cells or gaps starting on
#: it, ...
MIN_ON_GRID = 5
#: ... this share of all its cells and gaps (a word after a space lands on a stop by
#: chance one time in 900; a tab row's cells all do).
MIN_SHARE = 0.1
#: White space within this many points of the page's common word space (at the
#: font size) is a space, wherever the word after it starts.
SAME_SPACE = 0.02

_SPACES = re.compile("[ \u00a0]+")
_NUMBER = re.compile(rf"{DIGIT}(?:{DIGIT}|[,.])*%?")
_LETTER = re.compile("[A-Za-zก-ฮะ-ฺเ-ๆ]")


def pen_margin(lines: list[TextLine]) -> float | None:
    """Where most of a page's lines start (x, points, to a hundredth), None without lines.

    The left margin a printing program returns its pen to; its tab stops count from it.
    """
    starts = Counter(round(line.cells[0], 2) for line in lines if line.cells)
    return starts.most_common(1)[0][0] if starts else None


def on_stop(x: float, margin: float, stop: float) -> bool:
    """Whether ``x`` stands on a stop right of ``margin`` (a stop every ``stop`` points)."""
    k = round((x - margin) / stop)
    return k >= 1 and abs(x - margin - k * stop) <= ON_GRID


def on_tab_grid(cells: tuple[float, ...] | list[float], margin: float) -> bool:
    """Whether each of ``cells`` (x, points; one at least) stands on one default grid.

    The grid is a stop of :data:`DEFAULT_STOPS` every so many points right of
    ``margin`` (the left margin the pen returns to), each cell within
    :data:`ON_GRID`: the cells a program set by moving its pen to the next stop.

    >>> on_tab_grid([117.35, 369.35], 45.35), on_tab_grid([117.35, 370.1], 45.35)
    (True, False)
    """
    return bool(cells) and any(all(on_stop(x, margin, stop) for x in cells)
                               for stop in DEFAULT_STOPS)


def tab_grid(pages: list[list[TextLine]]) -> float | None:
    """The stop (points) a document's cells stand on (:data:`DEFAULT_STOPS`), None if none.

    Counted over its pages' untabled lines: the cells after the first and the far
    sides of white space inside lines, each page from its own left margin.
    """
    xs: list[float] = []  # each start, and the margin of its page
    margins: list[float] = []
    for lines in pages:
        margin = pen_margin(lines)
        if margin is None:
            continue
        for line in lines:
            if line.table is None:
                xs.extend(line.cells[1:])
                xs.extend(b for _, b in line.gaps)
        margins.extend([margin] * (len(xs) - len(margins)))
    if len(xs) < MIN_ON_GRID:
        return None
    import numpy as np

    # on_stop of every start at once: the same sums in the same order (round half to even)
    shifts = np.array(xs, dtype=np.float64) - np.array(margins, dtype=np.float64)
    best, most = None, 0
    for stop in DEFAULT_STOPS:
        k = np.rint(shifts / stop)
        hits = int(np.count_nonzero((k >= 1) & (np.abs(shifts - k * stop) <= ON_GRID)))
        if hits >= MIN_ON_GRID and hits >= MIN_SHARE * len(xs) and hits > most:
            best, most = stop, hits
    return best


def _word_spaces(lines: list[TextLine]) -> dict[float, float]:
    """The commonest white-space width (points, to a hundredth) inside lines, per font size."""
    widths: dict[float, Counter[float]] = {}
    for line in lines:
        for a, b in line.gaps:
            widths.setdefault(line.size, Counter())[round(b - a, 2)] += 1
    return {size: counts.most_common(1)[0][0] for size, counts in widths.items()}


def with_tab_stops(pages: list[list[TextLine]]) -> None:
    """Make white space before a cell set on the document's tab grid a tab, in place.

    ``pages``: each page's lines (:class:`.pdf_line.TextLine`). Only a table's header
    over its second row is cut: two lines, one right above the other, that each hold a
    whole row (neither they nor the line above them reaches within a stop of the
    page's right edge: a row too long for one line goes on in the next, cut anywhere,
    and the layouts read such rows as running text), the second starting on a stop
    (its first cells empty: a plan's row of years under ``ค่าเป้าหมาย``), both with
    white space before a stop; or the header cut into cells already, each after its
    first on the grid (its cells left a tab's gap before their stops, the years under
    them less), when the second's cut leaves each cell within a stop. A line of a
    ruled table, or one whose cells or white space are not known, is left as it is.
    """
    stop = tab_grid(pages)
    if stop is None:
        return
    for lines in pages:
        margin, spaces = pen_margin(lines), _word_spaces(lines)
        if margin is not None:
            lines[:] = [_cut_on_grid(line, margin, stop, spaces.get(line.size))
                        for line in lines]
        order = sorted((k for k, line in enumerate(lines) if line.text and line.cells
                        and line.baseline is not None), key=lambda k: -(lines[k].baseline or 0.0))
        if margin is None or not order:
            continue
        edge = max(lines[k].right for k in order) - stop
        cut = {k: line for k in order if lines[k].table is None and lines[k].gaps
               and (line := _split(lines[k], margin, stop, spaces.get(lines[k].size)))
               is not lines[k]}
        for n, (upper, lower) in enumerate(pairwise(order)):
            if lower in cut and (upper in cut or (_set_on_grid(lines[upper], margin, stop)
                                                  and _one_stop_each(cut[lower], stop))) \
                    and on_stop(lines[lower].cells[0], margin, stop) \
                    and max(lines[upper].right, lines[lower].right) <= edge \
                    and (n == 0 or lines[order[n - 1]].right <= edge):
                lines[upper], lines[lower] = cut.get(upper, lines[upper]), cut[lower]


def _cut_on_grid(line: TextLine, margin: float, stop: float, space: float | None) -> TextLine:
    """``line`` with a tab before each cell its pen moved on to a stop (fpdf2's tab rows).

    Only in a line set at stops already (:func:`_set_on_grid`): a cell that filled its
    column to less than a tab's gap before the next stop, and the cell set on that
    stop (``…ในพื้นที่`` and ``20``), are two cells of the row, as its other cells are.
    The pen's move is a jump between two letters with no white space kept
    (:mod:`.pdf_jumps`: Loma's wide letters end two points short of the stop), or a
    white-space run wider or narrower than the page's word space
    (:func:`_off_space_on_grid`; ``space``: points at the line's size, None when
    unknown; a run as wide as it, a word after a space that happens to start on a
    stop, is no cell) before the row's figures (:func:`_numbers_on`): pdfium makes up
    a space in the pen's move where the cell ended a word space or more short of the
    stop (Norasi's narrow letters), and where it ended less than a word space short
    (Kinnari, Laksaman, Sarabun at 10 pt: a space a tenth to a quarter narrower than
    a word space). Read as one cell, the step's lines looked like one tall cell beside
    its cumulative share, and the total row under it was joined into the step. Either
    one's far side is on the grid.
    ``margin``: the left margin the pen returns to; ``stop``: the grid's stop (points).
    """
    if not (line.jumps or line.gaps) or not _set_on_grid(line, margin, stop) \
            or line.text.count("\t") + 1 != len(line.cells):
        return line
    cuts = [(at, at, near, far) for at, near, far in line.jumps if on_stop(far, margin, stop)]
    spaced = {n: cut for n, cut in _space_cuts(line, _off_space_on_grid(line, margin, stop, space))
              .items() if _numbers_on(line.text[cut[1]:])}
    cuts.extend(spaced.values())
    if not cuts:
        return line
    gaps = tuple(gap for n, gap in enumerate(line.gaps) if n not in spaced)
    return replaced(line, **_with_tabs(line, sorted(cuts, reverse=True)), jumps=(), gaps=gaps)


def _numbers_on(rest: str) -> bool:
    """Whether ``rest`` (a line's text from a cell's start on) is numbers, the first first.

    A row's figures (a step's share and cumulative share, a target's count) and marks
    (a schedule's arrows), no word: a header's or a name's words after a space that
    lands on a stop are left to the layouts, which read such rows as running text.
    """
    words = rest.split()
    return bool(words) and _NUMBER.fullmatch(words[0]) is not None \
        and not any(_LETTER.search(word) for word in words)


def _set_on_grid(line: TextLine, margin: float, stop: float) -> bool:
    """Whether ``line`` is cut into cells already, each after its first on the tab grid.

    The grid: a stop every ``stop`` points right of ``margin``; a ruled table's line is none.
    """
    return line.table is None and len(line.cells) > 1 \
        and all(on_stop(x, margin, stop) for x in line.cells[1:])


def _one_stop_each(line: TextLine, stop: float) -> bool:
    """Whether each cell of ``line`` is narrower than a stop (``stop``: points).

    A cell wider holds text of two stops the reader ran together (fpdf2 sets years
    at stops closer than their width: ``๒๕๕๗๒๕๕๘``): the cut does not give the grid's
    cells, and a line cut so is read worse than one left as running text.
    """
    rights = [*line.ends[:len(line.cells)], *[line.right] * (len(line.cells) - len(line.ends))]
    return all(right - left <= stop for left, right in zip(line.cells, rights, strict=True))


def _off_space_on_grid(line: TextLine, margin: float, stop: float, space: float | None
                       ) -> list[int]:
    """The white-space runs of ``line`` a pen's move to a stop may have left (indexes into gaps).

    Each run's far side stands on the grid (a stop every ``stop`` points right of
    ``margin``) and its width differs from ``space`` (the page's word space at the
    line's size, points; None when unknown) by more than :data:`SAME_SPACE`, wider or
    narrower: a word after a word space that happens to start on a stop is no cell.
    """
    return [n for n, (a, b) in enumerate(line.gaps) if on_stop(b, margin, stop)
            and (space is None or abs(b - a - space) > SAME_SPACE)]


def _split(line: TextLine, margin: float, stop: float, space: float | None) -> TextLine:
    """``line`` with each white-space run before a stop a tab (cells, ends, gaps kept right)."""
    return tabs_at(line, _off_space_on_grid(line, margin, stop, space))


def tabs_at(line: TextLine, cut: list[int]) -> TextLine:
    """``line`` with its white-space runs ``cut`` (indexes into :attr:`TextLine.gaps`) tabs.

    Each such run starts a cell at its far side and ends the cell before at its
    near side; cells, ends, heights, spaces and the other gaps are kept right. The
    line as it is when its runs do not match its gaps one for one, or ``cut`` is empty.
    """
    cuts = _space_cuts(line, cut)
    if not cuts:
        return line
    gaps = tuple(gap for n, gap in enumerate(line.gaps) if n not in cuts)
    return replaced(line, **_with_tabs(line, sorted(cuts.values(), reverse=True)), gaps=gaps)


def _space_cuts(line: TextLine, cut: list[int]) -> dict[int, tuple[int, int, float, float]]:
    """``{n: (start, end, near, far)}``: each white-space run ``n`` of ``cut`` as a cut.

    ``n`` indexes :attr:`TextLine.gaps`; ``start``/``end``: the run's characters in the
    line's text, ``near``/``far``: its sides (points), as :func:`_with_tabs` takes them.
    Empty when the line's runs do not match its gaps one for one.
    """
    runs = list(_SPACES.finditer(line.text))
    if len(runs) != len(line.gaps):
        return {}
    return {n: (runs[n].start(), runs[n].end(), *line.gaps[n]) for n in cut}


def _with_tabs(line: TextLine, cuts: list[tuple[int, int, float, float]]) -> dict[str, Any]:
    """The fields of ``line`` with a tab put in at each of ``cuts``, right to left.

    A cut ``(start, end, near, far)`` replaces ``text[start:end]`` (a white-space run,
    or nothing where no space was kept) with a tab: a cell starts at ``far`` and the
    cell before ends at ``near`` (points); heights and spaces are kept per cell.
    """
    text, cells, ends = line.text, list(line.cells), list(line.ends)
    heights, spaces = list(line.heights), list(line.spaces)
    count = len(cells)
    for start, end, near, far in cuts:
        piece = text[:start].count("\t")
        text = text[:start] + "\t" + text[end:]
        cells.insert(piece + 1, far)
        if len(line.ends) == count:
            ends.insert(piece, near)
        if len(line.heights) == count:
            heights.insert(piece + 1, heights[piece])
        if len(line.spaces) == count:
            spaces.insert(piece, False)
    return {"text": text, "cells": tuple(cells), "ends": tuple(ends),
            "heights": tuple(heights), "spaces": tuple(spaces)}
