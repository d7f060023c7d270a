"""Borderless tables whose rows padding sets apart (a web page's cells, printed).

Stage: read. Used by :func:`.pdf_borderless.top_aligned_rows` and
:func:`.pdf_columns.with_columns` on the tab-aligned
lines of one table that no rules box (:class:`~.pdf_layout.TextLine`, baselines
in points).

A browser pads a table's cells (``cellpadding``, CSS ``padding``): two lines of
one cell stand a line pitch apart, two rows a line pitch and twice the padding.
Where the steps between the table's lines are of these two kinds only, and
steps of the second kind repeat (the padding is the table's), the rows are
padded, and a line one pitch below another goes on its row whatever
its columns, the first among them (a step name wrapped in its cell:
``๑. สืบค้น ค้นคว้า และวางแผนการดำเนินการ`` / ``รวมทั้งวิเคราะห์อุปสรรค``).
A word processor's table, whose rows follow one another at the line pitch, is
no such table. A padding of a few pixels also leaves two cells closer than a
tab's gap: :func:`split_at_anchors` parts them where the table's columns start.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bma_etl.read.pdf_layout import TextLine

#: Least share of a line pitch that padding adds between two rows for the table to
#: count as padded (a browser's 3 px a side at 16 px text add a quarter), and most
#: by which two steps between rows of one table differ.
PAD_SHARE = 0.15


def padded_rows(lines: list[TextLine], pitch: float, one_cell: float) -> bool:
    """Whether the table's rows stand apart by padding (see module).

    ``pitch``: the line pitch (points); ``one_cell``: most points between two lines
    of one cell (a line of side-by-side cells is measured from its lowest piece,
    :attr:`TextLine.depth`). True when some step between two lines is ``one_cell`` or less
    (a cell wraps), some is more, and each of those is at least :data:`PAD_SHARE`
    of a pitch beyond ``pitch``, and two of those, if there are two or more, are
    within that of each other (the padding repeats; a header of cells spanning
    rows may stand further apart).
    """
    steps = []
    for above, below in pairwise(lines):
        if above.baseline is None or below.baseline is None:
            return False
        steps.append(above.baseline - above.depth - below.baseline)
    apart = sorted(step for step in steps if step > one_cell)
    if not apart or len(apart) == len(steps) or apart[0] < (1.0 + PAD_SHARE) * pitch:
        return False
    return len(apart) == 1 or any(b - a <= PAD_SHARE * pitch for a, b in pairwise(apart))


#: A cell that a narrow padding left closer to the one before than a tab's gap
#: starts within this many font sizes of its column's start.
SPLIT_EM = 0.3
#: Least width (font sizes) of such a gap: two paddings of 3 px and more, wider
#: than a word space (``ผลงานเดือนที่ ๑``, whose digit may stand at a column's start).
PADDING_GAP_EM = 0.75


def split_at_anchors(line: TextLine, anchors: list[float]) -> TextLine:
    """``line`` with each space that stands right before a column's start made a cell gap.

    A browser pads cells by a few pixels: two cells whose gap is under a tab's
    width (``๙,๗๙๗,๘๐๐ บาท`` / ``ส่วนส่งเสริมฯ``, 1.5 font sizes apart) come
    out as one. A space run (:attr:`TextLine.gaps`) after which the text starts
    within :data:`SPLIT_EM` font sizes of a column's start (``anchors``, points),
    where the line starts no cell yet, becomes a tab when it is wider than a word
    space (:data:`PADDING_GAP_EM`). The line unchanged when it
    has no such space or its spaces are not known.
    """
    size = line.size or 1.0
    if not line.gaps or len(line.ends) != len(line.cells):
        return line
    runs = list(re.finditer("[ \u00a0]+", line.text))
    if len(runs) != len(line.gaps):
        return line
    cuts = [n for n, (end, start) in enumerate(line.gaps)
            if start - end >= PADDING_GAP_EM * size
            and any(abs(start - x) <= SPLIT_EM * size for x in anchors)
            and not any(abs(start - c) <= size for c in line.cells)]
    if not cuts:
        return line
    text, done = "", 0
    for n in cuts:
        text += line.text[done:runs[n].start()] + "\t"
        done = runs[n].end()
    text += line.text[done:]
    starts = sorted([*line.cells, *(line.gaps[n][1] for n in cuts)])
    ends = sorted([*line.ends, *(line.gaps[n][0] for n in cuts)])
    return replace(line, text=text, cells=tuple(starts), ends=tuple(ends), heights=(),
                   spaces=(), gaps=tuple(g for n, g in enumerate(line.gaps) if n not in cuts))
