"""Borderless tables whose rows padding sets apart (a web page's cells, printed).

Stage: read. Used by :func:`.pdf_borderless.top_aligned_rows` on the tab-aligned
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
no such table.
"""

from __future__ import annotations

from itertools import pairwise

from bma_etl.read.pdf_layout import TextLine

#: Least share of a line pitch that padding adds between two rows for the table to
#: count as padded (a browser's 3 px a side at 16 px text add a quarter), and most
#: by which two steps between rows of one table differ.
PAD_SHARE = 0.15


def padded_rows(lines: list[TextLine], pitch: float, one_cell: float) -> bool:
    """Whether the table's rows stand apart by padding (see module).

    ``pitch``: the line pitch (points); ``one_cell``: most points between two lines
    of one cell. True when some step between two lines is ``one_cell`` or less
    (a cell wraps), some is more, and each of those is at least :data:`PAD_SHARE`
    of a pitch beyond ``pitch``, and two of those, if there are two or more, are
    within that of each other (the padding repeats; a header of cells spanning
    rows may stand further apart).
    """
    steps = []
    for above, below in pairwise(lines):
        if above.baseline is None or below.baseline is None:
            return False
        steps.append(above.baseline - below.baseline)
    apart = sorted(step for step in steps if step > one_cell)
    if not apart or len(apart) == len(steps) or apart[0] < (1.0 + PAD_SHARE) * pitch:
        return False
    return len(apart) == 1 or any(b - a <= PAD_SHARE * pitch for a, b in pairwise(apart))
