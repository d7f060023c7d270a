"""Where a line's pen moved on between two letters with no white space: a cell on a tab stop.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`, whose
lines carry what is found here as :attr:`.pdf_line.TextLine.jumps`, read by
:func:`.pdf_tabstops.with_tab_stops`). A program that prints a text's tab rows by
moving its pen to the next default tab stop (fpdf2 as bench/corpus/render.fpdf_lines
prints) starts a cell on the stop however little room the cell before left. A cell
whose text fills its column to less than a word space before the stop (Loma's wide
letters: ``…ในพื้นที่`` ending two points before the stop its step's share ``20``
starts on) is followed by no white space: the PDF writes none and pdfium makes up
none, or one the line builder drops as too narrow (:data:`.pdf_layout.JOIN_GAP_EM`).
Read as it stands, the two cells are one word (``ในพื้นที่20``), and the row's lines
look like one tall cell beside its last one (``100``), which took the table's total
row under it into the step.

A writer sets a word's letters one advance after another: between two letters of
one word there is no gap (a shaping writer's kerning moves a letter by hundredths
of a font size). A gap wider than :data:`JUMP_EM` font sizes where no white space
is kept is noted with its two sides, on a line that holds cells already (a tab row;
a line a vertical rule crosses is cut by its rules instead, :mod:`.pdf_crossing`);
whether it is a cell break is judged from the document's tab grid, where the letter
after it must start.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from bma_etl.read.pdf_line import THAI_MARKS as _MARKS

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

#: A gap between the advance boxes of two letters wider than this many font sizes,
#: with no white space kept in it, is the pen moved on, not a word's letters (fpdf2
#: leaves none between a word's letters, a shaping writer's kerning a hundredth or two).
JUMP_EM = 0.05

Jump = tuple[int, float, float]  # offset into the line's text, near side, far side (points)

_SPACES = re.compile("[ \u00a0]+")
_WHITE = " \u00a0\t"


def line_jumps(line: _Line, rebuilt: str) -> tuple[Jump, ...]:
    """Where ``line``'s pen moved on to a letter with no white space kept before it.

    ``line``: a line being rebuilt (:class:`.pdf_layout._Line`, its characters and
    their page indexes), ``rebuilt``: the text made of it (its white space decided,
    no rule crossing it). Each jump is the letter's offset into ``rebuilt`` stripped
    of its leading white space (as the line's text is kept), where the letters before
    it end and where it starts (x, points): inside a run of letters (:meth:`.pdf_gaps.
    PageGaps.jumps`), or where a space pdfium made up was dropped. None when ``rebuilt``
    does not hold ``line``'s letters in order (nothing is told then).
    """
    page = line.page
    if page is None:
        return ()
    text, apart = line.text, page.jumps()
    lead = len(rebuilt) - len(rebuilt.lstrip(_WHITE))
    found: list[Jump] = []
    cursor, last = 0, -1  # where the text rebuilt so far ends; where the last run ended
    done = 0
    for run in (*_SPACES.finditer(text), None):
        start, end = done, run.start() if run else len(text)
        done = run.end() if run else done
        if end <= start:
            continue
        at = rebuilt.find(text[start:end], cursor)
        if at < 0 or rebuilt[cursor:at].strip(_WHITE):
            return ()
        if at == last:  # the white space before the run was dropped
            _note(line, start, at, found)
        for pos in _apart(line, start, end, apart):
            _note(line, pos, at + pos - start, found)
        cursor = last = at + end - start
    return tuple((offset - lead, near, far) for offset, near, far in found if offset > lead)


def _apart(line: _Line, start: int, end: int, apart: list[int]) -> list[int]:
    """The positions in ``line.text[start:end]`` (after its first) of letters in ``apart``."""
    index = line.index
    if end - start < 2 or not apart:
        return []
    if isinstance(index, range):
        lo = bisect_left(apart, index[start + 1])
        hi = bisect_right(apart, index[end - 1])
        return [j - index.start for j in apart[lo:hi]]
    wanted = set(apart)
    return [pos for pos in range(start + 1, end) if index[pos] in wanted]


def _note(line: _Line, pos: int, offset: int, found: list[Jump]) -> None:
    """Note ``line.text[pos]`` at ``offset`` when its gap to the letters before it is a jump."""
    text = line.text
    if text[pos] in _MARKS:  # a mark stands over its letter, wherever its box
        return
    k = pos - 1
    while k >= 0 and text[k] in _WHITE:
        k -= 1
    if k < 0:
        return
    near = line.box(k)[1]
    while k > 0 and text[k] in _MARKS:  # the letter under the marks, and its marks
        k -= 1
        near = max(near, line.box(k)[1])
    far = line.box(pos)[0]
    size = line.g.size(line.index[pos])
    if size > 1.0 and far - near > JUMP_EM * size:
        found.append((offset, near, far))
