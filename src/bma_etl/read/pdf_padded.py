"""Borderless tables whose rows padding sets apart (a web page's cells, printed).

Stage: read. Used by :func:`.pdf_borderless.top_aligned_rows` on the tab-aligned
lines of one table that no rules box (:class:`~.pdf_layout.TextLine`, baselines
in points).

A browser pads a table's cells (``cellpadding``, CSS ``padding``): two lines of
one cell stand a line pitch apart, two rows a line pitch and twice the padding.
Where every row of a table that surely starts one (text in its first column and
in another) stands further than a line pitch below the line above it, the rows
are padded, and a line one pitch below another goes on its row whatever its
columns, the first among them (a step name wrapped in its cell:
``๑. สืบค้น ค้นคว้า และวางแผนการดำเนินการ`` / ``รวมทั้งวิเคราะห์อุปสรรค``).
A word processor's table, whose rows follow one another at the line pitch, is
no such table.
"""

from __future__ import annotations

from bma_etl.read.pdf_layout import TextLine

#: Least share of a line pitch that padding adds between two rows for the table to
#: count as padded (a browser's 3 px a side at 12 px text add about a third).
PAD_SHARE = 0.15


def padded_rows(lines: list[TextLine], cols: list[dict[int, str]], pitch: float,
                one_cell: float) -> bool:
    """Whether the table's rows stand apart by padding (see module).

    ``cols``: each line's cells by column; ``pitch``: the line pitch (points);
    ``one_cell``: most points between two lines of one cell. True when at least
    two lines start a row for sure (column 0 and another column filled) and each
    of them, the first line aside, stands more than ``one_cell`` and more than
    :data:`PAD_SHARE` of a pitch beyond ``pitch`` below the line above it.
    """
    starts = [i for i in range(1, len(lines)) if 0 in cols[i] and len(cols[i]) > 1]
    if len(starts) < 2:
        return False
    for i in starts:
        top, low = lines[i - 1].baseline, lines[i].baseline
        if top is None or low is None:
            return False
        step = top - low
        if step <= one_cell or step < (1.0 + PAD_SHARE) * pitch:
            return False
    return True
